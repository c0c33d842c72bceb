/* test-anatomy-baked.c: the bounds the build measures ahead
 * (src/render/sm-bake-anatomy.c) are librsvg's, its index is the file's,
 * and neither is used for artwork it was not made of.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-anatomy-private.h"

static char *
view_path (const char *view)
{
  return g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
}

static GBytes *
view_svg (const char *view)
{
  g_autofree char *path = view_path (view);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The boxes baked for view @name of @svg, or NULL (see
 * _sm_anatomy_baked_view ()). */
static GVariant *
baked_bounds (const char *name,
              GBytes     *svg)
{
  g_autoptr(GVariant) index = NULL;
  GVariant *bounds = NULL;

  if (!_sm_anatomy_baked_view (name, svg, &bounds, &index))
    return NULL;
  return bounds;
}

static SmAnatomy *
anatomy_new (void)
{
  g_autoptr(GError) error = NULL;
  SmAnatomy *anatomy = sm_anatomy_new (&error);

  g_assert_no_error (error);
  return anatomy;
}

/* Every element of both views: the baked box is the one librsvg measures
 * now on the silhouette, to the last bit, and every element librsvg can
 * measure was baked. A failure here means the artwork changed without the
 * bake being run again, or the bake measures differently from the app. */
static void
test_matches_librsvg (void)
{
  g_autoptr(SmAnatomy) anatomy = anatomy_new ();
  const char * const *views = sm_anatomy_list_views (anatomy);

  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GBytes) svg = view_svg (views[v]);
      g_autoptr(GVariant) baked = baked_bounds (views[v], svg);
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

static void
assert_same_strings (const char *what,
                     const char *id,
                     const char *baked,
                     const char *read)
{
  if (g_strcmp0 (baked, read) != 0)
    g_error ("%s of %s: baked “%s”, read “%s”", what, id, baked != NULL ? baked : "(none)",
             read != NULL ? read : "(none)");
}

/* The index baked for each view is the one reading its file makes: the
 * same ids in the same order, each with the same title and group. */
static void
test_index_matches_file (void)
{
  static const char * const views[] = { "back", "front" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GBytes) svg = view_svg (views[v]);
      g_autofree char *path = view_path (views[v]);
      g_autoptr(GVariant) bounds = NULL;
      g_autoptr(GVariant) elements = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmSvgIndex) read = sm_svg_index_new_from_bytes (svg, path, &error);
      g_autoptr(SmSvgIndex) baked = NULL;
      g_autoptr(GPtrArray) read_ids = NULL;
      g_autoptr(GPtrArray) baked_ids = NULL;

      g_assert_no_error (error);
      g_assert_true (_sm_anatomy_baked_view (views[v], svg, &bounds, &elements));
      baked = sm_svg_index_new_from_variant (elements);
      g_assert_nonnull (baked);
      read_ids = sm_svg_index_list_ids (read, NULL);
      baked_ids = sm_svg_index_list_ids (baked, NULL);
      g_assert_cmpuint (baked_ids->len, ==, read_ids->len);
      g_assert_cmpuint (read_ids->len, >, 50);
      for (guint i = 0; i < read_ids->len; i++)
        {
          const char *id = g_ptr_array_index (read_ids, i);

          g_assert_cmpstr (g_ptr_array_index (baked_ids, i), ==, id);
          assert_same_strings ("title", id, sm_svg_index_get_title (baked, id),
                               sm_svg_index_get_title (read, id));
          assert_same_strings ("group", id, sm_svg_index_get_group (baked, id),
                               sm_svg_index_get_group (read, id));
        }
    }
}

/* An index written twice over one id is refused, not half read. */
static void
test_index_refuses_duplicates (void)
{
  g_autoptr(GVariant) twice = g_variant_ref_sink (
    g_variant_new_parsed ("@" SM_SVG_INDEX_VARIANT_TYPE " [('zone-a', just 'A', nothing), "
                          "('zone-a', nothing, nothing)]"));
  g_autoptr(GVariant) once = g_variant_ref_sink (
    g_variant_new_parsed ("@" SM_SVG_INDEX_VARIANT_TYPE " [('layer', nothing, nothing), "
                          "('zone-a', just 'A', just 'layer')]"));
  g_autoptr(SmSvgIndex) index = sm_svg_index_new_from_variant (once);

  g_assert_null (sm_svg_index_new_from_variant (twice));
  g_assert_nonnull (index);
  g_assert_cmpstr (sm_svg_index_get_title (index, "zone-a"), ==, "A");
  g_assert_cmpstr (sm_svg_index_get_group (index, "zone-a"), ==, "layer");
  g_assert_null (sm_svg_index_get_title (index, "layer"));
  g_assert_false (sm_svg_index_has_id (index, "zone-b"));
}

