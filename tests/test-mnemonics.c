/* test-mnemonics.c: Alt+letter works. In every state of the real window
 * (and the preferences window), no two mnemonics that are on screen at the
 * same time share a letter: GTK then only moves the focus between them on
 * each press and activates neither. The same control repeated in the rows
 * of one list (the routine steps' "Hold") may share its letter.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-application.h"
#include "sm-preferences-window.h"
#include "sm-test-utils.h"
#include "sm-window.h"

/* Every clash of every state, reported together at the end. */
static GString *clashes;

static void
collect_mnemonics (GtkWidget *widget,
                   GPtrArray *labels)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol &&
      gtk_widget_is_sensitive (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, labels);
}

/* The same control in two rows of one list: "_Hold" in step 1 and 2. */
static gboolean
repeated_in_rows (GtkWidget *a,
                  GtkWidget *b)
{
  GtkWidget *row_a = gtk_widget_get_ancestor (a, GTK_TYPE_LIST_BOX_ROW);
  GtkWidget *row_b = gtk_widget_get_ancestor (b, GTK_TYPE_LIST_BOX_ROW);

  return row_a != NULL && row_b != NULL && row_a != row_b &&
         gtk_widget_get_parent (row_a) == gtk_widget_get_parent (row_b) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (a)), gtk_label_get_label (GTK_LABEL (b))) == 0;
}

/* Lists every clash in @state (all of them, not only the first). */
static void
check_unique (GtkWidget  *root,
              const char *state)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) list = g_string_new (NULL);

  collect_mnemonics (root, labels);
  for (guint i = 0; i < labels->len; i++)
    g_string_append_printf (list, " %s", gtk_label_get_label (labels->pdata[i]));
  g_test_message ("%s:%s", state, list->str);
  g_assert_cmpuint (labels->len, >, 0);

  for (guint i = 0; i < labels->len; i++)
    for (guint j = i + 1; j < labels->len; j++)
      {
        GtkLabel *a = labels->pdata[i];
        GtkLabel *b = labels->pdata[j];
        guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (a));

        if (key == gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (b)) &&
            !repeated_in_rows (GTK_WIDGET (a), GTK_WIDGET (b)))
          g_string_append_printf (clashes, "\n  %s: Alt+%s: “%s” and “%s”", state,
                                  gdk_keyval_name (key),
                                  gtk_label_get_label (a), gtk_label_get_label (b));
      }
}

static gboolean
stack_shows (gpointer data)
{
  GtkStack *stack = data;
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  /* No transition left: the page before is unmapped. A stack that is not
   * on screen (the side pane behind the safety screen) has nothing to show. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (stack)))
    return TRUE;
  return !gtk_stack_get_transition_running (stack) && child != NULL && gtk_widget_get_mapped (child);
}

static void
settle (SmWindow *window)
{
  g_assert_true (sm_test_wait_for (stack_shows, sm_test_find (window, "panel_stack"), 5000));
  g_assert_true (sm_test_wait_for (stack_shows, sm_test_find (window, "mode_stack"), 5000));
  for (int i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef struct
{
  GtkStack   *stack;
  const char *page;
} PageWait;

static gboolean
page_shown (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (wait->stack), wait->page) == 0;
}

/* Runs @action (with a parameter built from @format and the rest), waits
 * for the side pane to show @page (none to check: %NULL) and checks. */
static void
check_state (SmWindow   *window,
             const char *state,
             const char *page,
             const char *action,
             const char *format,
             ...)
{
  if (action != NULL)
    {
      va_list args;
      g_autoptr(GVariant) param = NULL;

      /* Sunk here: actions installed on a widget class do not take the
       * floating reference. */
      va_start (args, format);
      if (format != NULL)
        param = g_variant_ref_sink (g_variant_new_va (format, NULL, &args));
      va_end (args);
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
    }
  if (page != NULL)
    {
      PageWait wait = { sm_test_find (window, "panel_stack"), page };

      /* Search results follow the entry after a short delay. */
      sm_test_wait_for (page_shown, &wait, 5000);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (wait.stack), ==, page);
    }
  settle (window);
  check_unique (GTK_WIDGET (window), state);
}

static gboolean
preferences_shown (gpointer data)
{
  GtkWidget **prefs = data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (SM_IS_PREFERENCES_WINDOW (l->data) && gtk_widget_get_mapped (l->data))
      *prefs = l->data;
  return *prefs != NULL;
}

static void
on_activate (GApplication *app,
             gpointer      user_data)
{
  SmWindow *window = SM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  GtkWidget *prefs = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  sm_test_wait_mapped (GTK_WIDGET (window));

  check_state (window, "first-run safety screen", NULL, NULL, NULL);
  check_state (window, "welcome page", "welcome", "win.acknowledge-safety", NULL);
  check_state (window, "piriformis panel", "zone", "win.show-zone", "(ss)", "piriformis", "left");
  check_state (window, "timer running", "zone", "win.start-timer", "(ssu)", "piriformis", "left", 0);
  check_state (window, "browse page", "browse", "win.show-browse", NULL);
  check_state (window, "technique panel", "technique", "win.show-technique", "s", "trigger-point");
  check_state (window, "tool panel", "tool", "win.show-tool", "s", "ball");
  check_state (window, "stretch panel", "stretch", "win.show-stretch", "s", "piriformis-stretch");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  gtk_editable_set_text (sm_test_find (window, "search_entry"), "piriformis");
  check_state (window, "search results", "search", NULL, NULL);
  check_state (window, "routines page", "routines", "win.show-routines", NULL);
  check_state (window, "routine editor, one step", "routines",
               "win.add-to-routine", "(ss)", "piriformis", "left");
  check_state (window, "routine editor, two steps", "routines",
               "win.add-to-routine", "(ss)", "calf", "right");
  check_state (window, "guided session", "session", "win.start-session", "s", "piriformis-relief");
  /* Back to the routine the session was started from. */
  check_state (window, "guided session stopped", "routines", "win.session-stop", NULL);
  check_state (window, "stretch panel again", "stretch", "win.show-stretch", "s", "piriformis-stretch");
  check_state (window, "marking pain", "stretch", "win.mark-pain", NULL);
  check_state (window, "presenter mode, marking pain", NULL, "win.present", NULL);
  check_state (window, "presenter mode", NULL, "win.mark-pain", NULL);
  check_state (window, "presenter mode left", "stretch", "win.present", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (sm_test_wait_for (preferences_shown, &prefs, 5000));
  check_unique (prefs, "preferences window");
  gtk_window_destroy (GTK_WINDOW (prefs));

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
test_mnemonics_unique (void)
{
  SmApplication *app;

  clashes = g_string_new (NULL);
  sm_test_set_safety_acknowledged (FALSE);
  app = sm_test_run_app (G_CALLBACK (on_activate), NULL);
  g_assert_finalize_object (app);

  if (clashes->len > 0)
    g_test_fail_printf ("mnemonics that clash:%s", clashes->str);
  g_string_free (clashes, TRUE);
}

int
main (int argc, char *argv[])
{
  sm_test_init (&argc, &argv);

  g_test_add_func ("/sm/mnemonics/unique", test_mnemonics_unique);

  return g_test_run ();
}
