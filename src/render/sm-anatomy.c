/* sm-anatomy.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-anatomy"

#include "config.h"

#include <math.h>
#include <string.h>

#include <librsvg/rsvg.h>

#include "sm-anatomy-private.h"

/* One handle per style plus one for the plain file: librsvg 2.54
 * stylesheets accumulate on a handle and cannot be removed, so each look
 * needs its own parse. sm_anatomy_new() parses the screen's ahead; the
 * default instance of the app and of an export parses each when it is
 * first used (most runs never print, many never turn to the front). Id
 * maps are stamped from the silhouettes, which need no parse of their own.
 * HANDLE_MARKED draws a view in two looks at once, for one set of marked
 * zones (see lock_marked ()). */
enum {
  HANDLE_PLAIN = SM_ANATOMY_N_STYLES,
  HANDLE_MARKED,
  N_HANDLES
};

typedef SmAnatomyView View;

struct _SmAnatomyView
{
  char       *name;
  char       *path;
  GBytes     *bytes;    /* the file, for the handles parsed on demand */
  GBytes     *paper_bytes; /* what the paper looks draw of it, under lock */
  RsvgHandle *handles[N_HANDLES];
  GMutex      handle_locks[N_HANDLES]; /* each handle parsed and used under its own */
  char       *marked_key; /* what HANDLE_MARKED was parsed for, under its lock */
  SmSvgIndex *index;
  GMutex      lock;     /* the size and the bounds */
  double      width;    /* 0 until a handle was parsed */
  double      height;
  GHashTable *bounds;   /* id → cairo_rectangle_t*, filled on demand */
};

struct _SmAnatomy
{
  GObject  parent_instance;

  GMutex   lock;      /* the views made on demand */
  View    *views[2];  /* NULL until first used when parsing on demand */
  gboolean on_demand;
};

G_DEFINE_FINAL_TYPE (SmAnatomy, sm_anatomy, G_TYPE_OBJECT)

static const char * const view_names[] = { "back", "front", NULL };

static gboolean default_on_demand;

/* The styles the screen uses, parsed at construction; the others wait
 * until they are first used. */
static gboolean
parsed_ahead (guint handle)
{
  return !_sm_anatomy_style_is_paper (handle) && handle != HANDLE_MARKED;
}

