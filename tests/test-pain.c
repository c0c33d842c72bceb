/* test-pain.c: the pain drawing model, its JSON, its painter and the layer
 * that draws it over the map.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <unistd.h>

#include <gtk/gtk.h>

#include "sm-anatomy.h"
#include "sm-pain-drawing.h"
#include "sm-pain-layer.h"
#include "sm-pain-painter.h"
#include "sm-test-utils.h"

static void
count_changes (guint *count)
{
  (*count)++;
}

static SmPainStroke *
line_stroke (SmPainKind  kind,
             guint       intensity,
             const char *view,
             double      u0,
             double      v0,
             double      u1,
             double      v1)
{
  SmPainStroke *stroke = sm_pain_stroke_new (kind, intensity, view);

  for (guint i = 0; i <= 10; i++)
    sm_pain_stroke_add_point (stroke, u0 + (u1 - u0) * i / 10, v0 + (v1 - v0) * i / 10);
  return stroke;
}

static void
test_model (void)
{
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  guint changes = 0;

  g_signal_connect_swapped (drawing, "changed", G_CALLBACK (count_changes), &changes);

  sm_pain_drawing_add_stroke (drawing, sm_pain_stroke_new (SM_PAIN_SHARP, 3, "back"));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 0);  /* no points: dropped */
  g_assert_cmpuint (changes, ==, 0);

  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_ACHING, 4, "back", 300, 700, 320, 760));
  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_NUMB, 12, "front", 450, 900, 450, 1000));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 2);
  g_assert_cmpuint (sm_pain_drawing_get_stroke (drawing, 1)->intensity, ==, 10);  /* clamped */
  g_assert_cmpuint (changes, ==, 2);

  g_assert_true (sm_pain_drawing_undo (drawing));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 1);
  g_assert_cmpint (sm_pain_drawing_get_stroke (drawing, 0)->kind, ==, SM_PAIN_ACHING);

  {
    double x, y, w, h;
    guint level;

    g_assert_true (sm_pain_drawing_get_bounds (drawing, "back", &x, &y, &w, &h));
    g_assert_cmpfloat (x, ==, 300);
    g_assert_cmpfloat (y + h, ==, 760);
    g_assert_false (sm_pain_drawing_get_bounds (drawing, "front", &x, &y, &w, &h));
    g_assert_true (sm_pain_drawing_get_max_intensity (drawing, SM_PAIN_ACHING, &level));
    g_assert_cmpuint (level, ==, 4);
    g_assert_false (sm_pain_drawing_get_max_intensity (drawing, SM_PAIN_NUMB, &level));
  }

  sm_pain_drawing_clear (drawing);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 0);
  g_assert_false (sm_pain_drawing_undo (drawing));
  g_assert_cmpuint (changes, ==, 4);

  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    {
      SmPainKind kind;

      g_assert_true (sm_pain_kind_from_string (sm_pain_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (sm_pain_kind_get_label (i));
    }
  g_assert_false (sm_pain_kind_from_string ("itchy", &(SmPainKind) { 0 }));
}

static char *
to_text (SmPainDrawing *drawing)
{
  g_autoptr(JsonNode) node = sm_pain_drawing_to_json (drawing);

  return json_to_string (node, FALSE);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_json_round_trip (void)
{
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  g_autoptr(SmPainDrawing) copy = sm_pain_drawing_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  const SmPainStroke *stroke;

  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_BURNING, 7, "back", 300.04, 800, 310, 1100));
  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_SHARP, 0, "front", 450, 700, 470, 720));
  text = to_text (drawing);
  g_assert_nonnull (strstr (text, "\"kind\":\"burning\""));
  g_assert_nonnull (strstr (text, "\"points\":[300"));

  node = parse (text);
  g_assert_true (sm_pain_drawing_load_json (copy, node, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (copy), ==, 2);
  stroke = sm_pain_drawing_get_stroke (copy, 0);
  g_assert_cmpint (stroke->kind, ==, SM_PAIN_BURNING);
  g_assert_cmpuint (stroke->intensity, ==, 7);
  g_assert_cmpstr (stroke->view, ==, "back");
  g_assert_cmpuint (stroke->points->len, ==, 11);
  g_assert_cmpfloat_with_epsilon (g_array_index (stroke->points, SmPainPoint, 10).v, 1100, 0.05);

  again = to_text (copy);
  g_assert_cmpstr (again, ==, text);
}

