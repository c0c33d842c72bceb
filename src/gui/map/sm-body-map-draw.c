/* sm-body-map-draw.c: the base picture in tiles, highlights and step numbers
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sm-body-map-private.h"
#include "sm-zone-id.h"

/* --- Base render --------------------------------------------------------- */

/* The base must be redrawn (view, layer, overlays, side filter, zoom, pan
 * or theme changed); masks must be redrawn when the geometry changed. */
void
_sm_body_map_invalidate_base (SmBodyMap *self)
{
  self->base_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* #2e3436, the darkest line on the artwork (which is the same in every
 * style): for lines drawn over light parts of it. */
static const GdkRGBA art_ink = { 0.180, 0.204, 0.212, 1.0 };

GdkRGBA
_sm_body_map_get_foreground (SmBodyMap *self)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  return color;
}

/* The base as a grid of nodes, each painting its part of the surface.
 * GSK's cairo renderer paints a cairo node by first copying the part of
 * it inside the clip's bounding box into a scratch image: one node over
 * the whole widget would copy the whole box around the old and the new
 * highlight, however far apart they are, on every frame. A tile that
 * misses the damaged boxes costs nothing, one that meets them copies only
 * what it shares with them. Kept until the base changes, so the GL
 * renderer also keeps the textures it made of them. */
#define BASE_TILE 256   /* device pixels a side */

/* Whether the part of @base at device pixels (@x, @y, @width, @height) is
 * fully transparent. The figure fills only part of a wide map (a third of
 * the presenter's at 3840×2160), and a clear tile would still cost a copy
 * into its node's image, memory the process never touched before, and
 * its upload on every full frame: it is left out, which paints the same. */
static gboolean
base_part_is_clear (cairo_surface_t *base,
                    int              x,
                    int              y,
                    int              width,
                    int              height)
{
  const guint8 *data = cairo_image_surface_get_data (base);
  int stride = cairo_image_surface_get_stride (base);

  for (int row = y; row < y + height; row++)
    {
      const guint32 *pixel = (const guint32 *) (data + (gsize) row * stride) + x;

      for (int i = 0; i < width; i++)
        if (pixel[i] != 0)
          return FALSE;
    }
  return TRUE;
}

GskRenderNode *
_sm_body_map_base_node_new (cairo_surface_t *base,
                            int              width,
                            int              height,
                            int              factor)
{
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  int tile = MAX (BASE_TILE / factor, 1);

  cairo_surface_flush (base);
  for (int y = 0; y < height; y += tile)
    for (int x = 0; x < width; x += tile)
      {
        graphene_rect_t bounds = GRAPHENE_RECT_INIT (x, y, MIN (tile, width - x), MIN (tile, height - y));
        GskRenderNode *node;
        cairo_t *cr;

        if (base_part_is_clear (base, x * factor, y * factor,
                                bounds.size.width * factor, bounds.size.height * factor))
          continue;

        node = gsk_cairo_node_new (&bounds);
        cr = gsk_cairo_node_get_draw_context (node);

        cairo_set_source_surface (cr, base, 0, 0);
        cairo_rectangle (cr, x, y, bounds.size.width, bounds.size.height);
        cairo_fill (cr);
        cairo_destroy (cr);
        g_ptr_array_add (tiles, node);
      }

  g_debug ("The base at %d×%d takes %u tiles of %d×%d", width, height, tiles->len,
           (width + tile - 1) / tile, (height + tile - 1) / tile);
  return gsk_container_node_new ((GskRenderNode **) tiles->pdata, tiles->len);
}

/* Draws the base for the current state, or takes the one a worker drew
 * ahead for it (sm-body-map-base.c). */
