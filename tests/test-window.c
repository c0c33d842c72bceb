/* test-window.c: the real application opens its main window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-body-map.h"
#include "sm-pain-layer.h"
#include "sm-routine-store.h"
#include "sm-test-utils.h"
#include "sm-window.h"

static void
check_header_bar (SmWindow *window)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (window));
  GtkMenuButton *menu = sm_test_find (window, "primary_menu_button");

  g_assert_true (GTK_IS_HEADER_BAR (titlebar));
  g_assert_true (gtk_widget_is_ancestor (sm_test_find (window, "back_button"), titlebar));
  g_assert_true (gtk_widget_is_ancestor (sm_test_find (window, "front_button"), titlebar));
  g_assert_true (gtk_widget_is_ancestor (sm_test_find (window, "both_button"), titlebar));
  g_assert_true (gtk_widget_is_ancestor (sm_test_find (window, "search_button"), titlebar));
  /* The menu is made when it first opens. */
  g_assert_null (gtk_menu_button_get_menu_model (menu));
  gtk_menu_button_popup (menu);
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu))));
  gtk_menu_button_popdown (menu);
}

/* The view and side switches are actionable toggles: activating the
 * action must move the toggle, and the other way round. */
static void
check_view_switch (SmWindow *window)
{
  GtkToggleButton *back = sm_test_find (window, "back_button");
  GtkToggleButton *front = sm_test_find (window, "front_button");
  GtkToggleButton *left = sm_test_find (window, "left_button");

  g_assert_cmpstr (sm_window_get_view (window), ==, "back");
  g_assert_true (gtk_toggle_button_get_active (back));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "front");
  g_assert_cmpstr (sm_window_get_view (window), ==, "front");
  g_assert_true (gtk_toggle_button_get_active (front));
  g_assert_false (gtk_toggle_button_get_active (back));

  g_signal_emit_by_name (left, "clicked");
  g_assert_cmpstr (sm_window_get_side (window), ==, "left");
}

static void
check_welcome_page (SmWindow *window)
{
  GtkStack *stack = sm_test_find (window, "panel_stack");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "welcome");
}

/* The shortcuts window is made on first use, then kept: Ctrl+? is the
 * accelerator GTK gives it, and its search button has a name. */
static void
check_shortcuts_window (GApplication *app,
                        SmWindow     *window)
{
  GtkApplicationWindow *appwin = GTK_APPLICATION_WINDOW (window);
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "win.show-help-overlay");
  GtkShortcutsWindow *overlay;

  g_assert_cmpstr (accels[0], ==, "<Control>question");
  g_assert_null (gtk_application_window_get_help_overlay (appwin));
  g_action_group_activate_action (G_ACTION_GROUP (app), "shortcuts", NULL);
  overlay = gtk_application_window_get_help_overlay (appwin);
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  gtk_window_close (GTK_WINDOW (overlay));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (appwin) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
}

static void
on_activate (GApplication *app,
             SmWindow    **out_window)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  g_assert_nonnull (window);
  sm_test_wait_mapped (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Sciatica Map");
  check_header_bar (window);
  check_view_switch (window);
  check_welcome_page (window);
  check_shortcuts_window (app, window);

  *out_window = g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_window_opens (void)
{
  SmWindow *window = NULL;
  SmApplication *app = sm_test_run_app (G_CALLBACK (on_activate), &window);

  g_assert_nonnull (window);
  g_assert_finalize_object (window);
  g_assert_finalize_object (app);
}

static const double stroke_xy[] = { 200, 300, 220, 320, 240, 340 };

/* Mark Pain with no routine open makes no routine: the drawing is the
 * window's current one, offered to be kept in a routine, and "Keep in a
 * Routine" moves it into a new one of one's own. */
static void
test_mark_pain_without_routine (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GListModel *store = G_LIST_MODEL (sm_routine_store_get_default ());
  guint before = g_list_model_get_n_items (store);
  SmWindow *window;
  SmPainLayer *layer;
  GtkWidget *save;
  SmPainDrawing *drawing;
  SmRoutine *routine;
  gboolean marking = FALSE;

  g_settings_set_boolean (settings, "safety-acknowledged", TRUE);
  window = sm_window_new (NULL);
  layer = sm_test_find (window, "pain_layer");

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL));
      g_object_get (window, "marking-pain", &marking, NULL);
      g_assert_true (marking);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL));
    }
  save = sm_test_find (layer, "save_button");
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, before);
  g_assert_null (sm_window_get_routine (window));
  g_assert_false (gtk_widget_get_visible (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL));
  drawing = sm_pain_layer_get_drawing (layer);
  g_assert_nonnull (drawing);
  g_assert_true (drawing == sm_window_get_pain_drawing (window));
  sm_pain_layer_draw_stroke (layer, stroke_xy, 3);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, before);
  g_assert_true (gtk_widget_get_visible (save));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-pain-drawing", NULL));
  routine = sm_window_get_routine (window);
  g_assert_nonnull (routine);
  g_assert_cmpuint (g_list_model_get_n_items (store), ==, before + 1);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (routine)), ==, 1);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 0);
  g_assert_true (sm_pain_layer_get_drawing (layer) == sm_routine_get_pain_drawing (routine));
  g_assert_false (gtk_widget_get_visible (save));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")), ==, "routines");

  sm_test_destroy_window (window);
}

static gboolean
has_drawn (gpointer data)
{
  return sm_body_map_get_base_render_count (data) > 0;
}

/* A returning user's window draws the map's first picture in a worker
 * while GTK shows the window (sm-body-map-base.c): the guessed size was
 * right, so the first frame took it. On the first run the safety screen
 * hides the map, and nothing is drawn ahead. */
static void
test_map_drawn_ahead (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (int returning = 0; returning <= 1; returning++)
    {
      SmWindow *window;
      SmBodyMap *map;

      g_settings_set_boolean (settings, "safety-acknowledged", returning);
      window = sm_window_new (NULL);
      map = sm_test_find (window, "body_map");
      gtk_window_present (GTK_WINDOW (window));
      sm_test_wait_mapped (GTK_WIDGET (window));
      if (returning)
        {
          g_assert_true (sm_test_wait_for (has_drawn, map, 5000));
          g_assert_cmpuint (sm_body_map_get_predrawn_count (map), ==, 1);
          g_assert_cmpuint (sm_body_map_get_base_render_count (map), ==, 1);
        }
      else
        {
          g_assert_true (sm_window_get_safety_screen_visible (window));
          g_assert_cmpuint (sm_body_map_get_base_render_count (map), ==, 0);
        }
      sm_test_destroy_window (window);
    }
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);

  sm_test_gtk_init ();

  g_test_add_func ("/sm/window/opens", test_window_opens);
  g_test_add_func ("/sm/window/mark-pain-without-routine", test_mark_pain_without_routine);
  g_test_add_func ("/sm/window/map-drawn-ahead", test_map_drawn_ahead);

  return g_test_run ();
}
