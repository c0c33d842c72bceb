/* sm-body-map-highlights.c: the body map's highlight masks and images
 *
 * Masks of single elements (silhouette, outline, dashed, artwork) and the
 * hover and selection images made of them are drawn once per geometry and
 * kept in an SmMaskSet. When the geometry changes (zoom, pan, resize) the
 * set becomes the stale set: until the idle has drawn the new geometry's
 * masks (or the worker of sm-body-map-masks.c has), a frame shows the
 * stale ones scaled to where their SVG units lie now, instead of drawing
 * masks while a person waits for the zoom to show.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-body-map-private.h"

static gboolean prewarm_masks (gpointer data);
static void crop_to_ink (SmMapMask *image);

static void
mask_free (gpointer data)
{
  SmMapMask *mask = data;

  cairo_surface_destroy (mask->surface);
  g_clear_pointer (&mask->node, gsk_render_node_unref);
  g_free (mask);
}

/* The surface is NULL for an element the view does not have. */
static SmMapMask *
mask_render (SmBodyMap      *self,
             SmAnatomyStyle  style,
             const char     *id)
{
  SmMapMask *mask = g_new0 (SmMapMask, 1);
  g_autoptr(GError) error = NULL;

  mask->surface = sm_anatomy_render_mask (self->anatomy, self->view, style, id,
                                          self->origin_x, self->origin_y, self->scale,
                                          gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                          SM_ANATOMY_OUTLINE_PAD, &mask->x, &mask->y, &error);
  if (error != NULL)
    g_warning ("Cannot draw %s: %s", id, error->message);
  if (style == SM_ANATOMY_STYLE_ART && mask->surface != NULL)
    crop_to_ink (mask);
  return mask;
}

/* --- Mask sets ----------------------------------------------------------- */

static void
mask_set_init (SmMaskSet *set)
{
  set->masks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mask_free);
}

static void
mask_set_clear (SmMaskSet *set)
{
  g_clear_pointer (&set->masks, g_hash_table_unref);
  g_clear_pointer (&set->view, g_free);
}

void
_sm_body_map_masks_clear (SmBodyMap *self)
{
  mask_set_clear (&self->masks);
  mask_set_clear (&self->stale);
}

/* The geometry changed (the transform already has the new one). The masks
 * drawn so far become the stale set, so that the frames until the idle has
 * drawn the new ones show them scaled instead of drawing masks while a
 * person waits for the zoom. A set with fewer masks than the stale set of
 * the same view leaves that one: in a run of zoom steps (a pinch, Ctrl and
 * the wheel) each step's set holds only what its frames drew, and the
 * older, fuller set still maps to where its SVG units lie now. */
void
_sm_body_map_keep_masks_as_stale (SmBodyMap *self)
{
  guint n_masks = g_hash_table_size (self->masks.masks);
  gboolean fuller_stale = self->stale.masks != NULL &&
                          g_strcmp0 (self->stale.view, self->masks.view) == 0 &&
                          g_hash_table_size (self->stale.masks) > n_masks;
  GHashTableIter iter;
  gpointer mask;

  if (fuller_stale)
    g_hash_table_remove_all (self->masks.masks);
  else if (n_masks > 0)
    {
      mask_set_clear (&self->stale);
      self->stale = self->masks;
      g_hash_table_iter_init (&iter, self->stale.masks);
      while (g_hash_table_iter_next (&iter, NULL, &mask))
        ((SmMapMask *) mask)->stale = TRUE;
      self->masks = (SmMaskSet) { NULL, NULL, 0, 0, 0 };
      mask_set_init (&self->masks);
    }

  g_free (self->masks.view);
  self->masks.view = g_strdup (self->view);
  self->masks.scale = self->scale;
  self->masks.origin_x = self->origin_x;
  self->masks.origin_y = self->origin_y;
}

/* A stale mask maps SVG units as its geometry did: it is shown only in
 * that view, and a set of another view is of no use. */
