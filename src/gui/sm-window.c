/* sm-window.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-a11y.h"
#include "sm-atlas.h"
#include "sm-anatomy.h"
#include "sm-body-map.h"
#include "sm-format.h"
#include "sm-pain-layer.h"
#include "sm-plain-keys.h"
#include "sm-presenter.h"
#include "sm-presenter-mode.h"
#include "sm-browse-page.h"
#include "sm-history.h"
#include "sm-map-flash.h"
#include "sm-safety-page.h"
#include "sm-routine-session.h"
#include "sm-routines-page.h"
#include "sm-search-results.h"
#include "sm-session-panel.h"
#include "sm-stretch-panel.h"
#include "sm-technique-panel.h"
#include "sm-timer-bar.h"
#include "sm-tool-panel.h"
#include "sm-unsaved-dialog.h"
#include "sm-window.h"
#include "sm-utils.h"
#include "sm-zone-id.h"
#include "sm-zone-panel.h"

struct _SmWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *view;
  char                 *side;

  GtkHeaderBar         *header_bar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  GtkPaned             *paned;
  GtkBox               *map_slot;
  SmBodyMap            *body_map;
  GtkStack             *panel_stack;
  GtkBox               *timer_slot;
  GtkStack             *mode_stack;
  SmPainLayer          *pain_layer;
  gboolean              marking_pain;
  SmPainDrawing        *loose_drawing;      /* drawn with no routine of one's own open */

  SmPresenter          *presenter;          /* created the first time */
  gboolean              presenting;
  SmWindowGeometry      before_presenting;
  GtkWindow            *presenter_window;   /* on another monitor */

  /* Side-pane panels, navigation and the first-run safety screen */
  SmHistory            *history;
  GtkWidget            *view_switch;
  GtkWidget            *side_switch;
  GtkWidget            *search_button;
  SmSafetyPage         *safety_page;
  SmZonePanel          *zone_panel;
  SmTechniquePanel     *technique_panel;
  SmToolPanel          *tool_panel;
  SmStretchPanel       *stretch_panel;
  SmBrowsePage         *browse_page;
  SmSearchResults      *search_results;

  /* Routines */
  SmRoutinesPage       *routines_page;
  SmRoutine            *numbered;   /* the routine whose steps the map numbers */
  GtkWidget            *map_menu;

  /* The hold timer, guided sessions and the end-of-hold blink on the map */
  GtkWidget            *timer_indicator;
  GtkLabel             *timer_indicator_label;
  SmTimerBar           *timer_bar;
  SmSessionPanel       *session_panel;
  SmTimer              *timer;
  SmSession            *session;
  gboolean              session_from_routines;
};

G_DEFINE_FINAL_TYPE (SmWindow, sm_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SIDE,
  PROP_PRESENTING,
  PROP_MARKING_PAIN,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GTK 4.8 gives the search button of the shortcuts window no name, so a
 * screen reader reads out "GtkImage". It is the toggle button with an icon
 * in that window's header bar. */
static void
name_shortcuts_search (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) && GTK_IS_IMAGE (gtk_button_get_child (GTK_BUTTON (child))))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
      else
        name_shortcuts_search (child);
    }
}

/* The application gives the window its shortcuts window when "application"
 * is set, after construction. */
SmWindow *
sm_window_new (SmApplication *application)
{
  SmWindow *self = g_object_new (SM_TYPE_WINDOW, "application", application, NULL);
  GtkShortcutsWindow *shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  GtkWidget *titlebar = shortcuts != NULL ? gtk_window_get_titlebar (GTK_WINDOW (shortcuts)) : NULL;

  if (titlebar != NULL)
    name_shortcuts_search (titlebar);
  return self;
}

const char *
sm_window_get_view (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->view;
}

void
sm_window_set_view (SmWindow   *self,
                    const char *view)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (view, "back") == 0 || g_strcmp0 (view, "front") == 0);

  if (sm_set_str (&self->view, view))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

const char *
sm_window_get_side (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->side;
}

void
sm_window_set_side (SmWindow   *self,
                    const char *side)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (side, "left") == 0 ||
                    g_strcmp0 (side, "right") == 0 ||
                    g_strcmp0 (side, "both") == 0);

  if (sm_set_str (&self->side, side))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

/* ---- Zones on the map and in the timer ---- */

