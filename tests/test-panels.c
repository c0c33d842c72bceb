/* test-panels.c: the side-pane panels, navigation, search and the
 * first-run safety screen, driven through the real window.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
#include <string.h>

#include "sm-atlas.h"
#include "sm-body-map.h"
#include "sm-hurt-panel.h"
#include "sm-referral-rank.h"
#include "sm-routines-page.h"
#include "sm-safety-page.h"
#include "sm-map-zone.h"
#include "sm-search-results.h"
#include "sm-test-utils.h"
#include "sm-window.h"
#include "sm-zone-panel.h"

static SmWindow *
open_window (gboolean safety_acknowledged)
{
  SmWindow *window;

  sm_test_set_safety_acknowledged (safety_acknowledged);
  window = sm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  sm_test_wait_mapped (GTK_WIDGET (window));

  return window;
}

static void
close_window (SmWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static const char *
visible_page (SmWindow *window)
{
  return gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack"));
}

/* The label with @id inside the panel page @page of the side pane. */
static const char *
panel_text (SmWindow   *window,
            const char *page,
            const char *id)
{
  GtkWidget *panel = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), page);

  return gtk_label_get_label (sm_test_find (panel, id));
}

static GtkWidget *
panel_child (SmWindow   *window,
             const char *page,
             const char *id)
{
  GtkWidget *panel = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), page);

  return sm_test_find (panel, id);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
assert_section (SmWindow   *window,
                const char *label_id)
{
  GtkWidget *label = panel_child (window, "zone", label_id);

  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpuint (strlen (gtk_label_get_label (GTK_LABEL (label))), >, 20);
}

/* Presses the keys of @accel through the window's own shortcut, the way
 * GTK does when the key arrives. */
static void
press_shortcut (SmWindow   *window,
                const char *accel)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accel))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                           GTK_WIDGET (window),
                                                           gtk_shortcut_get_arguments (shortcut)));
              return;
            }
        }
    }

  g_error ("no shortcut %s on the window", accel);
}

static void
record_parameter (GSimpleAction *action,
                  GVariant      *parameter,
                  GVariant     **out)
{
  g_clear_pointer (out, g_variant_unref);
  *out = g_variant_ref (parameter);
}

static gboolean
window_has_action (SmWindow   *window,
                   const char *name)
{
  g_autofree char *full_name = g_strconcat ("win.", name, NULL);
  const char *class_action, *property;
  const GVariantType *parameter_type;
  GType owner;

  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner,
                                      &class_action, &parameter_type, &property);
       i++)
    if (g_str_equal (class_action, full_name))
      return TRUE;

  return g_action_group_has_action (G_ACTION_GROUP (window), name);
}

/* Until the timer lands the button rests; once a win.start-timer (ssu)
 * action exists it wakes up and hands over zone, side and seconds. */
static void
check_timer_contract (SmWindow *window,
                      GVariant *expected)
{
  GtkWidget *button = panel_child (window, "zone", "timer_button");
  g_autoptr(GSimpleAction) action = g_simple_action_new ("start-timer", G_VARIANT_TYPE ("(ssu)"));
  g_autoptr(GVariant) received = NULL;

  /* Once the timer is on main its own action answers: the button is live. */
  if (window_has_action (window, "start-timer"))
    {
      g_assert_true (gtk_widget_get_sensitive (button));
      return;
    }

  g_assert_false (gtk_widget_get_sensitive (button));
  g_signal_connect (action, "activate", G_CALLBACK (record_parameter), &received);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (action));
  g_assert_true (gtk_widget_get_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (received);
  g_assert_true (g_variant_equal (received, expected));
  g_action_map_remove_action (G_ACTION_MAP (window), "start-timer");
}

