/* sm-journal-page.h: the side-pane page of the progress journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-journal.h"
#include "sm-journal-chart.h"

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
const char *sm_journal_page_get_weeks_summary (SmJournalPage *self);
guint      sm_journal_page_get_days   (SmJournalPage *self);
GPtrArray *sm_journal_page_get_entries (SmJournalPage *self);
void       sm_journal_page_show_status (SmJournalPage *self,
                                        const char    *text,
                                        gboolean       is_error);

/* sm_journal_chart_draw () or sm_journal_weeks_draw () */
typedef void (*SmJournalDrawFunc) (gpointer                    model,
                                   cairo_t                    *cr,
                                   PangoContext               *context,
                                   double                      width,
                                   double                      height,
                                   const SmJournalChartColors *colors);

void       sm_journal_screen_draw     (GtkWidget            *area,
                                       cairo_t              *cr,
                                       int                   width,
                                       int                   height,
                                       double                zoom,
                                       SmJournalDrawFunc     draw,
                                       gpointer              model);

G_END_DECLS
