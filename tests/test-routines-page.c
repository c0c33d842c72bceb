/* test-routines-page.c: the routines page in the real window — adding
 * zones from the zone panel's action, reordering, saving, deleting with
 * undo, and built-in routines staying untouched.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include <string.h>
#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-routine-step-row.h"
#include "sm-routines-page.h"
#include "sm-sheet-print.h"
#include "sm-test-utils.h"
#include "sm-window.h"

/* A folder of this test's own (G_TEST_OPTION_ISOLATE_DIRS makes the cache
 * folder private to each test case), unlike the shared /tmp. */
static const char *
scratch_dir (void)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static gboolean
saved (gpointer store)
{
  return !sm_routine_store_is_saving (store);
}

static void
wait_saved (SmRoutinesPage *page)
{
  g_assert_true (sm_test_wait_for (saved, sm_routines_page_get_store (page), 5000));
}

static gboolean toast_shown (gpointer window);

static SmRoutineStepRow *
step_row (SmWindow *window,
          guint     index)
{
  GtkListBox *list = sm_test_find (window, "steps_list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return SM_ROUTINE_STEP_ROW (gtk_list_box_row_get_child (row));
}

static SmRoutine *
load_saved (SmRoutine *routine)
{
  g_autofree char *name = g_strconcat (sm_routine_get_id (routine), ".json", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines",
                                            name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmRoutine *loaded = sm_routine_new_from_file (file, &error);

  g_assert_no_error (error);
  return loaded;
}

/* The row shows the step by name, and a choice there changes the step. */
static void
check_row_binding (SmWindow      *window,
                   SmRoutineStep *step)
{
  GtkDropDown *zones = sm_test_find (step_row (window, 0), "step_zone_dropdown");
  GtkDropDown *sides = sm_test_find (step_row (window, 0), "step_side_dropdown");

  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (zones)), ==,
                   sm_zone_get_name (sm_atlas_lookup_zone (sm_atlas_get_default (), "piriformis")));
  gtk_drop_down_set_selected (sides, 1);
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "right");
  gtk_drop_down_set_selected (sides, 0);
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "left");
}

/* "Add to Routine" on a zone panel starts a routine of one's own and
 * opens it; the step takes the zone's own tool and hold. */
static SmRoutine *
check_add_to_routine (SmWindow       *window,
                      SmRoutinesPage *page)
{
  GtkStack *stack = sm_test_find (window, "panel_stack");
  SmRoutine *routine;
  SmRoutineStep *step;

  g_assert_null (sm_window_get_routine (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-routine", "(ss)", "piriformis", "left");
  routine = sm_window_get_routine (window);
  g_assert_nonnull (routine);
  g_assert_false (sm_routine_get_builtin (routine));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "routines");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-routine", "(ss)", "hamstrings", "both");
  g_assert_true (sm_window_get_routine (window) == routine);
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, 2);

  step = sm_routine_get_step (routine, 0);
  g_assert_cmpstr (sm_routine_step_get_zone (step), ==, "piriformis");
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "left");
  g_assert_cmpstr (sm_routine_step_get_tool (step), ==, "ball");
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (step), ==, 30);

  check_row_binding (window, step);
  return routine;
}

/* The keyboard way to reorder: the buttons, with the focus following the
 * step so pressing again keeps moving it. */
static void
check_reorder (SmWindow       *window,
               SmRoutinesPage *page,
               SmRoutine      *routine)
{
  SmRoutineStepRow *second = step_row (window, 1);
  GtkWidget *focus;
  g_autoptr(SmRoutine) loaded = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "step.move-up", NULL));
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (routine, 0)), ==, "hamstrings");
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (step_row (window, 0))));

  /* An edit in a row reaches the file on its own. */
  sm_routine_step_set_repetitions (sm_routine_step_row_get_step (step_row (window, 1)), 4);
  sm_routine_set_patient (routine, "Ada Lovelace");
  wait_saved (page);

  loaded = load_saved (routine);
  g_assert_cmpstr (sm_routine_get_patient (loaded), ==, "Ada Lovelace");
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (loaded, 0)), ==, "hamstrings");
  g_assert_cmpuint (sm_routine_step_get_repetitions (sm_routine_get_step (loaded, 1)), ==, 4);
}

static void
check_delete_and_undo (SmWindow       *window,
                       SmRoutinesPage *page,
                       SmRoutine      *routine)
{
  g_autofree char *id = g_strdup (sm_routine_get_id (routine));
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines",
                                            name, NULL);
  GtkRevealer *toast = sm_test_find (window, "routine_toast_revealer");

  g_object_ref (routine);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "routine.delete", NULL));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (sm_window_get_routine (window));
  g_assert_null (sm_routine_store_lookup (sm_routines_page_get_store (page), id));
  g_assert_true (gtk_revealer_get_reveal_child (toast));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "routine.undo-delete", NULL));
  wait_saved (page);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sm_routine_store_lookup (sm_routines_page_get_store (page), id) == routine);
  g_assert_true (sm_window_get_routine (window) == routine);
  g_object_unref (routine);
}

