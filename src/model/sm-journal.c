/* sm-journal.c: the progress journal, a local SQLite file.
 *
 * What it promises:
 *
 * - One transaction per entry, in WAL mode with synchronous=FULL: an entry
 *   whose add returned TRUE survives the app being killed at any moment.
 * - The schema version is the file's user_version; sm_journal_open ()
 *   migrates an older file one version at a time, each step in its own
 *   transaction together with the new user_version.
 * - Only constant SQL: values always go through bound parameters.
 * - A file that is not a journal or is damaged is never written, never
 *   deleted: the journal is off (SM_JOURNAL_STATE_OFF) until the person
 *   moves the file aside (sm_journal_move_aside ()).
 * - A file from a newer version is opened read-only.
 * - When an entry cannot be written (disk full, folder read-only), it is
 *   kept in memory, has-unsaved is TRUE, and the next add or
 *   sm_journal_retry () writes it first.
 *
 * The database handle and the unsaved entries are shared with the worker
 * thread of sm_journal_add_async () under one lock; property notifications
 * are sent from the main context the journal was made in.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal"

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-journal-private.h"


enum {
  PROP_0,
  PROP_PATH,
  PROP_STATE,
  PROP_HAS_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmJournal, sm_journal, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-journal-error-quark, sm_journal_error)

/* --- Schema -------------------------------------------------------------- */

/* migrations[n] takes a file from version n to n + 1. Never edit one that
 * has shipped: add a step and raise SM_JOURNAL_SCHEMA_VERSION. */
static const char * const migrations[SM_JOURNAL_SCHEMA_VERSION] = {
  /* 0 → 1: the sessions. */
  "CREATE TABLE entry ("
  "  id            INTEGER PRIMARY KEY,"
  "  routine       TEXT    NOT NULL,"
  "  steps         TEXT    NOT NULL,"
  "  started       INTEGER NOT NULL,"
  "  ended         INTEGER NOT NULL,"
  "  steps_done    INTEGER NOT NULL,"
  "  steps_skipped INTEGER NOT NULL,"
  "  pain_before   INTEGER CHECK (pain_before BETWEEN 0 AND 10),"
  "  pain_after    INTEGER CHECK (pain_after BETWEEN 0 AND 10),"
  "  note          TEXT    NOT NULL DEFAULT '',"
  "  partial       INTEGER NOT NULL DEFAULT 0,"
  "  drawing       TEXT"
  ");"
  "CREATE INDEX entry_started ON entry (started);"
  "PRAGMA user_version = 1;",

  /* 1 → 2: what each step did, and the stop-rule flag (filled in for the
   * sessions whose pain rose by two or more). */
  "CREATE TABLE step_flag ("
  "  entry    INTEGER NOT NULL REFERENCES entry (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  flags    INTEGER NOT NULL,"
  "  PRIMARY KEY (entry, position)"
  ");"
  "ALTER TABLE entry ADD COLUMN flagged INTEGER NOT NULL DEFAULT 0;"
  "UPDATE entry SET flagged = 1 WHERE pain_after - pain_before >= 2;"
  "PRAGMA user_version = 2;",

  /* 2 → 3: single holds logged from a panel, and the routine's plan
   * (sessions a week) at the time, so the weeks keep what was asked. */
  "ALTER TABLE entry ADD COLUMN single_hold INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE entry ADD COLUMN plan INTEGER NOT NULL DEFAULT 0;"
  "PRAGMA user_version = 3;",
};

#define INSERT_ENTRY_SQL \
  "INSERT INTO entry (routine, steps, started, ended, steps_done, steps_skipped," \
  " pain_before, pain_after, note, partial, drawing, flagged, single_hold, plan)" \
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"

#define INSERT_FLAG_SQL \
  "INSERT INTO step_flag (entry, position, flags) VALUES (?1, ?2, ?3)"

/* --- Errors -------------------------------------------------------------- */

