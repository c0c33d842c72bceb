/* test-presenter-layout.c: the presenter's muscle labels and caption card,
 * checked against the artwork itself.
 *
 * For both screen sizes the presenter is made for (1280×1024, 1920×1080),
 * both views, both layers and every selection (none, and each muscle on
 * show, each side), the presenter is framed as presenter mode frames it and
 * laid out by its own code. Then, with shapes rendered here from the real
 * SVGs at the map's own transform:
 *   - every label's box holds no pixel of the body (it sits beside it);
 *   - its leader line starts on the box's edge and ends inside its zone's
 *     shape, where a tap selects that zone;
 *   - no label overlaps another label, the caption card, a press point or
 *     the selected zone, and no two leader lines cross; the caption card
 *     keeps off the selected zone;
 *   - the selected muscle, the piriformis (when on show) and on the deep
 *     layer every deep muscle on show are labelled;
 *   - each label widget is allocated where the layout put it.
 * With --german the labels are German (LANGUAGE=de, the build tree's
 * catalogue, as in test-german.c): longer names, two lines where needed.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-map-zone.h"
#include "sm-presenter.h"
#include "sm-svg-index.h"
#include "sm-test-utils.h"
#include "sm-zone-id.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size sizes[] = { { 1280, 1024 }, { 1920, 1080 } };

typedef struct
{
  GtkWindow   *window;
  SmPresenter *presenter;
  SmBodyMap   *map;
  guint        n_states;
  guint        n_labels;
  const Size  *size;
} Fixture;

static gboolean
has_size (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_width (GTK_WIDGET (fixture->presenter)) == fixture->size->width &&
         gtk_widget_get_height (GTK_WIDGET (fixture->presenter)) == fixture->size->height;
}

static void
use_german (void)
{
  const char *localedir = g_getenv ("SM_LOCALE_DIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* --- The artwork, drawn here ---------------------------------------------- */

static cairo_rectangle_t
viewport (SmBodyMap *map)
{
  double vw, vh, x, y, scale = sm_body_map_get_scale (map);

  sm_anatomy_get_size (sm_anatomy_get_default (), sm_body_map_get_view (map), &vw, &vh);
  sm_body_map_svg_to_widget (map, 0, 0, &x, &y);
  return (cairo_rectangle_t) { x, y, vw * scale, vh * scale };
}

