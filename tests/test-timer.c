/* test-timer.c: the hold timer model, driven by a fake clock.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "sm-timer.h"

#define S G_USEC_PER_SEC
#define MS 1000

typedef struct {
  SmTimer *timer;
  gint64   now;
  guint    ticks;
  guint    last_tick;
  guint    finished;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  return ((Fixture *) data)->now;
}

static void
on_tick (SmTimer *timer,
         guint    seconds,
         Fixture *f)
{
  /* ::tick must announce a change, never the same number twice. */
  if (f->ticks > 0)
    g_assert_cmpuint (seconds, !=, f->last_tick);
  f->ticks++;
  f->last_tick = seconds;
}

static void
on_finished (SmTimer *timer,
             Fixture *f)
{
  f->finished++;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->now = 1000 * S;
  f->timer = sm_timer_new ();
  sm_timer_set_clock (f->timer, fake_clock, f);
  g_signal_connect (f->timer, "tick", G_CALLBACK (on_tick), f);
  g_signal_connect (f->timer, "finished", G_CALLBACK (on_finished), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->timer);
}

/* Moves the fake clock and lets the timer look at it. */
static void
advance (Fixture *f,
         gint64   us)
{
  f->now += us;
  sm_timer_update (f->timer);
}

static void
set_duration (Fixture *f,
              guint    seconds)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_timer_set_duration (f->timer, seconds, &error));
  g_assert_no_error (error);
}

static void
test_start_pause_resume (Fixture       *f,
                         gconstpointer  data)
{
  set_duration (f, 30);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_IDLE);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 30);

  sm_timer_start (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_RUNNING);
  advance (f, 10 * S + 250 * MS);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 19 * S + 750 * MS);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 20);

  sm_timer_pause (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_PAUSED);
  advance (f, 100 * S);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 19 * S + 750 * MS);

  sm_timer_resume (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_RUNNING);
  advance (f, 9 * S + 750 * MS);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 10 * S);
  g_assert_cmpfloat_with_epsilon (sm_timer_get_fraction (f->timer), 1.0 / 3.0, 1e-9);

  /* The button and Space go through toggle. */
  sm_timer_toggle (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_PAUSED);
  sm_timer_toggle (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpuint (f->finished, ==, 0);
}

static void
test_get_ready (Fixture       *f,
                gconstpointer  data)
{
  set_duration (f, 20);
  sm_timer_set_get_ready (f->timer, TRUE);
  sm_timer_start (f->timer);

  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_GET_READY);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, SM_TIMER_GET_READY_SECONDS);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 20 * S);

  /* Pausing during get-ready keeps what is left of it. */
  advance (f, 1 * S + 500 * MS);
  sm_timer_pause (f->timer);
  advance (f, 60 * S);
  sm_timer_resume (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_GET_READY);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 2);

  /* A late wake-up must not lengthen the hold: 1.5 s of get-ready are
   * left, so 4 s later the hold has run for 2.5 s. */
  advance (f, 4 * S);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 17 * S + 500 * MS);

  /* Starting without get-ready skips it even when it is enabled. */
  sm_timer_start_now (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 20 * S);
}

static void
test_finished_once (Fixture       *f,
                    gconstpointer  data)
{
  set_duration (f, 5);
  sm_timer_start (f->timer);

  advance (f, 4 * S + 999 * MS);
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 1);

  advance (f, 1 * MS);
  g_assert_cmpuint (f->finished, ==, 1);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_FINISHED);
  g_assert_cmpuint (f->last_tick, ==, 0);

  for (guint i = 0; i < 5; i++)
    advance (f, 3 * S);
  sm_timer_pause (f->timer);
  sm_timer_resume (f->timer);
  g_assert_cmpuint (f->finished, ==, 1);

  /* A new run finishes once again. */
  sm_timer_start (f->timer);
  advance (f, 10 * S);
  advance (f, 10 * S);
  g_assert_cmpuint (f->finished, ==, 2);
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  set_duration (f, 45);
  sm_timer_start (f->timer);
  advance (f, 12 * S);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 33);

  sm_timer_reset (f->timer);
  g_assert_cmpint (sm_timer_get_state (f->timer), ==, SM_TIMER_STATE_IDLE);
  g_assert_cmpuint (sm_timer_get_display_seconds (f->timer), ==, 45);
  g_assert_cmpuint (f->last_tick, ==, 45);

  /* After a reset the clock moving on changes nothing. */
  advance (f, 60 * S);
  g_assert_cmpuint (f->finished, ==, 0);
  g_assert_cmpint (sm_timer_get_remaining_us (f->timer), ==, 45 * S);
}

