/* test-anatomy.c: the body-view SVGs carry every id the app joins on, stay
 * self-contained, and put the muscles, bones and nerves where an anatomy
 * atlas does.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include "sm-svg-index.h"
#include "sm-test-svg.h"

#define MIDLINE 400.0

static const char * const back_zones[] = {
  "piriformis", "gluteus-maximus", "gluteus-medius", "gluteus-minimus",
  "erector-spinae", "quadratus-lumborum", "sacral-border", "hamstrings",
  "calf", NULL
};
static const char * const front_zones[] = { "psoas", "iliacus", "quadriceps", NULL };
static const char * const deep_zones[] = {
  "piriformis", "gluteus-minimus", "quadratus-lumborum", "psoas", "iliacus", NULL
};

/* The root's groups, in drawing order. */
static const char * const top_groups[] = {
  "figure", "layer-deep", "layer-superficial", "overlay-landmarks",
  "overlay-nerves", "overlay-press-points", "overlay-cautions", "marks",
  "overlay-referrals", "overlay-regions", NULL
};

/* Referred pain (issue 17): every zone has an essential area on at least
 * one view; regions are the places the search vocabulary names. */
static const char * const back_referral_zones[] = {
  "piriformis", "gluteus-maximus", "gluteus-medius", "gluteus-minimus",
  "erector-spinae", "quadratus-lumborum", "sacral-border", "hamstrings",
  "calf", "psoas", "iliacus", NULL
};
static const char * const front_referral_zones[] = {
  "psoas", "iliacus", "quadriceps", "gluteus-minimus", "calf", NULL
};

/* Ids without a side; "+" at the end means one per side. */
static const char * const back_ids[] = {
  "body-outline", "landmark-sacrum", "landmark-spine", "caution-spine",
  "landmark-greater-trochanter+", "landmark-iliac-crest+",
  "landmark-ischial-tuberosity+", "nerve-sciatic+", "nerve-tibial+",
  "nerve-common-fibular+", "press-point-piriformis+",
  "caution-popliteal-fossa+", "caution-kidney+", NULL
};
static const char * const front_ids[] = {
  "body-outline", "landmark-pubis", "landmark-asis+",
  "landmark-inguinal-ligament+", "landmark-greater-trochanter-front+",
  "nerve-femoral+", "caution-femoral-triangle+", NULL
};

static const char * const shape_elements[] = {
  "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text", NULL
};
static const char * const known_classes[] = {
  "skin", "outline", "muscle", "muscle-fibres", "bone", "nerve", "caution",
  "press-point", "mark", "zone", "landmark", "referral", "region", NULL
};
static const char * const forbidden_elements[] = {
  "image", "script", "style", "foreignObject", "filter", "iframe", "video",
  "audio", NULL
};

/* ------------------------------------------------------------ loading */

/* ------------------------------------------------------------ markup scan */

/* SmSvgIndex answers ids, titles and groups; the attributes it does not
 * keep (classes, display, references) are read here. */
typedef struct {
  GHashTable *classes;     /* id → class attribute */
  GPtrArray  *problems;    /* forbidden content, one line each */
  char       *cautions_display;
  char       *referrals_display;
  char       *regions_display;
} SvgScan;

static void
svg_scan_free (SvgScan *scan)
{
  g_hash_table_unref (scan->classes);
  g_ptr_array_unref (scan->problems);
  g_free (scan->cautions_display);
  g_free (scan->referrals_display);
  g_free (scan->regions_display);
  g_free (scan);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SvgScan, svg_scan_free)

static gboolean
classes_known (const char *classes)
{
  g_auto(GStrv) words = g_strsplit (classes, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && !g_strv_contains (known_classes, words[i]))
      return FALSE;
  return TRUE;
}

