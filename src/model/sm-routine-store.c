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
#include "sm-routine-store-private.h"
#include "sm-utils.h"

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

/* The loads (sm-routine-store-load.c) and the saves
 * (sm-routine-store-save.c) emit through these. */
void
sm_routine_store_emit_save_state_changed (SmRoutineStore *self,
                                          SmRoutine      *routine)
{
  g_signal_emit (self, signals[SAVE_STATE_CHANGED], 0, routine);
}

void
sm_routine_store_emit_loaded (SmRoutineStore *self)
{
  g_signal_emit (self, signals[LOADED], 0);
}

void
sm_routine_store_emit_save_failed (SmRoutineStore *self,
                                   SmRoutine      *routine,
                                   const char     *message)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, routine, message);
}

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

/* The order of the list: built-in ones first, then by name. */
int
sm_routine_store_compare (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  SmRoutine *ra = (SmRoutine *) a, *rb = (SmRoutine *) b;

  /* Built-in ones stay on top in their own order. */
  if (sm_routine_get_builtin (ra) || sm_routine_get_builtin (rb))
    return sm_routine_get_builtin (rb) - sm_routine_get_builtin (ra);

  return g_utf8_collate (sm_routine_get_name (ra), sm_routine_get_name (rb));
}

static void remember_file (SmRoutineStore    *self,
                           SmRoutine         *routine,
                           const SmFileStamp *stamp);

/* @stamp: (nullable) the file's stamp as it was when it was read, where
 * that happened elsewhere (a worker thread); NULL: stat it now. */
void
sm_routine_store_track (SmRoutineStore    *self,
                        SmRoutine         *routine,
                        const SmFileStamp *stamp)
{
  if (sm_routine_get_builtin (routine))
    return;

  g_signal_connect_object (routine, "changed", G_CALLBACK (sm_routine_store_schedule_autosave), self,
                           G_CONNECT_SWAPPED);
  remember_file (self, routine, stamp);
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
  SmRoutine *by_id = sm_routine_load_builtin (id_or_name);
  g_autoptr(GPtrArray) builtins = NULL;

  if (by_id != NULL)
    return by_id;

  builtins = sm_routine_load_builtins (NULL);

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

  g_list_store_insert_sorted (self->routines, routine, sm_routine_store_compare, NULL);
  sm_routine_store_track (self, routine, NULL);
  g_hash_table_add (self->edited, routine);
  sm_routine_store_save_async (self, routine, NULL, NULL, NULL);
}


static void forget_file (SmRoutineStore *self,
                         SmRoutine      *routine);

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

  sm_routine_store_cancel_autosave (self, routine);
  forget_file (self, routine);
  g_hash_table_remove (self->failed, routine);
  g_signal_handlers_disconnect_by_data (routine, self);
  g_list_store_remove (self->routines, position);
  return TRUE;
}

/* --- Lost updates: what the watch (sm-routine-store-watch.c) needs ------- */

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

/* A save of @routine wrote its file, which now has @stamp. */
void
sm_routine_store_saved (SmRoutineStore    *self,
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
  sm_routine_store_cancel_autosave (self, routine);
  g_signal_handlers_block_by_func (routine, sm_routine_store_schedule_autosave, self);
  sm_routine_assign (routine, theirs);
  g_signal_handlers_unblock_by_func (routine, sm_routine_store_schedule_autosave, self);
  sm_routine_store_set_stamp (self, routine, stamp);
  sm_routine_store_set_conflict (self, routine, FALSE);
  g_hash_table_remove (self->edited, routine);
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
on_routines_items_changed (SmRoutineStore *self,
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
                            G_CALLBACK (on_routines_items_changed), self);
  self->load_errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  self->autosaves = g_hash_table_new (NULL, NULL);
  self->failed = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->queue);
  self->stamps = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->conflicts = g_hash_table_new (NULL, NULL);
  self->edited = g_hash_table_new (NULL, NULL);

}
