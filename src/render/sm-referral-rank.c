/* sm-referral-rank.c: pain drawn or named → the muscles that may cause it
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-referral-rank"

#include "config.h"

#include <math.h>

#include "sm-pain-painter.h"
#include "sm-referral-rank.h"
#include "sm-zone-id.h"

/* Pixels per SVG unit of the comparison masks: a pixel is 4 × 4 units, a
 * finger's tap is about 7 pixels across; a whole view is 200 × 400. */
#define MASK_SCALE 0.25
/* Pain on the nerve below the knee: at least this many SVG units². */
#define NERVE_MIN_AREA 150.0

static const char * const sides[] = { "left", "right" };
static const char * const kinds[] = { "essential", "spillover" };

/* --- Masks ------------------------------------------------------------------ */

static GMutex cache_lock;
static GHashTable *cache;   /* "view/element" → cairo_surface_t*, or a NULL value if none */

static cairo_surface_t *
new_view_mask (SmAnatomy  *anatomy,
               const char *view)
{
  double vw, vh;

  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  return cairo_image_surface_create (CAIRO_FORMAT_A8, (int) ceil (vw * MASK_SCALE),
                                     (int) ceil (vh * MASK_SCALE));
}

static cairo_rectangle_t
mask_viewport (SmAnatomy  *anatomy,
               const char *view)
{
  double vw, vh;

  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  return (cairo_rectangle_t) { 0, 0, vw * MASK_SCALE, vh * MASK_SCALE };
}

/* (transfer none) (nullable) the element's silhouette over the whole view,
 * rendered once: NULL when the view has no such element. */
static cairo_surface_t *
element_mask (SmAnatomy  *anatomy,
              const char *view,
              const char *element_id)
{
  g_autofree char *key = g_strdup_printf ("%p/%s/%s", (void *) anatomy, view, element_id);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&cache_lock);
  cairo_surface_t *mask;
  gpointer found;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) cairo_surface_destroy);
  if (g_hash_table_lookup_extended (cache, key, NULL, &found))
    return found;

  mask = NULL;
  if (sm_svg_index_has_id (sm_anatomy_get_index (anatomy, view), element_id))
    {
      cairo_rectangle_t viewport = mask_viewport (anatomy, view);
      g_autoptr(GError) error = NULL;
      cairo_t *cr;

      mask = new_view_mask (anatomy, view);
      cr = cairo_create (mask);
      if (!sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, element_id,
                                      cr, &viewport, &error))
        g_warning ("Cannot draw %s: %s", element_id, error->message);
      cairo_destroy (cr);
      cairo_surface_flush (mask);
    }
  g_hash_table_insert (cache, g_steal_pointer (&key), mask);
  return mask;
}

/* Overlap of two masks of one view, SVG units². */
static double
overlap (cairo_surface_t *a,
         cairo_surface_t *b)
{
  const guint8 *pa = cairo_image_surface_get_data (a);
  const guint8 *pb = cairo_image_surface_get_data (b);
  int stride = cairo_image_surface_get_stride (a);
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  guint64 sum = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      sum += MIN (pa[y * stride + x], pb[y * stride + x]);

  return sum / 255.0 / (MASK_SCALE * MASK_SCALE);
}

/* The painted area of @view as a mask: each stroke's soft band. */
static cairo_surface_t *
drawing_mask (SmAnatomy     *anatomy,
              SmPainDrawing *drawing,
              const char    *view)
{
  cairo_surface_t *mask = new_view_mask (anatomy, view);
  cairo_t *cr = cairo_create (mask);

  cairo_scale (cr, MASK_SCALE, MASK_SCALE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < sm_pain_drawing_get_n_strokes (drawing); i++)
    {
      const SmPainStroke *stroke = sm_pain_drawing_get_stroke (drawing, i);

      if (g_strcmp0 (stroke->view, view) != 0)
        continue;
      for (guint k = 0; k < stroke->points->len; k++)
        {
          SmPainPoint *p = &g_array_index (stroke->points, SmPainPoint, k);

          cairo_line_to (cr, p->u, p->v);
        }
      /* A tap is one point: a round dot. */
      if (stroke->points->len == 1)
        {
          SmPainPoint *p = &g_array_index (stroke->points, SmPainPoint, 0);

          cairo_line_to (cr, p->u + 0.01, p->v);
        }
      cairo_set_line_width (cr, sm_pain_stroke_get_band_width (stroke));
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  return mask;
}

/* The union of the regions' elements on @view; NULL when none is there. */
static cairo_surface_t *
regions_mask (SmAnatomy          *anatomy,
              const char         *view,
              const char * const *region_ids)
{
  cairo_surface_t *mask = NULL;
  cairo_t *cr = NULL;

  for (guint i = 0; region_ids[i] != NULL; i++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        g_autofree char *id = g_strdup_printf ("region-%s-%s", region_ids[i], sides[s]);
        cairo_surface_t *part = element_mask (anatomy, view, id);

        if (part == NULL)
          continue;
        if (mask == NULL)
          {
            mask = new_view_mask (anatomy, view);
            cr = cairo_create (mask);
          }
        cairo_set_source_rgba (cr, 0, 0, 0, 1);
        cairo_mask_surface (cr, part, 0, 0);
      }
  if (cr != NULL)
    cairo_destroy (cr);
  if (mask != NULL)
    cairo_surface_flush (mask);
  return mask;
}

/* --- Ranking ------------------------------------------------------------------ */

void
sm_referral_match_free (SmReferralMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->zone_id);
  g_free (match);
}

