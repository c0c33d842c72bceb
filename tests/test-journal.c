/* test-journal.c: the progress journal's SQLite file: every write and read,
 * the migration from version 1, and the faults a person's disk can have.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sm-journal-private.h"
#include "sm-journal.h"
#include "sm-test-model.h"

#define DAY (24 * 60 * 60)
#define T0  G_GINT64_CONSTANT (1767225600)   /* 2026-01-01 00:00 UTC */

/* --- Helpers ------------------------------------------------------------- */

static SmJournalEntry *
make_entry (const char *routine,
            gint64      started,
            int         before,
            int         after)
{
  SmJournalEntry *entry = sm_journal_entry_new (routine);

  entry->started = started;
  entry->ended = started + 600;
  entry->steps_done = 4;
  entry->pain_before = before;
  entry->pain_after = after;
  g_free (entry->steps_json);
  entry->steps_json = g_strdup ("[{\"zone\":\"piriformis\",\"side\":\"left\",\"hold\":30,\"title\":\"Piriformis\"}]");
  return entry;
}

static char *
journal_path (void)
{
  return sm_journal_default_path ();
}

/* Runs one query on the file through a connection of our own. */
static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

static void
assert_entries_equal (const SmJournalEntry *a,
                      const SmJournalEntry *b)
{
  g_assert_cmpstr (a->routine, ==, b->routine);
  g_assert_cmpstr (a->steps_json, ==, b->steps_json);
  g_assert_cmpint (a->started, ==, b->started);
  g_assert_cmpint (a->ended, ==, b->ended);
  g_assert_cmpuint (a->steps_done, ==, b->steps_done);
  g_assert_cmpuint (a->steps_skipped, ==, b->steps_skipped);
  g_assert_cmpint (a->pain_before, ==, b->pain_before);
  g_assert_cmpint (a->pain_after, ==, b->pain_after);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpint (a->partial, ==, b->partial);
  g_assert_cmpstr (a->drawing_json, ==, b->drawing_json);
  g_assert_cmpint (a->single_hold, ==, b->single_hold);
  g_assert_cmpuint (a->plan, ==, b->plan);
  for (guint i = 0; i < MAX (a->step_flags->len, b->step_flags->len); i++)
    g_assert_cmpuint (sm_journal_entry_get_step_flags (a, i), ==,
                      sm_journal_entry_get_step_flags (b, i));
}

/* A journal written by a version-1 app, with its schema as it shipped. */
static void
write_version_1 (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  raw_exec (path,
            "CREATE TABLE entry ("
            "  id INTEGER PRIMARY KEY, routine TEXT NOT NULL, steps TEXT NOT NULL,"
            "  started INTEGER NOT NULL, ended INTEGER NOT NULL,"
            "  steps_done INTEGER NOT NULL, steps_skipped INTEGER NOT NULL,"
            "  pain_before INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
            "  pain_after INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
            "  note TEXT NOT NULL DEFAULT '', partial INTEGER NOT NULL DEFAULT 0,"
            "  drawing TEXT);"
            "CREATE INDEX entry_started ON entry (started);"
            "INSERT INTO entry VALUES (1, 'Old routine', '[]', 1767225600, 1767226200, 3, 1,"
            "  3, 6, 'worse after', 0, NULL);"
            "INSERT INTO entry VALUES (2, 'Old routine', '[]', 1767312000, 1767312600, 4, 0,"
            "  5, 2, '', 0, NULL);"
            "PRAGMA user_version = 1;");
}

/* A journal of ours with two entries, closed. */
static void
write_two_entries (const char *path)
{
  g_autoptr(SmJournal) journal = sm_journal_new (path);
  g_autoptr(SmJournalEntry) a = make_entry ("Piriformis relief", T0, 5, 3);
  g_autoptr(SmJournalEntry) b = make_entry ("Piriformis relief", T0 + DAY, 4, 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_journal_add (journal, a, NULL, &error));
  g_assert_true (sm_journal_add (journal, b, NULL, &error));
  g_assert_no_error (error);
}

/* --- Writing and reading ------------------------------------------------- */

