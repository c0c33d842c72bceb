/* sm-sheet.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangocairo.h>

#include "sm-anatomy.h"
#include "sm-badge-layout.h"
#include "sm-format.h"
#include "sm-pain-painter.h"
#include "sm-session.h"
#include "sm-sheet-private.h"
#include "sm-utils.h"
#include "sm-zone-id.h"

/* The routine sheet a therapist hands a patient and the patient pins on the
 * fridge: who it is for, a body map with the steps numbered on it, a table
 * of the steps, what to do before and after, when to stop, and a week of
 * boxes to tick. One renderer for the print preview, the printer and the
 * PDF: everything is drawn in points onto whatever cairo context it gets,
 * in vector form (SmAnatomy draws the body straight into the context).
 *
 * Layout is a single pass that flows blocks down the page and starts a new
 * page when the next block or table row does not fit. It runs once per
 * paper size and records each page (a cairo recording surface); drawing a
 * page replays its recording, so a long routine costs time in proportion
 * to its steps, not to steps × pages. Measuring a block runs the same code
 * with painting off. */

#define MARGIN        36.0
#define FOOTER_HEIGHT 22.0
#define GAP           12.0
/* One family that has every glyph the sheet prints (✓, ×, –, “ ”, the
 * accented letters of the translations), so no page falls back to a second
 * font: each font embedded in a PDF costs a lookup and a subset. DejaVu
 * Sans is open and easy to read on paper; its condensed cut (Debian's
 * fonts-dejavu-extra) keeps a German sheet on one page. */
#define FONT_FAMILY   "DejaVu Sans Condensed, sans-serif"

/* A small type scale: each distinct face and size costs a font lookup
 * (pango runs it in a thread of its own), and a sheet reads calmer with
 * few sizes anyway. */
#define FONT_TITLE      FONT_FAMILY " Bold 22"
#define FONT_HEADING    FONT_FAMILY " Bold 11"
#define FONT_LEAD       FONT_FAMILY " 11"
#define FONT_BODY       FONT_FAMILY " 9"
#define FONT_BODY_EMPH  FONT_FAMILY " Italic 9"
#define FONT_SMALL      FONT_FAMILY " 8"
#define FONT_SMALL_BOLD FONT_FAMILY " Bold 8"
#define SPAN_SMALL      "<span size='8192'>"
#define MAX_BOX_LINES 12
#define FIGURE_MIN_HEIGHT 200.0
#define FIGURE_MAX_HEIGHT 270.0
#define FIGURE_WIDTH  160.0

struct _SmSheet
{
  GObject    parent_instance;

  SmRoutine    *routine;
  SmAtlas      *atlas;
  GDateTime    *date;
  PangoContext *pango;   /* shared by every layout, so fonts are looked up once */
  cairo_t      *pango_cr;
  GHashTable   *layouts; /* key → PangoLayout: each text is shaped once */
  GThread      *art_loader; /* parses the artwork while the text is laid out */
  GPtrArray    *art;        /* ViewArt*, one per view on the sheet */
  GPtrArray    *pages;      /* cairo_surface_t*: each page recorded, footer aside */
  double        pages_width, pages_height;
  cairo_t      *pages_cr;   /* the context they were laid out for */
};

G_DEFINE_FINAL_TYPE (SmSheet, sm_sheet, G_TYPE_OBJECT)

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

static const Rgb ink = { 0.16, 0.15, 0.14 };
static const Rgb muted = { 0.42, 0.40, 0.38 };
static const Rgb rule = { 0.80, 0.77, 0.74 };
static const Rgb accent = { 0.75, 0.33, 0.10 };
static const Rgb heat_fill = { 0.99, 0.95, 0.90 }, heat_line = { 0.88, 0.62, 0.40 };
static const Rgb stretch_fill = { 0.93, 0.97, 0.93 }, stretch_line = { 0.52, 0.72, 0.52 };
static const Rgb safety_fill = { 0.99, 0.93, 0.92 }, safety_line = { 0.78, 0.16, 0.16 };
static const Rgb stripe = { 0.97, 0.96, 0.95 };

/* The sheet's own font configuration: the standard font folders and
 * nothing else. The desktop's rules (hinting, aliases, per-font fixes) are
 * for screens; on paper they only make every font lookup slower, and
 * without them a sheet prints the same on every machine. */
static const char font_config[] =
  "<fontconfig>"
  "<dir>/usr/share/fonts</dir>"
  "<dir>/usr/local/share/fonts</dir>"
  "<dir prefix=\"xdg\">fonts</dir>"
  "<cachedir>/var/cache/fontconfig</cachedir>"
  "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
  "</fontconfig>";

static FcConfig *
create_font_config (void)
{
  FcConfig *config = FcConfigCreate ();

  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) font_config, FcTrue) ||
      !FcConfigBuildFonts (config))
    g_clear_pointer (&config, FcConfigDestroy);
  return config;
}

static gboolean printing_only;


static gpointer
create_font_map (gpointer data)
{
  PangoFontMap *map;
  FcConfig *config = create_font_config ();

  /* Pango loads the process's own font configuration for every new font
   * map, unless one is there already. */
  if (config != NULL && printing_only)
    FcConfigSetCurrent (config);

  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  if (config != NULL)
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  g_clear_pointer (&config, FcConfigDestroy);
  return map;
}

static PangoFontMap *
get_font_map (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_font_map, NULL);
}

static gpointer
load_fonts (gpointer data)
{
  return get_font_map ();
}

/* For a process that only makes sheets and has no screen (the command-line
 * export): the sheet's font configuration becomes the process's, and the
 * fonts load and the back view is parsed in threads while the content
 * loads. */
void
sm_sheet_warm_up (void)
{
  printing_only = TRUE;
  g_thread_unref (g_thread_new ("sm-sheet-fonts", load_fonts, NULL));
  sm_sheet_start_parsing_back ();
}

SmSheet *
sm_sheet_new (SmRoutine *routine,
              SmAtlas   *atlas)
{
  SmSheet *self;

  g_return_val_if_fail (SM_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);

  self = g_object_new (SM_TYPE_SHEET, NULL);
  self->routine = g_object_ref (routine);
  self->atlas = g_object_ref (atlas);
  return self;
}