static SmMapMask *
lookup_stale (SmBodyMap  *self,
              const char *key)
{
  SmMapMask *mask;

  if (self->stale.masks == NULL || g_strcmp0 (self->stale.view, self->view) != 0 ||
      self->stale.scale <= 0)
    return NULL;

  mask = g_hash_table_lookup (self->stale.masks, key);
  if (mask != NULL)
    {
      self->stale_shown = TRUE;
      if (self->prewarm_id == 0)
        self->prewarm_id = g_idle_add_full (G_PRIORITY_LOW, prewarm_masks, self, NULL);
    }
  return mask;
}

/* --- Masks --------------------------------------------------------------- */

/* The current geometry's mask of @key if it is at hand: drawn already, or
 * made by the worker (waited for, if @wait, while the worker draws it). */
static SmMapMask *
lookup_exact (SmBodyMap  *self,
              const char *key,
              gboolean    wait)
{
  SmMapMask *mask = g_hash_table_lookup (self->masks.masks, key);

  if (mask == NULL && self->mask_prep != NULL)
    {
      mask = g_new0 (SmMapMask, 1);
      if (!_sm_mask_prep_take (self->mask_prep, key, wait, &mask->surface, &mask->x, &mask->y))
        g_clear_pointer (&mask, g_free);
      else
        g_hash_table_insert (self->masks.masks, g_strdup (key), mask);
    }

  return mask;
}

/* Any element of @view, e.g. a landmark, for the current geometry; drawn
 * here if the worker has not made it. */
static SmMapMask *
get_exact_element_mask (SmBodyMap      *self,
                        SmAnatomyStyle  style,
                        const char     *view,
                        const char     *id)
{
  g_autofree char *key = _sm_mask_key (style, view, id);
  SmMapMask *mask = lookup_exact (self, key, TRUE);

  if (mask == NULL)
    {
      mask = mask_render (self, style, id);
      g_hash_table_insert (self->masks.masks, g_steal_pointer (&key), mask);
    }

  return mask;
}

/* What a frame paints: the exact mask if it is at hand, else the stale one
 * (the idle draws the exact one and redraws), else the exact one now. */
SmMapMask *
_sm_body_map_get_element_mask (SmBodyMap      *self,
                  SmAnatomyStyle  style,
                  const char     *view,
                  const char     *id)
{
  g_autofree char *key = _sm_mask_key (style, view, id);
  SmMapMask *mask = lookup_exact (self, key, FALSE);

  if (mask == NULL)
    mask = lookup_stale (self, key);
  if (mask == NULL)
    mask = get_exact_element_mask (self, style, view, id);
  return mask;
}

SmMapMask *
_sm_body_map_get_mask (SmBodyMap      *self,
          SmAnatomyStyle  style,
          SmMapZone      *zone)
{
  return _sm_body_map_get_element_mask (self, style, sm_map_zone_get_view (zone),
                           sm_map_zone_get_element_id (zone));
}

static SmMapMask *
get_exact_mask (SmBodyMap      *self,
                SmAnatomyStyle  style,
                SmMapZone      *zone)
{
  return get_exact_element_mask (self, style, sm_map_zone_get_view (zone),
                                 sm_map_zone_get_element_id (zone));
}

/* The exact masks of whatever the last frame showed stale. */
static void
make_shown_exact (SmBodyMap *self)
{
  SmMapZone *zones[] = { self->selected, self->hovered };
  GtkWidget *focus = gtk_widget_get_focus_child (GTK_WIDGET (self));
  GHashTableIter iter;
  gpointer zone;

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    if (zones[i] != NULL && g_strcmp0 (sm_map_zone_get_view (zones[i]), self->view) == 0)
      {
        get_exact_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, zones[i]);
        get_exact_mask (self, SM_ANATOMY_STYLE_OUTLINE, zones[i]);
      }
  if (SM_IS_MAP_ZONE (focus) && g_strcmp0 (sm_map_zone_get_view (SM_MAP_ZONE (focus)), self->view) == 0)
    get_exact_mask (self, SM_ANATOMY_STYLE_DASHED, SM_MAP_ZONE (focus));

  g_hash_table_iter_init (&iter, self->near_cautions);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    get_exact_mask (self, SM_ANATOMY_STYLE_ART, zone);

  for (guint i = 0; self->emphasis != NULL && self->emphasis[i] != NULL; i++)
    if (sm_svg_index_has_id (sm_anatomy_get_index (self->anatomy, self->view), self->emphasis[i]))
      {
        get_exact_element_mask (self, SM_ANATOMY_STYLE_ART, self->view, self->emphasis[i]);
        get_exact_element_mask (self, SM_ANATOMY_STYLE_OUTLINE, self->view, self->emphasis[i]);
      }
}

