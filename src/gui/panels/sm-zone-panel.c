/* sm-zone-panel.c: what one muscle has to do with sciatica, and how to
 * massage it
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-zone-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-format.h"
#include "sm-panel-utils.h"
#include "sm-pose-picture.h"
#include "sm-zone-panel.h"

struct _SmZonePanel
{
  GtkWidget          parent_instance;

  char              *zone_id;
  char              *side;

  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
  GtkWidget         *side_switch;
  GtkToggleButton   *zone_left_button;
  GtkToggleButton   *zone_right_button;
  GtkLabel          *summary_label;
  GtkWidget         *timer_button;
  GtkLabel          *timer_button_label;
  GtkWidget         *routine_button;
  GtkLabel          *where_label;
  GtkWidget         *find_box;
  GtkLabel          *why_label;
  GtkWidget         *referral_heading;
  GtkLabel          *referral_label;
  GtkWidget         *referral_button;
  GtkWidget         *cautions_box;
  GtkWidget         *cautions_list;
  GtkLabel          *hold_label;
  GtkLabel          *pressure_label;
  GtkWidget         *techniques_list;
  GtkWidget         *tools_list;
  GtkWidget         *heat_heading;
  GtkLabel          *heat_label;
  GtkWidget         *steps_heading;
  GtkWidget         *steps_box;
  GtkWidget         *stretches_heading;
  GtkWidget         *stretches_list;
};

G_DEFINE_FINAL_TYPE (SmZonePanel, sm_zone_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ZONE,
  PROP_SIDE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_zone_panel_new (void)
{
  return g_object_new (SM_TYPE_ZONE_PANEL, NULL);
}

const char *
sm_zone_panel_get_zone (SmZonePanel *self)
{
  g_return_val_if_fail (SM_IS_ZONE_PANEL (self), NULL);

  return self->zone_id;
}

const char *
sm_zone_panel_get_side (SmZonePanel *self)
{
  g_return_val_if_fail (SM_IS_ZONE_PANEL (self), NULL);

  return self->side;
}

/* The target goes first: a button named after an action that takes a
 * parameter but has no target yet makes GTK warn. */
static void
set_action (gpointer    actionable,
            const char *action_name,
            GVariant   *target)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (actionable), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (actionable), action_name);
}

/* Someone whose pain is on the right opens a muscle from a list or a
 * search: one click switches the panel, the timer and the map to that side,
 * and Back returns to the other. */
static void
fill_side_switch (SmZonePanel *self,
                  SmZone      *zone)
{
  gboolean right = g_str_equal (self->side, "right");

  gtk_widget_set_visible (self->side_switch, sm_zone_get_two_sided (zone));
  set_action (self->zone_left_button, "win.show-zone",
              g_variant_new ("(ss)", self->zone_id, "left"));
  set_action (self->zone_right_button, "win.show-zone",
              g_variant_new ("(ss)", self->zone_id, "right"));
  gtk_toggle_button_set_active (right ? self->zone_right_button : self->zone_left_button, TRUE);
}

static void
fill_header (SmZonePanel *self,
             SmZone      *zone)
{
  const char *layer = g_str_equal (sm_zone_get_layer (zone), "deep")
                      ? _("Deep muscle") : _("Near the surface");
  g_autofree char *subtitle = NULL;

  if (sm_zone_get_two_sided (zone))
    /* Translators: side of the body · depth, e.g. "Right side · Deep muscle" */
    subtitle = g_strdup_printf (C_("zone subtitle", "%s · %s"), sm_format_side (self->side), layer);
  else
    subtitle = g_strdup (layer);

  gtk_label_set_label (self->title_label, sm_zone_get_name (zone));
  gtk_label_set_label (self->subtitle_label, subtitle);
  sm_panel_set_text (self->summary_label, sm_zone_get_summary (zone));
  fill_side_switch (self, zone);
}

/* The buttons carry the zone, the side and the hold time as action targets;
 * the timer and the routine list own what happens next. */
