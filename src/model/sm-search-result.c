/* sm-search-result.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-search-result"

#include "config.h"

#include "sm-search-result.h"

struct _SmSearchResult
{
  GObject  parent_instance;

  char    *kind;
  char    *id;
  char    *title;
  char    *subtitle;
  GObject *item;
};

G_DEFINE_FINAL_TYPE (SmSearchResult, sm_search_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SmSearchResult *
sm_search_result_new (const char *kind,
                      const char *id,
                      const char *title,
                      const char *subtitle,
                      GObject    *item)
{
  return g_object_new (SM_TYPE_SEARCH_RESULT,
                       "kind", kind,
                       "id", id,
                       "title", title,
                       "subtitle", subtitle,
                       "item", item,
                       NULL);
}

const char *
sm_search_result_get_kind (SmSearchResult *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULT (self), NULL);

  return self->kind;
}

const char *
sm_search_result_get_id (SmSearchResult *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULT (self), NULL);

  return self->id;
}

const char *
sm_search_result_get_title (SmSearchResult *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULT (self), NULL);

  return self->title;
}

const char *
sm_search_result_get_subtitle (SmSearchResult *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULT (self), NULL);

  return self->subtitle;
}

GObject *
sm_search_result_get_item (SmSearchResult *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULT (self), NULL);

  return self->item;
}

static void
sm_search_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmSearchResult *self = SM_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_string (value, self->kind); break;
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_SUBTITLE: g_value_set_string (value, self->subtitle); break;
    case PROP_ITEM: g_value_set_object (value, self->item); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_search_result_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SmSearchResult *self = SM_SEARCH_RESULT (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_dup_string (value); break;
    case PROP_ID: self->id = g_value_dup_string (value); break;
    case PROP_TITLE: self->title = g_value_dup_string (value); break;
    case PROP_SUBTITLE: self->subtitle = g_value_dup_string (value); break;
    case PROP_ITEM: self->item = g_value_dup_object (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_search_result_finalize (GObject *object)
{
  SmSearchResult *self = SM_SEARCH_RESULT (object);

  g_free (self->kind);
  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (sm_search_result_parent_class)->finalize (object);
}

static void
sm_search_result_class_init (SmSearchResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = sm_search_result_finalize;
  object_class->get_property = sm_search_result_get_property;
  object_class->set_property = sm_search_result_set_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_search_result_init (SmSearchResult *self)
{
}
