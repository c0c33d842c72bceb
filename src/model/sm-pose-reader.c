/* sm-pose-reader.c: reading one pose file (data/poses/<id>.json)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pose-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sm-atlas.h"
#include "sm-content-schema.h"
#include "sm-json-reader.h"
#include "sm-pose-private.h"

/*
 * {
 *   "id": "piriformis-ball",             the file's name without .json
 *   "zone": "piriformis",                the muscle the picture shows
 *   "tool": "ball",                      a content tool id, or "none"
 *   "view": "side",                      "side" or "front" (lying on one side)
 *   "ground": "floor",                   "floor" or "wall"
 *   "motion": "hold",                    "hold", "roll" or "circles"
 *   "prop": "none", "prop-x": 0.3,       "chair" or "stool" and where it stands
 *   "hip": [0.6, 0.14],                  the hip joint, in stature units
 *   "trunk": 172, "head": 180,           directions, degrees anticlockwise
 *   "legs": { "near": LIMB, "far": LIMB },
 *   "arms": { "near": LIMB, "far": LIMB },
 *   "target": { "segment": "trunk", "from": 0, "to": 0.2, "face": "back",
 *               "tool-at": 0.1 }
 * }
 * LIMB is { "angles": [thigh, shank, foot] } (or upper arm, forearm, hand)
 * or { "reach": [x, y] | "target" | "tool" | "knee", "end": foot or hand
 * direction }: the ankle or the fingertips go to the point (the target's
 * surface, the far side of the tool, over the other knee), the knee or
 * elbow bending the way a body bends ("flip": true, the other way).
 */

#define MAX_DEPTH 8
#define MAX_VALUES 400
#define MAX_ID 64

static const SmJsonErrorCodes pose_codes = {
  SM_ATLAS_ERROR_WRONG_TYPE, SM_ATLAS_ERROR_UNKNOWN_KEY,
  SM_ATLAS_ERROR_MISSING_FIELD, SM_ATLAS_ERROR_INVALID_VALUE,
};

