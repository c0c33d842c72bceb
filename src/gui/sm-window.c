/* sm-window.c: the window, its properties and their notifications
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-map-flash.h"
#include "sm-paragraph.h"
#include "sm-unsaved-dialog.h"
#include "sm-utils.h"
#include "sm-window-private.h"

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

/* --- Construction -------------------------------------------------------- */

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

SmWindow *
sm_window_new (SmApplication *application)
{
  return g_object_new (SM_TYPE_WINDOW, "application", application, NULL);
}

/* The shortcuts window is built when it is first asked for, not with the
 * main window: it is a large template that the first frame never shows.
 * Its resource is therefore not at gtk/help-overlay.ui, where GTK would
 * build it for every new window. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      name_shortcuts_search (gtk_window_get_titlebar (GTK_WINDOW (overlay)));
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

/* --- Properties ---------------------------------------------------------- */

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
    _sm_window_enter_presenter (self);
  else
    _sm_window_leave_presenter (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRESENTING]);
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
    _sm_window_show_routines_page (self);
  self->marking_pain = marking;
  /* The page's suggestions follow the strokes from the first one on (the
   * presenter shows them too). */
  if (marking)
    _sm_window_hurt_ensure_panel (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKING_PAIN]);
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

  return self->routines_page != NULL ? sm_routines_page_get_routine (self->routines_page) : NULL;
}

/* SmWindow:routine is the routines page's: the map, presenter mode and
 * the pain layers follow it first, then the window says it changed. */
static void
on_routines_page_notify_routine (SmWindow *self)
{
  _sm_window_follow_routine (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

/* The routines page (the list of routines, one row each, and its actions)
 * is made when it is first shown or asked for, not for the first frame;
 * until then no routine is open. (transfer none) */
SmRoutinesPage *
_sm_window_ensure_routines_page (SmWindow *self)
{
  if (self->routines_page != NULL)
    return self->routines_page;

  self->routines_page = g_object_new (SM_TYPE_ROUTINES_PAGE, NULL);
  gtk_stack_add_titled (self->panel_stack, GTK_WIDGET (self->routines_page), "routines",
                        _("Routines"));
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->routines_page));
  g_signal_connect_object (self->routines_page, "notify::routine",
                           G_CALLBACK (on_routines_page_notify_routine), self, G_CONNECT_SWAPPED);
  return self->routines_page;
}

/* Shows the routines page in the side pane. (transfer none) */
SmRoutinesPage *
_sm_window_show_routines_page (SmWindow *self)
{
  SmRoutinesPage *page = _sm_window_ensure_routines_page (self);

  gtk_stack_set_visible_child (self->panel_stack, GTK_WIDGET (page));
  return page;
}

/* --- Window size --------------------------------------------------------- */
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

/* The map's first picture is drawn in a worker while GTK waits for the
 * window to be shown and lays it out (sm-body-map-base.c), at the size the
 * map will have: the map pane's width, and the window's height less the
 * header bar and the timer. Where no compositor draws shadows (GTK's
 * "solid-csd"), the window's default size includes the frame it draws
 * around itself (the surface transform); a shadow lies outside it.
 * A maximized window's size is the window manager's to give, so it is not
 * guessed; a wrong guess only costs the worker's time. */
static void
predraw_map (SmWindow *self)
{
  GtkWidget *titlebar = gtk_window_get_titlebar (GTK_WINDOW (self));
  int width, height, header = 0, timer = 0, map_width, pane_minimum;
  double frame_x, frame_y;

  if (self->map_predrawn || sm_window_get_safety_screen_visible (self) ||
      g_settings_get_boolean (self->settings, "window-maximized"))
    return;

  self->map_predrawn = TRUE;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  gtk_native_get_surface_transform (GTK_NATIVE (self), &frame_x, &frame_y);
  if (gtk_widget_has_css_class (GTK_WIDGET (self), "solid-csd"))
    {
      width -= 2 * (int) frame_x;
      height -= 2 * (int) frame_y;
    }
  map_width = gtk_paned_get_position (self->paned);
  gtk_widget_measure (GTK_WIDGET (self->panel_stack), GTK_ORIENTATION_HORIZONTAL, -1,
                      &pane_minimum, NULL, NULL, NULL);
  if (width <= 0 || height <= 0 || map_width <= 0 || width - map_width <= pane_minimum)
    return;

  if (titlebar != NULL)
    gtk_widget_measure (titlebar, GTK_ORIENTATION_VERTICAL, width, NULL, &header, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (self->timer_slot), GTK_ORIENTATION_VERTICAL, width,
                      NULL, &timer, NULL, NULL);
  g_debug ("Drawing the map ahead at %d×%d: window %d×%d within its frame of %g, %g px, "
           "header bar %d px, timer %d px", map_width, height - header - timer,
           width, height, frame_x, frame_y, header, timer);
  sm_body_map_predraw (self->body_map, map_width, height - header - timer);
}

/* --- Object -------------------------------------------------------------- */

static void
sm_window_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sm_window_parent_class)->realize (widget);

  predraw_map (SM_WINDOW (widget));
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

  _sm_window_presenter_dispose (self);
  _sm_window_end_session (self);
  _sm_window_cues_dispose (self);
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
  g_clear_object (&self->session_signals);
  g_clear_object (&self->numbered_signals);
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

  widget_class->realize = sm_window_realize;
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

  g_type_ensure (SM_TYPE_BODY_MAP);
  g_type_ensure (SM_TYPE_PAIN_LAYER);
  g_type_ensure (SM_TYPE_CENTER_BIN);
  g_type_ensure (SM_TYPE_PARAGRAPH);
  g_type_ensure (SM_TYPE_ROUTINES_PAGE);
  g_type_ensure (SM_TYPE_TIMER_BAR);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, view_switch);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, side_switch);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, routines_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, mark_pain_button);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_indicator);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_indicator_label);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, body_map);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, pain_layer);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_bar);

  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.side", "side");
  gtk_widget_class_install_property_action (widget_class, "win.mark-pain", "marking-pain");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.view", "s", "back");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.view", "s", "front");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-pain", NULL);

  _sm_window_class_navigation_init (klass);
  _sm_window_class_presenter_init (klass);
  _sm_window_class_session_init (klass);
  _sm_window_class_routines_init (klass);
  _sm_window_class_journal_init (klass);
  _sm_window_class_hurt_init (klass);
}

/* The main menu's popover, a hundred widgets, is made when it first
 * opens (by click, F10 or a screen reader), not for the first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       user_data)
{
  SmWindow *self = user_data;

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  /* A screen reader announces the menu when it opens; GTK 4.8 would name
   * the popover it makes from the menu model after its type. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Main Menu"), -1);
}

static gboolean
end_session_on_close (SmWindow *self)
{
  sm_window_end_session_for_close (self);
  return FALSE;
}

static void
sm_window_init (SmWindow *self)
{
  self->view = g_strdup ("back");
  self->side = g_strdup ("both");

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Before the guard's questions, so a session that cannot be written is
   * among them. */
  g_signal_connect (self, "close-request", G_CALLBACK (end_session_on_close), NULL);
  sm_unsaved_dialog_guard_window (GTK_WINDOW (self));
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, create_primary_menu, self, NULL);
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  bind_map (self);
  restore_window_state (self);
  _sm_window_presenter_init (self);
  _sm_window_navigation_init (self);
  _sm_window_session_init (self);
  _sm_window_routines_init (self);
  _sm_window_journal_init (self);
  _sm_window_hurt_init (self);
}