static void
view_free (View *view)
{
  for (guint i = 0; i < N_HANDLES; i++)
    {
      g_clear_object (&view->handles[i]);
      g_mutex_clear (&view->handle_locks[i]);
    }
  g_mutex_clear (&view->lock);
  g_clear_object (&view->index);
  g_clear_pointer (&view->bytes, g_bytes_unref);
  g_clear_pointer (&view->paper_bytes, g_bytes_unref);
  g_free (view->marked_key);
  g_free (view->path);
  g_clear_pointer (&view->bounds, g_hash_table_unref);
  g_free (view->name);
  g_free (view);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (View, view_free)

/* The size comes from whichever handle is parsed first: a stylesheet
 * does not change it. */
static gboolean
read_size (View        *view,
           RsvgHandle  *handle,
           GError     **error)
{
  gboolean ok = TRUE;

  g_mutex_lock (&view->lock);
  if (view->width == 0)
    ok = _sm_anatomy_handle_size (handle, view->path, &view->width, &view->height, error);
  g_mutex_unlock (&view->lock);
  return ok;
}

/* The file a handle is parsed from: a paper look's leaves out what it
 * never draws (_sm_anatomy_paper_source ()), made when first needed. */
static GBytes *
source_for (View     *view,
            gboolean  paper)
{
  GBytes *bytes;

  if (!paper)
    return g_bytes_ref (view->bytes);

  g_mutex_lock (&view->lock);
  if (view->paper_bytes == NULL)
    view->paper_bytes = _sm_anatomy_paper_source (view->bytes, view->path);
  bytes = g_bytes_ref (view->paper_bytes);
  g_mutex_unlock (&view->lock);
  return bytes;
}

/* Handle @handle of @view, parsed now if it was not yet, with its lock
 * held: release it with unlock_handle(). NULL (and unlocked) on error. */
static RsvgHandle *
lock_handle (View    *view,
             guint    handle,
             GError **error)
{
  RsvgHandle **slot = &view->handles[handle];

  g_mutex_lock (&view->handle_locks[handle]);
  if (*slot == NULL)
    {
      g_autofree char *css = _sm_anatomy_scope_style_sheet (handle, ".zone");
      g_autoptr(GBytes) source = source_for (view, _sm_anatomy_style_is_paper (handle));

      *slot = _sm_anatomy_parse_handle (source, view->path, css, error);
    }
  if (*slot != NULL && read_size (view, *slot, error))
    return *slot;

  g_mutex_unlock (&view->handle_locks[handle]);
  return NULL;
}

static void
unlock_handle (View  *view,
               guint  handle)
{
  g_mutex_unlock (&view->handle_locks[handle]);
}

/* A handle of @view parsed with @css, a sheet its caller builds, kept for
 * @key and parsed again only for another: the marked drawings'
 * (sm-anatomy-marked.c), of which a view keeps the latest. @paper when
 * @css draws only paper looks. Locked, see _sm_anatomy_lock_style (). */
RsvgHandle *
_sm_anatomy_lock_custom (View        *view,
                         const char  *key,
                         const char  *css,
                         gboolean     paper,
                         GError     **error)
{
  RsvgHandle **slot = &view->handles[HANDLE_MARKED];

  g_mutex_lock (&view->handle_locks[HANDLE_MARKED]);
  if (*slot == NULL || g_strcmp0 (view->marked_key, key) != 0)
    {
      g_autoptr(GBytes) source = source_for (view, paper);

      g_clear_object (slot);
      g_clear_pointer (&view->marked_key, g_free);
      *slot = _sm_anatomy_parse_handle (source, view->path, css, error);
      if (*slot != NULL)
        view->marked_key = g_strdup (key);
    }
  if (*slot != NULL && read_size (view, *slot, error))
    return *slot;

  g_mutex_unlock (&view->handle_locks[HANDLE_MARKED]);
  return NULL;
}

RsvgHandle *
_sm_anatomy_lock_style (View            *view,
                        SmAnatomyStyle   style,
                        GError         **error)
{
  return lock_handle (view, style, error);
}

/* Releases a handle from _sm_anatomy_lock_style () or _custom (). */
void
_sm_anatomy_unlock (View       *view,
                    RsvgHandle *handle)
{
  for (guint i = 0; i < N_HANDLES; i++)
    if (view->handles[i] == handle)
      unlock_handle (view, i);
}

/* One look of one view to parse: the twelve parses are a good part of the
 * start-up time and independent of each other, so a thread pool runs them
 * on every core. */
typedef struct
{
  View        *view;
  guint        handle;
  GError      *error;
} ParseJob;

static void
run_parse_job (gpointer data,
               gpointer user_data)
{
  ParseJob *job = data;

  if (lock_handle (job->view, job->handle, &job->error) != NULL)
    unlock_handle (job->view, job->handle);
}

/* The bounds the build measured on this very file (sm-bake-anatomy.c):
 * placing the zones and ordering them for Tab at start-up then needs no
 * parse of the silhouettes, which are parsed only for what they draw. */
static void
fill_baked_bounds (View     *view,
                   GVariant *boxes)
{
  GVariantIter iter;
  const char *id;
  cairo_rectangle_t box;

  g_variant_iter_init (&iter, boxes);
  while (g_variant_iter_next (&iter, "(&sdddd)", &id, &box.x, &box.y, &box.width, &box.height))
    g_hash_table_insert (view->bounds, g_strdup (id), g_memdup2 (&box, sizeof box));
}

/* The file's index and bounds as the build baked them for it, else its
 * index read now (and the bounds measured as they are asked for). */
static gboolean
read_index (View    *view,
            GError **error)
{
  g_autoptr(GVariant) boxes = NULL;
  g_autoptr(GVariant) elements = NULL;

  if (_sm_anatomy_baked_view (view->name, view->bytes, &boxes, &elements) &&
      (view->index = sm_svg_index_new_from_variant (elements)) != NULL)
    {
      fill_baked_bounds (view, boxes);
      return TRUE;
    }

  g_debug ("%s: nothing baked for this file, reading it and measuring at run time", view->path);
  view->index = sm_svg_index_new_from_bytes (view->bytes, view->path, error);
  return view->index != NULL;
}

/* Everything but the handles, which are parsed by parse_views () or when
 * first used. */
static View *
view_new (const char  *name,
          GError     **error)
{
  g_autoptr(View) view = g_new0 (View, 1);

  view->name = g_strdup (name);
  view->path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", name);
  view->bounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_mutex_init (&view->lock);
  for (guint i = 0; i < N_HANDLES; i++)
    g_mutex_init (&view->handle_locks[i]);

  view->bytes = g_resources_lookup_data (view->path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (view->bytes == NULL || !read_index (view, error))
    return NULL;

  return g_steal_pointer (&view);
}

/* The first error wins; every job's handle must be there. */
static gboolean
collect_parse_jobs (ParseJob  *jobs,
                    guint      n_jobs,
                    GError   **error)
{
  gboolean ok = TRUE;

  for (guint j = 0; j < n_jobs; j++)
    {
      gboolean parsed = jobs[j].error == NULL && jobs[j].view->handles[jobs[j].handle] != NULL;

      if (jobs[j].error != NULL && ok)
        g_propagate_error (error, g_steal_pointer (&jobs[j].error));
      ok = ok && parsed;
      g_clear_error (&jobs[j].error);
    }
  return ok;
}

static gboolean
parse_views (View   **views,
             guint    n_views,
             GError **error)
{
  g_autofree ParseJob *jobs = g_new0 (ParseJob, n_views * N_HANDLES);
  GThreadPool *pool = g_thread_pool_new (run_parse_job, NULL, g_get_num_processors (), FALSE, NULL);
  guint n_jobs = 0;

  for (guint v = 0; v < n_views; v++)
    for (guint i = 0; i < N_HANDLES; i++)
      if (parsed_ahead (i))
        {
          jobs[n_jobs] = (ParseJob) { views[v], i, NULL };
          g_thread_pool_push (pool, &jobs[n_jobs++], NULL);
        }
  g_thread_pool_free (pool, FALSE, TRUE);

  return collect_parse_jobs (jobs, n_jobs, error);
}

static SmAnatomy *
anatomy_new (gboolean   parse_ahead,
             GError   **error)
{
  g_autoptr(SmAnatomy) self = g_object_new (SM_TYPE_ANATOMY, NULL);

  self->on_demand = !parse_ahead;
  if (!parse_ahead)
    return g_steal_pointer (&self);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    if ((self->views[i] = view_new (view_names[i], error)) == NULL)
      return NULL;

  if (!parse_views (self->views, G_N_ELEMENTS (self->views), error))
    return NULL;
  return g_steal_pointer (&self);
}

SmAnatomy *
sm_anatomy_new (GError **error)
{
  return anatomy_new (TRUE, error);
}

/* For a process that only prints and has no screen (the command-line
 * export): the default instance then parses each style of each view when
 * it is first used, so a sheet of the back view parses only what it draws.
 * Call it before the first sm_anatomy_get_default (). */
void
sm_anatomy_default_parse_on_demand (void)
{
  default_on_demand = TRUE;
}

static gpointer
create_default (gpointer data)
{
  g_autoptr(GError) error = NULL;
  SmAnatomy *instance = anatomy_new (!default_on_demand, &error);

  if (instance == NULL)
    g_error ("Cannot load the body artwork: %s", error->message);
  return instance;
}

/* The artwork is compiled into the binary, so failing to load it is a
 * packaging bug, not something a person can cause. A sheet's thread may
 * be the first to ask. */
SmAnatomy *
sm_anatomy_get_default (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_default, NULL);
}

const char * const *
sm_anatomy_list_views (SmAnatomy *self)
{
  return view_names;
}

/* Parsing on demand, a view is read when first used (a sheet of the back
 * view never reads the front). */
static View *
get_view (SmAnatomy *self,
          guint      i)
{
  View *view;

  g_mutex_lock (&self->lock);
  if (self->views[i] == NULL)
    {
      g_autoptr(GError) error = NULL;

      if ((self->views[i] = view_new (view_names[i], &error)) == NULL)
        g_error ("Cannot load the body artwork: %s", error->message);
    }
  view = self->views[i];
  g_mutex_unlock (&self->lock);
  return view;
}

static View *
lookup_view (SmAnatomy  *self,
             const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    if (g_strcmp0 (view_names[i], name) == 0)
      return get_view (self, i);

  g_critical ("Unknown body view “%s”", name);
  return get_view (self, 0);
}

View *
_sm_anatomy_lookup_view (SmAnatomy  *self,
                         const char *name)
{
  return lookup_view (self, name);
}

gboolean
_sm_anatomy_view_has_id (View       *view,
                         const char *element_id)
{
  return sm_svg_index_has_id (view->index, element_id);
}

SmSvgIndex *
sm_anatomy_get_index (SmAnatomy  *self,
                      const char *view)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), NULL);

  return lookup_view (self, view)->index;
}

