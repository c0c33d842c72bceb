/* sm-journal-chart.h: pain before and after each session, over time, drawn
 * with cairo and Pango for the screen and for paper (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "sm-journal-entry.h"

G_BEGIN_DECLS

/* The desktop's Sans on screen; DejaVu Sans where no alias says what Sans
 * is (the sheet's own font configuration, on paper). */
#define SM_JOURNAL_CHART_FONT      "Sans,DejaVu Sans 8"
#define SM_JOURNAL_CHART_FONT_BOLD "Sans,DejaVu Sans Bold 8"

typedef struct
{
  double ink[4];      /* text, axes */
  double grid[4];
  double before[4];
  double after[4];
} SmJournalChartColors;

typedef struct _SmJournalChart SmJournalChart;

void            sm_journal_chart_colors_paper (SmJournalChartColors       *colors);

SmJournalChart *sm_journal_chart_new          (GPtrArray                  *entries,
                                               gint64                      since,
                                               gint64                      until);
void            sm_journal_chart_free         (SmJournalChart             *self);
guint           sm_journal_chart_get_n_sessions (SmJournalChart           *self);
void            sm_journal_chart_draw         (SmJournalChart             *self,
                                               cairo_t                    *cr,
                                               PangoContext               *context,
                                               double                      width,
                                               double                      height,
                                               const SmJournalChartColors *colors);
char           *sm_journal_chart_summary      (SmJournalChart             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmJournalChart, sm_journal_chart_free)

G_END_DECLS
