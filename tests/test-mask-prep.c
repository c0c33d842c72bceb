/* test-mask-prep.c: the body map's masks drawn ahead in a worker are the
 * masks the map would draw itself, for the geometry of the latest start
 * only; a cancelled or superseded run hands out nothing of its own. Right
 * after a zoom the map shows the previous geometry's masks scaled, where
 * the exact ones will be, until the idle has drawn those; never another
 * view's. The images made of the masks are trimmed to their ink by
 * reading only their margins, and find the box a read of every pixel does.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-body-map-private.h"
#include "sm-test-map.h"
#include "sm-test-utils.h"

#define PAD 8.0

static const char * const zones[] = {
  "zone-piriformis-left", "zone-gluteus-maximus-right", "zone-hamstrings-left",
};

static GPtrArray *
zone_list (void)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    g_ptr_array_add (ids, g_strdup (zones[i]));
  return ids;
}

/* Waits (up to 10 s) for the worker's mask of @key. */
static gboolean
take_when_ready (SmMaskPrep       *prep,
                 const char       *key,
                 cairo_surface_t **surface,
                 double           *x,
                 double           *y)
{
  for (int i = 0; i < 10000; i++)
    {
      if (_sm_mask_prep_take (prep, key, TRUE, surface, x, y))
        return TRUE;
      g_usleep (1000);
    }
  return FALSE;
}

static void
assert_same_surface (cairo_surface_t *a,
                     cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (cairo_image_surface_get_format (a), ==, cairo_image_surface_get_format (b));
  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  g_assert_true (memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                         (gsize) stride * height) == 0);
}

/* Each mask of each zone, against the one drawn here with the same
 * geometry. */
static void
check_masks (SmMaskPrep *prep,
             double      origin_x,
             double      origin_y,
             double      scale,
             int         device_scale)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const SmAnatomyStyle styles[] = { SM_ANATOMY_STYLE_SILHOUETTE, SM_ANATOMY_STYLE_OUTLINE };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
      {
        g_autofree char *key = _sm_mask_key (styles[s], "back", zones[i]);
        cairo_surface_t *made = NULL, *expected;
        double x, y, ex, ey;

        g_assert_true (take_when_ready (prep, key, &made, &x, &y));
        g_assert_nonnull (made);
        expected = sm_anatomy_render_mask (anatomy, "back", styles[s], zones[i], origin_x, origin_y,
                                           scale, device_scale, PAD, &ex, &ey, NULL);
        g_assert_nonnull (expected);
        g_assert_cmpfloat (x, ==, ex);
        g_assert_cmpfloat (y, ==, ey);
        assert_same_surface (made, expected);
        cairo_surface_destroy (made);
        cairo_surface_destroy (expected);

        /* Taken once: the map keeps it from then on. */
        g_assert_false (_sm_mask_prep_take (prep, key, TRUE, &made, &x, &y));
      }
}

static void
test_same_as_drawn_here (void)
{
  SmMaskPrep *prep = _sm_mask_prep_new (sm_anatomy_get_default ());
  g_autoptr(GPtrArray) ids = zone_list ();

  _sm_mask_prep_start (prep, "back", 12.3, -40.7, 0.83, 1, PAD, ids);
  check_masks (prep, 12.3, -40.7, 0.83, 1);
  _sm_mask_prep_start (prep, "back", 0.5, 3.25, 1.4, 2, PAD, ids);
  check_masks (prep, 0.5, 3.25, 1.4, 2);
  _sm_mask_prep_free (prep);
}

/* A zoom right after another: whatever is handed out is of the second
 * geometry, never of the first. */
static void
test_superseded_run (void)
{
  SmMaskPrep *prep = _sm_mask_prep_new (sm_anatomy_get_default ());
  g_autoptr(GPtrArray) ids = zone_list ();

  for (int i = 0; i < 5; i++)
    {
      _sm_mask_prep_start (prep, "back", 3, 4, 0.6 + 0.1 * i, 1, PAD, ids);
      _sm_mask_prep_start (prep, "back", 7.5, 9.5, 1.9, 1, PAD, ids);
      check_masks (prep, 7.5, 9.5, 1.9, 1);
    }
  _sm_mask_prep_free (prep);
}

