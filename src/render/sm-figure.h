/* sm-figure.h: drawing a pose — the person, the tool, the target muscle
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sm-pose.h"

G_BEGIN_DECLS

/* The picture's colours follow the body map's: skin and outline of the
 * artwork, the map's selection blue on the target. Dark and high-contrast
 * styles recolour it so that figure, tool and target stay apart. */
typedef enum
{
  SM_FIGURE_STYLE_LIGHT,          /* screen and paper */
  SM_FIGURE_STYLE_DARK,
  SM_FIGURE_STYLE_HIGH_CONTRAST,
  SM_FIGURE_STYLE_HIGH_CONTRAST_INVERSE,
  SM_FIGURE_N_STYLES
} SmFigureStyle;

typedef struct
{
  double red;
  double green;
  double blue;
} SmFigureColor;

typedef struct
{
  SmFigureColor skin;
  SmFigureColor skin_far;       /* the limbs on the other side */
  SmFigureColor outline;
  SmFigureColor target;
  SmFigureColor target_outline;
  SmFigureColor tool;
  SmFigureColor tool_outline;
  SmFigureColor ground;
  SmFigureColor furniture;
  SmFigureColor arrow;
  SmFigureColor halo;           /* under the arrow */
  double        outline_scale;  /* line weight against the light style's */
} SmFigurePalette;

const SmFigurePalette *sm_figure_get_palette      (SmFigureStyle       style);

/* The picture's width over its height, floor and wall included. */
double                 sm_figure_get_aspect       (const SmPoseFigure *figure);

/* Draws @figure fitted into @box (centred, aspect kept), mirrored for the
 * left side. Vector only: in a PDF it stays paths. */
void                   sm_figure_draw             (cairo_t                 *cr,
                                                   const SmPoseFigure      *figure,
                                                   gboolean                 mirrored,
                                                   SmFigureStyle            style,
                                                   const cairo_rectangle_t *box);

/* The same for a bundled pose by id and a side ("left", "right" or NULL
 * for the right); FALSE, drawing nothing, for an unknown pose. */
gboolean               sm_figure_draw_pose        (cairo_t                 *cr,
                                                   const char              *pose_id,
                                                   const char              *side,
                                                   SmFigureStyle            style,
                                                   const cairo_rectangle_t *box);

G_END_DECLS
