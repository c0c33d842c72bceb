/* sm-cue-schedule.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-cue-schedule"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-cue-schedule.h"

#define COUNTDOWN_SECONDS    3
#define TEN_LEFT_SECONDS     10
#define TEN_LEFT_MIN_HOLD    20   /* a shorter hold has no "ten seconds left" */
#define HALFWAY_MIN_HOLD     30

/* The schedule only listens: to the timer's seconds and state, and to the
 * session's steps. It never keeps a clock of its own, so pausing holds
 * every cue and +15 s moves the ones still to come, and it says nothing
 * once the session has stopped. What is said is decided here, in the
 * language in use; how it is played (sounds, speech) is the GUI's. */
struct _SmCueSchedule
{
  GObject         parent_instance;

  SmTimer        *timer;
  SmSession      *session;          /* nullable: the plain hold timer */

  SmTimerState    last_state;
  guint           last_seconds;     /* G_MAXUINT at the start of a phase */
  gboolean        awaiting_session; /* the timer started; ::changed follows */
  gboolean        halfway_said;     /* once a hold, even after +15 s */
  guint           last_position;
  SmSessionPhase  last_phase;
  guint           last_completed;
};

G_DEFINE_FINAL_TYPE (SmCueSchedule, sm_cue_schedule, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (SmCueKind, sm_cue_kind,
  G_DEFINE_ENUM_VALUE (SM_CUE_STEP, "step"),
  G_DEFINE_ENUM_VALUE (SM_CUE_COUNTDOWN, "countdown"),
  G_DEFINE_ENUM_VALUE (SM_CUE_START, "start"),
  G_DEFINE_ENUM_VALUE (SM_CUE_HALFWAY, "halfway"),
  G_DEFINE_ENUM_VALUE (SM_CUE_TEN_LEFT, "ten-left"),
  G_DEFINE_ENUM_VALUE (SM_CUE_SWITCH, "switch"),
  G_DEFINE_ENUM_VALUE (SM_CUE_REST, "rest"),
  G_DEFINE_ENUM_VALUE (SM_CUE_END, "end"),
  G_DEFINE_ENUM_VALUE (SM_CUE_DONE, "done"))

enum {
  CUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

SmCuePriority
sm_cue_kind_get_priority (SmCueKind kind)
{
  switch (kind)
    {
    case SM_CUE_COUNTDOWN:
    case SM_CUE_HALFWAY:
      return SM_CUE_PRIORITY_REMARK;
    case SM_CUE_TEN_LEFT:
    case SM_CUE_START:
      return SM_CUE_PRIORITY_REMINDER;
    case SM_CUE_STEP:
    case SM_CUE_SWITCH:
    case SM_CUE_REST:
    case SM_CUE_END:
    case SM_CUE_DONE:
    default:
      return SM_CUE_PRIORITY_ANNOUNCEMENT;
    }
}

/* The name of the sound in the resources (sounds/NAME.ogg), or %NULL. */
const char *
sm_cue_kind_get_sound (SmCueKind kind)
{
  switch (kind)
    {
    case SM_CUE_COUNTDOWN:
      return "get-ready";
    case SM_CUE_START:
      return "start";
    case SM_CUE_TEN_LEFT:
      return "ten-seconds";
    case SM_CUE_SWITCH:
      return "switch-sides";
    case SM_CUE_REST:
    case SM_CUE_END:
      return "end";
    case SM_CUE_DONE:
      return "session-done";
    case SM_CUE_STEP:
    case SM_CUE_HALFWAY:
    default:
      return NULL;
    }
}

/* --- What is said -------------------------------------------------------- */

/* "30 seconds", "1 minute and 30 seconds": digits, which the synthesizer
 * speaks as its language says them, with the language's plural forms. */
char *
sm_cue_format_duration (guint seconds)
{
  guint m = seconds / 60, s = seconds % 60;
  g_autofree char *min = NULL;
  g_autofree char *sec = NULL;

  /* Translators: spoken by the speech synthesizer, e.g. "30 seconds" */
  sec = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", s), s);
  if (m == 0)
    return g_steal_pointer (&sec);

  /* Translators: spoken by the speech synthesizer, e.g. "2 minutes" */
  min = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", m), m);
  if (s == 0)
    return g_steal_pointer (&min);

  /* Translators: spoken, e.g. "1 minute and 30 seconds" */
  return g_strdup_printf (_("%1$s and %2$s"), min, sec);
}

/* "Next: piriformis, left side. Tennis ball. 30 seconds." */
char *
sm_cue_format_step (SmSession  *session,
                    guint       position,
                    const char *side)
{
  SmSessionStep *step = sm_session_get_step (session, position);
  const char *title = sm_session_step_get_title (step);
  const char *tool = sm_session_step_get_tool (step);
  g_autofree char *next = NULL;
  g_autofree char *duration = sm_cue_format_duration (sm_session_step_get_hold (step));
  g_autofree char *tool_sentence = NULL;
  g_autofree char *duration_sentence = NULL;

  if (g_strcmp0 (side, "left") == 0)
    /* Translators: spoken when a step begins; %s is a muscle, e.g.
     * "Next: piriformis, left side." */
    next = g_strdup_printf (_("Next: %s, left side."), title);
  else if (g_strcmp0 (side, "right") == 0)
    /* Translators: spoken when a step begins; %s is a muscle */
    next = g_strdup_printf (_("Next: %s, right side."), title);
  else
    /* Translators: spoken when a step begins; %s is a stretch */
    next = g_strdup_printf (_("Next: %s."), title);

  /* Translators: spoken after the step's name: the tool, as a sentence of
   * its own, e.g. "Tennis ball." */
  tool_sentence = tool != NULL ? g_strdup_printf (_("%s."), tool) : g_strdup ("");
  /* Translators: spoken after the step's name: how long it is held, as a
   * sentence of its own, e.g. "30 seconds." */
  duration_sentence = g_strdup_printf (_("%s."), duration);

  return tool != NULL ? g_strjoin (" ", next, tool_sentence, duration_sentence, NULL)
                      : g_strjoin (" ", next, duration_sentence, NULL);
}

static char *
format_switch (SmSession *session)
{
  if (g_strcmp0 (sm_session_get_current_side (session), "right") == 0)
    /* Translators: spoken when the same hold begins on the other side */
    return g_strdup (_("Switch to the right side."));

  /* Translators: spoken when the same hold begins on the other side */
  return g_strdup (_("Switch to the left side."));
}

/* The rest, and the step that follows it, so the person can get into
 * position while resting. */
static char *
format_rest (SmSession *session)
{
  guint position = sm_session_get_position (session);
  SmSessionStep *step = sm_session_get_current_step (session);
  g_autofree char *duration = sm_cue_format_duration (sm_session_step_get_rest (step));
  g_autofree char *rest = NULL;
  g_autofree char *next = NULL;
  SmSessionStep *following;

  /* Translators: spoken when a rest begins, e.g. "Rest for 10 seconds." */
  rest = g_strdup_printf (_("Rest for %s."), duration);
  if (position + 1 >= sm_session_get_n_steps (session))
    return g_steal_pointer (&rest);

  following = sm_session_get_step (session, position + 1);
  next = sm_cue_format_step (session, position + 1, sm_session_step_get_side (following));
  return g_strjoin (" ", rest, next, NULL);
}

/* A hold ended and the next begins at once. */
static char *
format_end (SmSession *session)
{
  SmSessionStep *step = sm_session_get_current_step (session);
  g_autofree char *next = NULL;

  if (sm_session_step_get_zone (step) == NULL)
    /* Translators: spoken when a hold ends and a stretch follows; %s is
     * the stretch, e.g. "Done. Now the piriformis stretch." */
    return g_strdup_printf (_("Done. Now the %s."), sm_session_step_get_title (step));

  next = sm_cue_format_step (session, sm_session_get_position (session),
                             sm_session_get_current_side (session));
  /* Translators: spoken when a hold ends; %s is what comes next, "Next:
   * piriformis, left side. …" */
  return g_strdup_printf (_("Done. %s"), next);
}

/* --- When ---------------------------------------------------------------- */

static void
emit (SmCueSchedule *self,
      SmCueKind      kind,
      const char    *speech)
{
  g_signal_emit (self, signals[CUE], 0, kind, speech);
}

static gboolean
session_running (SmCueSchedule *self)
{
  return self->session != NULL && sm_session_is_running (self->session);
}

static gboolean
in_hold (SmCueSchedule *self)
{
  if (self->session == NULL)
    return TRUE;

  return sm_session_get_phase (self->session) == SM_SESSION_PHASE_HOLD ||
         sm_session_get_phase (self->session) == SM_SESSION_PHASE_OTHER_SIDE;
}

/* Whether the displayed seconds went from above @mark to @mark or below. */
static gboolean
crossed (SmCueSchedule *self,
         guint          seconds,
         guint          mark)
{
  return self->last_seconds > mark && seconds <= mark;
}

static void
countdown (SmCueSchedule *self,
           guint          seconds,
           gboolean       speak)
{
  /* Translators: spoken three seconds before a hold begins, as the
   * language counts down */
  emit (self, SM_CUE_COUNTDOWN, speak && seconds == COUNTDOWN_SECONDS ? _("Three, two, one.") : NULL);
}

static void
on_tick (SmCueSchedule *self,
         guint          seconds)
{
  SmTimerState state = sm_timer_get_state (self->timer);
  guint duration = sm_timer_get_duration (self->timer);

  if (self->awaiting_session || (self->session != NULL && !session_running (self)))
    return;

  if (state == SM_TIMER_STATE_GET_READY && seconds >= 1 && seconds <= COUNTDOWN_SECONDS &&
      seconds < self->last_seconds)
    /* The first second is counted where the step begins, after its name. */
    countdown (self, seconds, FALSE);
  else if (state == SM_TIMER_STATE_RUNNING && in_hold (self))
    {
      if (duration >= HALFWAY_MIN_HOLD && !self->halfway_said && crossed (self, seconds, duration / 2))
        {
          self->halfway_said = TRUE;
          /* Translators: spoken halfway through a hold */
          emit (self, SM_CUE_HALFWAY, _("Halfway."));
        }
      if (duration >= TEN_LEFT_MIN_HOLD && crossed (self, seconds, TEN_LEFT_SECONDS))
        /* Translators: spoken ten seconds before a hold ends */
        emit (self, SM_CUE_TEN_LEFT, _("Ten seconds left."));
    }
  else if (state == SM_TIMER_STATE_RUNNING && !sm_timer_get_get_ready (self->timer) &&
           seconds >= 1 && seconds <= COUNTDOWN_SECONDS && seconds < self->last_seconds)
    /* A rest's last seconds count down to the hold when it has no
     * countdown of its own. */
    countdown (self, seconds, TRUE);

  self->last_seconds = seconds;
}

static void
on_state (SmCueSchedule *self)
{
  SmTimerState state = sm_timer_get_state (self->timer);
  SmTimerState last = self->last_state;

  self->last_state = state;
  if (last == SM_TIMER_STATE_PAUSED || state == SM_TIMER_STATE_PAUSED)
    return;

  if ((last == SM_TIMER_STATE_IDLE || last == SM_TIMER_STATE_FINISHED) &&
      (state == SM_TIMER_STATE_GET_READY || state == SM_TIMER_STATE_RUNNING))
    {
      /* A new phase: a session tells what it is in ::changed. */
      self->last_seconds = G_MAXUINT;
      self->halfway_said = FALSE;
      self->awaiting_session = self->session != NULL &&
                               sm_session_get_phase (self->session) != SM_SESSION_PHASE_FINISHED;
      if (self->session == NULL && state == SM_TIMER_STATE_RUNNING)
        emit (self, SM_CUE_START, NULL);
      return;
    }

  if (last == SM_TIMER_STATE_GET_READY && state == SM_TIMER_STATE_RUNNING &&
      !self->awaiting_session && (self->session == NULL || session_running (self)))
    {
      self->last_seconds = G_MAXUINT;
      emit (self, SM_CUE_START, NULL);
    }
}

/* A plain hold (no session) that ran to its end. */
static void
on_finished (SmCueSchedule *self)
{
  if (self->session == NULL)
    /* Translators: spoken when a hold ends */
    emit (self, SM_CUE_END, _("Done."));
}

/* What begins with the hold: the countdown, or the hold itself. */
static void
phase_start (SmCueSchedule *self,
             gboolean       announced)
{
  SmTimerState state = sm_timer_get_state (self->timer);

  if (state == SM_TIMER_STATE_GET_READY)
    countdown (self, COUNTDOWN_SECONDS, !announced);
  else if (state == SM_TIMER_STATE_RUNNING)
    emit (self, SM_CUE_START, NULL);
}

static void
hold_begins (SmCueSchedule *self,
             gboolean       ended)
{
  SmSession *session = self->session;
  guint position = sm_session_get_position (session);
  SmSessionPhase phase = sm_session_get_phase (session);
  g_autofree char *text = NULL;

  if (ended && phase == SM_SESSION_PHASE_OTHER_SIDE)
    {
      text = format_switch (session);
      emit (self, SM_CUE_SWITCH, text);
    }
  else if (ended)
    {
      text = format_end (session);
      emit (self, SM_CUE_END, text);
    }
  else if (self->last_phase == SM_SESSION_PHASE_REST && position == self->last_position + 1)
    {
      /* Named when the rest began. */
      phase_start (self, FALSE);
      return;
    }
  else
    {
      text = sm_cue_format_step (session, position, sm_session_get_current_side (session));
      emit (self, SM_CUE_STEP, text);
    }
  phase_start (self, TRUE);
}

static void
on_session_changed (SmCueSchedule *self)
{
  SmSession *session = self->session;
  SmSessionPhase phase = sm_session_get_phase (session);
  gboolean ended = sm_session_get_completed (session) > self->last_completed;
  g_autofree char *text = NULL;

  self->awaiting_session = FALSE;
  self->last_seconds = G_MAXUINT;
  switch (phase)
    {
    case SM_SESSION_PHASE_HOLD:
    case SM_SESSION_PHASE_OTHER_SIDE:
      hold_begins (self, ended);
      break;
    case SM_SESSION_PHASE_REST:
      text = format_rest (session);
      emit (self, SM_CUE_REST, text);
      break;
    case SM_SESSION_PHASE_FINISHED:
      /* Translators: spoken at the end of a guided session */
      emit (self, SM_CUE_DONE, _("Session complete."));
      break;
    case SM_SESSION_PHASE_IDLE:
    default:
      /* Stopped: nothing more is said. */
      break;
    }

  self->last_position = sm_session_get_position (session);
  self->last_phase = phase;
  self->last_completed = sm_session_get_completed (session);
}

/* --- Setting up ---------------------------------------------------------- */

/**
 * sm_cue_schedule_new:
 * @timer: the hold timer to follow
 *
 * Returns: (transfer full): a schedule that emits ::cue for @timer's
 *   plain holds, and for a session's steps once one is set
 */
SmCueSchedule *
sm_cue_schedule_new (SmTimer *timer)
{
  SmCueSchedule *self;

  g_return_val_if_fail (SM_IS_TIMER (timer), NULL);

  self = g_object_new (SM_TYPE_CUE_SCHEDULE, NULL);
  self->timer = g_object_ref (timer);
  self->last_state = sm_timer_get_state (timer);
  g_signal_connect_object (timer, "tick", G_CALLBACK (on_tick), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (timer, "notify::state", G_CALLBACK (on_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (timer, "finished", G_CALLBACK (on_finished), self, G_CONNECT_SWAPPED);

  return self;
}

/* Follows @session (which runs on the schedule's timer) from its start;
 * %NULL goes back to plain holds. Set it before the session starts. */
void
sm_cue_schedule_set_session (SmCueSchedule *self,
                             SmSession     *session)
{
  g_return_if_fail (SM_IS_CUE_SCHEDULE (self));
  g_return_if_fail (session == NULL || SM_IS_SESSION (session));

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_set_object (&self->session, session);
  self->awaiting_session = FALSE;
  self->last_phase = SM_SESSION_PHASE_IDLE;
  self->last_position = 0;
  self->last_completed = 0;
  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (on_session_changed), self);
}

static void
sm_cue_schedule_dispose (GObject *object)
{
  SmCueSchedule *self = SM_CUE_SCHEDULE (object);

  sm_cue_schedule_set_session (self, NULL);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (sm_cue_schedule_parent_class)->dispose (object);
}

static void
sm_cue_schedule_class_init (SmCueScheduleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_cue_schedule_dispose;

  /**
   * SmCueSchedule::cue:
   * @kind: an #SmCueKind
   * @speech: (nullable): what to say, in the language in use
   */
  signals[CUE] =
    g_signal_new ("cue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SM_TYPE_CUE_KIND, G_TYPE_STRING);
}

static void
sm_cue_schedule_init (SmCueSchedule *self)
{
  self->last_seconds = G_MAXUINT;
}
