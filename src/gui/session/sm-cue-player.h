/* sm-cue-player.h: plays a hold's and a session's cues as sounds and
 * speech, as the preferences say.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-session.h"
#include "sm-timer.h"

G_BEGIN_DECLS

#define SM_TYPE_CUE_PLAYER (sm_cue_player_get_type ())

G_DECLARE_FINAL_TYPE (SmCuePlayer, sm_cue_player, SM, CUE_PLAYER, GObject)

SmCuePlayer *sm_cue_player_new          (SmTimer     *timer,
                                         GtkWidget   *widget);
void         sm_cue_player_set_session  (SmCuePlayer *self,
                                         SmSession   *session);

G_END_DECLS
