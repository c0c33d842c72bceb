/* sm-map-flash.h: the end-of-hold blink of the map's selection
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-body-map.h"

G_BEGIN_DECLS

void sm_map_flash_selection (SmBodyMap *map);
void sm_map_flash_stop      (SmBodyMap *map);

G_END_DECLS
