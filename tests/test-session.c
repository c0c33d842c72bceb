/* test-session.c: guided sessions, as a model and through the real window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "sm-atlas.h"
#include "sm-body-map.h"
#include "sm-format.h"
#include "sm-routine-session.h"
#include "sm-routine-store.h"
#include "sm-session.h"
#include "sm-test-utils.h"
#include "sm-timer-bar.h"
#include "sm-window.h"

#define S G_USEC_PER_SEC

static gint64 fake_now;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

static void
advance (SmTimer *timer,
         guint    seconds)
{
  fake_now += seconds * S;
  sm_timer_update (timer);
}

static SmSessionStep *
step (const char *zone,
      const char *side,
      guint       hold,
      guint       rest,
      const char *title)
{
  g_autoptr(GError) error = NULL;
  SmSessionStep *step = sm_session_step_new (zone, side, hold, rest, title, NULL, &error);

  g_assert_no_error (error);
  return step;
}

static SmSession *
quick_session (void)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_session_step_unref);

  g_ptr_array_add (steps, step ("gluteus-maximus", "left", 1, 1, "Gluteus maximus"));
  g_ptr_array_add (steps, step ("psoas", "left", 1, 1, "Psoas"));
  g_ptr_array_add (steps, step ("piriformis", "left", 1, 0, "Piriformis"));
  g_ptr_array_add (steps, step (NULL, NULL, 1, 1, "Stretch"));

  return sm_session_new ("quick", "Quick", steps);
}

static void
test_format (void)
{
  const struct {
    guint       seconds;
    const char *text;
  } cases[] = {
    { 0, "0 s" }, { 1, "1 s" }, { 45, "45 s" }, { 60, "1 min" },
    { 120, "2 min" }, { 270, "4 min 30 s" }, { 601, "10 min 1 s" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = sm_format_duration (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_step_rejected (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (sm_session_step_new ("piriformis", "left", 0, 10, "P", NULL, &error));
  g_assert_error (error, SM_TIMER_ERROR, SM_TIMER_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (sm_session_step_new ("piriformis", "left", 30, 601, "P", NULL, &error));
  g_assert_error (error, SM_TIMER_ERROR, SM_TIMER_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_null (sm_session_step_new ("piriformis", "both", 30, 10, "P", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "piriformis"));
  g_clear_error (&error);

  g_assert_null (sm_session_new_builtin ("no-such-routine", sm_atlas_get_default (), "left", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* One hold of a session as the person sees it, then its end. */
static void
play_hold (SmSession  *session,
           SmTimer    *timer,
           const char *zone,
           const char *side,
           const char *title,
           guint       hold,
           const char *progress)
{
  SmSessionStep *current = sm_session_get_current_step (session);
  g_autofree char *shown = sm_session_format_progress (session);

  g_assert_cmpstr (shown, ==, progress);
  g_assert_cmpstr (sm_session_step_get_zone (current), ==, zone);
  g_assert_cmpstr (sm_session_step_get_title (current), ==, title);
  g_assert_cmpuint (sm_session_step_get_hold (current), ==, hold);
  g_assert_cmpstr (sm_session_get_current_side (session), ==, side);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_HOLD);
  g_assert_cmpint (sm_timer_get_state (timer), ==, SM_TIMER_STATE_GET_READY);
  g_assert_cmpuint (strlen (sm_session_step_get_instructions (current)), >, 40);

  advance (timer, SM_TIMER_GET_READY_SECONDS);
  advance (timer, hold);
}

/* Rests start at once, without get-ready. */
static void
play_rest (SmSession *session,
           SmTimer   *timer,
           guint      rest)
{
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_REST);
  g_assert_cmpint (sm_timer_get_state (timer), ==, SM_TIMER_STATE_RUNNING);
  g_assert_cmpuint (sm_timer_get_duration (timer), ==, rest);
  advance (timer, rest);
}

/* The built-in Piriformis relief routine (data/routines/01-piriformis-relief.json)
 * played as the window plays it, from the routine store, on a fake clock
 * with the get-ready phase on: every hold, every rest, then the summary.
 * Holds and rests come from the routine, names from the content. */
