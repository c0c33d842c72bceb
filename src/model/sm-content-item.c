/* sm-content-item.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-content-item"

#include "config.h"

#include "sm-content-item.h"

#define PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

typedef struct
{
  GArray *values;  /* GValue, indexed by the subclass's property id */
} SmContentItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SmContentItem, sm_content_item, G_TYPE_OBJECT)

/* Property ids are per subclass and small; GObject sets every construct
 * property once, with its default when the loader gave none. */
static GValue *
value_slot (SmContentItem *self,
            guint          prop_id)
{
  SmContentItemPrivate *priv = sm_content_item_get_instance_private (self);

  if (prop_id >= priv->values->len)
    g_array_set_size (priv->values, prop_id + 1);

  return &g_array_index (priv->values, GValue, prop_id);
}

static void
sm_content_item_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  GValue *stored = value_slot (SM_CONTENT_ITEM (object), prop_id);

  if (G_IS_VALUE (stored))
    g_value_copy (stored, value);
}

static void
sm_content_item_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  GValue *stored = value_slot (SM_CONTENT_ITEM (object), prop_id);

  if (G_IS_VALUE (stored))
    g_value_unset (stored);
  g_value_init (stored, G_VALUE_TYPE (value));
  g_value_copy (value, stored);
}

static void
sm_content_item_finalize (GObject *object)
{
  SmContentItemPrivate *priv = sm_content_item_get_instance_private (SM_CONTENT_ITEM (object));

  g_array_unref (priv->values);

  G_OBJECT_CLASS (sm_content_item_parent_class)->finalize (object);
}

static void
clear_value (gpointer data)
{
  GValue *value = data;

  if (G_IS_VALUE (value))
    g_value_unset (value);
}

static void
sm_content_item_class_init (SmContentItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_content_item_finalize;
}

static void
sm_content_item_init (SmContentItem *self)
{
  SmContentItemPrivate *priv = sm_content_item_get_instance_private (self);

  priv->values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (priv->values, clear_value);
}

/* GObject does not let subclasses inherit the property vfuncs, and calls
 * those of the class that installed the property: hook ours in here. */
void
sm_content_item_class_install_properties (GObjectClass  *klass,
                                          guint          n_pspecs,
                                          GParamSpec   **pspecs)
{
  g_return_if_fail (g_type_is_a (G_OBJECT_CLASS_TYPE (klass), SM_TYPE_CONTENT_ITEM));

  klass->get_property = sm_content_item_get_property;
  klass->set_property = sm_content_item_set_property;
  g_object_class_install_properties (klass, n_pspecs, pspecs);
}

const char *
sm_content_item_get_string (SmContentItem *self,
                            guint          prop_id)
{
  GValue *value;

  g_return_val_if_fail (SM_IS_CONTENT_ITEM (self), NULL);

  value = value_slot (self, prop_id);
  return G_VALUE_HOLDS_STRING (value) ? g_value_get_string (value) : NULL;
}

const char * const *
sm_content_item_get_strv (SmContentItem *self,
                          guint          prop_id)
{
  static const char * const empty[] = { NULL };
  const char * const *strv = NULL;
  GValue *value;

  g_return_val_if_fail (SM_IS_CONTENT_ITEM (self), empty);

  value = value_slot (self, prop_id);
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    strv = g_value_get_boxed (value);

  return strv != NULL ? strv : empty;
}

guint
sm_content_item_get_uint (SmContentItem *self,
                          guint          prop_id)
{
  GValue *value;

  g_return_val_if_fail (SM_IS_CONTENT_ITEM (self), 0);

  value = value_slot (self, prop_id);
  return G_VALUE_HOLDS_UINT (value) ? g_value_get_uint (value) : 0;
}

gboolean
sm_content_item_get_boolean (SmContentItem *self,
                             guint          prop_id)
{
  GValue *value;

  g_return_val_if_fail (SM_IS_CONTENT_ITEM (self), FALSE);

  value = value_slot (self, prop_id);
  return G_VALUE_HOLDS_BOOLEAN (value) && g_value_get_boolean (value);
}

gpointer
sm_content_item_get_object (SmContentItem *self,
                            guint          prop_id)
{
  GValue *value;

  g_return_val_if_fail (SM_IS_CONTENT_ITEM (self), NULL);

  value = value_slot (self, prop_id);
  return G_VALUE_HOLDS_OBJECT (value) ? g_value_get_object (value) : NULL;
}

GParamSpec *
sm_content_param_text (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, PARAM_FLAGS);
}

GParamSpec *
sm_content_param_strv (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, PARAM_FLAGS);
}

GParamSpec *
sm_content_param_uint (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0, PARAM_FLAGS);
}

GParamSpec *
sm_content_param_bool (const char *name)
{
  return g_param_spec_boolean (name, NULL, NULL, FALSE, PARAM_FLAGS);
}

GParamSpec *
sm_content_param_model (const char *name)
{
  return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL, PARAM_FLAGS);
}