/* The date printed on the sheet; today unless set. */
void
sm_sheet_set_date (SmSheet   *self,
                   GDateTime *date)
{
  g_return_if_fail (SM_IS_SHEET (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
}

gboolean
sm_sheet_paper_from_name (const char   *name,
                          SmSheetPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = SM_SHEET_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = SM_SHEET_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* In points, portrait. */
void
sm_sheet_paper_get_size (SmSheetPaper  paper,
                         double       *width,
                         double       *height)
{
  *width = paper == SM_SHEET_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == SM_SHEET_PAPER_LETTER ? 792.0 : 841.89;
}

/* ------------------------------------------------------------------ */
/* Drawing primitives                                                   */

static gboolean
painting (Flow *flow)
{
  return flow->target >= 0;
}

static void
set_colour (cairo_t   *cr,
            const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* One Pango context for all the sheet's text: a context per layout would
 * look every font up again. It is made for points — the sheet's unit
 * whatever the surface — as pango_cairo assumes 96 dpi unless told. */
static void
prepare_pango (SmSheet *self,
               cairo_t *cr)
{
  if (self->pango == NULL)
    {
      self->pango = pango_font_map_create_context (get_font_map ());
      pango_cairo_update_context (cr, self->pango);
      pango_cairo_context_set_resolution (self->pango, 72);
    }
  else if (cr != self->pango_cr)
    {
      /* Another surface may have other font options: shape again. */
      pango_cairo_update_context (cr, self->pango);
      g_hash_table_remove_all (self->layouts);
    }
  self->pango_cr = cr;
}

/* The layout for @text in @font wrapped at @width points (-1: no wrapping),
 * cut after @max_lines lines with an ellipsis (0: no limit). Layout runs
 * several times (measuring, then painting), so layouts are kept. */
static PangoLayout *
get_layout (Flow       *flow,
            const char *font,
            double      width,
            const char *text,
            gboolean    markup,
            int         max_lines)
{
  g_autofree char *key = g_strdup_printf ("%s|%.2f|%d|%d|%s", font, width, markup, max_lines, text);
  PangoLayout *layout = g_hash_table_lookup (flow->sheet->layouts, key);
  g_autoptr(PangoFontDescription) desc = NULL;

  if (layout != NULL)
    return g_object_ref (layout);

  layout = pango_layout_new (flow->sheet->pango);
  desc = pango_font_description_from_string (font);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, width < 0 ? -1 : pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  g_hash_table_insert (flow->sheet->layouts, g_steal_pointer (&key), layout);
  return g_object_ref (layout);
}

static PangoLayout *
text_layout (Flow       *flow,
             const char *font,
             double      width,
             const char *text)
{
  return get_layout (flow, font, width, text, FALSE, 0);
}

static PangoLayout *
markup_layout (Flow       *flow,
               const char *font,
               double      width,
               const char *markup)
{
  return get_layout (flow, font, width, markup, TRUE, 0);
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
paint_layout (Flow        *flow,
              PangoLayout *layout,
              const Rgb   *colour,
              double       x,
              double       y)
{
  if (!painting (flow))
    return;

  set_colour (flow->cr, colour);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, layout);
}

static void
paint_box (Flow      *flow,
           double     x,
           double     y,
           double     width,
           double     height,
           const Rgb *fill,
           const Rgb *line)
{
  cairo_t *cr = flow->cr;
  double r = 6;

  if (!painting (flow))
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  if (fill != NULL)
    {
      set_colour (cr, fill);
      cairo_fill_preserve (cr);
    }
  set_colour (cr, line);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

static void
paint_rule (Flow      *flow,
            double     x0,
            double     x1,
            double     y,
            const Rgb *colour,
            double     width)
{
  if (!painting (flow))
    return;

  set_colour (flow->cr, colour);
  cairo_set_line_width (flow->cr, width);
  cairo_move_to (flow->cr, x0, y);
  cairo_line_to (flow->cr, x1, y);
  cairo_stroke (flow->cr);
}

/* A filled circle with a number in it: how a step is marked on the body
 * and in the table, so the two can be matched at a glance. */
static void
paint_badge (Flow       *flow,
             double      cx,
             double      cy,
             double      radius,
             const char *font,
             const char *label)
{
  g_autoptr(PangoLayout) layout = NULL;
  double half;
  int w, h;

  if (!painting (flow))
    return;

  /* A disc for one number, a pill for a longer label. */
  layout = text_layout (flow, font, -1, label);
  pango_layout_get_pixel_size (layout, &w, &h);
  half = MAX (radius, w / 2.0 + 3) - radius;
  cairo_new_path (flow->cr);
  cairo_arc (flow->cr, cx + half, cy, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (flow->cr, cx - half, cy, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (flow->cr);
  set_colour (flow->cr, &accent);
  cairo_fill_preserve (flow->cr);
  cairo_set_source_rgb (flow->cr, 1, 1, 1);
  cairo_set_line_width (flow->cr, radius * 0.18);
  cairo_stroke (flow->cr);

  cairo_set_source_rgb (flow->cr, 1, 1, 1);
  cairo_move_to (flow->cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (flow->cr, layout);
}

/* ------------------------------------------------------------------ */
/* Paging                                                               */

static void
paint_footer (Flow *flow,
              guint n_pages)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) l = NULL;
  g_autoptr(PangoLayout) r = NULL;
  double y = flow->height - MARGIN - 10;
  int w;

  left = g_strdup_printf ("%s — %s", _("Sciatica Map"), sm_routine_get_name (flow->sheet->routine));
  /* Translators: page footer, e.g. "Page 1 of 2"; the plural form follows
   * the second number */
  right = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Page %1$u of %2$u", "Page %1$u of %2$u",
                                        n_pages),
                           (guint) flow->page + 1, n_pages);

  paint_rule (flow, flow->left, flow->right, y - 6, &rule, 0.6);
  l = get_layout (flow, FONT_SMALL, flow->right - flow->left - 80, left, FALSE, 1);
  paint_layout (flow, l, &muted, flow->left, y);
  r = text_layout (flow, FONT_SMALL, -1, right);
  pango_layout_get_pixel_size (r, &w, NULL);
  paint_layout (flow, r, &muted, flow->right - w, y);
}

static cairo_t *
record_page (Flow *flow)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                            &(cairo_rectangle_t) { 0, 0, flow->width, flow->height });
  cr = cairo_create (surface);
  g_ptr_array_add (flow->sheet->pages, surface);
  g_ptr_array_add (flow->crs, cr);
  return cr;
}

static void paint_pinned_bottom (Flow *flow);

/* Recording: a new recording. Painting straight onto a PDF: the first
 * page gets the safety box at its foot (the measuring pass found it goes
 * there), each page its footer, then the next page. */
static void
new_page (Flow *flow)
{
  if (flow->n_pages > 0)
    {
      if (flow->page == 0 && flow->pinned)
        paint_pinned_bottom (flow);
      paint_footer (flow, flow->n_pages);
      cairo_show_page (flow->cr);
    }
  flow->page++;
  flow->y = MARGIN;
  if (flow->crs != NULL)
    flow->cr = record_page (flow);
}

/* The foot of the page the cursor is on: the first page keeps room for
 * the safety box while it is reserved. */
static double
page_bottom (Flow *flow)
{
  return flow->page == 0 ? flow->bottom - flow->reserved : flow->bottom;
}

/* Moves to the next page unless @height still fits on this one. Blocks
 * taller than a whole page are drawn where they are (and clipped by the
 * paper) rather than pushed on forever. */
static void
reserve (Flow   *flow,
         double  height)
{
  if (flow->y + height > page_bottom (flow) && flow->y > MARGIN)
    new_page (flow);
}

/* ------------------------------------------------------------------ */
/* Words                                                                */

static const char *
zone_name (SmSheet    *self,
           const char *id)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, id);

  return zone != NULL ? sm_zone_get_name (zone) : id;
}

