/* sm-body-map-base.c: the base picture (the artwork for the current view,
 * size, zoom, layer, side filter and overlays), drawn from a plain
 * description so that a worker thread can draw it ahead.
 *
 * Why ahead? The base of the first frame is the longest single piece of a
 * returning user's start-up on the main thread (12–25 ms), and the map's
 * size is known long before GTK lays the window out: between the window's
 * construction and its first layout, GTK spends some 50 ms realizing and
 * styling the window, on the other core. The window predicts the map's
 * size from its own (sm_body_map_predraw ()); the first frame takes the
 * picture only when everything it was drawn from is what the map would
 * draw now, else it draws its own and the worker's is dropped. So a wrong
 * guess costs the other core's time, never a wrong picture.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include "sm-body-map-private.h"
#include "sm-large-surface.h"

#define DEEP_COVER_ALPHA 0.35   /* superficial muscles over the deep layer */
#define DIM_ALPHA        0.3    /* the side that the filter hides */

static const char * const overlay_groups[SM_BODY_MAP_N_OVERLAYS] = {
  [SM_BODY_MAP_OVERLAY_NERVES] = "overlay-nerves",
  [SM_BODY_MAP_OVERLAY_LANDMARKS] = "overlay-landmarks",
  [SM_BODY_MAP_OVERLAY_PRESS_POINTS] = "overlay-press-points",
  [SM_BODY_MAP_OVERLAY_CAUTIONS] = "overlay-cautions",
};

/* The drawing order of the overlay groups in the artwork. */
static const SmBodyMapOverlay overlay_order[SM_BODY_MAP_N_OVERLAYS] = {
  SM_BODY_MAP_OVERLAY_LANDMARKS, SM_BODY_MAP_OVERLAY_NERVES,
  SM_BODY_MAP_OVERLAY_PRESS_POINTS, SM_BODY_MAP_OVERLAY_CAUTIONS,
};

/* Everything a base is drawn from; nothing in it belongs to a widget. */
struct _SmBaseJob
{
  SmAnatomy         *anatomy;
  char              *view;
  char              *layer;
  char              *side_filter;
  gboolean           overlays[SM_BODY_MAP_N_OVERLAYS];
  GStrv              headlines;   /* dashed through the muscle over them */
  cairo_rectangle_t  viewport;
  int                width;
  int                height;
  int                factor;
  GdkRGBA            foreground;
};

struct _SmBasePredraw
{
  SmBaseJob       *job;
  GThread         *thread;   /* returns the surface */
};

SmBaseJob *
_sm_base_job_new (SmBodyMap               *self,
                  int                      width,
                  int                      height,
                  int                      factor,
                  const cairo_rectangle_t *viewport)
{
  SmBaseJob *job = g_new0 (SmBaseJob, 1);
  g_autoptr(GStrvBuilder) headlines = g_strv_builder_new ();

  job->anatomy = g_object_ref (self->anatomy);
  job->view = g_strdup (self->view);
  job->layer = g_strdup (self->layer);
  job->side_filter = g_strdup (self->side_filter);
  memcpy (job->overlays, self->overlays, sizeof job->overlays);
  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);
      const char *id = sm_map_zone_get_element_id (zone);

      if (g_strcmp0 (sm_map_zone_get_view (zone), self->view) == 0 && _sm_body_map_is_headline (id))
        g_strv_builder_add (headlines, id);
    }
  job->headlines = g_strv_builder_end (headlines);
  job->viewport = *viewport;
  job->width = width;
  job->height = height;
  job->factor = factor;
  job->foreground = _sm_body_map_get_foreground (self);
  return job;
}

void
_sm_base_job_free (SmBaseJob *job)
{
  if (job == NULL)
    return;

  g_object_unref (job->anatomy);
  g_free (job->view);
  g_free (job->layer);
  g_free (job->side_filter);
  g_strfreev (job->headlines);
  g_free (job);
}

static gboolean
same_job (const SmBaseJob *a,
          const SmBaseJob *b)
{
  return a->anatomy == b->anatomy &&
         g_strcmp0 (a->view, b->view) == 0 &&
         g_strcmp0 (a->layer, b->layer) == 0 &&
         g_strcmp0 (a->side_filter, b->side_filter) == 0 &&
         memcmp (a->overlays, b->overlays, sizeof a->overlays) == 0 &&
         g_strv_equal ((const char * const *) a->headlines, (const char * const *) b->headlines) &&
         memcmp (&a->viewport, &b->viewport, sizeof a->viewport) == 0 &&
         a->width == b->width && a->height == b->height && a->factor == b->factor &&
         gdk_rgba_equal (&a->foreground, &b->foreground);
}

