/* sm-journal-read.c: reading the journal, and moving a damaged one aside.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-journal-private.h"

#define SELECT_ENTRIES_SQL \
  "SELECT id, routine, steps, started, ended, steps_done, steps_skipped," \
  " pain_before, pain_after, note, partial, drawing, single_hold, plan FROM entry" \
  " WHERE started >= ?1 AND (?2 IS NULL OR routine = ?2)" \
  " ORDER BY started DESC, id DESC"

#define SELECT_FLAGS_SQL \
  "SELECT f.entry, f.position, f.flags FROM step_flag AS f" \
  " JOIN entry AS e ON e.id = f.entry" \
  " WHERE e.started >= ?1 AND (?2 IS NULL OR e.routine = ?2)"

/* --- Reading ------------------------------------------------------------- */

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static int
column_pain (sqlite3_stmt *stmt,
             int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return SM_JOURNAL_NO_PAIN;
  return CLAMP (sqlite3_column_int (stmt, column), 0, SM_JOURNAL_PAIN_MAX);
}

static SmJournalEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  SmJournalEntry *entry = g_new0 (SmJournalEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, 0);
  entry->routine = column_text (stmt, 1);
  entry->steps_json = column_text (stmt, 2);
  entry->started = sqlite3_column_int64 (stmt, 3);
  entry->ended = sqlite3_column_int64 (stmt, 4);
  entry->steps_done = MAX (sqlite3_column_int (stmt, 5), 0);
  entry->steps_skipped = MAX (sqlite3_column_int (stmt, 6), 0);
  entry->pain_before = column_pain (stmt, 7);
  entry->pain_after = column_pain (stmt, 8);
  entry->note = column_text (stmt, 9);
  entry->partial = sqlite3_column_int (stmt, 10) != 0;
  entry->drawing_json = column_text (stmt, 11);
  entry->single_hold = sqlite3_column_int (stmt, 12) != 0;
  entry->plan = (guint) CLAMP (sqlite3_column_int (stmt, 13), 0, SM_JOURNAL_PLAN_MAX);
  entry->step_flags = g_array_new (FALSE, TRUE, sizeof (guint));
  if (entry->routine == NULL)
    entry->routine = g_strdup ("");
  if (entry->steps_json == NULL)
    entry->steps_json = g_strdup ("[]");
  if (entry->note == NULL)
    entry->note = g_strdup ("");
  return entry;
}

static void
bind_filter (sqlite3_stmt *stmt,
             gint64        since,
             const char   *routine)
{
  sqlite3_bind_int64 (stmt, 1, since);
  _sm_journal_bind_text_or_null (stmt, 2, routine);
}

static int
read_entries_locked (SmJournal  *self,
                     gint64      since,
                     const char *routine,
                     GPtrArray  *entries,
                     GHashTable *by_id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, SELECT_ENTRIES_SQL, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      bind_filter (stmt, since, routine);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          SmJournalEntry *entry = entry_from_row (stmt);

          g_ptr_array_add (entries, entry);
          g_hash_table_insert (by_id, &entry->id, entry);
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static int
read_flags_locked (SmJournal  *self,
                   gint64      since,
                   const char *routine,
                   GHashTable *by_id)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, SELECT_FLAGS_SQL, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      bind_filter (stmt, since, routine);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          int position = sqlite3_column_int (stmt, 1);
          SmJournalEntry *entry = g_hash_table_lookup (by_id, &id);

          /* A bound keeps a damaged position from allocating gigabytes. */
          if (entry != NULL && position >= 0 && position < 10000)
            sm_journal_entry_set_step_flags (entry, position, sqlite3_column_int (stmt, 2));
        }
      if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SmJournalEntry *x = *(SmJournalEntry **) a;
  const SmJournalEntry *y = *(SmJournalEntry **) b;

  if (x->started != y->started)
    return x->started > y->started ? -1 : 1;
  return 0;
}

/* The unsaved entries belong in the list too: they happened. */
static void
add_pending_locked (SmJournal  *self,
                    gint64      since,
                    const char *routine,
                    GPtrArray  *entries)
{
  for (guint i = 0; i < self->pending->len; i++)
    {
      SmJournalEntry *entry = g_ptr_array_index (self->pending, i);

      if (entry->started >= since && (routine == NULL || g_strcmp0 (routine, entry->routine) == 0))
        g_ptr_array_add (entries, sm_journal_entry_copy (entry));
    }
  if (self->pending->len > 0)
    g_ptr_array_sort (entries, compare_newest_first);
}

/* The sessions that started at or after @since (Unix seconds; 0: all),
 * of the routine named @routine (NULL: all), newest first: a new array of
 * SmJournalEntry. */
GPtrArray *
sm_journal_list (SmJournal   *self,
                 gint64       since,
                 const char  *routine,
                 GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  int rc;

  g_return_val_if_fail (SM_IS_JOURNAL (self), NULL);

  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_journal_entry_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_mutex_lock (&self->lock);
  if (self->db == NULL && self->state != SM_JOURNAL_STATE_READ_ONLY && !_sm_journal_open_locked (self, error))
    {
      /* Unavailable for now: what is kept in memory is all there is. */
      gboolean off = self->state == SM_JOURNAL_STATE_OFF;

      if (!off)
        {
          g_clear_error (error);
          add_pending_locked (self, since, routine, entries);
        }
      g_mutex_unlock (&self->lock);
      _sm_journal_schedule_notify (self);
      return off ? NULL : g_steal_pointer (&entries);
    }

  rc = read_entries_locked (self, since, routine, entries, by_id);
  if (rc == SQLITE_OK)
    rc = read_flags_locked (self, since, routine, by_id);
  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      if (self->state == SM_JOURNAL_STATE_OFF)
        _sm_journal_close_locked (self);
      g_mutex_unlock (&self->lock);
      _sm_journal_schedule_notify (self);
      return NULL;
    }
  add_pending_locked (self, since, routine, entries);
  g_mutex_unlock (&self->lock);
  return g_steal_pointer (&entries);
}

/* --- Moving a damaged file aside ----------------------------------------- */

static gboolean
rename_if_there (const char  *from,
                 const char  *to,
                 GError     **error)
{
  int saved_errno;

  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;
  saved_errno = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %1$s is a file name, %2$s what went wrong. */
               _("Could not move “%1$s” aside: %2$s"), from, g_strerror (saved_errno));
  return FALSE;
}

/* Renames the file (and its -wal and -shm) to "journal.sqlite3.damaged-
 * <time>", never deleting anything, so that a new journal can start. */
gboolean
sm_journal_move_aside (SmJournal  *self,
                       char      **new_path,
                       GError    **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *target = g_strdup_printf ("%s.damaged-%s", self->path, stamp);
  gboolean ok = TRUE;

  g_return_val_if_fail (SM_IS_JOURNAL (self), FALSE);

  g_mutex_lock (&self->lock);
  _sm_journal_close_locked (self);
  for (guint i = 0; ok && i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (self->path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      ok = rename_if_there (from, to, error);
    }
  if (ok)
    self->state = SM_JOURNAL_STATE_CLOSED;
  g_mutex_unlock (&self->lock);
  _sm_journal_schedule_notify (self);

  if (ok && new_path != NULL)
    *new_path = g_steal_pointer (&target);
  return ok;
}
