/* sm-journal-presenter.c: the journal's charts full screen.
 *
 * The pain chart and the sessions per week, large, with what they show
 * in words under them: the same renderers as the Journal page and the
 * report. Escape (or the button) emits ::leave; the window goes back.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-presenter"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-journal-page.h"
#include "sm-journal-presenter.h"
#include "sm-journal-weeks.h"

#define DAY (24 * 60 * 60)

struct _SmJournalPresenter
{
  GtkWidget       parent_instance;

  GtkDrawingArea *chart_area;
  GtkDrawingArea *weeks_area;
  GtkLabel       *summary_label;

  SmJournalChart *chart;
  SmJournalWeeks *weeks;
  char           *summary;
};

G_DEFINE_FINAL_TYPE (SmJournalPresenter, sm_journal_presenter, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
sm_journal_presenter_new (void)
{
  return g_object_new (SM_TYPE_JOURNAL_PRESENTER, NULL);
}

const char *
sm_journal_presenter_get_summary (SmJournalPresenter *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL_PRESENTER (self), NULL);
  return self->summary;
}

/* Larger text for a screen across the room: the chart is drawn at half
 * its size and scaled up. */
#define ZOOM 2.0

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmJournalPresenter *self = data;

  sm_journal_screen_draw (GTK_WIDGET (area), cr, width, height, ZOOM,
                          (SmJournalDrawFunc) sm_journal_chart_draw, self->chart);
}

static void
draw_weeks (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmJournalPresenter *self = data;

  sm_journal_screen_draw (GTK_WIDGET (area), cr, width, height, ZOOM,
                          (SmJournalDrawFunc) sm_journal_weeks_draw, self->weeks);
}

/* @entries: SmJournalEntry, newest first; @days 0: all of them. */
void
sm_journal_presenter_set_entries (SmJournalPresenter *self,
                                  GPtrArray          *entries,
                                  guint               days)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 since = days > 0 ? now - (gint64) days * DAY : 0;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autofree char *chart_text = NULL;
  g_autofree char *weeks_text = NULL;

  g_return_if_fail (SM_IS_JOURNAL_PRESENTER (self));

  g_clear_pointer (&self->chart, sm_journal_chart_free);
  g_clear_pointer (&self->weeks, sm_journal_weeks_free);
  self->chart = sm_journal_chart_new (entries != NULL ? entries : none, since, now);
  self->weeks = sm_journal_weeks_new (entries != NULL ? entries : none, since, now);
  chart_text = sm_journal_chart_summary (self->chart);
  weeks_text = sm_journal_weeks_summary (self->weeks);
  g_free (self->summary);
  self->summary = g_strconcat (chart_text, "\n", weeks_text, NULL);
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, chart_text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->weeks_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, weeks_text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
  gtk_widget_queue_draw (GTK_WIDGET (self->weeks_area));
}

static void
leave (SmJournalPresenter *self)
{
  g_signal_emit (self, signals[LEAVE], 0);
}

static gboolean
on_escape (GtkWidget *widget,
           GVariant  *args,
           gpointer   data)
{
  leave (SM_JOURNAL_PRESENTER (widget));
  return TRUE;
}

/* Escape must reach it at once: it takes the focus when it appears. */
static void
sm_journal_presenter_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sm_journal_presenter_parent_class)->map (widget);
  gtk_widget_grab_focus (widget);
}

static void
sm_journal_presenter_dispose (GObject *object)
{
  GtkWidget *child;
  SmJournalPresenter *self = SM_JOURNAL_PRESENTER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_JOURNAL_PRESENTER);
  /* The template's box is not bound: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->chart, sm_journal_chart_free);
  g_clear_pointer (&self->weeks, sm_journal_weeks_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (sm_journal_presenter_parent_class)->dispose (object);
}

static void
sm_journal_presenter_class_init (SmJournalPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_journal_presenter_dispose;
  widget_class->map = sm_journal_presenter_map;

  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-journal-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, SmJournalPresenter, chart_area);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPresenter, weeks_area);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPresenter, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, leave);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, on_escape, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F11, 0, on_escape, NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
sm_journal_presenter_init (SmJournalPresenter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->weeks_area, draw_weeks, self, NULL);
}
