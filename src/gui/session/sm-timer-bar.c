/* sm-timer-bar.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-timer-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
#include "sm-hold-popover.h"
#include "sm-session.h"
#include "sm-timer-bar.h"
#include "sm-utils.h"

#define FLASH_SECONDS 3

/* The bar owns the window's one timer, so a hold keeps running while the
 * person browses other panels. A guided session drives the same timer and
 * tells the bar what to show with sm_timer_bar_set_guided(). */
struct _SmTimerBar
{
  GtkWidget       parent_instance;

  GSettings      *settings;
  SmTimer        *timer;
  char           *zone;
  char           *side;
  char           *title;
  char           *guided_subject;    /* non-NULL while a session drives the timer */
  gboolean        second_side;       /* the switch-sides run is under way */
  gboolean        can_start;         /* FALSE while the safety screen is up */
  guint           flash_id;

  GtkLabel       *countdown_label;
  GtkLabel       *subject_label;
  GtkLabel       *state_label;
  GtkProgressBar *progress_bar;
  GtkMenuButton  *hold_button;
  GtkButton      *start_button;
};

G_DEFINE_FINAL_TYPE (SmTimerBar, sm_timer_bar, GTK_TYPE_WIDGET)

enum {
  SIDE_SWITCHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
sm_timer_bar_new (void)
{
  return g_object_new (SM_TYPE_TIMER_BAR, NULL);
}

SmTimer *
sm_timer_bar_get_timer (SmTimerBar *self)
{
  g_return_val_if_fail (SM_IS_TIMER_BAR (self), NULL);

  return self->timer;
}

const char *
sm_timer_bar_get_zone (SmTimerBar *self)
{
  g_return_val_if_fail (SM_IS_TIMER_BAR (self), NULL);

  return self->zone;
}

const char *
sm_timer_bar_get_side (SmTimerBar *self)
{
  g_return_val_if_fail (SM_IS_TIMER_BAR (self), NULL);

  return self->side;
}

const char *
sm_timer_bar_get_subject (SmTimerBar *self)
{
  g_return_val_if_fail (SM_IS_TIMER_BAR (self), NULL);

  return gtk_label_get_label (self->subject_label);
}

static void
update_subject (SmTimerBar *self)
{
  g_autofree char *subject = NULL;

  if (self->guided_subject != NULL)
    subject = g_strdup (self->guided_subject);
  else if (self->title != NULL)
    subject = sm_format_zone_side (self->title, self->side);
  else
    subject = g_strdup (_("Hold timer"));

  gtk_label_set_label (self->subject_label, subject);
}

static const char *
state_text (SmTimerState state)
{
  switch (state)
    {
    case SM_TIMER_STATE_GET_READY:
      return _("Get ready");
    case SM_TIMER_STATE_RUNNING:
      return _("Counting down");
    case SM_TIMER_STATE_PAUSED:
      return _("Paused");
    case SM_TIMER_STATE_FINISHED:
      return _("Time is up");
    case SM_TIMER_STATE_IDLE:
    default:
      return _("Ready");
    }
}

/* No mnemonic: the bar is always on screen, and an Alt+letter of its own
 * would clash with the pages beside it. Space is its key. */
static const char *
start_text (SmTimerState state)
{
  switch (state)
    {
    case SM_TIMER_STATE_GET_READY:
    case SM_TIMER_STATE_RUNNING:
      return _("Pause");
    case SM_TIMER_STATE_PAUSED:
      return _("Resume");
    case SM_TIMER_STATE_IDLE:
    case SM_TIMER_STATE_FINISHED:
    default:
      return _("Start");
    }
}

static void
update_countdown (SmTimerBar *self)
{
  g_autofree char *clock = sm_format_clock (sm_timer_get_display_seconds (self->timer));

  gtk_label_set_label (self->countdown_label, clock);
  gtk_progress_bar_set_fraction (self->progress_bar, sm_timer_get_fraction (self->timer));
}

static void
update_state (SmTimerBar *self)
{
  SmTimerState state = sm_timer_get_state (self->timer);
  gboolean active = sm_timer_is_active (self->timer);

  gtk_label_set_label (self->state_label, state_text (state));
  gtk_button_set_label (self->start_button, start_text (state));
  /* A new hold time would end the run under way: offer it only between runs. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->hold_button), !active && self->can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.preset", !active);
  /* A run under way can always be paused; a new one waits for leave. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.toggle", active || self->can_start);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timer.reset", state != SM_TIMER_STATE_IDLE);
  update_countdown (self);
}

static void
update_hold_button (SmTimerBar *self)
{
  guint seconds = sm_timer_get_duration (self->timer);
  /* Translators: the hold time on the timer's menu button */
  g_autofree char *label = g_strdup_printf (ngettext ("%u s", "%u s", seconds), seconds);

  gtk_menu_button_set_label (self->hold_button, label);
  update_countdown (self);
}

static gboolean
on_flash_timeout (gpointer data)
{
  SmTimerBar *self = data;

  self->flash_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash-static");

  return G_SOURCE_REMOVE;
}

/* With animations off the bar lights up without blinking. */
void
sm_timer_bar_flash (SmTimerBar *self)
{
  gboolean animate = FALSE;

  g_return_if_fail (SM_IS_TIMER_BAR (self));

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &animate, NULL);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  on_flash_timeout (self);
  gtk_widget_add_css_class (GTK_WIDGET (self), animate ? "flash" : "flash-static");
  self->flash_id = g_timeout_add_seconds (FLASH_SECONDS, on_flash_timeout, self);
}

