/* sm-timer.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-timer"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-timer.h"

#define US_PER_S G_USEC_PER_SEC

/* The timer never counts ticks: it keeps the monotonic time at which the
 * current phase ends and derives everything from the clock, so a busy main
 * loop delays the display but never the end of the hold. */
struct _SmTimer
{
  GObject           parent_instance;

  SmTimerState      state;
  guint             duration;
  gboolean          get_ready;

  SmTimerClockFunc  clock;
  gpointer          clock_data;

  gint64            deadline;      /* end of the get-ready or running phase */
  gint64            paused_left;   /* phase time left when paused */
  SmTimerState      paused_from;   /* the phase to return to on resume */
  guint             shown;         /* the seconds last announced by ::tick */
  guint             source_id;
};

G_DEFINE_FINAL_TYPE (SmTimer, sm_timer, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SmTimerState, sm_timer_state,
  G_DEFINE_ENUM_VALUE (SM_TIMER_STATE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SM_TIMER_STATE_GET_READY, "get-ready"),
  G_DEFINE_ENUM_VALUE (SM_TIMER_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (SM_TIMER_STATE_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (SM_TIMER_STATE_FINISHED, "finished"))

G_DEFINE_QUARK (sm-timer-error-quark, sm_timer_error)

enum {
  PROP_0,
  PROP_STATE,
  PROP_DURATION,
  PROP_GET_READY,
  PROP_REMAINING,
  N_PROPS
};

enum {
  TICK,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (SmTimer *self);

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

SmTimer *
sm_timer_new (void)
{
  return g_object_new (SM_TYPE_TIMER, NULL);
}

/* Lets tests drive time by hand; %NULL restores the monotonic clock. */
void
sm_timer_set_clock (SmTimer          *self,
                    SmTimerClockFunc  clock,
                    gpointer          user_data)
{
  g_return_if_fail (SM_IS_TIMER (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

static gint64
now (SmTimer *self)
{
  return self->clock (self->clock_data);
}

gboolean
sm_validate_seconds (guint    seconds,
                     GError **error)
{
  if (seconds >= SM_TIMER_MIN_SECONDS && seconds <= SM_TIMER_MAX_SECONDS)
    return TRUE;

  /* Translators: the plural form follows the first number, the hold asked
   * for; the limits are 1 and 600 */
  g_set_error (error, SM_TIMER_ERROR, SM_TIMER_ERROR_OUT_OF_RANGE,
               g_dngettext (GETTEXT_PACKAGE,
                            "A hold of %1$u second is not possible: choose between %2$u and %3$u seconds",
                            "A hold of %1$u seconds is not possible: choose between %2$u and %3$u seconds",
                            seconds),
               seconds, SM_TIMER_MIN_SECONDS, SM_TIMER_MAX_SECONDS);
  return FALSE;
}

SmTimerState
sm_timer_get_state (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), SM_TIMER_STATE_IDLE);

  return self->state;
}

/* Whether a run is under way, paused or not. */
gboolean
sm_timer_is_active (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), FALSE);

  return self->state == SM_TIMER_STATE_GET_READY ||
         self->state == SM_TIMER_STATE_RUNNING ||
         self->state == SM_TIMER_STATE_PAUSED;
}

guint
sm_timer_get_duration (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), 0);

  return self->duration;
}

gboolean
sm_timer_get_get_ready (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), FALSE);

  return self->get_ready;
}

void
sm_timer_set_get_ready (SmTimer  *self,
                        gboolean  get_ready)
{
  g_return_if_fail (SM_IS_TIMER (self));

  get_ready = !!get_ready;
  if (self->get_ready == get_ready)
    return;

  self->get_ready = get_ready;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GET_READY]);
}

static gint64
phase_left (SmTimer *self)
{
  switch (self->state)
    {
    case SM_TIMER_STATE_GET_READY:
    case SM_TIMER_STATE_RUNNING:
      return MAX (0, self->deadline - now (self));
    case SM_TIMER_STATE_PAUSED:
      return self->paused_left;
    case SM_TIMER_STATE_FINISHED:
      return 0;
    case SM_TIMER_STATE_IDLE:
    default:
      return (gint64) self->duration * US_PER_S;
    }
}