static void
check_attribute (SvgScan *scan, const char *element, const char *name,
                 const char *value)
{
  if (g_str_equal (name, "style") || g_str_equal (name, "filter"))
    g_ptr_array_add (scan->problems,
                     g_strdup_printf ("<%s> has a %s attribute", element, name));
  if ((g_str_equal (name, "href") || g_str_equal (name, "xlink:href"))
      && value[0] != '#')
    g_ptr_array_add (scan->problems,
                     g_strdup_printf ("<%s> refers to %s", element, value));
  if (strstr (value, "url(") != NULL && strstr (value, "url(#") == NULL)
    g_ptr_array_add (scan->problems,
                     g_strdup_printf ("<%s> %s=\"%s\" is external",
                                      element, name, value));
}

static void
scan_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  SvgScan *scan = user_data;
  const char *id = NULL, *classes = NULL, *display = NULL;

  if (g_strv_contains (forbidden_elements, element))
    g_ptr_array_add (scan->problems, g_strdup_printf ("<%s> element", element));
  for (guint i = 0; names[i] != NULL; i++)
    {
      check_attribute (scan, element, names[i], values[i]);
      if (g_str_equal (names[i], "id"))
        id = values[i];
      else if (g_str_equal (names[i], "class"))
        classes = values[i];
      else if (g_str_equal (names[i], "display"))
        display = values[i];
    }
  if (g_strv_contains (shape_elements, element) && (!classes || !classes_known (classes)))
    g_ptr_array_add (scan->problems,
                     g_strdup_printf ("<%s id=%s> has class \"%s\"", element,
                                      id ? id : "-", classes ? classes : ""));
  if (id != NULL)
    g_hash_table_insert (scan->classes, g_strdup (id), g_strdup (classes ? classes : ""));
  if (id != NULL && g_str_equal (id, "overlay-cautions"))
    scan->cautions_display = g_strdup (display ? display : "");
  if (id != NULL && g_str_equal (id, "overlay-referrals"))
    scan->referrals_display = g_strdup (display ? display : "");
  if (id != NULL && g_str_equal (id, "overlay-regions"))
    scan->regions_display = g_strdup (display ? display : "");
}

static SvgScan *
scan_view (const char *view)
{
  static const GMarkupParser parser = { scan_start, NULL, NULL, NULL, NULL };
  g_autoptr(GBytes) bytes = sm_test_svg_bytes (view);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgScan *scan = g_new0 (SvgScan, 1);
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);

  scan->classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  scan->problems = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, 0, scan, NULL);
  g_markup_parse_context_parse (context, text, size, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  return scan;
}

/* ------------------------------------------------------------ expected ids */

static const char * const *
zones_of (const char *view)
{
  return g_str_equal (view, "back") ? back_zones : front_zones;
}

/* Every required id of a view, sides expanded. */
static GPtrArray *
required_ids (const char *view)
{
  const char * const *ids = g_str_equal (view, "back") ? back_ids : front_ids;
  const char * const *zones = zones_of (view);
  const char * const *referrals = g_str_equal (view, "back") ? back_referral_zones
                                                              : front_referral_zones;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; top_groups[i] != NULL; i++)
    g_ptr_array_add (out, g_strdup (top_groups[i]));
  for (guint i = 0; zones[i] != NULL; i++)
    {
      g_ptr_array_add (out, g_strdup_printf ("zone-%s-left", zones[i]));
      g_ptr_array_add (out, g_strdup_printf ("zone-%s-right", zones[i]));
    }
  for (guint i = 0; referrals[i] != NULL; i++)
    {
      g_ptr_array_add (out, g_strdup_printf ("referral-%s-left-essential", referrals[i]));
      g_ptr_array_add (out, g_strdup_printf ("referral-%s-right-essential", referrals[i]));
    }
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autofree char *base = g_strdup (ids[i]);
      gsize len = strlen (base);

      if (base[len - 1] != '+')
        {
          g_ptr_array_add (out, g_steal_pointer (&base));
          continue;
        }
      base[len - 1] = '\0';
      g_ptr_array_add (out, g_strdup_printf ("%s-left", base));
      g_ptr_array_add (out, g_strdup_printf ("%s-right", base));
    }
  return out;
}

static const char *
other_view (const char *view)
{
  return g_str_equal (view, "back") ? "front" : "back";
}

