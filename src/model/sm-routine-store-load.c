/* sm-routine-store-load.c: the store's loads — the built-in routines from
 * the resources and the person's own from their folder, at once or in a
 * worker thread
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-store.h"
#include "sm-routine-store-private.h"
#include "sm-utils.h"

#define BUILTIN_PATH RESOURCE_BASE "/routines/"

/* The built-in routines' texts, for xgettext; the JSON files carry the
 * English originals. */
static const char * const builtin_strings[] G_GNUC_UNUSED = {
  N_("Piriformis relief"),
  N_("Back of the body"),
  N_("Front of the body — hip flexors and quads"),
  N_("Warm the buttock first. Loosen the big buttock muscle before you go deep to the piriformis, then move down the back of the thigh. Stretch gently afterwards."),
  N_("From the lower back down to the calf. Stay beside the spine, never on it, and keep the pressure on the sacrum light."),
  N_("Tight hip flexors and quads tilt the pelvis forward and load the lower back. Go slowly at the front of the hip and ease off if you feel a pulse."),
};

/* Resource names start with a number that fixes the order in the list:
 * "01-piriformis-relief.json" holds "piriformis-relief". */
static char *
builtin_id (const char *name)
{
  g_autofree char *stem = g_strndup (name, strlen (name) - strlen (".json"));
  const char *dash = strchr (stem, '-');

  return g_strdup (dash != NULL ? dash + 1 : stem);
}

