/* sm-pose.c: the pose type, its kinematics and the bundled poses
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pose"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sm-pose-private.h"

struct _SmPose
{
  GObject       parent_instance;
  char         *id;
  char         *zone;
  char         *tool_id;
  SmPoseFigure  figure;
};

G_DEFINE_FINAL_TYPE (SmPose, sm_pose, G_TYPE_OBJECT)

static void
sm_clear_object_or_null (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Half-widths of the limb shapes, as fractions of stature: an adult of
 * middle build seen from the side; the trunk is wider seen from the front. */
typedef struct
{
  double length;
  double ra;
  double rb;
} Shape;

#define HEAD_RADIUS 0.058
#define HAND_TIP    0.011
#define TOE_RADIUS  0.016
#define HEEL        0.030

static const Shape shapes[SM_POSE_N_SEGMENTS] = {
  [SM_POSE_TRUNK_SEGMENT] = { SM_POSE_TRUNK, 0.062, 0.060 },
  [SM_POSE_NECK_SEGMENT] = { SM_POSE_NECK, 0.027, 0.025 },
  [SM_POSE_HEAD_SEGMENT] = { SM_POSE_HEAD - HEAD_RADIUS, 0.046, HEAD_RADIUS },
  [SM_POSE_THIGH_FAR] = { SM_POSE_THIGH, 0.054, 0.037 },
  [SM_POSE_SHANK_FAR] = { SM_POSE_SHANK, 0.037, 0.022 },
  [SM_POSE_FOOT_FAR] = { SM_POSE_FOOT - HEEL - TOE_RADIUS, SM_POSE_ANKLE, TOE_RADIUS },
  [SM_POSE_UPPER_ARM_FAR] = { SM_POSE_UPPER_ARM, 0.028, 0.022 },
  [SM_POSE_FOREARM_FAR] = { SM_POSE_FOREARM, 0.022, 0.016 },
  [SM_POSE_HAND_FAR] = { SM_POSE_HAND - HAND_TIP, 0.017, HAND_TIP },
  [SM_POSE_THIGH_NEAR] = { SM_POSE_THIGH, 0.054, 0.037 },
  [SM_POSE_SHANK_NEAR] = { SM_POSE_SHANK, 0.037, 0.022 },
  [SM_POSE_FOOT_NEAR] = { SM_POSE_FOOT - HEEL - TOE_RADIUS, SM_POSE_ANKLE, TOE_RADIUS },
  [SM_POSE_UPPER_ARM_NEAR] = { SM_POSE_UPPER_ARM, 0.028, 0.022 },
  [SM_POSE_FOREARM_NEAR] = { SM_POSE_FOREARM, 0.022, 0.016 },
  [SM_POSE_HAND_NEAR] = { SM_POSE_HAND - HAND_TIP, 0.017, HAND_TIP },
};

#define FRONT_HIPS       0.085  /* trunk half-width at the hips, from the front */
#define FRONT_SHOULDERS  0.095
#define FRONT_HIP_JOINT  0.050  /* hip joint from the midline */
#define FRONT_SHOULDER   0.080

/* Tool sizes: a tennis ball (6.5 cm), a 15 cm foam roller, a psoas tool's
 * dome, a massage stick seen end on, for a person 1.70 m tall. */
static const double tool_radii[] = {
  [SM_POSE_TOOL_NONE] = 0,
  [SM_POSE_TOOL_BALL] = 0.038,
  [SM_POSE_TOOL_ROLLER] = 0.044,
  [SM_POSE_TOOL_PSOAS] = 0.032,
  [SM_POSE_TOOL_STICK] = 0.020,
  [SM_POSE_TOOL_HANDS] = 0,
};

#define CHAIR_HEIGHT 0.265
#define CHAIR_DEPTH  0.250
#define STOOL_HEIGHT 0.150
#define STOOL_DEPTH  0.180

static SmPosePoint
point_along (SmPosePoint p,
             double      degrees,
             double      length)
{
  double a = degrees * G_PI / 180;

  return (SmPosePoint) { p.x + length * cos (a), p.y + length * sin (a) };
}

static double
direction (SmPosePoint from,
           SmPosePoint to)
{
  return atan2 (to.y - from.y, to.x - from.x) * 180 / G_PI;
}

