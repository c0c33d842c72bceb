/* sm-routine-session.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-session"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
#include "sm-routine-session.h"
#include "sm-routine-store.h"
#include "sm-utils.h"

/* A routine played as a guided session: each step as many times as it
 * says, in order, then the stretches for its muscles — massage first,
 * stretches after, as on the printed sheet. A step for both sides starts
 * on the side the person works on; the timer's "switch sides" setting runs
 * the same hold on the other side. */

/* What to do, from the zone's own instructions for the step's tool. */
static char *
step_instructions (SmZone        *zone,
                   SmRoutineStep *step)
{
  SmToolUse *use = sm_zone_get_tool_use (zone, sm_routine_step_get_tool (step));
  const char *note = sm_routine_step_get_note (step);
  g_autofree char *text = NULL;

  if (use != NULL)
    text = sm_join_sentences ((const char * const[]) { sm_tool_use_get_position (use),
                                                       sm_tool_use_get_placement (use),
                                                       sm_tool_use_get_movement (use), NULL });
  else
    text = g_strdup (sm_zone_get_pressure (zone));

  return note[0] != '\0' ? g_strjoin ("\n\n", text, note, NULL) : g_steal_pointer (&text);
}

/* The holds of one step, as many as its repetitions: the rounds of one
 * session step. */
static gboolean
add_step_holds (GPtrArray      *holds,
                SmAtlas        *atlas,
                SmRoutineStep  *step,
                const char     *both_side,
                GError        **error)
{
  const char *side = sm_routine_step_get_side (step);
  SmZone *zone = sm_atlas_lookup_zone (atlas, sm_routine_step_get_zone (step));
  guint rounds = sm_routine_step_get_repetitions (step);
  g_autofree char *instructions = NULL;
  g_autoptr(SmSessionStep) hold = NULL;
  SmTool *tool;

  if (zone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The content has no muscle called “%s”"), sm_routine_step_get_zone (step));
      return FALSE;
    }

  instructions = step_instructions (zone, step);
  if (g_str_equal (side, "both"))
    side = both_side;

  hold = sm_session_step_new (sm_zone_get_id (zone), side,
                              sm_routine_step_get_hold_seconds (step),
                              sm_routine_step_get_rest_seconds (step),
                              sm_zone_get_name (zone), instructions, error);
  if (hold == NULL)
    return FALSE;
  tool = sm_atlas_lookup_tool (atlas, sm_routine_step_get_tool (step));
  if (tool != NULL)
    {
      SmSessionStep *named = sm_session_step_new_with_tool (hold, sm_tool_get_name (tool));

      sm_session_step_unref (hold);
      hold = named;
    }
  sm_session_step_set_picture (hold, sm_zone_get_tool_use (zone, sm_routine_step_get_tool (step)));

  /* Each repetition is a round of the same step, and counted as one step. */
  for (guint r = 1; r <= rounds; r++)
    g_ptr_array_add (holds, sm_session_step_new_round (hold, r, rounds));

  return TRUE;
}

static gboolean
add_stretches (GPtrArray  *holds,
               SmAtlas    *atlas,
               SmRoutine  *routine,
               GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    {
      const char *zone = sm_routine_step_get_zone (sm_routine_get_step (routine, i));
      g_autoptr(GListModel) stretches = sm_atlas_list_stretches_for_zone (atlas, zone);

      for (guint j = 0; j < g_list_model_get_n_items (stretches); j++)
        {
          g_autoptr(SmStretch) stretch = g_list_model_get_item (stretches, j);
          g_autofree char *instructions = NULL;
          SmSessionStep *hold;

          if (!g_hash_table_add (seen, (gpointer) sm_stretch_get_id (stretch)))
            continue;
          instructions = sm_join_sentences (sm_stretch_get_steps (stretch));
          hold = sm_session_step_new (NULL, NULL, sm_stretch_get_hold_seconds (stretch),
                                      SM_SESSION_DEFAULT_REST, sm_stretch_get_name (stretch),
                                      instructions, error);
          if (hold == NULL)
            return FALSE;
          sm_session_step_set_picture (hold, G_OBJECT (stretch));
          g_ptr_array_add (holds, hold);
        }
    }

  return TRUE;
}

/**
 * sm_routine_session_new:
 * @side: the side filter ("left", "right" or "both"): where steps for both
 *   sides start
 * Returns: (transfer full) (nullable): the guided session for @routine, or
 *   %NULL when it has no steps or names something the content lacks
 */
SmSession *
sm_routine_session_new (SmRoutine   *routine,
                        SmAtlas     *atlas,
                        const char  *side,
                        GError     **error)
{
  g_autoptr(GPtrArray) holds = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_session_step_unref);

  g_return_val_if_fail (SM_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);

  if (sm_routine_get_n_steps (routine) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no steps yet"), sm_routine_get_name (routine));
      return NULL;
    }

  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    if (!add_step_holds (holds, atlas, sm_routine_get_step (routine, i),
                         g_strcmp0 (side, "right") == 0 ? "right" : "left", error))
      return NULL;

  if (!add_stretches (holds, atlas, routine, error))
    return NULL;

  return sm_session_new (sm_routine_get_id (routine), sm_routine_get_name (routine), holds);
}

/**
 * sm_session_new_builtin:
 * @id: the id or name of a built-in routine (data/routines/)
 * @atlas: the content to take names and instructions from
 * @side: "left" or "right", where steps for both sides start
 * @error: return location for a #GError
 *
 * A built-in routine as a guided session, read from its file like every
 * routine: there is no other copy of its steps.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL if there is no
 *   such built-in routine or the content lacks one of its steps
 */
SmSession *
sm_session_new_builtin (const char  *id,
                        SmAtlas     *atlas,
                        const char  *side,
                        GError     **error)
{
  g_autoptr(SmRoutine) routine = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);

  routine = sm_routine_store_lookup_builtin (id);
  if (routine == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no routine called “%s”"), id);
      return NULL;
    }

  return sm_routine_session_new (routine, atlas, side, error);
}
