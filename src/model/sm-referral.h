/* sm-referral.h: where one muscle can send pain (referrals.json)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_REFERRAL (sm_referral_get_type ())

G_DECLARE_FINAL_TYPE (SmReferral, sm_referral, SM, REFERRAL, SmContentItem)

const char         *sm_referral_get_id (SmReferral *self);
const char         *sm_referral_get_sends_pain (SmReferral *self);
const char         *sm_referral_get_reason (SmReferral *self);
const char * const *sm_referral_get_sources (SmReferral *self);

G_END_DECLS