/* @id's silhouette at the map's transform, one byte a widget pixel. */
static cairo_surface_t *
silhouette (SmBodyMap  *map,
            const char *id)
{
  int width = gtk_widget_get_width (GTK_WIDGET (map));
  int height = gtk_widget_get_height (GTK_WIDGET (map));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  cairo_rectangle_t vp = viewport (map);
  cairo_t *cr = cairo_create (surface);

  g_assert_true (sm_anatomy_render_element (sm_anatomy_get_default (), sm_body_map_get_view (map),
                                            SM_ANATOMY_STYLE_SILHOUETTE, id, cr, &vp, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint8
alpha_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int i = (int) floor (x), j = (int) floor (y);

  if (i < 0 || j < 0 || i >= cairo_image_surface_get_width (surface) ||
      j >= cairo_image_surface_get_height (surface))
    return 0;
  return cairo_image_surface_get_data (surface)[j * cairo_image_surface_get_stride (surface) + i];
}

static guint
pixels_in (cairo_surface_t         *surface,
           const cairo_rectangle_t *box)
{
  guint count = 0;

  for (int j = (int) floor (box->y); j < (int) ceil (box->y + box->height); j++)
    for (int i = (int) floor (box->x); i < (int) ceil (box->x + box->width); i++)
      count += alpha_at (surface, i + 0.5, j + 0.5) >= 128;
  return count;
}

static gboolean
widget_box (SmBodyMap         *map,
            const char        *id,
            cairo_rectangle_t *out)
{
  cairo_rectangle_t box;
  double scale = sm_body_map_get_scale (map);

  if (!sm_anatomy_get_bounds (sm_anatomy_get_default (), sm_body_map_get_view (map), id, &box))
    return FALSE;
  sm_body_map_svg_to_widget (map, box.x, box.y, &out->x, &out->y);
  out->width = box.width * scale;
  out->height = box.height * scale;
  return TRUE;
}

static gboolean
meet (const cairo_rectangle_t *a,
      const cairo_rectangle_t *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static gboolean
leaders_cross (const SmLabelPlacement *a,
               const SmLabelPlacement *b)
{
  double d1 = orient (b->leader_x, b->leader_y, b->anchor_x, b->anchor_y, a->leader_x, a->leader_y);
  double d2 = orient (b->leader_x, b->leader_y, b->anchor_x, b->anchor_y, a->anchor_x, a->anchor_y);
  double d3 = orient (a->leader_x, a->leader_y, a->anchor_x, a->anchor_y, b->leader_x, b->leader_y);
  double d4 = orient (a->leader_x, a->leader_y, a->anchor_x, a->anchor_y, b->anchor_x, b->anchor_y);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

static char *
describe (const cairo_rectangle_t *r)
{
  return g_strdup_printf ("(%.0f, %.0f) %.0f×%.0f", r->x, r->y, r->width, r->height);
}

/* --- One state ------------------------------------------------------------ */

static gboolean
settled (gpointer data)
{
  Fixture *fixture = data;

  return sm_presenter_is_laid_out (fixture->presenter) && !g_main_context_pending (NULL);
}

static void
show_state (Fixture    *fixture,
            const char *view,
            const char *layer,
            const char *zone,
            const char *side)
{
  g_autoptr(GtkWidget) source = g_object_ref_sink (sm_body_map_new ());

  /* As presenter mode starts: the window's map copied, then framed. */
  sm_body_map_set_view (SM_BODY_MAP (source), view);
  sm_body_map_set_layer (SM_BODY_MAP (source), layer);
  if (zone != NULL)
    g_assert_true (sm_body_map_select_zone (SM_BODY_MAP (source), zone, side));
  sm_presenter_copy_map (fixture->presenter, SM_BODY_MAP (source));
  g_assert_true (sm_test_wait_for (settled, fixture, 10000));
  /* The framing's zoom lands in a later frame: settle once more. */
  g_usleep (50000);
  g_assert_true (sm_test_wait_for (settled, fixture, 10000));
}

static gboolean
muscle_on_show (SmBodyMap  *map,
                const char *muscle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child) &&
        g_strcmp0 (sm_map_zone_get_muscle (SM_MAP_ZONE (child)), muscle) == 0)
      return TRUE;
  return FALSE;
}

static const char *
muscle_of (const char *element_id)
{
  static char muscle[64];
  g_autofree char *m = NULL;

  g_assert_true (sm_zone_id_split (element_id, &m, NULL));
  g_strlcpy (muscle, m, sizeof muscle);
  return muscle;
}

/* The label widgets the overlay shows, against the placements. */
static void
check_widgets (Fixture                *fixture,
               const SmLabelPlacement *placements,
               guint                   n,
               const char             *state)
{
  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (fixture->map));
  guint shown = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (overlay);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      gboolean found = FALSE;

      if (!gtk_widget_has_css_class (child, "presenter-label") || !gtk_widget_get_visible (child))
        continue;
      shown++;
      g_assert_true (gtk_widget_compute_bounds (child, overlay, &bounds));
      for (guint i = 0; i < n && !found; i++)
        found = fabs (bounds.origin.x - placements[i].box.x) <= 1 &&
                fabs (bounds.origin.y - placements[i].box.y) <= 1 &&
                fabs (bounds.size.width - placements[i].box.width) <= 1 &&
                fabs (bounds.size.height - placements[i].box.height) <= 1;
      if (!found)
        g_error ("%s: the label %s is not where the layout put it", state,
                 gtk_label_get_label (GTK_LABEL (child)));
    }
  g_assert_cmpuint (shown, ==, n);
}