/* After a cancel (the geometry changed to one the worker is not asked to
 * draw) nothing is handed out, even once the worker is done. */
static void
test_cancel (void)
{
  SmMaskPrep *prep = _sm_mask_prep_new (sm_anatomy_get_default ());
  g_autoptr(GPtrArray) ids = zone_list ();
  g_autofree char *key = _sm_mask_key (SM_ANATOMY_STYLE_SILHOUETTE, "back", zones[0]);
  cairo_surface_t *surface = NULL;
  double x, y;

  _sm_mask_prep_start (prep, "back", 0, 0, 1, 1, PAD, ids);
  _sm_mask_prep_cancel (prep);
  g_usleep (300000);
  g_assert_false (_sm_mask_prep_take (prep, key, TRUE, &surface, &x, &y));
  g_assert_null (surface);

  /* A map that goes away while the worker runs. */
  _sm_mask_prep_start (prep, "back", 0, 0, 1.2, 1, PAD, ids);
  _sm_mask_prep_free (prep);
  g_usleep (300000);
}

/* --- The stale masks of a map ------------------------------------------- */

#define MAP_WIDTH  420
#define MAP_HEIGHT 640

static gboolean
map_has_size (gpointer data)
{
  return gtk_widget_get_width (data) == MAP_WIDTH && gtk_widget_get_height (data) == MAP_HEIGHT;
}

/* The idle has drawn the current geometry's masks and let the stale go. */
static gboolean
map_prewarmed (gpointer data)
{
  SmBodyMap *map = data;

  return map->prewarm_id == 0 && map->base_valid;
}

static SmBodyMap *
map_new (GtkWindow **window)
{
  SmBodyMap *map = SM_BODY_MAP (sm_body_map_new ());

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_widget_set_size_request (GTK_WIDGET (map), MAP_WIDTH, MAP_HEIGHT);
  gtk_window_set_default_size (*window, MAP_WIDTH, MAP_HEIGHT);
  gtk_window_set_child (*window, GTK_WIDGET (map));
  gtk_window_present (*window);
  sm_test_wait_mapped (GTK_WIDGET (map));
  g_assert_true (sm_test_wait_for (map_has_size, map, 5000));
  gtk_widget_queue_draw (GTK_WIDGET (map));
  g_assert_true (sm_test_wait_for (map_prewarmed, map, 20000));
  return map;
}

/* One frame of the map as GSK's cairo renderer draws it, after the layout
 * the frame clock would do first. */
static cairo_surface_t *
draw_map (GtkWindow *window,
          SmBodyMap *map)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAP_WIDTH, MAP_HEIGHT);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GtkAllocation allocation;
  GskRenderNode *node;
  cairo_t *cr;

  gtk_widget_get_allocation (GTK_WIDGET (map), &allocation);
  gtk_widget_size_allocate (GTK_WIDGET (map), &allocation, -1);
  gtk_widget_snapshot_child (GTK_WIDGET (window), GTK_WIDGET (map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  cr = cairo_create (surface);
  cairo_translate (cr, -allocation.x, -allocation.y);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);
  return surface;
}

/* The mean difference of the colour channels over the element's box, in
 * blocks of BLOCK px a side: the hatch of a stale picture is scaled, so
 * its lines lie elsewhere, but each block holds about as much of them. */
#define BLOCK 12

