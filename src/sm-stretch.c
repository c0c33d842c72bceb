/* sm-stretch.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-stretch"

#include "config.h"

#include "sm-content-item.h"
#include "sm-stretch.h"

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
  N_PROPS
};

struct _SmStretch
{
  GObject parent_instance;

  GValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SmStretch, sm_stretch, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char *
sm_stretch_get_id (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return g_value_get_string (&self->values[PROP_ID]);
}

const char *
sm_stretch_get_name (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return g_value_get_string (&self->values[PROP_NAME]);
}

const char *
sm_stretch_get_summary (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return g_value_get_string (&self->values[PROP_SUMMARY]);
}

const char * const *
sm_stretch_get_steps (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_strv (self->values, PROP_STEPS);
}

guint
sm_stretch_get_hold_seconds (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), 0);

  return g_value_get_uint (&self->values[PROP_HOLD_SECONDS]);
}

const char * const *
sm_stretch_get_cautions (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_strv (self->values, PROP_CAUTIONS);
}

const char * const *
sm_stretch_get_zones (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_strv (self->values, PROP_ZONES);
}

const char * const *
sm_stretch_get_synonyms (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_strv (self->values, PROP_SYNONYMS);
}

const char * const *
sm_stretch_get_sources (SmStretch *self)
{
  g_return_val_if_fail (SM_IS_STRETCH (self), NULL);

  return sm_content_item_strv (self->values, PROP_SOURCES);
}

static void
sm_stretch_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  sm_content_item_get_value (SM_STRETCH (object)->values, prop_id, value);
}

static void
sm_stretch_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  sm_content_item_set_value (SM_STRETCH (object)->values, prop_id, value);
}

static void
sm_stretch_finalize (GObject *object)
{
  sm_content_item_clear (SM_STRETCH (object)->values, N_PROPS);

  G_OBJECT_CLASS (sm_stretch_parent_class)->finalize (object);
}

static void
sm_stretch_class_init (SmStretchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_stretch_finalize;
  object_class->get_property = sm_stretch_get_property;
  object_class->set_property = sm_stretch_set_property;

  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_STEPS] = sm_content_param_strv ("steps");
  properties[PROP_HOLD_SECONDS] = sm_content_param_uint ("hold-seconds");
  properties[PROP_CAUTIONS] = sm_content_param_strv ("cautions");
  properties[PROP_ZONES] = sm_content_param_strv ("zones");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_stretch_init (SmStretch *self)
{
}
