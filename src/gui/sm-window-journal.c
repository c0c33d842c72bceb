/* sm-window-journal.c: the Journal page in the side pane (Ctrl+J), its
 * report (Ctrl+Shift+J), its charts in presenter mode (F11 on the page),
 * and logging a single hold from a panel.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sm-a11y.h"
#include "sm-journal.h"
#include "sm-journal-save.h"
#include "sm-routine-store.h"
#include "sm-window-private.h"

/* The journal's page is made when it is first shown: it reads the
 * journal, which the first frame does not need. */
static SmJournalPage *
ensure_journal_page (SmWindow *self)
{
  if (self->journal_page == NULL)
    {
      self->journal_page = SM_JOURNAL_PAGE (sm_journal_page_new ());
      gtk_stack_add_named (self->panel_stack, GTK_WIDGET (self->journal_page), "journal");
      sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->journal_page));
    }
  return self->journal_page;
}

static void
show_journal_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  ensure_journal_page (self);
  gtk_stack_set_visible_child_name (self->panel_stack, "journal");
  sm_journal_page_reload (self->journal_page);
  _sm_window_focus_first (GTK_WIDGET (self->journal_page));
}

static void
save_report_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  /* The page says how it went: it is on show while the file is saved. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->panel_stack), "journal") != 0)
    show_journal_action (widget, NULL, NULL);
  sm_journal_save_report_choose (GTK_WINDOW (self), self->journal_page);
}

/* --- The charts in presenter mode ---------------------------------------- */

static void
leave_journal_presenter (SmWindow *self)
{
  if (!self->presenting_journal)
    return;
  self->presenting_journal = FALSE;
  gtk_stack_set_visible_child_name (self->mode_stack, "normal");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), TRUE);
  sm_window_geometry_restore (&self->before_presenting, GTK_WINDOW (self), self->paned);
  _sm_window_focus_first (GTK_WIDGET (ensure_journal_page (self)));
}

/* The therapist shows the patient the charts, full screen, as the map's
 * presenter mode does: what it changes is saved first and put back. */
static void
present_journal_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  if (self->presenting || self->presenting_journal || sm_window_get_safety_screen_visible (self))
    return;
  if (self->journal_presenter == NULL)
    {
      self->journal_presenter = SM_JOURNAL_PRESENTER (sm_journal_presenter_new ());
      g_signal_connect_object (self->journal_presenter, "leave", G_CALLBACK (leave_journal_presenter),
                               self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->mode_stack, GTK_WIDGET (self->journal_presenter), "journal-presenter");
    }
  sm_journal_page_reload (ensure_journal_page (self));
  sm_journal_presenter_set_entries (self->journal_presenter, sm_journal_page_get_entries (self->journal_page),
                                    sm_journal_page_get_days (self->journal_page));
  sm_window_geometry_save (&self->before_presenting, GTK_WINDOW (self), self->paned);
  self->presenting_journal = TRUE;
  gtk_stack_set_visible_child_name (self->mode_stack, "journal-presenter");
  gtk_widget_set_visible (GTK_WIDGET (self->header_bar), FALSE);
  gtk_window_fullscreen (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->journal_presenter));
}

/* --- A single hold from a panel ------------------------------------------ */

static void
on_hold_logged (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Kept in memory and saved with the next one; quitting asks. */
  if (!sm_journal_add_finish (SM_JOURNAL (source), result, &error))
    g_message ("Hold not saved to the journal yet: %s", error->message);
}

