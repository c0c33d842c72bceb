/* sm-journal-csv.h: the journal as CSV for spreadsheets (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *sm_journal_csv_sessions (GPtrArray *entries);
GBytes *sm_journal_csv_steps    (GPtrArray *entries);

G_END_DECLS