static void
test_builtin (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) routine = sm_routine_store_lookup_builtin ("piriformis-relief");
  g_autoptr(SmSession) session = NULL;
  g_autoptr(SmTimer) timer = sm_timer_new ();
  /* The routine's four steps, each as many times as it says, then the
   * stretches for its muscles. */
  const struct { const char *zone; guint rounds; } massage[] = {
    { "gluteus-maximus", 1 }, { "piriformis", 3 }, { "gluteus-medius", 2 }, { "hamstrings", 1 },
  };
  const char *stretches[] = { "piriformis-stretch", "hamstring-stretch" };
  guint total = 0;
  guint rested = 0;
  g_autofree char *summary = NULL;
  g_autofree char *time = NULL;
  g_autofree char *expected_time = NULL;
  g_autofree char *held_text = NULL;
  g_autofree char *rested_text = NULL;

  g_assert_nonnull (routine);
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, G_N_ELEMENTS (massage));
  session = sm_routine_session_new (routine, atlas, "right", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_session_get_n_steps (session), ==, 1 + 3 + 2 + 1 + G_N_ELEMENTS (stretches));
  sm_timer_set_clock (timer, fake_clock, NULL);
  sm_timer_set_get_ready (timer, TRUE);
  sm_session_start (session, timer);

  for (guint i = 0; i < G_N_ELEMENTS (massage); i++)
    {
      SmRoutineStep *step = sm_routine_get_step (routine, i);
      SmZone *zone = sm_atlas_lookup_zone (atlas, massage[i].zone);
      guint rounds = massage[i].rounds;

      g_assert_cmpstr (sm_routine_step_get_zone (step), ==, massage[i].zone);
      g_assert_cmpuint (sm_routine_step_get_repetitions (step), ==, rounds);
      for (guint r = 1; r <= rounds; r++)
        {
          /* Four massage steps, the stretches counted apart. */
          g_autofree char *expected = rounds > 1
                                      ? g_strdup_printf ("Step %u of 4 · round %u of %u", i + 1, r, rounds)
                                      : g_strdup_printf ("Step %u of 4", i + 1);

          play_hold (session, timer, massage[i].zone, "right", sm_zone_get_name (zone),
                     sm_routine_step_get_hold_seconds (step), expected);
          total += sm_routine_step_get_hold_seconds (step);
          play_rest (session, timer, sm_routine_step_get_rest_seconds (step));
          rested += sm_routine_step_get_rest_seconds (step);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (stretches); i++)
    {
      SmStretch *stretch = sm_atlas_lookup_stretch (atlas, stretches[i]);
      g_autofree char *expected = g_strdup_printf ("Stretch %u of %u", i + 1,
                                                   (guint) G_N_ELEMENTS (stretches));

      play_hold (session, timer, NULL, NULL, sm_stretch_get_name (stretch),
                 sm_stretch_get_hold_seconds (stretch), expected);
      total += sm_stretch_get_hold_seconds (stretch);
      if (i + 1 == G_N_ELEMENTS (stretches))
        break;
      play_rest (session, timer, SM_SESSION_DEFAULT_REST);
      rested += SM_SESSION_DEFAULT_REST;
    }

  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_FINISHED);
  g_assert_cmpuint (sm_session_get_completed (session), ==, 9);
  g_assert_cmpuint (sm_session_get_held_seconds (session), ==, total);
  g_assert_cmpuint (sm_session_get_rested_seconds (session), ==, rested);
  g_assert_cmpuint (sm_session_get_elapsed (session), ==, total + rested);
  summary = sm_session_format_summary (session);
  g_assert_cmpstr (summary, ==, "9 of 9 holds completed");
  time = sm_session_format_time_summary (session);
  held_text = sm_format_duration (total);
  rested_text = sm_format_duration (rested);
  expected_time = g_strdup_printf ("You held for %s and rested for %s.", held_text, rested_text);
  g_assert_cmpstr (time, ==, expected_time);
}

