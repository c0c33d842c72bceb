/* sm-technique.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-technique"

#include "config.h"

#include "sm-content-item.h"
#include "sm-technique.h"

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

struct _SmTechnique
{
  GObject parent_instance;

  GValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SmTechnique, sm_technique, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char *
sm_technique_get_id (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_ID]);
}

const char *
sm_technique_get_name (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_NAME]);
}

const char *
sm_technique_get_summary (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_SUMMARY]);
}

const char *
sm_technique_get_effect (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_EFFECT]);
}

const char *
sm_technique_get_feel (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_FEEL]);
}

const char *
sm_technique_get_who (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_WHO]);
}

const char *
sm_technique_get_who_text (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return g_value_get_string (&self->values[PROP_WHO_TEXT]);
}

gboolean
sm_technique_get_optional (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_OPTIONAL]);
}

const char * const *
sm_technique_get_steps (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_strv (self->values, PROP_STEPS);
}

const char * const *
sm_technique_get_synonyms (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_strv (self->values, PROP_SYNONYMS);
}

const char * const *
sm_technique_get_sources (SmTechnique *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE (self), NULL);

  return sm_content_item_strv (self->values, PROP_SOURCES);
}

static void
sm_technique_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  sm_content_item_get_value (SM_TECHNIQUE (object)->values, prop_id, value);
}

static void
sm_technique_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  sm_content_item_set_value (SM_TECHNIQUE (object)->values, prop_id, value);
}

static void
sm_technique_finalize (GObject *object)
{
  sm_content_item_clear (SM_TECHNIQUE (object)->values, N_PROPS);

  G_OBJECT_CLASS (sm_technique_parent_class)->finalize (object);
}

static void
sm_technique_class_init (SmTechniqueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_technique_finalize;
  object_class->get_property = sm_technique_get_property;
  object_class->set_property = sm_technique_set_property;

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

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_technique_init (SmTechnique *self)
{
}
