/* sm-journal-save.h: the therapist's report saved from the app.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-journal-page.h"

G_BEGIN_DECLS

void     sm_journal_save_report_async  (GFile               *file,
                                        GPtrArray           *entries,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean sm_journal_save_report_finish (GAsyncResult        *result,
                                        GError             **error);
void     sm_journal_save_report_choose (GtkWindow           *parent,
                                        SmJournalPage       *page);

G_END_DECLS
