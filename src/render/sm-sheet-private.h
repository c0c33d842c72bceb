/* sm-sheet-private.h: the routine sheet's shared state, for the files
 * that draw it (sm-sheet*.c), and what the tests may look at
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "sm-badge-layout.h"
#include "sm-sheet.h"

G_BEGIN_DECLS

/* --- Measures and type --------------------------------------------------- */

#define MARGIN        36.0
#define FOOTER_HEIGHT 22.0
#define GAP           12.0
/* One family that has every glyph the sheet prints (✓, ×, –, “ ”, the
 * accented letters of the translations), so no page falls back to a second
 * font: each font embedded in a PDF costs a lookup and a subset. DejaVu
 * Sans is open and easy to read on paper; its condensed cut (Debian's
 * fonts-dejavu-extra) keeps a German sheet on one page.
 *
 * Named the way Pango names the font it finds (family, then width, and
 * "Oblique" for DejaVu's slanted cut): Pango looks a font up once for the
 * sheet's description and once more for the font's own when it measures
 * the font's metrics, each lookup in two threads of its own. With the two
 * descriptions the same, and the context's font options and resolution
 * those of a fresh context (sm-sheet-pages.c), the second is the first. */
#define FONT_FAMILY   "DejaVu Sans Semi-Condensed"

/* A small type scale: each distinct face and size costs a font lookup
 * (pango runs it in a thread of its own), and a sheet reads calmer with
 * few sizes anyway. */
#define FONT_TITLE      FONT_FAMILY " Bold 22"
#define FONT_HEADING    FONT_FAMILY " Bold 11"
#define FONT_LEAD       FONT_FAMILY " 11"
#define FONT_BODY       FONT_FAMILY " 9"
#define FONT_BODY_EMPH  FONT_FAMILY " Oblique 9"
#define FONT_SMALL      FONT_FAMILY " 8"
#define FONT_SMALL_BOLD FONT_FAMILY " Bold 8"
#define SPAN_SMALL      "<span size='8192'>"
#define MAX_BOX_LINES 12
#define FIGURE_MIN_HEIGHT 200.0
#define FIGURE_MAX_HEIGHT 270.0
#define FIGURE_WIDTH  160.0
/* The tolerance (points) the body and the pictures of the positions are
 * drawn with. On a PDF it only sets how closely cairo measures each shape
 * to find its box, which it does two or three times per stroke (the
 * curves still go into the file as curves), so a coarser one makes that
 * measuring cheaper. The box can come out smaller by up to the tolerance,
 * and cairo clips a shape drawn under a clip to its box: 0.25 pt (cairo's
 * own is 0.1) keeps that below half a pixel at 150 dpi, and the built-in
 * routines' sheets come out byte for byte the same. It would also turn
 * arcs wider than 5.4 pt into fewer curves, so arcs keep cairo's
 * tolerance: librsvg builds its own curves, sm-figure.c its arcs at 0.1,
 * and the sheet's own (badges, boxes, pain dots) are drawn outside it. */
#define SHEET_ART_TOLERANCE 0.25

/* --- The sheet ----------------------------------------------------------- */

struct _SmSheet
{
  GObject       parent_instance;

  /* Owned references: what the sheet shows */
  SmRoutine    *routine;
  SmAtlas      *atlas;
  GDateTime    *date;

  /* Owned references: text, artwork and pages, made on the first layout */
  PangoContext *pango;        /* shared by every layout, so fonts are looked up once */
  GHashTable   *layouts;      /* key → PangoLayout: each text is shaped once */
  GThread      *art_loader;   /* prepares the artwork while the text is laid out */
  GThread      *pose_reader;  /* reads the pictures' poses, likewise; joined in finalize */
  GPtrArray    *art;          /* ViewArt*, one per view on the sheet */
  GPtrArray    *pages;        /* cairo_surface_t*: each page recorded, footer aside */
  double        pages_width;
  double        pages_height;

