/* sm-search-result.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SM_TYPE_SEARCH_RESULT (sm_search_result_get_type ())

G_DECLARE_FINAL_TYPE (SmSearchResult, sm_search_result, SM, SEARCH_RESULT, GObject)

/* One hit of sm_atlas_search(): what the results list shows (title and
 * subtitle, translated) and the item it stands for. */

SmSearchResult *sm_search_result_new (const char *kind,
                                      const char *id,
                                      const char *title,
                                      const char *subtitle,
                                      GObject    *item);

const char *sm_search_result_get_kind     (SmSearchResult *self); /* "zone", "technique", "tool", "stretch" */
const char *sm_search_result_get_id       (SmSearchResult *self);
const char *sm_search_result_get_title    (SmSearchResult *self);
const char *sm_search_result_get_subtitle (SmSearchResult *self);
GObject    *sm_search_result_get_item     (SmSearchResult *self); /* SmZone, SmTechnique, SmTool or SmStretch */

G_END_DECLS
