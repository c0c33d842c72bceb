/* test-presenter.c: presenter mode in the window, its caption, stepping,
 * touch target sizes, the pulse and the choice of monitor.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-atlas.h"
#include "sm-map-zone.h"
#include "sm-presenter.h"
#include "sm-routines-page.h"
#include "sm-test-utils.h"
#include "sm-window-geometry.h"
#include "sm-window.h"

/* Everything a person could notice changed after presenter mode. */
typedef struct
{
  SmWindowGeometry geometry;
  char            *view;
  char            *side;
  char            *layer;
  char            *zone;
  char            *zone_side;
  gboolean         nerves;
  gboolean         landmarks;
  gboolean         press_points;
  gboolean         cautions;
  double           zoom;
  char            *panel;
  gboolean         header;
} WindowState;

static void
window_state_capture (WindowState *state,
                      SmWindow    *window)
{
  SmBodyMap *map = sm_test_find (window, "body_map");

  sm_window_geometry_save (&state->geometry, GTK_WINDOW (window), sm_test_find (window, "paned"));
  g_object_get (map, "view", &state->view, "side-filter", &state->side, "layer", &state->layer,
                "selected-zone", &state->zone, "selected-side", &state->zone_side,
                "show-nerves", &state->nerves, "show-landmarks", &state->landmarks,
                "show-press-points", &state->press_points, "show-cautions", &state->cautions,
                "zoom", &state->zoom, NULL);
  state->panel = g_strdup (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")));
  state->header = gtk_widget_get_visible (gtk_window_get_titlebar (GTK_WINDOW (window)));
}

static void
window_state_clear (WindowState *state)
{
  g_free (state->view);
  g_free (state->side);
  g_free (state->layer);
  g_free (state->zone);
  g_free (state->zone_side);
  g_free (state->panel);
}

static void
assert_same_state (WindowState *a,
                   WindowState *b)
{
  g_assert_cmpint (a->geometry.fullscreen, ==, b->geometry.fullscreen);
  g_assert_cmpint (a->geometry.maximized, ==, b->geometry.maximized);
  g_assert_cmpint (a->geometry.width, ==, b->geometry.width);
  g_assert_cmpint (a->geometry.height, ==, b->geometry.height);
  g_assert_cmpint (a->geometry.pane_position, ==, b->geometry.pane_position);
  g_assert_cmpstr (a->view, ==, b->view);
  g_assert_cmpstr (a->side, ==, b->side);
  g_assert_cmpstr (a->layer, ==, b->layer);
  g_assert_cmpstr (a->zone, ==, b->zone);
  g_assert_cmpstr (a->zone_side, ==, b->zone_side);
  g_assert_cmpint (a->nerves, ==, b->nerves);
  g_assert_cmpint (a->landmarks, ==, b->landmarks);
  g_assert_cmpint (a->press_points, ==, b->press_points);
  g_assert_cmpint (a->cautions, ==, b->cautions);
  g_assert_cmpfloat (a->zoom, ==, b->zoom);
  g_assert_cmpstr (a->panel, ==, b->panel);
  g_assert_cmpint (a->header, ==, b->header);
}

static gboolean
is_presenting (gpointer data)
{
  return sm_window_get_presenting (data);
}

static gboolean
is_not_presenting (gpointer data)
{
  return !sm_window_get_presenting (data);
}

/* A real key from the X server into the window, through GTK's shortcuts. */
static void
press_key (GtkWindow  *window,
           const char *key)
{
  const char *title = gtk_window_get_title (window);

  sm_test_run_command ((const char *[]) { "xdotool", "search", "--sync", "--name", title,
                                          "windowfocus", "--sync", "%1", "key", key, NULL });
}

static void
check_caption (SmPresenter *presenter)
{
  SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), "piriformis");

  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Piriformis, right side");
  g_assert_cmpstr (sm_presenter_get_caption_sentence (presenter), ==, sm_zone_get_presenter (zone));
  g_assert_cmpstr (sm_zone_get_presenter (zone), !=, "");
}

