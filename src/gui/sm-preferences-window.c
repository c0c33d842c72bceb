/* sm-preferences-window.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include "sm-preferences-window.h"

struct _SmPreferencesWindow
{
  GtkWindow      parent_instance;

  GSettings     *settings;

  GtkSwitch     *dark_style_switch;
  GtkSpinButton *default_hold_spin;
  GtkSwitch     *get_ready_switch;
  GtkSwitch     *timer_sound_switch;
  GtkSwitch     *switch_sides_switch;
  GtkSwitch     *log_holds_switch;
};

G_DEFINE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, GTK_TYPE_WINDOW)

SmPreferencesWindow *
sm_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

static void
sm_preferences_window_finalize (GObject *object)
{
  SmPreferencesWindow *self = SM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sm_preferences_window_parent_class)->finalize (object);
}

static void
sm_preferences_window_class_init (SmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, dark_style_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, default_hold_spin);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, get_ready_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, timer_sound_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, switch_sides_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, log_holds_switch);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sm_preferences_window_init (SmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "dark-style",
                   self->dark_style_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-hold",
                   gtk_spin_button_get_adjustment (self->default_hold_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "get-ready",
                   self->get_ready_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "timer-sound",
                   self->timer_sound_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "switch-sides",
                   self->switch_sides_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "log-single-holds",
                   self->log_holds_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}
