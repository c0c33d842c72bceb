/* sm-search-words.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-search-words"

#include "config.h"

#include "sm-search-words.h"

struct _SmSearchWords
{
  SmContentItem parent_instance;
};

G_DEFINE_FINAL_TYPE (SmSearchWords, sm_search_words, SM_TYPE_CONTENT_ITEM)

enum {
  PROP_0,
  PROP_STOP_WORDS_EN,
  PROP_STOP_WORDS_DE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char * const *
sm_search_words_get_stop_words_en (SmSearchWords *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_WORDS (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STOP_WORDS_EN);
}

const char * const *
sm_search_words_get_stop_words_de (SmSearchWords *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_WORDS (self), NULL);

  return sm_content_item_get_strv (SM_CONTENT_ITEM (self), PROP_STOP_WORDS_DE);
}

static void
sm_search_words_class_init (SmSearchWordsClass *klass)
{
  properties[PROP_STOP_WORDS_EN] = sm_content_param_strv ("stop-words-en");
  properties[PROP_STOP_WORDS_DE] = sm_content_param_strv ("stop-words-de");

  sm_content_item_class_install_properties (G_OBJECT_CLASS (klass), N_PROPS, properties);
}

static void
sm_search_words_init (SmSearchWords *self)
{
}