static gboolean
is_number (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         (json_node_get_value_type (node) == G_TYPE_INT64 ||
          json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
read_number_node (SmJsonReader  *reader,
                  JsonNode      *node,
                  double         min,
                  double         max,
                  double        *out,
                  GError       **error)
{
  double value;

  if (!is_number (node))
    return sm_json_reader_fail (reader, error, SM_ATLAS_ERROR_WRONG_TYPE, "must be a number");

  value = json_node_get_double (node);
  if (!isfinite (value) || value < min || value > max)
    return sm_json_reader_fail (reader, error, SM_ATLAS_ERROR_INVALID_VALUE,
                                "%g is out of range (%g to %g)", value, min, max);
  *out = value;
  return TRUE;
}

static gboolean
read_number (SmJsonReader  *reader,
             JsonObject    *object,
             const char    *key,
             double         min,
             double         max,
             double        *out,
             GError       **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gsize old;
  gboolean ok;

  if (node == NULL)
    return TRUE;
  old = sm_json_reader_push_key (reader, key);
  ok = read_number_node (reader, node, min, max, out, error);
  sm_json_reader_pop (reader, old);
  return ok;
}

/* A point in the picture: [x, y], within a few statures of the origin. */
static gboolean
read_point_node (SmJsonReader  *reader,
                 JsonNode      *node,
                 SmPosePoint   *out,
                 GError       **error)
{
  JsonArray *array;
  double values[2];

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (array = json_node_get_array (node)) != 2)
    return sm_json_reader_fail (reader, error, SM_ATLAS_ERROR_WRONG_TYPE,
                                "must be a point, [x, y]");
  for (guint i = 0; i < 2; i++)
    {
      gsize old = sm_json_reader_push_index (reader, i);
      gboolean ok = read_number_node (reader, json_array_get_element (array, i), -3, 3, &values[i], error);

      sm_json_reader_pop (reader, old);
      if (!ok)
        return FALSE;
    }
  *out = (SmPosePoint) { values[0], values[1] };
  return TRUE;
}

static gboolean
read_choice (SmJsonReader        *reader,
             JsonObject          *object,
             const char          *key,
             const char * const  *choices,
             int                 *out,
             GError             **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *list = NULL;

  if (node == NULL)
    return TRUE;
  if (!sm_json_node_is_string (node))
    return sm_json_reader_fail_at (reader, key, error, SM_ATLAS_ERROR_WRONG_TYPE, _("must be a string"));

  for (int i = 0; choices[i] != NULL; i++)
    if (g_str_equal (json_node_get_string (node), choices[i]))
      {
        *out = i;
        return TRUE;
      }

  list = g_strjoinv (", ", (char **) choices);
  return sm_json_reader_fail_at (reader, key, error, SM_ATLAS_ERROR_INVALID_VALUE,
                                 "must be one of %s", list);
}

static JsonObject *
read_object (SmJsonReader  *reader,
             JsonObject    *parent,
             const char    *key,
             GError       **error)
{
  JsonNode *node = json_object_get_member (parent, key);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      sm_json_reader_fail_at (reader, key, error, SM_ATLAS_ERROR_WRONG_TYPE, _("must be an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_limb (SmJsonReader     *reader,
           JsonObject       *object,
           SmPoseLimbSpec   *limb,
           GError          **error)
{
  static const SmJsonMember members[] = {
    { "angles", FALSE }, { "reach", FALSE }, { "end", FALSE }, { "flip", FALSE }, { NULL }
  };
  JsonNode *angles = json_object_get_member (object, "angles");
  JsonNode *reach = json_object_get_member (object, "reach");

  if (!sm_json_reader_check_members (reader, object, members, error))
    return FALSE;

  if ((angles == NULL) == (reach == NULL))
    return sm_json_reader_fail (reader, error, SM_ATLAS_ERROR_MISSING_FIELD,
                                "give either “angles” or “reach”");

  if (angles != NULL)
    {
      JsonArray *array;
      gsize old = sm_json_reader_push_key (reader, "angles");

      if (!JSON_NODE_HOLDS_ARRAY (angles) || json_array_get_length (array = json_node_get_array (angles)) != 3)
        {
          sm_json_reader_fail (reader, error, SM_ATLAS_ERROR_WRONG_TYPE, "must be three directions");
          return FALSE;
        }
      for (guint i = 0; i < 3; i++)
        {
          gsize inner = sm_json_reader_push_index (reader, i);
          gboolean ok = read_number_node (reader, json_array_get_element (array, i), -360, 360,
                                          &limb->angles[i], error);

          sm_json_reader_pop (reader, inner);
          if (!ok)
            return FALSE;
        }
      sm_json_reader_pop (reader, old);
      return TRUE;
    }

  if (json_object_has_member (object, "flip"))
    {
      JsonNode *flip = json_object_get_member (object, "flip");

      if (!JSON_NODE_HOLDS_VALUE (flip) || json_node_get_value_type (flip) != G_TYPE_BOOLEAN)
        return sm_json_reader_fail_at (reader, "flip", error, SM_ATLAS_ERROR_WRONG_TYPE,
                                       _("must be true or false"));
      limb->flip = json_node_get_boolean (flip);
    }

  if (!json_object_has_member (object, "end"))
    return sm_json_fail_missing (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_MISSING_FIELD,
                                 reader->file, reader->path->str, "end");
  if (!read_number (reader, object, "end", -360, 360, &limb->angles[2], error))
    return FALSE;

  if (sm_json_node_is_string (reach))
    {
      static const char * const targets[] = { "target", "tool", "knee", NULL };
      static const SmPoseReach reaches[] = { SM_POSE_REACH_TARGET, SM_POSE_REACH_TOOL, SM_POSE_REACH_KNEE };
      int which = 0;

      if (!read_choice (reader, object, "reach", targets, &which, error))
        return FALSE;
      limb->reach = reaches[which];
      return TRUE;
    }

  {
    gsize old = sm_json_reader_push_key (reader, "reach");
    gboolean ok = read_point_node (reader, reach, &limb->point, error);

    sm_json_reader_pop (reader, old);
    limb->reach = SM_POSE_REACH_POINT;
    return ok;
  }
}

/* "legs" or "arms": { "near": …, "far": … } */
static gboolean
read_pair (SmJsonReader  *reader,
           JsonObject    *root,
           const char    *key,
           SmPoseSpec    *spec,
           GError       **error)
{
  static const SmJsonMember members[] = { { "near", TRUE }, { "far", TRUE }, { NULL } };
  gboolean legs = g_str_equal (key, "legs");
  JsonObject *pair = read_object (reader, root, key, error);
  gsize old;
  gboolean ok;

  if (pair == NULL)
    return FALSE;
  old = sm_json_reader_push_key (reader, key);
  ok = sm_json_reader_check_members (reader, pair, members, error);
  for (guint i = 0; i < 2 && ok; i++)
    {
      const char *side = i == 0 ? "near" : "far";
      SmPoseLimb limb = i == 0 ? (legs ? SM_POSE_LIMB_LEG_NEAR : SM_POSE_LIMB_ARM_NEAR)
                               : (legs ? SM_POSE_LIMB_LEG_FAR : SM_POSE_LIMB_ARM_FAR);
      JsonObject *object = read_object (reader, pair, side, error);
      gsize inner;

      if (object == NULL)
        {
          ok = FALSE;
          break;
        }
      inner = sm_json_reader_push_key (reader, side);
      ok = read_limb (reader, object, &spec->limbs[limb], error);
      sm_json_reader_pop (reader, inner);
    }
  sm_json_reader_pop (reader, old);
  return ok;
}

static gboolean
read_target (SmJsonReader  *reader,
             JsonObject    *root,
             SmPoseSpec    *spec,
             GError       **error)
{
  static const SmJsonMember members[] = {
    { "segment", TRUE }, { "limb", FALSE }, { "from", TRUE }, { "to", TRUE },
    { "face", TRUE }, { "tool-at", TRUE }, { NULL }
  };
  static const char * const segments[] = { "trunk", "thigh", "shank", "upper-arm", "forearm", NULL };
  static const char * const limbs[] = { "near", "far", NULL };
  static const char * const faces[] = { "front", "back", "lower", "upper", NULL };
  JsonObject *object = read_object (reader, root, "target", error);
  int segment = 0, limb = 0, face = 0;
  gsize old;
  gboolean ok;

  if (object == NULL)
    return FALSE;
  old = sm_json_reader_push_key (reader, "target");
  ok = sm_json_reader_check_members (reader, object, members, error) &&
       read_choice (reader, object, "segment", segments, &segment, error) &&
       read_choice (reader, object, "limb", limbs, &limb, error) &&
       read_choice (reader, object, "face", faces, &face, error) &&
       read_number (reader, object, "from", 0, 1, &spec->target_from, error) &&
       read_number (reader, object, "to", 0, 1, &spec->target_to, error) &&
       read_number (reader, object, "tool-at", 0, 1, &spec->tool_at, error);
  if (ok && spec->target_to <= spec->target_from)
    ok = sm_json_reader_fail_at (reader, "to", error, SM_ATLAS_ERROR_INVALID_VALUE,
                                 "must be more than “from”");
  sm_json_reader_pop (reader, old);

  if (segment == 0)
    spec->target = SM_POSE_TRUNK_SEGMENT;
  else
    spec->target = (limb == 0 ? SM_POSE_THIGH_NEAR : SM_POSE_THIGH_FAR) +
                   (segment <= 2 ? segment - 1 : segment);
  spec->face = face;
  return ok;
}

static gboolean
read_id (SmJsonReader  *reader,
         JsonObject    *root,
         const char    *key,
         char         **out,
         GError       **error)
{
  if (!sm_json_reader_string (reader, root, key, MAX_ID, out, error))
    return FALSE;
  for (const char *p = *out; *out != NULL && *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return sm_json_reader_fail_at (reader, key, error, SM_ATLAS_ERROR_INVALID_VALUE,
                                     "“%s” is not an id (lower-case letters, digits and “-”)", *out);
  return TRUE;
}

static gboolean
read_spec (SmJsonReader  *reader,
           JsonObject    *root,
           SmPoseSpec    *spec,
           char         **id,
           char         **zone,
           char         **tool,
           GError       **error)
{
  static const SmJsonMember members[] = {
    { "id", TRUE }, { "zone", TRUE }, { "tool", TRUE }, { "view", FALSE }, { "ground", FALSE },
    { "motion", TRUE }, { "prop", FALSE }, { "prop-x", FALSE }, { "hip", TRUE },
    { "trunk", TRUE }, { "head", TRUE }, { "legs", TRUE }, { "arms", TRUE },
    { "target", TRUE }, { NULL }
  };
  static const char * const views[] = { "side", "front", NULL };
  static const char * const grounds[] = { "floor", "wall", NULL };
  static const char * const motions[] = { "hold", "roll", "circles", NULL };
  static const char * const props[] = { "none", "chair", "stool", NULL };
  static const char * const tools[] = { "none", "ball", "foam-roller", "psoas-tool",
                                        "massage-stick", "hands", NULL };
  int view = 0, ground = 0, motion = 0, prop = 0, tool_kind = 0;
  gsize old;

  if (!sm_json_reader_check_members (reader, root, members, error) ||
      !read_id (reader, root, "id", id, error) ||
      !read_id (reader, root, "zone", zone, error) ||
      !read_choice (reader, root, "tool", tools, &tool_kind, error) ||
      !read_choice (reader, root, "view", views, &view, error) ||
      !read_choice (reader, root, "ground", grounds, &ground, error) ||
      !read_choice (reader, root, "motion", motions, &motion, error) ||
      !read_choice (reader, root, "prop", props, &prop, error) ||
      !read_number (reader, root, "prop-x", -3, 3, &spec->prop_x, error) ||
      !read_number (reader, root, "trunk", -360, 360, &spec->trunk, error) ||
      !read_number (reader, root, "head", -360, 360, &spec->head, error))
    return FALSE;

  old = sm_json_reader_push_key (reader, "hip");
  if (!read_point_node (reader, json_object_get_member (root, "hip"), &spec->hip, error))
    return FALSE;
  sm_json_reader_pop (reader, old);

  spec->front_view = view == 1;
  spec->ground = ground;
  spec->motion = motion;
  spec->prop = prop;
  spec->tool = tool_kind;
  *tool = tool_kind == 0 ? NULL : g_strdup (tools[tool_kind]);

  return read_pair (reader, root, "legs", spec, error) &&
         read_pair (reader, root, "arms", spec, error) &&
         read_target (reader, root, spec, error);
}

SmPose *
sm_pose_new_from_bytes (GBytes      *bytes,
                        const char  *file,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *message = NULL;
  g_autofree char *id = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *tool = NULL;
  g_autofree char *expected = NULL;
  SmJsonReader reader;
  SmPoseSpec spec = { 0 };
  SmPoseFigure figure;
  const char *problem = NULL, *where = NULL;
  JsonNode *root;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL && file != NULL, NULL);

  if (!sm_content_scan (bytes, file, MAX_DEPTH, MAX_VALUES, error))
    return NULL;
  if (!sm_content_load_json (parser, bytes, &message))
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, "%s: not valid JSON: %s", file, message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_WRONG_TYPE,
                   "%s: %s: must be an object", file, sm_json_path_for_message (""));
      return NULL;
    }

  sm_json_reader_init (&reader, SM_ATLAS_ERROR, &pose_codes, file);
  ok = read_spec (&reader, json_node_get_object (root), &spec, &id, &zone, &tool, error);
  sm_json_reader_clear (&reader);
  if (!ok)
    return NULL;

  /* One pose, one file: the id is the name, so a content file's reference
   * always leads to the file to open. */
  expected = g_strconcat (id, ".json", NULL);
  if (!g_str_equal (expected, file) && g_str_has_suffix (file, ".json"))
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_INVALID_VALUE,
                   "%s: id: “%s” must be the file's name without .json", file, id);
      return NULL;
    }

  if (!_sm_pose_solve (&spec, &figure, &problem, &where))
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_INVALID_VALUE, "%s: %s: %s", file, where, problem);
      return NULL;
    }

  return _sm_pose_new (id, zone, tool, &figure);
}
