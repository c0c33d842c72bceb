/* sm-routine-undo.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-undo"

#include "config.h"

#include "sm-routine-undo.h"

/* The undo history of one routine in the editor. It does not need the
 * editor to report anything: it watches the routine's name, patient and
 * notes, every field of every step and the list of steps itself, and keeps
 * a shadow copy of each so it knows the value from before a change.
 *
 * Everything that changes within one turn of the main loop is one group,
 * so a move (a removal and an insertion) is undone in one go; typing into
 * one field is one group while the person keeps typing. */

#define MERGE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

typedef enum
{
  RECORD_SET,
  RECORD_SPLICE,
} RecordKind;

typedef struct
{
  RecordKind  kind;
  /* RECORD_SET */
  GObject    *object;
  const char *property;   /* interned */
  GValue      old_value;
  GValue      new_value;
  /* RECORD_SPLICE */
  guint       position;
  GPtrArray  *removed;    /* SmRoutineStep* */
  GPtrArray  *added;
} Record;

typedef struct
{
  GPtrArray *records;
  guint      serial;
  gint64     time;
} Group;

struct _SmRoutineUndo
{
  GObject     parent_instance;

  SmRoutine  *routine;
  GPtrArray  *steps;      /* the list as last seen */
  GHashTable *shadows;    /* watched object → copy with the values before */
  GQueue      undo;       /* Group*, newest first */
  GQueue      redo;
  Group      *open;       /* the group this turn of the main loop adds to */
  Group      *mergeable;  /* a group of one field edit that typing may extend */
  guint       close_idle;
  guint       serial;
  gboolean    applying;
};