static void
assert_json_error (const char *text,
                   int         code,
                   const char *fragment)
{
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  g_autoptr(JsonNode) node = parse (text);
  g_autoptr(JsonNode) good = parse ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[1,2]}]");
  g_autoptr(GError) error = NULL;

  g_assert_true (sm_pain_drawing_load_json (drawing, good, NULL));
  g_assert_false (sm_pain_drawing_load_json (drawing, node, &error));
  g_assert_error (error, SM_PAIN_DRAWING_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, fragment);

  /* All or nothing: the drawing keeps what it had. */
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, 1);
}

static void
test_json_errors (void)
{
  assert_json_error ("{}", SM_PAIN_DRAWING_ERROR_WRONG_TYPE, "list of strokes");
  assert_json_error ("[3]", SM_PAIN_DRAWING_ERROR_WRONG_TYPE, "[0]: a stroke must be an object");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[1,2],\"colour\":1}]",
                     SM_PAIN_DRAWING_ERROR_UNKNOWN_KEY, "[0]: unknown key “colour”");
  assert_json_error ("[{\"kind\":\"numb\",\"view\":\"back\",\"points\":[1,2]}]",
                     SM_PAIN_DRAWING_ERROR_MISSING_FIELD, "“intensity” is missing");
  assert_json_error ("[{\"kind\":\"itchy\",\"intensity\":2,\"view\":\"back\",\"points\":[1,2]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "“kind” must be");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"side\",\"points\":[1,2]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "“view” must be");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":11,\"view\":\"back\",\"points\":[1,2]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "[0].intensity: 11 is out of range");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":\"high\",\"view\":\"back\",\"points\":[1,2]}]",
                     SM_PAIN_DRAWING_ERROR_WRONG_TYPE, "whole number");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[1,2,3]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "[0].points: must hold");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "[0].points");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[1,\"2\"]}]",
                     SM_PAIN_DRAWING_ERROR_WRONG_TYPE, "[0].points: [1] must be a number");
  assert_json_error ("[{\"kind\":\"numb\",\"intensity\":2,\"view\":\"back\",\"points\":[1,1e300]}]",
                     SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE, "far outside");
}

/* Burning or numbness below the hip line on the back of a leg: the note. */
static void
test_nerve_pain (void)
{
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  const double legs[] = { 270, 770, 260, 830 };  /* x, y, width, height */

  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_BURNING, 5, "back", 320, 600, 330, 700));
  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_ACHING, 5, "back", 320, 900, 330, 1100));
  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_NUMB, 5, "front", 450, 900, 450, 1100));
  g_assert_false (sm_pain_drawing_has_nerve_pain_in (drawing, "back", legs[0], legs[1], legs[2], legs[3]));

  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_NUMB, 5, "back", 330, 760, 335, 900));
  g_assert_true (sm_pain_drawing_has_nerve_pain_in (drawing, "back", legs[0], legs[1], legs[2], legs[3]));
  sm_pain_drawing_undo (drawing);
  sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_BURNING, 5, "back", 200, 800, 210, 900));
  g_assert_false (sm_pain_drawing_has_nerve_pain_in (drawing, "back", legs[0], legs[1], legs[2], legs[3]));
}

/* Each kind's stroke, painted in black, as an alpha mask: the patterns
 * alone must tell the kinds apart, whatever the colour. */
static cairo_surface_t *
paint_kind (SmPainKind kind,
            gboolean   as_mask)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  cairo_t *cr = cairo_create (surface);

  sm_pain_drawing_add_stroke (drawing, line_stroke (kind, 5, "back", 10, 30, 190, 30));
  if (as_mask)
    cairo_push_group (cr);
  sm_pain_paint_drawing (drawing, "back", cr, &(cairo_rectangle_t) { 0, 0, 200, 400 }, 200);
  sm_pain_paint_drawing (drawing, "front", cr, &(cairo_rectangle_t) { 0, 0, 200, 400 }, 200);
  if (as_mask)
    {
      cairo_pattern_t *group = cairo_pop_group (cr);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_mask (cr, group);
      cairo_pattern_destroy (group);
    }
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Inked pixels that sit on a straight 45° run of ink 20 px long: the
 * stuff of a diagonal hatch. */
static guint
count_diagonal_runs (cairo_surface_t *surface)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint runs = 0;

#define INKED(x, y) ((x) >= 0 && (y) >= 0 && (x) < width && (y) < height && \
                     data[(y) * stride + (x) * 4 + 3] > 200)
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int d = -1; d <= 1; d += 2)
        {
          gboolean run = TRUE;

          for (int k = -7; k <= 7 && run; k++)
            run = INKED (x + k, y + d * k);
          runs += run;
        }
#undef INKED
  return runs;
}