static gboolean
in_get_ready (SmTimer *self)
{
  return self->state == SM_TIMER_STATE_GET_READY ||
         (self->state == SM_TIMER_STATE_PAUSED &&
          self->paused_from == SM_TIMER_STATE_GET_READY);
}

/* Time left of the hold itself; the get-ready phase does not count. */
gint64
sm_timer_get_remaining_us (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), 0);

  if (in_get_ready (self))
    return (gint64) self->duration * US_PER_S;

  return phase_left (self);
}

/* The whole seconds to show: rounded up, so "1" stays up until the very
 * end and "0" only appears when the phase is over. During get-ready this
 * counts the get-ready seconds. */
guint
sm_timer_get_display_seconds (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), 0);

  return (guint) ((phase_left (self) + US_PER_S - 1) / US_PER_S);
}

/* The share of the hold still to go, 1.0 at the start and 0.0 at the end. */
double
sm_timer_get_fraction (SmTimer *self)
{
  g_return_val_if_fail (SM_IS_TIMER (self), 0.0);

  return (double) sm_timer_get_remaining_us (self) / ((double) self->duration * US_PER_S);
}

static void
set_state (SmTimer      *self,
           SmTimerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
tick_if_changed (SmTimer *self)
{
  guint seconds = sm_timer_get_display_seconds (self);

  if (seconds == self->shown)
    return;

  self->shown = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
  g_signal_emit (self, signals[TICK], 0, seconds);
}

static void
unschedule (SmTimer *self)
{
  g_clear_handle_id (&self->source_id, g_source_remove);
}

/* Brings the state up to date with the clock and announces what changed.
 * Safe to call at any time and as often as wanted. */
void
sm_timer_update (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  if (self->state == SM_TIMER_STATE_GET_READY && now (self) >= self->deadline)
    {
      /* Chain from the old deadline, not from now, so a late wake-up
       * does not lengthen the hold. */
      self->deadline += (gint64) self->duration * US_PER_S;
      set_state (self, SM_TIMER_STATE_RUNNING);
    }

  if (self->state == SM_TIMER_STATE_RUNNING && now (self) >= self->deadline)
    {
      unschedule (self);
      set_state (self, SM_TIMER_STATE_FINISHED);
      tick_if_changed (self);
      g_signal_emit (self, signals[FINISHED], 0);
      return;
    }

  tick_if_changed (self);
  schedule (self);
}

static gboolean
on_wake_up_timeout (gpointer data)
{
  SmTimer *self = data;

  self->source_id = 0;
  sm_timer_update (self);

  return G_SOURCE_REMOVE;
}

/* Wakes up just after the displayed second changes. */
static void
schedule (SmTimer *self)
{
  gint64 left, until_change;

  unschedule (self);
  if (self->state != SM_TIMER_STATE_GET_READY && self->state != SM_TIMER_STATE_RUNNING)
    return;

  left = phase_left (self);
  until_change = left > 0 ? (left - 1) % US_PER_S + 1 : 0;
  self->source_id = g_timeout_add_full (G_PRIORITY_HIGH,
                                        (guint) ((until_change + 999) / 1000),
                                        on_wake_up_timeout, self, NULL);
}

/* Out-of-range values are refused, never clamped. A new duration ends
 * any run under way. */
gboolean
sm_timer_set_duration (SmTimer  *self,
                       guint     seconds,
                       GError  **error)
{
  g_return_val_if_fail (SM_IS_TIMER (self), FALSE);

  if (!sm_validate_seconds (seconds, error))
    return FALSE;

  if (self->duration == seconds && self->state == SM_TIMER_STATE_IDLE)
    return TRUE;

  unschedule (self);
  self->duration = seconds;
  set_state (self, SM_TIMER_STATE_IDLE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  tick_if_changed (self);

  return TRUE;
}

static void
start_run (SmTimer  *self,
           gboolean  get_ready)
{
  gint64 phase = get_ready ? SM_TIMER_GET_READY_SECONDS : self->duration;

  self->deadline = now (self) + phase * US_PER_S;
  set_state (self, get_ready ? SM_TIMER_STATE_GET_READY : SM_TIMER_STATE_RUNNING);
  sm_timer_update (self);
}

/* Starts a new run, with the get-ready phase if it is enabled. */
void
sm_timer_start (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  start_run (self, self->get_ready);
}

/* Starts a new run without the get-ready phase, e.g. for a rest. */
void
sm_timer_start_now (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  start_run (self, FALSE);
}

void
sm_timer_pause (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  /* The phase may have ended since the last wake-up. */
  sm_timer_update (self);
  if (self->state != SM_TIMER_STATE_GET_READY && self->state != SM_TIMER_STATE_RUNNING)
    return;

  unschedule (self);
  self->paused_left = phase_left (self);
  self->paused_from = self->state;
  set_state (self, SM_TIMER_STATE_PAUSED);
}

void
sm_timer_resume (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  if (self->state != SM_TIMER_STATE_PAUSED)
    return;

  self->deadline = now (self) + self->paused_left;
  set_state (self, self->paused_from);
  sm_timer_update (self);
}

/* What the Start/Pause button and the Space key do. */
void
sm_timer_toggle (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  switch (self->state)
    {
    case SM_TIMER_STATE_GET_READY:
    case SM_TIMER_STATE_RUNNING:
      sm_timer_pause (self);
      break;
    case SM_TIMER_STATE_PAUSED:
      sm_timer_resume (self);
      break;
    case SM_TIMER_STATE_IDLE:
    case SM_TIMER_STATE_FINISHED:
    default:
      sm_timer_start (self);
      break;
    }
}

void
sm_timer_reset (SmTimer *self)
{
  g_return_if_fail (SM_IS_TIMER (self));

  unschedule (self);
  set_state (self, SM_TIMER_STATE_IDLE);
  tick_if_changed (self);
}

/* "+15 s": a longer hold, during it or its get-ready countdown (paused
 * or not). The duration grows with it, so the share done stays right;
 * it never passes SM_TIMER_MAX_SECONDS. Returns the seconds added. */
guint
sm_timer_add_seconds (SmTimer *self,
                      guint    seconds)
{
  gint64 add;

  g_return_val_if_fail (SM_IS_TIMER (self), 0);

  sm_timer_update (self);
  if (!sm_timer_is_active (self))
    return 0;

  seconds = MIN (seconds, SM_TIMER_MAX_SECONDS - self->duration);
  if (seconds == 0)
    return 0;

  add = (gint64) seconds * US_PER_S;
  self->duration += seconds;
  if (self->state == SM_TIMER_STATE_RUNNING)
    self->deadline += add;
  else if (self->state == SM_TIMER_STATE_PAUSED && self->paused_from == SM_TIMER_STATE_RUNNING)
    self->paused_left += add;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
  if (self->state == SM_TIMER_STATE_PAUSED)
    tick_if_changed (self);
  else
    sm_timer_update (self);

  return seconds;
}

static void
sm_timer_dispose (GObject *object)
{
  unschedule (SM_TIMER (object));

  G_OBJECT_CLASS (sm_timer_parent_class)->dispose (object);
}

static void
sm_timer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SmTimer *self = SM_TIMER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;

    case PROP_GET_READY:
      g_value_set_boolean (value, self->get_ready);
      break;

    case PROP_REMAINING:
      g_value_set_uint (value, sm_timer_get_display_seconds (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_timer_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SmTimer *self = SM_TIMER (object);

  switch (prop_id)
    {
    case PROP_DURATION:
      /* The param spec's range already refused anything out of range. */
      sm_timer_set_duration (self, g_value_get_uint (value), NULL);
      break;

    case PROP_GET_READY:
      sm_timer_set_get_ready (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_timer_class_init (SmTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_timer_dispose;
  object_class->get_property = sm_timer_get_property;
  object_class->set_property = sm_timer_set_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, SM_TYPE_TIMER_STATE, SM_TIMER_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       SM_TIMER_MIN_SECONDS, SM_TIMER_MAX_SECONDS, 30,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GET_READY] =
    g_param_spec_boolean ("get-ready", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, SM_TIMER_MAX_SECONDS, 30,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmTimer::tick:
   * @seconds: the whole seconds now on display
   *
   * Emitted only when the displayed number of seconds changes.
   */
  signals[TICK] =
    g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * SmTimer::finished:
   *
   * Emitted once at the end of each run's hold.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sm_timer_init (SmTimer *self)
{
  self->clock = default_clock;
  self->duration = 30;
  self->shown = self->duration;
}
