/* sm-unsaved-dialog.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*SmUnsavedProceed) (gpointer data);

gboolean sm_unsaved_dialog_confirm (GtkWindow        *parent,
                                    SmUnsavedProceed  proceed,
                                    gpointer          data);
void     sm_unsaved_dialog_guard_window (GtkWindow    *window);

G_END_DECLS
