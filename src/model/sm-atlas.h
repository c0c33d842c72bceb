/* sm-atlas.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-caution-area.h"
#include "sm-nerve.h"
#include "sm-referral.h"
#include "sm-region.h"
#include "sm-safety.h"
#include "sm-search-result.h"
#include "sm-search-words.h"
#include "sm-stretch.h"
#include "sm-svg-index.h"
#include "sm-technique.h"
#include "sm-tool-use.h"
#include "sm-tool.h"
#include "sm-zone.h"

G_BEGIN_DECLS

#define SM_ATLAS_ERROR (sm_atlas_error_quark ())

/* Every message names the file, the JSON path (zones[3].tools[1]) and the
 * problem. */
typedef enum
{
  SM_ATLAS_ERROR_PARSE,              /* not JSON at all */
  SM_ATLAS_ERROR_TOO_DEEP,           /* nested deeper than SM_ATLAS_MAX_DEPTH */
  SM_ATLAS_ERROR_UNKNOWN_KEY,
  SM_ATLAS_ERROR_MISSING_FIELD,
  SM_ATLAS_ERROR_WRONG_TYPE,
  SM_ATLAS_ERROR_INVALID_VALUE,      /* empty text, unknown view, hold time out of range… */
  SM_ATLAS_ERROR_DUPLICATE_ID,
  SM_ATLAS_ERROR_DANGLING_REFERENCE, /* e.g. a zone naming a tool that does not exist */
  SM_ATLAS_ERROR_UNKNOWN_SVG_ID,     /* zone, landmark or caution area missing from the artwork */
  SM_ATLAS_ERROR_UNKNOWN_SOURCE,     /* a source that is not one of the seed articles */
  SM_ATLAS_ERROR_DUPLICATE_KEY,      /* the same key twice in one object */
  SM_ATLAS_ERROR_TOO_LARGE,          /* more values than the raw scan allows */
} SmAtlasError;

#define SM_ATLAS_MAX_DEPTH 16

#define SM_TYPE_ATLAS (sm_atlas_get_type ())

G_DECLARE_FINAL_TYPE (SmAtlas, sm_atlas, SM, ATLAS, GObject)

GQuark              sm_atlas_error_quark        (void);

/* The bundled content (resources content/​*.json), loaded once, without
 * the checks the build made (sm_atlas_new_bundled_checked ()). Never NULL;
 * (transfer none). */
SmAtlas            *sm_atlas_get_default        (void);
/* Before the first sm_atlas_get_default(), in a process that shows no
 * body map: the default atlas is then not checked against the artwork,
 * and SVG ids it resolves are not checked either. */
void                sm_atlas_default_skip_artwork (void);
/* The bundled content loaded with every check a file a person gives
 * goes through, as the build does before the programs that trust it
 * link (src/sm-check-content.c). (transfer full) */
SmAtlas            *sm_atlas_new_bundled_checked (GError            **error);

/* @paths / @contents + @names: NULL-terminated. @back and @front are the
 * artwork the content must match; when NULL, SVG ids are not checked. */
SmAtlas            *sm_atlas_new_from_files     (const char * const  *paths,
                                                 SmSvgIndex          *back,
                                                 SmSvgIndex          *front,
                                                 GError             **error);
SmAtlas            *sm_atlas_new_from_bytes     (GBytes * const      *contents,
                                                 const char * const  *names,
                                                 SmSvgIndex          *back,
                                                 SmSvgIndex          *front,
                                                 GError             **error);

/* (transfer none) models in content order */
GListModel         *sm_atlas_get_zones          (SmAtlas     *self); /* SmZone */
GListModel         *sm_atlas_get_techniques     (SmAtlas     *self); /* SmTechnique */
GListModel         *sm_atlas_get_tools          (SmAtlas     *self); /* SmTool */
GListModel         *sm_atlas_get_stretches      (SmAtlas     *self); /* SmStretch */
SmSafety           *sm_atlas_get_safety         (SmAtlas     *self); /* (nullable) */

/* (transfer none) (nullable) */
SmZone             *sm_atlas_lookup_zone        (SmAtlas     *self,
                                                 const char  *id);
SmTechnique        *sm_atlas_lookup_technique   (SmAtlas     *self,
                                                 const char  *id);
SmTool             *sm_atlas_lookup_tool        (SmAtlas     *self,
                                                 const char  *id);
SmStretch          *sm_atlas_lookup_stretch     (SmAtlas     *self,
                                                 const char  *id);
/* referrals.json: where the zone @zone_id can send pain; a named region;
 * the nerve ("sciatic-nerve"). */
SmReferral         *sm_atlas_lookup_referral    (SmAtlas     *self,
                                                 const char  *zone_id);
SmRegion           *sm_atlas_lookup_region      (SmAtlas     *self,
                                                 const char  *id);
SmNerve            *sm_atlas_lookup_nerve       (SmAtlas     *self,
                                                 const char  *id);
GListModel         *sm_atlas_get_regions        (SmAtlas     *self); /* SmRegion */

/* (transfer full) zones that recommend the tool / technique, content order */
GListModel         *sm_atlas_list_zones_for_tool      (SmAtlas    *self,
                                                       const char *tool_id);
GListModel         *sm_atlas_list_zones_for_technique (SmAtlas    *self,
                                                       const char *technique_id);
/* (transfer full) stretches that help the zone */
GListModel         *sm_atlas_list_stretches_for_zone  (SmAtlas    *self,
                                                       const char *zone_id);

/* (transfer full) SVG element ids to emphasise for a zone on @side ("left"
 * or "right"): landmark-* and caution-* ids as they exist in the artwork. */
char              **sm_atlas_dup_landmark_ids   (SmAtlas     *self,
                                                 const char  *zone_id,
                                                 const char  *side);
char              **sm_atlas_dup_caution_ids    (SmAtlas     *self,
                                                 const char  *zone_id,
                                                 const char  *side);
/* The caution area an SVG element `caution-<id>[-left|-right]` shows. */
SmCautionArea      *sm_atlas_lookup_caution_area (SmAtlas    *self,
                                                  const char *element_id);

/* (transfer full) SmSearchResult, best first, ignoring case and accents,
 * in English and in the translation. Words like "pain" or "and" do not
 * count; a result needs the most query words any item matched. A word in
 * a name counts more than in a synonym, more than in the text (summary and
 * body words). The words of a named region (sm_atlas_find_regions()) lift
 * the muscles in @zone_boosts (zone id → weight 0…1, nullable) above
 * techniques. Empty query: empty model. */
GListModel         *sm_atlas_search             (SmAtlas     *self,
                                                 const char  *query);
GListModel         *sm_atlas_search_with_boosts (SmAtlas     *self,
                                                 const char  *query,
                                                 GHashTable  *zone_boosts);
/* (transfer full) the ids of the regions whose words @query contains,
 * NULL-terminated, content order; empty when none. */
char              **sm_atlas_find_regions       (SmAtlas     *self,
                                                 const char  *query);

/* The seed articles the content may cite, NULL-terminated. */
const char * const *sm_atlas_get_seed_names     (void);

G_END_DECLS