/* Numbness must never look like the map's selection, a blue diagonal
 * hatch: not in colour (far from the theme's selection colour) and not in
 * shape (no diagonal runs of ink, whichever way the stroke goes). The run
 * counter is shown to find a hatch first. */
static void
test_numb_not_selection (void)
{
  g_autoptr(GtkWidget) label = g_object_ref_sink (gtk_label_new (NULL));
  SmPainColor numb = sm_pain_kind_get_color (SM_PAIN_NUMB);
  cairo_surface_t *hatch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 60);
  cairo_t *cr = cairo_create (hatch);
  GdkRGBA selected;
  double distance;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_assert_true (gtk_style_context_lookup_color (gtk_widget_get_style_context (label),
                                                 "theme_selected_bg_color", &selected));
  G_GNUC_END_IGNORE_DEPRECATIONS
  distance = sqrt (pow (numb.red - selected.red, 2) + pow (numb.green - selected.green, 2) +
                   pow (numb.blue - selected.blue, 2));
  g_assert_cmpfloat (distance, >, 0.35);
  for (guint k = 0; k < SM_PAIN_N_KINDS; k++)
    if (k != SM_PAIN_NUMB)
      {
        SmPainColor other = sm_pain_kind_get_color (k);

        g_assert_cmpfloat (sqrt (pow (numb.red - other.red, 2) + pow (numb.green - other.green, 2) +
                                 pow (numb.blue - other.blue, 2)), >, 0.2);
      }

  /* The map's hatch: 2.5 px lines 9 px apart at 45°. */
  for (double d = -60; d < 200; d += 9)
    {
      cairo_move_to (cr, d, 60);
      cairo_line_to (cr, d + 60, 0);
    }
  cairo_set_line_width (cr, 2.5 * 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
  cairo_surface_flush (hatch);
  g_assert_cmpuint (count_diagonal_runs (hatch), >, 1000);
  cairo_surface_destroy (hatch);

  for (guint intensity = 0; intensity <= 10; intensity += 5)
    for (guint angle = 0; angle < 180; angle += 15)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 240, 240);
        g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
        double a = angle * G_PI / 180;
        guint runs;

        cr = cairo_create (surface);
        sm_pain_drawing_add_stroke (drawing, line_stroke (SM_PAIN_NUMB, intensity, "back",
                                                          120 - 100 * cos (a), 120 - 100 * sin (a),
                                                          120 + 100 * cos (a), 120 + 100 * sin (a)));
        sm_pain_paint_drawing (drawing, "back", cr, &(cairo_rectangle_t) { 0, 0, 240, 480 }, 240);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        runs = count_diagonal_runs (surface);
        if (runs > 0)
          g_error ("a numb stroke at %u° (intensity %u) has %u px of diagonal runs, like a hatch",
                   angle, intensity, runs);
        cairo_surface_destroy (surface);
      }
}

static guint
count_different (cairo_surface_t *a,
                 cairo_surface_t *b)
{
  guint8 *pa = cairo_image_surface_get_data (a);
  guint8 *pb = cairo_image_surface_get_data (b);
  gsize size = (gsize) cairo_image_surface_get_stride (a) * cairo_image_surface_get_height (a);
  guint different = 0;

  for (gsize i = 3; i < size; i += 4)
    if (abs ((int) pa[i] - (int) pb[i]) > 96)
      different++;

  return different;
}

static guint
count_color (cairo_surface_t *surface,
             SmPainColor      color)
{
  guint32 *pixels = (guint32 *) cairo_image_surface_get_data (surface);
  int n = cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface);
  guint count = 0;

  for (int i = 0; i < n; i++)
    {
      int r = (pixels[i] >> 16) & 0xff, g = (pixels[i] >> 8) & 0xff, b = pixels[i] & 0xff;

      if ((pixels[i] >> 24) == 0xff && abs (r - (int) (color.red * 255)) < 4 &&
          abs (g - (int) (color.green * 255)) < 4 && abs (b - (int) (color.blue * 255)) < 4)
        count++;
    }

  return count;
}

static void
test_patterns (void)
{
  cairo_surface_t *masks[SM_PAIN_N_KINDS];

  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    {
      cairo_surface_t *colored = paint_kind (i, FALSE);

      masks[i] = paint_kind (i, TRUE);
      g_assert_cmpuint (count_color (colored, sm_pain_kind_get_color (i)), >, 100);
      cairo_surface_destroy (colored);
    }

  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    for (guint j = i + 1; j < SM_PAIN_N_KINDS; j++)
      {
        guint different = count_different (masks[i], masks[j]);

        if (different < 300)
          g_error ("%s and %s look alike without colour (%u pixels differ)",
                   sm_pain_kind_to_string (i), sm_pain_kind_to_string (j), different);
      }

  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    cairo_surface_destroy (masks[i]);
}

