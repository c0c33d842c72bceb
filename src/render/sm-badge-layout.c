/* sm-badge-layout.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-badge-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sm-anatomy-baked.h"
#include "sm-badge-layout.h"
#include "sm-zone-id.h"

/* The outlines are read once per view from the bundled SVG with GMarkup
 * (the contract's paths are absolute M, L, C and Z: the generator writes
 * nothing else) and filled with cairo into a small map of which muscle is
 * on top where. That costs well under a millisecond, so the command-line
 * export can afford it, and librsvg is not needed for it. Only the part of
 * the file the paper looks draw is read (_sm_anatomy_paper_source ()): the
 * overlays it leaves out, two thirds of the file, hold no muscle. */

#define MAP_SCALE 0.25  /* map pixels per SVG unit: a pixel is 4 units, a badge 30 or more */

typedef struct
{
  char         *id;
  gboolean      deep;
  cairo_path_t *path;
} Outline;

typedef struct
{
  double     width, height;
  GPtrArray *outlines;  /* Outline*, in drawing order */
} ViewOutlines;

static void
outline_free (gpointer data)
{
  Outline *outline = data;

  g_free (outline->id);
  g_clear_pointer (&outline->path, cairo_path_destroy);
  g_free (outline);
}

/* --- Reading the outlines ------------------------------------------------ */

typedef struct
{
  ViewOutlines *view;
  cairo_t      *cr;
  char         *zone;   /* the zone group we are in */
  gboolean      deep;   /* inside layer-deep */
  guint         depth, zone_depth, layer_depth;
} Reader;

static gboolean
read_numbers (const char **p,
              double      *values,
              guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      char *end;

      while (**p == ' ' || **p == ',' || **p == '\n' || **p == '\t')
        (*p)++;
      values[i] = g_ascii_strtod (*p, &end);
      if (end == *p)
        return FALSE;
      *p = end;
    }
  return TRUE;
}

