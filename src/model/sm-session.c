/* sm-session.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-session"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sm-format.h"
#include "sm-session.h"
#include "sm-utils.h"

/* A session walks through its steps on a shared SmTimer: each step's hold
 * (and, when switching sides, the same hold on the other side), then its
 * rest, then the next step. It only reacts to the timer's ::finished, so
 * pausing, resuming and resetting the timer need nothing from here. */
struct _SmSession
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  GPtrArray      *steps;        /* of SmSessionStep */
  gboolean        switch_sides;

  SmTimer        *timer;
  gulong          finished_id;
  guint           position;
  SmSessionPhase  phase;

  /* How the person counts: the rounds of one routine step are one step,
   * and stretches are counted apart from the massage steps. */
  guint          *part;         /* per hold: its step or stretch, from 1 */
  guint           n_massage;    /* massage steps */
  guint           n_stretches;

  /* What was really done */
  guint           holds_done;   /* holds that ran to their end */
  gint64          held_us;      /* time spent holding, skipped holds too */
  gint64          rested_us;
};

G_DEFINE_FINAL_TYPE (SmSession, sm_session, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SmSessionPhase, sm_session_phase,
  G_DEFINE_ENUM_VALUE (SM_SESSION_PHASE_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (SM_SESSION_PHASE_HOLD, "hold"),
  G_DEFINE_ENUM_VALUE (SM_SESSION_PHASE_OTHER_SIDE, "other-side"),
  G_DEFINE_ENUM_VALUE (SM_SESSION_PHASE_REST, "rest"),
  G_DEFINE_ENUM_VALUE (SM_SESSION_PHASE_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_POSITION,
  PROP_PHASE,
  PROP_SWITCH_SIDES,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_stretch (SmSessionStep *step)
{
  return sm_session_step_get_zone (step) == NULL;
}

/* Numbers the massage steps and the stretches, each from 1; the later
 * rounds of a step share the number of its first. */
static void
count_parts (SmSession *self)
{
  self->part = g_new0 (guint, self->steps->len);
  for (guint i = 0; i < self->steps->len; i++)
    {
      SmSessionStep *step = g_ptr_array_index (self->steps, i);
      guint *n = is_stretch (step) ? &self->n_stretches : &self->n_massage;

      if (sm_session_step_get_round (step) == 1 || *n == 0)
        (*n)++;
      self->part[i] = *n;
    }
}

/**
 * sm_session_new:
 * @id: the routine id
 * @title: what the session is called
 * @steps: (element-type SmSessionStep): the steps, at least one
 *
 * Returns: (transfer full): a session that has not started yet
 */
SmSession *
sm_session_new (const char *id,
                const char *title,
                GPtrArray  *steps)
{
  SmSession *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (steps != NULL && steps->len > 0, NULL);

  self = g_object_new (SM_TYPE_SESSION, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title != NULL ? title : id);
  self->steps = g_ptr_array_new_full (steps->len, (GDestroyNotify) sm_session_step_unref);
  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (self->steps, sm_session_step_ref (g_ptr_array_index (steps, i)));
  count_parts (self);

  return self;
}

const char *
sm_session_get_id (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  return self->id;
}

const char *
sm_session_get_title (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  return self->title;
}

guint
sm_session_get_n_steps (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return self->steps->len;
}

SmSessionStep *
sm_session_get_step (SmSession *self,
                     guint      position)
{
  g_return_val_if_fail (SM_IS_SESSION (self), NULL);
  g_return_val_if_fail (position < self->steps->len, NULL);

  return g_ptr_array_index (self->steps, position);
}

SmSessionStep *
sm_session_get_current_step (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  return g_ptr_array_index (self->steps, self->position);
}

guint
sm_session_get_position (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return self->position;
}

SmSessionPhase
sm_session_get_phase (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), SM_SESSION_PHASE_IDLE);

  return self->phase;
}

/* The side being worked on now: the step's side, or the other one while
 * the same hold runs on the other side. NULL for a step without a zone. */
const char *
sm_session_get_current_side (SmSession *self)
{
  const char *side;

  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  side = sm_session_step_get_side (sm_session_get_current_step (self));
  if (side == NULL || self->phase != SM_SESSION_PHASE_OTHER_SIDE)
    return side;

  return g_str_equal (side, "left") ? "right" : "left";
}

gboolean
sm_session_get_switch_sides (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), FALSE);

  return self->switch_sides;
}

