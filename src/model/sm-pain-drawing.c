/* sm-pain-drawing.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pain-drawing"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sm-json-reader.h"
#include "sm-pain-drawing.h"
#include "sm-utils.h"

/* A pain drawing is a list of strokes a patient drew over the body map.
 * Points are in the artwork's SVG units for the view they were drawn on,
 * so they land on the same spot of the body at any zoom, on screen and on
 * the printed sheet. */

struct _SmPainDrawing
{
  GObject    parent_instance;

  GPtrArray *strokes;   /* SmPainStroke* */
};

G_DEFINE_FINAL_TYPE (SmPainDrawing, sm_pain_drawing, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-pain-drawing-error-quark, sm_pain_drawing_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kind_ids[SM_PAIN_N_KINDS] = {
  [SM_PAIN_ACHING] = "aching",
  [SM_PAIN_SHARP] = "sharp",
  [SM_PAIN_BURNING] = "burning",
  [SM_PAIN_NUMB] = "numb",
};

/* A generous frame around the 800 × 1600 artwork: points beyond it are
 * not a drawing but a broken file. */
#define COORD_MIN -1000.0
#define COORD_MAX  3000.0

/* --- Strokes ------------------------------------------------------------- */

SmPainStroke *
sm_pain_stroke_new (SmPainKind  kind,
                    guint       intensity,
                    const char *view)
{
  SmPainStroke *stroke = g_new0 (SmPainStroke, 1);

  g_return_val_if_fail (kind < SM_PAIN_N_KINDS, NULL);

  stroke->kind = kind;
  stroke->intensity = MIN (intensity, SM_PAIN_INTENSITY_MAX);
  stroke->view = g_strdup (view);
  stroke->points = g_array_new (FALSE, FALSE, sizeof (SmPainPoint));
  return stroke;
}

void
sm_pain_stroke_add_point (SmPainStroke *stroke,
                          double        u,
                          double        v)
{
  SmPainPoint point = { u, v };

  if (stroke->points->len < SM_PAIN_MAX_POINTS)
    g_array_append_val (stroke->points, point);
}

SmPainStroke *
sm_pain_stroke_copy (const SmPainStroke *stroke)
{
  SmPainStroke *copy = sm_pain_stroke_new (stroke->kind, stroke->intensity, stroke->view);

  g_array_append_vals (copy->points, stroke->points->data, stroke->points->len);
  return copy;
}

void
sm_pain_stroke_free (SmPainStroke *stroke)
{
  if (stroke == NULL)
    return;

  g_free (stroke->view);
  g_array_unref (stroke->points);
  g_free (stroke);
}

const char *
sm_pain_kind_to_string (SmPainKind kind)
{
  g_return_val_if_fail (kind < SM_PAIN_N_KINDS, NULL);

  return kind_ids[kind];
}

gboolean
sm_pain_kind_from_string (const char *text,
                          SmPainKind *kind)
{
  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    if (g_strcmp0 (text, kind_ids[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

const char *
sm_pain_kind_get_label (SmPainKind kind)
{
  switch (kind)
    {
    case SM_PAIN_ACHING:
      return _("Aching");
    case SM_PAIN_SHARP:
      return _("Sharp or shooting");
    case SM_PAIN_BURNING:
      return _("Burning or tingling");
    case SM_PAIN_NUMB:
      return _("Numb");
    case SM_PAIN_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* --- The drawing --------------------------------------------------------- */

SmPainDrawing *
sm_pain_drawing_new (void)
{
  return g_object_new (SM_TYPE_PAIN_DRAWING, NULL);
}

guint
sm_pain_drawing_get_n_strokes (SmPainDrawing *self)
{
  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), 0);

  return self->strokes->len;
}

const SmPainStroke *
sm_pain_drawing_get_stroke (SmPainDrawing *self,
                            guint          index)
{
  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), NULL);
  g_return_val_if_fail (index < self->strokes->len, NULL);

  return g_ptr_array_index (self->strokes, index);
}

static guint
count_points (SmPainDrawing *self)
{
  guint n = 0;

  for (guint i = 0; i < self->strokes->len; i++)
    n += ((SmPainStroke *) g_ptr_array_index (self->strokes, i))->points->len;
  return n;
}

void
sm_pain_drawing_add_stroke (SmPainDrawing *self,
                            SmPainStroke  *stroke)
{
  g_return_if_fail (SM_IS_PAIN_DRAWING (self));
  g_return_if_fail (stroke != NULL);

  /* What is drawn must load again, so the reader's limits hold here too. */
  if (stroke->points->len == 0 || self->strokes->len >= SM_PAIN_MAX_STROKES ||
      count_points (self) + stroke->points->len > SM_PAIN_MAX_ALL_POINTS)
    {
      sm_pain_stroke_free (stroke);
      return;
    }

  g_ptr_array_add (self->strokes, stroke);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
sm_pain_drawing_undo (SmPainDrawing *self)
{
  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), FALSE);

  if (self->strokes->len == 0)
    return FALSE;

  g_ptr_array_set_size (self->strokes, self->strokes->len - 1);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
sm_pain_drawing_clear (SmPainDrawing *self)
{
  g_return_if_fail (SM_IS_PAIN_DRAWING (self));

  if (self->strokes->len == 0)
    return;

  g_ptr_array_set_size (self->strokes, 0);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
sm_pain_drawing_copy_from (SmPainDrawing *self,
                           SmPainDrawing *other)
{
  g_return_if_fail (SM_IS_PAIN_DRAWING (self));
  g_return_if_fail (SM_IS_PAIN_DRAWING (other));

  g_ptr_array_set_size (self->strokes, 0);
  for (guint i = 0; i < other->strokes->len; i++)
    g_ptr_array_add (self->strokes, sm_pain_stroke_copy (g_ptr_array_index (other->strokes, i)));
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
is_nerve_kind (SmPainKind kind)
{
  return kind == SM_PAIN_BURNING || kind == SM_PAIN_NUMB;
}

gboolean
sm_pain_drawing_has_nerve_pain_in (SmPainDrawing *self,
                                   const char    *view,
                                   double         x,
                                   double         y,
                                   double         width,
                                   double         height)
{
  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), FALSE);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      SmPainStroke *stroke = g_ptr_array_index (self->strokes, i);

      if (!is_nerve_kind (stroke->kind) || g_strcmp0 (stroke->view, view) != 0)
        continue;

      for (guint p = 0; p < stroke->points->len; p++)
        {
          SmPainPoint *point = &g_array_index (stroke->points, SmPainPoint, p);

          if (point->u >= x && point->u <= x + width && point->v >= y && point->v <= y + height)
            return TRUE;
        }
    }

  return FALSE;
}

gboolean
sm_pain_drawing_get_bounds (SmPainDrawing *self,
                            const char    *view,
                            double        *x,
                            double        *y,
                            double        *width,
                            double        *height)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), FALSE);

  for (guint i = 0; i < self->strokes->len; i++)
    {
      SmPainStroke *stroke = g_ptr_array_index (self->strokes, i);

      if (g_strcmp0 (stroke->view, view) != 0)
        continue;

      for (guint p = 0; p < stroke->points->len; p++)
        {
          SmPainPoint *point = &g_array_index (stroke->points, SmPainPoint, p);

          x0 = MIN (x0, point->u);
          y0 = MIN (y0, point->v);
          x1 = MAX (x1, point->u);
          y1 = MAX (y1, point->v);
        }
    }

  if (x1 < x0)
    return FALSE;

  *x = x0;
  *y = y0;
  *width = x1 - x0;
  *height = y1 - y0;
  return TRUE;
}