/* Which view draws @element_id, or NULL when neither does. */
const char *
sm_anatomy_find_view (SmAnatomy  *self,
                      const char *element_id)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    if (sm_svg_index_has_id (get_view (self, i)->index, element_id))
      return view_names[i];

  return NULL;
}

void
sm_anatomy_get_size (SmAnatomy  *self,
                     const char *view,
                     double     *width,
                     double     *height)
{
  View *v;

  g_return_if_fail (SM_IS_ANATOMY (self));

  /* Parsing on demand, the size is known after the first parse. */
  v = lookup_view (self, view);
  if (v->width == 0 && lock_handle (v, HANDLE_PLAIN, NULL) != NULL)
    unlock_handle (v, HANDLE_PLAIN);
  if (width != NULL)
    *width = v->width;
  if (height != NULL)
    *height = v->height;
}

/* Parses @style of @view now, in the calling thread, unless that is done:
 * for a caller that wants the parse off its main thread. */
gboolean
sm_anatomy_ensure_style (SmAnatomy       *self,
                         const char      *view,
                         SmAnatomyStyle   style,
                         GError         **error)
{
  View *v;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES, FALSE);

  v = lookup_view (self, view);
  if (lock_handle (v, style, error) == NULL)
    return FALSE;
  unlock_handle (v, style);
  return TRUE;
}