void
sm_session_set_switch_sides (SmSession *self,
                             gboolean   switch_sides)
{
  g_return_if_fail (SM_IS_SESSION (self));

  switch_sides = !!switch_sides;
  if (self->switch_sides == switch_sides)
    return;

  self->switch_sides = switch_sides;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SWITCH_SIDES]);
}

gboolean
sm_session_is_running (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), FALSE);

  return self->phase != SM_SESSION_PHASE_IDLE && self->phase != SM_SESSION_PHASE_FINISHED;
}

static void
set_place (SmSession      *self,
           guint           position,
           SmSessionPhase  phase)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
  if (self->phase != phase)
    {
      self->phase = phase;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
    }
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Steps were validated when they were made, so the timer accepts them. */
static void
run_timer (SmSession *self,
           guint      seconds,
           gboolean   get_ready)
{
  g_autoptr(GError) error = NULL;

  if (!sm_timer_set_duration (self->timer, seconds, &error))
    g_critical ("%s", error->message);
  else if (get_ready)
    sm_timer_start (self->timer);
  else
    sm_timer_start_now (self->timer);
}

/* Holds start with the get-ready phase (if enabled) so there is time to
 * move the ball; rests start at once. */
static void
go_to (SmSession      *self,
       guint           position,
       SmSessionPhase  phase)
{
  SmSessionStep *step = g_ptr_array_index (self->steps, position);
  gboolean rest = phase == SM_SESSION_PHASE_REST;

  /* The timer first, so whoever follows ::changed sees it running. */
  run_timer (self, rest ? sm_session_step_get_rest (step) : sm_session_step_get_hold (step), !rest);
  set_place (self, position, phase);
}

static void
disconnect_timer (SmSession *self)
{
  if (self->timer != NULL)
    g_clear_signal_handler (&self->finished_id, self->timer);
  g_clear_object (&self->timer);
}

static void
finish (SmSession *self)
{
  disconnect_timer (self);
  set_place (self, self->position, SM_SESSION_PHASE_FINISHED);
}

static void
hold_done (SmSession *self)
{
  SmSessionStep *step = sm_session_get_current_step (self);

  if (self->phase == SM_SESSION_PHASE_HOLD && self->switch_sides &&
      sm_session_step_get_zone (step) != NULL)
    {
      go_to (self, self->position, SM_SESSION_PHASE_OTHER_SIDE);
      return;
    }

  if (self->position + 1 == self->steps->len)
    finish (self);
  else if (sm_session_step_get_rest (step) > 0)
    go_to (self, self->position, SM_SESSION_PHASE_REST);
  else
    go_to (self, self->position + 1, SM_SESSION_PHASE_HOLD);
}

/* Adds the time the current hold or rest has run, to its end or to the
 * moment the person moved on; a get-ready countdown does not count. */
static void
account_run (SmSession *self)
{
  gint64 run;

  if (self->timer == NULL || !sm_session_is_running (self))
    return;

  run = (gint64) sm_timer_get_duration (self->timer) * G_USEC_PER_SEC -
        sm_timer_get_remaining_us (self->timer);
  if (self->phase == SM_SESSION_PHASE_REST)
    self->rested_us += MAX (run, 0);
  else
    self->held_us += MAX (run, 0);
}

static void
on_timer_finished (SmTimer   *timer,
                   SmSession *self)
{
  account_run (self);
  if (self->phase != SM_SESSION_PHASE_REST)
    self->holds_done++;

  if (self->phase == SM_SESSION_PHASE_REST)
    go_to (self, self->position + 1, SM_SESSION_PHASE_HOLD);
  else
    hold_done (self);
}

