/* sm-window.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-presenter.h"
#include "sm-routine.h"
#include "sm-session.h"

G_BEGIN_DECLS

#define SM_TYPE_WINDOW (sm_window_get_type ())

G_DECLARE_FINAL_TYPE (SmWindow, sm_window, SM, WINDOW, GtkApplicationWindow)

SmWindow   *sm_window_new      (SmApplication *application);
const char *sm_window_get_view (SmWindow      *self);
void        sm_window_set_view (SmWindow      *self,
                                const char    *view);
const char *sm_window_get_side (SmWindow      *self);
void        sm_window_set_side (SmWindow      *self,
                                const char    *side);

SmRoutine  *sm_window_get_routine (SmWindow  *self);

void        sm_window_show_zone (SmWindow   *self,
                                 const char *zone_id,
                                 const char *title,
                                 const char *side);
gboolean    sm_window_get_safety_screen_visible (SmWindow *self);
void        sm_window_select_zone (SmWindow   *self,
                                   const char *zone_id,
                                   const char *side);

/* Presenter mode: the action win.present (F11) toggles it; Escape leaves. */
gboolean    sm_window_get_presenting (SmWindow   *self);
void        sm_window_set_presenting (SmWindow   *self,
                                      gboolean    presenting);
SmPresenter *sm_window_get_presenter (SmWindow   *self);
/* With a second monitor, F11 asks where (win.present-on (i): -1 here, or
 * a monitor's position); the presenter window there, while it is open. */
GtkWindow  *sm_window_get_presenter_window (SmWindow *self);

/* The pain drawing that win.mark-pain (Ctrl+M) edits over the map. */
SmPainDrawing *sm_window_get_pain_drawing (SmWindow *self);
void        sm_window_import_file (SmWindow  *self,
                                   GFile     *file);
void        sm_window_end_session_for_close (SmWindow *self);
void        sm_window_run_session (SmWindow  *self,
                                   SmSession *session);

G_END_DECLS
