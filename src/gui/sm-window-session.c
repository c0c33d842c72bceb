/* sm-window-session.c: the hold timer and guided sessions, and the zones
 * they show on the map and name in the timer bar
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-a11y.h"
#include "sm-atlas.h"
#include "sm-format.h"
#include "sm-journal.h"
#include "sm-map-flash.h"
#include "sm-plain-keys.h"
#include "sm-routine-session.h"
#include "sm-routine-store.h"
#include "sm-window-private.h"

/* --- Zones on the map and in the timer ----------------------------------- */

static SmZone *
lookup_zone (const char *zone_id)
{
  return sm_atlas_lookup_zone (sm_atlas_get_default (), zone_id);
}

const char *
_sm_window_zone_title (const char *zone_id)
{
  SmZone *zone = lookup_zone (zone_id);

  return zone != NULL ? sm_zone_get_name (zone) : zone_id;
}

/* The zone's own hold time; 0 lets the timer use the default hold. */
guint
_sm_window_zone_hold (const char *zone_id)
{
  SmZone *zone = lookup_zone (zone_id);

  return zone != NULL ? sm_zone_get_hold_seconds (zone) : 0;
}

/* Selects a zone on the map without leaving the side pane's page; the map
 * switches view, layer and side filter as needed, and shows the landmarks
 * that find the muscle on that side. %NULL (a stretch) clears both. */
static void
highlight_zone (SmWindow   *self,
                const char *zone_id,
                const char *side)
{
  if (zone_id == NULL)
    sm_body_map_clear_selection (self->body_map);
  else if (!sm_body_map_select_zone (self->body_map, zone_id, side))
    g_warning ("No zone “%s” on the body map", zone_id);
  _sm_window_emphasize_zone_landmarks (self, zone_id, side);
}

/* --- Hold timer ---------------------------------------------------------- */

/* The hold timer: "Start timer" on a zone panel targets win.start-timer
 * with the zone, its side and its hold in seconds (0 for the zone's own
 * hold from the content, or the default hold). */
static void
start_timer_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  const char *zone, *side;
  guint32 seconds;

  g_variant_get (param, "(&s&su)", &zone, &side, &seconds);
  if (self->session != NULL)
    sm_session_stop (self->session);

  if (seconds == 0)
    seconds = _sm_window_zone_hold (zone);
  if (!sm_timer_bar_start_zone (self->timer_bar, zone, side, _sm_window_zone_title (zone), seconds, &error))
    g_warning ("Cannot start the timer for %s: %s", zone, error->message);
}

/* win.timer-toggle and win.timer-reset: the timer bar's timer.toggle and
 * timer.reset, reachable from anywhere in the window. */
static void
timer_bar_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  g_autofree char *bar_action = g_strconcat ("timer.", name + strlen ("win.timer-"), NULL);

  gtk_widget_activate_action (GTK_WIDGET (SM_WINDOW (widget)->timer_bar), bar_action, NULL);
}

static void
update_indicator (SmWindow *self)
{
  g_autofree char *clock = sm_format_clock (sm_timer_get_display_seconds (self->timer));
  g_autofree char *tooltip = g_strdup_printf (_("Hold timer: %s left"), clock);

  gtk_widget_set_visible (self->timer_indicator, sm_timer_is_active (self->timer));
  gtk_label_set_label (self->timer_indicator_label, clock);
  gtk_widget_set_tooltip_text (self->timer_indicator, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timer_indicator),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

/* The header's timer indicator leads back to the session page, or to the
 * timer bar when no session runs. */
static void
show_timer_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->session != NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "session");
      sm_session_panel_focus (self->session_panel);
    }
  else
    gtk_widget_child_focus (GTK_WIDGET (self->timer_bar), GTK_DIR_TAB_FORWARD);
}

/* The switch-sides run moves the whole window to the other side: the map,
 * and the muscle's page when it is on show (its side switch, title and
 * landmarks), as the page's own Left/Right buttons would. */
