/* sm-pain-painter.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pain-painter"

#include "config.h"

#include <math.h>

#include "sm-pain-painter.h"

/* Sizes are in SVG units, so a stroke keeps its look relative to the body
 * at any zoom and on paper. */
#define BASE_WIDTH      6.0
#define WIDTH_PER_LEVEL 1.0
#define BAND_ALPHA      0.22

/* GNOME palette colours, dark enough to stand out on skin and muscle. */
static const SmPainColor colors[SM_PAIN_N_KINDS] = {
  [SM_PAIN_ACHING] = { 0.902, 0.380, 0.000 },   /* orange 4 */
  [SM_PAIN_SHARP] = { 0.753, 0.110, 0.157 },    /* red 4 */
  [SM_PAIN_BURNING] = { 0.569, 0.255, 0.675 },  /* purple 3 */
  /* Slate grey, not blue: the map marks its selection with a blue hatch. */
  [SM_PAIN_NUMB] = { 0.369, 0.361, 0.392 },     /* dark 2 */
};

SmPainColor
sm_pain_kind_get_color (SmPainKind kind)
{
  g_return_val_if_fail (kind < SM_PAIN_N_KINDS, colors[0]);

  return colors[kind];
}

typedef void (*SampleFunc) (cairo_t *cr,
                            double   x,
                            double   y,
                            double   tx,   /* unit tangent */
                            double   ty,
                            double   size,
                            guint    index);

/* Calls @func every @spacing along the polyline, starting half a spacing
 * in, so patterns sit evenly on a stroke of any length. */
static void
walk (const GArray *points,
      double        spacing,
      double        size,
      cairo_t      *cr,
      SampleFunc    func)
{
  double next = spacing / 2;
  double travelled = 0;
  guint index = 0;

  for (guint i = 1; i < points->len; i++)
    {
      const SmPainPoint *a = &g_array_index (points, SmPainPoint, i - 1);
      const SmPainPoint *b = &g_array_index (points, SmPainPoint, i);
      double length = hypot (b->u - a->u, b->v - a->v);

      if (length <= 0)
        continue;

      while (next <= travelled + length)
        {
          double t = (next - travelled) / length;

          func (cr, a->u + t * (b->u - a->u), a->v + t * (b->v - a->v),
                (b->u - a->u) / length, (b->v - a->v) / length, size, index++);
          next += spacing;
        }
      travelled += length;
    }
}

static void
polyline (cairo_t      *cr,
          const GArray *points)
{
  cairo_new_path (cr);
  for (guint i = 0; i < points->len; i++)
    {
      const SmPainPoint *p = &g_array_index (points, SmPainPoint, i);

      cairo_line_to (cr, p->u, p->v);
    }
}

static void
zigzag_vertex (cairo_t *cr,
               double   x,
               double   y,
               double   tx,
               double   ty,
               double   size,
               guint    index)
{
  double side = index % 2 == 0 ? size : -size;

  cairo_line_to (cr, x - ty * side, y + tx * side);
}

/* Numbness is a row of small empty rings, "nothing there": no straight
 * line of them runs at 45°, so they never read as the map's diagonal
 * selection hatch, and being hollow they are not burning's dots. */
static void
ring (cairo_t *cr,
      double   x,
      double   y,
      double   tx,
      double   ty,
      double   size,
      guint    index)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, size, 0, 2 * G_PI);
}

static void
paint_pattern (const SmPainStroke *stroke,
               const GArray       *points,
               cairo_t            *cr,
               double              w)
{
  switch (stroke->kind)
    {
    case SM_PAIN_ACHING:
      polyline (cr, points);
      cairo_set_dash (cr, (double[]) { w * 2.2, w * 1.3 }, 2, 0);
      cairo_set_line_width (cr, w);
      break;

    case SM_PAIN_SHARP:
      cairo_new_path (cr);
      cairo_move_to (cr, g_array_index (points, SmPainPoint, 0).u, g_array_index (points, SmPainPoint, 0).v);
      walk (points, w * 1.3, w * 1.1, cr, zigzag_vertex);
      cairo_line_to (cr, g_array_index (points, SmPainPoint, points->len - 1).u,
                     g_array_index (points, SmPainPoint, points->len - 1).v);
      cairo_set_line_width (cr, w * 0.55);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      break;

    case SM_PAIN_BURNING:
      polyline (cr, points);
      cairo_set_dash (cr, (double[]) { 0, w * 1.7 }, 2, 0);
      cairo_set_line_width (cr, w * 1.15);
      break;

    case SM_PAIN_NUMB:
      cairo_new_path (cr);
      walk (points, w * 1.9, w * 0.55, cr, ring);
      cairo_set_line_width (cr, w * 0.25);
      break;

    case SM_PAIN_N_KINDS:
    default:
      g_return_if_reached ();
    }

  cairo_stroke (cr);
}

