/* sm-body-map.c: the body map's class, properties, selection, zoom and pan
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-body-map-private.h"
#include "sm-utils.h"
#include "sm-zone-id.h"

/* The drawing code (sm-body-map-draw.c) and the other parts are described
 * in sm-body-map-private.h. */

#define MAX_ZOOM       6.0
#define SELECTION_ZOOM 3.5    /* closer, and outlines grow too thick */

/* The property of each overlay group (the groups are in sm-body-map-draw.c). */
static const char * const overlay_properties[SM_BODY_MAP_N_OVERLAYS] = {
  [SM_BODY_MAP_OVERLAY_NERVES] = "show-nerves",
  [SM_BODY_MAP_OVERLAY_LANDMARKS] = "show-landmarks",
  [SM_BODY_MAP_OVERLAY_PRESS_POINTS] = "show-press-points",
  [SM_BODY_MAP_OVERLAY_CAUTIONS] = "show-cautions",
};

G_DEFINE_FINAL_TYPE (SmBodyMap, sm_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SIDE_FILTER,
  PROP_LAYER,
  PROP_SELECTED_ZONE,
  PROP_SELECTED_SIDE,
  PROP_ZOOM,
  PROP_SHOW_NERVES,
  PROP_SHOW_LANDMARKS,
  PROP_SHOW_PRESS_POINTS,
  PROP_SHOW_CAUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ZONE_ACTIVATED,
  TRANSFORM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Selection ----------------------------------------------------------- */

/* The caution areas the knowledge base names for the selected zone show
 * up with it, so that the person sees where not to press while working on
 * that muscle. Only the caution zones that were or are now near the
 * selection can show or hide. */
static void
update_near_cautions (SmBodyMap *self)
{
  g_autoptr(GHashTable) was_near = g_steal_pointer (&self->near_cautions);
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;
  g_auto(GStrv) ids = NULL;

  self->near_cautions = g_hash_table_new (NULL, NULL);
  if (self->selected != NULL &&
      sm_zone_id_split (sm_map_zone_get_element_id (self->selected), &muscle, &side))
    ids = sm_atlas_dup_caution_ids (sm_atlas_get_default (), muscle, side);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SmMapZone *caution = _sm_body_map_lookup_zone (self, sm_map_zone_get_view (self->selected), ids[i]);

      if (caution != NULL)
        g_hash_table_add (self->near_cautions, caution);
    }

  _sm_body_map_update_near_visibility (self, was_near);
}

