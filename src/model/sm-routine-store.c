/* sm-routine-store.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-store"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-file-write.h"
#include "sm-routine-reread.h"
#include "sm-routine-store.h"
#include "sm-utils.h"
#include "sm-routine-store-private.h"

/* Every routine the person can open: the built-in ones shipped as resources
 * (read-only) followed by their own, one JSON file each in
 * $XDG_DATA_HOME/sciatica-map/routines/. The file name is the routine's id.
 *
 * A file that fails to load is only reported — never rewritten, renamed or
 * deleted — so a person can repair it or send it back; the others load.
 * Saves run one at a time in a worker thread and are atomic (sm-file-write.c:
 * mode, owner, symlinks and hard links kept). A new routine is only for its
 * owner (0600 in a 0700 folder): it may carry a patient's name.
 *
 * Lost updates: the store remembers each file's stamp (sm_file_get_stamp ())
 * as it last read or wrote it, and a save first checks that the file is
 * still that one. The folder is watched too (GFileMonitor). A file that
 * another program changed is never overwritten without asking: the store
 * emits ::conflict and holds that routine's saves until
 * sm_routine_store_resolve_conflict () says keep mine, take theirs or keep
 * both. A change while there is nothing unsaved of ours is simply taken. */

#define BUILTIN_PATH RESOURCE_BASE "/routines/"
#define AUTOSAVE_DELAY_MS 300

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

struct _SmRoutineStore
{
  GObject     parent_instance;

  char       *directory;
  SmAtlas    *atlas;         /* (nullable) checks the ids routines name */
  GListStore *routines;
  GPtrArray  *load_errors;   /* GError* */
  GHashTable *autosaves;     /* SmRoutine* → source id */
  GHashTable *failed;        /* SmRoutine* whose last save failed */
  GQueue      queue;         /* GTask*, the first one is running */
  gboolean    loading;       /* the folder is being read in a thread */

  /* Lost updates (the folder's monitor is in sm-routine-store-watch.c) */
  GHashTable *stamps;        /* SmRoutine* → SmFileStamp*: its file as last read or written */
  GHashTable *conflicts;     /* SmRoutine* set: changed underneath, waiting for the person */
  GHashTable *edited;        /* SmRoutine* set: changed here since it was read */
  guint       save_count;    /* saves started and finished, for the watch's reads */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SmRoutineStore, sm_routine_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  SAVE_FAILED,
  LOADED,
  CONFLICT,
  SAVE_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return SM_TYPE_ROUTINE;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (SM_ROUTINE_STORE (model)->routines));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (SM_ROUTINE_STORE (model)->routines), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/**
 * sm_routine_store_new:
 * @directory: (nullable): where user routines live; %NULL for the default
 * @atlas: (nullable): the content routines must refer to
 */
SmRoutineStore *
sm_routine_store_new (const char *directory,
                      SmAtlas    *atlas)
{
  SmRoutineStore *self = g_object_new (SM_TYPE_ROUTINE_STORE, NULL);

  g_set_object (&self->atlas, atlas);
  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines", NULL);

  return self;
}

static gboolean default_in_background;

/* The window calls this before anything asks for the default store: its
 * folder is then read in a worker thread (sm_routine_store_load_async()),
 * while the command line keeps reading it at once. */
void
sm_routine_store_default_loads_in_background (void)
{
  default_in_background = TRUE;
}

/* One store per process, loaded on first use, shared by the window and the
 * command line. */
SmRoutineStore *
sm_routine_store_get_default (void)
{
  static SmRoutineStore *store;

  if (g_once_init_enter (&store))
    {
      SmRoutineStore *new_store = sm_routine_store_new (NULL, sm_atlas_get_default ());

      if (default_in_background)
        sm_routine_store_load_async (new_store, NULL, NULL, NULL);
      else
        sm_routine_store_load (new_store);
      g_once_init_leave (&store, new_store);
    }

  return store;
}

const char *
sm_routine_store_get_directory (SmRoutineStore *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), NULL);

  return self->directory;
}

/* Returns: (element-type GError): what went wrong in the last load */
GPtrArray *
sm_routine_store_get_load_errors (SmRoutineStore *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), NULL);

  return self->load_errors;
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

  /* Resource names start with a number that fixes the order in the list. */
  id = g_strndup (name, strlen (name) - strlen (".json"));
  sm_routine_set_id (routine, strchr (id, '-') != NULL ? strchr (id, '-') + 1 : id);
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