/* ------------------------------------------------------------ id tests */

static void
check_required_ids (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(GPtrArray) ids = required_ids (view);

  for (guint i = 0; i < ids->len; i++)
    if (!sm_svg_index_has_id (index, g_ptr_array_index (ids, i)))
      g_error ("%s view: no element with id %s", view,
               (const char *) g_ptr_array_index (ids, i));
}

/* Ids that belong to the other view must not leak into this one (the map
 * would then find a zone twice). */
static void
check_no_foreign_ids (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(GPtrArray) mine = required_ids (view);
  g_autoptr(GPtrArray) theirs = required_ids (other_view (view));

  for (guint i = 0; i < theirs->len; i++)
    {
      const char *id = g_ptr_array_index (theirs, i);

      if (g_ptr_array_find_with_equal_func (mine, id, g_str_equal, NULL))
        continue;
      if (sm_svg_index_has_id (index, id))
        g_error ("%s view carries %s of the %s view", view, id, other_view (view));
    }
}

static gboolean
is_known_zone (const char *view, const char *id)
{
  const char * const *zones = zones_of (view);

  for (guint i = 0; zones[i] != NULL; i++)
    {
      g_autofree char *left = g_strdup_printf ("zone-%s-left", zones[i]);
      g_autofree char *right = g_strdup_printf ("zone-%s-right", zones[i]);

      if (g_str_equal (id, left) || g_str_equal (id, right))
        return TRUE;
    }
  return FALSE;
}

static void
check_no_unknown_zones (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(GPtrArray) zones = sm_svg_index_list_ids (index, "zone-");

  g_assert_cmpuint (zones->len, ==, 2 * g_strv_length ((char **) zones_of (view)));
  for (guint i = 0; i < zones->len; i++)
    if (!is_known_zone (view, g_ptr_array_index (zones, i)))
      g_error ("%s view: unknown zone id %s", view,
               (const char *) g_ptr_array_index (zones, i));
}

/* ------------------------------------------------------------ structure */

static void
check_group_order (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(SvgScan) scan = scan_view (view);
  g_autoptr(GPtrArray) all = sm_svg_index_list_ids (index, NULL);
  guint n = 0;

  /* Top-level groups are the ids that sit in no group. */
  for (guint i = 0; i < all->len; i++)
    {
      const char *id = g_ptr_array_index (all, i);

      if (sm_svg_index_get_group (index, id) != NULL || g_str_has_suffix (id, "pattern"))
        continue;
      g_assert_nonnull (top_groups[n]);
      g_assert_cmpstr (id, ==, top_groups[n]);
      n++;
    }
  g_assert_null (top_groups[n]);
  g_assert_cmpstr (scan->cautions_display, ==, "none");
  g_assert_cmpstr (scan->referrals_display, ==, "none");
  g_assert_cmpstr (scan->regions_display, ==, "none");
}

static void
check_zone_layers (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(GPtrArray) zones = sm_svg_index_list_ids (index, "zone-");

  for (guint i = 0; i < zones->len; i++)
    {
      const char *id = g_ptr_array_index (zones, i);
      g_autofree char *muscle = g_strndup (id + strlen ("zone-"),
                                           strrchr (id, '-') - id - strlen ("zone-"));
      const char *want = g_strv_contains (deep_zones, muscle)
                         ? "layer-deep" : "layer-superficial";

      g_assert_cmpstr (sm_svg_index_get_group (index, id), ==, want);
    }
  g_assert_cmpuint (zones->len, >, 0);
}

static gboolean
has_class (SvgScan *scan, const char *id, const char *klass)
{
  const char *classes = g_hash_table_lookup (scan->classes, id);
  g_auto(GStrv) words = g_strsplit (classes ? classes : "", " ", -1);

  return g_strv_contains ((const char * const *) words, klass);
}

/* Titles are what screen readers and tooltips say; classes are what the
 * app's stylesheet recolours. */