static void
check_presenter_map (SmWindow    *window,
                     SmPresenter *presenter)
{
  SmBodyMap *map = sm_presenter_get_map (presenter);
  gboolean landmarks, press_points;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (presenter)));
  g_assert_false (gtk_widget_get_visible (gtk_window_get_titlebar (GTK_WINDOW (window))));
  g_assert_false (gtk_widget_get_mapped (sm_test_find (window, "panel_stack")));
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "piriformis");
  g_assert_cmpstr (sm_body_map_get_selected_side (map), ==, "right");
  g_object_get (map, "show-landmarks", &landmarks, "show-press-points", &press_points, NULL);
  g_assert_true (landmarks);
  g_assert_true (press_points);

  /* What the patient taps in presenter mode stays in presenter mode. */
  sm_body_map_select_zone (map, "quadriceps", "left");
  g_assert_cmpstr (sm_body_map_get_view (map), ==, "front");
  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Quadriceps, left side");
}

/* The map is laid out over the presenter and has drawn its picture. */
static gboolean
map_fills_presenter (gpointer data)
{
  SmPresenter *presenter = data;
  SmBodyMap *map = sm_presenter_get_map (presenter);

  return gtk_widget_get_opacity (GTK_WIDGET (map)) == 1.0 &&
         gtk_widget_get_width (GTK_WIDGET (map)) >= gtk_widget_get_width (GTK_WIDGET (presenter)) / 2 &&
         gtk_widget_get_height (GTK_WIDGET (map)) >= gtk_widget_get_height (GTK_WIDGET (presenter)) / 2 &&
         sm_body_map_get_base_render_count (map) > 0;
}

static void
check_present (GApplication *app,
               gpointer      data)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *title = g_strdup_printf ("presenter-test-%d", (int) getpid ());
  WindowState before = { 0 }, after = { 0 };
  SmPresenter *presenter;

  gtk_window_set_title (GTK_WINDOW (window), title);
  sm_test_wait_mapped (GTK_WIDGET (window));

  /* A state that differs from every default. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 730);
  gtk_paned_set_position (sm_test_find (window, "paned"), 555);
  sm_window_select_zone (window, "piriformis", "right");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-nerves", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.side", "s", "right");
  window_state_capture (&before, window);
  g_assert_cmpstr (before.layer, ==, "deep");

  press_key (GTK_WINDOW (window), "F11");
  g_assert_true (sm_test_wait_for (is_presenting, window, 5000));
  presenter = sm_window_get_presenter (window);
  sm_test_wait_mapped (GTK_WIDGET (presenter));
  /* The map waits until the window fills its monitor, so that it is not
   * drawn at the old size first. With no window manager here the window
   * never goes full screen: the map comes after half a second. */
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
  g_assert_cmpfloat (gtk_widget_get_opacity (GTK_WIDGET (sm_presenter_get_map (presenter))), ==, 0.0);
  g_assert_true (sm_test_wait_for (map_fills_presenter, presenter, 5000));
  check_caption (presenter);
  check_presenter_map (window, presenter);

  press_key (GTK_WINDOW (window), "Escape");
  g_assert_true (sm_test_wait_for (is_not_presenting, window, 5000));
  window_state_capture (&after, window);
  assert_same_state (&before, &after);

  /* And again through the menu's action, which is a toggle. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (sm_window_get_presenting (window));
  check_caption (presenter);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  window_state_clear (&after);
  window_state_capture (&after, window);
  assert_same_state (&before, &after);

  window_state_clear (&before);
  window_state_clear (&after);
}


static gboolean
is_step (gpointer data)
{
  SmPresenter *presenter = sm_window_get_presenter (data);

  return sm_presenter_get_step (presenter) == GPOINTER_TO_INT (g_object_get_data (data, "want-step"));
}

static void
press_until_step (SmWindow   *window,
                  const char *key,
                  int         step)
{
  g_object_set_data (G_OBJECT (window), "want-step", GINT_TO_POINTER (step));
  press_key (GTK_WINDOW (window), key);
  g_assert_true (sm_test_wait_for (is_step, window, 5000));
}

/* With a routine open, a clicker's Page Down and Page Up walk its zones;
 * marking pain puts the strokes into a routine of one's own, which the
 * presenter shows too. */
