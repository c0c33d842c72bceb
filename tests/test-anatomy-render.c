/* test-anatomy-render.c: the rendering layer over the body artwork.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sm-anatomy.h"
#include "sm-zone-id.h"

/* Each view is parsed once per style handle, all at construction. */
static void
test_parses_once (void)
{
  guint before = sm_anatomy_get_parse_count ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = sm_anatomy_new (&error);
  guint after_new;
  cairo_rectangle_t box;

  g_assert_no_error (error);
  after_new = sm_anatomy_get_parse_count ();
  g_assert_cmpuint (after_new - before, >, 0);
  g_assert_cmpuint ((after_new - before) % 2, ==, 0);  /* the same for both views */

  g_assert_true (sm_anatomy_get_bounds (anatomy, "back", "zone-piriformis-left", &box));
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, after_new);
}

/* A released style keeps its bounds and is parsed again when next drawn,
 * and only then. */
static void
test_release_style (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = sm_anatomy_new (&error);
  cairo_surface_t *mask;
  cairo_rectangle_t box;
  double x, y;
  guint before;

  g_assert_no_error (error);
  g_assert_false (sm_anatomy_parses_on_demand (anatomy));
  g_assert_true (sm_anatomy_get_bounds (anatomy, "front", "zone-psoas-left", &box));
  sm_anatomy_release_style (anatomy, "front", SM_ANATOMY_STYLE_SILHOUETTE);
  before = sm_anatomy_get_parse_count ();
  g_assert_true (sm_anatomy_get_bounds (anatomy, "front", "zone-psoas-left", &box));
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before);

  mask = sm_anatomy_render_mask (anatomy, "front", SM_ANATOMY_STYLE_SILHOUETTE, "zone-psoas-left",
                                 0, 0, 1, 1, 0, &x, &y, NULL);
  g_assert_nonnull (mask);
  cairo_surface_destroy (mask);
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before + 1);
  mask = sm_anatomy_render_mask (anatomy, "front", SM_ANATOMY_STYLE_SILHOUETTE, "zone-psoas-right",
                                 0, 0, 1, 1, 0, &x, &y, NULL);
  g_assert_nonnull (mask);
  cairo_surface_destroy (mask);
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before + 1);
}

static void
test_views (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  double width, height;

  g_assert_cmpstrv (sm_anatomy_list_views (anatomy), ((const char *[]) { "back", "front", NULL }));
  sm_anatomy_get_size (anatomy, "front", &width, &height);
  g_assert_cmpfloat (width, ==, 800);
  g_assert_cmpfloat (height, ==, 1600);
  g_assert_cmpstr (sm_anatomy_find_view (anatomy, "zone-piriformis-right"), ==, "back");
  g_assert_cmpstr (sm_anatomy_find_view (anatomy, "zone-psoas-left"), ==, "front");
  g_assert_null (sm_anatomy_find_view (anatomy, "zone-nonexistent-left"));
}

static guint
count_opaque (cairo_surface_t *surface)
{
  const guint8 *data;
  int stride, width, height;
  guint count = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      count += data[j * stride + i] > 128;
  return count;
}

/* A silhouette drawn into a viewport covers about its box scaled by the
 * viewport, wherever that viewport is. */
static void
test_render_element (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  cairo_rectangle_t box, viewport = { 50, 20, 400, 800 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 500, 840);
  cairo_t *cr = cairo_create (surface);
  guint area;

  g_assert_true (sm_anatomy_get_bounds (anatomy, "back", "zone-hamstrings-left", &box));
  g_assert_true (sm_anatomy_render_element (anatomy, "back", SM_ANATOMY_STYLE_SILHOUETTE,
                                            "zone-hamstrings-left", cr, &viewport, NULL));
  cairo_destroy (cr);

  area = count_opaque (surface);
  g_assert_cmpuint (area, >, box.width * box.height / 4 * 0.4);
  g_assert_cmpuint (area, <, box.width * box.height / 4 * 1.01);
  cairo_surface_destroy (surface);
}

/* A mask of one element is just large enough for it and its padding, on
 * the device-pixel grid, and holds what render_element draws there: the
 * same area at scale 1, four times as many device pixels at scale 2. */