static void
check_titles_and_classes (gconstpointer data)
{
  const char *view = data;
  static const char * const prefixes[] = {
    "zone-", "landmark-", "nerve-", "press-point-", "caution-", "referral-", "region-", NULL
  };
  static const char * const want[] = {
    "zone", "landmark", "nerve", "press-point", "caution", "referral", "region", NULL
  };
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(SvgScan) scan = scan_view (view);
  g_autoptr(GPtrArray) required = required_ids (view);
  guint checked = 0;

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[i]);

      checked += ids->len;
      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);
          const char *title = sm_svg_index_get_title (index, id);

          if (title == NULL || *title == '\0')
            g_error ("%s view: %s has no <title>", view, id);
          if (!has_class (scan, id, want[i]))
            g_error ("%s view: %s lacks class %s", view, id, want[i]);
        }
    }
  /* All required ids but the groups and the outline have a prefix. */
  g_assert_cmpuint (checked, >=, required->len - g_strv_length ((char **) top_groups) - 1);
  g_assert_true (has_class (scan, "body-outline", "skin"));
  g_assert_cmpstr (sm_svg_index_get_title (index, "zone-piriformis-left"), ==,
                   g_str_equal (view, "back") ? "Piriformis (left)" : NULL);
}

static void
check_self_contained (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SvgScan) scan = scan_view (view);

  for (guint i = 0; i < scan->problems->len; i++)
    g_printerr ("%s view: %s\n", view, (char *) g_ptr_array_index (scan->problems, i));
  g_assert_cmpuint (scan->problems->len, ==, 0);
}

/* ------------------------------------------------------------ geometry */

/* The person's left is on the viewer's left from behind, on the viewer's
 * right from the front. Every sided element must stay on its half. */
static void
check_sides (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle_with_overlays (view);
  g_autoptr(GPtrArray) all = sm_svg_index_list_ids (index, NULL);
  gboolean back = g_str_equal (view, "back");
  guint checked = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const char *id = g_ptr_array_index (all, i);
      gboolean left = g_str_has_suffix (id, "-left");
      RsvgRectangle box;

      if (!left && !g_str_has_suffix (id, "-right"))
        continue;
      box = sm_test_svg_box (handle, id);
      if (left == back)
        g_assert_cmpfloat (box.x + box.width, <=, MIDLINE);
      else
        g_assert_cmpfloat (box.x, >=, MIDLINE);
      checked++;
    }
  g_assert_cmpuint (checked, >=, back ? 32 : 14);
}

/* Hidden by default: a plain render shows no caution hatching. */
static void
check_cautions_hidden (gconstpointer data)
{
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle (view);
  g_autoptr(GPtrArray) cautions = sm_svg_index_list_ids (index, "caution-");

  g_assert_cmpuint (cautions->len, >=, 2);
  for (guint i = 0; i < cautions->len; i++)
    {
      RsvgRectangle box = sm_test_svg_box_or_empty (handle, g_ptr_array_index (cautions, i));

      g_assert_cmpfloat (box.width * box.height, ==, 0);
    }
}

static void
check_figure_frame (void)
{
  g_autoptr(RsvgHandle) back = sm_test_svg_handle ("back");
  g_autoptr(RsvgHandle) front = sm_test_svg_handle ("front");
  RsvgRectangle b = sm_test_svg_box (back, "body-outline");
  RsvgRectangle f = sm_test_svg_box (front, "body-outline");

  /* Both views fill the height with a small margin, on the same scale. */
  g_assert_cmpfloat_with_epsilon (b.y, 50, 6);
  g_assert_cmpfloat_with_epsilon (b.y + b.height, 1550, 6);
  g_assert_cmpfloat_with_epsilon (f.y, b.y, 1);
  g_assert_cmpfloat_with_epsilon (f.height, b.height, 2);
  g_assert_cmpfloat_with_epsilon (sm_test_box_cx (b), MIDLINE, 1);
  g_assert_cmpfloat_with_epsilon (sm_test_box_cx (f), MIDLINE, 1);
  /* Arms hang at the sides: the widest point is a bit more than the
   * shoulder width (0.259 of stature), nowhere near arm span. */
  g_assert_cmpfloat (b.width / b.height, >, 0.28);
  g_assert_cmpfloat (b.width / b.height, <, 0.40);
}

