/* sm-routine-store-watch.c: the routine store's watch over its folder, so
 * that a routine changed by another program (a sync tool, a copy from a
 * USB stick) is never overwritten without a word.
 *
 * The store remembers the stamp of each routine's file as it last read or
 * wrote it, and each save checks it (sm-routine-store.c). Here a
 * GFileMonitor on the folder notices a change as it happens: the file is
 * read again in a worker thread, and if it is not the version we know,
 *
 * - if the person has not changed the routine here since it was read,
 *   theirs is simply taken (ours is what the file held before);
 * - if they have (saved or not: the other version may be an old copy from a
 *   USB stick over today's work), or the file was deleted or does not load,
 *   the store asks (::conflict) and holds the routine's saves until
 *   sm_routine_store_resolve_conflict () has the answer.
 *
 * Also here: the clean-up at start of the temporary files a killed save
 * left behind.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-store"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-reread.h"
#include "sm-routine-store-private.h"

#define WATCH_KEY "sm-routine-store-watch"
#define CHECK_DELAY_MS 150   /* lets a burst of events from one write settle */

typedef struct
{
  GFileMonitor *monitor;
  GHashTable   *checks;       /* SmRoutine* → source id */
  GCancellable *cancellable;  /* the reads started here */
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;
  GHashTableIter iter;
  gpointer source;

  g_hash_table_iter_init (&iter, watch->checks);
  while (g_hash_table_iter_next (&iter, NULL, &source))
    g_source_remove (GPOINTER_TO_UINT (source));
  g_hash_table_unref (watch->checks);
  g_cancellable_cancel (watch->cancellable);
  g_object_unref (watch->cancellable);
  if (watch->monitor != NULL)
    {
      g_file_monitor_cancel (watch->monitor);
      g_signal_handlers_disconnect_matched (watch->monitor, G_SIGNAL_MATCH_DATA,
                                            0, 0, NULL, NULL, watch);
    }
  g_clear_object (&watch->monitor);
  g_free (watch);
}

static Watch *
get_watch (SmRoutineStore *self)
{
  Watch *watch = g_object_get_data (G_OBJECT (self), WATCH_KEY);

  if (watch == NULL)
    {
      watch = g_new0 (Watch, 1);
      watch->checks = g_hash_table_new (NULL, NULL);
      watch->cancellable = g_cancellable_new ();
      g_object_set_data_full (G_OBJECT (self), WATCH_KEY, watch, watch_free);
    }
  return watch;
}

/* --- Looking at a routine's file again ----------------------------------- */

/* A read holds the store until it is back (a moment); a scheduled check
 * does not: the store's dispose removes it. */
typedef struct
{
  SmRoutineStore          *self;
  SmRoutine               *routine;
  SmRoutineConflictChoice  choice;   /* for a resolution */
  guint                    save_count;
} Pending;

static Pending *
pending_new (SmRoutineStore *self,
             SmRoutine      *routine)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->routine = g_object_ref (routine);
  return pending;
}

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_object_unref (pending->routine);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pending, pending_free)

static void
read_again (Pending             *pending,
            GAsyncReadyCallback  callback)
{
  g_autofree char *path = sm_routine_store_dup_path (pending->self, pending->routine);

  pending->save_count = sm_routine_store_get_save_count (pending->self);
  sm_routine_file_read_async (path, sm_routine_store_get_atlas (pending->self),
                              get_watch (pending->self)->cancellable, callback, pending);
}

static gboolean
still_ours (SmRoutineStore *self,
            SmRoutine      *routine)
{
  return sm_routine_store_lookup_user (self, sm_routine_get_id (routine)) == routine;
}

/* Ends a read_again (): *@state is the file as read (NULL with @error when
 * it could not be read). FALSE when the answer no longer matters: the read
 * was cancelled, or the routine has left the store meanwhile. */
static gboolean
finish_read_again (Pending             *pending,
                   GAsyncResult        *result,
                   SmRoutineFileState **state,
                   GError             **error)
{
  *state = sm_routine_file_read_finish (result, error);

  return !g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         still_ours (pending->self, pending->routine);
}