static void
fill_actions (SmZonePanel *self,
              SmZone      *zone)
{
  guint seconds = sm_zone_get_hold_seconds (zone);
  g_autofree char *label = g_strdup_printf (_("Start _Timer · %u s"), seconds);
  g_autofree char *spoken = g_strdup_printf (ngettext ("Start a %u-second timer",
                                                       "Start a %u-second timer", seconds),
                                             seconds);

  gtk_label_set_label (self->timer_button_label, label);
  /* Screen readers would otherwise read the mnemonic underscore. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  set_action (self->timer_button, "win.start-timer",
              g_variant_new ("(ssu)", self->zone_id, self->side, seconds));
  set_action (self->routine_button, "win.add-to-routine",
              g_variant_new ("(ss)", self->zone_id, self->side));
}

/* "Where it can send pain" (referrals.json), with the button that draws
 * the pattern on the map. */
static void
fill_referral (SmZonePanel *self,
               SmZone      *zone)
{
  SmReferral *referral = sm_atlas_lookup_referral (sm_atlas_get_default (), sm_zone_get_id (zone));
  gboolean shown = referral != NULL;

  gtk_widget_set_visible (self->referral_heading, shown);
  gtk_widget_set_visible (GTK_WIDGET (self->referral_label), shown);
  gtk_widget_set_visible (self->referral_button, shown);
  if (shown)
    sm_panel_set_text (self->referral_label, sm_referral_get_sends_pain (referral));
}

static void
fill_where_and_why (SmZonePanel *self,
                    SmZone      *zone)
{
  sm_panel_set_text (self->where_label, sm_zone_get_where (zone));
  sm_panel_add_steps (self->find_box, sm_zone_get_find (zone));
  sm_panel_set_text (self->why_label, sm_zone_get_why (zone));
  fill_referral (self, zone);
}

static void
fill_cautions (SmZonePanel *self,
               SmZone      *zone)
{
  const char * const *cautions = sm_zone_get_cautions (zone);

  sm_panel_add_bullets (self->cautions_list, cautions);
  gtk_widget_set_visible (self->cautions_box, cautions != NULL && cautions[0] != NULL);
}

static void
fill_hold (SmZonePanel *self,
           SmZone      *zone)
{
  guint seconds = sm_zone_get_hold_seconds (zone);
  g_autofree char *hold = g_strdup_printf (ngettext ("Hold each tender spot for %u second, then move on.",
                                                     "Hold each tender spot for %u seconds, then move on.",
                                                     seconds),
                                           seconds);

  gtk_label_set_label (self->hold_label, hold);
  sm_panel_set_text (self->pressure_label, sm_zone_get_pressure (zone));
}

/* Heat before the massage is the same advice for every muscle. */
static void
fill_heat (SmZonePanel *self,
           SmAtlas     *atlas)
{
  SmSafety *safety = sm_atlas_get_safety (atlas);
  const char *heat = safety != NULL ? sm_safety_get_heat_summary (safety) : NULL;

  sm_panel_set_text (self->heat_label, heat);
  gtk_widget_set_visible (self->heat_heading, heat != NULL && *heat != '\0');
}

static void
fill_technique_links (SmZonePanel *self,
                      SmAtlas     *atlas,
                      SmZone      *zone)
{
  const char * const *ids = sm_zone_get_techniques (zone);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SmTechnique *technique = sm_atlas_lookup_technique (atlas, ids[i]);

      if (technique != NULL)
        gtk_list_box_append (GTK_LIST_BOX (self->techniques_list),
                             sm_panel_link_row (sm_technique_get_name (technique),
                                                sm_technique_get_summary (technique),
                                                "win.show-technique",
                                                g_variant_new_string (ids[i])));
    }
}

/* The position, drawn, next to its steps: on the side the panel shows. */
static GtkWidget *
step_picture (SmZonePanel *self,
              SmZone      *zone,
              SmToolUse   *use)
{
  GtkWidget *picture = sm_pose_picture_new ();

  sm_pose_picture_set_size (SM_POSE_PICTURE (picture), 130);
  sm_pose_picture_set_side (SM_POSE_PICTURE (picture), sm_zone_get_two_sided (zone) ? self->side : NULL);
  sm_pose_picture_set_item (SM_POSE_PICTURE (picture), G_OBJECT (use));
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  gtk_widget_add_css_class (picture, "step-picture");
  return picture;
}

/* Each tool gets a link to its own panel and, further down, the steps that
 * are specific to this muscle. */
static void
fill_tools (SmZonePanel *self,
            SmAtlas     *atlas,
            SmZone      *zone)
{
  GListModel *uses = sm_zone_get_tool_uses (zone);
  guint n = g_list_model_get_n_items (uses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmToolUse) use = g_list_model_get_item (uses, i);
      SmTool *tool = sm_atlas_lookup_tool (atlas, sm_tool_use_get_tool_id (use));
      g_auto(GStrv) steps = sm_tool_use_dup_steps (use);
      GtkWidget *heading;

      if (tool == NULL)
        continue;

      gtk_list_box_append (GTK_LIST_BOX (self->tools_list),
                           sm_panel_link_row (sm_tool_get_name (tool), sm_tool_get_summary (tool),
                                              "win.show-tool",
                                              g_variant_new_string (sm_tool_get_id (tool))));

      heading = sm_panel_text (sm_tool_get_name (tool));
      gtk_widget_add_css_class (heading, "step-heading");
      gtk_box_append (GTK_BOX (self->steps_box), heading);
      gtk_box_append (GTK_BOX (self->steps_box), step_picture (self, zone, use));
      sm_panel_add_steps (self->steps_box, (const char * const *) steps);
    }

  sm_panel_show_section (self->steps_heading, self->steps_box, n > 0);
}