G_DEFINE_FINAL_TYPE (SmRoutineUndo, sm_routine_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const routine_fields[] = { "name", "patient", "notes", NULL };

static void
record_free (Record *record)
{
  g_clear_object (&record->object);
  if (G_IS_VALUE (&record->old_value))
    g_value_unset (&record->old_value);
  if (G_IS_VALUE (&record->new_value))
    g_value_unset (&record->new_value);
  g_clear_pointer (&record->removed, g_ptr_array_unref);
  g_clear_pointer (&record->added, g_ptr_array_unref);
  g_free (record);
}

static void
group_free (Group *group)
{
  g_ptr_array_unref (group->records);
  g_free (group);
}

static void
notify_can (SmRoutineUndo *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static gboolean
on_close_idle (gpointer data)
{
  SmRoutineUndo *self = data;

  self->close_idle = 0;
  sm_routine_undo_close_group (self);
  return G_SOURCE_REMOVE;
}

/* Ends the group that is being filled, so the next change starts its own:
 * the editor calls it before it offers to undo one particular change. */
void
sm_routine_undo_close_group (SmRoutineUndo *self)
{
  g_return_if_fail (SM_IS_ROUTINE_UNDO (self));

  g_clear_handle_id (&self->close_idle, g_source_remove);
  if (self->open == NULL)
    return;

  if (self->open->records->len == 1 &&
      ((Record *) self->open->records->pdata[0])->kind == RECORD_SET)
    self->mergeable = self->open;
  self->open = NULL;
}

static Group *
open_group (SmRoutineUndo *self)
{
  if (self->open == NULL)
    {
      Group *group = g_new0 (Group, 1);

      group->records = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
      group->serial = ++self->serial;
      g_queue_push_head (&self->undo, group);
      self->open = group;
      self->close_idle = g_idle_add (on_close_idle, self);
    }

  /* Something new to undo: what was undone cannot be redone any more. */
  g_queue_clear_full (&self->redo, (GDestroyNotify) group_free);
  self->mergeable = NULL;
  return self->open;
}

/* Typing: a field changed again, soon after the last change, and nothing
 * else happened in between. */
static gboolean
merge_set (SmRoutineUndo *self,
           GObject       *object,
           const char    *property,
           const GValue  *new_value)
{
  Group *group = self->mergeable;
  Record *record;
  gint64 now = g_get_monotonic_time ();

  if (self->open != NULL || group == NULL || group != g_queue_peek_head (&self->undo) ||
      now - group->time > MERGE_USEC)
    return FALSE;

  record = group->records->pdata[0];
  if (record->object != object || record->property != property)
    return FALSE;

  g_value_copy (new_value, &record->new_value);
  group->time = now;
  return TRUE;
}

static void
record_set (SmRoutineUndo *self,
            GObject       *object,
            const char    *property,
            const GValue  *old_value,
            const GValue  *new_value)
{
  Record *record;
  Group *group;

  if (merge_set (self, object, property, new_value))
    return;

  /* Several key presses handled in one turn of the main loop. */
  if (self->open != NULL && self->open->records->len > 0)
    {
      record = g_ptr_array_index (self->open->records, self->open->records->len - 1);
      if (record->kind == RECORD_SET && record->object == object && record->property == property)
        {
          g_value_copy (new_value, &record->new_value);
          return;
        }
    }

  group = open_group (self);
  record = g_new0 (Record, 1);
  record->kind = RECORD_SET;
  record->object = g_object_ref (object);
  record->property = property;
  g_value_init (&record->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &record->old_value);
  g_value_init (&record->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &record->new_value);
  g_ptr_array_add (group->records, record);
  group->time = g_get_monotonic_time ();
  notify_can (self);
}

static gboolean
is_watched (GObject    *object,
            const char *property)
{
  return SM_IS_ROUTINE_STEP (object) || g_strv_contains (routine_fields, property);
}

static void
on_notify (GObject       *object,
           GParamSpec    *pspec,
           SmRoutineUndo *self)
{
  GObject *shadow = g_hash_table_lookup (self->shadows, object);
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;

  if (shadow == NULL || !is_watched (object, pspec->name) || !(pspec->flags & G_PARAM_WRITABLE))
    return;

  g_value_init (&old_value, pspec->value_type);
  g_value_init (&new_value, pspec->value_type);
  g_object_get_property (shadow, pspec->name, &old_value);
  g_object_get_property (object, pspec->name, &new_value);
  if (g_param_values_cmp (pspec, &old_value, &new_value) == 0)
    return;

  g_object_set_property (shadow, pspec->name, &new_value);
  if (!self->applying)
    record_set (self, object, g_intern_string (pspec->name), &old_value, &new_value);
}

static void
watch_step (SmRoutineUndo *self,
            SmRoutineStep *step)
{
  g_hash_table_replace (self->shadows, g_object_ref (step), sm_routine_step_copy (step));
  g_signal_connect_object (step, "notify", G_CALLBACK (on_notify), self, 0);
}

static void
unwatch_step (SmRoutineUndo *self,
              SmRoutineStep *step)
{
  g_signal_handlers_disconnect_by_func (step, on_notify, self);
  g_hash_table_remove (self->shadows, step);
}

static GPtrArray *
steps_of (GListModel *model,
          guint       position,
          guint       n)
{
  GPtrArray *steps = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (steps, g_list_model_get_item (model, position + i));
  return steps;
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  SmRoutineUndo *self)
{
  g_autoptr(GPtrArray) gone = g_ptr_array_new_full (removed, g_object_unref);
  g_autoptr(GPtrArray) come = steps_of (model, position, added);
  Record *record;

  for (guint i = 0; i < removed; i++)
    g_ptr_array_add (gone, g_object_ref (self->steps->pdata[position + i]));
  for (guint i = 0; i < removed; i++)
    unwatch_step (self, gone->pdata[i]);
  g_ptr_array_remove_range (self->steps, position, removed);
  for (guint i = 0; i < added; i++)
    {
      g_ptr_array_insert (self->steps, position + i, g_object_ref (come->pdata[i]));
      watch_step (self, come->pdata[i]);
    }

  if (self->applying)
    return;

  record = g_new0 (Record, 1);
  record->kind = RECORD_SPLICE;
  record->position = position;
  record->removed = g_steal_pointer (&gone);
  record->added = g_steal_pointer (&come);
  g_ptr_array_add (open_group (self)->records, record);
  notify_can (self);
}

SmRoutineUndo *
sm_routine_undo_new (SmRoutine *routine)
{
  SmRoutineUndo *self;
  GListModel *steps;
  SmRoutine *shadow;

  g_return_val_if_fail (SM_IS_ROUTINE (routine), NULL);

  self = g_object_new (SM_TYPE_ROUTINE_UNDO, NULL);
  self->routine = g_object_ref (routine);

  shadow = sm_routine_new (sm_routine_get_name (routine));
  sm_routine_set_patient (shadow, sm_routine_get_patient (routine));
  sm_routine_set_notes (shadow, sm_routine_get_notes (routine));
  g_hash_table_insert (self->shadows, g_object_ref (routine), shadow);
  g_signal_connect_object (routine, "notify", G_CALLBACK (on_notify), self, 0);

  steps = sm_routine_get_steps (routine);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      SmRoutineStep *step = g_list_model_get_item (steps, i);

      g_ptr_array_add (self->steps, step);
      watch_step (self, step);
    }
  g_signal_connect_object (steps, "items-changed", G_CALLBACK (on_items_changed), self, 0);

  return self;
}

SmRoutine *
sm_routine_undo_get_routine (SmRoutineUndo *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), NULL);

  return self->routine;
}

gboolean
sm_routine_undo_get_can_undo (SmRoutineUndo *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), FALSE);

  return self->undo.length > 0;
}

