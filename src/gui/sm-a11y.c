/* sm-a11y.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-a11y"

#include "config.h"

#include "sm-a11y.h"

#define CLEANED_KEY "sm-a11y-cleaned"

/* Only a button whose label child carries the mnemonic gets its name from
 * that child (the labelled-by relation GtkButton sets); any other button
 * keeps the label property as its only name. */
static void
drop_own_label (GtkButton *button)
{
  if (gtk_button_get_use_underline (button) && gtk_button_get_label (button) != NULL &&
      GTK_IS_LABEL (gtk_button_get_child (button)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
clean_button (GtkButton *button)
{
  drop_own_label (button);
  if (g_object_get_data (G_OBJECT (button), CLEANED_KEY) != NULL)
    return;

  /* GtkButton sets the property again on each new label (Pause/Resume). */
  g_object_set_data (G_OBJECT (button), CLEANED_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "notify::label", G_CALLBACK (drop_own_label), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (drop_own_label), NULL);
}

void
sm_a11y_clean_mnemonic_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    clean_button (GTK_BUTTON (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sm_a11y_clean_mnemonic_names (child);
}