/* The hold as one step, like a session's snapshot. */
static char *
hold_steps_json (SmWindow *self,
                 guint     seconds)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *zone = sm_timer_bar_get_zone (self->timer_bar);

  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "zone");
  json_builder_add_string_value (builder, zone);
  json_builder_set_member_name (builder, "side");
  json_builder_add_string_value (builder, sm_timer_bar_get_side (self->timer_bar));
  json_builder_set_member_name (builder, "hold");
  json_builder_add_int_value (builder, seconds);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, _sm_window_zone_title (zone));
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
on_hold_log (SmWindow *self,
             int       pain)
{
  SmTimer *timer = sm_timer_bar_get_timer (self->timer_bar);
  guint seconds = sm_timer_get_duration (timer);
  g_autoptr(SmJournalEntry) entry = sm_journal_entry_new (sm_hold_log_get_subject (self->hold_log));

  entry->ended = g_get_real_time () / G_USEC_PER_SEC;
  entry->started = entry->ended - seconds;
  entry->steps_done = 1;
  entry->pain_after = pain;
  entry->single_hold = TRUE;
  g_free (entry->steps_json);
  entry->steps_json = hold_steps_json (self, seconds);
  sm_journal_add_async (sm_journal_get_default (), entry, NULL, on_hold_logged, NULL);
}

/* The offer joins the timer's slot (above the timer bar) the first time
 * it is made, not for the first frame: most holds are never logged. */
static SmHoldLog *
ensure_hold_log (SmWindow *self)
{
  if (self->hold_log == NULL)
    {
      self->hold_log = SM_HOLD_LOG (sm_hold_log_new ());
      gtk_box_prepend (self->timer_slot, GTK_WIDGET (self->hold_log));
      sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->hold_log));
      g_signal_connect_object (self->hold_log, "log", G_CALLBACK (on_hold_log), self, G_CONNECT_SWAPPED);
    }
  return self->hold_log;
}

/* "Time is up" of a hold from a muscle's page (not a guided session's,
 * which has its own check-ins), when the preference asks for it. Runs
 * after the timer bar's own handler, which may have started the other
 * side: then the offer waits for that one. */
static void
on_timer_finished (SmWindow *self)
{
  SmTimer *timer = sm_timer_bar_get_timer (self->timer_bar);

  if (!g_settings_get_boolean (self->settings, "log-single-holds") || self->session != NULL ||
      sm_timer_bar_get_zone (self->timer_bar) == NULL ||
      sm_timer_get_state (timer) != SM_TIMER_STATE_FINISHED)
    return;
  sm_hold_log_offer (ensure_hold_log (self), sm_timer_bar_get_subject (self->timer_bar));
}

/* A new hold, or a guided session, makes an old offer stale. */
static void
on_timer_state (SmWindow *self)
{
  SmTimerState state = sm_timer_get_state (sm_timer_bar_get_timer (self->timer_bar));

  if (self->hold_log != NULL &&
      (state == SM_TIMER_STATE_RUNNING || state == SM_TIMER_STATE_GET_READY || self->session != NULL))
    sm_hold_log_dismiss (self->hold_log);
}

/* The plan of the session's routine, kept with the entry so the weeks
 * keep what was asked then. */
guint
_sm_window_journal_plan (SmSession *session)
{
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (), sm_session_get_id (session));

  return routine != NULL ? sm_routine_get_sessions_per_week (routine) : 0;
}

/* --- Setting up ---------------------------------------------------------- */

void
_sm_window_class_journal_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SM_TYPE_JOURNAL_PAGE);
  gtk_widget_class_install_action (widget_class, "win.show-journal", NULL, show_journal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK,
                                       "win.show-journal", NULL);
  gtk_widget_class_install_action (widget_class, "win.save-report", NULL, save_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_J, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-report", NULL);
  gtk_widget_class_install_action (widget_class, "win.present-journal", NULL, present_journal_action);
}

/* The page joins the side pane's stack and the hold offer the timer's
 * slot when first needed, so the window's template stays as it is. */
void
_sm_window_journal_init (SmWindow *self)
{
  SmTimer *timer = sm_timer_bar_get_timer (self->timer_bar);

  g_signal_connect_object (timer, "finished", G_CALLBACK (on_timer_finished), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (timer, "notify::state", G_CALLBACK (on_timer_state), self, G_CONNECT_SWAPPED);
}