static SmZone *
lookup_zone (const char *zone_id)
{
  return sm_atlas_lookup_zone (sm_atlas_get_default (), zone_id);
}

static const char *
zone_title (const char *zone_id)
{
  SmZone *zone = lookup_zone (zone_id);

  return zone != NULL ? sm_zone_get_name (zone) : zone_id;
}

/* The zone's own hold time; 0 lets the timer use the default hold. */
static guint
zone_hold (const char *zone_id)
{
  SmZone *zone = lookup_zone (zone_id);

  return zone != NULL ? sm_zone_get_hold_seconds (zone) : 0;
}

static void emphasize_zone_landmarks (SmWindow   *self,
                                      const char *zone_id,
                                      const char *side);

/* Selects a zone on the map without leaving the side pane's page; the map
 * switches view, layer and side filter as needed, and shows the landmarks
 * that find the muscle on that side. %NULL (a stretch) clears both. */
static void
highlight_zone (SmWindow   *self,
                const char *zone_id,
                const char *side)
{
  if (zone_id == NULL)
    sm_body_map_clear_selection (self->body_map);
  else if (!sm_body_map_select_zone (self->body_map, zone_id, side))
    g_warning ("No zone “%s” on the body map", zone_id);
  emphasize_zone_landmarks (self, zone_id, side);
}

/* ---- Side pane: panels, history, search and the safety screen ---- */

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
static void
emphasize_zone_landmarks (SmWindow   *self,
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

  emphasize_zone_landmarks (self, g_str_equal (page, "zone") ? zone_id : NULL, side);
}

static void
show_location (SmWindow *self,
               GVariant *location)
{
  const char *page, *id, *side;

  g_variant_get (location, "(&s&s&s)", &page, &id, &side);

  if (g_str_equal (page, "zone"))
    {
      sm_zone_panel_set_zone (self->zone_panel, id, side);
      sm_timer_bar_set_zone (self->timer_bar, id, side, zone_title (id), zone_hold (id));
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
 * show (see search_changed_cb), so only one of the two paths runs. The bar
 * can also be open beside another page (Ctrl+F, then Ctrl+R): that page
 * must still give way, or a stopped session stays on screen. */
static void
show_current_location (SmWindow *self)
{
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar);
  gboolean results = g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "search") == 0;

  if (searching)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (!(searching && results))
    show_location (self, sm_history_get_current (self->history));
}

static void
navigate_to (SmWindow   *self,
             const char *page,
             const char *id,
             const char *side)
{
  sm_history_push (self->history, page, id, side);
  show_current_location (self);
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

  navigate_to (self, "zone", zone_id,
               side != NULL && *side != '\0' ? side : default_zone_side (self));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (sm_history_go_back (self->history) != NULL)
    show_current_location (self);
}

static void
go_forward_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (sm_history_go_forward (self->history) != NULL)
    show_current_location (self);
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

  navigate_to (SM_WINDOW (widget), page, g_variant_get_string (param, NULL), NULL);
}

static void
show_browse_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  navigate_to (SM_WINDOW (widget), "browse", NULL, NULL);
}

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
search_changed_cb (SmWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = gtk_search_bar_get_search_mode (self->search_bar) && *query != '\0';

  sm_search_results_set_query (self->search_results, query);
  if (searching)
    gtk_stack_set_visible_child_name (self->panel_stack, "search");
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "search") == 0)
    show_location (self, sm_history_get_current (self->history));
}

static void
search_mode_changed_cb (SmWindow *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
}

/* The first widget in tree order that takes the focus: the panel's back
 * button. Children come first because scrolled windows are focusable
 * themselves; gtk_widget_child_focus() would sort by position, and a page
 * that was just shown has none yet. */
static gboolean
focus_first (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && focus_first (child))
      return TRUE;

  return gtk_widget_get_focusable (widget) && gtk_widget_is_sensitive (widget) &&
         gtk_widget_grab_focus (widget);
}

/* Enter opens the selected result (the first one until the person moves)
 * and takes the keyboard into the panel it opened, rather than leaving it
 * wherever GTK puts it when the search bar closes. */
static void
search_activate_cb (SmWindow *self)
{
  if (sm_search_results_activate_selected (self->search_results))
    focus_first (gtk_stack_get_visible_child (self->panel_stack));
}

