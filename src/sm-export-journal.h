/* sm-export-journal.h: `sciatica-map --export-journal` (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

extern const GOptionEntry sm_export_journal_entries[];

gboolean sm_export_journal_is_requested   (const char   *arg);
int      sm_export_journal_handle_options (GVariantDict *options);

G_END_DECLS
