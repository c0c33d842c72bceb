/* sm-safety.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_SAFETY (sm_safety_get_type ())

G_DECLARE_FINAL_TYPE (SmSafety, sm_safety, SM, SAFETY, SmContentItem)

/* The safety screen and the before/after advice, all translated. */

const char         *sm_safety_get_disclaimer      (SmSafety *self);
const char         *sm_safety_get_professional    (SmSafety *self); /* see a professional first */
const char * const *sm_safety_get_avoid_when      (SmSafety *self); /* when not to massage */
const char * const *sm_safety_get_stop_rules      (SmSafety *self);
const char * const *sm_safety_get_red_flags       (SmSafety *self); /* see a doctor now */
const char         *sm_safety_get_heat_summary    (SmSafety *self);
const char * const *sm_safety_get_heat_steps      (SmSafety *self);
const char         *sm_safety_get_stretch_summary (SmSafety *self);
const char * const *sm_safety_get_sources         (SmSafety *self);

G_END_DECLS
