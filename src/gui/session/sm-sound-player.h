/* sm-sound-player.h: the guided session's sounds, through GTK's media
 * backend (GStreamer).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_SOUND_PLAYER (sm_sound_player_get_type ())

G_DECLARE_FINAL_TYPE (SmSoundPlayer, sm_sound_player, SM, SOUND_PLAYER, GObject)

SmSoundPlayer *sm_sound_player_new  (void);
gboolean       sm_sound_player_play (SmSoundPlayer *self,
                                     const char    *name);
void           sm_sound_player_stop (SmSoundPlayer *self);

G_END_DECLS