/* For the style sheet and for assistive technology alike. */
static void
mark_selected (SmMapZone *zone,
               gboolean   selected)
{
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (zone), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (zone), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

void
_sm_body_map_select_zone_widget (SmBodyMap *self,
                                 SmMapZone *zone)
{
  if (self->selected == zone)
    return;

  if (self->selected != NULL)
    mark_selected (self->selected, FALSE);
  self->selected = zone;
  if (zone != NULL)
    mark_selected (zone, TRUE);

  update_near_cautions (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-to-selection", zone != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ZONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SIDE]);
}

/* A click, Enter, Space or an assistive "click" on a zone. */
void
_sm_body_map_activate_zone (SmBodyMap *self,
                            SmMapZone *zone)
{
  if (sm_map_zone_is_caution (zone))
    {
      _sm_body_map_explain_caution (self, zone);
      return;
    }

  _sm_body_map_select_zone_widget (self, zone);
  g_signal_emit (self, signals[ZONE_ACTIVATED], 0,
                 sm_map_zone_get_muscle (zone), sm_map_zone_get_side (zone));
}

const char *
sm_body_map_get_selected_zone (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->selected != NULL ? sm_map_zone_get_muscle (self->selected) : NULL;
}

const char *
sm_body_map_get_selected_side (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->selected != NULL ? sm_map_zone_get_side (self->selected) : NULL;
}

/* Draws the SVG elements @element_ids (landmark-*, press-point-*, …) over
 * the map as in the artwork, whatever the overlay settings; ids of the
 * other view are kept and drawn when it shows. %NULL clears. */
void
sm_body_map_set_emphasis (SmBodyMap          *self,
                          const char * const *element_ids)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (self->emphasis == NULL && (element_ids == NULL || element_ids[0] == NULL))
    return;

  g_strfreev (self->emphasis);
  self->emphasis = g_strdupv ((char **) element_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
sm_body_map_get_emphasis (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return (const char * const *) self->emphasis;
}

/* Selects @zone on @side without emitting zone-activated, switching view,
 * layer and side filter when the zone would not be visible otherwise:
 * for search results, guided sessions and presenter mode. */
gboolean
sm_body_map_select_zone (SmBodyMap  *self,
                         const char *zone,
                         const char *side)
{
  g_autofree char *element_id = NULL;
  const char *view;
  SmMapZone *widget;

  g_return_val_if_fail (SM_IS_BODY_MAP (self), FALSE);

  if (zone == NULL)
    {
      sm_body_map_clear_selection (self);
      return TRUE;
    }

  element_id = sm_zone_id_build (zone, side);
  view = sm_anatomy_find_view (self->anatomy, element_id);
  if (view == NULL || (widget = _sm_body_map_lookup_zone (self, view, element_id)) == NULL)
    return FALSE;

  sm_body_map_set_view (self, view);
  if (_sm_body_map_is_deep (self, view, element_id))
    sm_body_map_set_layer (self, "deep");
  if (!_sm_body_map_side_allowed (self, widget))
    sm_body_map_set_side_filter (self, sm_map_zone_get_side (widget));

  _sm_body_map_select_zone_widget (self, widget);
  return TRUE;
}

void
sm_body_map_clear_selection (SmBodyMap *self)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  _sm_body_map_select_zone_widget (self, NULL);
}

/* --- Zoom and pan -------------------------------------------------------- */

/* The figure moved on the widget: the masks and the base are redrawn, and
 * layers drawn over the map follow. */
void
_sm_body_map_transform_changed (SmBodyMap *self)
{
  self->layout_all = TRUE;
  _sm_body_map_keep_masks_as_stale (self);
  _sm_body_map_prepare_masks (self);
  _sm_body_map_invalidate_base (self);
  g_signal_emit (self, signals[TRANSFORM_CHANGED], 0);
}

void
_sm_body_map_invalidate_geometry (SmBodyMap *self)
{
  _sm_body_map_update_transform (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _sm_body_map_transform_changed (self);
}

/* Zooms keeping the SVG point under (@x, @y) where it is. */
void
_sm_body_map_zoom_at (SmBodyMap *self,
                      double     zoom,
                      double     x,
                      double     y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band;
  double u, v;

  zoom = CLAMP (zoom, 1.0, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  _sm_body_map_widget_to_svg (self, x, y, &u, &v);
  self->scale = self->scale / self->zoom * zoom;
  self->zoom = zoom;
  self->centre_u = u - (x - width / 2.0) / self->scale;
  self->centre_v = v - (y - height / 2.0) / self->scale;

  _sm_body_map_invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
_sm_body_map_zoom_by (SmBodyMap *self,
                      double     factor)
{
  _sm_body_map_zoom_at (self, self->zoom * factor,
                        gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
sm_body_map_get_zoom (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 1.0);

  return self->zoom;
}

void
sm_body_map_set_zoom (SmBodyMap *self,
                      double     zoom)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  _sm_body_map_zoom_by (self, zoom / self->zoom);
}

/* Puts the SVG point (@u, @v) in the middle, as far as the figure allows. */
void
sm_body_map_set_centre (SmBodyMap *self,
                        double     u,
                        double     v)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  self->centre_u = u;
  self->centre_v = v;
  _sm_body_map_invalidate_geometry (self);
}

/* Frames the selected zone with some room around it. */
void
sm_body_map_zoom_to_selection (SmBodyMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band;
  cairo_rectangle_t box;
  double fit;

  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (self->selected == NULL || width <= 0 ||
      !sm_anatomy_get_bounds (self->anatomy, self->view,
                              sm_map_zone_get_element_id (self->selected), &box))
    return;

  fit = self->scale / self->zoom;
  self->zoom = CLAMP (MIN (width / (box.width * 3), height / (box.height * 3)) / fit,
                      1.0, SELECTION_ZOOM);
  self->scale = fit * self->zoom;
  self->centre_u = box.x + box.width / 2;
  self->centre_v = box.y + box.height / 2;

  _sm_body_map_invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* --- Properties ---------------------------------------------------------- */

const char *
sm_body_map_get_view (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->view;
}

void
sm_body_map_set_view (SmBodyMap  *self,
                      const char *view)
{
  double vw, vh;

  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (view, "back") == 0 || g_strcmp0 (view, "front") == 0);

  if (!sm_set_str (&self->view, view))
    return;

  _sm_body_map_update_hit_maps (self);
  if (self->selected != NULL && g_strcmp0 (sm_map_zone_get_view (self->selected), view) != 0)
    _sm_body_map_select_zone_widget (self, NULL);
  _sm_body_map_set_hovered (self, NULL);
  _sm_body_map_get_view_size (self, &vw, &vh);
  self->zoom = 1.0;
  self->centre_u = vw / 2;
  self->centre_v = vh / 2;

  _sm_body_map_update_zone_visibility (self);
  _sm_body_map_invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

const char *
sm_body_map_get_side_filter (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->side_filter;
}

void
sm_body_map_set_side_filter (SmBodyMap  *self,
                             const char *side)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0 ||
                    g_strcmp0 (side, "both") == 0);

  if (!sm_set_str (&self->side_filter, side))
    return;

  if (self->selected != NULL && !_sm_body_map_side_allowed (self, self->selected))
    _sm_body_map_select_zone_widget (self, NULL);
  _sm_body_map_set_hovered (self, NULL);
  _sm_body_map_update_zone_visibility (self);
  _sm_body_map_invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_FILTER]);
}

const char *
sm_body_map_get_layer (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->layer;
}

void
sm_body_map_set_layer (SmBodyMap  *self,
                       const char *layer)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (layer, "superficial") == 0 || g_strcmp0 (layer, "deep") == 0);

  if (!sm_set_str (&self->layer, layer))
    return;

  _sm_body_map_update_hit_maps (self);
  _sm_body_map_set_hovered (self, NULL);
  _sm_body_map_update_zone_visibility (self);
  if (self->selected != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->selected)))
    _sm_body_map_select_zone_widget (self, NULL);
  _sm_body_map_invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

