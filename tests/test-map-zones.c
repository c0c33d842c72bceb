/* test-map-zones.c: the body map's zone widgets: the keyboard walks and
 * activates them, each lies over its shape through selections, zooms and
 * size changes, and a selection shows just the caution areas the
 * knowledge base names for it. The selection and hover images, drawn
 * over just the box their masks ink, are the images drawn over the whole
 * masks and cropped.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-body-map-private.h"
#include "sm-test-map.h"
#include "sm-test-utils.h"

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/* Tab walks the zones top to bottom, Enter activates, Escape clears; every
 * zone widget is a button named like “Piriformis, left”. */
static void
test_keyboard (SmMapFixture  *fixture,
               gconstpointer  data)
{
  g_autofree char *activated = NULL;
  SmMapZone *first, *zone;
  double previous_top = -1;
  int count = 0;

  g_signal_connect (fixture->map, "zone-activated", G_CALLBACK (sm_map_record_activation), &activated);

  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->map), GTK_DIR_TAB_FORWARD));
  first = SM_MAP_ZONE (gtk_window_get_focus (fixture->window));
  zone = first;
  while (SM_IS_MAP_ZONE (zone))
    {
      cairo_rectangle_t box;

      g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (zone)), ==,
                       GTK_ACCESSIBLE_ROLE_BUTTON);
      g_assert_true (g_str_has_suffix (sm_map_zone_get_label (zone), ", left") ||
                     g_str_has_suffix (sm_map_zone_get_label (zone), ", right"));
      g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), "back",
                                            sm_map_zone_get_element_id (zone), &box));
      g_assert_cmpfloat (box.y, >=, previous_top - 60);  /* rows go down the body */
      previous_top = MAX (previous_top, box.y);
      count++;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->map), GTK_DIR_TAB_FORWARD))
        break;
      zone = (SmMapZone *) gtk_window_get_focus (fixture->window);
    }
  g_assert_cmpint (count, >=, 14);

  gtk_widget_grab_focus (GTK_WIDGET (first));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (first)));
  g_assert_true (sm_test_wait_for (is_set, &activated, 5000));
  g_assert_cmpstr (sm_body_map_get_selected_zone (fixture->map), !=, NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "map.clear-selection", NULL));
  g_assert_null (sm_body_map_get_selected_zone (fixture->map));

  zone = sm_map_find_zone_widget (fixture->map, "zone-piriformis-left");
  g_assert_nonnull (zone);
  g_assert_cmpstr (sm_map_zone_get_label (zone), ==, "Piriformis, left");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (zone)), ==, "Piriformis, left");
  g_assert_cmpstr (gtk_widget_get_cursor (GTK_WIDGET (zone)) != NULL ?
                   gdk_cursor_get_name (gtk_widget_get_cursor (GTK_WIDGET (zone))) : NULL, ==, "pointer");
}

/* Every zone on show lies over its shape: its allocation is the box of
 * its element in the map's coordinates (to the pixel). */
static void
assert_zones_laid_out (SmMapFixture *fixture)
{
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SmMapZone *zone;
      cairo_rectangle_t box;
      GtkAllocation alloc;
      double x0, y0, x1, y1;

      if (!SM_IS_MAP_ZONE (child) || !gtk_widget_get_visible (child))
        continue;
      zone = SM_MAP_ZONE (child);
      g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), sm_map_zone_get_view (zone),
                                            sm_map_zone_get_element_id (zone), &box));
      sm_body_map_svg_to_widget (fixture->map, box.x, box.y, &x0, &y0);
      sm_body_map_svg_to_widget (fixture->map, box.x + box.width, box.y + box.height, &x1, &y1);
      gtk_widget_get_allocation (child, &alloc);
      g_assert_cmpint (alloc.x, ==, (int) floor (x0));
      g_assert_cmpint (alloc.y, ==, (int) floor (y0));
      g_assert_cmpint (alloc.x + alloc.width, ==, (int) ceil (x1));
      g_assert_cmpint (alloc.y + alloc.height, ==, (int) ceil (y1));
      shown++;
    }

  g_assert_cmpuint (shown, >, 0);
}