/* Height of an element's centre above the soles, as a fraction of stature. */
static double
height_fraction (RsvgHandle *handle, const char *id)
{
  RsvgRectangle body = sm_test_svg_box (handle, "body-outline");
  RsvgRectangle box = sm_test_svg_box (handle, id);

  return (body.y + body.height - sm_test_box_cy (box)) / body.height;
}

typedef struct {
  const char *view;
  const char *id;
  double low, high;
} Height;

/* Anthropometric heights (Drillis & Contini and standard tables): greater
 * trochanter ~0.53, iliac crest ~0.59, ASIS ~0.56, ischial tuberosity and
 * pubis ~0.48-0.5, lumbar spine ~0.6-0.66. */
static const Height heights[] = {
  { "back", "landmark-greater-trochanter-left", 0.50, 0.55 },
  { "back", "landmark-greater-trochanter-right", 0.50, 0.55 },
  { "back", "landmark-iliac-crest-left", 0.56, 0.62 },
  { "back", "landmark-iliac-crest-right", 0.56, 0.62 },
  { "back", "landmark-ischial-tuberosity-left", 0.46, 0.51 },
  { "back", "landmark-ischial-tuberosity-right", 0.46, 0.51 },
  { "back", "landmark-sacrum", 0.51, 0.57 },
  { "back", "landmark-spine", 0.58, 0.67 },
  { "front", "landmark-asis-left", 0.54, 0.60 },
  { "front", "landmark-asis-right", 0.54, 0.60 },
  { "front", "landmark-pubis", 0.47, 0.52 },
  { "front", "landmark-greater-trochanter-front-left", 0.50, 0.55 },
};

static void
check_landmark_heights (void)
{
  g_autoptr(RsvgHandle) back = sm_test_svg_handle ("back");
  g_autoptr(RsvgHandle) front = sm_test_svg_handle ("front");

  for (guint i = 0; i < G_N_ELEMENTS (heights); i++)
    {
      RsvgHandle *handle = g_str_equal (heights[i].view, "back") ? back : front;
      double f = height_fraction (handle, heights[i].id);

      if (f < heights[i].low || f > heights[i].high)
        g_error ("%s is at %.3f of stature, expected %.2f-%.2f",
                 heights[i].id, f, heights[i].low, heights[i].high);
    }
}

static void
check_piriformis_midpoint (gconstpointer data)
{
  const char *side = data;
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle ("back");
  g_autofree char *troch_id = g_strdup_printf ("landmark-greater-trochanter-%s", side);
  g_autofree char *pir_id = g_strdup_printf ("zone-piriformis-%s", side);
  g_autofree char *press_id = g_strdup_printf ("press-point-piriformis-%s", side);
  RsvgRectangle sacrum = sm_test_svg_box (handle, "landmark-sacrum");
  RsvgRectangle troch = sm_test_svg_box (handle, troch_id);
  RsvgRectangle pir = sm_test_svg_box (handle, pir_id);
  RsvgRectangle press = sm_test_svg_box (handle, press_id);
  double mx = (sm_test_box_cx (sacrum) + sm_test_box_cx (troch)) / 2;
  double my = (sm_test_box_cy (sacrum) + sm_test_box_cy (troch)) / 2;
  double span = hypot (sm_test_box_cx (troch) - sm_test_box_cx (sacrum), sm_test_box_cy (troch) - sm_test_box_cy (sacrum));

  g_assert_cmpfloat (span, >, 80);
  g_assert_cmpfloat (hypot (sm_test_box_cx (pir) - mx, sm_test_box_cy (pir) - my), <=, 0.1 * span);
  g_assert_cmpfloat (hypot (sm_test_box_cx (press) - mx, sm_test_box_cy (press) - my), <=, 1.5);
  /* It runs from the sacrum's edge to the trochanter's top. */
  g_assert_cmpfloat (fabs (sm_test_box_cx (pir) - MIDLINE), >, fabs (sm_test_box_cx (sacrum) - MIDLINE) + 20);
  g_assert_cmpfloat (pir.y, <, troch.y + troch.height / 2);
  g_assert_cmpfloat (pir.y + pir.height, >, troch.y);
}

