/* sm-content-schema-private.h: the tables that describe the content files,
 * shared by sm-content-schema.c and the files that add tables of their own
 * (sm-referral-schema.c)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-schema.h"

G_BEGIN_DECLS

typedef enum
{
  FIELD_STRING,     /* untranslated key: ids, views, references */
  FIELD_TEXT,       /* translatable sentence */
  FIELD_TEXT_LIST,  /* translatable sentences */
  FIELD_NAME_LIST,  /* untranslated keys */
  FIELD_UINT,
  FIELD_BOOL,
  FIELD_OBJECTS,    /* array of objects of `schema` */
  FIELD_OBJECT,
} FieldType;

typedef enum
{
  CHECK_NONE,
  CHECK_CHOICE,     /* one of `choices` */
  CHECK_ID,         /* unique within the schema's kind, in the artwork for zones */
  CHECK_ZONE,       /* names a zone */
  CHECK_TECHNIQUE,
  CHECK_TOOL,
  CHECK_SOURCE,     /* one of the seed articles */
  CHECK_LANDMARK,   /* landmark-<name>[-left|-right] in the zone's view */
  CHECK_CAUTION,    /* caution-<name>[-left|-right] in the zone's view */
  CHECK_REFERRAL,   /* a zone with a referred-pain pattern in the artwork */
  CHECK_REGION,     /* a region of the map (region-<name>-left/-right) */
  CHECK_REFERENCE,  /* a seed article or one of the named textbooks */
  CHECK_POSE,       /* a bundled pose (data/poses) of the object's tool */
} FieldCheck;

typedef struct _Schema Schema;

typedef struct
{
  const char         *key;
  FieldType           type;
  FieldCheck          check;
  gboolean            optional;
  const char * const *choices;
  guint               min;      /* FIELD_UINT range */
  guint               max;
  const Schema       *schema;   /* FIELD_OBJECTS, FIELD_OBJECT */
} Field;

struct _Schema
{
  GType        (*get_type) (void);
  int            kind;        /* SmContentKind, or -1 */
  const Field   *fields;      /* up to a NULL key */
};

/* sm-referral-schema.c: the referred-pain file's members of the file
 * schema, and its checks of the second pass. */
extern const Schema _sm_referral_schema;
extern const Schema _sm_region_schema;
extern const Schema _sm_nerve_schema;
extern const Schema _sm_search_words_schema;

#define SM_REFERRAL_FILE_FIELDS \
  { "referrals", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &_sm_referral_schema }, \
  { "regions", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &_sm_region_schema }, \
  { "nerves", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &_sm_nerve_schema }, \
  { "search-words", FIELD_OBJECT, CHECK_NONE, TRUE, NULL, 0, 0, &_sm_search_words_schema }

gboolean _sm_referral_check_name (SmContentContext  *context,
                                  int                kind,
                                  FieldCheck         check,
                                  const char        *value,
                                  const char        *path,
                                  GError           **error);

G_END_DECLS