/* Whether each look of a view is parsed when first used (the app's and
 * the export's default instance), rather than all at construction. */
gboolean
sm_anatomy_parses_on_demand (SmAnatomy *self)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);

  return self->on_demand;
}

/* Frees the parsed @style of @view, which is parsed again when it is next
 * drawn: for a look the app needed once at its start and may not need
 * again for long, such as the other view's outlines for its bounds. */
void
sm_anatomy_release_style (SmAnatomy      *self,
                          const char     *view,
                          SmAnatomyStyle  style)
{
  View *v;

  g_return_if_fail (SM_IS_ANATOMY (self));
  g_return_if_fail (style < SM_ANATOMY_N_STYLES);

  v = lookup_view (self, view);
  g_mutex_lock (&v->handle_locks[style]);
  g_clear_object (&v->handles[style]);
  g_mutex_unlock (&v->handle_locks[style]);
}

/* Both rectangles of @element_id drawn in @handle, at the intrinsic size
 * (librsvg 2.54 ignores the viewport's size here). */
gboolean
_sm_anatomy_geometry_of (View          *view,
                         RsvgHandle    *rsvg,
                         const char    *element_id,
                         RsvgRectangle *ink,
                         RsvgRectangle *logical)
{
  return _sm_anatomy_handle_geometry (rsvg, view->width, view->height, element_id, ink, logical);
}

static gboolean
get_geometry (View          *view,
              guint          handle,
              const char    *element_id,
              RsvgRectangle *ink,
              RsvgRectangle *logical)
{
  RsvgHandle *rsvg = lock_handle (view, handle, NULL);
  gboolean found;

  if (rsvg == NULL)
    return FALSE;
  found = _sm_anatomy_geometry_of (view, rsvg, element_id, ink, logical);
  unlock_handle (view, handle);
  return found;
}

/* Both rectangles of @element_id as @style of @view draws it, measured by
 * librsvg now. */
static gboolean
measure (SmAnatomy     *self,
         const char    *view,
         SmAnatomyStyle style,
         const char    *element_id,
         RsvgRectangle *ink,
         RsvgRectangle *logical)
{
  View *v = lookup_view (self, view);

  return sm_svg_index_has_id (v->index, element_id) &&
         get_geometry (v, style, element_id, ink, logical);
}

/* The ink rectangle (stroke included) of @element_id in SVG units, as
 * @style draws it; not cached. */