/* Absolute and relative M, L, C and Z. Anything else: FALSE. */
static gboolean
trace_path (cairo_t    *cr,
            const char *d)
{
  const char *p = d;
  char command = 0;
  double v[6];

  cairo_new_path (cr);
  while (*p != '\0')
    {
      double x = 0, y = 0;

      while (g_ascii_isspace (*p) || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (g_ascii_isalpha (*p))
        command = *p++;
      if (cairo_has_current_point (cr))
        cairo_get_current_point (cr, &x, &y);

      switch (command)
        {
        case 'M': case 'm': case 'L': case 'l':
          if (!read_numbers (&p, v, 2))
            return FALSE;
          if (g_ascii_islower (command))
            v[0] += x, v[1] += y;
          if (command == 'M' || command == 'm')
            cairo_move_to (cr, v[0], v[1]);
          else
            cairo_line_to (cr, v[0], v[1]);
          /* Numbers after a move are line-tos. */
          if (command == 'M')
            command = 'L';
          else if (command == 'm')
            command = 'l';
          break;
        case 'C': case 'c':
          if (!read_numbers (&p, v, 6))
            return FALSE;
          if (command == 'c')
            for (guint i = 0; i < 6; i += 2)
              v[i] += x, v[i + 1] += y;
          cairo_curve_to (cr, v[0], v[1], v[2], v[3], v[4], v[5]);
          break;
        case 'Z': case 'z':
          cairo_close_path (cr);
          command = 0;
          break;
        default:
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              data,
               GError              **error)
{
  Reader *reader = data;
  const char *id = attribute (names, values, "id");
  const char *class = attribute (names, values, "class");
  const char *d = attribute (names, values, "d");

  reader->depth++;
  if (g_str_equal (element, "svg"))
    {
      const char *width = attribute (names, values, "width");
      const char *height = attribute (names, values, "height");

      reader->view->width = width != NULL ? g_ascii_strtod (width, NULL) : 0;
      reader->view->height = height != NULL ? g_ascii_strtod (height, NULL) : 0;
    }
  else if (g_str_equal (element, "g") && id != NULL && g_str_has_prefix (id, "layer-"))
    {
      reader->deep = g_str_equal (id, "layer-deep");
      reader->layer_depth = reader->depth;
    }
  else if (g_str_equal (element, "g") && id != NULL && g_str_has_prefix (id, "zone-"))
    {
      g_free (reader->zone);
      reader->zone = g_strdup (id);
      reader->zone_depth = reader->depth;
    }
  else if (g_str_equal (element, "path") && reader->zone != NULL && d != NULL &&
           g_strcmp0 (class, "muscle") == 0)
    {
      Outline *outline;

      if (!trace_path (reader->cr, d))
        {
          g_warning ("The outline of %s is not a path of M, L, C and Z", reader->zone);
          return;
        }
      outline = g_new0 (Outline, 1);
      outline->id = g_strdup (reader->zone);
      outline->deep = reader->deep;
      outline->path = cairo_copy_path (reader->cr);
      g_ptr_array_add (reader->view->outlines, outline);
    }
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element,
             gpointer              data,
             GError              **error)
{
  Reader *reader = data;

  if (reader->depth == reader->zone_depth)
    {
      g_clear_pointer (&reader->zone, g_free);
      reader->zone_depth = 0;
    }
  if (reader->depth == reader->layer_depth)
    {
      reader->deep = FALSE;
      reader->layer_depth = 0;
    }
  reader->depth--;
}

static ViewOutlines *
read_view (const char *view)
{
  static const GMarkupParser parser = { start_element, end_element, NULL, NULL, NULL };
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
  ViewOutlines *outlines = g_new0 (ViewOutlines, 1);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  Reader reader = { outlines, cairo_create (surface), NULL, FALSE, 0, 0, 0 };
  GMarkupParseContext *context;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *text;

  outlines->outlines = g_ptr_array_new_with_free_func (outline_free);
  if (bytes != NULL)
    {
      g_autoptr(GBytes) muscles = _sm_anatomy_paper_source (bytes, path);

      text = g_bytes_get_data (muscles, &length);
      context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
      if (!g_markup_parse_context_parse (context, text, length, &error) ||
          !g_markup_parse_context_end_parse (context, &error))
        g_warning ("Could not read the outlines of the %s view: %s", view, error->message);
      g_markup_parse_context_free (context);
    }

  g_free (reader.zone);
  cairo_destroy (reader.cr);
  cairo_surface_destroy (surface);
  return outlines;
}

static ViewOutlines *
get_view (const char *view)
{
  static GMutex lock;
  static ViewOutlines *views[2];
  guint i = g_strcmp0 (view, "front") == 0 ? 1 : 0;
  ViewOutlines *outlines;

  g_mutex_lock (&lock);
  if (views[i] == NULL)
    views[i] = read_view (i == 1 ? "front" : "back");
  outlines = views[i];
  g_mutex_unlock (&lock);
  return outlines;
}

/* --- Which muscle is on top where ---------------------------------------- */

typedef struct
{
  int        width, height;
  guint8    *ids;       /* 1 + index into order, 0 for none */
  guint16   *depth;     /* chamfer distance (3 per pixel) to another muscle */
  GPtrArray *order;     /* Outline*, the drawing order used */
  int      (*boxes)[4]; /* per id: x0, y0, x1, y1 (inclusive) of its pixels */
} Coverage;

static gboolean
carries_badge (const Outline *outline,
               const SmBadge *badges,
               guint          n_badges)
{
  for (guint i = 0; i < n_badges; i++)
    if (g_strcmp0 (badges[i].element, outline->id) == 0)
      return TRUE;
  return FALSE;
}

/* The artwork's order, with the deep muscles that carry a badge moved on
 * top. */
static GPtrArray *
drawing_order (ViewOutlines  *view,
               const SmBadge *badges,
               guint          n_badges)
{
  GPtrArray *order = g_ptr_array_new ();

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < view->outlines->len; i++)
      {
        Outline *outline = g_ptr_array_index (view->outlines, i);
        gboolean on_top = outline->deep && carries_badge (outline, badges, n_badges);

        if (on_top == (pass == 1))
          g_ptr_array_add (order, outline);
      }
  return order;
}

static void
fill_coverage (Coverage     *coverage,
               ViewOutlines *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, coverage->width, coverage->height);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_scale (cr, MAP_SCALE, MAP_SCALE);
  for (guint i = 0; i < coverage->order->len && i < 254; i++)
    {
      Outline *outline = g_ptr_array_index (coverage->order, i);

      cairo_new_path (cr);
      cairo_append_path (cr, outline->path);
      cairo_set_source_rgba (cr, 0, 0, 0, (i + 1) / 255.0);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < coverage->height; y++)
    memcpy (coverage->ids + (gsize) y * coverage->width, data + (gsize) y * stride, coverage->width);
  cairo_surface_destroy (surface);
}

/* Whether the pixel at @at, in column @x of a @w × @h map, touches a
 * pixel of anything else across an edge (outside the map counts as
 * nothing). */
static gboolean
is_edge (const guint8 *ids,
         int           w,
         int           h,
         int           x,
         int           y,
         gsize         at)
{
  guint8 id = ids[at];

  return (x == 0 || ids[at - 1] != id) || (x == w - 1 || ids[at + 1] != id) ||
         (y == 0 || ids[at - w] != id) || (y == h - 1 || ids[at + w] != id);
}

/* One pass of the chamfer distance at pixel (@x, @y), an inner pixel of a
 * muscle, from the four neighbours before it in the pass's direction
 * (@sign 1: left and above; -1: right and below). An inner pixel is not an
 * edge, so it never lies on the map's border: its neighbours are all in
 * the map. */
static void
chamfer_pixel (Coverage *coverage,
               int       x,
               int       y,
               int       sign)
{
  static const int before[4][3] = { { -1, 0, 3 }, { -1, -1, 4 }, { 0, -1, 3 }, { 1, -1, 4 } };
  int w = coverage->width;
  gsize at = (gsize) y * w + x;
  guint16 *d = &coverage->depth[at];
  guint8 id = coverage->ids[at];

  for (guint k = 0; k < 4; k++)
    {
      gsize next = (gsize) (y + sign * before[k][1]) * w + (x + sign * before[k][0]);

      if (coverage->ids[next] == id)
        *d = MIN (*d, coverage->depth[next] + before[k][2]);
    }
}

/* How far each pixel is inside its muscle's visible part: a two-pass
 * chamfer distance (3 across, 4 diagonally) to the nearest pixel that
 * belongs to something else. An edge pixel stays 0 and a pixel of no
 * muscle is skipped, so only the inner pixels of a muscle take part (the
 * same numbers as checking every pixel, for a fraction of the time). */
static void
measure_depth (Coverage *coverage)
{
  int w = coverage->width, h = coverage->height;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gsize at = (gsize) y * w + x;

        coverage->depth[at] = coverage->ids[at] == 0 || is_edge (coverage->ids, w, h, x, y, at)
                              ? 0 : G_MAXUINT16;
      }

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (coverage->depth[(gsize) y * w + x] != 0)
        chamfer_pixel (coverage, x, y, 1);
  for (int y = h - 1; y >= 0; y--)
    for (int x = w - 1; x >= 0; x--)
      if (coverage->depth[(gsize) y * w + x] != 0)
        chamfer_pixel (coverage, x, y, -1);
}

