/* test-anatomy-baked.c: the bounds the build measures ahead
 * (src/render/sm-bake-anatomy.c) are librsvg's, and are never used for
 * artwork they were not measured on.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-anatomy-private.h"

static GBytes *
view_svg (const char *view)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* Every element of both views: the baked box is the one librsvg measures
 * now on the silhouette, to the last bit, and every element librsvg can
 * measure was baked. A failure here means the artwork changed without the
 * bake being run again, or the bake measures differently from the app. */
static void
test_matches_librsvg (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = sm_anatomy_new (&error);
  const char * const *views = sm_anatomy_list_views (anatomy);

  g_assert_no_error (error);
  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GBytes) svg = view_svg (views[v]);
      g_autoptr(GVariant) baked = _sm_anatomy_baked_bounds (views[v], svg);
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, views[v]), NULL);
      guint measured = 0;

      g_assert_nonnull (baked);
      for (guint i = 0; i < ids->len; i++)
        {
          const char *id = g_ptr_array_index (ids, i);
          cairo_rectangle_t live, box;
          double x, y, width, height;
          gboolean in_bake;
          GVariantIter iter;
          const char *baked_id;

          if (!_sm_anatomy_measure_bounds (anatomy, views[v], SM_ANATOMY_STYLE_SILHOUETTE, id, &live))
            continue;
          measured++;
          g_assert_true (sm_anatomy_get_bounds (anatomy, views[v], id, &box));
          g_assert_cmpmem (&box, sizeof box, &live, sizeof live);

          in_bake = FALSE;
          g_variant_iter_init (&iter, baked);
          while (g_variant_iter_next (&iter, "(&sdddd)", &baked_id, &x, &y, &width, &height))
            if (g_str_equal (baked_id, id))
              {
                g_assert_cmpfloat (x, ==, live.x);
                g_assert_cmpfloat (y, ==, live.y);
                g_assert_cmpfloat (width, ==, live.width);
                g_assert_cmpfloat (height, ==, live.height);
                in_bake = TRUE;
              }
          if (!in_bake)
            g_error ("%s: %s was measured but not baked", views[v], id);
        }
      g_assert_cmpuint (measured, >, 50 / (v + 1));
      g_assert_cmpuint (g_variant_n_children (baked), ==, measured);
    }
}

/* A bake measured on other artwork is not used: one changed byte in the
 * SVG, or another view's name. */
static void
test_stale_bake_unused (void)
{
  g_autoptr(GBytes) svg = view_svg ("back");
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  g_autofree char *changed = g_memdup2 (data, size);
  g_autoptr(GBytes) changed_svg = NULL;
  char *digit = strstr (changed, "viewBox=\"0 0 ");
  g_autoptr(GVariant) same = _sm_anatomy_baked_bounds ("back", svg);

  g_assert_nonnull (same);
  g_assert_nonnull (digit);
  digit[strlen ("viewBox=\"0 0 ")]++;
  changed_svg = g_bytes_new_take (g_steal_pointer (&changed), size);
  g_assert_null (_sm_anatomy_baked_bounds ("back", changed_svg));
  g_assert_null (_sm_anatomy_baked_bounds ("front", svg));
  g_assert_null (_sm_anatomy_baked_bounds ("side", svg));
}

/* What the start-up asks for, the bounds of every zone and caution area of
 * both views, parses nothing. */
static void
test_bounds_parse_nothing (void)
{
  if (g_test_subprocess ())
    {
      SmAnatomy *anatomy;
      const char * const *views;
      guint before, zones = 0;

      sm_anatomy_default_parse_on_demand ();
      anatomy = sm_anatomy_get_default ();
      views = sm_anatomy_list_views (anatomy);
      before = sm_anatomy_get_parse_count ();
      for (guint v = 0; views[v] != NULL; v++)
        {
          g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, views[v]),
                                                            NULL);

          for (guint i = 0; i < ids->len; i++)
            {
              const char *id = g_ptr_array_index (ids, i);
              cairo_rectangle_t box;

              if (g_str_has_prefix (id, "zone-") || g_str_has_prefix (id, "caution-"))
                {
                  g_assert_true (sm_anatomy_get_bounds (anatomy, views[v], id, &box));
                  zones++;
                }
            }
        }
      g_assert_cmpuint (zones, >, 20);
      g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The outline and dashed looks' strokes stay inside an element's bounds
 * grown by SM_ANATOMY_OUTLINE_PAD, less two units for antialiasing: the
 * map clips their masks and groups to that box, so a stroke reaching
 * beyond it would be cut. */
static void
test_outline_pad (void)
{
  const SmAnatomyStyle styles[] = { SM_ANATOMY_STYLE_OUTLINE, SM_ANATOMY_STYLE_DASHED };
  const double inner = SM_ANATOMY_OUTLINE_PAD - 2;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = sm_anatomy_new (&error);
  const char * const *views = sm_anatomy_list_views (anatomy);
  guint checked = 0;

  g_assert_no_error (error);
  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, views[v]), NULL);

      for (guint i = 0; i < ids->len; i++)
        for (guint s = 0; s < G_N_ELEMENTS (styles); s++)
          {
            const char *id = g_ptr_array_index (ids, i);
            cairo_rectangle_t box, ink;

            if (!sm_anatomy_get_bounds (anatomy, views[v], id, &box) ||
                !_sm_anatomy_measure_bounds (anatomy, views[v], styles[s], id, &ink) ||
                ink.width <= 0 || ink.height <= 0)
              continue;
            if (ink.x < box.x - inner || ink.y < box.y - inner ||
                ink.x + ink.width > box.x + box.width + inner ||
                ink.y + ink.height > box.y + box.height + inner)
              g_error ("%s: %s in style %d reaches (%g, %g, %g, %g), beyond (%g, %g, %g, %g) + %g",
                       views[v], id, styles[s], ink.x, ink.y, ink.width, ink.height,
                       box.x, box.y, box.width, box.height, inner);
            checked++;
          }
    }
  g_assert_cmpuint (checked, >, 60);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sm/anatomy-baked/matches-librsvg", test_matches_librsvg);
  g_test_add_func ("/sm/anatomy-baked/stale-bake-unused", test_stale_bake_unused);
  g_test_add_func ("/sm/anatomy-baked/bounds-parse-nothing", test_bounds_parse_nothing);
  g_test_add_func ("/sm/anatomy-baked/outline-pad", test_outline_pad);
  return g_test_run ();
}