/* ------------------------------------------------------------ raster tests */

/* Horizontal extent of the mask on one row; FALSE if the row is empty. */
static gboolean
mask_row_span (const SmTestMask *mask, int y, int *x0, int *x1)
{
  int width = cairo_image_surface_get_width (mask->surface);

  *x0 = *x1 = -1;
  for (int x = 0; x < width; x++)
    if (sm_test_mask_at (mask, x, y))
      {
        if (*x0 < 0)
          *x0 = x;
        *x1 = x;
      }
  return *x0 >= 0;
}

/* The piriformis is deep: in a plain render the gluteus maximus hides it. */
static void
check_piriformis_covered (gconstpointer data)
{
  const char *side = data;
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle ("back");
  g_autofree char *pir_id = g_strdup_printf ("zone-piriformis-%s", side);
  g_autofree char *max_id = g_strdup_printf ("zone-gluteus-maximus-%s", side);
  SmTestMask max = sm_test_svg_mask (handle, max_id);

  g_assert_cmpfloat (sm_test_svg_fraction_inside (handle, pir_id, &max), >=, 0.98);
  cairo_surface_destroy (max.surface);
}

/* Muscles, bones and nerves are drawn under the skin, never beside it. */
static void
check_inside_body (gconstpointer data)
{
  static const char * const prefixes[] = { "zone-", "landmark-", "nerve-", "press-point-", NULL };
  const char *view = data;
  g_autoptr(SmSvgIndex) index = sm_test_svg_index (view);
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle (view);
  SmTestMask body = sm_test_svg_mask (handle, "body-outline");

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[i]);

      for (guint j = 0; j < ids->len; j++)
        {
          const char *id = g_ptr_array_index (ids, j);
          double f = sm_test_svg_fraction_inside (handle, id, &body);

          if (f < 0.995)
            g_error ("%s view: only %.1f %% of %s is inside the body", view, 100 * f, id);
        }
    }
  cairo_surface_destroy (body.surface);
}

/* Out of the greater sciatic notch below the piriformis, then down the
 * middle of the back of the thigh, inside the hamstrings. */
static void
check_sciatic_course (gconstpointer data)
{
  const char *side = data;
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle ("back");
  g_autofree char *pir_id = g_strdup_printf ("zone-piriformis-%s", side);
  g_autofree char *nerve_id = g_strdup_printf ("nerve-sciatic-%s", side);
  g_autofree char *ham_id = g_strdup_printf ("zone-hamstrings-%s", side);
  g_autofree char *troch_id = g_strdup_printf ("landmark-greater-trochanter-%s", side);
  RsvgRectangle pir = sm_test_svg_box (handle, pir_id);
  RsvgRectangle nerve = sm_test_svg_box (handle, nerve_id);
  RsvgRectangle troch = sm_test_svg_box (handle, troch_id);
  double mid_thigh = (sm_test_box_cy (troch) + sm_test_svg_knee_y (handle)) / 2;
  SmTestMask nerve_mask = sm_test_svg_mask (handle, nerve_id);
  SmTestMask ham_mask = sm_test_svg_mask (handle, ham_id);
  int n0 = 0, n1 = 0, h0 = 0, h1 = 0, column = (int) sm_test_box_cx (pir);

  g_assert_cmpfloat (nerve.y, >, sm_test_box_cy (pir));
  /* Where it crosses the piriformis' centre line it is below the muscle. */
  for (int y = 0; y < (int) sm_test_box_cy (pir); y++)
    g_assert_false (sm_test_mask_at (&nerve_mask, column, y));
  g_assert_true (mask_row_span (&nerve_mask, (int) mid_thigh, &n0, &n1));
  g_assert_true (mask_row_span (&ham_mask, (int) mid_thigh, &h0, &h1));
  g_assert_cmpint (n0, >, h0);
  g_assert_cmpint (n1, <, h1);
  /* The middle of the thigh: the middle third of the hamstrings. */
  g_assert_cmpfloat (fabs ((n0 + n1) / 2.0 - (h0 + h1) / 2.0), <, (h1 - h0) / 6.0);
  cairo_surface_destroy (nerve_mask.surface);
  cairo_surface_destroy (ham_mask.surface);
}