static void
on_timer_bar_side_switched (SmWindow   *self,
                            const char *zone,
                            const char *side)
{
  gboolean on_show = g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "zone") == 0 &&
                     g_strcmp0 (sm_zone_panel_get_zone (self->zone_panel), zone) == 0;

  if (on_show)
    _sm_window_navigate_to (self, "zone", zone, side);
  else
    sm_body_map_select_zone (self->body_map, zone, side);
}

/* --- Guided sessions ----------------------------------------------------- */

static void
update_session_actions (SmWindow *self)
{
  gboolean running = self->session != NULL && sm_session_is_running (self->session);
  gboolean finished = self->session != NULL &&
                      sm_session_get_phase (self->session) == SM_SESSION_PHASE_FINISHED;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-next", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-previous", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-stop", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.session-close", finished);
  _sm_window_update_cue_actions (self);
}

static char *
session_subject (SmSession *session)
{
  SmSessionStep *step = sm_session_get_current_step (session);

  if (sm_session_get_phase (session) == SM_SESSION_PHASE_REST)
    return g_strdup (_("Rest"));

  return sm_format_zone_side (sm_session_step_get_title (step),
                              sm_session_get_current_side (session));
}

/* --- The journal --------------------------------------------------------- */

static void
on_journal_add_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* The entry is kept in memory and saved with the next one. */
  if (!sm_journal_add_finish (SM_JOURNAL (source), result, &error))
    g_message ("Session not saved to the journal yet: %s", error->message);
}

/* Holds that the session passed without running them to their end; the
 * steps not reached yet in a session that was stopped are not skipped. */
static guint
count_skipped (SmSession *session,
               gboolean   finished)
{
  guint n_steps = MAX (sm_session_get_n_steps (session), 1);
  guint reached = finished ? sm_session_get_n_holds (session)
                           : sm_session_get_n_holds (session) * sm_session_get_position (session) / n_steps;

  return reached > sm_session_get_completed (session) ? reached - sm_session_get_completed (session) : 0;
}

static char *
routine_drawing_json (SmSession *session)
{
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (),
                                                sm_session_get_id (session));
  SmPainDrawing *drawing = routine != NULL ? sm_routine_get_pain_drawing (routine) : NULL;
  g_autoptr(JsonNode) node = NULL;

  if (drawing == NULL || sm_pain_drawing_get_n_strokes (drawing) == 0)
    return NULL;
  node = sm_pain_drawing_to_json (drawing);
  return json_to_string (node, FALSE);
}

/* Every session goes into the journal, a stopped one as partial. In a
 * worker thread, except when the window is asked to close or goes away
 * (quitting): then the write is done before the program can end, and one
 * that fails stays in the journal's memory for the question that follows
 * (Save Again, Quit Anyway, Cancel). */
static void
record_session (SmWindow *self)
{
  SmSession *session = self->session;
  gboolean finished = sm_session_get_phase (session) == SM_SESSION_PHASE_FINISHED;
  g_autoptr(SmJournalEntry) entry = sm_journal_entry_new (sm_session_get_title (session));
  g_autoptr(GError) error = NULL;

  entry->started = self->session_started;
  entry->ended = MAX (g_get_real_time () / G_USEC_PER_SEC, entry->started);
  entry->steps_done = sm_session_get_completed (session);
  entry->steps_skipped = count_skipped (session, finished);
  entry->partial = !finished;
  entry->drawing_json = routine_drawing_json (session);
  entry->plan = _sm_window_journal_plan (session);
  sm_journal_entry_set_steps_from_session (entry, session);
  sm_session_panel_fill_entry (self->session_panel, entry);

  if (!gtk_widget_in_destruction (GTK_WIDGET (self)) && !self->session_closing)
    sm_journal_add_async (sm_journal_get_default (), entry, NULL, on_journal_add_done, NULL);
  else if (!sm_journal_add (sm_journal_get_default (), entry, NULL, &error))
    g_message ("Session not saved to the journal: %s", error->message);
}

/* --- Ending a session ---------------------------------------------------- */

