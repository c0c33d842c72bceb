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
#include "sm-test-svg.h"

#define MIDLINE 400.0

static const char * const back_zones[] = {
  "piriformis", "gluteus-maximus", "gluteus-medius", "gluteus-minimus",
  "erector-spinae", "quadratus-lumborum", "sacral-border", "hamstrings",
  "calf", NULL
};
static const char * const front_zones[] = { "psoas", "iliacus", "quadriceps", NULL };

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
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(RsvgHandle) shown = sm_test_svg_handle_with_overlays (view);
  g_autoptr(RsvgHandle) plain = sm_test_svg_handle (view);
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
          box = sm_test_svg_box (shown, id);
          hidden = sm_test_svg_box_or_empty (plain, id);
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
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle_with_overlays (view);
  SmTestMask body = sm_test_svg_mask (handle, "body-outline");

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[i]);

      g_assert_cmpuint (ids->len, >, 0);
      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);
          double f = sm_test_svg_fraction_inside (handle, id, &body);

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
  g_autoptr(RsvgHandle) back = sm_test_svg_handle_with_overlays ("back");
  g_autoptr(RsvgHandle) front = sm_test_svg_handle_with_overlays ("front");
  g_autofree char *pir = g_strdup_printf ("referral-piriformis-%s-essential", side);
  g_autofree char *pir_spill = g_strdup_printf ("referral-piriformis-%s-spillover", side);
  g_autofree char *troch = g_strdup_printf ("landmark-greater-trochanter-%s", side);
  g_autofree char *calf = g_strdup_printf ("referral-calf-%s-essential", side);
  g_autofree char *quad = g_strdup_printf ("referral-quadriceps-%s-essential", side);
  RsvgRectangle p = sm_test_svg_box (back, pir);
  RsvgRectangle s = sm_test_svg_box (back, pir_spill);
  RsvgRectangle t = sm_test_svg_box (back, troch);
  RsvgRectangle c = sm_test_svg_box (back, calf);
  RsvgRectangle q = sm_test_svg_box (front, quad);

  g_assert_cmpfloat (p.y, <, sm_test_box_cy (t));
  g_assert_cmpfloat (p.y + p.height, >, sm_test_box_cy (t));
  g_assert_cmpfloat (s.y, >, 830);
  g_assert_cmpfloat (s.y + s.height, <, sm_test_svg_knee_y (back));
  g_assert_cmpfloat (c.y + c.height, >, 1530);
  g_assert_cmpfloat (q.y + q.height, >, sm_test_svg_knee_y (front));
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