static void
set_overlay (SmBodyMap *self,
             SmBodyMapOverlay overlay,
             gboolean   shown)
{
  if (self->overlays[overlay] == shown)
    return;

  self->overlays[overlay] = shown;
  if (overlay == SM_BODY_MAP_OVERLAY_CAUTIONS)
    _sm_body_map_update_zone_visibility (self);
  _sm_body_map_invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES + overlay]);
}

/* --- Class --------------------------------------------------------------- */

GtkWidget *
sm_body_map_new (void)
{
  return g_object_new (SM_TYPE_BODY_MAP, NULL);
}

static void
sm_body_map_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  GdkRGBA foreground;

  GTK_WIDGET_CLASS (sm_body_map_parent_class)->css_changed (widget, change);

  /* The dashed outline takes the theme's foreground colour; state changes
   * such as the window losing focus leave it alone. */
  foreground = _sm_body_map_get_foreground (self);
  if (!gdk_rgba_equal (&foreground, &self->foreground))
    _sm_body_map_invalidate_base (self);
}

static void
sm_body_map_set_focus_child (GtkWidget *widget,
                             GtkWidget *child)
{
  GTK_WIDGET_CLASS (sm_body_map_parent_class)->set_focus_child (widget, child);
  gtk_widget_queue_draw (widget);
}

static void
sm_body_map_dispose (GObject *object)
{
  SmBodyMap *self = SM_BODY_MAP (object);
  GtkWidget *child;

  self->selected = NULL;
  self->hovered = NULL;
  _sm_body_map_base_dispose (self);
  g_clear_handle_id (&self->prewarm_id, g_source_remove);
  g_clear_handle_id (&self->hit_maps_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->caution_popover = NULL;
  self->toolbar = NULL;

  G_OBJECT_CLASS (sm_body_map_parent_class)->dispose (object);
}

static void
sm_body_map_finalize (GObject *object)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->toolbar_node, gsk_render_node_unref);
  g_clear_pointer (&self->toolbar_drawn, gsk_render_node_unref);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  _sm_body_map_masks_clear (self);
  g_clear_pointer (&self->mask_prep, _sm_mask_prep_free);
  g_clear_pointer (&self->hit_maps, g_hash_table_unref);
  g_clear_pointer (&self->zones_by_id, g_hash_table_unref);
  g_clear_pointer (&self->near_cautions, g_hash_table_unref);
  g_clear_pointer (&self->emphasis, g_strfreev);
  g_clear_pointer (&self->referral_zone, g_free);
  g_clear_pointer (&self->referral_side, g_free);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->zones_shown, g_ptr_array_unref);
  g_clear_pointer (&self->step_numbers, g_hash_table_unref);
  g_clear_pointer (&self->step_badges, sm_map_badges_free);
  g_clear_object (&self->anatomy);
  g_free (self->view);
  g_free (self->side_filter);
  g_free (self->layer);

  G_OBJECT_CLASS (sm_body_map_parent_class)->finalize (object);
}

