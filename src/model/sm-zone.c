/* sm-zone.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-zone"

#include "config.h"

#include "sm-zone.h"
#include "sm-tool-use.h"

struct _SmZone
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmZone, sm_zone, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
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

static GParamSpec *properties[N_PROPS];

const char *
sm_zone_get_id (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_zone_get_name (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char *
sm_zone_get_view (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_VIEW);
}

const char *
sm_zone_get_layer (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_LAYER);
}

gboolean
sm_zone_get_two_sided (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), FALSE);

  return sm_content_item_get_boolean (SM_CONTENT_ITEM (self), PROP_TWO_SIDED);
}

const char *
sm_zone_get_summary (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SUMMARY);
}

const char *
sm_zone_get_where (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_WHERE);
}

const char *
sm_zone_get_why (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_WHY);
}

const char * const *
sm_zone_get_find (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_FIND);
}

const char *
sm_zone_get_presenter (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PRESENTER);
}

const char *
sm_zone_get_pressure (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PRESSURE);
}

guint
sm_zone_get_hold_seconds (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), 0);

  return sm_content_item_get_uint (SM_CONTENT_ITEM (self), PROP_HOLD_SECONDS);
}

const char * const *
sm_zone_get_cautions (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_CAUTIONS);
}

const char * const *
sm_zone_get_landmarks (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_LANDMARKS);
}

const char * const *
sm_zone_get_caution_areas (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_CAUTION_AREAS);
}

const char * const *
sm_zone_get_techniques (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_TECHNIQUES);
}

GListModel *
sm_zone_get_tool_uses (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_object (SM_CONTENT_ITEM (self), PROP_TOOLS);
}

const char * const *
sm_zone_get_synonyms (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SYNONYMS);
}

const char * const *
sm_zone_get_sources (SmZone *self)
{
  g_return_val_if_fail (SM_IS_ZONE (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
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
sm_zone_class_init (SmZoneClass *klass)
{
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

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_zone_init (SmZone *self)
{
}