static const char *
tool_name (SmSheet    *self,
           const char *id)
{
  SmTool *tool = sm_atlas_lookup_tool (self->atlas, id);

  return tool != NULL ? sm_tool_get_name (tool) : id;
}

static const char *
technique_name (SmSheet    *self,
                const char *id)
{
  SmTechnique *technique = sm_atlas_lookup_technique (self->atlas, id);

  return technique != NULL ? sm_technique_get_name (technique) : id;
}

/* Candidates for a step's how-to, best first: where the tool goes and what
 * to do, from the zone's own instructions for that tool; then only what to
 * do (the map already shows where); then the technique's summary. */
static GPtrArray *
how_to_candidates (SmSheet       *self,
                   SmRoutineStep *step)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, sm_routine_step_get_zone (step));
  SmTechnique *technique = sm_atlas_lookup_technique (self->atlas,
                                                      sm_routine_step_get_technique (step));
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  SmToolUse *use = NULL;

  if (zone != NULL)
    use = sm_zone_get_tool_use (zone, sm_routine_step_get_tool (step));
  if (use != NULL)
    {
      g_ptr_array_add (candidates,
                       sm_join_sentences ((const char * const[]) { sm_tool_use_get_placement (use),
                                                                   sm_tool_use_get_movement (use),
                                                                   NULL }));
      g_ptr_array_add (candidates, g_strdup (sm_tool_use_get_movement (use)));
    }
  if (technique != NULL)
    g_ptr_array_add (candidates, g_strdup (sm_technique_get_summary (technique)));
  if (candidates->len == 0)
    g_ptr_array_add (candidates, g_strdup (""));

  return candidates;
}

static const char *
zone_view (SmSheet    *self,
           const char *id)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, id);

  return zone != NULL ? sm_zone_get_view (zone) : "back";
}

static gboolean
zone_is_deep (SmSheet    *self,
              const char *id)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, id);

  return zone != NULL && g_strcmp0 (sm_zone_get_layer (zone), "deep") == 0;
}

/* ------------------------------------------------------------------ */
/* The body view                                                        */

/* The steps' zones in @view, one mark per side worked on, each with all
 * its step numbers, in the order of their first step. */
static GArray *
collect_marks (SmSheet    *self,
               const char *view)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (marks, sm_sheet_mark_clear);
  for (guint i = 0; i < sm_routine_get_n_steps (self->routine); i++)
    {
      SmRoutineStep *step = sm_routine_get_step (self->routine, i);
      const char *zone = sm_routine_step_get_zone (step);
      const char *side = sm_routine_step_get_side (step);

      if (g_strcmp0 (zone_view (self, zone), view) != 0)
        continue;
      for (guint s = 0; s < 2; s++)
        {
          const char *this_side = s == 0 ? "left" : "right";
          g_autofree char *element = NULL;
          guint number = i + 1;
          gpointer at;

          if (g_strcmp0 (side, "both") != 0 && g_strcmp0 (side, this_side) != 0)
            continue;
          element = sm_zone_id_build (zone, this_side);
          if (!g_hash_table_lookup_extended (index, element, NULL, &at))
            {
              Mark mark = { g_strdup (element), g_array_new (FALSE, FALSE, sizeof (guint)),
                            zone_is_deep (self, zone), FALSE, { 0, } };

              at = GUINT_TO_POINTER (marks->len);
              g_array_append_val (marks, mark);
              g_hash_table_insert (index, g_steal_pointer (&element), at);
            }
          g_array_append_val (g_array_index (marks, Mark, GPOINTER_TO_UINT (at)).numbers, number);
        }
    }

  return marks;
}

static gboolean
uses_view (SmSheet    *self,
           const char *view)
{
  double x, y, w, h;

  if (sm_pain_drawing_get_bounds (sm_routine_get_pain_drawing (self->routine), view, &x, &y, &w, &h))
    return TRUE;

  for (guint i = 0; i < sm_routine_get_n_steps (self->routine); i++)
    if (g_strcmp0 (zone_view (self, sm_routine_step_get_zone (sm_routine_get_step (self->routine, i))),
                   view) == 0)
      return TRUE;

  return FALSE;
}

/* The views the sheet shows: those the steps use, the back when none. */
static guint
sheet_views (SmSheet    *self,
             const char *views[2])
{
  guint n_views = 0;

  if (uses_view (self, "back") || !uses_view (self, "front"))
    views[n_views++] = "back";
  if (uses_view (self, "front"))
    views[n_views++] = "front";
  return n_views;
}

static ViewArt *
view_art_new (SmSheet    *self,
              const char *view)
{
  ViewArt *art = g_new0 (ViewArt, 1);

  art->view = view;
  art->marks = collect_marks (self, view);
  art->elements = g_ptr_array_new ();
  for (guint i = 0; i < art->marks->len; i++)
    g_ptr_array_add (art->elements, g_array_index (art->marks, Mark, i).element);
  g_ptr_array_add (art->elements, NULL);
  return art;
}

/* Starts parsing the artwork of the sheet's views, once per sheet. */
static void
start_loading_art (SmSheet *self)
{
  const char *views[2];
  guint n_views;

  if (self->art != NULL)
    return;

  n_views = sheet_views (self, views);
  self->art = g_ptr_array_new_with_free_func (sm_sheet_view_art_free);
  for (guint i = 0; i < n_views; i++)
    g_ptr_array_add (self->art, view_art_new (self, views[i]));
  self->art_loader = g_thread_new ("sm-sheet-art", sm_sheet_load_art, self->art);
}

/* The artwork of @view, waiting for the thread to finish it if need be. */
static ViewArt *
get_art (SmSheet    *self,
         const char *view)
{
  g_clear_pointer (&self->art_loader, g_thread_join);
  for (guint i = 0; i < self->art->len; i++)
    if (g_str_equal (((ViewArt *) self->art->pdata[i])->view, view))
      return self->art->pdata[i];

  return NULL;
}

/* Badge sizes, largest first: a figure crowded with numbered muscles gets
 * smaller badges rather than badges on top of each other. */
static const struct { double radius; const char *font; } badge_sizes[] = {
  { 6.5, FONT_FAMILY " Bold 8" },
  { 5.5, FONT_FAMILY " Bold 7" },
  { 4.5, FONT_FAMILY " Bold 6" },
  { 3.75, FONT_FAMILY " Bold 5" },
};

/* Places the badges of @art at badge size @size; TRUE when none overlap. */
static gboolean
place_badges (Flow      *flow,
              ViewArt   *art,
              GPtrArray *labels,
              guint      size,
              double     scale)
{
  for (guint i = 0; i < art->marks->len; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (flow, badge_sizes[size].font, -1, labels->pdata[i]);
      double radius = badge_sizes[size].radius;
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      art->badges[i].element = g_array_index (art->marks, Mark, i).element;
      art->badges[i].rx = MAX (radius, w / 2.0 + 3) / scale;
      art->badges[i].ry = radius / scale;
    }
  return sm_badge_layout_place (art->view, art->badges, art->marks->len);
}

