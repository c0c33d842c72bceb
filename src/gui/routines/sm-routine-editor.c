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
#include "sm-routine-store.h"
#include "sm-routine-undo.h"

/* Edits one routine in place: the fields are bound to the routine, which
 * the store saves by itself a moment after each change. Ctrl+Z and
 * Ctrl+Shift+Z go through the routine's undo history (SmRoutineUndo); the
 * fields' own undo is off so there is one history, not one per field.
 *
 * A long routine would take seconds to show if every step got its row of
 * controls at once: a step row is built when it comes into view (or gets
 * the focus); until then the list holds a cheap placeholder of about the
 * same height. */

/* Up to this many steps every row is built at once. */
#define EAGER_ROWS 20
#define PLACEHOLDER_HEIGHT 232
/* Rows built above and below what is on screen. */
#define MARGIN_PX 400

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
  GtkSpinButton  *routine_per_week_spin;
  GtkTextView    *routine_notes_view;
  GtkWidget      *steps_empty_label;
  GtkListBox     *steps_list;
  GtkButton      *routine_start_button;
  GtkScrolledWindow *routine_scroller;
  GtkLabel       *routine_state_label;

  SmRoutineUndo  *undo;
  SmRoutineStore *store;
  int             row_height;    /* of a built row, for placeholders */
  guint           build_idle;
  guint           reveal_idle;
  double          reveal_from;   /* the scroll position before a move */
  SmRoutineStep  *reveal_step;   /* the moved step, kept in view */
};

enum {
  STEP_REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void on_move (SmRoutineStepRow *row, int delta, SmRoutineEditor *self);
static void on_remove (SmRoutineStepRow *row, SmRoutineEditor *self);

/* Puts the step's row of controls into @list_row in place of the
 * placeholder. */
static SmRoutineStepRow *
build_row (SmRoutineEditor *self,
           GtkListBoxRow   *list_row)
{
  GtkWidget *child = gtk_list_box_row_get_child (list_row);
  SmRoutineStep *step;
  GtkWidget *row;

  if (SM_IS_ROUTINE_STEP_ROW (child))
    return SM_ROUTINE_STEP_ROW (child);

  step = g_object_get_data (G_OBJECT (list_row), "sm-step");
  row = sm_routine_step_row_new (self->routine, step, sm_atlas_get_default ());
  g_signal_connect_object (row, "move", G_CALLBACK (on_move), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_remove), self, 0);
  gtk_list_box_row_set_child (list_row, row);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (list_row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                  -1);
  return SM_ROUTINE_STEP_ROW (row);
}

static SmRoutineStepRow *
row_at (SmRoutineEditor *self,
        guint            index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps_list, index);

  return row != NULL ? build_row (self, row) : NULL;
}

/* Builds the rows on screen and a little around it. Building changes the
 * layout, so this runs again after the next one until nothing is left. */
static gboolean
on_build_visible_idle (gpointer data)
{
  SmRoutineEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->routine_scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->routine_scroller);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0), in_list;
  double top, bottom;
  int index = 0;
  GtkListBoxRow *row;

  self->build_idle = 0;
  if (self->routine == NULL ||
      !gtk_widget_compute_point (content, GTK_WIDGET (self->steps_list), &origin, &in_list))
    return G_SOURCE_REMOVE;

  /* The list's own coordinates of what the scrolled window shows (the
   * viewport's origin is the top of what is visible). */
  top = in_list.y - MARGIN_PX;
  bottom = top + gtk_adjustment_get_page_size (adjustment) + 2 * MARGIN_PX;
  row = gtk_list_box_get_row_at_y (self->steps_list, MAX (top, 0));
  if (row != NULL)
    index = gtk_list_box_row_get_index (row);

  for (; (row = gtk_list_box_get_row_at_index (self->steps_list, index)) != NULL; index++)
    {
      graphene_rect_t bounds;

      /* A row not laid out yet has no place: the layout that gives it one
       * changes the adjustment, which brings this back. */
      if (!gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->steps_list), &bounds) ||
          gtk_widget_get_height (GTK_WIDGET (row)) <= 0 || bounds.origin.y > bottom)
        break;
      if (!SM_IS_ROUTINE_STEP_ROW (gtk_list_box_row_get_child (row)))
        build_row (self, row);
      else if (self->row_height == 0 && bounds.size.height > 0)
        self->row_height = bounds.size.height;
    }
  return G_SOURCE_REMOVE;
}

static void
queue_build_visible (SmRoutineEditor *self)
{
  if (self->build_idle == 0)
    self->build_idle = g_idle_add (on_build_visible_idle, self);
}

/* After a move: the view where it was, then just far enough to show the
 * step that moved (GtkViewport would scroll to its new row before it has
 * a place, which is the top). Runs after the layout. */
