/* sm-journal-save.c: "Save Report as PDF…" in the app.
 *
 * The person picks a file (GtkFileChooserNative: the portal's dialog in a
 * sandbox); the report is rendered and written in a worker thread, the
 * write atomic and private like --export-report's, and the Journal page
 * says "Saved …" or why not, naming the file.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-save"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-file-write.h"
#include "sm-journal-report.h"
#include "sm-journal-save.h"
#include "sm-sheet-print.h"

typedef struct
{
  GFile        *file;
  GPtrArray    *entries;
  SmSheetPaper  paper;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->file);
  g_ptr_array_unref (data->entries);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = sm_journal_report_render_pdf (data->entries, 0, NULL, data->paper, &error);
  g_autofree char *path = g_file_get_path (data->file);
  g_autofree char *name = g_file_get_basename (data->file);

  if (pdf == NULL)
    {
      /* Translators: %1$s is a file name, %2$s why the report could not be made. */
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not save “%1$s”: %2$s"), name, error->message);
      return;
    }
  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not save “%s”: only local files can be written"), name);
      return;
    }
  /* Private: the journal is about a person's health. Its errors name the file. */
  if (!sm_file_write_bytes (path, pdf, SM_FILE_WRITE_PRIVATE | SM_FILE_WRITE_REGULAR_ONLY,
                            NULL, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* @entries: SmJournalEntry, newest first (a reference is kept). */
void
sm_journal_save_report_async (GFile               *file,
                              GPtrArray           *entries,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SaveData *data = g_new0 (SaveData, 1);

  data->file = g_object_ref (file);
  data->entries = g_ptr_array_ref (entries);
  data->paper = sm_sheet_default_paper ();
  g_task_set_source_tag (task, sm_journal_save_report_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_in_thread);
}

gboolean
sm_journal_save_report_finish (GAsyncResult  *result,
                               GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Choosing the file --------------------------------------------------- */

typedef struct
{
  SmJournalPage *page;
  char          *name;
} Saving;

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *saving = user_data;
  g_autoptr(SmJournalPage) page = saving->page;
  g_autofree char *name = saving->name;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_free (saving);
  if (!sm_journal_save_report_finish (result, &error))
    {
      sm_journal_page_show_status (page, error->message, TRUE);
      return;
    }
  /* Translators: %s is the report's file name. */
  message = g_strdup_printf (_("Saved the report as “%s”"), name);
  sm_journal_page_show_status (page, message, FALSE);
}

static void
on_chosen (GtkNativeDialog *chooser,
           int              response,
           SmJournalPage   *page)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  GPtrArray *entries = sm_journal_page_get_entries (page);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  Saving *saving;

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (response != GTK_RESPONSE_ACCEPT || file == NULL)
    {
      g_object_unref (page);
      return;
    }
  sm_journal_page_show_status (page, _("Saving the report…"), FALSE);
  saving = g_new0 (Saving, 1);
  saving->page = page;   /* the reference taken for the chooser */
  saving->name = g_file_get_basename (file);
  sm_journal_save_report_async (file, entries != NULL ? entries : none, NULL, on_saved, saving);
}

/* Asks where, then saves the whole journal's report there. */
void
sm_journal_save_report_choose (GtkWindow     *parent,
                               SmJournalPage *page)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Translators: the report's suggested file name; %s is today, YYYY-MM-DD. */
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("Journal report %s.pdf"), day);

  sm_journal_page_reload (page);
  chooser = gtk_file_chooser_native_new (_("Save Report as PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chosen), g_object_ref (page));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
