/* sm-tool-panel.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_TOOL_PANEL (sm_tool_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmToolPanel, sm_tool_panel, SM, TOOL_PANEL, GtkWidget)

GtkWidget  *sm_tool_panel_new (void);
void        sm_tool_panel_set_tool (SmToolPanel *self,
                                    const char  *tool_id);
const char *sm_tool_panel_get_tool (SmToolPanel *self);

G_END_DECLS
