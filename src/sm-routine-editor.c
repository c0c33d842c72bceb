/* sm-routine-editor.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-editor.h"
#include "sm-routine-step-row.h"

/* Edits one routine in place: the fields are bound to the routine, which
 * the store saves by itself a moment after each change. */

struct _SmRoutineEditor
{
  GtkWidget       parent_instance;

  SmRoutine      *routine;
  GPtrArray      *bindings;   /* GBinding*, to the current routine */

  GtkWidget      *routine_box;
  GtkLabel       *routine_title_label;
  GtkMenuButton  *routine_menu_button;
  GtkWidget      *routine_builtin_box;
  GtkEntry       *routine_name_entry;
  GtkEntry       *routine_patient_entry;
  GtkTextView    *routine_notes_view;
  GtkWidget      *steps_empty_label;
  GtkListBox     *steps_list;
  GtkButton      *routine_start_button;
};

G_DEFINE_FINAL_TYPE (SmRoutineEditor, sm_routine_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ROUTINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SmRoutine *
sm_routine_editor_get_routine (SmRoutineEditor *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_EDITOR (self), NULL);

  return self->routine;
}

void
sm_routine_editor_focus_name (SmRoutineEditor *self)
{
  g_return_if_fail (SM_IS_ROUTINE_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->routine_name_entry));
}

static SmRoutineStepRow *
row_at (SmRoutineEditor *self,
        guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, index);

  return row != NULL ? SM_ROUTINE_STEP_ROW (gtk_list_box_row_get_child (row)) : NULL;
}

static void
on_move (SmRoutineStepRow *row,
         int               delta,
         SmRoutineEditor  *self)
{
  guint from = sm_routine_step_row_get_index (row);
  guint to = from + delta;

  if ((delta < 0 && from == 0) || to >= sm_routine_get_n_steps (self->routine))
    return;

  /* The row is rebuilt at its new place: keep the focus on the same button
   * so pressing it again keeps moving the step. */
  sm_routine_move_step (self->routine, from, to);
  sm_routine_step_row_focus (row_at (self, to), delta < 0 ? "up" : "down");
}

static void
on_remove (SmRoutineStepRow *row,
           SmRoutineEditor  *self)
{
  guint index = sm_routine_step_row_get_index (row);
  guint n;

  sm_routine_remove_step (self->routine, index);
  n = sm_routine_get_n_steps (self->routine);
  if (n > 0)
    sm_routine_step_row_focus (row_at (self, MIN (index, n - 1)), NULL);
}

/* The list row around a step takes the focus on its own, so it reads as
 * the step ("Step 2 of 4") rather than as an empty list item. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SmRoutineEditor *self = user_data;
  GtkWidget *row = sm_routine_step_row_new (self->routine, item, sm_atlas_get_default ());
  GtkWidget *list_row = gtk_list_box_row_new ();

  g_signal_connect_object (row, "move", G_CALLBACK (on_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_remove), self, 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list_row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  return list_row;
}

/* After "Add to Routine": the keyboard goes to the step just added. */
void
sm_routine_editor_focus_last_step (SmRoutineEditor *self)
{
  guint n;

  g_return_if_fail (SM_IS_ROUTINE_EDITOR (self));

  n = self->routine != NULL ? sm_routine_get_n_steps (self->routine) : 0;
  if (n > 0)
    sm_routine_step_row_focus (row_at (self, n - 1), NULL);
}

static void
update_empty (SmRoutineEditor *self)
{
  gboolean empty = self->routine == NULL || sm_routine_get_n_steps (self->routine) == 0;

  gtk_widget_set_visible (self->steps_empty_label, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), !empty);
}

/* An empty name would make a file nobody can open again; keep the last one
 * while the person retypes it. */
static gboolean
text_to_name (GBinding     *binding,
              const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (stripped[0] == '\0')
    return FALSE;

  g_value_set_string (to, text);
  return TRUE;
}

static void
bind_fields (SmRoutineEditor *self)
{
  GtkTextBuffer *notes = gtk_text_view_get_buffer (self->routine_notes_view);
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  /* The array holds a reference of its own so unbinding is always safe. */
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property_full (self->routine, "name",
                                                              self->routine_name_entry, "text", flags,
                                                              NULL, text_to_name, NULL, NULL)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->routine, "name", self->routine_title_label,
                                                         "label", G_BINDING_SYNC_CREATE)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->routine, "patient",
                                                         self->routine_patient_entry, "text", flags)));
  g_ptr_array_add (self->bindings,
                   g_object_ref (g_object_bind_property (self->routine, "notes", notes, "text",
                                                         flags)));
}

static void
unbind_fields (SmRoutineEditor *self)
{
  for (guint i = 0; i < self->bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (self->bindings, i));
  g_ptr_array_set_size (self->bindings, 0);
}

void
sm_routine_editor_set_routine (SmRoutineEditor *self,
                               SmRoutine       *routine)
{
  gboolean editable;

  g_return_if_fail (SM_IS_ROUTINE_EDITOR (self));

  if (self->routine == routine)
    return;

  if (self->routine != NULL)
    {
      unbind_fields (self);
      g_signal_handlers_disconnect_by_data (sm_routine_get_steps (self->routine), self);
    }
  g_set_object (&self->routine, routine);

  gtk_list_box_bind_model (self->steps_list, routine ? sm_routine_get_steps (routine) : NULL,
                           routine ? create_row : NULL, self, NULL);
  if (routine != NULL)
    {
      bind_fields (self);
      g_signal_connect_object (sm_routine_get_steps (routine), "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
    }

  /* The target first: an action with an "s" parameter and no target yet
   * is an error GTK reports. */
  if (routine != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->routine_start_button), "s",
                                      sm_routine_get_id (routine));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->routine_start_button),
                                  routine != NULL ? "win.start-session" : NULL);

  editable = routine != NULL && !sm_routine_get_builtin (routine);
  gtk_widget_set_visible (self->routine_builtin_box, routine != NULL && !editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->routine_name_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->routine_patient_entry), editable);
  gtk_text_view_set_editable (self->routine_notes_view, editable);
  update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

static void
sm_routine_editor_dispose (GObject *object)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (object);

  sm_routine_editor_set_routine (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_ROUTINE_EDITOR);

  G_OBJECT_CLASS (sm_routine_editor_parent_class)->dispose (object);
}

static void
sm_routine_editor_finalize (GObject *object)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_routine_editor_parent_class)->finalize (object);
}

static void
sm_routine_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      g_value_set_object (value, self->routine);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_ROUTINE:
      sm_routine_editor_set_routine (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_editor_class_init (SmRoutineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_routine_editor_dispose;
  object_class->finalize = sm_routine_editor_finalize;
  object_class->get_property = sm_routine_editor_get_property;
  object_class->set_property = sm_routine_editor_set_property;

  properties[PROP_ROUTINE] =
    g_param_spec_object ("routine", NULL, NULL, SM_TYPE_ROUTINE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-routine-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_box);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_title_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_builtin_box);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_patient_entry);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_notes_view);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, steps_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_start_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sm_routine_editor_init (SmRoutineEditor *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Announced when it opens: not "GtkPopoverMenu" (GTK 4.8). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (self->routine_menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More for this routine"), -1);
}
