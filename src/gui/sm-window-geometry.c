/* sm-window-geometry.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window-geometry"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-monitor-debug.h"
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

int
sm_window_monitor_index (GtkWindow  *window,
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

  pick = sm_presenter_pick_monitor (geometries, n, sm_window_monitor_index (window, monitors));
  if (pick < 0)
    return NULL;

  /* The display's list holds a reference for as long as the monitor exists. */
  chosen = g_list_model_get_item (monitors, pick);
  return chosen;
}

char *
sm_monitor_format_name (const char *manufacturer,
                        const char *model,
                        const char *connector,
                        guint       position)
{
  g_autofree char *make = NULL;

  if (model != NULL && *model != '\0')
    make = manufacturer != NULL && *manufacturer != '\0' && !g_str_has_prefix (model, manufacturer)
           ? g_strdup_printf ("%s %s", manufacturer, model) : g_strdup (model);
  if (make != NULL && connector != NULL && *connector != '\0')
    /* Translators: a screen, e.g. “DELL U2720Q (DP-1)”: its make and model,
     * then the socket it is plugged into */
    return g_strdup_printf (_("%1$s (%2$s)"), make, connector);
  if (make != NULL)
    return g_steal_pointer (&make);
  if (connector != NULL && *connector != '\0')
    return g_strdup (connector);
  /* Translators: a screen GDK knows no name for; %u counts from 1 */
  return g_strdup_printf (_("Screen %u"), position + 1);
}

char *
sm_monitor_dup_name (GdkMonitor *monitor)
{
  GListModel *monitors = gdk_display_get_monitors (gdk_monitor_get_display (monitor));
  guint position = 0;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) item = g_list_model_get_item (monitors, i);

      if (item == monitor)
        position = i;
    }
  return sm_monitor_format_name (gdk_monitor_get_manufacturer (monitor), gdk_monitor_get_model (monitor),
                                 gdk_monitor_get_connector (monitor), position);
}

GMenuModel *
sm_presenter_monitor_menu_new (GListModel *monitors,
                               GdkMonitor *home)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("In This Window"), "win.present-on(-1)");
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *name = NULL, *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (monitor == home)
        continue;
      name = sm_monitor_dup_name (monitor);
      /* Translators: where presenter mode shows, %s is a screen's name */
      label = g_strdup_printf (_("On %s"), name);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.present-on", g_variant_new_int32 ((gint32) i));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GtkEventController *
leave_on_f11 (void)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                                                          gtk_named_action_new ("presenter.leave")));
  return controller;
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
  /* F11 in either window takes presenter mode away again. */
  gtk_widget_add_controller (presenter, leave_on_f11 ());
  sm_monitor_debug_watch (window, "presenter");
  gtk_window_fullscreen_on_monitor (window, monitor);
  gtk_window_present (window);
  gtk_widget_grab_focus (presenter);
  return window;
}
