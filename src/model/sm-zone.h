/* sm-zone.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_ZONE (sm_zone_get_type ())

G_DECLARE_FINAL_TYPE (SmZone, sm_zone, SM, ZONE, SmContentItem)

/* A muscle zone of the body map. All text comes back translated; id, view,
 * layer, landmark and caution-area names are untranslated keys. */

const char         *sm_zone_get_id            (SmZone     *self);
const char         *sm_zone_get_name          (SmZone     *self);
const char         *sm_zone_get_view          (SmZone     *self); /* "back" or "front" */
const char         *sm_zone_get_layer         (SmZone     *self); /* "superficial" or "deep" */
gboolean            sm_zone_get_two_sided     (SmZone     *self);
const char         *sm_zone_get_summary       (SmZone     *self);
const char         *sm_zone_get_where         (SmZone     *self);
const char         *sm_zone_get_why           (SmZone     *self);
const char * const *sm_zone_get_find          (SmZone     *self); /* steps to find it on yourself */
const char         *sm_zone_get_presenter     (SmZone     *self);
const char         *sm_zone_get_pressure      (SmZone     *self);
guint               sm_zone_get_hold_seconds  (SmZone     *self);
const char * const *sm_zone_get_cautions      (SmZone     *self);
const char * const *sm_zone_get_landmarks     (SmZone     *self); /* e.g. "sacrum", "greater-trochanter" */
const char * const *sm_zone_get_caution_areas (SmZone     *self); /* e.g. "spine", "popliteal-fossa" */
const char * const *sm_zone_get_techniques    (SmZone     *self); /* technique ids */
GListModel         *sm_zone_get_tool_uses     (SmZone     *self); /* SmToolUse */
gpointer            sm_zone_get_tool_use      (SmZone     *self,
                                               const char *tool_id); /* (nullable) SmToolUse */
const char * const *sm_zone_get_synonyms      (SmZone     *self);
const char * const *sm_zone_get_sources       (SmZone     *self);

G_END_DECLS
