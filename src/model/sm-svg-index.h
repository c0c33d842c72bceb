/* sm-svg-index.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SM_SVG_INDEX_ERROR (sm_svg_index_error_quark ())

typedef enum
{
  SM_SVG_INDEX_ERROR_MALFORMED,
  SM_SVG_INDEX_ERROR_DUPLICATE_ID,
} SmSvgIndexError;

/* An index as sm_svg_index_serialize () writes it: each element with an
 * id, in document order, with its title and top-level group or nothing. */
#define SM_SVG_INDEX_VARIANT_TYPE "a(smsms)"

#define SM_TYPE_SVG_INDEX (sm_svg_index_get_type ())

G_DECLARE_FINAL_TYPE (SmSvgIndex, sm_svg_index, SM, SVG_INDEX, GObject)

GQuark       sm_svg_index_error_quark        (void);
SmSvgIndex  *sm_svg_index_new_from_bytes     (GBytes      *bytes,
                                              const char  *name,
                                              GError     **error);
SmSvgIndex  *sm_svg_index_new_from_resource  (const char  *path,
                                              GError     **error);
SmSvgIndex  *sm_svg_index_new_from_variant   (GVariant    *elements);
GVariant    *sm_svg_index_serialize          (SmSvgIndex  *self);
gboolean     sm_svg_index_has_id             (SmSvgIndex  *self,
                                              const char  *id);
const char  *sm_svg_index_get_title          (SmSvgIndex  *self,
                                              const char  *id);
const char  *sm_svg_index_get_group          (SmSvgIndex  *self,
                                              const char  *id);
GPtrArray   *sm_svg_index_list_ids           (SmSvgIndex  *self,
                                              const char  *prefix);

G_END_DECLS
