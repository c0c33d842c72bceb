/* test-check-in.c: the pain questions of a guided session, the stop rules
 * they show, and the entry the window writes to the journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "sm-check-in.h"
#include "sm-journal.h"
#include "sm-pain-scale.h"
#include "sm-session.h"
#include "sm-test-utils.h"
#include "sm-window.h"

static SmSessionStep *
step (const char *zone,
      guint       hold,
      const char *title)
{
  g_autoptr(GError) error = NULL;
  SmSessionStep *step = sm_session_step_new (zone, zone != NULL ? "left" : NULL, hold, 1, title, NULL, &error);

  g_assert_no_error (error);
  return step;
}

/* Three 1-second steps, the second in two rounds. */
static SmSession *
quick_session (void)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_session_step_unref);
  g_autoptr(SmSessionStep) psoas = step ("psoas", 1, "Psoas");

  g_ptr_array_add (steps, step ("gluteus-maximus", 1, "Gluteus maximus"));
  g_ptr_array_add (steps, sm_session_step_new_round (psoas, 1, 2));
  g_ptr_array_add (steps, sm_session_step_new_round (psoas, 2, 2));
  g_ptr_array_add (steps, step ("piriformis", 1, "Piriformis"));
  return sm_session_new ("quick", "Quick", steps);
}

