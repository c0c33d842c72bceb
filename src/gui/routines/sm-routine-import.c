/* sm-routine-import.c: a routine file someone hands the app — given on the
 * command line (also to the instance already running), opened from Files,
 * dropped on the window or picked in the import dialog — copied into the
 * person's own routines.
 *
 * The file is read in a worker thread (sm_routine_new_from_file_async ():
 * regular files only, at most SM_ROUTINE_FILE_MAX_SIZE, its ids checked)
 * and never written, moved or kept open: the copy is a new routine in the
 * store, which saves it atomically in the routines folder. A routine of the
 * same name is asked about (Keep Both, Replace, Cancel) in a plain message
 * dialog, as sm-conflict-dialog.c does (GTK 4.8 has no GtkAlertDialog);
 * closing it imports nothing. A file that is not a routine is reported in
 * the page's banner with its name and the problem, and nothing is imported.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-import"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-import.h"
#include "sm-routine-reread.h"

typedef struct
{
  SmRoutinesPage *page;
  SmRoutineStore *store;
  GFile          *file;
  SmRoutine      *routine;     /* (nullable) as read from the file */
  gulong          loaded_id;   /* waiting for the store's folder */
} Import;

static void
import_free (Import *import)
{
  if (import->loaded_id != 0)
    g_signal_handler_disconnect (import->store, import->loaded_id);
  g_object_unref (import->page);
  g_object_unref (import->store);
  g_object_unref (import->file);
  g_clear_object (&import->routine);
  g_free (import);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Import, import_free)

/* A page that left its window (the window closed meanwhile) shows
 * nothing more; the file stays as it is, so nothing is lost. */
static gboolean
page_is_shown (SmRoutinesPage *page)
{
  return gtk_widget_get_root (GTK_WIDGET (page)) != NULL;
}

static char *
name_key (const char *name)
{
  g_autofree char *copy = g_strdup (name);

  return g_utf8_casefold (g_strstrip (copy), -1);
}

/* The routines that one of this name would be taken for, as the list and
 * the command line compare names: without case and surrounding spaces.
 * Returns: (transfer container) (element-type SmRoutine) */
static GPtrArray *
find_namesakes (SmRoutineStore *store,
                SmRoutine      *routine)
{
  GListModel *model = G_LIST_MODEL (store);
  GPtrArray *namesakes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *key = name_key (sm_routine_get_name (routine));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SmRoutine) other = g_list_model_get_item (model, i);
      g_autofree char *other_key = name_key (sm_routine_get_name (other));

      if (g_str_equal (key, other_key))
        g_ptr_array_add (namesakes, g_steal_pointer (&other));
    }
  return namesakes;
}

/* @replaced: (nullable) the routine whose contents the file's take over;
 * NULL adds the file's routine as a new one. Either way it opens. */
static void
finish_import (Import    *import,
               SmRoutine *replaced)
{
  SmRoutine *routine = replaced != NULL ? replaced : import->routine;
  g_autofree char *message = NULL;

  if (replaced != NULL)
    /* The store saves the change like any edit. */
    sm_routine_assign (replaced, import->routine);
  else
    sm_routine_store_add (import->store, import->routine);

  sm_routines_page_open (import->page, routine);
  message = g_strdup_printf (_("Imported “%s”"), sm_routine_get_name (routine));
  sm_routines_page_show_message (import->page, message, FALSE);
}

static void
on_dialog_response (GtkDialog *dialog,
                    int        response,
                    gpointer   user_data)
{
  Import *import = g_object_get_data (G_OBJECT (dialog), "sm-import");
  SmRoutine *namesake = g_object_get_data (G_OBJECT (dialog), "sm-namesake");

  if (page_is_shown (import->page) && response == SM_IMPORT_RESPONSE_KEEP_BOTH)
    {
      /* Translators: the name of a duplicated routine */
      g_autofree char *name = g_strdup_printf (_("%s (copy)"), sm_routine_get_name (import->routine));

      sm_routine_set_name (import->routine, name);
      finish_import (import, NULL);
    }
  else if (page_is_shown (import->page) && response == SM_IMPORT_RESPONSE_REPLACE)
    finish_import (import, namesake);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Replace is offered for one of the person's own routines only: a built-in
 * one cannot change, and of two namesakes the dialog could not say which. */
static void
ask_about_namesake (Import    *import,
                    GPtrArray *namesakes)
{
  SmRoutine *namesake = namesakes->pdata[0];
  gboolean replace = namesakes->len == 1 && !sm_routine_get_builtin (namesake);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (import->page));
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   /* Translators: %s is the routine's name */
                                   _("There is already a routine called “%s”"),
                                   sm_routine_get_name (import->routine));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    replace ? _("Keep Both imports the file as a routine of its own next to yours. Replace puts the file’s steps, notes and pain drawing in place of yours. Cancel imports nothing.")
            : _("Keep Both imports the file as a routine of its own next to the one there. Cancel imports nothing."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  if (replace)
    gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Replace"), SM_IMPORT_RESPONSE_REPLACE);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("Keep _Both"), SM_IMPORT_RESPONSE_KEEP_BOTH);
  /* The answer that loses nothing. */
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), SM_IMPORT_RESPONSE_KEEP_BOTH);

  g_object_set_data_full (G_OBJECT (dialog), "sm-import", import, (GDestroyNotify) import_free);
  g_object_set_data_full (G_OBJECT (dialog), "sm-namesake", g_object_ref (namesake), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Takes @import. The person's routines are all in. */
static void
decide (Import *import)
{
  g_autoptr(GPtrArray) namesakes = NULL;

  if (!page_is_shown (import->page))
    {
      import_free (import);
      return;
    }

  namesakes = find_namesakes (import->store, import->routine);
  if (namesakes->len > 0)
    ask_about_namesake (import, namesakes);
  else
    {
      finish_import (import, NULL);
      import_free (import);
    }
}

/* A file handed over at start-up may be read before the folder is. */
static void
on_store_loaded (SmRoutineStore *store,
                 gpointer        user_data)
{
  Import *import = user_data;

  g_signal_handler_disconnect (store, import->loaded_id);
  import->loaded_id = 0;
  decide (import);
}

static void
on_file_read (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Import) import = user_data;
  g_autoptr(GError) error = NULL;

  import->routine = sm_routine_new_from_file_finish (result, &error);
  if (!page_is_shown (import->page))
    return;

  if (import->routine == NULL)
    sm_routines_page_report_import_error (import->page, import->file, error);
  else if (sm_routine_store_is_loading (import->store))
    {
      Import *waiting = g_steal_pointer (&import);

      waiting->loaded_id = g_signal_connect (waiting->store, "loaded",
                                             G_CALLBACK (on_store_loaded), waiting);
    }
  else
    decide (g_steal_pointer (&import));
}

void
sm_routine_import_file (SmRoutinesPage *page,
                        GFile          *file)
{
  Import *import = g_new0 (Import, 1);

  g_return_if_fail (SM_IS_ROUTINES_PAGE (page));
  g_return_if_fail (G_IS_FILE (file));

  import->page = g_object_ref (page);
  import->store = g_object_ref (sm_routines_page_get_store (page));
  import->file = g_object_ref (file);
  sm_routine_new_from_file_async (file, sm_atlas_get_default (), NULL, on_file_read, import);
}
