/* sm-anatomy.h: the body artwork, parsed once, rendered anywhere
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sm-svg-index.h"

G_BEGIN_DECLS

/*
 * SmAnatomy is the rendering layer over the two anatomy SVGs
 * (`anatomy/body-back.svg` and `anatomy/body-front.svg` in the GResource).
 * It uses cairo and librsvg only, so the body map, the routine sheet (PDF
 * and print) and presenter mode all share it.
 *
 * Views are named "back" and "front". Element ids are the SVG ids of the
 * artwork contract (`zone-piriformis-left`, `layer-deep`,
 * `overlay-nerves`, `caution-spine`, …); a top-level group is an element
 * too, so rendering "layer-deep" renders that layer.
 *
 * Coordinates: every geometry answer is in the SVG's user units at its
 * intrinsic size (the viewBox, 800 × 1600 for the contract). To draw at
 * another size, pass a viewport: the rectangle, in the cairo context's
 * user space, that the whole document is fitted into. A viewport of
 * (x, y, w, h) maps SVG point (u, v) to (x + u * w / vw, y + v * h / vh).
 *
 * Each SVG is parsed once per style (one handle per style, because
 * librsvg stylesheets accumulate on a handle and cannot be removed): the
 * screen's styles at construction, the paper styles when first drawn. A
 * marked drawing (a sheet's figure: two looks, chosen per zone) has one
 * handle, parsed for its marks when first drawn and again only for other
 * marks; nothing else parses again afterwards. sm_anatomy_get_parse_count()
 * lets a test check that. Each handle is parsed and used under a lock of
 * its own, so a thread may prepare or measure a view while another draws.
 */

/**
 * SmAnatomyStyle:
 * @SM_ANATOMY_STYLE_ART: the artwork's own colours; caution areas are
 *   displayed when their group or element is rendered on its own.
 * @SM_ANATOMY_STYLE_SILHOUETTE: opaque black shape (fill and outline
 *   stroke), fibres hidden. Use it as a mask to tint an element in any
 *   colour.
 * @SM_ANATOMY_STYLE_OUTLINE: a thick solid black outline, no fill; a mask
 *   for hover and selection outlines.
 * @SM_ANATOMY_STYLE_DASHED: a thin dashed black outline, no fill; a mask for
 *   shapes seen through others and for the focus ring.
 * @SM_ANATOMY_STYLE_PAPER: the printed sheet's figure: muscles pale and
 *   without fibres; landmarks, press points and caution areas left out.
 * @SM_ANATOMY_STYLE_PAPER_MARKED: a muscle the sheet's routine works on:
 *   warm fill (darker on the deep layer), dark outline, fibres shown.
 */
typedef enum
{
  SM_ANATOMY_STYLE_ART,
  SM_ANATOMY_STYLE_SILHOUETTE,
  SM_ANATOMY_STYLE_OUTLINE,
  SM_ANATOMY_STYLE_DASHED,
  SM_ANATOMY_STYLE_PAPER,
  SM_ANATOMY_STYLE_PAPER_MARKED,
  SM_ANATOMY_N_STYLES,
} SmAnatomyStyle;

/**
 * SmAnatomyIdMap:
 * @x: the column of the view's pixels where @ids starts
 * @y: the row of the view's pixels where @ids starts
 * @width: columns of @ids
 * @height: rows of @ids
 * @scale: pixels per SVG unit; pixel (i, j) of @ids covers SVG units
 *   [(x + i) / scale, (x + i + 1) / scale) × [(y + j) / scale, (y + j + 1) / scale)
 * @ids: one byte per pixel, row-major: 0 where no listed element is, else
 *   1 + the index in @elements of the element drawn on top there
 * @elements: (element-type utf8): the element ids, in the order given
 *
 * A hit-test map: every listed element's shape, where it covers at least
 * half a pixel, holding its index. It covers the listed elements' bounds,
 * not the whole view. A lookup is a few multiplications and one byte read.
 */
typedef struct
{
  int        x;
  int        y;
  int        width;
  int        height;
  double     scale;
  guint8    *ids;
  GPtrArray *elements;
} SmAnatomyIdMap;

#define SM_TYPE_ANATOMY (sm_anatomy_get_type ())

G_DECLARE_FINAL_TYPE (SmAnatomy, sm_anatomy, SM, ANATOMY, GObject)