static void
check_routine (GApplication *app,
               gpointer      data)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_autofree char *title = g_strdup_printf ("presenter-routine-%d", (int) getpid ());
  SmRoutinesPage *page = sm_test_routines_page (window);
  SmRoutine *builtin = sm_routine_store_lookup (sm_routines_page_get_store (page), "piriformis-relief");
  SmPainLayer *layer = sm_test_find (window, "pain_layer");
  SmPresenter *presenter;
  SmRoutine *own;
  double xy[] = { 200, 400, 205, 450, 210, 500 };

  gtk_window_set_title (GTK_WINDOW (window), title);
  sm_test_wait_mapped (GTK_WIDGET (window));
  sm_routines_page_open (page, builtin);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presenter = sm_window_get_presenter (window);
  sm_test_wait_mapped (GTK_WIDGET (presenter));
  g_assert_cmpuint (sm_presenter_get_n_steps (presenter), ==, sm_routine_get_n_steps (builtin));

  /* The window shows the piriformis, step 2: the steps go on from there. */
  g_assert_cmpstr (sm_presenter_get_step_text (presenter), ==, "Step 2 of 4");
  press_until_step (window, "Next", 2);
  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Gluteus medius, both sides");
  press_until_step (window, "Prior", 1);
  press_until_step (window, "Prior", 0);
  g_assert_cmpstr (sm_presenter_get_step_text (presenter), ==, "Step 1 of 4");
  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Gluteus maximus, both sides");
  press_until_step (window, "Right", 1);
  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Piriformis, both sides");
  /* The step's ball, in the routine's own words. */
  g_assert_cmpstr (sm_presenter_get_caption_sentence (presenter), ==,
                   sm_tool_use_get_placement (sm_zone_get_tool_use (
                     sm_atlas_lookup_zone (sm_atlas_get_default (), "piriformis"), "ball")));
  press_key (GTK_WINDOW (window), "Escape");
  g_assert_true (sm_test_wait_for (is_not_presenting, window, 5000));

  /* A built-in routine is read-only: marking pain copies it, steps and all. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL);
  own = sm_window_get_routine (window);
  g_assert_true (own != builtin);
  g_assert_false (sm_routine_get_builtin (own));
  g_assert_cmpuint (sm_routine_get_n_steps (own), ==, sm_routine_get_n_steps (builtin));
  g_assert_true (sm_pain_layer_get_active (layer));
  g_assert_true (sm_pain_layer_get_drawing (layer) == sm_routine_get_pain_drawing (own));

  sm_pain_layer_draw_stroke (layer, xy, 3);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (own)), ==, 1);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (builtin)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (sm_pain_layer_get_drawing (sm_presenter_get_pain_layer (presenter)) ==
                 sm_routine_get_pain_drawing (own));
  g_assert_true (sm_pain_layer_get_active (sm_presenter_get_pain_layer (presenter)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL);
  g_assert_false (sm_pain_layer_get_active (layer));
}

/* One application per test program: GLib names it only once. */
/* Nothing to present or mark before the safety screen has been read. */
static void
check_safety_first (SmWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-safety", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL);
  g_assert_false (sm_window_get_presenting (window));
  g_assert_false (gtk_widget_get_sensitive (sm_test_find (window, "mark_pain_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.acknowledge-safety", NULL);
  g_assert_true (gtk_widget_get_sensitive (sm_test_find (window, "mark_pain_button")));
}

static void
check_window (GApplication *app,
              gpointer      data)
{
  check_safety_first (SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  check_present (app, data);
  check_routine (app, data);
  g_application_quit (app);
}

/* Presenter mode in the real window: state restored, routine stepping,
 * pain marking. */
static void
test_present (void)
{
  g_autoptr(SmApplication) app = sm_test_run_app (G_CALLBACK (check_window), NULL);
}


/* --- The presenter on its own -------------------------------------------- */

typedef struct
{
  GtkWindow   *window;
  SmPresenter *presenter;
} Fixture;

static gboolean
is_framed (gpointer data)
{
  return sm_body_map_get_zoom (sm_presenter_get_map (data)) > 1.0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->presenter = SM_PRESENTER (sm_presenter_new ());
  gtk_window_set_default_size (fixture->window, 1920, 1080);
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->presenter));
  gtk_window_present (fixture->window);
  sm_test_wait_mapped (GTK_WIDGET (fixture->presenter));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

/* The presenter frames the figure before its first frame at the new
 * zoom: one picture of the base, not one at the fitted size and another
 * an idle later (at 4K, a whole extra render, and the figure jumped). */
typedef struct
{
  SmPresenter *presenter;
  double       zoom;      /* at the first frame painted after the change */
} FirstPaint;

static void
on_first_paint (GdkFrameClock *clock,
                FirstPaint    *paint)
{
  if (paint->zoom == 0)
    paint->zoom = sm_body_map_get_zoom (sm_presenter_get_map (paint->presenter));
}

static gboolean
was_painted (gpointer data)
{
  return ((FirstPaint *) data)->zoom != 0;
}

static void
test_framed_first_frame (Fixture       *fixture,
                         gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (fixture->presenter));
  g_autoptr(GtkWidget) window_map = g_object_ref_sink (sm_body_map_new ());
  FirstPaint paint = { fixture->presenter, 0 };
  gulong handler;
  guint renders;

  g_assert_cmpfloat (sm_body_map_get_zoom (map), ==, 1.0);
  renders = sm_body_map_get_base_render_count (map);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), &paint);
  sm_body_map_set_view (SM_BODY_MAP (window_map), "back");
  sm_presenter_copy_map (fixture->presenter, SM_BODY_MAP (window_map));
  g_assert_true (sm_test_wait_for (was_painted, &paint, 5000));
  g_signal_handler_disconnect (clock, handler);

  g_assert_cmpfloat (paint.zoom, >, 1.0);
  g_assert_true (is_framed (fixture->presenter));
  /* Later frames (the labels, the pulse) reuse that base. */
  for (int i = 0; i < 10; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (map));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (20000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  g_assert_cmpuint (sm_body_map_get_base_render_count (map), ==, renders + 1);
}