const GdkRGBA *
_sm_base_job_get_foreground (const SmBaseJob *job)
{
  return &job->foreground;
}

static void
render (const SmBaseJob   *job,
        cairo_t           *cr,
        SmAnatomyStyle     style,
        const char        *element_id)
{
  g_autoptr(GError) error = NULL;

  if (!sm_svg_index_has_id (sm_anatomy_get_index (job->anatomy, job->view), element_id))
    return;

  if (!sm_anatomy_render_element (job->anatomy, job->view, style, element_id, cr, &job->viewport, &error))
    g_warning ("Cannot draw %s: %s", element_id, error->message);
}

/* Clips @cr to where the dashed outline of @element_id can draw. A group
 * is as large as the clip: over the whole map, each outline would cost a
 * clear and a composite of every pixel, a third of the base's drawing
 * at 4K. */
static void
clip_to_outline (const SmBaseJob *job,
                 cairo_t         *cr,
                 const char      *element_id)
{
  const double pad = SM_ANATOMY_OUTLINE_PAD;
  cairo_rectangle_t box;
  double view_width, k;

  sm_anatomy_get_size (job->anatomy, job->view, &view_width, NULL);
  if (view_width <= 0 || !sm_anatomy_get_bounds (job->anatomy, job->view, element_id, &box))
    return;
  k = job->viewport.width / view_width;
  cairo_rectangle (cr, job->viewport.x + (box.x - pad) * k, job->viewport.y + (box.y - pad) * k,
                   (box.width + 2 * pad) * k, (box.height + 2 * pad) * k);
  cairo_clip (cr);
}

/* The headline muscle seen through the muscle over it. */
static void
draw_headline_outlines (const SmBaseJob *job,
                        cairo_t         *cr)
{
  for (guint i = 0; job->headlines[i] != NULL; i++)
    {
      cairo_pattern_t *mask;

      cairo_save (cr);
      clip_to_outline (job, cr, job->headlines[i]);
      cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
      render (job, cr, SM_ANATOMY_STYLE_DASHED, job->headlines[i]);
      mask = cairo_pop_group (cr);
      gdk_cairo_set_source_rgba (cr, &job->foreground);
      cairo_mask (cr, mask);
      cairo_pattern_destroy (mask);
      cairo_restore (cr);
    }
}

static void
draw_layers (const SmBaseJob *job,
             cairo_t         *cr)
{
  render (job, cr, SM_ANATOMY_STYLE_ART, "figure");
  render (job, cr, SM_ANATOMY_STYLE_ART, "layer-deep");

  if (g_strcmp0 (job->layer, "deep") == 0)
    {
      cairo_push_group (cr);
      render (job, cr, SM_ANATOMY_STYLE_ART, "layer-superficial");
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, DEEP_COVER_ALPHA);
    }
  else
    {
      render (job, cr, SM_ANATOMY_STYLE_ART, "layer-superficial");
      draw_headline_outlines (job, cr);
    }

  for (guint i = 0; i < SM_BODY_MAP_N_OVERLAYS; i++)
    if (job->overlays[overlay_order[i]])
      render (job, cr, SM_ANATOMY_STYLE_ART, overlay_groups[overlay_order[i]]);

  render (job, cr, SM_ANATOMY_STYLE_ART, "marks");
}

/* Which part of the widget shows the side the filter hides, or FALSE. */
static gboolean
hidden_half (const SmBaseJob   *job,
             cairo_rectangle_t *half)
{
  double midline = job->viewport.x + job->viewport.width / 2;
  gboolean left_on_left = g_strcmp0 (job->view, "back") == 0;
  gboolean hide_left;

  if (g_strcmp0 (job->side_filter, "both") == 0)
    return FALSE;

  hide_left = (g_strcmp0 (job->side_filter, "right") == 0) == left_on_left;
  *half = hide_left ? (cairo_rectangle_t) { 0, 0, midline, job->height }
                    : (cairo_rectangle_t) { midline, 0, job->width - midline, job->height };
  return TRUE;
}