static SmRoutine *
load_builtin (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_strconcat (BUILTIN_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *id = NULL;
  SmRoutine *routine;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  routine = sm_routine_new_from_bytes (bytes, name, error);
  if (routine == NULL)
    return NULL;

  id = builtin_id (name);
  sm_routine_set_id (routine, id);
  sm_routine_set_name (routine, g_dgettext (GETTEXT_PACKAGE, sm_routine_get_name (routine)));
  sm_routine_set_notes (routine, g_dgettext (GETTEXT_PACKAGE, sm_routine_get_notes (routine)));
  sm_routine_set_builtin (routine, TRUE);
  return routine;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The built-in routine @id alone, or NULL: the command line prints one
 * routine and need not read the others. */
SmRoutine *
sm_routine_load_builtin (const char *id)
{
  g_auto(GStrv) names = g_resources_enumerate_children (BUILTIN_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *name_id = NULL;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      name_id = builtin_id (names[i]);
      if (g_str_equal (name_id, id))
        return load_builtin (names[i], NULL);
    }
  return NULL;
}

/**
 * sm_routine_load_builtins:
 *
 * Returns: (transfer full) (element-type SmRoutine): the built-in routines
 * in the order they are listed
 */
GPtrArray *
sm_routine_load_builtins (GError **error)
{
  g_autoptr(GPtrArray) routines = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  names = g_resources_enumerate_children (BUILTIN_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return NULL;

  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    {
      SmRoutine *routine;

      if (!g_str_has_suffix (names[i], ".json"))
        continue;
      routine = load_builtin (names[i], error);
      if (routine == NULL)
        return NULL;
      g_ptr_array_add (routines, routine);
    }

  return g_steal_pointer (&routines);
}

/* What reading the folder found: routines (ids set, not yet checked
 * against the atlas) and errors. Built in a worker thread, handed over
 * whole. */
typedef struct
{
  char      *directory;
  GPtrArray *routines;   /* SmRoutine* */
  GArray    *stamps;     /* SmFileStamp, one per routine: taken before its read */
  GPtrArray *errors;     /* GError* */
} FolderScan;

static void
folder_scan_free (gpointer data)
{
  FolderScan *scan = data;

  g_free (scan->directory);
  g_ptr_array_unref (scan->routines);
  g_array_unref (scan->stamps);
  g_ptr_array_unref (scan->errors);
  g_free (scan);
}

static FolderScan *
folder_scan_new (const char *directory)
{
  FolderScan *scan = g_new0 (FolderScan, 1);

  scan->directory = g_strdup (directory);
  scan->routines = g_ptr_array_new_with_free_func (g_object_unref);
  scan->stamps = g_array_new (FALSE, TRUE, sizeof (SmFileStamp));
  scan->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  return scan;
}

/* Blocking; no state of the store is touched. sm_routine_new_from_file()
 * reads regular files only and none over the size limit, so a named pipe
 * or a link to a device in the folder costs one stat. */
static void
scan_folder (FolderScan *scan)
{
  g_autoptr(GDir) dir = NULL;
  GError *error = NULL;
  const char *name;

  dir = g_dir_open (scan->directory, 0, &error);
  if (dir == NULL)
    {
      /* No folder yet simply means no routines of one's own yet. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_ptr_array_add (scan->errors, g_steal_pointer (&error));
      g_clear_error (&error);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autofree char *id = NULL;
      SmRoutine *routine;
      SmFileStamp stamp;

      if (!g_str_has_suffix (name, ".json") || name[0] == '.')
        continue;
      path = g_build_filename (scan->directory, name, NULL);
      file = g_file_new_for_path (path);
      /* Before the read: a change during it then shows as a change at the
       * next save (the person is asked), never as a silent overwrite. */
      sm_file_get_stamp (path, &stamp);
      routine = sm_routine_new_from_file (file, &error);
      if (routine == NULL)
        {
          g_ptr_array_add (scan->errors, g_steal_pointer (&error));
          continue;
        }
      id = g_strndup (name, strlen (name) - strlen (".json"));
      sm_routine_set_id (routine, id);
      g_ptr_array_add (scan->routines, routine);
      g_array_append_val (scan->stamps, stamp);
    }
}

/* On the main thread: the ids are checked and the routines join the list
 * (after any added while the folder was read, unless one took the id). */
static void
take_folder_scan (SmRoutineStore *self,
                  FolderScan     *scan)
{
  for (guint i = 0; i < scan->errors->len; i++)
    g_ptr_array_add (self->load_errors, g_error_copy (scan->errors->pdata[i]));

  for (guint i = 0; i < scan->routines->len; i++)
    {
      SmRoutine *routine = scan->routines->pdata[i];
      const char *id = sm_routine_get_id (routine);
      g_autofree char *name = g_strconcat (id, ".json", NULL);
      g_autofree char *shown = sm_cut_for_message (name, SM_MESSAGE_QUOTE_CHARS);
      GError *error = NULL;

      if (self->atlas != NULL && !sm_routine_check_ids (routine, self->atlas, shown, &error))
        {
          g_ptr_array_add (self->load_errors, error);
          continue;
        }
      if (sm_routine_store_lookup (self, id) != NULL)
        continue;
      g_list_store_insert_sorted (self->routines, routine, sm_routine_store_compare, NULL);
      sm_routine_store_track (self, routine, &g_array_index (scan->stamps, SmFileStamp, i));
    }
}

/* The built-in routines, replacing the whole list. */
static void
load_builtins_into (SmRoutineStore *self)
{
  g_autoptr(GPtrArray) builtins = NULL;
  g_autoptr(GError) error = NULL;
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->routines));

  g_ptr_array_set_size (self->load_errors, 0);

  builtins = sm_routine_load_builtins (&error);
  if (builtins != NULL)
    g_list_store_splice (self->routines, 0, old, builtins->pdata, builtins->len);
  else
    {
      g_list_store_remove_all (self->routines);
      g_ptr_array_add (self->load_errors, g_steal_pointer (&error));
    }
}

/* (Re)loads everything, blocking. Failures end up in
 * sm_routine_store_get_load_errors(). */
void
sm_routine_store_load (SmRoutineStore *self)
{
  FolderScan *scan;

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));

  load_builtins_into (self);
  scan = folder_scan_new (self->directory);
  scan_folder (scan);
  take_folder_scan (self, scan);
  folder_scan_free (scan);
  sm_routine_store_emit_loaded (self);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  scan_folder (task_data);
  g_task_return_boolean (task, TRUE);
}

static void
on_scan_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SmRoutineStore *self = SM_ROUTINE_STORE (object);
  g_autoptr(GTask) outer = user_data;

  take_folder_scan (self, g_task_get_task_data (G_TASK (result)));
  self->loading = FALSE;
  sm_routine_store_emit_loaded (self);
  g_task_return_boolean (outer, TRUE);
}

/**
 * sm_routine_store_load_async:
 *
 * Like sm_routine_store_load(), but the person's folder is read in a
 * worker thread: the built-in routines are there at once, the others
 * follow, and ::loaded fires when they are all in. A slow disk or a
 * hostile file never holds up the window's first frame.
 */
void
sm_routine_store_load_async (SmRoutineStore      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) inner = NULL;

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, sm_routine_store_load_async);

  load_builtins_into (self);
  self->loading = TRUE;
  inner = g_task_new (self, NULL, on_scan_done, outer);
  g_task_set_source_tag (inner, scan_thread);
  g_task_set_task_data (inner, folder_scan_new (self->directory), folder_scan_free);
  g_task_run_in_thread (inner, scan_thread);
}

gboolean
sm_routine_store_load_finish (SmRoutineStore  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* TRUE while sm_routine_store_load_async() is reading the folder. */
gboolean
sm_routine_store_is_loading (SmRoutineStore *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return self->loading;
}
