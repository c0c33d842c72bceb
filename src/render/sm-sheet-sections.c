/* sm-sheet-sections.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
#include "sm-pain-painter.h"
#include "sm-sheet-private.h"

/* --- Header and overview ------------------------------------------------- */

void
sm_sheet_flow_header (Flow *flow)
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

  app = sm_sheet_text_layout (flow, FONT_SMALL_BOLD, -1, _("Sciatica Map"));
  pango_layout_get_pixel_size (app, &app_width, NULL);
  sm_sheet_paint_layout (flow, app, &accent, flow->right - app_width, flow->y + 4);

  title = sm_sheet_get_layout (flow, FONT_TITLE, flow->right - flow->left - app_width - GAP,
                               sm_routine_get_name (routine), FALSE, 2);
  sm_sheet_paint_layout (flow, title, &ink, flow->left, flow->y);
  flow->y += sm_sheet_layout_height (title) + 4;

  /* Translators: Pango markup under the sheet's title: the patient's name
   * (or a line to write it on) and the date */
  meta = g_markup_printf_escaped (_("<b>For:</b> %1$s     <b>Date:</b> %2$s"),
                                  patient[0] != '\0' ? patient : "______________________",
                                  date);
  info = sm_sheet_markup_layout (flow, FONT_LEAD, flow->right - flow->left, meta);
  sm_sheet_paint_layout (flow, info, &ink, flow->left, flow->y);
  flow->y += sm_sheet_layout_height (info) + 8;

  sm_sheet_paint_rule (flow, flow->left, flow->right, flow->y, &accent, 1.5);
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
  g_autoptr(PangoLayout) head = sm_sheet_text_layout (flow, FONT_HEADING, width - 20, heading);
  /* The boxes sit beside the body view: whatever a therapist types, they
   * must leave room for the steps on the first page. */
  g_autoptr(PangoLayout) text = sm_sheet_get_layout (flow, FONT_BODY, width - 20, body, TRUE, MAX_BOX_LINES);
  double height = 10 + sm_sheet_layout_height (head) + 4 + sm_sheet_layout_height (text) + 10;

  sm_sheet_paint_box (flow, x, y, width, height, fill, line);
  sm_sheet_paint_layout (flow, head, &ink, x + 10, y + 10);
  sm_sheet_paint_layout (flow, text, &ink, x + 10, y + 14 + sm_sheet_layout_height (head));
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
  double y = flow->y, top;

  if (notes[0] != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (notes, -1);

      y += flow_box (flow, x, y, width, _("Therapist’s notes"), escaped, NULL, &rule) + 8;
    }
  y += flow_box (flow, x, y, width, _("Before: heat"), heat, &heat_fill, &heat_line) + 8;
  top = y;
  y += flow_box (flow, x, y, width, _("After: stretches"), stretches, &stretch_fill, &stretch_line);
  sm_sheet_paint_stretch_poses (flow, x, top, width);
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
void
sm_sheet_flow_overview (Flow *flow)
{
  const char *views[2];
  guint n_views = sm_sheet_list_views (flow->sheet, views);
  double figure_width = FIGURE_WIDTH, figure_height, column_x, column_height;

  /* Two views share the room one would have. */
  if (n_views == 2)
    figure_width = FIGURE_WIDTH * 0.75;

  /* The figure is as tall as the advice beside it, within limits, so
   * neither leaves a hole. */
  column_x = flow->left + n_views * (figure_width + 6) + GAP;
  column_height = measure_side_column (flow, column_x, flow->right - column_x);
  figure_height = CLAMP (column_height - 16, FIGURE_MIN_HEIGHT, FIGURE_MAX_HEIGHT);

  sm_sheet_reserve (flow, MAX (figure_height + 16, column_height));
  for (guint i = 0; i < n_views; i++)
    {
      g_autoptr(PangoLayout) caption = NULL;
      double x = flow->left + i * (figure_width + 6);
      int w;

      sm_sheet_paint_body_view (flow, views[i], x, flow->y, figure_width, figure_height);
      /* Translators: the caption under a body view on the sheet */
      caption = sm_sheet_text_layout (flow, FONT_SMALL_BOLD, -1,
                                      g_str_equal (views[i], "back") ? C_("body view", "Back")
                                                                     : C_("body view", "Front"));
      pango_layout_get_pixel_size (caption, &w, NULL);
      sm_sheet_paint_layout (flow, caption, &muted, x + (figure_width - w) / 2, flow->y + figure_height + 2);
    }

  flow_side_column (flow, column_x, flow->right - column_x);
  flow->y += MAX (figure_height + 16, column_height) + GAP;
}

/* The key to the pain drawing: each kind drawn, its pattern and its
 * strongest intensity, so the sheet reads without colour. */
