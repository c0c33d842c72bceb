/* sm-test-map.h: a body map alone in a window, for the map's tests.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-body-map.h"
#include "sm-map-zone.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWindow *window;
  SmBodyMap *map;
  guint      parses;  /* SVG parses when the test began */
} SmMapFixture;

void       sm_map_fixture_set_up      (SmMapFixture  *fixture,
                                       gconstpointer  data);
void       sm_map_fixture_tear_down   (SmMapFixture  *fixture,
                                       gconstpointer  data);
void       sm_map_fixture_wait_frames (SmMapFixture  *fixture);
void       sm_map_fixture_resize      (SmMapFixture  *fixture,
                                       int            width,
                                       int            height);
void       sm_map_wait_size           (GtkWidget     *widget,
                                       int            width,
                                       int            height);
SmMapZone *sm_map_find_zone_widget    (SmBodyMap     *map,
                                       const char    *element_id);
void       sm_map_record_activation   (SmBodyMap     *map,
                                       const char    *zone,
                                       const char    *side,
                                       char         **out);
gboolean   sm_map_ink_by_every_pixel  (cairo_surface_t       *surface,
                                       cairo_rectangle_int_t *box);

G_END_DECLS
