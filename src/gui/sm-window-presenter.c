/* sm-window-presenter.c: presenter mode, in this window or full screen on
 * another monitor with this window as the therapist's console
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-monitor-debug.h"
#include "sm-presenter-console.h"
#include "sm-window-private.h"

/* What a presenter shows, carried from one window to the other. */
typedef struct
{
  SmBodyMap *map;
  int        step;
} Carried;

static void
carry_into (SmPresenter   *presenter,
            const Carried *carried)
{
  if (carried->map == NULL)
    return;
  sm_presenter_copy_map (presenter, carried->map);
  sm_presenter_go_to_step (presenter, carried->step);
}

/* --- In this window ------------------------------------------------------ */

static void
on_presenter_leave (SmWindow *self)
{
  sm_window_set_presenting (self, FALSE);
}

static SmPresenter *
ensure_presenter (SmWindow *self)
{
  if (self->presenter == NULL)
    {
      self->presenter = SM_PRESENTER (sm_presenter_new ());
      g_signal_connect_object (self->presenter, "leave", G_CALLBACK (on_presenter_leave), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->presenter), "presenter");
      /* Mark pain is one mode, in the window and in presenter mode alike. */
      g_object_bind_property (self, "marking-pain", sm_presenter_get_pain_layer (self->presenter),
                              "active", G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
    }

  return self->presenter;
}

/* Until the window fills its monitor, presenter mode's map waits: a
 * window manager can let GTK paint the presenter once at the window's old
 * size before the full-screen size comes, and the map would draw its
 * whole picture for that one frame (at 3840×2160, 11 000 more page faults
 * and 50 ms). It waits at most HOLD_MAP_MS, for a window manager that
 * does not make it full screen. */
#define HOLD_MAP_MS 500

static void
release_map (SmWindow *self)
{
  if (self->presenter_hold_clock != NULL)
    g_clear_signal_handler (&self->presenter_hold_layout_id, self->presenter_hold_clock);
  g_clear_object (&self->presenter_hold_clock);
  g_clear_handle_id (&self->presenter_hold_id, g_source_remove);
  /* GTK does not draw a widget with no opacity: laid out all along, the
   * map draws its picture at the size the window has by now. */
  if (self->presenter != NULL)
    gtk_widget_set_opacity (GTK_WIDGET (sm_presenter_get_map (self->presenter)), 1.0);
}

static gboolean
fills_monitor (SmWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *monitor;
  GdkRectangle area;

  if (surface == NULL || !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return FALSE;
  monitor = gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface);
  if (monitor == NULL)
    return TRUE;
  gdk_monitor_get_geometry (monitor, &area);
  return gtk_widget_get_width (GTK_WIDGET (self)) >= area.width &&
         gtk_widget_get_height (GTK_WIDGET (self)) >= area.height;
}

/* After GTK's own layout handler: the window has its new size, and the
 * map shown now is laid out and framed again before this frame paints. */
static void
on_hold_layout (GdkFrameClock *clock,
                SmWindow      *self)
{
  if (fills_monitor (self))
    release_map (self);
}

static gboolean
on_hold_timeout (gpointer data)
{
  SmWindow *self = data;

  self->presenter_hold_id = 0;
  release_map (self);
  return G_SOURCE_REMOVE;
}

static void
hold_map (SmWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || fills_monitor (self) || self->presenter_hold_id != 0)
    return;

  gtk_widget_set_opacity (GTK_WIDGET (sm_presenter_get_map (self->presenter)), 0.0);
  self->presenter_hold_clock = g_object_ref (clock);
  self->presenter_hold_layout_id = g_signal_connect (clock, "layout", G_CALLBACK (on_hold_layout), self);
  self->presenter_hold_id = g_timeout_add (HOLD_MAP_MS, on_hold_timeout, self);
}

/* The header bar, search, side pane and timer bar go; the map fills the
 * screen. Everything presenter mode changes is saved first. */
void
_sm_window_enter_presenter (SmWindow *self)
{
  SmPresenter *presenter = ensure_presenter (self);

  sm_window_geometry_save (&self->before_presenting, GTK_WINDOW (self), self->paned);
  sm_presenter_copy_map (presenter, self->body_map);
  sm_presenter_set_routine (presenter, sm_window_get_routine (self));
  _sm_window_update_pain_layers (self);
  _sm_window_update_present_elsewhere (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "presenter");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  hold_map (self);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (presenter));
}

void
_sm_window_leave_presenter (SmWindow *self)
{
  release_map (self);
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  sm_window_geometry_restore (&self->before_presenting, GTK_WINDOW (self), self->paned);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_map));
}

/* (transfer none) (nullable) the presenter of presenter mode, once used. */
SmPresenter *
sm_window_get_presenter (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->presenter;
}

/* --- On another monitor -------------------------------------------------- */

/* (transfer none) (nullable) the full-screen presenter window on another
 * monitor, while there is one. */
