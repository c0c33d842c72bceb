/* sm-pain-painter.h: pain strokes in cairo, for the screen and the sheet
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sm-pain-drawing.h"

G_BEGIN_DECLS

/* Every kind has a colour and a pattern of its own, so the drawing reads in
 * grey print and for people who do not tell the colours apart: aching is
 * dashed, sharp or shooting a zigzag, burning or tingling dotted, numb a
 * row of empty rings. A soft band under the pattern grows with the intensity.
 * Everything is vector paths (nothing rasterised on the PDF). */

typedef struct
{
  double red;
  double green;
  double blue;
} SmPainColor;

SmPainColor sm_pain_kind_get_color    (SmPainKind          kind);

/* Paints the strokes of @drawing drawn on @view. @viewport is where the
 * whole view document goes in @cr's user space (as for SmAnatomy), and
 * @view_width the document's width in SVG units. */
void        sm_pain_paint_drawing     (SmPainDrawing      *drawing,
                                       const char         *view,
                                       cairo_t            *cr,
                                       const cairo_rectangle_t *viewport,
                                       double              view_width);
void        sm_pain_paint_stroke      (const SmPainStroke *stroke,
                                       cairo_t            *cr,
                                       const cairo_rectangle_t *viewport,
                                       double              view_width);

/* The width of the soft band under a stroke (SVG units): the area the
 * stroke covers, for sm-referral-rank.h. */
double      sm_pain_stroke_get_band_width (const SmPainStroke *stroke);

/* A short sample of @kind across @box, for buttons and the sheet's key. */
void        sm_pain_paint_swatch      (SmPainKind          kind,
                                       cairo_t            *cr,
                                       const cairo_rectangle_t *box);

G_END_DECLS