gboolean
_sm_anatomy_measure_bounds (SmAnatomy         *self,
                            const char        *view,
                            SmAnatomyStyle     style,
                            const char        *element_id,
                            cairo_rectangle_t *bounds)
{
  RsvgRectangle ink, logical;

  if (!measure (self, view, style, element_id, &ink, &logical))
    return FALSE;
  *bounds = (cairo_rectangle_t) { ink.x, ink.y, ink.width, ink.height };
  return TRUE;
}

/* The ink rectangle (stroke included) in SVG units: baked by the build
 * for the bundled artwork, or measured when first asked and cached. */
gboolean
sm_anatomy_get_bounds (SmAnatomy         *self,
                       const char        *view,
                       const char        *element_id,
                       cairo_rectangle_t *bounds)
{
  View *v;
  cairo_rectangle_t *cached;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (element_id != NULL && bounds != NULL, FALSE);

  v = lookup_view (self, view);
  g_mutex_lock (&v->lock);
  cached = g_hash_table_lookup (v->bounds, element_id);
  if (cached != NULL)
    *bounds = *cached;
  g_mutex_unlock (&v->lock);
  if (cached != NULL)
    return TRUE;

  if (!_sm_anatomy_measure_bounds (self, view, SM_ANATOMY_STYLE_SILHOUETTE, element_id, bounds))
    return FALSE;
  g_mutex_lock (&v->lock);
  g_hash_table_insert (v->bounds, g_strdup (element_id), g_memdup2 (bounds, sizeof *bounds));
  g_mutex_unlock (&v->lock);
  return TRUE;
}

/* Works out and caches the bounds of every element of @view whose id
 * starts with @prefix: for a thread that prepares what the window's first
 * layout will ask for. */
void
sm_anatomy_cache_bounds (SmAnatomy  *self,
                         const char *view,
                         const char *prefix)
{
  g_autoptr(GPtrArray) ids = NULL;
  cairo_rectangle_t box;

  g_return_if_fail (SM_IS_ANATOMY (self));

  ids = sm_svg_index_list_ids (lookup_view (self, view)->index, prefix);
  for (guint i = 0; i < ids->len; i++)
    sm_anatomy_get_bounds (self, view, g_ptr_array_index (ids, i), &box);
}

/* The logical rectangle (the shapes without their strokes) of @element_id
 * as @style draws it, in SVG units; not cached. librsvg 2.54.7 gives some
 * groups (the gluteus medius) an ink box that reaches back to the origin,
 * the logical box is right for all. */
gboolean
sm_anatomy_get_logical_bounds (SmAnatomy         *self,
                               const char        *view,
                               SmAnatomyStyle     style,
                               const char        *element_id,
                               cairo_rectangle_t *bounds)
{
  RsvgRectangle ink, logical;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (element_id != NULL && bounds != NULL, FALSE);

  if (!measure (self, view, style, element_id, &ink, &logical))
    return FALSE;
  *bounds = (cairo_rectangle_t) { logical.x, logical.y, logical.width, logical.height };
  return TRUE;
}

/* Draws @element_id (NULL: the whole document) with @rsvg. */
gboolean
_sm_anatomy_draw_with (RsvgHandle              *rsvg,
           const char              *element_id,
           cairo_t                 *cr,
           const cairo_rectangle_t *viewport,
           GError                 **error)
{
  g_autofree char *ref = element_id != NULL ? g_strconcat ("#", element_id, NULL) : NULL;
  RsvgRectangle rect = { viewport->x, viewport->y, viewport->width, viewport->height };

  return ref != NULL ? rsvg_handle_render_layer (rsvg, cr, ref, &rect, error)
                     : rsvg_handle_render_document (rsvg, cr, &rect, error);
}

/* Draws @element_id of @view (NULL: the whole document) with @handle. */
static gboolean
render_layer (View                    *view,
              guint                    handle,
              const char              *element_id,
              cairo_t                 *cr,
              const cairo_rectangle_t *viewport,
              GError                 **error)
{
  RsvgHandle *rsvg = lock_handle (view, handle, error);
  gboolean ok;

  if (rsvg == NULL)
    return FALSE;
  ok = _sm_anatomy_draw_with (rsvg, element_id, cr, viewport, error);
  unlock_handle (view, handle);
  return ok;
}

