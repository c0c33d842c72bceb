/* sm-routine.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-atlas.h"
#include "sm-pain-drawing.h"
#include "sm-routine-step.h"

G_BEGIN_DECLS

#define SM_ROUTINE_FORMAT  "sciatica-map-routine"
#define SM_ROUTINE_VERSION 3   /* 2 added "pain", 3 "sessions-per-week"; older files still load */

/* A routine file as the desktop knows it (data/org.sciaticamap.SciaticaMap.mime.xml.in); the app's
 * own folder keeps its routines as .json. */
#define SM_ROUTINE_MIME_TYPE   "application/x-sciatica-map-routine"
#define SM_ROUTINE_FILE_SUFFIX ".sciatica-routine"

#define SM_ROUTINE_ERROR (sm_routine_error_quark ())

typedef enum
{
  SM_ROUTINE_ERROR_PARSE,
  SM_ROUTINE_ERROR_TOO_DEEP,
  SM_ROUTINE_ERROR_FORMAT,
  SM_ROUTINE_ERROR_VERSION,
  SM_ROUTINE_ERROR_UNKNOWN_KEY,
  SM_ROUTINE_ERROR_MISSING_FIELD,
  SM_ROUTINE_ERROR_WRONG_TYPE,
  SM_ROUTINE_ERROR_OUT_OF_RANGE,
  SM_ROUTINE_ERROR_UNKNOWN_ID,
  SM_ROUTINE_ERROR_DUPLICATE_KEY,
  SM_ROUTINE_ERROR_NOT_A_FILE,    /* a named pipe, a device, a folder */
  SM_ROUTINE_ERROR_TOO_LARGE,     /* over SM_ROUTINE_FILE_MAX_SIZE, or too many values */
} SmRoutineError;

/* Limits of the format; a routine a person writes is far below each. */
#define SM_ROUTINE_FILE_MAX_SIZE (4 * 1024 * 1024)   /* bytes; a routine is kilobytes */
#define SM_ROUTINE_MAX_STEPS     500
#define SM_ROUTINE_MAX_NAME      200                 /* characters */
#define SM_ROUTINE_MAX_PATIENT   200
#define SM_ROUTINE_MAX_NOTES     10000
#define SM_ROUTINE_MAX_STEP_NOTE 10000
#define SM_ROUTINE_MAX_PER_WEEK  21                  /* the plan: sessions a week */

#define SM_TYPE_ROUTINE (sm_routine_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutine, sm_routine, SM, ROUTINE, GObject)

GQuark         sm_routine_error_quark      (void);
SmRoutine     *sm_routine_new              (const char    *name);
SmRoutine     *sm_routine_new_from_bytes   (GBytes        *bytes,
                                            const char    *file_name,
                                            GError       **error);
SmRoutine     *sm_routine_new_from_file    (GFile         *file,
                                            GError       **error);
void           sm_routine_new_from_file_async (GFile               *file,
                                               SmAtlas             *atlas,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
SmRoutine     *sm_routine_new_from_file_finish (GAsyncResult  *result,
                                                GError       **error);
GBytes        *sm_routine_load_file_bytes  (GFile         *file,
                                            const char    *name,
                                            GError       **error);
gboolean       sm_routine_check_ids        (SmRoutine     *self,
                                            SmAtlas       *atlas,
                                            const char    *file_name,
                                            GError       **error);
GBytes        *sm_routine_to_bytes         (SmRoutine     *self);
gboolean       sm_routine_write_bytes      (const char    *path,
                                            GBytes        *bytes,
                                            GError       **error);
gboolean       sm_routine_save_to_path     (SmRoutine     *self,
                                            const char    *path,
                                            GError       **error);
SmRoutine     *sm_routine_duplicate        (SmRoutine     *self,
                                            const char    *name);

const char    *sm_routine_get_id           (SmRoutine     *self);
void           sm_routine_set_id           (SmRoutine     *self,
                                            const char    *id);
const char    *sm_routine_get_name         (SmRoutine     *self);
void           sm_routine_set_name         (SmRoutine     *self,
                                            const char    *name);
const char    *sm_routine_get_patient      (SmRoutine     *self);
void           sm_routine_set_patient      (SmRoutine     *self,
                                            const char    *patient);
const char    *sm_routine_get_notes        (SmRoutine     *self);
void           sm_routine_set_notes        (SmRoutine     *self,
                                            const char    *notes);
guint          sm_routine_get_sessions_per_week (SmRoutine *self);
void           sm_routine_set_sessions_per_week (SmRoutine *self,
                                                 guint      sessions);
gboolean       sm_routine_get_builtin      (SmRoutine     *self);
void           sm_routine_set_builtin      (SmRoutine     *self,
                                            gboolean       builtin);
GDateTime     *sm_routine_get_created      (SmRoutine     *self);
GDateTime     *sm_routine_get_modified     (SmRoutine     *self);
void           sm_routine_touch            (SmRoutine     *self);

SmPainDrawing *sm_routine_get_pain_drawing (SmRoutine   *self);
GListModel    *sm_routine_get_steps        (SmRoutine     *self);
guint          sm_routine_get_n_steps      (SmRoutine     *self);
SmRoutineStep *sm_routine_get_step         (SmRoutine     *self,
                                            guint          position);
void           sm_routine_append_step      (SmRoutine     *self,
                                            SmRoutineStep *step);
void           sm_routine_insert_step      (SmRoutine     *self,
                                            guint          position,
                                            SmRoutineStep *step);
void           sm_routine_remove_step      (SmRoutine     *self,
                                            guint          position);
void           sm_routine_move_step        (SmRoutine     *self,
                                            guint          from,
                                            guint          to);

G_END_DECLS