/* The colour at the middle of @svg drawn by a handle parsed with @css. */
static guint32
middle_pixel (const char *svg,
              const char *css)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) handle = G_OBJECT (_sm_anatomy_parse_handle (bytes, "test.svg", css, &error));
  RsvgRectangle viewport = { 0, 0, 10, 10 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (surface);
  guint32 pixel;

  g_assert_no_error (error);
  g_assert_true (rsvg_handle_render_document (RSVG_HANDLE (handle), cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_surface_flush (surface);
  pixel = ((guint32 *) (gpointer) cairo_image_surface_get_data (surface))[5 * 10 + 5] & 0xffffff;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return pixel;
}

/* A look's style sheet, which a handle is given inside the file it reads,
 * styles the drawing whatever comes before the root element or stands in
 * its attributes, and wins over the file's presentation attributes but
 * not over a style attribute, as a user's sheet would. */
static void
test_style_sheet_in_file (void)
{
  static const char *css = "rect { fill: #00ff00; }";
  static const char *plain =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
    "<rect width=\"10\" height=\"10\" fill=\"#ff0000\"/></svg>";
  static const char *prologue =
    "<?xml version=\"1.0\"?>\n<!-- not the root: <svg> -->\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\" data-note=\"a > b\">"
    "<rect width=\"10\" height=\"10\" fill=\"#ff0000\"/></svg>";
  static const char *inline_style =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
    "<rect width=\"10\" height=\"10\" style=\"fill: #0000ff\"/></svg>";

  g_assert_cmphex (middle_pixel (plain, NULL), ==, 0xff0000);
  g_assert_cmphex (middle_pixel (plain, css), ==, 0x00ff00);
  g_assert_cmphex (middle_pixel (prologue, css), ==, 0x00ff00);
  g_assert_cmphex (middle_pixel (inline_style, css), ==, 0x0000ff);
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
  g_autoptr(GVariant) same = baked_bounds ("back", svg);
  GVariant *bounds = NULL, *index = NULL;

  g_assert_nonnull (same);
  g_assert_nonnull (digit);
  digit[strlen ("viewBox=\"0 0 ")]++;
  changed_svg = g_bytes_new_take (g_steal_pointer (&changed), size);
  g_assert_null (baked_bounds ("back", changed_svg));
  g_assert_null (baked_bounds ("front", svg));
  g_assert_null (baked_bounds ("side", svg));
  /* Nor its index: that of the old file would name ids the new one may
   * not have. */
  g_assert_false (_sm_anatomy_baked_view ("back", changed_svg, &bounds, &index));
  g_assert_null (bounds);
  g_assert_null (index);
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
  g_autoptr(SmAnatomy) anatomy = anatomy_new ();
  const char * const *views = sm_anatomy_list_views (anatomy);
  guint checked = 0;

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

/* The ids of @view's zones, NULL-terminated. */
static GPtrArray *
zone_ids (SmAnatomy  *anatomy,
          const char *view)
{
  GPtrArray *ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, view), "zone-");

  g_ptr_array_add (ids, NULL);
  return ids;
}

/* @view drawn at half size on a white page, by @rsvg or, with @rsvg NULL,
 * by @anatomy as a sheet draws it: in the paper look with @marked in the
 * marked one. */
static cairo_surface_t *
draw_paper (SmAnatomy          *anatomy,
            RsvgHandle         *rsvg,
            const char         *view,
            const char * const *marked)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_rectangle_t viewport;
  g_autoptr(GError) error = NULL;
  cairo_t *cr;

  sm_anatomy_get_size (anatomy, view, &width, &height);
  viewport = (cairo_rectangle_t) { 0, 0, width / 2, height / 2 };
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width / 2, height / 2);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (rsvg != NULL)
    g_assert_true (_sm_anatomy_draw_with (rsvg, NULL, cr, &viewport, &error));
  else
    g_assert_true (sm_anatomy_render_marked_view (anatomy, view, SM_ANATOMY_STYLE_PAPER,
                                                  SM_ANATOMY_STYLE_PAPER_MARKED, marked, cr,
                                                  &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels are not the white page. */
static guint
count_drawn (cairo_surface_t *surface)
{
  const guint32 *pixels = (const guint32 *) cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface) / 4;
  guint drawn = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      drawn += pixels[y * stride + x] != 0xffffffff;
  return drawn;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  gsize size = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_stride (a), ==, cairo_image_surface_get_stride (b));
  g_assert_cmpint (cairo_image_surface_get_height (a), ==, cairo_image_surface_get_height (b));
  g_assert_cmpmem (cairo_image_surface_get_data (a), size, cairo_image_surface_get_data (b), size);
}

