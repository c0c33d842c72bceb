/* sm-conflict-dialog.h: asking what to keep when another program changed
 * a routine's file (the routine store's ::conflict).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-routine-store.h"

G_BEGIN_DECLS

void sm_conflict_dialog_present (GtkWindow      *parent,
                                 SmRoutineStore *store,
                                 SmRoutine      *routine);

G_END_DECLS