void
_sm_window_end_session (SmWindow *self)
{
  if (self->session == NULL)
    return;

  record_session (self);

  /* Stopping it below must not come back here. */
  g_signal_group_set_target (self->session_signals, NULL);
  sm_session_stop (self->session);
  _sm_window_cues_set_session (self, NULL);
  g_clear_object (&self->session);
  sm_session_panel_set_session (self->session_panel, NULL, NULL);
  sm_timer_bar_set_guided (self->timer_bar, NULL);
  /* The last step's zone and time are not the person's to start again. */
  sm_timer_bar_clear_zone (self->timer_bar);
  update_session_actions (self);
}

/* Leaves the session page for the page the person was on, but only if
 * it is the page on show: a session stopped by "Start timer" on a
 * muscle's page keeps that page. A session started from the routines
 * page goes back there, to the routine whose steps the map numbers. */
static void
leave_session_page (SmWindow *self)
{
  gboolean from_routines = self->session_from_routines;

  self->session_from_routines = FALSE;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "session") != 0)
    return;

  if (from_routines)
    {
      _sm_window_emphasize_zone_landmarks (self, NULL, NULL);
      sm_body_map_clear_selection (self->body_map);
      /* The button that was pressed went away with its page. The page
       * knows what it shows: the first control of the open routine, not
       * of the list its stack keeps hidden (and visible) behind it. */
      gtk_widget_grab_focus (GTK_WIDGET (_sm_window_show_routines_page (self)));
    }
  else
    _sm_window_show_current_location (self);
}

/**
 * sm_window_end_session_for_close:
 *
 * Closing the window ends a running session. It is ended and written to
 * the journal before the close asks about anything unsaved, so a write
 * that fails is asked about too rather than lost with the window.
 */
void
sm_window_end_session_for_close (SmWindow *self)
{
  g_return_if_fail (SM_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  self->session_closing = TRUE;
  _sm_window_end_session (self);
  self->session_closing = FALSE;
  /* A close that is then cancelled leaves the person where they were,
   * not on a session that is over. */
  leave_session_page (self);
}

/* Each step brings its zone into view on the map and names itself on
 * the timer bar. */
static void
on_session_changed (SmWindow *self)
{
  SmSession *session = self->session;
  SmSessionStep *step = sm_session_get_current_step (session);
  g_autofree char *subject = NULL;

  update_session_actions (self);
  if (sm_session_get_phase (session) == SM_SESSION_PHASE_FINISHED)
    {
      sm_timer_bar_set_guided (self->timer_bar, _("Session complete"));
      return;
    }
  if (!sm_session_is_running (session))
    {
      _sm_window_end_session (self);
      leave_session_page (self);
      return;
    }

  highlight_zone (self, sm_session_step_get_zone (step), sm_session_get_current_side (session));
  subject = session_subject (session);
  sm_timer_bar_set_guided (self->timer_bar, subject);
}

/* The session panel is made for the first session, not for the first
 * frame; once made it stays, like the other pages of the side pane. */
static SmSessionPanel *
ensure_session_panel (SmWindow *self)
{
  if (self->session_panel == NULL)
    {
      self->session_panel = SM_SESSION_PANEL (sm_session_panel_new ());
      gtk_stack_add_titled (self->panel_stack, GTK_WIDGET (self->session_panel), "session",
                            _("Guided Session"));
      sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->session_panel));
    }
  return self->session_panel;
}

/* Runs @session, e.g. a routine's steps, on the window's timer; the
 * switch-sides preference applies. */
void
sm_window_run_session (SmWindow  *self,
                       SmSession *session)
{
  g_return_if_fail (SM_IS_WINDOW (self));
  g_return_if_fail (SM_IS_SESSION (session));

  self->session_from_routines =
    g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "routines") == 0 ||
    (self->session_from_routines && self->session != NULL);
  _sm_window_end_session (self);
  self->session = g_object_ref (session);
  self->session_started = g_get_real_time () / G_USEC_PER_SEC;
  sm_session_set_switch_sides (session, g_settings_get_boolean (self->settings, "switch-sides"));
  g_signal_group_set_target (self->session_signals, session);
  sm_session_panel_set_session (ensure_session_panel (self), session, self->timer);
  _sm_window_cues_set_session (self, session);
  gtk_stack_set_visible_child_name (self->panel_stack, "session");
  sm_session_start (session, self->timer);
  sm_session_panel_focus (self->session_panel);
}