static void
test_zone_panel (void)
{
  SmWindow *window = open_window (TRUE);
  SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), "piriformis");
  GtkStack *stack = sm_test_find (window, "panel_stack");
  GtkActionable *timer;
  g_autoptr(GVariant) expected_target = NULL;

  /* The content pages are made when first shown, not for the first frame. */
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  for (guint i = 0; i < 5; i++)
    g_assert_null (gtk_stack_get_child_by_name (stack, (const char *[]) {
                     "zone", "technique", "tool", "stretch", "browse" }[i]));
  g_assert_null (gtk_stack_get_child_by_name (stack, "session"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "search"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "journal"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "hurt"));
  g_assert_null (gtk_stack_get_child_by_name (stack, "routines"));
  g_assert_null (sm_window_get_routine (window));
  /* Shown, the routines page lists the routines; the editor waits for one. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-routines", NULL);
  g_assert_cmpstr (visible_page (window), ==, "routines");
  g_assert_null (gtk_stack_get_child_by_name (sm_test_find (window, "routines_stack"), "editor"));
  sm_window_show_zone (window, "piriformis", "Piriformis", "right");

  g_assert_cmpstr (visible_page (window), ==, "zone");
  g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (stack, gtk_stack_get_visible_child (stack))),
                   ==, "Muscle");
  timer = GTK_ACTIONABLE (panel_child (window, "zone", "timer_button"));
  g_assert_cmpstr (panel_text (window, "zone", "title_label"), ==, "Piriformis");
  g_assert_nonnull (strstr (panel_text (window, "zone", "subtitle_label"), "Right side"));
  assert_section (window, "summary_label");
  assert_section (window, "where_label");
  assert_section (window, "why_label");
  assert_section (window, "pressure_label");
  g_assert_nonnull (strstr (panel_text (window, "zone", "hold_label"), "seconds"));

  g_assert_true (gtk_widget_get_visible (panel_child (window, "zone", "cautions_box")));
  g_assert_cmpuint (count_children (panel_child (window, "zone", "cautions_list")), >, 0);
  g_assert_cmpuint (count_children (panel_child (window, "zone", "techniques_list")), >, 0);
  g_assert_cmpuint (count_children (panel_child (window, "zone", "tools_list")), >, 0);
  g_assert_cmpuint (count_children (panel_child (window, "zone", "steps_box")), >, 4);

  /* The timer and the routine get the zone, the side and the hold time. */
  expected_target = g_variant_ref_sink (g_variant_new ("(ssu)", "piriformis", "right",
                                                       sm_zone_get_hold_seconds (zone)));
  g_assert_cmpstr (gtk_actionable_get_action_name (timer), ==, "win.start-timer");
  g_assert_true (g_variant_equal (gtk_actionable_get_action_target_value (timer), expected_target));
  check_timer_contract (window, expected_target);

  close_window (window);
}

static GtkWidget *
first_row (SmWindow   *window,
           const char *page,
           const char *list_id)
{
  return gtk_widget_get_first_child (panel_child (window, page, list_id));
}

static void
test_links_and_back (void)
{
  SmWindow *window = open_window (TRUE);
  SmAtlas *atlas = sm_atlas_get_default ();
  SmZone *zone = sm_atlas_lookup_zone (atlas, "piriformis");
  SmTechnique *first_technique = sm_atlas_lookup_technique (atlas, sm_zone_get_techniques (zone)[0]);
  GtkListBoxRow *technique_row, *tool_row;

  sm_window_show_zone (window, "piriformis", NULL, "left");
  technique_row = GTK_LIST_BOX_ROW (first_row (window, "zone", "techniques_list"));
  tool_row = GTK_LIST_BOX_ROW (first_row (window, "zone", "tools_list"));

  /* A technique link opens its panel; the panel's back button returns. */
  gtk_widget_activate (GTK_WIDGET (technique_row));
  g_assert_cmpstr (visible_page (window), ==, "technique");
  g_assert_cmpstr (panel_text (window, "technique", "title_label"), ==,
                   sm_technique_get_name (first_technique));
  g_signal_emit_by_name (panel_child (window, "technique", "go_back_button"), "clicked");
  g_assert_cmpstr (visible_page (window), ==, "zone");

  /* A tool link, then Alt+Left back and Alt+Right forward again. */
  gtk_widget_activate (GTK_WIDGET (tool_row));
  g_assert_cmpstr (visible_page (window), ==, "tool");
  press_shortcut (window, "<Alt>Left");
  g_assert_cmpstr (visible_page (window), ==, "zone");
  g_assert_cmpstr (panel_text (window, "zone", "title_label"), ==, "Piriformis");
  press_shortcut (window, "<Alt>Right");
  g_assert_cmpstr (visible_page (window), ==, "tool");

  /* Back past the zone to where the person started, and no further. */
  press_shortcut (window, "<Alt>Left");
  press_shortcut (window, "<Alt>Left");
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_false (gtk_widget_get_sensitive (panel_child (window, "zone", "go_back_button")));

  close_window (window);
}