static void
test_round_trip (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = sm_journal_new (NULL);
  g_autoptr(SmJournalEntry) first = make_entry ("Piriformis relief", T0, 6, 4);
  g_autoptr(SmJournalEntry) second = make_entry ("Back of the body", T0 + DAY, SM_JOURNAL_NO_PAIN, 7);
  g_autoptr(SmJournalEntry) third = make_entry ("Piriformis relief", T0 + 2 * DAY, 0, 10);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL, *version = NULL, *fk = NULL;
  gint64 id = 0;

  g_assert_cmpstr (sm_journal_get_path (journal), ==, path);
  g_assert_true (g_str_has_suffix (path, "/sciatica-map/journal.sqlite3"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_CLOSED);

  g_free (second->note);
  second->note = g_strdup ("Ein Hauch “besser”, \"quoted\", a comma\nand a new line");
  second->partial = TRUE;
  second->steps_skipped = 2;
  second->drawing_json = g_strdup ("[{\"kind\":\"sharp\",\"intensity\":7,\"view\":\"back\",\"points\":[1,2,3,4]}]");
  sm_journal_entry_set_step_flags (second, 0, SM_JOURNAL_STEP_WORSE);
  sm_journal_entry_set_step_flags (second, 2, SM_JOURNAL_STEP_NUMB | SM_JOURNAL_STEP_TINGLING);
  sm_journal_entry_set_step_flags (third, 1, SM_JOURNAL_STEP_WORSE);

  g_assert_true (sm_journal_add (journal, first, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, ==, 1);
  g_assert_true (sm_journal_add (journal, second, &id, &error));
  g_assert_cmpint (id, ==, 2);
  g_assert_true (sm_journal_add (journal, third, &id, &error));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_READY);
  g_assert_false (sm_journal_get_has_unsaved (journal));

  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  assert_entries_equal (g_ptr_array_index (all, 0), third);
  assert_entries_equal (g_ptr_array_index (all, 1), second);
  assert_entries_equal (g_ptr_array_index (all, 2), first);
  g_assert_cmpint (((SmJournalEntry *) g_ptr_array_index (all, 2))->id, ==, 1);

  /* The stop rules: a rise of two or more, or a nerve sign. */
  g_assert_false (sm_journal_entry_is_flagged (first));
  g_assert_true (sm_journal_entry_is_flagged (second));
  g_assert_true (sm_journal_entry_is_flagged (third));

  some = sm_journal_list (journal, T0 + 1, "Piriformis relief", &error);
  g_assert_cmpuint (some->len, ==, 1);
  assert_entries_equal (g_ptr_array_index (some, 0), third);

  /* The file's settings, seen from another connection. */
  mode = raw_query (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  version = raw_query (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (SM_JOURNAL_SCHEMA_VERSION));
  g_free (mode);
  mode = raw_query (path, "SELECT group_concat(flagged) FROM (SELECT flagged FROM entry ORDER BY id)");
  g_assert_cmpstr (mode, ==, "0,1,1");
  fk = raw_query (path, "SELECT count(*) FROM step_flag");
  g_assert_cmpstr (fk, ==, "3");
}

/* A second journal object on the same file sees what the first wrote. */
static void
test_reopen (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  write_two_entries (path);
  journal = sm_journal_new (path);
  g_assert_true (sm_journal_open (journal, &error));
  g_assert_no_error (error);
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((SmJournalEntry *) g_ptr_array_index (all, 0))->started, ==, T0 + DAY);
}

static void
on_add_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  gboolean *done = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_journal_add_finish (SM_JOURNAL (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* From a window: the write runs in a worker thread. */
static void
test_async (void)
{
  g_autoptr(SmJournal) journal = sm_journal_new (NULL);
  g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0, 5, 5);
  g_autoptr(GPtrArray) all = NULL;
  gboolean done = FALSE;

  sm_journal_add_async (journal, entry, NULL, on_add_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  all = sm_journal_list (journal, 0, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 1);
  assert_entries_equal (g_ptr_array_index (all, 0), entry);
}

/* Out of range: refused at once, never kept for later. */
static void
test_invalid (void)
{
  g_autoptr(SmJournal) journal = sm_journal_new (NULL);
  g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0, 11, 5);
  g_autoptr(GError) error = NULL;

  g_assert_false (sm_journal_add (journal, entry, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_INVALID);
  g_assert_false (sm_journal_get_has_unsaved (journal));
  g_clear_error (&error);

  entry->pain_before = 3;
  entry->ended = entry->started - 1;
  g_assert_false (sm_journal_add (journal, entry, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_INVALID);
  g_assert_false (sm_journal_get_has_unsaved (journal));
}

/* --- Migration ----------------------------------------------------------- */

static void
test_migration (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(SmJournalEntry) entry = make_entry ("New routine", T0 + 3 * DAY, 4, 4);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL, *flagged = NULL, *flags = NULL;
  SmJournalEntry *old;

  write_version_1 (path);
  journal = sm_journal_new (path);
  g_assert_true (sm_journal_open (journal, &error));
  g_assert_no_error (error);

  version = raw_query (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, G_STRINGIFY (SM_JOURNAL_SCHEMA_VERSION));
  /* The first session's pain rose from 3 to 6: flagged by the migration. */
  flagged = raw_query (path, "SELECT group_concat(flagged) FROM (SELECT flagged FROM entry ORDER BY id)");
  g_assert_cmpstr (flagged, ==, "1,0");

  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  old = g_ptr_array_index (all, 1);
  g_assert_cmpstr (old->routine, ==, "Old routine");
  g_assert_cmpstr (old->note, ==, "worse after");
  g_assert_cmpint (old->pain_before, ==, 3);
  g_assert_cmpint (old->pain_after, ==, 6);
  g_assert_cmpuint (old->steps_skipped, ==, 1);
  g_assert_cmpuint (old->step_flags->len, ==, 0);

  /* The new table works on the migrated file. */
  sm_journal_entry_set_step_flags (entry, 1, SM_JOURNAL_STEP_SHARP);
  g_assert_true (sm_journal_add (journal, entry, NULL, &error));
  g_assert_no_error (error);
  flags = raw_query (path, "SELECT flags FROM step_flag WHERE entry = 3 AND position = 1");
  g_assert_cmpstr (flags, ==, "2");
}

/* A version-2 journal (the step flags, no single holds, no plans), as
 * that version shipped it, migrated to 3 on a real file. */
static void
test_migration_2_to_3 (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(SmJournalEntry) hold = make_entry ("Piriformis, left side", T0 + 5 * DAY, SM_JOURNAL_NO_PAIN, 2);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL, *columns = NULL;
  SmJournalEntry *old;

  write_version_1 (path);
  raw_exec (path,
            "CREATE TABLE step_flag (entry INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,"
            "  position INTEGER NOT NULL, flags INTEGER NOT NULL, PRIMARY KEY (entry, position));"
            "ALTER TABLE entry ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;"
            "UPDATE entry SET flagged = 1 WHERE pain_after - pain_before >= 2;"
            "INSERT INTO step_flag VALUES (2, 0, 1);"
            "PRAGMA user_version = 2;");
  journal = sm_journal_new (path);
  g_assert_true (sm_journal_open (journal, &error));
  g_assert_no_error (error);

  version = raw_query (path, "PRAGMA user_version");
  g_assert_cmpstr (version, ==, "3");
  columns = raw_query (path, "SELECT group_concat(single_hold || '/' || plan) FROM entry");
  g_assert_cmpstr (columns, ==, "0/0,0/0");

  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  old = g_ptr_array_index (all, 0);
  g_assert_false (old->single_hold);
  g_assert_cmpuint (old->plan, ==, 0);
  g_assert_cmpuint (sm_journal_entry_get_step_flags (old, 0), ==, SM_JOURNAL_STEP_WORSE);
  g_clear_pointer (&all, g_ptr_array_unref);

  /* The new columns on the migrated file: a single hold, and a plan. */
  hold->single_hold = TRUE;
  hold->plan = 3;
  g_assert_true (sm_journal_add (journal, hold, NULL, &error));
  g_assert_no_error (error);
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 3);
  assert_entries_equal (g_ptr_array_index (all, 0), hold);
}

/* --- Faults -------------------------------------------------------------- */

static void
overwrite (const char *path,
           goffset     offset,
           gsize       length)
{
  FILE *file = fopen (path, "r+b");
  g_autofree guint8 *junk = g_malloc (length);

  memset (junk, 0xa5, length);
  g_assert_nonnull (file);
  g_assert_cmpint (fseek (file, offset, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, length, file), ==, length);
  g_assert_cmpint (fclose (file), ==, 0);
}

static void
check_corrupt (goffset offset,
               gsize   length)
{
  g_autofree char *path = journal_path ();
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *aside = NULL;
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0 + 5 * DAY, 3, 2);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL, moved = NULL;
  g_autoptr(GError) error = NULL;

  write_two_entries (path);
  raw_exec (path, "PRAGMA wal_checkpoint(TRUNCATE)");
  overwrite (path, offset, length);
  before = read_bytes (path);

  journal = sm_journal_new (path);
  g_assert_false (sm_journal_open (journal, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, name));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_OFF);
  g_clear_error (&error);

  /* Off: nothing read, the entry kept, the file untouched. */
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_null (all);
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_false (sm_journal_add (journal, entry, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT);
  g_clear_error (&error);
  g_assert_true (sm_journal_get_has_unsaved (journal));
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));

  /* Moved aside, never deleted; then a new journal takes the entry. */
  g_assert_true (sm_journal_move_aside (journal, &aside, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (aside, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  moved = read_bytes (aside);
  g_assert_true (g_bytes_equal (before, moved));

  g_assert_true (sm_journal_retry (journal, &error));
  g_assert_no_error (error);
  g_assert_false (sm_journal_get_has_unsaved (journal));
  g_clear_pointer (&all, g_ptr_array_unref);
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
  assert_entries_equal (g_ptr_array_index (all, 0), entry);
}

/* The header ("SQLite format 3") overwritten. */
static void
test_corrupt_header (void)
{
  check_corrupt (0, 100);
}

/* The first page of the entries' table overwritten. */
static void
test_corrupt_page (void)
{
  check_corrupt (4096, 4096);
}

/* Not a database at all: a text file where the journal should be. */
static void
test_corrupt_text (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SmJournal) journal = sm_journal_new (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "These are my notes, not a journal.\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_false (sm_journal_open (journal, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT);
  after = read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
}

static void
test_newer (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0 + 9 * DAY, 3, 2);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GBytes) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;

  write_two_entries (path);
  raw_exec (path, "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);");
  before = read_bytes (path);

  journal = sm_journal_new (path);
  g_assert_false (sm_journal_open (journal, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_NEWER);
  g_assert_nonnull (strstr (error->message, "newer version"));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_READ_ONLY);
  g_clear_error (&error);

  /* Readable; a new entry is kept, not written. */
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_false (sm_journal_add (journal, entry, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_NEWER);
  g_assert_cmpuint (sm_journal_get_n_unsaved (journal), ==, 1);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = sm_journal_list (journal, 0, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 3);

  sm_journal_close (journal);
  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* The folder cannot be made or written: root ignores a folder's mode, so
 * then a plain file stands where the folder should be. */
static void
make_folder_unwritable (const char *dir,
                        gboolean    unwritable)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  if (geteuid () == 0)
    {
      if (unwritable)
        g_assert_true (g_file_set_contents (dir, "", 0, NULL));
      else
        g_assert_cmpint (g_unlink (dir), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_cmpint (g_chmod (dir, unwritable ? 0500 : 0700), ==, 0);
    }
}

static void
test_read_only_folder (void)
{
  g_autofree char *path = journal_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(SmJournal) journal = sm_journal_new (path);
  g_autoptr(SmJournalEntry) a = make_entry ("Piriformis relief", T0, 5, 3);
  g_autoptr(SmJournalEntry) b = make_entry ("Piriformis relief", T0 + DAY, 4, 3);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  make_folder_unwritable (dir, TRUE);
  g_assert_false (sm_journal_add (journal, a, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_UNAVAILABLE);
  g_assert_nonnull (strstr (error->message, "journal.sqlite3"));
  g_clear_error (&error);
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_UNAVAILABLE);
  g_assert_false (sm_journal_add (journal, b, NULL, &error));
  g_clear_error (&error);
  g_assert_cmpuint (sm_journal_get_n_unsaved (journal), ==, 2);
  g_assert_false (sm_journal_retry (journal, NULL));

  /* Both in the list while unsaved, then saved in order. */
  all = sm_journal_list (journal, 0, NULL, NULL);
  g_assert_cmpuint (all->len, ==, 2);
  g_clear_pointer (&all, g_ptr_array_unref);

  make_folder_unwritable (dir, FALSE);
  g_assert_true (sm_journal_retry (journal, &error));
  g_assert_no_error (error);
  g_assert_false (sm_journal_get_has_unsaved (journal));
  g_assert_cmpint (sm_journal_get_state (journal), ==, SM_JOURNAL_STATE_READY);
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpint (((SmJournalEntry *) g_ptr_array_index (all, 1))->id, ==, 1);
  assert_entries_equal (g_ptr_array_index (all, 1), a);
}

static void
test_disk_full (void)
{
  g_autoptr(SmJournal) journal = sm_journal_new (NULL);
  g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0, 5, 3);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_journal_open (journal, &error));
  g_free (entry->note);
  entry->note = g_strnfill (200000, 'x');   /* needs new pages */
  sm_journal_set_disk_full (journal, TRUE);

  g_assert_false (sm_journal_add (journal, entry, NULL, &error));
  g_assert_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_UNAVAILABLE);
  g_clear_error (&error);
  g_assert_true (sm_journal_get_has_unsaved (journal));
  g_assert_false (sm_journal_retry (journal, NULL));
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  g_assert_cmpint (((SmJournalEntry *) g_ptr_array_index (all, 0))->id, ==, 0);
  g_clear_pointer (&all, g_ptr_array_unref);

  sm_journal_set_disk_full (journal, FALSE);
  g_assert_true (sm_journal_retry (journal, &error));
  g_assert_no_error (error);
  g_assert_false (sm_journal_get_has_unsaved (journal));
  all = sm_journal_list (journal, 0, NULL, &error);
  g_assert_cmpuint (all->len, ==, 1);
  assert_entries_equal (g_ptr_array_index (all, 0), entry);
}

