/* sm-routines-page.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routines-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-file-write.h"
#include "sm-routine-editor.h"
#include "sm-routine-import.h"
#include "sm-routines-page.h"
#include "sm-sheet-print.h"
#include "sm-utils.h"

/* The side-pane page for routines: the list of built-in and own routines,
 * and the editor for the one that is open. Deleting a routine or a step
 * shows a message with Undo instead of asking first; the message sits
 * below the page, never over the editor. Files that could not be read, in
 * the routines folder or handed over to be imported, are listed at the top
 * in plain words, never touched, until dismissed. */

#define TOAST_SECONDS 8

struct _SmRoutinesPage
{
  GtkWidget        parent_instance;

  SmRoutineStore  *store;
  SmRoutine       *deleted;   /* kept for undo */
  guint            step_serial;   /* the editor's change that removed a step */
  guint            toast_timeout;
  GPtrArray       *import_errors;   /* char*: what could not be imported, in plain words */

  GtkWidget       *routines_box;
  GtkStack        *routines_stack;
  GtkWidget       *routine_errors_box;
  GtkLabel        *routine_errors_label;
  GtkListBox      *routines_list;
  SmRoutineEditor *routine_editor;
  GtkRevealer     *routine_toast_revealer;
  GtkLabel        *routine_toast_label;
  GtkWidget       *routine_undo_button;
};

G_DEFINE_FINAL_TYPE (SmRoutinesPage, sm_routines_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SmRoutineStore *
sm_routines_page_get_store (SmRoutinesPage *self)
{
  g_return_val_if_fail (SM_IS_ROUTINES_PAGE (self), NULL);

  return self->store;
}

/* Returns: (transfer none) (nullable): the routine open in the editor */
SmRoutine *
sm_routines_page_get_routine (SmRoutinesPage *self)
{
  g_return_val_if_fail (SM_IS_ROUTINES_PAGE (self), NULL);

  return self->routine_editor != NULL ? sm_routine_editor_get_routine (self->routine_editor) : NULL;
}

static void on_step_removed (SmRoutinesPage  *self,
                             guint            number,
                             guint            serial,
                             SmRoutineEditor *editor);

/* The editor is made when a routine is first opened: the first frame shows
 * neither it nor the page, and it is the larger part of the page's build. */
static SmRoutineEditor *
ensure_editor (SmRoutinesPage *self)
{
  if (self->routine_editor != NULL)
    return self->routine_editor;

  self->routine_editor = SM_ROUTINE_EDITOR (g_object_new (SM_TYPE_ROUTINE_EDITOR, NULL));
  gtk_stack_add_named (self->routines_stack, GTK_WIDGET (self->routine_editor), "editor");
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->routine_editor));
  g_signal_connect_object (self->routine_editor, "step-removed", G_CALLBACK (on_step_removed),
                           self, G_CONNECT_SWAPPED);
  return self->routine_editor;
}

static void
update_actions (SmRoutinesPage *self)
{
  SmRoutine *routine = sm_routines_page_get_routine (self);
  gboolean own = routine != NULL && !sm_routine_get_builtin (routine);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.duplicate", routine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.export", routine != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.rename", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.delete", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "routine.undo-delete",
                                 self->deleted != NULL || self->step_serial != 0);
}