/* A selection shows its caution areas and lays out only what it showed:
 * the zones keep lying over their shapes through selections, zooms, view
 * switches and size changes. */
static void
test_zone_layout (SmMapFixture  *fixture,
                  gconstpointer  data)
{
  assert_zones_laid_out (fixture);
  g_assert_true (sm_body_map_select_zone (fixture->map, "hamstrings", "left"));
  sm_map_fixture_wait_frames (fixture);
  assert_zones_laid_out (fixture);
  sm_body_map_set_zoom (fixture->map, 1.6);
  sm_map_fixture_wait_frames (fixture);
  assert_zones_laid_out (fixture);
  g_assert_true (sm_body_map_select_zone (fixture->map, "erector-spinae", "right"));
  sm_map_fixture_wait_frames (fixture);
  assert_zones_laid_out (fixture);
  sm_map_fixture_resize (fixture, 500, 700);
  assert_zones_laid_out (fixture);
  g_assert_true (sm_body_map_select_zone (fixture->map, "quadriceps", "left"));
  sm_map_fixture_wait_frames (fixture);
  assert_zones_laid_out (fixture);
  sm_body_map_clear_selection (fixture->map);
  sm_map_fixture_wait_frames (fixture);
  assert_zones_laid_out (fixture);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
end_sorted (GStrvBuilder *builder)
{
  GStrv strv = g_strv_builder_end (builder);

  g_qsort_with_data (strv, g_strv_length (strv), sizeof (char *), compare_strings, NULL);
  return strv;
}

/* The zones shown now, as "view/element-id", sorted. */
static GStrv
shown_zones (SmBodyMap *map)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child))
      {
        g_autofree char *name = g_strconcat (sm_map_zone_get_view (SM_MAP_ZONE (child)), "/",
                                             sm_map_zone_get_element_id (SM_MAP_ZONE (child)), NULL);

        g_strv_builder_add (builder, name);
      }
  return end_sorted (builder);
}

/* The caution zones of @view that are shown: "caution-…" ids. */
static GStrv
shown_cautions (SmBodyMap  *map,
                const char *view)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child) &&
        sm_map_zone_is_caution (SM_MAP_ZONE (child)) &&
        g_strcmp0 (sm_map_zone_get_view (SM_MAP_ZONE (child)), view) == 0)
      g_strv_builder_add (builder, sm_map_zone_get_element_id (SM_MAP_ZONE (child)));
  return end_sorted (builder);
}

/* A selection re-checks only the caution zones that were or are now near
 * it. Going from every zone to the next, the map must show exactly the
 * caution areas the knowledge base names for the new one, and just what a
 * full re-check of every zone (switching the cautions overlay on and off)
 * gives. */
static void
test_near_cautions (SmMapFixture  *fixture,
                    gconstpointer  data)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *zones = sm_atlas_get_zones (atlas);
  const char *sides[] = { "left", "right" };
  guint checked = 0, with_cautions = 0;
  g_auto(GStrv) none = NULL;

  sm_map_fixture_wait_frames (fixture);
  sm_body_map_pick (fixture->map, 1, 1);   /* the hit maps, so that covered zones hide */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
      {
        g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
        g_auto(GStrv) expected = sm_atlas_dup_caution_ids (atlas, sm_zone_get_id (zone), sides[s]);
        g_auto(GStrv) cautions = NULL, before = NULL, after = NULL;
        const char *view;

        if (!sm_body_map_select_zone (fixture->map, sm_zone_get_id (zone), sides[s]))
          continue;
        view = sm_body_map_get_view (fixture->map);
        g_qsort_with_data (expected, g_strv_length (expected), sizeof (char *),
                           compare_strings, NULL);
        cautions = shown_cautions (fixture->map, view);
        g_assert_true (g_strv_equal ((const char * const *) cautions, (const char * const *) expected));

        before = shown_zones (fixture->map);
        g_object_set (fixture->map, "show-cautions", TRUE, NULL);
        g_object_set (fixture->map, "show-cautions", FALSE, NULL);
        after = shown_zones (fixture->map);
        g_assert_true (g_strv_equal ((const char * const *) before, (const char * const *) after));

        checked++;
        with_cautions += expected[0] != NULL;
      }

  g_test_message ("%u selections, %u of them with caution areas", checked, with_cautions);
  g_assert_cmpuint (checked, >=, 20);
  g_assert_cmpuint (with_cautions, >=, 4);
  sm_body_map_clear_selection (fixture->map);
  none = shown_cautions (fixture->map, sm_body_map_get_view (fixture->map));
  g_assert_null (none[0]);
}