/* Someone lying on a ball is rarely looking at the screen: tell them
 * through the desktop when the window is in the background. */
static void
notify_desktop (SmTimerBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkApplication *app;
  g_autoptr(GNotification) notification = NULL;

  if (!GTK_IS_WINDOW (root) || gtk_window_is_active (GTK_WINDOW (root)))
    return;

  app = gtk_window_get_application (GTK_WINDOW (root));
  if (app == NULL || !g_application_get_is_registered (G_APPLICATION (app)))
    return;

  notification = g_notification_new (_("Time is up"));
  g_notification_set_body (notification, gtk_label_get_label (self->subject_label));
  g_application_send_notification (G_APPLICATION (app), "hold-finished", notification);
}

static const char *
other_side (const char *side)
{
  if (g_strcmp0 (side, "left") == 0)
    return "right";
  if (g_strcmp0 (side, "right") == 0)
    return "left";
  return NULL;
}

/* Runs the same hold once more on the other side, when asked to. */
static gboolean
maybe_switch_sides (SmTimerBar *self)
{
  const char *next_side = other_side (self->side);

  if (self->guided_subject != NULL || self->second_side || next_side == NULL ||
      !g_settings_get_boolean (self->settings, "switch-sides"))
    return FALSE;

  self->second_side = TRUE;
  sm_set_str (&self->side, next_side);
  update_subject (self);
  g_signal_emit (self, signals[SIDE_SWITCHED], 0, self->zone, self->side);
  sm_timer_start (self->timer);

  return TRUE;
}

static void
on_finished (SmTimerBar *self)
{
  sm_timer_bar_flash (self);
  /* The end's sound is the window's cue player's (sm-cue-player.c). */
  notify_desktop (self);
  maybe_switch_sides (self);
}

/* Shows a zone on an idle bar: its hold becomes the duration. A run under
 * way is left alone, so browsing never disturbs a hold. */
void
sm_timer_bar_set_zone (SmTimerBar *self,
                       const char *zone,
                       const char *side,
                       const char *title,
                       guint       hold)
{
  g_return_if_fail (SM_IS_TIMER_BAR (self));

  if (sm_timer_is_active (self->timer) || self->guided_subject != NULL)
    return;

  sm_set_str (&self->zone, zone);
  sm_set_str (&self->side, side);
  sm_set_str (&self->title, title);
  if (!sm_timer_set_duration (self->timer, hold, NULL))
    sm_timer_set_duration (self->timer, g_settings_get_uint (self->settings, "default-hold"), NULL);
  update_subject (self);
}

/* After a guided session the bar is nobody's: the plain timer with the
 * default hold, until a muscle's page offers its own. */
void
sm_timer_bar_clear_zone (SmTimerBar *self)
{
  g_return_if_fail (SM_IS_TIMER_BAR (self));

  if (sm_timer_is_active (self->timer) || self->guided_subject != NULL)
    return;

  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->side, g_free);
  g_clear_pointer (&self->title, g_free);
  sm_timer_set_duration (self->timer, g_settings_get_uint (self->settings, "default-hold"), NULL);
  update_subject (self);
}

/* A new default hold applies at once to the plain timer, the one that
 * times no muscle (muscles have their own holds); a run under way keeps
 * its length. */
static void
default_hold_changed (SmTimerBar *self)
{
  SmTimerState state = sm_timer_get_state (self->timer);

  if (self->zone != NULL || self->guided_subject != NULL ||
      (state != SM_TIMER_STATE_IDLE && state != SM_TIMER_STATE_FINISHED))
    return;

  sm_timer_set_duration (self->timer, g_settings_get_uint (self->settings, "default-hold"), NULL);
}

/**
 * sm_timer_bar_start_zone:
 * @seconds: the hold, 1 … 600; 0 for the default hold
 *
 * Starts a hold for a zone, ending any run under way.
 *
 * Returns: %FALSE with @error set if @seconds is out of range
 */