static gboolean
on_reveal_idle (gpointer data)
{
  SmRoutineEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->routine_scroller);
  GtkWidget *content = gtk_scrolled_window_get_child (self->routine_scroller);
  g_autoptr(SmRoutineStep) step = g_steal_pointer (&self->reveal_step);
  graphene_rect_t bounds;
  guint index;

  self->reveal_idle = 0;
  if (GTK_IS_VIEWPORT (content))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (content), TRUE);
  if (self->routine == NULL || step == NULL ||
      !g_list_store_find (G_LIST_STORE (sm_routine_get_steps (self->routine)), step, &index))
    return G_SOURCE_REMOVE;

  gtk_adjustment_set_value (adjustment, self->reveal_from);
  if (gtk_widget_compute_bounds (GTK_WIDGET (gtk_list_box_get_row_at_index (self->steps_list, index)),
                                 gtk_widget_get_first_child (content), &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y,
                               bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

static void
keep_in_view (SmRoutineEditor *self,
              SmRoutineStep   *step)
{
  GtkWidget *content = gtk_scrolled_window_get_child (self->routine_scroller);

  if (self->reveal_idle == 0)
    self->reveal_from = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (self->routine_scroller));
  g_set_object (&self->reveal_step, step);
  if (GTK_IS_VIEWPORT (content))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (content), FALSE);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  /* Below GTK's layout (G_PRIORITY_HIGH_IDLE + 10 … + 20). */
  self->reveal_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, on_reveal_idle, self, NULL);
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
   * so pressing it again keeps moving the step, and keep it in view. */
  keep_in_view (self, sm_routine_step_row_get_step (row));
  sm_routine_move_step (self->routine, from, to);
  sm_routine_step_row_focus (row_at (self, to), delta < 0 ? "up" : "down");
}

static void
on_remove (SmRoutineStepRow *row,
           SmRoutineEditor  *self)
{
  guint index = sm_routine_step_row_get_index (row);
  guint n;

  /* Its own change in the history, so the message's Undo takes back just
   * this removal. */
  if (self->undo != NULL)
    sm_routine_undo_close_group (self->undo);
  sm_routine_remove_step (self->routine, index);
  if (self->undo != NULL)
    sm_routine_undo_close_group (self->undo);
  n = sm_routine_get_n_steps (self->routine);
  if (n > 0)
    sm_routine_step_row_focus (row_at (self, MIN (index, n - 1)), NULL);
  g_signal_emit (self, signals[STEP_REMOVED], 0, index + 1,
                 self->undo != NULL ? sm_routine_undo_get_serial (self->undo) : 0);
}

/* A placeholder that gets the keyboard focus (Tab, arrow keys) becomes
 * the real row, with the focus on its first control. */
static void
placeholder_focused (GtkEventControllerFocus *controller,
                     SmRoutineEditor         *self)
{
  GtkWidget *list_row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (!SM_IS_ROUTINE_STEP_ROW (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (list_row))))
    sm_routine_step_row_focus (build_row (self, GTK_LIST_BOX_ROW (list_row)), NULL);
}

/* The list row around a step takes the focus on its own, so it reads as
 * the step ("Step 2 of 4") rather than as an empty list item. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SmRoutineEditor *self = user_data;
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *placeholder = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data_full (G_OBJECT (list_row), "sm-step", g_object_ref (item), g_object_unref);
  gtk_widget_set_size_request (placeholder, -1, self->row_height > 0 ? self->row_height : PLACEHOLDER_HEIGHT);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), placeholder);
  g_signal_connect_object (focus, "enter", G_CALLBACK (placeholder_focused), self, 0);
  gtk_widget_add_controller (list_row, focus);

  if (sm_routine_get_n_steps (self->routine) <= EAGER_ROWS)
    build_row (self, GTK_LIST_BOX_ROW (list_row));
  else
    queue_build_visible (self);
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
                   g_object_ref (g_object_bind_property (self->routine, "sessions-per-week",
                                                         gtk_spin_button_get_adjustment (self->routine_per_week_spin),
                                                         "value", flags)));
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

static void
update_undo_actions (SmRoutineEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 self->undo != NULL && sm_routine_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 self->undo != NULL && sm_routine_undo_get_can_redo (self->undo));
}

/* Whether what is on screen is in the file: the person must be able to
 * see that an edit did not reach the disk before they close the app. */
