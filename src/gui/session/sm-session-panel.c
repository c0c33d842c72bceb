/* sm-session-panel.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-session-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-check-in.h"
#include "sm-format.h"
#include "sm-pain-scale.h"
#include "sm-pose-picture.h"
#include "sm-session-panel.h"

/* Shows what to do now; the buttons are the window's session actions, so
 * the panel only follows the session and never drives it. */
struct _SmSessionPanel
{
  GtkWidget    parent_instance;

  SmSession   *session;
  SmTimer     *timer;

  GtkStack    *pages;
  GtkLabel    *session_title;
  GtkLabel    *progress_label;
  GtkLevelBar *progress_level;
  GtkLabel    *step_title;
  GtkLabel    *phase_label;
  GtkLabel    *instructions_label;
  SmPosePicture *picture;
  GtkWidget   *next_box;
  SmPosePicture *next_picture;
  GtkButton   *pause_button;
  GtkLabel    *summary_label;
  GtkLabel    *summary_time_label;
  GtkButton   *again_button;
  GtkButton   *done_button;
  GtkWidget   *before_box;
  SmPainScale *before_scale;
  SmCheckIn   *check_in;
  gboolean     before_skipped;
};

G_DEFINE_FINAL_TYPE (SmSessionPanel, sm_session_panel, GTK_TYPE_WIDGET)

GtkWidget *
sm_session_panel_new (void)
{
  return g_object_new (SM_TYPE_SESSION_PANEL, NULL);
}

static char *
hold_text (const char *side,
           gboolean    other_side,
           const char *duration)
{
  if (g_strcmp0 (side, "left") == 0)
    return g_strdup_printf (other_side ? _("Now the left side: hold for %s.")
                                       : _("Left side: hold for %s."), duration);
  if (g_strcmp0 (side, "right") == 0)
    return g_strdup_printf (other_side ? _("Now the right side: hold for %s.")
                                       : _("Right side: hold for %s."), duration);

  return g_strdup_printf (_("Hold for %s."), duration);
}

/* During a rest the page already shows the next step, so the person can
 * read ahead and get into position. */
static SmSessionStep *
shown_step (SmSession *session)
{
  guint position = sm_session_get_position (session);

  if (sm_session_get_phase (session) == SM_SESSION_PHASE_REST)
    position++;

  return sm_session_get_step (session, MIN (position, sm_session_get_n_steps (session) - 1));
}

static char *
phase_text (SmSession *session)
{
  SmSessionStep *step = sm_session_get_current_step (session);
  SmSessionPhase phase = sm_session_get_phase (session);
  g_autofree char *duration = NULL;

  if (phase == SM_SESSION_PHASE_REST)
    {
      duration = sm_format_duration (sm_session_step_get_rest (step));
      return g_strdup_printf (_("Rest for %s, then this step."), duration);
    }

  duration = sm_format_duration (sm_session_step_get_hold (step));
  return hold_text (sm_session_get_current_side (session),
                    phase == SM_SESSION_PHASE_OTHER_SIDE, duration);
}

/* The position drawn large under the words; the next one small, to get
 * ready for. A step on one side is drawn on that side. */
static void
show_pictures (SmSessionPanel *self,
               SmSessionStep  *step)
{
  SmSession *session = self->session;
  guint position = sm_session_get_position (session) + (sm_session_get_phase (session) == SM_SESSION_PHASE_REST);
  SmSessionStep *next = NULL;

  for (guint i = position + 1; i < sm_session_get_n_steps (session) && next == NULL; i++)
    if (sm_session_step_get_picture (sm_session_get_step (session, i)) != sm_session_step_get_picture (step))
      next = sm_session_get_step (session, i);

  sm_pose_picture_set_side (self->picture, sm_session_step_get_side (step));
  sm_pose_picture_set_item (self->picture, sm_session_step_get_picture (step));
  sm_pose_picture_set_side (self->next_picture, next != NULL ? sm_session_step_get_side (next) : NULL);
  sm_pose_picture_set_item (self->next_picture, next != NULL ? sm_session_step_get_picture (next) : NULL);
  gtk_widget_set_visible (self->next_box, next != NULL && sm_session_step_get_picture (next) != NULL);
}