gboolean
sm_pain_drawing_get_max_intensity (SmPainDrawing *self,
                                   SmPainKind     kind,
                                   guint         *intensity)
{
  gboolean found = FALSE;

  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), FALSE);

  *intensity = 0;
  for (guint i = 0; i < self->strokes->len; i++)
    {
      SmPainStroke *stroke = g_ptr_array_index (self->strokes, i);

      if (stroke->kind == kind)
        {
          *intensity = found ? MAX (*intensity, stroke->intensity) : stroke->intensity;
          found = TRUE;
        }
    }

  return found;
}

/* --- JSON ---------------------------------------------------------------- */

/* A tenth of an SVG unit is far below what a finger can draw. */
static double
round_tenth (double value)
{
  return round (value * 10) / 10;
}

static void
add_stroke_json (JsonBuilder  *builder,
                 SmPainStroke *stroke)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, kind_ids[stroke->kind]);
  json_builder_set_member_name (builder, "intensity");
  json_builder_add_int_value (builder, stroke->intensity);
  json_builder_set_member_name (builder, "view");
  json_builder_add_string_value (builder, stroke->view);
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint p = 0; p < stroke->points->len; p++)
    {
      SmPainPoint *point = &g_array_index (stroke->points, SmPainPoint, p);

      json_builder_add_double_value (builder, round_tenth (point->u));
      json_builder_add_double_value (builder, round_tenth (point->v));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
sm_pain_drawing_to_json (SmPainDrawing *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->strokes->len; i++)
    add_stroke_json (builder, g_ptr_array_index (self->strokes, i));
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static const SmJsonErrorCodes pain_codes = {
  SM_PAIN_DRAWING_ERROR_WRONG_TYPE, SM_PAIN_DRAWING_ERROR_UNKNOWN_KEY,
  SM_PAIN_DRAWING_ERROR_MISSING_FIELD, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
};

static const SmJsonMember stroke_members[] = {
  { "kind", TRUE }, { "intensity", TRUE }, { "view", TRUE }, { "points", TRUE }, { NULL }
};

static const char *
string_member (JsonObject *object,
               const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return sm_json_node_is_string (node) ? json_node_get_string (node) : NULL;
}

static gboolean
read_header (SmJsonReader  *reader,
             JsonObject    *object,
             SmPainKind    *kind,
             guint         *intensity,
             GError       **error)
{
  const char *view = string_member (object, "view");

  if (!sm_pain_kind_from_string (string_member (object, "kind"), kind))
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                _("“kind” must be aching, sharp, burning or numb"));
  if (g_strcmp0 (view, "back") != 0 && g_strcmp0 (view, "front") != 0)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                _("“view” must be back or front"));

  return sm_json_reader_uint (reader, object, "intensity", 0, SM_PAIN_INTENSITY_MAX,
                              intensity, error);
}

