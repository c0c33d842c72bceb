/* sm-conflict-dialog.c: asking what to keep when another program changed
 * a routine's file while the person had changes of their own.
 *
 * A plain message dialog (GTK 4.8 has no GtkAlertDialog) with the three
 * answers the store knows. Closing it without an answer keeps both, the
 * one choice that loses nothing. One dialog per routine: the store asks
 * again each time a save is held, and a second dialog would only confuse.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-conflict-dialog.h"

#define DIALOG_KEY "sm-conflict-dialog"

static void
dialog_response (GtkDialog *dialog,
                 int        response,
                 gpointer   user_data)
{
  SmRoutine *routine = g_object_get_data (G_OBJECT (dialog), "sm-routine");
  SmRoutineStore *store = g_object_get_data (G_OBJECT (dialog), "sm-store");
  SmRoutineConflictChoice choice = SM_ROUTINE_CONFLICT_KEEP_BOTH;

  if (response == SM_ROUTINE_CONFLICT_KEEP_MINE || response == SM_ROUTINE_CONFLICT_TAKE_THEIRS)
    choice = response;

  g_object_set_data (G_OBJECT (routine), DIALOG_KEY, NULL);
  sm_routine_store_resolve_conflict (store, routine, choice);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
sm_conflict_dialog_present (GtkWindow      *parent,
                            SmRoutineStore *store,
                            SmRoutine      *routine)
{
  GtkWidget *dialog = g_object_get_data (G_OBJECT (routine), DIALOG_KEY);

  if (dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("“%s” was changed by another program"),
                                   sm_routine_get_name (routine));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
    _("Its file changed while you had changes of your own here. Keep Mine writes your version over the other one. Take Theirs replaces yours with the other version. Keep Both keeps yours and adds the other version as a routine of its own."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("Keep _Mine"), SM_ROUTINE_CONFLICT_KEEP_MINE,
                          _("Take _Theirs"), SM_ROUTINE_CONFLICT_TAKE_THEIRS,
                          _("Keep _Both"), SM_ROUTINE_CONFLICT_KEEP_BOTH,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), SM_ROUTINE_CONFLICT_KEEP_BOTH);

  g_object_set_data_full (G_OBJECT (dialog), "sm-routine", g_object_ref (routine), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "sm-store", g_object_ref (store), g_object_unref);
  g_object_set_data (G_OBJECT (routine), DIALOG_KEY, dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}