/* The bin button of a step: a message with Undo that brings it back in
 * its place; then Ctrl+Z and Ctrl+Shift+Z (editor.undo/redo) over a move. */
static void
check_step_undo (SmWindow       *window,
                 SmRoutinesPage *page,
                 SmRoutine      *routine)
{
  GtkLabel *toast = sm_test_find (window, "routine_toast_label");
  SmRoutineStep *first = g_object_ref (sm_routine_get_step (routine, 0));
  GtkWidget *editor = gtk_stack_get_child_by_name (sm_test_find (window, "routines_stack"), "editor");

  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step_row (window, 0)), "step.remove", NULL));
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, 1);
  g_assert_true (toast_shown (window));
  g_assert_cmpstr (gtk_label_get_label (toast), ==, "Step 1 removed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "routine.undo-delete", NULL));
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, 2);
  g_assert_true (sm_routine_get_step (routine, 0) == first);
  g_assert_false (toast_shown (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (step_row (window, 0)), "step.move-down", NULL));
  g_assert_true (sm_routine_get_step (routine, 1) == first);
  g_assert_true (gtk_widget_activate_action (editor, "editor.undo", NULL));
  g_assert_true (sm_routine_get_step (routine, 0) == first);
  g_assert_true (gtk_widget_activate_action (editor, "editor.redo", NULL));
  g_assert_true (sm_routine_get_step (routine, 1) == first);
  g_assert_true (gtk_widget_activate_action (editor, "editor.undo", NULL));
  g_object_unref (first);
  wait_saved (page);
}

/* A built-in routine is read-only: no delete, and adding a zone starts a
 * routine of one's own instead of changing it. */
static void
check_builtin (SmWindow       *window,
               SmRoutinesPage *page)
{
  SmRoutine *builtin;
  GtkEditable *name = sm_test_find (window, "routine_name_entry");

  gtk_widget_activate_action (GTK_WIDGET (page), "routines.open", "s", "piriformis-relief");
  builtin = sm_window_get_routine (window);
  g_assert_true (sm_routine_get_builtin (builtin));
  g_assert_false (gtk_editable_get_editable (name));
  gtk_widget_activate_action (GTK_WIDGET (page), "routine.delete", NULL);
  g_assert_true (sm_routine_store_lookup (sm_routines_page_get_store (page), "piriformis-relief") == builtin);
  g_assert_true (sm_window_get_routine (window) == builtin);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-routine", "(ss)", "calf", "right");
  g_assert_false (sm_window_get_routine (window) == builtin);
  g_assert_cmpuint (sm_routine_get_n_steps (builtin), ==, 4);
  g_assert_cmpuint (sm_routine_get_n_steps (sm_window_get_routine (window)), ==, 1);
  wait_saved (page);
}

static gboolean
toast_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (sm_test_find (window, "routine_toast_revealer"));
}

static gboolean
export_done (gpointer window)
{
  GtkLabel *toast = sm_test_find (window, "routine_toast_label");

  return g_str_equal (gtk_label_get_label (toast), "Saved “exported.json”");
}

static gboolean
errors_shown (gpointer window)
{
  return gtk_widget_get_visible (sm_test_find (window, "routine_errors_box"));
}

typedef struct
{
  SmRoutinesPage *page;
  guint           n;
} CountWait;

static gboolean
has_n_routines (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (G_LIST_MODEL (sm_routines_page_get_store (wait->page))) == wait->n;
}

/* Import copies a good file into one's own routines and opens it, in the
 * background; a bad one is reported by name in the banner and not copied.
 * Export writes the open one; importing it back asks about the name it
 * shares with the open one, and Keep Both adds the copy. */
