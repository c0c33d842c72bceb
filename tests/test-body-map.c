/* test-body-map.c: hit testing, layers, sides, overlays, zoom and real
 * clicks of the body map, on the real artwork (its keyboard, the zones'
 * layout and the caution areas a selection shows: test-map-zones.c).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-application.h"
#include "sm-window.h"
#include "sm-body-map.h"
#include "sm-body-map-private.h"
#include "sm-map-zone.h"
#include "sm-test-map.h"
#include "sm-test-utils.h"

#define PROBE_SCALE 0.25  /* probe raster pixels per SVG unit */

typedef SmMapFixture Fixture;

/* --- Where is a zone? Computed from the artwork, not from the map. ------- */

static gboolean
is_deep_zone (SmSvgIndex *index,
              const char *id)
{
  return g_strcmp0 (sm_svg_index_get_group (index, id), "layer-deep") == 0;
}

static gboolean
is_piriformis (const char *id)
{
  return g_str_has_prefix (id, "zone-piriformis-");
}

/* The documented stacking: in the deep layer deep zones lie over the
 * others, in the superficial layer the piriformis lies over everything;
 * otherwise the artwork's order. */
static int
rank (SmSvgIndex *index,
      GPtrArray  *ids,
      const char *layer,
      const char *id)
{
  gboolean on_top = g_str_equal (layer, "deep") ? is_deep_zone (index, id) : is_piriformis (id);
  guint position = 0;

  g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &position);
  return (on_top ? 1000 : 0) + (int) position;
}

static void
render_silhouette (SmAnatomy  *anatomy,
                   const char *view,
                   const char *id,
                   cairo_t    *cr)
{
  double vw, vh;
  cairo_rectangle_t viewport;

  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  viewport = (cairo_rectangle_t) { 0, 0, vw * PROBE_SCALE, vh * PROBE_SCALE };
  g_assert_true (sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, id,
                                            cr, &viewport, NULL));
}

/* City-block distance to the nearest pixel outside the shape, two passes. */
static int
deepest_pixel (guint8 *alpha,
               int     width,
               int     height,
               int     stride,
               int    *best)
{
  g_autofree int *dist = g_new0 (int, (gsize) width * height);
  int max = 0;

  for (int j = 0; j < height; j++)
    for (int i = 0; i < width; i++)
      {
        int d = alpha[j * stride + i] >= 128 ? G_MAXINT / 2 : 0;

        if (d && i > 0) d = MIN (d, dist[j * width + i - 1] + 1);
        if (d && j > 0) d = MIN (d, dist[(j - 1) * width + i] + 1);
        if (d && (i == 0 || j == 0)) d = 1;
        dist[j * width + i] = d;
      }

  for (int j = height - 1; j >= 0; j--)
    for (int i = width - 1; i >= 0; i--)
      {
        int *d = &dist[j * width + i];

        if (i < width - 1) *d = MIN (*d, dist[j * width + i + 1] + 1);
        if (j < height - 1) *d = MIN (*d, dist[(j + 1) * width + i] + 1);
        if (*d > max)
          {
            max = *d;
            *best = j * width + i;
          }
      }

  return max;
}

/* The point of @id's visible part (the zone minus every zone drawn over it
 * in @layer) farthest from its edges; FALSE if hardly anything shows. */
static gboolean
inside_point (SmAnatomy  *anatomy,
              const char *view,
              const char *layer,
              const char *id,
              double     *u,
              double     *v)
{
  SmSvgIndex *index = sm_anatomy_get_index (anatomy, view);
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, "zone-");
  double vw, vh;
  int width, height, best = 0, depth;
  cairo_surface_t *surface;
  cairo_t *cr;

  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  width = (int) ceil (vw * PROBE_SCALE);
  height = (int) ceil (vh * PROBE_SCALE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cr = cairo_create (surface);
  render_silhouette (anatomy, view, id, cr);

  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_OUT);
  for (guint i = 0; i < ids->len; i++)
    if (rank (index, ids, layer, g_ptr_array_index (ids, i)) > rank (index, ids, layer, id))
      render_silhouette (anatomy, view, g_ptr_array_index (ids, i), cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  depth = deepest_pixel (cairo_image_surface_get_data (surface), width, height,
                         cairo_image_surface_get_stride (surface), &best);
  cairo_surface_destroy (surface);

  *u = (best % width + 0.5) / PROBE_SCALE;
  *v = (best / width + 0.5) / PROBE_SCALE;
  return depth >= 3;
}

