/* sm-window-geometry.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-geometry"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-presenter.h"
#include "sm-window-geometry.h"

void
sm_window_geometry_save (SmWindowGeometry *geometry,
                         GtkWindow        *window,
                         GtkPaned         *paned)
{
  geometry->fullscreen = gtk_window_is_fullscreen (window);
  geometry->maximized = gtk_window_is_maximized (window);
  gtk_window_get_default_size (window, &geometry->width, &geometry->height);
  geometry->pane_position = gtk_paned_get_position (paned);
}

/* The window manager may have resized the window while it was full screen,
 * and GTK can take that size for the default: put the saved one back. */
void
sm_window_geometry_restore (const SmWindowGeometry *geometry,
                            GtkWindow              *window,
                            GtkPaned               *paned)
{
  if (!geometry->fullscreen)
    gtk_window_unfullscreen (window);
  if (geometry->maximized)
    gtk_window_maximize (window);
  else
    gtk_window_set_default_size (window, geometry->width, geometry->height);
  gtk_paned_set_position (paned, geometry->pane_position);
}

int
sm_presenter_pick_monitor (const GdkRectangle *monitors,
                           guint               n_monitors,
                           int                 window_monitor)
{
  int home = window_monitor >= 0 && (guint) window_monitor < n_monitors ? window_monitor : 0;
  int best = -1;
  gint64 best_area = -1;

  for (guint i = 0; i < n_monitors; i++)
    {
      gint64 area = (gint64) monitors[i].width * monitors[i].height;

      if ((int) i != home && area > best_area)
        {
          best = (int) i;
          best_area = area;
        }
    }

  return best;
}

static int
window_monitor_index (GtkWindow  *window,
                      GListModel *monitors)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *home;

  if (surface == NULL)
    return -1;

  home = gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)), surface);
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor == home)
        return (int) i;
    }

  return -1;
}

GdkMonitor *
sm_presenter_find_other_monitor (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  guint n = g_list_model_get_n_items (monitors);
  g_autofree GdkRectangle *geometries = g_new0 (GdkRectangle, MAX (n, 1));
  g_autoptr(GdkMonitor) chosen = NULL;
  int pick;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      gdk_monitor_get_geometry (monitor, &geometries[i]);
    }

  pick = sm_presenter_pick_monitor (geometries, n, window_monitor_index (window, monitors));
  if (pick < 0)
    return NULL;

  /* The display's list holds a reference for as long as the monitor exists. */
  chosen = g_list_model_get_item (monitors, pick);
  return chosen;
}

GtkWindow *
sm_presenter_window_new (GtkApplication *application,
                         SmBodyMap      *map,
                         SmRoutine      *routine,
                         GdkMonitor     *monitor)
{
  GtkWindow *window = g_object_new (GTK_TYPE_WINDOW,
                                    "application", application,
                                    "title", _("Sciatica Map Presenter"),
                                    NULL);
  GtkWidget *presenter = sm_presenter_new ();

  gtk_window_set_child (window, presenter);
  sm_presenter_copy_map (SM_PRESENTER (presenter), map);
  sm_presenter_set_routine (SM_PRESENTER (presenter), routine);
  g_signal_connect_object (presenter, "leave", G_CALLBACK (gtk_window_destroy), window,
                           G_CONNECT_SWAPPED);
  gtk_window_fullscreen_on_monitor (window, monitor);
  gtk_window_present (window);
  gtk_widget_grab_focus (presenter);
  return window;
}