/* Loads both views from the GResource; the default instance is shared. */
SmAnatomy      *sm_anatomy_new               (GError          **error);
SmAnatomy      *sm_anatomy_get_default       (void);
void            sm_anatomy_default_parse_on_demand (void);
guint           sm_anatomy_get_parse_count   (void);
void            sm_anatomy_cache_bounds      (SmAnatomy        *self,
                                              const char       *view,
                                              const char       *prefix);
gboolean        sm_anatomy_ensure_style      (SmAnatomy        *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              GError          **error);
gboolean        sm_anatomy_parses_on_demand  (SmAnatomy        *self);
void            sm_anatomy_release_style     (SmAnatomy        *self,
                                              const char       *view,
                                              SmAnatomyStyle    style);

/* The views an SmAnatomy knows, "back" then "front". */
const char * const *sm_anatomy_list_views    (SmAnatomy        *self);
SmSvgIndex     *sm_anatomy_get_index         (SmAnatomy        *self,
                                              const char       *view);
const char     *sm_anatomy_find_view         (SmAnatomy        *self,
                                              const char       *element_id);
void            sm_anatomy_get_size          (SmAnatomy        *self,
                                              const char       *view,
                                              double           *width,
                                              double           *height);
/* SVG units: how far the strokes of the outline and dashed looks reach
 * beyond an element's sm_anatomy_get_bounds () (test-anatomy-baked). */
#define SM_ANATOMY_OUTLINE_PAD 8.0

gboolean        sm_anatomy_get_bounds        (SmAnatomy        *self,
                                              const char       *view,
                                              const char       *element_id,
                                              cairo_rectangle_t *bounds);
gboolean        sm_anatomy_get_logical_bounds (SmAnatomy       *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              const char       *element_id,
                                              cairo_rectangle_t *bounds);

gboolean        sm_anatomy_render_view       (SmAnatomy        *self,
                                              const char       *view,
                                              cairo_t          *cr,
                                              const cairo_rectangle_t *viewport,
                                              GError          **error);
gboolean        sm_anatomy_render_element    (SmAnatomy        *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              const char       *element_id,
                                              cairo_t          *cr,
                                              const cairo_rectangle_t *viewport,
                                              GError          **error);
gboolean        sm_anatomy_render_marked_view (SmAnatomy       *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              SmAnatomyStyle    marked_style,
                                              const char * const *marked,
                                              cairo_t          *cr,
                                              const cairo_rectangle_t *viewport,
                                              GError          **error);
gboolean        sm_anatomy_render_marked_element (SmAnatomy    *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              SmAnatomyStyle    marked_style,
                                              const char * const *marked,
                                              const char       *element_id,
                                              cairo_t          *cr,
                                              const cairo_rectangle_t *viewport,
                                              GError          **error);
gboolean        sm_anatomy_ensure_marked     (SmAnatomy        *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              SmAnatomyStyle    marked_style,
                                              const char * const *marked,
                                              GError          **error);
gboolean        sm_anatomy_get_marked_logical_bounds (SmAnatomy *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              SmAnatomyStyle    marked_style,
                                              const char * const *marked,
                                              const char       *element_id,
                                              cairo_rectangle_t *bounds);

cairo_surface_t *sm_anatomy_render_mask      (SmAnatomy        *self,
                                              const char       *view,
                                              SmAnatomyStyle    style,
                                              const char       *element_id,
                                              double            origin_x,
                                              double            origin_y,
                                              double            scale,
                                              int               device_scale,
                                              double            padding,
                                              double           *x,
                                              double           *y,
                                              GError          **error);

SmAnatomyIdMap *sm_anatomy_build_id_map      (SmAnatomy        *self,
                                              const char       *view,
                                              GPtrArray        *element_ids,
                                              double            scale);
void            sm_anatomy_id_map_free       (SmAnatomyIdMap   *map);

/* Inline so that the body map's hit test costs a few instructions. */
static inline int
sm_anatomy_id_map_lookup (const SmAnatomyIdMap *map,
                          double                u,
                          double                v)
{
  double fi = u * map->scale - map->x;
  double fj = v * map->scale - map->y;
  int i = (int) fi;
  int j = (int) fj;

  if (fi < 0 || fj < 0 || i >= map->width || j >= map->height)
    return -1;

  return (int) map->ids[(gsize) j * map->width + i] - 1;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmAnatomyIdMap, sm_anatomy_id_map_free)

G_END_DECLS
