/* sm-zone-panel.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_ZONE_PANEL (sm_zone_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmZonePanel, sm_zone_panel, SM, ZONE_PANEL, GtkWidget)

GtkWidget  *sm_zone_panel_new      (void);
void        sm_zone_panel_set_zone (SmZonePanel *self,
                                    const char  *zone_id,
                                    const char  *side);
const char *sm_zone_panel_get_zone (SmZonePanel *self);
const char *sm_zone_panel_get_side (SmZonePanel *self);

G_END_DECLS
