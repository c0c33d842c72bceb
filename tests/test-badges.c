/* test-badges.c: the step-number badges, measured against the artwork.
 *
 * For the printed sheet (SmSheet, drawn for A4) and the body map (a real
 * SmBodyMap in a window), for every zone × side of both views, the three
 * built-in routines and a 30-step routine: each badge's centre lies inside
 * its own muscle's shape — checked on librsvg's own rendering of that
 * element (SmAnatomy, silhouette), not on the outlines the layout reads —
 * on its own side of the body, and no two badges overlap. Many numbers for
 * one muscle make a compact label, so a badge stays small.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-anatomy.h"
#include "sm-badge-layout.h"
#include "sm-body-map.h"
#include "sm-routine-store.h"
#include "sm-sheet-private.h"
#include "sm-test-utils.h"

/* ---- The artwork's own answer ------------------------------------------ */

static GHashTable *silhouettes; /* "view/element" → cairo_surface_t (A8, SVG units) */

static cairo_surface_t *
silhouette (const char *view,
            const char *element)
{
  g_autofree char *key = g_strdup_printf ("%s/%s", view, element);
  cairo_surface_t *surface = g_hash_table_lookup (silhouettes, key);
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  g_autoptr(GError) error = NULL;
  double width, height;
  cairo_t *cr;

  if (surface != NULL)
    return surface;

  sm_anatomy_get_size (anatomy, view, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) width, (int) height);
  cr = cairo_create (surface);
  g_assert_true (sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, element, cr,
                                            &(cairo_rectangle_t) { 0, 0, width, height }, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_hash_table_insert (silhouettes, g_steal_pointer (&key), surface);
  return surface;
}

static gboolean
inside_shape (const char *view,
              const char *element,
              double      u,
              double      v)
{
  cairo_surface_t *surface = silhouette (view, element);
  int x = (int) u, y = (int) v;

  if (x < 0 || y < 0 || x >= cairo_image_surface_get_width (surface) ||
      y >= cairo_image_surface_get_height (surface))
    return FALSE;
  return cairo_image_surface_get_data (surface)[y * cairo_image_surface_get_stride (surface) + x] > 128;
}

/* The person's left is at x < 400 from the back, x > 400 from the front. */
static gboolean
on_own_side (const char *view,
             const char *element,
             double      u)
{
  gboolean left = g_str_has_suffix (element, "-left");
  gboolean back = g_str_equal (view, "back");

  return (left == back) ? u < 400 : u > 400;
}

static void
assert_badges (const char    *where,
               const char    *view,
               const SmBadge *badges,
               guint          n,
               guint          expected)
{
  guint placed = 0;

  for (guint i = 0; i < n; i++)
    {
      const SmBadge *badge = &badges[i];

      if (!badge->placed)
        continue;
      placed++;
      if (!inside_shape (view, badge->element, badge->u, badge->v))
        g_error ("%s: the badge of %s at (%.0f, %.0f) is not on that muscle", where, badge->element,
                 badge->u, badge->v);
      if (!on_own_side (view, badge->element, badge->u))
        g_error ("%s: the badge of %s at (%.0f, %.0f) is on the wrong side", where, badge->element,
                 badge->u, badge->v);
      for (guint j = 0; j < i; j++)
        if (badges[j].placed && fabs (badge->u - badges[j].u) < badge->rx + badges[j].rx &&
            fabs (badge->v - badges[j].v) < badge->ry + badges[j].ry)
          g_error ("%s: the badges of %s (%.0f, %.0f) and %s (%.0f, %.0f) overlap", where,
                   badge->element, badge->u, badge->v, badges[j].element, badges[j].u, badges[j].v);
    }
  g_assert_cmpuint (placed, ==, expected);
}

/* ---- Routines ---------------------------------------------------------- */

static SmRoutine *
routine_of (const char * const *zones,
            guint               n_steps,
            const char         *side)
{
  SmRoutine *routine = sm_routine_new ("Badges");

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (zones[i % g_strv_length ((char **) zones)], side);

      sm_routine_append_step (routine, step);
    }
  return routine;
}