static int
compare_user_routines (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  SmRoutine *ra = (SmRoutine *) a, *rb = (SmRoutine *) b;

  /* Built-in ones stay on top in their own order. */
  if (sm_routine_get_builtin (ra) || sm_routine_get_builtin (rb))
    return sm_routine_get_builtin (rb) - sm_routine_get_builtin (ra);

  return g_utf8_collate (sm_routine_get_name (ra), sm_routine_get_name (rb));
}

static void
schedule_autosave (SmRoutineStore *self,
                   SmRoutine      *routine);

static void remember_file (SmRoutineStore    *self,
                           SmRoutine         *routine,
                           const SmFileStamp *stamp);

/* @stamp: (nullable) the file's stamp as it was when it was read, where
 * that happened elsewhere (a worker thread); NULL: stat it now. */
static void
track (SmRoutineStore    *self,
       SmRoutine         *routine,
       const SmFileStamp *stamp)
{
  if (sm_routine_get_builtin (routine))
    return;

  g_signal_connect_object (routine, "changed", G_CALLBACK (schedule_autosave), self,
                           G_CONNECT_SWAPPED);
  remember_file (self, routine, stamp);
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
      g_list_store_insert_sorted (self->routines, routine, compare_user_routines, NULL);
      track (self, routine, &g_array_index (scan->stamps, SmFileStamp, i));
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
  g_signal_emit (self, signals[LOADED], 0);
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
scan_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  SmRoutineStore *self = SM_ROUTINE_STORE (object);
  g_autoptr(GTask) outer = user_data;

  take_folder_scan (self, g_task_get_task_data (G_TASK (result)));
  self->loading = FALSE;
  g_signal_emit (self, signals[LOADED], 0);
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
  inner = g_task_new (self, NULL, scan_done, outer);
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

/* Names compare without case and without the spaces around them: " My
 * plan" typed by accident is still "my plan". */
static char *
name_key (const char *name)
{
  g_autofree char *copy = g_strdup (name);

  return g_utf8_casefold (g_strstrip (copy), -1);
}

static gboolean
routine_matches (SmRoutine  *routine,
                 const char *id_or_name)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (g_strcmp0 (sm_routine_get_id (routine), id_or_name) == 0)
    return TRUE;

  a = name_key (sm_routine_get_name (routine));
  b = name_key (id_or_name);
  return g_strcmp0 (a, b) == 0;
}

/* Built-in routines come first in every store, so one of them wins over
 * the person's own of the same name: a caller that wants one routine can
 * look here before any folder is read.
 * Returns: (transfer full) (nullable) */
SmRoutine *
sm_routine_store_lookup_builtin (const char *id_or_name)
{
  g_autoptr(GPtrArray) builtins = sm_routine_load_builtins (NULL);

  for (guint i = 0; builtins != NULL && i < builtins->len; i++)
    if (routine_matches (builtins->pdata[i], id_or_name))
      return g_object_ref (builtins->pdata[i]);

  return NULL;
}

/* Finds a routine by id, or by name ignoring case (for the command line).
 * Returns: (transfer none) (nullable) */
SmRoutine *
sm_routine_store_lookup (SmRoutineStore *self,
                         const char     *id_or_name)
{
  GListModel *model = G_LIST_MODEL (self->routines);

  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (model, i);

      if (routine_matches (routine, id_or_name))
        return routine;
    }

  return NULL;
}

/**
 * sm_routine_store_lookup_all:
 *
 * Every routine @id_or_name names: the one with that id if there is one
 * (ids are unique), else all of that name — two routines may share a name,
 * and a caller that needs one must say which.
 *
 * Returns: (transfer container) (element-type SmRoutine)
 */
GPtrArray *
sm_routine_store_lookup_all (SmRoutineStore *self,
                             const char     *id_or_name)
{
  GListModel *model = G_LIST_MODEL (self->routines);
  GPtrArray *matches = g_ptr_array_new ();

  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), matches);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (model, i);

      if (g_strcmp0 (sm_routine_get_id (routine), id_or_name) == 0)
        {
          g_ptr_array_set_size (matches, 0);
          g_ptr_array_add (matches, routine);
          return matches;
        }
      if (routine_matches (routine, id_or_name))
        g_ptr_array_add (matches, routine);
    }

  return matches;
}

/* Where a user routine lives. */
char *
sm_routine_store_dup_path (SmRoutineStore *self,
                           SmRoutine      *routine)
{
  g_autofree char *name = g_strconcat (sm_routine_get_id (routine), ".json", NULL);

  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), NULL);

  return g_build_filename (self->directory, name, NULL);
}

