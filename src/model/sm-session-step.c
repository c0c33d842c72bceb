/* sm-session-step.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-session-step"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sm-session-step.h"
#include "sm-timer.h"

/* Immutable once made, so sessions and routines can share steps freely. */
struct _SmSessionStep
{
  char  *zone;          /* NULL for a stretch that has no zone on the map */
  char  *side;          /* "left" or "right"; NULL without a zone */
  guint  hold;
  guint  rest;
  char  *title;
  char  *instructions;
  guint  round;         /* this hold is round @round of @rounds of one step */
  guint  rounds;
  char  *tool;          /* the tool's name, for spoken cues; NULL if none */
  GObject *picture;     /* (nullable) the SmToolUse or SmStretch drawn for it */
};

G_DEFINE_BOXED_TYPE (SmSessionStep, sm_session_step,
                     sm_session_step_ref, sm_session_step_unref)

static gboolean
validate_side (const char  *zone,
               const char  *side,
               GError     **error)
{
  if (zone == NULL || g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("The step for “%s” has no valid side: use “left” or “right”"), zone);
  return FALSE;
}

/* A rest may be 0 (go straight on), a hold may not. */
static gboolean
validate_times (guint    hold,
                guint    rest,
                GError **error)
{
  if (!sm_validate_seconds (hold, error))
    return FALSE;
  if (rest == 0)
    return TRUE;

  return sm_validate_seconds (rest, error);
}

/**
 * sm_session_step_new:
 * @zone: (nullable): the zone id, or %NULL for a stretch
 * @side: (nullable): "left" or "right"; ignored without a zone
 * @hold: seconds to hold, 1 … 600
 * @rest: seconds of rest after the step, 0 … 600
 * @title: what the step is called
 * @instructions: (nullable): what to do, in a sentence or two
 *
 * Returns: (transfer full) (nullable): the step, or %NULL with @error set
 */
SmSessionStep *
sm_session_step_new (const char  *zone,
                     const char  *side,
                     guint        hold,
                     guint        rest,
                     const char  *title,
                     const char  *instructions,
                     GError     **error)
{
  SmSessionStep *self;

  g_return_val_if_fail (title != NULL, NULL);

  if (!validate_side (zone, side, error) || !validate_times (hold, rest, error))
    return NULL;

  self = g_atomic_rc_box_new0 (SmSessionStep);
  self->zone = g_strdup (zone);
  self->side = zone != NULL ? g_strdup (side) : NULL;
  self->hold = hold;
  self->rest = rest;
  self->title = g_strdup (title);
  self->instructions = g_strdup (instructions != NULL ? instructions : "");
  self->round = 1;
  self->rounds = 1;

  return self;
}

/**
 * sm_session_step_new_round:
 * @round: 1 … @rounds
 * @rounds: how many times the step is done
 *
 * A routine step done several times is one step of the session with
 * several rounds: the session counts it once and names the round.
 *
 * Returns: (transfer full): a copy of @self as round @round of @rounds
 */
SmSessionStep *
sm_session_step_new_round (const SmSessionStep *self,
                           guint                round,
                           guint                rounds)
{
  SmSessionStep *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (round >= 1 && round <= rounds, NULL);

  copy = sm_session_step_new (self->zone, self->side, self->hold, self->rest,
                              self->title, self->instructions, NULL);
  copy->round = round;
  copy->rounds = rounds;
  copy->tool = g_strdup (self->tool);
  sm_session_step_set_picture (copy, self->picture);
  return copy;
}

/**
 * sm_session_step_new_with_tool:
 * @tool: (nullable): the name of the tool the step uses, e.g. "Tennis ball"
 *
 * Returns: (transfer full): a copy of @self that names its tool
 */
SmSessionStep *
sm_session_step_new_with_tool (const SmSessionStep *self,
                               const char          *tool)
{
  SmSessionStep *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = sm_session_step_new_round (self, self->round, self->rounds);
  g_free (copy->tool);
  copy->tool = g_strdup (tool);
  return copy;
}

/* The content item whose picture shows the step: an SmToolUse or an
 * SmStretch (the picture's pose and description are its own). */
void
sm_session_step_set_picture (SmSessionStep *self,
                             GObject       *item)
{
  g_return_if_fail (self != NULL);

  g_set_object (&self->picture, item);
}

GObject *
sm_session_step_get_picture (const SmSessionStep *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->picture;
}

SmSessionStep *
sm_session_step_ref (SmSessionStep *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
step_clear (SmSessionStep *self)
{
  g_free (self->zone);
  g_free (self->side);
  g_free (self->title);
  g_free (self->instructions);
  g_free (self->tool);
  g_clear_object (&self->picture);
}

void
sm_session_step_unref (SmSessionStep *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) step_clear);
}

const char *
sm_session_step_get_zone (const SmSessionStep *self)
{
  return self->zone;
}

const char *
sm_session_step_get_side (const SmSessionStep *self)
{
  return self->side;
}

guint
sm_session_step_get_hold (const SmSessionStep *self)
{
  return self->hold;
}

guint
sm_session_step_get_rest (const SmSessionStep *self)
{
  return self->rest;
}

const char *
sm_session_step_get_title (const SmSessionStep *self)
{
  return self->title;
}

const char *
sm_session_step_get_instructions (const SmSessionStep *self)
{
  return self->instructions;
}

guint
sm_session_step_get_round (const SmSessionStep *self)
{
  return self->round;
}

guint
sm_session_step_get_rounds (const SmSessionStep *self)
{
  return self->rounds;
}

const char *
sm_session_step_get_tool (const SmSessionStep *self)
{
  return self->tool;
}
