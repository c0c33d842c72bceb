/* sm-journal-entry.h: one session in the progress journal (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-session.h"

G_BEGIN_DECLS

/* What a person said a step did. "Worse" alone asks for easing off; the
 * other four are nerve signs that show the stop rules and the red flags. */
typedef enum
{
  SM_JOURNAL_STEP_WORSE    = 1 << 0,
  SM_JOURNAL_STEP_SHARP    = 1 << 1,
  SM_JOURNAL_STEP_SHOOTING = 1 << 2,
  SM_JOURNAL_STEP_NUMB     = 1 << 3,
  SM_JOURNAL_STEP_TINGLING = 1 << 4,
} SmJournalStepFlags;

#define SM_JOURNAL_STEP_ALARMING (SM_JOURNAL_STEP_SHARP | SM_JOURNAL_STEP_SHOOTING | \
                                  SM_JOURNAL_STEP_NUMB | SM_JOURNAL_STEP_TINGLING)
#define SM_JOURNAL_STEP_ALL      (SM_JOURNAL_STEP_WORSE | SM_JOURNAL_STEP_ALARMING)

#define SM_JOURNAL_NO_PAIN   (-1)   /* the question was skipped */
#define SM_JOURNAL_PAIN_MAX  10
#define SM_JOURNAL_PAIN_RISE 2      /* this much worse after: the stop rules */
#define SM_JOURNAL_PLAN_MAX  21     /* sessions a week a plan may ask for */

#define SM_TYPE_JOURNAL_ENTRY (sm_journal_entry_get_type ())

typedef struct
{
  gint64    id;             /* 0 until it is saved */
  char     *routine;        /* the routine's name at the time */
  char     *steps_json;     /* the steps as played: a JSON array */
  gint64    started;        /* Unix time in seconds (UTC) */
  gint64    ended;
  guint     steps_done;
  guint     steps_skipped;
  int       pain_before;    /* 0 … 10, or SM_JOURNAL_NO_PAIN */
  int       pain_after;
  char     *note;           /* never NULL */
  gboolean  partial;        /* ended early (Stop, quit) */
  char     *drawing_json;   /* the routine's pain drawing then, or NULL */
  GArray   *step_flags;     /* guint SmJournalStepFlags, one per step */
  gboolean  single_hold;    /* one hold from a panel, not a guided session */
  guint     plan;           /* the routine's sessions a week then; 0: none */
} SmJournalEntry;

GType           sm_journal_entry_get_type       (void) G_GNUC_CONST;
SmJournalEntry *sm_journal_entry_new            (const char            *routine);
SmJournalEntry *sm_journal_entry_copy           (const SmJournalEntry  *self);
void            sm_journal_entry_free           (SmJournalEntry        *self);

void            sm_journal_entry_set_steps_from_session (SmJournalEntry *self,
                                                         SmSession      *session);
void            sm_journal_entry_set_step_flags (SmJournalEntry        *self,
                                                 guint                  position,
                                                 guint                  flags);
guint           sm_journal_entry_get_step_flags (const SmJournalEntry  *self,
                                                 guint                  position);
guint           sm_journal_entry_get_all_flags  (const SmJournalEntry  *self);
gboolean        sm_journal_entry_is_flagged     (const SmJournalEntry  *self);
gboolean        sm_journal_entry_check          (const SmJournalEntry  *self,
                                                 GError               **error);

const char     *sm_journal_step_flag_to_string  (SmJournalStepFlags     flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmJournalEntry, sm_journal_entry_free)

G_END_DECLS