/* An angle in (-180, 180]. */
static double
normalise (double degrees)
{
  degrees = fmod (degrees, 360);
  if (degrees > 180)
    degrees -= 360;
  if (degrees <= -180)
    degrees += 360;
  return degrees;
}

static void
set_bone (SmPoseFigure  *figure,
          SmPoseSegment  segment,
          SmPosePoint    a,
          double         degrees)
{
  SmPoseBone *bone = &figure->bones[segment];

  bone->a = a;
  bone->b = point_along (a, degrees, shapes[segment].length);
  bone->ra = shapes[segment].ra;
  bone->rb = shapes[segment].rb;
}

/* Two segments from @root to @end: of the two ways to bend, the one where
 * the knee or elbow folds forward (a positive flexion). */
static gboolean
reach (SmPosePoint  root,
       SmPosePoint  end,
       double       l1,
       double       l2,
       gboolean     leg,
       gboolean     flip,
       double      *first,
       double      *second)
{
  double d = hypot (end.x - root.x, end.y - root.y);
  double base = direction (root, end);
  double bend;

  if (d > l1 + l2 || d < fabs (l1 - l2) || d == 0)
    return FALSE;

  bend = acos ((l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)) * 180 / G_PI;
  for (int sign = -1; sign <= 1; sign += 2)
    {
      SmPosePoint joint;

      *first = base + sign * bend;
      joint = point_along (root, *first, l1);
      *second = direction (joint, end);
      /* A knee folds the shank back (thigh − shank > 0), an elbow the
       * forearm forward (forearm − upper arm > 0). */
      if (((leg ? normalise (*first - *second) : normalise (*second - *first)) >= 0) != flip)
        break;
    }

  return TRUE;
}

static double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

static SmPosePoint
bone_point (const SmPoseBone *bone,
            double            t)
{
  return (SmPosePoint) { lerp (bone->a.x, bone->b.x, t), lerp (bone->a.y, bone->b.y, t) };
}

/* The unit normal of @bone on @face: front and back by the way the trunk
 * faces (its front is 90° clockwise of hip-to-shoulder; a limb's is the
 * other way round, since it points away from the trunk's top). */
static SmPosePoint
face_normal (const SmPoseFigure *figure,
             SmPoseSegment       segment,
             SmPoseFace          face)
{
  const SmPoseBone *bone = &figure->bones[segment];
  double angle = atan2 (bone->b.y - bone->a.y, bone->b.x - bone->a.x);
  double front_turn = segment == SM_POSE_TRUNK_SEGMENT ? -G_PI_2 : G_PI_2;
  SmPosePoint n;

  switch (face)
    {
    case SM_POSE_FACE_FRONT:
      n = (SmPosePoint) { cos (angle + front_turn), sin (angle + front_turn) };
      break;
    case SM_POSE_FACE_BACK:
      n = (SmPosePoint) { -cos (angle + front_turn), -sin (angle + front_turn) };
      break;
    default:
      n = (SmPosePoint) { cos (angle + G_PI_2), sin (angle + G_PI_2) };
      if ((n.y > 0) == (face == SM_POSE_FACE_LOWER))
        n = (SmPosePoint) { -n.x, -n.y };
      break;
    }

  return n;
}

static void
place_target (const SmPoseSpec *spec,
              SmPoseFigure     *figure)
{
  const SmPoseBone *bone = &figure->bones[spec->target];
  SmPoseTarget *target = &figure->target;
  double mid = (spec->target_from + spec->target_to) / 2;
  double r = lerp (bone->ra, bone->rb, mid);
  SmPosePoint axis = bone_point (bone, mid);
  SmPosePoint surface, n;

  target->segment = spec->target;
  target->from = spec->target_from;
  target->to = spec->target_to;
  target->normal = n = face_normal (figure, spec->target, spec->face);
  target->angle = atan2 (bone->b.y - bone->a.y, bone->b.x - bone->a.x);
  target->along = MAX (sm_pose_bone_length (bone) * (spec->target_to - spec->target_from) / 2, r * 0.5);
  /* Seen from the front the trunk is wide and the muscle lies along its
   * side: a slimmer mark, nearer that side, so it does not read as the
   * belly. */
  target->across = r * (figure->front_view ? 0.34 : 0.5);
  target->centre = (SmPosePoint) { axis.x + n.x * r * (figure->front_view ? 0.62 : 0.48),
                                   axis.y + n.y * r * (figure->front_view ? 0.62 : 0.48) };

  /* The tool sits on the surface, at its place along the segment. */
  axis = bone_point (bone, spec->tool_at);
  r = lerp (bone->ra, bone->rb, spec->tool_at);
  surface = (SmPosePoint) { axis.x + n.x * r, axis.y + n.y * r };
  target->contact = surface;
  figure->tool = spec->tool;
  figure->tool_radius = tool_radii[spec->tool];
  figure->tool_centre = (SmPosePoint) { surface.x + n.x * figure->tool_radius,
                                        surface.y + n.y * figure->tool_radius };
}