static void
check_state (Fixture    *fixture,
             const char *state)
{
  SmBodyMap *map = fixture->map;
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char *view = sm_body_map_get_view (map);
  g_autoptr(GPtrArray) points = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, view), "press-point-");
  cairo_surface_t *body = silhouette (map, "body-outline");
  const char *selected_muscle = sm_body_map_get_selected_zone (map);
  g_autofree char *selected = NULL;
  cairo_rectangle_t selected_box, caption;
  gboolean has_selected = FALSE, labelled_selected = FALSE, labelled_piriformis = FALSE;
  graphene_rect_t card;
  const SmLabelPlacement *placements;
  guint n;

  placements = sm_presenter_get_label_placements (fixture->presenter, &n);
  g_assert_true (sm_presenter_get_caption_box (fixture->presenter, &caption));
  /* The caption card as GTK placed it, not as the layout meant it. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (sm_test_find (fixture->presenter, "caption")),
                                            gtk_widget_get_parent (GTK_WIDGET (map)), &card));
  caption = (cairo_rectangle_t) { card.origin.x, card.origin.y, card.size.width, card.size.height };

  if (selected_muscle != NULL)
    {
      selected = sm_zone_id_build (selected_muscle, sm_body_map_get_selected_side (map));
      has_selected = widget_box (map, selected, &selected_box);
      g_assert_true (has_selected);
      if (meet (&caption, &selected_box))
        g_error ("%s: the caption card %s covers the selected zone %s", state,
                 describe (&caption), describe (&selected_box));
    }

  for (guint i = 0; i < n; i++)
    {
      const SmLabelPlacement *p = &placements[i];
      const cairo_rectangle_t *box = &p->box;
      cairo_surface_t *shape = silhouette (map, p->zone);
      g_autofree char *where = describe (box);
      guint on_body = pixels_in (body, box);

      g_assert_true (p->placed);
      if (on_body > 0)
        g_error ("%s: the label for %s at %s lies on the body (%u px)", state, p->zone, where, on_body);
      if (alpha_at (shape, p->anchor_x, p->anchor_y) < 128)
        g_error ("%s: the leader line of %s ends at (%.0f, %.0f), outside its shape", state,
                 p->zone, p->anchor_x, p->anchor_y);
      g_assert_cmpstr (sm_body_map_pick (map, p->anchor_x, p->anchor_y), ==, p->zone);
      cairo_surface_destroy (shape);
      /* The leader leaves from the label's edge. */
      g_assert_true (p->leader_x >= box->x - 0.5 && p->leader_x <= box->x + box->width + 0.5);
      if (!(p->leader_y >= box->y - 0.5 && p->leader_y <= box->y + box->height + 0.5))
        g_error ("%s: the leader of %s leaves at (%.1f, %.1f), off its label %s", state, p->zone,
                 p->leader_x, p->leader_y, where);
      g_assert_true (fabs (p->leader_x - box->x) < 0.5 || fabs (p->leader_x - box->x - box->width) < 0.5 ||
                     fabs (p->leader_y - box->y) < 0.5 || fabs (p->leader_y - box->y - box->height) < 0.5 ||
                     (p->anchor_x >= box->x && p->anchor_x <= box->x + box->width));

      if (meet (box, &caption))
        g_error ("%s: the label for %s at %s covers the caption card", state, p->zone, where);
      if (has_selected && meet (box, &selected_box))
        g_error ("%s: the label for %s at %s covers the selected zone", state, p->zone, where);
      for (guint k = 0; k < points->len; k++)
        {
          cairo_rectangle_t point;

          if (widget_box (map, g_ptr_array_index (points, k), &point) && meet (box, &point))
            g_error ("%s: the label for %s covers %s", state, p->zone,
                     (char *) g_ptr_array_index (points, k));
        }
      for (guint k = 0; k < i; k++)
        {
          if (meet (box, &placements[k].box))
            g_error ("%s: the labels for %s and %s overlap", state, p->zone, placements[k].zone);
          if (leaders_cross (p, &placements[k]))
            g_error ("%s: the leader lines of %s and %s cross", state, p->zone, placements[k].zone);
        }

      labelled_selected |= g_strcmp0 (p->zone, selected) == 0;
      labelled_piriformis |= g_str_equal (muscle_of (p->zone), "piriformis");
    }

  if (selected != NULL && !labelled_selected)
    g_error ("%s: the selected %s has no label", state, selected);
  if (muscle_on_show (map, "piriformis") && !labelled_piriformis)
    g_error ("%s: the piriformis is on show without a label", state);
  /* On the deep layer every deep muscle on show is labelled. */
  if (g_str_equal (sm_body_map_get_layer (map), "deep"))
    {
      GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());

      for (guint z = 0; z < g_list_model_get_n_items (zones); z++)
        {
          g_autoptr(SmZone) zone = g_list_model_get_item (zones, z);
          gboolean labelled = FALSE;

          if (g_strcmp0 (sm_zone_get_layer (zone), "deep") != 0 || !muscle_on_show (map, sm_zone_get_id (zone)))
            continue;
          for (guint i = 0; i < n && !labelled; i++)
            labelled = g_str_equal (muscle_of (placements[i].zone), sm_zone_get_id (zone));
          if (!labelled)
            g_error ("%s: the deep %s has no label", state, sm_zone_get_id (zone));
        }
    }
  check_widgets (fixture, placements, n, state);

  fixture->n_states++;
  fixture->n_labels += n;
  cairo_surface_destroy (body);
}

