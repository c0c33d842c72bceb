/* sm-monitor-debug.h: where the app's windows are, for tests on a real
 * compositor
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* With SM_DEBUG_MONITORS set, @window reports on stderr, whenever its
 * monitor, size or full-screen state changes, one line:
 *
 *   sm-monitors: ROLE monitor=CONNECTOR X,Y WxH window=WxH fullscreen=0|1
 *
 * (the monitor from gdk_display_get_monitor_at_surface () and its
 * geometry). On Wayland a client cannot learn where its window is on the
 * screen, and AT-SPI gives no screen coordinates there: only the
 * monitor it is on and its size, which is what this reports. When
 * SM_DEBUG_MONITORS names a folder, SIGUSR1 makes every window reporting
 * write FOLDER/ROLE.png, a picture of itself drawn by its own renderer
 * (headless mutter has no screenshot service). Without the variable this
 * does nothing. */
void sm_monitor_debug_watch (GtkWindow  *window,
                             const char *role);

G_END_DECLS
