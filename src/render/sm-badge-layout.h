/* sm-badge-layout.h: where the step numbers go on a body view
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sm-routine.h"

G_BEGIN_DECLS

/*
 * The body map and the routine sheet number the routine's muscles with
 * badges. Both place them here, from the muscles' own outlines in the
 * artwork (the `path.muscle` of each `zone-<muscle>-<side>` group): each
 * badge goes where its muscle is visible — not under a muscle drawn over
 * it — as near the middle of that part as it fits whole, and clear of the
 * badges placed before it. Deep muscles that carry a badge count as drawn
 * on top (the sheet draws them again over the others; on the map they are
 * what the badge points at).
 *
 * Geometry is in SVG units at the artwork's intrinsic size.
 */

typedef struct
{
  const char *element;  /* zone-<muscle>-<side>; not owned */
  double      rx, ry;   /* half the badge's width and height */
  double      u, v;     /* out: the badge's centre */
  gboolean    placed;   /* out: FALSE when the artwork has no such zone */
} SmBadge;

gboolean  sm_badge_layout_place           (const char   *view,
                                           SmBadge      *badges,
                                           guint         n_badges);
void      sm_badge_layout_prepare         (const char   *view,
                                           const char * const *elements);
void      sm_badge_layout_read_outlines   (const char   *view);

char     *sm_badge_compact_label          (const guint  *numbers,
                                           guint         n_numbers);
char     *sm_badge_compact_label_for_list (const char   *list);

GHashTable *sm_badge_dup_step_labels       (SmRoutine    *routine);

G_END_DECLS