static gboolean
no_idle_left (gpointer data)
{
  return !g_main_context_pending (NULL);
}

/* The hit maps are not made for the first frame. Until they are, every
 * zone of the view counts as shown; a hit test before then builds them and
 * is exact, and then the zones that others cover fully are hidden. */
static void
test_hit_maps_later (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, "back"), "zone-");
  GtkWidget *map = g_object_ref_sink (sm_body_map_new ());
  guint hidden = 0;
  double u, v;

  for (guint i = 0; i < ids->len; i++)
    g_assert_nonnull (sm_map_find_zone_widget (SM_BODY_MAP (map), g_ptr_array_index (ids, i)));

  /* Not laid out: one widget pixel is one SVG unit. */
  g_assert_true (inside_point (anatomy, "back", "superficial", "zone-gluteus-maximus-left", &u, &v));
  g_assert_cmpstr (sm_body_map_pick (SM_BODY_MAP (map), u, v), ==, "zone-gluteus-maximus-left");
  g_assert_true (inside_point (anatomy, "back", "superficial", "zone-piriformis-right", &u, &v));
  g_assert_cmpstr (sm_body_map_pick (SM_BODY_MAP (map), u, v), ==, "zone-piriformis-right");

  g_assert_true (sm_test_wait_for (no_idle_left, NULL, 5000));
  for (guint i = 0; i < ids->len; i++)
    hidden += sm_map_find_zone_widget (SM_BODY_MAP (map), g_ptr_array_index (ids, i)) == NULL;
  g_assert_cmpuint (hidden, >, 0);
  g_assert_finalize_object (map);
}

/* Both the map's own hit test and GTK's picking (contains() of the zone
 * widgets) must find @id at SVG point (@u, @v). */
static void
assert_hit (Fixture    *fixture,
            double      u,
            double      v,
            const char *id)
{
  GtkWidget *picked;
  double x, y;

  sm_body_map_svg_to_widget (fixture->map, u, v, &x, &y);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), ==, id);

  picked = gtk_widget_pick (GTK_WIDGET (fixture->map), x, y, GTK_PICK_DEFAULT);
  g_assert_true (SM_IS_MAP_ZONE (picked));
  g_assert_cmpstr (sm_map_zone_get_element_id (SM_MAP_ZONE (picked)), ==, id);
}

/* A few pixels outside each side of the zone's box is never the zone. */
static void
assert_outside_box (Fixture    *fixture,
                    const char *view,
                    const char *id)
{
  cairo_rectangle_t box;
  double x0, y0, x1, y1;
  const double gap = 3;

  g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), view, id, &box));
  sm_body_map_svg_to_widget (fixture->map, box.x, box.y, &x0, &y0);
  sm_body_map_svg_to_widget (fixture->map, box.x + box.width, box.y + box.height, &x1, &y1);

  g_assert_cmpstr (sm_body_map_pick (fixture->map, x0 - gap, (y0 + y1) / 2), !=, id);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x1 + gap, (y0 + y1) / 2), !=, id);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, (x0 + x1) / 2, y0 - gap), !=, id);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, (x0 + x1) / 2, y1 + gap), !=, id);
}

static void
check_zone (Fixture    *fixture,
            const char *view,
            const char *id,
            double      u,
            double      v)
{
  const double zooms[] = { 1.0, 2.5 };

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      sm_body_map_set_zoom (fixture->map, zooms[z]);
      sm_body_map_set_centre (fixture->map, u, v);
      sm_map_fixture_wait_frames (fixture);

      g_assert_cmpfloat_with_epsilon (sm_body_map_get_zoom (fixture->map), zooms[z], 1e-9);
      assert_hit (fixture, u, v, id);
      assert_outside_box (fixture, view, id);
    }
}

typedef struct
{
  const char *id;
  double      u;
  double      v;
} Probe;

/* Every zone of both views is found at a point inside its shape, at two
 * sizes and two zoom levels, in a layer where it shows. */