/* Opens @routine in the editor, or goes back to the list with %NULL. */
void
sm_routines_page_open (SmRoutinesPage *self,
                       SmRoutine      *routine)
{
  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  if (routine == sm_routines_page_get_routine (self))
    return;

  sm_routine_editor_set_routine (ensure_editor (self), routine);
  gtk_stack_set_visible_child_name (self->routines_stack, routine != NULL ? "editor" : "list");
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

static gboolean
hide_toast (gpointer data)
{
  SmRoutinesPage *self = data;

  self->toast_timeout = 0;
  gtk_revealer_set_reveal_child (self->routine_toast_revealer, FALSE);
  /* Once the message is gone, so is the chance to undo (a step stays in
   * the editor's history: Ctrl+Z). */
  g_clear_object (&self->deleted);
  self->step_serial = 0;
  update_actions (self);
  return G_SOURCE_REMOVE;
}

void
sm_routines_page_show_message (SmRoutinesPage *self,
                               const char     *message,
                               gboolean        can_undo)
{
  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  /* A new message: whatever the last one offered to undo is left to
   * Ctrl+Z (a step) or gone (a routine), unless this one offers it. */
  self->step_serial = 0;
  if (!can_undo)
    g_clear_object (&self->deleted);
  update_actions (self);
  gtk_label_set_label (self->routine_toast_label, message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->routine_toast_label), NULL);
  gtk_widget_set_visible (self->routine_undo_button, can_undo);
  gtk_revealer_set_reveal_child (self->routine_toast_revealer, TRUE);
  self->toast_timeout = g_timeout_add_seconds (TOAST_SECONDS, hide_toast, self);
}

static void
show_error (SmRoutinesPage *self,
            const GError   *error)
{
  sm_routines_page_show_message (self, error->message, FALSE);
}

static SmRoutine *
create_routine (SmRoutinesPage *self,
                const char     *name)
{
  g_autoptr(SmRoutine) routine = sm_routine_new (name);

  sm_routine_store_add (self->store, routine);
  sm_routines_page_open (self, routine);
  return routine;
}

/* Adds a step for @zone to the open routine; a built-in routine or none
 * open starts a new routine of one's own.
 * Returns: (transfer none): the new step */
SmRoutineStep *
sm_routines_page_add_step (SmRoutinesPage *self,
                           const char     *zone,
                           const char     *side)
{
  SmRoutine *routine = sm_routines_page_get_routine (self);
  g_autoptr(SmRoutineStep) step = sm_routine_step_new_default (sm_atlas_get_default (),
                                                               zone, side);

  g_return_val_if_fail (SM_IS_ROUTINES_PAGE (self), NULL);

  if (routine == NULL || sm_routine_get_builtin (routine))
    routine = create_routine (self, _("My routine"));

  sm_routine_append_step (routine, step);
  return step;
}

void
sm_routines_page_focus_last_step (SmRoutinesPage *self)
{
  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  sm_routine_editor_focus_last_step (ensure_editor (self));
}

/* The open routine, or the default one when none is open. */
static SmRoutine *
routine_for_sheet (SmRoutinesPage *self)
{
  SmRoutine *routine = sm_routines_page_get_routine (self);

  if (routine == NULL)
    routine = sm_routine_store_lookup (self->store, SM_ROUTINE_STORE_DEFAULT_ROUTINE);
  return routine;
}

static GtkWindow *
parent_window (SmRoutinesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            SmRoutinesPage          *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  show_error (self, error);
}

void
sm_routines_page_print (SmRoutinesPage *self)
{
  SmRoutine *routine = routine_for_sheet (self);
  g_autoptr(SmSheet) sheet = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  if (routine == NULL)
    return;

  sheet = sm_sheet_new (routine, sm_atlas_get_default ());
  operation = sm_sheet_print_operation_new (sheet);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, 0);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent_window (self), &error);
  if (error != NULL)
    show_error (self, error);
}

/* --- Files --------------------------------------------------------------- */

typedef void (*FileChosen) (SmRoutinesPage *self,
                            GFile          *file);

static void
file_response (GtkNativeDialog *dialog,
               int              response,
               SmRoutinesPage  *self)
{
  FileChosen chosen = g_object_get_data (G_OBJECT (dialog), "sm-chosen");
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (response == GTK_RESPONSE_ACCEPT && file != NULL)
    chosen (self, file);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Routine files by their type, and by name where the type is not
 * installed (the app run from its build tree); routines saved as JSON by
 * older versions too. */
static GtkFileFilter *
routine_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Routine files"));
  gtk_file_filter_add_mime_type (filter, SM_ROUTINE_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, SM_ROUTINE_FILE_SUFFIX);
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

static GtkFileFilter *
pdf_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  return filter;
}