/* Every zone of the atlas, both sides. */
static SmRoutine *
every_zone (void)
{
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);

      g_ptr_array_add (ids, (gpointer) sm_zone_get_id (zone));
    }
  g_ptr_array_add (ids, NULL);
  return routine_of ((const char * const *) ids->pdata, ids->len - 1, "both");
}

/* The 30 steps: four muscles round and round, the piriformis at
 * steps 2, 6, 10 … 30. */
static SmRoutine *
thirty_steps (void)
{
  const char *zones[] = { "gluteus-maximus", "piriformis", "gluteus-medius", "hamstrings", NULL };

  return routine_of (zones, 30, "both");
}

/* Zone × side count of @routine in @view. */
static guint
n_marked (SmRoutine  *routine,
          const char *view)
{
  g_autoptr(GHashTable) labels = sm_badge_dup_step_labels (routine);
  GHashTableIter iter;
  gpointer id;
  guint n = 0;

  g_hash_table_iter_init (&iter, labels);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    n += g_strcmp0 (sm_anatomy_find_view (sm_anatomy_get_default (), id), view) == 0;
  return n;
}

/* ---- The sheet --------------------------------------------------------- */

static void
check_sheet (const char *name,
             SmRoutine  *routine)
{
  g_autoptr(SmSheet) sheet = sm_sheet_new (routine, sm_atlas_get_default ());
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  const char *views[] = { "back", "front" };
  double width, height;

  sm_sheet_paper_get_size (SM_SHEET_PAPER_A4, &width, &height);
  sm_sheet_draw_page (sheet, cr, width, height, 0);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *where = g_strdup_printf ("sheet, %s, %s view", name, views[i]);
      guint n, expected = n_marked (routine, views[i]);
      double scale = 0;
      const SmBadge *badges = sm_sheet_get_badges (sheet, views[i], &n, &scale);

      if (expected == 0)
        continue;
      g_assert_nonnull (badges);
      assert_badges (where, views[i], badges, n, expected);
      /* Compact: no badge wider than "10 +7" needs (three times its height). */
      for (guint j = 0; j < n; j++)
        g_assert_cmpfloat (badges[j].rx, <=, 3 * badges[j].ry);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_sheet (void)
{
  GListModel *store = G_LIST_MODEL (sm_routine_store_get_default ());
  g_autoptr(SmRoutine) all = every_zone ();
  g_autoptr(SmRoutine) thirty = thirty_steps ();
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());

  check_sheet ("every zone", all);
  check_sheet ("30 steps", thirty);
  for (guint i = 0; i < g_list_model_get_n_items (store); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (store, i);

      if (sm_routine_get_builtin (routine))
        check_sheet (sm_routine_get_name (routine), routine);
    }

  /* Each zone × side alone. */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      const char *ids[] = { sm_zone_get_id (zone), NULL };

      for (guint s = 0; s < 2; s++)
        {
          g_autoptr(SmRoutine) one = routine_of (ids, 1, s == 0 ? "left" : "right");

          check_sheet (ids[0], one);
        }
    }
}

/* ---- The map ----------------------------------------------------------- */

static gboolean
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 100 && gtk_widget_get_height (data) > 100;
}

static void
check_map (SmBodyMap  *map,
           const char *name,
           SmRoutine  *routine)
{
  g_autoptr(GHashTable) labels = sm_badge_dup_step_labels (routine);
  const char *views[] = { "back", "front" };

  sm_body_map_set_step_numbers (map, labels);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *where = g_strdup_printf ("map, %s, %s view", name, views[i]);
      guint n, expected = n_marked (routine, views[i]);
      const SmBadge *badges;
      double scale;

      g_object_set (map, "view", views[i], NULL);
      badges = sm_body_map_get_step_badges (map, &n);
      assert_badges (where, views[i], badges, n, expected);
      scale = sm_body_map_get_scale (map);
      for (guint j = 0; j < n; j++)
        g_assert_cmpfloat (badges[j].rx * scale, <=, 3 * badges[j].ry * scale);
    }
}

