/* sm-presenter-console.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter-console"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-presenter-console.h"

struct _SmPresenterConsole
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkWidget    *scroller;
  GtkLabel     *monitor_label;
  GtkLabel     *now_label;
  GtkLabel     *next_heading;
  GtkLabel     *next_label;
  GtkLabel     *notes_heading;
  GtkLabel     *notes_label;
  GtkWidget    *stop_button;

  /* Owned references */
  SmPresenter  *presenter;         /* (nullable) on the other screen */
  GSignalGroup *presenter_signals;
};

G_DEFINE_FINAL_TYPE (SmPresenterConsole, sm_presenter_console, GTK_TYPE_WIDGET)

/* --- Following the presenter --------------------------------------------- */

static char *
now_text (SmPresenter *presenter)
{
  const char *step = sm_presenter_get_step_text (presenter);
  const char *title = sm_presenter_get_caption_title (presenter);

  if (*title == '\0')
    return g_strdup (sm_presenter_get_caption_sentence (presenter));
  if (*step == '\0')
    return g_strdup (title);
  /* Translators: the console's current step, e.g. “Step 2 of 4: Piriformis, left side” */
  return g_strdup_printf (_("%1$s: %2$s"), step, title);
}

static void
update (SmPresenterConsole *self)
{
  g_autofree char *now = NULL, *next = NULL;
  SmRoutine *routine;
  const char *notes;

  if (self->presenter == NULL)
    return;

  now = now_text (self->presenter);
  gtk_label_set_label (self->now_label, now);

  next = sm_presenter_dup_step_title (self->presenter, sm_presenter_get_step (self->presenter) + 1);
  gtk_widget_set_visible (GTK_WIDGET (self->next_heading), sm_presenter_get_n_steps (self->presenter) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->next_label), sm_presenter_get_n_steps (self->presenter) > 0);
  gtk_label_set_label (self->next_label, next != NULL ? next : _("This is the last step."));

  routine = sm_presenter_get_routine (self->presenter);
  notes = routine != NULL ? sm_routine_get_notes (routine) : NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->notes_heading), notes != NULL && *notes != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes != NULL && *notes != '\0');
  gtk_label_set_label (self->notes_label, notes != NULL ? notes : "");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.previous",
                                 sm_presenter_get_step (self->presenter) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "console.next",
                                 sm_presenter_get_step (self->presenter) + 1 <
                                 (int) sm_presenter_get_n_steps (self->presenter));
}

void
sm_presenter_console_set_presenter (SmPresenterConsole *self,
                                    SmPresenter        *presenter,
                                    const char         *monitor_name)
{
  g_return_if_fail (SM_IS_PRESENTER_CONSOLE (self));
  g_return_if_fail (presenter == NULL || SM_IS_PRESENTER (presenter));

  g_set_object (&self->presenter, presenter);
  g_signal_group_set_target (self->presenter_signals, presenter);
  gtk_label_set_label (self->monitor_label, monitor_name != NULL ? monitor_name : "");
  update (self);
}

/* (transfer none) (nullable) */
SmPresenter *
sm_presenter_console_get_presenter (SmPresenterConsole *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER_CONSOLE (self), NULL);

  return self->presenter;
}

const char *
sm_presenter_console_get_now_text (SmPresenterConsole *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER_CONSOLE (self), NULL);

  return gtk_label_get_label (self->now_label);
}

const char *
sm_presenter_console_get_next_text (SmPresenterConsole *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER_CONSOLE (self), NULL);

  return gtk_label_get_label (self->next_label);
}

/* Stop is the one control that is always there. */
void
sm_presenter_console_focus (SmPresenterConsole *self)
{
  g_return_if_fail (SM_IS_PRESENTER_CONSOLE (self));

  gtk_widget_grab_focus (self->stop_button);
}

/* --- Actions ------------------------------------------------------------- */

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmPresenterConsole *self = SM_PRESENTER_CONSOLE (widget);
  int by = g_str_equal (action_name, "console.next") ? 1 : -1;

  if (self->presenter != NULL)
    sm_presenter_go_to_step (self->presenter, sm_presenter_get_step (self->presenter) + by);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmPresenterConsole *self = SM_PRESENTER_CONSOLE (widget);

  if (self->presenter != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self->presenter), "presenter.leave", NULL);
}

/* --- Object -------------------------------------------------------------- */

GtkWidget *
sm_presenter_console_new (void)
{
  return g_object_new (SM_TYPE_PRESENTER_CONSOLE, NULL);
}

static void
sm_presenter_console_dispose (GObject *object)
{
  SmPresenterConsole *self = SM_PRESENTER_CONSOLE (object);

  g_clear_object (&self->presenter_signals);
  g_clear_object (&self->presenter);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_PRESENTER_CONSOLE);

  G_OBJECT_CLASS (sm_presenter_console_parent_class)->dispose (object);
}

static void
sm_presenter_console_class_init (SmPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_presenter_console_dispose;

  gtk_widget_class_install_action (widget_class, "console.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "console.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "console.stop", NULL, stop_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "console.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "console.previous", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, monitor_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, now_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, next_heading);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, next_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, notes_heading);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, notes_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenterConsole, stop_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_presenter_console_init (SmPresenterConsole *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presenter Console"), -1);
  self->presenter_signals = g_signal_group_new (SM_TYPE_PRESENTER);
  g_signal_group_connect_swapped (self->presenter_signals, "caption-changed", G_CALLBACK (update), self);
}
