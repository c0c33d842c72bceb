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

#include "sm-anatomy.h"

/* One handle per style plus one for the plain file and one for the id map:
 * librsvg 2.54 stylesheets accumulate on a handle and cannot be removed,
 * so each look needs its own parse. All of them happen in sm_anatomy_new(). */
enum {
  HANDLE_PLAIN = SM_ANATOMY_N_STYLES,
  HANDLE_ID_MAP,
  N_HANDLES
};

typedef struct
{
  char       *name;
  RsvgHandle *handles[N_HANDLES];
  SmSvgIndex *index;
  double      width;
  double      height;
  GHashTable *bounds;   /* id → cairo_rectangle_t*, filled on demand */
  GHashTable *codes;    /* id → GUINT_TO_POINTER (id-map colour code) */
} View;

struct _SmAnatomy
{
  GObject  parent_instance;

  View    *views[2];
};

G_DEFINE_FINAL_TYPE (SmAnatomy, sm_anatomy, G_TYPE_OBJECT)

static const char * const view_names[] = { "back", "front", NULL };

static guint parse_count;

/* Masks are drawn black so the caller can paint them in any theme colour;
 * fibres and text would only blur the shape. The caution group is hidden in
 * the file and shown here because masks are drawn one element at a time,
 * when the caller has decided the element should show. */
static const char * const style_sheets[N_HANDLES] = {
  [SM_ANATOMY_STYLE_ART] =
    "#overlay-cautions { display: inline; }",
  [SM_ANATOMY_STYLE_SILHOUETTE] =
    "* { fill: #000; stroke: #000; opacity: 1; fill-opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: none; }"
    ".nerve { fill: none; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions { display: inline; }",
  [SM_ANATOMY_STYLE_OUTLINE] =
    "* { fill: none; stroke: #000; stroke-width: 5px; opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: none; stroke-linejoin: round; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions { display: inline; }",
  [SM_ANATOMY_STYLE_DASHED] =
    "* { fill: none; stroke: #000; stroke-width: 3.5px; opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: 12 7; stroke-linejoin: round; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions { display: inline; }",
  [HANDLE_PLAIN] = NULL,
  [HANDLE_ID_MAP] = NULL, /* generated per view, see id_map_style_sheet() */
};

guint
sm_anatomy_get_parse_count (void)
{
  return parse_count;
}

static void
view_free (View *view)
{
  for (guint i = 0; i < N_HANDLES; i++)
    g_clear_object (&view->handles[i]);
  g_clear_object (&view->index);
  g_clear_pointer (&view->bounds, g_hash_table_unref);
  g_clear_pointer (&view->codes, g_hash_table_unref);
  g_free (view->name);
  g_free (view);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (View, view_free)

static RsvgHandle *
parse_handle (GBytes      *bytes,
              const char  *path,
              const char  *css,
              GError     **error)
{
  g_autoptr(GObject) handle = NULL;   /* librsvg 2.54 has no autoptr */
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_atomic_int_inc (&parse_count);
  handle = G_OBJECT (rsvg_handle_new_from_data (data, size, error));
  if (handle == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  rsvg_handle_set_dpi (RSVG_HANDLE (handle), 96.0);
  if (css != NULL &&
      !rsvg_handle_set_stylesheet (RSVG_HANDLE (handle), (const guint8 *) css, strlen (css), error))
    {
      g_prefix_error (error, "%s: stylesheet: ", path);
      return NULL;
    }

  return RSVG_HANDLE (g_steal_pointer (&handle));
}

/* Every id gets a unique flat colour (its 1-based position in the document,
 * in the red and green bytes) and no antialiasing, so a pixel of the id map
 * names exactly one element. A child's rule comes after its parent's, so
 * the child keeps its own colour. */
static char *
id_map_style_sheet (View *view)
{
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (view->index, NULL);
  GString *css = g_string_new (NULL);

  g_string_append (css,
                   "* { fill: none; stroke: none; opacity: 1; fill-opacity: 1;"
                   "    stroke-opacity: 1; shape-rendering: crispEdges; }"
                   ".muscle-fibres, text { display: none; }"
                   "#overlay-cautions { display: inline; }");

  for (guint i = 0; i < ids->len && i < 0xffff; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      guint code = i + 1;

      g_hash_table_insert (view->codes, g_strdup (id), GUINT_TO_POINTER (code));
      g_string_append_printf (css, "#%s, #%s * { fill: #%02x%02x00; stroke: #%02x%02x00; }\n",
                              id, id, code >> 8, code & 0xff, code >> 8, code & 0xff);
    }

  return g_string_free (css, FALSE);
}

static gboolean
read_size (View        *view,
           const char  *path,
           GError     **error)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength width, height;
  RsvgRectangle viewbox;

  rsvg_handle_get_intrinsic_dimensions (view->handles[HANDLE_PLAIN], &has_width, &width,
                                        &has_height, &height, &has_viewbox, &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the SVG has no usable viewBox", path);
      return FALSE;
    }

  view->width = viewbox.width;
  view->height = viewbox.height;
  return TRUE;
}

/* One look of one view to parse: the twelve parses are a good part of the
 * start-up time and independent of each other, so a thread pool runs them
 * on every core. */
typedef struct
{
  GBytes      *bytes;
  const char  *path;
  const char  *css;
  RsvgHandle **handle;
  GError      *error;
} ParseJob;

static void
run_parse_job (gpointer data,
               gpointer user_data)
{
  ParseJob *job = data;

  *job->handle = parse_handle (job->bytes, job->path, job->css, &job->error);
}

/* Everything but the handles, which parse_views () fills. */
static View *
view_new (const char  *name,
          const char  *path,
          char       **id_css,
          GBytes     **bytes,
          GError     **error)
{
  g_autoptr(View) view = g_new0 (View, 1);

  view->name = g_strdup (name);
  view->bounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  view->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (*bytes == NULL)
    return NULL;

  view->index = sm_svg_index_new_from_bytes (*bytes, path, error);
  if (view->index == NULL)
    return NULL;

  *id_css = id_map_style_sheet (view);
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
      if (jobs[j].error != NULL && ok)
        g_propagate_error (error, g_steal_pointer (&jobs[j].error));
      ok = ok && *jobs[j].handle != NULL;
      g_clear_error (&jobs[j].error);
    }
  return ok;
}

