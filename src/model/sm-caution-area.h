/* sm-caution-area.h: a place on the body not to press
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_CAUTION_AREA (sm_caution_area_get_type ())

G_DECLARE_FINAL_TYPE (SmCautionArea, sm_caution_area, SM, CAUTION_AREA, SmContentItem)

/* One caution area of the artwork (`caution-<id>` or `caution-<id>-left`
 * and `-right`): its name and why not to press there, translated. */

const char         *sm_caution_area_get_id          (SmCautionArea *self);
const char         *sm_caution_area_get_view        (SmCautionArea *self);
const char         *sm_caution_area_get_title       (SmCautionArea *self);
const char         *sm_caution_area_get_explanation (SmCautionArea *self);
const char * const *sm_caution_area_get_sources     (SmCautionArea *self);

G_END_DECLS
