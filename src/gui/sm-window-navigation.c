/* sm-window-navigation.c: the side pane (panels, history, search and the
 * first-run safety screen)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-atlas.h"
#include "sm-window-private.h"

/* --- Pages --------------------------------------------------------------- */

/* The side filter picks the side when a zone is opened from a list rather
 * than from the map; with both sides shown, the left comes first as it does
 * when reading. */
static const char *
default_zone_side (SmWindow *self)
{
  return g_strcmp0 (self->side, "right") == 0 ? "right" : "left";
}

/* While a muscle's panel is open, the map shows the bony landmarks its
 * "Where to find it" section names (the sacrum and the greater trochanter
 * for the piriformis); other pages take them away. */
void
_sm_window_emphasize_zone_landmarks (SmWindow   *self,
                                     const char *zone_id,
                                     const char *side)
{
  g_auto(GStrv) ids = NULL;

  if (zone_id != NULL)
    ids = sm_atlas_dup_landmark_ids (sm_atlas_get_default (), zone_id, side);
  sm_body_map_set_emphasis (self->body_map, (const char * const *) ids);
}

/* Keeps the map in step with the side pane: going back or forward to a
 * muscle selects it again (switching view, layer and side as needed), and
 * going back to the start clears the selection. Other pages leave the map
 * as it is, so the muscle that led there stays in view. */
static void
update_map_for_location (SmWindow   *self,
                         const char *page,
                         const char *zone_id,
                         const char *side)
{
  if (g_str_equal (page, "zone"))
    sm_body_map_select_zone (self->body_map, zone_id, side);
  else if (g_str_equal (page, "welcome"))
    sm_body_map_clear_selection (self->body_map);

  _sm_window_emphasize_zone_landmarks (self, g_str_equal (page, "zone") ? zone_id : NULL, side);
  _sm_window_hurt_location_changed (self, page, zone_id, side);
}

/* The content pages are made the first time they are shown: the first
 * frame shows the welcome page, and a visit opens only a few of them. */
static void
ensure_page (SmWindow   *self,
             const char *page)
{
  static const struct {
    const char *name;
    const char *title;
    GType     (*get_type) (void);
    gsize       offset;
  } pages[] = {
    { "zone", N_("Muscle"), sm_zone_panel_get_type, G_STRUCT_OFFSET (SmWindow, zone_panel) },
    { "technique", N_("Technique"), sm_technique_panel_get_type,
      G_STRUCT_OFFSET (SmWindow, technique_panel) },
    { "tool", N_("Tool"), sm_tool_panel_get_type, G_STRUCT_OFFSET (SmWindow, tool_panel) },
    { "stretch", N_("Stretch"), sm_stretch_panel_get_type, G_STRUCT_OFFSET (SmWindow, stretch_panel) },
    { "browse", N_("Browse"), sm_browse_page_get_type, G_STRUCT_OFFSET (SmWindow, browse_page) },
    { "search", N_("Search Results"), sm_search_results_get_type, G_STRUCT_OFFSET (SmWindow, search_results) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget **slot = G_STRUCT_MEMBER_P (self, pages[i].offset);

      if (!g_str_equal (page, pages[i].name) || *slot != NULL)
        continue;
      *slot = g_object_new (pages[i].get_type (), NULL);
      gtk_stack_add_titled (self->panel_stack, *slot, pages[i].name, _(pages[i].title));
      sm_a11y_clean_mnemonic_names (*slot);
    }
  if (g_str_equal (page, "hurt"))
    _sm_window_hurt_ensure_panel (self);
  else if (g_str_equal (page, "routines"))
    _sm_window_ensure_routines_page (self);
}

static void
show_location (SmWindow *self,
               GVariant *location)
{
  const char *page, *id, *side;

  g_variant_get (location, "(&s&s&s)", &page, &id, &side);
  ensure_page (self, page);

  if (g_str_equal (page, "zone"))
    {
      sm_zone_panel_set_zone (self->zone_panel, id, side);
      sm_timer_bar_set_zone (self->timer_bar, id, side, _sm_window_zone_title (id),
                             _sm_window_zone_hold (id));
    }
  else if (g_str_equal (page, "technique"))
    sm_technique_panel_set_technique (self->technique_panel, id);
  else if (g_str_equal (page, "tool"))
    sm_tool_panel_set_tool (self->tool_panel, id);
  else if (g_str_equal (page, "stretch"))
    sm_stretch_panel_set_stretch (self->stretch_panel, id);
  else if (g_str_equal (page, "welcome"))
    sm_timer_bar_clear_zone (self->timer_bar);

  update_map_for_location (self, page, id, side);
  gtk_stack_set_visible_child_name (self->panel_stack, page);
}

/* Closing the search bar shows the current page when the results were on
 * show (see on_search_entry_search_changed), so only one of the two paths runs. The bar
 * can also be open beside another page (Ctrl+F, then Ctrl+R): that page
 * must still give way, or a stopped session stays on screen. */
void
_sm_window_show_current_location (SmWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);
  gboolean results = g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "search") == 0;

  if (searching)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (!(searching && results))
    show_location (self, sm_history_get_current (self->history));
}

