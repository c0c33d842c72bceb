/* sm-sheet-private.h: the routine sheet's body views, shared by
 * sm-sheet.c and sm-sheet-art.c, and what the tests may look at
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sm-badge-layout.h"
#include "sm-sheet.h"

G_BEGIN_DECLS

/* One zone and side on a body view, with every step that works on it. */
typedef struct
{
  char          *element;  /* zone-<id>-<side> */
  GArray        *numbers;  /* guint: the 1-based numbers of its steps */
  gboolean           deep;
  gboolean           found; /* whether the artwork has the element */
  cairo_rectangle_t  box;   /* its logical box at the SVG's intrinsic size */
} Mark;


/* One body view ready to draw: SmAnatomy's paper styles of the view
 * parsed and the marked muscles measured. The first parse takes as long
 * as laying out all the text, so a thread does it meanwhile (the marks are
 * only handed over, never shared while it runs). */
typedef struct
{
  const char *view;     /* "back" or "front" */
  GArray     *marks;
  GPtrArray  *elements; /* the marks' element ids, NULL-terminated */
  double      iw, ih;   /* intrinsic size */
  GError     *error;    /* set when the view could not be loaded */
  SmBadge    *badges;  /* where the numbers went, one per mark, last drawn */
  double      scale;   /* points per SVG unit they were placed for */
} ViewArt;


void        sm_sheet_mark_clear        (gpointer    mark);
void        sm_sheet_view_art_free     (gpointer    art);
gpointer    sm_sheet_load_art          (gpointer    art_array);
void        sm_sheet_start_parsing_back (void);

/* For tests: the badges of @view as last drawn (SVG units), and how many;
 * NULL before the sheet was drawn or when it does not show @view. */
const SmBadge *sm_sheet_get_badges     (SmSheet    *self,
                                        const char *view,
                                        guint      *n_badges,
                                        double     *scale);

G_END_DECLS
