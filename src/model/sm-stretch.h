/* sm-stretch.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_STRETCH (sm_stretch_get_type ())

G_DECLARE_FINAL_TYPE (SmStretch, sm_stretch, SM, STRETCH, SmContentItem)

const char         *sm_stretch_get_id           (SmStretch *self);
const char         *sm_stretch_get_name         (SmStretch *self);
const char         *sm_stretch_get_summary      (SmStretch *self);
const char * const *sm_stretch_get_steps        (SmStretch *self);
guint               sm_stretch_get_hold_seconds (SmStretch *self);
const char * const *sm_stretch_get_cautions     (SmStretch *self);
const char * const *sm_stretch_get_zones        (SmStretch *self); /* zone ids it helps */
const char * const *sm_stretch_get_synonyms     (SmStretch *self);
const char * const *sm_stretch_get_sources      (SmStretch *self);

const char  *sm_stretch_get_pose       (SmStretch *self); /* pose id */
const char  *sm_stretch_get_picture    (SmStretch *self); /* what the picture shows */

G_END_DECLS
