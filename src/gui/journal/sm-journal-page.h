/* sm-journal-page.h: the side-pane page of the progress journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-journal.h"

G_BEGIN_DECLS

#define SM_TYPE_JOURNAL_PAGE (sm_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (SmJournalPage, sm_journal_page, SM, JOURNAL_PAGE, GtkWidget)

GtkWidget *sm_journal_page_new        (void);
void       sm_journal_page_set_journal (SmJournalPage *self,
                                        SmJournal     *journal);
void       sm_journal_page_reload     (SmJournalPage *self);
void       sm_journal_page_set_days   (SmJournalPage *self,
                                       guint          days);
const char *sm_journal_page_get_summary (SmJournalPage *self);

G_END_DECLS