/* A tap is a stroke of one point: it shows as a short mark across it. */
static GArray *
drawable_points (const SmPainStroke *stroke,
                 double              w)
{
  const SmPainPoint *first = &g_array_index (stroke->points, SmPainPoint, 0);
  GArray *points = g_array_ref (stroke->points);

  for (guint i = 1; i < stroke->points->len; i++)
    {
      const SmPainPoint *p = &g_array_index (stroke->points, SmPainPoint, i);

      if (p->u != first->u || p->v != first->v)
        return points;
    }

  g_array_unref (points);
  points = g_array_new (FALSE, FALSE, sizeof (SmPainPoint));
  g_array_append_val (points, ((SmPainPoint) { first->u - w * 1.5, first->v }));
  g_array_append_val (points, ((SmPainPoint) { first->u + w * 1.5, first->v }));
  return points;
}

/* The soft band's width, SVG units: the area a stroke covers. */
double
sm_pain_stroke_get_band_width (const SmPainStroke *stroke)
{
  return (BASE_WIDTH + WIDTH_PER_LEVEL * stroke->intensity) * 2.6;
}

void
sm_pain_paint_stroke (const SmPainStroke      *stroke,
                      cairo_t                 *cr,
                      const cairo_rectangle_t *viewport,
                      double                   view_width)
{
  double w = BASE_WIDTH + WIDTH_PER_LEVEL * stroke->intensity;
  SmPainColor color = colors[stroke->kind];
  g_autoptr(GArray) points = NULL;

  if (stroke->points->len == 0 || view_width <= 0)
    return;

  points = drawable_points (stroke, w);
  cairo_save (cr);
  cairo_translate (cr, viewport->x, viewport->y);
  cairo_scale (cr, viewport->width / view_width, viewport->width / view_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* The soft band: how strong the pain is, at a glance. */
  polyline (cr, points);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, BAND_ALPHA);
  cairo_set_line_width (cr, sm_pain_stroke_get_band_width (stroke));
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  paint_pattern (stroke, points, cr, w);
  cairo_restore (cr);
}

void
sm_pain_paint_drawing (SmPainDrawing           *drawing,
                       const char              *view,
                       cairo_t                 *cr,
                       const cairo_rectangle_t *viewport,
                       double                   view_width)
{
  g_return_if_fail (SM_IS_PAIN_DRAWING (drawing));

  for (guint i = 0; i < sm_pain_drawing_get_n_strokes (drawing); i++)
    {
      const SmPainStroke *stroke = sm_pain_drawing_get_stroke (drawing, i);

      if (g_strcmp0 (stroke->view, view) == 0)
        sm_pain_paint_stroke (stroke, cr, viewport, view_width);
    }
}

void
sm_pain_paint_swatch (SmPainKind               kind,
                      cairo_t                 *cr,
                      const cairo_rectangle_t *box)
{
  /* Intensity 4 in a 30-unit tall sample, scaled to the box's height. */
  double scale = box->height / 30;
  double length = box->width / scale;
  SmPainStroke *stroke = sm_pain_stroke_new (kind, 4, NULL);
  cairo_rectangle_t viewport = { box->x, box->y, box->width, box->height };

  sm_pain_stroke_add_point (stroke, 10, 15);
  sm_pain_stroke_add_point (stroke, length - 10, 15);
  sm_pain_paint_stroke (stroke, cr, &viewport, length);
  sm_pain_stroke_free (stroke);
}