/* The whole view as the file draws it (caution areas hidden). */
gboolean
sm_anatomy_render_view (SmAnatomy               *self,
                        const char              *view,
                        cairo_t                 *cr,
                        const cairo_rectangle_t *viewport,
                        GError                 **error)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (cr != NULL && viewport != NULL, FALSE);

  return render_layer (lookup_view (self, view), HANDLE_PLAIN, NULL, cr, viewport, error);
}

/* Renders one element (a zone, a landmark, a whole layer group…) in
 * @style, where it sits in the document fitted to @viewport. */
gboolean
sm_anatomy_render_element (SmAnatomy               *self,
                           const char              *view,
                           SmAnatomyStyle           style,
                           const char              *element_id,
                           cairo_t                 *cr,
                           const cairo_rectangle_t *viewport,
                           GError                 **error)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (element_id != NULL && cr != NULL && viewport != NULL, FALSE);

  return render_layer (lookup_view (self, view), style, element_id, cr, viewport, error);
}

/* Turns the colour codes of the rendered surface into 1-based positions
 * in the caller's list; codes of elements not in the list become 0. */
/**
 * sm_anatomy_render_mask:
 * @origin_x: where the document's (0, 0) goes, in user units
 * @origin_y:
 * @scale: user units per SVG unit
 * @device_scale: device pixels per user unit (the widget's scale factor)
 * @padding: SVG units around the element's ink, for outline strokes
 * @x: (out): the surface's top-left corner, in user units
 * @y: (out):
 *
 * One element drawn on its own into a surface just large enough for it, on
 * the device-pixel grid so that it lies exactly over the whole view drawn
 * with the same transform: an A8 mask for the mask styles, ARGB32 for
 * %SM_ANATOMY_STYLE_ART. The map's highlights and the presenter's pulse
 * are drawn once this way and then only painted.
 *
 * Returns: (transfer full) (nullable): the surface, its device scale set;
 *   %NULL when the view has no such element or drawing failed (@error)
 */
cairo_surface_t *
sm_anatomy_render_mask (SmAnatomy      *self,
                        const char     *view,
                        SmAnatomyStyle  style,
                        const char     *element_id,
                        double          origin_x,
                        double          origin_y,
                        double          scale,
                        int             device_scale,
                        double          padding,
                        double         *x,
                        double         *y,
                        GError        **error)
{
  cairo_rectangle_t box, viewport;
  cairo_surface_t *surface;
  double vw, vh;
  int x0, y0, x1, y1;
  gboolean ok;
  cairo_t *cr;

  g_return_val_if_fail (SM_IS_ANATOMY (self), NULL);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES, NULL);
  g_return_val_if_fail (element_id != NULL && x != NULL && y != NULL, NULL);

  if (!sm_anatomy_get_bounds (self, view, element_id, &box))
    return NULL;

  sm_anatomy_get_size (self, view, &vw, &vh);
  viewport = (cairo_rectangle_t) { origin_x, origin_y, vw * scale, vh * scale };
  x0 = (int) floor ((origin_x + (box.x - padding) * scale) * device_scale);
  y0 = (int) floor ((origin_y + (box.y - padding) * scale) * device_scale);
  x1 = (int) ceil ((origin_x + (box.x + box.width + padding) * scale) * device_scale);
  y1 = (int) ceil ((origin_y + (box.y + box.height + padding) * scale) * device_scale);

  surface = cairo_image_surface_create (style == SM_ANATOMY_STYLE_ART ? CAIRO_FORMAT_ARGB32
                                                                      : CAIRO_FORMAT_A8,
                                        MAX (x1 - x0, 1), MAX (y1 - y0, 1));
  cr = cairo_create (surface);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, device_scale, device_scale);
  ok = sm_anatomy_render_element (self, view, style, element_id, cr, &viewport, error);
  cairo_destroy (cr);
  if (!ok)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  *x = (double) x0 / device_scale;
  *y = (double) y0 / device_scale;
  return surface;
}

/* Writes @slot into @map wherever @mask (a silhouette whose top left
 * corner is pixel (x0, y0) of the view) covers at least half a pixel: the
 * crisp edge the id map needs, from the antialiased shape the screen's
 * masks use. Later elements overwrite earlier ones. */
