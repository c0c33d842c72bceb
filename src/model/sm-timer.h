/* sm-timer.h: a hold timer driven by a monotonic clock (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_TIMER_MIN_SECONDS       1
#define SM_TIMER_MAX_SECONDS       600
#define SM_TIMER_GET_READY_SECONDS 3

typedef enum {
  SM_TIMER_STATE_IDLE,
  SM_TIMER_STATE_GET_READY,
  SM_TIMER_STATE_RUNNING,
  SM_TIMER_STATE_PAUSED,
  SM_TIMER_STATE_FINISHED,
} SmTimerState;

#define SM_TYPE_TIMER_STATE (sm_timer_state_get_type ())
GType sm_timer_state_get_type (void) G_GNUC_CONST;

#define SM_TIMER_ERROR (sm_timer_error_quark ())
GQuark sm_timer_error_quark (void);

typedef enum {
  SM_TIMER_ERROR_OUT_OF_RANGE,
} SmTimerError;

/* Returns the current time in microseconds, like g_get_monotonic_time(). */
typedef gint64 (*SmTimerClockFunc) (gpointer user_data);

#define SM_TYPE_TIMER (sm_timer_get_type ())

G_DECLARE_FINAL_TYPE (SmTimer, sm_timer, SM, TIMER, GObject)

SmTimer      *sm_timer_new                   (void);
void          sm_timer_set_clock             (SmTimer          *self,
                                              SmTimerClockFunc  clock,
                                              gpointer          user_data);

SmTimerState  sm_timer_get_state             (SmTimer          *self);
gboolean      sm_timer_is_active             (SmTimer          *self);
guint         sm_timer_get_duration          (SmTimer          *self);
gboolean      sm_timer_set_duration          (SmTimer          *self,
                                              guint             seconds,
                                              GError          **error);
gboolean      sm_timer_get_get_ready         (SmTimer          *self);
void          sm_timer_set_get_ready         (SmTimer          *self,
                                              gboolean          get_ready);

gint64        sm_timer_get_remaining_us      (SmTimer          *self);
guint         sm_timer_get_display_seconds   (SmTimer          *self);
double        sm_timer_get_fraction          (SmTimer          *self);

void          sm_timer_start                 (SmTimer          *self);
void          sm_timer_start_now             (SmTimer          *self);
void          sm_timer_pause                 (SmTimer          *self);
void          sm_timer_resume                (SmTimer          *self);
void          sm_timer_toggle                (SmTimer          *self);
void          sm_timer_reset                 (SmTimer          *self);
void          sm_timer_update                (SmTimer          *self);
guint         sm_timer_add_seconds           (SmTimer          *self,
                                              guint             seconds);

gboolean      sm_validate_seconds            (guint             seconds,
                                              GError          **error);

G_END_DECLS