/* A file name from the routine's name, readable in a file manager. */
static char *
slug_from_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < 48; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "routine");

  return g_string_free (slug, FALSE);
}

static gboolean
id_taken (SmRoutineStore *self,
          const char     *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (self->directory, name, NULL);

  /* A file that failed to load still owns its name. */
  return sm_routine_store_lookup (self, id) != NULL ||
         g_file_test (path, G_FILE_TEST_EXISTS);
}

static char *
unique_id (SmRoutineStore *self,
           const char     *name)
{
  g_autofree char *base = slug_from_name (name);
  char *id = g_strdup (base);

  for (guint n = 2; id_taken (self, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  return id;
}

/* Adds a user routine and saves it. A routine without an id (new, duplicated
 * or imported) gets one from its name; one with an id (undoing a delete)
 * keeps it. */
void
sm_routine_store_add (SmRoutineStore *self,
                      SmRoutine      *routine)
{
  g_return_if_fail (SM_IS_ROUTINE_STORE (self));
  g_return_if_fail (SM_IS_ROUTINE (routine));
  g_return_if_fail (!sm_routine_get_builtin (routine));

  if (sm_routine_get_id (routine)[0] == '\0')
    {
      g_autofree char *id = unique_id (self, sm_routine_get_name (routine));

      sm_routine_set_id (routine, id);
    }

  g_list_store_insert_sorted (self->routines, routine, compare_user_routines, NULL);
  track (self, routine, NULL);
  g_hash_table_add (self->edited, routine);
  sm_routine_store_save_async (self, routine, NULL, NULL, NULL);
}


static void forget_file    (SmRoutineStore    *self,
                            SmRoutine         *routine);
static void saved          (SmRoutineStore    *self,
                            SmRoutine         *routine,
                            const SmFileStamp *stamp);
static void enter_conflict (SmRoutineStore    *self,
                            SmRoutine         *routine);

static void
cancel_autosave (SmRoutineStore *self,
                 SmRoutine      *routine)
{
  guint source = GPOINTER_TO_UINT (g_hash_table_lookup (self->autosaves, routine));

  if (source != 0)
    g_source_remove (source);
  g_hash_table_remove (self->autosaves, routine);
}

/* Removes a user routine and deletes its file. The caller keeps a reference
 * if it wants to offer undo (sm_routine_store_add() puts it back). */
gboolean
sm_routine_store_remove (SmRoutineStore  *self,
                         SmRoutine       *routine,
                         GError         **error)
{
  g_autofree char *path = NULL;
  guint position;

  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);
  g_return_val_if_fail (!sm_routine_get_builtin (routine), FALSE);

  if (!g_list_store_find (self->routines, routine, &position))
    return TRUE;

  path = sm_routine_store_dup_path (self, routine);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not delete “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  cancel_autosave (self, routine);
  forget_file (self, routine);
  g_hash_table_remove (self->failed, routine);
  g_signal_handlers_disconnect_by_data (routine, self);
  g_list_store_remove (self->routines, position);
  return TRUE;
}

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
save_done (GObject      *object,
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
      saved (self, g_task_get_task_data (outer), &job->written);
      g_hash_table_remove (self->failed, g_task_get_task_data (outer));
      g_signal_emit (self, signals[SAVE_STATE_CHANGED], 0, g_task_get_task_data (outer));
      g_task_return_boolean (outer, TRUE);
    }
  else
    {
      if (g_error_matches (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_CHANGED))
        enter_conflict (self, g_task_get_task_data (outer));
      else
        {
          g_hash_table_add (self->failed, g_task_get_task_data (outer));
          g_signal_emit (self, signals[SAVE_FAILED], 0, g_task_get_task_data (outer),
                         error->message);
        }
      g_signal_emit (self, signals[SAVE_STATE_CHANGED], 0, g_task_get_task_data (outer));
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

  inner = g_task_new (self, g_task_get_cancellable (outer), save_done, NULL);
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

  cancel_autosave (self, routine);

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

static gboolean
is_queued (SmRoutineStore *self,
           SmRoutine      *routine)
{
  for (const GList *l = self->queue.head; l != NULL; l = l->next)
    if (g_task_get_task_data (l->data) == routine)
      return TRUE;
  return FALSE;
}

/* TRUE while an edit of @routine waits to be written or is being written. */
gboolean
sm_routine_store_has_pending_save (SmRoutineStore *self,
                                   SmRoutine      *routine)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return g_hash_table_contains (self->autosaves, routine) || is_queued (self, routine);
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

/* ------------------------------------------------------------------ */
/* Lost updates: what the watch (sm-routine-store-watch.c) needs        */

static void
remember_file (SmRoutineStore    *self,
               SmRoutine         *routine,
               const SmFileStamp *read_stamp)
{
  SmFileStamp stamp;

  if (read_stamp != NULL)
    stamp = *read_stamp;
  else
    {
      g_autofree char *path = sm_routine_store_dup_path (self, routine);

      /* A stat, right after the file was read (or before it exists). */
      sm_file_get_stamp (path, &stamp);
    }
  sm_routine_store_set_stamp (self, routine, &stamp);
  sm_routine_store_watch (self);
}

static void
forget_file (SmRoutineStore *self,
             SmRoutine      *routine)
{
  g_hash_table_remove (self->stamps, routine);
  g_hash_table_remove (self->conflicts, routine);
  g_hash_table_remove (self->edited, routine);
}

static void
saved (SmRoutineStore    *self,
       SmRoutine         *routine,
       const SmFileStamp *stamp)
{
  self->save_count++;
  sm_routine_store_set_stamp (self, routine, stamp);
  sm_routine_store_watch (self);
}

/* Changes whenever a save starts or ends: a file read while it changed may
 * show our own save half-way, not another program's change. */
guint
sm_routine_store_get_save_count (SmRoutineStore *self)
{
  return self->save_count;
}

static void
enter_conflict (SmRoutineStore *self,
                SmRoutine      *routine)
{
  sm_routine_store_set_conflict (self, routine, TRUE);
}

/* Returns: (nullable): the stamp of @routine's file as we last saw it */
const SmFileStamp *
sm_routine_store_get_stamp (SmRoutineStore *self,
                            SmRoutine      *routine)
{
  return g_hash_table_lookup (self->stamps, routine);
}

/* %NULL: the next save writes without looking (the person said "keep mine"). */
void
sm_routine_store_set_stamp (SmRoutineStore    *self,
                            SmRoutine         *routine,
                            const SmFileStamp *stamp)
{
  if (stamp == NULL)
    g_hash_table_remove (self->stamps, routine);
  else
    g_hash_table_insert (self->stamps, routine, g_memdup2 (stamp, sizeof *stamp));
}

gboolean
sm_routine_store_in_conflict (SmRoutineStore *self,
                              SmRoutine      *routine)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STORE (self), FALSE);

  return g_hash_table_contains (self->conflicts, routine);
}