static void schedule_check (SmRoutineStore *self,
                            SmRoutine      *routine);

static void
on_check_read (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  SmRoutineStore *self = pending->self;
  SmRoutine *routine = pending->routine;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutineFileState) state = NULL;
  const SmFileStamp *known;

  if (!finish_read_again (pending, result, &state, &error))
    return;
  /* Already asking; or a save of ours is under way and checks for itself. */
  if (sm_routine_store_in_conflict (self, routine) || sm_routine_store_is_writing (self, routine))
    return;
  /* A save of ours came and went during the read: what was read may be
   * either version. Look again once things are quiet. */
  if (sm_routine_store_get_save_count (self) != pending->save_count)
    {
      schedule_check (self, routine);
      return;
    }

  known = sm_routine_store_get_stamp (self, routine);
  if (state != NULL && known != NULL && sm_file_stamp_equal (&state->stamp, known))
    return;   /* our own save, or a touch that changed nothing */

  if (state != NULL && state->routine != NULL && !sm_routine_store_edited_here (self, routine))
    {
      g_debug ("%s changed on disk, not here: taking it", sm_routine_get_id (routine));
      sm_routine_store_take_version (self, routine, state->routine, &state->stamp);
      return;
    }

  g_debug ("%s changed on disk: asking", sm_routine_get_id (routine));
  sm_routine_store_set_conflict (self, routine, TRUE);
}

typedef struct
{
  SmRoutineStore *self;      /* not a reference */
  SmRoutine      *routine;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_object_unref (check->routine);
  g_free (check);
}

static gboolean
on_check_timeout (gpointer data)
{
  Check *check = data;

  g_hash_table_remove (get_watch (check->self)->checks, check->routine);
  read_again (pending_new (check->self, check->routine), on_check_read);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (SmRoutineStore *self,
                SmRoutine      *routine)
{
  Watch *watch = get_watch (self);
  guint source = GPOINTER_TO_UINT (g_hash_table_lookup (watch->checks, routine));
  Check *check;

  if (source != 0)
    g_source_remove (source);
  check = g_new (Check, 1);
  check->self = self;
  check->routine = g_object_ref (routine);
  source = g_timeout_add_full (G_PRIORITY_DEFAULT, CHECK_DELAY_MS, on_check_timeout, check, check_free);
  g_hash_table_insert (watch->checks, routine, GUINT_TO_POINTER (source));
}

static void
file_event (SmRoutineStore *self,
            GFile          *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *id = NULL;
  SmRoutine *routine;

  /* Hidden names are temporary files, ours or another program's. */
  if (name == NULL || name[0] == '.' || !g_str_has_suffix (name, ".json"))
    return;

  id = g_strndup (name, strlen (name) - strlen (".json"));
  routine = sm_routine_store_lookup_user (self, id);
  if (routine != NULL)
    schedule_check (self, routine);
}

static void
on_monitor_changed (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    gpointer           user_data)
{
  SmRoutineStore *self = user_data;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
      file_event (self, other_file);
      G_GNUC_FALLTHROUGH;
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      file_event (self, file);
      break;
    default:
      break;
    }
}

/* Starts watching the folder once it exists (the first save creates it). */
void
sm_routine_store_watch (SmRoutineStore *self)
{
  Watch *watch = get_watch (self);
  const char *directory = sm_routine_store_get_directory (self);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (watch->monitor != NULL || !g_file_test (directory, G_FILE_TEST_IS_DIR))
    return;

  folder = g_file_new_for_path (directory);
  watch->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (watch->monitor == NULL)
    {
      /* The check before each save still protects the files. */
      g_debug ("cannot watch %s: %s", directory, error->message);
      return;
    }
  g_signal_connect (watch->monitor, "changed", G_CALLBACK (on_monitor_changed), self);
}

void
sm_routine_store_unwatch (SmRoutineStore *self)
{
  g_object_set_data (G_OBJECT (self), WATCH_KEY, NULL);
}

/* --- The person's answer ------------------------------------------------- */

