/* sm-atlas-private.h: the atlas' insides, shared with its search
 * (sm-atlas-search.c)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-atlas.h"
#include "sm-content-schema.h"

G_BEGIN_DECLS

/* One search entry per item: the folded words people may type. */
typedef struct
{
  SmContentKind  kind;
  GObject       *item;
  char         **names;     /* folded: translated name, English name, id */
  char         **synonyms;  /* folded: translated and English synonyms */
  char         **texts;     /* folded: summary and body text, both languages */
  JsonObject    *json;      /* the item's content until the words are folded */
} SearchEntry;

/* One word or phrase of the region vocabulary, folded, stop words out. */
typedef struct
{
  char *words;
  char *region;             /* region id */
} RegionWord;

struct _SmAtlas
{
  GObject     parent_instance;

  GListStore *stores[SM_CONTENT_N_KINDS];
  GHashTable *by_id[SM_CONTENT_N_KINDS];  /* id → item */
  SmSafety   *safety;
  SmSearchWords *search_words;            /* (nullable) */
  SmSvgIndex *back;
  SmSvgIndex *front;
  GPtrArray  *entries;                    /* SearchEntry* in content order; see
                                           * _sm_atlas_get_search_entries () */
  GMutex      entries_lock;               /* folding the entries' words */
  gboolean    entries_folded;
  GPtrArray  *region_words;               /* RegionWord*, longest first once searched */
  gboolean    skip_poses;                 /* see sm_atlas_default_skip_artwork () */
};

char  *_sm_atlas_fold              (const char *text);
char **_sm_atlas_search_texts      (GObject    *item,
                                    JsonObject *json);
void   _sm_atlas_add_region        (SmAtlas    *self,
                                    SmRegion   *region);
void   _sm_atlas_region_word_free  (gpointer    data);
GPtrArray *_sm_atlas_get_search_entries (SmAtlas *self);

G_END_DECLS
