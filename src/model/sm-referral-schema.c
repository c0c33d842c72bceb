/* sm-referral-schema.c: the tables of referrals.json (where each muscle can
 * send pain, the places a patient names, the sciatic nerve) and their
 * checks against the artwork
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-referral-schema"

#include "config.h"

#include "sm-atlas.h"
#include "sm-content-schema-private.h"
#include "sm-json-reader.h"

/* The patterns are the standard trigger-point references' (facts, told in
 * our own words); a referral may name them besides the seed articles. */
static const char * const textbooks[] = {
  "travell-simons-1999",   /* Myofascial Pain and Dysfunction: The Trigger Point Manual, 2nd ed. */
  NULL
};

static const Field referral_fields[] = {
  { "id", FIELD_STRING, CHECK_ID },
  { "sends-pain", FIELD_TEXT },
  { "reason", FIELD_TEXT },
  { "sources", FIELD_NAME_LIST, CHECK_REFERENCE },
  { NULL }
};

static const Field region_fields[] = {
  { "id", FIELD_STRING, CHECK_ID },
  { "name", FIELD_TEXT },
  { "words-en", FIELD_NAME_LIST },
  { "words-de", FIELD_NAME_LIST },
  { NULL }
};

static const Field nerve_fields[] = {
  { "id", FIELD_STRING, CHECK_ID },
  { "name", FIELD_TEXT },
  { "summary", FIELD_TEXT },
  { "story", FIELD_TEXT },
  { "nerve-pain", FIELD_TEXT },
  { "muscles", FIELD_NAME_LIST, CHECK_REFERRAL },
  { "synonyms", FIELD_TEXT_LIST, CHECK_NONE, TRUE },
  { "sources", FIELD_NAME_LIST, CHECK_REFERENCE },
  { NULL }
};

static const Field search_words_fields[] = {
  { "stop-words-en", FIELD_NAME_LIST },
  { "stop-words-de", FIELD_NAME_LIST },
  { NULL }
};

const Schema _sm_referral_schema = { sm_referral_get_type, SM_CONTENT_REFERRAL, referral_fields };
const Schema _sm_region_schema = { sm_region_get_type, SM_CONTENT_REGION, region_fields };
const Schema _sm_nerve_schema = { sm_nerve_get_type, SM_CONTENT_NERVE, nerve_fields };
const Schema _sm_search_words_schema = { sm_search_words_get_type, SM_CONTENT_SEARCH_WORDS,
                                         search_words_fields };

static gboolean G_GNUC_PRINTF (5, 6)
fail (GError           **error,
      SmAtlasError       code,
      SmContentContext  *context,
      const char        *path,
      const char        *format,
      ...)
{
  va_list args;

  va_start (args, format);
  sm_json_fail_valist (error, SM_ATLAS_ERROR, code, context->file, path, format, args);
  va_end (args);
  return FALSE;
}

/* @prefix-@name-left@suffix and its right side in either view. */
static gboolean
artwork_has (SmContentContext *context,
             const char       *prefix,
             const char       *name,
             const char       *suffix)
{
  SmSvgIndex *views[] = { context->back, context->front };
  g_autofree char *left = g_strdup_printf ("%s-%s-left%s", prefix, name, suffix);
  g_autofree char *right = g_strdup_printf ("%s-%s-right%s", prefix, name, suffix);

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (views[i] == NULL ||
        (sm_svg_index_has_id (views[i], left) && sm_svg_index_has_id (views[i], right)))
      return TRUE;

  return FALSE;
}

/* A referral's id is its zone's, and the artwork draws where it sends pain. */
static gboolean
check_referral (SmContentContext  *context,
                const char        *value,
                const char        *path,
                GError           **error)
{
  if (!g_hash_table_contains (context->ids[SM_CONTENT_ZONE], value))
    return fail (error, SM_ATLAS_ERROR_DANGLING_REFERENCE, context, path,
                 "there is no zone with the id “%s”", value);

  if (!artwork_has (context, "referral", value, "-essential"))
    return fail (error, SM_ATLAS_ERROR_UNKNOWN_SVG_ID, context, path,
                 "the artwork has no element “referral-%s-left-essential” and "
                 "“referral-%s-right-essential”", value, value);

  return TRUE;
}

static gboolean
check_region (SmContentContext  *context,
              const char        *value,
              const char        *path,
              GError           **error)
{
  if (artwork_has (context, "region", value, ""))
    return TRUE;

  return fail (error, SM_ATLAS_ERROR_UNKNOWN_SVG_ID, context, path,
               "the artwork has no element “region-%s-left” and “region-%s-right”",
               value, value);
}

static gboolean
check_reference (SmContentContext  *context,
                 const char        *value,
                 const char        *path,
                 GError           **error)
{
  if (g_strv_contains (sm_content_seed_names (), value) || g_strv_contains (textbooks, value))
    return TRUE;

  return fail (error, SM_ATLAS_ERROR_UNKNOWN_SOURCE, context, path,
               "“%s” is neither one of the seed articles nor a named reference", value);
}

/* Second pass, once every id of the set is known. A referral's or
 * region's own id (CHECK_ID) is checked like a reference to it. */
gboolean
_sm_referral_check_name (SmContentContext  *context,
                         int                kind,
                         FieldCheck         check,
                         const char        *value,
                         const char        *path,
                         GError           **error)
{
  if (check == CHECK_REFERENCE)
    return check_reference (context, value, path, error);
  if (check == CHECK_REGION || (check == CHECK_ID && kind == SM_CONTENT_REGION))
    return check_region (context, value, path, error);

  return check_referral (context, value, path, error);
}
