/* sm-sheet-poses.c: the pictures of the positions on the routine sheet
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include "sm-figure.h"
#include "sm-sheet-private.h"

/* The same renderer as the screen, in the light style: paths only, so
 * the PDF holds no image, and no transparency group to slow it down. */

/* The width of @pose_id's picture at @height; 0 for no pose. */
double
sm_sheet_pose_width (const char *pose_id,
                     double      height)
{
  SmPose *pose = sm_pose_lookup (pose_id);

  return pose != NULL ? height * sm_figure_get_aspect (sm_pose_get_figure (pose)) : 0;
}

/* The pose of a step's tool on its muscle, or NULL (another tool). */
const char *
sm_sheet_step_pose (SmSheet       *self,
                    SmRoutineStep *step)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, sm_routine_step_get_zone (step));
  SmToolUse *use = zone != NULL ? sm_zone_get_tool_use (zone, sm_routine_step_get_tool (step)) : NULL;

  return use != NULL ? sm_tool_use_get_pose (use) : NULL;
}

/* The poses of the routine's stretches, in step order, each stretch once
 * and no more than four: the ids the atlas holds, NULL for a stretch
 * without one. */
static GPtrArray *
list_stretch_poses (SmSheet *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *poses = g_ptr_array_new ();

  for (guint i = 0; i < sm_routine_get_n_steps (self->routine) && g_hash_table_size (seen) < 4; i++)
    {
      const char *zone = sm_routine_step_get_zone (sm_routine_get_step (self->routine, i));
      g_autoptr(GListModel) stretches = sm_atlas_list_stretches_for_zone (self->atlas, zone);

      for (guint j = 0; j < g_list_model_get_n_items (stretches); j++)
        {
          g_autoptr(SmStretch) stretch = g_list_model_get_item (stretches, j);

          if (g_hash_table_add (seen, (gpointer) sm_stretch_get_id (stretch)))
            g_ptr_array_add (poses, (gpointer) sm_stretch_get_pose (stretch));
        }
    }
  return poses;
}

static gpointer
read_poses (gpointer data)
{
  g_autoptr(GPtrArray) ids = data;

  for (guint i = 0; i < ids->len; i++)
    sm_pose_lookup (ids->pdata[i]);
  return NULL;
}

/* The poses of the steps' tools and of the stretches, read in a thread
 * while the text is laid out: on the thread that lays out and paints they
 * were a fiftieth of printing a sheet. Any the thread has not read yet
 * are read when asked for (sm_pose_lookup () takes a lock). The thread
 * gets copies: it may outlive the sheet's reference to the atlas. */
void
sm_sheet_start_reading_poses (SmSheet *self)
{
  g_autoptr(GPtrArray) stretch_poses = NULL;
  GPtrArray *ids;

  if (self->pose_reader != NULL)
    return;

  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sm_routine_get_n_steps (self->routine); i++)
    {
      const char *pose = sm_sheet_step_pose (self, sm_routine_get_step (self->routine, i));

      if (pose != NULL)
        g_ptr_array_add (ids, g_strdup (pose));
    }
  stretch_poses = list_stretch_poses (self);
  for (guint i = 0; i < stretch_poses->len; i++)
    if (stretch_poses->pdata[i] != NULL)
      g_ptr_array_add (ids, g_strdup (stretch_poses->pdata[i]));
  self->pose_reader = g_thread_new ("sm-sheet-poses", read_poses, ids);
}

/* "both" sides show as the left, the side a routine starts with. */
void
sm_sheet_paint_pose (Flow       *flow,
                     const char *pose_id,
                     const char *side,
                     double      x,
                     double      y,
                     double      height)
{
  double width = sm_sheet_pose_width (pose_id, height);
  double tolerance;

  if (!sm_sheet_is_painting (flow) || width <= 0)
    return;

  /* The coarse tolerance of the body (sm-sheet-private.h); the figure
   * builds its arcs at cairo's own. */
  tolerance = cairo_get_tolerance (flow->cr);
  cairo_set_tolerance (flow->cr, SHEET_ART_TOLERANCE);
  sm_figure_draw_pose (flow->cr, pose_id, g_strcmp0 (side, "right") == 0 ? "right" : "left",
                       SM_FIGURE_STYLE_LIGHT, &(cairo_rectangle_t) { x, y, width, height });
  cairo_set_tolerance (flow->cr, tolerance);
}

/* The stretches box names the routine's stretches (sm-sheet-sections.c);
 * their pictures go in its top right corner, beside the heading and the
 * short line under it, so the box keeps its height. The same stretches,
 * in the same order: each once, in step order. */
void
sm_sheet_paint_stretch_poses (Flow   *flow,
                              double  x,
                              double  y,
                              double  width)
{
  g_autoptr(GPtrArray) listed = list_stretch_poses (flow->sheet);
  g_autoptr(GPtrArray) poses = g_ptr_array_new ();
  double total = 0, right = x + width - 10;

  for (guint i = 0; i < listed->len; i++)
    if (sm_pose_lookup (listed->pdata[i]) != NULL)
      g_ptr_array_add (poses, listed->pdata[i]);

  for (guint i = 0; i < poses->len; i++)
    total += sm_sheet_pose_width (poses->pdata[i], POSE_BOX_HEIGHT) + 6;
  /* Only where the corner is free: beside the heading, not over the list. */
  if (poses->len == 0 || total > width * 0.42)
    return;

  for (guint i = poses->len; i-- > 0;)
    {
      double w = sm_sheet_pose_width (poses->pdata[i], POSE_BOX_HEIGHT);

      right -= w;
      sm_sheet_paint_pose (flow, poses->pdata[i], "left", right, y + 6, POSE_BOX_HEIGHT);
      right -= 6;
    }
}