/* A sheet parses what the paper looks draw of a view, not the whole file,
 * and draws the same: every pixel as from the whole file, plain and with
 * every zone marked, and each zone in the same place. A failure means a
 * paper style sheet now shows a group _sm_anatomy_paper_source () leaves
 * out (see paper_omits in sm-anatomy-baked.c). */
static void
test_paper_source_draws_the_same (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = anatomy_new ();
  const char * const *views = sm_anatomy_list_views (anatomy);

  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autofree char *path = view_path (views[v]);
      g_autoptr(GBytes) svg = view_svg (views[v]);
      g_autoptr(GBytes) paper = _sm_anatomy_paper_source (svg, path);
      g_autoptr(GPtrArray) zones = zone_ids (anatomy, views[v]);
      const char * const none[] = { NULL };
      g_autofree char *plain_css = _sm_anatomy_scope_style_sheet (SM_ANATOMY_STYLE_PAPER, ".zone");
      g_autofree char *marked_css = _sm_anatomy_marked_style_sheet (SM_ANATOMY_STYLE_PAPER,
                                                                    SM_ANATOMY_STYLE_PAPER_MARKED,
                                                                    (const char * const *) zones->pdata);
      g_autoptr(GObject) plain = NULL;    /* librsvg 2.54 has no autoptr */
      g_autoptr(GObject) marked = NULL;
      g_autoptr(GObject) paper_marked = NULL;
      cairo_surface_t *expected, *drawn;
      double width, height;

      g_assert_cmpuint (g_bytes_get_size (paper), <, g_bytes_get_size (svg) / 2);
      sm_anatomy_get_size (anatomy, views[v], &width, &height);

      plain = G_OBJECT (_sm_anatomy_parse_handle (svg, path, plain_css, &error));
      g_assert_no_error (error);
      expected = draw_paper (anatomy, RSVG_HANDLE (plain), views[v], NULL);
      drawn = draw_paper (anatomy, NULL, views[v], none);
      g_assert_cmpuint (count_drawn (expected), >, 10000);
      assert_same_pixels (drawn, expected);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (drawn);

      marked = G_OBJECT (_sm_anatomy_parse_handle (svg, path, marked_css, &error));
      g_assert_no_error (error);
      paper_marked = G_OBJECT (_sm_anatomy_parse_handle (paper, path, marked_css, &error));
      g_assert_no_error (error);
      expected = draw_paper (anatomy, RSVG_HANDLE (marked), views[v], NULL);
      drawn = draw_paper (anatomy, NULL, views[v], (const char * const *) zones->pdata);
      g_assert_cmpuint (count_drawn (expected), >, 10000);
      assert_same_pixels (drawn, expected);
      cairo_surface_destroy (expected);
      cairo_surface_destroy (drawn);

      for (guint i = 0; zones->pdata[i] != NULL; i++)
        {
          RsvgRectangle ink[2], logical[2];

          g_assert_true (_sm_anatomy_handle_geometry (RSVG_HANDLE (marked), width, height,
                                                      zones->pdata[i], &ink[0], &logical[0]));
          g_assert_true (_sm_anatomy_handle_geometry (RSVG_HANDLE (paper_marked), width, height,
                                                      zones->pdata[i], &ink[1], &logical[1]));
          g_assert_cmpmem (&ink[0], sizeof ink[0], &ink[1], sizeof ink[1]);
          g_assert_cmpmem (&logical[0], sizeof logical[0], &logical[1], sizeof logical[1]);
        }
    }
}

/* The paper source leaves out the groups the paper looks hide, with what
 * they hold, and keeps every other element of the view. */
