/* test-routine-import.c: routine files dropped on the real window, as GTK
 * delivers a drop from a file manager (the window's GtkDropTarget gets a
 * GdkFileList, or one GFile), are imported: a copy among one's own
 * routines, opened in the editor, the original untouched; a file that is
 * not a routine is reported in the banner; a routine of the same name asks
 * (Keep Both, Replace, Cancel).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-routine-import.h"
#include "sm-routines-page.h"
#include "sm-test-utils.h"
#include "sm-window.h"

/* --- Files to drop ------------------------------------------------------- */

static char *
scratch_path (const char *name)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return g_build_filename (dir, name, NULL);
}

/* A routine file from "the therapist": one step and one pain stroke. */
static GFile *
write_routine_file (const char *file_name,
                    const char *routine_name,
                    const char *notes)
{
  g_autofree char *path = scratch_path (file_name);
  g_autoptr(SmRoutine) routine = sm_routine_new (routine_name);
  g_autoptr(SmRoutineStep) step = sm_routine_step_new ("piriformis", "left");
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_BURNING, 6, "back");
  g_autoptr(GError) error = NULL;

  sm_routine_step_set_tool (step, "ball");
  sm_routine_step_set_technique (step, "hold");
  sm_routine_append_step (routine, step);
  sm_routine_set_notes (routine, notes);
  sm_pain_stroke_add_point (stroke, 330, 690);
  sm_pain_stroke_add_point (stroke, 340, 720);
  sm_pain_drawing_add_stroke (sm_routine_get_pain_drawing (routine), stroke);
  g_assert_true (sm_routine_save_to_path (routine, path, &error));
  g_assert_no_error (error);
  /* Read-only, as a file from someone else may be: it is only read. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  return g_file_new_for_path (path);
}

static GBytes *
file_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* --- Dropping ------------------------------------------------------------ */

static GtkDropTarget *
window_drop_target (SmWindow *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);   /* the window holds it */
    }
  g_assert_not_reached ();
}

static gboolean
drop_value (SmWindow     *window,
            const GValue *value)
{
  GtkDropTarget *target = window_drop_target (window);
  gboolean dropped = FALSE;
  gsize n_types = 0;
  const GType *types = gtk_drop_target_get_gtypes (target, &n_types);
  gboolean accepted = FALSE;

  /* What a file manager offers is among what the window takes. */
  for (gsize i = 0; i < n_types; i++)
    accepted |= types[i] == G_VALUE_TYPE (value);
  g_assert_true (accepted);

  g_signal_emit_by_name (target, "drop", value, 200.0, 200.0, &dropped);
  return dropped;
}

/* A file manager's drop: a list of files. */
static gboolean
drop_files (SmWindow *window,
            GFile    *file)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array (&file, 1));
  return drop_value (window, &value);
}

static gboolean
drop_file (SmWindow *window,
           GFile    *file)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  return drop_value (window, &value);
}

/* --- Waiting for the import ---------------------------------------------- */

static SmRoutineStore *
store (void)
{
  return sm_routine_store_get_default ();
}

static guint
n_routines (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store ()));
}

static gboolean
has_routine (gpointer name)
{
  return sm_routine_store_lookup (store (), name) != NULL;
}

static gboolean
saved (gpointer data)
{
  return !sm_routine_store_is_saving (store ());
}

static gboolean
errors_shown (gpointer window)
{
  return gtk_widget_get_visible (sm_test_find (window, "routine_errors_box"));
}

static GtkDialog *
wait_for_question (void)
{
  GtkDialog *dialog = sm_test_wait_for_message_dialog (10000);

  g_assert_nonnull (dialog);
  return dialog;
}

/* The copy in the routines folder, read back. */
static SmRoutine *
load_saved (SmRoutine *routine)
{
  g_autofree char *path = sm_routine_store_dup_path (store (), routine);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmRoutine *loaded;

  g_assert_true (sm_test_wait_for (saved, NULL, 5000));
  loaded = sm_routine_new_from_file (file, &error);
  g_assert_no_error (error);
  return loaded;
}

/* Lets the worker threads finish what they started (nothing must come). */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* --- The cases ----------------------------------------------------------- */

/* One GFile dropped: copied into the folder, opened in the editor on the
 * routines page, pain drawing and all; the original stays byte for byte. */
static SmRoutine *
check_drop_imports (SmWindow *window)
{
  g_autoptr(GFile) file = write_routine_file ("Clinic plan.sciatica-routine", "Clinic plan", "First visit");
  g_autoptr(GBytes) before = file_bytes (file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SmRoutine) copy = NULL;
  guint n = n_routines ();
  SmRoutine *routine;

  g_assert_true (drop_file (window, file));
  g_assert_true (sm_test_wait_for (has_routine, (gpointer) "Clinic plan", 10000));
  routine = sm_routine_store_lookup (store (), "Clinic plan");
  g_assert_cmpuint (n_routines (), ==, n + 1);
  g_assert_true (sm_window_get_routine (window) == routine);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")), ==, "routines");
  g_assert_false (sm_routine_get_builtin (routine));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (routine)), ==, 1);

  copy = load_saved (routine);
  g_assert_cmpstr (sm_routine_get_notes (copy), ==, "First visit");
  g_assert_cmpuint (sm_routine_get_n_steps (copy), ==, 1);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (copy)), ==, 1);

  after = file_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
  return routine;
}

