/* test-anatomy-referrals.c: the referred-pain patterns and the named body
 * regions of the anatomy SVGs (issue 17) are drawn like every other
 * element: ids once and well formed, hidden until asked for, each side on
 * its half, inside the body outline, and where the references put them.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include "sm-svg-index.h"

#define MIDLINE 400.0

/* librsvg 2.54 declares no autoptr cleanup for its handle. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

static const char * const back_zones[] = {
  "piriformis", "gluteus-maximus", "gluteus-medius", "gluteus-minimus",
  "erector-spinae", "quadratus-lumborum", "sacral-border", "hamstrings",
  "calf", NULL
};
static const char * const front_zones[] = { "psoas", "iliacus", "quadriceps", NULL };
static GBytes *
load_bytes (const char *view)
{
  g_autofree char *path =
    g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                           &error);

  g_assert_no_error (error);
  return bytes;
}

static RsvgHandle *
load_handle (const char *view)
{
  g_autoptr(GBytes) bytes = load_bytes (view);
  g_autoptr(GError) error = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  RsvgHandle *handle = rsvg_handle_new_from_data (data, size, &error);

  g_assert_no_error (error);
  g_assert_nonnull (handle);
  return handle;
}

/* The caution areas are hidden by default (display="none" on their group);
 * the map reveals them with a user stylesheet, as done here. */
static RsvgHandle *
load_handle_with_cautions (const char *view)
{
  static const char css[] =
    "#overlay-cautions, #overlay-referrals, #overlay-regions { display: inline; }";
  g_autoptr(GError) error = NULL;
  RsvgHandle *handle = load_handle (view);

  rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), &error);
  g_assert_no_error (error);
  return handle;
}

/* The geometry calls ignore the viewport's size in librsvg 2.54.7, so every
 * query uses the document's intrinsic size (800 × 1600 user units). */
static RsvgRectangle
intrinsic_viewport (RsvgHandle *handle)
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
static RsvgRectangle
element_box_or_empty (RsvgHandle *handle, const char *id)
{
  RsvgRectangle viewport = intrinsic_viewport (handle);
  RsvgRectangle ink, logical;
  g_autofree char *ref = g_strconcat ("#", id, NULL);
  g_autoptr(GError) error = NULL;

  if (!rsvg_handle_get_geometry_for_layer (handle, ref, &viewport, &ink,
                                           &logical, &error))
    g_error ("no geometry for %s: %s", id, error ? error->message : "?");
  return logical;
}

static RsvgRectangle
element_box (RsvgHandle *handle, const char *id)
{
  RsvgRectangle logical = element_box_or_empty (handle, id);

  if (logical.width <= 0 || logical.height <= 0)
    g_error ("%s is empty or hidden", id);
  g_assert_cmpfloat (logical.height, >, 0);
  return logical;
}

static double
box_cy (RsvgRectangle r)
{
  return r.y + r.height / 2;
}

/* Fails on a duplicate id, so every id found is there exactly once. */
static SmSvgIndex *
index_view (const char *view)
{
  g_autofree char *path =
    g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  SmSvgIndex *index = sm_svg_index_new_from_resource (path, &error);

  g_assert_no_error (error);
  return index;
}

typedef struct {
  cairo_surface_t *surface;
  const guint8    *data;
  int              stride;
} Mask;

/* Coverage of one element, rendered alone at the intrinsic size. */
static Mask
render_mask (RsvgHandle *handle, const char *id)
{
  RsvgRectangle viewport = intrinsic_viewport (handle);
  g_autofree char *ref = g_strconcat ("#", id, NULL);
  g_autoptr(GError) error = NULL;
  Mask mask;
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

static gboolean
mask_at (const Mask *mask, int x, int y)
{
  return mask->data[y * mask->stride + x] > 0;
}


/* Share of the element's pixels that fall inside the mask. */
static double
fraction_inside (RsvgHandle *handle, const char *id, const Mask *outer)
{
  Mask inner = render_mask (handle, id);
  guint inside = 0, total = 0;

  for (int y = 0; y < 1600; y++)
    for (int x = 0; x < 800; x++)
      if (mask_at (&inner, x, y))
        {
          total++;
          inside += mask_at (outer, x, y);
        }
  cairo_surface_destroy (inner.surface);
  g_assert_cmpuint (total, >, 50);
  return (double) inside / total;
}

static double
knee_y (RsvgHandle *handle)
{
  RsvgRectangle body = element_box (handle, "body-outline");

  return body.y + body.height * (1 - 0.285);
}

/* ------------------------------------------------------------ referred pain */

/* "referral-<zone>-<side>-<essential|spillover>" and "region-<name>-<side>":
 * the side, or NULL when the id does not have that form. */
static const char *
overlay_side (const char *view, const char *id)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *rest = NULL;
  const char *side = NULL;

  if (g_str_has_prefix (id, "referral-"))
    {
      const char *kind = strrchr (id, '-');

      if (kind == NULL || (!g_str_equal (kind, "-essential") && !g_str_equal (kind, "-spillover")))
        return NULL;
      rest = g_strndup (id + strlen ("referral-"), kind - id - strlen ("referral-"));
    }
  else if (g_str_has_prefix (id, "region-"))
    rest = g_strdup (id + strlen ("region-"));
  else
    return NULL;

  if (g_str_has_suffix (rest, "-left"))
    side = "left";
  else if (g_str_has_suffix (rest, "-right"))
    side = "right";
  if (side != NULL && g_str_has_prefix (id, "referral-"))
    {
      g_autofree char *zone = g_strndup (rest, strlen (rest) - strlen (side) - 1);

      if (!g_strv_contains (back_zones, zone) && !g_strv_contains (front_zones, zone))
        return NULL;
    }
  return side;
}

