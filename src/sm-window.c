/* sm-window.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-body-map.h"
#include "sm-pain-layer.h"
#include "sm-presenter.h"
#include "sm-presenter-mode.h"
#include "sm-window.h"

struct _SmWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *view;
  char                 *side;

  GtkHeaderBar         *header_bar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkPaned             *paned;
  GtkBox               *map_slot;
  SmBodyMap            *body_map;
  GtkStack             *panel_stack;
  GtkBox               *timer_slot;
  GtkLabel             *zone_title;
  GtkLabel             *zone_side;
  GtkStack             *mode_stack;
  SmPainLayer          *pain_layer;
  gboolean              marking_pain;
  SmPainDrawing        *pain;               /* what the layers show and edit */

  SmPresenter          *presenter;          /* created the first time */
  gboolean              presenting;
  SmWindowGeometry      before_presenting;
  GtkWindow            *presenter_window;   /* on another monitor */
};

G_DEFINE_FINAL_TYPE (SmWindow, sm_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SIDE,
  PROP_PRESENTING,
  PROP_MARKING_PAIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* g_set_str() only arrived in GLib 2.76. */
static gboolean
replace_str (char       **ptr,
             const char  *value)
{
  if (g_strcmp0 (*ptr, value) == 0)
    return FALSE;

  g_free (*ptr);
  *ptr = g_strdup (value);
  return TRUE;
}

SmWindow *
sm_window_new (SmApplication *application)
{
  return g_object_new (SM_TYPE_WINDOW, "application", application, NULL);
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

  if (replace_str (&self->view, view))
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

  if (replace_str (&self->side, side))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

static const char *
side_label (const char *side)
{
  if (g_strcmp0 (side, "left") == 0)
    return _("Left side");
  if (g_strcmp0 (side, "right") == 0)
    return _("Right side");
  return _("Both sides");
}

/* Shows the side-pane page for one zone. @title is the zone's display name;
 * the knowledge-base panel replaces this page's body. */
void
sm_window_show_zone (SmWindow   *self,
                     const char *zone_id,
                     const char *title,
                     const char *side)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (zone_id != NULL);

  gtk_label_set_label (self->zone_title, title != NULL ? title : zone_id);
  gtk_label_set_label (self->zone_side, side_label (side));
  gtk_stack_set_visible_child_name (self->panel_stack, "zone");
}

/* Selects @zone on the map for search, guided sessions and presenter mode,
 * switching view, layer and side filter as needed, and opens its page. */
void
sm_window_select_zone (SmWindow   *self,
                       const char *zone_id,
                       const char *side)
{
  g_autofree char *title = NULL;

  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (zone_id != NULL);

  if (!sm_body_map_select_zone (self->body_map, zone_id, side))
    {
      g_warning ("No zone “%s” on the body map", zone_id);
      return;
    }

  title = sm_body_map_get_zone_title (self->body_map, zone_id);
  sm_window_show_zone (self, zone_id, title, sm_body_map_get_selected_side (self->body_map));
}

static void
on_zone_activated (SmWindow   *self,
                   const char *zone_id,
                   const char *side,
                   SmBodyMap  *map)
{
  g_autofree char *title = sm_body_map_get_zone_title (map, zone_id);

  sm_window_show_zone (self, zone_id, title, side);
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
  sm_presenter_set_pain_drawing (presenter, self->pain);
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

/* (transfer none) the drawing that "Mark pain" edits. */
SmPainDrawing *
sm_window_get_pain_drawing (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->pain;
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
                                                    self->body_map, monitor);
  g_object_add_weak_pointer (G_OBJECT (self->presenter_window), (gpointer *) &self->presenter_window);
}

static void
update_present_elsewhere (SmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-elsewhere",
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

  G_OBJECT_CLASS (sm_window_parent_class)->dispose (object);
}

static void
sm_window_finalize (GObject *object)
{
  SmWindow *self = SM_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->pain);
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
      if (self->marking_pain != g_value_get_boolean (value))
        {
          self->marking_pain = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_BODY_MAP);
  g_type_ensure (SM_TYPE_PAIN_LAYER);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, map_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, body_map);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_activated);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, timer_slot);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, zone_title);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, zone_side);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, SmWindow, pain_layer);

  gtk_widget_class_install_property_action (widget_class, "win.view", "view");
  gtk_widget_class_install_property_action (widget_class, "win.side", "side");
  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_action (widget_class, "win.present-elsewhere", NULL, present_elsewhere_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.present", NULL);
  gtk_widget_class_install_property_action (widget_class, "win.mark-pain", "marking-pain");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.mark-pain", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.view", "s", "back");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.view", "s", "front");
}

static void
sm_window_init (SmWindow *self)
{
  self->view = g_strdup ("back");
  self->side = g_strdup ("both");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->pain = sm_pain_drawing_new ();
  sm_pain_layer_set_drawing (self->pain_layer, self->pain);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  self->settings = g_settings_new (APP_ID);
  bind_map (self);
  restore_window_state (self);
  watch_monitors (self);
}
