/* sm-routine-step-row.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-step-row"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
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
  struct _Choices *choices[2];   /* shown in the tool and technique lists */
  gboolean       expanded[2];    /* the person chose "Other…" */
  gboolean       syncing;

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
  GtkWidget     *step_hold_spin;
  GtkWidget     *step_reps_spin;
  GtkWidget     *step_rest_spin;
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

/* --- Choices ------------------------------------------------------------- */

/* One model per list, shared by every row, so a long routine does not
 * build the same lists a thousand times. */

typedef struct _Choices
{
  GtkStringList *names;
  char         **ids;    /* NULL where the entry is "Other…" */
  guint          n_ids;
} Choices;

static Choices *
choices_new (void)
{
  Choices *choices = g_new0 (Choices, 1);

  choices->names = gtk_string_list_new (NULL);
  return choices;
}

static void
choices_add (Choices    *choices,
             GStrvBuilder *ids,
             const char *id,
             const char *name)
{
  gtk_string_list_append (choices->names, name);
  g_strv_builder_add (ids, id);
  choices->n_ids++;
}

static guint
choices_find (Choices    *choices,
              const char *id)
{
  for (guint i = 0; i < choices->n_ids; i++)
    if (choices->ids[i] != NULL && g_strcmp0 (choices->ids[i], id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static GHashTable *
choices_cache (void)
{
  static GHashTable *cache;

  /* Lives as long as the process: the atlas behind it never changes. */
  if (cache == NULL)
    cache = g_hash_table_new (g_str_hash, g_str_equal);
  return cache;
}

/* Every content item of @model (zones, tools, techniques), by name. */
static Choices *
all_choices (const char *key,
             GListModel *model)
{
  Choices *choices = g_hash_table_lookup (choices_cache (), key);
  g_autoptr(GStrvBuilder) ids = NULL;

  if (choices != NULL)
    return choices;

  choices = choices_new ();
  ids = g_strv_builder_new ();
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      /* Content items name their properties after their JSON keys. */
      g_object_get (item, "id", &id, "name", &name, NULL);
      choices_add (choices, ids, id, name);
    }
  choices->ids = g_strv_builder_end (ids);
  g_hash_table_insert (choices_cache (), g_strdup (key), choices);
  return choices;
}

typedef enum
{
  KIND_TOOL,
  KIND_TECHNIQUE,
} Kind;

/* The zone's own tools (or techniques), in the atlas's order. */
static GStrv
own_ids (SmZone *zone,
         Kind    kind)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (zone == NULL)
    return g_strv_builder_end (ids);

  if (kind == KIND_TECHNIQUE)
    {
      if (sm_zone_get_techniques (zone) != NULL)
        g_strv_builder_addv (ids, (const char **) sm_zone_get_techniques (zone));
      return g_strv_builder_end (ids);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sm_zone_get_tool_uses (zone)); i++)
    {
      g_autoptr(SmToolUse) use = g_list_model_get_item (sm_zone_get_tool_uses (zone), i);

      g_strv_builder_add (ids, sm_tool_use_get_tool_id (use));
    }
  return g_strv_builder_end (ids);
}

static const char *
item_name (Kind        kind,
           const char *id)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  SmTool *tool = kind == KIND_TOOL ? sm_atlas_lookup_tool (atlas, id) : NULL;
  SmTechnique *technique = kind == KIND_TECHNIQUE ? sm_atlas_lookup_technique (atlas, id) : NULL;

  if (tool != NULL)
    return sm_tool_get_name (tool);
  return technique != NULL ? sm_technique_get_name (technique) : id;
}

static char *
other_name (Kind        kind,
            const char *name)
{
  if (kind == KIND_TOOL)
    /* Translators: in a step's tool list, a tool the muscle's own
     * instructions do not use, e.g. "Psoas release tool (other tool)" */
    return g_strdup_printf (_("%s (other tool)"), name);
  /* Translators: in a step's technique list, a technique not listed for
   * the muscle, e.g. "Cupping (other technique)" */
  return g_strdup_printf (_("%s (other technique)"), name);
}

/* For one zone: its own tools (techniques) and then either an "Other…"
 * entry (@expanded FALSE) or every other one, marked as such. */