typedef struct
{
  GtkWidget *map;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->map) == wait->width;
}

static void
resize_and_settle (Fixture *fixture,
                   int      width,
                   int      height)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  WidthWait wait = { GTK_WIDGET (map), width };

  gtk_window_set_default_size (fixture->window, width, height);
  g_assert_true (sm_test_wait_for (has_width, &wait, 5000));
  for (int i = 0; i < 5; i++)
    gtk_test_widget_wait_for_draw (GTK_WIDGET (map));
}

/* A window going full screen can lay the presenter out at its old size
 * first: the start zoom is set again for the size it gets, so the figure
 * is framed the same whichever size came first. Once the person zooms,
 * a resize keeps their zoom. (The sizes fit the suite's 1280×1024
 * screen.) */
static void
test_reframed_on_resize (Fixture       *fixture,
                         gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  g_autoptr(GtkWidget) window_map = g_object_ref_sink (sm_body_map_new ());
  double large_scale, large_zoom, small_zoom, chosen;

  resize_and_settle (fixture, 1200, 900);
  sm_body_map_set_view (SM_BODY_MAP (window_map), "back");
  sm_presenter_copy_map (fixture->presenter, SM_BODY_MAP (window_map));
  g_assert_true (sm_test_wait_for (is_framed, fixture->presenter, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map));
  large_scale = sm_body_map_get_scale (map);
  large_zoom = sm_body_map_get_zoom (map);

  /* Framed for a smaller size, the same muscles get the same pixels. */
  resize_and_settle (fixture, 800, 600);
  small_zoom = sm_body_map_get_zoom (map);
  g_assert_cmpfloat (small_zoom, >, large_zoom * 1.2);
  g_assert_cmpfloat_with_epsilon (sm_body_map_get_scale (map), large_scale, large_scale * 0.02);

  /* And back: the zoom is the one it had at that size. */
  resize_and_settle (fixture, 1200, 900);
  g_assert_cmpfloat_with_epsilon (sm_body_map_get_zoom (map), large_zoom, large_zoom * 0.02);

  /* The person zooms: a resize leaves their zoom alone. */
  chosen = large_zoom * 1.25;
  sm_body_map_set_zoom (map, chosen);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (map));
  resize_and_settle (fixture, 800, 600);
  g_assert_cmpfloat_with_epsilon (sm_body_map_get_zoom (map), chosen, 1e-9);
}

