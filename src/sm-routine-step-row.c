/* sm-routine-step-row.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-routine-step-row.h"
#include "sm-session.h"

/* One step of a routine in the editor: every field of the step bound both
 * ways to a control, its number, buttons to move it for keyboard users and
 * drag and drop for everyone else. Moving and removing are left to the
 * editor (signals), which knows where the focus must go afterwards. */

struct _SmRoutineStepRow
{
  GtkWidget      parent_instance;

  SmRoutine     *routine;
  SmRoutineStep *step;
  char         **zone_ids;
  char         **tool_ids;
  char         **technique_ids;

  GtkWidget     *step_grid;
  GtkLabel      *step_number_label;
  GtkDropDown   *step_zone_dropdown;
  GtkDropDown   *step_side_dropdown;
  GtkDropDown   *step_tool_dropdown;
  GtkDropDown   *step_technique_dropdown;
  GtkAdjustment *step_hold_adjustment;
  GtkAdjustment *step_reps_adjustment;
  GtkAdjustment *step_rest_adjustment;
  GtkEntry      *step_note_entry;
  GtkWidget     *step_up_button;
  GtkWidget     *step_down_button;
  GtkWidget     *step_remove_button;
};

G_DEFINE_FINAL_TYPE (SmRoutineStepRow, sm_routine_step_row, GTK_TYPE_WIDGET)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const side_ids[] = { "left", "right", "both", NULL };

SmRoutineStep *
sm_routine_step_row_get_step (SmRoutineStepRow *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE_STEP_ROW (self), NULL);

  return self->step;
}

guint
sm_routine_step_row_get_index (SmRoutineStepRow *self)
{
  guint position = 0;

  g_return_val_if_fail (SM_IS_ROUTINE_STEP_ROW (self), 0);

  g_list_store_find (G_LIST_STORE (sm_routine_get_steps (self->routine)), self->step, &position);
  return position;
}

/* Gives the keyboard focus back after the row was rebuilt: @what is
 * "up", "down" or NULL for the row's first control. */
void
sm_routine_step_row_focus (SmRoutineStepRow *self,
                           const char       *what)
{
  GtkWidget *target = GTK_WIDGET (self->step_zone_dropdown);

  if (g_strcmp0 (what, "up") == 0 && gtk_widget_is_sensitive (self->step_up_button))
    target = self->step_up_button;
  else if (g_strcmp0 (what, "down") == 0 && gtk_widget_is_sensitive (self->step_down_button))
    target = self->step_down_button;

  gtk_widget_grab_focus (target);
}

static gboolean
id_to_position (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      ids)
{
  const char *id = g_value_get_string (from);

  for (guint i = 0; ((char **) ids)[i] != NULL; i++)
    if (g_strcmp0 (((char **) ids)[i], id) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }

  g_value_set_uint (to, GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static gboolean
position_to_id (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      ids)
{
  guint position = g_value_get_uint (from);

  if (position >= g_strv_length (ids))
    return FALSE;

  g_value_set_string (to, ((char **) ids)[position]);
  return TRUE;
}

static void
bind_choice (SmRoutineStepRow *self,
             const char       *property,
             GtkDropDown      *dropdown,
             char            **ids)
{
  g_object_bind_property_full (self->step, property, dropdown, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               id_to_position, position_to_id, ids, NULL);
}

/* Fills @dropdown with the names of @model's content items (zones, tools,
 * techniques) and returns their ids in the same order. */
static char **
fill_dropdown (GtkDropDown *dropdown,
               GListModel  *model)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      /* Content items name their properties after their JSON keys. */
      g_object_get (item, "id", &id, "name", &name, NULL);
      gtk_string_list_append (names, name);
      g_strv_builder_add (ids, id);
    }

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (names));
  return g_strv_builder_end (ids);
}

static void
update_number (SmRoutineStepRow *self)
{
  guint index = sm_routine_step_row_get_index (self);
  guint n = sm_routine_get_n_steps (self->routine);
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  g_autofree char *label = sm_format_step_of (index + 1, n);

  gtk_label_set_label (self->step_number_label, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-up", index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "step.move-down", index + 1 < n);
}

static GdkContentProvider *
drag_prepare (GtkDragSource    *source,
              double            x,
              double            y,
              SmRoutineStepRow *self)
{
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, icon, x, y);
  return gdk_content_provider_new_typed (SM_TYPE_ROUTINE_STEP, self->step);
}