/* The step numbers on the body, placed by the layout the map uses too:
 * each on its own muscle and side, none over another. */
static void
paint_badges (Flow                    *flow,
              ViewArt                 *art,
              const cairo_rectangle_t *viewport,
              double                   scale)
{
  GArray *marks = art->marks;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint size = 0;

  g_clear_pointer (&art->badges, g_free);
  art->badges = g_new0 (SmBadge, marks->len);
  art->scale = scale;
  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      g_ptr_array_add (labels, sm_badge_compact_label ((const guint *) mark->numbers->data,
                                                       mark->numbers->len));
    }

  while (!place_badges (flow, art, labels, size, scale) && size + 1 < G_N_ELEMENTS (badge_sizes))
    size++;
  for (guint i = 0; i < marks->len; i++)
    if (art->badges[i].placed)
      paint_badge (flow, viewport->x + art->badges[i].u * scale, viewport->y + art->badges[i].v * scale,
                   badge_sizes[size].radius, badge_sizes[size].font, labels->pdata[i]);
}

const SmBadge *
sm_sheet_get_badges (SmSheet    *self,
                     const char *view,
                     guint      *n_badges,
                     double     *scale)
{
  g_return_val_if_fail (SM_IS_SHEET (self), NULL);

  for (guint i = 0; self->art != NULL && i < self->art->len; i++)
    {
      ViewArt *art = self->art->pdata[i];

      if (g_str_equal (art->view, view) && art->badges != NULL)
        {
          *n_badges = art->marks->len;
          *scale = art->scale;
          return art->badges;
        }
    }
  *n_badges = 0;
  return NULL;
}


/* The part of the figure worth showing: the marked muscles with room
 * around them for context, grown to the box's proportions and kept inside
 * the drawing. The whole figure when nothing is marked. */
static cairo_rectangle_t
crop_to_marks (GArray                  *marks,
               const cairo_rectangle_t *pain,
               double                   iw,
               double                   ih,
               double                   aspect)
{
  cairo_rectangle_t crop = { 0, 0, iw, ih }, box;
  double x0 = iw, y0 = ih, x1 = 0, y1 = 0, margin = 0.09 * ih, w, h;

  /* Where the patient marked pain is on the sheet too. */
  if (pain != NULL)
    {
      x0 = MAX (pain->x, 0);
      y0 = MAX (pain->y, 0);
      x1 = MIN (pain->x + pain->width, iw);
      y1 = MIN (pain->y + pain->height, ih);
    }

  for (guint i = 0; i < marks->len; i++)
    {
      if (!g_array_index (marks, Mark, i).found)
        continue;
      box = g_array_index (marks, Mark, i).box;
      x0 = MIN (x0, box.x);
      y0 = MIN (y0, box.y);
      x1 = MAX (x1, box.x + box.width);
      y1 = MAX (y1, box.y + box.height);
    }
  if (x1 <= x0)
    return crop;

  x0 -= margin, y0 -= margin, x1 += margin, y1 += margin;
  w = MAX (x1 - x0, (y1 - y0) * aspect);
  h = w / aspect;
  crop.width = MIN (w, iw);
  crop.height = MIN (h, ih);
  crop.x = CLAMP ((x0 + x1 - crop.width) / 2, 0, iw - crop.width);
  crop.y = CLAMP ((y0 + y1 - crop.height) / 2, 0, ih - crop.height);
  return crop;
}

/* "L" and "R" in the top corners: the artwork's own marks may be cropped
 * away. The back view shows the person's left on the left. */
static void
paint_side_marks (Flow       *flow,
                  const char *view,
                  double      x,
                  double      y,
                  double      width)
{
  gboolean back = g_str_equal (view, "back");
  g_autoptr(PangoLayout) left = text_layout (flow, FONT_SMALL_BOLD, -1, back ? _("L") : _("R"));
  g_autoptr(PangoLayout) right = text_layout (flow, FONT_SMALL_BOLD, -1, back ? _("R") : _("L"));
  int w;

  pango_layout_get_pixel_size (right, &w, NULL);
  paint_layout (flow, left, &muted, x + 6, y + 4);
  paint_layout (flow, right, &muted, x + width - 6 - w, y + 4);
}

/* Draws one view of the body with the routine's zones highlighted and
 * numbered into the box (x, y, width, height), through SmAnatomy like
 * every body on screen. */
static void
paint_body_view (Flow       *flow,
                 const char *view,
                 double      x,
                 double      y,
                 double      width,
                 double      height)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  ViewArt *art;
  GArray *marks;
  double scale;
  SmPainDrawing *pain = sm_routine_get_pain_drawing (flow->sheet->routine);
  cairo_rectangle_t viewport, crop, pain_box;
  gboolean has_pain;

  if (!painting (flow))
    return;

  /* The artwork is bundled and tested: failing here is a bug, and the
   * rest of the sheet is still worth having. */
  art = get_art (flow->sheet, view);
  if (art == NULL || art->error != NULL)
    {
      g_warning ("Could not draw the %s view: %s", view,
                 art != NULL && art->error != NULL ? art->error->message : "no size");
      return;
    }

  marks = art->marks;
  has_pain = sm_pain_drawing_get_bounds (pain, view, &pain_box.x, &pain_box.y,
                                         &pain_box.width, &pain_box.height);
  crop = crop_to_marks (marks, has_pain ? &pain_box : NULL, art->iw, art->ih, width / height);
  scale = MIN (width / crop.width, height / crop.height);
  viewport = (cairo_rectangle_t) {
    x + (width - crop.width * scale) / 2 - crop.x * scale, y - crop.y * scale,
    art->iw * scale, art->ih * scale,
  };

  paint_box (flow, x, y, width, height, &stripe, &rule);
  cairo_save (flow->cr);
  cairo_rectangle (flow->cr, x + 1, y + 1, width - 2, height - 2);
  cairo_clip (flow->cr);
  sm_anatomy_render_marked_view (anatomy, view, SM_ANATOMY_STYLE_PAPER, SM_ANATOMY_STYLE_PAPER_MARKED,
                                 (const char * const *) art->elements->pdata, flow->cr, &viewport, NULL);

  /* Deep muscles (the piriformis) lie under others: draw them again on top
   * so the patient sees where to work. */
  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, Mark, i).deep)
      sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_PAPER_MARKED,
                                 g_array_index (marks, Mark, i).element, flow->cr, &viewport, NULL);

  /* The pain drawing, in vector paths, under the step numbers. */
  sm_pain_paint_drawing (pain, view, flow->cr, &viewport, art->iw);
  paint_badges (flow, art, &viewport, scale);
  cairo_restore (flow->cr);
  paint_side_marks (flow, view, x, y, width);
}

/* ------------------------------------------------------------------ */
/* Sections                                                             */