static gboolean
parse_views (View   **views,
             GBytes **bytes,
             char   **id_css,
             char   **paths,
             guint    n_views,
             GError **error)
{
  guint n_jobs = n_views * N_HANDLES;
  g_autofree ParseJob *jobs = g_new0 (ParseJob, n_jobs);
  GThreadPool *pool = g_thread_pool_new (run_parse_job, NULL, g_get_num_processors (), FALSE, NULL);

  for (guint j = 0; j < n_jobs; j++)
    {
      guint v = j / N_HANDLES, i = j % N_HANDLES;

      jobs[j] = (ParseJob) { bytes[v], paths[v], i == HANDLE_ID_MAP ? id_css[v] : style_sheets[i],
                             &views[v]->handles[i], NULL };
      g_thread_pool_push (pool, &jobs[j], NULL);
    }
  g_thread_pool_free (pool, FALSE, TRUE);

  if (!collect_parse_jobs (jobs, n_jobs, error))
    return FALSE;
  for (guint v = 0; v < n_views; v++)
    if (!read_size (views[v], paths[v], error))
      return FALSE;
  return TRUE;
}

SmAnatomy *
sm_anatomy_new (GError **error)
{
  g_autoptr(SmAnatomy) self = g_object_new (SM_TYPE_ANATOMY, NULL);
  GBytes *bytes[2] = { NULL, NULL };
  char *id_css[2] = { NULL, NULL };
  char *paths[2] = { NULL, NULL };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    {
      paths[i] = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view_names[i]);
      ok = ok && (self->views[i] = view_new (view_names[i], paths[i], &id_css[i], &bytes[i], error)) != NULL;
    }

  ok = ok && parse_views (self->views, bytes, id_css, paths, G_N_ELEMENTS (self->views), error);

  for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
    {
      g_clear_pointer (&bytes[i], g_bytes_unref);
      g_free (id_css[i]);
      g_free (paths[i]);
    }
  return ok ? g_steal_pointer (&self) : NULL;
}

/* The artwork is compiled into the binary, so failing to load it is a
 * packaging bug, not something a person can cause. */
SmAnatomy *
sm_anatomy_get_default (void)
{
  static SmAnatomy *instance;

  if (instance == NULL)
    {
      g_autoptr(GError) error = NULL;

      instance = sm_anatomy_new (&error);
      if (instance == NULL)
        g_error ("Cannot load the body artwork: %s", error->message);
    }

  return instance;
}

const char * const *
sm_anatomy_list_views (SmAnatomy *self)
{
  return view_names;
}

static View *
lookup_view (SmAnatomy  *self,
             const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->views); i++)
    if (g_strcmp0 (self->views[i]->name, name) == 0)
      return self->views[i];

  g_critical ("Unknown body view “%s”", name);
  return self->views[0];
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
    if (sm_svg_index_has_id (self->views[i]->index, element_id))
      return self->views[i]->name;

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

  v = lookup_view (self, view);
  if (width != NULL)
    *width = v->width;
  if (height != NULL)
    *height = v->height;
}

/* The ink rectangle (stroke included) in SVG units. librsvg 2.54 ignores
 * the viewport's size here, so we ask at the intrinsic size, which is what
 * we want anyway, and cache the answer. */
