/* test-timer-bar.c: the hold timer bar in the real window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-atlas.h"
#include "sm-body-map.h"
#include "sm-hold-popover.h"
#include "sm-preferences-window.h"
#include "sm-test-utils.h"
#include "sm-timer-bar.h"
#include "sm-window.h"

typedef struct {
  GSettings  *settings;
  SmWindow   *window;
  SmTimerBar *bar;
  SmTimer    *timer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->settings = g_settings_new (APP_ID);
  g_settings_set_boolean (f->settings, "get-ready", FALSE);
  g_settings_set_boolean (f->settings, "switch-sides", FALSE);
  g_settings_set_uint (f->settings, "default-hold", 30);

  f->window = sm_window_new (NULL);
  /* Never shown: test-body-map clicks through real X events, and a
   * window of ours lingering over its window would take the click. */
  f->bar = sm_test_find (f->window, "timer_bar");
  f->timer = sm_timer_bar_get_timer (f->bar);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  sm_test_destroy_window (f->window);
  g_clear_object (&f->settings);
}

static void
start_timer (Fixture    *f,
             const char *zone,
             const char *side,
             guint       seconds)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.start-timer",
                                             "(ssu)", zone, side, seconds));
}

static SmTimerState
state (Fixture *f)
{
  return sm_timer_get_state (f->timer);
}

static const char *
label_text (Fixture    *f,
            const char *id)
{
  return gtk_label_get_label (sm_test_find (f->window, id));
}

/* "Start timer" on a zone panel: the bar runs that zone's hold, names the
 * zone, and the header bar shows that a timer runs. */
static void
test_start_timer (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *indicator = sm_test_find (f->window, "timer_indicator");

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->bar)));
  g_assert_true (gtk_widget_get_visible (sm_test_find (f->window, "timer_slot")));
  g_assert_false (gtk_widget_get_visible (indicator));

  start_timer (f, "piriformis", "left", 45);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 45);
  g_assert_cmpstr (sm_timer_bar_get_zone (f->bar), ==, "piriformis");
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Piriformis, left side");
  g_assert_cmpstr (label_text (f, "countdown_label"), ==, "0:45");

  g_assert_true (gtk_widget_get_visible (indicator));
  g_assert_cmpstr (label_text (f, "timer_indicator_label"), ==, "0:45");
  g_assert_true (gtk_widget_is_ancestor (indicator, gtk_window_get_titlebar (GTK_WINDOW (f->window))));

  /* 0 seconds means the zone's own hold from the content… */
  g_settings_set_uint (f->settings, "default-hold", 45);
  start_timer (f, "gluteus-maximus", "right", 0);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==,
                    sm_zone_get_hold_seconds (sm_atlas_lookup_zone (sm_atlas_get_default (),
                                                                    "gluteus-maximus")));
  g_assert_cmpuint (sm_timer_get_duration (f->timer), !=, 45);
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Gluteus maximus, right side");

  /* …or, for a zone the content does not know, the default hold. */
  start_timer (f, "no-such-zone", "left", 0);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 45);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-reset", NULL);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_IDLE);
  g_assert_false (gtk_widget_get_visible (indicator));
}

/* The real path: "Start timer" on the muscle's panel in the side pane. */
static void
test_zone_panel_button (Fixture       *f,
                        gconstpointer  data)
{
  SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), "gluteus-medius");
  GtkWidget *button;

  sm_window_show_zone (f->window, "gluteus-medius", NULL, "right");
  button = sm_test_find (gtk_stack_get_child_by_name (sm_test_find (f->window, "panel_stack"), "zone"),
                         "timer_button");
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, sm_zone_get_hold_seconds (zone));
  g_assert_cmpstr (sm_timer_bar_get_zone (f->bar), ==, "gluteus-medius");
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Gluteus medius, right side");
  g_assert_true (gtk_widget_get_visible (sm_test_find (f->window, "timer_indicator")));
}

static void
test_get_ready (Fixture       *f,
                gconstpointer  data)
{
  g_settings_set_boolean (f->settings, "get-ready", TRUE);
  start_timer (f, "gluteus-medius", "right", 30);

  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_GET_READY);
  g_assert_cmpstr (label_text (f, "state_label"), ==, "Get ready");
  g_assert_cmpstr (label_text (f, "countdown_label"), ==, "0:03");
}

/* Space goes through the window's shortcut, which leaves text fields
 * alone; R resets. */
