/* sm-anatomy-private.h: what SmAnatomy's files share (sm-anatomy.c, the
 * views and their handles; sm-anatomy-marked.c, a view drawn in two looks).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <librsvg/rsvg.h>

#include "sm-anatomy-baked.h"

G_BEGIN_DECLS

typedef struct _SmAnatomyView SmAnatomyView;

SmAnatomyView *_sm_anatomy_lookup_view        (SmAnatomy         *self,
                                               const char        *name);
gboolean       _sm_anatomy_measure_bounds     (SmAnatomy         *self,
                                               const char        *view,
                                               SmAnatomyStyle     style,
                                               const char        *element_id,
                                               cairo_rectangle_t *bounds);
gboolean       _sm_anatomy_view_has_id        (SmAnatomyView     *view,
                                               const char        *element_id);

/* A handle, parsed if need be, with its lock held: release it with
 * _sm_anatomy_unlock (). NULL (and unlocked) on error. */
RsvgHandle    *_sm_anatomy_lock_style         (SmAnatomyView     *view,
                                               SmAnatomyStyle     style,
                                               GError           **error);
RsvgHandle    *_sm_anatomy_lock_custom        (SmAnatomyView     *view,
                                               const char        *key,
                                               const char        *css,
                                               gboolean           paper,
                                               GError           **error);
char          *_sm_anatomy_marked_style_sheet (SmAnatomyStyle     style,
                                               SmAnatomyStyle     marked_style,
                                               const char * const *marked);
void           _sm_anatomy_unlock             (SmAnatomyView     *view,
                                               RsvgHandle        *handle);

gboolean       _sm_anatomy_geometry_of        (SmAnatomyView     *view,
                                               RsvgHandle        *rsvg,
                                               const char        *element_id,
                                               RsvgRectangle     *ink,
                                               RsvgRectangle     *logical);
gboolean       _sm_anatomy_draw_with          (RsvgHandle        *rsvg,
                                               const char        *element_id,
                                               cairo_t           *cr,
                                               const cairo_rectangle_t *viewport,
                                               GError           **error);

G_END_DECLS
