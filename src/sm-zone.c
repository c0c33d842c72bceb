/* sm-zone.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-zone"

#include "config.h"

#include "sm-content-item.h"
#include "sm-tool-use.h"
#include "sm-zone.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_VIEW,
  PROP_LAYER,
  PROP_TWO_SIDED,
  PROP_SUMMARY,
  PROP_WHERE,
  PROP_WHY,
  PROP_FIND,
  PROP_PRESENTER,
  PROP_PRESSURE,
  PROP_HOLD_SECONDS,
  PROP_CAUTIONS,
  PROP_LANDMARKS,
  PROP_CAUTION_AREAS,
  PROP_TECHNIQUES,
  PROP_TOOLS,
  PROP_SYNONYMS,
  PROP_SOURCES,
  N_PROPS
};

struct _SmZone
{
  GObject parent_instance;

  GValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SmZone, sm_zone, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char *
sm_zone_get_id (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_ID]);
}

const char *
sm_zone_get_name (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_NAME]);
}

const char *
sm_zone_get_view (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_VIEW]);
}

const char *
sm_zone_get_layer (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_LAYER]);
}

gboolean
sm_zone_get_two_sided (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), FALSE);

  return g_value_get_boolean (&self->values[PROP_TWO_SIDED]);
}

const char *
sm_zone_get_summary (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_SUMMARY]);
}

const char *
sm_zone_get_where (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_WHERE]);
}

const char *
sm_zone_get_why (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_WHY]);
}

const char * const *
sm_zone_get_find (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_FIND);
}

const char *
sm_zone_get_presenter (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_PRESENTER]);
}

const char *
sm_zone_get_pressure (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_string (&self->values[PROP_PRESSURE]);
}

guint
sm_zone_get_hold_seconds (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), 0);

  return g_value_get_uint (&self->values[PROP_HOLD_SECONDS]);
}

const char * const *
sm_zone_get_cautions (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_CAUTIONS);
}

const char * const *
sm_zone_get_landmarks (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_LANDMARKS);
}

const char * const *
sm_zone_get_caution_areas (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_CAUTION_AREAS);
}

const char * const *
sm_zone_get_techniques (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_TECHNIQUES);
}

GListModel *
sm_zone_get_tool_uses (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return g_value_get_object (&self->values[PROP_TOOLS]);
}

const char * const *
sm_zone_get_synonyms (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_SYNONYMS);
}

const char * const *
sm_zone_get_sources (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_strv (self->values, PROP_SOURCES);
}

gpointer
sm_zone_get_tool_use (SmZone     *self,
                      const char *tool_id)
{
  GListModel *uses;

  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  uses = sm_zone_get_tool_uses (self);
  for (guint i = 0; uses != NULL && i < g_list_model_get_n_items (uses); i++)
    {
      g_autoptr(SmToolUse) use = g_list_model_get_item (uses, i);

      if (g_strcmp0 (sm_tool_use_get_tool_id (use), tool_id) == 0)
        return use; /* the zone's model keeps it alive */
    }

  return NULL;
}

static void
sm_zone_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  sm_content_item_get_value (SM_ZONE (object)->values, prop_id, value);
}

static void
sm_zone_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  sm_content_item_set_value (SM_ZONE (object)->values, prop_id, value);
}

static void
sm_zone_finalize (GObject *object)
{
  sm_content_item_clear (SM_ZONE (object)->values, N_PROPS);

  G_OBJECT_CLASS (sm_zone_parent_class)->finalize (object);
}

static void
sm_zone_class_init (SmZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_zone_finalize;
  object_class->get_property = sm_zone_get_property;
  object_class->set_property = sm_zone_set_property;

  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_VIEW] = sm_content_param_text ("view");
  properties[PROP_LAYER] = sm_content_param_text ("layer");
  properties[PROP_TWO_SIDED] = sm_content_param_bool ("two-sided");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_WHERE] = sm_content_param_text ("where");
  properties[PROP_WHY] = sm_content_param_text ("why");
  properties[PROP_FIND] = sm_content_param_strv ("find");
  properties[PROP_PRESENTER] = sm_content_param_text ("presenter");
  properties[PROP_PRESSURE] = sm_content_param_text ("pressure");
  properties[PROP_HOLD_SECONDS] = sm_content_param_uint ("hold-seconds");
  properties[PROP_CAUTIONS] = sm_content_param_strv ("cautions");
  properties[PROP_LANDMARKS] = sm_content_param_strv ("landmarks");
  properties[PROP_CAUTION_AREAS] = sm_content_param_strv ("caution-areas");
  properties[PROP_TECHNIQUES] = sm_content_param_strv ("techniques");
  properties[PROP_TOOLS] = sm_content_param_model ("tools");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_zone_init (SmZone *self)
{
}
