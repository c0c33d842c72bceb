/* bench-body-map.c: how fast the body map answers a hit and draws a new
 * frame after a selection change, against a full render of the view.
 * Prints the figures; fails only if something does not work at all.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include <gtk/gtk.h>

#include "sm-allocator.h"
#include "sm-anatomy.h"
#include "sm-bench-map.h"
#include "sm-body-map.h"

#define WIDTH  700
#define HEIGHT 1000

static gboolean
has_size (GtkWidget *widget,
          int        width,
          int        height)
{
  return gtk_widget_get_width (widget) == width && gtk_widget_get_height (widget) == height;
}

static void
resize (GtkWindow *window,
        GtkWidget *map,
        int        width,
        int        height)
{
  gtk_widget_set_size_request (map, width, height);
  gtk_window_set_default_size (window, width, height);
  for (int i = 0; i < 500 && !has_size (map, width, height); i++)
    sm_bench_spin (10);
  g_assert_true (has_size (map, width, height));
  sm_bench_spin (100);
}

/* 100 000 random points over the widget, timed in batches of 1000. */
static double
bench_hit_test (SmBodyMap *map)
{
  g_autoptr(GArray) per_point = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  double xs[1000], ys[1000];
  guint hits = 0;

  for (int batch = 0; batch < 100; batch++)
    {
      double start, ns;

      for (int i = 0; i < 1000; i++)
        {
          xs[i] = g_rand_double_range (rand, 0, WIDTH);
          ys[i] = g_rand_double_range (rand, 0, HEIGHT);
        }

      start = sm_bench_now_ns ();
      for (int i = 0; i < 1000; i++)
        hits += sm_body_map_pick (map, xs[i], ys[i]) != NULL;
      ns = (sm_bench_now_ns () - start) / 1000;
      g_array_append_val (per_point, ns);
    }

  g_assert_cmpuint (hits, >, 0);
  return sm_bench_median (per_point);
}

/* The region GTK redraws when the selection moves: the boxes of the zone
 * that lost and the zone that gained the highlight (plus the outline). */
static cairo_rectangle_int_t
zone_damage (SmBodyMap  *map,
             const char *element_id)
{
  cairo_rectangle_t box;
  double x0, y0, x1, y1;

  g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), "back", element_id, &box));
  sm_body_map_svg_to_widget (map, box.x - 8, box.y - 8, &x0, &y0);
  sm_body_map_svg_to_widget (map, box.x + box.width + 8, box.y + box.height + 8, &x1, &y1);
  return (cairo_rectangle_int_t) { (int) x0, (int) y0, (int) (x1 - x0) + 2, (int) (y1 - y0) + 2 };
}

/* The work of one frame after a change: layout (zone widgets may show),
 * the snapshot of the map (base node reused, highlight nodes new) and
 * drawing it over the damaged region, the way GSK's cairo renderer does. */
