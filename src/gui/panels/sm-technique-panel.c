/* sm-technique-panel.c: what a massage technique does and who does it
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-technique-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-panel-utils.h"
#include "sm-technique-panel.h"

struct _SmTechniquePanel
{
  GtkWidget          parent_instance;

  char              *technique_id;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkLabel          *summary_label;
  GtkLabel          *effect_label;
  GtkLabel          *feel_label;
  GtkLabel          *who_label;
  GtkWidget         *steps_heading;
  GtkWidget         *steps_box;
  GtkWidget         *zones_heading;
  GtkWidget         *zones_list;
};

G_DEFINE_FINAL_TYPE (SmTechniquePanel, sm_technique_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TECHNIQUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_technique_panel_new (void)
{
  return g_object_new (SM_TYPE_TECHNIQUE_PANEL, NULL);
}

const char *
sm_technique_panel_get_technique (SmTechniquePanel *self)
{
  g_return_val_if_fail (SM_IS_TECHNIQUE_PANEL (self), NULL);

  return self->technique_id;
}

/* Whether someone can do this on their own is the first thing a person in
 * pain needs to know about a technique, so it goes under the title. */
static const char *
who_short (SmTechnique *technique)
{
  const char *who = sm_technique_get_who (technique);

  if (g_strcmp0 (who, "self") == 0)
    return _("Self-massage");
  if (g_strcmp0 (who, "therapist") == 0)
    return sm_technique_get_optional (technique)
           ? _("Optional, by a therapist") : _("By a therapist");
  return _("On your own or by a therapist");
}

static void
fill_panel (SmTechniquePanel *self,
            SmTechnique      *technique)
{
  const char * const *steps = sm_technique_get_steps (technique);
  g_autoptr(GListModel) zones = NULL;

  gtk_label_set_label (self->title_label, sm_technique_get_name (technique));
  gtk_label_set_label (self->subtitle_label, who_short (technique));
  sm_panel_set_text (self->summary_label, sm_technique_get_summary (technique));
  sm_panel_set_text (self->effect_label, sm_technique_get_effect (technique));
  sm_panel_set_text (self->feel_label, sm_technique_get_feel (technique));
  sm_panel_set_text (self->who_label, sm_technique_get_who_text (technique));

  sm_panel_clear (self->steps_box);
  sm_panel_add_steps (self->steps_box, steps);
  sm_panel_show_section (self->steps_heading, self->steps_box, steps != NULL && steps[0] != NULL);

  zones = sm_atlas_list_zones_for_technique (sm_atlas_get_default (), self->technique_id);
  sm_panel_fill_zone_links (self->zones_heading, self->zones_list, zones);
  sm_panel_scroll_to_top (self->scroller);
}

void
sm_technique_panel_set_technique (SmTechniquePanel *self,
                                  const char       *technique_id)
{
  SmTechnique *technique;

  g_return_if_fail (SM_IS_TECHNIQUE_PANEL (self));
  g_return_if_fail (technique_id != NULL);

  if (g_strcmp0 (self->technique_id, technique_id) == 0)
    return;

  g_free (self->technique_id);
  self->technique_id = g_strdup (technique_id);

  technique = sm_atlas_lookup_technique (sm_atlas_get_default (), technique_id);
  if (technique != NULL)
    fill_panel (self, technique);
  else
    gtk_label_set_label (self->title_label, technique_id);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TECHNIQUE]);
}

static void
sm_technique_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_TECHNIQUE_PANEL);

  G_OBJECT_CLASS (sm_technique_panel_parent_class)->dispose (object);
}

static void
sm_technique_panel_finalize (GObject *object)
{
  SmTechniquePanel *self = SM_TECHNIQUE_PANEL (object);

  g_clear_pointer (&self->technique_id, g_free);

  G_OBJECT_CLASS (sm_technique_panel_parent_class)->finalize (object);
}

static void
sm_technique_panel_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SmTechniquePanel *self = SM_TECHNIQUE_PANEL (object);

  switch (prop_id)
    {
    case PROP_TECHNIQUE:
      g_value_set_string (value, self->technique_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_technique_panel_class_init (SmTechniquePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_technique_panel_dispose;
  object_class->finalize = sm_technique_panel_finalize;
  object_class->get_property = sm_technique_panel_get_property;

  properties[PROP_TECHNIQUE] =
    g_param_spec_string ("technique", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sm-technique-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, effect_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, feel_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, who_label);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, zones_heading);
  gtk_widget_class_bind_template_child (widget_class, SmTechniquePanel, zones_list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_technique_panel_init (SmTechniquePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Technique"), -1);
}
