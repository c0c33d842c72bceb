/* sm-journal-report.h: the therapist's report of the journal, as a PDF
 * (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sm-sheet.h"

G_BEGIN_DECLS

GBytes *sm_journal_report_render_pdf (GPtrArray     *entries,
                                      gint64         since,
                                      const char    *routine,
                                      SmSheetPaper   paper,
                                      GError       **error);

G_END_DECLS
