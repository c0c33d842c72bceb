/* sm-routine-store-save.c: the store's saves — automatic saves a moment
 * after an edit, one save at a time in a worker thread, and the save state
 * the editor shows ("Saved", "Saving…", "Not saved")
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-file-write.h"
#include "sm-routine-store.h"
#include "sm-routine-store-private.h"

#define AUTOSAVE_DELAY_MS 300

/* --- Automatic saves ----------------------------------------------------- */

void
sm_routine_store_cancel_autosave (SmRoutineStore *self,
                                  SmRoutine      *routine)
{
  guint source = GPOINTER_TO_UINT (g_hash_table_lookup (self->autosaves, routine));

  if (source != 0)
    g_source_remove (source);
  g_hash_table_remove (self->autosaves, routine);
}

typedef struct
{
  SmRoutineStore *self;
  SmRoutine      *routine;
} Autosave;

static gboolean
on_autosave_timeout (gpointer data)
{
  Autosave *autosave = data;

  g_hash_table_remove (autosave->self->autosaves, autosave->routine);
  sm_routine_store_save_async (autosave->self, autosave->routine, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Typing a name changes the routine on every key press; wait for a pause. */
void
sm_routine_store_schedule_autosave (SmRoutineStore *self,
                                    SmRoutine      *routine)
{
  Autosave *autosave;
  guint source;

  sm_routine_store_cancel_autosave (self, routine);
  g_hash_table_add (self->edited, routine);

  autosave = g_new (Autosave, 1);
  autosave->self = self;
  autosave->routine = routine;
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, AUTOSAVE_DELAY_MS, on_autosave_timeout,
                               autosave, g_free);
  g_hash_table_insert (self->autosaves, routine, GUINT_TO_POINTER (source));
  sm_routine_store_emit_save_state_changed (self, routine);
}

/* --- Saving one routine after the other ---------------------------------- */

typedef struct
{
  char        *path;
  GBytes      *bytes;
  gboolean     check;      /* whether the file must still be @expected */
  SmFileStamp  expected;
  SmFileStamp  written;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_free (job->path);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  g_autofree char *dir = g_path_get_dirname (job->path);
  GError *error = NULL;

  /* Routines name patients: the folder is its owner's alone. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                               _("Could not create the folder “%s”: %s"), dir,
                               g_strerror (saved_errno));
      return;
    }

  if (sm_file_write_bytes (job->path, job->bytes,
                           SM_FILE_WRITE_PRIVATE | SM_FILE_WRITE_REGULAR_ONLY,
                           job->check ? &job->expected : NULL, &job->written, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void start_next_save (SmRoutineStore *self);

static void
on_save_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SmRoutineStore *self = SM_ROUTINE_STORE (object);
  g_autoptr(GTask) outer = g_queue_pop_head (&self->queue);
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  /* Deleted while this save was running: the file must not come back. */
  if (!g_list_store_find (self->routines, g_task_get_task_data (outer), NULL))
    g_unlink (job->path);

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      sm_routine_store_saved (self, g_task_get_task_data (outer), &job->written);
      g_hash_table_remove (self->failed, g_task_get_task_data (outer));
      sm_routine_store_emit_save_state_changed (self, g_task_get_task_data (outer));
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      if (g_error_matches (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_CHANGED))
        sm_routine_store_set_conflict (self, g_task_get_task_data (outer), TRUE);
      else
        {
          g_hash_table_add (self->failed, g_task_get_task_data (outer));
          sm_routine_store_emit_save_failed (self, g_task_get_task_data (outer),
                                             error->message);
        }
      sm_routine_store_emit_save_state_changed (self, g_task_get_task_data (outer));
      g_task_return_error (outer, error);
    }

  start_next_save (self);
}

/* The bytes are taken when the save starts, not when it was asked for, so a
 * queued save always writes the latest state and saves never overtake each
 * other on disk. */