static void
draw_base (const SmBaseJob *job,
           cairo_t         *cr)
{
  cairo_rectangle_t half;
  cairo_pattern_t *art;

  if (!hidden_half (job, &half))
    {
      draw_layers (job, cr);
      return;
    }

  cairo_push_group (cr);
  draw_layers (job, cr);
  art = cairo_pop_group (cr);

  cairo_set_source (cr, art);
  cairo_rectangle (cr, half.x, half.y, half.width, half.height);
  cairo_clip (cr);
  cairo_paint_with_alpha (cr, DIM_ALPHA);
  cairo_reset_clip (cr);

  cairo_rectangle (cr, 0, 0, job->width, job->height);
  cairo_rectangle (cr, half.x, half.y, half.width, half.height);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill (cr);
  cairo_pattern_destroy (art);
}

/* The base at device pixels, so it is crisp at scale 2. Safe in any
 * thread: SmAnatomy draws under each handle's lock. */
cairo_surface_t *
_sm_base_job_draw (const SmBaseJob *job)
{
  cairo_surface_t *base = sm_large_surface_new (CAIRO_FORMAT_ARGB32,
                                                job->width * job->factor,
                                                job->height * job->factor);
  cairo_t *cr = cairo_create (base);

  cairo_scale (cr, job->factor, job->factor);
  draw_base (job, cr);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (base, job->factor, job->factor);
  return base;
}

static gpointer
predraw_thread (gpointer data)
{
  return _sm_base_job_draw (data);
}

static void
predraw_free (SmBasePredraw *predraw)
{
  cairo_surface_t *unused = g_thread_join (predraw->thread);

  cairo_surface_destroy (unused);
  _sm_base_job_free (predraw->job);
  g_free (predraw);
}

/* Dropped in an idle: by then the worker has long finished. */
static gboolean
predraw_free_idle (gpointer data)
{
  predraw_free (data);
  return G_SOURCE_REMOVE;
}

/**
 * sm_body_map_predraw:
 * @width: the size the map will have when it is first laid out
 * @height:
 *
 * Starts drawing the base for that size in a worker thread, with the
 * view, layer, overlays and colours the map has now. The first frame at
 * that size uses it if nothing it was drawn from changed.
 */
void
sm_body_map_predraw (SmBodyMap *self,
                     int        width,
                     int        height)
{
  g_autoptr(GError) error = NULL;
  SmBasePredraw *predraw;
  cairo_rectangle_t viewport;

  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (self->predraw != NULL || self->base_valid || width <= 0 || height <= 0)
    return;

  viewport = _sm_body_map_viewport_for_size (self, width, height);
  predraw = g_new0 (SmBasePredraw, 1);
  predraw->job = _sm_base_job_new (self, width, height,
                                   gtk_widget_get_scale_factor (GTK_WIDGET (self)), &viewport);
  predraw->thread = g_thread_try_new ("sm-predraw", predraw_thread, predraw->job, &error);
  if (predraw->thread == NULL)
    {
      g_debug ("No worker to draw the map ahead: %s", error->message);
      _sm_base_job_free (predraw->job);
      g_free (predraw);
      return;
    }
  self->predraw = predraw;
}

/* The picture drawn ahead for @job, or NULL when it was drawn from
 * something else (or none was). Either way the worker is done with. */
cairo_surface_t *
_sm_body_map_take_predrawn (SmBodyMap       *self,
                            const SmBaseJob *job)
{
  SmBasePredraw *predraw = g_steal_pointer (&self->predraw);
  cairo_surface_t *surface;
  gint64 waited;

  if (predraw == NULL)
    return NULL;

  if (!same_job (predraw->job, job))
    {
      g_debug ("The map drawn ahead (%d×%d) does not match its first frame (%d×%d)",
               predraw->job->width, predraw->job->height, job->width, job->height);
      g_idle_add (predraw_free_idle, predraw);
      return NULL;
    }

  waited = g_get_monotonic_time ();
  surface = g_thread_join (predraw->thread);
  g_debug ("The first frame takes the map drawn ahead, after waiting %.1f ms for it",
           (g_get_monotonic_time () - waited) / 1000.0);
  _sm_base_job_free (predraw->job);
  g_free (predraw);
  self->predrawn++;
  return surface;
}

void
_sm_body_map_base_dispose (SmBodyMap *self)
{
  g_clear_pointer (&self->predraw, predraw_free);
}

/* How many first frames used a picture drawn ahead: for the tests. */
guint
sm_body_map_get_predrawn_count (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 0);

  return self->predrawn;
}
