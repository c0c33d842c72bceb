/* sm-journal.h: the progress journal, a local SQLite file (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-journal-entry.h"

G_BEGIN_DECLS

#define SM_JOURNAL_SCHEMA_VERSION 3

#define SM_JOURNAL_ERROR (sm_journal_error_quark ())

typedef enum
{
  SM_JOURNAL_ERROR_CORRUPT,       /* not a journal, or damaged: left alone */
  SM_JOURNAL_ERROR_NEWER,         /* written by a newer app: read-only */
  SM_JOURNAL_ERROR_READ_ONLY,     /* an entry cannot be written now */
  SM_JOURNAL_ERROR_UNAVAILABLE,   /* disk full, folder read-only: retried */
  SM_JOURNAL_ERROR_INVALID,       /* an entry out of range */
  SM_JOURNAL_ERROR_FAILED,
} SmJournalError;

typedef enum
{
  SM_JOURNAL_STATE_CLOSED,        /* not opened yet */
  SM_JOURNAL_STATE_READY,
  SM_JOURNAL_STATE_READ_ONLY,     /* from a newer version */
  SM_JOURNAL_STATE_OFF,           /* damaged: the app works without it */
  SM_JOURNAL_STATE_UNAVAILABLE,   /* cannot be opened or written for now */
} SmJournalState;

#define SM_TYPE_JOURNAL (sm_journal_get_type ())

G_DECLARE_FINAL_TYPE (SmJournal, sm_journal, SM, JOURNAL, GObject)

GQuark          sm_journal_error_quark     (void);

char           *sm_journal_default_path    (void);
SmJournal      *sm_journal_get_default     (void);
SmJournal      *sm_journal_new             (const char          *path);
const char     *sm_journal_get_path        (SmJournal           *self);
SmJournalState  sm_journal_get_state       (SmJournal           *self);
gboolean        sm_journal_get_has_unsaved (SmJournal           *self);
guint           sm_journal_get_n_unsaved   (SmJournal           *self);

gboolean        sm_journal_open            (SmJournal           *self,
                                            GError             **error);
gboolean        sm_journal_add             (SmJournal           *self,
                                            const SmJournalEntry *entry,
                                            gint64              *id,
                                            GError             **error);
void            sm_journal_add_async       (SmJournal           *self,
                                            const SmJournalEntry *entry,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean        sm_journal_add_finish      (SmJournal           *self,
                                            GAsyncResult        *result,
                                            GError             **error);
gboolean        sm_journal_retry           (SmJournal           *self,
                                            GError             **error);
GPtrArray      *sm_journal_list            (SmJournal           *self,
                                            gint64               since,
                                            const char          *routine,
                                            GError             **error);
gboolean        sm_journal_move_aside      (SmJournal           *self,
                                            char               **new_path,
                                            GError             **error);
void            sm_journal_close           (SmJournal           *self);

G_END_DECLS