/* Up and Down move through the results while typing stays in the entry. */
static gboolean
search_key_pressed_cb (SmWindow        *self,
                       guint            keyval,
                       guint            keycode,
                       GdkModifierType  state)
{
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
                            G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "activate",
                            G_CALLBACK (search_activate_cb), self);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_changed_cb), self);

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

/* Mouse buttons 8 and 9 are the thumb buttons that browsers use for back
 * and forward; people expect the same here. Other buttons pass through. */
static void
mouse_button_pressed_cb (GtkGestureClick *gesture,
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
history_changed_cb (SmWindow *self)
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
                           G_CALLBACK (history_changed_cb), self, G_CONNECT_SWAPPED);
  history_changed_cb (self);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (mouse_button_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

static void update_present_elsewhere (SmWindow *self);
static void update_pain_layers (SmWindow *self);

/* Until the person has read the safety screen, it takes the place of the
 * map and the side pane, and the header controls that act on them rest. */
static void
set_safety_screen_visible (SmWindow *self,
                           gboolean  visible)
{
  if (visible)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->safety_page), visible);
  gtk_widget_set_visible (GTK_WIDGET (self->paned), !visible);
  gtk_widget_set_sensitive (self->view_switch, !visible);
  gtk_widget_set_sensitive (self->side_switch, !visible);
  gtk_widget_set_sensitive (self->search_button, !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-routines", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-pain", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-timer", !visible);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-session", !visible);
  sm_timer_bar_set_can_start (self->timer_bar, !visible);
  update_present_elsewhere (self);

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

  return gtk_widget_get_visible (GTK_WIDGET (self->safety_page));
}

static void
install_panel_actions (GtkWidgetClass *widget_class)
{
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

static void
bind_panel_children (GtkWidgetClass *widget_class)
{
  g_type_ensure (SM_TYPE_SAFETY_PAGE);
  g_type_ensure (SM_TYPE_ZONE_PANEL);
  g_type_ensure (SM_TYPE_TECHNIQUE_PANEL);
  g_type_ensure (SM_TYPE_TOOL_PANEL);
  g_type_ensure (SM_TYPE_STRETCH_PANEL);
  g_type_ensure (SM_TYPE_BROWSE_PAGE);
  g_type_ensure (SM_TYPE_SEARCH_RESULTS);

  gtk_widget_class_bind_template_child (widget_class, SmWindow, view_switch);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, side_switch);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, safety_page);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, zone_panel);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, technique_panel);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, tool_panel);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, stretch_panel);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, browse_page);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_results);
}

static void
setup_panels (SmWindow *self)
{
  setup_navigation (self);
  setup_search (self);
  set_safety_screen_visible (self,
                             !g_settings_get_boolean (self->settings, "safety-acknowledged"));
}

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

  sm_window_show_zone (self, zone_id, zone_title (zone_id),
                       sm_body_map_get_selected_side (self->body_map));
}

static void
on_zone_activated (SmWindow   *self,
                   const char *zone_id,
                   const char *side,
                   SmBodyMap  *map)
{
  sm_window_show_zone (self, zone_id, zone_title (zone_id), side);
}

/* The layer and the overlays are preferences: the map follows GSettings,
 * and the menu items are the settings' own stateful actions. */
static void
bind_map (SmWindow *self)
{
  static const char * const keys[] = {
    "map-layer", "show-nerves", "show-landmarks", "show-press-points", "show-cautions",
  };
  static const char * const map_properties[] = {
    "layer", "show-nerves", "show-landmarks", "show-press-points", "show-cautions",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);

      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_settings_bind (self->settings, keys[i], self->body_map, map_properties[i],
                       G_SETTINGS_BIND_DEFAULT);
    }

  g_object_bind_property (self, "view", self->body_map, "view",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "side", self->body_map, "side-filter",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
}

/* --- Presenter mode ------------------------------------------------------ */

static void
on_presenter_leave (SmWindow *self)
{
  sm_window_set_presenting (self, FALSE);
}

static SmPresenter *
ensure_presenter (SmWindow *self)
{
  if (self->presenter == NULL)
    {
      self->presenter = SM_PRESENTER (sm_presenter_new ());
      g_signal_connect_object (self->presenter, "leave", G_CALLBACK (on_presenter_leave), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->presenter), "presenter");
      /* Mark pain is one mode, in the window and in presenter mode alike. */
      g_object_bind_property (self, "marking-pain", sm_presenter_get_pain_layer (self->presenter),
                              "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
    }

  return self->presenter;
}