static Choices *
zone_choices (const char *zone_id,
              Kind        kind,
              gboolean    expanded)
{
  g_autofree char *key = g_strdup_printf ("%s:%s:%d", kind == KIND_TOOL ? "tool" : "technique",
                                          zone_id, expanded);
  Choices *choices = g_hash_table_lookup (choices_cache (), key);
  SmAtlas *atlas = sm_atlas_get_default ();
  g_auto(GStrv) own = NULL;
  g_autoptr(GStrvBuilder) ids = NULL;
  Choices *all;

  if (choices != NULL)
    return choices;

  own = own_ids (sm_atlas_lookup_zone (atlas, zone_id), kind);
  all = kind == KIND_TOOL ? all_choices ("tools", sm_atlas_get_tools (atlas))
                          : all_choices ("techniques", sm_atlas_get_techniques (atlas));
  choices = choices_new ();
  ids = g_strv_builder_new ();
  for (guint i = 0; own[i] != NULL; i++)
    choices_add (choices, ids, own[i], item_name (kind, own[i]));

  for (guint i = 0; expanded && i < all->n_ids; i++)
    if (!g_strv_contains ((const char * const *) own, all->ids[i]))
      {
        g_autofree char *name = other_name (kind, item_name (kind, all->ids[i]));

        choices_add (choices, ids, all->ids[i], name);
      }
  choices->ids = g_strv_builder_end (ids);
  if (!expanded)
    {
      /* The last entry; its id stays NULL (the array ends there). */
      gtk_string_list_append (choices->names, kind == KIND_TOOL ? _("Other tool…")
                                                                : _("Other technique…"));
      choices->n_ids++;
    }
  g_hash_table_insert (choices_cache (), g_strdup (key), choices);
  return choices;
}

static GtkDropDown *
kind_dropdown (SmRoutineStepRow *self,
               Kind              kind)
{
  return kind == KIND_TOOL ? self->step_tool_dropdown : self->step_technique_dropdown;
}

static const char *
kind_value (SmRoutineStepRow *self,
            Kind              kind)
{
  return kind == KIND_TOOL ? sm_routine_step_get_tool (self->step)
                           : sm_routine_step_get_technique (self->step);
}

/* Shows the list that fits the step's zone and choice: the long one once
 * the person asked for "Other…" or when the step already has another. */
static void
sync_choice (SmRoutineStepRow *self,
             Kind              kind)
{
  const char *zone = sm_routine_step_get_zone (self->step);
  const char *value = kind_value (self, kind);
  GtkDropDown *dropdown = kind_dropdown (self, kind);
  Choices *choices = zone_choices (zone, kind, FALSE);

  if (self->expanded[kind] || (value[0] != '\0' && choices_find (choices, value) == GTK_INVALID_LIST_POSITION))
    choices = zone_choices (zone, kind, TRUE);

  self->syncing = TRUE;
  self->choices[kind] = choices;
  if (gtk_drop_down_get_model (dropdown) != G_LIST_MODEL (choices->names))
    gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices->names));
  gtk_drop_down_set_selected (dropdown, choices_find (choices, value));
  self->syncing = FALSE;
}

static gboolean
list_is_open (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child) && gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (child)))
      return TRUE;
  return FALSE;
}

static gboolean
on_expand_timeout (gpointer data)
{
  GtkWidget *row = gtk_widget_get_ancestor (data, SM_TYPE_ROUTINE_STEP_ROW);

  if (row == NULL)
    return G_SOURCE_REMOVE;
  /* The list the person chose "Other…" in is still closing: opening now
   * would only toggle it shut. */
  if (list_is_open (data))
    return G_SOURCE_CONTINUE;

  sync_choice (SM_ROUTINE_STEP_ROW (row),
               data == (gpointer) SM_ROUTINE_STEP_ROW (row)->step_tool_dropdown ? KIND_TOOL : KIND_TECHNIQUE);
  /* GtkDropDown::activate (an action signal, GTK 4.6) pops the longer
   * list up, so the choice goes on where it was. */
  if (gtk_widget_get_mapped (data) && g_signal_lookup ("activate", GTK_TYPE_DROP_DOWN) != 0)
    g_signal_emit_by_name (data, "activate");
  return G_SOURCE_REMOVE;
}