static double
mean_difference (SmBodyMap       *map,
                 const char      *view,
                 const char      *id,
                 cairo_surface_t *a,
                 cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  cairo_rectangle_t box;
  double x0, y0, x1, y1, sum = 0;
  guint n = 0;

  g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), view, id, &box));
  sm_body_map_svg_to_widget (map, box.x, box.y, &x0, &y0);
  sm_body_map_svg_to_widget (map, box.x + box.width, box.y + box.height, &x1, &y1);
  for (int by = MAX ((int) y0, 0); by + BLOCK <= MIN ((int) y1, MAP_HEIGHT); by += BLOCK)
    for (int bx = MAX ((int) x0, 0); bx + BLOCK <= MIN ((int) x1, MAP_WIDTH); bx += BLOCK)
      for (int c = 0; c < 3; c++, n++)
        {
          int block = 0;

          for (int y = by; y < by + BLOCK; y++)
            for (int x = bx; x < bx + BLOCK; x++)
              block += pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c];
          sum += fabs ((double) block / (BLOCK * BLOCK));
        }

  g_assert_cmpuint (n, >, 0);
  return sum / n;
}

/* Right after a zoom the selection is drawn from the previous zoom's
 * masks, scaled: where the exact picture puts it and nearly the same;
 * then the idle draws the exact masks and drops the stale ones. */
static void
test_stale_after_zoom (void)
{
  const char *id = "zone-hamstrings-left";
  cairo_surface_t *plain, *stale, *exact;
  GtkWindow *window;
  SmBodyMap *map = map_new (&window);

  g_assert_cmpuint (g_hash_table_size (map->masks.masks), >, 0);
  sm_body_map_set_zoom (map, 1.25);
  /* Nothing from the worker, so the frame must choose: stale or drawn now. */
  _sm_mask_prep_cancel (map->mask_prep);
  g_assert_nonnull (map->stale.masks);
  g_assert_cmpuint (g_hash_table_size (map->masks.masks), ==, 0);

  plain = draw_map (window, map);
  g_assert_true (sm_body_map_select_zone (map, "hamstrings", "left"));
  stale = draw_map (window, map);
  g_assert_true (map->stale_shown);

  g_assert_true (sm_test_wait_for (map_prewarmed, map, 20000));
  g_assert_false (map->stale_shown);
  g_assert_null (map->stale.masks);
  exact = draw_map (window, map);
  g_assert_false (map->stale_shown);

  /* The selection shows (hatch and outline change the box a lot), and the
   * stale picture is close to the exact one. */
  g_print ("# block difference: plain %.1f, stale %.1f\n", mean_difference (map, "back", id, plain, exact), mean_difference (map, "back", id, stale, exact));
  g_assert_cmpfloat (mean_difference (map, "back", id, plain, exact), >, 12);
  g_assert_cmpfloat (mean_difference (map, "back", id, stale, exact), <,
                     mean_difference (map, "back", id, plain, exact) / 3);

  cairo_surface_destroy (plain);
  cairo_surface_destroy (stale);
  cairo_surface_destroy (exact);
  gtk_window_destroy (window);
}

static gboolean
stale_refreshed (gpointer data)
{
  return !SM_BODY_MAP (data)->stale_shown;
}

/* In a run of zoom steps the fuller stale set stays: a step whose frames
 * drew only a few masks does not replace the set of every zone. */
static void
test_stale_kept_through_steps (void)
{
  GtkWindow *window;
  SmBodyMap *map = map_new (&window);
  double first_scale = map->masks.scale;
  guint first_size = g_hash_table_size (map->masks.masks);

  sm_body_map_set_zoom (map, 1.25);
  _sm_mask_prep_cancel (map->mask_prep);
  g_assert_cmpfloat (map->stale.scale, ==, first_scale);
  g_assert_true (sm_body_map_select_zone (map, "calf", "right"));
  cairo_surface_destroy (draw_map (window, map));
  g_assert_true (map->stale_shown);

  /* The idle draws the exact masks of what was shown, and no more yet. */
  g_assert_true (sm_test_wait_for (stale_refreshed, map, 20000));
  g_assert_cmpuint (g_hash_table_size (map->masks.masks), >, 0);
  g_assert_cmpuint (g_hash_table_size (map->masks.masks), <, first_size);

  sm_body_map_set_zoom (map, 1.5);
  g_assert_cmpfloat (map->stale.scale, ==, first_scale);
  g_assert_cmpuint (g_hash_table_size (map->masks.masks), ==, 0);
  gtk_window_destroy (window);
}