/* The header bar, search, side pane and timer bar go; the map fills the
 * screen. Everything presenter mode changes is saved first. */
static void
enter_presenter (SmWindow *self)
{
  SmPresenter *presenter = ensure_presenter (self);

  sm_window_geometry_save (&self->before_presenting, GTK_WINDOW (self), self->paned);
  sm_presenter_copy_map (presenter, self->body_map);
  sm_presenter_set_routine (presenter, sm_window_get_routine (self));
  update_pain_layers (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "presenter");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (presenter));
}

static void
leave_presenter (SmWindow *self)
{
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  sm_window_geometry_restore (&self->before_presenting, GTK_WINDOW (self), self->paned);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_map));
}

gboolean
sm_window_get_presenting (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), FALSE);

  return self->presenting;
}

void
sm_window_set_presenting (SmWindow *self,
                          gboolean  presenting)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  presenting = !!presenting;
  if (self->presenting == presenting)
    return;

  self->presenting = presenting;
  if (presenting)
    enter_presenter (self);
  else
    leave_presenter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
}

/* (transfer none) the drawing that "Mark pain" edits: the open routine's,
 * or with none open the current drawing, which belongs to no routine. */
SmPainDrawing *
sm_window_get_pain_drawing (SmWindow *self)
{
  SmRoutine *routine;

  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  routine = sm_window_get_routine (self);
  return routine != NULL ? sm_routine_get_pain_drawing (routine) : self->loose_drawing;
}

/* Both layers draw the current drawing and offer to keep a loose one. */
static void
update_pain_layers (SmWindow *self)
{
  SmPainDrawing *drawing = sm_window_get_pain_drawing (self);
  gboolean offer = drawing == self->loose_drawing && sm_pain_drawing_get_n_strokes (drawing) > 0;

  sm_pain_layer_set_drawing (self->pain_layer, drawing);
  sm_pain_layer_set_offer_save (self->pain_layer, offer);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-pain-drawing", offer);
  if (self->presenter == NULL)
    return;
  sm_pain_layer_set_drawing (sm_presenter_get_pain_layer (self->presenter), drawing);
  sm_pain_layer_set_offer_save (sm_presenter_get_pain_layer (self->presenter), offer);
}

/* win.save-pain-drawing: the loose drawing moves into a routine of one's
 * own (a new one, or a copy of the open built-in one), shown at once. */
static void
save_pain_drawing_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  SmRoutine *routine = sm_routines_page_ensure_own_routine (self->routines_page);

  sm_pain_drawing_copy_from (sm_routine_get_pain_drawing (routine), self->loose_drawing);
  sm_pain_drawing_clear (self->loose_drawing);
  gtk_stack_set_visible_child_name (self->panel_stack, "routines");
}

/* A drawing of a built-in routine (read-only) goes into a copy of it that
 * keeps its steps; with no routine open it is the current drawing, and no
 * routine is made until the person saves it into one. */
static void
set_marking_pain (SmWindow *self,
                  gboolean  marking)
{
  SmRoutine *open = sm_window_get_routine (self);

  marking = !!marking;
  if (self->marking_pain == marking)
    return;

  /* Show the routine the drawing went into when it is a new one. */
  if (marking && open != NULL && sm_routines_page_ensure_own_routine (self->routines_page) != open)
    gtk_stack_set_visible_child_name (self->panel_stack, "routines");
  self->marking_pain = marking;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKING_PAIN]);
}

/* (transfer none) (nullable) the presenter of presenter mode, once used. */
SmPresenter *
sm_window_get_presenter (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->presenter;
}

/* The therapist keeps this window; the patient sees the other screen. */
static void
present_elsewhere_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  GdkMonitor *monitor = sm_presenter_find_other_monitor (GTK_WINDOW (self));

  if (monitor == NULL)
    return;

  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  self->presenter_window = sm_presenter_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                    self->body_map, sm_window_get_routine (self),
                                                    monitor);
  g_object_add_weak_pointer (G_OBJECT (self->presenter_window), (gpointer *) &self->presenter_window);
}