static void
draw_frame (GtkWidget       *window,
            SmBodyMap       *map,
            const char      *id,
            const char      *previous_id,
            cairo_surface_t *target)
{
  cairo_rectangle_int_t now = zone_damage (map, id), before = zone_damage (map, previous_id);
  GtkAllocation allocation;
  cairo_region_t *damage;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  cairo_t *cr;

  gtk_widget_get_allocation (GTK_WIDGET (map), &allocation);
  gtk_widget_size_allocate (GTK_WIDGET (map), &allocation, -1);

  snapshot = gtk_snapshot_new ();
  gtk_widget_snapshot_child (window, GTK_WIDGET (map), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  damage = cairo_region_create_rectangle (&now);
  cairo_region_union_rectangle (damage, &before);
  cr = cairo_create (target);
  gdk_cairo_region (cr, damage);
  cairo_clip (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (target);

  cairo_region_destroy (damage);
  gsk_render_node_unref (node);
}

static G_GNUC_NO_INLINE double
frame_after_selection (GtkWidget       *window,
                       SmBodyMap       *map,
                       const char      *muscle,
                       const char      *side,
                       const char      *previous_id,
                       cairo_surface_t *target)
{
  g_autofree char *id = g_strdup_printf ("zone-%s-%s", muscle, side);
  double start = sm_bench_now_ns ();

  sm_body_map_select_zone (map, muscle, side);
  draw_frame (window, map, id, previous_id, target);
  return (sm_bench_now_ns () - start) / 1e6;
}

static G_GNUC_NO_INLINE void
select_all (GtkWidget       *window,
            SmBodyMap       *map,
            char           **previous,
            cairo_surface_t *target,
            GArray          *times)
{
  const char *muscles[] = { "hamstrings", "calf", "gluteus-medius", "erector-spinae",
                            "sacral-border", "gluteus-maximus" };
  const char *sides[] = { "left", "right" };

  for (guint m = 0; m < G_N_ELEMENTS (muscles); m++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        double ms = frame_after_selection (window, map, muscles[m], sides[s], *previous, target);

        g_array_append_val (times, ms);
        g_free (*previous);
        *previous = g_strdup_printf ("zone-%s-%s", muscles[m], sides[s]);
      }
}

/* Cold: right after a zoom change dropped the cached masks and the base was
 * redrawn, before the idle pre-render ran (the main loop does not turn in
 * between). Warm: once it has. */
static G_GNUC_NO_INLINE void
bench_selection (GtkWidget *window,
                 SmBodyMap *map,
                 double    *cold,
                 double    *warm)
{
  g_autoptr(GArray) cold_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) warm_times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree char *previous = g_strdup ("zone-piriformis-left");

  sm_body_map_set_zoom (map, 1.25);
  frame_after_selection (window, map, "piriformis", "left", previous, target);
  select_all (window, map, &previous, target, cold_times);

  sm_bench_spin (1000);
  for (int round = 0; round < 5; round++)
    select_all (window, map, &previous, target, warm_times);

  cairo_surface_destroy (target);
  *cold = sm_bench_median (cold_times);
  *warm = sm_bench_median (warm_times);
}

/* Hover through the map's own motion handler: the pointer goes to the
 * middle of each zone in turn; the frame is the snapshot drawn over the
 * boxes of the old and the new zone. */
static G_GNUC_NO_INLINE double
bench_hover (GtkWidget *window,
             SmBodyMap *map)
{
  const char *ids[] = { "zone-hamstrings-left", "zone-calf-right", "zone-gluteus-medius-left",
                        "zone-erector-spinae-right", "zone-sacral-border-left",
                        "zone-gluteus-maximus-right", "zone-piriformis-left", "zone-calf-left" };
  GtkEventController *motion = sm_bench_motion_controller (GTK_WIDGET (map));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  const char *previous = ids[G_N_ELEMENTS (ids) - 1];

  sm_body_map_clear_selection (map);
  for (int round = 0; round < 5; round++)
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      {
        cairo_rectangle_t box;
        double x, y, start, ms;

        g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), "back", ids[i], &box));
        sm_body_map_svg_to_widget (map, box.x + box.width / 2, box.y + box.height / 2, &x, &y);

        start = sm_bench_now_ns ();
        g_signal_emit_by_name (motion, "motion", x, y);
        draw_frame (window, map, ids[i], previous, target);
        ms = (sm_bench_now_ns () - start) / 1e6;

        if (round > 0)
          g_array_append_val (times, ms);
        previous = ids[i];
      }

  cairo_surface_destroy (target);
  return sm_bench_median (times);
}

/* Several size changes, each followed by several frames. */
static double
bench_resizes (GtkWindow *window,
               SmBodyMap *map)
{
  const int sizes[][2] = { { 500, 800 }, { 640, 900 }, { 560, 700 }, { WIDTH, HEIGHT } };
  guint before = sm_body_map_get_base_render_count (map);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      resize (window, GTK_WIDGET (map), sizes[i][0], sizes[i][1]);
      for (int frame = 0; frame < 5; frame++)
        {
          gtk_widget_queue_draw (GTK_WIDGET (map));
          sm_bench_spin (20);
        }
    }

  return (double) (sm_body_map_get_base_render_count (map) - before) / G_N_ELEMENTS (sizes);
}

int
main (int   argc,
      char *argv[])
{
  GtkWindow *window;
  SmBodyMap *map;
  double hit_ns, full_ms, cold_ms, warm_ms, hover_ms, renders_per_resize;
  guint parses;

  /* malloc as the window's process has it after its first frame. */
  sm_allocator_limit_arenas ();
  sm_allocator_keep_freed_heap ();
  gtk_init ();
  window = GTK_WINDOW (gtk_window_new ());
  map = SM_BODY_MAP (sm_body_map_new ());
  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  resize (window, GTK_WIDGET (map), WIDTH, HEIGHT);
  parses = sm_anatomy_get_parse_count ();

  hit_ns = bench_hit_test (map);
  full_ms = sm_bench_full_render ("back", WIDTH, HEIGHT, 15);
  bench_selection (GTK_WIDGET (window), map, &cold_ms, &warm_ms);
  hover_ms = bench_hover (GTK_WIDGET (window), map);
  renders_per_resize = bench_resizes (window, map);

  g_print ("hit test: median %.4f µs per point over 100000 random points (target ≤ 0.1 µs)\n",
           hit_ns / 1000);
  g_print ("full render of the back view at %d×%d: median %.2f ms\n", WIDTH, HEIGHT, full_ms);
  g_print ("selection change frame (masks drawn ahead in idle time): median %.3f ms = %.2f %% of a full render (target ≤ 1 %%)\n",
           warm_ms, 100 * warm_ms / full_ms);
  g_print ("hover change frame: median %.3f ms = %.2f %% of a full render (target ≤ 1 %%)\n",
           hover_ms, 100 * hover_ms / full_ms);
  g_print ("selection change frame (right after a zoom, before the idle pre-render): median %.3f ms = %.2f %% of a full render\n",
           cold_ms, 100 * cold_ms / full_ms);
  g_print ("base renders per size change: %.2f (target 1)\n", renders_per_resize);
  g_print ("SVG parses after start-up: %u\n", sm_anatomy_get_parse_count () - parses);

  gtk_window_destroy (window);
  return 0;
}
