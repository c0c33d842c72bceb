/* sm-sheet-figure.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-anatomy.h"
#include "sm-pain-painter.h"
#include "sm-sheet-private.h"
#include "sm-zone-id.h"

/* The sheet's body views. The routine's zones become marks; a thread
 * has SmAnatomy parse each view once for the marks (the paper look with
 * the marked zones in theirs: one marked drawing, see
 * sm_anatomy_render_marked_view ()) and measures the marks while the sheet
 * lays out its text. The figure is then drawn by SmAnatomy, like every
 * body on screen, with the step numbers on it. */

/* --- Marks --------------------------------------------------------------- */

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->element);
  g_clear_pointer (&mark->numbers, g_array_unref);
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

/* The steps' zones in @view, one mark per side worked on, each with all
 * its step numbers, in the order of their first step. */
static GArray *
collect_marks (SmSheet    *self,
               const char *view)
{
  GArray *marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (marks, mark_clear);
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
guint
sm_sheet_list_views (SmSheet    *self,
                     const char *views[2])
{
  guint n_views = 0;

  if (uses_view (self, "back") || !uses_view (self, "front"))
    views[n_views++] = "back";
  if (uses_view (self, "front"))
    views[n_views++] = "front";
  return n_views;
}

/* --- Artwork ------------------------------------------------------------- */

static void
view_art_free (gpointer data)
{
  ViewArt *art = data;

  g_array_unref (art->marks);
  g_ptr_array_unref (art->elements);
  g_clear_error (&art->error);
  g_free (art->badges);
  g_free (art);
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

/* The back view's file, which most sheets show, read and indexed ahead by
 * sm_sheet_warm_up () while the content loads: its parse waits for the
 * routine, whose marks it is for. So do its outlines for the badges,
 * which would otherwise be read on the thread the painting waits for. */
static gpointer
read_back (gpointer data)
{
  sm_anatomy_get_index (sm_anatomy_get_default (), "back");
  sm_badge_layout_read_outlines ("back");
  return NULL;
}

GThread *
sm_sheet_start_reading_back (void)
{
  sm_anatomy_default_parse_on_demand ();
  return g_thread_new ("sm-sheet-back", read_back, NULL);
}

/* Each mark measured once, as it is drawn: the logical box, because
 * librsvg 2.54.7 returns an ink box that reaches back to the origin for
 * some groups (gluteus medius). */
static void
measure_marks (SmAnatomy  *anatomy,
               ViewArt    *art)
{
  for (guint i = 0; i < art->marks->len; i++)
    {
      Mark *mark = &g_array_index (art->marks, Mark, i);

      mark->found = sm_anatomy_get_marked_logical_bounds (anatomy, art->view, SM_ANATOMY_STYLE_PAPER,
                                                          SM_ANATOMY_STYLE_PAPER_MARKED,
                                                          (const char * const *) art->elements->pdata,
                                                          mark->element, &mark->box);
    }
}

/* Which muscle shows where, for the badges: a good part of placing them,
 * done off the thread that lays out and paints. It needs the outlines, not
 * the drawing, so it runs beside the drawing's parse rather than after it:
 * the two were, one after the other, what the painting waited for. */
static gpointer
prepare_badges (gpointer data)
{
  ViewArt *art = data;

  sm_badge_layout_prepare (art->view, (const char * const *) art->elements->pdata);
  return NULL;
}

static void
view_art_load (ViewArt *art)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  GThread *badges = g_thread_new ("sm-sheet-badges", prepare_badges, art);

  if (sm_anatomy_ensure_marked (anatomy, art->view, SM_ANATOMY_STYLE_PAPER,
                                SM_ANATOMY_STYLE_PAPER_MARKED,
                                (const char * const *) art->elements->pdata, &art->error))
    {
      sm_anatomy_get_size (anatomy, art->view, &art->iw, &art->ih);
      measure_marks (anatomy, art);
    }
  g_thread_join (badges);
}

static gpointer
load_art (gpointer data)
{
  GPtrArray *art = data;

  for (guint i = 0; i < art->len; i++)
    view_art_load (art->pdata[i]);
  return NULL;
}

/* Starts preparing the artwork of the sheet's views, once per sheet. */
void
sm_sheet_start_loading_art (SmSheet *self)
{
  const char *views[2];
  guint n_views;

  if (self->art != NULL)
    return;

  n_views = sm_sheet_list_views (self, views);
  self->art = g_ptr_array_new_with_free_func (view_art_free);
  for (guint i = 0; i < n_views; i++)
    g_ptr_array_add (self->art, view_art_new (self, views[i]));
  self->art_loader = g_thread_new ("sm-sheet-art", load_art, self->art);
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

/* --- Badges -------------------------------------------------------------- */

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
      g_autoptr(PangoLayout) layout = sm_sheet_text_layout (flow, badge_sizes[size].font, -1,
                                                            labels->pdata[i]);
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
      sm_sheet_paint_badge (flow, viewport->x + art->badges[i].u * scale,
                            viewport->y + art->badges[i].v * scale,
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

/* --- The body view ------------------------------------------------------- */

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
  g_autoptr(PangoLayout) left = sm_sheet_text_layout (flow, FONT_SMALL_BOLD, -1, back ? _("L") : _("R"));
  g_autoptr(PangoLayout) right = sm_sheet_text_layout (flow, FONT_SMALL_BOLD, -1, back ? _("R") : _("L"));
  int w;

  pango_layout_get_pixel_size (right, &w, NULL);
  sm_sheet_paint_layout (flow, left, &muted, x + 6, y + 4);
  sm_sheet_paint_layout (flow, right, &muted, x + width - 6 - w, y + 4);
}

/* Draws one view of the body with the routine's zones highlighted and
 * numbered into the box (x, y, width, height), through SmAnatomy like
 * every body on screen. */
void
sm_sheet_paint_body_view (Flow       *flow,
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
  double tolerance;

  if (!sm_sheet_is_painting (flow))
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

  sm_sheet_paint_box (flow, x, y, width, height, &stripe, &rule);
  cairo_save (flow->cr);
  cairo_rectangle (flow->cr, x + 1, y + 1, width - 2, height - 2);
  cairo_clip (flow->cr);
  tolerance = cairo_get_tolerance (flow->cr);
  cairo_set_tolerance (flow->cr, SHEET_ART_TOLERANCE);
  sm_anatomy_render_marked_view (anatomy, view, SM_ANATOMY_STYLE_PAPER, SM_ANATOMY_STYLE_PAPER_MARKED,
                                 (const char * const *) art->elements->pdata, flow->cr, &viewport, NULL);

  /* Deep muscles (the piriformis) lie under others: draw them again on top
   * so the patient sees where to work. */
  for (guint i = 0; i < marks->len; i++)
    if (g_array_index (marks, Mark, i).deep)
      sm_anatomy_render_marked_element (anatomy, view, SM_ANATOMY_STYLE_PAPER,
                                        SM_ANATOMY_STYLE_PAPER_MARKED,
                                        (const char * const *) art->elements->pdata,
                                        g_array_index (marks, Mark, i).element, flow->cr, &viewport, NULL);

  /* The pain drawing's dots and the badges are arcs of our own: cairo's
   * precision for them. */
  cairo_set_tolerance (flow->cr, tolerance);
  /* The pain drawing, in vector paths, under the step numbers. */
  sm_pain_paint_drawing (pain, view, flow->cr, &viewport, art->iw);
  paint_badges (flow, art, &viewport, scale);
  cairo_restore (flow->cr);
  paint_side_marks (flow, view, x, y, width);
}