void
sm_sheet_flow_pain_key (Flow *flow)
{
  SmPainDrawing *pain = sm_routine_get_pain_drawing (flow->sheet->routine);
  g_autoptr(PangoLayout) title = NULL;
  double x;
  int w, h;

  if (sm_pain_drawing_get_n_strokes (pain) == 0)
    return;

  title = sm_sheet_text_layout (flow, FONT_SMALL_BOLD, -1, _("Pain marked:"));
  pango_layout_get_pixel_size (title, &w, &h);
  sm_sheet_reserve (flow, h + GAP);
  sm_sheet_paint_layout (flow, title, &muted, flow->left, flow->y);
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
      label = sm_sheet_text_layout (flow, FONT_SMALL, -1, text);
      pango_layout_get_pixel_size (label, &w, NULL);
      if (x + 32 + w > flow->right)
        {
          flow->y += h + 4;
          x = flow->left;
        }
      if (sm_sheet_is_painting (flow))
        sm_pain_paint_swatch (kind, flow->cr, &(cairo_rectangle_t) { x, flow->y + h / 2.0 - 5, 28, 10 });
      sm_sheet_paint_layout (flow, label, &muted, x + 32, flow->y);
      x += 32 + w + 14;
    }

  /* The muscles that may cause it go right after the key, on its line. */
  if (!sm_sheet_flow_pain_suggestions (flow, x))
    flow->y += h + GAP;
}

/* --- Safety and the week ------------------------------------------------- */

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
  g_autoptr(PangoLayout) stop_head = sm_sheet_text_layout (flow, FONT_HEADING, width - 20,
                                                           _("Stop or ease off if…"));
  g_autoptr(PangoLayout) stop_text = sm_sheet_markup_layout (flow, FONT_BODY, width - 20, stop);
  g_autoptr(PangoLayout) flag_head = sm_sheet_text_layout (flow, FONT_HEADING, width - 20,
                                                           _("Red flags — see a doctor now"));
  g_autoptr(PangoLayout) flag_text = sm_sheet_markup_layout (flow, FONT_BODY, width - 20, flags);
  double y = flow->y + 10;
  double height = 10 + sm_sheet_layout_height (stop_head) + 3 + sm_sheet_layout_height (stop_text) + 8 +
                  sm_sheet_layout_height (flag_head) + 3 + sm_sheet_layout_height (flag_text) + 10;

  sm_sheet_paint_box (flow, x, flow->y, width, height, &safety_fill, &safety_line);
  sm_sheet_paint_layout (flow, stop_head, &ink, x + 10, y);
  y += sm_sheet_layout_height (stop_head) + 3;
  sm_sheet_paint_layout (flow, stop_text, &ink, x + 10, y);
  y += sm_sheet_layout_height (stop_text) + 8;
  sm_sheet_paint_layout (flow, flag_head, &safety_line, x + 10, y);
  y += sm_sheet_layout_height (flag_head) + 3;
  sm_sheet_paint_layout (flow, flag_text, &ink, x + 10, y);
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

      if (cells[i][0] == '\0' || !sm_sheet_is_painting (flow))
        continue;
      layout = sm_sheet_text_layout (flow, font, edges[i + 1] - edges[i] - 8, cells[i]);
      sm_sheet_paint_layout (flow, layout, &ink, edges[i] + 4,
                             flow->y + (height - sm_sheet_layout_height (layout)) / 2);
    }

  if (sm_sheet_is_painting (flow))
    {
      sm_sheet_set_colour (flow->cr, &rule);
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
      g_autoptr(PangoLayout) layout = sm_sheet_text_layout (flow, font, edges[i + 1] - edges[i] - 8,
                                                            cells[i]);

      height = MAX (height, sm_sheet_layout_height (layout) + 6);
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
  g_autoptr(PangoLayout) head = sm_sheet_text_layout (flow, FONT_HEADING, width, _("This week"));
  g_autoptr(PangoLayout) hint = sm_sheet_text_layout (flow, FONT_SMALL, width,
                                                      _("Tick each day you do the routine. Pain: 0 is none, "
                                                        "10 the worst you can imagine."));
  double top = flow->y, height;

  flow->y += 10;
  sm_sheet_paint_layout (flow, head, &ink, x, flow->y);
  flow->y += sm_sheet_layout_height (head) + 2;
  sm_sheet_paint_layout (flow, hint, &muted, x, flow->y);
  flow->y += sm_sheet_layout_height (hint) + 6;

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

void
sm_sheet_paint_pinned_bottom (Flow *flow)
{
  paint_bottom_at (flow, flow->bottom - measure_bottom (flow));
}

void
sm_sheet_flow_bottom (Flow *flow)
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
          sm_sheet_paint_pinned_bottom (flow);
          flow->cr = cr;
        }
      return;
    }

  flow->reserved = 0;
  sm_sheet_reserve (flow, height);
  paint_bottom_at (flow, flow->y);
  flow->y += height + GAP;
}

/* Keeps room at the foot of the first page for the safety box, if the page
 * has it under the overview and the first table row. */
void
sm_sheet_reserve_for_bottom (Flow *flow)
{
  double height = measure_bottom (flow) + GAP;

  if (flow->page == 0 && flow->y + 80 + height <= flow->bottom)
    flow->reserved = height;
}