static gboolean
drop (GtkDropTarget    *target,
      const GValue     *value,
      double            x,
      double            y,
      SmRoutineStepRow *self)
{
  SmRoutineStep *dropped = g_value_get_object (value);
  guint from;

  if (dropped == self->step ||
      !g_list_store_find (G_LIST_STORE (sm_routine_get_steps (self->routine)), dropped, &from))
    return FALSE;

  sm_routine_move_step (self->routine, from, sm_routine_step_row_get_index (self));
  return TRUE;
}

static void
setup_drag_and_drop (SmRoutineStepRow *self)
{
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (SM_TYPE_ROUTINE_STEP, GDK_ACTION_MOVE);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  g_signal_connect (target, "drop", G_CALLBACK (drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
bind_fields (SmRoutineStepRow *self,
             SmAtlas          *atlas)
{
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  self->zone_ids = fill_dropdown (self->step_zone_dropdown, sm_atlas_get_zones (atlas));
  self->tool_ids = fill_dropdown (self->step_tool_dropdown, sm_atlas_get_tools (atlas));
  self->technique_ids = fill_dropdown (self->step_technique_dropdown, sm_atlas_get_techniques (atlas));

  bind_choice (self, "zone", self->step_zone_dropdown, self->zone_ids);
  bind_choice (self, "side", self->step_side_dropdown, (char **) side_ids);
  bind_choice (self, "tool", self->step_tool_dropdown, self->tool_ids);
  bind_choice (self, "technique", self->step_technique_dropdown, self->technique_ids);
  g_object_bind_property (self->step, "hold-seconds", self->step_hold_adjustment, "value", flags);
  g_object_bind_property (self->step, "repetitions", self->step_reps_adjustment, "value", flags);
  g_object_bind_property (self->step, "rest-seconds", self->step_rest_adjustment, "value", flags);
  g_object_bind_property (self->step, "note", self->step_note_entry, "text", flags);
}

/* GTK 4.8 leaves the button inside a GtkDropDown, the part that takes the
 * focus, without a name: a screen reader would say only "toggle button".
 * It takes the drop-down's ("Muscle", "Tool"…). */
static void
name_dropdown_button (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, dropdown, NULL,
                                      -1);
}

GtkWidget *
sm_routine_step_row_new (SmRoutine     *routine,
                         SmRoutineStep *step,
                         SmAtlas       *atlas)
{
  SmRoutineStepRow *self = g_object_new (SM_TYPE_ROUTINE_STEP_ROW, NULL);
  gboolean editable = !sm_routine_get_builtin (routine);

  self->routine = g_object_ref (routine);
  self->step = g_object_ref (step);
  bind_fields (self, atlas);

  /* Built-in routines are shown, not changed: duplicate to edit. */
  gtk_widget_set_sensitive (self->step_grid, editable);
  gtk_widget_set_visible (gtk_widget_get_parent (self->step_up_button), editable);
  if (editable)
    setup_drag_and_drop (self);

  g_signal_connect_object (sm_routine_get_steps (routine), "items-changed",
                           G_CALLBACK (update_number), self, G_CONNECT_SWAPPED);
  update_number (self);
  return GTK_WIDGET (self);
}

static void
move_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[MOVE], 0, g_str_equal (name, "step.move-up") ? -1 : 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REMOVE], 0);
}

static void
sm_routine_step_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_ROUTINE_STEP_ROW);

  G_OBJECT_CLASS (sm_routine_step_row_parent_class)->dispose (object);
}

static void
sm_routine_step_row_finalize (GObject *object)
{
  SmRoutineStepRow *self = SM_ROUTINE_STEP_ROW (object);

  g_clear_object (&self->routine);
  g_clear_object (&self->step);
  g_strfreev (self->zone_ids);
  g_strfreev (self->tool_ids);
  g_strfreev (self->technique_ids);

  G_OBJECT_CLASS (sm_routine_step_row_parent_class)->finalize (object);
}

static void
sm_routine_step_row_class_init (SmRoutineStepRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_routine_step_row_dispose;
  object_class->finalize = sm_routine_step_row_finalize;

  /* ::move (delta): the person asked to move the step up (-1) or down (1). */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-routine-step-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_grid);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_number_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_zone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_side_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_tool_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_technique_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_hold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_reps_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_rest_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_note_entry);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_up_button);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_down_button);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_remove_button);

  gtk_widget_class_install_action (widget_class, "step.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "step.remove", NULL, remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_routine_step_row_init (SmRoutineStepRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  name_dropdown_button (self->step_zone_dropdown);
  name_dropdown_button (self->step_side_dropdown);
  name_dropdown_button (self->step_tool_dropdown);
  name_dropdown_button (self->step_technique_dropdown);
}
