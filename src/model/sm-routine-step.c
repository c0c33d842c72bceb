/* sm-routine-step.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-step"

#include "config.h"

#include "sm-routine-private.h"
#include "sm-routine.h"
#include "sm-routine-step.h"
#include "sm-utils.h"

/* One step of a routine: where (zone and side), with what (tool and
 * technique) and how long (hold × repetitions, then a rest). Plain data with
 * notifying properties so the editor can bind its fields to it. */

struct _SmRoutineStep
{
  GObject  parent_instance;

  char    *zone;
  char    *side;
  char    *tool;
  char    *technique;
  char    *note;
  guint    hold_seconds;
  guint    repetitions;
  guint    rest_seconds;
};

G_DEFINE_FINAL_TYPE (SmRoutineStep, sm_routine_step, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZONE,
  PROP_SIDE,
  PROP_TOOL,
  PROP_TECHNIQUE,
  PROP_NOTE,
  PROP_HOLD_SECONDS,
  PROP_REPETITIONS,
  PROP_REST_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SmRoutineStep *
sm_routine_step_new (const char *zone,
                     const char *side)
{
  return g_object_new (SM_TYPE_ROUTINE_STEP, "zone", zone, "side", side, NULL);
}

SmRoutineStep *
sm_routine_step_copy (SmRoutineStep *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STEP (self), NULL);

  return g_object_new (SM_TYPE_ROUTINE_STEP,
                       "zone", self->zone,
                       "side", self->side,
                       "tool", self->tool,
                       "technique", self->technique,
                       "note", self->note,
                       "hold-seconds", self->hold_seconds,
                       "repetitions", self->repetitions,
                       "rest-seconds", self->rest_seconds,
                       NULL);
}

gboolean
sm_routine_step_equal (SmRoutineStep *a,
                       SmRoutineStep *b)
{
  return g_strcmp0 (a->zone, b->zone) == 0 &&
         g_strcmp0 (a->side, b->side) == 0 &&
         g_strcmp0 (a->tool, b->tool) == 0 &&
         g_strcmp0 (a->technique, b->technique) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         a->hold_seconds == b->hold_seconds &&
         a->repetitions == b->repetitions &&
         a->rest_seconds == b->rest_seconds;
}

