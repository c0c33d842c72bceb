/* sm-routine-editor.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-atlas.h"
#include "sm-routine.h"

G_BEGIN_DECLS

#define SM_TYPE_ROUTINE_EDITOR (sm_routine_editor_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutineEditor, sm_routine_editor, SM, ROUTINE_EDITOR, GtkWidget)

SmRoutine *sm_routine_editor_get_routine (SmRoutineEditor *self);
void       sm_routine_editor_set_routine (SmRoutineEditor *self,
                                          SmRoutine       *routine);
void       sm_routine_editor_focus_name  (SmRoutineEditor *self);
void       sm_routine_editor_focus_last_step (SmRoutineEditor *self);
gboolean   sm_routine_editor_undo_serial (SmRoutineEditor *self,
                                          guint            serial);

G_END_DECLS
