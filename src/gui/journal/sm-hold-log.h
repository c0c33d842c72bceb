/* sm-hold-log.h: "Log this hold?" after a hold from a panel.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_HOLD_LOG (sm_hold_log_get_type ())

G_DECLARE_FINAL_TYPE (SmHoldLog, sm_hold_log, SM, HOLD_LOG, GtkWidget)

GtkWidget  *sm_hold_log_new         (void);
void        sm_hold_log_offer       (SmHoldLog  *self,
                                     const char *subject);
const char *sm_hold_log_get_subject (SmHoldLog  *self);
void        sm_hold_log_dismiss     (SmHoldLog  *self);

G_END_DECLS
