/* sm-stretch.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-stretch"

#include "config.h"

#include "sm-stretch.h"

struct _SmStretch
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmStretch, sm_stretch, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_STEPS,
  PROP_HOLD_SECONDS,
  PROP_CAUTIONS,
  PROP_ZONES,
  PROP_SYNONYMS,
  PROP_SOURCES,
  PROP_POSE,
  PROP_PICTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_stretch_get_id (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_stretch_get_name (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char *
sm_stretch_get_summary (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SUMMARY);
}

const char * const *
sm_stretch_get_steps (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STEPS);
}

guint
sm_stretch_get_hold_seconds (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), 0);

  return sm_content_item_get_uint (SM_CONTENT_ITEM (self), PROP_HOLD_SECONDS);
}

const char * const *
sm_stretch_get_cautions (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_CAUTIONS);
}

const char * const *
sm_stretch_get_zones (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_ZONES);
}

const char * const *
sm_stretch_get_synonyms (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SYNONYMS);
}

const char * const *
sm_stretch_get_sources (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

/* The id of the picture's pose (data/poses/<id>.json). */
const char *
sm_stretch_get_pose (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_POSE);
}

/* What the picture shows, in a sentence, for those who cannot see it. */
const char *
sm_stretch_get_picture (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PICTURE);
}

static void
sm_stretch_class_init (SmStretchClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_STEPS] = sm_content_param_strv ("steps");
  properties[PROP_HOLD_SECONDS] = sm_content_param_uint ("hold-seconds");
  properties[PROP_CAUTIONS] = sm_content_param_strv ("cautions");
  properties[PROP_ZONES] = sm_content_param_strv ("zones");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  properties[PROP_POSE] = sm_content_param_text ("pose");
  properties[PROP_PICTURE] = sm_content_param_text ("picture");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_stretch_init (SmStretch *self)
{
}