/* Takes @filter. */
static void
choose_file (SmRoutinesPage       *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *current_name,
             GtkFileFilter        *filter,
             FileChosen            chosen)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (title, parent_window (self), action, accept, _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "sm-chosen", chosen);
  g_signal_connect_object (dialog, "response", G_CALLBACK (file_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (filter);
}

static void
file_written (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SmRoutinesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  g_autofree char *message = NULL;

  /* The message names the file already. */
  if (!sm_file_write_bytes_finish (G_FILE (object), result, &error))
    message = g_strdup (error->message);
  else
    message = g_strdup_printf (_("Saved “%s”"), name);

  sm_routines_page_show_message (self, message, FALSE);
}

/* Off the main loop; atomic, and keeps the mode, owner, links of what is
 * there, and never puts a regular file where a pipe or device was
 * (sm-file-write.c). Routine files may name a patient: a new one is private. */
static void
write_file (SmRoutinesPage *self,
            GFile          *file,
            GBytes         *bytes)
{
  g_autofree char *name = g_file_get_basename (file);
  gboolean routine = g_str_has_suffix (name, ".json") || g_str_has_suffix (name, SM_ROUTINE_FILE_SUFFIX);
  SmFileWriteFlags flags = routine ? SM_FILE_WRITE_PRIVATE : SM_FILE_WRITE_DEFAULT;

  sm_file_write_bytes_async (file, bytes, flags, NULL, file_written, g_object_ref (self));
}

static void
pdf_chosen (SmRoutinesPage *self,
            GFile          *file)
{
  g_autoptr(SmSheet) sheet = sm_sheet_new (routine_for_sheet (self), sm_atlas_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = sm_sheet_render_pdf (sheet, sm_sheet_default_paper (), &error);

  if (bytes == NULL)
    show_error (self, error);
  else
    write_file (self, file, bytes);
}

void
sm_routines_page_save_pdf (SmRoutinesPage *self)
{
  SmRoutine *routine = routine_for_sheet (self);
  g_autofree char *name = NULL;

  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  if (routine == NULL)
    return;

  name = g_strdup_printf ("%s.pdf", sm_routine_get_name (routine));
  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Save Routine Sheet"), _("_Save"), name,
               pdf_file_filter (), pdf_chosen);
}

/* Writes the open routine to @file (the export dialog's choice). */
void
sm_routines_page_export_file (SmRoutinesPage *self,
                              GFile          *file)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));
  g_return_if_fail (sm_routines_page_get_routine (self) != NULL);

  bytes = sm_routine_to_bytes (sm_routines_page_get_routine (self));
  write_file (self, file, bytes);
}

/* Copies the routine in @file (the import dialog's choice, a file given on
 * the command line or dropped on the window) into one's own routines and
 * opens it, in the background (sm-routine-import.c); a file that cannot be
 * used is reported in the banner and not copied. */
void
sm_routines_page_import_file (SmRoutinesPage *self,
                              GFile          *file)
{
  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  sm_routine_import_file (self, file);
}

/* --- Actions ------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *name,
            GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);

  create_routine (self, _("New routine"));
  sm_routine_editor_focus_name (ensure_editor (self));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  choose_file (SM_ROUTINES_PAGE (widget), GTK_FILE_CHOOSER_ACTION_OPEN, _("Import Routine"),
               _("_Import"), NULL, routine_file_filter (), sm_routines_page_import_file);
}

static void
open_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);
  SmRoutine *routine = sm_routine_store_lookup (self->store, g_variant_get_string (param, NULL));

  if (routine != NULL)
    sm_routines_page_open (self, routine);
}

static void
close_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sm_routines_page_open (SM_ROUTINES_PAGE (widget), NULL);
}

static void
dismiss_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);

  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  hide_toast (self);
}

static SmRoutine *
copy_routine (SmRoutinesPage *self,
              SmRoutine      *routine)
{
  /* Translators: the name of a duplicated routine */
  g_autofree char *copy_name = g_strdup_printf (_("%s (copy)"), sm_routine_get_name (routine));
  g_autoptr(SmRoutine) copy = sm_routine_duplicate (routine, copy_name);

  sm_routine_store_add (self->store, copy);
  sm_routines_page_open (self, copy);
  return copy;
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);

  copy_routine (self, sm_routines_page_get_routine (self));
  sm_routine_editor_focus_name (ensure_editor (self));
}