/* Next, previous and stop; switching sides adds the other side's hold. */
static void
test_controls (void)
{
  g_autoptr(SmSession) session = quick_session ();
  g_autoptr(SmTimer) timer = sm_timer_new ();
  g_autofree char *summary = NULL;
  g_autofree char *time = NULL;

  sm_timer_set_clock (timer, fake_clock, NULL);
  sm_session_set_switch_sides (session, TRUE);
  sm_session_start (session, timer);

  advance (timer, 1);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_OTHER_SIDE);
  g_assert_cmpstr (sm_session_get_current_side (session), ==, "right");
  advance (timer, 1);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_REST);

  sm_session_next (session);
  g_assert_cmpuint (sm_session_get_position (session), ==, 1);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_HOLD);
  g_assert_cmpstr (sm_session_get_current_side (session), ==, "left");
  sm_session_previous (session);
  sm_session_previous (session);
  g_assert_cmpuint (sm_session_get_position (session), ==, 0);

  /* Pausing the timer pauses the session. */
  sm_timer_pause (timer);
  advance (timer, 100);
  g_assert_cmpuint (sm_session_get_position (session), ==, 0);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_HOLD);
  sm_timer_resume (timer);

  sm_session_next (session);
  sm_session_next (session);
  sm_session_next (session);
  g_assert_cmpuint (sm_session_get_position (session), ==, 3);
  advance (timer, 1);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_FINISHED);
  /* Only the first step's holds (both sides) and the stretch ran to the
   * end, of three muscles on two sides and the stretch. */
  summary = sm_session_format_summary (session);
  g_assert_cmpstr (summary, ==, "3 of 7 holds completed");
  time = sm_session_format_time_summary (session);
  g_assert_cmpstr (time, ==, "You held for 3 s.");

  sm_session_start (session, timer);
  sm_session_stop (session);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_IDLE);
  g_assert_cmpint (sm_timer_get_state (timer), ==, SM_TIMER_STATE_IDLE);
  advance (timer, 10);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_IDLE);
}

/* A five-step routine as the person counts it: a repeated step is one
 * step in rounds, the stretches are counted apart, and the summary says
 * what was really done — here one round held to its end, one skipped
 * after 4 s, one rest cut short, and everything after skipped with N. */
static SmRoutine *
five_step_routine (void)
{
  static const struct {
    const char *zone;
    guint       hold, repetitions, rest;
  } steps[] = {
    { "piriformis", 5, 2, 3 }, { "gluteus-medius", 6, 1, 0 }, { "hamstrings", 7, 1, 0 },
    { "psoas", 8, 1, 0 }, { "calf", 9, 1, 0 },
  };
  SmRoutine *routine = sm_routine_new ("Five steps");

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (steps[i].zone, "left");

      g_object_set (step, "hold-seconds", steps[i].hold, "repetitions", steps[i].repetitions,
                    "rest-seconds", steps[i].rest, NULL);
      sm_routine_append_step (routine, step);
    }
  return routine;
}

static void
assert_progress (SmSession  *session,
                 const char *expected)
{
  g_autofree char *progress = sm_session_format_progress (session);

  g_assert_cmpstr (progress, ==, expected);
}

static void
test_routine_counting (void)
{
  g_autoptr(SmRoutine) routine = five_step_routine ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSession) session = sm_routine_session_new (routine, sm_atlas_get_default (), "left", &error);
  g_autoptr(SmTimer) timer = sm_timer_new ();
  static const char * const expected[] = {
    "Step 2 of 5", "Step 3 of 5", "Step 4 of 5", "Step 5 of 5",
    "Stretch 1 of 3", "Stretch 2 of 3", "Stretch 3 of 3",
  };
  g_autofree char *summary = NULL;
  g_autofree char *time = NULL;

  g_assert_no_error (error);
  /* Six holds for the five steps, three stretches for their muscles. */
  g_assert_cmpuint (sm_session_get_n_steps (session), ==, 9);
  g_assert_cmpuint (sm_session_get_n_parts (session), ==, 8);
  g_assert_cmpuint (sm_session_get_n_holds (session), ==, 9);

  sm_timer_set_clock (timer, fake_clock, NULL);
  sm_timer_set_get_ready (timer, TRUE);
  sm_session_start (session, timer);
  assert_progress (session, "Step 1 of 5 · round 1 of 2");
  g_assert_cmpuint (sm_session_get_part (session), ==, 1);

  /* The get-ready countdown is not holding. */
  advance (timer, SM_TIMER_GET_READY_SECONDS);
  advance (timer, 5);
  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_REST);
  /* A rest names the round that comes next. */
  assert_progress (session, "Step 1 of 5 · round 2 of 2");
  advance (timer, 2);
  sm_session_next (session);
  assert_progress (session, "Step 1 of 5 · round 2 of 2");
  g_assert_cmpuint (sm_session_get_part (session), ==, 1);
  advance (timer, SM_TIMER_GET_READY_SECONDS);
  advance (timer, 4);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      sm_session_next (session);
      assert_progress (session, expected[i]);
      g_assert_cmpuint (sm_session_get_part (session), ==, i + 2);
    }
  sm_session_next (session);

  g_assert_cmpint (sm_session_get_phase (session), ==, SM_SESSION_PHASE_FINISHED);
  g_assert_cmpuint (sm_session_get_completed (session), ==, 1);
  g_assert_cmpuint (sm_session_get_held_seconds (session), ==, 9);
  g_assert_cmpuint (sm_session_get_rested_seconds (session), ==, 2);
  summary = sm_session_format_summary (session);
  g_assert_cmpstr (summary, ==, "1 of 9 holds completed");
  time = sm_session_format_time_summary (session);
  g_assert_cmpstr (time, ==, "You held for 9 s and rested for 2 s.");

  /* With switch sides every muscle's hold runs twice. */
  sm_session_set_switch_sides (session, TRUE);
  g_assert_cmpuint (sm_session_get_n_holds (session), ==, 15);
}

