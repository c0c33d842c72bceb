/* sm-window-geometry.h: where presenter mode puts windows, and back
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-body-map.h"
#include "sm-routine.h"

G_BEGIN_DECLS

/* What presenter mode changes in the main window and gives back on the way
 * out. The map's own state (view, layer, side, overlays, selection) is not
 * here: presenter mode draws its own map and leaves the window's alone. */
typedef struct
{
  gboolean fullscreen;
  gboolean maximized;
  int      width;
  int      height;
  int      pane_position;
} SmWindowGeometry;

void        sm_window_geometry_save     (SmWindowGeometry       *geometry,
                                         GtkWindow              *window,
                                         GtkPaned               *paned);
void        sm_window_geometry_restore  (const SmWindowGeometry *geometry,
                                         GtkWindow              *window,
                                         GtkPaned               *paned);

/* The monitor to present on while the therapist keeps the window on
 * @window_monitor: the biggest of the others (the first of equals), or -1
 * when there is no other. @window_monitor may be -1 (not known yet): the
 * window then counts as being on the first monitor. */
int         sm_presenter_pick_monitor   (const GdkRectangle     *monitors,
                                         guint                   n_monitors,
                                         int                     window_monitor);

/* The position of the monitor @window is on in @monitors, or -1. */
int         sm_window_monitor_index     (GtkWindow              *window,
                                         GListModel             *monitors);

/* The name a person knows a screen by: "MAKE MODEL (CONNECTOR)", as much
 * of it as GDK knows, or "Screen N" (@position counts from 0). */
char       *sm_monitor_format_name      (const char             *manufacturer,
                                         const char             *model,
                                         const char             *connector,
                                         guint                   position);
char       *sm_monitor_dup_name         (GdkMonitor             *monitor);

/* Where F11 offers to present: "In This Window" (win.present-on(-1)) and
 * each monitor of @monitors but @home (win.present-on(i), its position). */
GMenuModel *sm_presenter_monitor_menu_new (GListModel           *monitors,
                                           GdkMonitor           *home);

/* (transfer none) (nullable) the monitor sm_presenter_pick_monitor chooses
 * among @window's display's monitors. */
GdkMonitor *sm_presenter_find_other_monitor (GtkWindow          *window);

/* A full-screen presenter window on @monitor showing what @map shows,
 * stepping through @routine (nullable).
 * Escape (or its leave button) closes it. */
GtkWindow  *sm_presenter_window_new     (GtkApplication         *application,
                                         SmBodyMap              *map,
                                         SmRoutine              *routine,
                                         GdkMonitor             *monitor);

G_END_DECLS
