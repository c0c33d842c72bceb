/* sm-routine-step-row.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-atlas.h"
#include "sm-routine.h"

G_BEGIN_DECLS

#define SM_TYPE_ROUTINE_STEP_ROW (sm_routine_step_row_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutineStepRow, sm_routine_step_row, SM, ROUTINE_STEP_ROW, GtkWidget)

GtkWidget     *sm_routine_step_row_new        (SmRoutine        *routine,
                                               SmRoutineStep    *step,
                                               SmAtlas          *atlas);
SmRoutineStep *sm_routine_step_row_get_step   (SmRoutineStepRow *self);
guint          sm_routine_step_row_get_index  (SmRoutineStepRow *self);
void           sm_routine_step_row_focus      (SmRoutineStepRow *self,
                                               const char       *what);

G_END_DECLS