static void
check_import_export (SmWindow       *window,
                     SmRoutinesPage *page)
{
  g_autofree char *bad_path = g_build_filename (scratch_dir (), "from-email.json", NULL);
  g_autofree char *out_path = g_build_filename (scratch_dir (), "exported.json", NULL);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  GtkLabel *errors = sm_test_find (window, "routine_errors_label");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sm_routines_page_get_store (page)));
  CountWait one_more = { page, n + 1 };
  GtkDialog *question = NULL;
  SmRoutine *imported;
  g_autoptr(SmRoutine) reread = NULL;

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"sciatica-map-routine\", "
                                      "\"version\": 4}", -1, NULL));
  sm_routines_page_import_file (page, bad);
  g_assert_true (sm_test_wait_for (errors_shown, window, 5000));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (errors), "“from-email.json” was not imported: version: "));
  g_assert_true (toast_shown (window));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (sm_test_find (window, "routine_toast_label")),
                                   "“from-email.json” was not imported: version: "));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sm_routines_page_get_store (page))), ==, n);
  gtk_widget_activate_action (GTK_WIDGET (page), "routines.dismiss-errors", NULL);

  /* The routine open now is exported, then imported back as a copy. */
  sm_routines_page_export_file (page, out);
  g_assert_true (sm_test_wait_for (export_done, window, 5000));
  sm_routines_page_import_file (page, out);
  question = sm_test_wait_for_message_dialog (5000);
  g_assert_nonnull (question);
  gtk_dialog_response (question, 2 /* Keep Both */);
  g_assert_true (sm_test_wait_for (has_n_routines, &one_more, 5000));
  imported = sm_window_get_routine (window);
  g_assert_true (g_str_has_suffix (sm_routine_get_name (imported), " (copy)"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sm_routines_page_get_store (page))), ==, n + 1);
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (imported, 0)), ==, "calf");
  wait_saved (page);
  reread = load_saved (imported);
  g_assert_cmpuint (sm_routine_get_n_steps (reread), ==, 1);
}

/* Drag and drop, as GTK delivers it: a step dropped on another row takes
 * that row's place. */
static void
check_drop (SmWindow  *window,
            SmRoutine *routine)
{
  SmRoutineStepRow *target = step_row (window, 0);
  g_autoptr(SmRoutineStep) dragged = g_object_ref (sm_routine_get_step (routine, 1));
  GListModel *controllers = gtk_widget_observe_controllers (GTK_WIDGET (target));
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean dropped = FALSE;

  g_value_init (&value, SM_TYPE_ROUTINE_STEP);
  g_value_set_object (&value, dragged);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &dropped);
    }
  g_object_unref (controllers);

  g_assert_true (dropped);
  g_assert_true (sm_routine_get_step (routine, 0) == dragged);
}

static void
check_last_edit_saved (void)
{
  SmRoutineStore *store = sm_routine_store_get_default ();
  g_autoptr(SmRoutineStore) reread = sm_routine_store_new (NULL, NULL);
  gboolean found = FALSE;

  g_assert_false (sm_routine_store_is_saving (store));
  sm_routine_store_load (reread);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (reread)); i++)
    {
      g_autoptr(SmRoutine) routine = g_list_model_get_item (G_LIST_MODEL (reread), i);

      found |= g_str_equal (sm_routine_get_patient (routine), "Grace Hopper");
    }
  g_assert_true (found);
}

static void
on_activate (GApplication *app,
             SmWindow    **out_window)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  SmRoutinesPage *page;
  SmRoutine *routine;

  sm_test_wait_mapped (GTK_WIDGET (window));
  page = sm_test_routines_page (window);

  routine = check_add_to_routine (window, page);
  check_reorder (window, page, routine);
  check_drop (window, routine);
  check_step_undo (window, page, routine);
  check_delete_and_undo (window, page, routine);
  check_builtin (window, page);
  check_import_export (window, page);

  /* An edit the moment before quitting still reaches the file. */
  sm_routine_set_patient (sm_window_get_routine (window), "Grace Hopper");

  *out_window = g_object_ref (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_routines_page (void)
{
  SmWindow *window = NULL;
  g_autoptr(SmApplication) app = sm_test_run_app (G_CALLBACK (on_activate), &window);

  g_assert_nonnull (window);
  g_assert_finalize_object (window);
  check_last_edit_saved ();
}

/* Printing goes through the same renderer: export through
 * GtkPrintOperation (what the print dialog's "Print to File" does) and read
 * the result back. */
static void
test_print_operation (void)
{
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (), "back-of-the-body");
  g_autoptr(SmSheet) sheet = sm_sheet_new (routine, sm_atlas_get_default ());
  g_autoptr(GtkPrintOperation) operation = sm_sheet_print_operation_new (sheet);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autofree char *pdf = g_build_filename (scratch_dir (), "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *totext[] = { "pdftotext", "-raw", pdf, "-", NULL };
  const char *pdfinfo[] = { "pdfinfo", pdf, NULL };

  sm_test_gtk_init ();
  gtk_page_setup_set_paper_size (setup, letter);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) pdfinfo, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (info, "612 x 792 pts"));
  g_assert_nonnull (strstr (info, "Pages:           2"));

  g_spawn_sync (NULL, (char **) totext, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, NULL, &error);
  g_assert_no_error (error);
  /* A long muscle name may wrap in its table cell. */
  g_strdelimit (text, "\n", ' ');
  g_assert_nonnull (strstr (text, "Back of the body"));
  g_assert_nonnull (strstr (text, "Quadratus lumborum"));
  g_assert_nonnull (strstr (text, "Page 2 of 2"));
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);

  g_test_add_func ("/sm/routines-page/edit-save-delete", test_routines_page);
  g_test_add_func ("/sm/routines-page/print-operation", test_print_operation);

  return g_test_run ();
}
