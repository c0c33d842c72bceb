/* sm-content-item.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-content-item"

#include "config.h"

#include <gio/gio.h>

#include "sm-content-item.h"

void
sm_content_item_set_value (GValue       *values,
                           guint         prop_id,
                           const GValue *value)
{
  g_value_unset (&values[prop_id]);
  g_value_init (&values[prop_id], G_VALUE_TYPE (value));
  g_value_copy (value, &values[prop_id]);
}

void
sm_content_item_get_value (const GValue *values,
                           guint         prop_id,
                           GValue       *value)
{
  /* A property the loader did not set keeps the type's default. */
  if (G_IS_VALUE (&values[prop_id]))
    g_value_copy (&values[prop_id], value);
}

void
sm_content_item_clear (GValue *values,
                       guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
}

/* Never NULL, so callers can iterate without checking. */
const char * const *
sm_content_item_strv (const GValue *values,
                      guint         prop_id)
{
  static const char * const empty[] = { NULL };
  const char * const *strv = NULL;

  if (G_IS_VALUE (&values[prop_id]))
    strv = g_value_get_boxed (&values[prop_id]);

  return strv != NULL ? strv : empty;
}

GParamSpec *
sm_content_param_text (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, SM_CONTENT_PARAM_FLAGS);
}

GParamSpec *
sm_content_param_strv (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, SM_CONTENT_PARAM_FLAGS);
}

GParamSpec *
sm_content_param_uint (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, SM_CONTENT_PARAM_FLAGS);
}

GParamSpec *
sm_content_param_bool (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, SM_CONTENT_PARAM_FLAGS);
}

GParamSpec *
sm_content_param_model (const char *name)
{
  return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, SM_CONTENT_PARAM_FLAGS);
}