static void
add_view (SmAnatomy       *anatomy,
          const char      *view,
          cairo_surface_t *pain,
          SmReferralMatch *match)
{
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autofree char *id = g_strdup_printf ("referral-%s-%s-%s", match->zone_id, sides[s], kinds[k]);
        cairo_surface_t *pattern = element_mask (anatomy, view, id);
        double area = pattern != NULL ? overlap (pain, pattern) : 0;

        if (area <= 0)
          continue;
        if (k == 0)
          match->essential += area;
        else
          match->spillover += area;
        if (s == 0)
          match->left = TRUE;
        else
          match->right = TRUE;
      }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const SmReferralMatch *x = *(const SmReferralMatch * const *) a;
  const SmReferralMatch *y = *(const SmReferralMatch * const *) b;

  return x->score > y->score ? -1 : x->score < y->score;
}

/* @pains: one mask per view of sm_anatomy_list_views (), NULL where nothing
 * is. Stable sort: ties stay in content order. */
static GPtrArray *
rank (SmAnatomy        *anatomy,
      SmAtlas          *atlas,
      cairo_surface_t **pains)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_referral_match_free);
  const char * const *views = sm_anatomy_list_views (anatomy);
  GListModel *zones = sm_atlas_get_zones (atlas);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      g_autoptr(SmReferralMatch) match = g_new0 (SmReferralMatch, 1);

      match->zone_id = g_strdup (sm_zone_get_id (zone));
      for (guint v = 0; views[v] != NULL; v++)
        if (pains[v] != NULL)
          add_view (anatomy, views[v], pains[v], match);
      match->score = match->essential + SM_REFERRAL_SPILLOVER_WEIGHT * match->spillover;
      if (match->score > 0)
        g_ptr_array_add (matches, g_steal_pointer (&match));
    }
  g_ptr_array_sort (matches, compare_matches);
  return matches;
}

static void
free_masks (cairo_surface_t **masks,
            guint             n)
{
  for (guint v = 0; v < n; v++)
    g_clear_pointer (&masks[v], cairo_surface_destroy);
}