static gboolean
is_damage (int rc)
{
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB;
}

static char *
display_path (SmJournal *self)
{
  return g_filename_display_name (self->path);
}

static void
set_corrupt_error (SmJournal   *self,
                   const char  *why,
                   GError     **error)
{
  g_autofree char *name = display_path (self);

  self->state = SM_JOURNAL_STATE_OFF;
  /* Translators: %1$s is the journal's file name, %2$s what is wrong. */
  g_set_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT,
               _("The journal “%1$s” is damaged and cannot be read (%2$s). "
                 "It was left as it is, and sessions are not recorded until it is moved aside."),
               name, why);
}

static void
set_unavailable_error (SmJournal   *self,
                       const char  *why,
                       GError     **error)
{
  g_autofree char *name = display_path (self);

  self->state = SM_JOURNAL_STATE_UNAVAILABLE;
  /* Translators: %1$s is the journal's file name, %2$s what went wrong. */
  g_set_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_UNAVAILABLE,
               _("Could not save to the journal “%1$s” (%2$s). "
                 "The session is kept and saved as soon as possible."),
               name, why);
}

static void
set_newer_error (SmJournal  *self,
                 GError    **error)
{
  g_autofree char *name = display_path (self);

  /* Translators: %s is the journal's file name. */
  g_set_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_NEWER,
               _("The journal “%s” was written by a newer version of Sciatica Map. "
                 "It is shown read-only, and new sessions are kept until you quit."),
               name);
}

/* A failure of SQLite: damage turns the journal off, anything else (a full
 * disk, a read-only folder, a lock) is worth retrying. */
void
_sm_journal_set_sqlite_error (SmJournal   *self,
                  int          rc,
                  GError     **error)
{
  const char *why = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  if (is_damage (rc))
    set_corrupt_error (self, why, error);
  else
    set_unavailable_error (self, why, error);
}

/* --- Notifications ------------------------------------------------------- */

static gboolean
notify_changes (gpointer data)
{
  SmJournal *self = data;
  SmJournalState state;
  gboolean unsaved;

  g_mutex_lock (&self->lock);
  state = self->state;
  unsaved = self->pending->len > 0;
  g_mutex_unlock (&self->lock);

  if (state != self->notified_state)
    {
      self->notified_state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (unsaved != self->notified_unsaved)
    {
      self->notified_unsaved = unsaved;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED]);
    }
  return G_SOURCE_REMOVE;
}

/* From any thread: at once on the main context, later from a worker. */
void
_sm_journal_schedule_notify (SmJournal *self)
{
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_changes,
                              g_object_ref (self), g_object_unref);
}

/* --- Opening ------------------------------------------------------------- */