static void
frame (Fixture    *fixture,
       const char *view)
{
  g_autoptr(GtkWidget) map = g_object_ref_sink (sm_body_map_new ());

  sm_body_map_set_view (SM_BODY_MAP (map), view);
  sm_presenter_copy_map (fixture->presenter, SM_BODY_MAP (map));
  g_assert_true (sm_test_wait_for (is_framed, fixture->presenter, 5000));
}

/* At a 1920 × 1080 screen and the start zoom, every muscle is a target of
 * at least 44 × 44 px, in both views. */
static void
test_targets (Fixture       *fixture,
              gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  const char *views[] = { "back", "front" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      guint checked = 0;

      frame (fixture, views[v]);
      g_assert_cmpstr (sm_body_map_get_view (map), ==, views[v]);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (map));

      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (!SM_IS_MAP_ZONE (child) || !gtk_widget_get_visible (child) ||
              sm_map_zone_is_caution (SM_MAP_ZONE (child)))
            continue;

          g_assert_cmpint (gtk_widget_get_width (child), >=, 44);
          g_assert_cmpint (gtk_widget_get_height (child), >=, 44);
          checked++;
        }
      g_assert_cmpuint (checked, >=, 6);
    }
}

static void
go (Fixture    *fixture,
    const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->presenter), action, NULL));
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  const char *zones[] = { "piriformis", "hamstrings", "psoas", NULL };
  const char *sides[] = { "left", "both", "right", NULL };
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);

  sm_presenter_set_steps (fixture->presenter, zones, sides, NULL);
  g_assert_cmpuint (sm_presenter_get_n_steps (fixture->presenter), ==, 3);
  g_assert_false (gtk_widget_get_visible (sm_test_find (fixture->presenter, "step_label")));

  go (fixture, "presenter.next");
  g_assert_cmpstr (sm_presenter_get_step_text (fixture->presenter), ==, "Step 1 of 3");
  g_assert_cmpstr (sm_presenter_get_caption_title (fixture->presenter), ==, "Piriformis, left side");
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "piriformis");

  go (fixture, "presenter.next");
  g_assert_cmpstr (sm_presenter_get_step_text (fixture->presenter), ==, "Step 2 of 3");
  g_assert_cmpstr (sm_presenter_get_caption_title (fixture->presenter), ==, "Hamstrings, both sides");

  go (fixture, "presenter.next");
  g_assert_cmpstr (sm_presenter_get_caption_title (fixture->presenter), ==, "Psoas, right side");
  g_assert_cmpstr (sm_body_map_get_view (map), ==, "front");
  gtk_widget_activate_action (GTK_WIDGET (fixture->presenter), "presenter.next", NULL);
  g_assert_cmpint (sm_presenter_get_step (fixture->presenter), ==, 2);

  go (fixture, "presenter.previous");
  g_assert_cmpint (sm_presenter_get_step (fixture->presenter), ==, 1);
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "hamstrings");

  /* A tap on another muscle changes the caption but not the step. */
  sm_body_map_select_zone (map, "calf", "right");
  g_assert_cmpstr (sm_presenter_get_caption_title (fixture->presenter), ==, "Calf, right side");
  g_assert_cmpstr (sm_presenter_get_step_text (fixture->presenter), ==, "Step 2 of 3");

  /* Presenting a muscle of the routine starts the steps from it. */
  sm_body_map_select_zone (map, "psoas", "right");
  sm_presenter_set_steps (fixture->presenter, zones, sides, NULL);
  g_assert_cmpint (sm_presenter_get_step (fixture->presenter), ==, 2);
  g_assert_cmpstr (sm_presenter_get_step_text (fixture->presenter), ==, "Step 3 of 3");
  sm_presenter_set_steps (fixture->presenter, NULL, NULL, NULL);
  g_assert_cmpuint (sm_presenter_get_n_steps (fixture->presenter), ==, 0);
  g_assert_false (gtk_widget_get_visible (sm_test_find (fixture->presenter, "step_label")));
}

