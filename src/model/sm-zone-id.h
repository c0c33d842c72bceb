/* sm-zone-id.h: the SVG element ids of the zones ("zone-<muscle>-<side>").
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *sm_zone_id_build (const char  *zone,
                              const char  *side);
/* "zone-piriformis-left" → "piriformis" and "left"; FALSE for other ids. */
gboolean    sm_zone_id_split (const char  *element_id,
                              char       **muscle,
                              char       **side);
/* The side an element id ends with ("left"/"right"), or NULL. */
const char *sm_zone_id_side  (const char  *element_id);

G_END_DECLS