static gboolean
solve_limb (const SmPoseSpec    *spec,
            SmPoseFigure        *figure,
            SmPoseLimb           limb,
            SmPosePoint          root)
{
  const SmPoseLimbSpec *l = &spec->limbs[limb];
  gboolean leg = limb == SM_POSE_LIMB_LEG_FAR || limb == SM_POSE_LIMB_LEG_NEAR;
  SmPoseSegment first = leg ? (limb == SM_POSE_LIMB_LEG_FAR ? SM_POSE_THIGH_FAR : SM_POSE_THIGH_NEAR)
                            : (limb == SM_POSE_LIMB_ARM_FAR ? SM_POSE_UPPER_ARM_FAR : SM_POSE_UPPER_ARM_NEAR);
  double a0 = l->angles[0], a1 = l->angles[1], a2 = l->angles[2];

  if (l->reach != SM_POSE_REACH_NONE)
    {
      SmPosePoint end = l->point;

      if (l->reach == SM_POSE_REACH_TARGET)
        end = figure->target.contact;
      else if (l->reach == SM_POSE_REACH_KNEE)
        {
          const SmPoseBone *other = &figure->bones[first == SM_POSE_THIGH_NEAR ? SM_POSE_THIGH_FAR
                                                                             : SM_POSE_THIGH_NEAR];
          double up = other->rb + SM_POSE_ANKLE * 0.8;

          end = (SmPosePoint) { other->b.x + l->point.x, other->b.y + up + l->point.y };
        }
      else if (l->reach == SM_POSE_REACH_TOOL)
        end = figure->tool_centre; /* the handle runs through the hand */

      /* A hand reaches with its fingertips, a foot with the ankle. */
      if (!leg)
        end = point_along (end, a2 + 180, SM_POSE_HAND);
      if (!reach (root, end, shapes[first].length, shapes[first + 1].length, leg, l->flip, &a0, &a1))
        return FALSE;
    }

  if (!leg)
    figure->arm_turned[limb == SM_POSE_LIMB_ARM_NEAR] = l->flip;
  set_bone (figure, first, root, a0);
  set_bone (figure, first + 1, figure->bones[first].b, a1);
  set_bone (figure, first + 2, figure->bones[first + 1].b, a2);
  return TRUE;
}

static void
place_prop (const SmPoseSpec *spec,
            SmPoseFigure     *figure)
{
  figure->n_boxes = 0;
  if (spec->prop == SM_POSE_PROP_NONE)
    return;

  figure->boxes[figure->n_boxes++] = (SmPoseBox) { spec->prop_x, 0, CHAIR_DEPTH, CHAIR_HEIGHT };
  if (spec->prop == SM_POSE_PROP_STOOL)
    figure->boxes[figure->n_boxes++] = (SmPoseBox) { spec->prop_x + CHAIR_DEPTH + 0.33, 0,
                                                     STOOL_DEPTH, STOOL_HEIGHT };
}

