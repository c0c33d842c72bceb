/* sm-body-map-geometry.c: where the figure lies, hit maps, layout
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <math.h>

#include "sm-body-map-private.h"
#include "sm-zone-id.h"

#define MARGIN       12.0   /* px around the fitted figure */
#define TOOLBAR_GAP  12     /* px between the toolbar and the bottom edge */
#define ID_MAP_SCALE 1.0    /* id-map pixels per SVG unit */

/* --- Geometry ------------------------------------------------------------ */

void
_sm_body_map_get_view_size (SmBodyMap *self,
                            double    *width,
                            double    *height)
{
  sm_anatomy_get_size (self->anatomy, self->view, width, height);
}

/* Keeps the figure in sight: when it is smaller than the widget it stays
 * centred, otherwise the middle can move only as far as its edges. */
static double
clamp_centre (double centre,
              double extent,
              double visible)
{
  if (extent <= visible)
    return extent / 2;
  return CLAMP (centre, visible / 2, extent - visible / 2);
}

/* The scale and origin the map has at @width × @height above the
 * toolbar's band, and where its centre moves to: the zoom and centre stay,
 * the fit follows the size. */
static void
compute_transform (SmBodyMap *self,
                   int        width,
                   int        height,
                   double    *scale,
                   double    *centre_u,
                   double    *centre_v,
                   double    *origin_x,
                   double    *origin_y)
{
  double vw, vh, fit;

  _sm_body_map_get_view_size (self, &vw, &vh);
  fit = MIN ((width - 2 * MARGIN) / vw, (height - 2 * MARGIN) / vh);
  *scale = MAX (fit, 0.01) * self->zoom;
  *centre_u = clamp_centre (self->centre_u, vw, width / *scale);
  *centre_v = clamp_centre (self->centre_v, vh, height / *scale);
  *origin_x = width / 2.0 - *centre_u * *scale;
  *origin_y = height / 2.0 - *centre_v * *scale;
}

void
_sm_body_map_update_transform (SmBodyMap *self)
{
  compute_transform (self, gtk_widget_get_width (GTK_WIDGET (self)),
                     gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band,
                     &self->scale, &self->centre_u, &self->centre_v,
                     &self->origin_x, &self->origin_y);
}

/* The viewport the map would have at that size, for drawing it ahead. The
 * toolbar keeps the band it will be given. */
cairo_rectangle_t
_sm_body_map_viewport_for_size (SmBodyMap *self,
                                int        width,
                                int        height)
{
  GtkRequisition natural;
  double scale, centre_u, centre_v, origin_x, origin_y, vw, vh;

  gtk_widget_get_preferred_size (self->toolbar, NULL, &natural);
  compute_transform (self, width, height - natural.height - TOOLBAR_GAP,
                     &scale, &centre_u, &centre_v, &origin_x, &origin_y);
  _sm_body_map_get_view_size (self, &vw, &vh);
  return (cairo_rectangle_t) { origin_x, origin_y, vw * scale, vh * scale };
}

cairo_rectangle_t
_sm_body_map_get_viewport (SmBodyMap *self)
{
  double vw, vh;

  _sm_body_map_get_view_size (self, &vw, &vh);
  return (cairo_rectangle_t) { self->origin_x, self->origin_y, vw * self->scale, vh * self->scale };
}

void
sm_body_map_svg_to_widget (SmBodyMap *self,
                           double     u,
                           double     v,
                           double    *x,
                           double    *y)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  *x = self->origin_x + u * self->scale;
  *y = self->origin_y + v * self->scale;
}

void
_sm_body_map_widget_to_svg (SmBodyMap *self,
                            double     x,
                            double     y,
                            double    *u,
                            double    *v)
{
  *u = (x - self->origin_x) / self->scale;
  *v = (y - self->origin_y) / self->scale;
}

void
sm_body_map_widget_to_svg (SmBodyMap *self,
                           double     x,
                           double     y,
                           double    *u,
                           double    *v)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  _sm_body_map_widget_to_svg (self, x, y, u, v);
}

/* Widget pixels per SVG unit: layers drawn over the map (labels, pain
 * strokes) scale their SVG coordinates with it. */
double
sm_body_map_get_scale (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 1.0);

  return self->scale;
}

/* --- Hit maps ------------------------------------------------------------ */

static void
hit_map_free (gpointer data)
{
  SmBodyMapHitMap *hit = data;

  sm_anatomy_id_map_free (hit->map);
  g_ptr_array_unref (hit->zones);
  g_hash_table_unref (hit->visible);
  g_free (hit);
}

SmMapZone *
_sm_body_map_lookup_zone (SmBodyMap  *self,
                          const char *view,
                          const char *element_id)
{
  g_autofree char *key = g_strconcat (view, "/", element_id, NULL);

  return g_hash_table_lookup (self->zones_by_id, key);
}