/* The panel's Left/Right switch opens the other side as a new place. */
static void
test_side_switch (void)
{
  SmWindow *window = open_window (TRUE);
  GtkWidget *panel;

  sm_window_show_zone (window, "hamstrings", NULL, "left");
  panel = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), "zone");
  g_assert_true (gtk_toggle_button_get_active (sm_test_find (panel, "zone_left_button")));

  g_signal_emit_by_name (sm_test_find (panel, "zone_right_button"), "clicked");
  g_assert_cmpstr (sm_zone_panel_get_side (SM_ZONE_PANEL (panel)), ==, "right");
  g_assert_true (gtk_toggle_button_get_active (sm_test_find (panel, "zone_right_button")));
  g_assert_nonnull (strstr (panel_text (window, "zone", "subtitle_label"), "Right side"));

  press_shortcut (window, "<Alt>Left");
  g_assert_cmpstr (sm_zone_panel_get_side (SM_ZONE_PANEL (panel)), ==, "left");
  g_assert_true (gtk_toggle_button_get_active (sm_test_find (panel, "zone_left_button")));

  close_window (window);
}

typedef struct
{
  SmWindow        *window;
  SmSearchResults *results;
  const char      *query;
} SearchWait;

/* The results page is made for the first query. */
static gboolean
query_applied (gpointer data)
{
  SearchWait *wait = data;

  wait->results = SM_SEARCH_RESULTS (gtk_stack_get_child_by_name (sm_test_find (wait->window, "panel_stack"),
                                                                  "search"));
  return wait->results != NULL &&
         g_strcmp0 (sm_search_results_get_query (wait->results), wait->query) == 0;
}

/* Types into the search entry as a person would; the entry reports
 * changes after a short pause, so wait for the results to follow. */
static SmSearchResults *
type_search (SmWindow   *window,
             const char *query)
{
  GtkSearchBar *bar = sm_test_find (window, "search_bar");
  SearchWait wait = { window, NULL, query };

  if (!gtk_search_bar_get_search_mode (bar))
    press_shortcut (window, "<Control>f");
  g_assert_true (gtk_search_bar_get_search_mode (bar));

  gtk_editable_set_text (sm_test_find (window, "search_entry"), query);
  g_assert_true (sm_test_wait_for (query_applied, &wait, 5000));
  g_assert_cmpstr (visible_page (window), ==, "search");

  return wait.results;
}

static gboolean
press_key_in_entry (SmWindow *window,
                    guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (sm_test_find (window, "search_entry"));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }

  return handled;
}

static int
selected_index (SmWindow *window)
{
  GtkListBox *list = sm_test_find (sm_test_page (window, "search"), "list");
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  return row != NULL ? gtk_list_box_row_get_index (row) : -1;
}

/* The id shown by the panel page @kind, read from the panel itself. */
static char *
shown_id (SmWindow   *window,
          const char *kind)
{
  GtkWidget *panel = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), kind);
  char *id = NULL;

  g_object_get (panel, kind, &id, NULL);
  return id;
}

