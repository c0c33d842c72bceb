/* sm-panel-utils.h: small builders shared by the side-pane panels
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       sm_panel_clear        (GtkWidget          *container);
void       sm_panel_scroll_to_top (GtkScrolledWindow *scroller);
void       sm_panel_show_section (GtkWidget          *heading,
                                  GtkWidget          *content,
                                  gboolean            has_content);
GtkWidget *sm_panel_text         (const char         *text);
void       sm_panel_add_bullets  (GtkWidget          *box,
                                  const char * const *items);
void       sm_panel_add_read_bullets (GtkWidget          *box,
                                      const char * const *items);
void       sm_panel_add_steps    (GtkWidget          *box,
                                  const char * const *steps);
GtkWidget *sm_panel_link_row     (const char         *title,
                                  const char         *subtitle,
                                  const char         *action,
                                  GVariant           *target);
void       sm_panel_set_text     (GtkLabel           *label,
                                  const char         *text);

void       sm_panel_fill_zone_links (GtkWidget       *heading,
                                     GtkWidget       *list,
                                     GListModel      *zones);

G_END_DECLS
