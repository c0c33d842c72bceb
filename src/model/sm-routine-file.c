/* sm-routine-file.c: reading a routine file from disk, whatever sits at
 * that name
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-routine.h"
#include "sm-utils.h"

/* The routines folder and the command line can name anything: a named pipe
 * (open() waits forever for a writer), a link to /dev/zero or /dev/urandom
 * (endless), a sparse file of 4 GiB (GLib reads it all and fails). Only a
 * regular file of at most SM_ROUTINE_FILE_MAX_SIZE is read. The type is
 * looked at before the file is opened — opening some devices does
 * something — and again on the open descriptor, which is opened
 * non-blocking, in case the name was replaced in between. */

static void
set_error (GError     **error,
           int          code,
           const char  *name,
           const char  *problem)
{
  /* file: problem, as every reader words it */
  g_set_error (error, SM_ROUTINE_ERROR, code, "%s: %s", name, problem);
}

static gboolean
check_type (GFileType    type,
            const char  *name,
            GError     **error)
{
  if (type == G_FILE_TYPE_REGULAR)
    return TRUE;

  if (type == G_FILE_TYPE_DIRECTORY)
    set_error (error, SM_ROUTINE_ERROR_NOT_A_FILE, name,
               _("this is a folder, not a routine file"));
  else
    set_error (error, SM_ROUTINE_ERROR_NOT_A_FILE, name,
               _("this is not a regular file (a named pipe, a device or a socket), so it is not read"));
  return FALSE;
}

static gboolean
check_size (goffset      size,
            const char  *name,
            GError     **error)
{
  g_autofree char *limit = NULL;
  g_autofree char *have = NULL;
  g_autofree char *problem = NULL;

  if (size <= SM_ROUTINE_FILE_MAX_SIZE)
    return TRUE;

  limit = g_format_size_full (SM_ROUTINE_FILE_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  have = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: %1$s is the file's size, %2$s the limit, e.g. "4.0 GiB"
   * and "4.0 MiB" */
  problem = g_strdup_printf (_("the file is %1$s; a routine file holds at most %2$s"), have, limit);
  set_error (error, SM_ROUTINE_ERROR_TOO_LARGE, name, problem);
  return FALSE;
}

static gboolean
query (GFile       *file,
       const char  *name,
       GError     **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Links are followed: a link to a routine file is fine, a link to a
   * device is refused by its target's type. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      set_error (error, SM_ROUTINE_ERROR_PARSE, name, local_error->message);
      return FALSE;
    }

  return check_type (g_file_info_get_file_type (info), name, error) &&
         check_size (g_file_info_get_size (info), name, error);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *name)
{
  set_error (error, SM_ROUTINE_ERROR_PARSE, name, g_strerror (saved_errno));
}

/* At most one byte more than the limit, so a file that grew after the
 * check is still refused. */
static GBytes *
read_fd (int          fd,
         const char  *name,
         GError     **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = read (fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, name);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, n);
      if (!check_size (data->len, name, error))
        return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static GBytes *
read_local (const char  *path,
            const char  *name,
            GError     **error)
{
  struct stat st;
  GBytes *bytes;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno, name);
      return NULL;
    }

  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, errno, name);
      bytes = NULL;
    }
  else if (!check_type (S_ISREG (st.st_mode) ? G_FILE_TYPE_REGULAR : G_FILE_TYPE_SPECIAL, name, error) ||
           !check_size (st.st_size, name, error))
    bytes = NULL;
  else
    bytes = read_fd (fd, name, error);

  close (fd);
  return bytes;
}

/* A file that is not on a local disk (a GVfs location from the file
 * chooser) is read through GIO, with the same limit. */
static GBytes *
read_stream (GFile       *file,
             const char  *name,
             GError     **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree guint8 *buffer = g_malloc (SM_ROUTINE_FILE_MAX_SIZE + 1);
  gsize n = 0;

  stream = g_file_read (file, NULL, &local_error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, SM_ROUTINE_FILE_MAX_SIZE + 1,
                                &n, NULL, &local_error))
    {
      set_error (error, SM_ROUTINE_ERROR_PARSE, name, local_error->message);
      return NULL;
    }
  if (!check_size (n, name, error))
    return NULL;

  return g_bytes_new (buffer, n);
}

