/* sm-routine-step.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-atlas.h"

G_BEGIN_DECLS

/* Limits shared by the file format, the editor's spin buttons and the
 * timer (which counts 1 s … 10 min). */
#define SM_ROUTINE_STEP_HOLD_MIN     1
#define SM_ROUTINE_STEP_HOLD_MAX     600
#define SM_ROUTINE_STEP_REPS_MIN     1
#define SM_ROUTINE_STEP_REPS_MAX     20
#define SM_ROUTINE_STEP_REST_MIN     0
#define SM_ROUTINE_STEP_REST_MAX     600
#define SM_ROUTINE_STEP_DEFAULT_HOLD 30
#define SM_ROUTINE_STEP_DEFAULT_REPS 2
#define SM_ROUTINE_STEP_DEFAULT_REST 10

#define SM_TYPE_ROUTINE_STEP (sm_routine_step_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutineStep, sm_routine_step, SM, ROUTINE_STEP, GObject)

SmRoutineStep *sm_routine_step_new               (const char    *zone,
                                                  const char    *side);
SmRoutineStep *sm_routine_step_copy              (SmRoutineStep *self);
gboolean       sm_routine_step_equal             (SmRoutineStep *a,
                                                  SmRoutineStep *b);
const char    *sm_routine_step_get_zone          (SmRoutineStep *self);
void           sm_routine_step_set_zone          (SmRoutineStep *self,
                                                  const char    *zone);
const char    *sm_routine_step_get_side          (SmRoutineStep *self);
void           sm_routine_step_set_side          (SmRoutineStep *self,
                                                  const char    *side);
const char    *sm_routine_step_get_tool          (SmRoutineStep *self);
void           sm_routine_step_set_tool          (SmRoutineStep *self,
                                                  const char    *tool);
const char    *sm_routine_step_get_technique     (SmRoutineStep *self);
void           sm_routine_step_set_technique     (SmRoutineStep *self,
                                                  const char    *technique);
guint          sm_routine_step_get_hold_seconds  (SmRoutineStep *self);
void           sm_routine_step_set_hold_seconds  (SmRoutineStep *self,
                                                  guint          seconds);
guint          sm_routine_step_get_repetitions   (SmRoutineStep *self);
void           sm_routine_step_set_repetitions   (SmRoutineStep *self,
                                                  guint          repetitions);
guint          sm_routine_step_get_rest_seconds  (SmRoutineStep *self);
void           sm_routine_step_set_rest_seconds  (SmRoutineStep *self,
                                                  guint          seconds);
const char    *sm_routine_step_get_note          (SmRoutineStep *self);
void           sm_routine_step_set_note          (SmRoutineStep *self,
                                                  const char    *note);

/* What a new step is: the zone's own first tool, first technique and hold
 * (within the limits), on @side ("both" when %NULL or empty). */
SmRoutineStep *sm_routine_step_new_default       (SmAtlas       *atlas,
                                                  const char    *zone_id,
                                                  const char    *side);

G_END_DECLS
