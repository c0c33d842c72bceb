/* test-cue-schedule.c: what a guided session plays and says, and when, on
 * a fake clock.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>

#include "sm-cue-schedule.h"
#include "sm-session.h"
#include "sm-timer.h"

#define S G_USEC_PER_SEC

static gint64 fake_now;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

typedef struct {
  guint       at;        /* whole seconds since the session started */
  SmCueKind   kind;
  const char *speech;    /* NULL: nothing said */
} Cue;

typedef struct {
  SmTimer       *timer;
  SmSession     *session;
  SmCueSchedule *schedule;
  GArray        *cues;   /* of Cue, speech owned */
  gint64         start;
} Fixture;

static void
on_cue (SmCueSchedule *schedule,
        SmCueKind      kind,
        const char    *speech,
        Fixture       *fixture)
{
  Cue cue = { (guint) ((fake_now - fixture->start) / S), kind, g_strdup (speech) };

  g_array_append_val (fixture->cues, cue);
}

static void
clear_cue (Cue *cue)
{
  g_free ((char *) cue->speech);
}

static SmSessionStep *
step (const char *zone,
      const char *side,
      guint       hold,
      guint       rest,
      const char *title,
      const char *tool,
      guint       round,
      guint       rounds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSessionStep) plain = sm_session_step_new (zone, side, hold, rest, title, NULL, &error);
  g_autoptr(SmSessionStep) with_tool = NULL;

  g_assert_no_error (error);
  with_tool = sm_session_step_new_with_tool (plain, tool);
  return sm_session_step_new_round (with_tool, round, rounds);
}

/* Two rounds of one muscle on both sides with a rest between them, then
 * two stretches: repetitions, rests, two sides and stretches. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_session_step_unref);

  g_ptr_array_add (steps, step ("piriformis", "left", 30, 10, "Piriformis", "Tennis ball", 1, 2));
  g_ptr_array_add (steps, step ("piriformis", "left", 30, 0, "Piriformis", "Tennis ball", 2, 2));
  g_ptr_array_add (steps, step (NULL, NULL, 20, 10, "Piriformis stretch", NULL, 1, 1));
  g_ptr_array_add (steps, step (NULL, NULL, 20, 0, "Hamstring stretch", NULL, 1, 1));

  fake_now = 1000 * S;
  fixture->timer = sm_timer_new ();
  sm_timer_set_clock (fixture->timer, fake_clock, NULL);
  sm_timer_set_get_ready (fixture->timer, GPOINTER_TO_INT (data) == 0);
  fixture->session = sm_session_new ("test", "Test", steps);
  sm_session_set_switch_sides (fixture->session, TRUE);
  fixture->schedule = sm_cue_schedule_new (fixture->timer);
  fixture->cues = g_array_new (FALSE, TRUE, sizeof (Cue));
  g_array_set_clear_func (fixture->cues, (GDestroyNotify) clear_cue);
  g_signal_connect (fixture->schedule, "cue", G_CALLBACK (on_cue), fixture);
  sm_cue_schedule_set_session (fixture->schedule, fixture->session);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->schedule);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->timer);
  g_clear_pointer (&fixture->cues, g_array_unref);
}

static void
start (Fixture *fixture)
{
  fixture->start = fake_now;
  sm_session_start (fixture->session, fixture->timer);
}

/* One second at a time, as the timer's own wake-ups would. */
static void
run_for (Fixture *fixture,
         guint    seconds)
{
  for (guint i = 0; i < seconds; i++)
    {
      fake_now += S;
      sm_timer_update (fixture->timer);
    }
}

static void
run_to_end (Fixture *fixture)
{
  for (guint i = 0; i < 1000 && sm_session_is_running (fixture->session); i++)
    run_for (fixture, 1);
  g_assert_cmpint (sm_session_get_phase (fixture->session), ==, SM_SESSION_PHASE_FINISHED);
}

static char *
describe (const Cue *cue)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SM_TYPE_CUE_KIND);

  return g_strdup_printf ("%3u %s “%s”", cue->at, g_enum_get_value (kinds, cue->kind)->value_nick,
                          cue->speech != NULL ? cue->speech : "");
}

static void
assert_cues (Fixture   *fixture,
             const Cue *expected,
             guint      n_expected)
{
  for (guint i = 0; i < MAX (n_expected, fixture->cues->len); i++)
    {
      const Cue *got = i < fixture->cues->len ? &g_array_index (fixture->cues, Cue, i) : NULL;
      g_autofree char *want = i < n_expected ? describe (&expected[i]) : g_strdup ("(nothing)");
      g_autofree char *have = got != NULL ? describe (got) : g_strdup ("(nothing)");

      g_test_message ("cue %u: %s", i, have);
      g_assert_cmpstr (have, ==, want);
    }
}

