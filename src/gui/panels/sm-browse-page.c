/* sm-browse-page.c: every zone, technique, tool and stretch as links
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-browse-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-browse-page.h"
#include "sm-panel-utils.h"

struct _SmBrowsePage
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;

  GtkLabel  *heat_label;
  GtkWidget *heat_heading;
  GtkWidget *heat_steps_box;
  GtkWidget *zones_list;
  GtkWidget *techniques_list;
  GtkWidget *tools_list;
  GtkWidget *stretches_list;
};

G_DEFINE_FINAL_TYPE (SmBrowsePage, sm_browse_page, GTK_TYPE_WIDGET)

GtkWidget *
sm_browse_page_new (void)
{
  return g_object_new (SM_TYPE_BROWSE_PAGE, NULL);
}

/* How one kind of item becomes a link row. The getters all take the item
 * and return a translated string. */
typedef const char *(*Getter) (gpointer item);

typedef struct
{
  const char *action;
  Getter      get_id;
  Getter      get_name;
  Getter      get_summary;
} RowKind;

static const RowKind zone_rows = {
  "win.show-zone", (Getter) sm_zone_get_id, (Getter) sm_zone_get_name, (Getter) sm_zone_get_summary,
};
static const RowKind technique_rows = {
  "win.show-technique", (Getter) sm_technique_get_id, (Getter) sm_technique_get_name,
  (Getter) sm_technique_get_summary,
};
static const RowKind tool_rows = {
  "win.show-tool", (Getter) sm_tool_get_id, (Getter) sm_tool_get_name, (Getter) sm_tool_get_summary,
};
static const RowKind stretch_rows = {
  "win.show-stretch", (Getter) sm_stretch_get_id, (Getter) sm_stretch_get_name,
  (Getter) sm_stretch_get_summary,
};

/* A zone opened from a list has no side yet; the window takes it from the
 * side filter. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  const RowKind *kind = user_data;
  const char *id = kind->get_id (item);
  GVariant *target = kind == &zone_rows ? g_variant_new ("(ss)", id, "")
                                        : g_variant_new_string (id);

  return sm_panel_link_row (kind->get_name (item), kind->get_summary (item), kind->action, target);
}

/* Heat before, stretches after: the heat advice opens the overview. */
static void
fill_heat (SmBrowsePage *self,
           SmAtlas      *atlas)
{
  SmSafety *safety = sm_atlas_get_safety (atlas);

  gtk_widget_set_visible (self->heat_heading, safety != NULL);
  if (safety == NULL)
    return;

  sm_panel_set_text (self->heat_label, sm_safety_get_heat_summary (safety));
  sm_panel_add_steps (self->heat_steps_box, sm_safety_get_heat_steps (safety));
}

static void
bind_atlas (SmBrowsePage *self)
{
  SmAtlas *atlas = sm_atlas_get_default ();

  fill_heat (self, atlas);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->zones_list), sm_atlas_get_zones (atlas),
                           create_row, (gpointer) &zone_rows, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->techniques_list), sm_atlas_get_techniques (atlas),
                           create_row, (gpointer) &technique_rows, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->tools_list), sm_atlas_get_tools (atlas),
                           create_row, (gpointer) &tool_rows, NULL);
  gtk_list_box_bind_model (GTK_LIST_BOX (self->stretches_list), sm_atlas_get_stretches (atlas),
                           create_row, (gpointer) &stretch_rows, NULL);
}

static void
sm_browse_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_BROWSE_PAGE);

  G_OBJECT_CLASS (sm_browse_page_parent_class)->dispose (object);
}

static void
sm_browse_page_class_init (SmBrowsePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_browse_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-browse-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, heat_heading);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, heat_label);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, heat_steps_box);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, zones_list);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, techniques_list);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, tools_list);
  gtk_widget_class_bind_template_child (widget_class, SmBrowsePage, stretches_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_browse_page_init (SmBrowsePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Browse"), -1);
  bind_atlas (self);
}