/* Starts from the first step on @timer, which the session drives until it
 * finishes or stops. */
void
sm_session_start (SmSession *self,
                  SmTimer   *timer)
{
  g_return_if_fail (SM_IS_SESSION (self));
  g_return_if_fail (SM_IS_TIMER (timer));

  disconnect_timer (self);
  self->timer = g_object_ref (timer);
  self->finished_id = g_signal_connect (timer, "finished",
                                        G_CALLBACK (on_timer_finished), self);
  self->holds_done = 0;
  self->held_us = 0;
  self->rested_us = 0;

  go_to (self, 0, SM_SESSION_PHASE_HOLD);
}

/* Next and previous jump to a step's hold; past the last step means done. */
void
sm_session_next (SmSession *self)
{
  g_return_if_fail (SM_IS_SESSION (self));

  if (!sm_session_is_running (self))
    return;

  account_run (self);
  if (self->position + 1 < self->steps->len)
    go_to (self, self->position + 1, SM_SESSION_PHASE_HOLD);
  else
    {
      sm_timer_reset (self->timer);
      finish (self);
    }
}

void
sm_session_previous (SmSession *self)
{
  g_return_if_fail (SM_IS_SESSION (self));

  if (!sm_session_is_running (self))
    return;

  account_run (self);
  go_to (self, self->position > 0 ? self->position - 1 : 0, SM_SESSION_PHASE_HOLD);
}

/* The hold on show once more from its start; during a rest, the hold
 * just done. */
void
sm_session_repeat (SmSession *self)
{
  g_return_if_fail (SM_IS_SESSION (self));

  if (!sm_session_is_running (self))
    return;

  account_run (self);
  go_to (self, self->position,
         self->phase == SM_SESSION_PHASE_REST ? SM_SESSION_PHASE_HOLD : self->phase);
}

void
sm_session_stop (SmSession *self)
{
  g_return_if_fail (SM_IS_SESSION (self));

  if (!sm_session_is_running (self))
    return;

  account_run (self);
  sm_timer_reset (self->timer);
  disconnect_timer (self);
  set_place (self, self->position, SM_SESSION_PHASE_IDLE);
}

/* Holds that ran to their end; the other side's hold counts as one. */
guint
sm_session_get_completed (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return self->holds_done;
}

/* The holds the session has in all: two for a muscle's step when the
 * same hold runs on the other side. */
guint
sm_session_get_n_holds (SmSession *self)
{
  guint n = 0;

  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  for (guint i = 0; i < self->steps->len; i++)
    n += self->switch_sides && !is_stretch (g_ptr_array_index (self->steps, i)) ? 2 : 1;

  return n;
}

/* Whole seconds spent holding, skipped holds included. */
guint
sm_session_get_held_seconds (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return (guint) (self->held_us / G_USEC_PER_SEC);
}

guint
sm_session_get_rested_seconds (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return (guint) (self->rested_us / G_USEC_PER_SEC);
}

/* Holding and resting together. */
guint
sm_session_get_elapsed (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return (guint) ((self->held_us + self->rested_us) / G_USEC_PER_SEC);
}

/* The massage steps and stretches as the person counts them. */
guint
sm_session_get_n_parts (SmSession *self)
{
  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  return self->n_massage + self->n_stretches;
}

/* The hold the page shows: during a rest, the one that comes next. */
static guint
shown_position (SmSession *self)
{
  if (self->phase == SM_SESSION_PHASE_REST && self->position + 1 < self->steps->len)
    return self->position + 1;

  return self->position;
}

/* Which of the parts is on show, from 1: the stretches follow the
 * massage steps. */