static void
test_render_mask (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  cairo_rectangle_t box;
  guint areas[2];
  double nx, ny;

  g_assert_true (sm_anatomy_get_bounds (anatomy, "back", "zone-hamstrings-left", &box));
  for (int factor = 1; factor <= 2; factor++)
    {
      double x, y, sx, sy;
      cairo_surface_t *mask = sm_anatomy_render_mask (anatomy, "back", SM_ANATOMY_STYLE_SILHOUETTE,
                                                      "zone-hamstrings-left", 50, 20, 0.5, factor,
                                                      8, &x, &y, NULL);

      g_assert_nonnull (mask);
      g_assert_cmpint (cairo_image_surface_get_format (mask), ==, CAIRO_FORMAT_A8);
      cairo_surface_get_device_scale (mask, &sx, &sy);
      g_assert_cmpfloat (sx, ==, factor);
      g_assert_cmpfloat_with_epsilon (x, 50 + (box.x - 8) * 0.5, 1.0 / factor);
      g_assert_cmpfloat_with_epsilon (y, 20 + (box.y - 8) * 0.5, 1.0 / factor);
      g_assert_cmpint (cairo_image_surface_get_width (mask), >=, (box.width + 16) * 0.5 * factor);
      g_assert_cmpint (cairo_image_surface_get_width (mask), <=, (box.width + 16) * 0.5 * factor + 2);
      areas[factor - 1] = count_opaque (mask);
      cairo_surface_destroy (mask);
    }

  g_assert_cmpuint (areas[0], >, box.width * box.height / 4 * 0.4);
  g_assert_cmpuint (areas[1], >, areas[0] * 3.5);
  g_assert_cmpuint (areas[1], <, areas[0] * 4.5);

  g_assert_null (sm_anatomy_render_mask (anatomy, "back", SM_ANATOMY_STYLE_OUTLINE, "zone-nonexistent-left",
                                         0, 0, 1, 1, 8, &nx, &ny, NULL));
}

/* Pixels of @surface (ARGB32) within 3 of the colour @rgb in each channel. */
static guint
count_colour (cairo_surface_t *surface,
              guint32          rgb)
{
  const guint8 *data;
  int stride, width, height;
  guint count = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      {
        guint32 pixel = *(const guint32 *) (data + j * stride + i * 4);
        gboolean near = (pixel >> 24) == 0xff;

        for (int shift = 0; shift < 24 && near; shift += 8)
          near = ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) <= 3;
        count += near;
      }
  return count;
}

/* How many pixels of @zone a marked drawing (paper, @marked in the
 * marked look) paints in the paper fill and in the deep marked fill. */
static void
count_marked_zone (SmAnatomy          *anatomy,
                   const char * const *marked,
                   const char         *zone,
                   guint              *paper,
                   guint              *deep)
{
  cairo_rectangle_t viewport = { 0, 0, 400, 800 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 800);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (sm_anatomy_render_marked_element (anatomy, "back", SM_ANATOMY_STYLE_PAPER,
                                                   SM_ANATOMY_STYLE_PAPER_MARKED, marked, zone,
                                                   cr, &viewport, NULL));
  cairo_destroy (cr);
  *paper = count_colour (surface, 0xefe7e1);
  *deep = count_colour (surface, 0xe07a35);
  cairo_surface_destroy (surface);
}

/* A marked drawing is one parse for its marks, and draws the marked zones
 * in the marked look (the deep shade for the piriformis) and the others
 * in the paper look; other marks parse once more. */