/* Each muscle's box around its pixels (none is asked of the background). */
static void
measure_boxes (Coverage *coverage)
{
  coverage->boxes = g_malloc (256 * sizeof *coverage->boxes);
  for (guint i = 0; i < 256; i++)
    {
      coverage->boxes[i][0] = coverage->boxes[i][1] = G_MAXINT;
      coverage->boxes[i][2] = coverage->boxes[i][3] = -1;
    }
  for (int y = 0; y < coverage->height; y++)
    {
      const guint8 *row = coverage->ids + (gsize) y * coverage->width;

      for (int x = 0; x < coverage->width; x++)
        if (row[x] != 0)
          {
            int *box = coverage->boxes[row[x]];

            box[0] = MIN (box[0], x), box[1] = MIN (box[1], y);
            box[2] = MAX (box[2], x), box[3] = MAX (box[3], y);
          }
    }
}

static void
coverage_init (Coverage      *coverage,
               ViewOutlines  *view,
               const SmBadge *badges,
               guint          n_badges)
{
  coverage->width = (int) ceil (view->width * MAP_SCALE);
  coverage->height = (int) ceil (view->height * MAP_SCALE);
  coverage->ids = g_new0 (guint8, (gsize) coverage->width * coverage->height);
  coverage->depth = g_new0 (guint16, (gsize) coverage->width * coverage->height);
  coverage->order = drawing_order (view, badges, n_badges);
  fill_coverage (coverage, view);
  measure_depth (coverage);
  measure_boxes (coverage);
}