static void
test_space_toggles (Fixture       *f,
                    gconstpointer  data)
{
  GtkSearchBar *search_bar = sm_test_find (f->window, "search_bar");
  GtkWidget *entry = sm_test_find (f->window, "search_entry");

  start_timer (f, "piriformis", "right", 60);
  g_assert_true (sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space));
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_PAUSED);
  g_assert_cmpstr (gtk_button_get_label (sm_test_find (f->window, "start_button")), ==, "Resume");

  g_assert_true (sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space));
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpstr (gtk_button_get_label (sm_test_find (f->window, "start_button")), ==, "Pause");

  /* Typing a space into the search entry must not pause the hold. */
  gtk_search_bar_set_search_mode (search_bar, TRUE);
  g_assert_true (gtk_widget_grab_focus (entry));
  sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space);
  sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_r);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);

  gtk_search_bar_set_search_mode (search_bar, FALSE);
  gtk_widget_grab_focus (sm_test_find (f->window, "back_button"));
  g_assert_true (sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_r));
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_IDLE);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 60);

  /* Space presses a focused button (GtkWindow's activate-focus), and
   * leaves the timer alone. */
  sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_IDLE);

  /* From idle, with nothing that takes Space focused, Space starts the
   * hold again. */
  gtk_root_set_focus (GTK_ROOT (f->window), NULL);
  g_assert_true (sm_test_press_key (GTK_WIDGET (f->window), GDK_KEY_space));
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
}

static void
test_presets (Fixture       *f,
              gconstpointer  data)
{
  GtkMenuButton *hold = sm_test_find (f->window, "hold_button");
  g_autoptr(GtkWidget) popover = NULL;
  GtkSpinButton *spin;

  /* The bar makes its popover when it first opens (the window here is
   * never shown; test-a11y-audit opens it in the real app), with the hold
   * set before. */
  g_assert_null (gtk_menu_button_get_popover (hold));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->bar), "timer.preset", "u", 90));
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 90);
  popover = g_object_ref_sink (sm_hold_popover_new (f->timer));
  spin = sm_test_find (popover, "custom_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 90);
  g_assert_cmpstr (gtk_menu_button_get_label (hold), ==, "90 s");
  g_assert_cmpstr (label_text (f, "countdown_label"), ==, "1:30");

  /* The custom value sets the hold too. */
  gtk_spin_button_set_value (spin, 75);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 75);

  /* While a hold runs its length cannot change under it. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (hold)));
  gtk_widget_activate_action (GTK_WIDGET (f->bar), "timer.preset", "u", 10);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 75);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
}

static gboolean
is_finished (gpointer data)
{
  return sm_timer_get_state (data) == SM_TIMER_STATE_FINISHED;
}

static gboolean
flashes (GtkWidget *bar)
{
  return gtk_widget_has_css_class (bar, "flash") || gtk_widget_has_css_class (bar, "flash-static");
}

/* The end of a hold flashes the bar; with switch sides the same hold
 * then runs on the other side, and the window follows that side. */
static void
test_end_of_hold (Fixture       *f,
                  gconstpointer  data)
{
  g_settings_set_boolean (f->settings, "switch-sides", TRUE);
  g_settings_set_boolean (f->settings, "timer-sound", FALSE);
  sm_window_set_side (f->window, "left");

  start_timer (f, "piriformis", "left", 1);
  g_assert_false (flashes (GTK_WIDGET (f->bar)));
  g_assert_true (sm_test_wait_for ((SmTestCondition) flashes, f->bar, 5000));

  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpstr (sm_timer_bar_get_side (f->bar), ==, "right");
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Piriformis, right side");
  g_assert_cmpstr (sm_window_get_side (f->window), ==, "right");

  /* The other side runs once; then the timer stays finished. */
  g_assert_true (sm_test_wait_for (is_finished, f->timer, 5000));
  g_assert_cmpstr (sm_timer_bar_get_side (f->bar), ==, "right");
  g_assert_true (flashes (GTK_WIDGET (f->bar)));
  g_assert_false (gtk_widget_get_visible (sm_test_find (f->window, "timer_indicator")));
}

static gboolean
map_selection_cleared (gpointer map)
{
  return sm_body_map_get_selected_zone (map) == NULL;
}

static gboolean
map_shows_piriformis (gpointer map)
{
  return g_strcmp0 (sm_body_map_get_selected_zone (map), "piriformis") == 0;
}

