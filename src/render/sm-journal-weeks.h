/* sm-journal-weeks.h: sessions per week against the routine's plan, drawn
 * with cairo and Pango for the screen and for paper (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sm-journal-chart.h"

G_BEGIN_DECLS

typedef struct _SmJournalWeeks SmJournalWeeks;

SmJournalWeeks *sm_journal_weeks_new        (GPtrArray                  *entries,
                                             gint64                      since,
                                             gint64                      until);
void            sm_journal_weeks_free       (SmJournalWeeks             *self);
guint           sm_journal_weeks_get_n_weeks (SmJournalWeeks            *self);
guint           sm_journal_weeks_get_sessions (SmJournalWeeks           *self,
                                               guint                     week);
guint           sm_journal_weeks_get_plan   (SmJournalWeeks             *self,
                                             guint                       week);
void            sm_journal_weeks_draw       (SmJournalWeeks             *self,
                                             cairo_t                    *cr,
                                             PangoContext               *context,
                                             double                      width,
                                             double                      height,
                                             const SmJournalChartColors *colors);
char           *sm_journal_weeks_summary    (SmJournalWeeks             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmJournalWeeks, sm_journal_weeks_free)

G_END_DECLS
