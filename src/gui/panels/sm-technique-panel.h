/* sm-technique-panel.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_TECHNIQUE_PANEL (sm_technique_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmTechniquePanel, sm_technique_panel, SM, TECHNIQUE_PANEL, GtkWidget)

GtkWidget  *sm_technique_panel_new           (void);
void        sm_technique_panel_set_technique (SmTechniquePanel *self,
                                              const char       *technique_id);
const char *sm_technique_panel_get_technique (SmTechniquePanel *self);

G_END_DECLS