gboolean
sm_routine_undo_get_can_redo (SmRoutineUndo *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), FALSE);

  return self->redo.length > 0;
}

/* The number of the newest change that can be undone (0: none). A message
 * that offers to undo one change keeps it to see that it still is. */
guint
sm_routine_undo_get_serial (SmRoutineUndo *self)
{
  Group *group;

  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), 0);

  group = g_queue_peek_head (&self->undo);
  return group != NULL ? group->serial : 0;
}

static guint
index_of (SmRoutineUndo *self,
          GObject       *object)
{
  guint position;

  if (SM_IS_ROUTINE_STEP (object) && g_ptr_array_find (self->steps, object, &position))
    return position;
  return SM_ROUTINE_UNDO_NO_STEP;
}

/* Applies one record backwards or forwards; returns the step it touched. */
static guint
apply (SmRoutineUndo *self,
       Record        *record,
       gboolean       backwards)
{
  GListStore *store = G_LIST_STORE (sm_routine_get_steps (self->routine));
  GPtrArray *out = backwards ? record->added : record->removed;
  GPtrArray *in = backwards ? record->removed : record->added;
  guint n;

  if (record->kind == RECORD_SET)
    {
      g_object_set_property (record->object, record->property,
                             backwards ? &record->old_value : &record->new_value);
      return index_of (self, record->object);
    }

  g_list_store_splice (store, record->position, out->len, in->pdata, in->len);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  return n > 0 ? MIN (record->position, n - 1) : SM_ROUTINE_UNDO_NO_STEP;
}

static gboolean
replay (SmRoutineUndo *self,
        GQueue        *from,
        GQueue        *to,
        gboolean       backwards,
        guint         *step)
{
  Group *group;
  guint touched = SM_ROUTINE_UNDO_NO_STEP;

  sm_routine_undo_close_group (self);
  group = g_queue_pop_head (from);
  if (group == NULL)
    return FALSE;

  self->applying = TRUE;
  for (guint i = 0; i < group->records->len; i++)
    {
      guint k = backwards ? group->records->len - 1 - i : i;

      touched = apply (self, group->records->pdata[k], backwards);
    }
  self->applying = FALSE;

  g_queue_push_head (to, group);
  self->mergeable = NULL;
  if (step != NULL)
    *step = touched;
  notify_can (self);
  return TRUE;
}

/* Takes back the newest group of changes. @step: (out) (optional): the
 * index of the step it changed, or SM_ROUTINE_UNDO_NO_STEP. */
gboolean
sm_routine_undo_undo (SmRoutineUndo *self,
                      guint         *step)
{
  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), FALSE);

  return replay (self, &self->undo, &self->redo, TRUE, step);
}

gboolean
sm_routine_undo_redo (SmRoutineUndo *self,
                      guint         *step)
{
  g_return_val_if_fail (SM_IS_ROUTINE_UNDO (self), FALSE);

  return replay (self, &self->redo, &self->undo, FALSE, step);
}

static void
sm_routine_undo_dispose (GObject *object)
{
  SmRoutineUndo *self = SM_ROUTINE_UNDO (object);

  g_clear_handle_id (&self->close_idle, g_source_remove);
  if (self->routine != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->routine, self);
      g_signal_handlers_disconnect_by_data (sm_routine_get_steps (self->routine), self);
      for (guint i = 0; i < self->steps->len; i++)
        g_signal_handlers_disconnect_by_data (self->steps->pdata[i], self);
    }
  self->open = self->mergeable = NULL;
  g_queue_clear_full (&self->undo, (GDestroyNotify) group_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) group_free);
  g_hash_table_remove_all (self->shadows);
  g_ptr_array_set_size (self->steps, 0);
  g_clear_object (&self->routine);

  G_OBJECT_CLASS (sm_routine_undo_parent_class)->dispose (object);
}

static void
sm_routine_undo_finalize (GObject *object)
{
  SmRoutineUndo *self = SM_ROUTINE_UNDO (object);

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->shadows, g_hash_table_unref);

  G_OBJECT_CLASS (sm_routine_undo_parent_class)->finalize (object);
}

static void
sm_routine_undo_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmRoutineUndo *self = SM_ROUTINE_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sm_routine_undo_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, sm_routine_undo_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_undo_class_init (SmRoutineUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_routine_undo_dispose;
  object_class->finalize = sm_routine_undo_finalize;
  object_class->get_property = sm_routine_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_routine_undo_init (SmRoutineUndo *self)
{
  self->steps = g_ptr_array_new_with_free_func (g_object_unref);
  self->shadows = g_hash_table_new_full (NULL, NULL, g_object_unref, g_object_unref);
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}