static void
test_every_zone (Fixture       *fixture,
                 gconstpointer  data)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char * const *views = sm_anatomy_list_views (anatomy);
  const char *layers[] = { "superficial", "deep" };
  const int sizes[][2] = { { 420, 640 }, { 760, 940 } };

  for (guint v = 0; views[v] != NULL; v++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, views[v]), "zone-");
      g_autoptr(GHashTable) tested = g_hash_table_new (g_str_hash, g_str_equal);

      sm_body_map_set_view (fixture->map, views[v]);
      for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
        {
          g_autoptr(GArray) probes = g_array_new (FALSE, FALSE, sizeof (Probe));

          for (guint i = 0; i < ids->len; i++)
            {
              Probe probe = { g_ptr_array_index (ids, i), 0, 0 };

              if (inside_point (anatomy, views[v], layers[l], probe.id, &probe.u, &probe.v))
                g_array_append_val (probes, probe);
            }

          sm_body_map_set_layer (fixture->map, layers[l]);
          for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
            {
              sm_map_fixture_resize (fixture, sizes[s][0], sizes[s][1]);
              for (guint i = 0; i < probes->len; i++)
                {
                  Probe *probe = &g_array_index (probes, Probe, i);

                  check_zone (fixture, views[v], probe->id, probe->u, probe->v);
                  g_hash_table_add (tested, (gpointer) probe->id);
                }
            }
          sm_map_fixture_resize (fixture, sizes[0][0], sizes[0][1]);
        }

      g_assert_cmpuint (g_hash_table_size (tested), ==, ids->len);
      sm_body_map_set_zoom (fixture->map, 1.0);
    }
}

static void
box_centre (const char *view,
            const char *id,
            double     *u,
            double     *v)
{
  cairo_rectangle_t box;

  g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), view, id, &box));
  *u = box.x + box.width / 2;
  *v = box.y + box.height / 2;
}

/* Halfway between the sacrum and the greater trochanter is the piriformis
 * in every layer, although the gluteus maximus covers it. */
static void
test_piriformis_rule (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *sides[] = { "left", "right" };
  const char *layers[] = { "superficial", "deep" };
  double su, sv;

  box_centre ("back", "landmark-sacrum", &su, &sv);
  for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
    {
      g_autofree char *trochanter = g_strdup_printf ("landmark-greater-trochanter-%s", sides[s]);
      g_autofree char *piriformis = g_strdup_printf ("zone-piriformis-%s", sides[s]);
      g_autofree char *maximus = g_strdup_printf ("zone-gluteus-maximus-%s", sides[s]);
      double tu, tv, mu, mv;
      cairo_rectangle_t box;

      box_centre ("back", trochanter, &tu, &tv);
      mu = (su + tu) / 2;
      mv = (sv + tv) / 2;

      /* The rule matters only because the gluteus maximus is there too. */
      g_assert_true (sm_anatomy_get_bounds (sm_anatomy_get_default (), "back", maximus, &box));
      g_assert_true (mu > box.x && mu < box.x + box.width && mv > box.y && mv < box.y + box.height);

      for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
        {
          sm_body_map_set_layer (fixture->map, layers[l]);
          sm_map_fixture_wait_frames (fixture);
          assert_hit (fixture, mu, mv, piriformis);
        }
    }
}

/* With the left side only, right zones are neither clickable nor exposed. */
static void
test_side_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  double lu, lv, ru, rv, x, y;

  g_assert_true (inside_point (anatomy, "back", "superficial", "zone-hamstrings-left", &lu, &lv));
  g_assert_true (inside_point (anatomy, "back", "superficial", "zone-hamstrings-right", &ru, &rv));

  sm_body_map_set_side_filter (fixture->map, "left");
  sm_map_fixture_wait_frames (fixture);
  assert_hit (fixture, lu, lv, "zone-hamstrings-left");
  sm_body_map_svg_to_widget (fixture->map, ru, rv, &x, &y);
  g_assert_null (sm_body_map_pick (fixture->map, x, y));
  g_assert_null (sm_map_find_zone_widget (fixture->map, "zone-hamstrings-right"));
  g_assert_false (SM_IS_MAP_ZONE (gtk_widget_pick (GTK_WIDGET (fixture->map), x, y, GTK_PICK_DEFAULT)));

  /* Selecting a right zone from elsewhere (search) widens the filter. */
  g_assert_true (sm_body_map_select_zone (fixture->map, "hamstrings", "right"));
  g_assert_cmpstr (sm_body_map_get_side_filter (fixture->map), ==, "right");
  g_assert_cmpstr (sm_body_map_get_selected_zone (fixture->map), ==, "hamstrings");
  g_assert_cmpstr (sm_body_map_get_selected_side (fixture->map), ==, "right");
}

