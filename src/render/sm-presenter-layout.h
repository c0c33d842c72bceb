/* sm-presenter-layout.h: where presenter mode puts its labels and caption
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

#include "sm-anatomy.h"

G_BEGIN_DECLS

/* The element on top at widget point (x, y), or NULL: the map's hit test. */
typedef const char *(*SmPickFunc) (double x, double y, gpointer data);

/**
 * SmLabelScene:
 * What the labels must fit around, in widget pixels. The map draws SVG
 * point (u, v) at (origin_x + u * scale, origin_y + v * scale).
 * @obstacles: rectangles no label covers (press points, the controls, the
 *   map's toolbar); anchors keep off them too.
 * @selected: (nullable): the element id of the selected zone; no label
 *   covers its box.
 */
typedef struct
{
  SmAnatomy               *anatomy;
  const char              *view;
  double                   scale;
  double                   origin_x;
  double                   origin_y;
  int                      width;
  int                      height;
  const cairo_rectangle_t *obstacles;
  guint                    n_obstacles;
  const char              *selected;
  SmPickFunc               pick;
  gpointer                 pick_data;
} SmLabelScene;

/**
 * SmLabelRequest:
 * One label. @zones: the element ids it may point at (a muscle's two
 * sides), preferred first, up to a NULL. @width × @height: the text on one
 * line; @wrap_width × @wrap_height: on two (0 when it has no second form).
 * @required: placed inside the body when it fits nowhere outside.
 */
typedef struct
{
  const char *zones[3];
  double      width;
  double      height;
  double      wrap_width;
  double      wrap_height;
  gboolean    required;
} SmLabelRequest;

/**
 * SmLabelPlacement:
 * @placed: FALSE when the label fits nowhere (it is then not drawn).
 * @outside: the box lies beside the body, not on it.
 * @wrapped: the two-line form.
 * @box: the label, widget pixels.
 * @zone: the element the leader line points at.
 * @anchor_x, @anchor_y: where the leader ends, inside that zone's shape
 *   where the zone is the one on top.
 * @leader_x, @leader_y: where it leaves the label (on the box's edge).
 */
typedef struct
{
  gboolean           placed;
  gboolean           outside;
  gboolean           wrapped;
  cairo_rectangle_t  box;
  const char        *zone;
  double             anchor_x;
  double             anchor_y;
  double             leader_x;
  double             leader_y;
} SmLabelPlacement;

/* Of @n candidate caption boxes (preferred first), the index of the one
 * to use: off the selected zone, then on as little of the body as can be. */
guint     sm_presenter_layout_pick_caption (const SmLabelScene      *scene,
                                            const cairo_rectangle_t *candidates,
                                            guint                    n);

/* Places @n labels, greedily in the order given, around @caption
 * (nullable). @placements: n entries, written. */
void      sm_presenter_layout_place        (const SmLabelScene      *scene,
                                            const cairo_rectangle_t *caption,
                                            const SmLabelRequest    *requests,
                                            guint                    n,
                                            SmLabelPlacement        *placements);

/* The widget x of the body's leftmost and rightmost point between widget
 * rows @y0 and @y1; FALSE when the body has no point there. */
gboolean  sm_presenter_layout_body_span    (const SmLabelScene      *scene,
                                            double                   y0,
                                            double                   y1,
                                            double                  *left,
                                            double                  *right);

G_END_DECLS
