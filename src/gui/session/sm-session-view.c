/* sm-session-view.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-session-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
#include "sm-pose-picture.h"
#include "sm-session-view.h"

/* Share of the view's height for the countdown's and the step name's
 * type: at 1080 pixels the countdown's digits stand about 170 pixels
 * tall, the name's about 50, legible from a mat across the room. */
#define COUNTDOWN_SHARE 0.22
#define TITLE_SHARE     0.065
#define DETAIL_SHARE    0.035
/* The picture of the position stands beside the name, a third as tall as
 * the view: about 360 pixels at 1080, clear from the floor. */
#define PICTURE_SHARE   0.33

/* Like the side-pane page it follows the session and never drives it: its
 * buttons are the window's actions. The text sizes follow the view's
 * height, so the same view reads on a laptop and on a television. */
struct _SmSessionView
{
  GtkWidget    parent_instance;

  SmSession   *session;
  SmTimer     *timer;
  int          sized_for;     /* the height the type was last sized for */
  guint        resize_id;

  GtkStack    *pages;
  GtkLabel    *progress_label;
  GtkLevelBar *progress_level;
  GtkBox      *picture_slot;
  SmPosePicture *picture;     /* in picture_slot */
  GtkLabel    *phase_label;
  GtkLabel    *step_label;
  GtkLabel    *detail_label;
  GtkLabel    *countdown_label;
  GtkLabel    *next_label;
  GtkButton   *pause_button;
  GtkLabel    *summary_title;
  GtkLabel    *summary_label;
  GtkLabel    *summary_time_label;
  GtkButton   *done_button;
};

G_DEFINE_FINAL_TYPE (SmSessionView, sm_session_view, GTK_TYPE_WIDGET)

GtkWidget *
sm_session_view_new (void)
{
  return g_object_new (SM_TYPE_SESSION_VIEW, NULL);
}

/* --- What it shows ------------------------------------------------------- */

/* "Left side · Tennis ball", or as much of it as the step has. */
static char *
step_detail (SmSessionStep *step,
             const char    *side)
{
  const char *tool = sm_session_step_get_tool (step);

  if (side != NULL && tool != NULL)
    /* Translators: the side and the tool of a step, e.g. "Left side ·
     * Tennis ball" */
    return g_strdup_printf (_("%1$s · %2$s"), sm_format_side (side), tool);
  if (side != NULL)
    return g_strdup (sm_format_side (side));

  return g_strdup (tool != NULL ? tool : "");
}

static const char *
other_side (const char *side)
{
  return g_strcmp0 (side, "left") == 0 ? "right" : "left";
}

/* The hold after the one on show: the other side, or the next step. */
static char *
next_text (SmSession *session)
{
  guint position = sm_session_get_position (session);
  SmSessionStep *step = sm_session_get_current_step (session);
  SmSessionPhase phase = sm_session_get_phase (session);
  g_autofree char *what = NULL;

  if (phase == SM_SESSION_PHASE_REST)
    position++;
  else if (phase == SM_SESSION_PHASE_HOLD && sm_session_get_switch_sides (session) &&
           sm_session_step_get_zone (step) != NULL)
    what = sm_format_zone_side (sm_session_step_get_title (step),
                                other_side (sm_session_step_get_side (step)));

  if (what == NULL && phase != SM_SESSION_PHASE_REST)
    position++;
  if (what == NULL && position >= sm_session_get_n_steps (session))
    /* Translators: in the full-screen session, when nothing follows */
    return g_strdup (_("Last hold of the session"));
  if (what == NULL)
    {
      step = sm_session_get_step (session, position);
      what = sm_format_zone_side (sm_session_step_get_title (step), sm_session_step_get_side (step));
    }

  /* Translators: in the full-screen session, e.g. "Next: Psoas, left side" */
  return g_strdup_printf (_("Next: %s"), what);
}

static const char *
phase_text (SmSessionView *self)
{
  SmTimerState state = sm_timer_get_state (self->timer);

  if (state == SM_TIMER_STATE_PAUSED)
    return _("Paused");
  if (sm_session_get_phase (self->session) == SM_SESSION_PHASE_REST)
    return C_("session view", "Rest");
  if (state == SM_TIMER_STATE_GET_READY)
    return C_("session view", "Get Ready");

  return C_("session view", "Hold");
}

static void
update_clock (SmSessionView *self)
{
  g_autofree char *clock = NULL;

  if (self->timer == NULL)
    return;

  clock = sm_format_clock (sm_timer_get_display_seconds (self->timer));
  gtk_label_set_label (self->countdown_label, clock);
  gtk_label_set_label (self->phase_label, phase_text (self));
  gtk_button_set_label (self->pause_button, sm_timer_get_state (self->timer) == SM_TIMER_STATE_PAUSED
                                            ? _("_Resume") : _("P_ause"));
}

/* The position of the step on show (none during a rest, or for a step
 * with no picture), mirrored for its side like the side pane's. */
static void
show_picture (SmSessionView *self,
              SmSessionStep *step,
              const char    *side)
{
  GObject *item = step != NULL ? sm_session_step_get_picture (step) : NULL;

  sm_pose_picture_set_side (self->picture, side);
  sm_pose_picture_set_item (self->picture, item);
  gtk_widget_set_visible (GTK_WIDGET (self->picture_slot), item != NULL);
}