/* Where a deep zone lies under a superficial one, the layer decides. */
static void
test_layer_switch (Fixture       *fixture,
                   gconstpointer  data)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, "back"), "zone-");
  guint covered = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *superficial_hit;
      double u, v, x, y;

      if (!is_deep_zone (sm_anatomy_get_index (anatomy, "back"), id) || is_piriformis (id))
        continue;

      g_assert_true (inside_point (anatomy, "back", "deep", id, &u, &v));
      sm_body_map_svg_to_widget (fixture->map, u, v, &x, &y);

      sm_body_map_set_layer (fixture->map, "superficial");
      superficial_hit = sm_body_map_pick (fixture->map, x, y);
      sm_body_map_set_layer (fixture->map, "deep");
      g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), ==, id);

      if (g_strcmp0 (superficial_hit, id) != 0)
        {
          g_assert_nonnull (superficial_hit);
          g_assert_false (is_deep_zone (sm_anatomy_get_index (anatomy, "back"), superficial_hit));
          covered++;
        }
    }

  /* e.g. the gluteus minimus under the gluteus medius */
  g_assert_cmpuint (covered, >, 0);

  /* Selecting a deep zone from a list switches to the deep layer. */
  sm_body_map_set_layer (fixture->map, "superficial");
  g_assert_true (sm_body_map_select_zone (fixture->map, "gluteus-minimus", "left"));
  g_assert_cmpstr (sm_body_map_get_layer (fixture->map), ==, "deep");
  g_assert_true (sm_body_map_select_zone (fixture->map, "psoas", "left"));
  g_assert_cmpstr (sm_body_map_get_view (fixture->map), ==, "front");
}

static GtkWidget *
find_popover (SmBodyMap *map)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;

  g_assert_not_reached ();
}

static gboolean
is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

static double
caution_point (const char *id,
               double     *v)
{
  double u;

  box_centre ("back", id, &u, v);
  return u;
}

/* Overlays redraw the base once; caution areas become clickable when
 * shown, and show up with a neighbouring zone. */
static void
test_overlays (Fixture       *fixture,
               gconstpointer  data)
{
  const char *props[] = { "show-nerves", "show-landmarks", "show-press-points", "show-cautions" };
  SmMapZone *caution;
  GtkWidget *popover;
  double u, v, x, y;
  guint renders;

  u = caution_point ("caution-popliteal-fossa-left", &v);
  sm_body_map_svg_to_widget (fixture->map, u, v, &x, &y);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), !=, "caution-popliteal-fossa-left");

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    {
      renders = sm_body_map_get_base_render_count (fixture->map);
      g_object_set (fixture->map, props[i], TRUE, NULL);
      sm_map_fixture_wait_frames (fixture);
      g_assert_cmpuint (sm_body_map_get_base_render_count (fixture->map), ==, renders + 1);
    }

  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), ==, "caution-popliteal-fossa-left");
  g_object_set (fixture->map, "show-cautions", FALSE, NULL);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), !=, "caution-popliteal-fossa-left");

  /* The hamstrings end at the back of the knee: selecting them shows it,
   * and activating it explains why not to press there. */
  g_assert_true (sm_body_map_select_zone (fixture->map, "hamstrings", "left"));
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), ==, "caution-popliteal-fossa-left");
  caution = sm_map_find_zone_widget (fixture->map, "caution-popliteal-fossa-left");
  g_assert_nonnull (caution);
  g_assert_true (g_str_has_prefix (sm_map_zone_get_label (caution), "Caution: "));
  popover = find_popover (fixture->map);
  g_assert_false (gtk_widget_get_visible (popover));
  gtk_widget_activate (GTK_WIDGET (caution));
  g_assert_true (sm_test_wait_for (is_visible, popover, 5000));
  g_assert_cmpstr (sm_body_map_get_selected_zone (fixture->map), ==, "hamstrings");
  gtk_popover_popdown (GTK_POPOVER (popover));
  sm_body_map_clear_selection (fixture->map);
  g_assert_cmpstr (sm_body_map_pick (fixture->map, x, y), !=, "caution-popliteal-fossa-left");
}

/* Hover and selection are drawn over the cached base; only a size change
 * rebuilds it, once. */