  /* A borrowed reference: only compared, to notice another context */
  cairo_t      *pages_cr;     /* the context the pages were laid out for */
};

/* One pass of the layout down the pages: measuring (target -1), recording
 * each page, or painting straight onto a PDF page after page. */
typedef struct
{
  SmSheet *sheet;
  cairo_t *cr;
  double   width;
  double   height;
  double   left;
  double   right;
  double   y;
  double   bottom;
  int      page;     /* page the cursor is on */
  int      target;   /* 0 while recording, -1 while measuring */
  GPtrArray *crs;    /* cairo_t* recording each page; NULL: not recording */
  double   reserved; /* room kept free at the foot of page 1 for the safety box */
  gboolean pinned;   /* the safety box went into that room */
  guint    n_pages;  /* painting straight onto cr page after page: how many */
} Flow;

typedef struct
{
  double r, g, b;
} Rgb;

static const Rgb ink          G_GNUC_UNUSED = { 0.16, 0.15, 0.14 };
static const Rgb muted        G_GNUC_UNUSED = { 0.42, 0.40, 0.38 };
static const Rgb rule         G_GNUC_UNUSED = { 0.80, 0.77, 0.74 };
static const Rgb accent       G_GNUC_UNUSED = { 0.75, 0.33, 0.10 };
static const Rgb heat_fill    G_GNUC_UNUSED = { 0.99, 0.95, 0.90 };
static const Rgb heat_line    G_GNUC_UNUSED = { 0.88, 0.62, 0.40 };
static const Rgb stretch_fill G_GNUC_UNUSED = { 0.93, 0.97, 0.93 };
static const Rgb stretch_line G_GNUC_UNUSED = { 0.52, 0.72, 0.52 };
static const Rgb safety_fill  G_GNUC_UNUSED = { 0.99, 0.93, 0.92 };
static const Rgb safety_line  G_GNUC_UNUSED = { 0.78, 0.16, 0.16 };
static const Rgb stripe       G_GNUC_UNUSED = { 0.97, 0.96, 0.95 };

/* --- Body views ---------------------------------------------------------- */

/* One zone and side on a body view, with every step that works on it. */
typedef struct
{
  char          *element;  /* zone-<id>-<side> */
  GArray        *numbers;  /* guint: the 1-based numbers of its steps */
  gboolean           deep;
  gboolean           found; /* whether the artwork has the element */
  cairo_rectangle_t  box;   /* its logical box at the SVG's intrinsic size */
} Mark;

/* One body view ready to draw: SmAnatomy's paper styles of the view
 * parsed and the marked muscles measured. The first parse takes as long
 * as laying out all the text, so a thread does it meanwhile (the marks are
 * only handed over, never shared while it runs). */
typedef struct
{
  const char *view;     /* "back" or "front" */
  GArray     *marks;
  GPtrArray  *elements; /* the marks' element ids, NULL-terminated */
  double      iw, ih;   /* intrinsic size */
  GError     *error;    /* set when the view could not be loaded */
  SmBadge    *badges;  /* where the numbers went, one per mark, last drawn */
  double      scale;   /* points per SVG unit they were placed for */
} ViewArt;

/* --- Painting (sm-sheet-paint.c) ----------------------------------------- */

static inline gboolean
sm_sheet_is_painting (Flow *flow)
{
  return flow->target >= 0;
}

