/* test-mask-prep.c: the body map's masks drawn ahead in a worker are the
 * masks the map would draw itself, for the geometry of the latest start
 * only; a cancelled or superseded run hands out nothing of its own.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-body-map-private.h"
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
      if (_sm_mask_prep_take (prep, key, surface, x, y))
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
        g_assert_false (_sm_mask_prep_take (prep, key, &made, &x, &y));
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
  g_assert_false (_sm_mask_prep_take (prep, key, &surface, &x, &y));
  g_assert_null (surface);

  /* A map that goes away while the worker runs. */
  _sm_mask_prep_start (prep, "back", 0, 0, 1.2, 1, PAD, ids);
  _sm_mask_prep_free (prep);
  g_usleep (300000);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);

  g_test_add_func ("/mask-prep/same-as-drawn-here", test_same_as_drawn_here);
  g_test_add_func ("/mask-prep/superseded-run", test_superseded_run);
  g_test_add_func ("/mask-prep/cancel", test_cancel);
  return g_test_run ();
}