/**
 * sm_routines_page_ensure_own_routine:
 *
 * The open routine when it is one's own; otherwise opens a copy of the
 * open built-in routine (its steps stay), or a new "My routine" when none
 * is open. For edits that belong to a routine, such as a pain drawing.
 * Returns: (transfer none)
 */
SmRoutine *
sm_routines_page_ensure_own_routine (SmRoutinesPage *self)
{
  SmRoutine *routine;

  g_return_val_if_fail (SM_IS_ROUTINES_PAGE (self), NULL);

  routine = sm_routines_page_get_routine (self);
  if (routine == NULL)
    return create_routine (self, _("My routine"));
  if (sm_routine_get_builtin (routine))
    return copy_routine (self, routine);
  return routine;
}

static void
rename_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  sm_routine_editor_focus_name (ensure_editor (SM_ROUTINES_PAGE (widget)));
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);
  g_autoptr(SmRoutine) routine = g_object_ref (sm_routines_page_get_routine (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!sm_routine_store_remove (self->store, routine, &error))
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->deleted, routine);
  sm_routines_page_open (self, NULL);
  message = g_strdup_printf (_("“%s” deleted"), sm_routine_get_name (routine));
  sm_routines_page_show_message (self, message, TRUE);
  update_actions (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);
  g_autoptr(SmRoutine) routine = g_steal_pointer (&self->deleted);
  guint serial = self->step_serial;

  if (serial != 0)
    {
      self->step_serial = 0;
      sm_routine_editor_undo_serial (ensure_editor (self), serial);
      dismiss_action (widget, NULL, NULL);
      return;
    }

  if (routine == NULL)
    return;

  /* Same id, so the same file name comes back. */
  sm_routine_store_add (self->store, routine);
  dismiss_action (widget, NULL, NULL);
  sm_routines_page_open (self, routine);
}

static void
on_step_removed (SmRoutinesPage  *self,
                 guint            number,
                 guint            serial,
                 SmRoutineEditor *editor)
{
  /* Translators: after the bin button of a step; %u is the step's number */
  g_autofree char *message = g_strdup_printf (_("Step %u removed"), number);

  g_clear_object (&self->deleted);
  sm_routines_page_show_message (self, message, TRUE);
  self->step_serial = serial;
  update_actions (self);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);
  g_autofree char *file_name = g_strconcat (sm_routine_get_name (sm_routines_page_get_routine (self)),
                                           SM_ROUTINE_FILE_SUFFIX, NULL);

  choose_file (self, GTK_FILE_CHOOSER_ACTION_SAVE, _("Export Routine"), _("_Export"), file_name,
               routine_file_filter (), sm_routines_page_export_file);
}

/* --- The list ------------------------------------------------------------ */

static char *
routine_subtitle (SmRoutine *routine)
{
  guint n = sm_routine_get_n_steps (routine);
  const char *patient = sm_routine_get_patient (routine);

  if (sm_routine_get_builtin (routine))
    /* Translators: a built-in routine in the list, e.g. "Built in · 6 steps" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Built in · %u step", "Built in · %u steps", n),
                            n);
  if (patient[0] != '\0')
    /* Translators: a routine in the list, with the patient's name and the
     * number of steps, e.g. "For Ada · 3 steps" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For %1$s · %2$u step", "For %1$s · %2$u steps", n),
                            patient, n);
  /* Translators: a routine in the list, e.g. "3 steps" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n), n);
}

static void
update_subtitle (GtkLabel  *label,
                 SmRoutine *routine)
{
  g_autofree char *subtitle = routine_subtitle (routine);
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_LIST_BOX_ROW);

  gtk_label_set_label (label, subtitle);
  /* GTK 4.8 does not name a row after its labels: say what it opens. */
  if (row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, sm_routine_get_name (routine),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                    -1);
}

