/* sm-window-routines.c: the routines page, the map's step numbers and
 * context menu, the pain drawing, and routine files handed to the window
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-badge-layout.h"
#include "sm-window-private.h"
#include "sm-zone-id.h"

/* --- Pain drawing -------------------------------------------------------- */

/* (transfer none) the drawing that "Mark pain" edits: the open routine's,
 * or with none open the current drawing, which belongs to no routine. */
SmPainDrawing *
sm_window_get_pain_drawing (SmWindow *self)
{
  SmRoutine *routine;

  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  routine = sm_window_get_routine (self);
  return routine != NULL ? sm_routine_get_pain_drawing (routine) : self->loose_drawing;
}

/* Every layer (the window's, presenter mode's and the other screen's)
 * draws the current drawing and offers to keep a loose one. */
void
_sm_window_update_pain_layers (SmWindow *self)
{
  SmPainDrawing *drawing = sm_window_get_pain_drawing (self);
  gboolean offer = drawing == self->loose_drawing && sm_pain_drawing_get_n_strokes (drawing) > 0;
  SmPresenter *presenters[] = { self->presenter, _sm_window_get_far_presenter (self) };

  sm_pain_layer_set_drawing (self->pain_layer, drawing);
  sm_pain_layer_set_offer_save (self->pain_layer, offer);
  _sm_window_hurt_drawing_changed (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-pain-drawing", offer);
  for (guint i = 0; i < G_N_ELEMENTS (presenters); i++)
    {
      if (presenters[i] == NULL)
        continue;
      sm_pain_layer_set_drawing (sm_presenter_get_pain_layer (presenters[i]), drawing);
      sm_pain_layer_set_offer_save (sm_presenter_get_pain_layer (presenters[i]), offer);
    }
}

/* win.save-pain-drawing: the loose drawing moves into a routine of one's
 * own (a new one, or a copy of the open built-in one), shown at once. */
static void
save_pain_drawing_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  SmRoutine *routine = sm_routines_page_ensure_own_routine (_sm_window_show_routines_page (self));

  sm_pain_drawing_copy_from (sm_routine_get_pain_drawing (routine), self->loose_drawing);
  sm_pain_drawing_clear (self->loose_drawing);
}

/* --- Routines page ------------------------------------------------------- */

static void
show_routines_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (_sm_window_show_routines_page (self)));
}

/* win.add-to-routine (ss): zone, side — from the zone panel and the map. */
static void
add_to_routine_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *zone, *side;

  g_variant_get (param, "(&s&s)", &zone, &side);
  sm_routines_page_add_step (_sm_window_show_routines_page (self), zone, side);
  /* The button that was pressed went away with its page; without this the
   * keyboard would be nowhere. */
  sm_routines_page_focus_last_step (self->routines_page);
}

/* win.print and win.export-pdf: the open routine's sheet. */
static void
sheet_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  SmRoutinesPage *page = _sm_window_ensure_routines_page (SM_WINDOW (widget));

  if (g_str_equal (name, "win.print"))
    sm_routines_page_print (page);
  else
    sm_routines_page_save_pdf (page);
}

/* win.import-routine (Ctrl+O) and win.export-routine (Ctrl+Shift+S): the
 * routines page's file actions, from anywhere in the window; exporting
 * needs a routine open there. */
static void
routine_file_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  gboolean import = g_str_equal (name, "win.import-routine");

  gtk_widget_activate_action (GTK_WIDGET (_sm_window_show_routines_page (self)),
                              import ? "routines.import" : "routine.export", NULL);
}

static void
update_step_numbers (SmWindow *self)
{
  g_autoptr(GHashTable) labels = NULL;

  if (self->numbered != NULL)
    labels = sm_badge_dup_step_labels (self->numbered);
  sm_body_map_set_step_numbers (self->body_map, labels);
}

/* While a routine is open the map numbers its zones, and follows edits. */
void
_sm_window_follow_routine (SmWindow *self)
{
  SmRoutine *routine = sm_window_get_routine (self);

  g_set_object (&self->numbered, routine);
  g_signal_group_set_target (self->numbered_signals, routine);

  update_step_numbers (self);
  if (self->presenter != NULL)
    sm_presenter_set_routine (self->presenter, routine);
  if (_sm_window_get_far_presenter (self) != NULL)
    sm_presenter_set_routine (_sm_window_get_far_presenter (self), routine);
  _sm_window_update_pain_layers (self);
}

