/* test-monitors.c: presenting on another monitor without a compositor —
 * the names of screens, what F11 offers, the therapist's console, one pain
 * drawing for both windows, and presenter mode coming back into the window
 * when the other monitor goes. Xvfb has one monitor, which stands in for
 * the other one; its going away is its ::invalidate signal, which GDK
 * emits when a monitor is unplugged. (The real thing, on two monitors of
 * mutter, is test-monitors-e2e.py.)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-presenter-console.h"
#include "sm-presenter.h"
#include "sm-routines-page.h"
#include "sm-test-utils.h"
#include "sm-window-geometry.h"
#include "sm-window.h"

/* --- Names and the menu -------------------------------------------------- */

static void
test_names (void)
{
  static const struct { const char *make, *model, *connector, *name; } cases[] = {
    { "DELL", "U2720Q", "DP-1", "DELL U2720Q (DP-1)" },
    { "DELL", "DELL U2720Q", "DP-1", "DELL U2720Q (DP-1)" },
    { NULL, "U2720Q", "HDMI-A-1", "U2720Q (HDMI-A-1)" },
    { "", "U2720Q", NULL, "U2720Q" },
    { "DELL", NULL, "DP-2", "DP-2" },
    { NULL, "", "", "Screen 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = sm_monitor_format_name (cases[i].make, cases[i].model, cases[i].connector, 2);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static int
item_target (GMenuModel *menu,
             int         item)
{
  g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, item, G_MENU_ATTRIBUTE_TARGET,
                                                                       G_VARIANT_TYPE_INT32);
  g_autofree char *action = NULL;

  g_assert_true (g_menu_model_get_item_attribute (menu, item, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "win.present-on");
  g_assert_nonnull (target);
  return g_variant_get_int32 (target);
}

/* "In This Window" first, then every monitor but the window's own. */
static void
test_menu (void)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) only = g_list_model_get_item (monitors, 0);
  g_autoptr(GMenuModel) away = sm_presenter_monitor_menu_new (monitors, NULL);
  g_autoptr(GMenuModel) home = sm_presenter_monitor_menu_new (monitors, only);
  g_autofree char *label = NULL, *name = sm_monitor_dup_name (only), *expected = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (away), ==, 2);
  g_assert_cmpint (item_target (away, 0), ==, -1);
  g_assert_cmpint (item_target (away, 1), ==, 0);
  g_assert_true (g_menu_model_get_item_attribute (away, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  expected = g_strdup_printf ("On %s", name);
  g_assert_cmpstr (label, ==, expected);

  g_assert_cmpint (g_menu_model_get_n_items (home), ==, 1);
  g_assert_cmpint (item_target (home, 0), ==, -1);
}

/* --- Presenting elsewhere in the real window ----------------------------- */

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
check_console (SmWindow    *window,
               SmPresenter *far)
{
  SmPresenterConsole *console = SM_PRESENTER_CONSOLE (gtk_stack_get_visible_child (sm_test_find (window, "panel_stack")));

  g_assert_true (SM_IS_PRESENTER_CONSOLE (console));
  g_assert_true (sm_presenter_console_get_presenter (console) == far);
  /* The window's map shows the piriformis, step 2 of the routine. */
  g_assert_cmpstr (sm_presenter_console_get_now_text (console), ==, "Step 2 of 4: Piriformis, left side");
  g_assert_cmpstr (sm_presenter_console_get_next_text (console), ==, "Gluteus medius, both sides");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (console), "console.next", NULL));
  g_assert_cmpint (sm_presenter_get_step (far), ==, 2);
  g_assert_cmpstr (sm_presenter_console_get_now_text (console), ==, "Step 3 of 4: Gluteus medius, both sides");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (console), "console.next", NULL));
  g_assert_cmpstr (sm_presenter_console_get_next_text (console), ==, "This is the last step.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (console), "console.previous", NULL));
  g_assert_cmpint (sm_presenter_get_step (far), ==, 2);
}