static GtkWidget *
create_routine_row (gpointer item,
                    gpointer user_data)
{
  SmRoutine *routine = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  /* A name without spaces must still break, and a very long one stops
   * after three lines: shaping it all would freeze the window. */
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 3);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  g_object_bind_property (routine, "name", title, "label", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (routine, "changed", G_CALLBACK (update_subtitle), subtitle,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  update_subtitle (GTK_LABEL (subtitle), routine);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "routines.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sm_routine_get_id (routine));
  return row;
}

/* "routine.json: steps[2].hold-seconds: …" → "routine.json"; NULL for an
 * error that is not about one file (the folder could not be read). */
static char *
error_file_name (const GError *error)
{
  const char *colon = strstr (error->message, ": ");
  g_autofree char *name = NULL;

  if (colon == NULL)
    return NULL;
  name = g_strndup (error->message, colon - error->message);
  return g_str_has_suffix (name, ".json") ? g_steal_pointer (&name) : NULL;
}

static char *
plain_load_error (const GError *error)
{
  g_autofree char *file = error_file_name (error);

  if (file == NULL)
    /* Translators: the routines folder could not be read */
    return g_strdup (_("Your routines folder could not be read, so your own routines are not shown. Nothing in it was changed."));
  /* A pipe, a device or a huge file is not damaged: say what it is. */
  if (g_error_matches (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_NOT_A_FILE))
    /* Translators: %s is a file name, e.g. "evening.json" */
    return g_strdup_printf (_("The routine file “%s” was not opened: it is not an ordinary file but a pipe, a device or a folder. It was left as it is."),
                            file);
  if (g_error_matches (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_TOO_LARGE))
    /* Translators: %s is a file name, e.g. "evening.json" */
    return g_strdup_printf (_("The routine file “%s” was not opened: it is far larger than a routine can be. It was left as it is."),
                            file);
  /* Translators: %s is a file name, e.g. "evening.json" */
  return g_strdup_printf (_("The routine file “%s” could not be opened: it is damaged or was made by a newer version of the app. It was left as it is."),
                          file);
}

static void
show_load_errors (SmRoutinesPage *self)
{
  GPtrArray *errors = sm_routine_store_get_load_errors (self->store);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) details = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      g_autofree char *plain = plain_load_error (errors->pdata[i]);

      g_string_append_printf (text, "%s%s", i > 0 ? "\n" : "", plain);
      g_string_append_printf (details, "%s%s", i > 0 ? "\n" : "", ((GError *) errors->pdata[i])->message);
    }
  /* An import's message says the problem itself. */
  for (guint i = 0; i < self->import_errors->len; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            (char *) self->import_errors->pdata[i]);

  gtk_label_set_label (self->routine_errors_label, text->str);
  /* The exact problem, for whoever repairs the file. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->routine_errors_label),
                               details->len > 0 ? details->str : NULL);
  gtk_widget_set_visible (self->routine_errors_box, text->len > 0);
}

/**
 * sm_routines_page_report_import_error:
 * @error: what sm_routine_new_from_file () said, "file: problem"
 *
 * Says in the banner that @file was not imported and why; nothing of it
 * was copied, and the file itself is never touched. The banner is above
 * the list; with a routine open the message below the page says it too.
 */