static void
flow_header (Flow *flow)
{
  SmRoutine *routine = flow->sheet->routine;
  const char *patient = sm_routine_get_patient (routine);
  /* Translators: the date on the sheet, e.g. "21 November 2026": a
   * g_date_time_format() format, the month name comes from the locale.
   * xgettext:no-c-format */
  g_autofree char *date = g_date_time_format (flow->sheet->date, C_("sheet date", "%-d %B %Y"));
  g_autofree char *meta = NULL;
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) info = NULL;
  g_autoptr(PangoLayout) app = NULL;
  int app_width;

  app = text_layout (flow, FONT_SMALL_BOLD, -1, _("Sciatica Map"));
  pango_layout_get_pixel_size (app, &app_width, NULL);
  paint_layout (flow, app, &accent, flow->right - app_width, flow->y + 4);

  title = get_layout (flow, FONT_TITLE, flow->right - flow->left - app_width - GAP,
                      sm_routine_get_name (routine), FALSE, 2);
  paint_layout (flow, title, &ink, flow->left, flow->y);
  flow->y += layout_height (title) + 4;

  /* Translators: Pango markup under the sheet's title: the patient's name
   * (or a line to write it on) and the date */
  meta = g_markup_printf_escaped (_("<b>For:</b> %1$s     <b>Date:</b> %2$s"),
                                  patient[0] != '\0' ? patient : "______________________",
                                  date);
  info = markup_layout (flow, FONT_LEAD, flow->right - flow->left, meta);
  paint_layout (flow, info, &ink, flow->left, flow->y);
  flow->y += layout_height (info) + 8;

  paint_rule (flow, flow->left, flow->right, flow->y, &accent, 1.5);
  flow->y += GAP;
}

/* A tinted box with a heading and a body of markup; returns its height. */
static double
flow_box (Flow       *flow,
          double      x,
          double      y,
          double      width,
          const char *heading,
          const char *body,
          const Rgb  *fill,
          const Rgb  *line)
{
  g_autoptr(PangoLayout) head = text_layout (flow, FONT_HEADING, width - 20, heading);
  /* The boxes sit beside the body view: whatever a therapist types, they
   * must leave room for the steps on the first page. */
  g_autoptr(PangoLayout) text = get_layout (flow, FONT_BODY, width - 20, body, TRUE, MAX_BOX_LINES);
  double height = 10 + layout_height (head) + 4 + layout_height (text) + 10;

  paint_box (flow, x, y, width, height, fill, line);
  paint_layout (flow, head, &ink, x + 10, y + 10);
  paint_layout (flow, text, &ink, x + 10, y + 14 + layout_height (head));
  return height;
}

static void
append_bullets (GString            *markup,
                const char * const *items,
                guint               max)
{
  for (guint i = 0; items != NULL && items[i] != NULL && i < max; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (items[i], -1);

      g_string_append_printf (markup, "%s• %s", markup->len > 0 ? "\n" : "", escaped);
    }
}

static char *
heat_markup (SmSheet *self)
{
  SmSafety *safety = sm_atlas_get_safety (self->atlas);
  GString *markup = g_string_new (NULL);

  if (safety == NULL)
    {
      g_string_append (markup, _("Put a warm compress on the area for a few minutes before you "
                                 "start, so the muscles are ready to let go."));
      return g_string_free (markup, FALSE);
    }

  /* The steps say it all; the summary is for the screen. */
  append_bullets (markup, sm_safety_get_heat_steps (safety), 3);
  if (markup->len == 0)
    g_string_append (markup, sm_safety_get_heat_summary (safety));
  return g_string_free (markup, FALSE);
}

/* Stretches for the routine's zones, each once, in step order. */
static char *
stretch_markup (SmSheet *self)
{
  SmSafety *safety = sm_atlas_get_safety (self->atlas);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *markup = g_string_new (NULL);

  for (guint i = 0; i < sm_routine_get_n_steps (self->routine) && g_hash_table_size (seen) < 4; i++)
    {
      const char *zone = sm_routine_step_get_zone (sm_routine_get_step (self->routine, i));
      g_autoptr(GListModel) stretches = sm_atlas_list_stretches_for_zone (self->atlas, zone);

      for (guint j = 0; j < g_list_model_get_n_items (stretches); j++)
        {
          g_autoptr(SmStretch) stretch = g_list_model_get_item (stretches, j);
          g_autofree char *hold = sm_format_duration (sm_stretch_get_hold_seconds (stretch));
          g_autofree char *line = NULL;

          if (!g_hash_table_add (seen, (gpointer) sm_stretch_get_id (stretch)))
            continue;
          line = g_markup_printf_escaped ("%s• <b>%s</b> — %s", markup->len > 0 ? "\n" : "",
                                          sm_stretch_get_name (stretch), hold);
          g_string_append (markup, line);
        }
    }

  if (markup->len > 0)
    g_string_prepend (markup, _("Once you have finished, stretch gently:\n"));
  else
    g_string_append (markup, safety != NULL ? sm_safety_get_stretch_summary (safety)
                                            : _("Stretch gently once you have finished."));
  return g_string_free (markup, FALSE);
}