/* --- The walk ------------------------------------------------------------- */

static void
check_view_layer (Fixture    *fixture,
                  const char *view,
                  const char *layer,
                  const Size *size)
{
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());
  g_autofree char *state = g_strdup_printf ("%d×%d %s %s, nothing selected", size->width, size->height,
                                            view, layer);

  show_state (fixture, view, layer, NULL, NULL);
  check_state (fixture, state);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      const char *sides[] = { "left", "right" };

      if (g_strcmp0 (sm_zone_get_view (zone), view) != 0)
        continue;
      /* A deep muscle is shown on the deep layer (the map switches). */
      if (g_str_equal (layer, "superficial") && g_strcmp0 (sm_zone_get_layer (zone), "deep") == 0 &&
          !g_str_equal (sm_zone_get_id (zone), "piriformis"))
        continue;
      for (guint s = 0; s < G_N_ELEMENTS (sides); s++)
        {
          g_free (state);
          state = g_strdup_printf ("%d×%d %s %s, %s %s selected", size->width, size->height, view,
                                   layer, sm_zone_get_id (zone), sides[s]);
          show_state (fixture, view, layer, sm_zone_get_id (zone), sides[s]);
          check_state (fixture, state);
        }
    }
}

static void
test_layout (gconstpointer data)
{
  const Size *size = data;
  static const char *views[] = { "back", "front" };
  static const char *layers[] = { "superficial", "deep" };
  Fixture fixture = { 0 };

  fixture.window = GTK_WINDOW (gtk_window_new ());
  fixture.presenter = SM_PRESENTER (sm_presenter_new ());
  fixture.map = sm_presenter_get_map (fixture.presenter);
  /* Also where the test's X screen is smaller than the size. */
  gtk_widget_set_size_request (GTK_WIDGET (fixture.presenter), size->width, size->height);
  gtk_window_set_default_size (fixture.window, size->width, size->height);
  gtk_window_set_decorated (fixture.window, FALSE);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.presenter));
  gtk_window_present (fixture.window);
  sm_test_wait_mapped (GTK_WIDGET (fixture.presenter));
  fixture.size = size;
  if (!sm_test_wait_for (has_size, &fixture, 10000))
    g_error ("the presenter is %d×%d, not %d×%d", gtk_widget_get_width (GTK_WIDGET (fixture.presenter)),
             gtk_widget_get_height (GTK_WIDGET (fixture.presenter)), size->width, size->height);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.presenter)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture.presenter)), ==, size->height);

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    for (guint l = 0; l < G_N_ELEMENTS (layers); l++)
      check_view_layer (&fixture, views[v], layers[l], size);

  g_test_message ("%u states, %u labels", fixture.n_states, fixture.n_labels);
  g_assert_cmpuint (fixture.n_labels, >=, 2 * fixture.n_states);
  gtk_window_destroy (fixture.window);
}

int
main (int   argc,
      char *argv[])
{
  gboolean german = FALSE;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--german"))
      {
        german = TRUE;
        memmove (&argv[i], &argv[i + 1], (argc - i) * sizeof (char *));
        argc--;
        break;
      }
  if (german)
    use_german ();

  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();
  /* A still selection outline: the frame clock idles between states. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (german)
    g_assert_cmpstr (_("Step by step"), ==, "Schritt für Schritt");

  g_test_add_data_func ("/sm/presenter-layout/1280x1024", &sizes[0], test_layout);
  g_test_add_data_func ("/sm/presenter-layout/1920x1080", &sizes[1], test_layout);

  return g_test_run ();
}