static void
stamp_mask (SmAnatomyIdMap  *map,
            cairo_surface_t *mask,
            int              x0,
            int              y0,
            guint8           slot)
{
  const guint8 *data;
  int stride, width, height;

  cairo_surface_flush (mask);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);
  width = cairo_image_surface_get_width (mask);
  height = cairo_image_surface_get_height (mask);

  x0 -= map->x;
  y0 -= map->y;
  for (int j = MAX (0, -y0); j < height && y0 + j < map->height; j++)
    {
      const guint8 *row = data + (gsize) j * stride;
      guint8 *out = map->ids + (gsize) (y0 + j) * map->width;

      for (int i = MAX (0, -x0); i < width && x0 + i < map->width; i++)
        if (row[i] >= 0x80)
          out[x0 + i] = slot;
    }
}

/* The map covers the pixels of the elements' bounds within the view, not
 * the whole view: the muscles of the back, the buttocks and the legs are
 * less than half of it, the caution areas much less. */
static void
crop_id_map (SmAnatomy      *self,
             const char     *view,
             GPtrArray      *element_ids,
             SmAnatomyIdMap *map)
{
  double vw, vh, x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < element_ids->len; i++)
    {
      cairo_rectangle_t box;

      if (!sm_anatomy_get_bounds (self, view, g_ptr_array_index (element_ids, i), &box))
        continue;
      x0 = MIN (x0, box.x);
      y0 = MIN (y0, box.y);
      x1 = MAX (x1, box.x + box.width);
      y1 = MAX (y1, box.y + box.height);
    }

  sm_anatomy_get_size (self, view, &vw, &vh);
  if (x0 > x1)
    x0 = y0 = x1 = y1 = 0;
  map->x = (int) floor (CLAMP (x0, 0, vw) * map->scale);
  map->y = (int) floor (CLAMP (y0, 0, vh) * map->scale);
  map->width = MAX ((int) ceil (CLAMP (x1, 0, vw) * map->scale) - map->x, 1);
  map->height = MAX ((int) ceil (CLAMP (y1, 0, vh) * map->scale) - map->y, 1);
}

/* Renders @element_ids (at most 254) one after the other, later ones on
 * top, into an id map of @scale pixels per SVG unit. The order is the
 * caller's policy, e.g. which layer wins where zones overlap. Each element
 * is drawn alone, in the silhouette style, over its own bounds only: no
 * stylesheet with a colour per element, so no parse of its own (that
 * parse took longer than all the screen's other styles of a view). */
SmAnatomyIdMap *
sm_anatomy_build_id_map (SmAnatomy  *self,
                         const char *view,
                         GPtrArray  *element_ids,
                         double      scale)
{
  g_autoptr(SmAnatomyIdMap) map = g_new0 (SmAnatomyIdMap, 1);

  g_return_val_if_fail (SM_IS_ANATOMY (self), NULL);
  g_return_val_if_fail (element_ids != NULL && element_ids->len < 255, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  map->scale = scale;
  crop_id_map (self, view, element_ids, map);
  map->ids = g_new0 (guint8, (gsize) map->width * map->height);
  map->elements = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < element_ids->len; i++)
    {
      const char *id = g_ptr_array_index (element_ids, i);
      cairo_surface_t *mask;
      double x, y;

      g_ptr_array_add (map->elements, g_strdup (id));
      mask = sm_anatomy_render_mask (self, view, SM_ANATOMY_STYLE_SILHOUETTE, id,
                                     0, 0, scale, 1, 0, &x, &y, NULL);
      if (mask == NULL)
        continue;
      stamp_mask (map, mask, (int) x, (int) y, i + 1);
      cairo_surface_destroy (mask);
    }

  return g_steal_pointer (&map);
}

void
sm_anatomy_id_map_free (SmAnatomyIdMap *map)
{
  if (map == NULL)
    return;

  g_free (map->ids);
  g_clear_pointer (&map->elements, g_ptr_array_unref);
  g_free (map);
}

static void
sm_anatomy_finalize (GObject *object)
{
  SmAnatomy *self = SM_ANATOMY (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    g_clear_pointer (&self->views[i], view_free);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (sm_anatomy_parent_class)->finalize (object);
}

static void
sm_anatomy_class_init (SmAnatomyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_anatomy_finalize;
}

static void
sm_anatomy_init (SmAnatomy *self)
{
  g_mutex_init (&self->lock);
}
