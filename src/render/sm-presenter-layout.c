/* sm-presenter-layout.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter-layout"

#include "config.h"

#include <math.h>

#include "sm-presenter-layout.h"

/* Shapes are looked at through masks in SVG units, two units a cell: at
 * presenter zoom that is a pixel or two, and the masks never change, so
 * each is drawn once. */
#define MASK_SCALE   0.5
#define BODY_ID      "body-outline"
#define EDGE         12.0   /* px kept clear along the widget's edges */
#define BODY_GAP     10.0   /* px between a label and the body */
#define LABEL_GAP    8.0    /* px between two labels */
#define CAPTION_GAP  12.0   /* px between the caption and what it avoids */
#define MAX_SHIFT_LINES 5.0 /* label heights a label may move off its anchor */
#define WRAP_COST    40.0   /* two lines cost as much as moving this many px */

typedef struct
{
  double  u0, v0;     /* SVG point of cell (0, 0) */
  int     width;
  int     height;
  guint8 *cells;      /* 1 inside the shape */
  guint32 *sums;      /* body only: (width + 1) × (height + 1) summed area */
  int     *row_min;   /* body only: first and last cell inside, per row */
  int     *row_max;
} Mask;

static void
mask_free (gpointer data)
{
  Mask *mask = data;

  g_free (mask->cells);
  g_free (mask->sums);
  g_free (mask->row_min);
  g_free (mask->row_max);
  g_free (mask);
}

static Mask *
mask_render (SmAnatomy  *anatomy,
             const char *view,
             const char *id)
{
  cairo_rectangle_t box, viewport;
  cairo_surface_t *surface;
  double vw, vh;
  Mask *mask;
  guint8 *data;
  int stride;
  cairo_t *cr;

  if (!sm_anatomy_get_bounds (anatomy, view, id, &box) || box.width <= 0 || box.height <= 0)
    return NULL;

  mask = g_new0 (Mask, 1);
  mask->u0 = floor (box.x) - 2;
  mask->v0 = floor (box.y) - 2;
  mask->width = (int) ceil ((box.width + 4) * MASK_SCALE) + 1;
  mask->height = (int) ceil ((box.height + 4) * MASK_SCALE) + 1;
  mask->cells = g_new0 (guint8, (gsize) mask->width * mask->height);

  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  viewport = (cairo_rectangle_t) { -mask->u0 * MASK_SCALE, -mask->v0 * MASK_SCALE,
                                   vw * MASK_SCALE, vh * MASK_SCALE };
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, mask->width, mask->height);
  cr = cairo_create (surface);
  sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, id, cr, &viewport, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int j = 0; j < mask->height; j++)
    for (int i = 0; i < mask->width; i++)
      mask->cells[(gsize) j * mask->width + i] = data[(gsize) j * stride + i] >= 128;
  cairo_surface_destroy (surface);
  return mask;
}

/* The body also answers "is any of it in this rectangle" in four reads,
 * and where each row begins and ends. */
static void
mask_index_body (Mask *mask)
{
  int w = mask->width, h = mask->height;

  mask->sums = g_new0 (guint32, (gsize) (w + 1) * (h + 1));
  mask->row_min = g_new (int, h);
  mask->row_max = g_new (int, h);
  for (int j = 0; j < h; j++)
    {
      guint32 row = 0;

      mask->row_min[j] = G_MAXINT;
      mask->row_max[j] = -1;
      for (int i = 0; i < w; i++)
        {
          guint8 inside = mask->cells[(gsize) j * w + i];

          row += inside;
          mask->sums[(gsize) (j + 1) * (w + 1) + i + 1] = mask->sums[(gsize) j * (w + 1) + i + 1] + row;
          if (inside)
            {
              mask->row_min[j] = MIN (mask->row_min[j], i);
              mask->row_max[j] = i;
            }
        }
    }
}

static Mask *
mask_get (SmAnatomy  *anatomy,
          const char *view,
          const char *id)
{
  static GHashTable *cache;
  g_autofree char *key = g_strdup_printf ("%p/%s/%s", (void *) anatomy, view, id);
  Mask *mask;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mask_free);
  if (g_hash_table_lookup_extended (cache, key, NULL, (gpointer *) &mask))
    return mask;

  mask = mask_render (anatomy, view, id);
  if (mask != NULL && g_str_equal (id, BODY_ID))
    mask_index_body (mask);
  g_hash_table_insert (cache, g_steal_pointer (&key), mask);
  return mask;
}

