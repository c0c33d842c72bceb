/* sm-routine-store-private.h: what the store's parts share — the list and
 * loading in sm-routine-store.c, the saves in sm-routine-store-save.c and
 * the watch over the folder (lost updates) in sm-routine-store-watch.c.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-file-write.h"
#include "sm-routine-store.h"

G_BEGIN_DECLS

struct _SmRoutineStore
{
  GObject     parent_instance;

  /* Owned references */
  char       *directory;
  SmAtlas    *atlas;         /* (nullable) checks the ids routines name */
  GListStore *routines;      /* holds every routine; the tables below borrow them as keys */
  GPtrArray  *load_errors;   /* GError* */
  gboolean    loading;       /* the folder is being read in a thread */

  /* Saves (sm-routine-store-save.c) */
  GHashTable *autosaves;     /* SmRoutine* → source id */
  GHashTable *failed;        /* SmRoutine* whose last save failed */
  GQueue      queue;         /* GTask* (owned), the first one is running */

  /* Lost updates (the folder's monitor is in sm-routine-store-watch.c) */
  GHashTable *stamps;        /* SmRoutine* → SmFileStamp* (owned): its file as last read or written */
  GHashTable *conflicts;     /* SmRoutine* set: changed underneath, waiting for the person */
  GHashTable *edited;        /* SmRoutine* set: changed here since it was read */
  guint       save_count;    /* saves started and finished, for the watch's reads */
};

/* sm-routine-store.c */
int                sm_routine_store_compare       (gconstpointer      a,
                                                   gconstpointer      b,
                                                   gpointer           user_data);
void               sm_routine_store_track         (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   const SmFileStamp *stamp);
void               sm_routine_store_emit_loaded   (SmRoutineStore    *self);
void               sm_routine_store_emit_save_state_changed (SmRoutineStore *self,
                                                             SmRoutine      *routine);
void               sm_routine_store_emit_save_failed (SmRoutineStore    *self,
                                                      SmRoutine         *routine,
                                                      const char        *message);
void               sm_routine_store_saved         (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   const SmFileStamp *stamp);
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
SmRoutine         *sm_routine_store_lookup_user   (SmRoutineStore    *self,
                                                   const char        *id);
void               sm_routine_store_take_version  (SmRoutineStore    *self,
                                                   SmRoutine         *routine,
                                                   SmRoutine         *theirs,
                                                   const SmFileStamp *stamp);

/* sm-routine-store-save.c */
void               sm_routine_store_schedule_autosave (SmRoutineStore *self,
                                                       SmRoutine      *routine);
void               sm_routine_store_cancel_autosave (SmRoutineStore  *self,
                                                     SmRoutine       *routine);
gboolean           sm_routine_store_is_writing    (SmRoutineStore    *self,
                                                   SmRoutine         *routine);

/* sm-routine-store-watch.c */
void               sm_routine_store_watch         (SmRoutineStore    *self);
void               sm_routine_store_unwatch       (SmRoutineStore    *self);
void               sm_routine_store_keep_conflicts_as_copies (SmRoutineStore *self);

G_END_DECLS
