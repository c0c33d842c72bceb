/* sm-routine-store.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-routine.h"

G_BEGIN_DECLS

#define SM_ROUTINE_STORE_DEFAULT_ROUTINE "piriformis-relief"

#define SM_TYPE_ROUTINE_STORE (sm_routine_store_get_type ())

/* What to do when a routine's file was changed by another program. */
typedef enum
{
  SM_ROUTINE_CONFLICT_KEEP_MINE,    /* write ours over theirs */
  SM_ROUTINE_CONFLICT_TAKE_THEIRS,  /* ours becomes theirs */
  SM_ROUTINE_CONFLICT_KEEP_BOTH,    /* ours stays in the file, theirs becomes a routine of its own */
} SmRoutineConflictChoice;

G_DECLARE_FINAL_TYPE (SmRoutineStore, sm_routine_store, SM, ROUTINE_STORE, GObject)

SmRoutineStore *sm_routine_store_new              (const char           *directory,
                                                   SmAtlas              *atlas);
SmRoutineStore *sm_routine_store_get_default      (void);
const char     *sm_routine_store_get_directory    (SmRoutineStore       *self);
void            sm_routine_store_load             (SmRoutineStore       *self);
void            sm_routine_store_load_async       (SmRoutineStore       *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        sm_routine_store_load_finish      (SmRoutineStore       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gboolean        sm_routine_store_is_loading       (SmRoutineStore       *self);
void            sm_routine_store_default_loads_in_background (void);
GPtrArray      *sm_routine_store_get_load_errors  (SmRoutineStore       *self);
SmRoutine      *sm_routine_store_lookup           (SmRoutineStore       *self,
                                                   const char           *id_or_name);
void            sm_routine_store_add              (SmRoutineStore       *self,
                                                   SmRoutine            *routine);
gboolean        sm_routine_store_remove           (SmRoutineStore       *self,
                                                   SmRoutine            *routine,
                                                   GError              **error);
void            sm_routine_store_save_async       (SmRoutineStore       *self,
                                                   SmRoutine            *routine,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        sm_routine_store_save_finish      (SmRoutineStore       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
gboolean        sm_routine_store_is_saving        (SmRoutineStore       *self);
gboolean        sm_routine_store_has_pending_save (SmRoutineStore       *self,
                                                   SmRoutine            *routine);
gboolean        sm_routine_store_get_save_failed  (SmRoutineStore       *self,
                                                   SmRoutine            *routine);
GPtrArray      *sm_routine_store_dup_unsaved      (SmRoutineStore       *self);
void            sm_routine_store_flush            (SmRoutineStore       *self);
gboolean        sm_routine_store_in_conflict      (SmRoutineStore       *self,
                                                   SmRoutine            *routine);
void            sm_routine_store_resolve_conflict (SmRoutineStore       *self,
                                                   SmRoutine            *routine,
                                                   SmRoutineConflictChoice choice);
void            sm_routine_store_clean_up_async   (SmRoutineStore       *self);

GPtrArray      *sm_routine_load_builtins          (GError              **error);
SmRoutine      *sm_routine_load_builtin           (const char           *id);
SmRoutine      *sm_routine_store_lookup_builtin   (const char           *id_or_name);
GPtrArray      *sm_routine_store_lookup_all       (SmRoutineStore       *self,
                                                   const char           *id_or_name);
char           *sm_routine_store_dup_path         (SmRoutineStore       *self,
                                                   SmRoutine            *routine);

G_END_DECLS
