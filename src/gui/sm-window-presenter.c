/* sm-window-presenter.c: presenter mode, in this window or full screen on
 * another monitor
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include "sm-window-private.h"

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
  gtk_stack_set_visible_child_name (self->mode_stack, "presenter");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (presenter));
}

void
_sm_window_leave_presenter (SmWindow *self)
{
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

/* The therapist keeps this window; the patient sees the other screen. */
static void
present_elsewhere_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  GdkMonitor *monitor = sm_presenter_find_other_monitor (GTK_WINDOW (self));

  if (monitor == NULL)
    return;

  if (self->presenter_window != NULL)
    gtk_window_destroy (self->presenter_window);
  self->presenter_window = sm_presenter_window_new (gtk_window_get_application (GTK_WINDOW (self)),
                                                    self->body_map, sm_window_get_routine (self),
                                                    monitor);
  g_object_add_weak_pointer (G_OBJECT (self->presenter_window), (gpointer *) &self->presenter_window);
}

void
_sm_window_update_present_elsewhere (SmWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present-elsewhere",
                                 !gtk_widget_get_visible (GTK_WIDGET (self->safety_page)) &&
                                 sm_presenter_find_other_monitor (GTK_WINDOW (self)) != NULL);
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_presenter_init (SmWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));

  g_signal_connect_object (monitors, "items-changed",
                           G_CALLBACK (_sm_window_update_present_elsewhere), self, G_CONNECT_SWAPPED);
  _sm_window_update_present_elsewhere (self);
}

void
_sm_window_class_presenter_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "win.present", "presenting");
  gtk_widget_class_install_action (widget_class, "win.present-elsewhere", NULL, present_elsewhere_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.present", NULL);
}