static double
flow_side_column (Flow   *flow,
                  double  x,
                  double  width)
{
  SmSheet *self = flow->sheet;
  const char *notes = sm_routine_get_notes (self->routine);
  g_autofree char *heat = heat_markup (self);
  g_autofree char *stretches = stretch_markup (self);
  double y = flow->y;

  if (notes[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (notes, -1);

      y += flow_box (flow, x, y, width, _("Therapist’s notes"), escaped, NULL, &rule) + 8;
    }
  y += flow_box (flow, x, y, width, _("Before: heat"), heat, &heat_fill, &heat_line) + 8;
  y += flow_box (flow, x, y, width, _("After: stretches"), stretches, &stretch_fill, &stretch_line);
  return y - flow->y;
}

static double
measure_side_column (Flow   *flow,
                     double  x,
                     double  width)
{
  int target = flow->target;
  double height;

  flow->target = -1;
  height = flow_side_column (flow, x, width);
  flow->target = target;
  return height;
}

/* The body view(s) on the left, the notes and before/after advice on the
 * right. */
static void
flow_overview (Flow *flow)
{
  const char *views[2];
  guint n_views = sheet_views (flow->sheet, views);
  double figure_width = FIGURE_WIDTH, figure_height, column_x, column_height;

  /* Two views share the room one would have. */
  if (n_views == 2)
    figure_width = FIGURE_WIDTH * 0.75;

  /* The figure is as tall as the advice beside it, within limits, so
   * neither leaves a hole. */
  column_x = flow->left + n_views * (figure_width + 6) + GAP;
  column_height = measure_side_column (flow, column_x, flow->right - column_x);
  figure_height = CLAMP (column_height - 16, FIGURE_MIN_HEIGHT, FIGURE_MAX_HEIGHT);

  reserve (flow, MAX (figure_height + 16, column_height));
  for (guint i = 0; i < n_views; i++)
    {
      g_autoptr(PangoLayout) caption = NULL;
      double x = flow->left + i * (figure_width + 6);
      int w;

      paint_body_view (flow, views[i], x, flow->y, figure_width, figure_height);
      /* Translators: the caption under a body view on the sheet */
      caption = text_layout (flow, FONT_SMALL_BOLD, -1,
                             g_str_equal (views[i], "back") ? C_("body view", "Back")
                                                            : C_("body view", "Front"));
      pango_layout_get_pixel_size (caption, &w, NULL);
      paint_layout (flow, caption, &muted, x + (figure_width - w) / 2, flow->y + figure_height + 2);
    }

  flow_side_column (flow, column_x, flow->right - column_x);
  flow->y += MAX (figure_height + 16, column_height) + GAP;
}

/* The key to the pain drawing: each kind drawn, its pattern and its
 * strongest intensity, so the sheet reads without colour. */
static void
flow_pain_key (Flow *flow)
{
  SmPainDrawing *pain = sm_routine_get_pain_drawing (flow->sheet->routine);
  g_autoptr(PangoLayout) title = NULL;
  double x;
  int w, h;

  if (sm_pain_drawing_get_n_strokes (pain) == 0)
    return;

  title = text_layout (flow, FONT_SMALL_BOLD, -1, _("Pain marked:"));
  pango_layout_get_pixel_size (title, &w, &h);
  reserve (flow, h + GAP);
  paint_layout (flow, title, &muted, flow->left, flow->y);
  x = flow->left + w + 8;

  for (guint kind = 0; kind < SM_PAIN_N_KINDS; kind++)
    {
      g_autoptr(PangoLayout) label = NULL;
      g_autofree char *text = NULL;
      guint level;

      if (!sm_pain_drawing_get_max_intensity (pain, kind, &level))
        continue;

      /* Translators: a kind of pain on the sheet's key, e.g. “Numb, up to 6/10” */
      text = g_strdup_printf (_("%s, up to %u/10"), sm_pain_kind_get_label (kind), level);
      label = text_layout (flow, FONT_SMALL, -1, text);
      pango_layout_get_pixel_size (label, &w, NULL);
      if (x + 32 + w > flow->right)
        {
          flow->y += h + 4;
          x = flow->left;
        }
      if (painting (flow))
        sm_pain_paint_swatch (kind, flow->cr, &(cairo_rectangle_t) { x, flow->y + h / 2.0 - 5, 28, 10 });
      paint_layout (flow, label, &muted, x + 32, flow->y);
      x += 32 + w + 14;
    }

  flow->y += h + GAP;
}

/* Column left edges as fractions of the content width; the last column
 * (how to) takes the rest. */
static const double columns[] = { 0.0, 0.045, 0.255, 0.435, 0.565 };

static double
column_x (Flow  *flow,
          guint  column)
{
  return flow->left + columns[column] * (flow->right - flow->left);
}

static double
column_width (Flow  *flow,
              guint  column)
{
  double end = column + 1 < G_N_ELEMENTS (columns) ? column_x (flow, column + 1) : flow->right;

  return end - column_x (flow, column) - 6;
}

static void
flow_heading (Flow       *flow,
              const char *text,
              double      keep_with)
{
  g_autoptr(PangoLayout) layout = text_layout (flow, FONT_HEADING, flow->right - flow->left,
                                               text);

  reserve (flow, layout_height (layout) + 4 + keep_with);
  paint_layout (flow, layout, &ink, flow->left, flow->y);
  flow->y += layout_height (layout) + 4;
}

static void
flow_table_header (Flow *flow)
{
  const char *titles[] = {
    "#", _("Muscle and side"), _("Tool and technique"), _("Hold × times"), _("How to"),
  };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (flow, FONT_SMALL_BOLD,
                                                   column_width (flow, i), titles[i]);

      paint_layout (flow, layout, &muted, column_x (flow, i) + (i == 0 ? 4 : 0), flow->y);
      height = MAX (height, layout_height (layout));
    }

  flow->y += height + 3;
  paint_rule (flow, flow->left, flow->right, flow->y, &ink, 0.8);
  flow->y += 3;
}

/* A tool the zone's own instructions do not use was picked through the
 * editor's "Other tool…": the sheet says so, since its how-to then cannot
 * come from the muscle's own text. */
static char *
marked_tool (SmSheet       *self,
             SmRoutineStep *step)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, sm_routine_step_get_zone (step));
  const char *id = sm_routine_step_get_tool (step);

  if (zone == NULL || id[0] == '\0' || sm_zone_get_tool_use (zone, id) != NULL)
    return g_strdup (tool_name (self, id));
  /* Translators: on the sheet, a tool the muscle's own instructions do
   * not use, e.g. "Psoas release tool (other tool)" */
  return g_strdup_printf (_("%s (other tool)"), tool_name (self, id));
}

/* The texts of one row's cells, columns 1 to 4. */
static void
step_cells (SmSheet        *self,
            SmRoutineStep  *step,
            char          **cells)
{
  g_autofree char *hold = sm_format_duration (sm_routine_step_get_hold_seconds (step));
  g_autofree char *rest = sm_format_duration (sm_routine_step_get_rest_seconds (step));
  const char *note = sm_routine_step_get_note (step);
  /* Translators: "30 s × 3", a hold time and how many times */
  g_autofree char *times = g_strdup_printf (_("%1$s × %2$u"), hold,
                                            sm_routine_step_get_repetitions (step));
  /* Translators: the rest between holds, e.g. "rest 10 s" */
  g_autofree char *rest_text = g_strdup_printf (_("rest %s"), rest);
  g_autofree char *tool = marked_tool (self, step);

  cells[0] = g_markup_printf_escaped ("<b>%s</b>\n" SPAN_SMALL "%s</span>%s<i>%s</i>",
                                      zone_name (self, sm_routine_step_get_zone (step)),
                                      sm_format_side (sm_routine_step_get_side (step)),
                                      note[0] != '\0' ? "\n" : "", note);
  cells[1] = g_markup_printf_escaped ("%s\n" SPAN_SMALL "%s</span>", tool,
                                      technique_name (self, sm_routine_step_get_technique (step)));
  cells[2] = g_markup_printf_escaped ("<b>%s</b>\n" SPAN_SMALL "%s</span>", times, rest_text);
}

#define HOW_TO_LINES 2

/* The how-to is a reminder, not the manual: two lines in a smaller type,
 * the fullest text that fits, cut with an ellipsis only as a last resort. */
static PangoLayout *
how_to_layout (Flow          *flow,
               SmRoutineStep *step,
               double         width)
{
  g_autoptr(GPtrArray) candidates = how_to_candidates (flow->sheet, step);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (flow, FONT_SMALL, width, candidates->pdata[i]);

      if (pango_layout_get_line_count (layout) <= HOW_TO_LINES)
        return g_steal_pointer (&layout);
    }

  return get_layout (flow, FONT_SMALL, width, candidates->pdata[0], FALSE, HOW_TO_LINES);
}

