/* sm-tool-use.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tool-use"

#include "config.h"

#include "sm-tool-use.h"

struct _SmToolUse
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmToolUse, sm_tool_use, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
enum {
  PROP_0,
  PROP_TOOL,
  PROP_POSITION,
  PROP_PLACEMENT,
  PROP_MOVEMENT,
  PROP_DURATION,
  PROP_POSE,
  PROP_PICTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_tool_use_get_tool_id (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_TOOL);
}

const char *
sm_tool_use_get_position (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_POSITION);
}

const char *
sm_tool_use_get_placement (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PLACEMENT);
}

const char *
sm_tool_use_get_movement (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_MOVEMENT);
}

const char *
sm_tool_use_get_duration (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_DURATION);
}

/* Returns: (transfer full): position, placement, movement and duration,
 * in the order a person does them. */
char **
sm_tool_use_dup_steps (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_strdupv ((char *[]) {
    (char *) sm_tool_use_get_position (self),
    (char *) sm_tool_use_get_placement (self),
    (char *) sm_tool_use_get_movement (self),
    (char *) sm_tool_use_get_duration (self),
    NULL,
  });
}

/* The id of the picture's pose (data/poses/<id>.json). */
const char *
sm_tool_use_get_pose (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_POSE);
}

/* What the picture shows, in a sentence, for those who cannot see it. */
const char *
sm_tool_use_get_picture (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PICTURE);
}

static void
sm_tool_use_class_init (SmToolUseClass *klass)
{
  properties[PROP_TOOL] = sm_content_param_text ("tool");
  properties[PROP_POSITION] = sm_content_param_text ("position");
  properties[PROP_PLACEMENT] = sm_content_param_text ("placement");
  properties[PROP_MOVEMENT] = sm_content_param_text ("movement");
  properties[PROP_DURATION] = sm_content_param_text ("duration");

  properties[PROP_POSE] = sm_content_param_text ("pose");
  properties[PROP_PICTURE] = sm_content_param_text ("picture");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_tool_use_init (SmToolUse *self)
{
}