/* Marking on the window's map shows on the other screen: one drawing. */
static void
check_one_drawing (SmWindow    *window,
                   SmPresenter *far)
{
  SmPainLayer *layer = sm_test_find (window, "pain_layer");
  SmPainLayer *far_layer = sm_presenter_get_pain_layer (far);
  double xy[] = { 200, 400, 205, 450, 210, 500 };

  gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-pain", NULL);
  g_assert_true (sm_pain_layer_get_active (far_layer));
  g_assert_true (sm_pain_layer_get_drawing (far_layer) == sm_window_get_pain_drawing (window));
  sm_pain_layer_draw_stroke (layer, xy, 3);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_pain_layer_get_drawing (far_layer)), ==, 1);
  /* And marking mode ends from either window. */
  sm_pain_layer_set_active (far_layer, FALSE);
  g_assert_false (sm_pain_layer_get_active (layer));
}

static void
check_elsewhere (GApplication *app,
                 gpointer      data)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  SmRoutinesPage *page = sm_test_routines_page (window);
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GtkWindow *far_window;
  SmPresenter *far;

  sm_test_wait_mapped (GTK_WIDGET (window));
  sm_routines_page_open (page, sm_routine_store_lookup (sm_routines_page_get_store (page), "piriformis-relief"));
  sm_window_select_zone (window, "piriformis", "left");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on", "i", 0);
  far_window = sm_window_get_presenter_window (window);
  g_assert_nonnull (far_window);
  g_assert_false (sm_window_get_presenting (window));
  far = SM_PRESENTER (gtk_window_get_child (far_window));
  g_assert_true (sm_test_wait_for (is_mapped, far, 5000));
  g_assert_cmpuint (sm_presenter_get_n_steps (far), ==, 4);
  check_console (window, far);
  check_one_drawing (window, far);

  /* The monitor goes: presenter mode comes back here, at the same step. */
  g_signal_emit_by_name (monitor, "invalidate");
  g_assert_null (sm_window_get_presenter_window (window));
  g_assert_true (sm_window_get_presenting (window));
  g_assert_cmpint (sm_presenter_get_step (sm_window_get_presenter (window)), ==, 2);
  g_assert_cmpstr (sm_presenter_get_caption_title (sm_window_get_presenter (window)), ==,
                   "Gluteus medius, both sides");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")), !=, "console");
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_window_get_pain_drawing (window)), ==, 1);

  /* From presenter mode here to the other screen, carrying the step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on", "i", 0);
  g_assert_false (sm_window_get_presenting (window));
  far = SM_PRESENTER (gtk_window_get_child (sm_window_get_presenter_window (window)));
  g_assert_cmpint (sm_presenter_get_step (far), ==, 2);

  /* Leaving there (Escape) gives the side pane back as it was (the
   * muscle's panel); nothing comes here. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (far), "presenter.leave", NULL));
  g_assert_null (sm_window_get_presenter_window (window));
  g_assert_false (sm_window_get_presenting (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")), ==, "zone");
  /* An old monitor's signal no longer does anything. */
  g_signal_emit_by_name (monitor, "invalidate");
  g_assert_false (sm_window_get_presenting (window));

  /* "In This Window" while presenting there brings it here, step and all. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on", "i", 0);
  sm_presenter_go_to_step (SM_PRESENTER (gtk_window_get_child (sm_window_get_presenter_window (window))), 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on", "i", -1);
  g_assert_null (sm_window_get_presenter_window (window));
  g_assert_true (sm_window_get_presenting (window));
  g_assert_cmpint (sm_presenter_get_step (sm_window_get_presenter (window)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_false (sm_window_get_presenting (window));

  /* "In This Window" is presenter mode as F11 gives it with one screen. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present-on", "i", -1);
  g_assert_true (sm_window_get_presenting (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_false (sm_window_get_presenting (window));

  g_application_quit (app);
}

static void
test_elsewhere (void)
{
  g_autoptr(SmApplication) app = sm_test_run_app (G_CALLBACK (check_elsewhere), NULL);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/monitors/names", test_names);
  g_test_add_func ("/sm/monitors/menu", test_menu);
  g_test_add_func ("/sm/monitors/elsewhere", test_elsewhere);

  return g_test_run ();
}
