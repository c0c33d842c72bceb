/* sm-routine-store-private.h: what the store's two halves share — the
 * saving in sm-routine-store.c and the watch over the folder (lost
 * updates) in sm-routine-store-watch.c.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-file-write.h"
#include "sm-routine-store.h"

G_BEGIN_DECLS

const SmFileStamp *sm_routine_store_get_stamp     (SmRoutineStore    *self,
                                                   SmRoutine         *routine);
void               sm_routine_store_set_stamp     (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   const SmFileStamp *stamp);
void               sm_routine_store_set_conflict  (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   gboolean           conflict);
SmAtlas           *sm_routine_store_get_atlas     (SmRoutineStore    *self);
gboolean           sm_routine_store_edited_here   (SmRoutineStore    *self,
                                                   SmRoutine         *routine);
guint              sm_routine_store_get_save_count (SmRoutineStore   *self);
gboolean           sm_routine_store_is_writing    (SmRoutineStore    *self,
                                                   SmRoutine         *routine);
SmRoutine         *sm_routine_store_lookup_user   (SmRoutineStore    *self,
                                                   const char        *id);
void               sm_routine_store_take_version  (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   SmRoutine         *theirs,
                                                   const SmFileStamp *stamp);

void               sm_routine_store_watch         (SmRoutineStore    *self);
void               sm_routine_store_unwatch       (SmRoutineStore    *self);
void               sm_routine_store_keep_conflicts_as_copies (SmRoutineStore *self);

G_END_DECLS
