/* test-settings.c: window state survives a close and reopen.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-test-utils.h"
#include "sm-window.h"

static void
test_size_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SmWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);

  window = sm_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  sm_test_destroy_window (window);
}

static void
test_size_saved_on_unmap (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SmWindow *window = sm_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  sm_test_wait_mapped (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 812, 533);
  sm_test_destroy_window (window);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 533);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = sm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  sm_test_wait_mapped (GTK_WIDGET (window));
  gtk_widget_set_size_request (GTK_WIDGET (window), -1, -1);
  sm_test_destroy_window (window);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 812);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/settings/size-restored", test_size_restored);
  g_test_add_func ("/sm/settings/size-saved-on-unmap", test_size_saved_on_unmap);

  return g_test_run ();
}
