/* sm-safety.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-safety"

#include "config.h"

#include "sm-safety.h"

struct _SmSafety
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmSafety, sm_safety, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
enum {
  PROP_0,
  PROP_DISCLAIMER,
  PROP_PROFESSIONAL,
  PROP_AVOID_WHEN,
  PROP_STOP_RULES,
  PROP_RED_FLAGS,
  PROP_HEAT_SUMMARY,
  PROP_HEAT_STEPS,
  PROP_STRETCH_SUMMARY,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_safety_get_disclaimer (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_DISCLAIMER);
}

const char *
sm_safety_get_professional (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_PROFESSIONAL);
}

const char * const *
sm_safety_get_avoid_when (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_AVOID_WHEN);
}

const char * const *
sm_safety_get_stop_rules (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STOP_RULES);
}

const char * const *
sm_safety_get_red_flags (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_RED_FLAGS);
}

const char *
sm_safety_get_heat_summary (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_HEAT_SUMMARY);
}

const char * const *
sm_safety_get_heat_steps (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_HEAT_STEPS);
}

const char *
sm_safety_get_stretch_summary (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_STRETCH_SUMMARY);
}

const char * const *
sm_safety_get_sources (SmSafety *self)
{
  g_return_val_if_fail (SM_IS_SAFETY (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

static void
sm_safety_class_init (SmSafetyClass *klass)
{
  properties[PROP_DISCLAIMER] = sm_content_param_text ("disclaimer");
  properties[PROP_PROFESSIONAL] = sm_content_param_text ("professional");
  properties[PROP_AVOID_WHEN] = sm_content_param_strv ("avoid-when");
  properties[PROP_STOP_RULES] = sm_content_param_strv ("stop-rules");
  properties[PROP_RED_FLAGS] = sm_content_param_strv ("red-flags");
  properties[PROP_HEAT_SUMMARY] = sm_content_param_text ("heat-summary");
  properties[PROP_HEAT_STEPS] = sm_content_param_strv ("heat-steps");
  properties[PROP_STRETCH_SUMMARY] = sm_content_param_text ("stretch-summary");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_safety_init (SmSafety *self)
{
}
