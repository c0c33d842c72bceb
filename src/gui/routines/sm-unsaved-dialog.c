/* sm-unsaved-dialog.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-unsaved-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-journal-unsaved.h"
#include "sm-routine-store.h"
#include "sm-unsaved-dialog.h"

/* Before the app closes: edits the store could not write (a read-only
 * routines folder, a full disk) exist only in memory. The person chooses:
 * save each such routine somewhere else, discard the changes, or cancel
 * and stay. Nothing is asked when everything is on disk. Sessions the
 * journal could not write are asked about next (sm-journal-unsaved.c). */

enum {
  RESPONSE_DISCARD = 1,
  RESPONSE_SAVE_AS,
};

/* One question at a time, however often Ctrl+Q is pressed. */
static gboolean asking;

typedef struct
{
  GtkWindow        *parent;
  GPtrArray        *unsaved;   /* SmRoutine*, the ones still to handle */
  char             *problem;   /* the last Save As error, or NULL */
  SmUnsavedProceed  proceed;
  gpointer          data;
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  asking = FALSE;
  g_clear_object (&confirm->parent);
  g_clear_pointer (&confirm->unsaved, g_ptr_array_unref);
  g_free (confirm->problem);
  g_free (confirm);
}

static void ask (Confirm *confirm);

static void
finish (Confirm *confirm)
{
  SmUnsavedProceed proceed = confirm->proceed;
  gpointer data = confirm->data;
  g_autoptr(GtkWindow) parent = g_object_ref (confirm->parent);

  confirm_free (confirm);
  if (sm_journal_unsaved_confirm (parent, proceed, data))
    proceed (data);
}

/* One routine is safe elsewhere: on to the next, or go. */
static void
next (Confirm *confirm)
{
  g_ptr_array_remove_index (confirm->unsaved, 0);
  g_clear_pointer (&confirm->problem, g_free);
  if (confirm->unsaved->len == 0)
    finish (confirm);
  else
    ask (confirm);
}

static void
written (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Confirm *confirm = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      next (confirm);
      return;
    }

  /* Translators: %1$s is a file name, %2$s the system's reason */
  confirm->problem = g_strdup_printf (_("“%1$s” could not be saved either: %2$s"), name, error->message);
  ask (confirm);
}

static void
file_chosen (GtkNativeDialog *chooser,
             int              response,
             Confirm         *confirm)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_autoptr(GBytes) bytes = NULL;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      ask (confirm);
      return;
    }

  /* Atomic, and off the main loop like every other save. */
  bytes = sm_routine_to_bytes (confirm->unsaved->pdata[0]);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       NULL, written, confirm);
}

static void
save_as (Confirm *confirm)
{
  SmRoutine *routine = confirm->unsaved->pdata[0];
  g_autofree char *file_name = g_strdup_printf ("%s.json", sm_routine_get_name (routine));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save Routine As"), confirm->parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Routine files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen), confirm);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
responded (GtkDialog *dialog,
           int        response,
           Confirm   *confirm)
{
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case RESPONSE_SAVE_AS:
      save_as (confirm);
      break;

    case RESPONSE_DISCARD:
      /* Once the dialog is gone: it still points at the window while its
       * response is being emitted. */
      g_idle_add_once ((GSourceOnceFunc) finish, confirm);
      break;

    default:
      /* Cancel, Escape or the window's close button: stay. */
      confirm_free (confirm);
      break;
    }
}

static void
ask (Confirm *confirm)
{
  SmRoutine *routine = confirm->unsaved->pdata[0];
  GtkWidget *dialog;
  GtkWidget *save;

  /* Translators: the question before closing; %s is the routine's name */
  dialog = gtk_message_dialog_new (confirm->parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE,
                                   _("Changes to “%s” are not saved"), sm_routine_get_name (routine));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            confirm->problem != NULL ? confirm->problem :
                                            _("They could not be written to the routines folder. Save the routine somewhere else to keep them, or close without them."));
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Discard Changes"), RESPONSE_DISCARD);
  save = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save As…"), RESPONSE_SAVE_AS);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE_AS);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_DISCARD),
                            "destructive-action");
  g_signal_connect (dialog, "response", G_CALLBACK (responded), confirm);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sm_unsaved_dialog_confirm:
 * @parent: the window that is closing
 * @proceed: called once the person chose to go on (saved elsewhere or
 *   discarded); never called on Cancel
 *
 * Writes what is waiting to be written, then asks about what could not be.
 * Returns: %TRUE when nothing is unsaved and the caller may close at once;
 * %FALSE when a dialog is asking and @proceed may come later
 */
gboolean
sm_unsaved_dialog_confirm (GtkWindow        *parent,
                           SmUnsavedProceed  proceed,
                           gpointer          data)
{
  SmRoutineStore *store = sm_routine_store_get_default ();
  g_autoptr(GPtrArray) unsaved = NULL;
  Confirm *confirm;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), TRUE);

  if (asking)
    return FALSE;

  sm_routine_store_flush (store);
  unsaved = sm_routine_store_dup_unsaved (store);
  if (unsaved->len == 0)
    return sm_journal_unsaved_confirm (parent, proceed, data);

  confirm = g_new0 (Confirm, 1);
  confirm->parent = g_object_ref (parent);
  confirm->unsaved = g_steal_pointer (&unsaved);
  confirm->proceed = proceed;
  confirm->data = data;
  asking = TRUE;
  ask (confirm);
  return FALSE;
}

#define CONFIRMED_KEY "sm-unsaved-dialog-confirmed"

static void
close_confirmed (gpointer data)
{
  g_autoptr(GtkWindow) window = data;

  g_object_set_data (G_OBJECT (window), CONFIRMED_KEY, GINT_TO_POINTER (TRUE));
  gtk_window_close (window);
}

static gboolean
on_close_request (GtkWindow *window)
{
  if (g_object_get_data (G_OBJECT (window), CONFIRMED_KEY) != NULL)
    return FALSE;

  /* Nothing to ask: close now, and close_confirmed () never runs. */
  if (sm_unsaved_dialog_confirm (window, close_confirmed, g_object_ref (window)))
    {
      g_object_unref (window);
      return FALSE;
    }
  /* Stop this close; close_confirmed () closes again once it may. */
  return TRUE;
}

/* Closing @window (its close button, Ctrl+W) with edits that could not be
 * saved asks first. */
void
sm_unsaved_dialog_guard_window (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "close-request", G_CALLBACK (on_close_request), NULL);
}
