/* sm-speaker.h: spoken cues through Speech Dispatcher, never on the main
 * loop's time.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-cue-schedule.h"

G_BEGIN_DECLS

typedef enum {
  SM_SPEAKER_CONNECTING,
  SM_SPEAKER_READY,
  SM_SPEAKER_UNAVAILABLE,
} SmSpeakerState;

/* Under the second the preferences promise (see sm-preferences-window.c):
 * the timeout's own dispatch comes a little after it. */
#define SM_SPEAKER_CONNECT_TIMEOUT_MS 900

#define SM_TYPE_SPEAKER (sm_speaker_get_type ())

G_DECLARE_FINAL_TYPE (SmSpeaker, sm_speaker, SM, SPEAKER, GObject)

SmSpeaker      *sm_speaker_get_default (void);
const char     *sm_speaker_check_installed (void);
SmSpeaker      *sm_speaker_new         (const char    *language);
SmSpeakerState  sm_speaker_get_state   (SmSpeaker     *self);
const char     *sm_speaker_get_problem (SmSpeaker     *self);
gboolean        sm_speaker_say         (SmSpeaker     *self,
                                        const char    *text,
                                        SmCuePriority  priority);
void            sm_speaker_cancel      (SmSpeaker     *self);

G_END_DECLS
