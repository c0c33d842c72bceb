/* sm-session-panel.h: the side-pane page of a guided session.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-journal-entry.h"
#include "sm-session.h"

G_BEGIN_DECLS

#define SM_TYPE_SESSION_PANEL (sm_session_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmSessionPanel, sm_session_panel, SM, SESSION_PANEL, GtkWidget)

GtkWidget *sm_session_panel_new         (void);
void       sm_session_panel_focus       (SmSessionPanel *self);
void       sm_session_panel_set_session (SmSessionPanel *self,
                                         SmSession      *session,
                                         SmTimer        *timer);
void       sm_session_panel_fill_entry  (SmSessionPanel *self,
                                         SmJournalEntry *entry);

G_END_DECLS
