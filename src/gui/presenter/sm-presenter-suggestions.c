/* sm-presenter-suggestions.c: the muscles that may cause the pain the
 * therapist marks, beside the map in presenter mode
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter"

#include "config.h"

#include "sm-presenter-private.h"

/* The last line of the caption card: the card is placed as a whole, away
 * from the selection and the labels, so the suggestions never cover
 * anything; it is shown whenever presenter mode is. Created the first
 * time it is needed. */
static GtkWidget *
ensure_card (SmPresenter *self)
{
  if (self->suggestions == NULL)
    {
      self->suggestions = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (self->suggestions), TRUE);
      gtk_label_set_xalign (GTK_LABEL (self->suggestions), 0);
      gtk_widget_set_margin_top (self->suggestions, 6);
      gtk_widget_add_css_class (self->suggestions, "presenter-suggestions");
      gtk_box_append (GTK_BOX (self->caption), self->suggestions);
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
  /* The card changed size: place it again. */
  sm_presenter_schedule_layout (self);
}

const char *
sm_presenter_get_suggestions (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  if (self->suggestions == NULL || !gtk_widget_get_visible (self->suggestions))
    return NULL;
  return gtk_label_get_label (GTK_LABEL (self->suggestions));
}
