/* sm-map-badges.h: the routine's step numbers on the body map
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-badge-layout.h"

G_BEGIN_DECLS

typedef struct _SmMapBadges SmMapBadges;

SmMapBadges   *sm_map_badges_new        (void);
void           sm_map_badges_free       (SmMapBadges *self);
void           sm_map_badges_invalidate (SmMapBadges *self);
void           sm_map_badges_update     (SmMapBadges *self,
                                         GtkWidget   *widget,
                                         SmAnatomy   *anatomy,
                                         const char  *view,
                                         double       scale,
                                         GHashTable  *numbers);
void           sm_map_badges_snapshot   (SmMapBadges *self,
                                         GtkSnapshot *snapshot,
                                         double       origin_x,
                                         double       origin_y,
                                         double       scale);
const SmBadge *sm_map_badges_get        (SmMapBadges *self,
                                         guint       *n_badges);

G_END_DECLS
