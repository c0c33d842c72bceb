/* sm-presenter-private.h: what sm-presenter.c and sm-presenter-labels.c
 * share
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-pose-picture.h"

#include "sm-presenter-layout.h"
#include "sm-presenter.h"

G_BEGIN_DECLS

#define HEADLINE_MUSCLE   "piriformis"

typedef struct
{
  char *zone;
  char *side;   /* "left", "right" or "both" */
  char *tool;   /* (nullable) the tool the step works with */
} Step;

struct _SmPresenter
{
  GtkWidget        parent_instance;

  GtkWidget       *overlay;
  SmBodyMap       *map;
  GtkWidget       *marks;
  SmPainLayer     *pain_layer;
  GtkWidget       *caption;
  GtkWidget       *controls;
  GtkWidget       *elsewhere_button;
  GtkLabel        *step_label;
  GtkLabel        *title_label;
  GtkLabel        *sentence_label;
  SmPosePicture   *picture;        /* the current step's position */

  SmRoutine       *routine;        /* (nullable) whose steps these are */
  GSignalGroup    *routine_signals; /* follows the routine's ::changed */
  GArray          *steps;          /* Step */
  int              step;           /* -1: none shown yet */
  gboolean         stepping;       /* the selection change is ours */
  gboolean         both_sides;     /* the step covers both sides */
  gboolean         framing;        /* the start zoom is still to be set */
  gboolean         setting_frame;  /* the zoom and centre change is ours */
  gboolean         auto_framed;    /* the zoom and centre are still the start's */
  int              framed_width;   /* the map's size they were set for */
  int              framed_height;
  GdkFrameClock   *framing_clock;  /* (nullable) whose layout phase sets it */
  gulong           framing_id;

  GtkWidget       *pulse;          /* sized to pulse_mask, under the marks */
  cairo_surface_t *pulse_mask;     /* the selection's outline, widget px */
  double           pulse_x;
  double           pulse_y;
  GdkRectangle     pulse_box;      /* the pulse widget's allocation */
  double           pulse_alpha;
  guint            tick_id;

  GPtrArray       *labels;         /* texts of the labels on show */
  GHashTable      *label_widgets;  /* muscle id → GtkLabel */
  GArray          *placements;     /* SmLabelPlacement of the labels on show */
  GArray          *scratch;        /* SmLabelPlacement, one per request */
  cairo_rectangle_t caption_box;
  gboolean         laid_out;
  guint            layout_id;
  int              font_px;
  GtkWidget       *suggestions;    /* sm-presenter-suggestions.c, the caption's last line */
};

gboolean  sm_presenter_is_muscle           (GtkWidget     *child);

/* sm-presenter-labels.c */
void      sm_presenter_create_labels       (SmPresenter   *self);
void      sm_presenter_schedule_layout     (SmPresenter   *self);
void      sm_presenter_draw_leaders        (SmPresenter   *self,
                                            cairo_t       *cr);
gboolean  sm_presenter_place_pulse         (SmPresenter   *self,
                                            GtkAllocation *allocation);
gboolean  sm_presenter_get_child_position  (GtkOverlay    *overlay,
                                            GtkWidget     *widget,
                                            GtkAllocation *allocation,
                                            SmPresenter   *self);

G_END_DECLS
