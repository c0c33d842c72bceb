/* sm-journal-unsaved.h: quitting with sessions not saved to the journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-unsaved-dialog.h"

G_BEGIN_DECLS

gboolean sm_journal_unsaved_confirm (GtkWindow        *parent,
                                     SmUnsavedProceed  proceed,
                                     gpointer          data);

G_END_DECLS
