/* sm-cue-schedule.h: what to play and say, and when, during a hold or a
 * guided session (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-session.h"
#include "sm-timer.h"

G_BEGIN_DECLS

typedef enum {
  SM_CUE_STEP,        /* a step begins that was not announced yet */
  SM_CUE_COUNTDOWN,   /* each of the last three seconds before a hold */
  SM_CUE_START,       /* the hold itself begins */
  SM_CUE_HALFWAY,
  SM_CUE_TEN_LEFT,
  SM_CUE_SWITCH,      /* the hold ended; the same hold on the other side */
  SM_CUE_REST,        /* the hold ended; a rest, then the next step */
  SM_CUE_END,         /* the hold ended; the next step at once */
  SM_CUE_DONE,        /* the session, or a plain hold, is over */
} SmCueKind;

#define SM_TYPE_CUE_KIND (sm_cue_kind_get_type ())
GType sm_cue_kind_get_type (void) G_GNUC_CONST;

/* How a spoken cue meets the one still being spoken: an announcement is
 * queued and never cut short, a reminder replaces a reminder, and a
 * passing remark is dropped if anything else is being said. */
typedef enum {
  SM_CUE_PRIORITY_REMARK,
  SM_CUE_PRIORITY_REMINDER,
  SM_CUE_PRIORITY_ANNOUNCEMENT,
} SmCuePriority;

#define SM_TYPE_CUE_SCHEDULE (sm_cue_schedule_get_type ())

G_DECLARE_FINAL_TYPE (SmCueSchedule, sm_cue_schedule, SM, CUE_SCHEDULE, GObject)

SmCueSchedule *sm_cue_schedule_new          (SmTimer       *timer);
void           sm_cue_schedule_set_session  (SmCueSchedule *self,
                                             SmSession     *session);

SmCuePriority  sm_cue_kind_get_priority     (SmCueKind      kind);
const char    *sm_cue_kind_get_sound        (SmCueKind      kind);

char          *sm_cue_format_duration       (guint          seconds);
char          *sm_cue_format_step           (SmSession     *session,
                                             guint          position,
                                             const char    *side);

G_END_DECLS
