/* sm-presenter.h: the body map as a therapist shows it to a patient
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-body-map.h"
#include "sm-pain-layer.h"
#include "sm-presenter-layout.h"
#include "sm-routine.h"

G_BEGIN_DECLS

#define SM_TYPE_PRESENTER (sm_presenter_get_type ())

G_DECLARE_FINAL_TYPE (SmPresenter, sm_presenter, SM, PRESENTER, GtkWidget)

/* A full-screen map with its own SmBodyMap: large zone labels, the
 * selected zone's outline pulsing gently (still when animations are off),
 * landmarks and press points shown, and a caption with the zone's name and
 * its one plain sentence. With steps set, Page Down/Up, the arrow keys and
 * a presentation clicker walk through them ("Step 2 of 6").
 *
 * Actions: presenter.leave (Escape) emits ::leave; presenter.next and
 * presenter.previous step. ::caption-changed: the step, the selection or
 * the caption changed (the therapist's console follows it). */

GtkWidget  *sm_presenter_new             (void);
SmBodyMap  *sm_presenter_get_map         (SmPresenter        *self);

/* Shows the same view, side, layer and selection as @map. */
void        sm_presenter_copy_map        (SmPresenter        *self,
                                          SmBodyMap          *map);

void         sm_presenter_set_pain_drawing (SmPresenter     *self,
                                            SmPainDrawing   *drawing);
SmPainLayer *sm_presenter_get_pain_layer   (SmPresenter     *self);

void         sm_presenter_set_routine      (SmPresenter     *self,
                                            SmRoutine       *routine);

/* @zones and @sides: parallel, NULL-terminated; a side of "both" shows
 * the left one and says so. @tools (nullable, parallel, entries nullable):
 * the tool of each step, whose sentence the caption shows. NULL clears
 * the steps. */
void        sm_presenter_set_steps       (SmPresenter        *self,
                                          const char * const *zones,
                                          const char * const *sides,
                                          const char * const *tools);
guint       sm_presenter_get_n_steps     (SmPresenter        *self);
int         sm_presenter_get_step        (SmPresenter        *self);
void        sm_presenter_go_to_step      (SmPresenter        *self,
                                          int                 step);

SmRoutine  *sm_presenter_get_routine          (SmPresenter   *self);
char       *sm_presenter_dup_step_title       (SmPresenter   *self,
                                               int            index);
void        sm_presenter_set_offer_elsewhere  (SmPresenter   *self,
                                               const char    *monitor_name);

/* The muscles that may cause the pain marked, as the caption card's last
 * line ("May come from: …"); NULL or "" hides it
 * (sm-presenter-suggestions.c). */
void        sm_presenter_set_suggestions      (SmPresenter   *self,
                                               const char    *text);
const char *sm_presenter_get_suggestions      (SmPresenter   *self);

const char *sm_presenter_get_caption_title    (SmPresenter   *self);
const char *sm_presenter_get_caption_sentence (SmPresenter   *self);
const char *sm_presenter_get_step_text        (SmPresenter   *self);
gboolean    sm_presenter_is_pulsing           (SmPresenter   *self);

/* The labels on show, in the order they were placed. */
GPtrArray  *sm_presenter_dup_label_texts      (SmPresenter   *self);
/* Where they are (overlay coordinates), with their leader lines; valid
 * once sm_presenter_is_laid_out() (placement runs in an idle after the
 * map's geometry, the selection or the steps change). */
const SmLabelPlacement *sm_presenter_get_label_placements (SmPresenter *self,
                                                           guint       *n);
gboolean    sm_presenter_get_caption_box      (SmPresenter       *self,
                                               cairo_rectangle_t *box);
gboolean    sm_presenter_is_laid_out          (SmPresenter   *self);

G_END_DECLS