static gboolean
read_coordinate (SmJsonReader  *reader,
                 JsonArray     *array,
                 guint          index,
                 double        *out,
                 GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_WRONG_TYPE,
                                _("[%u] must be a number"), index);

  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out < COORD_MIN || *out > COORD_MAX)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                _("[%u] is far outside the body (%g)"), index, *out);
  return TRUE;
}

static gboolean
read_points (SmJsonReader  *reader,
             SmPainStroke  *stroke,
             JsonNode      *node,
             GError       **error)
{
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_WRONG_TYPE,
                                _("must be a list of numbers"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0 || n % 2 != 0 || n / 2 > SM_PAIN_MAX_POINTS)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                /* Translators: the plural form follows the second number,
                                 * how many numbers the list holds */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "must hold between 1 and %1$d pairs of numbers (u, v), not %2$u number",
                                             "must hold between 1 and %1$d pairs of numbers (u, v), not %2$u numbers",
                                             n),
                                SM_PAIN_MAX_POINTS, n);

  for (guint i = 0; i < n; i += 2)
    {
      double u, v;

      if (!read_coordinate (reader, array, i, &u, error) ||
          !read_coordinate (reader, array, i + 1, &v, error))
        return FALSE;
      sm_pain_stroke_add_point (stroke, u, v);
    }

  return TRUE;
}

