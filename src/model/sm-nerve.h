/* sm-nerve.h: the sciatic nerve: its story, what nerve pain feels
 * like and the muscles that can press on it (referrals.json)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_NERVE (sm_nerve_get_type ())

G_DECLARE_FINAL_TYPE (SmNerve, sm_nerve, SM, NERVE, SmContentItem)

const char         *sm_nerve_get_id (SmNerve *self);
const char         *sm_nerve_get_name (SmNerve *self);
const char         *sm_nerve_get_summary (SmNerve *self);
const char         *sm_nerve_get_story (SmNerve *self);
const char         *sm_nerve_get_nerve_pain (SmNerve *self);
const char * const *sm_nerve_get_muscles (SmNerve *self);
const char * const *sm_nerve_get_synonyms (SmNerve *self);
const char * const *sm_nerve_get_sources (SmNerve *self);

G_END_DECLS