/* While nothing else happens: first the exact masks of what a frame showed
 * stale (then a redraw), then the hover and selection masks of the zones
 * on show and the caution areas of the view (which come up with a
 * selection), one zone per idle call, so the first hover is as cheap as
 * the next ones. Then the stale set is no longer needed. */
static gboolean
prewarm_masks (gpointer data)
{
  SmBodyMap *self = data;

  if (self->stale_shown)
    {
      make_shown_exact (self);
      self->stale_shown = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return G_SOURCE_CONTINUE;
    }

  while (self->prewarm_next < self->zones->len)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, self->prewarm_next++);

      if (sm_map_zone_is_caution (zone) && g_strcmp0 (sm_map_zone_get_view (zone), self->view) == 0)
        {
          get_exact_mask (self, SM_ANATOMY_STYLE_ART, zone);
          return G_SOURCE_CONTINUE;
        }
      if (!gtk_widget_get_visible (GTK_WIDGET (zone)) || sm_map_zone_is_caution (zone))
        continue;

      get_exact_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, zone);
      get_exact_mask (self, SM_ANATOMY_STYLE_OUTLINE, zone);
      return G_SOURCE_CONTINUE;
    }

  mask_set_clear (&self->stale);
  self->prewarm_id = 0;
  return G_SOURCE_REMOVE;
}

/* The geometry changed: the worker draws the silhouettes and outlines of
 * the zones on show (the selected and the hovered one first) while this
 * thread draws the new base. */
void
_sm_body_map_prepare_masks (SmBodyMap *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  SmMapZone *first[] = { self->selected, self->hovered };

  if (self->mask_prep == NULL)
    self->mask_prep = _sm_mask_prep_new (self->anatomy);
  /* Not for the first frame: the worker starts with the hit maps, after it
   * (see sm-body-map-geometry.c), so that its drawing does not add to the
   * memory and the other core's work of the app's start. */
  if (self->view == NULL || self->scale <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !self->hit_maps_on)
    {
      _sm_mask_prep_cancel (self->mask_prep);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    if (first[i] != NULL && g_strcmp0 (sm_map_zone_get_view (first[i]), self->view) == 0)
      g_ptr_array_add (ids, (gpointer) sm_map_zone_get_element_id (first[i]));
  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);

      if (zone == self->selected || zone == self->hovered ||
          g_strcmp0 (sm_map_zone_get_view (zone), self->view) != 0 ||
          !gtk_widget_get_visible (GTK_WIDGET (zone)) || sm_map_zone_is_caution (zone))
        continue;
      g_ptr_array_add (ids, (gpointer) sm_map_zone_get_element_id (zone));
    }

  /* The ids are the zones' own strings: the job keeps a copy of each. */
  for (guint i = 0; i < ids->len; i++)
    ids->pdata[i] = g_strdup (ids->pdata[i]);
  g_ptr_array_set_free_func (ids, g_free);
  _sm_mask_prep_start (self->mask_prep, self->view, self->origin_x, self->origin_y, self->scale,
                       gtk_widget_get_scale_factor (GTK_WIDGET (self)), SM_ANATOMY_OUTLINE_PAD, ids);
}

void
_sm_body_map_schedule_prewarm (SmBodyMap *self)
{
  self->prewarm_next = 0;
  if (self->prewarm_id == 0)
    self->prewarm_id = g_idle_add_full (G_PRIORITY_LOW, prewarm_masks, self, NULL);
}

/* The selection's hatch: lines at 45° every 9 px, as a tile that repeats
 * (stroking the lines across a large shape took milliseconds). The tile
 * holds several periods, so that painting it copies long runs rather than
 * a few pixels at a time. */