/* --- The selection and hover images -------------------------------------- */

/* The images as they were first made: over the whole padded masks, the
 * hatch from a tile of one period, then trimmed to their ink by reading
 * every pixel. */
static cairo_surface_t *
crop_by_every_pixel (cairo_surface_t *image,
                     int             *x0,
                     int             *y0)
{
  cairo_rectangle_int_t ink;
  cairo_surface_t *cropped;

  g_assert_true (sm_map_ink_by_every_pixel (image, &ink));
  cropped = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ink.width, ink.height);
  for (int y = 0; y < ink.height; y++)
    memcpy (cairo_image_surface_get_data (cropped) + y * cairo_image_surface_get_stride (cropped),
            cairo_image_surface_get_data (image) + (ink.y + y) * cairo_image_surface_get_stride (image) +
              4 * ink.x, 4 * ink.width);
  cairo_surface_mark_dirty (cropped);
  cairo_surface_destroy (image);
  *x0 = ink.x;
  *y0 = ink.y;
  return cropped;
}

static cairo_surface_t *
reference_image (SmZoneImage    kind,
                 SmMapMask     *silhouette,
                 SmMapMask     *outline,
                 const GdkRGBA *color,
                 int           *x0,
                 int           *y0)
{
  int width = cairo_image_surface_get_width (silhouette->surface);
  int height = cairo_image_surface_get_height (silhouette->surface);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (image);
  double sx, sy;

  cairo_surface_get_device_scale (silhouette->surface, &sx, &sy);
  cairo_surface_set_device_scale (silhouette->surface, 1, 1);
  cairo_surface_set_device_scale (outline->surface, 1, 1);
  g_assert_cmpfloat (outline->x, ==, silhouette->x);
  g_assert_cmpfloat (outline->y, ==, silhouette->y);
  if (kind == SM_ZONE_IMAGE_SELECTION)
    {
      int period = MAX ((int) round (9 * sx), 1);
      cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, period, period);
      cairo_t *tile_cr = cairo_create (tile);
      cairo_pattern_t *hatch;

      for (int k = 0; k <= 2; k++)
        {
          cairo_move_to (tile_cr, (k + 1) * period, -period);
          cairo_line_to (tile_cr, (k - 2) * period, 2 * period);
        }
      cairo_set_line_width (tile_cr, 2.5 * sx);
      cairo_set_source_rgba (tile_cr, color->red, color->green, color->blue, color->alpha * 0.75);
      cairo_stroke (tile_cr);
      cairo_destroy (tile_cr);
      hatch = cairo_pattern_create_for_surface (tile);
      cairo_pattern_set_extend (hatch, CAIRO_EXTEND_REPEAT);
      cairo_surface_destroy (tile);

      cairo_set_source (cr, hatch);
      cairo_paint (cr);
      cairo_pattern_destroy (hatch);
      cairo_set_operator (cr, CAIRO_OPERATOR_DEST_IN);
      cairo_set_source_surface (cr, silhouette->surface, 0, 0);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      gdk_cairo_set_source_rgba (cr, color);
      cairo_mask_surface (cr, outline->surface, 0, 0);
    }
  else
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.3);
      cairo_mask_surface (cr, silhouette->surface, 0, 0);
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.8);
      cairo_mask_surface (cr, outline->surface, 0, 0);
    }
  cairo_destroy (cr);
  cairo_surface_set_device_scale (silhouette->surface, sx, sy);
  cairo_surface_set_device_scale (outline->surface, sx, sy);
  return crop_by_every_pixel (image, x0, y0);
}