/* The built-in sessions work on the side chosen in the header bar. */
static void
start_session_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (), id);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSession) session = NULL;

  /* The routines of the routines page, built in or one's own; the timer's
   * own list for ids it alone knows. A routine that cannot play (no steps
   * yet) says so where the person is looking. */
  if (routine != NULL)
    session = sm_routine_session_new (routine, sm_atlas_get_default (), self->side, &error);
  else
    session = sm_session_new_builtin (id, sm_atlas_get_default (), self->side, &error);

  if (session == NULL && routine != NULL)
    sm_routines_page_show_message (_sm_window_ensure_routines_page (self), error->message, FALSE);
  else if (session == NULL)
    g_warning ("Cannot start a guided session: %s", error->message);
  else
    sm_window_run_session (self, session);
}

/* win.session-next, win.session-previous and win.session-stop (enabled
 * only while a session runs). */
static void
session_control_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  SmSession *session = SM_WINDOW (widget)->session;

  if (g_str_equal (name, "win.session-next"))
    sm_session_next (session);
  else if (g_str_equal (name, "win.session-previous"))
    sm_session_previous (session);
  else
    sm_session_stop (session);
}

static void
session_close_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  _sm_window_end_session (self);
  leave_session_page (self);
}

/* N and P mean something only while a session runs; nothing starts the
 * timer while the first-run safety screen is up (Space presses its
 * button instead). */
static gboolean
plain_key_filter (GtkWidget  *widget,
                  const char *action,
                  gpointer    user_data)
{
  SmWindow *self = SM_WINDOW (widget);

  if (g_str_has_prefix (action, "win.session-"))
    return self->session != NULL && sm_session_is_running (self->session);
  if (g_str_equal (action, "win.timer-toggle"))
    return !sm_window_get_safety_screen_visible (self) || sm_timer_is_active (self->timer);

  return TRUE;
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_class_session_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.start-timer", "(ssu)", start_timer_action);
  gtk_widget_class_install_action (widget_class, "win.timer-toggle", NULL, timer_bar_action);
  gtk_widget_class_install_action (widget_class, "win.timer-reset", NULL, timer_bar_action);
  gtk_widget_class_install_action (widget_class, "win.show-timer", NULL, show_timer_action);
  gtk_widget_class_install_action (widget_class, "win.start-session", "s", start_session_action);
  gtk_widget_class_install_action (widget_class, "win.session-next", NULL, session_control_action);
  gtk_widget_class_install_action (widget_class, "win.session-previous", NULL, session_control_action);
  gtk_widget_class_install_action (widget_class, "win.session-stop", NULL, session_control_action);
  gtk_widget_class_install_action (widget_class, "win.session-close", NULL, session_close_action);
  _sm_window_class_cues_init (klass);
}

void
_sm_window_session_init (SmWindow *self)
{
  self->timer = g_object_ref (sm_timer_bar_get_timer (self->timer_bar));
  g_signal_connect_swapped (self->timer, "notify::state", G_CALLBACK (update_indicator), self);
  g_signal_connect_swapped (self->timer, "notify::remaining", G_CALLBACK (update_indicator), self);
  g_signal_connect_swapped (self->timer, "finished", G_CALLBACK (sm_map_flash_selection), self->body_map);
  g_signal_connect_object (self->timer_bar, "side-switched",
                           G_CALLBACK (on_timer_bar_side_switched), self, G_CONNECT_SWAPPED);
  /* One session at a time follows the window: the group moves with it. */
  self->session_signals = g_signal_group_new (SM_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "changed",
                                  G_CALLBACK (on_session_changed), self);
  sm_plain_keys_add (GTK_WIDGET (self), plain_key_filter, NULL);
  _sm_window_cues_init (self);
  update_indicator (self);
  update_session_actions (self);
}