GtkWindow *
sm_window_get_presenter_window (SmWindow *self)
{
  g_return_val_if_fail (SM_IS_WINDOW (self), NULL);

  return self->presenter_window;
}

/* (transfer none) (nullable) its presenter. */
SmPresenter *
_sm_window_get_far_presenter (SmWindow *self)
{
  if (self->presenter_window == NULL)
    return NULL;
  return SM_PRESENTER (gtk_window_get_child (self->presenter_window));
}

static SmPresenterConsole *
ensure_console (SmWindow *self)
{
  if (self->console == NULL)
    {
      self->console = SM_PRESENTER_CONSOLE (sm_presenter_console_new ());
      gtk_stack_add_named (self->panel_stack, GTK_WIDGET (self->console), "console");
    }
  return self->console;
}

/* The side pane goes back to where the therapist was. */
static void
hide_console (SmWindow *self)
{
  gboolean shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "console") == 0;

  sm_presenter_console_set_presenter (self->console, NULL, NULL);
  if (!shown)
    return;
  if (self->session != NULL)
    gtk_stack_set_visible_child_name (self->panel_stack, "session");
  else
    _sm_window_show_current_location (self);
}

/* However the presenter window goes (Escape, F11, Stop, the compositor
 * closing it, its monitor unplugged), the console goes with it. */
static void
on_presenter_window_destroy (SmWindow *self)
{
  g_clear_signal_handler (&self->presenter_monitor_id, self->presenter_monitor);
  g_clear_object (&self->presenter_monitor);
  hide_console (self);
  self->presenter_window = NULL;
  _sm_window_update_present_elsewhere (self);
}

static void
destroy_closing_window (SmWindow *self)
{
  g_clear_handle_id (&self->closing_id, g_source_remove);
  if (self->closing_window != NULL)
    gtk_window_destroy (self->closing_window);
  g_clear_object (&self->closing_window);
}

static gboolean
on_closing_idle (gpointer data)
{
  SmWindow *self = data;

  self->closing_id = 0;
  destroy_closing_window (self);
  return G_SOURCE_REMOVE;
}

/* Presenter mode comes back into this window, showing what it showed on
 * the other screen (copied while that window is still whole). */
static void
bring_presenter_back (SmWindow *self)
{
  SmPresenter *far = _sm_window_get_far_presenter (self);
  Carried carried = { sm_presenter_get_map (far), sm_presenter_get_step (far) };

  GtkWindow *window = self->presenter_window;

  sm_window_set_presenting (self, TRUE);
  carry_into (self->presenter, &carried);
  /* Let go of it at once, but destroy it a turn later, once hidden: GTK
   * 4.8's accessibility bridge has been seen to crash when a window goes
   * in the same turn as the other window's whole tree changes. */
  g_signal_handlers_disconnect_by_func (window, on_presenter_window_destroy, self);
  on_presenter_window_destroy (self);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  destroy_closing_window (self);
  self->closing_window = g_object_ref (window);
  self->closing_id = g_idle_add_full (G_PRIORITY_LOW, on_closing_idle, self, NULL);
}

/* The other monitor was unplugged. */
static void
on_presenter_monitor_invalidate (SmWindow *self)
{
  if (self->presenter_window == NULL)
    return;
  g_debug ("The presenter's monitor went away: back into the window");
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    gtk_window_destroy (self->presenter_window);
  else
    bring_presenter_back (self);
}

static void
follow_presenter_window (SmWindow   *self,
                         GdkMonitor *monitor)
{
  SmPresenter *far = _sm_window_get_far_presenter (self);
  g_autofree char *name = sm_monitor_dup_name (monitor);

  g_signal_connect_object (self->presenter_window, "destroy",
                           G_CALLBACK (on_presenter_window_destroy), self, G_CONNECT_SWAPPED);
  self->presenter_monitor = g_object_ref (monitor);
  self->presenter_monitor_id = g_signal_connect_object (monitor, "invalidate",
                                                        G_CALLBACK (on_presenter_monitor_invalidate),
                                                        self, G_CONNECT_SWAPPED);
  /* One drawing, two views: marking on either screen shows on both. */
  g_object_bind_property (self, "marking-pain", sm_presenter_get_pain_layer (far), "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  _sm_window_update_pain_layers (self);

  sm_presenter_console_set_presenter (ensure_console (self), far, name);
  gtk_stack_set_visible_child_name (self->panel_stack, "console");
  /* The page it replaced may have had the focus. */
  sm_presenter_console_focus (self->console);
}

/* The therapist keeps this window; the patient sees the other screen. */
static void
present_on (SmWindow   *self,
            GdkMonitor *monitor)
{
  Carried carried = { self->body_map, -1 };

  if (self->presenting)
    {
      carried.map = sm_presenter_get_map (self->presenter);
      carried.step = sm_presenter_get_step (self->presenter);
      sm_window_set_presenting (self, FALSE);
    }
  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);

  self->presenter_window = sm_presenter_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                    carried.map, sm_window_get_routine (self), monitor);
  if (carried.step >= 0)
    sm_presenter_go_to_step (_sm_window_get_far_presenter (self), carried.step);
  follow_presenter_window (self, monitor);
}