static void
coverage_clear (Coverage *coverage)
{
  g_free (coverage->ids);
  g_free (coverage->depth);
  g_free (coverage->boxes);
  g_ptr_array_unref (coverage->order);
}

/* --- Placing ------------------------------------------------------------- */

/* How much a badge at (u, v) would cover the ones placed already (their
 * boxes with a little room around each), in square SVG units. */
static double
overlap (const SmBadge *badges,
         guint          n_badges,
         double         u,
         double         v,
         double         rx,
         double         ry)
{
  double total = 0;

  for (guint i = 0; i < n_badges; i++)
    {
      double gap = 0.15 * (ry + badges[i].ry);
      double ox = rx + badges[i].rx + gap - fabs (u - badges[i].u);
      double oy = ry + badges[i].ry + gap - fabs (v - badges[i].v);

      if (badges[i].placed && ox > 0 && oy > 0)
        total += ox * oy;
    }
  return total;
}

static guint8
element_id (const Coverage *coverage,
            const char     *element)
{
  for (guint i = 0; i < coverage->order->len; i++)
    if (g_strcmp0 (((Outline *) g_ptr_array_index (coverage->order, i))->id, element) == 0)
      return i + 1;
  return 0;
}

static guint64
area (const Coverage *coverage,
      guint8          id)
{
  const int *box = coverage->boxes[id];
  guint64 n = 0;

  for (int y = box[1]; y <= box[3]; y++)
    for (int x = box[0]; x <= box[2]; x++)
      n += coverage->ids[(gsize) y * coverage->width + x] == id;
  return n;
}

/* The badge of the same muscle on the other side, if it is the same size:
 * the two go at mirror images of each other (the artwork is symmetric), so
 * the figure reads calmly. -1 for none. */
static int
find_twin (const SmBadge *badges,
           guint          n_badges,
           guint          index)
{
  const char *element = badges[index].element;
  g_autofree char *other = NULL;
  gsize length = strlen (element);

  if (g_str_has_suffix (element, "-left"))
    other = g_strdup_printf ("%.*sright", (int) (length - 4), element);
  else if (g_str_has_suffix (element, "-right"))
    other = g_strdup_printf ("%.*sleft", (int) (length - 5), element);
  else
    return -1;

  for (guint i = 0; i < n_badges; i++)
    if (i != index && g_strcmp0 (badges[i].element, other) == 0 &&
        badges[i].rx == badges[index].rx && badges[i].ry == badges[index].ry)
      return (int) i;
  return -1;
}

/* Badge @index (and its @twin on the other side, or -1) into its muscle's
 * visible part: clear of the badges placed already, whole inside the part
 * if it fits, and as near the part's middle as that allows. When nothing
 * is clear, where it covers the least. */