void
_sm_window_navigate_to (SmWindow   *self,
                        const char *page,
                        const char *id,
                        const char *side)
{
  sm_history_push (self->history, page, id, side);
  _sm_window_show_current_location (self);
}

/* Shows the side-pane panel of one zone. @title is what the caller calls
 * it; the panel shows the atlas's translated name. */
void
sm_window_show_zone (SmWindow   *self,
                     const char *zone_id,
                     const char *title,
                     const char *side)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (zone_id != NULL);

  _sm_window_navigate_to (self, "zone", zone_id,
               side != NULL && *side != '\0' ? side : default_zone_side (self));
}

/* --- History ------------------------------------------------------------- */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (sm_history_go_back (self->history) != NULL)
    _sm_window_show_current_location (self);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (sm_history_go_forward (self->history) != NULL)
    _sm_window_show_current_location (self);
}

/* Links, search results, the Browse list and the panel's side switch all
 * select the muscle on the map as well as opening its panel. */
static void
show_zone_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *zone_id, *side;

  g_variant_get (param, "(&s&s)", &zone_id, &side);
  sm_window_select_zone (SM_WINDOW (widget), zone_id,
                         *side != '\0' ? side : default_zone_side (SM_WINDOW (widget)));
}

/* win.show-technique, win.show-tool and win.show-stretch: the page is the
 * part of the action name after "show-". */
static void
show_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  const char *page = strchr (action_name, '-') + 1;

  _sm_window_navigate_to (SM_WINDOW (widget), page, g_variant_get_string (param, NULL), NULL);
}

static void
show_browse_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _sm_window_navigate_to (SM_WINDOW (widget), "browse", NULL, NULL);
}

/* --- Search -------------------------------------------------------------- */

static void
toggle_search_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  gboolean active = gtk_search_bar_get_search_mode (self->search_bar);

  gtk_search_bar_set_search_mode (self->search_bar, !active);
}

/* The results take the place of the current page while there is a query;
 * an empty query or a closed search bar brings the page back. */
static void
on_search_entry_search_changed (SmWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar) && *query != '\0';

  /* The results page is made for the first query. */
  if (searching)
    ensure_page (self, "search");
  if (self->search_results != NULL)
    sm_search_results_set_query (self->search_results, query);
  if (searching)
    gtk_stack_set_visible_child_name (self->panel_stack, "search");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "search") == 0)
    show_location (self, sm_history_get_current (self->history));
}

static void
on_search_bar_notify_search_mode_enabled (SmWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_entry_search_changed (self);
}

/* The first widget in tree order that takes the focus: the panel's back
 * button. Children come first because scrolled windows are focusable
 * themselves; gtk_widget_child_focus() would sort by position, and a page
 * that was just shown has none yet. */
gboolean
_sm_window_focus_first (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && _sm_window_focus_first (child))
      return TRUE;

  return gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) &&
         gtk_widget_grab_focus (widget);
}

/* Enter opens the selected result (the first one until the person moves)
 * and takes the keyboard into the panel it opened, rather than leaving it
 * wherever GTK puts it when the search bar closes. */
static void
on_search_entry_activate (SmWindow *self)
{
  if (self->search_results != NULL && sm_search_results_activate_selected (self->search_results))
    _sm_window_focus_first (gtk_stack_get_visible_child (self->panel_stack));
}

/* Up and Down move through the results while typing stays in the entry. */
static gboolean
on_search_keys_key_pressed (SmWindow        *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
  if (self->search_results == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    return sm_search_results_move (self->search_results, 1);
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    return sm_search_results_move (self->search_results, -1);
  return FALSE;
}

static void
setup_search (SmWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (on_search_entry_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (on_search_entry_activate), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (on_search_bar_notify_search_mode_enabled), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_keys_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/* --- Back and forward buttons -------------------------------------------- */

/* Mouse buttons 8 and 9 are the thumb buttons that browsers use for back
 * and forward; people expect the same here. Other buttons pass through. */
static void
on_mouse_buttons_pressed (GtkGestureClick *gesture,
                         int              n_press,
                         double           x,
                         double           y,
                         SmWindow        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (button != 8 && button != 9)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self),
                              button == 8 ? "win.go-back" : "win.go-forward", NULL);
}

static void
on_history_notify_can_go_back (SmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back",
                                 sm_history_get_can_go_back (self->history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-forward",
                                 sm_history_get_can_go_forward (self->history));
}

static void
setup_navigation (SmWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->history = sm_history_new ();
  g_signal_connect_object (self->history, "notify::can-go-back",
                           G_CALLBACK (on_history_notify_can_go_back), self, G_CONNECT_SWAPPED);
  on_history_notify_can_go_back (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_mouse_buttons_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}


/* --- Safety screen ------------------------------------------------------- */

/* Until the person has read the safety screen, it takes the place of the
 * map and the side pane. */
/* A returning user never sees the safety screen, so it is made the first
 * time it is shown, in the map's place. */
static void
ensure_safety_page (SmWindow *self)
{
  if (self->safety_page != NULL)
    return;

  self->safety_page = SM_SAFETY_PAGE (g_object_new (SM_TYPE_SAFETY_PAGE, "vexpand", TRUE,
                                                    "visible", FALSE, NULL));
  gtk_box_insert_child_after (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->paned))),
                              GTK_WIDGET (self->safety_page), GTK_WIDGET (self->paned));
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->safety_page));
}