/* --- The layer over a real map ------------------------------------------- */

typedef struct
{
  GtkWindow     *window;
  SmBodyMap     *map;
  SmPainLayer   *layer;
  SmPainDrawing *drawing;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *overlay = gtk_overlay_new ();

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->map = SM_BODY_MAP (sm_body_map_new ());
  fixture->layer = SM_PAIN_LAYER (sm_pain_layer_new ());
  fixture->drawing = sm_pain_drawing_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (fixture->map));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (fixture->layer));
  sm_pain_layer_set_map (fixture->layer, fixture->map);
  sm_pain_layer_set_drawing (fixture->layer, fixture->drawing);
  gtk_window_set_default_size (fixture->window, 600, 900);
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  sm_test_wait_mapped (GTK_WIDGET (fixture->layer));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->layer));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->drawing);
}

/* Widget points of a stroke from SVG (@u0, @v0) to (@u1, @v1). */
static void
widget_points (Fixture *fixture,
               double   u0,
               double   v0,
               double   u1,
               double   v1,
               double  *xy,
               guint    n)
{
  for (guint i = 0; i < n; i++)
    sm_body_map_svg_to_widget (fixture->map, u0 + (u1 - u0) * i / (n - 1), v0 + (v1 - v0) * i / (n - 1),
                               &xy[2 * i], &xy[2 * i + 1]);
}

static void
test_layer (Fixture       *fixture,
            gconstpointer  data)
{
  double xy[2 * 12];
  const SmPainStroke *stroke;
  gboolean can_target_before = gtk_widget_get_can_target (GTK_WIDGET (fixture->layer));
  guint intensity = 0;

  g_assert_false (can_target_before);  /* the map gets the clicks */
  /* The tool panel is made when marking first starts, with what was asked
   * of it before: here the offer to keep the drawing and the intensity. */
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (GTK_WIDGET (fixture->layer))));
  sm_pain_layer_set_offer_save (fixture->layer, TRUE);
  g_object_set (fixture->layer, "intensity", 3, NULL);
  sm_pain_layer_set_active (fixture->layer, TRUE);
  g_assert_true (gtk_widget_get_can_target (GTK_WIDGET (fixture->layer)));
  g_assert_true (gtk_widget_get_visible (sm_test_find (fixture->layer, "panel")));
  g_assert_true (gtk_widget_get_visible (sm_test_find (fixture->layer, "save_button")));
  g_assert_cmpfloat (gtk_range_get_value (sm_test_find (fixture->layer, "intensity_scale")), ==, 3);
  gtk_range_set_value (sm_test_find (fixture->layer, "intensity_scale"), 6);
  g_object_get (fixture->layer, "intensity", &intensity, NULL);
  g_assert_cmpuint (intensity, ==, 6);

  g_object_set (fixture->layer, "kind", "burning", "intensity", 8, NULL);
  widget_points (fixture, 330, 820, 340, 1100, xy, 12);
  sm_pain_layer_draw_stroke (fixture->layer, xy, 12);

  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (fixture->drawing), ==, 1);
  stroke = sm_pain_drawing_get_stroke (fixture->drawing, 0);
  g_assert_cmpint (stroke->kind, ==, SM_PAIN_BURNING);
  g_assert_cmpuint (stroke->intensity, ==, 8);
  g_assert_cmpstr (stroke->view, ==, "back");
  g_assert_cmpfloat (fabs (g_array_index (stroke->points, SmPainPoint, 0).u - 330), <, 0.01);
  g_assert_cmpfloat (fabs (g_array_index (stroke->points, SmPainPoint, stroke->points->len - 1).v - 1100), <, 0.01);

  /* Burning down the back of the thigh: the gentle note. */
  g_assert_true (sm_pain_layer_get_note_shown (fixture->layer));

  /* Zoom moves the stroke with the body: the points are SVG units. */
  sm_body_map_set_zoom (fixture->map, 2.5);
  g_assert_cmpfloat (fabs (g_array_index (stroke->points, SmPainPoint, 0).u - 330), <, 0.01);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->layer), "pain.undo", NULL));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (fixture->drawing), ==, 0);
  g_assert_false (sm_pain_layer_get_note_shown (fixture->layer));

  /* Aching in the same place is no reason for the note. */
  g_object_set (fixture->layer, "kind", "aching", NULL);
  sm_body_map_set_zoom (fixture->map, 1.0);
  widget_points (fixture, 330, 820, 340, 1100, xy, 12);
  sm_pain_layer_draw_stroke (fixture->layer, xy, 12);
  g_assert_false (sm_pain_layer_get_note_shown (fixture->layer));

  gtk_widget_activate_action (GTK_WIDGET (fixture->layer), "pain.clear", NULL);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (fixture->drawing), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->layer), "pain.done", NULL);
  g_assert_false (sm_pain_layer_get_active (fixture->layer));
  g_assert_false (gtk_widget_get_can_target (GTK_WIDGET (fixture->layer)));
}

