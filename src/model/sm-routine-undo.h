/* sm-routine-undo.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-routine.h"

G_BEGIN_DECLS

#define SM_TYPE_ROUTINE_UNDO (sm_routine_undo_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutineUndo, sm_routine_undo, SM, ROUTINE_UNDO, GObject)

/* Where an undo or redo happened, for the editor's focus. */
#define SM_ROUTINE_UNDO_NO_STEP G_MAXUINT

SmRoutineUndo *sm_routine_undo_new          (SmRoutine     *routine);
SmRoutine     *sm_routine_undo_get_routine  (SmRoutineUndo *self);
gboolean       sm_routine_undo_get_can_undo (SmRoutineUndo *self);
gboolean       sm_routine_undo_get_can_redo (SmRoutineUndo *self);
guint          sm_routine_undo_get_serial   (SmRoutineUndo *self);
gboolean       sm_routine_undo_undo         (SmRoutineUndo *self,
                                             guint         *step);
gboolean       sm_routine_undo_redo         (SmRoutineUndo *self,
                                             guint         *step);
void           sm_routine_undo_close_group  (SmRoutineUndo *self);

G_END_DECLS