static void
test_base_cache (Fixture       *fixture,
                 gconstpointer  data)
{
  guint renders = sm_body_map_get_base_render_count (fixture->map);

  g_assert_true (sm_body_map_select_zone (fixture->map, "hamstrings", "left"));
  sm_map_fixture_wait_frames (fixture);
  sm_body_map_clear_selection (fixture->map);
  sm_map_fixture_wait_frames (fixture);
  g_assert_cmpuint (sm_body_map_get_base_render_count (fixture->map), ==, renders);

  sm_map_fixture_resize (fixture, 500, 700);
  sm_map_fixture_wait_frames (fixture);
  g_assert_cmpuint (sm_body_map_get_base_render_count (fixture->map), ==, renders + 1);
}

/* --- Drawn ahead --------------------------------------------------------- */

typedef struct
{
  GtkWindow *window;
  SmBodyMap *map;
} Standalone;

/* A map in a window of its own at @width × @height: before it is shown,
 * @predraw_width × @predraw_height is drawn ahead (0: nothing), and
 * @layer is set after that. */
static Standalone
show_map (int         width,
          int         height,
          int         predraw_width,
          int         predraw_height,
          const char *layer)
{
  Standalone shown = { GTK_WINDOW (gtk_window_new ()), SM_BODY_MAP (sm_body_map_new ()) };
  Fixture frames = { shown.window, shown.map };

  gtk_widget_set_size_request (GTK_WIDGET (shown.map), width, height);
  gtk_window_set_default_size (shown.window, width, height);
  gtk_window_set_child (shown.window, GTK_WIDGET (shown.map));
  if (predraw_width > 0)
    sm_body_map_predraw (shown.map, predraw_width, predraw_height);
  if (layer != NULL)
    sm_body_map_set_layer (shown.map, layer);
  gtk_window_present (shown.window);
  sm_test_wait_mapped (GTK_WIDGET (shown.map));
  sm_map_wait_size (GTK_WIDGET (shown.map), width, height);
  sm_map_fixture_wait_frames (&frames);
  return shown;
}

/* What the map shows, drawn through GTK's own snapshot. */
static GBytes *
picture_of (SmBodyMap *map)
{
  cairo_surface_t *surface = sm_test_draw_widget (GTK_WIDGET (map));
  GBytes *bytes;

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  return bytes;
}

/* The first frame takes the picture a worker drew ahead for its size, and
 * it is the picture the map draws itself; a guess at another size, or one
 * drawn before the layer changed, is not shown. */
static void
test_predraw (void)
{
  Standalone plain = show_map (420, 600, 0, 0, NULL);
  Standalone ahead = show_map (420, 600, 420, 600, NULL);
  Standalone wrong_size = show_map (420, 600, 420, 610, NULL);
  Standalone deep = show_map (420, 600, 0, 0, "deep");
  Standalone wrong_layer = show_map (420, 600, 420, 600, "deep");
  g_autoptr(GBytes) reference = picture_of (plain.map);
  g_autoptr(GBytes) deep_reference = picture_of (deep.map);
  g_autoptr(GBytes) taken = picture_of (ahead.map);
  g_autoptr(GBytes) redrawn = picture_of (wrong_size.map);
  g_autoptr(GBytes) relayered = picture_of (wrong_layer.map);

  g_assert_cmpuint (sm_body_map_get_predrawn_count (plain.map), ==, 0);
  g_assert_cmpuint (sm_body_map_get_predrawn_count (ahead.map), ==, 1);
  g_assert_cmpuint (sm_body_map_get_base_render_count (ahead.map), ==, 1);
  g_assert_true (g_bytes_equal (taken, reference));

  g_assert_cmpuint (sm_body_map_get_predrawn_count (wrong_size.map), ==, 0);
  g_assert_cmpuint (sm_body_map_get_base_render_count (wrong_size.map), ==, 1);
  g_assert_true (g_bytes_equal (redrawn, reference));

  g_assert_cmpuint (sm_body_map_get_predrawn_count (wrong_layer.map), ==, 0);
  g_assert_false (g_bytes_equal (deep_reference, reference));
  g_assert_true (g_bytes_equal (relayered, deep_reference));

  gtk_window_destroy (plain.window);
  gtk_window_destroy (ahead.window);
  gtk_window_destroy (wrong_size.window);
  gtk_window_destroy (deep.window);
  gtk_window_destroy (wrong_layer.window);
}