gboolean
_sm_pose_solve (const SmPoseSpec  *spec,
                SmPoseFigure      *figure,
                const char       **problem,
                const char       **where)
{
  static const char * const limb_names[] = { "legs.far", "arms.far", "legs.near", "arms.near" };
  SmPosePoint lateral = point_along ((SmPosePoint) { 0, 0 }, spec->trunk - 90, 1);
  double hip_offset = spec->front_view ? FRONT_HIP_JOINT : 0;
  double shoulder_offset = spec->front_view ? FRONT_SHOULDER : 0;
  SmPosePoint shoulder;

  memset (figure, 0, sizeof *figure);
  figure->front_view = spec->front_view;
  figure->ground = spec->ground;
  figure->motion = spec->motion;

  set_bone (figure, SM_POSE_TRUNK_SEGMENT, spec->hip, spec->trunk);
  if (spec->front_view)
    {
      figure->bones[SM_POSE_TRUNK_SEGMENT].ra = FRONT_HIPS;
      figure->bones[SM_POSE_TRUNK_SEGMENT].rb = FRONT_SHOULDERS;
    }
  shoulder = figure->bones[SM_POSE_TRUNK_SEGMENT].b;
  set_bone (figure, SM_POSE_NECK_SEGMENT, shoulder, spec->head);
  set_bone (figure, SM_POSE_HEAD_SEGMENT, figure->bones[SM_POSE_NECK_SEGMENT].b, spec->head);
  /* Legs first, far before near (an ankle may rest on the far knee), then
   * the target, which may lie on a leg, then the arms, which may reach it. */
  for (guint k = 0; k < SM_POSE_N_LIMBS; k++)
    {
      static const SmPoseLimb order[] = { SM_POSE_LIMB_LEG_FAR, SM_POSE_LIMB_LEG_NEAR,
                                          SM_POSE_LIMB_ARM_FAR, SM_POSE_LIMB_ARM_NEAR };
      SmPoseLimb i = order[k];
      gboolean leg = i == SM_POSE_LIMB_LEG_FAR || i == SM_POSE_LIMB_LEG_NEAR;
      double side = i < SM_POSE_LIMB_LEG_NEAR ? -1 : 1;
      double offset = side * (leg ? hip_offset : shoulder_offset);
      SmPosePoint base = leg ? spec->hip : shoulder;
      SmPosePoint root = { base.x + lateral.x * offset, base.y + lateral.y * offset };

      if (k == 2)
        place_target (spec, figure);
      if (!solve_limb (spec, figure, i, root))
        {
          *problem = "the hand or foot cannot reach its point";
          *where = limb_names[i];
          return FALSE;
        }
    }

  place_prop (spec, figure);
  return TRUE;
}

/* --- Geometry ------------------------------------------------------------ */

double
sm_pose_bone_length (const SmPoseBone *bone)
{
  return hypot (bone->b.x - bone->a.x, bone->b.y - bone->a.y);
}

/* The distance from @p to the surface of the limb shape, negative inside. */
double
sm_pose_bone_distance (const SmPoseBone *bone,
                       SmPosePoint       p)
{
  double dx = bone->b.x - bone->a.x, dy = bone->b.y - bone->a.y;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - bone->a.x) * dx + (p.y - bone->a.y) * dy) / len2 : 0;
  SmPosePoint q;

  t = CLAMP (t, 0, 1);
  q = bone_point (bone, t);
  return hypot (p.x - q.x, p.y - q.y) - lerp (bone->ra, bone->rb, t);
}

static void
grow (double *x0, double *y0, double *x1, double *y1,
      double  x,  double  y,  double  r)
{
  *x0 = MIN (*x0, x - r);
  *y0 = MIN (*y0, y - r);
  *x1 = MAX (*x1, x + r);
  *y1 = MAX (*y1, y + r);
}

/* The box around the body, the tool and the furniture. */
void
sm_pose_figure_get_extents (const SmPoseFigure *figure,
                            double             *x0,
                            double             *y0,
                            double             *x1,
                            double             *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < SM_POSE_N_SEGMENTS; i++)
    {
      const SmPoseBone *bone = &figure->bones[i];

      grow (x0, y0, x1, y1, bone->a.x, bone->a.y, bone->ra);
      grow (x0, y0, x1, y1, bone->b.x, bone->b.y, bone->rb);
    }
  if (figure->tool_radius > 0)
    grow (x0, y0, x1, y1, figure->tool_centre.x, figure->tool_centre.y, figure->tool_radius);
  for (guint i = 0; i < figure->n_boxes; i++)
    {
      grow (x0, y0, x1, y1, figure->boxes[i].x, figure->boxes[i].y, 0);
      grow (x0, y0, x1, y1, figure->boxes[i].x + figure->boxes[i].width,
            figure->boxes[i].y + figure->boxes[i].height, 0);
    }
}

