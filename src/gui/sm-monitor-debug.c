/* sm-monitor-debug.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-monitor-debug"

#include "config.h"

#include <glib-unix.h>
#include <signal.h>

#include "sm-monitor-debug.h"

#define ROLE_KEY   "sm-monitor-debug-role"
#define REPORT_KEY "sm-monitor-debug-report"

/* --- Reports ------------------------------------------------------------- */

static void
print_report (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = NULL;
  GdkRectangle area = { 0, };
  const char *connector = NULL;

  if (surface == NULL)
    return;
  monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  if (monitor != NULL)
    {
      gdk_monitor_get_geometry (monitor, &area);
      connector = gdk_monitor_get_connector (monitor);
    }
  g_printerr ("sm-monitors: %s monitor=%s %d,%d %dx%d window=%dx%d fullscreen=%d\n",
              (const char *) g_object_get_data (G_OBJECT (window), ROLE_KEY),
              connector != NULL ? connector : "none", area.x, area.y, area.width, area.height,
              gdk_surface_get_width (surface), gdk_surface_get_height (surface),
              gtk_window_is_fullscreen (window));
}

static gboolean
report_in_idle (gpointer data)
{
  GtkWindow *window = data;

  g_object_set_data (G_OBJECT (window), REPORT_KEY, NULL);
  print_report (window);
  return G_SOURCE_REMOVE;
}

/* One line per main-loop turn, however many things changed in it. */
static void
schedule_report (GtkWindow *window)
{
  guint id;

  if (g_object_get_data (G_OBJECT (window), REPORT_KEY) != NULL)
    return;
  id = g_idle_add_full (G_PRIORITY_LOW, report_in_idle, g_object_ref (window), g_object_unref);
  g_object_set_data (G_OBJECT (window), REPORT_KEY, GUINT_TO_POINTER (id));
}

static void
on_window_realize (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  g_signal_connect_object (surface, "enter-monitor", G_CALLBACK (schedule_report), window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (surface, "leave-monitor", G_CALLBACK (schedule_report), window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (surface, "notify::width", G_CALLBACK (schedule_report), window,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (surface, "notify::height", G_CALLBACK (schedule_report), window,
                           G_CONNECT_SWAPPED);
  schedule_report (window);
}

/* --- Pictures ------------------------------------------------------------ */

static void
save_picture (GtkWindow  *window,
              const char *folder)
{
  const char *role = g_object_get_data (G_OBJECT (window), ROLE_KEY);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  if (renderer == NULL || width <= 0 || height <= 0)
    return;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_strdup_printf ("%s/%s.png", folder, role);
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("sm-monitors: could not write %s\n", path);
  else
    g_printerr ("sm-monitors: %s picture=%s\n", role, path);
}

static gboolean
on_sigusr1 (gpointer data)
{
  const char *folder = g_getenv ("SM_DEBUG_MONITORS");
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (g_object_get_data (l->data, ROLE_KEY) != NULL && gtk_widget_get_mapped (l->data))
      save_picture (l->data, folder);
  return G_SOURCE_CONTINUE;
}

/* --- Watching ------------------------------------------------------------ */

void
sm_monitor_debug_watch (GtkWindow  *window,
                        const char *role)
{
  static gsize pictures = 0;
  const char *value = g_getenv ("SM_DEBUG_MONITORS");

  g_return_if_fail (GTK_IS_WINDOW (window));

  if (value == NULL || *value == '\0')
    return;
  if (g_once_init_enter (&pictures))
    g_once_init_leave (&pictures, g_file_test (value, G_FILE_TEST_IS_DIR)
                                  ? g_unix_signal_add (SIGUSR1, on_sigusr1, NULL) : 1);

  g_object_set_data_full (G_OBJECT (window), ROLE_KEY, g_strdup (role), g_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
  g_signal_connect (window, "notify::fullscreened", G_CALLBACK (schedule_report), NULL);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize (window);
}