#define STEP_1 "Next: Piriformis, left side. Tennis ball. 30 seconds."
#define HAMSTRING "Next: Hamstring stretch. 20 seconds."

/* The whole session: every cue at its second, in order. */
static void
test_whole_session (Fixture       *fixture,
                    gconstpointer  data)
{
  static const Cue expected[] = {
    { 0, SM_CUE_STEP, STEP_1 },
    { 0, SM_CUE_COUNTDOWN, NULL }, { 1, SM_CUE_COUNTDOWN, NULL }, { 2, SM_CUE_COUNTDOWN, NULL },
    { 3, SM_CUE_START, NULL },
    { 18, SM_CUE_HALFWAY, "Halfway." },
    { 23, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 33, SM_CUE_SWITCH, "Switch to the right side." },
    { 33, SM_CUE_COUNTDOWN, NULL }, { 34, SM_CUE_COUNTDOWN, NULL }, { 35, SM_CUE_COUNTDOWN, NULL },
    { 36, SM_CUE_START, NULL },
    { 51, SM_CUE_HALFWAY, "Halfway." },
    { 56, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 66, SM_CUE_REST, "Rest for 10 seconds. " STEP_1 },
    /* Named at the rest's start: the countdown is said instead. */
    { 76, SM_CUE_COUNTDOWN, "Three, two, one." }, { 77, SM_CUE_COUNTDOWN, NULL },
    { 78, SM_CUE_COUNTDOWN, NULL },
    { 79, SM_CUE_START, NULL },
    { 94, SM_CUE_HALFWAY, "Halfway." },
    { 99, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 109, SM_CUE_SWITCH, "Switch to the right side." },
    { 109, SM_CUE_COUNTDOWN, NULL }, { 110, SM_CUE_COUNTDOWN, NULL }, { 111, SM_CUE_COUNTDOWN, NULL },
    { 112, SM_CUE_START, NULL },
    { 127, SM_CUE_HALFWAY, "Halfway." },
    { 132, SM_CUE_TEN_LEFT, "Ten seconds left." },
    /* No rest after the second round: straight on to the stretch. */
    { 142, SM_CUE_END, "Done. Now the Piriformis stretch." },
    { 142, SM_CUE_COUNTDOWN, NULL }, { 143, SM_CUE_COUNTDOWN, NULL }, { 144, SM_CUE_COUNTDOWN, NULL },
    { 145, SM_CUE_START, NULL },
    { 155, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 165, SM_CUE_REST, "Rest for 10 seconds. " HAMSTRING },
    { 175, SM_CUE_COUNTDOWN, "Three, two, one." }, { 176, SM_CUE_COUNTDOWN, NULL },
    { 177, SM_CUE_COUNTDOWN, NULL },
    { 178, SM_CUE_START, NULL },
    { 188, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 198, SM_CUE_DONE, "Session complete." },
  };

  start (fixture);
  run_to_end (fixture);
  run_for (fixture, 60);
  assert_cues (fixture, expected, G_N_ELEMENTS (expected));
}

/* Without the get-ready countdown a rest's last seconds count down. */
static void
test_no_get_ready (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Cue expected[] = {
    { 0, SM_CUE_STEP, STEP_1 },
    { 0, SM_CUE_START, NULL },
    { 15, SM_CUE_HALFWAY, "Halfway." },
    { 20, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 30, SM_CUE_SWITCH, "Switch to the right side." },
    { 30, SM_CUE_START, NULL },
    { 45, SM_CUE_HALFWAY, "Halfway." },
    { 50, SM_CUE_TEN_LEFT, "Ten seconds left." },
    { 60, SM_CUE_REST, "Rest for 10 seconds. " STEP_1 },
    { 67, SM_CUE_COUNTDOWN, "Three, two, one." }, { 68, SM_CUE_COUNTDOWN, NULL },
    { 69, SM_CUE_COUNTDOWN, NULL },
    { 70, SM_CUE_START, NULL },
  };

  start (fixture);
  run_for (fixture, 71);
  assert_cues (fixture, expected, G_N_ELEMENTS (expected));
}

