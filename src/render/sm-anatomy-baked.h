/* sm-anatomy-baked.h: what the build and the app share about the body
 * artwork: the looks' style sheets, how a handle is parsed and measured,
 * and the bounds and index the build measures ahead (sm-bake-anatomy.c)
 * so that the app's start-up need not parse the silhouettes to place its
 * zones, nor the file to know its ids.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <librsvg/rsvg.h>

#include "sm-anatomy.h"
#include "sm-svg-index.h"

G_BEGIN_DECLS

/* In a style sheet, the selector of the zones the style is for: every
 * zone (".zone") when the style has a handle of its own, one zone's id
 * when a marked drawing scopes the sheet to its marks. */
#define SM_ANATOMY_ZONE_SCOPE "@zone"

/* The baked bounds in the GResource: per view its name, a checksum
 * of the SVG they were measured on, each element's ink box and the file's
 * index (sm_svg_index_serialize ()). */
#define SM_ANATOMY_BAKED_PATH RESOURCE_BASE "/anatomy/bounds.gvariant"
#define SM_ANATOMY_BAKED_TYPE "a(ssa(sdddd)" SM_SVG_INDEX_VARIANT_TYPE ")"

char          *_sm_anatomy_scope_style_sheet  (guint              style,
                                               const char        *scope);
RsvgHandle    *_sm_anatomy_parse_handle       (GBytes            *bytes,
                                               const char        *path,
                                               const char        *css,
                                               GError           **error);
gboolean       _sm_anatomy_handle_size        (RsvgHandle        *rsvg,
                                               const char        *path,
                                               double            *width,
                                               double            *height,
                                               GError           **error);
gboolean       _sm_anatomy_handle_geometry    (RsvgHandle        *rsvg,
                                               double             width,
                                               double             height,
                                               const char        *element_id,
                                               RsvgRectangle     *ink,
                                               RsvgRectangle     *logical);

gboolean       _sm_anatomy_style_is_paper     (guint              style);
GBytes        *_sm_anatomy_paper_source       (GBytes            *svg,
                                               const char        *path);

GVariant      *_sm_anatomy_bake_view          (const char        *name,
                                               GBytes            *svg,
                                               const char        *path,
                                               GError           **error);
gboolean       _sm_anatomy_baked_view         (const char        *name,
                                               GBytes            *svg,
                                               GVariant         **bounds,
                                               GVariant         **index);

G_END_DECLS
