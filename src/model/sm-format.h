/* sm-format.h: numbers, sides and sentences in words.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *sm_format_clock     (guint               seconds);
char       *sm_format_duration  (guint               seconds);
char       *sm_format_step_of   (guint               position,
                                 guint               n_steps);
char       *sm_format_zone_side (const char         *title,
                                 const char         *side);
const char *sm_format_side      (const char         *side);
char       *sm_join_sentences   (const char * const *sentences);

char       *sm_format_picture         (const char  *description,
                                       const char  *side);

G_END_DECLS