void
sm_routines_page_report_import_error (SmRoutinesPage *self,
                                      GFile          *file,
                                      const GError   *error)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = sm_cut_for_message (basename, SM_MESSAGE_QUOTE_CHARS);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);
  g_autofree char *message = NULL;
  const char *problem = error->message;

  g_return_if_fail (SM_IS_ROUTINES_PAGE (self));

  if (g_str_has_prefix (problem, prefix))
    problem += strlen (prefix);
  /* Translators: %1$s is a file name, %2$s what is wrong with it, e.g.
   * "version: 3 is newer than this app reads" */
  message = g_strdup_printf (_("“%1$s” was not imported: %2$s. Nothing was copied, and the file was left as it is."),
                             name, problem);
  g_ptr_array_add (self->import_errors, g_strdup (message));
  show_load_errors (self);
  if (sm_routines_page_get_routine (self) != NULL)
    sm_routines_page_show_message (self, message, FALSE);
}

static void
dismiss_errors_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);

  g_ptr_array_set_size (self->import_errors, 0);
  gtk_widget_set_visible (self->routine_errors_box, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->routines_list));
}

/* The store's message names the file and the system's reason; the person
 * needs to know which routine and that the edit is not lost yet. */
static void
on_save_failed (SmRoutinesPage *self,
                SmRoutine      *routine,
                const char     *detail)
{
  /* Translators: %s is the routine's name */
  g_autofree char *message = g_strdup_printf (_("“%s” could not be saved. Your changes are kept while the app is open."),
                                              sm_routine_get_name (routine));

  sm_routines_page_show_message (self, message, FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->routine_toast_label), detail);
}

static void
sm_routines_page_dispose (GObject *object)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (object);

  g_clear_handle_id (&self->toast_timeout, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_ROUTINES_PAGE);
  g_clear_object (&self->deleted);
  g_clear_object (&self->store);
  g_clear_pointer (&self->import_errors, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_routines_page_parent_class)->dispose (object);
}

/* Ctrl+R and the other ways here put the keyboard in what the page shows:
 * the first routine of the list, or the open routine's editor. The page
 * takes no focus of its own, so GTK would leave the keyboard where it was,
 * on a control the page now hides or elsewhere in the window. */
static gboolean
sm_routines_page_grab_focus (GtkWidget *widget)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (widget);
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->routines_list, 0);

  if (sm_routines_page_get_routine (self) == NULL && first != NULL &&
      gtk_widget_grab_focus (GTK_WIDGET (first)))
    return TRUE;

  return gtk_widget_child_focus (gtk_stack_get_visible_child (self->routines_stack),
                                 GTK_DIR_TAB_FORWARD);
}

static void
sm_routines_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmRoutinesPage *self = SM_ROUTINES_PAGE (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, sm_routines_page_get_routine (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routines_page_class_init (SmRoutinesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_routines_page_dispose;
  object_class->get_property = sm_routines_page_get_property;
  widget_class->grab_focus = sm_routines_page_grab_focus;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, SM_TYPE_ROUTINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-routines-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routines_box);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routines_stack);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routine_errors_box);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routine_errors_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routines_list);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routine_toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routine_toast_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutinesPage, routine_undo_button);

  gtk_widget_class_install_action (widget_class, "routines.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "routines.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "routines.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "routines.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "routines.dismiss", NULL, dismiss_action);
  gtk_widget_class_install_action (widget_class, "routines.dismiss-errors", NULL, dismiss_errors_action);
  gtk_widget_class_install_action (widget_class, "routine.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "routine.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "routine.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "routine.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_install_action (widget_class, "routine.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "routines.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "routine.undo-delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "routines.close", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sm_routines_page_init (SmRoutinesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->import_errors = g_ptr_array_new_with_free_func (g_free);
  self->store = g_object_ref (sm_routine_store_get_default ());
  gtk_list_box_bind_model (self->routines_list, G_LIST_MODEL (self->store),
                           create_routine_row, self, NULL);
  g_signal_connect_object (self->store, "save-failed", G_CALLBACK (on_save_failed), self,
                           G_CONNECT_SWAPPED);
  /* The folder may still be read in the background. */
  g_signal_connect_object (self->store, "loaded", G_CALLBACK (show_load_errors), self,
                           G_CONNECT_SWAPPED);
  show_load_errors (self);
  update_actions (self);
}
