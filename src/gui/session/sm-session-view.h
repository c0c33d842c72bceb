/* sm-session-view.h: a guided session full screen, readable across the
 * room.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-session.h"

G_BEGIN_DECLS

#define SM_TYPE_SESSION_VIEW (sm_session_view_get_type ())

G_DECLARE_FINAL_TYPE (SmSessionView, sm_session_view, SM, SESSION_VIEW, GtkWidget)

GtkWidget *sm_session_view_new         (void);
void       sm_session_view_set_session (SmSessionView *self,
                                        SmSession     *session,
                                        SmTimer       *timer);
void       sm_session_view_focus       (SmSessionView *self);

G_END_DECLS
