/* sm-window-journal.c: the Journal page in the side pane (Ctrl+J).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include "sm-window-private.h"

static void
show_journal_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->panel_stack, "journal");
  sm_journal_page_reload (self->journal_page);
  _sm_window_focus_first (GTK_WIDGET (self->journal_page));
}

void
_sm_window_class_journal_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SM_TYPE_JOURNAL_PAGE);
  gtk_widget_class_install_action (widget_class, "win.show-journal", NULL, show_journal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK,
                                       "win.show-journal", NULL);
}

/* The page joins the side pane's stack here, so the window's template
 * stays as it is. */
void
_sm_window_journal_init (SmWindow *self)
{
  self->journal_page = SM_JOURNAL_PAGE (sm_journal_page_new ());
  gtk_stack_add_named (self->panel_stack, GTK_WIDGET (self->journal_page), "journal");
}