/* Entering a conflict emits ::conflict; so does entering it again after an
 * answer that could not be carried out (theirs does not load). */
void
sm_routine_store_set_conflict (SmRoutineStore *self,
                               SmRoutine      *routine,
                               gboolean        conflict)
{
  if (!conflict)
    {
      g_hash_table_remove (self->conflicts, routine);
      return;
    }

  g_hash_table_add (self->conflicts, routine);
  g_signal_emit (self, signals[CONFLICT], 0, routine);
}

SmAtlas *
sm_routine_store_get_atlas (SmRoutineStore *self)
{
  return self->atlas;
}

/* Whether the person changed the routine here since it was read from its
 * file (made, edited, saved or not): another version in the file then
 * needs a question, it may be an older copy over today's work. */
gboolean
sm_routine_store_edited_here (SmRoutineStore *self,
                              SmRoutine      *routine)
{
  return g_hash_table_contains (self->edited, routine) ||
         g_hash_table_contains (self->autosaves, routine);
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

/* The person's own routine with exactly this id. (transfer none) */
SmRoutine *
sm_routine_store_lookup_user (SmRoutineStore *self,
                              const char     *id)
{
  GListModel *model = G_LIST_MODEL (self->routines);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (model, i);

      if (!sm_routine_get_builtin (routine) && g_str_equal (sm_routine_get_id (routine), id))
        return routine;
    }
  return NULL;
}

/* Makes @routine the version in its file (@theirs, read with @stamp), as if
 * it had just been loaded: no save follows. */
