/* sm-region.h: a place on the body a patient names, tied to
 * region-<id>-<side> in the artwork (referrals.json)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_REGION (sm_region_get_type ())

G_DECLARE_FINAL_TYPE (SmRegion, sm_region, SM, REGION, SmContentItem)

const char         *sm_region_get_id (SmRegion *self);
const char         *sm_region_get_name (SmRegion *self);
const char * const *sm_region_get_words_en (SmRegion *self);
const char * const *sm_region_get_words_de (SmRegion *self);

G_END_DECLS
