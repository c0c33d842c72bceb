/* sm-history.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_TYPE_HISTORY (sm_history_get_type ())

G_DECLARE_FINAL_TYPE (SmHistory, sm_history, SM, HISTORY, GObject)

/* A place in the side pane: what kind of page ("welcome", "zone",
 * "technique", "tool", "stretch", "browse"), the item's id and, for zones,
 * the side. Empty strings where a part does not apply. */
#define SM_HISTORY_LOCATION_TYPE ((const GVariantType *) "(sss)")

SmHistory  *sm_history_new             (void);
void        sm_history_push            (SmHistory  *self,
                                        const char *page,
                                        const char *id,
                                        const char *side);
GVariant   *sm_history_get_current     (SmHistory  *self);
gboolean    sm_history_get_can_go_back (SmHistory  *self);
gboolean    sm_history_get_can_go_forward (SmHistory *self);
GVariant   *sm_history_go_back         (SmHistory  *self);
GVariant   *sm_history_go_forward      (SmHistory  *self);

G_END_DECLS
