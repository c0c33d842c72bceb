/* sm-technique.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_TECHNIQUE (sm_technique_get_type ())

G_DECLARE_FINAL_TYPE (SmTechnique, sm_technique, SM, TECHNIQUE, SmContentItem)

const char         *sm_technique_get_id       (SmTechnique *self);
const char         *sm_technique_get_name     (SmTechnique *self);
const char         *sm_technique_get_summary  (SmTechnique *self);
const char         *sm_technique_get_effect   (SmTechnique *self); /* what it does */
const char         *sm_technique_get_feel     (SmTechnique *self); /* what it should feel like */
const char         *sm_technique_get_who      (SmTechnique *self); /* "self", "therapist" or "both" */
const char         *sm_technique_get_who_text (SmTechnique *self); /* translated sentence about who does it */
gboolean            sm_technique_get_optional (SmTechnique *self);
const char * const *sm_technique_get_steps    (SmTechnique *self); /* may be empty */
const char * const *sm_technique_get_synonyms (SmTechnique *self);
const char * const *sm_technique_get_sources  (SmTechnique *self);

G_END_DECLS
