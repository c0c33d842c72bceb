/* sm-content-schema.h: the shape of the content JSON files (private to the
 * content model)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sm-svg-index.h"

G_BEGIN_DECLS

typedef enum
{
  SM_CONTENT_ZONE,
  SM_CONTENT_TECHNIQUE,
  SM_CONTENT_TOOL,
  SM_CONTENT_STRETCH,
  SM_CONTENT_SAFETY,
  SM_CONTENT_CAUTION_AREA,
  SM_CONTENT_REFERRAL,     /* referrals.json: where a muscle sends pain */
  SM_CONTENT_REGION,       /* referrals.json: places a patient names */
  SM_CONTENT_NERVE,        /* referrals.json: the sciatic nerve's story */
  SM_CONTENT_SEARCH_WORDS, /* referrals.json: words search passes over */
  SM_CONTENT_N_KINDS
} SmContentKind;

/* What a validation pass knows about the whole content set. */
typedef struct
{
  const char *file;                        /* name used in messages */
  GHashTable *ids[SM_CONTENT_N_KINDS];     /* set of ids seen so far */
  SmSvgIndex *back;                        /* (nullable) artwork per view */
  SmSvgIndex *front;
  gboolean    check_references;            /* second pass */
  gboolean    skip_poses;                  /* printing only: poses not checked */
} SmContentContext;

typedef void (*SmContentItemFunc) (SmContentKind  kind,
                                   GObject       *item,
                                   JsonObject    *json,
                                   gpointer       user_data);
typedef void (*SmContentTextFunc) (const char    *path,
                                   const char    *msgid,
                                   gpointer       user_data);

const char          *sm_content_kind_name          (SmContentKind      kind);
const char * const  *sm_content_seed_names         (void);

gboolean             sm_content_load_json          (JsonParser        *parser,
                                                    GBytes            *bytes,
                                                    char             **message);
gboolean             sm_content_scan               (GBytes            *bytes,
                                                    const char        *file,
                                                    guint              max_depth,
                                                    guint              max_values,
                                                    GError           **error);
gboolean             sm_content_validate           (SmContentContext  *context,
                                                    JsonNode          *root,
                                                    GError           **error);
void                 sm_content_build              (JsonNode          *root,
                                                    SmContentItemFunc  func,
                                                    gpointer           user_data);
void                 sm_content_foreach_text       (JsonNode          *root,
                                                    SmContentTextFunc  func,
                                                    gpointer           user_data);

G_END_DECLS
