/* sm-tool-panel.c: a massage tool, how to use it and what to avoid
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-tool-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-panel-utils.h"
#include "sm-pose-picture.h"
#include "sm-tool-panel.h"

struct _SmToolPanel
{
  GtkWidget          parent_instance;

  GtkWidget         *go_back_button;

  char              *tool_id;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkPicture        *picture;
  GtkWidget         *good_for_box;
  GtkWidget         *steps_box;
  GtkWidget         *cautions_box;
  GtkWidget         *cautions_list;
  GtkWidget         *gallery_heading;
  GtkWidget         *gallery;
  GtkSizeGroup      *gallery_pictures;  /* one column, so the names line up */
  GtkWidget         *zones_heading;
  GtkWidget         *zones_list;
};

G_DEFINE_FINAL_TYPE (SmToolPanel, sm_tool_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TOOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_tool_panel_new (void)
{
  return g_object_new (SM_TYPE_TOOL_PANEL, NULL);
}

const char *
sm_tool_panel_get_tool (SmToolPanel *self)
{
  g_return_val_if_fail (SM_IS_TOOL_PANEL (self), NULL);

  return self->tool_id;
}

static void
fill_picture (SmToolPanel *self,
              SmTool      *tool)
{
  const char *resource = sm_tool_get_illustration_resource (tool);
  g_autofree char *description = NULL;

  gtk_picture_set_resource (self->picture, resource);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), resource != NULL);

  /* Translators: alternative text of the tool picture; %s is the tool name */
  description = g_strdup_printf (_("Drawing: %s"), sm_tool_get_name (tool));
  gtk_picture_set_alternative_text (self->picture, description);
}

/* One button per muscle: the position drawn with its muscle marked, the
 * muscle's name; a click opens the muscle (left side, as drawn). */
static GtkWidget *
gallery_button (SmToolPanel *self,
                SmZone      *zone)
{
  SmToolUse *use = sm_zone_get_tool_use (zone, self->tool_id);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *picture = sm_pose_picture_new ();
  GtkWidget *label = gtk_label_new (sm_zone_get_name (zone));

  sm_pose_picture_set_size (SM_POSE_PICTURE (picture), 84);
  sm_pose_picture_set_side (SM_POSE_PICTURE (picture), "left");
  sm_pose_picture_set_item (SM_POSE_PICTURE (picture), G_OBJECT (use));
  gtk_size_group_add_widget (self->gallery_pictures, picture);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "pose-gallery-item");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-zone");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new ("(ss)", sm_zone_get_id (zone), "left"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sm_zone_get_name (zone), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  picture, NULL, -1);
  return button;
}

/* Returns the muscles left without a drawn use, which the plain list of
 * links below the gallery then names: each muscle shows once. */
static GListModel *
fill_gallery (SmToolPanel *self,
              GListModel  *zones)
{
  GListStore *rest = g_list_store_new (SM_TYPE_ZONE);
  guint n = g_list_model_get_n_items (zones), shown = 0;

  sm_panel_clear (self->gallery);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      /* Every use in the content has a pose (the content check sees to
       * it); one without would be named in the list instead. */
      if (sm_zone_get_tool_use (zone, self->tool_id) != NULL)
        {
          gtk_box_append (GTK_BOX (self->gallery), gallery_button (self, zone));
          shown++;
        }
      else
        g_list_store_append (rest, zone);
    }
  sm_panel_show_section (self->gallery_heading, self->gallery, shown > 0);
  return G_LIST_MODEL (rest);
}

static void
fill_panel (SmToolPanel *self,
            SmTool      *tool)
{
  const char * const *avoid = sm_tool_get_avoid (tool);
  g_autoptr(GListModel) zones = NULL;
  g_autoptr(GListModel) undrawn = NULL;

  gtk_label_set_label (self->title_label, sm_tool_get_name (tool));
  sm_panel_set_text (self->summary_label, sm_tool_get_summary (tool));
  fill_picture (self, tool);

  sm_panel_clear (self->good_for_box);
  sm_panel_add_bullets (self->good_for_box, sm_tool_get_good_for (tool));
  sm_panel_clear (self->steps_box);
  sm_panel_add_steps (self->steps_box, sm_tool_get_steps (tool));
  sm_panel_clear (self->cautions_list);
  sm_panel_add_bullets (self->cautions_list, avoid);
  gtk_widget_set_visible (self->cautions_box, avoid != NULL && avoid[0] != NULL);

  zones = sm_atlas_list_zones_for_tool (sm_atlas_get_default (), self->tool_id);
  undrawn = fill_gallery (self, zones);
  sm_panel_fill_zone_links (self->zones_heading, self->zones_list, undrawn);
  sm_panel_scroll_to_top (self->scroller);
}

void
sm_tool_panel_set_tool (SmToolPanel *self,
                        const char  *tool_id)
{
  SmTool *tool;

  g_return_if_fail (SM_IS_TOOL_PANEL (self));
  g_return_if_fail (tool_id != NULL);

  if (g_strcmp0 (self->tool_id, tool_id) == 0)
    return;

  g_free (self->tool_id);
  self->tool_id = g_strdup (tool_id);

  tool = sm_atlas_lookup_tool (sm_atlas_get_default (), tool_id);
  if (tool != NULL)
    fill_panel (self, tool);
  else
    gtk_label_set_label (self->title_label, tool_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

static void
sm_tool_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_TOOL_PANEL);
  g_clear_object (&SM_TOOL_PANEL (object)->gallery_pictures);

  G_OBJECT_CLASS (sm_tool_panel_parent_class)->dispose (object);
}

static void
sm_tool_panel_finalize (GObject *object)
{
  SmToolPanel *self = SM_TOOL_PANEL (object);

  g_clear_pointer (&self->tool_id, g_free);

  G_OBJECT_CLASS (sm_tool_panel_parent_class)->finalize (object);
}

static void
sm_tool_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmToolPanel *self = SM_TOOL_PANEL (object);

  switch (prop_id)
    {
    case PROP_TOOL:
      g_value_set_string (value, self->tool_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The focus comes in when the panel replaces the page whose link had it.
 * GTK would then pick the first focusable child by position, and a page
 * just shown has no positions yet: it picked a selectable "Avoid" line,
 * and a selectable label that takes the focus selects all its text. The
 * way in is the panel's own back button, as from the search. */
static gboolean
sm_tool_panel_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  SmToolPanel *self = SM_TOOL_PANEL (widget);

  if (gtk_widget_get_focus_child (widget) == NULL && direction != GTK_DIR_TAB_BACKWARD &&
      gtk_widget_is_sensitive (self->go_back_button) && gtk_widget_grab_focus (self->go_back_button))
    return TRUE;

  return GTK_WIDGET_CLASS (sm_tool_panel_parent_class)->focus (widget, direction);
}

static void
sm_tool_panel_class_init (SmToolPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_tool_panel_dispose;
  object_class->finalize = sm_tool_panel_finalize;
  object_class->get_property = sm_tool_panel_get_property;
  widget_class->focus = sm_tool_panel_focus;

  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-tool-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, go_back_button);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, picture);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, good_for_box);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, cautions_list);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, gallery_heading);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, gallery);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, zones_heading);
  gtk_widget_class_bind_template_child (widget_class, SmToolPanel, zones_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_tool_panel_init (SmToolPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->gallery_pictures = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tool"), -1);
}
