/* sm-test-utils.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-atlas.h"
#include "sm-test-utils.h"

#include "sm-application.h"
#include "sm-leak-check.h"

/* G_TEST_OPTION_ISOLATE_DIRS points XDG_DATA_DIRS at empty folders, which
 * hides the system MIME database and GdkPixbuf then cannot tell an SVG icon
 * from noise. The database is read-only, so sharing it keeps tests isolated. */
void
sm_test_init (int    *argc,
              char ***argv)
{
  g_auto(GStrv) system_dirs = g_strdupv ((char **) g_get_system_data_dirs ());
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (system_dirs[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);

  sm_test_set_safety_acknowledged (TRUE);
}

/* gtk_init () for the tests that call it themselves; the others start
 * through SmApplication, whose start-up does the same (see sm-leak-check.h). */
void
sm_test_gtk_init (void)
{
  sm_leak_check_pause ();
  gtk_init ();
  sm_leak_check_resume ();
}

/* Widget tests start as a returning user who has read the first-run safety
 * screen, so the map and the side pane are there to test; test-panels sets
 * this back to FALSE to test the first run itself. The settings backend is
 * the memory one (GSETTINGS_BACKEND=memory in the test environment). */
void
sm_test_set_safety_acknowledged (gboolean acknowledged)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_boolean (settings, "safety-acknowledged", acknowledged);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until @condition holds; returns
 * FALSE if @timeout_ms passed first, so a test can assert on it. */
gboolean
sm_test_wait_for (SmTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return !timed_out;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
sm_test_wait_mapped (GtkWidget *widget)
{
  g_assert_true (sm_test_wait_for (is_mapped, widget, 5000));
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Finds a widget by its id in the .ui file, anywhere below @widget. */
gpointer
sm_test_find (gpointer    widget,
              const char *id)
{
  GtkWidget *found = find_by_id (widget, id);

  if (found == NULL)
    g_error ("no widget with id \"%s\"", id);

  return found;
}

/* A page of the window's side pane, which may be made on first use. */
gpointer
sm_test_page (gpointer    window,
              const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), name);

  if (page == NULL)
    g_error ("no page \"%s\" in the side pane", name);

  return page;
}

/* The window's routines page, which is made when first shown: Ctrl+R
 * shows it if it is not there yet. */
gpointer
sm_test_routines_page (gpointer window)
{
  if (gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), "routines") == NULL)
    gtk_widget_activate_action (window, "win.show-routines", NULL);

  return sm_test_page (window, "routines");
}

typedef struct
{
  gboolean done;
  int      status;
} Command;

static void
command_exited (GPid     pid,
                int      status,
                gpointer data)
{
  Command *command = data;

  command->status = status;
  command->done = TRUE;
  g_spawn_close_pid (pid);
}

static gboolean
command_done (gpointer data)
{
  return ((Command *) data)->done;
}

/* Runs a helper such as xdotool while the main loop keeps turning, so the
 * app under test sees the events it sends; fails the test if it fails. */
void
sm_test_run_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  Command command = { FALSE, -1 };
  GPid pid;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, command_exited, &command);
  g_assert_true (sm_test_wait_for (command_done, &command, 15000));
  g_assert_cmpint (command.status, ==, 0);
}

static gboolean
is_keyval_shortcut (GtkShortcut *shortcut,
                    guint        keyval)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0;
}

static gboolean
activate_in_controller (GtkShortcutController *controller,
                        GtkWidget             *widget,
                        guint                  keyval,
                        gboolean              *found)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (controller));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

      if (!is_keyval_shortcut (shortcut, keyval))
        continue;

      *found = TRUE;
      return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                           gtk_shortcut_get_arguments (shortcut));
    }

  return FALSE;
}

static gboolean
press_in_phase (GtkWidget           *widget,
                GtkPropagationPhase  phase,
                guint                keyval,
                gboolean            *found)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == phase &&
          activate_in_controller (GTK_SHORTCUT_CONTROLLER (controller), widget, keyval, found))
        return TRUE;
    }

  return FALSE;
}

/* Presses a plain key (no modifiers) on @widget's own shortcut controllers,
 * capture phase first as a real key press would go, without a keyboard;
 * returns whether a shortcut handled it. Fails if none knows the key. */
gboolean
sm_test_press_key (GtkWidget *widget,
                   guint      keyval)
{
  gboolean found = FALSE;
  gboolean handled = press_in_phase (widget, GTK_PHASE_CAPTURE, keyval, &found);

  if (!handled)
    handled = press_in_phase (widget, GTK_PHASE_BUBBLE, keyval, &found);
  if (!found)
    g_error ("no shortcut for %s", gdk_keyval_name (keyval));

  return handled;
}

/* Destroys a toplevel and checks that nothing else kept it alive. */
void
sm_test_destroy_window (gpointer window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* Runs the real application with @on_activate connected after its own
 * activate handler, and returns it (transfer full) once it has quit. It
 * stays off the session bus: the tests run in parallel on one bus and
 * would otherwise hand their activation to each other. */
gpointer
sm_test_run_app (GCallback on_activate,
                 gpointer  user_data)
{
  SmApplication *app = sm_application_new ();
  char *argv[] = { (char *) "sciatica-map", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", on_activate, user_data);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);

  return app;
}

static gboolean
find_message_dialog (gpointer out)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(GtkDialog **) out = GTK_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* The message dialog on screen (a question the app asks), waiting up to
 * @timeout_ms for one; NULL when none came. (transfer none) */
GtkDialog *
sm_test_wait_for_message_dialog (guint timeout_ms)
{
  GtkDialog *dialog = NULL;

  if (timeout_ms == 0)
    return find_message_dialog (&dialog) ? dialog : NULL;
  return sm_test_wait_for (find_message_dialog, &dialog, timeout_ms) ? dialog : NULL;
}

/* What @widget shows, drawn through GTK's own snapshot onto a new ARGB32
 * image of its size. */
cairo_surface_t *
sm_test_draw_widget (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
