/* sm-body-map.h: the interactive body map
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-badge-layout.h"

G_BEGIN_DECLS

#define SM_TYPE_BODY_MAP (sm_body_map_get_type ())

G_DECLARE_FINAL_TYPE (SmBodyMap, sm_body_map, SM, BODY_MAP, GtkWidget)

/* Properties: "view" ("back"/"front"), "side-filter" ("left"/"right"/
 * "both"), "layer" ("superficial"/"deep"), "selected-zone" (content id
 * such as "piriformis", or NULL), "selected-side", "zoom" (1 = fit),
 * "show-nerves", "show-landmarks", "show-press-points", "show-cautions".
 * Signal: zone-activated (const char *zone, const char *side), emitted
 * when a person clicks or activates a zone; transform-changed, emitted
 * when zoom, pan or size move the figure (layers drawn over the map follow
 * it with sm_body_map_svg_to_widget). Actions: map.zoom-in,
 * map.zoom-out, map.zoom-reset, map.zoom-to-selection,
 * map.clear-selection. */

GtkWidget  *sm_body_map_new                 (void);

const char *sm_body_map_get_view            (SmBodyMap  *self);
void        sm_body_map_set_view            (SmBodyMap  *self,
                                             const char *view);
const char *sm_body_map_get_side_filter     (SmBodyMap  *self);
void        sm_body_map_set_side_filter     (SmBodyMap  *self,
                                             const char *side);
const char *sm_body_map_get_layer           (SmBodyMap  *self);
void        sm_body_map_set_layer           (SmBodyMap  *self,
                                             const char *layer);
double      sm_body_map_get_zoom            (SmBodyMap  *self);
void        sm_body_map_set_zoom            (SmBodyMap  *self,
                                             double      zoom);

const char *sm_body_map_get_selected_zone   (SmBodyMap  *self);
const char *sm_body_map_get_selected_side   (SmBodyMap  *self);
gboolean    sm_body_map_select_zone         (SmBodyMap  *self,
                                             const char *zone,
                                             const char *side);
void        sm_body_map_clear_selection     (SmBodyMap  *self);
void        sm_body_map_set_emphasis        (SmBodyMap          *self,
                                             const char * const *element_ids);
const char * const *sm_body_map_get_emphasis (SmBodyMap         *self);
/* Where the muscle @zone_id can send pain, drawn over the map (essential
 * solid, spillover lighter, both hatched); NULL hides it. @side: "left",
 * "right" or NULL for both. */
void        sm_body_map_set_referral        (SmBodyMap          *self,
                                             const char         *zone_id,
                                             const char         *side);
const char *sm_body_map_get_referral        (SmBodyMap          *self);
void        sm_body_map_zoom_to_selection   (SmBodyMap  *self);
void        sm_body_map_set_centre          (SmBodyMap  *self,
                                             double      u,
                                             double      v);

/* Hit testing, in widget coordinates: the SVG id of the zone or visible
 * caution area under the point, or NULL. */
const char *sm_body_map_pick                (SmBodyMap  *self,
                                             double      x,
                                             double      y);
void        sm_body_map_svg_to_widget       (SmBodyMap  *self,
                                             double      u,
                                             double      v,
                                             double     *x,
                                             double     *y);
void        sm_body_map_widget_to_svg       (SmBodyMap  *self,
                                             double      x,
                                             double      y,
                                             double     *u,
                                             double     *v);
double      sm_body_map_get_scale           (SmBodyMap  *self);
guint       sm_body_map_get_base_render_count (SmBodyMap *self);
void        sm_body_map_predraw         (SmBodyMap  *self,
                                         int         width,
                                         int         height);
guint       sm_body_map_get_predrawn_count (SmBodyMap *self);

void        sm_body_map_set_step_numbers    (SmBodyMap  *self,
                                             GHashTable *numbers);
const SmBadge *sm_body_map_get_step_badges (SmBodyMap  *self,
                                            guint      *n_badges);

G_END_DECLS
