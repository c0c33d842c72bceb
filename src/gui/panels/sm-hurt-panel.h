/* sm-hurt-panel.h: "Where does it hurt?": the muscles that may cause the
 * pain drawn on the map
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-pain-drawing.h"

G_BEGIN_DECLS

#define SM_TYPE_HURT_PANEL (sm_hurt_panel_get_type ())

G_DECLARE_FINAL_TYPE (SmHurtPanel, sm_hurt_panel, SM, HURT_PANEL, GtkWidget)

/* ::suggestions-changed: the list was ranked again. */
GtkWidget     *sm_hurt_panel_new              (void);
/* The drawing to follow: the list is ranked again on every change. */
void           sm_hurt_panel_set_drawing      (SmHurtPanel   *self,
                                               SmPainDrawing *drawing);
SmPainDrawing *sm_hurt_panel_get_drawing      (SmHurtPanel   *self);
/* The sciatic nerve's story above the list (search for "sciatica"). */
void           sm_hurt_panel_set_show_story   (SmHurtPanel   *self,
                                               gboolean       show);
/* (transfer none) (element-type SmReferralMatch) the muscles listed, best
 * first. */
GPtrArray     *sm_hurt_panel_get_suggestions  (SmHurtPanel   *self);
gboolean       sm_hurt_panel_get_nerve_shown  (SmHurtPanel   *self);
void           sm_hurt_panel_focus_first      (SmHurtPanel   *self);

/* "left", "right" or "both": the side a match was found on. */
const char    *sm_hurt_panel_match_side       (gconstpointer  match);

G_END_DECLS