static void
place_one (const Coverage *coverage,
           SmBadge        *badges,
           guint           n_badges,
           guint           index,
           int             twin)
{
  SmBadge *badge = &badges[index];
  guint8 id = element_id (coverage, badge->element);
  guint8 twin_id = twin >= 0 ? element_id (coverage, badges[twin].element) : 0;
  double cx = 0, cy = 0, best_key = -G_MAXDOUBLE;
  int best_x = -1, best_y = -1;
  guint64 n = 0;
  const int *box;
  int need;

  if (id == 0)
    return;

  box = coverage->boxes[id];
  for (int y = box[1]; y <= box[3]; y++)
    for (int x = box[0]; x <= box[2]; x++)
      if (coverage->ids[(gsize) y * coverage->width + x] == id)
        cx += x, cy += y, n++;
  if (n == 0)
    return;
  cx /= n, cy /= n;

  /* In chamfer units: the badge's larger half plus a pixel. */
  need = (int) ceil ((MAX (badge->rx, badge->ry) * MAP_SCALE + 1) * 3);
  for (int y = box[1]; y <= box[3]; y++)
    for (int x = box[0]; x <= box[2]; x++)
      {
        gsize at = (gsize) y * coverage->width + x;
        double depth = coverage->depth[at], key;
        double u = (x + 0.5) / MAP_SCALE, v = (y + 0.5) / MAP_SCALE;

        double covered;

        if (coverage->ids[at] != id)
          continue;
        covered = overlap (badges, n_badges, u, v, badge->rx, badge->ry);
        if (twin_id != 0)
          {
            /* The other side's badge at the mirror image, on its own muscle,
             * clear of the rest and of this one. */
            gsize mirror = (gsize) y * coverage->width + (coverage->width - 1 - x);
            double mu = coverage->width / MAP_SCALE - u;

            if (coverage->ids[mirror] != twin_id)
              continue;
            depth = MIN (depth, coverage->depth[mirror]);
            covered += overlap (badges, n_badges, mu, v, badge->rx, badge->ry);
            if (fabs (u - mu) < 2 * badge->rx + 0.3 * badge->ry)
              covered += (2 * badge->rx + 0.3 * badge->ry - fabs (u - mu)) * 2 * badge->ry;
          }
        /* Clear first, then fitting whole, then near the middle. */
        key = -covered * 1e9 + MIN (depth, need) * 1e6 - ((x - cx) * (x - cx) + (y - cy) * (y - cy));
        if (key > best_key)
          best_key = key, best_x = x, best_y = y;
      }

  if (best_x < 0 && twin_id != 0)
    {
      /* No mirror image fits: each side on its own. */
      place_one (coverage, badges, n_badges, index, -1);
      return;
    }
  if (best_x < 0)
    return;
  badge->u = (best_x + 0.5) / MAP_SCALE;
  badge->v = (best_y + 0.5) / MAP_SCALE;
  badge->placed = TRUE;
  if (twin_id != 0)
    {
      badges[twin].u = coverage->width / MAP_SCALE - badge->u;
      badges[twin].v = badge->v;
      badges[twin].placed = TRUE;
    }
}

static gboolean
all_clear (const SmBadge *badges,
           guint          n_badges)
{
  for (guint i = 0; i < n_badges; i++)
    for (guint j = 0; j < i; j++)
      if (badges[i].placed && badges[j].placed &&
          fabs (badges[i].u - badges[j].u) < badges[i].rx + badges[j].rx &&
          fabs (badges[i].v - badges[j].v) < badges[i].ry + badges[j].ry)
        return FALSE;
  return TRUE;
}

static char *
coverage_key_for (const char    *view,
                  ViewOutlines  *outlines,
                  const SmBadge *badges,
                  guint          n_badges)
{
  GString *key = g_string_new (view);

  for (guint i = 0; i < outlines->outlines->len; i++)
    {
      Outline *outline = g_ptr_array_index (outlines->outlines, i);

      if (outline->deep && carries_badge (outline, badges, n_badges))
        g_string_append_printf (key, " %s", outline->id);
    }
  return g_string_free (key, FALSE);
}

/* The coverage of each view ("back", "front") for the deep muscles that
 * carry a badge, kept for the next call: it tries smaller badges, the
 * next zoom of the same routine, or is the call that
 * sm_badge_layout_prepare () did the work for. */
typedef struct
{
  Coverage  coverage;
  char     *key;       /* NULL until built */
} CoverageSlot;

static GMutex coverage_lock;
static CoverageSlot coverage_slots[2];