static void
update_present_elsewhere (SmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-elsewhere",
                                 !gtk_widget_get_visible (GTK_WIDGET (self->safety_page)) &&
                                 sm_presenter_find_other_monitor (GTK_WINDOW (self)) != NULL);
}

static void
watch_monitors (SmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (update_present_elsewhere), self,
                           G_CONNECT_SWAPPED);
  update_present_elsewhere (self);
}

/* ---- Hold timer and guided sessions ---- */

/* The hold timer: "Start timer" on a zone panel targets win.start-timer
 * with the zone, its side and its hold in seconds (0 for the zone's own
 * hold from the content, or the default hold). */
static void
start_timer_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *zone, *side;
  guint32 seconds;

  g_variant_get (param, "(&s&su)", &zone, &side, &seconds);
  if (self->session != NULL)
    sm_session_stop (self->session);

  if (seconds == 0)
    seconds = zone_hold (zone);
  if (!sm_timer_bar_start_zone (self->timer_bar, zone, side, zone_title (zone), seconds, &error))
    g_warning ("Cannot start the timer for %s: %s", zone, error->message);
}

static void
timer_toggle_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (SM_WINDOW (widget)->timer_bar), "timer.toggle", NULL);
}

static void
timer_reset_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (SM_WINDOW (widget)->timer_bar), "timer.reset", NULL);
}

static void
update_indicator (SmWindow *self)
{
  g_autofree char *clock = sm_format_clock (sm_timer_get_display_seconds (self->timer));
  g_autofree char *tooltip = g_strdup_printf (_("Hold timer: %s left"), clock);

  gtk_widget_set_visible (self->timer_indicator, sm_timer_is_active (self->timer));
  gtk_label_set_label (self->timer_indicator_label, clock);
  gtk_widget_set_tooltip_text (self->timer_indicator, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_indicator),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* The header's timer indicator leads back to the session page, or to the
 * timer bar when no session runs. */
static void
show_timer_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->session != NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "session");
      sm_session_panel_focus (self->session_panel);
    }
  else
    gtk_widget_child_focus (GTK_WIDGET (self->timer_bar), GTK_DIR_TAB_FORWARD);
}

/* The switch-sides run moves the whole window to the other side: the map,
 * and the muscle's page when it is on show (its side switch, title and
 * landmarks), as the page's own Left/Right buttons would. */
static void
on_side_switched (SmWindow   *self,
                  const char *zone,
                  const char *side)
{
  gboolean on_show = g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "zone") == 0 &&
                     g_strcmp0 (sm_zone_panel_get_zone (self->zone_panel), zone) == 0;

  if (on_show)
    navigate_to (self, "zone", zone, side);
  else
    sm_body_map_select_zone (self->body_map, zone, side);
}

/* Guided sessions */

static void
update_session_actions (SmWindow *self)
{
  gboolean running = self->session != NULL && sm_session_is_running (self->session);
  gboolean finished = self->session != NULL &&
                      sm_session_get_phase (self->session) == SM_SESSION_PHASE_FINISHED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-next", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-previous", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-close", finished);
}

static char *
session_subject (SmSession *session)
{
  SmSessionStep *step = sm_session_get_current_step (session);

  if (sm_session_get_phase (session) == SM_SESSION_PHASE_REST)
    return g_strdup (_("Rest"));

  return sm_format_zone_side (sm_session_step_get_title (step),
                              sm_session_get_current_side (session));
}

static void
end_session (SmWindow *self)
{
  if (self->session == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->session, self);
  sm_session_stop (self->session);
  g_clear_object (&self->session);
  sm_session_panel_set_session (self->session_panel, NULL, NULL);
  sm_timer_bar_set_guided (self->timer_bar, NULL);
  /* The last step's zone and time are not the person's to start again. */
  sm_timer_bar_clear_zone (self->timer_bar);
  update_session_actions (self);
}

/* Leaves the session page for the page the person was on, but only if
 * it is the page on show: a session stopped by "Start timer" on a
 * muscle's page keeps that page. A session started from the routines
 * page goes back there, to the routine whose steps the map numbers. */
