/* sm-sound-player.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sound-player"

#include "config.h"

#include "sm-sound-player.h"

/* The sounds made by build-aux/gen-sounds.py, in the resources. */
static const char * const sound_names[] = {
  "get-ready", "start", "ten-seconds", "end", "switch-sides", "session-done",
};

/* Each cue plays a media file of its own: GTK 4.8's GStreamer backend
 * does not reliably start a stream again after its end (seek and play
 * drop most of a short sound), while a new pipeline is heard within a
 * few tens of milliseconds. The files are in the resources, so opening
 * one costs no disk access. The streams playing are kept until they end. */
struct _SmSoundPlayer
{
  GObject     parent_instance;

  GPtrArray  *playing;   /* of GtkMediaStream */
  gboolean    broken;    /* a stream failed: no media backend */
};

G_DEFINE_FINAL_TYPE (SmSoundPlayer, sm_sound_player, G_TYPE_OBJECT)

SmSoundPlayer *
sm_sound_player_new (void)
{
  return g_object_new (SM_TYPE_SOUND_PLAYER, NULL);
}

static gboolean
is_sound (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sound_names); i++)
    if (g_str_equal (name, sound_names[i]))
      return TRUE;
  return FALSE;
}

static void
on_stream_notify (GtkMediaStream *stream,
                  GParamSpec     *pspec,
                  SmSoundPlayer  *self)
{
  const GError *error = gtk_media_stream_get_error (stream);

  if (error != NULL)
    {
      g_debug ("Cannot play a sound: %s", error->message);
      self->broken = TRUE;
    }
  if (error != NULL || gtk_media_stream_get_ended (stream))
    {
      g_signal_handlers_disconnect_by_data (stream, self);
      g_ptr_array_remove (self->playing, stream);
    }
}

/* Plays the sound called @name. Returns %FALSE if it cannot be played (no
 * media backend, an unknown name), for the caller to fall back on the
 * display bell. Never waits for the sound. */
gboolean
sm_sound_player_play (SmSoundPlayer *self,
                      const char    *name)
{
  g_autofree char *path = NULL;
  GtkMediaStream *stream;

  g_return_val_if_fail (SM_IS_SOUND_PLAYER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (self->broken || !is_sound (name))
    return FALSE;

  path = g_strdup_printf (RESOURCE_BASE "/sounds/%s.ogg", name);
  stream = gtk_media_file_new_for_resource (path);
  if (gtk_media_stream_get_error (stream) != NULL)
    {
      g_debug ("Cannot play the sound “%s”: %s", name, gtk_media_stream_get_error (stream)->message);
      self->broken = TRUE;
      g_object_unref (stream);
      return FALSE;
    }
  g_signal_connect (stream, "notify::ended", G_CALLBACK (on_stream_notify), self);
  g_signal_connect (stream, "notify::error", G_CALLBACK (on_stream_notify), self);
  g_ptr_array_add (self->playing, stream);
  gtk_media_stream_play (stream);
  return TRUE;
}

/* Silences every sound, e.g. when the session stops. */
void
sm_sound_player_stop (SmSoundPlayer *self)
{
  g_return_if_fail (SM_IS_SOUND_PLAYER (self));

  for (guint i = 0; i < self->playing->len; i++)
    {
      GtkMediaStream *stream = g_ptr_array_index (self->playing, i);

      g_signal_handlers_disconnect_by_data (stream, self);
      gtk_media_stream_pause (stream);
    }
  g_ptr_array_set_size (self->playing, 0);
}

static void
sm_sound_player_dispose (GObject *object)
{
  SmSoundPlayer *self = SM_SOUND_PLAYER (object);

  if (self->playing != NULL)
    sm_sound_player_stop (self);
  g_clear_pointer (&self->playing, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_sound_player_parent_class)->dispose (object);
}

static void
sm_sound_player_class_init (SmSoundPlayerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sm_sound_player_dispose;
}

static void
sm_sound_player_init (SmSoundPlayer *self)
{
  self->playing = g_ptr_array_new_with_free_func (g_object_unref);
}