/* Nothing after Stop, however long the clock runs on. */
static void
test_stop (Fixture       *fixture,
           gconstpointer  data)
{
  guint before;

  start (fixture);
  run_for (fixture, 20);
  before = fixture->cues->len;
  sm_session_stop (fixture->session);
  run_for (fixture, 300);
  g_assert_cmpuint (fixture->cues->len, ==, before);
}

/* A pause holds every cue still to come; they follow on resume, later by
 * the pause. */
static void
test_pause (Fixture       *fixture,
            gconstpointer  data)
{
  guint before;

  start (fixture);
  run_for (fixture, 10);
  before = fixture->cues->len;
  sm_timer_pause (fixture->timer);
  run_for (fixture, 40);
  g_assert_cmpuint (fixture->cues->len, ==, before);
  sm_timer_resume (fixture->timer);
  run_for (fixture, 14);
  g_assert_cmpuint (fixture->cues->len, ==, before + 2);
  /* 18 s and 23 s without the pause, and 40 s of pause. */
  g_assert_cmpuint (g_array_index (fixture->cues, Cue, before).kind, ==, SM_CUE_HALFWAY);
  g_assert_cmpuint (g_array_index (fixture->cues, Cue, before).at, ==, 58);
  g_assert_cmpuint (g_array_index (fixture->cues, Cue, before + 1).kind, ==, SM_CUE_TEN_LEFT);
  g_assert_cmpuint (g_array_index (fixture->cues, Cue, before + 1).at, ==, 63);
}

/* +15 s moves the cues still to come by 15 s. */
static void
test_add_time (Fixture       *fixture,
               gconstpointer  data)
{
  const Cue *last;

  start (fixture);
  run_for (fixture, 20);     /* 13 s left */
  g_assert_cmpuint (sm_timer_add_seconds (fixture->timer, 15), ==, 15);
  g_assert_cmpuint (sm_timer_get_display_seconds (fixture->timer), ==, 28);
  run_for (fixture, 17);
  last = &g_array_index (fixture->cues, Cue, fixture->cues->len - 1);
  g_assert_cmpuint (last->kind, !=, SM_CUE_TEN_LEFT);
  run_for (fixture, 1);
  last = &g_array_index (fixture->cues, Cue, fixture->cues->len - 1);
  g_assert_cmpuint (last->kind, ==, SM_CUE_TEN_LEFT);
  g_assert_cmpuint (last->at, ==, 38);
  run_for (fixture, 9);
  g_assert_cmpuint (g_array_index (fixture->cues, Cue, fixture->cues->len - 1).kind, ==, SM_CUE_TEN_LEFT);
  run_for (fixture, 1);
  last = &g_array_index (fixture->cues, Cue, fixture->cues->len - 2);
  g_assert_cmpuint (last->kind, ==, SM_CUE_SWITCH);
  g_assert_cmpuint (last->at, ==, 48);
  /* The hold was 45 s in all, and counts so. */
  g_assert_cmpuint (sm_session_get_held_seconds (fixture->session), ==, 45);
}

/* Skipping, going back and repeating name the step anew. */
static void
test_skip_repeat (Fixture       *fixture,
                  gconstpointer  data)
{
  const Cue *last;

  start (fixture);
  run_for (fixture, 5);
  sm_session_repeat (fixture->session);
  last = &g_array_index (fixture->cues, Cue, fixture->cues->len - 2);
  g_assert_cmpuint (last->kind, ==, SM_CUE_STEP);
  g_assert_cmpstr (last->speech, ==, STEP_1);
  g_assert_cmpuint (sm_timer_get_state (fixture->timer), ==, SM_TIMER_STATE_GET_READY);
  sm_session_next (fixture->session);
  sm_session_next (fixture->session);
  last = &g_array_index (fixture->cues, Cue, fixture->cues->len - 2);
  g_assert_cmpuint (last->kind, ==, SM_CUE_STEP);
  g_assert_cmpstr (last->speech, ==, "Next: Piriformis stretch. 20 seconds.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func, no_get_ready) \
  g_test_add ("/sm/cue-schedule/" path, Fixture, GINT_TO_POINTER (no_get_ready), \
              fixture_set_up, func, fixture_tear_down)
  ADD ("whole-session", test_whole_session, 0);
  ADD ("no-get-ready", test_no_get_ready, 1);
  ADD ("stop", test_stop, 0);
  ADD ("pause", test_pause, 0);
  ADD ("add-time", test_add_time, 0);
  ADD ("skip-repeat", test_skip_repeat, 0);
#undef ADD

  return g_test_run ();
}
