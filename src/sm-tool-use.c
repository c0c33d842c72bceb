/* sm-tool-use.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tool-use"

#include "config.h"

#include "sm-content-item.h"
#include "sm-tool-use.h"

enum {
  PROP_0,
  PROP_TOOL,
  PROP_POSITION,
  PROP_PLACEMENT,
  PROP_MOVEMENT,
  PROP_DURATION,
  N_PROPS
};

struct _SmToolUse
{
  GObject parent_instance;

  GValue  values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (SmToolUse, sm_tool_use, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

const char *
sm_tool_use_get_tool_id (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_value_get_string (&self->values[PROP_TOOL]);
}

const char *
sm_tool_use_get_position (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_value_get_string (&self->values[PROP_POSITION]);
}

const char *
sm_tool_use_get_placement (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_value_get_string (&self->values[PROP_PLACEMENT]);
}

const char *
sm_tool_use_get_movement (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_value_get_string (&self->values[PROP_MOVEMENT]);
}

const char *
sm_tool_use_get_duration (SmToolUse *self)
{
  g_return_val_if_fail (SM_IS_TOOL_USE (self), NULL);

  return g_value_get_string (&self->values[PROP_DURATION]);
}

/* Returns: (transfer full): position, placement, movement and duration as
 * numbered steps read them. */
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

static void
sm_tool_use_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  sm_content_item_get_value (SM_TOOL_USE (object)->values, prop_id, value);
}

static void
sm_tool_use_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  sm_content_item_set_value (SM_TOOL_USE (object)->values, prop_id, value);
}

static void
sm_tool_use_finalize (GObject *object)
{
  sm_content_item_clear (SM_TOOL_USE (object)->values, N_PROPS);

  G_OBJECT_CLASS (sm_tool_use_parent_class)->finalize (object);
}

static void
sm_tool_use_class_init (SmToolUseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_tool_use_finalize;
  object_class->get_property = sm_tool_use_get_property;
  object_class->set_property = sm_tool_use_set_property;

  properties[PROP_TOOL] = sm_content_param_text ("tool");
  properties[PROP_POSITION] = sm_content_param_text ("position");
  properties[PROP_PLACEMENT] = sm_content_param_text ("placement");
  properties[PROP_MOVEMENT] = sm_content_param_text ("movement");
  properties[PROP_DURATION] = sm_content_param_text ("duration");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_tool_use_init (SmToolUse *self)
{
}