static void
ensure_base (SmBodyMap *self,
             int        width,
             int        height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_rectangle_t viewport;
  SmBaseJob *job;

  if (self->base_valid && self->base_width == width && self->base_height == height &&
      self->base_scale_factor == factor)
    return;

  g_clear_pointer (&self->base_node, gsk_render_node_unref);
  g_clear_pointer (&self->base, cairo_surface_destroy);
  viewport = _sm_body_map_get_viewport (self);
  job = _sm_base_job_new (self, width, height, factor, &viewport);
  self->foreground = *_sm_base_job_get_foreground (job);
  self->base = _sm_body_map_take_predrawn (self, job);
  if (self->base == NULL)
    self->base = _sm_base_job_draw (job);
  _sm_base_job_free (job);
  self->base_node = _sm_body_map_base_node_new (self->base, width, height, factor);

  _sm_body_map_schedule_prewarm (self);
  self->base_valid = TRUE;
  self->base_width = width;
  self->base_height = height;
  self->base_scale_factor = factor;
  self->base_renders++;
}

guint
sm_body_map_get_base_render_count (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 0);

  return self->base_renders;
}

/* --- Highlights ---------------------------------------------------------- */
/* A stale mask goes where its SVG units lie now: scaled by the ratio of
 * the scales, about the two origins. */
static void
push_geometry (SmBodyMap   *self,
               GtkSnapshot *snapshot,
               SmMapMask   *mask)
{
  double k;

  gtk_snapshot_save (snapshot);
  if (!mask->stale)
    return;

  k = self->scale / self->stale.scale;
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->origin_x - self->stale.origin_x * k,
                                                          self->origin_y - self->stale.origin_y * k));
  gtk_snapshot_scale (snapshot, k, k);
}

static graphene_rect_t
mask_bounds (SmMapMask *mask)
{
  double sx, sy;

  cairo_surface_get_device_scale (mask->surface, &sx, &sy);
  return GRAPHENE_RECT_INIT (mask->x, mask->y,
                             cairo_image_surface_get_width (mask->surface) / sx,
                             cairo_image_surface_get_height (mask->surface) / sy);
}

static void
paint_mask (SmBodyMap     *self,
            GtkSnapshot   *snapshot,
            SmMapMask     *mask,
            const GdkRGBA *color,
            double         alpha)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (mask->surface == NULL)
    return;

  bounds = mask_bounds (mask);
  push_geometry (self, snapshot, mask);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
  cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
  cairo_destroy (cr);
  gtk_snapshot_restore (snapshot);
}

/* The node is kept with the image: the next frame appends the same node,
 * which the GL renderer has already made a texture of. */
static void
paint_art (SmBodyMap   *self,
           GtkSnapshot *snapshot,
           SmMapMask   *mask)
{
  graphene_rect_t bounds;
  cairo_t *cr;

  if (mask->surface == NULL)
    return;

  if (mask->node == NULL)
    {
      bounds = mask_bounds (mask);
      mask->node = gsk_cairo_node_new (&bounds);
      cr = gsk_cairo_node_get_draw_context (mask->node);
      cairo_set_source_surface (cr, mask->surface, mask->x, mask->y);
      cairo_paint (cr);
      cairo_destroy (cr);
    }

  push_geometry (self, snapshot, mask);
  gtk_snapshot_append_node (snapshot, mask->node);
  gtk_snapshot_restore (snapshot);
}

static SmMapZone *
focused_zone (SmBodyMap *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!SM_IS_MAP_ZONE (child) || !gtk_widget_has_focus (child))
    return NULL;
  if (GTK_IS_WINDOW (root) && !gtk_window_get_focus_visible (GTK_WINDOW (root)))
    return NULL;
  return SM_MAP_ZONE (child);
}