static void
flow_step (Flow  *flow,
           guint  index)
{
  SmRoutineStep *step = sm_routine_get_step (flow->sheet->routine, index);
  char *cells[3] = { NULL, };
  PangoLayout *layouts[4];
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  double height = 18;
  int page = flow->page;

  step_cells (flow->sheet, step, cells);
  for (guint i = 0; i < 4; i++)
    {
      /* A long note on a step is cut rather than let a row outgrow a page. */
      layouts[i] = i < 3 ? get_layout (flow, FONT_BODY, column_width (flow, i + 1), cells[i], TRUE, 8)
                         : how_to_layout (flow, step, column_width (flow, i + 1));
      height = MAX (height, layout_height (layouts[i]));
    }
  height += 8;

  /* A row is never cut: it moves whole to the next page, under a repeated
   * table header. */
  reserve (flow, height);
  if (flow->page != page)
    flow_table_header (flow);

  if (index % 2 == 1 && painting (flow))
    {
      set_colour (flow->cr, &stripe);
      cairo_rectangle (flow->cr, flow->left, flow->y, flow->right - flow->left, height);
      cairo_fill (flow->cr);
    }
  paint_badge (flow, flow->left + 11, flow->y + 11, 8, FONT_SMALL_BOLD, number);
  for (guint i = 0; i < 4; i++)
    {
      paint_layout (flow, layouts[i], &ink, column_x (flow, i + 1), flow->y + 4);
      g_object_unref (layouts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_free (cells[i]);

  flow->y += height;
  paint_rule (flow, flow->left, flow->right, flow->y, &rule, 0.5);
}

static void
flow_steps (Flow *flow)
{
  guint n = sm_routine_get_n_steps (flow->sheet->routine);

  flow_heading (flow, _("Your steps"), 60);
  flow_table_header (flow);
  for (guint i = 0; i < n; i++)
    flow_step (flow, i);

  if (n == 0)
    {
      g_autoptr(PangoLayout) empty = text_layout (flow, FONT_BODY_EMPH,
                                                  flow->right - flow->left,
                                                  _("This routine has no steps yet."));

      paint_layout (flow, empty, &muted, flow->left, flow->y + 4);
      flow->y += layout_height (empty) + 8;
    }

  flow->y += GAP;
}

static char *
bullets (const char * const *items,
         const char         *fallback)
{
  GString *markup = g_string_new (NULL);

  append_bullets (markup, items, 8);
  if (markup->len == 0)
    g_string_append (markup, fallback);
  return g_string_free (markup, FALSE);
}

/* When to stop and when to see a doctor, in one red box. Returns its
 * height; paints it at (x, flow->y). */
static double
flow_safety (Flow   *flow,
             double  x,
             double  width)
{
  SmSafety *safety = sm_atlas_get_safety (flow->sheet->atlas);
  g_autofree char *stop = bullets (safety ? sm_safety_get_stop_rules (safety) : NULL,
                                   _("• Sharp or shooting pain, numbness or tingling: ease off or stop."));
  g_autofree char *flags = bullets (safety ? sm_safety_get_red_flags (safety) : NULL,
                                    _("• Trouble controlling your bladder or bowels."));
  g_autoptr(PangoLayout) stop_head = text_layout (flow, FONT_HEADING, width - 20,
                                                  _("Stop or ease off if…"));
  g_autoptr(PangoLayout) stop_text = markup_layout (flow, FONT_BODY, width - 20, stop);
  g_autoptr(PangoLayout) flag_head = text_layout (flow, FONT_HEADING, width - 20,
                                                  _("Red flags — see a doctor now"));
  g_autoptr(PangoLayout) flag_text = markup_layout (flow, FONT_BODY, width - 20, flags);
  double y = flow->y + 10;
  double height = 10 + layout_height (stop_head) + 3 + layout_height (stop_text) + 8 +
                  layout_height (flag_head) + 3 + layout_height (flag_text) + 10;

  paint_box (flow, x, flow->y, width, height, &safety_fill, &safety_line);
  paint_layout (flow, stop_head, &ink, x + 10, y);
  y += layout_height (stop_head) + 3;
  paint_layout (flow, stop_text, &ink, x + 10, y);
  y += layout_height (stop_text) + 8;
  paint_layout (flow, flag_head, &safety_line, x + 10, y);
  y += layout_height (flag_head) + 3;
  paint_layout (flow, flag_text, &ink, x + 10, y);
  return height;
}

static void
paint_grid_row (Flow               *flow,
                const char * const *cells,
                const double       *edges,
                double              height,
                const char         *font)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (cells[i][0] == '\0' || !painting (flow))
        continue;
      layout = text_layout (flow, font, edges[i + 1] - edges[i] - 8, cells[i]);
      paint_layout (flow, layout, &ink, edges[i] + 4, flow->y + (height - layout_height (layout)) / 2);
    }

  if (painting (flow))
    {
      set_colour (flow->cr, &rule);
      cairo_set_line_width (flow->cr, 0.6);
      for (guint i = 0; cells[i] != NULL; i++)
        cairo_rectangle (flow->cr, edges[i], flow->y, edges[i + 1] - edges[i], height);
      cairo_stroke (flow->cr);
    }
  flow->y += height;
}

#define WEEK_HEADER_HEIGHT 26.0
#define WEEK_ROW_HEIGHT    18.0

/* At least @min_height, and tall enough for the tallest cell: a longer
 * translation wraps onto a third line instead of spilling over the rule. */
static double
grid_row_height (Flow               *flow,
                 const char * const *cells,
                 const double       *edges,
                 const char         *font,
                 double              min_height)
{
  double height = min_height;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = text_layout (flow, font, edges[i + 1] - edges[i] - 8, cells[i]);

      height = MAX (height, layout_height (layout) + 6);
    }
  return height;
}

/* Seven rows to tick, with the pain before and after so the person (and
 * their therapist) can see whether the routine helps. Paints at
 * (x, flow->y); returns the height. */
static double
flow_week (Flow   *flow,
           double  x,
           double  width)
{
  const double edges[] = {
    x, x + 0.18 * width, x + 0.40 * width, x + 0.70 * width, x + width,
  };
  const char *titles[] = {
    /* Translators: keep the line break, the column is narrow */
    _("Day"), _("Done ✓"), _("Pain before\n(0–10)"), _("Pain after\n(0–10)"), NULL,
  };
  g_autoptr(PangoLayout) head = text_layout (flow, FONT_HEADING, width, _("This week"));
  g_autoptr(PangoLayout) hint = text_layout (flow, FONT_SMALL, width,
                                             _("Tick each day you do the routine. Pain: 0 is none, "
                                               "10 the worst you can imagine."));
  double top = flow->y, height;

  flow->y += 10;
  paint_layout (flow, head, &ink, x, flow->y);
  flow->y += layout_height (head) + 2;
  paint_layout (flow, hint, &muted, x, flow->y);
  flow->y += layout_height (hint) + 6;

  paint_grid_row (flow, titles, edges,
                  grid_row_height (flow, titles, edges, FONT_SMALL_BOLD, WEEK_HEADER_HEIGHT),
                  FONT_SMALL_BOLD);
  for (guint day = 1; day <= 7; day++)
    {
      /* Translators: a row of the week's tick grid */
      g_autofree char *label = g_strdup_printf (_("Day %u"), day);
      const char *cells[] = { label, "", "", "", NULL };

      paint_grid_row (flow, cells, edges, WEEK_ROW_HEIGHT, FONT_BODY);
    }

  height = flow->y - top;
  flow->y = top;
  return height;
}