/* The controls that act on the map, the routines and the timer are not
 * shown beside the safety screen: it asks one thing of the person, and a
 * row of buttons that do nothing yet only distracts. A timer already
 * counting when the screen is opened again from the menu keeps its bar.
 * (Hidden, they also cost the first run's first frame nothing.) */
static void
show_map_controls (SmWindow *self,
                   gboolean  shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->paned), shown);
  gtk_widget_set_visible (self->view_switch, shown);
  gtk_widget_set_visible (self->side_switch, shown);
  gtk_widget_set_visible (self->search_button, shown);
  gtk_widget_set_visible (self->routines_button, shown);
  gtk_widget_set_visible (self->mark_pain_button, shown);
  /* The bar's own timer: the window takes its reference only after the
   * first run has shown this screen. */
  gtk_widget_set_visible (GTK_WIDGET (self->timer_slot),
                          shown || sm_timer_is_active (sm_timer_bar_get_timer (self->timer_bar)));
}

static void
set_safety_screen_visible (SmWindow *self,
                           gboolean  visible)
{
  if (visible)
    {
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      ensure_safety_page (self);
    }
  else if (self->safety_page == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->safety_page), visible);
  show_map_controls (self, !visible);
  /* The keys of these actions stay off as well. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-routines", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-pain", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-timer", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-session", !visible);
  sm_timer_bar_set_can_start (self->timer_bar, !visible);
  _sm_window_update_present_elsewhere (self);

  if (visible)
    sm_safety_page_focus_button (self->safety_page);
}

static void
show_safety_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  set_safety_screen_visible (SM_WINDOW (widget), TRUE);
}

static void
acknowledge_safety_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  g_settings_set_boolean (self->settings, "safety-acknowledged", TRUE);
  set_safety_screen_visible (self, FALSE);
}

gboolean
sm_window_get_safety_screen_visible (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), FALSE);

  return self->safety_page != NULL && gtk_widget_get_visible (GTK_WIDGET (self->safety_page));
}

/* --- Zones from the map and from links ----------------------------------- */

/* Selects @zone on the map for search, guided sessions and presenter mode,
 * switching view, layer and side filter as needed, and opens its page. */
void
sm_window_select_zone (SmWindow   *self,
                       const char *zone_id,
                       const char *side)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (zone_id != NULL);

  if (!sm_body_map_select_zone (self->body_map, zone_id, side))
    {
      g_warning ("No zone “%s” on the body map", zone_id);
      return;
    }

  sm_window_show_zone (self, zone_id, _sm_window_zone_title (zone_id),
                       sm_body_map_get_selected_side (self->body_map));
}

static void
on_zone_activated (SmWindow   *self,
                   const char *zone_id,
                   const char *side,
                   SmBodyMap  *map)
{
  sm_window_show_zone (self, zone_id, _sm_window_zone_title (zone_id), side);
}


/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_class_navigation_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_zone_activated);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.go-forward", NULL, go_forward_action);
  gtk_widget_class_install_action (widget_class, "win.show-zone", "(ss)", show_zone_action);
  gtk_widget_class_install_action (widget_class, "win.show-technique", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-tool", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-stretch", "s", show_item_action);
  gtk_widget_class_install_action (widget_class, "win.show-browse", NULL, show_browse_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, toggle_search_action);
  gtk_widget_class_install_action (widget_class, "win.show-safety", NULL, show_safety_action);
  gtk_widget_class_install_action (widget_class, "win.acknowledge-safety", NULL,
                                   acknowledge_safety_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Forward, 0, "win.go-forward", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.show-browse", NULL);
}

void
_sm_window_navigation_init (SmWindow *self)
{
  setup_navigation (self);
  setup_search (self);
  set_safety_screen_visible (self,
                             !g_settings_get_boolean (self->settings, "safety-acknowledged"));
}