static gboolean
prewarm_done (gpointer data)
{
  return ((SmBodyMap *) data)->prewarm_id == 0;
}

/* Each image lies where the reference lies and has its pixels, byte for
 * byte, for zones of all sizes, at three zooms. */
static void
test_zone_images (SmMapFixture  *fixture,
                  gconstpointer  data)
{
  const char *ids[] = { "zone-piriformis-left", "zone-hamstrings-right", "zone-gluteus-maximus-left",
                        "zone-calf-right", "zone-erector-spinae-left" };
  const double zooms[] = { 1.0, 1.7, 2.6 };
  const GdkRGBA color = { 0.11, 0.37, 0.85, 1.0 };
  guint compared = 0;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      sm_body_map_set_zoom (fixture->map, zooms[z]);
      sm_map_fixture_wait_frames (fixture);
      g_assert_true (sm_test_wait_for (prewarm_done, fixture->map, 10000));

      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        for (SmZoneImage kind = SM_ZONE_IMAGE_HOVER; kind <= SM_ZONE_IMAGE_SELECTION; kind++)
          {
            SmMapZone *zone = sm_map_find_zone_widget (fixture->map, ids[i]);
            SmMapMask *silhouette, *outline, *image;
            cairo_surface_t *reference;
            double sx, sy;
            int x0, y0;

            g_assert_nonnull (zone);
            image = _sm_body_map_get_zone_image (fixture->map, kind, zone, &color);
            silhouette = _sm_body_map_get_mask (fixture->map, SM_ANATOMY_STYLE_SILHOUETTE, zone);
            outline = _sm_body_map_get_mask (fixture->map, SM_ANATOMY_STYLE_OUTLINE, zone);
            g_assert_false (image->stale || silhouette->stale || outline->stale);
            g_assert_nonnull (image->surface);

            reference = reference_image (kind, silhouette, outline, &color, &x0, &y0);
            cairo_surface_get_device_scale (silhouette->surface, &sx, &sy);
            g_assert_cmpfloat_with_epsilon (image->x, silhouette->x + x0 / sx, 1e-9);
            g_assert_cmpfloat_with_epsilon (image->y, silhouette->y + y0 / sy, 1e-9);
            g_assert_cmpint (cairo_image_surface_get_width (image->surface), ==,
                             cairo_image_surface_get_width (reference));
            g_assert_cmpint (cairo_image_surface_get_height (image->surface), ==,
                             cairo_image_surface_get_height (reference));
            cairo_surface_flush (image->surface);
            for (int y = 0; y < cairo_image_surface_get_height (reference); y++)
              g_assert_cmpmem (cairo_image_surface_get_data (image->surface) +
                                 y * cairo_image_surface_get_stride (image->surface),
                               4 * cairo_image_surface_get_width (reference),
                               cairo_image_surface_get_data (reference) +
                                 y * cairo_image_surface_get_stride (reference),
                               4 * cairo_image_surface_get_width (reference));
            cairo_surface_destroy (reference);
            compared++;
          }
    }
  g_assert_cmpuint (compared, ==, G_N_ELEMENTS (zooms) * G_N_ELEMENTS (ids) * 2);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add ("/sm/map-zones/keyboard", SmMapFixture, NULL, sm_map_fixture_set_up, test_keyboard,
              sm_map_fixture_tear_down);
  g_test_add ("/sm/map-zones/zone-layout", SmMapFixture, NULL, sm_map_fixture_set_up, test_zone_layout,
              sm_map_fixture_tear_down);
  g_test_add ("/sm/map-zones/zone-images", SmMapFixture, NULL, sm_map_fixture_set_up, test_zone_images,
              sm_map_fixture_tear_down);
  g_test_add ("/sm/map-zones/near-cautions", SmMapFixture, NULL, sm_map_fixture_set_up, test_near_cautions,
              sm_map_fixture_tear_down);

  return g_test_run ();
}