static void
show_step (SmSessionView *self)
{
  SmSession *session = self->session;
  SmSessionStep *step = sm_session_get_current_step (session);
  g_autofree char *progress = sm_session_format_progress (session);
  g_autofree char *detail = NULL;
  g_autofree char *next = next_text (session);

  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_max_value (self->progress_level, sm_session_get_n_parts (session));
  gtk_level_bar_set_value (self->progress_level, sm_session_get_part (session));
  if (sm_session_get_phase (session) == SM_SESSION_PHASE_REST)
    {
      g_autofree char *rest = sm_format_duration (sm_session_step_get_rest (step));

      /* Translators: the full-screen session's heading during a rest,
       * e.g. "Rest for 10 s" */
      detail = g_strdup_printf (_("Rest for %s"), rest);
      gtk_label_set_label (self->step_label, detail);
      gtk_label_set_label (self->detail_label, "");
      show_picture (self, NULL, NULL);
    }
  else
    {
      detail = step_detail (step, sm_session_get_current_side (session));
      gtk_label_set_label (self->step_label, sm_session_step_get_title (step));
      gtk_label_set_label (self->detail_label, detail);
      show_picture (self, step, sm_session_get_current_side (session));
    }
  gtk_label_set_label (self->next_label, next);
  gtk_stack_set_visible_child_name (self->pages, "step");
  update_clock (self);
}

static void
show_summary (SmSessionView *self)
{
  g_autofree char *summary = sm_session_format_summary (self->session);
  g_autofree char *time = sm_session_format_time_summary (self->session);

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->summary_time_label, time);
  gtk_stack_set_visible_child_name (self->pages, "summary");
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
}

static void
update (SmSessionView *self)
{
  if (sm_session_get_phase (self->session) == SM_SESSION_PHASE_FINISHED)
    show_summary (self);
  else if (sm_session_is_running (self->session))
    show_step (self);
}

static void
disconnect (SmSessionView *self)
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
sm_session_view_set_session (SmSessionView *self,
                             SmSession     *session,
                             SmTimer       *timer)
{
  g_return_if_fail (SM_IS_SESSION_VIEW (self));
  g_return_if_fail ((session == NULL) == (timer == NULL));

  disconnect (self);
  if (session == NULL)
    return;

  self->session = g_object_ref (session);
  self->timer = g_object_ref (timer);
  g_signal_connect_swapped (session, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (timer, "notify::state", G_CALLBACK (update_clock), self);
  g_signal_connect_swapped (timer, "notify::remaining", G_CALLBACK (update_clock), self);
  update (self);
}

/* Space, N and the rest work at once; Pause has the keyboard. */
void
sm_session_view_focus (SmSessionView *self)
{
  g_return_if_fail (SM_IS_SESSION_VIEW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "summary") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->pause_button));
}

/* --- Type that follows the height ---------------------------------------- */

static void
set_size (GtkLabel *label,
          double    pixels)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (pixels * PANGO_SCALE)));
  gtk_label_set_attributes (label, attrs);
}

static gboolean
on_resize_idle (gpointer data)
{
  SmSessionView *self = data;
  int height = self->sized_for;

  self->resize_id = 0;
  set_size (self->countdown_label, height * COUNTDOWN_SHARE);
  set_size (self->step_label, height * TITLE_SHARE);
  set_size (self->detail_label, height * DETAIL_SHARE);
  set_size (self->phase_label, height * DETAIL_SHARE);
  set_size (self->next_label, height * DETAIL_SHARE);
  set_size (self->summary_title, height * TITLE_SHARE);
  set_size (self->summary_label, height * DETAIL_SHARE * 1.4);
  set_size (self->summary_time_label, height * DETAIL_SHARE);
  sm_pose_picture_set_size (self->picture, (int) (height * PICTURE_SHARE));
  return G_SOURCE_REMOVE;
}

static void
sm_session_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SmSessionView *self = SM_SESSION_VIEW (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);

  /* A resize from inside an allocation would be lost: a turn later. */
  if (height != self->sized_for && height > 0)
    {
      self->sized_for = height;
      if (self->resize_id == 0)
        self->resize_id = g_idle_add (on_resize_idle, self);
    }
}

static void
sm_session_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
sm_session_view_dispose (GObject *object)
{
  SmSessionView *self = SM_SESSION_VIEW (object);

  g_clear_handle_id (&self->resize_id, g_source_remove);
  disconnect (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_SESSION_VIEW);

  G_OBJECT_CLASS (sm_session_view_parent_class)->dispose (object);
}

static void
sm_session_view_class_init (SmSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_session_view_dispose;
  widget_class->size_allocate = sm_session_view_size_allocate;
  widget_class->measure = sm_session_view_measure;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-session-view.ui");
  gtk_widget_class_set_css_name (widget_class, "sessionview");
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, pages);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, progress_level);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, picture_slot);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, phase_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, step_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, countdown_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, next_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, pause_button);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, summary_title);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, summary_time_label);
  gtk_widget_class_bind_template_child (widget_class, SmSessionView, done_button);
}

static void
sm_session_view_init (SmSessionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->picture = SM_POSE_PICTURE (sm_pose_picture_new ());
  gtk_box_append (self->picture_slot, GTK_WIDGET (self->picture));
}
