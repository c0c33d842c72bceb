/* sm-stretch-panel.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_STRETCH_PANEL (sm_stretch_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmStretchPanel, sm_stretch_panel, SM, STRETCH_PANEL, GtkWidget)

GtkWidget  *sm_stretch_panel_new (void);
void        sm_stretch_panel_set_stretch (SmStretchPanel *self,
                                          const char     *stretch_id);
const char *sm_stretch_panel_get_stretch (SmStretchPanel *self);

G_END_DECLS