guint
sm_session_get_part (SmSession *self)
{
  guint position;

  g_return_val_if_fail (SM_IS_SESSION (self), 0);

  position = shown_position (self);
  if (is_stretch (g_ptr_array_index (self->steps, position)))
    return self->n_massage + self->part[position];

  return self->part[position];
}

/* "Step 2 of 5", "Step 2 of 5 · round 1 of 3" or "Stretch 1 of 2" for
 * the hold on show (the next one during a rest). */
char *
sm_session_format_progress (SmSession *self)
{
  SmSessionStep *step;
  guint position, rounds;

  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  position = shown_position (self);
  step = g_ptr_array_index (self->steps, position);
  rounds = sm_session_step_get_rounds (step);

  if (is_stretch (step))
    /* Translators: the stretch on show and how many the session has, e.g.
     * "Stretch 1 of 3"; the plural form follows the second number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stretch %1$u of %2$u", "Stretch %1$u of %2$u",
                                         self->n_stretches),
                            self->part[position], self->n_stretches);
  if (rounds > 1)
    /* Translators: a routine step done several times, e.g. "Step 2 of 5 ·
     * round 1 of 3": the step, how many steps, the round, how many rounds;
     * the plural form follows the fourth number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Step %1$u of %2$u · round %3$u of %4$u",
                                         "Step %1$u of %2$u · round %3$u of %4$u", rounds),
                            self->part[position], self->n_massage,
                            sm_session_step_get_round (step), rounds);

  return sm_format_step_of (self->part[position], self->n_massage);
}

/* "4 of 13 holds completed" */
char *
sm_session_format_summary (SmSession *self)
{
  guint total;

  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  total = sm_session_get_n_holds (self);
  /* Translators: holds that ran to their end and how many the session
   * had, e.g. "4 of 13 holds completed"; the plural form follows the
   * second number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u of %2$u hold completed",
                                       "%1$u of %2$u holds completed", total),
                          self->holds_done, total);
}

/* "You held for 4 min 30 s and rested for 50 s." */
char *
sm_session_format_time_summary (SmSession *self)
{
  g_autofree char *held = NULL;
  g_autofree char *rested = NULL;

  g_return_val_if_fail (SM_IS_SESSION (self), NULL);

  held = sm_format_duration (sm_session_get_held_seconds (self));
  if (sm_session_get_rested_seconds (self) == 0)
    /* Translators: %s is a duration, e.g. "4 min 30 s" */
    return g_strdup_printf (_("You held for %s."), held);

  rested = sm_format_duration (sm_session_get_rested_seconds (self));
  /* Translators: time spent holding and time spent resting, e.g. "You
   * held for 4 min 30 s and rested for 50 s." */
  return g_strdup_printf (_("You held for %1$s and rested for %2$s."), held, rested);
}

static void
sm_session_dispose (GObject *object)
{
  disconnect_timer (SM_SESSION (object));

  G_OBJECT_CLASS (sm_session_parent_class)->dispose (object);
}

static void
sm_session_finalize (GObject *object)
{
  SmSession *self = SM_SESSION (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->part, g_free);

  G_OBJECT_CLASS (sm_session_parent_class)->finalize (object);
}

static void
sm_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmSession *self = SM_SESSION (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_PHASE:
      g_value_set_enum (value, self->phase);
      break;

    case PROP_SWITCH_SIDES:
      g_value_set_boolean (value, self->switch_sides);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_session_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_SWITCH_SIDES:
      sm_session_set_switch_sides (SM_SESSION (object), g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_session_class_init (SmSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_session_dispose;
  object_class->finalize = sm_session_finalize;
  object_class->get_property = sm_session_get_property;
  object_class->set_property = sm_session_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PHASE] =
    g_param_spec_enum ("phase", NULL, NULL, SM_TYPE_SESSION_PHASE, SM_SESSION_PHASE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SWITCH_SIDES] =
    g_param_spec_boolean ("switch-sides", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SmSession::changed:
   *
   * Emitted once whenever the step or the phase changes.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sm_session_init (SmSession *self)
{
}