gboolean
sm_timer_bar_start_zone (SmTimerBar  *self,
                         const char  *zone,
                         const char  *side,
                         const char  *title,
                         guint        seconds,
                         GError     **error)
{
  g_return_val_if_fail (SM_IS_TIMER_BAR (self), FALSE);

  if (seconds == 0)
    seconds = g_settings_get_uint (self->settings, "default-hold");
  if (!sm_validate_seconds (seconds, error))
    return FALSE;

  g_clear_pointer (&self->guided_subject, g_free);
  sm_timer_reset (self->timer);
  sm_timer_bar_set_zone (self, zone, side, title, seconds);
  self->second_side = FALSE;
  sm_timer_start (self->timer);

  return TRUE;
}

/* While @subject is non-NULL a session drives the timer and the bar shows
 * @subject; %NULL gives the bar back to the person. */
void
sm_timer_bar_set_guided (SmTimerBar *self,
                         const char *subject)
{
  g_return_if_fail (SM_IS_TIMER_BAR (self));

  sm_set_str (&self->guided_subject, subject);
  update_subject (self);
}

/* While the first-run safety screen is up nothing may start a hold; one
 * that runs already can still be paused. */
void
sm_timer_bar_set_can_start (SmTimerBar *self,
                            gboolean    can_start)
{
  g_return_if_fail (SM_IS_TIMER_BAR (self));

  self->can_start = !!can_start;
  update_state (self);
}

static void
toggle_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SmTimerBar *self = SM_TIMER_BAR (widget);

  if (!sm_timer_is_active (self->timer))
    self->second_side = FALSE;
  sm_timer_toggle (self->timer);
}

static void
reset_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  sm_timer_reset (SM_TIMER_BAR (widget)->timer);
}

static void
preset_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  SmTimerBar *self = SM_TIMER_BAR (widget);
  g_autoptr(GError) error = NULL;

  if (!sm_timer_set_duration (self->timer, g_variant_get_uint32 (param), &error))
    g_warning ("%s", error->message);
  gtk_menu_button_popdown (self->hold_button);
}

/* The hold-time popover, a dozen widgets with a spin button, is made when
 * it first opens (by click, Enter or a screen reader), not for the first
 * frame. */
static void
create_hold_popover (GtkMenuButton *button,
                     gpointer       user_data)
{
  SmTimerBar *self = user_data;

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_popover (button, sm_hold_popover_new (self->timer));
}

static void
sm_timer_bar_dispose (GObject *object)
{
  SmTimerBar *self = SM_TIMER_BAR (object);
  GtkWidget *child;

  g_clear_handle_id (&self->flash_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_TIMER_BAR);
  /* Unnamed template children are not cleared by the call above. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sm_timer_bar_parent_class)->dispose (object);
}

static void
sm_timer_bar_finalize (GObject *object)
{
  SmTimerBar *self = SM_TIMER_BAR (object);

  g_clear_object (&self->timer);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->zone, g_free);
  g_clear_pointer (&self->side, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->guided_subject, g_free);

  G_OBJECT_CLASS (sm_timer_bar_parent_class)->finalize (object);
}

static void
sm_timer_bar_class_init (SmTimerBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_timer_bar_dispose;
  object_class->finalize = sm_timer_bar_finalize;

  /**
   * SmTimerBar::side-switched:
   * @zone: the zone id
   * @side: the side the hold now runs on
   *
   * Emitted when the switch-sides run starts on the other side.
   */
  signals[SIDE_SWITCHED] =
    g_signal_new ("side-switched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-timer-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, subject_label);
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, state_label);
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, hold_button);
  gtk_widget_class_bind_template_child (widget_class, SmTimerBar, start_button);

  gtk_widget_class_install_action (widget_class, "timer.toggle", NULL, toggle_action);
  gtk_widget_class_install_action (widget_class, "timer.reset", NULL, reset_action);
  gtk_widget_class_install_action (widget_class, "timer.preset", "u", preset_action);

  gtk_widget_class_set_css_name (widget_class, "timerbar");
}

static void
connect_timer (SmTimerBar *self)
{
  g_signal_connect_object (self->timer, "notify::state",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::remaining",
                           G_CALLBACK (update_countdown), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "notify::duration",
                           G_CALLBACK (update_hold_button), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timer, "finished",
                           G_CALLBACK (on_finished), self, G_CONNECT_SWAPPED);
}

static void
sm_timer_bar_init (SmTimerBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->can_start = TRUE;
  self->settings = g_settings_new (APP_ID);
  self->timer = sm_timer_new ();
  sm_timer_set_duration (self->timer, g_settings_get_uint (self->settings, "default-hold"), NULL);
  g_settings_bind (self->settings, "get-ready", self->timer, "get-ready", G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->settings, "changed::default-hold",
                           G_CALLBACK (default_hold_changed), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->hold_button, create_hold_popover, self, NULL);

  connect_timer (self);
  update_subject (self);
  update_hold_button (self);
  update_state (self);
}
