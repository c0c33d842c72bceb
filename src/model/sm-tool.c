/* sm-tool.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tool"

#include "config.h"

#include "sm-tool.h"

struct _SmTool
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmTool, sm_tool, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
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

static GParamSpec *properties[N_PROPS];

const char *
sm_tool_get_id (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_tool_get_name (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_NAME);
}

const char *
sm_tool_get_summary (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_SUMMARY);
}

const char * const *
sm_tool_get_good_for (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_GOOD_FOR);
}

const char * const *
sm_tool_get_steps (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STEPS);
}

const char * const *
sm_tool_get_avoid (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_AVOID);
}

const char * const *
sm_tool_get_synonyms (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SYNONYMS);
}

const char * const *
sm_tool_get_sources (SmTool *self)
{
  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

/* Interned: there are a handful of tools and they live as long as the app. */
const char *
sm_tool_get_illustration_resource (SmTool *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (SM_IS_TOOL (self), NULL);

  path = g_strdup_printf (RESOURCE_BASE "/tools/%s.svg", sm_tool_get_id (self));
  return g_intern_string (path);
}

static void
sm_tool_class_init (SmToolClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_NAME] = sm_content_param_text ("name");
  properties[PROP_SUMMARY] = sm_content_param_text ("summary");
  properties[PROP_GOOD_FOR] = sm_content_param_strv ("good-for");
  properties[PROP_STEPS] = sm_content_param_strv ("steps");
  properties[PROP_AVOID] = sm_content_param_strv ("avoid");
  properties[PROP_SYNONYMS] = sm_content_param_strv ("synonyms");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_tool_init (SmTool *self)
{
}
