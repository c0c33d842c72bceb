/* sm-journal-private.h: the journal's instance, shared by sm-journal.c
 * (opening, writing) and sm-journal-read.c (reading, moving aside), and
 * the tests' hook.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sm-journal.h"

G_BEGIN_DECLS

struct _SmJournal
{
  GObject         parent_instance;

  char           *path;
  GMainContext   *context;

  /* Shared with the worker thread, under lock. */
  GMutex          lock;
  sqlite3        *db;
  sqlite3_stmt   *insert_entry;
  sqlite3_stmt   *insert_flag;
  SmJournalState  state;
  GPtrArray      *pending;       /* SmJournalEntry, oldest first */
  gboolean        disk_full;     /* a test's full disk */

  /* Main context only: what the last notifications said. */
  SmJournalState  notified_state;
  gboolean        notified_unsaved;
};

/* With self->lock held. */
gboolean _sm_journal_open_locked        (SmJournal    *self,
                                         GError      **error);
void     _sm_journal_close_locked       (SmJournal    *self);
void     _sm_journal_set_sqlite_error   (SmJournal    *self,
                                         int           rc,
                                         GError      **error);
void     _sm_journal_bind_text_or_null  (sqlite3_stmt *stmt,
                                         int           column,
                                         const char   *text);
/* From any thread. */
void     _sm_journal_schedule_notify    (SmJournal    *self);


/* Stops the file from growing (SQLite's max_page_count), so that a test
 * can fill the "disk" without filling the disk. */
void sm_journal_set_disk_full (SmJournal *self,
                               gboolean   full);

G_END_DECLS
