/* sm-presenter-suggestions.c: the muscles that may cause the pain the
 * therapist marks, beside the map in presenter mode
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter"

#include "config.h"

#include "sm-presenter-private.h"

/* A card in the top right corner of the overlay, where neither the zone
 * labels (placed around the body) nor the caption (at the bottom) go; the
 * overlay places it by its alignment. Created the first time it is needed. */
static GtkWidget *
ensure_card (SmPresenter *self)
{
  if (self->suggestions == NULL)
    {
      self->suggestions = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->suggestions), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (self->suggestions), 32);
      gtk_label_set_xalign (GTK_LABEL (self->suggestions), 0);
      gtk_widget_set_halign (self->suggestions, GTK_ALIGN_END);
      gtk_widget_set_valign (self->suggestions, GTK_ALIGN_START);
      gtk_widget_set_margin_top (self->suggestions, 24);
      gtk_widget_set_margin_end (self->suggestions, 24);
      gtk_widget_set_can_target (self->suggestions, FALSE);
      gtk_widget_add_css_class (self->suggestions, "presenter-caption");
      gtk_widget_add_css_class (self->suggestions, "presenter-suggestions");
      gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->suggestions);
    }
  return self->suggestions;
}

void
sm_presenter_set_suggestions (SmPresenter *self,
                              const char  *text)
{
  gboolean show;

  g_return_if_fail (SM_IS_PRESENTER (self));

  show = text != NULL && *text != '\0';
  if (!show && self->suggestions == NULL)
    return;
  gtk_label_set_label (GTK_LABEL (ensure_card (self)), show ? text : "");
  gtk_widget_set_visible (self->suggestions, show);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->suggestions),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, show ? text : "", -1);
}

const char *
sm_presenter_get_suggestions (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  if (self->suggestions == NULL || !gtk_widget_get_visible (self->suggestions))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->suggestions));
}
