/* sm-routine.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine"

#include "config.h"

#include "sm-pain-drawing.h"
#include "sm-routine.h"
#include "sm-routine-private.h"
#include "sm-utils.h"
#include "sm-zone-id.h"

/* A routine is what a therapist hands a patient: an ordered list of steps
 * plus who it is for and a few notes. It is read from and written to a small
 * versioned JSON file (sm-routine-reader.c, sm-routine-writer.c); this file
 * has the type, its properties and the steps. */

G_DEFINE_FINAL_TYPE (SmRoutine, sm_routine, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-routine-error-quark, sm_routine_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PATIENT,
  PROP_NOTES,
  PROP_BUILTIN,
  PROP_SESSIONS_PER_WEEK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
now_utc (void)
{
  /* Whole seconds, so a saved and reloaded routine compares equal. */
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

SmRoutine *
sm_routine_new (const char *name)
{
  return g_object_new (SM_TYPE_ROUTINE, "name", name, NULL);
}

/* --- Properties and steps ------------------------------------------------ */

/* A copy for the person to change: a user routine, new times, same steps. */
SmRoutine *
sm_routine_duplicate (SmRoutine  *self,
                      const char *name)
{
  SmRoutine *copy;

  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  copy = g_object_new (SM_TYPE_ROUTINE,
                       "name", name != NULL ? name : self->name,
                       "patient", self->patient,
                       "notes", self->notes,
                       "sessions-per-week", self->per_week,
                       NULL);
  for (guint i = 0; i < sm_routine_get_n_steps (self); i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_copy (sm_routine_get_step (self, i));

      g_list_store_append (copy->steps, step);
    }
  sm_pain_drawing_copy_from (copy->pain, self->pain);

  return copy;
}

static void
set_string (SmRoutine  *self,
            char      **field,
            const char *value,
            guint       prop)
{
  glong max = prop == PROP_NAME ? SM_ROUTINE_MAX_NAME
              : prop == PROP_PATIENT ? SM_ROUTINE_MAX_PATIENT
              : prop == PROP_NOTES ? SM_ROUTINE_MAX_NOTES : G_MAXLONG;
  g_autofree char *clamped = sm_routine_clamp_text (value, max);

  if (sm_set_str (field, clamped))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  sm_routine_get_##field (SmRoutine *self)                                   \
  {                                                                          \
    g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);                       \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  sm_routine_set_##field (SmRoutine *self, const char *value)                \
  {                                                                          \
    g_return_if_fail (SM_IS_ROUTINE (self));                                 \
    set_string (self, &self->field, value, PROP);                            \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (patient, PROP_PATIENT)
STRING_ACCESSORS (notes, PROP_NOTES)

/* How often the therapist asked for the routine, for the journal's weeks;
 * 0 when nobody said. */
guint
sm_routine_get_sessions_per_week (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), 0);

  return self->per_week;
}

void
sm_routine_set_sessions_per_week (SmRoutine *self,
                                  guint      sessions)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  sessions = MIN (sessions, SM_ROUTINE_MAX_PER_WEEK);
  if (self->per_week == sessions)
    return;
  self->per_week = sessions;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSIONS_PER_WEEK]);
}

gboolean
sm_routine_get_builtin (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), FALSE);

  return self->builtin;
}

void
sm_routine_set_builtin (SmRoutine *self,
                        gboolean   builtin)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  builtin = !!builtin;
  if (self->builtin == builtin)
    return;

  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

GDateTime *
sm_routine_get_created (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->created;
}

GDateTime *
sm_routine_get_modified (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->modified;
}

/* Marks the routine as changed now; the store calls this before saving. */
void
sm_routine_touch (SmRoutine *self)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = now_utc ();
}

/**
 * sm_routine_get_pain_drawing:
 *
 * Where the patient marked pain; saved with the routine (version 2).
 * Returns: (transfer none)
 */
SmPainDrawing *
sm_routine_get_pain_drawing (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->pain;
}

GListModel *
sm_routine_get_steps (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return G_LIST_MODEL (self->steps);
}