static void
test_marked_drawing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = sm_anatomy_new (&error);
  const char *left[] = { "zone-piriformis-left", NULL };
  const char *right[] = { "zone-piriformis-right", NULL };
  cairo_rectangle_t box;
  guint before, paper, deep;

  g_assert_no_error (error);
  before = sm_anatomy_get_parse_count ();
  g_assert_true (sm_anatomy_ensure_marked (anatomy, "back", SM_ANATOMY_STYLE_PAPER,
                                           SM_ANATOMY_STYLE_PAPER_MARKED, left, NULL));
  g_assert_true (sm_anatomy_get_marked_logical_bounds (anatomy, "back", SM_ANATOMY_STYLE_PAPER,
                                                       SM_ANATOMY_STYLE_PAPER_MARKED, left,
                                                       "zone-piriformis-left", &box));
  g_assert_cmpfloat (box.width, >, 50);

  count_marked_zone (anatomy, left, "zone-piriformis-left", &paper, &deep);
  g_assert_cmpuint (paper, ==, 0);
  g_assert_cmpuint (deep, >, box.width * box.height / 4 * 0.2);
  count_marked_zone (anatomy, left, "zone-piriformis-right", &paper, &deep);
  g_assert_cmpuint (paper, >, box.width * box.height / 4 * 0.2);
  g_assert_cmpuint (deep, ==, 0);
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before + 1);

  count_marked_zone (anatomy, right, "zone-piriformis-right", &paper, &deep);
  g_assert_cmpuint (paper, ==, 0);
  g_assert_cmpuint (deep, >, 0);
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, before + 2);
}

/* The id map names the top-most listed element and nothing elsewhere. */
static void
test_id_map (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(SmAnatomyIdMap) map = NULL;
  cairo_rectangle_t box;

  g_ptr_array_add (order, (gpointer) "zone-gluteus-maximus-left");
  g_ptr_array_add (order, (gpointer) "zone-piriformis-left");
  map = sm_anatomy_build_id_map (anatomy, "back", order, 1.0);

  /* It covers the two muscles' bounds, not the view (800 units wide). */
  g_assert_true (sm_anatomy_get_bounds (anatomy, "back", "zone-gluteus-maximus-left", &box));
  g_assert_cmpint (map->x, ==, (int) floor (box.x));
  g_assert_cmpint (map->width, <, 400);
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, box.x - 1, box.y + box.height / 2), ==, -1);
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, box.x + box.width + 1, box.y + box.height / 2), ==, -1);
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, 5, 5), ==, -1);
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, -5, 5), ==, -1);
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, 5000, 5), ==, -1);

  g_assert_true (sm_anatomy_get_bounds (anatomy, "back", "press-point-piriformis-left", &box));
  g_assert_cmpint (sm_anatomy_id_map_lookup (map, box.x + box.width / 2, box.y + box.height / 2), ==, 1);
}

static void
test_split_id (void)
{
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;

  g_assert_true (sm_zone_id_split ("zone-gluteus-maximus-right", &muscle, &side));
  g_assert_cmpstr (muscle, ==, "gluteus-maximus");
  g_assert_cmpstr (side, ==, "right");
  g_assert_false (sm_zone_id_split ("caution-spine", NULL, NULL));
  g_assert_false (sm_zone_id_split ("zone--left", NULL, NULL));
  g_assert_cmpstr (sm_zone_id_side ("caution-kidney-left"), ==, "left");
  g_assert_null (sm_zone_id_side ("landmark-sacrum"));
}

/* The builder and the parser agree, and no side means the left one. */
static void
test_build_id (void)
{
  g_autofree char *right = sm_zone_id_build ("gluteus-maximus", "right");
  g_autofree char *none = sm_zone_id_build ("piriformis", NULL);
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;

  g_assert_cmpstr (right, ==, "zone-gluteus-maximus-right");
  g_assert_cmpstr (none, ==, "zone-piriformis-left");
  g_assert_true (sm_zone_id_split (right, &muscle, &side));
  g_assert_cmpstr (muscle, ==, "gluteus-maximus");
  g_assert_cmpstr (side, ==, "right");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/anatomy-render/parses-once", test_parses_once);
  g_test_add_func ("/sm/anatomy-render/views", test_views);
  g_test_add_func ("/sm/anatomy-render/release-style", test_release_style);
  g_test_add_func ("/sm/anatomy-render/render-element", test_render_element);
  g_test_add_func ("/sm/anatomy-render/render-mask", test_render_mask);
  g_test_add_func ("/sm/anatomy-render/marked-drawing", test_marked_drawing);
  g_test_add_func ("/sm/anatomy-render/id-map", test_id_map);
  g_test_add_func ("/sm/anatomy-render/split-id", test_split_id);
  g_test_add_func ("/sm/anatomy-render/build-id", test_build_id);

  return g_test_run ();
}