static void
fill_stretch_links (SmZonePanel *self,
                    SmAtlas     *atlas)
{
  g_autoptr(GListModel) stretches = sm_atlas_list_stretches_for_zone (atlas, self->zone_id);
  guint n = g_list_model_get_n_items (stretches);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmStretch) stretch = g_list_model_get_item (stretches, i);

      gtk_list_box_append (GTK_LIST_BOX (self->stretches_list),
                           sm_panel_link_row (sm_stretch_get_name (stretch),
                                              sm_stretch_get_summary (stretch),
                                              "win.show-stretch",
                                              g_variant_new_string (sm_stretch_get_id (stretch))));
    }

  sm_panel_show_section (self->stretches_heading, self->stretches_list, n > 0);
}

static void
clear_panel (SmZonePanel *self)
{
  sm_panel_clear (self->find_box);
  sm_panel_clear (self->cautions_list);
  sm_panel_clear (self->techniques_list);
  sm_panel_clear (self->tools_list);
  sm_panel_clear (self->steps_box);
  sm_panel_clear (self->stretches_list);
}

static void
fill_panel (SmZonePanel *self)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  SmZone *zone = sm_atlas_lookup_zone (atlas, self->zone_id);

  clear_panel (self);

  /* The map and the atlas are checked against each other by the tests, so
   * this only happens with a build whose content is out of step. */
  if (zone == NULL)
    {
      g_debug ("No content for zone %s", self->zone_id);
      gtk_label_set_label (self->title_label, self->zone_id);
      return;
    }

  fill_header (self, zone);
  fill_actions (self, zone);
  fill_where_and_why (self, zone);
  fill_cautions (self, zone);
  fill_hold (self, zone);
  fill_technique_links (self, atlas, zone);
  fill_heat (self, atlas);
  fill_tools (self, atlas, zone);
  fill_stretch_links (self, atlas);
  sm_panel_scroll_to_top (self->scroller);
}

/* @side is "left" or "right": it goes into the title and the actions. */
void
sm_zone_panel_set_zone (SmZonePanel *self,
                        const char  *zone_id,
                        const char  *side)
{
  gboolean zone_changed, side_changed;

  g_return_if_fail (SM_IS_ZONE_PANEL (self));
  g_return_if_fail (zone_id != NULL);
  g_return_if_fail (g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0);

  zone_changed = g_strcmp0 (self->zone_id, zone_id) != 0;
  side_changed = g_strcmp0 (self->side, side) != 0;
  if (!zone_changed && !side_changed)
    return;

  g_free (self->zone_id);
  self->zone_id = g_strdup (zone_id);
  g_free (self->side);
  self->side = g_strdup (side);
  fill_panel (self);

  if (zone_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZONE]);
  if (side_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

static void
sm_zone_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_ZONE_PANEL);

  G_OBJECT_CLASS (sm_zone_panel_parent_class)->dispose (object);
}

static void
sm_zone_panel_finalize (GObject *object)
{
  SmZonePanel *self = SM_ZONE_PANEL (object);

  g_clear_pointer (&self->zone_id, g_free);
  g_clear_pointer (&self->side, g_free);

  G_OBJECT_CLASS (sm_zone_panel_parent_class)->finalize (object);
}

static void
sm_zone_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmZonePanel *self = SM_ZONE_PANEL (object);

  switch (prop_id)
    {
    case PROP_ZONE:
      g_value_set_string (value, self->zone_id);
      break;

    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bind_children (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, side_switch);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, zone_left_button);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, zone_right_button);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, timer_button);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, timer_button_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, routine_button);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, where_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, find_box);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, why_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, referral_heading);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, referral_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, referral_button);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, cautions_box);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, cautions_list);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, hold_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, pressure_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, techniques_list);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, tools_list);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, heat_heading);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, heat_label);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, steps_heading);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, steps_box);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, stretches_heading);
  gtk_widget_class_bind_template_child (widget_class, SmZonePanel, stretches_list);
}

static void
sm_zone_panel_class_init (SmZonePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_zone_panel_dispose;
  object_class->finalize = sm_zone_panel_finalize;
  object_class->get_property = sm_zone_panel_get_property;

  properties[PROP_ZONE] =
    g_param_spec_string ("zone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-zone-panel.ui");
  bind_children (widget_class);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_zone_panel_init (SmZonePanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Muscle"), -1);
}