/* --- The map's menu ------------------------------------------------------ */

/* Made on the first right click: no first frame needs it. */
static GtkPopover *
ensure_map_menu (SmWindow *self)
{
  if (self->map_menu == NULL)
    {
      self->map_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_popover_set_has_arrow (GTK_POPOVER (self->map_menu), FALSE);
      gtk_widget_set_halign (self->map_menu, GTK_ALIGN_START);
      gtk_widget_set_parent (self->map_menu, GTK_WIDGET (self->map_slot));
    }
  return GTK_POPOVER (self->map_menu);
}

/* The map's context menu: what one can do with the muscle under the
 * pointer. The zone panel has the same button for keyboard users. */
static void
show_map_menu (SmWindow *self,
               double    x,
               double    y)
{
  const char *element = sm_body_map_pick (self->body_map, x, y);
  g_autofree char *zone = NULL;
  g_autofree char *side = NULL;
  g_autoptr(GMenu) menu = NULL;
  g_autoptr(GMenuItem) item = NULL;
  graphene_point_t point;

  if (element == NULL || !sm_zone_id_split (element, &zone, &side) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->body_map), GTK_WIDGET (self->map_slot),
                                 &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  menu = g_menu_new ();
  item = g_menu_item_new (_("Add to _Routine"), NULL);
  g_menu_item_set_action_and_target (item, "win.add-to-routine", "(ss)", zone, side);
  g_menu_append_item (menu, item);

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (ensure_map_menu (self)), G_MENU_MODEL (menu));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->map_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->map_menu));
}

static void
on_map_secondary_click (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        SmWindow        *self)
{
  show_map_menu (self, x, y);
}

static void
on_map_long_press (GtkGestureLongPress *gesture,
                   double               x,
                   double               y,
                   SmWindow            *self)
{
  show_map_menu (self, x, y);
}

static void
setup_map_menu (SmWindow *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *press = gtk_gesture_long_press_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_map_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_map), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (press), TRUE);
  g_signal_connect (press, "pressed", G_CALLBACK (on_map_long_press), self);
  gtk_widget_add_controller (GTK_WIDGET (self->body_map), GTK_EVENT_CONTROLLER (press));
}

/* --- Routine files handed over ------------------------------------------- */

/**
 * sm_window_import_file:
 *
 * Copies the routine in @file into one's own routines and opens it on the
 * routines page (the application's ::open, a drop on the window). The file
 * is read in the background and never changed.
 */
void
sm_window_import_file (SmWindow *self,
                       GFile    *file)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  sm_routines_page_import_file (_sm_window_show_routines_page (self), file);
}

/* Files from a file manager come as a list; one GFile from elsewhere. */
static gboolean
on_drop_target_drop (GtkDropTarget *target,
                     const GValue  *value,
                     double         x,
                     double         y,
                     SmWindow      *self)
{
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      sm_window_import_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GSList) files = gdk_file_list_get_files (g_value_get_boxed (value));

      for (GSList *l = files; l != NULL; l = l->next)
        sm_window_import_file (self, l->data);
      return files != NULL;
    }
  return FALSE;
}

static void
setup_drop_target (SmWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_FILE }, 2);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop_target_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_class_routines_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-routines", NULL, show_routines_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-routine", "(ss)", add_to_routine_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, sheet_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, sheet_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.show-routines", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
  gtk_widget_class_install_action (widget_class, "win.import-routine", NULL, routine_file_action);
  gtk_widget_class_install_action (widget_class, "win.export-routine", NULL, routine_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-routine", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-routine", NULL);

  gtk_widget_class_install_action (widget_class, "win.save-pain-drawing", NULL, save_pain_drawing_action);
}

void
_sm_window_routines_init (SmWindow *self)
{
  self->loose_drawing = sm_pain_drawing_new ();
  g_signal_connect_swapped (self->loose_drawing, "changed",
                            G_CALLBACK (_sm_window_update_pain_layers), self);
  _sm_window_update_pain_layers (self);
  /* The numbers follow whichever routine is open: the group moves with it. */
  self->numbered_signals = g_signal_group_new (SM_TYPE_ROUTINE);
  g_signal_group_connect_swapped (self->numbered_signals, "changed",
                                  G_CALLBACK (update_step_numbers), self);
  setup_map_menu (self);
  setup_drop_target (self);
}

