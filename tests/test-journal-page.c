/* test-journal-page.c: the Journal page: sessions by day, the chart's
 * range and summary, a damaged journal, and Ctrl+J in the window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "sm-journal-page.h"
#include "sm-journal-private.h"
#include "sm-test-utils.h"
#include "sm-window.h"

#define DAY (24 * 60 * 60)

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

static SmJournal *
journal_with_days (guint days)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "page.sqlite3", NULL);
  SmJournal *journal = sm_journal_new (path);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < days; i++)
    {
      g_autoptr(SmJournalEntry) entry = sm_journal_entry_new ("Piriformis relief");
      g_autoptr(GError) error = NULL;

      /* Two sessions on the newest day, one on every other. */
      entry->started = now - (gint64) (i == 0 ? 1 : i) * DAY - 60 * (gint64) i;
      entry->ended = entry->started + 600;
      entry->pain_before = 6;
      entry->pain_after = i < days / 2 ? 2 : 5;
      entry->partial = i == 3;
      g_assert_true (sm_journal_add (journal, entry, NULL, &error));
    }
  return journal;
}

static void
test_sessions (void)
{
  g_autoptr(SmJournal) journal = journal_with_days (100);
  GtkWidget *page = g_object_ref_sink (sm_journal_page_new ());
  GtkWidget *list = sm_test_find (page, "sessions_list");
  const char *summary;

  sm_journal_page_set_journal (SM_JOURNAL_PAGE (page), journal);
  sm_journal_page_reload (SM_JOURNAL_PAGE (page));
  /* The newest 25, then 25 more at each "Show Older Sessions". */
  g_assert_cmpuint (count_rows (list), ==, 25);
  g_assert_true (gtk_widget_get_visible (sm_test_find (page, "more_button")));
  for (guint i = 0; i < 3; i++)
    g_signal_emit_by_name (sm_test_find (page, "more_button"), "clicked");
  g_assert_cmpuint (count_rows (list), ==, 100);
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "more_button")));
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "empty_label")));
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "message_box")));

  /* 30 days by default; the chart's name is its summary. */
  summary = sm_journal_page_get_summary (SM_JOURNAL_PAGE (page));
  g_assert_cmpstr (summary, ==, "Over 4 weeks the average pain after a session went from 2.0 to 2.0.");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (page, "journal_summary")), ==, summary);
  sm_journal_page_set_days (SM_JOURNAL_PAGE (page), 0);
  summary = sm_journal_page_get_summary (SM_JOURNAL_PAGE (page));
  g_assert_cmpstr (summary, ==, "Over 14 weeks the average pain after a session went from 5.0 to 2.0.");
  sm_journal_page_set_days (SM_JOURNAL_PAGE (page), 7);
  g_assert_true (g_str_has_prefix (sm_journal_page_get_summary (SM_JOURNAL_PAGE (page)), "Over 7 days"));
  /* The weeks against the plan (none here), in words and as the name. */
  g_assert_cmpstr (sm_journal_page_get_weeks_summary (SM_JOURNAL_PAGE (page)), ==,
                   "In 2 weeks: 7 sessions. The routine has no plan of sessions a week.");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (page, "weeks_summary")), ==,
                   sm_journal_page_get_weeks_summary (SM_JOURNAL_PAGE (page)));

  g_object_unref (page);
}

static void
test_damaged (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "damaged.sqlite3", NULL);
  g_autoptr(SmJournal) journal = NULL;
  GtkWidget *page = g_object_ref_sink (sm_journal_page_new ());
  GtkLabel *message = sm_test_find (page, "message_label");

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "not a journal", -1, NULL));
  journal = sm_journal_new (path);
  sm_journal_page_set_journal (SM_JOURNAL_PAGE (page), journal);
  sm_journal_page_reload (SM_JOURNAL_PAGE (page));

  g_assert_true (gtk_widget_get_visible (sm_test_find (page, "message_box")));
  g_assert_true (gtk_widget_get_visible (sm_test_find (page, "move_aside_button")));
  g_assert_nonnull (strstr (gtk_label_get_label (message), "damaged.sqlite3"));
  g_assert_true (gtk_widget_get_visible (sm_test_find (page, "empty_label")));

  g_signal_emit_by_name (sm_test_find (page, "move_aside_button"), "clicked");
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "message_box")));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_READY);
  g_object_unref (page);
}

/* A full disk: the session is listed, the page says it is not on disk
 * yet, and the next look saves it. */
static void
test_unsaved (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "full.sqlite3", NULL);
  g_autoptr(SmJournal) journal = sm_journal_new (path);
  g_autoptr(SmJournalEntry) entry = sm_journal_entry_new ("Piriformis relief");
  GtkWidget *page = g_object_ref_sink (sm_journal_page_new ());

  g_assert_true (sm_journal_open (journal, NULL));
  entry->started = g_get_real_time () / G_USEC_PER_SEC - 3600;
  entry->ended = entry->started + 600;
  g_free (entry->note);
  entry->note = g_strnfill (100000, 'x');
  sm_journal_set_disk_full (journal, TRUE);
  g_assert_false (sm_journal_add (journal, entry, NULL, NULL));

  sm_journal_page_set_journal (SM_JOURNAL_PAGE (page), journal);
  sm_journal_page_reload (SM_JOURNAL_PAGE (page));
  g_assert_true (gtk_widget_get_visible (sm_test_find (page, "message_box")));
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "move_aside_button")));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (sm_test_find (page, "message_label")),
                                   "Some sessions are not saved"));
  g_assert_cmpuint (count_rows (sm_test_find (page, "sessions_list")), ==, 1);

  sm_journal_set_disk_full (journal, FALSE);
  sm_journal_page_reload (SM_JOURNAL_PAGE (page));
  g_assert_false (gtk_widget_get_visible (sm_test_find (page, "message_box")));
  g_assert_false (sm_journal_get_has_unsaved (journal));
  g_assert_cmpuint (count_rows (sm_test_find (page, "sessions_list")), ==, 1);
  g_object_unref (page);
}

static void
test_window_action (void)
{
  SmWindow *window = sm_window_new (NULL);
  GtkStack *panel_stack = sm_test_find (window, "panel_stack");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-journal", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (panel_stack), ==, "journal");
  sm_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/journal-page/sessions", test_sessions);
  g_test_add_func ("/sm/journal-page/damaged", test_damaged);
  g_test_add_func ("/sm/journal-page/unsaved", test_unsaved);
  g_test_add_func ("/sm/journal-page/window-action", test_window_action);

  return g_test_run ();
}