static void
choice_selected (SmRoutineStepRow *self,
                 Kind              kind)
{
  GtkDropDown *dropdown = kind_dropdown (self, kind);
  guint position = gtk_drop_down_get_selected (dropdown);
  Choices *choices = self->choices[kind];

  if (self->syncing || choices == NULL || position >= choices->n_ids)
    return;

  if (choices->ids[position] == NULL)
    {
      /* "Other…": the whole list, the step's choice unchanged for now —
       * after the list that is closing has finished with its model. */
      self->expanded[kind] = TRUE;
      g_timeout_add_full (G_PRIORITY_DEFAULT, 50, G_SOURCE_FUNC (on_expand_timeout), g_object_ref (dropdown),
                          g_object_unref);
      return;
    }

  if (kind == KIND_TOOL)
    sm_routine_step_set_tool (self->step, choices->ids[position]);
  else
    sm_routine_step_set_technique (self->step, choices->ids[position]);
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
on_zone_changed (SmRoutineStepRow *self)
{
  /* Another muscle has other tools: back to its own short lists. */
  self->expanded[KIND_TOOL] = self->expanded[KIND_TECHNIQUE] = FALSE;
  sync_choice (self, KIND_TOOL);
  sync_choice (self, KIND_TECHNIQUE);
}

static void
on_tool_selected (SmRoutineStepRow *self)
{
  choice_selected (self, KIND_TOOL);
}

static void
on_technique_selected (SmRoutineStepRow *self)
{
  choice_selected (self, KIND_TECHNIQUE);
}

static void
on_tool_changed (SmRoutineStepRow *self)
{
  sync_choice (self, KIND_TOOL);
}

static void
on_technique_changed (SmRoutineStepRow *self)
{
  sync_choice (self, KIND_TECHNIQUE);
}

static void
bind_fields (SmRoutineStepRow *self,
             SmAtlas          *atlas)
{
  GBindingFlags flags = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;
  Choices *zones = all_choices ("zones", sm_atlas_get_zones (atlas));

  gtk_drop_down_set_model (self->step_zone_dropdown, G_LIST_MODEL (zones->names));
  bind_choice (self, "zone", self->step_zone_dropdown, zones->ids);
  bind_choice (self, "side", self->step_side_dropdown, (char **) side_ids);
  g_object_bind_property (self->step, "hold-seconds", self->step_hold_adjustment, "value", flags);
  g_object_bind_property (self->step, "repetitions", self->step_reps_adjustment, "value", flags);
  g_object_bind_property (self->step, "rest-seconds", self->step_rest_adjustment, "value", flags);
  g_object_bind_property (self->step, "note", self->step_note_entry, "text", flags);

  /* The tool and technique lists depend on the zone: kept in step by hand. */
  sync_choice (self, KIND_TOOL);
  sync_choice (self, KIND_TECHNIQUE);
  g_signal_connect_object (self->step, "notify::zone", G_CALLBACK (on_zone_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step, "notify::tool", G_CALLBACK (on_tool_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->step, "notify::technique", G_CALLBACK (on_technique_changed),
                           self, G_CONNECT_SWAPPED);
  /* Template children: they go with the row. */
  g_signal_connect_swapped (self->step_tool_dropdown, "notify::selected",
                            G_CALLBACK (on_tool_selected), self);
  g_signal_connect_swapped (self->step_technique_dropdown, "notify::selected",
                            G_CALLBACK (on_technique_selected), self);
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
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_hold_spin);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_reps_spin);
  gtk_widget_class_bind_template_child (widget_class, SmRoutineStepRow, step_rest_spin);
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
  /* One history for the whole routine: the editor's Ctrl+Z. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->step_note_entry), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->step_hold_spin), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->step_reps_spin), FALSE);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->step_rest_spin), FALSE);
  name_dropdown_button (self->step_zone_dropdown);
  name_dropdown_button (self->step_side_dropdown);
  name_dropdown_button (self->step_tool_dropdown);
  name_dropdown_button (self->step_technique_dropdown);
}
