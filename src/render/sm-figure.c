/* sm-figure.c: drawing a pose with smooth limb shapes
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-figure"

#include "config.h"

#include <math.h>

#include "sm-figure.h"

/*
 * Each segment is a tapered capsule (two circles and their tangents). A
 * layer of segments is drawn as one shape: every capsule grown by the
 * outline's width filled first, then every fill over it, so joints show
 * no seams. Four
 * layers, back to front: the far arm, the far leg, trunk with head and the
 * near leg, the near arm (which may lie across the trunk and needs its own
 * outline). The target is drawn on its segment, clipped to it; the tool,
 * the motion arrow, the floor and the wall go around.
 */

#define C(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Light: the artwork's skin (#ecd3bf) and outline (#8c6a57), the map's
 * selection blue (#3584e4). Tools in green, the arrow in purple: neither
 * is on the body, and neither reads as a warning. */
static const SmFigurePalette palettes[SM_FIGURE_N_STYLES] = {
  [SM_FIGURE_STYLE_LIGHT] = {
    C (0xecd3bf), C (0xd9b9a2), C (0x8c6a57), C (0x3584e4), C (0x1a5fb4),
    C (0x57c785), C (0x1f6e45), C (0x77767b), C (0xdeddda), C (0x613583), C (0xffffff), 1.0,
  },
  [SM_FIGURE_STYLE_DARK] = {
    C (0xd8b49c), C (0xa9866f), C (0x4a3328), C (0x62a0ea), C (0x99c1f1),
    C (0x57e389), C (0x0b3d22), C (0xc0bfbc), C (0x5e5c64), C (0xdc8add), C (0x241f31), 1.0,
  },
  [SM_FIGURE_STYLE_HIGH_CONTRAST] = {
    C (0xffffff), C (0xc0bfbc), C (0x000000), C (0x1c71d8), C (0x000000),
    C (0xf6d32d), C (0x000000), C (0x000000), C (0xffffff), C (0x000000), C (0xffffff), 1.8,
  },
  [SM_FIGURE_STYLE_HIGH_CONTRAST_INVERSE] = {
    C (0x000000), C (0x3d3846), C (0xffffff), C (0x99c1f1), C (0xffffff),
    C (0xf6d32d), C (0xffffff), C (0xffffff), C (0x000000), C (0xffffff), C (0x000000), 1.8,
  },
};

#define MARGIN 0.05       /* stature units around the picture */
#define GROUND_RUN 0.10   /* floor beyond the figure */

const SmFigurePalette *
sm_figure_get_palette (SmFigureStyle style)
{
  g_return_val_if_fail (style < SM_FIGURE_N_STYLES, &palettes[0]);

  return &palettes[style];
}

static void
set_color (cairo_t             *cr,
           const SmFigureColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

/* The picture's box in stature units: the figure, its tool and furniture,
 * the floor under it and the wall beside it. */
static void
picture_extents (const SmPoseFigure *figure,
                 double             *x0,
                 double             *y0,
                 double             *x1,
                 double             *y1)
{
  sm_pose_figure_get_extents (figure, x0, y0, x1, y1);
  *x0 -= GROUND_RUN;
  *x1 += GROUND_RUN;
  if (figure->ground == SM_POSE_GROUND_WALL)
    *x0 = MIN (*x0, -0.04);
  *y0 = MIN (*y0, 0) - MARGIN * 0.5;
  *y1 += MARGIN;
}

double
sm_figure_get_aspect (const SmPoseFigure *figure)
{
  double x0, y0, x1, y1;

  picture_extents (figure, &x0, &y0, &x1, &y1);
  return (x1 - x0) / (y1 - y0);
}

/* Arcs at cairo's own precision, whatever tolerance the caller draws
 * with: on a PDF the sheet draws with a coarse one, which there only
 * makes cairo measure each shape's box more cheaply, but it would also
 * turn a wide arc into fewer curves (see sm-sheet-poses.c). */
#define ARC_TOLERANCE 0.1

static void
figure_arc (cairo_t *cr,
            double   xc,
            double   yc,
            double   radius,
            double   angle1,
            double   angle2)
{
  double tolerance = cairo_get_tolerance (cr);

  cairo_set_tolerance (cr, ARC_TOLERANCE);
  cairo_arc (cr, xc, yc, radius, angle1, angle2);
  cairo_set_tolerance (cr, tolerance);
}

static void
capsule_path (cairo_t          *cr,
              const SmPoseBone *bone)
{
  double dx = bone->b.x - bone->a.x, dy = bone->b.y - bone->a.y;
  double length = hypot (dx, dy);
  double theta = atan2 (dy, dx);
  double phi;

  if (length <= fabs (bone->ra - bone->rb))
    {
      const SmPosePoint *c = bone->ra > bone->rb ? &bone->a : &bone->b;

      cairo_new_sub_path (cr);
      figure_arc (cr, c->x, c->y, MAX (bone->ra, bone->rb), 0, 2 * G_PI);
      cairo_close_path (cr);
      return;
    }

  phi = asin ((bone->ra - bone->rb) / length);
  cairo_new_sub_path (cr);
  figure_arc (cr, bone->a.x, bone->a.y, bone->ra, theta + G_PI_2 + phi, theta + 3 * G_PI_2 - phi);
  figure_arc (cr, bone->b.x, bone->b.y, bone->rb, theta - G_PI_2 - phi, theta + G_PI_2 + phi);
  cairo_close_path (cr);
}

/* The nose: which way the head faces, so left and right read at a glance. */
static SmPoseBone
nose (const SmPoseFigure *figure)
{
  const SmPoseBone *head = &figure->bones[SM_POSE_HEAD_SEGMENT];
  double angle = atan2 (head->b.y - head->a.y, head->b.x - head->a.x) - G_PI_2;
  SmPosePoint at = { head->b.x + cos (angle) * head->rb * 0.92 - (head->b.x - head->a.x) * 0.35,
                     head->b.y + sin (angle) * head->rb * 0.92 - (head->b.y - head->a.y) * 0.35 };

  return (SmPoseBone) { at, at, 0.014, 0.014 };
}

/* The layer's capsules, each grown by @grow all round. */
static void
layer_path (cairo_t            *cr,
            const SmPoseFigure *figure,
            const guint        *segments,
            guint               n,
            double              grow)
{
  for (guint i = 0; i < n; i++)
    {
      SmPoseBone bone;

      if (segments[i] == SM_POSE_N_SEGMENTS)
        {
          if (figure->front_view)
            continue;
          bone = nose (figure);
        }
      else
        bone = figure->bones[segments[i]];
      bone.ra += grow;
      bone.rb += grow;
      capsule_path (cr, &bone);
    }
}

/* The outline is the layer grown by @line, filled under the layer: the
 * picture a stroke @line × 2 wide under the fill would make, since a
 * capsule has no corners and a stroke's outer edge is the capsule grown
 * by half its width. A fill is the cheaper of the two to draw, and much
 * the cheaper for a PDF, where cairo measures a stroke by stroking it. */
static void
draw_layer (cairo_t               *cr,
            const SmPoseFigure    *figure,
            const guint           *segments,
            guint                  n,
            const SmFigureColor   *fill,
            const SmFigurePalette *palette,
            double                 line)
{
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_new_path (cr);
  layer_path (cr, figure, segments, n, line);
  set_color (cr, &palette->outline);
  cairo_fill (cr);
  layer_path (cr, figure, segments, n, 0);
  set_color (cr, fill);
  cairo_fill (cr);
}

static gboolean
layer_has (const guint *segments,
           guint        n,
           guint        segment)
{
  for (guint i = 0; i < n; i++)
    if (segments[i] == segment)
      return TRUE;
  return FALSE;
}

static void
draw_target (cairo_t               *cr,
             const SmPoseFigure    *figure,
             const SmFigurePalette *palette,
             double                 line)
{
  const SmPoseTarget *t = &figure->target;

  double along = MAX (t->along, t->across * 2.2);

  /* A spindle, the shape of a muscle belly, with its fibres: it must not
   * read as a second ball. */
  cairo_save (cr);
  cairo_new_path (cr);
  capsule_path (cr, &figure->bones[t->segment]);
  cairo_clip (cr);
  cairo_translate (cr, t->centre.x, t->centre.y);
  cairo_rotate (cr, t->angle);
  cairo_new_path (cr);
  cairo_move_to (cr, -along, 0);
  cairo_curve_to (cr, -along * 0.45, t->across * 1.35, along * 0.45, t->across * 1.35, along, 0);
  cairo_curve_to (cr, along * 0.45, -t->across * 1.35, -along * 0.45, -t->across * 1.35, -along, 0);
  cairo_close_path (cr);
  set_color (cr, &palette->target);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->target_outline);
  cairo_set_line_width (cr, line * 0.8 / palette->outline_scale);
  cairo_stroke (cr);
  /* Fibres only where there is room for them between the outlines. */
  for (int k = -1; k <= 1 && t->across > 6 * line; k++)
    {
      cairo_move_to (cr, -along * 0.7, k * t->across * 0.35);
      cairo_curve_to (cr, -along * 0.2, k * t->across * 0.6, along * 0.2, k * t->across * 0.6,
                      along * 0.7, k * t->across * 0.35);
    }
  cairo_set_line_width (cr, line * 0.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_tool (cairo_t               *cr,
           const SmPoseFigure    *figure,
           const SmFigurePalette *palette,
           double                 line)
{
  SmPosePoint c = figure->tool_centre;
  double r = figure->tool_radius;

  if (r <= 0)
    return;

  cairo_new_path (cr);
  if (figure->tool == SM_POSE_TOOL_STICK)
    {
      /* Seen at an angle: the rod across the limb, its handles out. */
      SmPoseBone rod = { { c.x - 0.055, c.y - 0.075 }, { c.x + 0.055, c.y + 0.075 }, 0.011, 0.011 };

      capsule_path (cr, &rod);
      set_color (cr, &palette->tool);
      cairo_fill_preserve (cr);
      set_color (cr, &palette->tool_outline);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
      cairo_new_path (cr);
    }
  if (figure->tool == SM_POSE_TOOL_PSOAS)
    {
      /* A dome on a flat base: two bumps either side of the spine. */
      figure_arc (cr, c.x, c.y, r, 0, G_PI);
      cairo_close_path (cr);
      cairo_new_sub_path (cr);
      figure_arc (cr, c.x, c.y, r, G_PI, 2 * G_PI);
      cairo_close_path (cr);
    }
  else
    figure_arc (cr, c.x, c.y, r, 0, 2 * G_PI);
  set_color (cr, &palette->tool);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->tool_outline);
  cairo_set_line_width (cr, line * 1.2);
  cairo_stroke (cr);

  /* The end of a roller or a stick; the seam of a ball. */
  cairo_new_path (cr);
  if (figure->tool == SM_POSE_TOOL_BALL)
    {
      figure_arc (cr, c.x - r * 1.05, c.y, r * 0.75, -G_PI / 3.2, G_PI / 3.2);
      cairo_new_sub_path (cr);
      figure_arc (cr, c.x + r * 1.05, c.y, r * 0.75, G_PI - G_PI / 3.2, G_PI + G_PI / 3.2);
    }
  else if (figure->tool != SM_POSE_TOOL_PSOAS)
    figure_arc (cr, c.x, c.y, r * 0.42, 0, 2 * G_PI);
  else
    {
      cairo_move_to (cr, c.x, c.y - r);
      cairo_line_to (cr, c.x, c.y + r * 0.5);
    }
  cairo_set_line_width (cr, line * 0.8);
  cairo_stroke (cr);
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   angle,
            double   size)
{
  cairo_move_to (cr, x + cos (angle) * size, y + sin (angle) * size);
  cairo_line_to (cr, x + cos (angle + 2.5) * size, y + sin (angle + 2.5) * size);
  cairo_line_to (cr, x + cos (angle - 2.5) * size, y + sin (angle - 2.5) * size);
  cairo_close_path (cr);
}

/* Rolling: a double arrow along the muscle. Circles: a round arrow on it.
 * Each over a halo, so it reads on skin, blue and paper. */
static void
motion_path (cairo_t            *cr,
             const SmPoseFigure *figure,
             double              size)
{
  const SmPoseTarget *t = &figure->target;
  double half = MAX (t->along * 1.1, 0.05);
  double ux = cos (t->angle), uy = sin (t->angle);
  SmPosePoint c = t->centre;

  if (figure->motion == SM_POSE_MOTION_ROLL)
    {
      /* Beside the limb, on the side away from the tool, so it hides
       * neither the muscle nor the tool. */
      double away = t->across * 2 * 1.48 + 0.03;

      c = (SmPosePoint) { c.x - t->normal.x * away, c.y - t->normal.y * away };
      {
      double ax = c.x - ux * half, ay = c.y - uy * half;
      double bx = c.x + ux * half, by = c.y + uy * half;

      cairo_move_to (cr, ax + ux * size, ay + uy * size);
      cairo_line_to (cr, bx - ux * size, by - uy * size);
      cairo_stroke (cr);
      arrow_head (cr, bx, by, t->angle, size * 1.3);
      arrow_head (cr, ax, ay, t->angle + G_PI, size * 1.3);
      cairo_fill (cr);
      }
    }
  else if (figure->motion == SM_POSE_MOTION_CIRCLES)
    {
      double r = 0.028, end = 1.6 * G_PI;

      cairo_new_sub_path (cr);
      figure_arc (cr, c.x, c.y, r, 0, end);
      cairo_stroke (cr);
      arrow_head (cr, c.x + r * cos (end), c.y + r * sin (end), end + G_PI_2, size * 1.2);
      cairo_fill (cr);
    }
}

static void
draw_motion (cairo_t               *cr,
             const SmPoseFigure    *figure,
             const SmFigurePalette *palette,
             double                 line)
{
  double size = 0.013;

  if (figure->motion == SM_POSE_MOTION_HOLD)
    return;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  set_color (cr, &palette->halo);
  cairo_set_line_width (cr, MAX (0.009, line * 2) + line * 2.4);
  motion_path (cr, figure, size);
  set_color (cr, &palette->arrow);
  cairo_set_line_width (cr, MAX (0.009, line * 2));
  motion_path (cr, figure, size);
}

/* A chair, seen from the side, facing +x; a low stool. */
static void
draw_furniture (cairo_t               *cr,
                const SmPoseFigure    *figure,
                const SmFigurePalette *palette,
                double                 line)
{
  for (guint i = 0; i < figure->n_boxes; i++)
    {
      const SmPoseBox *b = &figure->boxes[i];
      double slab = 0.025, leg = 0.02;

      cairo_new_path (cr);
      cairo_rectangle (cr, b->x, b->height - slab, b->width, slab);
      cairo_rectangle (cr, b->x + 0.01, 0, leg, b->height - slab);
      cairo_rectangle (cr, b->x + b->width - 0.01 - leg, 0, leg, b->height - slab);
      if (i == 0 && figure->n_boxes > 0 && b->height > 0.2)
        cairo_rectangle (cr, b->x, b->height, leg, 0.24);
      set_color (cr, &palette->furniture);
      cairo_fill_preserve (cr);
      set_color (cr, &palette->ground);
      cairo_set_line_width (cr, line);
      cairo_stroke (cr);
    }
}

static void
draw_ground (cairo_t               *cr,
             const SmPoseFigure    *figure,
             const SmFigurePalette *palette,
             double                 x0,
             double                 x1,
             double                 y1,
             double                 line)
{
  set_color (cr, &palette->ground);
  cairo_set_line_width (cr, line * 1.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_move_to (cr, figure->ground == SM_POSE_GROUND_WALL ? 0 : x0, 0);
  cairo_line_to (cr, x1, 0);
  if (figure->ground == SM_POSE_GROUND_WALL)
    {
      cairo_move_to (cr, 0, 0);
      cairo_line_to (cr, 0, y1);
    }
  cairo_stroke (cr);
}

void
sm_figure_draw (cairo_t                 *cr,
                const SmPoseFigure      *figure,
                gboolean                 mirrored,
                SmFigureStyle            style,
                const cairo_rectangle_t *box)
{
  static const guint far_arm[] = { SM_POSE_UPPER_ARM_FAR, SM_POSE_FOREARM_FAR, SM_POSE_HAND_FAR };
  static const guint far_leg[] = { SM_POSE_THIGH_FAR, SM_POSE_SHANK_FAR, SM_POSE_FOOT_FAR };
  static const guint body[] = { SM_POSE_TRUNK_SEGMENT, SM_POSE_NECK_SEGMENT, SM_POSE_HEAD_SEGMENT,
                                SM_POSE_N_SEGMENTS /* the nose */,
                                SM_POSE_THIGH_NEAR, SM_POSE_SHANK_NEAR, SM_POSE_FOOT_NEAR };
  static const guint near_arm[] = { SM_POSE_UPPER_ARM_NEAR, SM_POSE_FOREARM_NEAR, SM_POSE_HAND_NEAR };
  const struct { const guint *segments; guint n; gboolean far; } layers[] = {
    { far_arm, G_N_ELEMENTS (far_arm), TRUE },
    { far_leg, G_N_ELEMENTS (far_leg), TRUE },
    { body, G_N_ELEMENTS (body), FALSE },
    { near_arm, G_N_ELEMENTS (near_arm), FALSE },
  };
  const SmFigurePalette *palette = sm_figure_get_palette (style);
  double x0, y0, x1, y1, scale, line;

  g_return_if_fail (cr != NULL && figure != NULL && box != NULL);

  picture_extents (figure, &x0, &y0, &x1, &y1);
  scale = MIN (box->width / (x1 - x0), box->height / (y1 - y0));
  if (scale <= 0)
    return;
  /* Thin at sheet size, never a hairline, never heavy at session size. */
  line = CLAMP (0.0045 * scale, 0.75, 2.6) * palette->outline_scale / scale;

  cairo_save (cr);
  cairo_translate (cr, box->x + box->width / 2, box->y + box->height / 2);
  cairo_scale (cr, mirrored ? -scale : scale, -scale);
  cairo_translate (cr, -(x0 + x1) / 2, -(y0 + y1) / 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  draw_furniture (cr, figure, palette, line);
  for (guint i = 0; i < G_N_ELEMENTS (layers); i++)
    {
      draw_layer (cr, figure, layers[i].segments, layers[i].n,
                  layers[i].far ? &palette->skin_far : &palette->skin, palette, line);
      if (layer_has (layers[i].segments, layers[i].n, figure->target.segment))
        draw_target (cr, figure, palette, line);
    }
  draw_tool (cr, figure, palette, line);
  draw_motion (cr, figure, palette, line);
  draw_ground (cr, figure, palette, x0, x1, y1, line);
  cairo_restore (cr);
}

gboolean
sm_figure_draw_pose (cairo_t                 *cr,
                     const char              *pose_id,
                     const char              *side,
                     SmFigureStyle            style,
                     const cairo_rectangle_t *box)
{
  SmPose *pose = sm_pose_lookup (pose_id);

  if (pose == NULL)
    return FALSE;

  sm_figure_draw (cr, sm_pose_get_figure (pose), g_strcmp0 (side, "left") == 0, style, box);
  return TRUE;
}
