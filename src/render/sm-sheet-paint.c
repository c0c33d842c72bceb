/* sm-sheet-paint.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include "sm-sheet-private.h"

/* The sheet's drawing primitives: text shaped once and kept, boxes,
 * rules and the numbered badges, all in points and all skipped while a
 * flow only measures. */

/* --- Text ---------------------------------------------------------------- */

/* The layout for @text in @font wrapped at @width points (-1: no wrapping),
 * cut after @max_lines lines with an ellipsis (0: no limit). Layout runs
 * several times (measuring, then painting), so layouts are kept. */
PangoLayout *
sm_sheet_get_layout (Flow       *flow,
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

PangoLayout *
sm_sheet_text_layout (Flow       *flow,
                      const char *font,
                      double      width,
                      const char *text)
{
  return sm_sheet_get_layout (flow, font, width, text, FALSE, 0);
}

PangoLayout *
sm_sheet_markup_layout (Flow       *flow,
                        const char *font,
                        double      width,
                        const char *markup)
{
  return sm_sheet_get_layout (flow, font, width, markup, TRUE, 0);
}

double
sm_sheet_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

void
sm_sheet_paint_layout (Flow        *flow,
                       PangoLayout *layout,
                       const Rgb   *colour,
                       double       x,
                       double       y)
{
  if (!sm_sheet_is_painting (flow))
    return;

  sm_sheet_set_colour (flow->cr, colour);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, layout);
}

/* --- Shapes -------------------------------------------------------------- */

void
sm_sheet_paint_box (Flow      *flow,
                    double     x,
                    double     y,
                    double     width,
                    double     height,
                    const Rgb *fill,
                    const Rgb *line)
{
  cairo_t *cr = flow->cr;
  double r = 6;

  if (!sm_sheet_is_painting (flow))
    return;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + width - r, y + height - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  if (fill != NULL)
    {
      sm_sheet_set_colour (cr, fill);
      cairo_fill_preserve (cr);
    }
  sm_sheet_set_colour (cr, line);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
}

void
sm_sheet_paint_rule (Flow      *flow,
                     double     x0,
                     double     x1,
                     double     y,
                     const Rgb *colour,
                     double     width)
{
  if (!sm_sheet_is_painting (flow))
    return;

  sm_sheet_set_colour (flow->cr, colour);
  cairo_set_line_width (flow->cr, width);
  cairo_move_to (flow->cr, x0, y);
  cairo_line_to (flow->cr, x1, y);
  cairo_stroke (flow->cr);
}

/* A filled circle with a number in it: how a step is marked on the body
 * and in the table, so the two can be matched at a glance. */
void
sm_sheet_paint_badge (Flow       *flow,
                      double      cx,
                      double      cy,
                      double      radius,
                      const char *font,
                      const char *label)
{
  g_autoptr(PangoLayout) layout = NULL;
  double half;
  int w, h;

  if (!sm_sheet_is_painting (flow))
    return;

  /* A disc for one number, a pill for a longer label. */
  layout = sm_sheet_text_layout (flow, font, -1, label);
  pango_layout_get_pixel_size (layout, &w, &h);
  half = MAX (radius, w / 2.0 + 3) - radius;
  cairo_new_path (flow->cr);
  cairo_arc (flow->cr, cx + half, cy, radius, -G_PI / 2, G_PI / 2);
  cairo_arc (flow->cr, cx - half, cy, radius, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (flow->cr);
  sm_sheet_set_colour (flow->cr, &accent);
  cairo_fill_preserve (flow->cr);
  cairo_set_source_rgb (flow->cr, 1, 1, 1);
  cairo_set_line_width (flow->cr, radius * 0.18);
  cairo_stroke (flow->cr);

  cairo_set_source_rgb (flow->cr, 1, 1, 1);
  cairo_move_to (flow->cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (flow->cr, layout);
}