guint
sm_routine_get_n_steps (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/* Returns: (transfer none) */
SmRoutineStep *
sm_routine_get_step (SmRoutine *self,
                     guint      position)
{
  g_autoptr(SmRoutineStep) step = NULL;

  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  /* The store keeps its own reference. */
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  return step;
}

void
sm_routine_append_step (SmRoutine     *self,
                        SmRoutineStep *step)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_list_store_append (self->steps, step);
}

void
sm_routine_insert_step (SmRoutine     *self,
                        guint          position,
                        SmRoutineStep *step)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_list_store_insert (self->steps, MIN (position, sm_routine_get_n_steps (self)), step);
}

void
sm_routine_remove_step (SmRoutine *self,
                        guint      position)
{
  g_return_if_fail (SM_IS_ROUTINE (self));
  g_return_if_fail (position < sm_routine_get_n_steps (self));

  g_list_store_remove (self->steps, position);
}

/* Moves the step at @from so that it ends up at index @to. */
void
sm_routine_move_step (SmRoutine *self,
                      guint      from,
                      guint      to)
{
  g_autoptr(SmRoutineStep) step = NULL;
  guint n;

  g_return_if_fail (SM_IS_ROUTINE (self));

  n = sm_routine_get_n_steps (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

static void
emit_changed (SmRoutine *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ::changed fires for anything that goes into the file, so the store can
 * save and the map can renumber without knowing the routine's insides. */
static void
on_steps_changed (SmRoutine  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *steps)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SmRoutineStep) step = g_list_model_get_item (steps, i);

      /* A step keeps one connection however often it is moved. */
      g_signal_handlers_disconnect_by_func (step, emit_changed, self);
      g_signal_connect_object (step, "notify", G_CALLBACK (emit_changed), self,
                               G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
sm_routine_notify (GObject    *object,
                   GParamSpec *pspec)
{
  if (pspec != properties[PROP_ID] && pspec != properties[PROP_BUILTIN])
    emit_changed (SM_ROUTINE (object));
}

static void
sm_routine_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmRoutine *self = SM_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PATIENT: g_value_set_string (value, self->patient); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_BUILTIN: g_value_set_boolean (value, self->builtin); break;
    case PROP_SESSIONS_PER_WEEK: g_value_set_uint (value, self->per_week); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SmRoutine *self = SM_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID: sm_routine_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME: sm_routine_set_name (self, g_value_get_string (value)); break;
    case PROP_PATIENT: sm_routine_set_patient (self, g_value_get_string (value)); break;
    case PROP_NOTES: sm_routine_set_notes (self, g_value_get_string (value)); break;
    case PROP_BUILTIN: sm_routine_set_builtin (self, g_value_get_boolean (value)); break;
    case PROP_SESSIONS_PER_WEEK: sm_routine_set_sessions_per_week (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_finalize (GObject *object)
{
  SmRoutine *self = SM_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->patient);
  g_free (self->notes);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->steps);
  g_clear_object (&self->pain);

  G_OBJECT_CLASS (sm_routine_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static void
sm_routine_class_init (SmRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_routine_finalize;
  object_class->get_property = sm_routine_get_property;
  object_class->set_property = sm_routine_set_property;
  object_class->notify = sm_routine_notify;

  properties[PROP_ID] = string_pspec ("id");
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_PATIENT] = string_pspec ("patient");
  properties[PROP_NOTES] = string_pspec ("notes");
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS_PER_WEEK] =
    g_param_spec_uint ("sessions-per-week", NULL, NULL, 0, SM_ROUTINE_MAX_PER_WEEK, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sm_routine_init (SmRoutine *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->patient = g_strdup ("");
  self->notes = g_strdup ("");
  self->created = now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->steps = g_list_store_new (SM_TYPE_ROUTINE_STEP);
  g_signal_connect_object (self->steps, "items-changed", G_CALLBACK (on_steps_changed),
                           self, G_CONNECT_SWAPPED);
  self->pain = sm_pain_drawing_new ();
  g_signal_connect_object (self->pain, "changed", G_CALLBACK (emit_changed), self,
                           G_CONNECT_SWAPPED);
}