/* --- Killed while writing ------------------------------------------------ */

#define KILL_WRITES 1000
#define KILL_AFTER  250

G_GNUC_NORETURN static void
write_many (const char *path,
            int         out)
{
  g_autoptr(SmJournal) journal = sm_journal_new (path);

  for (int i = 0; i < KILL_WRITES; i++)
    {
      g_autoptr(SmJournalEntry) entry = make_entry ("Piriformis relief", T0 + i * DAY, i % 11, (i * 7) % 11);
      gint64 id = 0;

      sm_journal_entry_set_step_flags (entry, i % 5, 1u << (i % 5));
      if (!sm_journal_add (journal, entry, &id, NULL) ||
          write (out, &id, sizeof id) != sizeof id)
        _exit (1);
    }
  _exit (0);
}

static void
test_kill_during_writes (void)
{
  g_autofree char *path = journal_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) committed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *check = NULL;
  int fds[2];
  int status;
  pid_t pid;
  gint64 id;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (fds[0]);
      write_many (path, fds[1]);
    }
  close (fds[1]);

  /* Each id the child sends is an add that returned: a commit. */
  while (committed->len < KILL_AFTER && read (fds[0], &id, sizeof id) == sizeof id)
    g_array_append_val (committed, id);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  while (read (fds[0], &id, sizeof id) == sizeof id)
    g_array_append_val (committed, id);
  close (fds[0]);
  g_test_message ("%u of %d entries committed before the kill", committed->len, KILL_WRITES);
  g_assert_cmpuint (committed->len, >=, KILL_AFTER);

  check = raw_query (path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");

  journal = sm_journal_new (path);
  all = sm_journal_list (journal, 0, NULL, NULL);
  g_assert_nonnull (all);
  for (guint i = 0; i < all->len; i++)
    {
      SmJournalEntry *entry = g_ptr_array_index (all, i);

      g_hash_table_add (present, &entry->id);
      g_assert_cmpuint (sm_journal_entry_get_all_flags (entry), !=, 0);
    }
  for (guint i = 0; i < committed->len; i++)
    g_assert_true (g_hash_table_contains (present, &g_array_index (committed, gint64, i)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/journal/round-trip", test_round_trip);
  g_test_add_func ("/sm/journal/reopen", test_reopen);
  g_test_add_func ("/sm/journal/async", test_async);
  g_test_add_func ("/sm/journal/invalid", test_invalid);
  g_test_add_func ("/sm/journal/migration-1-to-2", test_migration);
  g_test_add_func ("/sm/journal/migration-2-to-3", test_migration_2_to_3);
  g_test_add_func ("/sm/journal/corrupt-header", test_corrupt_header);
  g_test_add_func ("/sm/journal/corrupt-page", test_corrupt_page);
  g_test_add_func ("/sm/journal/corrupt-text", test_corrupt_text);
  g_test_add_func ("/sm/journal/newer-version", test_newer);
  g_test_add_func ("/sm/journal/read-only-folder", test_read_only_folder);
  g_test_add_func ("/sm/journal/disk-full", test_disk_full);
  g_test_add_func ("/sm/journal/kill-during-writes", test_kill_during_writes);

  return g_test_run ();
}
