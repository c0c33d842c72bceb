/* sm-pain-drawing.h: where it hurts and what it feels like
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The kinds a patient can mark. Each has its own colour and its own pattern
 * (sm-pain-painter.h), never colour alone. */
typedef enum
{
  SM_PAIN_ACHING,
  SM_PAIN_SHARP,      /* sharp or shooting */
  SM_PAIN_BURNING,    /* burning or tingling */
  SM_PAIN_NUMB,
  SM_PAIN_N_KINDS,
} SmPainKind;

#define SM_PAIN_INTENSITY_MAX 10
#define SM_PAIN_MAX_POINTS    4096   /* per stroke: a long scribble, not a flood */
#define SM_PAIN_MAX_STROKES   1000   /* per drawing */
#define SM_PAIN_MAX_ALL_POINTS 50000 /* in all the strokes of a drawing */

typedef struct
{
  double u;   /* SVG units of the view, so strokes stay put under zoom */
  double v;
} SmPainPoint;

typedef struct
{
  SmPainKind  kind;
  guint       intensity;   /* 0 … SM_PAIN_INTENSITY_MAX */
  char       *view;        /* "back" or "front" */
  GArray     *points;      /* SmPainPoint */
} SmPainStroke;

#define SM_PAIN_DRAWING_ERROR (sm_pain_drawing_error_quark ())

typedef enum
{
  SM_PAIN_DRAWING_ERROR_WRONG_TYPE,
  SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE,
  SM_PAIN_DRAWING_ERROR_UNKNOWN_KEY,
  SM_PAIN_DRAWING_ERROR_MISSING_FIELD,
} SmPainDrawingError;

SmPainStroke *sm_pain_stroke_new          (SmPainKind     kind,
                                           guint          intensity,
                                           const char    *view);
void          sm_pain_stroke_add_point    (SmPainStroke  *stroke,
                                           double         u,
                                           double         v);
SmPainStroke *sm_pain_stroke_copy         (const SmPainStroke *stroke);
void          sm_pain_stroke_free         (SmPainStroke  *stroke);

const char   *sm_pain_kind_to_string      (SmPainKind     kind);
gboolean      sm_pain_kind_from_string    (const char    *text,
                                           SmPainKind    *kind);
const char   *sm_pain_kind_get_label      (SmPainKind     kind);   /* translated */

#define SM_TYPE_PAIN_DRAWING (sm_pain_drawing_get_type ())

G_DECLARE_FINAL_TYPE (SmPainDrawing, sm_pain_drawing, SM, PAIN_DRAWING, GObject)

/* ::changed fires after every stroke added, undone or cleared. */

GQuark              sm_pain_drawing_error_quark  (void);
SmPainDrawing      *sm_pain_drawing_new          (void);
guint               sm_pain_drawing_get_n_strokes (SmPainDrawing *self);
const SmPainStroke *sm_pain_drawing_get_stroke   (SmPainDrawing *self,
                                                  guint          index);
/* Takes @stroke; one without points is dropped. */
void                sm_pain_drawing_add_stroke   (SmPainDrawing *self,
                                                  SmPainStroke  *stroke);
gboolean            sm_pain_drawing_undo         (SmPainDrawing *self);
void                sm_pain_drawing_clear        (SmPainDrawing *self);
void                sm_pain_drawing_copy_from    (SmPainDrawing *self,
                                                  SmPainDrawing *other);

/* Whether a burning/tingling or numb stroke on @view has a point inside
 * the rectangle (SVG units): the caller passes the back of the legs below
 * the hip line to ask whether nerve-type pain runs down a leg. */
gboolean            sm_pain_drawing_has_nerve_pain_in (SmPainDrawing *self,
                                                       const char    *view,
                                                       double         x,
                                                       double         y,
                                                       double         width,
                                                       double         height);

/* The box around every point drawn on @view (SVG units), FALSE if none. */
gboolean            sm_pain_drawing_get_bounds   (SmPainDrawing *self,
                                                  const char    *view,
                                                  double        *x,
                                                  double        *y,
                                                  double        *width,
                                                  double        *height);
/* Whether @kind was drawn at all, and its strongest intensity. */
gboolean            sm_pain_drawing_get_max_intensity (SmPainDrawing *self,
                                                       SmPainKind     kind,
                                                       guint         *intensity);

/* The "pain" member of a routine file: an array of
 * {"kind", "intensity", "view", "points": [u0, v0, u1, v1, …]}. Errors
 * start with the JSON path below the array, such as "[2].points". */
JsonNode           *sm_pain_drawing_to_json      (SmPainDrawing *self);
gboolean            sm_pain_drawing_load_json    (SmPainDrawing *self,
                                                  JsonNode      *node,
                                                  GError       **error);

G_END_DECLS