/* Ten simulated minutes of wake-ups at irregular intervals (as a busy main
 * loop would give), with pause/resume cycles: the remaining time must stay
 * within 50 ms of the time actually spent running. */
static void
test_no_drift (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  gint64 ran = 0;
  gint64 worst = 0;

  set_duration (f, SM_TIMER_MAX_SECONDS);
  sm_timer_start (f->timer);

  while (ran < (gint64) (SM_TIMER_MAX_SECONDS - 5) * S)
    {
      gint64 step = g_rand_int_range (rand, 1 * MS, 1700 * MS);
      gint64 error;

      advance (f, step);
      ran += step;
      error = ABS (sm_timer_get_remaining_us (f->timer) - ((gint64) SM_TIMER_MAX_SECONDS * S - ran));
      worst = MAX (worst, error);

      if (g_rand_int_range (rand, 0, 20) == 0)
        {
          sm_timer_pause (f->timer);
          advance (f, g_rand_int_range (rand, 1 * MS, 5000 * MS));
          sm_timer_resume (f->timer);
        }
    }

  g_assert_cmpint (worst, <, 50 * MS);
  g_assert_cmpuint (f->finished, ==, 0);
  advance (f, 6 * S);
  g_assert_cmpuint (f->finished, ==, 1);
}

static void
test_out_of_range (Fixture       *f,
                   gconstpointer  data)
{
  const guint bad[] = { 0, SM_TIMER_MAX_SECONDS + 1, 3600, G_MAXUINT };

  set_duration (f, 20);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sm_timer_set_duration (f->timer, bad[i], &error));
      g_assert_error (error, SM_TIMER_ERROR, SM_TIMER_ERROR_OUT_OF_RANGE);
      g_assert_cmpuint (sm_timer_get_duration (f->timer), ==, 20);
    }

  set_duration (f, SM_TIMER_MIN_SECONDS);
  set_duration (f, SM_TIMER_MAX_SECONDS);
}

static void
test_tick_on_change (Fixture       *f,
                     gconstpointer  data)
{
  /* The display changes from the default 30 s to 10 s: one tick. */
  set_duration (f, 10);
  g_assert_cmpuint (f->ticks, ==, 1);
  g_assert_cmpuint (f->last_tick, ==, 10);
  f->ticks = 0;

  sm_timer_start (f->timer);
  g_assert_cmpuint (f->ticks, ==, 0);

  /* Many wake-ups within one second announce nothing. */
  for (guint i = 0; i < 9; i++)
    advance (f, 100 * MS);
  g_assert_cmpuint (f->ticks, ==, 0);

  advance (f, 100 * MS);
  g_assert_cmpuint (f->ticks, ==, 1);
  g_assert_cmpuint (f->last_tick, ==, 9);

  /* A wake-up that skips seconds announces only the new one. */
  advance (f, 3 * S + 500 * MS);
  g_assert_cmpuint (f->ticks, ==, 2);
  g_assert_cmpuint (f->last_tick, ==, 6);
}

/* The real clock: the timer wakes itself up and finishes. */
static void
test_real_clock (void)
{
  g_autoptr(SmTimer) timer = sm_timer_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_assert_true (sm_timer_set_duration (timer, 1, NULL));
  g_signal_connect_swapped (timer, "finished", G_CALLBACK (g_main_loop_quit), loop);
  sm_timer_start (timer);
  g_main_loop_run (loop);

  g_assert_cmpint (sm_timer_get_state (timer), ==, SM_TIMER_STATE_FINISHED);
  g_assert_cmpuint (sm_timer_get_display_seconds (timer), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/sm/timer/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start-pause-resume", test_start_pause_resume);
  ADD ("get-ready", test_get_ready);
  ADD ("finished-once", test_finished_once);
  ADD ("reset", test_reset);
  ADD ("no-drift", test_no_drift);
  ADD ("out-of-range", test_out_of_range);
  ADD ("tick-on-change", test_tick_on_change);
#undef ADD
  g_test_add_func ("/sm/timer/real-clock", test_real_clock);

  return g_test_run ();
}
