/* sm-test-svg.c: see sm-test-svg.h.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-test-svg.h"

GBytes *
sm_test_svg_bytes (const char *view)
{
  g_autofree char *path =
    g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                           &error);

  g_assert_no_error (error);
  return bytes;
}

RsvgHandle *
sm_test_svg_handle (const char *view)
{
  g_autoptr(GBytes) bytes = sm_test_svg_bytes (view);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  RsvgHandle *handle = rsvg_handle_new_from_data (data, size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (handle);
  return handle;
}

/* The caution, referral and region overlays are hidden by default
 * (display="none" on their groups); the map reveals them with a user
 * stylesheet, as done here. */
RsvgHandle *
sm_test_svg_handle_with_overlays (const char *view)
{
  static const char css[] =
    "#overlay-cautions, #overlay-referrals, #overlay-regions { display: inline; }";
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = sm_test_svg_handle (view);

  rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error);
  g_assert_no_error (error);
  return handle;
}

/* Fails on a duplicate id, so every id found is there exactly once. */
SmSvgIndex *
sm_test_svg_index (const char *view)
{
  g_autofree char *path =
    g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  SmSvgIndex *index = sm_svg_index_new_from_resource (path, &error);

  g_assert_no_error (error);
  return index;
}

/* The geometry calls ignore the viewport's size in librsvg 2.54.7, so every
 * query uses the document's intrinsic size (800 × 1600 user units). */
RsvgRectangle
sm_test_svg_viewport (RsvgHandle *handle)
{
  RsvgRectangle viewport = { 0, 0, 0, 0 };

  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle,
                                                           &viewport.width,
                                                           &viewport.height));
  g_assert_cmpfloat (viewport.width, ==, 800);
  g_assert_cmpfloat (viewport.height, ==, 1600);
  return viewport;
}

/* Logical box (without stroke) of the element with this id; empty when
 * the element is not displayed. */
RsvgRectangle
sm_test_svg_box_or_empty (RsvgHandle *handle,
                          const char *id)
{
  RsvgRectangle viewport = sm_test_svg_viewport (handle);
  RsvgRectangle ink, logical;
  g_autofree char *ref = g_strconcat ("#", id, NULL);
  g_autoptr(GError) error = NULL;

  if (!rsvg_handle_get_geometry_for_layer (handle, ref, &viewport, &ink,
                                           &logical, &error))
    g_error ("no geometry for %s: %s", id, error ? error->message : "?");
  return logical;
}

RsvgRectangle
sm_test_svg_box (RsvgHandle *handle,
                 const char *id)
{
  RsvgRectangle logical = sm_test_svg_box_or_empty (handle, id);

  if (logical.width <= 0 || logical.height <= 0)
    g_error ("%s is empty or hidden", id);
  g_assert_cmpfloat (logical.height, >, 0);
  return logical;
}

/* The knee, by Drillis–Contini: 28.5 % of the body's height up from the
 * soles. */
double
sm_test_svg_knee_y (RsvgHandle *handle)
{
  RsvgRectangle body = sm_test_svg_box (handle, "body-outline");

  return body.y + body.height * (1 - 0.285);
}

/* Coverage of one element, rendered alone at the intrinsic size. */
SmTestMask
sm_test_svg_mask (RsvgHandle *handle,
                  const char *id)
{
  RsvgRectangle viewport = sm_test_svg_viewport (handle);
  g_autofree char *ref = g_strconcat ("#", id, NULL);
  g_autoptr(GError) error = NULL;
  SmTestMask mask;
  cairo_t *cr;

  mask.surface = cairo_image_surface_create (CAIRO_FORMAT_A8, viewport.width,
                                             viewport.height);
  cr = cairo_create (mask.surface);
  rsvg_handle_render_layer (handle, cr, ref, &viewport, &error);
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (mask.surface);
  mask.data = cairo_image_surface_get_data (mask.surface);
  mask.stride = cairo_image_surface_get_stride (mask.surface);
  return mask;
}

gboolean
sm_test_mask_at (const SmTestMask *mask,
                 int               x,
                 int               y)
{
  return mask->data[y * mask->stride + x] > 0;
}

/* Share of the element's pixels that fall inside the mask. */
double
sm_test_svg_fraction_inside (RsvgHandle       *handle,
                             const char       *id,
                             const SmTestMask *outer)
{
  SmTestMask inner = sm_test_svg_mask (handle, id);
  guint inside = 0, total = 0;

  for (int y = 0; y < 1600; y++)
    for (int x = 0; x < 800; x++)
      if (sm_test_mask_at (&inner, x, y))
        {
          total++;
          inside += sm_test_mask_at (outer, x, y);
        }
  cairo_surface_destroy (inner.surface);
  g_assert_cmpuint (total, >, 50);
  return (double) inside / total;
}