static void
set_string (SmRoutineStep  *self,
            char      **field,
            const char *value,
            guint       prop)
{
  g_autofree char *clamped =
    sm_routine_clamp_text (value, prop == PROP_NOTE ? SM_ROUTINE_MAX_STEP_NOTE : G_MAXLONG);

  if (sm_set_str (field, clamped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
set_uint (SmRoutineStep *self,
          guint         *field,
          guint          value,
          guint          prop)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  sm_routine_step_get_##field (SmRoutineStep *self)                          \
  {                                                                          \
    g_return_val_if_fail (SM_IS_ROUTINE_STEP (self), NULL);                  \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  sm_routine_step_set_##field (SmRoutineStep *self, const char *value)       \
  {                                                                          \
    g_return_if_fail (SM_IS_ROUTINE_STEP (self));                            \
    set_string (self, &self->field, value, PROP);                            \
  }

#define UINT_ACCESSORS(field, PROP)                                          \
  guint                                                                      \
  sm_routine_step_get_##field (SmRoutineStep *self)                          \
  {                                                                          \
    g_return_val_if_fail (SM_IS_ROUTINE_STEP (self), 0);                     \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  sm_routine_step_set_##field (SmRoutineStep *self, guint value)             \
  {                                                                          \
    g_return_if_fail (SM_IS_ROUTINE_STEP (self));                            \
    set_uint (self, &self->field, value, PROP);                              \
  }

STRING_ACCESSORS (zone, PROP_ZONE)
STRING_ACCESSORS (side, PROP_SIDE)
STRING_ACCESSORS (tool, PROP_TOOL)
STRING_ACCESSORS (technique, PROP_TECHNIQUE)
STRING_ACCESSORS (note, PROP_NOTE)
UINT_ACCESSORS (hold_seconds, PROP_HOLD_SECONDS)
UINT_ACCESSORS (repetitions, PROP_REPETITIONS)
UINT_ACCESSORS (rest_seconds, PROP_REST_SECONDS)

static char **
string_field (SmRoutineStep *self,
              guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_ZONE: return &self->zone;
    case PROP_SIDE: return &self->side;
    case PROP_TOOL: return &self->tool;
    case PROP_TECHNIQUE: return &self->technique;
    case PROP_NOTE: return &self->note;
    default: return NULL;
    }
}

static guint *
uint_field (SmRoutineStep *self,
            guint          prop_id)
{
  switch (prop_id)
    {
    case PROP_HOLD_SECONDS: return &self->hold_seconds;
    case PROP_REPETITIONS: return &self->repetitions;
    case PROP_REST_SECONDS: return &self->rest_seconds;
    default: return NULL;
    }
}

static void
sm_routine_step_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmRoutineStep *self = SM_ROUTINE_STEP (object);

  if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else if (uint_field (self, prop_id) != NULL)
    g_value_set_uint (value, *uint_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sm_routine_step_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmRoutineStep *self = SM_ROUTINE_STEP (object);

  if (string_field (self, prop_id) != NULL)
    set_string (self, string_field (self, prop_id), g_value_get_string (value), prop_id);
  else if (uint_field (self, prop_id) != NULL)
    set_uint (self, uint_field (self, prop_id), g_value_get_uint (value), prop_id);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
sm_routine_step_finalize (GObject *object)
{
  SmRoutineStep *self = SM_ROUTINE_STEP (object);

  g_free (self->zone);
  g_free (self->side);
  g_free (self->tool);
  g_free (self->technique);
  g_free (self->note);

  G_OBJECT_CLASS (sm_routine_step_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name,
              const char *default_value)
{
  return g_param_spec_string (name, NULL, NULL, default_value,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                              G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
uint_pspec (const char *name,
            guint       min,
            guint       max,
            guint       default_value)
{
  return g_param_spec_uint (name, NULL, NULL, min, max, default_value,
                            G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
sm_routine_step_class_init (SmRoutineStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_routine_step_finalize;
  object_class->get_property = sm_routine_step_get_property;
  object_class->set_property = sm_routine_step_set_property;

  properties[PROP_ZONE] = string_pspec ("zone", "piriformis");
  properties[PROP_SIDE] = string_pspec ("side", "both");
  properties[PROP_TOOL] = string_pspec ("tool", "hands");
  properties[PROP_TECHNIQUE] = string_pspec ("technique", "sustained-pressure");
  properties[PROP_NOTE] = string_pspec ("note", "");
  properties[PROP_HOLD_SECONDS] = uint_pspec ("hold-seconds", SM_ROUTINE_STEP_HOLD_MIN,
                                              SM_ROUTINE_STEP_HOLD_MAX,
                                              SM_ROUTINE_STEP_DEFAULT_HOLD);
  properties[PROP_REPETITIONS] = uint_pspec ("repetitions", SM_ROUTINE_STEP_REPS_MIN,
                                             SM_ROUTINE_STEP_REPS_MAX,
                                             SM_ROUTINE_STEP_DEFAULT_REPS);
  properties[PROP_REST_SECONDS] = uint_pspec ("rest-seconds", SM_ROUTINE_STEP_REST_MIN,
                                              SM_ROUTINE_STEP_REST_MAX,
                                              SM_ROUTINE_STEP_DEFAULT_REST);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_routine_step_init (SmRoutineStep *self)
{
}

/* A step for @zone_id with the zone's own first tool, technique and hold;
 * a zone @atlas does not know gets the defaults of a step. */
SmRoutineStep *
sm_routine_step_new_default (SmAtlas    *atlas,
                             const char *zone_id,
                             const char *side)
{
  SmZone *zone;
  SmRoutineStep *step;
  g_autoptr(SmToolUse) use = NULL;

  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);

  zone = sm_atlas_lookup_zone (atlas, zone_id);
  step = sm_routine_step_new (zone_id, side != NULL && side[0] ? side : "both");
  if (zone == NULL)
    return step;

  if (g_list_model_get_n_items (sm_zone_get_tool_uses (zone)) > 0)
    {
      use = g_list_model_get_item (sm_zone_get_tool_uses (zone), 0);
      sm_routine_step_set_tool (step, sm_tool_use_get_tool_id (use));
    }
  if (sm_zone_get_techniques (zone) != NULL && sm_zone_get_techniques (zone)[0] != NULL)
    sm_routine_step_set_technique (step, sm_zone_get_techniques (zone)[0]);
  sm_routine_step_set_hold_seconds (step, CLAMP (sm_zone_get_hold_seconds (zone),
                                                 SM_ROUTINE_STEP_HOLD_MIN,
                                                 SM_ROUTINE_STEP_HOLD_MAX));
  return step;
}