static void
leave_session_page (SmWindow *self)
{
  gboolean from_routines = self->session_from_routines;

  self->session_from_routines = FALSE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "session") != 0)
    return;

  if (from_routines)
    {
      emphasize_zone_landmarks (self, NULL, NULL);
      sm_body_map_clear_selection (self->body_map);
      gtk_stack_set_visible_child_name (self->panel_stack, "routines");
      /* The button that was pressed went away with its page. */
      focus_first (GTK_WIDGET (self->routines_page));
    }
  else
    show_current_location (self);
}

/* Each step brings its zone into view on the map and names itself on
 * the timer bar. */
static void
follow_session (SmWindow *self)
{
  SmSession *session = self->session;
  SmSessionStep *step = sm_session_get_current_step (session);
  g_autofree char *subject = NULL;

  update_session_actions (self);
  if (sm_session_get_phase (session) == SM_SESSION_PHASE_FINISHED)
    {
      sm_timer_bar_set_guided (self->timer_bar, _("Session complete"));
      return;
    }
  if (!sm_session_is_running (session))
    {
      end_session (self);
      leave_session_page (self);
      return;
    }

  highlight_zone (self, sm_session_step_get_zone (step), sm_session_get_current_side (session));
  subject = session_subject (session);
  sm_timer_bar_set_guided (self->timer_bar, subject);
}

/* Runs @session, e.g. a routine's steps, on the window's timer; the
 * switch-sides preference applies. */
void
sm_window_run_session (SmWindow  *self,
                       SmSession *session)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_SESSION (session));

  self->session_from_routines =
    g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "routines") == 0 ||
    (self->session_from_routines && self->session != NULL);
  end_session (self);
  self->session = g_object_ref (session);
  sm_session_set_switch_sides (session, g_settings_get_boolean (self->settings, "switch-sides"));
  g_signal_connect_swapped (session, "changed", G_CALLBACK (follow_session), self);
  sm_session_panel_set_session (self->session_panel, session, self->timer);
  gtk_stack_set_visible_child_name (self->panel_stack, "session");
  sm_session_start (session, self->timer);
  sm_session_panel_focus (self->session_panel);
}

/* The built-in sessions work on the side chosen in the header bar. */
static void
start_session_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (), id);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSession) session = NULL;

  /* The routines of the routines page, built in or one's own; the timer's
   * own list for ids it alone knows. A routine that cannot play (no steps
   * yet) says so where the person is looking. */
  if (routine != NULL)
    session = sm_routine_session_new (routine, sm_atlas_get_default (), self->side, &error);
  else
    session = sm_session_new_builtin (id, sm_atlas_get_default (), self->side, &error);

  if (session == NULL && routine != NULL)
    sm_routines_page_show_message (self->routines_page, error->message, FALSE);
  else if (session == NULL)
    g_warning ("Cannot start a guided session: %s", error->message);
  else
    sm_window_run_session (self, session);
}

static void
session_next_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sm_session_next (SM_WINDOW (widget)->session);
}

static void
session_previous_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  sm_session_previous (SM_WINDOW (widget)->session);
}

static void
session_stop_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  sm_session_stop (SM_WINDOW (widget)->session);
}

static void
session_close_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  end_session (self);
  leave_session_page (self);
}

/* N and P mean something only while a session runs; nothing starts the
 * timer while the first-run safety screen is up (Space presses its
 * button instead). */
static gboolean
plain_key_filter (GtkWidget  *widget,
                  const char *action,
                  gpointer    user_data)
{
  SmWindow *self = SM_WINDOW (widget);

  if (g_str_has_prefix (action, "win.session-"))
    return self->session != NULL && sm_session_is_running (self->session);
  if (g_str_equal (action, "win.timer-toggle"))
    return !sm_window_get_safety_screen_visible (self) || sm_timer_is_active (self->timer);

  return TRUE;
}

static void
install_timer_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.start-timer", "(ssu)", start_timer_action);
  gtk_widget_class_install_action (widget_class, "win.timer-toggle", NULL, timer_toggle_action);
  gtk_widget_class_install_action (widget_class, "win.timer-reset", NULL, timer_reset_action);
  gtk_widget_class_install_action (widget_class, "win.show-timer", NULL, show_timer_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", "s", start_session_action);
  gtk_widget_class_install_action (widget_class, "win.session-next", NULL, session_next_action);
  gtk_widget_class_install_action (widget_class, "win.session-previous", NULL, session_previous_action);
  gtk_widget_class_install_action (widget_class, "win.session-stop", NULL, session_stop_action);
  gtk_widget_class_install_action (widget_class, "win.session-close", NULL, session_close_action);
}