/* The base in tiles: the parts of it with nothing on them are left out
 * of its node (on a wide map the figure fills a third of the width), and
 * the node still paints the base pixel for pixel, at scale 1 and 2. */
static void
check_base_tiles (cairo_surface_t *base,
                  int              width,
                  int              height,
                  int              factor,
                  guint            max_tiles)
{
  g_autoptr(GskRenderNode) node = _sm_body_map_base_node_new (base, width, height, factor);
  cairo_surface_t *painted = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * factor, height * factor);
  int stride = cairo_image_surface_get_stride (painted);
  guint tiles = gsk_container_node_get_n_children (node);
  cairo_t *cr = cairo_create (painted);

  cairo_scale (cr, factor, factor);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (painted);
  g_assert_cmpint (cairo_image_surface_get_stride (base), ==, stride);
  g_assert_cmpmem (cairo_image_surface_get_data (painted), stride * height * factor,
                   cairo_image_surface_get_data (base), stride * height * factor);
  g_assert_cmpuint (tiles, >, 0);
  g_assert_cmpuint (tiles, <=, max_tiles);
  cairo_surface_destroy (painted);
}

static void
test_clear_tiles_left_out (void)
{
  Standalone wide = show_map (1500, 420, 0, 0, NULL);
  cairo_surface_t *base = wide.map->base;
  cairo_surface_t *doubled;
  cairo_t *cr;

  g_assert_cmpint (gtk_widget_get_scale_factor (GTK_WIDGET (wide.map)), ==, 1);
  g_assert_cmpint (cairo_image_surface_get_width (base), ==, 1500);
  /* 6 × 2 tiles of 256 px; the figure, about 420 px wide, meets 4 of them. */
  check_base_tiles (base, 1500, 420, 1, 6);
  g_assert_cmpuint (gsk_container_node_get_n_children (wide.map->base_node), <=, 6);

  /* At scale 2 a tile is 128 px a side: 12 × 4, of which the figure meets
   * a third or so. */
  doubled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 3000, 840);
  cr = cairo_create (doubled);
  cairo_scale (cr, 2, 2);
  cairo_set_source_surface (cr, base, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (doubled, 2, 2);
  check_base_tiles (doubled, 1500, 420, 2, 24);
  cairo_surface_destroy (doubled);
  gtk_window_destroy (wide.window);
}

/* Zoom actions step and clamp; zoom to selection frames the zone. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  double u, v, x, y;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-in", NULL));
  g_assert_cmpfloat (sm_body_map_get_zoom (fixture->map), >, 1.0);
  for (int i = 0; i < 20; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-in", NULL);
  g_assert_cmpfloat (sm_body_map_get_zoom (fixture->map), <=, 6.0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-reset", NULL);
  g_assert_cmpfloat (sm_body_map_get_zoom (fixture->map), ==, 1.0);

  g_assert_true (sm_body_map_select_zone (fixture->map, "piriformis", "right"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-to-selection", NULL);
  g_assert_cmpfloat (sm_body_map_get_zoom (fixture->map), >, 2.0);

  /* The zone is now in the middle of the map and still hit exactly. */
  box_centre ("back", "zone-piriformis-right", &u, &v);
  sm_body_map_svg_to_widget (fixture->map, u, v, &x, &y);
  g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (fixture->map)) / 2.0), <, 2);
}

typedef struct
{
  char     *activated;
} ClickState;

/* Where the X pointer is, in the map's coordinates. */
static void
pointer_in_map (Fixture *fixture,
                double  *x,
                double  *y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  GdkSeat *seat = gdk_display_get_default_seat (gdk_surface_get_display (surface));
  double sx, sy, wx, wy;

  sm_map_fixture_wait_frames (fixture);
  g_assert_true (gdk_surface_get_device_position (surface, gdk_seat_get_pointer (seat), &wx, &wy, NULL));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fixture->window), GTK_WIDGET (fixture->map),
                                                   wx - sx, wy - sy, x, y));
}

/* The inverse of sm_body_map_svg_to_widget(), from two probes. */
static void
sm_body_map_widget_to_svg_for_test (Fixture *fixture,
                                    double   x,
                                    double   y,
                                    double  *u,
                                    double  *v)
{
  double x0, y0, x1, y1;

  sm_body_map_svg_to_widget (fixture->map, 0, 0, &x0, &y0);
  sm_body_map_svg_to_widget (fixture->map, 100, 100, &x1, &y1);
  *u = (x - x0) * 100 / (x1 - x0);
  *v = (y - y0) * 100 / (y1 - y0);
}

