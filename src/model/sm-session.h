/* sm-session.h: a guided session, a list of steps run on a timer (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-atlas.h"
#include "sm-session-step.h"
#include "sm-timer.h"

G_BEGIN_DECLS

typedef enum {
  SM_SESSION_PHASE_IDLE,
  SM_SESSION_PHASE_HOLD,
  SM_SESSION_PHASE_OTHER_SIDE,
  SM_SESSION_PHASE_REST,
  SM_SESSION_PHASE_FINISHED,
} SmSessionPhase;

#define SM_TYPE_SESSION_PHASE (sm_session_phase_get_type ())
GType sm_session_phase_get_type (void) G_GNUC_CONST;

#define SM_TYPE_SESSION (sm_session_get_type ())

G_DECLARE_FINAL_TYPE (SmSession, sm_session, SM, SESSION, GObject)

SmSession      *sm_session_new                (const char     *id,
                                               const char     *title,
                                               GPtrArray      *steps);

const char     *sm_session_get_id             (SmSession      *self);
const char     *sm_session_get_title          (SmSession      *self);
guint           sm_session_get_n_steps        (SmSession      *self);
SmSessionStep  *sm_session_get_step           (SmSession      *self,
                                               guint           position);
SmSessionStep  *sm_session_get_current_step   (SmSession      *self);
guint           sm_session_get_position       (SmSession      *self);
SmSessionPhase  sm_session_get_phase          (SmSession      *self);
const char     *sm_session_get_current_side   (SmSession      *self);
gboolean        sm_session_get_switch_sides   (SmSession      *self);
void            sm_session_set_switch_sides   (SmSession      *self,
                                               gboolean        switch_sides);

void            sm_session_start              (SmSession      *self,
                                               SmTimer        *timer);
void            sm_session_next               (SmSession      *self);
void            sm_session_previous           (SmSession      *self);
void            sm_session_stop               (SmSession      *self);
void            sm_session_repeat             (SmSession      *self);
gboolean        sm_session_is_running         (SmSession      *self);

guint           sm_session_get_n_parts        (SmSession      *self);
guint           sm_session_get_part           (SmSession      *self);
guint           sm_session_get_n_holds        (SmSession      *self);
guint           sm_session_get_completed      (SmSession      *self);
guint           sm_session_get_held_seconds   (SmSession      *self);
guint           sm_session_get_rested_seconds (SmSession      *self);
guint           sm_session_get_elapsed        (SmSession      *self);
char           *sm_session_format_progress    (SmSession      *self);
char           *sm_session_format_summary     (SmSession      *self);
char           *sm_session_format_time_summary (SmSession     *self);

G_END_DECLS