static gboolean
is_omitted (const char *id)
{
  const char * const omitted[] = {
    "overlay-landmarks", "overlay-press-points", "overlay-cautions",
    "overlay-referrals", "overlay-regions",
  };
  const char * const inside[] = { "landmark-", "press-point-", "caution-", "referral-", "region-" };

  for (guint i = 0; i < G_N_ELEMENTS (omitted); i++)
    if (g_str_equal (id, omitted[i]) || g_str_has_prefix (id, inside[i]))
      return TRUE;
  return FALSE;
}

static void
test_paper_source_omits_overlays (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAnatomy) anatomy = anatomy_new ();
  const char * const *views = sm_anatomy_list_views (anatomy);

  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GBytes) svg = view_svg (views[v]);
      g_autoptr(GBytes) paper = _sm_anatomy_paper_source (svg, views[v]);
      g_autoptr(SmSvgIndex) index = sm_svg_index_new_from_bytes (paper, views[v], &error);
      g_autoptr(GPtrArray) all = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, views[v]), NULL);
      guint kept = 0, left_out = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < all->len; i++)
        {
          const char *id = g_ptr_array_index (all, i);

          if (sm_svg_index_has_id (index, id) == is_omitted (id))
            g_error ("%s: %s is %s the paper source", views[v], id,
                     is_omitted (id) ? "still in" : "missing from");
          kept += !is_omitted (id);
          left_out += is_omitted (id);
        }
      g_assert_cmpuint (kept, >, 10);
      g_assert_cmpuint (left_out, >, 30);
    }
}

/* The cut is made by matching the groups' tags: a comment that reads like
 * a tag is not one, a group that closes itself holds nothing, and a file
 * whose groups do not balance is used whole, with a warning. */
static void
test_paper_source_cuts_by_tags (void)
{
  const char *svg =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
    "  <g id=\"figure\"><path d=\"M0 0h1\"/></g>\n"
    "  <g id=\"overlay-regions\" display=\"none\"><!-- </g> --><g/><g id=\"region-a\">"
    "<path d=\"M0 0h2\"/></g></g>\n"
    "  <g id=\"marks\"/>\n"
    "</svg>\n";
  const char *expected =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">\n"
    "  <g id=\"figure\"><path d=\"M0 0h1\"/></g>\n"
    "  \n"
    "  <g id=\"marks\"/>\n"
    "</svg>\n";
  const char *unbalanced = "<svg><g id=\"overlay-cautions\"><g></g></svg>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (svg, strlen (svg));
  g_autoptr(GBytes) cut = _sm_anatomy_paper_source (bytes, "test.svg");
  g_autoptr(GBytes) broken = g_bytes_new_static (unbalanced, strlen (unbalanced));
  g_autoptr(GBytes) whole = NULL;

  g_assert_cmpmem (g_bytes_get_data (cut, NULL), g_bytes_get_size (cut), expected, strlen (expected));

  g_test_expect_message ("sm-anatomy", G_LOG_LEVEL_WARNING,
                         "test.svg: the groups do not balance after byte 5*");
  whole = _sm_anatomy_paper_source (broken, "test.svg");
  g_test_assert_expected_messages ();
  g_assert_true (g_bytes_get_data (whole, NULL) == g_bytes_get_data (broken, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sm/anatomy-baked/matches-librsvg", test_matches_librsvg);
  g_test_add_func ("/sm/anatomy-baked/style-sheet-in-file", test_style_sheet_in_file);
  g_test_add_func ("/sm/anatomy-baked/index-matches-file", test_index_matches_file);
  g_test_add_func ("/sm/anatomy-baked/index-refuses-duplicates", test_index_refuses_duplicates);
  g_test_add_func ("/sm/anatomy-baked/stale-bake-unused", test_stale_bake_unused);
  g_test_add_func ("/sm/anatomy-baked/bounds-parse-nothing", test_bounds_parse_nothing);
  g_test_add_func ("/sm/anatomy-baked/outline-pad", test_outline_pad);
  g_test_add_func ("/sm/anatomy-baked/paper-source/draws-the-same", test_paper_source_draws_the_same);
  g_test_add_func ("/sm/anatomy-baked/paper-source/omits-overlays", test_paper_source_omits_overlays);
  g_test_add_func ("/sm/anatomy-baked/paper-source/cuts-by-tags", test_paper_source_cuts_by_tags);
  return g_test_run ();
}
