/* sm-presenter-console.h: the therapist's side of presenting on another
 * screen
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-presenter.h"

G_BEGIN_DECLS

#define SM_TYPE_PRESENTER_CONSOLE (sm_presenter_console_get_type ())

G_DECLARE_FINAL_TYPE (SmPresenterConsole, sm_presenter_console, SM, PRESENTER_CONSOLE, GtkWidget)

/* A side-pane page that follows a presenter shown on another screen: the
 * screen's name, the current and the next step, the routine's notes, and
 * buttons (and Page Up/Down) that step the presenter or stop it.
 * Actions: console.previous, console.next, console.stop (the presenter's
 * presenter.leave). */

GtkWidget  *sm_presenter_console_new              (void);
void        sm_presenter_console_set_presenter    (SmPresenterConsole *self,
                                                   SmPresenter        *presenter,
                                                   const char         *monitor_name);
SmPresenter *sm_presenter_console_get_presenter   (SmPresenterConsole *self);
const char *sm_presenter_console_get_now_text     (SmPresenterConsole *self);
const char *sm_presenter_console_get_next_text    (SmPresenterConsole *self);
void        sm_presenter_console_focus            (SmPresenterConsole *self);

G_END_DECLS