/* Through the window */

typedef struct {
  SmWindow  *window;
  SmSession *session;
  GString   *trail;     /* what the window showed at each hold */
} Run;

static void
record_step (Run *run)
{
  SmTimerBar *bar = sm_test_find (run->window, "timer_bar");
  SmBodyMap *map = sm_test_find (run->window, "body_map");
  GtkLabel *title = sm_test_find (sm_test_page (run->window, "session"), "step_title");
  SmSessionPhase phase = sm_session_get_phase (run->session);
  const char *zone = sm_body_map_get_selected_zone (map);

  if (phase != SM_SESSION_PHASE_HOLD)
    return;

  g_string_append_printf (run->trail, "%s/%s-%s/%s/%s/%s/%s;",
                          gtk_label_get_label (title),
                          zone != NULL ? zone : "none",
                          zone != NULL ? sm_body_map_get_selected_side (map) : "none",
                          sm_body_map_get_view (map),
                          sm_body_map_get_layer (map),
                          sm_window_get_side (run->window),
                          sm_timer_bar_get_subject (bar));
}

static gboolean
shows_summary (gpointer window)
{
  GtkStack *pages = sm_test_find (sm_test_page (window, "session"), "pages");

  return g_strcmp0 (gtk_stack_get_visible_child_name (pages), "summary") == 0;
}

static SmWindow *
open_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SmWindow *window;

  g_settings_set_boolean (settings, "get-ready", FALSE);
  g_settings_set_boolean (settings, "switch-sides", FALSE);
  g_settings_set_boolean (settings, "timer-sound", FALSE);

  window = sm_window_new (NULL);
  /* Never shown: test-body-map clicks through real X events, and a
   * window of ours lingering over its window would take the click. */

  return window;
}

/* 1-second holds and rests on the real clock: the window follows each
 * step (view, side and the timer's subject) and ends on the summary. */
static void
test_window_session (void)
{
  g_autoptr(SmSession) session = quick_session ();
  g_autoptr(GString) trail = g_string_new (NULL);
  Run run = { open_window (), session, trail };
  GtkStack *panel_stack = sm_test_find (run.window, "panel_stack");
  GtkWidget *panel;

  sm_window_set_side (run.window, "right");
  /* After the window's own handler, to see what it made of the step. */
  g_signal_connect_data (session, "changed", G_CALLBACK (record_step), &run,
                         NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* The panel is made for the first session. */
  g_assert_null (gtk_stack_get_child_by_name (panel_stack, "session"));
  sm_window_run_session (run.window, session);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "session");
  panel = sm_test_page (run.window, "session");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (panel, "progress_label")), ==, "Step 1 of 3");
  g_assert_true (gtk_widget_get_visible (sm_test_find (run.window, "timer_indicator")));

  g_assert_true (sm_test_wait_for (shows_summary, run.window, 20000));
  g_assert_cmpstr (trail->str, ==,
                   "Gluteus maximus/gluteus-maximus-left/back/superficial/left/Gluteus maximus, left side;"
                   "Psoas/psoas-left/front/deep/left/Psoas, left side;"
                   "Piriformis/piriformis-left/back/deep/left/Piriformis, left side;"
                   "Stretch/none-none/back/deep/left/Stretch;");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (panel, "summary_label")), ==,
                   "4 of 4 holds completed");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (panel, "summary_time_label")), ==,
                   "You held for 4 s and rested for 2 s.");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "session");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (run.window), "win.session-close", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "welcome");
  g_signal_handlers_disconnect_by_data (session, &run);
  sm_test_destroy_window (run.window);
}

