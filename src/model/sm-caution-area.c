/* sm-caution-area.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-caution-area"

#include "config.h"

#include "sm-caution-area.h"

struct _SmCautionArea
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmCautionArea, sm_caution_area, SM_TYPE_CONTENT_ITEM)

/* Property names are the keys of the JSON object (sm-content-schema.c). */
enum {
  PROP_0,
  PROP_ID,
  PROP_VIEW,
  PROP_TITLE,
  PROP_EXPLANATION,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
sm_caution_area_get_id (SmCautionArea *self)
{
  g_return_val_if_fail (SM_IS_CAUTION_AREA (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_ID);
}

const char *
sm_caution_area_get_view (SmCautionArea *self)
{
  g_return_val_if_fail (SM_IS_CAUTION_AREA (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_VIEW);
}

const char *
sm_caution_area_get_title (SmCautionArea *self)
{
  g_return_val_if_fail (SM_IS_CAUTION_AREA (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_TITLE);
}

const char *
sm_caution_area_get_explanation (SmCautionArea *self)
{
  g_return_val_if_fail (SM_IS_CAUTION_AREA (self), NULL);

  return sm_content_item_get_string (SM_CONTENT_ITEM (self), PROP_EXPLANATION);
}

const char * const *
sm_caution_area_get_sources (SmCautionArea *self)
{
  g_return_val_if_fail (SM_IS_CAUTION_AREA (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_SOURCES);
}

static void
sm_caution_area_class_init (SmCautionAreaClass *klass)
{
  properties[PROP_ID] = sm_content_param_text ("id");
  properties[PROP_VIEW] = sm_content_param_text ("view");
  properties[PROP_TITLE] = sm_content_param_text ("title");
  properties[PROP_EXPLANATION] = sm_content_param_text ("explanation");
  properties[PROP_SOURCES] = sm_content_param_strv ("sources");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_caution_area_init (SmCautionArea *self)
{
}
