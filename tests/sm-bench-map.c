/* sm-bench-map.c: see sm-bench-map.h.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "sm-anatomy.h"
#include "sm-bench-map.h"

double
sm_bench_now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
sm_bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
sm_bench_spin (guint ms)
{
  gboolean finished = FALSE;

  g_timeout_add (ms, set_true, &finished);
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
}

/* What a person without the map's caches would pay on every frame: the
 * median of @runs renders of @view fitted into @width × @height. */
double
sm_bench_full_render (const char *view,
                      int         width,
                      int         height,
                      int         runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  double vw, vh, fit;

  sm_anatomy_get_size (sm_anatomy_get_default (), view, &vw, &vh);
  fit = MIN (width / vw, height / vh);

  for (int i = 0; i < runs; i++)
    {
      cairo_t *cr = cairo_create (surface);
      cairo_rectangle_t viewport = { (width - vw * fit) / 2, (height - vh * fit) / 2, vw * fit, vh * fit };
      double start = sm_bench_now_ns (), ms;

      g_assert_true (sm_anatomy_render_view (sm_anatomy_get_default (), view, cr, &viewport, NULL));
      cairo_surface_flush (surface);
      ms = (sm_bench_now_ns () - start) / 1e6;
      g_array_append_val (times, ms);
      cairo_destroy (cr);
    }

  cairo_surface_destroy (surface);
  return sm_bench_median (times);
}

GtkEventController *
sm_bench_motion_controller (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        return controller;
    }

  g_assert_not_reached ();
}
