/* sm-nerve.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-nerve"

#include "config.h"

#include "sm-nerve.h"

struct _SmNerve
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmNerve, sm_nerve, SM_TYPE_CONTENT_ITEM)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_STORY,
  PROP_NERVE_PAIN,
  PROP_MUSCLES,
  PROP_SYNONYMS,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_nerve_get_id (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_nerve_get_name (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char *
sm_nerve_get_summary (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SUMMARY);
}

const char *
sm_nerve_get_story (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_STORY);
}

const char *
sm_nerve_get_nerve_pain (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NERVE_PAIN);
}

const char * const *
sm_nerve_get_muscles (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_MUSCLES);
}

const char * const *
sm_nerve_get_synonyms (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SYNONYMS);
}

const char * const *
sm_nerve_get_sources (SmNerve *self)
{
  g_return_val_if_fail (SM_IS_NERVE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

static void
sm_nerve_class_init (SmNerveClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_STORY] = sm_content_param_text ("story");
  properties[PROP_NERVE_PAIN] = sm_content_param_text ("nerve-pain");
  properties[PROP_MUSCLES] = sm_content_param_strv ("muscles");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_nerve_init (SmNerve *self)
{
}
