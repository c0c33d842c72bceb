/* sm-preferences-window.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-preferences-window"

#include "config.h"

#include "sm-preferences-window.h"
#include "sm-speaker.h"

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
  GtkSwitch     *spoken_cues_switch;
  GtkLabel      *spoken_cues_status;
  gboolean       following_speaker;
};

G_DEFINE_FINAL_TYPE (SmPreferencesWindow, sm_preferences_window, GTK_TYPE_WINDOW)

SmPreferencesWindow *
sm_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (SM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* Why the cues cannot be spoken, in one line under the switch. The
 * speaker is asked (and may start the daemon) only once spoken cues are
 * on, and knows within a second; while they are off, only whether the
 * daemon is installed is said. */
static void
update_spoken_cues_status (SmPreferencesWindow *self)
{
  const char *problem = sm_speaker_check_installed ();

  if (g_settings_get_boolean (self->settings, "spoken-cues"))
    {
      SmSpeaker *speaker = sm_speaker_get_default ();

      if (!self->following_speaker)
        g_signal_connect_object (speaker, "notify::problem",
                                 G_CALLBACK (update_spoken_cues_status), self, G_CONNECT_SWAPPED);
      self->following_speaker = TRUE;
      problem = sm_speaker_get_problem (speaker);
    }

  gtk_label_set_label (self->spoken_cues_status, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->spoken_cues_status), problem != NULL);
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
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, spoken_cues_switch);
  gtk_widget_class_bind_template_child (widget_class, SmPreferencesWindow, spoken_cues_status);

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
  g_settings_bind (self->settings, "spoken-cues",
                   self->spoken_cues_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::spoken-cues",
                           G_CALLBACK (update_spoken_cues_status), self, G_CONNECT_SWAPPED);
  update_spoken_cues_status (self);
}