void
sm_routine_store_take_version (SmRoutineStore    *self,
                               SmRoutine         *routine,
                               SmRoutine         *theirs,
                               const SmFileStamp *stamp)
{
  cancel_autosave (self, routine);
  g_signal_handlers_block_by_func (routine, schedule_autosave, self);
  sm_routine_assign (routine, theirs);
  g_signal_handlers_unblock_by_func (routine, schedule_autosave, self);
  sm_routine_store_set_stamp (self, routine, stamp);
  sm_routine_store_set_conflict (self, routine, FALSE);
  g_hash_table_remove (self->edited, routine);
}

typedef struct
{
  SmRoutineStore *self;
  SmRoutine      *routine;
} Autosave;

static gboolean
autosave_cb (gpointer data)
{
  Autosave *autosave = data;

  g_hash_table_remove (autosave->self->autosaves, autosave->routine);
  sm_routine_store_save_async (autosave->self, autosave->routine, NULL, NULL, NULL);
  return G_SOURCE_REMOVE;
}

/* Typing a name changes the routine on every key press; wait for a pause. */
static void
schedule_autosave (SmRoutineStore *self,
                   SmRoutine      *routine)
{
  Autosave *autosave;
  guint source;

  cancel_autosave (self, routine);
  g_hash_table_add (self->edited, routine);

  autosave = g_new (Autosave, 1);
  autosave->self = self;
  autosave->routine = routine;
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, AUTOSAVE_DELAY_MS, autosave_cb,
                               autosave, g_free);
  g_hash_table_insert (self->autosaves, routine, GUINT_TO_POINTER (source));
  g_signal_emit (self, signals[SAVE_STATE_CHANGED], 0, routine);
}

static void
sm_routine_store_dispose (GObject *object)
{
  SmRoutineStore *self = SM_ROUTINE_STORE (object);
  GHashTableIter iter;
  gpointer source;

  g_hash_table_iter_init (&iter, self->autosaves);
  while (g_hash_table_iter_next (&iter, NULL, &source))
    g_source_remove (GPOINTER_TO_UINT (source));
  g_hash_table_remove_all (self->autosaves);
  sm_routine_store_unwatch (self);

  G_OBJECT_CLASS (sm_routine_store_parent_class)->dispose (object);
}

static void
sm_routine_store_finalize (GObject *object)
{
  SmRoutineStore *self = SM_ROUTINE_STORE (object);

  g_free (self->directory);
  g_clear_object (&self->atlas);
  g_clear_object (&self->routines);
  g_clear_pointer (&self->load_errors, g_ptr_array_unref);
  g_clear_pointer (&self->autosaves, g_hash_table_unref);
  g_clear_pointer (&self->stamps, g_hash_table_unref);
  g_clear_pointer (&self->conflicts, g_hash_table_unref);
  g_clear_pointer (&self->edited, g_hash_table_unref);
  g_clear_pointer (&self->failed, g_hash_table_unref);

  G_OBJECT_CLASS (sm_routine_store_parent_class)->finalize (object);
}

static void
sm_routine_store_class_init (SmRoutineStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_routine_store_dispose;
  object_class->finalize = sm_routine_store_finalize;

  /* ::save-failed (routine, message): an automatic save did not work. */
  signals[SAVE_FAILED] = g_signal_new ("save-failed", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 2, SM_TYPE_ROUTINE, G_TYPE_STRING);
  /* ::loaded: a load finished; the load errors are those of this load. */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* ::conflict (routine): its file was changed by another program while
   * ours has changes of its own; sm_routine_store_resolve_conflict () says
   * what to keep. Until then nothing of it is written. */
  signals[CONFLICT] = g_signal_new ("conflict", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, SM_TYPE_ROUTINE);
  /* ::save-state-changed (routine): a save of it was scheduled, done or
   * failed (sm_routine_store_has_pending_save (), _get_save_failed ()). */
  signals[SAVE_STATE_CHANGED] = g_signal_new ("save-state-changed", G_TYPE_FROM_CLASS (klass),
                                              G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                              G_TYPE_NONE, 1, SM_TYPE_ROUTINE);
}

static void
forward_items_changed (SmRoutineStore *self,
                       guint           position,
                       guint           removed,
                       guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
sm_routine_store_init (SmRoutineStore *self)
{
  self->routines = g_list_store_new (SM_TYPE_ROUTINE);
  g_signal_connect_swapped (self->routines, "items-changed",
                            G_CALLBACK (forward_items_changed), self);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->autosaves = g_hash_table_new (NULL, NULL);
  self->failed = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->queue);
  self->stamps = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->conflicts = g_hash_table_new (NULL, NULL);
  self->edited = g_hash_table_new (NULL, NULL);

}