/* The selected zone on the map blinks with the bar, then stays selected. */
static void
test_zone_flash (Fixture       *f,
                 gconstpointer  data)
{
  SmBodyMap *map = sm_test_find (f->window, "body_map");

  g_settings_set_boolean (f->settings, "timer-sound", FALSE);
  g_assert_true (sm_body_map_select_zone (map, "piriformis", "left"));
  start_timer (f, "piriformis", "left", 1);

  g_assert_true (sm_test_wait_for (map_selection_cleared, map, 5000));
  g_assert_true (flashes (GTK_WIDGET (f->bar)));
  g_assert_true (sm_test_wait_for (map_shows_piriformis, map, 5000));
  g_assert_true (sm_test_wait_for (map_selection_cleared, map, 5000));
  g_assert_true (sm_test_wait_for (map_shows_piriformis, map, 5000));
  g_assert_cmpstr (sm_body_map_get_selected_side (map), ==, "left");
}

/* A run keeps going while the person looks at another muscle. */
static void
test_keeps_running (Fixture       *f,
                    gconstpointer  data)
{
  start_timer (f, "piriformis", "left", 30);
  sm_window_show_zone (f->window, "calf", "Calf", "right");

  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpstr (sm_timer_bar_get_zone (f->bar), ==, "piriformis");

  /* Once idle, showing a zone offers its hold. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-reset", NULL);
  sm_window_show_zone (f->window, "calf", "Calf", "right");
  g_assert_cmpstr (sm_timer_bar_get_zone (f->bar), ==, "calf");
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Calf, right side");
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==,
                    sm_zone_get_hold_seconds (sm_atlas_lookup_zone (sm_atlas_get_default (), "calf")));
}

/* The Default Hold preference applies at once to the plain timer (no
 * muscle open); a muscle keeps its own hold, and a run its length. After
 * a muscle, the start page gives the plain timer back. */
static void
test_default_hold (Fixture       *f,
                   gconstpointer  data)
{
  SmZone *calf = sm_atlas_lookup_zone (sm_atlas_get_default (), "calf");

  g_settings_set_uint (f->settings, "default-hold", 75);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 75);
  g_assert_cmpstr (label_text (f, "countdown_label"), ==, "1:15");

  sm_window_show_zone (f->window, "calf", "Calf", "left");
  g_settings_set_uint (f->settings, "default-hold", 50);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, sm_zone_get_hold_seconds (calf));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.go-back", NULL));
  g_assert_cmpstr (sm_timer_bar_get_subject (f->bar), ==, "Hold timer");
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 50);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.timer-toggle", NULL);
  g_settings_set_uint (f->settings, "default-hold", 90);
  g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 50);
  g_assert_cmpint (state (f), ==, SM_TIMER_STATE_RUNNING);
}

static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SmPreferencesWindow *prefs = sm_preferences_window_new (NULL);
  GtkSpinButton *hold = sm_test_find (prefs, "default_hold_spin");
  GtkSwitch *get_ready = sm_test_find (prefs, "get_ready_switch");

  g_settings_set_uint (settings, "default-hold", 45);
  g_assert_cmpfloat (gtk_spin_button_get_value (hold), ==, 45);
  gtk_spin_button_set_value (hold, 90);
  g_assert_cmpuint (g_settings_get_uint (settings, "default-hold"), ==, 90);

  gtk_switch_set_active (get_ready, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "get-ready"));
  gtk_switch_set_active (sm_test_find (prefs, "switch_sides_switch"), TRUE);
  g_assert_true (g_settings_get_boolean (settings, "switch-sides"));
  gtk_switch_set_active (sm_test_find (prefs, "timer_sound_switch"), FALSE);
  g_assert_false (g_settings_get_boolean (settings, "timer-sound"));

  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

#define ADD(path, func) \
  g_test_add ("/sm/timer-bar/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start-timer", test_start_timer);
  ADD ("zone-panel-button", test_zone_panel_button);
  ADD ("get-ready", test_get_ready);
  ADD ("space-toggles", test_space_toggles);
  ADD ("presets", test_presets);
  ADD ("end-of-hold", test_end_of_hold);
  ADD ("zone-flash", test_zone_flash);
  ADD ("keeps-running", test_keeps_running);
  ADD ("default-hold", test_default_hold);
#undef ADD
  g_test_add_func ("/sm/timer-bar/preferences", test_preferences);

  return g_test_run ();
}