static cairo_pattern_t *
hatch_new (const GdkRGBA *color,
           double         sx)
{
  int period = MAX ((int) round (9 * sx), 1);
  int size = period * MAX ((48 + period - 1) / period, 1);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_pattern_t *pattern;
  cairo_t *cr = cairo_create (tile);

  /* The lines x + y = k period across the tile, long enough that their
   * ends lie outside it. */
  for (int c = 0; c <= 2 * size; c += period)
    {
      cairo_move_to (cr, c + period, -period);
      cairo_line_to (cr, c - size - period, size + period);
    }
  cairo_set_line_width (cr, 2.5 * sx);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.75);
  cairo_stroke (cr);
  cairo_destroy (cr);

  pattern = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return pattern;
}

/* The hatch of the last colour and scale asked for: after a zoom every
 * zone's selection image is drawn again, in the same colour. Main thread
 * only, like the frames that draw the images. */
static cairo_pattern_t *
hatch_get (const GdkRGBA *color,
           double         sx)
{
  static cairo_pattern_t *hatch;
  static GdkRGBA hatch_color;
  static double hatch_sx;

  if (hatch == NULL || hatch_sx != sx || !gdk_rgba_equal (&hatch_color, color))
    {
      g_clear_pointer (&hatch, cairo_pattern_destroy);
      hatch = hatch_new (color, sx);
      hatch_color = *color;
      hatch_sx = sx;
    }
  return hatch;
}

static inline const guint8 *
row_at (const guint8 *data,
        int           stride,
        int           y)
{
  return data + (gsize) y * stride;
}

static inline gboolean
pixel_has_ink (const guint8 *row,
               int           x,
               int           bytes)
{
  return bytes == 4 ? ((const guint32 *) row)[x] != 0 : row[x] != 0;
}

static gboolean
row_is_empty (const guint8 *row,
              int           width,
              int           bytes)
{
  for (int x = 0; x < width; x++)
    if (pixel_has_ink (row, x, bytes))
      return FALSE;
  return TRUE;
}

/* The box of the pixels of @surface (ARGB32 or A8) that are not clear:
 * FALSE if none is. The first and last rows with ink bound it from above
 * and below; between them each row is read only from the edges in as far
 * as the box reaches so far, so the cost is that of the margins, not of
 * the image (this runs in the first frame after every zoom). */
gboolean
_sm_image_find_ink (cairo_surface_t       *surface,
                    cairo_rectangle_int_t *box)
{
  const guint8 *data;
  int width, height, stride, bytes, x0, y0, x1 = -1, y1;

  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32 ||
                        cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8, FALSE);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = cairo_image_surface_get_format (surface) == CAIRO_FORMAT_A8 ? 1 : 4;
  x0 = width;
  for (y0 = 0; y0 < height && row_is_empty (row_at (data, stride, y0), width, bytes); y0++)
    ;
  for (y1 = height - 1; y1 > y0 && row_is_empty (row_at (data, stride, y1), width, bytes); y1--)
    ;

  for (int y = y0; y <= y1; y++)
    {
      const guint8 *row = row_at (data, stride, y);

      for (int x = 0; x < x0; x++)
        if (pixel_has_ink (row, x, bytes))
          {
            x0 = x;
            break;
          }
      for (int x = width - 1; x > x1; x--)
        if (pixel_has_ink (row, x, bytes))
          {
            x1 = x;
            break;
          }
    }

  *box = (cairo_rectangle_int_t) { x0, y0, x1 - x0 + 1, y1 - y0 + 1 };
  return x1 >= 0;
}

/* Trims @image (ARGB32) to its ink: the masks keep room for outline
 * strokes all round, and each pixel of an image costs on every frame. */