static gboolean
has_stroke (gpointer data)
{
  return sm_pain_drawing_get_n_strokes (data) > 0;
}

/* Where (@x, @y) of @widget is, for xdotool's mousemove --window. */
static char **
window_point (Fixture   *fixture,
              GtkWidget *widget,
              double     x,
              double     y)
{
  double wx, wy, sx, sy;
  char **xy = g_new0 (char *, 3);

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (fixture->window), x, y, &wx, &wy));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &sx, &sy);
  xy[0] = g_strdup_printf ("%d", (int) round (wx + sx));
  xy[1] = g_strdup_printf ("%d", (int) round (wy + sy));
  return xy;
}

static gboolean
is_numb (gpointer data)
{
  return g_str_equal (sm_pain_kind_to_string (SM_PAIN_NUMB), data);
}

static gboolean
kind_is_numb (gpointer layer)
{
  g_autofree char *kind = NULL;

  g_object_get (layer, "kind", &kind, NULL);
  return is_numb (kind);
}

/* A real click on a kind, then a real drag from the X server: the stroke
 * comes through GtkGestureDrag (a press on the tool panel must not leave
 * the gesture stuck). */
static void
test_real_drag (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *title = g_strdup_printf ("pain-drag-%d", (int) getpid ());
  GtkWidget *numb;
  g_auto(GStrv) button = NULL;
  g_auto(GStrv) start = NULL;
  double x, y;
  const SmPainStroke *stroke;

  gtk_window_set_title (fixture->window, title);
  sm_pain_layer_set_active (fixture->layer, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->layer));
  numb = sm_test_find (fixture->layer, "kind_numb");

  button = window_point (fixture, numb, gtk_widget_get_width (numb) / 2.0, gtk_widget_get_height (numb) / 2.0);
  sm_test_run_command ((const char *[]) { "xdotool", "search", "--sync", "--name", title,
                                          "mousemove", "--window", "%1", button[0], button[1],
                                          "click", "1", NULL });
  g_assert_true (sm_test_wait_for (kind_is_numb, fixture->layer, 5000));

  sm_body_map_svg_to_widget (fixture->map, 330, 900, &x, &y);
  start = window_point (fixture, GTK_WIDGET (fixture->map), x, y);
  sm_test_run_command ((const char *[]) { "xdotool", "search", "--sync", "--name", title,
                                          "mousemove", "--window", "%1", start[0], start[1],
                                          "mousedown", "1", "sleep", "0.1",
                                          "mousemove_relative", "--", "2", "20", "sleep", "0.1",
                                          "mousemove_relative", "--", "2", "20", "sleep", "0.1",
                                          "mousemove_relative", "--", "2", "20", "sleep", "0.1",
                                          "mouseup", "1", NULL });
  g_assert_true (sm_test_wait_for (has_stroke, fixture->drawing, 5000));

  stroke = sm_pain_drawing_get_stroke (fixture->drawing, 0);
  g_assert_cmpint (stroke->kind, ==, SM_PAIN_NUMB);
  g_assert_cmpuint (stroke->points->len, >=, 3);
  g_assert_cmpfloat (fabs (g_array_index (stroke->points, SmPainPoint, 0).u - 330), <, 3);
  g_assert_cmpfloat (g_array_index (stroke->points, SmPainPoint, stroke->points->len - 1).v, >, 900);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/pain/model", test_model);
  g_test_add_func ("/sm/pain/json-round-trip", test_json_round_trip);
  g_test_add_func ("/sm/pain/json-errors", test_json_errors);
  g_test_add_func ("/sm/pain/nerve-pain", test_nerve_pain);
  g_test_add_func ("/sm/pain/patterns", test_patterns);
  g_test_add_func ("/sm/pain/numb-not-selection", test_numb_not_selection);
  g_test_add ("/sm/pain/layer", Fixture, NULL, fixture_set_up, test_layer, fixture_tear_down);
  g_test_add ("/sm/pain/real-drag", Fixture, NULL, fixture_set_up, test_real_drag, fixture_tear_down);

  return g_test_run ();
}