GPtrArray *
sm_referral_rank_drawing (SmAnatomy     *anatomy,
                          SmAtlas       *atlas,
                          SmPainDrawing *drawing)
{
  const char * const *views;
  cairo_surface_t *pains[4] = { NULL };
  GPtrArray *matches;
  guint n;

  g_return_val_if_fail (SM_IS_ANATOMY (anatomy) && SM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (SM_IS_PAIN_DRAWING (drawing), NULL);

  views = sm_anatomy_list_views (anatomy);
  n = MIN (g_strv_length ((char **) views), G_N_ELEMENTS (pains));
  for (guint v = 0; v < n; v++)
    pains[v] = drawing_mask (anatomy, drawing, views[v]);
  matches = rank (anatomy, atlas, pains);
  free_masks (pains, n);
  return matches;
}

GPtrArray *
sm_referral_rank_regions (SmAnatomy          *anatomy,
                          SmAtlas            *atlas,
                          const char * const *region_ids)
{
  const char * const *views;
  cairo_surface_t *pains[4] = { NULL };
  GPtrArray *matches;
  guint n;

  g_return_val_if_fail (SM_IS_ANATOMY (anatomy) && SM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (region_ids != NULL, NULL);

  views = sm_anatomy_list_views (anatomy);
  n = MIN (g_strv_length ((char **) views), G_N_ELEMENTS (pains));
  for (guint v = 0; v < n; v++)
    pains[v] = regions_mask (anatomy, views[v], region_ids);
  matches = rank (anatomy, atlas, pains);
  free_masks (pains, n);
  return matches;
}

gboolean
sm_referral_drawing_suggests_nerve (SmAnatomy     *anatomy,
                                    SmPainDrawing *drawing)
{
  static const char * const below_knee[] = { "nerve-tibial", "nerve-common-fibular" };
  cairo_surface_t *pain;
  double area = 0;
  guint intensity;

  g_return_val_if_fail (SM_IS_ANATOMY (anatomy) && SM_IS_PAIN_DRAWING (drawing), FALSE);

  if (sm_pain_drawing_get_max_intensity (drawing, SM_PAIN_BURNING, &intensity) ||
      sm_pain_drawing_get_max_intensity (drawing, SM_PAIN_NUMB, &intensity))
    return TRUE;

  pain = drawing_mask (anatomy, drawing, "back");
  for (guint i = 0; i < G_N_ELEMENTS (below_knee); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        g_autofree char *id = g_strdup_printf ("%s-%s", below_knee[i], sides[s]);
        cairo_surface_t *nerve = element_mask (anatomy, "back", id);

        if (nerve != NULL)
          area += overlap (pain, nerve);
      }
  cairo_surface_destroy (pain);
  return area >= NERVE_MIN_AREA;
}

/* --- Search ---------------------------------------------------------------- */

GListModel *
sm_referral_search (SmAnatomy  *anatomy,
                    SmAtlas    *atlas,
                    const char *query)
{
  g_auto(GStrv) regions = NULL;
  g_autoptr(GHashTable) boosts = NULL;
  g_autoptr(GPtrArray) matches = NULL;

  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);

  regions = sm_atlas_find_regions (atlas, query);
  if (anatomy == NULL || regions[0] == NULL)
    return sm_atlas_search (atlas, query);

  matches = sm_referral_rank_regions (anatomy, atlas, (const char * const *) regions);
  boosts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < matches->len; i++)
    {
      SmReferralMatch *match = g_ptr_array_index (matches, i);
      SmReferralMatch *top = g_ptr_array_index (matches, 0);

      /* Weights 0…1000, the best muscle 1000. */
      g_hash_table_insert (boosts, (gpointer) g_intern_string (match->zone_id),
                           GUINT_TO_POINTER ((guint) (1000 * match->score / top->score)));
    }
  return sm_atlas_search_with_boosts (atlas, query, boosts);
}

/* --- Painting ----------------------------------------------------------------- */

/* A diagonal hatch in the muscle's own direction: essential areas densely
 * hatched one way, spillover sparsely the other way, so the two differ in
 * grey print and for people who do not tell the colours apart. */
static void
hatch (cairo_t                 *cr,
       const cairo_rectangle_t *viewport,
       double                   spacing,
       double                   direction)
{
  double size = viewport->width + viewport->height;

  for (double d = -size; d < size; d += spacing)
    {
      cairo_move_to (cr, viewport->x + d, viewport->y);
      cairo_line_to (cr, viewport->x + d + direction * size, viewport->y + size);
    }
}

static void
paint_part (SmAnatomy               *anatomy,
            const char              *view,
            const char              *element_id,
            gboolean                 essential,
            cairo_t                 *cr,
            const cairo_rectangle_t *viewport)
{
  g_autoptr(GError) error = NULL;

  if (!sm_svg_index_has_id (sm_anatomy_get_index (anatomy, view), element_id))
    return;

  /* The shape as a group, filled and hatched through its own silhouette. */
  cairo_push_group (cr);
  if (!sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, element_id, cr,
                                  viewport, &error))
    {
      cairo_pattern_destroy (cairo_pop_group (cr));
      return;
    }
  cairo_set_operator (cr, CAIRO_OPERATOR_IN);
  cairo_set_source_rgba (cr, 0.55, 0.10, 0.45, essential ? 0.45 : 0.18);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_ATOP);
  cairo_set_source_rgba (cr, 0.40, 0.05, 0.32, essential ? 0.95 : 0.6);
  cairo_set_line_width (cr, viewport->width / 800.0 * (essential ? 3.0 : 2.0));
  hatch (cr, viewport, viewport->width / 800.0 * (essential ? 10.0 : 18.0), essential ? 1 : -1);
  cairo_stroke (cr);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
}

void
sm_referral_paint_pattern (SmAnatomy               *anatomy,
                           const char              *view,
                           const char              *zone_id,
                           const char              *side,
                           cairo_t                 *cr,
                           const cairo_rectangle_t *viewport)
{
  g_return_if_fail (SM_IS_ANATOMY (anatomy));

  /* Spillover first, so the essential area lies on top of it. */
  for (int k = G_N_ELEMENTS (kinds) - 1; k >= 0; k--)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        g_autofree char *id = g_strdup_printf ("referral-%s-%s-%s", zone_id, sides[s], kinds[k]);

        if (side != NULL && !g_str_equal (side, sides[s]))
          continue;
        paint_part (anatomy, view, id, k == 0, cr, viewport);
      }
}