/**
 * sm_window_get_routine:
 *
 * The routine open in the routines page. While one is open the map shows
 * its zones numbered in step order; connect to SmRoutine::changed to follow
 * edits. Returns: (transfer none) (nullable)
 */
SmRoutine *
sm_window_get_routine (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return sm_routines_page_get_routine (self->routines_page);
}

static void
show_routines_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->panel_stack, "routines");
  gtk_widget_grab_focus (GTK_WIDGET (self->routines_page));
}

/* win.add-to-routine (ss): zone, side — from the zone panel and the map. */
static void
add_to_routine_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *zone, *side;

  g_variant_get (param, "(&s&s)", &zone, &side);
  sm_routines_page_add_step (self->routines_page, zone, side);
  gtk_stack_set_visible_child_name (self->panel_stack, "routines");
  /* The button that was pressed went away with its page; without this the
   * keyboard would be nowhere. */
  sm_routines_page_focus_last_step (self->routines_page);
}

static void
print_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sm_routines_page_print (SM_WINDOW (widget)->routines_page);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  sm_routines_page_save_pdf (SM_WINDOW (widget)->routines_page);
}

static void
update_step_numbers (SmWindow *self)
{
  g_autoptr(GHashTable) labels = NULL;

  if (self->numbered != NULL)
    labels = sm_badge_dup_step_labels (self->numbered);
  sm_body_map_set_step_numbers (self->body_map, labels);
}

/* While a routine is open the map numbers its zones, and follows edits. */
static void
on_routine_opened (SmWindow *self)
{
  SmRoutine *routine = sm_window_get_routine (self);

  if (self->numbered != NULL)
    g_signal_handlers_disconnect_by_func (self->numbered, update_step_numbers, self);
  g_set_object (&self->numbered, routine);
  if (routine != NULL)
    g_signal_connect_object (routine, "changed", G_CALLBACK (update_step_numbers), self,
                             G_CONNECT_SWAPPED);

  update_step_numbers (self);
  if (self->presenter != NULL)
    sm_presenter_set_routine (self->presenter, routine);
  update_pain_layers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

/* The map's context menu: what one can do with the muscle under the
 * pointer. The zone panel has the same button for keyboard users. */
static void
show_map_menu (SmWindow *self,
               double    x,
               double    y)
{
  const char *element = sm_body_map_pick (self->body_map, x, y);
  g_autofree char *zone = NULL;
  g_autofree char *side = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  graphene_point_t point;

  if (element == NULL || !sm_zone_id_split (element, &zone, &side) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->body_map), GTK_WIDGET (self->map_slot),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  menu = g_menu_new ();
  item = g_menu_item_new (_("Add to _Routine"), NULL);
  g_menu_item_set_action_and_target (item, "win.add-to-routine", "(ss)", zone, side);
  g_menu_append_item (menu, item);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->map_menu), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->map_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->map_menu));
}

static void
on_map_secondary_click (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SmWindow        *self)
{
  show_map_menu (self, x, y);
}

static void
on_map_long_press (GtkGestureLongPress *gesture,
                   double               x,
                   double               y,
                   SmWindow            *self)
{
  show_map_menu (self, x, y);
}

static void
setup_map_menu (SmWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  self->map_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->map_menu), FALSE);
  gtk_widget_set_halign (self->map_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->map_menu, GTK_WIDGET (self->map_slot));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_map_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_map), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_map_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_map), GTK_EVENT_CONTROLLER (press));
}

static void
install_routine_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-routines", NULL, show_routines_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-routine", "(ss)", add_to_routine_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_pdf_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.show-routines", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
}

static void
restore_window_state (SmWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* A maximized window reports its maximized size; keep the size it had
 * before so that unmaximizing next time gives the person their window back. */
static void
save_window_state (SmWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width, height;

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
}

static void
sm_window_unmap (GtkWidget *widget)
{
  save_window_state (SM_WINDOW (widget));

  GTK_WIDGET_CLASS (sm_window_parent_class)->unmap (widget);
}

static void
sm_window_dispose (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  end_session (self);
  sm_map_flash_stop (self->body_map);
  /* The timer outlives this dispose by a little: stop following it. */
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->timer);
  g_clear_pointer (&self->map_menu, gtk_widget_unparent);
  g_clear_object (&self->numbered);
  if (self->loose_drawing != NULL)
    g_signal_handlers_disconnect_by_data (self->loose_drawing, self);
  g_clear_object (&self->loose_drawing);

  G_OBJECT_CLASS (sm_window_parent_class)->dispose (object);
}

