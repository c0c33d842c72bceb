/* sm-routine-reread.c: a routine's file as another program left it.
 *
 * When a routine's file changes underneath the app (a sync tool, a copy
 * from a USB stick), the store reads it here, in a worker thread, together
 * with the stamp it had when it was read, and can then take that version
 * into the routine the window has open (sm_routine_assign ()).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-reread"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-reread.h"

typedef struct
{
  char    *path;
  SmAtlas *atlas;
} ReadJob;

static void
read_job_free (gpointer data)
{
  ReadJob *job = data;

  g_free (job->path);
  g_clear_object (&job->atlas);
  g_free (job);
}

void
sm_routine_file_state_free (SmRoutineFileState *state)
{
  g_clear_object (&state->routine);
  g_free (state);
}

/* The stamp is taken before the read and checked after it, so the routine
 * and the stamp belong to the same version of the file. */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(SmRoutineFileState) state = g_new0 (SmRoutineFileState, 1);
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *name = g_path_get_basename (job->path);
  SmFileStamp after;
  GError *error = NULL;

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_clear_object (&state->routine);
      sm_file_get_stamp (job->path, &state->stamp);
      if (!state->stamp.exists)
        break;

      state->routine = sm_routine_new_from_file (file, &error);
      if (state->routine != NULL && job->atlas != NULL &&
          !sm_routine_check_ids (state->routine, job->atlas, name, &error))
        g_clear_object (&state->routine);
      sm_file_get_stamp (job->path, &after);
      if (sm_file_stamp_equal (&state->stamp, &after))
        break;
      /* Still being written by the other program: read it again. */
      g_clear_error (&error);
    }

  /* Changing under every read: not a version to take, nor a deletion. */
  if (error == NULL && state->stamp.exists && state->routine == NULL)
    error = g_error_new (G_IO_ERROR, G_IO_ERROR_BUSY, _("“%s” was changed by another program"),
                         name);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&state),
                           (GDestroyNotify) sm_routine_file_state_free);
}

/* Reads @path in a worker thread; a missing file is a state without a
 * routine, a file that does not load an error. */
void
sm_routine_file_read_async (const char          *path,
                            SmAtlas             *atlas,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->path = g_strdup (path);
  g_set_object (&job->atlas, atlas);
  g_task_set_source_tag (task, sm_routine_file_read_async);
  g_task_set_task_data (task, job, read_job_free);
  g_task_run_in_thread (task, read_thread);
}

SmRoutineFileState *
sm_routine_file_read_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Makes @self what @other is (name, patient, notes, steps, pain drawing),
 * keeping @self's identity: the window and the editor keep the object they
 * have open. @other's steps move over. */
void
sm_routine_assign (SmRoutine *self,
                   SmRoutine *other)
{
  g_return_if_fail (SM_IS_ROUTINE (self));
  g_return_if_fail (SM_IS_ROUTINE (other));

  sm_routine_set_name (self, sm_routine_get_name (other));
  sm_routine_set_patient (self, sm_routine_get_patient (other));
  sm_routine_set_notes (self, sm_routine_get_notes (other));

  while (sm_routine_get_n_steps (self) > 0)
    sm_routine_remove_step (self, sm_routine_get_n_steps (self) - 1);
  for (guint i = 0; i < sm_routine_get_n_steps (other); i++)
    sm_routine_append_step (self, sm_routine_get_step (other, i));

  sm_pain_drawing_copy_from (sm_routine_get_pain_drawing (self),
                             sm_routine_get_pain_drawing (other));
}