static void
start_next_save (SmRoutineStore *self)
{
  GTask *outer = g_queue_peek_head (&self->queue);
  SmRoutine *routine;
  g_autoptr(GTask) inner = NULL;
  SaveJob *job;

  if (outer == NULL)
    return;

  routine = g_task_get_task_data (outer);
  /* Deleted while waiting: nothing to write. */
  if (!g_list_store_find (self->routines, routine, NULL))
    {
      g_task_return_boolean (outer, TRUE);
      g_object_unref (g_queue_pop_head (&self->queue));
      start_next_save (self);
      return;
    }

  /* Changed underneath and not yet settled: nothing is written (the
   * question is out already). */
  if (g_hash_table_contains (self->conflicts, routine))
    {
      g_task_return_new_error (outer, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_CHANGED,
                               _("“%s” was changed by another program"),
                               sm_routine_get_name (routine));
      g_object_unref (g_queue_pop_head (&self->queue));
      start_next_save (self);
      return;
    }

  self->save_count++;
  sm_routine_touch (routine);
  job = g_new0 (SaveJob, 1);
  job->path = sm_routine_store_dup_path (self, routine);
  job->bytes = sm_routine_to_bytes (routine);
  job->check = g_hash_table_contains (self->stamps, routine);
  if (job->check)
    job->expected = *(SmFileStamp *) g_hash_table_lookup (self->stamps, routine);

  inner = g_task_new (self, g_task_get_cancellable (outer), on_save_done, NULL);
  g_task_set_source_tag (inner, start_next_save);
  g_task_set_task_data (inner, job, save_job_free);
  g_task_run_in_thread (inner, save_thread);
}

void
sm_routine_store_save_async (SmRoutineStore      *self,
                             SmRoutine           *routine,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));
  g_return_if_fail (SM_IS_ROUTINE (routine));
  g_return_if_fail (!sm_routine_get_builtin (routine));

  sm_routine_store_cancel_autosave (self, routine);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, sm_routine_store_save_async);
  g_task_set_task_data (task, g_object_ref (routine), g_object_unref);
  g_queue_push_tail (&self->queue, task);

  if (self->queue.length == 1)
    start_next_save (self);
}

gboolean
sm_routine_store_save_finish (SmRoutineStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* TRUE while a save is queued, running or about to be scheduled. */
gboolean
sm_routine_store_is_saving (SmRoutineStore *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return self->queue.length > 0 || g_hash_table_size (self->autosaves) > 0;
}

/* Whether a save of the routine is queued or running. */
gboolean
sm_routine_store_is_writing (SmRoutineStore *self,
                             SmRoutine      *routine)
{
  for (const GList *l = self->queue.head; l != NULL; l = l->next)
    if (g_task_get_task_data (l->data) == (gpointer) routine)
      return TRUE;
  return FALSE;
}

/* TRUE while an edit of @routine waits to be written or is being written. */
gboolean
sm_routine_store_has_pending_save (SmRoutineStore *self,
                                   SmRoutine      *routine)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return g_hash_table_contains (self->autosaves, routine) || sm_routine_store_is_writing (self, routine);
}

/* TRUE when the last save of @routine failed: what is in memory is not in
 * its file (::save-state-changed says when this changes). */
gboolean
sm_routine_store_get_save_failed (SmRoutineStore *self,
                                  SmRoutine      *routine)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return g_hash_table_contains (self->failed, routine);
}

/* Returns: (transfer container) (element-type SmRoutine): the routines
 * whose last save failed, in the order of the list */
GPtrArray *
sm_routine_store_dup_unsaved (SmRoutineStore *self)
{
  GPtrArray *unsaved = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), unsaved);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->routines)); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (G_LIST_MODEL (self->routines), i);

      if (g_hash_table_contains (self->failed, routine))
        g_ptr_array_add (unsaved, g_object_ref (routine));
    }
  return unsaved;
}

/* Writes what is waiting to be written and returns once it is on disk:
 * the application calls it on its way out, so the last edit is kept. */
void
sm_routine_store_flush (SmRoutineStore *self)
{
  g_autoptr(GList) pending = NULL;

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));

  sm_routine_store_keep_conflicts_as_copies (self);
  pending = g_hash_table_get_keys (self->autosaves);
  for (const GList *l = pending; l != NULL; l = l->next)
    sm_routine_store_save_async (self, l->data, NULL, NULL, NULL);

  while (self->queue.length > 0)
    g_main_context_iteration (NULL, TRUE);
}