/* The caption says what the step does with the step's tool: the hands on
 * the hamstrings are not the foam roller, and the hands on the gluteus
 * medius (a tool the content has no sentence for there) never get the
 * ball's sentence. */
static void
test_step_tools (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *zones[] = { "gluteus-medius", "hamstrings", "gluteus-medius", NULL };
  const char *sides[] = { "left", "both", "right", NULL };
  const char *tools[] = { "hands", "hands", "ball", NULL };
  SmAtlas *atlas = sm_atlas_get_default ();
  SmZone *medius = sm_atlas_lookup_zone (atlas, "gluteus-medius");
  SmZone *hamstrings = sm_atlas_lookup_zone (atlas, "hamstrings");
  const char *sentence;

  g_assert_null (sm_zone_get_tool_use (medius, "hands"));
  sm_presenter_set_steps (fixture->presenter, zones, sides, tools);

  go (fixture, "presenter.next");
  sentence = sm_presenter_get_caption_sentence (fixture->presenter);
  g_assert_cmpstr (sentence, ==, sm_zone_get_summary (medius));
  g_assert_null (strstr (sentence, "ball"));
  g_assert_cmpstr (sentence, !=, sm_zone_get_presenter (medius));

  go (fixture, "presenter.next");
  g_assert_cmpstr (sm_presenter_get_caption_sentence (fixture->presenter), ==,
                   sm_tool_use_get_placement (sm_zone_get_tool_use (hamstrings, "hands")));

  go (fixture, "presenter.next");
  g_assert_cmpstr (sm_presenter_get_caption_sentence (fixture->presenter), ==,
                   sm_tool_use_get_placement (sm_zone_get_tool_use (medius, "ball")));

  /* A muscle tapped outside the steps: its own presenter sentence. */
  sm_body_map_select_zone (sm_presenter_get_map (fixture->presenter), "calf", "left");
  g_assert_cmpstr (sm_presenter_get_caption_sentence (fixture->presenter), ==,
                   sm_zone_get_presenter (sm_atlas_lookup_zone (atlas, "calf")));
}

static void
set_animations (gboolean enabled)
{
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", enabled, NULL);
}

static void
test_pulse (Fixture       *fixture,
            gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);

  set_animations (TRUE);
  g_assert_false (sm_presenter_is_pulsing (fixture->presenter));
  sm_body_map_select_zone (map, "piriformis", "left");
  g_assert_true (sm_presenter_is_pulsing (fixture->presenter));

  set_animations (FALSE);
  g_assert_false (sm_presenter_is_pulsing (fixture->presenter));
  sm_body_map_select_zone (map, "calf", "left");
  g_assert_false (sm_presenter_is_pulsing (fixture->presenter));

  set_animations (TRUE);
  g_assert_true (sm_presenter_is_pulsing (fixture->presenter));
  sm_body_map_clear_selection (map);
  g_assert_false (sm_presenter_is_pulsing (fixture->presenter));
}

static GtkWidget *
zone_widget (SmBodyMap  *map,
             const char *muscle,
             const char *side)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && g_strcmp0 (sm_map_zone_get_muscle (SM_MAP_ZONE (child)), muscle) == 0 &&
        g_strcmp0 (sm_map_zone_get_side (SM_MAP_ZONE (child)), side) == 0)
      return child;
  return NULL;
}