gboolean
_sm_body_map_is_deep (SmBodyMap  *self,
                      const char *view,
                      const char *element_id)
{
  SmSvgIndex *index = sm_anatomy_get_index (self->anatomy, view);

  return g_strcmp0 (sm_svg_index_get_group (index, element_id), "layer-deep") == 0;
}

gboolean
_sm_body_map_is_headline (const char *element_id)
{
  g_autofree char *muscle = NULL;

  return sm_zone_id_split (element_id, &muscle, NULL) &&
         g_strcmp0 (muscle, SM_BODY_MAP_HEADLINE_MUSCLE) == 0;
}

/* Which zone wins where zones overlap, bottom first. Superficial layer:
 * the artwork's order (deep under superficial), then the headline muscle
 * on top. Deep layer: the deep muscles over the ones that cover them. */
static GPtrArray *
hit_order (SmBodyMap  *self,
           const char *view,
           const char *layer)
{
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (self->anatomy, view),
                                                    "zone-");
  GPtrArray *order = g_ptr_array_new ();
  gboolean deep_layer = g_strcmp0 (layer, "deep") == 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        gboolean on_top = deep_layer ? _sm_body_map_is_deep (self, view, id) : _sm_body_map_is_headline (id);

        if (on_top == (pass == 1))
          g_ptr_array_add (order, (gpointer) id);
      }

  return order;
}

static SmBodyMapHitMap *
hit_map_new (SmBodyMap  *self,
             const char *view,
             GPtrArray  *order)
{
  SmBodyMapHitMap *hit = g_new0 (SmBodyMapHitMap, 1);
  gboolean shows[256] = { FALSE };
  gsize n_pixels;

  hit->map = sm_anatomy_build_id_map (self->anatomy, view, order, ID_MAP_SCALE);
  hit->zones = g_ptr_array_new ();
  hit->visible = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (hit->zones, _sm_body_map_lookup_zone (self, view, g_ptr_array_index (order, i)));

  /* A flag per slot first: one hash insertion per pixel cost more than
   * drawing the map. */
  n_pixels = (gsize) hit->map->width * hit->map->height;
  for (gsize p = 0; p < n_pixels; p++)
    shows[hit->map->ids[p]] = TRUE;
  for (guint slot = 1; slot <= hit->map->elements->len && slot < G_N_ELEMENTS (shows); slot++)
    if (shows[slot])
      g_hash_table_add (hit->visible, g_ptr_array_index (hit->map->elements, slot - 1));

  return hit;
}

/* Built the first time a view and layer are shown; a render, not a parse. */
static SmBodyMapHitMap *
get_hit_map (SmBodyMap  *self,
             const char *view,
             const char *layer)
{
  g_autofree char *key = g_strconcat (view, "/", layer, NULL);
  SmBodyMapHitMap *hit = g_hash_table_lookup (self->hit_maps, key);
  g_autoptr(GPtrArray) order = NULL;

  if (hit != NULL)
    return hit;

  if (g_strcmp0 (layer, "cautions") == 0)
    order = sm_svg_index_list_ids (sm_anatomy_get_index (self->anatomy, view), "caution-");
  else
    order = hit_order (self, view, layer);

  hit = hit_map_new (self, view, order);
  g_hash_table_insert (self->hit_maps, g_steal_pointer (&key), hit);
  return hit;
}

static SmMapZone *
hit_lookup (SmBodyMapHitMap *hit,
            double  u,
            double  v)
{
  int slot = sm_anatomy_id_map_lookup (hit->map, u, v);
  SmMapZone *zone;

  if (slot < 0)
    return NULL;

  zone = g_ptr_array_index (hit->zones, slot);
  return zone != NULL && gtk_widget_get_visible (GTK_WIDGET (zone)) ? zone : NULL;
}

/* The maps of the current view and layer, looked up once per change so
 * that a hit test is a few multiplications and one byte read. None are
 * built for the first frame, which does not need them: until then the
 * zones of the view count as shown, and a hit test builds them itself. */
void
_sm_body_map_update_hit_maps (SmBodyMap *self)
{
  if (!self->hit_maps_on)
    return;

  self->zone_hits = get_hit_map (self, self->view, self->layer);
  self->caution_hits = get_hit_map (self, self->view, "cautions");
}

static gboolean build_hit_maps (gpointer data);

/* The idle that builds the maps and then shows the zones they show. */
static void
schedule_hit_maps (SmBodyMap *self)
{
  if (self->hit_maps_id == 0)
    self->hit_maps_id = g_idle_add (build_hit_maps, self);
}

static gboolean
turn_on_hit_maps (SmBodyMap *self)
{
  if (self->hit_maps_on)
    return FALSE;

  self->hit_maps_on = TRUE;
  _sm_body_map_update_hit_maps (self);
  return TRUE;
}

/* What is shown and what a point hits, exactly, from now on. Which zones
 * are shown follows from the maps, but a hit test may come from GTK's own
 * picking, while the children must stay as they are: the idle shows them. */