/* The coverage for @badges in @view, built unless it is; call with
 * coverage_lock held. */
static const Coverage *
ensure_coverage (const char    *view,
                 ViewOutlines  *outlines,
                 const SmBadge *badges,
                 guint          n_badges)
{
  CoverageSlot *slot = &coverage_slots[g_strcmp0 (view, "front") == 0 ? 1 : 0];
  g_autofree char *key = coverage_key_for (view, outlines, badges, n_badges);

  if (g_strcmp0 (key, slot->key) != 0)
    {
      if (slot->key != NULL)
        coverage_clear (&slot->coverage);
      coverage_init (&slot->coverage, outlines, badges, n_badges);
      g_free (slot->key);
      slot->key = g_steal_pointer (&key);
    }
  return &slot->coverage;
}

static int
compare_areas (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const guint64 *areas = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (areas[i] != areas[j])
    return areas[i] < areas[j] ? -1 : 1;
  return i < j ? -1 : i > j;
}

/**
 * sm_badge_layout_place:
 * @view: "back" or "front"
 * @badges: (array length=n_badges): the badges, in the order they claim
 *   room (step order); element, rx and ry set
 *
 * Sets each badge's centre. Badges of zones the view does not have stay
 * unplaced.
 *
 * Returns: whether no two badges overlap; when some must, a caller can
 *   try again with smaller badges
 */
gboolean
sm_badge_layout_place (const char *view,
                       SmBadge    *badges,
                       guint       n_badges)
{
  ViewOutlines *outlines = get_view (view);
  g_autofree guint *order = NULL;
  g_autofree guint64 *areas = NULL;
  const Coverage *coverage;
  gboolean clear;

  for (guint i = 0; i < n_badges; i++)
    badges[i].placed = FALSE;
  if (outlines->width <= 0 || outlines->height <= 0 || n_badges == 0)
    return TRUE;

  /* The coverage depends on the view and on which deep muscles carry a
   * badge. */
  g_mutex_lock (&coverage_lock);
  coverage = ensure_coverage (view, outlines, badges, n_badges);

  /* The smallest parts have the fewest places: they choose first, the
   * large muscles fit their badges round them. */
  order = g_new (guint, n_badges);
  areas = g_new0 (guint64, n_badges);
  for (guint i = 0; i < n_badges; i++)
    {
      guint8 id = element_id (coverage, badges[i].element);

      order[i] = i;
      areas[i] = id != 0 ? area (coverage, id) : 0;
    }
  g_qsort_with_data (order, n_badges, sizeof (guint), compare_areas, areas);
  for (guint i = 0; i < n_badges; i++)
    if (!badges[order[i]].placed)
      {
        int twin = find_twin (badges, n_badges, order[i]);

        place_one (coverage, badges, n_badges, order[i],
                   twin >= 0 && !badges[twin].placed ? twin : -1);
      }
  /* Then each again with all the others in place: a badge that had to
   * squeeze in next to an early one may now find room elsewhere. */
  for (guint round = 0; round < 2 && !all_clear (badges, n_badges); round++)
    for (guint i = 0; i < n_badges; i++)
      if (badges[order[i]].placed)
        {
          int twin = find_twin (badges, n_badges, order[i]);

          badges[order[i]].placed = FALSE;
          if (twin >= 0)
            badges[twin].placed = FALSE;
          place_one (coverage, badges, n_badges, order[i], twin);
          if (twin >= 0 && !badges[twin].placed)
            place_one (coverage, badges, n_badges, twin, -1);
        }
  clear = all_clear (badges, n_badges);
  g_mutex_unlock (&coverage_lock);
  return clear;
}

/**
 * sm_badge_layout_prepare:
 * @view: "back" or "front"
 * @elements: (array zero-terminated=1): the zones that will carry badges
 *
 * Does the part of sm_badge_layout_place () that does not depend on the
 * badges' sizes (which muscle shows where), so that a thread can do it
 * before the badges are measured; placing them later is then quick.
 */
