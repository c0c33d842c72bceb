/* sm-map-zone.h: one clickable area of the body map, as a real widget
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_MAP_ZONE (sm_map_zone_get_type ())

G_DECLARE_FINAL_TYPE (SmMapZone, sm_map_zone, SM, MAP_ZONE, GtkButton)

/* Answers whether a point in @zone's coordinates is on its exact shape. */
typedef gboolean (*SmMapZoneContainsFunc) (SmMapZone *zone,
                                           double     x,
                                           double     y,
                                           gpointer   user_data);

SmMapZone  *sm_map_zone_new              (const char            *view,
                                          const char            *element_id,
                                          const char            *label,
                                          SmMapZoneContainsFunc  contains,
                                          gpointer               user_data);
const char *sm_map_zone_get_view         (SmMapZone             *self);
const char *sm_map_zone_get_element_id   (SmMapZone             *self);
const char *sm_map_zone_get_muscle       (SmMapZone             *self);
const char *sm_map_zone_get_side         (SmMapZone             *self);
const char *sm_map_zone_get_label        (SmMapZone             *self);
gboolean    sm_map_zone_is_caution       (SmMapZone             *self);
void        sm_map_zone_set_label        (SmMapZone             *self,
                                          const char            *label);
GdkRGBA     sm_map_zone_get_color        (SmMapZone             *self);

G_END_DECLS