static void
snapshot_highlights (SmBodyMap   *self,
                     GtkSnapshot *snapshot)
{
  SmMapZone *focus = focused_zone (self);
  GHashTableIter iter;
  gpointer zone;

  if (self->selected != NULL && gtk_widget_get_visible (GTK_WIDGET (self->selected)))
    {
      GdkRGBA color = sm_map_zone_get_color (self->selected);

      paint_art (self, snapshot, _sm_body_map_get_zone_image (self, SM_ZONE_IMAGE_SELECTION, self->selected, &color));
    }

  if (self->hovered != NULL && self->hovered != self->selected)
    {
      GdkRGBA color = sm_map_zone_get_color (self->hovered);

      paint_art (self, snapshot, _sm_body_map_get_zone_image (self, SM_ZONE_IMAGE_HOVER, self->hovered, &color));
    }

  /* Elements the side pane points at, such as the bony landmarks used to
   * find the open muscle: the artwork with an outline that stands out. The
   * bones keep their light colours in every style, so the outline is in
   * the artwork's dark ink: the theme's text colour would be white on bone
   * in dark and inverse high-contrast styles. */
  for (guint i = 0; self->emphasis != NULL && self->emphasis[i] != NULL; i++)
    {
      const char *id = self->emphasis[i];

      if (!sm_svg_index_has_id (sm_anatomy_get_index (self->anatomy, self->view), id))
        continue;
      paint_art (self, snapshot, _sm_body_map_get_element_mask (self, SM_ANATOMY_STYLE_ART, self->view, id));
      paint_mask (self, snapshot, _sm_body_map_get_element_mask (self, SM_ANATOMY_STYLE_OUTLINE, self->view, id), &art_ink, 0.9);
    }

  /* Caution areas go over the selection that brought them up. */
  if (!self->overlays[SM_BODY_MAP_OVERLAY_CAUTIONS])
    {
      g_hash_table_iter_init (&iter, self->near_cautions);
      while (g_hash_table_iter_next (&iter, &zone, NULL))
        if (gtk_widget_get_visible (zone))
          paint_art (self, snapshot, _sm_body_map_get_mask (self, SM_ANATOMY_STYLE_ART, zone));
    }

  if (focus != NULL)
    {
      GdkRGBA color = sm_map_zone_get_color (focus);

      paint_mask (self, snapshot, _sm_body_map_get_mask (self, SM_ANATOMY_STYLE_DASHED, focus), &color, 1);
    }
}

/* --- Routine step numbers ------------------------------------------------ */

/* In sm-map-badges.c: placed again when the view, the zoom or the
 * numbers change. */
static SmMapBadges *
get_step_badges (SmBodyMap *self)
{
  if (self->step_badges == NULL)
    self->step_badges = sm_map_badges_new ();
  sm_map_badges_update (self->step_badges, GTK_WIDGET (self), self->anatomy, self->view,
                        self->scale, self->step_numbers);
  return self->step_badges;
}

static void
snapshot_step_numbers (SmBodyMap   *self,
                       GtkSnapshot *snapshot)
{
  sm_map_badges_snapshot (get_step_badges (self), snapshot, self->origin_x, self->origin_y, self->scale);
}

/**
 * sm_body_map_get_step_badges:
 * @n_badges: (out): how many
 *
 * For tests and overlays: the step badges of the current view as the map
 * draws them, centres and half sizes in SVG units.
 *
 * Returns: (array length=n_badges) (transfer none): the badges
 */
const SmBadge *
sm_body_map_get_step_badges (SmBodyMap *self,
                             guint     *n_badges)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return sm_map_badges_get (get_step_badges (self), n_badges);
}

/**
 * sm_body_map_set_step_numbers:
 * @numbers: (nullable) (element-type utf8 utf8): element id
 *   ("zone-piriformis-left") → label ("2" or "1, 4"); %NULL for none
 *
 * The routine hook: while a routine is open, its zones carry their step
 * numbers on the map, in whichever view they are.
 */