static void
keep_theirs_too (SmRoutineStore     *self,
                 SmRoutine          *routine,
                 SmRoutineFileState *state)
{
  g_autofree char *name = NULL;

  /* Translators: the name of a routine made from the version of a routine's
   * file that another program wrote; %s is the routine's name. */
  name = g_strdup_printf (_("%s (changed elsewhere)"), sm_routine_get_name (state->routine));
  sm_routine_set_name (state->routine, name);
  sm_routine_set_id (state->routine, "");
  sm_routine_store_add (self, state->routine);

  /* Ours goes over the version just copied, and only over that one. */
  sm_routine_store_set_stamp (self, routine, &state->stamp);
  sm_routine_store_save_async (self, routine, NULL, NULL, NULL);
}

static void
on_resolution_read (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Pending) pending = user_data;
  SmRoutineStore *self = pending->self;
  SmRoutine *routine = pending->routine;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutineFileState) state = NULL;

  if (!finish_read_again (pending, result, &state, &error))
    return;

  if (state == NULL)
    {
      /* Theirs does not load: say why, and ask again. */
      g_signal_emit_by_name (self, "save-failed", routine, error->message);
      sm_routine_store_set_conflict (self, routine, TRUE);
      return;
    }

  if (state->routine == NULL)
    {
      /* Deleted by the other program. */
      if (pending->choice == SM_ROUTINE_CONFLICT_TAKE_THEIRS)
        sm_routine_store_remove (self, routine, NULL);
      else
        {
          sm_routine_store_set_stamp (self, routine, NULL);
          sm_routine_store_save_async (self, routine, NULL, NULL, NULL);
        }
      return;
    }

  if (pending->choice == SM_ROUTINE_CONFLICT_TAKE_THEIRS)
    sm_routine_store_take_version (self, routine, state->routine, &state->stamp);
  else
    keep_theirs_too (self, routine, state);
}

/* The person's answer to ::conflict. */
void
sm_routine_store_resolve_conflict (SmRoutineStore          *self,
                                   SmRoutine               *routine,
                                   SmRoutineConflictChoice  choice)
{
  Pending *pending;

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));
  g_return_if_fail (SM_IS_ROUTINE (routine));

  if (!sm_routine_store_in_conflict (self, routine))
    return;
  sm_routine_store_set_conflict (self, routine, FALSE);

  if (choice == SM_ROUTINE_CONFLICT_KEEP_MINE)
    {
      sm_routine_store_set_stamp (self, routine, NULL);
      sm_routine_store_save_async (self, routine, NULL, NULL, NULL);
      return;
    }

  pending = pending_new (self, routine);
  pending->choice = choice;
  read_again (pending, on_resolution_read);
}

/* On the way out, with no one left to ask: ours goes to a copy of its own
 * and theirs stays in the file, so neither is lost. */
void
sm_routine_store_keep_conflicts_as_copies (SmRoutineStore *self)
{
  GListModel *model = G_LIST_MODEL (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (model, i);
      g_autofree char *name = NULL;

      if (!sm_routine_store_in_conflict (self, routine))
        continue;
      name = g_strdup_printf (_("%s (copy)"), sm_routine_get_name (routine));
      g_ptr_array_add (copies, sm_routine_duplicate (routine, name));
    }

  for (guint i = 0; i < copies->len; i++)
    sm_routine_store_add (self, copies->pdata[i]);
}

/* --- Temporary files a killed save left behind --------------------------- */

static void
clean_up_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  guint removed = sm_file_clean_up_unfinished_saves (SM_FILE_STALE_AGE);

  removed += sm_file_remove_stale_temps (task_data, SM_FILE_STALE_AGE);
  if (removed > 0)
    g_debug ("removed %u stale temporary files", removed);
  g_task_return_boolean (task, TRUE);
}

/* At start, in a worker thread: the journal's temporaries (anywhere) and
 * any of ours in the routines folder, once they are an hour old. */
void
sm_routine_store_clean_up_async (SmRoutineStore *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_return_if_fail (SM_IS_ROUTINE_STORE (self));

  g_task_set_source_tag (task, sm_routine_store_clean_up_async);
  g_task_set_task_data (task, g_strdup (sm_routine_store_get_directory (self)), g_free);
  g_task_run_in_thread (task, clean_up_thread);
}
