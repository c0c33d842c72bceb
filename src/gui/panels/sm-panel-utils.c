/* sm-panel-utils.c: small builders shared by the side-pane panels
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-panel-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-panel-utils.h"
#include "sm-paragraph.h"

/* Panels are refilled every time they show another item. The remove_all
 * functions of GtkBox and GtkListBox only arrived in GTK 4.12. */
void
sm_panel_clear (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

/* A newly filled panel starts at its top, not where the last one was left. */
void
sm_panel_scroll_to_top (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Shows a section heading and its content only when there is content. */
void
sm_panel_show_section (GtkWidget *heading,
                       GtkWidget *content,
                       gboolean   has_content)
{
  gtk_widget_set_visible (heading, has_content);
  gtk_widget_set_visible (content, has_content);
}

/* Body text: wraps at any pane width, and people can select it to copy a
 * step into a note or a message to their therapist. */
GtkWidget *
sm_panel_text (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

static GtkWidget *
make_subtitle (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static void
add_marked_line (GtkWidget  *box,
                 const char *mark,
                 GtkWidget  *text)
{
  /* A grid, not a horizontal box: a box asks its wrapping label for its
   * width at the row's height, which GTK 4.8 answers by laying the text
   * out a dozen times, in every allocation; a grid fixes the columns first
   * and asks only for the height at that width. */
  GtkWidget *row = gtk_grid_new ();
  GtkWidget *marker = gtk_label_new (mark);

  gtk_label_set_yalign (GTK_LABEL (marker), 0);
  gtk_widget_set_size_request (marker, 18, -1);
  gtk_label_set_xalign (GTK_LABEL (marker), 1);
  gtk_widget_add_css_class (marker, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (marker),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, mark, -1);

  gtk_grid_set_column_spacing (GTK_GRID (row), 8);
  gtk_grid_attach (GTK_GRID (row), marker, 0, 0, 1, 1);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (GTK_GRID (row), text, 1, 0, 1, 1);
  gtk_box_append (GTK_BOX (box), row);
}

void
sm_panel_add_bullets (GtkWidget          *box,
                      const char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    add_marked_line (box, "•", sm_panel_text (items[i]));
}

/* For a screen that is read through once, such as the first-run safety
 * screen: the items are paragraphs, which are laid out once but cannot be
 * selected (see sm-paragraph.c). */
void
sm_panel_add_read_bullets (GtkWidget          *box,
                           const char * const *items)
{
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    add_marked_line (box, "•", sm_paragraph_new (items[i]));
}

/* Numbered, because the order of the steps matters: position first, then
 * the tool, then the movement. */
void
sm_panel_add_steps (GtkWidget          *box,
                    const char * const *steps)
{
  for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u.", i + 1);

      add_marked_line (box, number, sm_panel_text (steps[i]));
    }
}

/* A link to another panel: an activatable list row that runs a window
 * action, so links work from the keyboard and read as one item to a screen
 * reader. Lives in a GtkListBox styled "boxed-list". */
GtkWidget *
sm_panel_link_row (const char *title,
                   const char *subtitle,
                   const char *action,
                   GVariant   *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_box_append (GTK_BOX (texts), title_label);
  if (subtitle != NULL && *subtitle != '\0')
    gtk_box_append (GTK_BOX (texts), make_subtitle (subtitle));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_add_css_class (box, "link-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle != NULL ? subtitle : "",
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);

  return row;
}

/* Hides a section's label when the content has nothing to say there, rather
 * than leaving an empty heading. */
void
sm_panel_set_text (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

/* Fills @list with links to @zones (a model of SmZone) and shows @heading
 * and @list when there are any. The side is left empty: the window picks it
 * from the side filter. */
void
sm_panel_fill_zone_links (GtkWidget  *heading,
                          GtkWidget  *list,
                          GListModel *zones)
{
  guint n = g_list_model_get_n_items (zones);

  sm_panel_clear (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);

      gtk_list_box_append (GTK_LIST_BOX (list),
                           sm_panel_link_row (sm_zone_get_name (zone), sm_zone_get_summary (zone),
                                              "win.show-zone",
                                              g_variant_new ("(ss)", sm_zone_get_id (zone), "")));
    }

  sm_panel_show_section (heading, list, n > 0);
}