static void
test_search_synonyms (void)
{
  SmWindow *window = open_window (TRUE);

  for (const SmTestSearchCase *c = sm_test_search_cases; c->query != NULL; c++)
    {
      SmSearchResults *results = type_search (window, c->query);

      if (!sm_test_results_contain (sm_search_results_get_results (results), c->kind, c->id))
        g_error ("searching \"%s\" does not list %s %s", c->query, c->kind, c->id);
    }

  close_window (window);
}

/* Down and Up move the selection while the typing stays in the entry;
 * Enter opens the selected result, and the keyboard lands in its panel. */
static void
test_search_enter_opens (void)
{
  SmWindow *window = open_window (TRUE);

  for (const SmTestSearchCase *c = sm_test_search_cases; c->query != NULL; c++)
    {
      SmSearchResults *results = type_search (window, c->query);
      int target = sm_test_results_index (sm_search_results_get_results (results), c->kind, c->id);
      g_autofree char *id = NULL;

      g_assert_cmpint (target, >=, 0);
      g_assert_cmpint (selected_index (window), ==, 0);
      for (int k = 0; k < target; k++)
        g_assert_true (press_key_in_entry (window, GDK_KEY_Down));
      if (target > 0)
        {
          g_assert_true (press_key_in_entry (window, GDK_KEY_Up));
          g_assert_cmpint (selected_index (window), ==, target - 1);
          g_assert_true (press_key_in_entry (window, GDK_KEY_Down));
        }
      g_assert_cmpint (selected_index (window), ==, target);

      g_signal_emit_by_name (sm_test_find (window, "search_entry"), "activate");

      g_assert_cmpstr (visible_page (window), ==, c->kind);
      id = shown_id (window, c->kind);
      g_assert_cmpstr (id, ==, c->id);
      g_assert_false (gtk_search_bar_get_search_mode (sm_test_find (window, "search_bar")));
      g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             panel_child (window, c->kind, "scroller")));
    }

  close_window (window);
}

/* Escape (the search bar closing) brings back the page that was open. */
static void
test_search_closes_back_to_page (void)
{
  SmWindow *window = open_window (TRUE);

  sm_window_show_zone (window, "calf", NULL, "left");
  type_search (window, "ball");
  press_shortcut (window, "<Control>f");
  g_assert_cmpstr (visible_page (window), ==, "zone");
  g_assert_cmpstr (gtk_editable_get_text (sm_test_find (window, "search_entry")), ==, "");

  close_window (window);
}

static gboolean
zone_page_shown (gpointer window)
{
  return g_strcmp0 (visible_page (window), "zone") == 0;
}

static SmMapZone *
find_map_zone (SmBodyMap  *map,
               const char *element_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && g_str_equal (sm_map_zone_get_element_id (SM_MAP_ZONE (child)), element_id))
      return SM_MAP_ZONE (child);

  g_error ("no %s on the map", element_id);
}

/* The map and the side pane move together: a zone activated on the map
 * opens its panel, a search result selects its zone on the map, and going
 * back selects the earlier zone again until the start clears it. */
static void
test_map_and_panel (void)
{
  SmWindow *window = open_window (TRUE);
  SmBodyMap *map = sm_test_find (window, "body_map");

  g_assert_true (gtk_widget_activate (GTK_WIDGET (find_map_zone (map, "zone-piriformis-left"))));
  g_assert_true (sm_test_wait_for (zone_page_shown, window, 5000));
  g_assert_cmpstr (panel_text (window, "zone", "title_label"), ==, "Piriformis");
  g_assert_nonnull (strstr (panel_text (window, "zone", "subtitle_label"), "Left side"));

  /* The landmarks that "Where to find it" names stand out on the map. */
  g_assert_true (g_strv_contains (sm_body_map_get_emphasis (map), "landmark-sacrum"));
  g_assert_true (g_strv_contains (sm_body_map_get_emphasis (map), "landmark-greater-trochanter-left"));
  g_assert_false (g_strv_contains (sm_body_map_get_emphasis (map), "landmark-greater-trochanter-right"));

  type_search (window, "psoas");
  g_signal_emit_by_name (sm_test_find (window, "search_entry"), "activate");
  g_assert_cmpstr (panel_text (window, "zone", "title_label"), ==, "Psoas");
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "psoas");
  g_assert_cmpstr (sm_body_map_get_view (map), ==, "front");

  press_shortcut (window, "<Alt>Left");
  g_assert_cmpstr (sm_body_map_get_selected_zone (map), ==, "piriformis");
  g_assert_cmpstr (sm_body_map_get_selected_side (map), ==, "left");
  g_assert_cmpstr (sm_body_map_get_view (map), ==, "back");

  press_shortcut (window, "<Alt>Left");
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_null (sm_body_map_get_selected_zone (map));
  g_assert_null (sm_body_map_get_emphasis (map));

  close_window (window);
}