static void
sm_body_map_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_SIDE_FILTER:
      g_value_set_string (value, self->side_filter);
      break;

    case PROP_LAYER:
      g_value_set_string (value, self->layer);
      break;

    case PROP_SELECTED_ZONE:
      g_value_set_string (value, sm_body_map_get_selected_zone (self));
      break;

    case PROP_SELECTED_SIDE:
      g_value_set_string (value, sm_body_map_get_selected_side (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SHOW_NERVES:
    case PROP_SHOW_LANDMARKS:
    case PROP_SHOW_PRESS_POINTS:
    case PROP_SHOW_CAUTIONS:
      g_value_set_boolean (value, self->overlays[prop_id - PROP_SHOW_NERVES]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_body_map_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      sm_body_map_set_view (self, g_value_get_string (value));
      break;

    case PROP_SIDE_FILTER:
      sm_body_map_set_side_filter (self, g_value_get_string (value));
      break;

    case PROP_LAYER:
      sm_body_map_set_layer (self, g_value_get_string (value));
      break;

    case PROP_ZOOM:
      sm_body_map_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SHOW_NERVES:
    case PROP_SHOW_LANDMARKS:
    case PROP_SHOW_PRESS_POINTS:
    case PROP_SHOW_CAUTIONS:
      set_overlay (self, prop_id - PROP_SHOW_NERVES, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "back", rw);
  properties[PROP_SIDE_FILTER] = g_param_spec_string ("side-filter", NULL, NULL, "both", rw);
  properties[PROP_LAYER] = g_param_spec_string ("layer", NULL, NULL, "superficial", rw);
  properties[PROP_SELECTED_ZONE] = g_param_spec_string ("selected-zone", NULL, NULL, NULL, ro);
  properties[PROP_SELECTED_SIDE] = g_param_spec_string ("selected-side", NULL, NULL, NULL, ro);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 1.0, MAX_ZOOM, 1.0, rw);
  for (guint i = 0; i < SM_BODY_MAP_N_OVERLAYS; i++)
    properties[PROP_SHOW_NERVES + i] =
      g_param_spec_boolean (overlay_properties[i], NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_body_map_class_init (SmBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_body_map_dispose;
  object_class->finalize = sm_body_map_finalize;
  object_class->get_property = sm_body_map_get_property;
  object_class->set_property = sm_body_map_set_property;

  widget_class->set_focus_child = sm_body_map_set_focus_child;
  widget_class->css_changed = sm_body_map_css_changed;
  _sm_body_map_draw_class_init (widget_class);
  _sm_body_map_geometry_class_init (widget_class);

  install_properties (object_class);

  signals[ZONE_ACTIVATED] =
    g_signal_new ("zone-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[TRANSFORM_CHANGED] =
    g_signal_new ("transform-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  _sm_body_map_input_class_init (widget_class);

  gtk_widget_class_install_property_action (widget_class, "map.layer", "layer");
  for (guint i = 0; i < SM_BODY_MAP_N_OVERLAYS; i++)
    {
      g_autofree char *name = g_strconcat ("map.", overlay_properties[i], NULL);

      gtk_widget_class_install_property_action (widget_class, name, overlay_properties[i]);
    }

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-body-map.ui");
  gtk_widget_class_bind_template_child (widget_class, SmBodyMap, toolbar);
  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_body_map_init (SmBodyMap *self)
{
  double vw, vh;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->anatomy = g_object_ref (sm_anatomy_get_default ());
  self->view = g_strdup ("back");
  self->side_filter = g_strdup ("both");
  self->layer = g_strdup ("superficial");
  self->zoom = 1.0;
  _sm_body_map_get_view_size (self, &vw, &vh);
  self->centre_u = vw / 2;
  self->centre_v = vh / 2;
  self->scale = 1.0;

  self->near_cautions = g_hash_table_new (NULL, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Body map"), -1);

  _sm_body_map_geometry_init (self);
  _sm_body_map_draw_init (self);
  _sm_body_map_zones_init (self);
  _sm_body_map_input_init (self);
  _sm_body_map_update_hit_maps (self);
  _sm_body_map_update_zone_visibility (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-to-selection", FALSE);
}
