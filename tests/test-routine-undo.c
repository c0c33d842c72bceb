/* test-routine-undo.c: the editor's undo history of a routine — step
 * removals, moves and field edits, undone and redone in order, typing
 * merged into one change, and the serial a message keeps.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-routine-undo.h"

static SmRoutine *
make_routine (void)
{
  SmRoutine *routine = sm_routine_new ("Evening");
  const char *zones[] = { "piriformis", "hamstrings", "calf" };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (zones[i], "left");

      sm_routine_append_step (routine, step);
    }
  return routine;
}

static char *
zones_of (SmRoutine *routine)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            sm_routine_step_get_zone (sm_routine_get_step (routine, i)));
  return g_string_free (text, FALSE);
}

#define assert_zones(routine, expected) \
  G_STMT_START { g_autofree char *z = zones_of (routine); g_assert_cmpstr (z, ==, expected); } G_STMT_END

/* Ends the current turn of the main loop, as between two key presses. */
static void
next_turn (SmRoutineUndo *undo)
{
  sm_routine_undo_close_group (undo);
}

static void
test_remove_move_edit (void)
{
  g_autoptr(SmRoutine) routine = make_routine ();
  g_autoptr(SmRoutineUndo) undo = sm_routine_undo_new (routine);
  SmRoutineStep *calf = sm_routine_get_step (routine, 2);
  guint step = 0;

  g_assert_false (sm_routine_undo_get_can_undo (undo));
  g_assert_false (sm_routine_undo_undo (undo, &step));

  sm_routine_remove_step (routine, 1);
  next_turn (undo);
  sm_routine_move_step (routine, 1, 0);
  next_turn (undo);
  sm_routine_step_set_hold_seconds (calf, 45);
  next_turn (undo);
  sm_routine_set_notes (routine, "Warm up first.");
  next_turn (undo);
  assert_zones (routine, "calf piriformis");

  g_assert_true (sm_routine_undo_undo (undo, &step));
  g_assert_cmpuint (step, ==, SM_ROUTINE_UNDO_NO_STEP);
  g_assert_cmpstr (sm_routine_get_notes (routine), ==, "");
  g_assert_true (sm_routine_undo_undo (undo, &step));
  g_assert_cmpuint (step, ==, 0);
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (calf), ==, SM_ROUTINE_STEP_DEFAULT_HOLD);
  /* A move is one change, though the list saw a removal and an insertion. */
  g_assert_true (sm_routine_undo_undo (undo, &step));
  assert_zones (routine, "piriformis calf");
  g_assert_true (sm_routine_undo_undo (undo, &step));
  assert_zones (routine, "piriformis hamstrings calf");
  g_assert_cmpuint (step, ==, 1);
  g_assert_false (sm_routine_undo_get_can_undo (undo));
  g_assert_true (sm_routine_undo_get_can_redo (undo));

  /* The very same step object comes back, so rows and bindings follow it. */
  g_assert_true (sm_routine_get_step (routine, 2) == calf);

  g_assert_true (sm_routine_undo_redo (undo, NULL));
  g_assert_true (sm_routine_undo_redo (undo, NULL));
  g_assert_true (sm_routine_undo_redo (undo, NULL));
  g_assert_true (sm_routine_undo_redo (undo, NULL));
  assert_zones (routine, "calf piriformis");
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (calf), ==, 45);
  g_assert_cmpstr (sm_routine_get_notes (routine), ==, "Warm up first.");
  g_assert_false (sm_routine_undo_redo (undo, NULL));
}

/* Typing a word is one change; a new edit drops what could be redone. */
static void
test_typing_merges (void)
{
  g_autoptr(SmRoutine) routine = make_routine ();
  g_autoptr(SmRoutineUndo) undo = sm_routine_undo_new (routine);
  const char *typed[] = { "H", "He", "Hea", "Heat" };
  guint serial;

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      sm_routine_set_patient (routine, typed[i]);
      next_turn (undo);
    }
  serial = sm_routine_undo_get_serial (undo);
  g_assert_cmpuint (serial, >, 0);
  sm_routine_step_set_note (sm_routine_get_step (routine, 0), "slowly");
  next_turn (undo);
  g_assert_cmpuint (sm_routine_undo_get_serial (undo), >, serial);

  g_assert_true (sm_routine_undo_undo (undo, NULL));
  g_assert_cmpuint (sm_routine_undo_get_serial (undo), ==, serial);
  g_assert_true (sm_routine_undo_undo (undo, NULL));
  g_assert_cmpstr (sm_routine_get_patient (routine), ==, "");
  g_assert_false (sm_routine_undo_get_can_undo (undo));

  g_assert_true (sm_routine_undo_redo (undo, NULL));
  g_assert_cmpstr (sm_routine_get_patient (routine), ==, "Heat");
  sm_routine_set_name (routine, "Morning");
  g_assert_false (sm_routine_undo_get_can_redo (undo));
  g_assert_true (sm_routine_undo_undo (undo, NULL));
  g_assert_cmpstr (sm_routine_get_name (routine), ==, "Evening");
}

/* Undoing does not record itself, and a value set back to what it was is
 * no change at all. */
static void
test_no_echo (void)
{
  g_autoptr(SmRoutine) routine = make_routine ();
  g_autoptr(SmRoutineUndo) undo = sm_routine_undo_new (routine);
  SmRoutineStep *first = sm_routine_get_step (routine, 0);

  sm_routine_step_set_side (first, "left");
  g_assert_false (sm_routine_undo_get_can_undo (undo));
  sm_routine_step_set_side (first, "both");
  next_turn (undo);
  g_assert_true (sm_routine_undo_undo (undo, NULL));
  g_assert_false (sm_routine_undo_get_can_undo (undo));
  g_assert_cmpstr (sm_routine_step_get_side (first), ==, "left");

  /* A step removed and then edited through an old reference: no crash,
   * and its removal still comes back. */
  sm_routine_remove_step (routine, 0);
  next_turn (undo);
  sm_routine_step_set_side (first, "right");
  g_assert_true (sm_routine_undo_undo (undo, NULL));
  g_assert_true (sm_routine_get_step (routine, 0) == first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/routine-undo/remove-move-edit", test_remove_move_edit);
  g_test_add_func ("/sm/routine-undo/typing-merges", test_typing_merges);
  g_test_add_func ("/sm/routine-undo/no-echo", test_no_echo);

  return g_test_run ();
}