static inline void
sm_sheet_set_colour (cairo_t   *cr,
                     const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

PangoLayout *sm_sheet_get_layout          (Flow        *flow,
                                           const char  *font,
                                           double       width,
                                           const char  *text,
                                           gboolean     markup,
                                           int          max_lines);
PangoLayout *sm_sheet_text_layout         (Flow        *flow,
                                           const char  *font,
                                           double       width,
                                           const char  *text);
PangoLayout *sm_sheet_markup_layout       (Flow        *flow,
                                           const char  *font,
                                           double       width,
                                           const char  *markup);
double       sm_sheet_layout_height       (PangoLayout *layout);
void         sm_sheet_paint_layout        (Flow        *flow,
                                           PangoLayout *layout,
                                           const Rgb   *colour,
                                           double       x,
                                           double       y);
void         sm_sheet_paint_box           (Flow        *flow,
                                           double       x,
                                           double       y,
                                           double       width,
                                           double       height,
                                           const Rgb   *fill,
                                           const Rgb   *line);
void         sm_sheet_paint_rule          (Flow        *flow,
                                           double       x0,
                                           double       x1,
                                           double       y,
                                           const Rgb   *colour,
                                           double       width);
void         sm_sheet_paint_badge         (Flow        *flow,
                                           double       cx,
                                           double       cy,
                                           double       radius,
                                           const char  *font,
                                           const char  *label);

/* --- Fonts and pages (sm-sheet-pages.c) ---------------------------------- */

void         sm_sheet_start_loading_fonts (void);
void         sm_sheet_wait_for_fonts      (void);
void         sm_sheet_paint_footer        (Flow        *flow,
                                           guint        n_pages);
void         sm_sheet_reserve             (Flow        *flow,
                                           double       height);
void         sm_sheet_ensure_layout       (SmSheet     *self,
                                           cairo_t     *cr,
                                           double       width,
                                           double       height);
void         sm_sheet_paint_all_pages     (SmSheet     *self,
                                           cairo_t     *cr,
                                           double       width,
                                           double       height);

/* --- The body views (sm-sheet-figure.c) ---------------------------------- */

/* A thread that reads the back view's file, for sm_sheet_warm_up (). */
GThread     *sm_sheet_start_reading_back  (void);
void         sm_sheet_start_loading_art   (SmSheet     *self);
guint        sm_sheet_list_views          (SmSheet     *self,
                                           const char  *views[2]);
void         sm_sheet_paint_body_view     (Flow        *flow,
                                           const char  *view,
                                           double       x,
                                           double       y,
                                           double       width,
                                           double       height);

/* For tests: the badges of @view as last drawn (SVG units), and how many;
 * NULL before the sheet was drawn or when it does not show @view. */
const SmBadge *sm_sheet_get_badges        (SmSheet     *self,
                                           const char  *view,
                                           guint       *n_badges,
                                           double      *scale);

/* --- Sections (sm-sheet-sections.c, sm-sheet-steps.c) -------------------- */

void         sm_sheet_flow_header         (Flow        *flow);
void         sm_sheet_flow_overview       (Flow        *flow);
void         sm_sheet_flow_pain_key       (Flow        *flow);
/* sm-sheet-suggestions.c */
gboolean     sm_sheet_flow_pain_suggestions (Flow      *flow,
                                             double     key_end);
void         sm_sheet_reserve_for_bottom  (Flow        *flow);
void         sm_sheet_flow_steps          (Flow        *flow);

/* sm-sheet-poses.c: the pictures of the positions */
#define POSE_ROW_HEIGHT     30.0  /* a step row's picture, at most */
#define POSE_ROW_MIN_HEIGHT 22.0  /* and at least */
#define POSE_BOX_HEIGHT 28.0  /* a stretch's, in the stretches box */
double       sm_sheet_pose_width          (const char    *pose_id,
                                           double         height);
const char  *sm_sheet_step_pose           (SmSheet       *self,
                                           SmRoutineStep *step);
void         sm_sheet_start_reading_poses (SmSheet       *self);
void         sm_sheet_paint_stretch_poses (Flow          *flow,
                                           double         x,
                                           double         y,
                                           double         width);
void         sm_sheet_paint_pose          (Flow          *flow,
                                           const char    *pose_id,
                                           const char    *side,
                                           double         x,
                                           double         y,
                                           double         height);
void         sm_sheet_flow_bottom         (Flow        *flow);
void         sm_sheet_paint_pinned_bottom (Flow        *flow);

G_END_DECLS