static gboolean
click_finished (gpointer data)
{
  ClickState *state = data;

  return state->activated != NULL;
}

/* A real click from the X server, through GTK's event path: xdotool moves
 * the pointer onto the piriformis and clicks; the map must say so. */
static void
test_real_click (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *title = g_strdup_printf ("body-map-click-%d", (int) getpid ());
  g_autofree char *x_arg = NULL;
  g_autofree char *y_arg = NULL;
  ClickState state = { NULL };
  double su, sv, tu, tv, x, y, wx, wy, sx, sy, px, py;

  gtk_window_set_title (fixture->window, title);
  g_signal_connect (fixture->map, "zone-activated", G_CALLBACK (sm_map_record_activation), &state.activated);

  box_centre ("back", "landmark-sacrum", &su, &sv);
  box_centre ("back", "landmark-greater-trochanter-left", &tu, &tv);
  sm_body_map_svg_to_widget (fixture->map, (su + tu) / 2, (sv + tv) / 2, &x, &y);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fixture->map), GTK_WIDGET (fixture->window),
                                                   x, y, &wx, &wy));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  x_arg = g_strdup_printf ("%d", (int) round (wx + sx));
  y_arg = g_strdup_printf ("%d", (int) round (wy + sy));

  sm_test_run_command ((const char *[]) { "xdotool", "search", "--sync", "--name", title,
                                          "mousemove", "--window", "%1", x_arg, y_arg,
                                          "sleep", "0.2", "click", "1", NULL });
  g_assert_true (sm_test_wait_for (click_finished, &state, 15000));
  g_assert_cmpstr (state.activated, ==, "piriformis/left");
  g_assert_cmpstr (sm_body_map_get_selected_zone (fixture->map), ==, "piriformis");
  g_clear_pointer (&state.activated, g_free);

  /* Ctrl+scroll zooms in around the pointer: the body point under it
   * stays at its height (sideways the figure stays centred while it is
   * narrower than the map). Then a drag pans the zoomed map by as much. */
  pointer_in_map (fixture, &x, &y);
  sm_body_map_widget_to_svg_for_test (fixture, x, y, &su, &sv);
  sm_test_run_command ((const char *[]) { "xdotool", "keydown", "ctrl", "click", "4", "click", "4",
                                          "click", "4", "click", "4", "keyup", "ctrl", NULL });
  g_assert_cmpfloat (sm_body_map_get_zoom (fixture->map), >, 2.0);
  sm_body_map_svg_to_widget (fixture->map, su, sv, &x, &y);
  pointer_in_map (fixture, &px, &py);
  g_assert_cmpfloat (fabs (py - y), <, 2);

  sm_test_run_command ((const char *[]) { "xdotool", "mousedown", "1",
                                          "mousemove_relative", "--", "-10", "-15",
                                          "mousemove_relative", "--", "-10", "-15",
                                          "mouseup", "1", NULL });
  sm_map_fixture_wait_frames (fixture);
  sm_body_map_svg_to_widget (fixture->map, su, sv, &px, &py);
  g_assert_cmpfloat (fabs (px - (x - 20)), <, 2);
  g_assert_cmpfloat (fabs (py - (y - 30)), <, 2);
  g_assert_null (state.activated);  /* a drag is not a click */
}

static void
check_window (GApplication *app,
              gpointer      data)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  SmBodyMap *map = sm_test_find (window, "body_map");
  GtkStack *stack = sm_test_find (window, "panel_stack");
  gboolean before, after;

  sm_test_wait_mapped (GTK_WIDGET (map));

  /* Search and guided sessions select through the window. */
  sm_window_select_zone (window, "psoas", "right");
  g_assert_cmpstr (sm_window_get_view (window), ==, "front");
  g_assert_cmpstr (sm_body_map_get_layer (map), ==, "deep");
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "psoas");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "zone");

  /* The header's view switch drives the map, and the menu's overlay
   * toggles are the settings' actions. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "back");
  g_assert_cmpstr (sm_body_map_get_view (map), ==, "back");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.side", "s", "left");
  g_assert_cmpstr (sm_body_map_get_side_filter (map), ==, "left");

  g_object_get (map, "show-nerves", &before, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-nerves", NULL);
  g_object_get (map, "show-nerves", &after, NULL);
  g_assert_cmpint (after, ==, !before);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.map-layer", "s", "superficial");
  g_assert_cmpstr (sm_body_map_get_layer (map), ==, "superficial");

  /* A click on the map opens the zone's page through zone-activated. */
  g_signal_emit_by_name (map, "zone-activated", "piriformis", "left");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (gtk_stack_get_child_by_name (stack, "zone"), "title_label")),
                   ==, "Piriformis");

  g_application_quit (app);
}

