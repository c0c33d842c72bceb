/* sm-pose.h: a posable figure for the picture of a tool use or a stretch
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A pose is one small JSON file in data/poses/ (GResource poses/<id>.json):
 * where the hip joint is, the direction of every segment, and the tool,
 * the target muscle and the motion. This file turns it into a figure:
 * joint positions and the half-widths of the limb shapes, computed by
 * forward kinematics (and two-segment inverse kinematics for a hand or a
 * foot that must reach a point). No cairo here: src/render/sm-figure.c draws
 * the figure, and the tests measure it.
 *
 * Units: stature (the person is 1.0 tall when standing). The floor is
 * y = 0, y goes up; a wall is the line x = 0. The figure is drawn facing
 * +x when standing, so its right side faces the viewer; the renderer
 * mirrors it for the left side.
 *
 * Segment lengths follow Drillis and Contini (1966), as fractions of
 * stature.
 */

#define SM_POSE_THIGH     0.245
#define SM_POSE_SHANK     0.246
#define SM_POSE_TRUNK     0.288 /* hip joint to shoulder joint */
#define SM_POSE_NECK      0.052 /* shoulder to chin */
#define SM_POSE_HEAD      0.130 /* chin to the top of the head */
#define SM_POSE_UPPER_ARM 0.186
#define SM_POSE_FOREARM   0.146
#define SM_POSE_HAND      0.108
#define SM_POSE_FOOT      0.152 /* heel to toe */
#define SM_POSE_ANKLE     0.039 /* height of the ankle joint over the sole */

typedef enum
{
  SM_POSE_TRUNK_SEGMENT,
  SM_POSE_NECK_SEGMENT,
  SM_POSE_HEAD_SEGMENT,
  SM_POSE_THIGH_FAR,
  SM_POSE_SHANK_FAR,
  SM_POSE_FOOT_FAR,
  SM_POSE_UPPER_ARM_FAR,
  SM_POSE_FOREARM_FAR,
  SM_POSE_HAND_FAR,
  SM_POSE_THIGH_NEAR,
  SM_POSE_SHANK_NEAR,
  SM_POSE_FOOT_NEAR,
  SM_POSE_UPPER_ARM_NEAR,
  SM_POSE_FOREARM_NEAR,
  SM_POSE_HAND_NEAR,
  SM_POSE_N_SEGMENTS
} SmPoseSegment;

typedef enum
{
  SM_POSE_GROUND_FLOOR,
  SM_POSE_GROUND_WALL,  /* a wall at x = 0 as well as the floor */
} SmPoseGround;

typedef enum
{
  SM_POSE_MOTION_HOLD,
  SM_POSE_MOTION_ROLL,
  SM_POSE_MOTION_CIRCLES,
} SmPoseMotion;

typedef enum
{
  SM_POSE_TOOL_NONE,        /* a stretch */
  SM_POSE_TOOL_BALL,
  SM_POSE_TOOL_ROLLER,
  SM_POSE_TOOL_PSOAS,
  SM_POSE_TOOL_STICK,
  SM_POSE_TOOL_HANDS,
} SmPoseTool;

typedef enum
{
  SM_POSE_PROP_NONE,
  SM_POSE_PROP_CHAIR,
  SM_POSE_PROP_STOOL,       /* a chair and a low stool for the foot */
} SmPoseProp;

typedef struct
{
  double x;
  double y;
} SmPosePoint;

/* A segment of the figure: from joint @a to joint @b, drawn as a smooth
 * tapered shape of half-width @ra at @a and @rb at @b. */
typedef struct
{
  SmPosePoint a;
  SmPosePoint b;
  double      ra;
  double      rb;
} SmPoseBone;

/* The part of a segment to highlight: an ellipse on the side @normal
 * points to, inside the limb shape. */
typedef struct
{
  SmPoseSegment segment;
  double        from;        /* fractions of the segment */
  double        to;
  SmPosePoint   centre;
  double        along;       /* semi-axes */
  double        across;
  double        angle;       /* radians, of the segment */
  SmPosePoint   normal;      /* unit, out of the body */
  SmPosePoint   contact;     /* where the tool or the fingertips touch */
} SmPoseTarget;

/* A chair seat, a stool: boxes on the floor. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SmPoseBox;

typedef struct
{
  SmPoseBone    bones[SM_POSE_N_SEGMENTS];
  SmPoseTarget  target;
  SmPoseTool    tool;
  SmPosePoint   tool_centre;   /* ball, roller, psoas tool, stick end-on */
  double        tool_radius;
  SmPoseMotion  motion;
  SmPoseGround  ground;
  gboolean      front_view;    /* seen from the front (lying on one side) */
  gboolean      arm_turned[2]; /* far, near: an arm turned in at the shoulder to reach
                                * under the body, its elbow seen bending backwards */
  SmPoseBox     boxes[3];
  guint         n_boxes;
} SmPoseFigure;

#define SM_TYPE_POSE (sm_pose_get_type ())

G_DECLARE_FINAL_TYPE (SmPose, sm_pose, SM, POSE, GObject)

/* Reads one pose file; errors (SM_ATLAS_ERROR, like every content file's)
 * name @file and the JSON path. */
SmPose              *sm_pose_new_from_bytes     (GBytes      *bytes,
                                                 const char  *file,
                                                 GError     **error);

const char          *sm_pose_get_id             (SmPose      *self);
const char          *sm_pose_get_zone           (SmPose      *self); /* zone id, or NULL */
const char          *sm_pose_get_tool_id        (SmPose      *self); /* content tool id, or NULL */
const SmPoseFigure  *sm_pose_get_figure         (SmPose      *self);

/* The bundled poses, loaded once: a pose id → SmPose table. */
GHashTable          *sm_pose_get_bundled        (void);
SmPose              *sm_pose_lookup             (const char  *id);

/* Geometry the renderer and the tests share. */
double               sm_pose_bone_length        (const SmPoseBone *bone);
double               sm_pose_bone_distance      (const SmPoseBone *bone,
                                                 SmPosePoint       p);
void                 sm_pose_figure_get_extents (const SmPoseFigure *figure,
                                                 double             *x0,
                                                 double             *y0,
                                                 double             *x1,
                                                 double             *y1);
SmPosePoint          sm_pose_fingertip          (const SmPoseFigure *figure,
                                                 gboolean            near);

G_END_DECLS