static void
show_step (SmSessionPanel *self)
{
  SmSession *session = self->session;
  SmSessionStep *step = shown_step (session);
  g_autofree char *progress = sm_session_format_progress (session);
  g_autofree char *phase = phase_text (session);

  gtk_label_set_label (self->session_title, sm_session_get_title (session));
  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_max_value (self->progress_level, sm_session_get_n_parts (session));
  gtk_level_bar_set_value (self->progress_level, sm_session_get_part (session));
  gtk_label_set_label (self->step_title, sm_session_step_get_title (step));
  gtk_label_set_label (self->phase_label, phase);
  gtk_label_set_label (self->instructions_label, sm_session_step_get_instructions (step));
  show_pictures (self, step);
  /* "How is the pain now?" belongs to the start; it stays until it is
   * answered or skipped, so it never goes away under the person's hand,
   * and an answer can be corrected during the first step. */
  gtk_widget_set_visible (self->before_box,
                          !self->before_skipped &&
                          (sm_session_get_position (session) == 0 ||
                           sm_pain_scale_get_value (self->before_scale) == SM_JOURNAL_NO_PAIN));
  gtk_stack_set_visible_child_name (self->pages, "step");
}

/* The button that had the keyboard goes with the step page: Done takes
 * it, so Enter or Space closes the summary. */
static void
keep_focus (SmSessionPanel *self,
            GtkWidget      *target)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_grab_focus (target);
}

static void
show_summary (SmSessionPanel *self)
{
  g_autofree char *summary = sm_session_format_summary (self->session);
  g_autofree char *time = sm_session_format_time_summary (self->session);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->summary_time_label, time);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->again_button),
                                    "s", sm_session_get_id (self->session));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "summary") != 0)
    sm_check_in_set_session (self->check_in, self->session,
                             sm_pain_scale_get_value (self->before_scale));
  gtk_stack_set_visible_child_name (self->pages, "summary");
  keep_focus (self, GTK_WIDGET (self->done_button));
}

/* A session that starts takes the keyboard to its page: Space pauses,
 * N and P step through it. */
void
sm_session_panel_focus (SmSessionPanel *self)
{
  g_return_if_fail (SM_IS_SESSION_PANEL (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "summary") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

static void
update (SmSessionPanel *self)
{
  if (sm_session_get_phase (self->session) == SM_SESSION_PHASE_FINISHED)
    show_summary (self);
  else if (sm_session_is_running (self->session))
    show_step (self);
}

static void
update_pause_button (SmSessionPanel *self)
{
  gboolean paused = sm_timer_get_state (self->timer) == SM_TIMER_STATE_PAUSED;

  gtk_button_set_label (self->pause_button, paused ? _("_Resume") : _("P_ause"));
}

static void
disconnect (SmSessionPanel *self)
{
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  g_clear_object (&self->session);
  g_clear_object (&self->timer);
}

/* Follows @session, which runs on @timer; %NULL for both lets go. */
void
sm_session_panel_set_session (SmSessionPanel *self,
                              SmSession      *session,
                              SmTimer        *timer)
{
  g_return_if_fail (SM_IS_SESSION_PANEL (self));
  g_return_if_fail (session == NULL || SM_IS_SESSION (session));
  g_return_if_fail ((session == NULL) == (timer == NULL));

  disconnect (self);
  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  self->timer = g_object_ref (timer);
  self->before_skipped = FALSE;
  sm_pain_scale_set_value (self->before_scale, SM_JOURNAL_NO_PAIN);
  gtk_stack_set_visible_child_name (self->pages, "step");
  g_signal_connect_swapped (session, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (timer, "notify::state", G_CALLBACK (update_pause_button), self);
  update (self);
  update_pause_button (self);
}

static void
on_before_skip_clicked (SmSessionPanel *self)
{
  self->before_skipped = TRUE;
  sm_pain_scale_set_value (self->before_scale, SM_JOURNAL_NO_PAIN);
  gtk_widget_set_visible (self->before_box, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/* What the person said: pain before, and at the end pain after, the
 * steps that made it worse and the note. */
void
sm_session_panel_fill_entry (SmSessionPanel *self,
                             SmJournalEntry *entry)
{
  g_return_if_fail (SM_IS_SESSION_PANEL (self));

  entry->pain_before = sm_pain_scale_get_value (self->before_scale);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "summary") == 0)
    sm_check_in_fill_entry (self->check_in, entry);
}

static void
sm_session_panel_dispose (GObject *object)
{
  SmSessionPanel *self = SM_SESSION_PANEL (object);

  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SESSION_PANEL);

  G_OBJECT_CLASS (sm_session_panel_parent_class)->dispose (object);
}

static void
sm_session_panel_class_init (SmSessionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_session_panel_dispose;

  g_type_ensure (SM_TYPE_PAIN_SCALE);
  g_type_ensure (SM_TYPE_CHECK_IN);

  g_type_ensure (SM_TYPE_POSE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-session-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, pages);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, session_title);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, progress_level);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, step_title);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, instructions_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, picture);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, next_box);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, next_picture);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, summary_time_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, again_button);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, done_button);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, before_box);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, before_scale);
  gtk_widget_class_bind_template_child (widget_class, SmSessionPanel, check_in);
  gtk_widget_class_bind_template_callback (widget_class, on_before_skip_clicked);
}

static void
sm_session_panel_init (SmSessionPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