gboolean
sm_anatomy_get_bounds (SmAnatomy         *self,
                       const char        *view,
                       const char        *element_id,
                       cairo_rectangle_t *bounds)
{
  View *v;
  cairo_rectangle_t *cached;
  RsvgRectangle viewport, ink, logical;
  g_autofree char *ref = NULL;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (element_id != NULL && bounds != NULL, FALSE);

  v = lookup_view (self, view);
  if ((cached = g_hash_table_lookup (v->bounds, element_id)) != NULL)
    {
      *bounds = *cached;
      return TRUE;
    }

  if (!sm_svg_index_has_id (v->index, element_id))
    return FALSE;

  viewport = (RsvgRectangle) { 0, 0, v->width, v->height };
  ref = g_strconcat ("#", element_id, NULL);
  if (!rsvg_handle_get_geometry_for_layer (v->handles[SM_ANATOMY_STYLE_SILHOUETTE], ref,
                                           &viewport, &ink, &logical, NULL))
    return FALSE;

  *bounds = (cairo_rectangle_t) { ink.x, ink.y, ink.width, ink.height };
  g_hash_table_insert (v->bounds, g_strdup (element_id), g_memdup2 (bounds, sizeof *bounds));
  return TRUE;
}

/* The whole view as the file draws it (caution areas hidden). */
gboolean
sm_anatomy_render_view (SmAnatomy               *self,
                        const char              *view,
                        cairo_t                 *cr,
                        const cairo_rectangle_t *viewport,
                        GError                 **error)
{
  RsvgRectangle rect;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (cr != NULL && viewport != NULL, FALSE);

  rect = (RsvgRectangle) { viewport->x, viewport->y, viewport->width, viewport->height };
  return rsvg_handle_render_document (lookup_view (self, view)->handles[HANDLE_PLAIN],
                                      cr, &rect, error);
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
  g_autofree char *ref = NULL;
  RsvgRectangle rect;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (element_id != NULL && cr != NULL && viewport != NULL, FALSE);

  ref = g_strconcat ("#", element_id, NULL);
  rect = (RsvgRectangle) { viewport->x, viewport->y, viewport->width, viewport->height };
  return rsvg_handle_render_layer (lookup_view (self, view)->handles[style],
                                   cr, ref, &rect, error);
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

static void
decode_id_map (SmAnatomyIdMap  *map,
               cairo_surface_t *surface,
               const guint8    *code_to_slot,
               guint            n_codes)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int j = 0; j < map->height; j++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) j * stride);
      guint8 *out = map->ids + (gsize) j * map->width;

      for (int i = 0; i < map->width; i++)
        {
          guint code = (row[i] >> 8) & 0xffff;

          out[i] = code < n_codes ? code_to_slot[code] : 0;
        }
    }
}

/* Renders @element_ids (at most 254) one after the other, later ones on
 * top, into an id map of @scale pixels per SVG unit. The order is the
 * caller's policy, e.g. which layer wins where zones overlap. */
SmAnatomyIdMap *
sm_anatomy_build_id_map (SmAnatomy  *self,
                         const char *view,
                         GPtrArray  *element_ids,
                         double      scale)
{
  View *v;
  g_autoptr(SmAnatomyIdMap) map = g_new0 (SmAnatomyIdMap, 1);
  cairo_surface_t *surface;
  g_autofree guint8 *code_to_slot = NULL;
  cairo_rectangle_t viewport;
  guint n_codes;
  cairo_t *cr;

  g_return_val_if_fail (SM_IS_ANATOMY (self), NULL);
  g_return_val_if_fail (element_ids != NULL && element_ids->len < 255, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  v = lookup_view (self, view);
  n_codes = g_hash_table_size (v->codes) + 1;
  code_to_slot = g_new0 (guint8, n_codes);

  map->scale = scale;
  map->width = (int) ceil (v->width * scale);
  map->height = (int) ceil (v->height * scale);
  map->ids = g_new0 (guint8, (gsize) map->width * map->height);
  map->elements = g_ptr_array_new_with_free_func (g_free);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, map->width, map->height);
  cr = cairo_create (surface);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  viewport = (cairo_rectangle_t) { 0, 0, v->width * scale, v->height * scale };

  for (guint i = 0; i < element_ids->len; i++)
    {
      const char *id = g_ptr_array_index (element_ids, i);
      guint code = GPOINTER_TO_UINT (g_hash_table_lookup (v->codes, id));
      g_autofree char *ref = g_strconcat ("#", id, NULL);
      RsvgRectangle rect = { 0, 0, viewport.width, viewport.height };

      g_ptr_array_add (map->elements, g_strdup (id));
      if (code == 0)
        continue;

      code_to_slot[code] = i + 1;
      rsvg_handle_render_layer (v->handles[HANDLE_ID_MAP], cr, ref, &rect, NULL);
    }

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  decode_id_map (map, surface, code_to_slot, n_codes);
  cairo_surface_destroy (surface);

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
}
