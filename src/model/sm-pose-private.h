/* sm-pose-private.h: what the pose reader hands the kinematics
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-pose.h"

G_BEGIN_DECLS

typedef enum
{
  SM_POSE_LIMB_LEG_FAR,
  SM_POSE_LIMB_ARM_FAR,
  SM_POSE_LIMB_LEG_NEAR,
  SM_POSE_LIMB_ARM_NEAR,
  SM_POSE_N_LIMBS
} SmPoseLimb;

typedef enum
{
  SM_POSE_REACH_NONE,    /* angles[0..2] give the three segments */
  SM_POSE_REACH_POINT,   /* the ankle or the fingertips go to @point */
  SM_POSE_REACH_TARGET,  /* the fingertips go to the target */
  SM_POSE_REACH_TOOL,    /* the hand holds the tool's handle */
  SM_POSE_REACH_KNEE,    /* the ankle rests on the other leg's knee */
} SmPoseReach;

typedef struct
{
  double      angles[3]; /* degrees, anticlockwise from +x */
  SmPoseReach reach;
  SmPosePoint point;
  gboolean    flip;      /* bend the other way: an arm reaching under the body */
} SmPoseLimbSpec;

typedef enum
{
  SM_POSE_FACE_FRONT,
  SM_POSE_FACE_BACK,
  SM_POSE_FACE_LOWER,    /* the side of the segment facing down */
  SM_POSE_FACE_UPPER,
} SmPoseFace;

typedef struct
{
  gboolean        front_view;
  SmPoseGround    ground;
  SmPoseTool      tool;
  SmPoseMotion    motion;
  SmPoseProp      prop;
  double          prop_x;
  SmPosePoint     hip;
  double          trunk;
  double          head;
  SmPoseLimbSpec  limbs[SM_POSE_N_LIMBS];
  SmPoseSegment   target;
  double          target_from;
  double          target_to;
  SmPoseFace      face;
  double          tool_at;
} SmPoseSpec;

/* Fills @figure; FALSE with @problem set when a hand or foot cannot reach
 * its point. */
gboolean  _sm_pose_solve (const SmPoseSpec  *spec,
                          SmPoseFigure      *figure,
                          const char       **problem,
                          const char       **where);

SmPose   *_sm_pose_new   (const char        *id,
                          const char        *zone,
                          const char        *tool_id,
                          const SmPoseFigure *figure);

G_END_DECLS