/* Painted pixels of @widget: its render node drawn on an image. */
static guint
painted_pixels (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_surface_t *surface;
  guint count = 0;

  if (width <= 0 || height <= 0)
    return 0;
  surface = sm_test_draw_widget (widget);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = ((guint32 *) (cairo_image_surface_get_data (surface) +
                                      y * cairo_image_surface_get_stride (surface)))[x];

        count += (pixel >> 24) != 0;
      }
  cairo_surface_destroy (surface);
  return count;
}

/* The pulse is redrawn on every frame, so it has a widget no bigger than
 * the selected outline (a box around the muscle, not the screen): it
 * covers the muscle and not twice its box, follows a zoom and paints. */
static void
check_pulse_covers (SmPresenter *presenter,
                    const char  *muscle,
                    const char  *side)
{
  GtkWidget *pulse = sm_test_find (presenter, "pulse");
  GtkWidget *zone = zone_widget (sm_presenter_get_map (presenter), muscle, side);
  graphene_rect_t box, zone_box;
  double screen = (double) gtk_widget_get_width (GTK_WIDGET (presenter)) *
                  gtk_widget_get_height (GTK_WIDGET (presenter));

  g_assert_nonnull (zone);
  gtk_test_widget_wait_for_draw (pulse);
  g_assert_true (gtk_widget_compute_bounds (pulse, GTK_WIDGET (presenter), &box));
  g_assert_true (gtk_widget_compute_bounds (zone, GTK_WIDGET (presenter), &zone_box));
  g_test_message ("%s, %s: pulse %g×%g at %g, %g; zone %g×%g at %g, %g", muscle, side,
                  box.size.width, box.size.height, box.origin.x, box.origin.y,
                  zone_box.size.width, zone_box.size.height, zone_box.origin.x, zone_box.origin.y);
  g_assert_true (graphene_rect_contains_rect (&box, &zone_box));
  /* The outline's stroke and the mask's padding, not the screen. */
  g_assert_cmpfloat (box.size.width * box.size.height, <, 2 * zone_box.size.width * zone_box.size.height);
  g_assert_cmpfloat (box.size.width * box.size.height, <, screen / 4);
  g_assert_cmpuint (painted_pixels (pulse), >, 0);
}

static void
test_pulse_box (Fixture       *fixture,
                gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  GtkWidget *pulse = sm_test_find (fixture->presenter, "pulse");

  set_animations (FALSE);
  frame (fixture, "back");
  sm_body_map_select_zone (map, "piriformis", "left");
  check_pulse_covers (fixture->presenter, "piriformis", "left");

  sm_body_map_select_zone (map, "hamstrings", "right");
  check_pulse_covers (fixture->presenter, "hamstrings", "right");

  sm_body_map_set_zoom (map, sm_body_map_get_zoom (map) * 1.5);
  check_pulse_covers (fixture->presenter, "hamstrings", "right");

  /* What a move to a screen of another scale sends: the mask is drawn
   * again, and the pulse still shows. */
  g_object_notify (G_OBJECT (fixture->presenter), "scale-factor");
  check_pulse_covers (fixture->presenter, "hamstrings", "right");

  sm_body_map_clear_selection (map);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->presenter));
  g_assert_cmpint (gtk_widget_get_width (pulse) * gtk_widget_get_height (pulse), ==, 0);
  set_animations (TRUE);
}

/* The selected muscle is always labelled, and first. */
static void
test_labels (Fixture       *fixture,
             gconstpointer  data)
{
  SmBodyMap *map = sm_presenter_get_map (fixture->presenter);
  g_autoptr(GPtrArray) labels = NULL;

  frame (fixture, "back");
  sm_body_map_select_zone (map, "sacral-border", "left");
  gtk_test_widget_wait_for_draw (sm_test_find (fixture->presenter, "marks"));
  labels = sm_presenter_dup_label_texts (fixture->presenter);

  g_assert_cmpuint (labels->len, >=, 3);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, "Sacral border");
  for (guint i = 1; i < labels->len; i++)
    g_assert_cmpstr (g_ptr_array_index (labels, i), !=, "Sacral border");
}