static void
test_map (void)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  SmBodyMap *map = SM_BODY_MAP (sm_body_map_new ());
  GListModel *store = G_LIST_MODEL (sm_routine_store_get_default ());
  g_autoptr(SmRoutine) all = every_zone ();
  g_autoptr(SmRoutine) thirty = thirty_steps ();
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());
  const int sizes[][2] = { { 620, 640 }, { 420, 500 }, { 900, 1000 } };

  gtk_window_set_child (window, GTK_WIDGET (map));
  gtk_window_present (window);
  sm_test_wait_mapped (GTK_WIDGET (map));

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autofree char *size = g_strdup_printf ("%d×%d", sizes[k][0], sizes[k][1]);

      gtk_widget_set_size_request (GTK_WIDGET (map), sizes[k][0], sizes[k][1]);
      g_assert_true (sm_test_wait_for (has_size, map, 5000));
      while (g_main_context_iteration (NULL, FALSE));
      g_test_message ("map at %s, scale %.3f", size, sm_body_map_get_scale (map));

      check_map (map, "every zone", all);
      check_map (map, "30 steps", thirty);
      for (guint i = 0; i < g_list_model_get_n_items (store); i++)
        {
          g_autoptr(SmRoutine) routine = g_list_model_get_item (store, i);

          if (sm_routine_get_builtin (routine))
            check_map (map, sm_routine_get_name (routine), routine);
        }
      for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
        {
          g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
          const char *ids[] = { sm_zone_get_id (zone), NULL };

          for (guint s = 0; s < 2; s++)
            {
              g_autoptr(SmRoutine) one = routine_of (ids, 1, s == 0 ? "left" : "right");

              check_map (map, ids[0], one);
            }
        }
    }

  sm_body_map_set_step_numbers (map, NULL);
  sm_test_destroy_window (window);
}

/* ---- Labels ------------------------------------------------------------ */

static void
test_labels (void)
{
  const struct { const char *list; const char *label; } cases[] = {
    { "4", "4" },
    { "1, 4", "1, 4" },
    { "3, 4, 5", "3–5" },
    { "2, 6, 10, 14, 18, 22, 26, 30", "2 +7" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = sm_badge_compact_label_for_list (cases[i].list);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

/* Placing after sm_badge_layout_prepare () (which a sheet's thread does)
 * puts every badge where placing alone does, also after another view's
 * and other marks' coverage was made in between. */
static void
test_prepare (void)
{
  const char *elements[] = { "zone-piriformis-left", "zone-piriformis-right",
                             "zone-gluteus-maximus-left", "zone-hamstrings-right", NULL };
  const char *others[] = { "zone-gluteus-minimus-left", NULL };
  const char *front[] = { "zone-psoas-left", NULL };
  SmBadge alone[4], prepared[4];

  for (guint i = 0; i < 4; i++)
    alone[i] = prepared[i] = (SmBadge) { elements[i], 14, 10, 0, 0, FALSE };
  sm_badge_layout_place ("back", alone, 4);

  sm_badge_layout_prepare ("back", others);
  sm_badge_layout_prepare ("front", front);
  sm_badge_layout_prepare ("back", elements);
  sm_badge_layout_place ("back", prepared, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_true (alone[i].placed);
      g_assert_true (prepared[i].placed);
      g_assert_cmpfloat (prepared[i].u, ==, alone[i].u);
      g_assert_cmpfloat (prepared[i].v, ==, alone[i].v);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();
  silhouettes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) cairo_surface_destroy);

  g_test_add_func ("/sm/badges/labels", test_labels);
  g_test_add_func ("/sm/badges/sheet", test_sheet);
  g_test_add_func ("/sm/badges/map", test_map);
  g_test_add_func ("/sm/badges/prepare", test_prepare);
  status = g_test_run ();
  g_hash_table_unref (silhouettes);
  return status;
}
