/* sm-region.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-region"

#include "config.h"

#include "sm-region.h"

struct _SmRegion
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmRegion, sm_region, SM_TYPE_CONTENT_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_WORDS_EN,
  PROP_WORDS_DE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_region_get_id (SmRegion *self)
{
  g_return_val_if_fail (SM_IS_REGION (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_region_get_name (SmRegion *self)
{
  g_return_val_if_fail (SM_IS_REGION (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char * const *
sm_region_get_words_en (SmRegion *self)
{
  g_return_val_if_fail (SM_IS_REGION (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_WORDS_EN);
}

const char * const *
sm_region_get_words_de (SmRegion *self)
{
  g_return_val_if_fail (SM_IS_REGION (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_WORDS_DE);
}

static void
sm_region_class_init (SmRegionClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_WORDS_EN] = sm_content_param_strv ("words-en");
  properties[PROP_WORDS_DE] = sm_content_param_strv ("words-de");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_region_init (SmRegion *self)
{
}