static void
present_elsewhere_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  GdkMonitor *monitor = sm_presenter_find_other_monitor (GTK_WINDOW (self));

  if (monitor != NULL)
    present_on (self, monitor);
}

/* win.present-on (i): -1 is this window, else a monitor's position. */
static void
present_on_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (widget));
  int index = g_variant_get_int32 (param);

  if (index >= 0)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, (guint) index);

      if (monitor != NULL)
        present_on (self, monitor);
    }
  else if (self->presenter_window != NULL)
    bring_presenter_back (self);
  else
    sm_window_set_presenting (self, TRUE);
}

/* --- Which monitors ------------------------------------------------------ */

/* Presenting elsewhere is offered while another monitor is there: in the
 * menu, and by a button in presenter mode (a screen plugged in while
 * presenting here, or plugged back in after it went away). */
void
_sm_window_update_present_elsewhere (SmWindow *self)
{
  GdkMonitor *other = sm_presenter_find_other_monitor (GTK_WINDOW (self));
  g_autofree char *name = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-elsewhere",
                                 !sm_window_get_safety_screen_visible (self) && other != NULL);
  if (self->presenter == NULL)
    return;
  if (other != NULL && self->presenting)
    name = sm_monitor_dup_name (other);
  sm_presenter_set_offer_elsewhere (self->presenter, name);
}

/* A monitor plugged in may learn its name a moment after it appears. */
static void
follow_monitors (SmWindow   *self,
                 GListModel *monitors,
                 guint       position,
                 guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      g_signal_connect_object (monitor, "notify", G_CALLBACK (_sm_window_update_present_elsewhere),
                               self, G_CONNECT_SWAPPED);
    }
}

static void
on_monitors_items_changed (SmWindow   *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *monitors)
{
  follow_monitors (self, monitors, position, added);
  /* Its positions are out of date. */
  if (self->monitor_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->monitor_menu));
  if (self->presenter_monitor != NULL && !gdk_monitor_is_valid (self->presenter_monitor))
    on_presenter_monitor_invalidate (self);
  _sm_window_update_present_elsewhere (self);
}

/* F11: with a second monitor, where to present; with one, here, as ever.
 * While presenting (here or there), F11 stops. */
static void
show_monitor_menu (SmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  int home = sm_window_monitor_index (GTK_WINDOW (self), monitors);
  g_autoptr(GdkMonitor) home_monitor = home >= 0 ? g_list_model_get_item (monitors, (guint) home) : NULL;
  g_autoptr(GMenuModel) menu = sm_presenter_monitor_menu_new (monitors, home_monitor);
  int width = gtk_widget_get_width (GTK_WIDGET (self->map_slot));

  if (self->monitor_menu == NULL)
    {
      self->monitor_menu = gtk_popover_menu_new_from_model (NULL);
      gtk_widget_set_parent (self->monitor_menu, GTK_WIDGET (self->map_slot));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->monitor_menu), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Where to Present"), -1);
    }
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->monitor_menu), menu);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->monitor_menu),
                               &(GdkRectangle) { width / 2, 0, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->monitor_menu));
}

static gboolean
on_f11 (GtkWidget *widget,
        GVariant  *args,
        gpointer   data)
{
  SmWindow *self = SM_WINDOW (widget);

  if (_sm_window_session_view_f11 (self))
    return TRUE;
  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  else if (self->presenting)
    sm_window_set_presenting (self, FALSE);
  else if (sm_window_get_safety_screen_visible (self))
    return FALSE;
  else if (sm_presenter_find_other_monitor (GTK_WINDOW (self)) != NULL)
    show_monitor_menu (self);
  else
    sm_window_set_presenting (self, TRUE);
  return TRUE;
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_presenter_init (SmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  sm_monitor_debug_watch (GTK_WINDOW (self), "main");
  g_signal_connect_object (monitors, "items-changed",
                           G_CALLBACK (on_monitors_items_changed), self, G_CONNECT_SWAPPED);
  follow_monitors (self, monitors, 0, g_list_model_get_n_items (monitors));
  _sm_window_update_present_elsewhere (self);
}

void
_sm_window_presenter_dispose (SmWindow *self)
{
  release_map (self);
  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  destroy_closing_window (self);
  g_clear_pointer (&self->monitor_menu, gtk_widget_unparent);
}

void
_sm_window_class_presenter_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_action (widget_class, "win.present-elsewhere", NULL, present_elsewhere_action);
  gtk_widget_class_install_action (widget_class, "win.present-on", "i", present_on_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, on_f11, NULL);
}
