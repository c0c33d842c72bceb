/* bench-minimal-window.c: the smallest GTK 4 application with a window,
 * the baseline bench-startup measures the app against. Like the app it is a
 * unique GtkApplication (it registers its name on the session bus) and opens
 * one GtkApplicationWindow at the app's default first-window size; inside is
 * a label and nothing else.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-minimal-window"

#include "config.h"

#include <gtk/gtk.h>

/* The defaults of the app's window-width and window-height keys. */
#define WIDTH  1100
#define HEIGHT 760

static void
activate (GtkApplication *app)
{
  GtkWidget *window = gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Minimal GTK 4 window");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), gtk_label_new ("Minimal GTK 4 window"));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = gtk_application_new (APP_ID ".BenchMinimalWindow",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
