/* sm-hold-log.c: "Log this hold?" after a hold from a panel.
 *
 * When the log-single-holds preference is on and a hold started from a
 * muscle's page is up, the window offers this bar above the timer: the
 * pain now (optional, 0 to 10) and one button to keep the hold in the
 * journal. It only asks; the window writes the entry on ::log.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-hold-log"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-hold-log.h"
#include "sm-journal-entry.h"
#include "sm-pain-scale.h"

struct _SmHoldLog
{
  GtkWidget    parent_instance;

  GtkLabel    *question_label;
  SmPainScale *pain_scale;
  GtkButton   *log_button;

  char        *subject;
};

G_DEFINE_FINAL_TYPE (SmHoldLog, sm_hold_log, GTK_TYPE_WIDGET)

enum {
  LOG,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
sm_hold_log_new (void)
{
  return g_object_new (SM_TYPE_HOLD_LOG, NULL);
}

/* Shows the question about the hold of @subject ("Piriformis, left side"),
 * with no pain chosen yet. */
void
sm_hold_log_offer (SmHoldLog  *self,
                   const char *subject)
{
  g_autofree char *question = NULL;

  g_return_if_fail (SM_IS_HOLD_LOG (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
  /* Translators: %s is what was held, such as "Piriformis, left side". */
  question = g_strdup_printf (_("Time is up for %s. Log this hold in the journal?"), subject);
  gtk_label_set_label (self->question_label, question);
  sm_pain_scale_set_value (self->pain_scale, SM_JOURNAL_NO_PAIN);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

const char *
sm_hold_log_get_subject (SmHoldLog *self)
{
  g_return_val_if_fail (SM_IS_HOLD_LOG (self), NULL);
  return self->subject;
}

void
sm_hold_log_dismiss (SmHoldLog *self)
{
  g_return_if_fail (SM_IS_HOLD_LOG (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
on_log_clicked (SmHoldLog *self)
{
  int pain = sm_pain_scale_get_value (self->pain_scale);

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[LOG], 0, pain);
}

static void
sm_hold_log_dispose (GObject *object)
{
  GtkWidget *child;
  SmHoldLog *self = SM_HOLD_LOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_HOLD_LOG);
  /* The template's box is not bound: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (sm_hold_log_parent_class)->dispose (object);
}

static void
sm_hold_log_class_init (SmHoldLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_hold_log_dispose;

  /**
   * SmHoldLog::log:
   * @pain: the pain now, 0 … 10, or SM_JOURNAL_NO_PAIN
   */
  signals[LOG] = g_signal_new ("log", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                               NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (SM_TYPE_PAIN_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-hold-log.ui");
  gtk_widget_class_bind_template_child (widget_class, SmHoldLog, question_label);
  gtk_widget_class_bind_template_child (widget_class, SmHoldLog, pain_scale);
  gtk_widget_class_bind_template_child (widget_class, SmHoldLog, log_button);
  gtk_widget_class_bind_template_callback (widget_class, on_log_clicked);
  gtk_widget_class_bind_template_callback (widget_class, sm_hold_log_dismiss);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_hold_log_init (SmHoldLog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Log this hold"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
