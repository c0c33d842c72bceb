/* sm-large-surface.h: image surfaces for pictures of a whole screen.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *sm_large_surface_new (cairo_format_t format,
                                       int            width,
                                       int            height);

G_END_DECLS
