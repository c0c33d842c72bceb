/* sm-timer-bar.h: the hold timer at the bottom of the window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-timer.h"

G_BEGIN_DECLS

#define SM_TYPE_TIMER_BAR (sm_timer_bar_get_type ())

G_DECLARE_FINAL_TYPE (SmTimerBar, sm_timer_bar, SM, TIMER_BAR, GtkWidget)

GtkWidget  *sm_timer_bar_new          (void);
SmTimer    *sm_timer_bar_get_timer    (SmTimerBar  *self);
const char *sm_timer_bar_get_zone     (SmTimerBar  *self);
const char *sm_timer_bar_get_side     (SmTimerBar  *self);
const char *sm_timer_bar_get_subject  (SmTimerBar  *self);
void        sm_timer_bar_set_zone     (SmTimerBar  *self,
                                       const char  *zone,
                                       const char  *side,
                                       const char  *title,
                                       guint        hold);
gboolean    sm_timer_bar_start_zone   (SmTimerBar  *self,
                                       const char  *zone,
                                       const char  *side,
                                       const char  *title,
                                       guint        seconds,
                                       GError     **error);
void        sm_timer_bar_set_guided   (SmTimerBar  *self,
                                       const char  *subject);
void        sm_timer_bar_flash        (SmTimerBar  *self);
void        sm_timer_bar_set_can_start (SmTimerBar *self,
                                       gboolean     can_start);
void        sm_timer_bar_clear_zone   (SmTimerBar  *self);


G_END_DECLS
