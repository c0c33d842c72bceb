/* sm-body-map-input.c: pointer, gestures, keyboard and actions
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <math.h>

#include "sm-body-map-private.h"

#define DRAG_THRESHOLD 8.0    /* px a press may move and still click */
#define ZOOM_STEP      1.25

/* --- Pointer ------------------------------------------------------------- */

void
_sm_body_map_set_hovered (SmBodyMap *self,
                          SmMapZone *zone)
{
  if (self->hovered == zone)
    return;

  self->hovered = zone;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pointer_motion (GtkEventControllerMotion *controller,
                   double                    x,
                   double                    y,
                   SmBodyMap                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  _sm_body_map_set_hovered (self, _sm_body_map_pick_zone (self, x, y));
}

static void
on_pointer_leave (GtkEventControllerMotion *controller,
                  SmBodyMap                *self)
{
  _sm_body_map_set_hovered (self, NULL);
}

static void
on_click_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SmBodyMap       *self)
{
  SmMapZone *zone = _sm_body_map_pick_zone (self, x, y);

  if (n_press == 2 && zone != NULL && zone == self->selected)
    sm_body_map_zoom_to_selection (self);
}

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   SmBodyMap       *self)
{
  SmMapZone *zone = _sm_body_map_pick_zone (self, x, y);

  if (n_press != 1 || zone == NULL || self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (zone));
  _sm_body_map_activate_zone (self, zone);
}

/* --- Gestures ------------------------------------------------------------ */

static gboolean
on_wheel_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 SmBodyMap                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  _sm_body_map_zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SmBodyMap        *self)
{
  self->zoom_at_gesture = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       SmBodyMap      *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    _sm_body_map_zoom_at (self, self->zoom_at_gesture * scale, x, y);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SmBodyMap      *self)
{
  self->drag_u = self->centre_u;
  self->drag_v = self->centre_v;
  self->dragged = FALSE;
}

/* Dragging pans only when zoomed in; at fit there is nothing to move. */
static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SmBodyMap      *self)
{
  if (hypot (dx, dy) > DRAG_THRESHOLD)
    self->dragged = TRUE;
  if (self->zoom <= 1.0)
    return;

  self->centre_u = self->drag_u - dx / self->scale;
  self->centre_v = self->drag_v - dy / self->scale;
  _sm_body_map_invalidate_geometry (self);
}

/* --- Keyboard ------------------------------------------------------------ */

static int
visible_index (SmBodyMap *self,
               GtkWidget *child)
{
  guint index;

  if (child == NULL || !g_ptr_array_find (self->zones, child, &index))
    return -1;
  return (int) index;
}

static SmMapZone *
step_zone (SmBodyMap *self,
           int        from,
           int        step)
{
  for (int i = from + step; i >= 0 && i < (int) self->zones->len; i += step)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);

      if (gtk_widget_get_visible (GTK_WIDGET (zone)))
        return zone;
    }

  return NULL;
}

/* Focus on the zones, then on the toolbar, the way Tab meets them. */
static gboolean
focus_toolbar (SmBodyMap        *self,
               GtkDirectionType  direction)
{
  SmMapZone *last;

  if (gtk_widget_child_focus (self->toolbar, direction))
    return TRUE;

  if (direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  /* Shift+Tab out of the toolbar lands on the last zone. */
  last = step_zone (self, self->zones->len, -1);
  return last != NULL && gtk_widget_grab_focus (GTK_WIDGET (last));
}

/* Tab and the arrow keys walk the zones in anatomical order; Tab goes on
 * to the toolbar after the last zone, the arrows stop there. */
static gboolean
sm_body_map_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN ||
                     direction == GTK_DIR_RIGHT;
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;
  int from = visible_index (self, focus);
  SmMapZone *next;

  if (focus == self->toolbar || (focus == NULL && direction == GTK_DIR_TAB_BACKWARD))
    return focus_toolbar (self, direction);
  if (from < 0 && focus != NULL)
    return gtk_widget_child_focus (focus, direction);

  if (from < 0)
    from = forward ? -1 : (int) self->zones->len;

  next = step_zone (self, from, forward ? 1 : -1);
  if (next == NULL && direction == GTK_DIR_TAB_FORWARD)
    return gtk_widget_child_focus (self->toolbar, direction);
  if (next == NULL)
    return !tab && focus != NULL;

  gtk_widget_grab_focus (GTK_WIDGET (next));
  return TRUE;
}

/* --- Actions ------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmBodyMap *self = SM_BODY_MAP (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    _sm_body_map_zoom_by (self, ZOOM_STEP);
  else if (g_str_equal (action_name, "map.zoom-out"))
    _sm_body_map_zoom_by (self, 1 / ZOOM_STEP);
  else if (g_str_equal (action_name, "map.zoom-reset"))
    _sm_body_map_zoom_by (self, 1 / self->zoom);
  else if (g_str_equal (action_name, "map.zoom-to-selection"))
    sm_body_map_zoom_to_selection (self);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  sm_body_map_clear_selection (SM_BODY_MAP (widget));
}

/* Zoom keys work wherever the focus is in the window, like in a viewer. */
static void
add_global_shortcuts (SmBodyMap *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "map.zoom-in" }, { GDK_KEY_equal, "map.zoom-in" },
    { GDK_KEY_KP_Add, "map.zoom-in" }, { GDK_KEY_minus, "map.zoom-out" },
    { GDK_KEY_KP_Subtract, "map.zoom-out" }, { GDK_KEY_0, "map.zoom-reset" },
    { GDK_KEY_KP_0, "map.zoom-reset" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
add_controllers (SmBodyMap *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();

  g_signal_connect (motion, "enter", G_CALLBACK (on_pointer_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_pointer_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_pointer_leave), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_wheel_scroll), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);

  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  add_global_shortcuts (self);
}

void
_sm_body_map_input_class_init (GtkWidgetClass *widget_class)
{
  widget_class->focus = sm_body_map_focus;

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-to-selection", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.clear-selection", NULL);
}

void
_sm_body_map_input_init (SmBodyMap *self)
{
  add_controllers (self);
}
