/* sm-window-cues.c: a guided session hands-free: its sounds and spoken
 * cues, its full-screen view, and the controls for someone on the floor
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-window-private.h"

#define ADD_SECONDS 15

/* --- The full-screen view ------------------------------------------------ */

static SmSessionView *
ensure_session_view (SmWindow *self)
{
  if (self->session_view == NULL)
    {
      self->session_view = SM_SESSION_VIEW (sm_session_view_new ());
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->session_view), "session-view");
      sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->session_view));
    }
  return self->session_view;
}

/* As presenter mode does: what full screen changes is saved first and
 * given back on the way out (sm-window-geometry.c). */
static void
enter_session_view (SmWindow *self)
{
  SmSessionView *view = ensure_session_view (self);

  sm_window_geometry_save (&self->before_session_view, GTK_WINDOW (self), self->paned);
  sm_session_view_set_session (view, self->session, self->timer);
  gtk_stack_set_visible_child_name (self->mode_stack, "session-view");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  self->session_fullscreen = TRUE;
  sm_session_view_focus (view);
}

void
_sm_window_leave_session_view (SmWindow *self)
{
  if (!self->session_fullscreen)
    return;

  self->session_fullscreen = FALSE;
  sm_session_view_set_session (self->session_view, NULL, NULL);
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  sm_window_geometry_restore (&self->before_session_view, GTK_WINDOW (self), self->paned);
  if (self->session != NULL)
    sm_session_panel_focus (self->session_panel);
}

static void
session_fullscreen_action (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->session_fullscreen)
    _sm_window_leave_session_view (self);
  else if (self->session != NULL && !self->presenting && self->presenter_window == NULL)
    enter_session_view (self);
}

/* F11 during a session is its full-screen view; presenter mode keeps F11
 * otherwise. */
gboolean
_sm_window_session_view_f11 (SmWindow *self)
{
  if (!self->session_fullscreen &&
      (self->session == NULL || !sm_session_is_running (self->session) ||
       self->presenting || self->presenter_window != NULL))
    return FALSE;

  session_fullscreen_action (GTK_WIDGET (self), "win.session-fullscreen", NULL);
  return TRUE;
}

/* --- Controls ------------------------------------------------------------ */

static void
session_add_time_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  sm_timer_add_seconds (SM_WINDOW (widget)->timer, ADD_SECONDS);
}

static void
session_repeat_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->session != NULL)
    sm_session_repeat (self->session);
}

/* A keyboard's Pause media key only pauses; Play toggles, as most
 * keyboards have one key for both. */
static gboolean
on_media_pause (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  SmWindow *self = SM_WINDOW (widget);

  if (!sm_timer_is_active (self->timer))
    return FALSE;
  sm_timer_pause (self->timer);
  return TRUE;
}

void
_sm_window_update_cue_actions (SmWindow *self)
{
  gboolean running = self->session != NULL && sm_session_is_running (self->session);
  gboolean timing = running && sm_session_get_phase (self->session) != SM_SESSION_PHASE_REST;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-add-time", timing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-repeat", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-fullscreen",
                                 self->session_fullscreen || (running && !self->presenting));
}

/* --- Following the session ----------------------------------------------- */

/* Called as a session starts (before its first step) and ends (%NULL). */
void
_sm_window_cues_set_session (SmWindow  *self,
                             SmSession *session)
{
  sm_cue_player_set_session (self->cue_player, session);
  if (session == NULL)
    _sm_window_leave_session_view (self);
  else if (self->session_fullscreen)
    sm_session_view_set_session (self->session_view, session, self->timer);
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_class_cues_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.session-add-time", NULL, session_add_time_action);
  gtk_widget_class_install_action (widget_class, "win.session-repeat", NULL, session_repeat_action);
  gtk_widget_class_install_action (widget_class, "win.session-fullscreen", NULL, session_fullscreen_action);

  /* The media keys, where the desktop lets them through to the window. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_AudioPlay, 0, "win.timer-toggle", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_AudioPause, 0, on_media_pause, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_AudioNext, 0, "win.session-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_AudioPrev, 0, "win.session-previous", NULL);
}

void
_sm_window_cues_init (SmWindow *self)
{
  self->cue_player = sm_cue_player_new (self->timer, GTK_WIDGET (self));
  _sm_window_update_cue_actions (self);
}

void
_sm_window_cues_dispose (SmWindow *self)
{
  g_clear_object (&self->cue_player);
}
