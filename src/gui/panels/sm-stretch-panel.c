/* sm-stretch-panel.c: a stretch to do after the massage
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-stretch-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-panel-utils.h"
#include "sm-pose-picture.h"
#include "sm-stretch-panel.h"

struct _SmStretchPanel
{
  GtkWidget          parent_instance;

  char              *stretch_id;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *summary_label;
  GtkWidget         *why_heading;
  GtkLabel          *why_label;
  SmPosePicture     *picture;
  GtkWidget         *steps_box;
  GtkLabel          *hold_label;
  GtkWidget         *cautions_box;
  GtkWidget         *cautions_list;
  GtkWidget         *zones_heading;
  GtkWidget         *zones_list;
};

G_DEFINE_FINAL_TYPE (SmStretchPanel, sm_stretch_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STRETCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_stretch_panel_new (void)
{
  return g_object_new (SM_TYPE_STRETCH_PANEL, NULL);
}

const char *
sm_stretch_panel_get_stretch (SmStretchPanel *self)
{
  g_return_val_if_fail (SM_IS_STRETCH_PANEL (self), NULL);

  return self->stretch_id;
}

/* Stretches come after the massage; the atlas's advice says why. */
static void
fill_why (SmStretchPanel *self,
          SmAtlas        *atlas)
{
  SmSafety *safety = sm_atlas_get_safety (atlas);
  const char *why = safety != NULL ? sm_safety_get_stretch_summary (safety) : NULL;

  sm_panel_set_text (self->why_label, why);
  gtk_widget_set_visible (self->why_heading, why != NULL && *why != '\0');
}

static void
fill_hold (SmStretchPanel *self,
           SmStretch      *stretch)
{
  guint seconds = sm_stretch_get_hold_seconds (stretch);
  g_autofree char *hold = NULL;

  if (seconds > 0)
    hold = g_strdup_printf (ngettext ("Hold for %u second.", "Hold for %u seconds.", seconds),
                            seconds);
  sm_panel_set_text (self->hold_label, hold);
}

static GListModel *
list_zones (SmAtlas   *atlas,
            SmStretch *stretch)
{
  GListStore *zones = g_list_store_new (SM_TYPE_ZONE);
  const char * const *ids = sm_stretch_get_zones (stretch);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SmZone *zone = sm_atlas_lookup_zone (atlas, ids[i]);

      if (zone != NULL)
        g_list_store_append (zones, zone);
    }

  return G_LIST_MODEL (zones);
}

static void
fill_panel (SmStretchPanel *self,
            SmStretch      *stretch)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  const char * const *cautions = sm_stretch_get_cautions (stretch);
  g_autoptr(GListModel) zones = list_zones (atlas, stretch);

  gtk_label_set_label (self->title_label, sm_stretch_get_name (stretch));
  sm_panel_set_text (self->summary_label, sm_stretch_get_summary (stretch));
  fill_why (self, atlas);

  sm_pose_picture_set_item (self->picture, G_OBJECT (stretch));
  sm_panel_clear (self->steps_box);
  sm_panel_add_steps (self->steps_box, sm_stretch_get_steps (stretch));
  fill_hold (self, stretch);
  sm_panel_clear (self->cautions_list);
  sm_panel_add_bullets (self->cautions_list, cautions);
  gtk_widget_set_visible (self->cautions_box, cautions != NULL && cautions[0] != NULL);

  sm_panel_fill_zone_links (self->zones_heading, self->zones_list, zones);
  sm_panel_scroll_to_top (self->scroller);
}

void
sm_stretch_panel_set_stretch (SmStretchPanel *self,
                              const char     *stretch_id)
{
  SmStretch *stretch;

  g_return_if_fail (SM_IS_STRETCH_PANEL (self));
  g_return_if_fail (stretch_id != NULL);

  if (g_strcmp0 (self->stretch_id, stretch_id) == 0)
    return;

  g_free (self->stretch_id);
  self->stretch_id = g_strdup (stretch_id);

  stretch = sm_atlas_lookup_stretch (sm_atlas_get_default (), stretch_id);
  if (stretch != NULL)
    fill_panel (self, stretch);
  else
    gtk_label_set_label (self->title_label, stretch_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STRETCH]);
}

static void
sm_stretch_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_STRETCH_PANEL);

  G_OBJECT_CLASS (sm_stretch_panel_parent_class)->dispose (object);
}

static void
sm_stretch_panel_finalize (GObject *object)
{
  SmStretchPanel *self = SM_STRETCH_PANEL (object);

  g_clear_pointer (&self->stretch_id, g_free);

  G_OBJECT_CLASS (sm_stretch_panel_parent_class)->finalize (object);
}

static void
sm_stretch_panel_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SmStretchPanel *self = SM_STRETCH_PANEL (object);

  switch (prop_id)
    {
    case PROP_STRETCH:
      g_value_set_string (value, self->stretch_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_stretch_panel_class_init (SmStretchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_stretch_panel_dispose;
  object_class->finalize = sm_stretch_panel_finalize;
  object_class->get_property = sm_stretch_panel_get_property;

  properties[PROP_STRETCH] =
    g_param_spec_string ("stretch", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_POSE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sm-stretch-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, why_heading);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, why_label);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, picture);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, cautions_list);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, zones_heading);
  gtk_widget_class_bind_template_child (widget_class, SmStretchPanel, zones_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_stretch_panel_init (SmStretchPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stretch"), -1);
}