/* Every overlay id is well formed, found once (the index refuses a
 * duplicate), hidden in a plain render, and on its own half. */
static void
check_referral_ids_and_sides (gconstpointer data)
{
  const char *view = data;
  static const char * const prefixes[] = { "referral-", "region-", NULL };
  g_autoptr(SmSvgIndex) index = index_view (view);
  g_autoptr(RsvgHandle) shown = load_handle_with_cautions (view);
  g_autoptr(RsvgHandle) plain = load_handle (view);
  gboolean back = g_str_equal (view, "back");
  guint checked = 0;

  for (guint p = 0; prefixes[p] != NULL; p++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[p]);

      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          const char *side = overlay_side (view, id);
          RsvgRectangle box, hidden;

          if (side == NULL)
            g_error ("%s view: %s is not referral-<zone>-<side>-<essential|spillover> "
                     "or region-<name>-<side>", view, id);
          box = element_box (shown, id);
          hidden = element_box_or_empty (plain, id);
          g_assert_cmpfloat (hidden.width * hidden.height, ==, 0);
          if (g_str_equal (side, "left") == back)
            g_assert_cmpfloat (box.x + box.width, <=, MIDLINE);
          else
            g_assert_cmpfloat (box.x, >=, MIDLINE);
          g_assert_cmpstr (sm_svg_index_get_group (index, id), ==,
                           p == 0 ? "overlay-referrals" : "overlay-regions");
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, back ? 50 : 20);
}

/* The patterns are drawn on the skin: inside the body outline. */
static void
check_referrals_inside_body (gconstpointer data)
{
  static const char * const prefixes[] = { "referral-", "region-", NULL };
  const char *view = data;
  g_autoptr(SmSvgIndex) index = index_view (view);
  g_autoptr(RsvgHandle) handle = load_handle_with_cautions (view);
  Mask body = render_mask (handle, "body-outline");

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[i]);

      g_assert_cmpuint (ids->len, >, 0);
      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);
          double f = fraction_inside (handle, id, &body);

          if (f < 0.995)
            g_error ("%s view: only %.1f %% of %s is inside the body", view, 100 * f, id);
        }
    }
  cairo_surface_destroy (body.surface);
}

/* Where the references put them: the piriformis' essential area covers the
 * buttock's middle, its spillover lies below the gluteal fold and above the
 * knee; the calf's covers the heel; the quadriceps' the front of the knee. */
static void
check_referral_places (gconstpointer data)
{
  const char *side = data;
  g_autoptr(RsvgHandle) back = load_handle_with_cautions ("back");
  g_autoptr(RsvgHandle) front = load_handle_with_cautions ("front");
  g_autofree char *pir = g_strdup_printf ("referral-piriformis-%s-essential", side);
  g_autofree char *pir_spill = g_strdup_printf ("referral-piriformis-%s-spillover", side);
  g_autofree char *troch = g_strdup_printf ("landmark-greater-trochanter-%s", side);
  g_autofree char *calf = g_strdup_printf ("referral-calf-%s-essential", side);
  g_autofree char *quad = g_strdup_printf ("referral-quadriceps-%s-essential", side);
  RsvgRectangle p = element_box (back, pir);
  RsvgRectangle s = element_box (back, pir_spill);
  RsvgRectangle t = element_box (back, troch);
  RsvgRectangle c = element_box (back, calf);
  RsvgRectangle q = element_box (front, quad);

  g_assert_cmpfloat (p.y, <, box_cy (t));
  g_assert_cmpfloat (p.y + p.height, >, box_cy (t));
  g_assert_cmpfloat (s.y, >, 830);
  g_assert_cmpfloat (s.y + s.height, <, knee_y (back));
  g_assert_cmpfloat (c.y + c.height, >, 1530);
  g_assert_cmpfloat (q.y + q.height, >, knee_y (front));
}

/* ------------------------------------------------------------ main */

static void
add_per_view (const char *name, GTestDataFunc func)
{
  static const char * const views[] = { "back", "front" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sm/anatomy-referrals/%s/%s", name, views[i]);

      g_test_add_data_func (path, views[i], func);
    }
}

static void
add_per_side (const char *name, GTestDataFunc func)
{
  static const char * const sides[] = { "left", "right" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sm/anatomy-referrals/%s/%s", name, sides[i]);

      g_test_add_data_func (path, sides[i], func);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_per_view ("ids-and-sides", check_referral_ids_and_sides);
  add_per_view ("inside-body", check_referrals_inside_body);
  add_per_side ("places", check_referral_places);

  return g_test_run ();
}