/* The stale set is of one view: after a switch to the other view nothing
 * of it shows, whatever the zoom. */
static void
test_stale_not_across_views (void)
{
  GtkWindow *window;
  SmBodyMap *map = map_new (&window);

  sm_body_map_set_zoom (map, 1.5);
  sm_body_map_set_view (map, "front");
  _sm_mask_prep_cancel (map->mask_prep);
  g_assert_cmpstr (map->stale.view, ==, "back");
  g_assert_true (sm_body_map_select_zone (map, "quadriceps", "left"));
  cairo_surface_destroy (draw_map (window, map));
  g_assert_false (map->stale_shown);
  gtk_window_destroy (window);
}

/* Sets one pixel of @surface to a value that is clear but for one byte. */
static void
set_pixel (cairo_surface_t *surface,
           int              x,
           int              y,
           gboolean         high)
{
  guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8)
    row[x] = high ? 0xff : 0x01;
  else
    ((guint32 *) row)[x] = high ? 0x01000000 : 0x00000001;
}

/* The highlight images and their masks are trimmed to their ink by reading
 * only their margins: the box must be the one a read of every pixel
 * gives, for clear, full, one-pixel and scattered images, ARGB32 and A8,
 * pixels on the edges and one-byte ones included. */
static void
test_find_ink (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (21);
  guint with_ink = 0;

  for (int round = 0; round < 800; round++)
    {
      cairo_format_t format = round % 2 ? CAIRO_FORMAT_A8 : CAIRO_FORMAT_ARGB32;
      int width = g_rand_int_range (rand, 1, 40), height = g_rand_int_range (rand, 1, 40);
      cairo_surface_t *surface = cairo_image_surface_create (format, width, height);
      int kind = (round / 2) % 4, n = kind == 0 ? 0 : kind == 1 ? 1 : g_rand_int_range (rand, 1, 12);
      cairo_rectangle_int_t fast, slow;
      gboolean found;

      cairo_surface_flush (surface);
      if (kind == 3 && round % 16 >= 8)
        memset (cairo_image_surface_get_data (surface), 0xff, (gsize) cairo_image_surface_get_stride (surface) * height);
      for (int i = 0; i < n; i++)
        {
          int x = g_rand_boolean (rand) ? g_rand_int_range (rand, 0, width) : (g_rand_boolean (rand) ? 0 : width - 1);

          set_pixel (surface, x, g_rand_int_range (rand, 0, height), g_rand_boolean (rand));
        }
      cairo_surface_mark_dirty (surface);

      found = _sm_image_find_ink (surface, &fast);
      g_assert_cmpint (found, ==, sm_map_ink_by_every_pixel (surface, &slow));
      if (found)
        {
          g_assert_cmpint (fast.x, ==, slow.x);
          g_assert_cmpint (fast.y, ==, slow.y);
          g_assert_cmpint (fast.width, ==, slow.width);
          g_assert_cmpint (fast.height, ==, slow.height);
          with_ink++;
        }
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (with_ink, >=, 500);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/mask-prep/same-as-drawn-here", test_same_as_drawn_here);
  g_test_add_func ("/mask-prep/superseded-run", test_superseded_run);
  g_test_add_func ("/mask-prep/cancel", test_cancel);
  g_test_add_func ("/mask-prep/stale-after-zoom", test_stale_after_zoom);
  g_test_add_func ("/mask-prep/stale-kept-through-steps", test_stale_kept_through_steps);
  g_test_add_func ("/mask-prep/stale-not-across-views", test_stale_not_across_views);
  g_test_add_func ("/mask-prep/find-ink", test_find_ink);
  return g_test_run ();
}
