/* sm-test-map.c: a body map alone in a window, for the map's tests: set
 * up at 420×640, waited on frame by frame, and torn down checking that
 * the test parsed no SVG again.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-anatomy.h"
#include "sm-test-map.h"
#include "sm-test-utils.h"

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  (*(int *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(int *) data >= 2;
}

/* Lets GTK lay out and draw, so children sit at their new boxes. */
void
sm_map_fixture_wait_frames (SmMapFixture *fixture)
{
  int frames = 0;
  guint id = gtk_widget_add_tick_callback (GTK_WIDGET (fixture->map), tick_cb, &frames, NULL);

  gtk_widget_queue_draw (GTK_WIDGET (fixture->map));
  g_assert_true (sm_test_wait_for (two_frames, &frames, 5000));
  gtk_widget_remove_tick_callback (GTK_WIDGET (fixture->map), id);
}

typedef struct
{
  GtkWidget *widget;
  int        width;
  int        height;
} SizeWait;

static gboolean
has_size (gpointer data)
{
  SizeWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width &&
         gtk_widget_get_height (wait->widget) == wait->height;
}

/* Waits (up to 5 s) until @widget is @width × @height. */
void
sm_map_wait_size (GtkWidget *widget,
                  int        width,
                  int        height)
{
  SizeWait wait = { widget, width, height };

  g_assert_true (sm_test_wait_for (has_size, &wait, 5000));
}

void
sm_map_fixture_resize (SmMapFixture *fixture,
                       int           width,
                       int           height)
{
  gtk_widget_set_size_request (GTK_WIDGET (fixture->map), width, height);
  gtk_window_set_default_size (fixture->window, width, height);
  sm_map_wait_size (GTK_WIDGET (fixture->map), width, height);
  sm_map_fixture_wait_frames (fixture);
}

void
sm_map_fixture_set_up (SmMapFixture  *fixture,
                       gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->map = SM_BODY_MAP (sm_body_map_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  gtk_window_present (fixture->window);
  sm_test_wait_mapped (GTK_WIDGET (fixture->map));
  sm_map_fixture_resize (fixture, 420, 640);
  fixture->parses = sm_anatomy_get_parse_count ();
}

/* Whatever a test did, no SVG was parsed again. */
void
sm_map_fixture_tear_down (SmMapFixture  *fixture,
                          gconstpointer  data)
{
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, fixture->parses);
  gtk_window_destroy (fixture->window);
}

/* The zone widget of @element_id, if it is shown. */
SmMapZone *
sm_map_find_zone_widget (SmBodyMap  *map,
                         const char *element_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child) &&
        g_strcmp0 (sm_map_zone_get_element_id (SM_MAP_ZONE (child)), element_id) == 0)
      return SM_MAP_ZONE (child);

  return NULL;
}

/* A "zone-activated" handler: *@out becomes "zone/side". */
void
sm_map_record_activation (SmBodyMap  *map,
                          const char *zone,
                          const char *side,
                          char      **out)
{
  g_free (*out);
  *out = g_strconcat (zone, "/", side, NULL);
}

static gboolean
pixel_set (cairo_surface_t *surface,
           int              x,
           int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface);

  return cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8 ? row[x] != 0
                                                                      : ((const guint32 *) row)[x] != 0;
}

/* The box of the pixels of @surface (ARGB32 or A8) that are not clear,
 * every pixel read: the tests' measure for the map's own ink finder and
 * for its images' crop. FALSE if none is. */
gboolean
sm_map_ink_by_every_pixel (cairo_surface_t       *surface,
                           cairo_rectangle_int_t *box)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int x0 = width, y0 = height, x1 = -1, y1 = -1;

  cairo_surface_flush (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (pixel_set (surface, x, y))
        {
          x0 = MIN (x0, x), x1 = MAX (x1, x);
          y0 = MIN (y0, y), y1 = y;
        }
  *box = (cairo_rectangle_int_t) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return x1 >= 0;
}