static void
test_pick_monitor (void)
{
  const GdkRectangle one[] = { { 0, 0, 1920, 1080 } };
  const GdkRectangle two[] = { { 0, 0, 1920, 1080 }, { 1920, 0, 1280, 720 } };
  const GdkRectangle three[] = { { 0, 0, 1280, 800 }, { 1280, 0, 1280, 720 }, { 2560, 0, 3840, 2160 } };

  g_assert_cmpint (sm_presenter_pick_monitor (NULL, 0, -1), ==, -1);
  g_assert_cmpint (sm_presenter_pick_monitor (one, 1, 0), ==, -1);
  g_assert_cmpint (sm_presenter_pick_monitor (one, 1, -1), ==, -1);
  g_assert_cmpint (sm_presenter_pick_monitor (two, 2, 0), ==, 1);
  g_assert_cmpint (sm_presenter_pick_monitor (two, 2, 1), ==, 0);
  g_assert_cmpint (sm_presenter_pick_monitor (two, 2, -1), ==, 1);
  g_assert_cmpint (sm_presenter_pick_monitor (three, 3, 0), ==, 2);
  g_assert_cmpint (sm_presenter_pick_monitor (three, 3, 2), ==, 0);
  g_assert_cmpint (sm_presenter_pick_monitor (three, 3, 7), ==, 2);
}

/* Xvfb has one monitor: no other screen to offer. */
static void
test_single_monitor (Fixture       *fixture,
                     gconstpointer  data)
{
  g_assert_cmpuint (g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ())), ==, 1);
  g_assert_null (sm_presenter_find_other_monitor (fixture->window));
}

/* The presenter window for another screen shows what the window's map
 * shows, and its leave button closes it. With one monitor in Xvfb, the
 * only monitor stands in for the other one. */
static void
test_presenter_window (void)
{
  g_autoptr(GtkWidget) map = g_object_ref_sink (sm_body_map_new ());
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GtkWindow *window;
  SmPresenter *presenter;

  sm_body_map_select_zone (SM_BODY_MAP (map), "gluteus-medius", "left");
  window = sm_presenter_window_new (NULL, SM_BODY_MAP (map), NULL, monitor);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  presenter = SM_PRESENTER (gtk_window_get_child (window));
  sm_test_wait_mapped (GTK_WIDGET (presenter));

  g_assert_cmpstr (sm_body_map_get_selected_zone (sm_presenter_get_map (presenter)), ==, "gluteus-medius");
  g_assert_cmpstr (sm_presenter_get_caption_title (presenter), ==, "Gluteus medius, left side");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.leave", NULL));
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/presenter/pick-monitor", test_pick_monitor);
  g_test_add ("/sm/presenter/single-monitor", Fixture, NULL, fixture_set_up, test_single_monitor, fixture_tear_down);
  g_test_add ("/sm/presenter/framed-first-frame", Fixture, NULL, fixture_set_up, test_framed_first_frame, fixture_tear_down);
  g_test_add ("/sm/presenter/reframed-on-resize", Fixture, NULL, fixture_set_up, test_reframed_on_resize, fixture_tear_down);
  g_test_add ("/sm/presenter/targets", Fixture, NULL, fixture_set_up, test_targets, fixture_tear_down);
  g_test_add ("/sm/presenter/steps", Fixture, NULL, fixture_set_up, test_steps, fixture_tear_down);
  g_test_add ("/sm/presenter/step-tools", Fixture, NULL, fixture_set_up, test_step_tools, fixture_tear_down);
  g_test_add ("/sm/presenter/pulse", Fixture, NULL, fixture_set_up, test_pulse, fixture_tear_down);
  g_test_add ("/sm/presenter/pulse-box", Fixture, NULL, fixture_set_up, test_pulse_box, fixture_tear_down);
  g_test_add ("/sm/presenter/labels", Fixture, NULL, fixture_set_up, test_labels, fixture_tear_down);
  g_test_add_func ("/sm/presenter/present", test_present);
  g_test_add_func ("/sm/presenter/presenter-window", test_presenter_window);

  return g_test_run ();
}