static void
assert_safety_screen (SmWindow *window,
                      gboolean  shown)
{
  GtkWidget *paned = sm_test_find (window, "paned");
  GtkWidget *page = gtk_widget_get_next_sibling (paned);

  /* The page is made the first time it is shown, next to the map. */
  g_assert_cmpint (SM_IS_SAFETY_PAGE (page) && gtk_widget_get_visible (page), ==, shown);
  g_assert_cmpint (gtk_widget_get_visible (paned), ==, !shown);
  g_assert_cmpint (sm_window_get_safety_screen_visible (window), ==, shown);
  /* Nothing but the main menu beside it: the map's header controls and
   * the timer bar (no timer counts here) are not shown. */
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "view_switch")), ==, !shown);
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "side_switch")), ==, !shown);
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "search_button")), ==, !shown);
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "routines_button")), ==, !shown);
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "mark_pain_button")), ==, !shown);
  g_assert_cmpint (gtk_widget_get_visible (sm_test_find (window, "timer_slot")), ==, !shown);
  g_assert_true (gtk_widget_get_visible (sm_test_find (window, "primary_menu_button")));
}

static gboolean
has_children (gpointer box)
{
  return count_children (box) > 0;
}

/* Issue 17: a muscle's panel says where it can send pain and draws it on
 * the map on request; "Where does it hurt?" (Ctrl+H) ranks the muscles for
 * what is painted, explains nerve pain when it burns, and makes a routine
 * of them in that order. */
static void
test_where_it_hurts (void)
{
  SmWindow *window = open_window (TRUE);
  SmBodyMap *map = sm_test_find (window, "body_map");
  GtkWidget *button;
  SmHurtPanel *panel;
  SmPainDrawing *drawing;
  SmPainStroke *stroke;
  GPtrArray *suggestions;
  SmRoutine *routine;
  guint n_suggested;

  sm_window_show_zone (window, "piriformis", "Piriformis", "left");
  assert_section (window, "referral_label");
  button = panel_child (window, "zone", "referral_button");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.show-pain-pattern");
  g_assert_null (sm_body_map_get_referral (map));
  press_shortcut (window, "<Shift><Control>h");
  g_assert_cmpstr (sm_body_map_get_referral (map), ==, "piriformis");
  sm_window_show_zone (window, "calf", "Calf", "left");
  g_assert_cmpstr (sm_body_map_get_referral (map), ==, "calf");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-pain-pattern", NULL);
  g_assert_null (sm_body_map_get_referral (map));

  press_shortcut (window, "<Control>h");
  g_assert_cmpstr (visible_page (window), ==, "hurt");
  g_assert_true (gtk_toggle_button_get_active (sm_test_find (window, "mark_pain_button")));
  panel = SM_HURT_PANEL (gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), "hurt"));
  g_assert_cmpuint (sm_hurt_panel_get_suggestions (panel)->len, ==, 0);

  /* An ache down the outside of the left lower leg. */
  drawing = sm_window_get_pain_drawing (window);
  stroke = sm_pain_stroke_new (SM_PAIN_ACHING, 5, "back");
  for (guint i = 0; i <= 20; i++)
    sm_pain_stroke_add_point (stroke, 300, 1200 + i * 10);
  sm_pain_drawing_add_stroke (drawing, stroke);
  suggestions = sm_hurt_panel_get_suggestions (panel);
  g_assert_cmpuint (suggestions->len, >, 0);
  g_assert_cmpstr (((SmReferralMatch *) g_ptr_array_index (suggestions, 0))->zone_id, ==, "gluteus-minimus");
  g_assert_false (sm_hurt_panel_get_nerve_shown (panel));
  g_assert_true (gtk_widget_get_visible (sm_test_find (panel, "results_list")));

  /* Burning or tingling: possible nerve irritation, with the red flags. */
  stroke = sm_pain_stroke_new (SM_PAIN_BURNING, 3, "back");
  sm_pain_stroke_add_point (stroke, 300, 1250);
  sm_pain_drawing_add_stroke (drawing, stroke);
  g_assert_true (sm_hurt_panel_get_nerve_shown (panel));
  g_assert_true (gtk_widget_get_visible (sm_test_find (panel, "nerve_box")));
  g_assert_cmpuint (count_children (sm_test_find (panel, "red_flags_box")), >, 2);

  n_suggested = sm_hurt_panel_get_suggestions (panel)->len;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.routine-from-suggestions", NULL);
  routine = sm_routines_page_get_routine (sm_test_page (window, "routines"));
  g_assert_nonnull (routine);
  g_assert_cmpstr (sm_routine_get_name (routine), ==, "For where it hurts");
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, n_suggested);
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (routine, 0)), ==, "gluteus-minimus");
  g_assert_cmpstr (sm_routine_step_get_side (sm_routine_get_step (routine, 0)), ==, "left");
  /* The drawing went with the routine, which the map now edits. */
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (routine)), ==, 2);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_window_get_pain_drawing (window)), ==, 2);

  close_window (window);
}