void
sm_badge_layout_prepare (const char         *view,
                         const char * const *elements)
{
  ViewOutlines *outlines = get_view (view);
  guint n = g_strv_length ((char **) elements);
  g_autofree SmBadge *badges = g_new0 (SmBadge, MAX (n, 1));

  if (outlines->width <= 0 || outlines->height <= 0 || n == 0)
    return;
  for (guint i = 0; i < n; i++)
    badges[i].element = elements[i];
  g_mutex_lock (&coverage_lock);
  ensure_coverage (view, outlines, badges, n);
  g_mutex_unlock (&coverage_lock);
}

/**
 * sm_badge_layout_read_outlines:
 * @view: "back" or "front"
 *
 * Reads the view's outlines, the part of sm_badge_layout_prepare () that
 * needs no routine, so that a thread can do it while the content loads.
 */
void
sm_badge_layout_read_outlines (const char *view)
{
  get_view (view);
}

/* --- Labels -------------------------------------------------------------- */

/**
 * sm_badge_compact_label:
 * @numbers: (array length=n_numbers): step numbers, ascending
 *
 * What a badge says: "4", "1, 4", a run as "3–5", and for more than two
 * numbers that are not a run the first and how many more ("2 +7"): a
 * badge stays small, and the table lists every step.
 */
char *
sm_badge_compact_label (const guint *numbers,
                        guint        n_numbers)
{
  gboolean run = TRUE;

  if (n_numbers == 0)
    return g_strdup ("");
  if (n_numbers == 1)
    return g_strdup_printf ("%u", numbers[0]);
  if (n_numbers == 2)
    return g_strdup_printf ("%u, %u", numbers[0], numbers[1]);

  for (guint i = 1; i < n_numbers; i++)
    run = run && numbers[i] == numbers[i - 1] + 1;
  if (run)
    return g_strdup_printf ("%u–%u", numbers[0], numbers[n_numbers - 1]);

  /* Translators: a step badge on the body: the first step on this muscle
   * and how many more steps come back to it, e.g. "2 +7" */
  return g_strdup_printf (C_("step badge", "%1$u +%2$u"), numbers[0], n_numbers - 1);
}

/* The same for a list as sm_badge_dup_step_labels () writes it ("2, 6, 10"). */
char *
sm_badge_compact_label_for_list (const char *list)
{
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *p = list;

  while (p != NULL && *p != '\0')
    {
      char *end;
      guint64 value = g_ascii_strtoull (p, &end, 10);
      guint number = (guint) MIN (value, G_MAXUINT);

      if (end == p)
        {
          p++;
          continue;
        }
      g_array_append_val (numbers, number);
      p = end;
    }

  return sm_badge_compact_label ((const guint *) numbers->data, numbers->len);
}

/**
 * sm_badge_dup_step_labels:
 * @routine: the open routine
 *
 * What the map writes on each zone while a routine is open: its step
 * numbers, "2" or "1, 4" when a zone comes back (the badges shorten them
 * with sm_badge_compact_label_for_list ()).
 *
 * Returns: (transfer full) (element-type utf8 utf8): SVG element id
 *   (`zone-<zone>-<left|right>`) → label
 */
GHashTable *
sm_badge_dup_step_labels (SmRoutine *routine)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  g_return_val_if_fail (SM_IS_ROUTINE (routine), labels);

  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    {
      SmRoutineStep *step = sm_routine_get_step (routine, i);
      const char *side = sm_routine_step_get_side (step);

      for (guint s = 0; s < 2; s++)
        {
          const char *this_side = s == 0 ? "left" : "right";
          g_autofree char *id = NULL;
          const char *old;

          if (!g_str_equal (side, "both") && !g_str_equal (side, this_side))
            continue;
          id = sm_zone_id_build (sm_routine_step_get_zone (step), this_side);
          old = g_hash_table_lookup (labels, id);
          g_hash_table_insert (labels, g_steal_pointer (&id),
                               old != NULL ? g_strdup_printf ("%s, %u", old, i + 1)
                                           : g_strdup_printf ("%u", i + 1));
        }
    }

  return labels;
}