void
_sm_body_map_ensure_hit_maps (SmBodyMap *self)
{
  if (turn_on_hit_maps (self))
    schedule_hit_maps (self);
}

static gboolean
build_hit_maps (gpointer data)
{
  SmBodyMap *self = data;

  self->hit_maps_id = 0;
  turn_on_hit_maps (self);
  _sm_body_map_update_zone_visibility (self);
  _sm_body_map_prepare_masks (self);
  return G_SOURCE_REMOVE;
}

static void
on_first_paint (GdkFrameClock *clock,
                SmBodyMap     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (!self->hit_maps_on)
    schedule_hit_maps (self);
}

static void
on_map (SmBodyMap *self)
{
  if (!self->hit_maps_on && self->hit_maps_id == 0)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_paint), self, 0);
}

/* A shown caution area lies over every zone; zones of the side that the
 * filter hides are invisible and so never picked. */
SmMapZone *
_sm_body_map_pick_zone (SmBodyMap *self,
                        double     x,
                        double     y)
{
  SmMapZone *zone = NULL;
  double u, v;

  _sm_body_map_ensure_hit_maps (self);
  _sm_body_map_widget_to_svg (self, x, y, &u, &v);

  if (self->overlays[SM_BODY_MAP_OVERLAY_CAUTIONS] || g_hash_table_size (self->near_cautions) > 0)
    zone = hit_lookup (self->caution_hits, u, v);

  if (zone == NULL)
    zone = hit_lookup (self->zone_hits, u, v);

  return zone;
}

const char *
sm_body_map_pick (SmBodyMap *self,
                  double     x,
                  double     y)
{
  SmMapZone *zone;

  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  zone = _sm_body_map_pick_zone (self, x, y);
  return zone != NULL ? sm_map_zone_get_element_id (zone) : NULL;
}

/* --- Layout -------------------------------------------------------------- */

static void
allocate_zone (SmBodyMap *self,
               SmMapZone *zone)
{
  cairo_rectangle_t box;
  GtkAllocation alloc;
  int min;

  if (!sm_anatomy_get_bounds (self->anatomy, self->view, sm_map_zone_get_element_id (zone), &box))
    box = (cairo_rectangle_t) { 0, 0, 0, 0 };

  alloc.x = (int) floor (self->origin_x + box.x * self->scale);
  alloc.y = (int) floor (self->origin_y + box.y * self->scale);
  alloc.width = (int) ceil (self->origin_x + (box.x + box.width) * self->scale) - alloc.x;
  alloc.height = (int) ceil (self->origin_y + (box.y + box.height) * self->scale) - alloc.y;

  gtk_widget_measure (GTK_WIDGET (zone), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (zone), GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (zone), &alloc, -1);
}

/* The toolbar floats at the bottom centre of the map. */
static void
allocate_toolbar (SmBodyMap *self,
                  int        width,
                  int        height)
{
  GtkRequisition natural;
  GtkAllocation alloc;

  gtk_widget_get_preferred_size (self->toolbar, NULL, &natural);
  self->toolbar_band = natural.height + TOOLBAR_GAP;
  alloc.width = MIN (natural.width, width);
  alloc.height = natural.height;
  alloc.x = (width - alloc.width) / 2;
  alloc.y = MAX (height - alloc.height - TOOLBAR_GAP, 0);
  gtk_widget_size_allocate (self->toolbar, &alloc, -1);
}

/* Every zone when the transform or the size changed; otherwise only the
 * zones shown since the last layout (a selection shows its caution areas,
 * and laying out the other zones again cost a tenth of that frame). The
 * others keep their allocation, which is still where their shape lies. */
static void
sm_body_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  double old_scale = self->scale, old_x = self->origin_x, old_y = self->origin_y;
  GPtrArray *zones;

  allocate_toolbar (self, width, height);
  _sm_body_map_update_transform (self);
  if (old_scale != self->scale || old_x != self->origin_x || old_y != self->origin_y)
    _sm_body_map_transform_changed (self);

  if (width != self->layout_width || height != self->layout_height)
    self->layout_all = TRUE;
  zones = self->layout_all ? self->zones : self->zones_shown;
  for (guint i = 0; i < zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (zones, i);

      if (gtk_widget_get_visible (GTK_WIDGET (zone)))
        allocate_zone (self, zone);
    }
  g_ptr_array_set_size (self->zones_shown, 0);
  self->layout_all = FALSE;
  self->layout_width = width;
  self->layout_height = height;

  gtk_popover_present (self->caution_popover);
}

static void
sm_body_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 700;
}

void
_sm_body_map_geometry_class_init (GtkWidgetClass *widget_class)
{
  widget_class->size_allocate = sm_body_map_size_allocate;
  widget_class->measure = sm_body_map_measure;
}

void
_sm_body_map_geometry_init (SmBodyMap *self)
{
  self->hit_maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hit_map_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  self->zones_shown = g_ptr_array_new ();
  self->layout_all = TRUE;
}