SmPosePoint
sm_pose_fingertip (const SmPoseFigure *figure,
                   gboolean            near)
{
  const SmPoseBone *hand = &figure->bones[near ? SM_POSE_HAND_NEAR : SM_POSE_HAND_FAR];
  double length = sm_pose_bone_length (hand);
  double ux = (hand->b.x - hand->a.x) / length, uy = (hand->b.y - hand->a.y) / length;

  return (SmPosePoint) { hand->b.x + ux * hand->rb, hand->b.y + uy * hand->rb };
}

/* --- The type ------------------------------------------------------------ */

SmPose *
_sm_pose_new (const char         *id,
              const char         *zone,
              const char         *tool_id,
              const SmPoseFigure *figure)
{
  SmPose *self = g_object_new (SM_TYPE_POSE, NULL);

  self->id = g_strdup (id);
  self->zone = g_strdup (zone);
  self->tool_id = g_strdup (tool_id);
  self->figure = *figure;
  return self;
}

const char *
sm_pose_get_id (SmPose *self)
{
  g_return_val_if_fail (SM_IS_POSE (self), NULL);

  return self->id;
}

const char *
sm_pose_get_zone (SmPose *self)
{
  g_return_val_if_fail (SM_IS_POSE (self), NULL);

  return self->zone;
}

const char *
sm_pose_get_tool_id (SmPose *self)
{
  g_return_val_if_fail (SM_IS_POSE (self), NULL);

  return self->tool_id;
}

const SmPoseFigure *
sm_pose_get_figure (SmPose *self)
{
  g_return_val_if_fail (SM_IS_POSE (self), NULL);

  return &self->figure;
}

#define POSES_PATH RESOURCE_BASE "/poses/"

/* Bundled poses are part of the program, like the bundled content: one
 * that does not load is a bug to fix here, said loudly. Each is read when
 * first asked for (a printed sheet needs a few of the 31), under a lock:
 * a sheet may be drawn off the main thread. */
static GMutex cache_lock;
static GHashTable *cache;       /* id → SmPose, or id → NULL: not bundled */
static gboolean cache_complete;

static SmPose *
load_locked (const char *id)
{
  g_autofree char *name = g_strconcat (id, ".json", NULL);
  g_autofree char *path = g_strconcat (POSES_PATH, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  SmPose *pose = NULL;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sm_clear_object_or_null);
  if (g_hash_table_lookup_extended (cache, id, NULL, (gpointer *) &pose))
    return pose;

  if (bytes != NULL)
    {
      pose = sm_pose_new_from_bytes (bytes, name, &error);
      if (pose == NULL)
        g_critical ("Bundled pose: %s", error->message);
    }
  g_hash_table_insert (cache, g_strdup (id), pose);
  return pose;
}

SmPose *
sm_pose_lookup (const char *id)
{
  SmPose *pose;

  if (id == NULL || *id == '\0' || strchr (id, '/') != NULL)
    return NULL;

  g_mutex_lock (&cache_lock);
  pose = load_locked (id);
  g_mutex_unlock (&cache_lock);
  return pose;
}

/* Every bundled pose: an id → SmPose table (for the tests). */
GHashTable *
sm_pose_get_bundled (void)
{
  static GHashTable *all;

  g_mutex_lock (&cache_lock);
  if (!cache_complete)
    {
      g_auto(GStrv) children = g_resources_enumerate_children (POSES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      all = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; children != NULL && children[i] != NULL; i++)
        if (g_str_has_suffix (children[i], ".json"))
          {
            g_autofree char *id = g_strndup (children[i], strlen (children[i]) - 5);
            SmPose *pose = load_locked (id);

            if (pose != NULL)
              g_hash_table_insert (all, pose->id, pose);
          }
      cache_complete = TRUE;
    }
  g_mutex_unlock (&cache_lock);
  return all;
}

static void
sm_pose_finalize (GObject *object)
{
  SmPose *self = SM_POSE (object);

  g_free (self->id);
  g_free (self->zone);
  g_free (self->tool_id);

  G_OBJECT_CLASS (sm_pose_parent_class)->finalize (object);
}

static void
sm_pose_class_init (SmPoseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_pose_finalize;
}

static void
sm_pose_init (SmPose *self)
{
}
