/* sm-pain-layer.h: drawing pain over the body map
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-body-map.h"
#include "sm-pain-drawing.h"

G_BEGIN_DECLS

#define SM_TYPE_PAIN_LAYER (sm_pain_layer_get_type ())

G_DECLARE_FINAL_TYPE (SmPainLayer, sm_pain_layer, SM, PAIN_LAYER, GtkWidget)

/* Lies over an SmBodyMap (same allocation, in a GtkOverlay) and always
 * shows the strokes of its drawing for the map's view, following zoom and
 * pan. While "active" it takes the pointer: mouse, touch or stylus draw a
 * stroke of the chosen "kind" ("aching", "sharp", "burning", "numb") and
 * "intensity" (0–10), and a tool panel offers the kinds, the intensity,
 * undo (Ctrl+Z), clear and done. A gentle note appears when burning,
 * tingling or numbness runs down the back of a leg.
 *
 * Actions: pain.kind (s), pain.undo, pain.clear, pain.done. */

GtkWidget     *sm_pain_layer_new            (void);
SmBodyMap     *sm_pain_layer_get_map        (SmPainLayer   *self);
void           sm_pain_layer_set_map        (SmPainLayer   *self,
                                             SmBodyMap     *map);
SmPainDrawing *sm_pain_layer_get_drawing    (SmPainLayer   *self);
void           sm_pain_layer_set_drawing    (SmPainLayer   *self,
                                             SmPainDrawing *drawing);
void           sm_pain_layer_set_offer_save (SmPainLayer   *self,
                                             gboolean       offer);
gboolean       sm_pain_layer_get_active     (SmPainLayer   *self);
void           sm_pain_layer_set_active     (SmPainLayer   *self,
                                             gboolean       active);
gboolean       sm_pain_layer_get_note_shown (SmPainLayer   *self);

/* A stroke as if drawn by a pointer through these widget points. */
void           sm_pain_layer_draw_stroke    (SmPainLayer   *self,
                                             const double  *xy,
                                             guint          n_points);

G_END_DECLS
