/* sm-journal-presenter.h: the journal's charts full screen, for the
 * therapist to show the patient.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_JOURNAL_PRESENTER (sm_journal_presenter_get_type ())

G_DECLARE_FINAL_TYPE (SmJournalPresenter, sm_journal_presenter, SM, JOURNAL_PRESENTER, GtkWidget)

GtkWidget *sm_journal_presenter_new         (void);
void       sm_journal_presenter_set_entries (SmJournalPresenter *self,
                                             GPtrArray          *entries,
                                             guint               days);
const char *sm_journal_presenter_get_summary (SmJournalPresenter *self);

G_END_DECLS