/* The safety box holds more text than the tick grid: German and other
 * longer languages need the room to keep both on a short routine's first
 * page. */
#define SAFETY_SHARE 0.60

static double
measure_bottom (Flow *flow)
{
  double safety_width = SAFETY_SHARE * (flow->right - flow->left);
  double week_x = flow->left + safety_width + GAP;
  int target = flow->target;
  double height;

  flow->target = -1;
  height = MAX (flow_safety (flow, flow->left, safety_width),
                flow_week (flow, week_x, flow->right - week_x));
  flow->target = target;
  return height;
}

/* Safety and the week side by side: both belong on the fridge, and next to
 * each other they fit under a short routine on the first page. When the
 * steps run on to another page, the two go at the foot of the first page,
 * in the room kept for them: when to stop is never on page 2. */
static void
paint_bottom_at (Flow   *flow,
                 double  y)
{
  double safety_width = SAFETY_SHARE * (flow->right - flow->left);
  double week_x = flow->left + safety_width + GAP;
  double saved = flow->y;

  flow->y = y;
  flow_safety (flow, flow->left, safety_width);
  flow_week (flow, week_x, flow->right - week_x);
  flow->y = saved;
}

static void
paint_pinned_bottom (Flow *flow)
{
  paint_bottom_at (flow, flow->bottom - measure_bottom (flow));
}

static void
flow_bottom (Flow *flow)
{
  double height = measure_bottom (flow);

  if (flow->reserved > 0 && flow->page > 0)
    {
      cairo_t *cr = flow->cr;

      /* Painting straight on, page 1 got it when it was left. */
      flow->pinned = TRUE;
      if (flow->crs != NULL)
        {
          flow->cr = g_ptr_array_index (flow->crs, 0);
          paint_pinned_bottom (flow);
          flow->cr = cr;
        }
      return;
    }

  flow->reserved = 0;
  reserve (flow, height);
  paint_bottom_at (flow, flow->y);
  flow->y += height + GAP;
}

/* Keeps room at the foot of the first page for the safety box, if the page
 * has it under the overview and the first table row. */
static void
reserve_for_bottom (Flow *flow)
{
  double height = measure_bottom (flow) + GAP;

  if (flow->page == 0 && flow->y + 80 + height <= flow->bottom)
    flow->reserved = height;
}

/* ------------------------------------------------------------------ */
/* Pages                                                                */

static void
run_flow (Flow    *flow,
          cairo_t *cr)
{
  start_loading_art (flow->sheet);
  prepare_pango (flow->sheet, cr);

  flow_header (flow);
  flow_overview (flow);
  flow_pain_key (flow);
  reserve_for_bottom (flow);
  flow_steps (flow);
  flow_bottom (flow);
}

/* Lays the whole sheet out once for @width × @height and records every
 * page; again only for another paper size or another context. Text is
 * shaped for @cr's font options. */
static void
ensure_layout (SmSheet *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_autoptr(GPtrArray) crs = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_destroy);
  Flow flow = {
    self, NULL, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, 0, crs, 0, FALSE, 0,
  };

  if (self->pages != NULL && self->pages_cr == cr &&
      self->pages_width == width && self->pages_height == height)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->pages_cr = cr;
  self->pages_width = width;
  self->pages_height = height;
  flow.cr = record_page (&flow);

  run_flow (&flow, cr);
}

/* For the PDF, one pass to measure and one that paints each page straight
 * onto @cr as it goes, with cairo_show_page () between: no recording to
 * replay, which would make cairo's PDF writer walk every page twice more. */
static void
paint_all_pages (SmSheet *self,
                 cairo_t *cr,
                 double   width,
                 double   height)
{
  Flow flow = {
    self, cr, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, -1, NULL, 0, FALSE, 0,
  };

  run_flow (&flow, cr);
  flow = (Flow) {
    self, cr, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, 0, NULL, 0, flow.pinned, flow.page + 1,
  };
  run_flow (&flow, cr);
  paint_footer (&flow, flow.n_pages);
  cairo_show_page (cr);
}

guint
sm_sheet_get_n_pages (SmSheet *self,
                      cairo_t *cr,
                      double   width,
                      double   height)
{
  g_return_val_if_fail (SM_IS_SHEET (self), 0);

  ensure_layout (self, cr, width, height);
  return self->pages->len;
}

/* Paints page @page (0-based) of a @width × @height point page onto @cr,
 * whose user unit must be the point. */
void
sm_sheet_draw_page (SmSheet *self,
                    cairo_t *cr,
                    double   width,
                    double   height,
                    guint    page)
{
  Flow footer = { self, cr, width, height, MARGIN, width - MARGIN, 0, 0, page, 0, NULL, 0, FALSE, 0 };

  g_return_if_fail (SM_IS_SHEET (self));

  ensure_layout (self, cr, width, height);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_save (cr);
  paint_footer (&footer, self->pages->len);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (SmSheet         *self,
              cairo_surface_t *surface)
{
  g_autofree char *creator = g_strdup_printf ("%s %s", _("Sciatica Map"), PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sm_routine_get_name (self->routine));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

/* The whole sheet as PDF data, every page. */
GBytes *
sm_sheet_render_pdf (SmSheet       *self,
                     SmSheetPaper   paper,
                     GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (SM_IS_SHEET (self), NULL);

  sm_sheet_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  set_metadata (self, surface);
  cr = cairo_create (surface);

  paint_all_pages (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the sheet: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* Renders every page into memory first, then replaces @path atomically, so
 * a failed export never leaves half a PDF where an old one was. Blocks. */
gboolean
sm_sheet_export_pdf (SmSheet       *self,
                     const char    *path,
                     SmSheetPaper   paper,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = sm_sheet_render_pdf (self, paper, error);

  return bytes != NULL && sm_routine_write_bytes (path, bytes, error);
}

static void
sm_sheet_finalize (GObject *object)
{
  SmSheet *self = SM_SHEET (object);

  g_clear_object (&self->routine);
  g_clear_object (&self->atlas);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->art_loader, g_thread_join);
  g_clear_pointer (&self->art, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_sheet_parent_class)->finalize (object);
}

static void
sm_sheet_class_init (SmSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_sheet_finalize;
}

static void
sm_sheet_init (SmSheet *self)
{
  self->date = g_date_time_new_now_local ();
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}