/* Reads the stroke at the reader's path. */
static SmPainStroke *
read_stroke (SmJsonReader  *reader,
             JsonNode      *node,
             GError       **error)
{
  SmPainStroke *stroke;
  JsonObject *object;
  SmPainKind kind = SM_PAIN_ACHING;
  guint intensity = 0;
  gsize old;
  gboolean ok;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_WRONG_TYPE,
                           _("a stroke must be an object"));
      return NULL;
    }

  object = json_node_get_object (node);
  if (!sm_json_reader_check_members (reader, object, stroke_members, error) ||
      !read_header (reader, object, &kind, &intensity, error))
    return NULL;

  stroke = sm_pain_stroke_new (kind, intensity, string_member (object, "view"));
  old = sm_json_reader_push_key (reader, "points");
  ok = read_points (reader, stroke, json_object_get_member (object, "points"), error);
  sm_json_reader_pop (reader, old);
  if (!ok)
    {
      sm_pain_stroke_free (stroke);
      return NULL;
    }

  return stroke;
}

/* Counted on the tree before any stroke is built. */
static gboolean
check_counts (SmJsonReader  *reader,
              JsonArray     *array,
              GError       **error)
{
  guint n = json_array_get_length (array);
  guint64 numbers = 0;

  if (n > SM_PAIN_MAX_STROKES)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                /* Translators: the plural form follows the second number */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "a drawing holds at most %1$d strokes, this one %2$u stroke",
                                             "a drawing holds at most %1$d strokes, this one %2$u strokes", n),
                                SM_PAIN_MAX_STROKES, n);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *stroke = json_array_get_element (array, i);
      JsonNode *points = JSON_NODE_HOLDS_OBJECT (stroke)
                         ? json_object_get_member (json_node_get_object (stroke), "points") : NULL;

      if (points != NULL && JSON_NODE_HOLDS_ARRAY (points))
        numbers += json_array_get_length (json_node_get_array (points));
    }
  if (numbers / 2 > SM_PAIN_MAX_ALL_POINTS)
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
                                _("a drawing holds at most %1$d points in all, this one %2$llu"),
                                SM_PAIN_MAX_ALL_POINTS, (unsigned long long) (numbers / 2));

  return TRUE;
}

static gboolean
read_strokes (SmJsonReader  *reader,
              JsonNode      *node,
              GPtrArray     *strokes,
              GError       **error)
{
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return sm_json_reader_fail (reader, error, SM_PAIN_DRAWING_ERROR_WRONG_TYPE,
                                _("must be a list of strokes"));

  array = json_node_get_array (node);
  if (!check_counts (reader, array, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize old = sm_json_reader_push_index (reader, i);
      SmPainStroke *stroke = read_stroke (reader, json_array_get_element (array, i), error);

      if (stroke == NULL)
        return FALSE;
      g_ptr_array_add (strokes, stroke);
      sm_json_reader_pop (reader, old);
    }

  return TRUE;
}

/* All or nothing: on error the drawing is left as it was. Messages start
 * with the path below the drawing ("[2].points: …"), for the routine to
 * put its file and "pain" in front. */
gboolean
sm_pain_drawing_load_json (SmPainDrawing  *self,
                           JsonNode       *node,
                           GError        **error)
{
  g_autoptr(GPtrArray) strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_pain_stroke_free);
  SmJsonReader reader;
  gboolean ok;

  g_return_val_if_fail (SM_IS_PAIN_DRAWING (self), FALSE);

  sm_json_reader_init (&reader, SM_PAIN_DRAWING_ERROR, &pain_codes, NULL);
  ok = read_strokes (&reader, node, strokes, error);
  sm_json_reader_clear (&reader);
  if (!ok)
    return FALSE;

  g_ptr_array_set_size (self->strokes, 0);
  g_ptr_array_extend_and_steal (self->strokes, g_steal_pointer (&strokes));
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* --- Object -------------------------------------------------------------- */

static void
sm_pain_drawing_finalize (GObject *object)
{
  SmPainDrawing *self = SM_PAIN_DRAWING (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_pain_drawing_parent_class)->finalize (object);
}

static void
sm_pain_drawing_class_init (SmPainDrawingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_pain_drawing_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sm_pain_drawing_init (SmPainDrawing *self)
{
  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_pain_stroke_free);
}
