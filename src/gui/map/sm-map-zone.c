/* sm-map-zone.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-map-zone"

#include "config.h"

#include "sm-anatomy.h"
#include "sm-map-zone.h"
#include "sm-zone-id.h"

/* GTK 4.8 exposes only widgets to assistive technology, so every zone of
 * the body map is a small button laid over the map at the zone's box. It
 * draws nothing itself (the map draws the highlight from the exact shape)
 * and answers contains() from the exact shape, so GTK's own picking gives
 * hover, tooltips and the pointer cursor only on the real outline. Being a
 * GtkButton gives role button, focus, Enter/Space and the AT-SPI "click"
 * action for free. */
struct _SmMapZone
{
  GtkButton              parent_instance;

  char                  *view;
  char                  *element_id;
  char                  *muscle;      /* content id, NULL for caution areas */
  char                  *label;
  SmMapZoneContainsFunc  contains;
  gpointer               contains_data;
};

G_DEFINE_FINAL_TYPE (SmMapZone, sm_map_zone, GTK_TYPE_BUTTON)

/* Pointer clicks are the map's business (it also pans and zooms on the
 * same gestures); keyboard and assistive activation stay with the button. */
static void
remove_click_gesture (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = g_list_model_get_n_items (controllers); i > 0; i--)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i - 1);

      if (GTK_IS_GESTURE_CLICK (controller))
        gtk_widget_remove_controller (widget, controller);
    }
}

SmMapZone *
sm_map_zone_new (const char            *view,
                 const char            *element_id,
                 const char            *label,
                 SmMapZoneContainsFunc  contains,
                 gpointer               user_data)
{
  SmMapZone *self = g_object_new (SM_TYPE_MAP_ZONE, NULL);

  self->view = g_strdup (view);
  self->element_id = g_strdup (element_id);
  sm_zone_id_split (element_id, &self->muscle, NULL);
  self->contains = contains;
  self->contains_data = user_data;
  if (g_str_has_prefix (element_id, "caution-"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "caution");
  sm_map_zone_set_label (self, label);

  return self;
}

const char *
sm_map_zone_get_view (SmMapZone *self)
{
  return self->view;
}

const char *
sm_map_zone_get_element_id (SmMapZone *self)
{
  return self->element_id;
}

const char *
sm_map_zone_get_muscle (SmMapZone *self)
{
  return self->muscle;
}

const char *
sm_map_zone_get_side (SmMapZone *self)
{
  return sm_zone_id_side (self->element_id);
}

const char *
sm_map_zone_get_label (SmMapZone *self)
{
  return self->label;
}

gboolean
sm_map_zone_is_caution (SmMapZone *self)
{
  return g_str_has_prefix (self->element_id, "caution-");
}

void
sm_map_zone_set_label (SmMapZone  *self,
                       const char *label)
{
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The highlight colour for the zone's current state (hover, selected,
 * focus), from the style sheet, so themes and high contrast apply. */
GdkRGBA
sm_map_zone_get_color (SmMapZone *self)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  return color;
}

static gboolean
sm_map_zone_contains (GtkWidget *widget,
                      double     x,
                      double     y)
{
  SmMapZone *self = SM_MAP_ZONE (widget);

  return self->contains != NULL && self->contains (self, x, y, self->contains_data);
}

/* The map draws the zone; the widget only holds its place. */
static void
sm_map_zone_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
}

static void
sm_map_zone_finalize (GObject *object)
{
  SmMapZone *self = SM_MAP_ZONE (object);

  g_free (self->view);
  g_free (self->element_id);
  g_free (self->muscle);
  g_free (self->label);

  G_OBJECT_CLASS (sm_map_zone_parent_class)->finalize (object);
}

static void
sm_map_zone_class_init (SmMapZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sm_map_zone_finalize;

  widget_class->contains = sm_map_zone_contains;
  widget_class->snapshot = sm_map_zone_snapshot;

  gtk_widget_class_set_css_name (widget_class, "zone");
}

static void
sm_map_zone_init (SmMapZone *self)
{
  remove_click_gesture (GTK_WIDGET (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
}
