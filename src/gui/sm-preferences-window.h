/* sm-preferences-window.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_PREFERENCES_WINDOW (sm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, SM, PREFERENCES_WINDOW, GtkWindow)

SmPreferencesWindow *sm_preferences_window_new (GtkWindow *parent);

G_END_DECLS