static void
sm_window_finalize (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->history);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->side, g_free);

  G_OBJECT_CLASS (sm_window_parent_class)->finalize (object);
}

static void
sm_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SmWindow *self = SM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;

    case PROP_PRESENTING:
      g_value_set_boolean (value, self->presenting);
      break;

    case PROP_MARKING_PAIN:
      g_value_set_boolean (value, self->marking_pain);
      break;

    case PROP_ROUTINE:
      g_value_set_object (value, sm_window_get_routine (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SmWindow *self = SM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      sm_window_set_view (self, g_value_get_string (value));
      break;

    case PROP_SIDE:
      sm_window_set_side (self, g_value_get_string (value));
      break;

    case PROP_PRESENTING:
      sm_window_set_presenting (self, g_value_get_boolean (value));
      break;

    case PROP_MARKING_PAIN:
      set_marking_pain (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_window_class_init (SmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_window_dispose;
  object_class->finalize = sm_window_finalize;
  object_class->get_property = sm_window_get_property;
  object_class->set_property = sm_window_set_property;

  widget_class->unmap = sm_window_unmap;

  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "back",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL, "both",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESENTING] =
    g_param_spec_boolean ("presenting", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MARKING_PAIN] =
    g_param_spec_boolean ("marking-pain", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, SM_TYPE_ROUTINE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_ROUTINES_PAGE);
  g_type_ensure (SM_TYPE_BODY_MAP);
  g_type_ensure (SM_TYPE_PAIN_LAYER);
  g_type_ensure (SM_TYPE_TIMER_BAR);
  g_type_ensure (SM_TYPE_SESSION_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, body_map);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_activated);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, pain_layer);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_indicator);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_indicator_label);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, session_panel);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, routines_page);
  bind_panel_children (widget_class);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.side", "side");
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_action (widget_class, "win.present-elsewhere", NULL, present_elsewhere_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.present", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.mark-pain", "marking-pain");
  gtk_widget_class_install_action (widget_class, "win.save-pain-drawing", NULL, save_pain_drawing_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-pain", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.view", "s", "back");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.view", "s", "front");

  install_panel_actions (widget_class);
  install_timer_actions (widget_class);
  install_routine_actions (widget_class);
}

static void
sm_window_init (SmWindow *self)
{
  self->view = g_strdup ("back");
  self->side = g_strdup ("both");

  gtk_widget_init_template (GTK_WIDGET (self));
  sm_unsaved_dialog_guard_window (GTK_WINDOW (self));
  /* A screen reader announces the menu when it opens; GTK 4.8 would name
   * the popover it makes from the menu model after its type. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (self->primary_menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  bind_map (self);
  restore_window_state (self);
  watch_monitors (self);
  setup_panels (self);

  self->timer = g_object_ref (sm_timer_bar_get_timer (self->timer_bar));
  g_signal_connect_swapped (self->timer, "notify::state", G_CALLBACK (update_indicator), self);
  g_signal_connect_swapped (self->timer, "notify::remaining", G_CALLBACK (update_indicator), self);
  g_signal_connect_swapped (self->timer, "finished", G_CALLBACK (sm_map_flash_selection), self->body_map);
  g_signal_connect_object (self->timer_bar, "side-switched",
                           G_CALLBACK (on_side_switched), self, G_CONNECT_SWAPPED);
  sm_plain_keys_add (GTK_WIDGET (self), plain_key_filter, NULL);
  update_indicator (self);
  update_session_actions (self);

  self->loose_drawing = sm_pain_drawing_new ();
  g_signal_connect_swapped (self->loose_drawing, "changed", G_CALLBACK (update_pain_layers), self);
  update_pain_layers (self);
  g_signal_connect_object (self->routines_page, "notify::routine", G_CALLBACK (on_routine_opened),
                           self, G_CONNECT_SWAPPED);
  setup_map_menu (self);
}