/* The toggle named @name (its accessible name's start) in the check-in. */
static GtkToggleButton *
find_toggle (GtkWidget  *widget,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *found;

      if (GTK_IS_TOGGLE_BUTTON (child) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return GTK_TOGGLE_BUTTON (child);
      if ((found = find_toggle (child, tooltip)) != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static void
test_stop_rules (void)
{
  g_autoptr(SmSession) session = quick_session ();
  GtkWidget *check_in = g_object_ref_sink (sm_check_in_new ());
  SmPainScale *after = sm_test_find (check_in, "pain_after");
  GtkWidget *check_in_stop = sm_test_find (check_in, "check_in_stop");
  g_autoptr(SmJournalEntry) entry = sm_journal_entry_new ("Quick");
  GtkToggleButton *numb, *worse;

  sm_check_in_set_session (SM_CHECK_IN (check_in), session, 3);
  /* One row per step, not per round. */
  g_assert_cmpuint (count_rows (sm_test_find (check_in, "check_in_steps")), ==, 3);
  g_assert_nonnull (gtk_widget_get_first_child (sm_test_find (check_in, "stop_rules_box")));
  g_assert_nonnull (gtk_widget_get_first_child (sm_test_find (check_in, "check_in_red_flags")));
  g_assert_false (gtk_widget_get_visible (check_in_stop));

  /* Up by one: no; up by two: the stop rules at once. */
  sm_pain_scale_set_value (after, 4);
  g_assert_false (sm_check_in_get_flagged (SM_CHECK_IN (check_in)));
  sm_pain_scale_set_value (after, 5);
  g_assert_true (sm_check_in_get_flagged (SM_CHECK_IN (check_in)));
  g_assert_true (gtk_widget_get_visible (check_in_stop));
  sm_pain_scale_set_value (after, 2);
  g_assert_false (gtk_widget_get_visible (check_in_stop));

  /* "Worse" alone is not a nerve sign; "Numb" is. */
  worse = find_toggle (check_in, "Gluteus maximus, left side made the pain worse");
  numb = find_toggle (check_in, "Numbness during Piriformis, left side");
  g_assert_nonnull (worse);
  g_assert_nonnull (numb);
  gtk_toggle_button_set_active (worse, TRUE);
  g_assert_false (gtk_widget_get_visible (check_in_stop));
  gtk_toggle_button_set_active (numb, TRUE);
  g_assert_true (gtk_widget_get_visible (check_in_stop));
  g_assert_true (sm_check_in_get_flagged (SM_CHECK_IN (check_in)));

  gtk_editable_set_text (sm_test_find (check_in, "note_entry"), "  Easier to walk.  ");
  sm_check_in_fill_entry (SM_CHECK_IN (check_in), entry);
  g_assert_cmpint (entry->pain_after, ==, 2);
  g_assert_cmpstr (entry->note, ==, "Easier to walk.");
  g_assert_cmpuint (sm_journal_entry_get_step_flags (entry, 0), ==, SM_JOURNAL_STEP_WORSE);
  g_assert_cmpuint (sm_journal_entry_get_step_flags (entry, 1), ==, 0);
  /* The piriformis is session step 3 (after the psoas's two rounds). */
  g_assert_cmpuint (sm_journal_entry_get_step_flags (entry, 3), ==, SM_JOURNAL_STEP_NUMB);

  g_object_unref (check_in);
}

static gboolean
shows_summary (gpointer window)
{
  GtkStack *pages = sm_test_find (sm_test_page (window, "session"), "pages");

  return g_strcmp0 (gtk_stack_get_visible_child_name (pages), "summary") == 0;
}

static guint wanted_entries;

static gboolean
journal_has_entries (gpointer data)
{
  g_autoptr(GPtrArray) entries = sm_journal_list (sm_journal_get_default (), 0, NULL, NULL);

  return entries != NULL && entries->len >= wanted_entries;
}

static SmJournalEntry *
newest_entry (void)
{
  g_autoptr(GPtrArray) entries = sm_journal_list (sm_journal_get_default (), 0, NULL, NULL);

  g_assert_nonnull (entries);
  g_assert_cmpuint (entries->len, >, 0);
  return sm_journal_entry_copy (g_ptr_array_index (entries, 0));
}

/* A whole session with both check-ins, then one stopped early: each is in
 * the journal, the second as partial. */
static void
test_window_records (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SmSession) session = quick_session ();
  g_autoptr(SmSession) stopped = quick_session ();
  g_autoptr(SmJournalEntry) entry = NULL;
  g_autoptr(SmJournalEntry) partial = NULL;
  SmWindow *window;
  GtkWidget *panel;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  g_settings_set_boolean (settings, "get-ready", FALSE);
  g_settings_set_boolean (settings, "switch-sides", FALSE);
  g_settings_set_boolean (settings, "timer-sound", FALSE);
  window = sm_window_new (NULL);
  sm_window_run_session (window, session);
  panel = sm_test_page (window, "session");
  g_assert_true (gtk_widget_get_visible (sm_test_find (panel, "before_box")));
  sm_pain_scale_set_value (sm_test_find (panel, "before_scale"), 6);
  g_assert_true (sm_test_wait_for (shows_summary, window, 20000));
  sm_pain_scale_set_value (sm_test_find (panel, "pain_after"), 2);
  gtk_editable_set_text (sm_test_find (panel, "note_entry"), "Better");
  gtk_toggle_button_set_active (find_toggle (panel, "Tingling during Psoas, left side"), TRUE);
  g_assert_true (gtk_widget_get_visible (sm_test_find (panel, "check_in_stop")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.session-close", NULL));

  wanted_entries = 1;
  g_assert_true (sm_test_wait_for (journal_has_entries, NULL, 10000));
  entry = newest_entry ();
  g_assert_cmpstr (entry->routine, ==, "Quick");
  g_assert_false (entry->partial);
  g_assert_cmpint (entry->pain_before, ==, 6);
  g_assert_cmpint (entry->pain_after, ==, 2);
  g_assert_cmpstr (entry->note, ==, "Better");
  g_assert_cmpuint (entry->steps_done, ==, 4);
  g_assert_cmpuint (entry->steps_skipped, ==, 0);
  g_assert_cmpuint (sm_journal_entry_get_step_flags (entry, 1), ==, SM_JOURNAL_STEP_TINGLING);
  g_assert_true (sm_journal_entry_is_flagged (entry));
  g_assert_cmpint (entry->started, >=, before);
  g_assert_cmpint (entry->ended, >=, entry->started);
  g_assert_nonnull (strstr (entry->steps_json, "\"zone\":\"piriformis\""));

  /* Stopped at once, the question skipped: partial, no pain. */
  sm_window_run_session (window, stopped);
  g_signal_emit_by_name (sm_test_find (panel, "before_skip"), "clicked");
  g_assert_false (gtk_widget_get_visible (sm_test_find (panel, "before_box")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.session-stop", NULL));
  wanted_entries = 2;
  g_assert_true (sm_test_wait_for (journal_has_entries, NULL, 10000));
  partial = newest_entry ();
  g_assert_true (partial->partial);
  g_assert_cmpint (partial->pain_before, ==, SM_JOURNAL_NO_PAIN);
  g_assert_cmpint (partial->pain_after, ==, SM_JOURNAL_NO_PAIN);
  g_assert_cmpuint (partial->steps_done, ==, 0);

  sm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/check-in/stop-rules", test_stop_rules);
  g_test_add_func ("/sm/check-in/window-records", test_window_records);

  return g_test_run ();
}