static void
update_save_state (SmRoutineEditor *self)
{
  gboolean own = self->routine != NULL && !sm_routine_get_builtin (self->routine);
  GtkWidget *label = GTK_WIDGET (self->routine_state_label);

  gtk_widget_set_visible (label, own);
  if (!own)
    return;

  if (sm_routine_store_get_save_failed (self->store, self->routine))
    {
      gtk_label_set_label (self->routine_state_label, _("Not saved"));
      gtk_widget_set_tooltip_text (label, _("The last changes could not be written to the routines folder. They are kept while the app is open."));
      gtk_widget_add_css_class (label, "error");
      gtk_widget_remove_css_class (label, "dim-label");
    }
  else
    {
      gboolean pending = sm_routine_store_has_pending_save (self->store, self->routine);

      gtk_label_set_label (self->routine_state_label, pending ? _("Saving…") : _("Saved"));
      gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

static void
on_save_state_changed (SmRoutineEditor *self,
                       SmRoutine       *routine)
{
  if (routine == self->routine)
    update_save_state (self);
}

/* Before the first edit the store has not heard of it yet. */
static void
on_routine_changed (SmRoutineEditor *self)
{
  update_save_state (self);
}

/* The entries' and the notes' own undo would take Ctrl+Z first and then
 * reach the routine as an edit of its own. */
static void
disable_field_undo (SmRoutineEditor *self)
{
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->routine_name_entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->routine_patient_entry), FALSE);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->routine_notes_view), FALSE);
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
      g_signal_handlers_disconnect_by_data (self->routine, self);
    }
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_data (self->undo, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->reveal_step);
  g_clear_handle_id (&self->build_idle, g_source_remove);
  g_set_object (&self->routine, routine);
  editable = routine != NULL && !sm_routine_get_builtin (routine);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->routine_scroller), 0);
  gtk_list_box_bind_model (self->steps_list, routine ? sm_routine_get_steps (routine) : NULL,
                           routine ? create_row : NULL, self, NULL);
  if (routine != NULL)
    {
      bind_fields (self);
      g_signal_connect_object (sm_routine_get_steps (routine), "items-changed",
                               G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (routine, "changed", G_CALLBACK (on_routine_changed), self,
                               G_CONNECT_SWAPPED);
    }
  if (editable)
    {
      self->undo = sm_routine_undo_new (routine);
      g_signal_connect_object (self->undo, "notify", G_CALLBACK (update_undo_actions), self,
                               G_CONNECT_SWAPPED);
    }
  update_undo_actions (self);
  update_save_state (self);

  /* The target first: an action with an "s" parameter and no target yet
   * is an error GTK reports. */
  if (routine != NULL)
    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->routine_start_button), "s",
                                      sm_routine_get_id (routine));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->routine_start_button),
                                  routine != NULL ? "win.start-session" : NULL);

  gtk_widget_set_visible (self->routine_builtin_box, routine != NULL && !editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->routine_name_entry), editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->routine_patient_entry), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->routine_per_week_spin), editable);
  gtk_text_view_set_editable (self->routine_notes_view, editable);
  update_empty (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUTINE]);
}

/* Undoes the change the message about it offered to undo, if it is still
 * the newest one. */
gboolean
sm_routine_editor_undo_serial (SmRoutineEditor *self,
                               guint            serial)
{
  g_return_val_if_fail (SM_IS_ROUTINE_EDITOR (self), FALSE);

  if (self->undo == NULL || serial == 0 || sm_routine_undo_get_serial (self->undo) != serial)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "editor.undo", NULL);
  return TRUE;
}

static void
replay_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (widget);
  guint step = SM_ROUTINE_UNDO_NO_STEP;
  gboolean done;

  if (self->undo == NULL)
    return;

  done = g_str_equal (name, "editor.undo") ? sm_routine_undo_undo (self->undo, &step)
                                           : sm_routine_undo_redo (self->undo, &step);
  /* The keyboard goes to the step that changed back, wherever it is. */
  if (done && step != SM_ROUTINE_UNDO_NO_STEP)
    {
      SmRoutineStepRow *row = row_at (self, step);

      keep_in_view (self, sm_routine_step_row_get_step (row));
      sm_routine_step_row_focus (row, NULL);
    }
}

static void
sm_routine_editor_dispose (GObject *object)
{
  SmRoutineEditor *self = SM_ROUTINE_EDITOR (object);

  sm_routine_editor_set_routine (self, NULL);
  g_clear_handle_id (&self->build_idle, g_source_remove);
  g_clear_handle_id (&self->reveal_idle, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
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
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_per_week_spin);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_notes_view);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, steps_empty_label);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_start_button);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_scroller);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineEditor, routine_state_label);

  /* ::step-removed (number, serial): the person removed step @number (from
   * 1); undoing history change @serial brings it back. */
  signals[STEP_REMOVED] = g_signal_new ("step-removed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, replay_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, replay_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

/* In the capture phase: a text field's own Ctrl+Z would otherwise take
 * the key first (its undo is off, so the routine's history is the one). */
static void
add_undo_shortcuts (SmRoutineEditor *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control>z", "editor.undo" },
    { "<Control><Shift>z", "editor.redo" },
    { "<Control>y", "editor.redo" },
  };

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
sm_routine_editor_init (SmRoutineEditor *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  disable_field_undo (self);
  add_undo_shortcuts (self);
  self->store = g_object_ref (sm_routine_store_get_default ());
  g_signal_connect_object (self->store, "save-state-changed", G_CALLBACK (on_save_state_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->routine_scroller),
                           "value-changed", G_CALLBACK (queue_build_visible), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->routine_scroller),
                           "changed", G_CALLBACK (queue_build_visible), self, G_CONNECT_SWAPPED);
  update_undo_actions (self);
  /* Announced when it opens: not "GtkPopoverMenu" (GTK 4.8). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (self->routine_menu_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("More for this routine"), -1);
}
