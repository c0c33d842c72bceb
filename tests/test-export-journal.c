/* test-export-journal.c: `sciatica-map --export-journal` on the real binary
 * with no display, read back with Python's csv module.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sm-journal.h"
#include "sm-test-model.h"

#define T0 G_GINT64_CONSTANT (1767225600)   /* 2026-01-01 00:00 UTC */

/* The binary, with this test case's data folder, in UTC, no display. */
static int
run_export (const char * const  *args,
            char               **out,
            char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  env = g_environ_setenv (env, "TZ", "UTC", TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("SM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The rows as Python's csv module reads them, as a JSON array of arrays. */
static JsonArray *
read_back (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    print(json.dumps(list(csv.reader(f, strict=True))))\n";
  const char *argv[] = { "python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static const char *
cell (JsonArray *rows,
      guint      row,
      guint      column)
{
  return json_array_get_string_element (json_array_get_array_element (rows, row), column);
}

static void
write_journal (void)
{
  g_autoptr(SmJournal) journal = sm_journal_new (NULL);
  g_autoptr(SmJournalEntry) first = sm_journal_entry_new ("Piriformis relief");
  g_autoptr(SmJournalEntry) second = sm_journal_entry_new ("Rücken, \"sanft\", abends");
  g_autoptr(GError) error = NULL;

  first->started = T0;
  first->ended = T0 + 605;
  first->steps_done = 4;
  first->pain_before = 6;
  first->pain_after = 4;
  g_free (first->steps_json);
  first->steps_json = g_strdup ("[{\"zone\":\"piriformis\",\"side\":\"left\",\"hold\":30,\"title\":\"Piriformis\"},"
                                "{\"zone\":\"hamstrings\",\"side\":\"right\",\"hold\":45,\"title\":\"Hamstrings, \\\"slow\\\"\"}]");
  sm_journal_entry_set_step_flags (first, 1, SM_JOURNAL_STEP_WORSE | SM_JOURNAL_STEP_TINGLING);

  second->started = T0 + 86400;
  second->ended = T0 + 86400 + 60;
  second->partial = TRUE;
  second->steps_skipped = 1;
  second->pain_after = 7;
  g_free (second->note);
  second->note = g_strdup ("Zwei Zeilen,\r\nmit „Anführungszeichen“ und \"quotes\"");

  g_assert_true (sm_journal_add (journal, first, NULL, &error));
  g_assert_true (sm_journal_add (journal, second, NULL, &error));
  g_assert_no_error (error);
}

static void
test_sessions (void)
{
  g_autofree char *csv = g_build_filename (g_get_user_cache_dir (), "journal.csv", NULL);
  g_autofree char *arg = g_strconcat ("--export-journal=", csv, NULL);
  const char *args[] = { arg, NULL };
  g_autofree char *out = NULL, *err = NULL, *text = NULL;
  g_autoptr(JsonArray) rows = NULL;
  struct stat st;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  write_journal ();
  g_assert_cmpint (run_export (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  /* RFC 4180: CRLF after every record; private, like the journal. */
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "id,routine,started,ended,duration_seconds,"));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_cmpint (g_stat (csv, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  rows = read_back (csv);
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpstr (cell (rows, 0, 13), ==, "note");
  /* Oldest first. */
  g_assert_cmpstr (cell (rows, 1, 0), ==, "1");
  g_assert_cmpstr (cell (rows, 1, 1), ==, "Piriformis relief");
  g_assert_cmpstr (cell (rows, 1, 2), ==, "2026-01-01T00:00:00+00:00");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "2026-01-01T00:10:05+00:00");
  g_assert_cmpstr (cell (rows, 1, 4), ==, "605");
  g_assert_cmpstr (cell (rows, 1, 5), ==, "4");
  g_assert_cmpstr (cell (rows, 1, 7), ==, "6");
  g_assert_cmpstr (cell (rows, 1, 8), ==, "4");
  g_assert_cmpstr (cell (rows, 1, 9), ==, "-2");
  g_assert_cmpstr (cell (rows, 1, 10), ==, "no");
  g_assert_cmpstr (cell (rows, 1, 11), ==, "yes");
  g_assert_cmpstr (cell (rows, 1, 12), ==, "worse tingling");
  g_assert_cmpstr (cell (rows, 1, 13), ==, "");

  g_assert_cmpstr (cell (rows, 2, 1), ==, "Rücken, \"sanft\", abends");
  g_assert_cmpstr (cell (rows, 2, 6), ==, "1");
  g_assert_cmpstr (cell (rows, 2, 7), ==, "");
  g_assert_cmpstr (cell (rows, 2, 8), ==, "7");
  g_assert_cmpstr (cell (rows, 2, 9), ==, "");
  g_assert_cmpstr (cell (rows, 2, 10), ==, "yes");
  g_assert_cmpstr (cell (rows, 2, 11), ==, "no");
  g_assert_cmpstr (cell (rows, 2, 13), ==, "Zwei Zeilen,\r\nmit „Anführungszeichen“ und \"quotes\"");
}

static void
test_steps (void)
{
  const char *args[] = { "--export-journal", "-", "--steps", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *csv = g_build_filename (g_get_user_cache_dir (), "steps.csv", NULL);
  g_autoptr(JsonArray) rows = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  write_journal ();
  g_assert_cmpint (run_export (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_set_contents (csv, out, -1, NULL));

  rows = read_back (csv);
  /* The partial session has no steps in its snapshot. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "session_id");
  g_assert_cmpstr (cell (rows, 1, 3), ==, "1");
  g_assert_cmpstr (cell (rows, 1, 4), ==, "Piriformis");
  g_assert_cmpstr (cell (rows, 1, 5), ==, "piriformis");
  g_assert_cmpstr (cell (rows, 1, 7), ==, "30");
  g_assert_cmpstr (cell (rows, 1, 8), ==, "");
  g_assert_cmpstr (cell (rows, 2, 3), ==, "2");
  g_assert_cmpstr (cell (rows, 2, 4), ==, "Hamstrings, \"slow\"");
  g_assert_cmpstr (cell (rows, 2, 6), ==, "right");
  g_assert_cmpstr (cell (rows, 2, 8), ==, "worse tingling");
}

/* No journal yet: the header alone, and no journal made by the export. */
static void
test_empty (void)
{
  const char *args[] = { "--export-journal=-", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *journal = sm_journal_default_path ();

  g_assert_cmpint (run_export (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "id,routine,started,ended,duration_seconds,steps_done,steps_skipped,"
                            "pain_before,pain_after,pain_change,partial,flagged,flags,note,single_hold,plan_per_week\r\n");
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_errors (void)
{
  const char *damaged_args[] = { "--export-journal=-", NULL };
  const char *steps_args[] = { "--steps", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *journal = sm_journal_default_path ();
  g_autofree char *dir = g_path_get_dirname (journal);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (journal, "not a database, just words\n", -1, NULL));
  g_assert_cmpint (run_export (damaged_args, &out, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "sciatica-map: The journal “"));
  g_assert_nonnull (strstr (err, "journal.sqlite3"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_export (steps_args, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "sciatica-map: --steps goes with --export-journal\n");
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autofree char *out = NULL;
  int status = -1;

  if (g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;
  if (g_str_equal (tool, "pdfimages"))
    argv[1] = "-list", argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  return g_steal_pointer (&out);
}

/* The report through the binary: its text, the paper, vector only, and
 * --since and --routine choosing the sessions. */
static void
test_report (void)
{
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "report.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export-report=", pdf, NULL);
  const char *all_args[] = { arg, "--paper", "letter", NULL };
  const char *since_args[] = { arg, "--since", "2026-01-02", NULL };
  const char *routine_args[] = { arg, "--routine", "Piriformis relief", NULL };
  const char *bad_args[] = { arg, "--since", "yesterday", NULL };
  const char *alone_args[] = { "--since", "2026-01-02", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *text = NULL, *info = NULL, *images = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  write_journal ();

  g_assert_cmpint (run_export (all_args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "Progress journal"));
  g_assert_nonnull (strstr (text, "All routines"));
  g_assert_nonnull (strstr (text, "2 sessions"));
  g_assert_nonnull (strstr (text, "Pain before"));
  g_assert_nonnull (strstr (text, "2026-01-01 00:00"));
  g_assert_nonnull (strstr (text, "Ended early"));
  g_assert_nonnull (strstr (text, "the stop rules were shown"));
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "(letter)"));
  images = run_tool ("pdfimages", pdf);
  g_assert_null (strstr (images, "image"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_export (since_args, &out, &err), ==, 0);
  text = run_tool ("pdftotext", pdf);
  g_assert_nonnull (strstr (text, "1 session\n"));
  g_assert_null (strstr (text, "2026-01-01 00:00"));
  g_assert_nonnull (strstr (text, "2026-01-02 00:00"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&info, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_export (routine_args, &out, &err), ==, 0);
  text = run_tool ("pdftotext", pdf);
  info = run_tool ("pdfinfo", pdf);
  g_assert_nonnull (strstr (info, "(A4)"));
  g_assert_nonnull (strstr (text, "1 session\n"));
  g_assert_nonnull (strstr (text, "2026-01-01 00:00"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_export (bad_args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, "sciatica-map: “yesterday” is not a day: use YYYY-MM-DD, such as 2026-03-01\n");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_export (alone_args, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "sciatica-map: --since goes with --export-report\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/export-journal/sessions", test_sessions);
  g_test_add_func ("/sm/export-journal/steps", test_steps);
  g_test_add_func ("/sm/export-journal/empty", test_empty);
  g_test_add_func ("/sm/export-journal/errors", test_errors);
  g_test_add_func ("/sm/export-journal/report", test_report);

  return g_test_run ();
}