/* A folder and a JSON file that is no routine: each named in the banner
 * with its problem, nothing imported. */
static void
check_drop_refused (SmWindow *window)
{
  g_autofree char *folder_path = scratch_path ("Patients");
  g_autofree char *json_path = scratch_path ("shopping.json");
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
  g_autoptr(GFile) json = g_file_new_for_path (json_path);
  GtkLabel *label = sm_test_find (window, "routine_errors_label");
  guint n = n_routines ();
  const char *text;

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (json_path, "{\"shopping\": [\"milk\"]}", -1, NULL));

  g_assert_true (drop_files (window, folder));
  g_assert_true (sm_test_wait_for (errors_shown, window, 10000));
  text = gtk_label_get_label (label);
  g_assert_true (g_str_has_prefix (text, "“Patients” was not imported: this is a folder, not a routine file."));
  /* The banner is above the list; the editor stays open, and the
   * message below it says the same. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "routines_stack")), ==, "editor");
  g_assert_cmpstr (gtk_label_get_label (sm_test_find (window, "routine_toast_label")), ==, text);

  g_assert_true (drop_files (window, json));
  g_assert_true (sm_test_wait_for (errors_shown, window, 10000));
  while (strstr (gtk_label_get_label (label), "shopping.json") == NULL)
    g_main_context_iteration (NULL, TRUE);
  text = gtk_label_get_label (label);
  g_assert_nonnull (strstr (text, "\n“shopping.json” was not imported: "));
  g_assert_nonnull (strstr (text, "Nothing was copied, and the file was left as it is."));

  settle ();
  g_assert_cmpuint (n_routines (), ==, n);
  gtk_widget_activate_action (sm_test_page (window, "routines"), "routines.dismiss-errors", NULL);
  g_assert_false (errors_shown (window));
}

/* The same name again: Cancel imports nothing, Replace puts the file's
 * version into the routine there, Keep Both adds a copy. */
static void
check_drop_same_name (SmWindow  *window,
                      SmRoutine *routine)
{
  g_autoptr(GFile) file = write_routine_file ("clinic-2.sciatica-routine", "clinic plan", "Second visit");
  guint n = n_routines ();
  g_autofree char *text = NULL;
  GtkDialog *dialog;

  g_assert_true (drop_files (window, file));
  dialog = wait_for_question ();
  g_object_get (dialog, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "There is already a routine called “clinic plan”");
  g_assert_nonnull (gtk_dialog_get_widget_for_response (dialog, SM_IMPORT_RESPONSE_REPLACE));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (dialog, SM_IMPORT_RESPONSE_KEEP_BOTH));
  gtk_dialog_response (dialog, GTK_RESPONSE_CANCEL);
  settle ();
  g_assert_cmpuint (n_routines (), ==, n);
  g_assert_cmpstr (sm_routine_get_notes (routine), ==, "First visit");

  g_assert_true (drop_files (window, file));
  gtk_dialog_response (wait_for_question (), SM_IMPORT_RESPONSE_REPLACE);
  settle ();
  g_assert_cmpuint (n_routines (), ==, n);
  g_assert_cmpstr (sm_routine_get_notes (routine), ==, "Second visit");
  g_assert_true (sm_window_get_routine (window) == routine);
  {
    g_autoptr(SmRoutine) copy = NULL;

    /* The replacement is saved like an edit. */
    sm_routine_store_flush (store ());
    copy = load_saved (routine);
    g_assert_cmpstr (sm_routine_get_notes (copy), ==, "Second visit");
  }

  g_assert_true (drop_file (window, file));
  gtk_dialog_response (wait_for_question (), SM_IMPORT_RESPONSE_KEEP_BOTH);
  g_assert_true (sm_test_wait_for (has_routine, (gpointer) "clinic plan (copy)", 10000));
  g_assert_cmpuint (n_routines (), ==, n + 1);
}

/* A built-in routine's name: it cannot be replaced, only kept beside. */
static void
check_drop_builtin_name (SmWindow *window)
{
  g_autoptr(GFile) file = write_routine_file ("relief.sciatica-routine", "Piriformis relief", "");
  guint n = n_routines ();
  GtkDialog *dialog;

  g_assert_true (drop_file (window, file));
  dialog = wait_for_question ();
  g_assert_null (gtk_dialog_get_widget_for_response (dialog, SM_IMPORT_RESPONSE_REPLACE));
  g_assert_nonnull (gtk_dialog_get_widget_for_response (dialog, SM_IMPORT_RESPONSE_KEEP_BOTH));
  /* Closing it is Cancel. */
  gtk_window_close (GTK_WINDOW (dialog));
  settle ();
  g_assert_cmpuint (n_routines (), ==, n);
  g_assert_null (sm_test_wait_for_message_dialog (0));
}

static void
on_activate (GApplication *app,
             SmWindow    **out_window)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  SmRoutine *routine;

  sm_test_wait_mapped (GTK_WIDGET (window));
  routine = check_drop_imports (window);
  check_drop_refused (window);
  check_drop_same_name (window, routine);
  check_drop_builtin_name (window);

  *out_window = g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_drop (void)
{
  SmWindow *window = NULL;
  g_autoptr(SmApplication) app = sm_test_run_app (G_CALLBACK (on_activate), &window);

  g_assert_nonnull (window);
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);

  g_test_add_func ("/sm/routine-import/drop", test_drop);

  return g_test_run ();
}
