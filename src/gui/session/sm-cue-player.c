/* sm-cue-player.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-cue-player"

#include "config.h"

#include "sm-cue-player.h"
#include "sm-cue-schedule.h"
#include "sm-sound-player.h"
#include "sm-speaker.h"

#define DESKTOP_SOUND_SCHEMA "org.gnome.desktop.sound"

/* The schedule says what is due; this plays it. Sounds follow the
 * "Sounds" preference (timer-sound) and, where GNOME's settings exist,
 * the desktop's own "event sounds" switch; speech follows "Spoken Cues".
 * Without a media backend the end of a hold still rings the display
 * bell, as it did before there were sounds. */
struct _SmCuePlayer
{
  GObject         parent_instance;

  GtkWidget      *widget;         /* for the display bell; weak */
  GSettings      *settings;
  GSettings      *desktop_sound;  /* nullable */
  SmCueSchedule  *schedule;
  SmSoundPlayer  *sounds;
  SmSession      *session;
};

G_DEFINE_FINAL_TYPE (SmCuePlayer, sm_cue_player, G_TYPE_OBJECT)

static gboolean
sounds_wanted (SmCuePlayer *self)
{
  return g_settings_get_boolean (self->settings, "timer-sound") &&
         (self->desktop_sound == NULL || g_settings_get_boolean (self->desktop_sound, "event-sounds"));
}

static void
play_sound (SmCuePlayer *self,
            SmCueKind    kind)
{
  const char *sound = sm_cue_kind_get_sound (kind);

  if (sound == NULL || !sounds_wanted (self))
    return;
  if (!sm_sound_player_play (self->sounds, sound) && self->widget != NULL &&
      (kind == SM_CUE_END || kind == SM_CUE_REST || kind == SM_CUE_SWITCH || kind == SM_CUE_DONE))
    gdk_display_beep (gtk_widget_get_display (self->widget));
}

static void
on_cue (SmCuePlayer *self,
        SmCueKind    kind,
        const char  *speech)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (SM_TYPE_CUE_KIND);
  gboolean spoken = FALSE;

  play_sound (self, kind);
  if (speech != NULL && g_settings_get_boolean (self->settings, "spoken-cues"))
    spoken = sm_speaker_say (sm_speaker_get_default (), speech, sm_cue_kind_get_priority (kind));

  /* The time of each cue, for the tests that find it in a recording. */
  g_debug ("cue %s at %" G_GINT64_FORMAT " us%s%s", g_enum_get_value (kinds, kind)->value_nick,
           g_get_monotonic_time (), spoken ? ", said: " : "", spoken ? speech : "");
}

/* Stopping a session silences it at once. */
static void
on_session_changed (SmCuePlayer *self)
{
  if (sm_session_get_phase (self->session) != SM_SESSION_PHASE_IDLE)
    return;
  sm_sound_player_stop (self->sounds);
  sm_speaker_cancel (sm_speaker_get_default ());
}

/* The speaker connects when spoken cues are wanted, not before. */
static void
on_spoken_cues_changed (SmCuePlayer *self)
{
  if (g_settings_get_boolean (self->settings, "spoken-cues"))
    sm_speaker_get_default ();
}

void
sm_cue_player_set_session (SmCuePlayer *self,
                           SmSession   *session)
{
  g_return_if_fail (SM_IS_CUE_PLAYER (self));
  g_return_if_fail (session == NULL || SM_IS_SESSION (session));

  if (self->session != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->session, self);
      if (sm_session_is_running (self->session))
        sm_speaker_cancel (sm_speaker_get_default ());
    }
  g_set_object (&self->session, session);
  sm_cue_schedule_set_session (self->schedule, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (on_session_changed), self);
}

static GSettings *
desktop_sound_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, DESKTOP_SOUND_SCHEMA, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "event-sounds"))
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * sm_cue_player_new:
 * @timer: the window's hold timer
 * @widget: a widget whose display rings the bell when no sound can play
 *
 * Returns: (transfer full): a player of @timer's cues
 */
SmCuePlayer *
sm_cue_player_new (SmTimer   *timer,
                   GtkWidget *widget)
{
  SmCuePlayer *self;

  g_return_val_if_fail (SM_IS_TIMER (timer), NULL);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  self = g_object_new (SM_TYPE_CUE_PLAYER, NULL);
  self->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->widget);
  self->schedule = sm_cue_schedule_new (timer);
  g_signal_connect_object (self->schedule, "cue", G_CALLBACK (on_cue), self, G_CONNECT_SWAPPED);
  on_spoken_cues_changed (self);

  return self;
}

static void
sm_cue_player_dispose (GObject *object)
{
  SmCuePlayer *self = SM_CUE_PLAYER (object);

  if (self->schedule != NULL)
    sm_cue_player_set_session (self, NULL);
  if (self->widget != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->widget), (gpointer *) &self->widget);
  self->widget = NULL;
  g_clear_object (&self->schedule);
  g_clear_object (&self->sounds);
  g_clear_object (&self->settings);
  g_clear_object (&self->desktop_sound);

  G_OBJECT_CLASS (sm_cue_player_parent_class)->dispose (object);
}

static void
sm_cue_player_class_init (SmCuePlayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sm_cue_player_dispose;
}

static void
sm_cue_player_init (SmCuePlayer *self)
{
  self->settings = g_settings_new (APP_ID);
  self->desktop_sound = desktop_sound_settings ();
  self->sounds = sm_sound_player_new ();
  g_signal_connect_object (self->settings, "changed::spoken-cues",
                           G_CALLBACK (on_spoken_cues_changed), self, G_CONNECT_SWAPPED);
}