/* --- Geometry ------------------------------------------------------------ */

static gboolean
rects_meet (const cairo_rectangle_t *a,
            const cairo_rectangle_t *b,
            double                   gap)
{
  return a->x < b->x + b->width + gap && b->x < a->x + a->width + gap &&
         a->y < b->y + b->height + gap && b->y < a->y + a->height + gap;
}

/* Whether the segment (x0, y0)–(x1, y1) passes through @r (Liang–Barsky). */
static gboolean
segment_meets (double                   x0,
               double                   y0,
               double                   x1,
               double                   y1,
               const cairo_rectangle_t *r)
{
  double p[4] = { -(x1 - x0), x1 - x0, -(y1 - y0), y1 - y0 };
  double q[4] = { x0 - r->x, r->x + r->width - x0, y0 - r->y, r->y + r->height - y0 };
  double t0 = 0, t1 = 1;

  for (int k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        t0 = MAX (t0, q[k] / p[k]);
      else
        t1 = MIN (t1, q[k] / p[k]);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Whether two segments cross (touching ends do not count). */
static gboolean
segments_cross (double ax, double ay, double bx, double by,
                double cx, double cy, double dx, double dy)
{
  double d1 = orient (cx, cy, dx, dy, ax, ay), d2 = orient (cx, cy, dx, dy, bx, by);
  double d3 = orient (ax, ay, bx, by, cx, cy), d4 = orient (ax, ay, bx, by, dx, dy);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

static void
to_svg (const SmLabelScene *scene,
        double              x,
        double              y,
        double             *u,
        double             *v)
{
  *u = (x - scene->origin_x) / scene->scale;
  *v = (y - scene->origin_y) / scene->scale;
}

static Mask *
body_mask (const SmLabelScene *scene)
{
  return mask_get (scene->anatomy, scene->view, BODY_ID);
}

static int
clamp_cell (double value,
            int    size)
{
  return (int) CLAMP (value, 0, size);
}

/* Cells of @mask that widget rectangle @r touches, as [i0, i1) × [j0, j1). */
static gboolean
rect_cells (const SmLabelScene      *scene,
            const Mask              *mask,
            const cairo_rectangle_t *r,
            int                     *i0,
            int                     *j0,
            int                     *i1,
            int                     *j1)
{
  double u0, v0, u1, v1;

  to_svg (scene, r->x, r->y, &u0, &v0);
  to_svg (scene, r->x + r->width, r->y + r->height, &u1, &v1);
  *i0 = clamp_cell (floor ((u0 - mask->u0) * MASK_SCALE), mask->width);
  *j0 = clamp_cell (floor ((v0 - mask->v0) * MASK_SCALE), mask->height);
  *i1 = clamp_cell (ceil ((u1 - mask->u0) * MASK_SCALE), mask->width);
  *j1 = clamp_cell (ceil ((v1 - mask->v0) * MASK_SCALE), mask->height);
  return *i1 > *i0 && *j1 > *j0;
}

static guint32
body_cells_in (const SmLabelScene      *scene,
               const cairo_rectangle_t *r)
{
  Mask *body = body_mask (scene);
  int i0, j0, i1, j1, w;

  if (body == NULL || !rect_cells (scene, body, r, &i0, &j0, &i1, &j1))
    return 0;
  w = body->width + 1;
  return body->sums[(gsize) j1 * w + i1] - body->sums[(gsize) j0 * w + i1] -
         body->sums[(gsize) j1 * w + i0] + body->sums[(gsize) j0 * w + i0];
}

gboolean
sm_presenter_layout_body_span (const SmLabelScene *scene,
                               double              y0,
                               double              y1,
                               double             *left,
                               double             *right)
{
  Mask *body = body_mask (scene);
  cairo_rectangle_t band = { 0, y0, 1, y1 - y0 };
  int i0, j0, i1, j1, lo = G_MAXINT, hi = -1;

  if (body == NULL)
    return FALSE;
  band.x = scene->origin_x + body->u0 * scene->scale;
  band.width = body->width / MASK_SCALE * scene->scale;
  if (!rect_cells (scene, body, &band, &i0, &j0, &i1, &j1))
    return FALSE;
  for (int j = j0; j < j1; j++)
    {
      lo = MIN (lo, body->row_min[j]);
      hi = MAX (hi, body->row_max[j]);
    }
  if (hi < 0)
    return FALSE;

  *left = scene->origin_x + (body->u0 + lo / MASK_SCALE) * scene->scale;
  *right = scene->origin_x + (body->u0 + (hi + 1) / MASK_SCALE) * scene->scale;
  return TRUE;
}

static gboolean
zone_box (const SmLabelScene *scene,
          const char         *id,
          cairo_rectangle_t  *rect)
{
  cairo_rectangle_t box;

  if (id == NULL || !sm_anatomy_get_bounds (scene->anatomy, scene->view, id, &box))
    return FALSE;
  *rect = (cairo_rectangle_t) { scene->origin_x + box.x * scene->scale, scene->origin_y + box.y * scene->scale,
                                box.width * scene->scale, box.height * scene->scale };
  return TRUE;
}

/* --- Anchors ------------------------------------------------------------- */

static gboolean
in_any (double                   x,
        double                   y,
        const cairo_rectangle_t *rects,
        guint                    n)
{
  for (guint k = 0; k < n; k++)
    if (x >= rects[k].x && x < rects[k].x + rects[k].width &&
        y >= rects[k].y && y < rects[k].y + rects[k].height)
      return TRUE;
  return FALSE;
}

/* The point of the zone's visible shape farthest from its edges (and
 * from the screen's edges, the obstacles and the caption), so the leader
 * line ends well inside what a tap there would select. */
static gboolean
find_anchor (const SmLabelScene      *scene,
             const char              *id,
             const cairo_rectangle_t *caption,
             double                  *ax,
             double                  *ay)
{
  Mask *mask = mask_get (scene->anatomy, scene->view, id);
  g_autofree guint16 *dist = NULL;
  int w, h, best = 0;

  if (mask == NULL)
    return FALSE;
  w = mask->width;
  h = mask->height;
  dist = g_new0 (guint16, (gsize) w * h);

  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      {
        double x = scene->origin_x + (mask->u0 + (i + 0.5) / MASK_SCALE) * scene->scale;
        double y = scene->origin_y + (mask->v0 + (j + 0.5) / MASK_SCALE) * scene->scale;
        gboolean ok = mask->cells[(gsize) j * w + i] &&
                      x >= EDGE && y >= EDGE && x < scene->width - EDGE && y < scene->height - EDGE &&
                      !in_any (x, y, scene->obstacles, scene->n_obstacles) &&
                      (caption == NULL || !in_any (x, y, caption, 1)) &&
                      (scene->pick == NULL || g_strcmp0 (scene->pick (x, y, scene->pick_data), id) == 0);

        dist[(gsize) j * w + i] = ok ? G_MAXUINT16 / 2 : 0;
      }

  /* Two-pass chamfer distance (3 along, 4 across). */
  for (int j = 0; j < h; j++)
    for (int i = 0; i < w; i++)
      {
        guint16 *d = &dist[(gsize) j * w + i];

        if (*d == 0)
          continue;
        *d = MIN (*d, (i > 0 ? dist[(gsize) j * w + i - 1] : 0) + 3);
        *d = MIN (*d, (j > 0 ? dist[(gsize) (j - 1) * w + i] : 0) + 3);
        *d = MIN (*d, (i > 0 && j > 0 ? dist[(gsize) (j - 1) * w + i - 1] : 0) + 4);
        *d = MIN (*d, (i < w - 1 && j > 0 ? dist[(gsize) (j - 1) * w + i + 1] : 0) + 4);
      }
  for (int j = h - 1; j >= 0; j--)
    for (int i = w - 1; i >= 0; i--)
      {
        guint16 *d = &dist[(gsize) j * w + i];

        if (*d == 0)
          continue;
        *d = MIN (*d, (i < w - 1 ? dist[(gsize) j * w + i + 1] : 0) + 3);
        *d = MIN (*d, (j < h - 1 ? dist[(gsize) (j + 1) * w + i] : 0) + 3);
        *d = MIN (*d, (i < w - 1 && j < h - 1 ? dist[(gsize) (j + 1) * w + i + 1] : 0) + 4);
        *d = MIN (*d, (i > 0 && j < h - 1 ? dist[(gsize) (j + 1) * w + i - 1] : 0) + 4);
        if (*d > best)
          {
            best = *d;
            *ax = scene->origin_x + (mask->u0 + (i + 0.5) / MASK_SCALE) * scene->scale;
            *ay = scene->origin_y + (mask->v0 + (j + 0.5) / MASK_SCALE) * scene->scale;
          }
      }

  return best > 0;
}

/* --- Caption ------------------------------------------------------------- */

guint
sm_presenter_layout_pick_caption (const SmLabelScene      *scene,
                                  const cairo_rectangle_t *candidates,
                                  guint                    n)
{
  cairo_rectangle_t selected;
  gboolean has_selected = zone_box (scene, scene->selected, &selected);
  guint best = 0;
  double best_cost = G_MAXDOUBLE;

  for (guint k = 0; k < n; k++)
    {
      /* Off the selection above all; then off the body; then as given. */
      double cost = k + body_cells_in (scene, &candidates[k]) * 10.0;

      if (has_selected && rects_meet (&candidates[k], &selected, CAPTION_GAP))
        cost += 1e9;
      for (guint o = 0; o < scene->n_obstacles; o++)
        if (rects_meet (&candidates[k], &scene->obstacles[o], 0))
          cost += 1e6;
      if (cost < best_cost)
        {
          best_cost = cost;
          best = k;
        }
    }
  return best;
}

/* --- Labels -------------------------------------------------------------- */

typedef struct
{
  const SmLabelScene      *scene;
  const cairo_rectangle_t *caption;
  cairo_rectangle_t        selected;
  gboolean                 has_selected;
  SmLabelPlacement        *placed;
  guint                    n_placed;
} Context;

static void
leader_start (const cairo_rectangle_t *box,
              double                   ax,
              double                   ay,
              double                  *x,
              double                  *y)
{
  *x = CLAMP (ax, box->x, box->x + box->width);
  *y = CLAMP (ay, box->y + 4, box->y + box->height - 4);
}

/* Whether @box (pointing at the anchor) fits: on screen, off the caption,
 * the obstacles, the selected zone and the labels and leader lines placed
 * so far, its own leader crossing none of those labels. */
static gboolean
fits (const Context           *ctx,
      const cairo_rectangle_t *box,
      double                   ax,
      double                   ay,
      gboolean                 own_zone_selected)
{
  const SmLabelScene *scene = ctx->scene;
  double lx, ly;

  if (box->x < EDGE || box->y < EDGE || box->x + box->width > scene->width - EDGE ||
      box->y + box->height > scene->height - EDGE)
    return FALSE;
  if (ctx->caption != NULL && rects_meet (box, ctx->caption, LABEL_GAP))
    return FALSE;
  if (ctx->has_selected && rects_meet (box, &ctx->selected, LABEL_GAP))
    return FALSE;
  for (guint o = 0; o < scene->n_obstacles; o++)
    if (rects_meet (box, &scene->obstacles[o], LABEL_GAP))
      return FALSE;

  leader_start (box, ax, ay, &lx, &ly);
  if (ctx->caption != NULL && segment_meets (lx, ly, ax, ay, ctx->caption))
    return FALSE;
  /* Another muscle's leader line never runs across the one being shown. */
  if (ctx->has_selected && !own_zone_selected && segment_meets (lx, ly, ax, ay, &ctx->selected))
    return FALSE;
  for (guint k = 0; k < ctx->n_placed; k++)
    {
      const SmLabelPlacement *p = &ctx->placed[k];

      if (!p->placed)
        continue;
      if (rects_meet (box, &p->box, LABEL_GAP) ||
          segment_meets (lx, ly, ax, ay, &p->box) ||
          segments_cross (lx, ly, ax, ay, p->leader_x, p->leader_y, p->anchor_x, p->anchor_y) ||
          segment_meets (p->leader_x, p->leader_y, p->anchor_x, p->anchor_y, box))
        return FALSE;
    }
  return TRUE;
}

/* The best box of @w × @h for the anchor: beside the body at the anchor's
 * height or as near to it as fits, on the anchor's side of the midline.
 * With @inside, on the body near the anchor instead. Returns the cost (the
 * distance moved), G_MAXDOUBLE when nothing fits. */
static double
best_box (const Context     *ctx,
          double             ax,
          double             ay,
          double             w,
          double             h,
          gboolean           inside,
          gboolean           selected,
          cairo_rectangle_t *out)
{
  const SmLabelScene *scene = ctx->scene;
  double midline = scene->origin_x + 400 * scene->scale;
  gboolean left = ax < midline;
  double step = h / 2 + 2;
  /* A label far from its muscle reads as another's: a few lines at most. */
  double reach = MAX (MAX_SHIFT_LINES * h, scene->height / 5.0);

  if (w < 1 || h < 1)
    return G_MAXDOUBLE;

  for (int k = 0; k <= 2 * (int) (reach / step); k++)
    {
      double dy = (k % 2 == 0 ? 1 : -1) * ((k + 1) / 2) * step;
      cairo_rectangle_t box = { 0, ay - h / 2 + dy, w, h };
      double bl, br;

      if (box.y < EDGE - step || box.y + h > scene->height - EDGE + step)
        continue;

      if (inside)
        box.x = ax - w / 2;
      else if (!sm_presenter_layout_body_span (scene, box.y - BODY_GAP, box.y + h + BODY_GAP, &bl, &br))
        box.x = ax - w / 2;
      else
        box.x = left ? bl - BODY_GAP - w : br + BODY_GAP;

      if (!inside && body_cells_in (scene, &box) > 0)
        continue;
      if (fits (ctx, &box, ax, ay, selected))
        {
          *out = box;
          return fabs (dy) + 0.2 * fabs (box.x + w / 2 - ax);
        }
    }
  return G_MAXDOUBLE;
}

/* Each of the muscle's sides in turn, one line before two: the cheapest
 * box that fits. */
static gboolean
place_one (Context              *ctx,
           const SmLabelRequest *request,
           gboolean              inside,
           SmLabelPlacement     *placement)
{
  double best_cost = G_MAXDOUBLE;

  for (guint z = 0; z < G_N_ELEMENTS (request->zones) && request->zones[z] != NULL; z++)
    {
      gboolean selected = g_strcmp0 (request->zones[z], ctx->scene->selected) == 0;
      cairo_rectangle_t box;
      double ax = 0, ay = 0, cost;
      gboolean wrapped = FALSE;

      if (!find_anchor (ctx->scene, request->zones[z], ctx->caption, &ax, &ay))
        continue;
      cost = best_box (ctx, ax, ay, request->width, request->height, inside, selected, &box);
      if (request->wrap_width > 0)
        {
          cairo_rectangle_t two;
          double cost2 = best_box (ctx, ax, ay, request->wrap_width, request->wrap_height,
                                   inside, selected, &two);

          /* Two lines near the muscle beat one line far from it. */
          if (cost2 < G_MAXDOUBLE && cost2 + WRAP_COST < cost)
            {
              cost = cost2 + WRAP_COST;
              box = two;
              wrapped = TRUE;
            }
        }
      if (cost == G_MAXDOUBLE)
        continue;
      cost += z * 50;
      if (cost < best_cost)
        {
          best_cost = cost;
          *placement = (SmLabelPlacement) { TRUE, !inside, wrapped, box, request->zones[z], ax, ay, 0, 0 };
          leader_start (&box, ax, ay, &placement->leader_x, &placement->leader_y);
        }
    }

  return best_cost < G_MAXDOUBLE;
}

void
sm_presenter_layout_place (const SmLabelScene      *scene,
                           const cairo_rectangle_t *caption,
                           const SmLabelRequest    *requests,
                           guint                    n,
                           SmLabelPlacement        *placements)
{
  Context ctx = { scene, caption, { 0 }, FALSE, placements, 0 };

  g_return_if_fail (scene != NULL && scene->scale > 0);

  ctx.has_selected = zone_box (scene, scene->selected, &ctx.selected);
  for (guint k = 0; k < n; k++)
    {
      placements[k] = (SmLabelPlacement) { FALSE };
      if (!place_one (&ctx, &requests[k], FALSE, &placements[k]) && requests[k].required)
        place_one (&ctx, &requests[k], TRUE, &placements[k]);
      ctx.n_placed = k + 1;
    }
}