/* The built-in Piriformis relief routine as a session from the menu's
 * action, driven with N, P and Stop. */
static void
test_window_keys (void)
{
  SmWindow *window = open_window ();
  GtkStack *panel_stack = sm_test_find (window, "panel_stack");
  GtkWidget *panel;
  GtkLabel *step_title, *progress;

  /* N and P mean nothing without a session: the key goes on. */
  g_assert_false (sm_test_press_key (GTK_WIDGET (window), GDK_KEY_n));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session",
                                             "s", "piriformis-relief"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "session");
  panel = sm_test_page (window, "session");
  step_title = sm_test_find (panel, "step_title");
  progress = sm_test_find (panel, "progress_label");
  g_assert_cmpstr (gtk_label_get_label (step_title), ==, "Gluteus maximus");
  /* The routine's steps as many times as it says (gluteus maximus once,
   * piriformis three times, gluteus medius twice, hamstrings once) are
   * four steps, the repeated ones in rounds; the piriformis and hamstring
   * stretches follow. */
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "Step 1 of 4");

  for (guint i = 0; i < 4; i++)
    g_assert_true (sm_test_press_key (GTK_WIDGET (window), GDK_KEY_n));
  g_assert_cmpstr (gtk_label_get_label (step_title), ==, "Gluteus medius");
  g_assert_cmpstr (gtk_label_get_label (progress), ==, "Step 3 of 4 · round 1 of 2");
  g_assert_true (sm_test_press_key (GTK_WIDGET (window), GDK_KEY_p));
  g_assert_cmpstr (gtk_label_get_label (step_title), ==, "Piriformis");

  /* Looking at another muscle mid-session; the header's timer leads back. */
  sm_window_show_zone (window, "calf", "Calf", "left");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "zone");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-timer", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "session");

  /* Space pauses the session's hold: the header's timer took the keyboard
   * to the Pause button, which Space presses (test-session-e2e.py does
   * that with real keys); with nothing focused it is the timer's key. */
  g_assert_true (gtk_widget_has_focus (sm_test_find (panel, "pause_button")));
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (sm_test_press_key (GTK_WIDGET (window), GDK_KEY_space));
  g_assert_cmpstr (gtk_button_get_label (sm_test_find (panel, "pause_button")), ==, "_Resume");

  /* Stop goes back to the page the person was on, and the timer bar
   * offers that muscle's hold. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.session-stop", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "zone");
  g_assert_false (gtk_widget_get_visible (sm_test_find (window, "timer_indicator")));
  g_assert_cmpstr (sm_timer_bar_get_subject (sm_test_find (window, "timer_bar")), ==, "Calf, left side");

  /* "Start timer" on a muscle's page ends a session and keeps that page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-session",
                                             "s", "piriformis-relief"));
  sm_window_show_zone (window, "calf", "Calf", "left");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-timer",
                                             "(ssu)", "calf", "left", 15));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "zone");
  g_assert_false (sm_test_press_key (GTK_WIDGET (window), GDK_KEY_n));
  g_assert_cmpstr (sm_timer_bar_get_subject (sm_test_find (window, "timer_bar")), ==, "Calf, left side");

  sm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/session/format", test_format);
  g_test_add_func ("/sm/session/step-rejected", test_step_rejected);
  g_test_add_func ("/sm/session/builtin", test_builtin);
  g_test_add_func ("/sm/session/controls", test_controls);
  g_test_add_func ("/sm/session/routine-counting", test_routine_counting);
  g_test_add_func ("/sm/session/window", test_window_session);
  g_test_add_func ("/sm/session/window-keys", test_window_keys);

  return g_test_run ();
}