static void
crop_to_ink (SmMapMask *image)
{
  int width = cairo_image_surface_get_width (image->surface);
  int height = cairo_image_surface_get_height (image->surface);
  int stride = cairo_image_surface_get_stride (image->surface);
  cairo_rectangle_int_t ink;
  const guint8 *data;
  cairo_surface_t *cropped;
  double sx, sy;

  if (!_sm_image_find_ink (image->surface, &ink) ||
      (ink.width == width && ink.height == height))
    return;

  data = cairo_image_surface_get_data (image->surface);
  cairo_surface_get_device_scale (image->surface, &sx, &sy);
  cropped = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, ink.width, ink.height);
  for (int y = 0; y < ink.height; y++)
    memcpy (cairo_image_surface_get_data (cropped) + (gsize) y * cairo_image_surface_get_stride (cropped),
            data + (gsize) (ink.y + y) * stride + 4 * ink.x, 4 * ink.width);
  cairo_surface_mark_dirty (cropped);
  cairo_surface_set_device_scale (cropped, sx, sy);
  cairo_surface_destroy (image->surface);
  image->surface = cropped;
  image->x += ink.x / sx;
  image->y += ink.y / sy;
}

/* The box, in @silhouette's device pixels, of what @silhouette and
 * @outline (@dx, @dy further on) ink: FALSE if neither inks anything. */
static gboolean
masks_ink (SmMapMask             *silhouette,
           SmMapMask             *outline,
           int                    dx,
           int                    dy,
           cairo_rectangle_int_t *box)
{
  cairo_rectangle_int_t shape, line;
  gboolean has_shape = _sm_image_find_ink (silhouette->surface, &shape);
  gboolean has_line = _sm_image_find_ink (outline->surface, &line);
  int x0, y0, x1, y1;

  line.x += dx;
  line.y += dy;
  if (!has_shape || !has_line)
    {
      *box = has_shape ? shape : line;
      return has_shape || has_line;
    }

  x0 = MIN (shape.x, line.x), y0 = MIN (shape.y, line.y);
  x1 = MAX (shape.x + shape.width, line.x + line.width);
  y1 = MAX (shape.y + shape.height, line.y + line.height);
  *box = (cairo_rectangle_int_t) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

/* A new image for a zone's @silhouette and @outline, over just the box
 * (@box, in @silhouette's device pixels; @outline lies @dx, @dy further
 * on) that they ink: the masks keep room for the outline all round, and
 * each pixel of an image costs on every frame. Its surface is NULL, and
 * there is nothing to draw, if either mask is missing or neither inks. */
static SmMapMask *
image_over_ink (SmMapMask             *silhouette,
                SmMapMask             *outline,
                cairo_rectangle_int_t *box,
                int                   *dx,
                int                   *dy)
{
  SmMapMask *image = g_new0 (SmMapMask, 1);
  double sx, sy;

  if (silhouette->surface == NULL || outline->surface == NULL)
    return image;

  cairo_surface_get_device_scale (silhouette->surface, &sx, &sy);
  *dx = (int) round ((outline->x - silhouette->x) * sx);
  *dy = (int) round ((outline->y - silhouette->y) * sy);
  if (!masks_ink (silhouette, outline, *dx, *dy, box))
    return image;

  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, box->width, box->height);
  cairo_surface_set_device_scale (image->surface, sx, sy);
  image->x = silhouette->x + box->x / sx;
  image->y = silhouette->y + box->y / sy;
  return image;
}

/* Selection is never colour alone: a hatch over the shape and a thick
 * outline mark it. Drawn once per zone and colour, then reused. */
static SmMapMask *
selection_render (SmMapMask     *silhouette,
                  SmMapMask     *outline,
                  const GdkRGBA *color)
{
  cairo_rectangle_int_t box;
  int dx, dy;
  SmMapMask *image = image_over_ink (silhouette, outline, &box, &dx, &dy);
  cairo_pattern_t *hatch;
  cairo_matrix_t matrix;
  double sx, sy;
  cairo_t *cr;

  if (image->surface == NULL)
    return image;

  /* In device pixels throughout: the masks' device scale is set aside. */
  cairo_surface_get_device_scale (silhouette->surface, &sx, &sy);
  cairo_surface_set_device_scale (silhouette->surface, 1, 1);
  cairo_surface_set_device_scale (outline->surface, 1, 1);
  cairo_surface_set_device_scale (image->surface, 1, 1);
  cr = cairo_create (image->surface);

  /* The hatch where it lay on the whole mask, kept inside the shape
   * (painting it and then cutting it out is many times faster than
   * painting it through the shape as a mask), then the outline. */
  hatch = hatch_get (color, sx);
  cairo_matrix_init_translate (&matrix, box.x, box.y);
  cairo_pattern_set_matrix (hatch, &matrix);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source (cr, hatch);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_IN);
  cairo_set_source_surface (cr, silhouette->surface, -box.x, -box.y);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_mask_surface (cr, outline->surface, dx - box.x, dy - box.y);
  cairo_destroy (cr);

  cairo_surface_set_device_scale (silhouette->surface, sx, sy);
  cairo_surface_set_device_scale (outline->surface, sx, sy);
  cairo_surface_set_device_scale (image->surface, sx, sy);
  return image;
}

