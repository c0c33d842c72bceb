/* sm-body-map-referral.c: where the selected muscle can send pain, drawn
 * over the map ("Show where it can send pain")
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include "sm-body-map-private.h"
#include "sm-referral-rank.h"

void
sm_body_map_set_referral (SmBodyMap  *self,
                          const char *zone_id,
                          const char *side)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (g_strcmp0 (self->referral_zone, zone_id) == 0 && g_strcmp0 (self->referral_side, side) == 0)
    return;
  g_free (self->referral_zone);
  g_free (self->referral_side);
  self->referral_zone = g_strdup (zone_id);
  self->referral_side = g_strdup (side);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
sm_body_map_get_referral (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->referral_zone;
}

/* Over the base, under the selection's outline, so the muscle that sends
 * the pain stays marked on top of where the pain goes. Vector paths in one
 * cairo node: a few shapes, cheap to draw again on a change of zoom. */
void
_sm_body_map_snapshot_referral (SmBodyMap   *self,
                                GtkSnapshot *snapshot)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_rectangle_t viewport;
  cairo_t *cr;

  if (self->referral_zone == NULL || width <= 0 || height <= 0)
    return;

  viewport = _sm_body_map_get_viewport (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sm_referral_paint_pattern (self->anatomy, self->view, self->referral_zone, self->referral_side,
                             cr, &viewport);
  cairo_destroy (cr);
}