/**
 * sm_routine_load_file_bytes:
 * @name: the file as messages name it
 *
 * The contents of a routine file, or an error naming @name when it is not a
 * regular file or larger than SM_ROUTINE_FILE_MAX_SIZE. Blocks: call it
 * off the main thread.
 */
GBytes *
sm_routine_load_file_bytes (GFile       *file,
                            const char  *name,
                            GError     **error)
{
  g_autofree char *path = g_file_get_path (file);

  if (!query (file, name, error))
    return NULL;

  return path != NULL ? read_local (path, name, error) : read_stream (file, name, error);
}

SmRoutine *
sm_routine_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = sm_cut_for_message (basename, SM_MESSAGE_QUOTE_CHARS);

  bytes = sm_routine_load_file_bytes (file, name, error);
  if (bytes == NULL)
    return NULL;

  return sm_routine_new_from_bytes (bytes, name, error);
}

/* The ids a routine names must exist in the content it will be shown
 * with: a file from another version of the app may name a zone we do not
 * have. */
gboolean
sm_routine_check_ids (SmRoutine   *self,
                      SmAtlas     *atlas,
                      const char  *file_name,
                      GError     **error)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), FALSE);
  g_return_val_if_fail (SM_IS_ATLAS (atlas), FALSE);

  for (guint i = 0; i < sm_routine_get_n_steps (self); i++)
    {
      SmRoutineStep *step = sm_routine_get_step (self, i);
      const char *zone = sm_routine_step_get_zone (step);
      const char *tool = sm_routine_step_get_tool (step);
      const char *technique = sm_routine_step_get_technique (step);
      g_autofree char *problem = NULL;
      const char *key = NULL;

      /* One whole sentence per kind of item, so a translation can agree
       * with its noun. */
      g_autofree char *z = sm_cut_for_message (zone, SM_MESSAGE_QUOTE_CHARS);
      g_autofree char *to = sm_cut_for_message (tool, SM_MESSAGE_QUOTE_CHARS);
      g_autofree char *te = sm_cut_for_message (technique, SM_MESSAGE_QUOTE_CHARS);

      if (sm_atlas_lookup_zone (atlas, zone) == NULL)
        key = "zone", problem = g_strdup_printf (_("there is no zone “%s”"), z);
      else if (sm_atlas_lookup_tool (atlas, tool) == NULL)
        key = "tool", problem = g_strdup_printf (_("there is no tool “%s”"), to);
      else if (sm_atlas_lookup_technique (atlas, technique) == NULL)
        key = "technique", problem = g_strdup_printf (_("there is no technique “%s”"), te);

      if (key != NULL)
        {
          /* file: JSON path: problem, as sm_json_fail () words them */
          g_set_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_UNKNOWN_ID,
                       "%s: steps[%u].%s: %s", file_name, i, key, problem);
          return FALSE;
        }
    }

  return TRUE;
}

/* --- Reading a file someone hands the app -------------------------------- */

typedef struct
{
  GFile   *file;
  SmAtlas *atlas;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_object_unref (job->file);
  g_clear_object (&job->atlas);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autofree char *basename = g_file_get_basename (job->file);
  g_autofree char *name = sm_cut_for_message (basename, SM_MESSAGE_QUOTE_CHARS);
  g_autoptr(SmRoutine) routine = NULL;
  GError *error = NULL;

  routine = sm_routine_new_from_file (job->file, &error);
  if (routine != NULL && job->atlas != NULL &&
      !sm_routine_check_ids (routine, job->atlas, name, &error))
    g_clear_object (&routine);

  if (routine == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&routine), g_object_unref);
}

/**
 * sm_routine_new_from_file_async:
 * @atlas: (nullable): the content the routine's ids must name
 *
 * sm_routine_new_from_file () and sm_routine_check_ids () in a worker
 * thread, for a file dropped on the window or given on the command line:
 * whatever it is (a pipe, a device, 4 GiB), the window never waits for it.
 */
void
sm_routine_new_from_file_async (GFile               *file,
                                SmAtlas             *atlas,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ImportJob *job = g_new0 (ImportJob, 1);

  g_return_if_fail (G_IS_FILE (file));

  job->file = g_object_ref (file);
  g_set_object (&job->atlas, atlas);
  g_task_set_source_tag (task, sm_routine_new_from_file_async);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Returns: (transfer full) (nullable) */
SmRoutine *
sm_routine_new_from_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