/* Hover: the shape lightly tinted under a clear outline, in one image per
 * zone and colour, so a frame paints one node rather than two masks. */
static SmMapMask *
hover_render (SmMapMask     *silhouette,
              SmMapMask     *outline,
              const GdkRGBA *color)
{
  cairo_rectangle_int_t box;
  int dx, dy;
  SmMapMask *image = image_over_ink (silhouette, outline, &box, &dx, &dy);
  cairo_t *cr;

  if (image->surface == NULL)
    return image;

  cr = cairo_create (image->surface);
  cairo_translate (cr, -image->x, -image->y);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.3);
  cairo_mask_surface (cr, silhouette->surface, silhouette->x, silhouette->y);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.8);
  cairo_mask_surface (cr, outline->surface, outline->x, outline->y);
  cairo_destroy (cr);
  return image;
}

typedef SmMapMask *(*ComposeFunc) (SmMapMask     *silhouette,
                                   SmMapMask     *outline,
                                   const GdkRGBA *color);

/* A zone's hover or selection image (@kind), made of its silhouette and
 * outline: of the current geometry if both are at hand, else the stale
 * set's (made of its masks if need be), else of the current geometry,
 * drawing what is missing now. */
SmMapMask *
_sm_body_map_get_zone_image (SmBodyMap     *self,
                             SmZoneImage    kind,
                             SmMapZone     *zone,
                             const GdkRGBA *color)
{
  static const char * const kinds[] = { [SM_ZONE_IMAGE_HOVER] = "hover", [SM_ZONE_IMAGE_SELECTION] = "selection" };
  ComposeFunc compose = kind == SM_ZONE_IMAGE_HOVER ? hover_render : selection_render;
  const char *view = sm_map_zone_get_view (zone), *id = sm_map_zone_get_element_id (zone);
  g_autofree char *rgba = gdk_rgba_to_string (color);
  g_autofree char *key = g_strdup_printf ("%s/%s/%s/%s", kinds[kind], view, id, rgba);
  g_autofree char *silhouette_key = _sm_mask_key (SM_ANATOMY_STYLE_SILHOUETTE, view, id);
  g_autofree char *outline_key = _sm_mask_key (SM_ANATOMY_STYLE_OUTLINE, view, id);
  SmMapMask *image = g_hash_table_lookup (self->masks.masks, key);
  SmMapMask *silhouette, *outline;

  if (image != NULL)
    return image;

  silhouette = lookup_exact (self, silhouette_key, FALSE);
  outline = lookup_exact (self, outline_key, FALSE);
  if (silhouette == NULL || outline == NULL)
    {
      image = lookup_stale (self, key);
      if (image == NULL && (silhouette = lookup_stale (self, silhouette_key)) != NULL &&
          (outline = lookup_stale (self, outline_key)) != NULL)
        {
          image = compose (silhouette, outline, color);
          image->stale = TRUE;
          g_hash_table_insert (self->stale.masks, g_strdup (key), image);
        }
      if (image != NULL)
        return image;

      silhouette = get_exact_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, zone);
      outline = get_exact_mask (self, SM_ANATOMY_STYLE_OUTLINE, zone);
    }

  image = compose (silhouette, outline, color);
  g_hash_table_insert (self->masks.masks, g_steal_pointer (&key), image);
  return image;
}

void
_sm_body_map_masks_init (SmBodyMap *self)
{
  mask_set_init (&self->masks);
}
