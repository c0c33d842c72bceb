/* sm-test-svg.h: the anatomy SVGs as the tests read them — the bundled
 * resource parsed by librsvg, boxes and coverage masks at the artwork's
 * intrinsic size — shared by the artwork's tests.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include "sm-svg-index.h"

G_BEGIN_DECLS

/* librsvg 2.54 declares no autoptr cleanup for its handle. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RsvgHandle, g_object_unref)

typedef struct {
  cairo_surface_t *surface;
  const guint8    *data;
  int              stride;
} SmTestMask;

GBytes        *sm_test_svg_bytes                (const char        *view);
RsvgHandle    *sm_test_svg_handle               (const char        *view);
RsvgHandle    *sm_test_svg_handle_with_overlays (const char        *view);
SmSvgIndex    *sm_test_svg_index                (const char        *view);
RsvgRectangle  sm_test_svg_viewport             (RsvgHandle        *handle);
RsvgRectangle  sm_test_svg_box_or_empty         (RsvgHandle        *handle,
                                                 const char        *id);
RsvgRectangle  sm_test_svg_box                  (RsvgHandle        *handle,
                                                 const char        *id);
double         sm_test_svg_knee_y               (RsvgHandle        *handle);
SmTestMask     sm_test_svg_mask                 (RsvgHandle        *handle,
                                                 const char        *id);
gboolean       sm_test_mask_at                  (const SmTestMask  *mask,
                                                 int                x,
                                                 int                y);
double         sm_test_svg_fraction_inside      (RsvgHandle        *handle,
                                                 const char        *id,
                                                 const SmTestMask  *outer);

static inline double
sm_test_box_cx (RsvgRectangle r)
{
  return r.x + r.width / 2;
}

static inline double
sm_test_box_cy (RsvgRectangle r)
{
  return r.y + r.height / 2;
}

G_END_DECLS