/* It divides just above the back of the knee: the tibial branch continues
 * down the middle of the calf, the common fibular one goes to the outside. */
static void
check_sciatic_division (gconstpointer data)
{
  const char *side = data;
  g_autoptr(RsvgHandle) handle = sm_test_svg_handle ("back");
  g_autofree char *sciatic_id = g_strdup_printf ("nerve-sciatic-%s", side);
  g_autofree char *tibial_id = g_strdup_printf ("nerve-tibial-%s", side);
  g_autofree char *fibular_id = g_strdup_printf ("nerve-common-fibular-%s", side);
  g_autofree char *calf_id = g_strdup_printf ("zone-calf-%s", side);
  RsvgRectangle sciatic = sm_test_svg_box (handle, sciatic_id);
  RsvgRectangle tibial = sm_test_svg_box (handle, tibial_id);
  RsvgRectangle fibular = sm_test_svg_box (handle, fibular_id);
  RsvgRectangle calf = sm_test_svg_box (handle, calf_id);
  RsvgRectangle body = sm_test_svg_box (handle, "body-outline");
  double knee = sm_test_svg_knee_y (handle);
  double split = sciatic.y + sciatic.height;

  g_assert_cmpfloat (split, <, knee);
  g_assert_cmpfloat (split, >, knee - 0.06 * body.height);
  g_assert_cmpfloat_with_epsilon (tibial.y, split, 12);
  g_assert_cmpfloat_with_epsilon (fibular.y, split, 12);
  g_assert_cmpfloat (tibial.y + tibial.height, >, calf.y + calf.height * 0.8);
  g_assert_cmpfloat (fabs (sm_test_box_cx (tibial) - sm_test_box_cx (calf)), <, calf.width / 4);
  g_assert_cmpfloat (fabs (sm_test_box_cx (fibular) - MIDLINE), >, fabs (sm_test_box_cx (tibial) - MIDLINE) + 10);
  g_assert_cmpfloat (fibular.y + fibular.height, <, knee + 0.06 * body.height);
}


/* ------------------------------------------------------------ main */

static void
add_per_view (const char *name, GTestDataFunc func)
{
  static const char * const views[] = { "back", "front" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sm/anatomy/%s/%s", name, views[i]);

      g_test_add_data_func (path, views[i], func);
    }
}

static void
add_per_side (const char *name, GTestDataFunc func)
{
  static const char * const sides[] = { "left", "right" };

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sm/anatomy/%s/%s", name, sides[i]);

      g_test_add_data_func (path, sides[i], func);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_per_view ("required-ids", check_required_ids);
  add_per_view ("no-foreign-ids", check_no_foreign_ids);
  add_per_view ("no-unknown-zones", check_no_unknown_zones);
  add_per_view ("group-order", check_group_order);
  add_per_view ("zone-layers", check_zone_layers);
  add_per_view ("titles-and-classes", check_titles_and_classes);
  add_per_view ("self-contained", check_self_contained);
  add_per_view ("sides", check_sides);
  add_per_view ("cautions-hidden", check_cautions_hidden);
  g_test_add_func ("/sm/anatomy/figure-frame", check_figure_frame);
  g_test_add_func ("/sm/anatomy/landmark-heights", check_landmark_heights);
  add_per_side ("piriformis-midpoint", check_piriformis_midpoint);
  add_per_view ("inside-body", check_inside_body);
  add_per_side ("piriformis-covered", check_piriformis_covered);
  add_per_side ("sciatic-course", check_sciatic_course);
  add_per_side ("sciatic-division", check_sciatic_division);

  return g_test_run ();
}