static void
test_safety_first_run (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  SmWindow *window = open_window (FALSE);
  SmSafety *safety = sm_atlas_get_safety (sm_atlas_get_default ());
  GtkWidget *red_flags = sm_test_find (window, "red_flags_box");

  /* The screen carries the atlas's red flags, and nothing gets past it:
   * not the map, not search. */
  assert_safety_screen (window, TRUE);
  g_assert_cmpuint (count_children (red_flags), ==, g_strv_length ((char **) sm_safety_get_red_flags (safety)));
  /* The last list comes once the screen has drawn. */
  g_assert_true (sm_test_wait_for (has_children, sm_test_find (window, "stop_box"), 5000));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
  g_assert_false (gtk_search_bar_get_search_mode (sm_test_find (window, "search_bar")));
  g_assert_true (gtk_widget_has_focus (sm_test_find (window, "acknowledge_button")));

  g_signal_emit_by_name (sm_test_find (window, "acknowledge_button"), "clicked");
  assert_safety_screen (window, FALSE);
  g_assert_true (g_settings_get_boolean (settings, "safety-acknowledged"));
  close_window (window);

  /* Remembered: the next window opens on the map. */
  window = sm_window_new (NULL);
  assert_safety_screen (window, FALSE);

  /* And always there again from the menu. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-safety", NULL);
  assert_safety_screen (window, TRUE);
  g_signal_emit_by_name (sm_test_find (window, "acknowledge_button"), "clicked");
  assert_safety_screen (window, FALSE);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/panels/zone-panel", test_zone_panel);
  g_test_add_func ("/sm/panels/links-and-back", test_links_and_back);
  g_test_add_func ("/sm/panels/side-switch", test_side_switch);
  g_test_add_func ("/sm/panels/search-synonyms", test_search_synonyms);
  g_test_add_func ("/sm/panels/search-enter-opens", test_search_enter_opens);
  g_test_add_func ("/sm/panels/search-closes-back-to-page", test_search_closes_back_to_page);
  g_test_add_func ("/sm/panels/map-and-panel", test_map_and_panel);
  g_test_add_func ("/sm/panels/safety-first-run", test_safety_first_run);
  g_test_add_func ("/sm/panels/where-it-hurts", test_where_it_hurts);

  return g_test_run ();
}