void
sm_body_map_set_step_numbers (SmBodyMap  *self,
                              GHashTable *numbers)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  g_clear_pointer (&self->step_numbers, g_hash_table_unref);
  if (numbers != NULL)
    self->step_numbers = g_hash_table_ref (numbers);
  if (self->step_badges != NULL)
    sm_map_badges_invalidate (self->step_badges);

  /* The badges are pictures; screen readers hear the numbers on the zones. */
  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);
      const char *label = numbers != NULL ? g_hash_table_lookup (numbers, sm_map_zone_get_element_id (zone))
                                          : NULL;
      g_autofree char *description = NULL;

      if (label == NULL)
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          continue;
        }
      /* Translators: %s is one step number or a list, e.g. "2" or "1, 4" */
      description = g_strdup_printf (_("Routine step %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- Toolbar ------------------------------------------------------------ */

/* The node GTK keeps for the toolbar (under the transform that places it),
 * which stays the same object while the toolbar is not redrawn. */
static GskRenderNode *
unwrap_transforms (GskRenderNode *node)
{
  while (node != NULL && gsk_render_node_get_node_type (node) == GSK_TRANSFORM_NODE)
    node = gsk_transform_node_get_child (node);
  return node;
}

/* The toolbar's node drawn into an image at the device scale, and a cairo
 * node that paints that image at @bounds. */
static GskRenderNode *
toolbar_image_node (GskRenderNode         *node,
                    const graphene_rect_t *bounds,
                    int                    factor)
{
  int x = (int) floorf (bounds->origin.x), y = (int) floorf (bounds->origin.y);
  int width = (int) ceilf (bounds->origin.x + bounds->size.width) - x;
  int height = (int) ceilf (bounds->origin.y + bounds->size.height) - y;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * factor, height * factor);
  GskRenderNode *painted = gsk_cairo_node_new (bounds);
  cairo_t *cr;

  cairo_surface_set_device_scale (image, factor, factor);
  cr = cairo_create (image);
  cairo_translate (cr, -x, -y);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  cr = gsk_cairo_node_get_draw_context (painted);
  cairo_set_source_surface (cr, image, x, y);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return painted;
}

/* GSK's cairo renderer walks every node of the map on every frame, however
 * small the damage: the toolbar's buttons, labels and icons cost more than
 * a highlight. Drawn into one image, the toolbar costs nothing on a frame
 * whose damage misses it and one copy on a frame whose damage meets it (a
 * highlight at the calves, under it): a cairo node that held the toolbar's
 * drawing itself would draw its text and icons again on every such frame.
 * It is drawn again only when GTK gives the toolbar a new node (a button's
 * state changed, say) or the scale factor changes. */
static void
snapshot_toolbar (SmBodyMap   *self,
                  GtkSnapshot *snapshot)
{
  GtkSnapshot *inner = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  GskRenderNode *drawn;
  graphene_rect_t bounds;

  gtk_widget_snapshot_child (GTK_WIDGET (self), self->toolbar, inner);
  node = gtk_snapshot_free_to_node (inner);
  if (node == NULL)
    return;

  drawn = unwrap_transforms (node);
  gsk_render_node_get_bounds (node, &bounds);
  if (self->toolbar_node == NULL || drawn != self->toolbar_drawn ||
      !graphene_rect_equal (&bounds, &self->toolbar_bounds) || factor != self->toolbar_scale_factor)
    {
      g_clear_pointer (&self->toolbar_node, gsk_render_node_unref);
      g_clear_pointer (&self->toolbar_drawn, gsk_render_node_unref);
      self->toolbar_drawn = gsk_render_node_ref (drawn);
      self->toolbar_bounds = bounds;
      self->toolbar_scale_factor = factor;
      self->toolbar_node = toolbar_image_node (node, &bounds, factor);
    }

  gtk_snapshot_append_node (snapshot, self->toolbar_node);
}

static void
sm_body_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  ensure_base (self, width, height);
  gtk_snapshot_append_node (snapshot, self->base_node);
  _sm_body_map_snapshot_referral (self, snapshot);
  snapshot_highlights (self, snapshot);
  snapshot_step_numbers (self, snapshot);

  snapshot_toolbar (self, snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->caution_popover), snapshot);
}

void
_sm_body_map_draw_class_init (GtkWidgetClass *widget_class)
{
  widget_class->snapshot = sm_body_map_snapshot;
}

void
_sm_body_map_draw_init (SmBodyMap *self)
{
  _sm_body_map_masks_init (self);
}
