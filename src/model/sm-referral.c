/* sm-referral.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-referral"

#include "config.h"

#include "sm-referral.h"

struct _SmReferral
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmReferral, sm_referral, SM_TYPE_CONTENT_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_SENDS_PAIN,
  PROP_REASON,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_referral_get_id (SmReferral *self)
{
  g_return_val_if_fail (SM_IS_REFERRAL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_referral_get_sends_pain (SmReferral *self)
{
  g_return_val_if_fail (SM_IS_REFERRAL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SENDS_PAIN);
}

const char *
sm_referral_get_reason (SmReferral *self)
{
  g_return_val_if_fail (SM_IS_REFERRAL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_REASON);
}

const char * const *
sm_referral_get_sources (SmReferral *self)
{
  g_return_val_if_fail (SM_IS_REFERRAL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

static void
sm_referral_class_init (SmReferralClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_SENDS_PAIN] = sm_content_param_text ("sends-pain");
  properties[PROP_REASON] = sm_content_param_text ("reason");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_referral_init (SmReferral *self)
{
}
