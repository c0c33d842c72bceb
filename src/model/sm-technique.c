/* sm-technique.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-technique"

#include "config.h"

#include "sm-technique.h"

struct _SmTechnique
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmTechnique, sm_technique, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_EFFECT,
  PROP_FEEL,
  PROP_WHO,
  PROP_WHO_TEXT,
  PROP_OPTIONAL,
  PROP_STEPS,
  PROP_SYNONYMS,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_technique_get_id (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_technique_get_name (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char *
sm_technique_get_summary (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SUMMARY);
}

const char *
sm_technique_get_effect (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_EFFECT);
}

const char *
sm_technique_get_feel (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_FEEL);
}

const char *
sm_technique_get_who (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_WHO);
}

const char *
sm_technique_get_who_text (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_WHO_TEXT);
}

gboolean
sm_technique_get_optional (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), FALSE);

  return sm_content_item_get_boolean (SM_CONTENT_ITEM (self), PROP_OPTIONAL);
}

const char * const *
sm_technique_get_steps (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STEPS);
}

const char * const *
sm_technique_get_synonyms (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SYNONYMS);
}

const char * const *
sm_technique_get_sources (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

static void
sm_technique_class_init (SmTechniqueClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_EFFECT] = sm_content_param_text ("effect");
  properties[PROP_FEEL] = sm_content_param_text ("feel");
  properties[PROP_WHO] = sm_content_param_text ("who");
  properties[PROP_WHO_TEXT] = sm_content_param_text ("who-text");
  properties[PROP_OPTIONAL] = sm_content_param_bool ("optional");
  properties[PROP_STEPS] = sm_content_param_strv ("steps");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_technique_init (SmTechnique *self)
{
}