void
_sm_journal_close_locked (SmJournal *self)
{
  g_clear_pointer (&self->insert_entry, sqlite3_finalize);
  g_clear_pointer (&self->insert_flag, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
}

/* Runs a one-row PRAGMA and returns its first column as text. */
static int
query_text (sqlite3     *db,
            const char  *sql,
            char       **text)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

static gboolean
migrate_locked (SmJournal  *self,
                int         version,
                GError    **error)
{
  for (int v = version; v < SM_JOURNAL_SCHEMA_VERSION; v++)
    {
      int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, migrations[v], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          _sm_journal_set_sqlite_error (self, rc, error);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the version and checks the file, without writing a byte of it. */
static gboolean
check_file_locked (SmJournal  *self,
                   int        *version,
                   GError    **error)
{
  g_autofree char *text = NULL;
  g_autofree char *check = NULL;
  int rc = query_text (self->db, "PRAGMA user_version", &text);

  if (rc == SQLITE_OK)
    rc = query_text (self->db, "PRAGMA quick_check", &check);
  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      set_corrupt_error (self, check != NULL ? check : "?", error);
      return FALSE;
    }
  *version = (int) g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

/* max_page_count never goes below the file's size: 1 means "no growth". */
static void
apply_disk_full_locked (SmJournal *self)
{
  if (self->db != NULL)
    sqlite3_exec (self->db,
                  self->disk_full ? "PRAGMA max_page_count = 1"
                                  : "PRAGMA max_page_count = 4294967294",
                  NULL, NULL, NULL);
}

static gboolean
configure_locked (SmJournal  *self,
                  GError    **error)
{
  g_autofree char *mode = NULL;
  int rc = query_text (self->db, "PRAGMA journal_mode = WAL", &mode);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  apply_disk_full_locked (self);
  return TRUE;
}

static gboolean
prepare_locked (SmJournal  *self,
                GError    **error)
{
  int rc = sqlite3_prepare_v3 (self->db, INSERT_ENTRY_SQL, -1, SQLITE_PREPARE_PERSISTENT,
                               &self->insert_entry, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v3 (self->db, INSERT_FLAG_SQL, -1, SQLITE_PREPARE_PERSISTENT,
                             &self->insert_flag, NULL);
  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
open_db_locked (SmJournal  *self,
                int         flags,
                GError    **error)
{
  int rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);

  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      _sm_journal_close_locked (self);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, FALSE);
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

/* A newer file: read what we understand, write nothing. */
static gboolean
reopen_read_only_locked (SmJournal  *self,
                         GError    **error)
{
  _sm_journal_close_locked (self);
  if (!open_db_locked (self, SQLITE_OPEN_READONLY, error))
    return FALSE;
  self->state = SM_JOURNAL_STATE_READ_ONLY;
  set_newer_error (self, error);
  return FALSE;
}

gboolean
_sm_journal_open_locked (SmJournal  *self,
             GError    **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  int version = 0;

  if (self->db != NULL)
    return TRUE;
  if (self->state == SM_JOURNAL_STATE_OFF)
    {
      set_corrupt_error (self, _("it has not been moved aside"), error);
      return FALSE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_unavailable_error (self, g_strerror (errno), error);
      return FALSE;
    }
  if (!open_db_locked (self, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return FALSE;
  if (!check_file_locked (self, &version, error))
    {
      _sm_journal_close_locked (self);
      return FALSE;
    }
  if (version > SM_JOURNAL_SCHEMA_VERSION)
    return reopen_read_only_locked (self, error);

  if (!configure_locked (self, error) ||
      !migrate_locked (self, version, error) ||
      !prepare_locked (self, error))
    {
      _sm_journal_close_locked (self);
      return FALSE;
    }
  self->state = SM_JOURNAL_STATE_READY;
  return TRUE;
}

/* --- Writing ------------------------------------------------------------- */

void
_sm_journal_bind_text_or_null (sqlite3_stmt *stmt,
                   int           column,
                   const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

static void
bind_pain (sqlite3_stmt *stmt,
           int           column,
           int           pain)
{
  if (pain == SM_JOURNAL_NO_PAIN)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int (stmt, column, pain);
}

static int
step_and_reset (sqlite3_stmt *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
insert_entry_locked (SmJournal            *self,
                     const SmJournalEntry *entry,
                     gint64               *id)
{
  sqlite3_stmt *stmt = self->insert_entry;
  int rc;

  _sm_journal_bind_text_or_null (stmt, 1, entry->routine);
  _sm_journal_bind_text_or_null (stmt, 2, entry->steps_json);
  sqlite3_bind_int64 (stmt, 3, entry->started);
  sqlite3_bind_int64 (stmt, 4, entry->ended);
  sqlite3_bind_int (stmt, 5, entry->steps_done);
  sqlite3_bind_int (stmt, 6, entry->steps_skipped);
  bind_pain (stmt, 7, entry->pain_before);
  bind_pain (stmt, 8, entry->pain_after);
  _sm_journal_bind_text_or_null (stmt, 9, entry->note != NULL ? entry->note : "");
  sqlite3_bind_int (stmt, 10, entry->partial ? 1 : 0);
  _sm_journal_bind_text_or_null (stmt, 11, entry->drawing_json);
  sqlite3_bind_int (stmt, 12, sm_journal_entry_is_flagged (entry) ? 1 : 0);
  sqlite3_bind_int (stmt, 13, entry->single_hold ? 1 : 0);
  sqlite3_bind_int (stmt, 14, (int) entry->plan);
  rc = step_and_reset (stmt);
  *id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; rc == SQLITE_OK && i < entry->step_flags->len; i++)
    {
      guint flags = g_array_index (entry->step_flags, guint, i);

      if (flags == 0)
        continue;
      sqlite3_bind_int64 (self->insert_flag, 1, *id);
      sqlite3_bind_int (self->insert_flag, 2, i);
      sqlite3_bind_int (self->insert_flag, 3, flags);
      rc = step_and_reset (self->insert_flag);
    }
  return rc;
}

/* One entry, one transaction. */
static gboolean
write_locked (SmJournal            *self,
              const SmJournalEntry *entry,
              gint64               *id,
              GError              **error)
{
  int rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  if (rc == SQLITE_OK)
    rc = insert_entry_locked (self, entry, id);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sm_journal_set_sqlite_error (self, rc, error);
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (self->state == SM_JOURNAL_STATE_OFF)
        _sm_journal_close_locked (self);
      return FALSE;
    }
  self->state = SM_JOURNAL_STATE_READY;
  return TRUE;
}

/* Writes the unsaved entries, oldest first; @id gets the last one's. */
static gboolean
flush_locked (SmJournal  *self,
              gint64     *id,
              GError    **error)
{
  if (self->state == SM_JOURNAL_STATE_READ_ONLY)
    {
      set_newer_error (self, error);
      return FALSE;
    }
  if (!_sm_journal_open_locked (self, error))
    return FALSE;

  while (self->pending->len > 0)
    {
      SmJournalEntry *entry = g_ptr_array_index (self->pending, 0);

      if (!write_locked (self, entry, id, error))
        return FALSE;
      g_ptr_array_remove_index (self->pending, 0);
    }
  return TRUE;
}

/* --- Public API ---------------------------------------------------------- */

char *
sm_journal_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "sciatica-map", "journal.sqlite3", NULL);
}

/* The person's journal at the default path, made on first use (not
 * opened: the first add or list opens it). */
SmJournal *
sm_journal_get_default (void)
{
  static SmJournal *journal;

  if (g_once_init_enter (&journal))
    g_once_init_leave (&journal, sm_journal_new (NULL));
  return journal;
}

SmJournal *
sm_journal_new (const char *path)
{
  g_autofree char *fallback = path == NULL ? sm_journal_default_path () : NULL;

  return g_object_new (SM_TYPE_JOURNAL, "path", path != NULL ? path : fallback, NULL);
}

const char *
sm_journal_get_path (SmJournal *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL (self), NULL);
  return self->path;
}

SmJournalState
sm_journal_get_state (SmJournal *self)
{
  SmJournalState state;

  g_return_val_if_fail (SM_IS_JOURNAL (self), SM_JOURNAL_STATE_CLOSED);
  g_mutex_lock (&self->lock);
  state = self->state;
  g_mutex_unlock (&self->lock);
  return state;
}

guint
sm_journal_get_n_unsaved (SmJournal *self)
{
  guint n;

  g_return_val_if_fail (SM_IS_JOURNAL (self), 0);
  g_mutex_lock (&self->lock);
  n = self->pending->len;
  g_mutex_unlock (&self->lock);
  return n;
}

gboolean
sm_journal_get_has_unsaved (SmJournal *self)
{
  return sm_journal_get_n_unsaved (self) > 0;
}

/* Opens (creating or migrating) the file. FALSE with an error when it is
 * damaged (state OFF), newer (READ_ONLY, still readable) or cannot be
 * opened now (UNAVAILABLE). Blocking: a few milliseconds. */
gboolean
sm_journal_open (SmJournal  *self,
                 GError    **error)
{
  gboolean ok;

  g_return_val_if_fail (SM_IS_JOURNAL (self), FALSE);
  g_mutex_lock (&self->lock);
  ok = _sm_journal_open_locked (self, error);
  g_mutex_unlock (&self->lock);
  _sm_journal_schedule_notify (self);
  return ok;
}

/* Saves @entry, after any that are still unsaved. When that fails (but
 * not for an entry out of range) the entry is kept and has-unsaved is
 * TRUE. Blocking: use sm_journal_add_async () from a window. */
gboolean
sm_journal_add (SmJournal            *self,
                const SmJournalEntry *entry,
                gint64               *id,
                GError              **error)
{
  gint64 new_id = 0;
  gboolean ok;

  g_return_val_if_fail (SM_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);

  if (!sm_journal_entry_check (entry, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->pending, sm_journal_entry_copy (entry));
  ok = flush_locked (self, &new_id, error);
  g_mutex_unlock (&self->lock);
  _sm_journal_schedule_notify (self);

  if (ok && id != NULL)
    *id = new_id;
  return ok;
}

static void
add_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  if (sm_journal_add (source, data, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
sm_journal_add_async (SmJournal            *self,
                      const SmJournalEntry *entry,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, sm_journal_add_async);
  g_task_set_task_data (task, sm_journal_entry_copy (entry),
                        (GDestroyNotify) sm_journal_entry_free);
  g_task_run_in_thread (task, add_in_thread);
}

gboolean
sm_journal_add_finish (SmJournal     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Tries again to save what is kept in memory. */
gboolean
sm_journal_retry (SmJournal  *self,
                  GError    **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (SM_IS_JOURNAL (self), FALSE);
  g_mutex_lock (&self->lock);
  ok = flush_locked (self, &id, error);
  g_mutex_unlock (&self->lock);
  _sm_journal_schedule_notify (self);
  return ok;
}

void
sm_journal_set_disk_full (SmJournal *self,
                          gboolean   full)
{
  g_mutex_lock (&self->lock);
  self->disk_full = full;
  apply_disk_full_locked (self);
  g_mutex_unlock (&self->lock);
}

void
sm_journal_close (SmJournal *self)
{
  g_return_if_fail (SM_IS_JOURNAL (self));
  g_mutex_lock (&self->lock);
  _sm_journal_close_locked (self);
  if (self->state != SM_JOURNAL_STATE_OFF)
    self->state = SM_JOURNAL_STATE_CLOSED;
  g_mutex_unlock (&self->lock);
  _sm_journal_schedule_notify (self);
}

/* --- GObject ------------------------------------------------------------- */

static void
sm_journal_finalize (GObject *object)
{
  SmJournal *self = SM_JOURNAL (object);

  _sm_journal_close_locked (self);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sm_journal_parent_class)->finalize (object);
}

static void
sm_journal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmJournal *self = SM_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_STATE:
      g_value_set_int (value, sm_journal_get_state (self));
      break;
    case PROP_HAS_UNSAVED:
      g_value_set_boolean (value, sm_journal_get_has_unsaved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_journal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SmJournal *self = SM_JOURNAL (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_journal_class_init (SmJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_journal_finalize;
  object_class->get_property = sm_journal_get_property;
  object_class->set_property = sm_journal_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* An SmJournalState. */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      SM_JOURNAL_STATE_CLOSED, SM_JOURNAL_STATE_UNAVAILABLE,
                      SM_JOURNAL_STATE_CLOSED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_UNSAVED] =
    g_param_spec_boolean ("has-unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_journal_init (SmJournal *self)
{
  g_mutex_init (&self->lock);
  self->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_journal_entry_free);
  self->context = g_main_context_ref_thread_default ();
}
