/* sm-tool.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tool"

#include "config.h"

#include "sm-content-item.h"
#include "sm-tool.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_SUMMARY,
  PROP_GOOD_FOR,
  PROP_STEPS,
  PROP_AVOID,
  PROP_SYNONYMS,
  PROP_SOURCES,
  N_PROPS
};

struct _SmTool
{
  GObject parent_instance;

  GValue  values[N_PROPS];
  char   *illustration;
};

G_DEFINE_FINAL_TYPE (SmTool, sm_tool, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char *
sm_tool_get_id (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return g_value_get_string (&self->values[PROP_ID]);
}

const char *
sm_tool_get_name (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return g_value_get_string (&self->values[PROP_NAME]);
}

const char *
sm_tool_get_summary (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return g_value_get_string (&self->values[PROP_SUMMARY]);
}

const char * const *
sm_tool_get_good_for (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_strv (self->values, PROP_GOOD_FOR);
}

const char * const *
sm_tool_get_steps (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_strv (self->values, PROP_STEPS);
}

const char * const *
sm_tool_get_avoid (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_strv (self->values, PROP_AVOID);
}

const char * const *
sm_tool_get_synonyms (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_strv (self->values, PROP_SYNONYMS);
}

const char * const *
sm_tool_get_sources (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_strv (self->values, PROP_SOURCES);
}

const char *
sm_tool_get_illustration_resource (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  if (self->illustration == NULL)
    self->illustration = g_strdup_printf (RESOURCE_BASE "/tools/%s.svg", sm_tool_get_id (self));

  return self->illustration;
}

static void
sm_tool_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  sm_content_item_get_value (SM_TOOL (object)->values, prop_id, value);
}

static void
sm_tool_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  sm_content_item_set_value (SM_TOOL (object)->values, prop_id, value);
}

static void
sm_tool_finalize (GObject *object)
{
  SmTool *self = SM_TOOL (object);

  sm_content_item_clear (self->values, N_PROPS);
  g_free (self->illustration);

  G_OBJECT_CLASS (sm_tool_parent_class)->finalize (object);
}

static void
sm_tool_class_init (SmToolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_tool_finalize;
  object_class->get_property = sm_tool_get_property;
  object_class->set_property = sm_tool_set_property;

  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_GOOD_FOR] = sm_content_param_strv ("good-for");
  properties[PROP_STEPS] = sm_content_param_strv ("steps");
  properties[PROP_AVOID] = sm_content_param_strv ("avoid");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_tool_init (SmTool *self)
{
}
