/* sm-journal-unsaved.c: quitting with sessions not saved to the journal.
 *
 * A session that could not be written (a full disk, a read-only folder)
 * is kept in memory and saved at the next chance (sm-journal.c). Quitting
 * then would lose it, so the person is asked: Save Again (another try;
 * asked again, with the reason, when it fails too), Quit Anyway, or
 * Cancel. Nothing is asked when everything is on disk. The routines'
 * question (sm-unsaved-dialog.c) comes first, then this one.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-unsaved"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-journal.h"
#include "sm-journal-unsaved.h"

enum {
  RESPONSE_QUIT = 1,
  RESPONSE_SAVE_AGAIN,
};

/* One question at a time, however often Ctrl+Q is pressed. */
static gboolean asking;

typedef struct
{
  GtkWindow        *parent;
  SmUnsavedProceed  proceed;
  gpointer          data;
  char             *problem;   /* why the last try failed, or NULL */
} Confirm;

static void
confirm_free (Confirm *confirm)
{
  asking = FALSE;
  g_clear_object (&confirm->parent);
  g_free (confirm->problem);
  g_free (confirm);
}

static void
finish (Confirm *confirm)
{
  SmUnsavedProceed proceed = confirm->proceed;
  gpointer data = confirm->data;

  confirm_free (confirm);
  proceed (data);
}

static void ask (Confirm *confirm);

static void
responded (GtkDialog *dialog,
           int        response,
           Confirm   *confirm)
{
  g_autoptr(GError) error = NULL;

  gtk_window_destroy (GTK_WINDOW (dialog));
  switch (response)
    {
    case RESPONSE_SAVE_AGAIN:
      /* A few rows: short enough for the main loop, as on close. */
      if (sm_journal_retry (sm_journal_get_default (), &error))
        g_idle_add_once ((GSourceOnceFunc) finish, confirm);
      else
        {
          g_free (confirm->problem);
          confirm->problem = g_strdup (error->message);
          ask (confirm);
        }
      break;

    case RESPONSE_QUIT:
      /* Once the dialog is gone: it still points at the window. */
      g_idle_add_once ((GSourceOnceFunc) finish, confirm);
      break;

    default:
      /* Cancel, Escape or the dialog's close button: stay. */
      confirm_free (confirm);
      break;
    }
}

static void
ask (Confirm *confirm)
{
  SmJournal *journal = sm_journal_get_default ();
  guint n = sm_journal_get_n_unsaved (journal);
  g_autofree char *name = g_filename_display_name (sm_journal_get_path (journal));
  g_autofree char *detail = NULL;
  /* Translators: the question before quitting; %u is how many sessions. */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%u session is not saved to the journal",
                                                        "%u sessions are not saved to the journal", n), n);
  GtkWidget *dialog;
  GtkWidget *save;

  dialog = gtk_message_dialog_new (confirm->parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_WARNING, GTK_BUTTONS_NONE, "%s", text);
  /* Translators: %s is the journal's file name. */
  detail = g_strdup_printf (_("It could not be written to “%s”, and it is lost if you quit now. Free some space or make the folder writable, then save again."),
                            name);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            confirm->problem != NULL ? confirm->problem : detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Quit Anyway"), RESPONSE_QUIT);
  save = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Save Again"), RESPONSE_SAVE_AGAIN);
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), RESPONSE_QUIT),
                            "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), RESPONSE_SAVE_AGAIN);
  g_signal_connect (dialog, "response", G_CALLBACK (responded), confirm);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sm_journal_unsaved_confirm:
 * @proceed: called once the person chose to go on (saved, or quit anyway);
 *   never on Cancel
 *
 * Tries once more to save what the journal keeps in memory, then asks
 * about what could not be saved.
 * Returns: %TRUE when nothing is unsaved and the caller may go on at
 * once; %FALSE when a dialog is asking and @proceed may come later
 */
gboolean
sm_journal_unsaved_confirm (GtkWindow        *parent,
                            SmUnsavedProceed  proceed,
                            gpointer          data)
{
  SmJournal *journal = sm_journal_get_default ();
  Confirm *confirm;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), TRUE);

  if (asking)
    return FALSE;
  if (!sm_journal_get_has_unsaved (journal) || sm_journal_retry (journal, NULL))
    return TRUE;

  confirm = g_new0 (Confirm, 1);
  confirm->parent = g_object_ref (parent);
  confirm->proceed = proceed;
  confirm->data = data;
  asking = TRUE;
  ask (confirm);
  return FALSE;
}