static void
test_window (void)
{
  g_autoptr(SmApplication) app = sm_test_run_app (G_CALLBACK (check_window), NULL);
}

/* --- The toolbar as one image -------------------------------------------- */

/* @node drawn alone on a clear surface of the map's size, in device
 * pixels. */
static cairo_surface_t *
draw_node (GskRenderNode *node,
           int            width,
           int            height,
           int            factor)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * factor, height * factor);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, factor, factor);
  cr = cairo_create (surface);

  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a)) == 0;
}

/* The map's toolbar node, an image of the toolbar, paints what GTK's own
 * node of the toolbar paints, pixel for pixel; and when a button changes
 * (the layer switch), the next frame's image shows the change. Returns
 * the toolbar as GTK drew it. */
static cairo_surface_t *
check_toolbar_image (Standalone *shown)
{
  int width = gtk_widget_get_width (GTK_WIDGET (shown->map));
  int height = gtk_widget_get_height (GTK_WIDGET (shown->map));
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (shown->map));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) gtk_node = NULL;
  cairo_surface_t *from_gtk, *from_map;
  /* A snapshot of the map, which makes its toolbar node of the toolbar's
   * node that GTK has now. */
  g_autoptr(GBytes) picture = picture_of (shown->map);

  gtk_widget_snapshot_child (GTK_WIDGET (shown->map), shown->map->toolbar, snapshot);
  gtk_node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (gtk_node);
  g_assert_nonnull (shown->map->toolbar_node);
  from_gtk = draw_node (gtk_node, width, height, factor);
  from_map = draw_node (shown->map->toolbar_node, width, height, factor);
  g_assert_true (same_pixels (from_gtk, from_map));
  cairo_surface_destroy (from_map);
  return from_gtk;
}

static void
test_toolbar_image (void)
{
  Standalone shown = show_map (700, 1000, 0, 0, NULL);
  Fixture frames = { shown.window, shown.map };
  cairo_surface_t *before, *after;

  sm_body_map_set_layer (shown.map, "superficial");
  sm_map_fixture_wait_frames (&frames);
  before = check_toolbar_image (&shown);

  sm_body_map_set_layer (shown.map, "deep");
  sm_map_fixture_wait_frames (&frames);
  after = check_toolbar_image (&shown);
  /* The toggle that is down moved from "Surface" to "Deep". */
  g_assert_false (same_pixels (before, after));

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  gtk_window_destroy (shown.window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add ("/sm/body-map/every-zone", Fixture, NULL, sm_map_fixture_set_up, test_every_zone, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/piriformis-rule", Fixture, NULL, sm_map_fixture_set_up, test_piriformis_rule, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/side-filter", Fixture, NULL, sm_map_fixture_set_up, test_side_filter, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/layer-switch", Fixture, NULL, sm_map_fixture_set_up, test_layer_switch, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/overlays", Fixture, NULL, sm_map_fixture_set_up, test_overlays, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/base-cache", Fixture, NULL, sm_map_fixture_set_up, test_base_cache, sm_map_fixture_tear_down);
  g_test_add_func ("/sm/body-map/window", test_window);
  g_test_add_func ("/sm/body-map/hit-maps-later", test_hit_maps_later);
  g_test_add_func ("/sm/body-map/predraw", test_predraw);
  g_test_add_func ("/sm/body-map/clear-tiles-left-out", test_clear_tiles_left_out);
  g_test_add_func ("/sm/body-map/toolbar-image", test_toolbar_image);
  g_test_add ("/sm/body-map/real-click", Fixture, NULL, sm_map_fixture_set_up, test_real_click, sm_map_fixture_tear_down);
  g_test_add ("/sm/body-map/zoom", Fixture, NULL, sm_map_fixture_set_up, test_zoom, sm_map_fixture_tear_down);

  return g_test_run ();
}
