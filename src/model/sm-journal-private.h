/* sm-journal-private.h: hooks for the tests of the journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-journal.h"

G_BEGIN_DECLS

/* Stops the file from growing (SQLite's max_page_count), so that a test
 * can fill the "disk" without filling the disk. */
void sm_journal_set_disk_full (SmJournal *self,
                               gboolean   full);

G_END_DECLS
