/* sm-journal-page.c: the side-pane page of the progress journal.
 *
 * The chart of pain before and after over the last 7, 30 or 90 days or
 * all of it, and the sessions per week against the routine's plan (both
 * drawn by the rendering layer, as on the report), the same in words for
 * a screen reader, the buttons for the report and presenter mode, and
 * the sessions by day, newest first.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "sm-journal-chart.h"
#include "sm-journal-page.h"
#include "sm-journal-weeks.h"

#define DAY (24 * 60 * 60)
/* Rows made at first, and at each "Show Older Sessions": a screenful and
 * a bit, so the page is ready at once however long the journal is. */
#define ROWS_AT_ONCE 25

struct _SmJournalPage
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkWidget      *move_aside_button;
  GtkWidget      *range_box;
  GtkDrawingArea *chart_area;
  GtkLabel       *journal_summary;
  GtkDrawingArea *weeks_area;
  GtkLabel       *weeks_summary;
  GtkLabel       *report_status;
  GtkListBox     *sessions_list;
  GtkWidget      *more_button;
  GtkWidget      *empty_label;

  /* Owned references */
  SmJournal      *journal;
  GPtrArray      *entries;      /* SmJournalEntry, newest first */
  SmJournalChart *chart;
  SmJournalWeeks *weeks;
  char           *summary;
  char           *weeks_text;
  guint           days;         /* 0: all */
  guint           n_rows;       /* the sessions shown in the list */
};

G_DEFINE_FINAL_TYPE (SmJournalPage, sm_journal_page, GTK_TYPE_WIDGET)

static const guint ranges[] = { 7, 30, 90, 0 };

GtkWidget *
sm_journal_page_new (void)
{
  return g_object_new (SM_TYPE_JOURNAL_PAGE, NULL);
}

const char *
sm_journal_page_get_summary (SmJournalPage *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL_PAGE (self), NULL);
  return self->summary;
}

const char *
sm_journal_page_get_weeks_summary (SmJournalPage *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL_PAGE (self), NULL);
  return self->weeks_text;
}

guint
sm_journal_page_get_days (SmJournalPage *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL_PAGE (self), 0);
  return self->days;
}

/* (transfer none) (nullable): the sessions read last, newest first. */
GPtrArray *
sm_journal_page_get_entries (SmJournalPage *self)
{
  g_return_val_if_fail (SM_IS_JOURNAL_PAGE (self), NULL);
  return self->entries;
}

/* What became of the report ("Saved …", or why not); NULL hides it. */
void
sm_journal_page_show_status (SmJournalPage *self,
                             const char    *text,
                             gboolean       is_error)
{
  g_return_if_fail (SM_IS_JOURNAL_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->report_status), text != NULL);
  gtk_label_set_label (self->report_status, text != NULL ? text : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->report_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->report_status), "error");
}

/* --- The chart ----------------------------------------------------------- */

/* The style's text colour for the ink; the two series lighter on a dark
 * background, so they keep their contrast there too. */
static void
screen_colors (GtkWidget            *widget,
               SmJournalChartColors *colors)
{
  GdkRGBA ink;
  gboolean dark;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
  G_GNUC_END_IGNORE_DEPRECATIONS
  dark = 0.299 * ink.red + 0.587 * ink.green + 0.114 * ink.blue > 0.5;

  sm_journal_chart_colors_paper (colors);
  colors->ink[0] = ink.red, colors->ink[1] = ink.green, colors->ink[2] = ink.blue, colors->ink[3] = ink.alpha;
  memcpy (colors->grid, colors->ink, sizeof colors->grid);
  colors->grid[3] = 0.2;
  if (dark)
    {
      const double before[4] = { 0.38, 0.63, 0.92, 1.0 };
      const double after[4] = { 1.0, 0.64, 0.28, 1.0 };

      memcpy (colors->before, before, sizeof before);
      memcpy (colors->after, after, sizeof after);
    }
}

/* A chart of the journal page or the presenter, in the widget's style;
 * @zoom > 1 draws it smaller and scales it up, for larger text.
 * Nothing while there is no @model yet. */
void
sm_journal_screen_draw (GtkWidget         *area,
                        cairo_t           *cr,
                        int                width,
                        int                height,
                        double             zoom,
                        SmJournalDrawFunc  draw,
                        gpointer           model)
{
  SmJournalChartColors colors;

  if (model == NULL)
    return;
  screen_colors (area, &colors);
  cairo_scale (cr, zoom, zoom);
  draw (model, cr, gtk_widget_get_pango_context (area), width / zoom, height / zoom, &colors);
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmJournalPage *self = data;

  sm_journal_screen_draw (GTK_WIDGET (area), cr, width, height, 1,
                          (SmJournalDrawFunc) sm_journal_chart_draw, self->chart);
}

static void
draw_weeks (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmJournalPage *self = data;

  sm_journal_screen_draw (GTK_WIDGET (area), cr, width, height, 1,
                          (SmJournalDrawFunc) sm_journal_weeks_draw, self->weeks);
}

static void
update_chart (SmJournalPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 since = self->days > 0 ? now - (gint64) self->days * DAY : 0;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  g_clear_pointer (&self->chart, sm_journal_chart_free);
  self->chart = sm_journal_chart_new (self->entries != NULL ? self->entries : none, since, now);
  g_free (self->summary);
  self->summary = sm_journal_chart_summary (self->chart);
  gtk_label_set_label (self->journal_summary, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));

  g_clear_pointer (&self->weeks, sm_journal_weeks_free);
  self->weeks = sm_journal_weeks_new (self->entries != NULL ? self->entries : none, since, now);
  g_free (self->weeks_text);
  self->weeks_text = sm_journal_weeks_summary (self->weeks);
  gtk_label_set_label (self->weeks_summary, self->weeks_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->weeks_area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->weeks_text, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self->weeks_area));
}

/* --- The sessions -------------------------------------------------------- */

static char *
pain_text (const SmJournalEntry *entry)
{
  if (entry->pain_before != SM_JOURNAL_NO_PAIN && entry->pain_after != SM_JOURNAL_NO_PAIN)
    /* Translators: pain before and after a session, 0 to 10. */
    return g_strdup_printf (_("Pain %1$d, then %2$d"), entry->pain_before, entry->pain_after);
  if (entry->pain_before != SM_JOURNAL_NO_PAIN)
    /* Translators: %d is the pain before a session, 0 to 10. */
    return g_strdup_printf (_("Pain before: %d"), entry->pain_before);
  if (entry->pain_after != SM_JOURNAL_NO_PAIN)
    /* Translators: %d is the pain after a session, 0 to 10. */
    return g_strdup_printf (_("Pain after: %d"), entry->pain_after);
  return g_strdup (_("No pain score"));
}

static GtkWidget *
small_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
session_row (const SmJournalEntry *entry)
{
  g_autoptr(GDateTime) started = g_date_time_new_from_unix_local (entry->started);
  g_autofree char *time = g_date_time_format (started, "%H:%M");
  g_autofree char *pain = pain_text (entry);
  /* Translators: a session in the journal: %1$s its time, %2$s the routine. */
  g_autofree char *title = g_strdup_printf (_("%1$s — %2$s"), time, entry->routine);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_box_append (GTK_BOX (box), small_label (title, NULL));
  gtk_box_append (GTK_BOX (details), small_label (pain, "dim-label"));
  if (entry->single_hold)
    gtk_box_append (GTK_BOX (details), small_label (_("Single hold"), "dim-label"));
  if (entry->partial)
    gtk_box_append (GTK_BOX (details), small_label (_("Ended early"), "dim-label"));
  if (sm_journal_entry_is_flagged (entry))
    gtk_box_append (GTK_BOX (details), small_label (_("Stop rules shown"), "error"));
  gtk_box_append (GTK_BOX (box), details);
  if (entry->note[0] != '\0')
    gtk_box_append (GTK_BOX (box), small_label (entry->note, NULL));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "sm-day",
                          g_date_time_format (started, "%Y-%m-%d"), g_free);
  g_object_set_data_full (G_OBJECT (row), "sm-day-label",
                          /* Translators: a day heading in the journal (strftime format). */
                          g_date_time_format (started, _("%A, %-d %B %Y")), g_free);
  return row;
}

/* A heading above the first session of each day. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  const char *day = g_object_get_data (G_OBJECT (row), "sm-day");
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (day, g_object_get_data (G_OBJECT (before), "sm-day")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = small_label (g_object_get_data (G_OBJECT (row), "sm-day-label"), "heading");
  g_object_set (header, "margin-start", 12, "margin-top", 12, "margin-bottom", 6, NULL);
  gtk_list_box_row_set_header (row, header);
}

/* The next @more sessions, older than those shown. */
static void
add_rows (SmJournalPage *self,
          guint          more)
{
  guint n = self->entries != NULL ? self->entries->len : 0;
  guint end = MIN (n, self->n_rows + more);

  for (guint i = self->n_rows; i < end; i++)
    gtk_list_box_append (self->sessions_list, session_row (g_ptr_array_index (self->entries, i)));
  self->n_rows = end;
  gtk_widget_set_visible (self->more_button, end < n);
}

static void
on_more_clicked (SmJournalPage *self)
{
  add_rows (self, ROWS_AT_ONCE);
}

/* Newest first, as the journal lists them; the older ones a button away. */
static void
fill_sessions (SmJournalPage *self)
{
  GtkWidget *child;
  guint n = self->entries != NULL ? self->entries->len : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, child);
  self->n_rows = 0;
  add_rows (self, ROWS_AT_ONCE);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list), n > 0);
  gtk_widget_set_visible (self->empty_label, n == 0);
}

/* --- Loading ------------------------------------------------------------- */

static void
show_message (SmJournalPage *self,
              const GError  *error)
{
  gboolean damaged = error != NULL && g_error_matches (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT);

  gtk_widget_set_visible (self->message_box, error != NULL);
  gtk_widget_set_visible (self->move_aside_button, damaged);
  if (error != NULL)
    gtk_label_set_label (self->message_label, error->message);
}

/* Reads the journal again: when the page is shown, and after a change. */
void
sm_journal_page_reload (SmJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  SmJournal *journal;

  g_return_if_fail (SM_IS_JOURNAL_PAGE (self));

  journal = self->journal != NULL ? self->journal : sm_journal_get_default ();
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  if (sm_journal_get_state (journal) == SM_JOURNAL_STATE_CLOSED ||
      sm_journal_get_state (journal) == SM_JOURNAL_STATE_UNAVAILABLE)
    sm_journal_open (journal, &error);
  /* Sessions kept in memory (a full disk, say): another try, and a word
   * that they are not on disk yet. */
  if (error == NULL && sm_journal_get_has_unsaved (journal) && !sm_journal_retry (journal, &error) &&
      !g_error_matches (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT))
    {
      g_clear_error (&error);
      g_set_error_literal (&error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_UNAVAILABLE,
                           _("Some sessions are not saved to the journal file yet. They are kept and saved as soon as possible; they are lost if you quit now."));
    }
  if (error == NULL || !g_error_matches (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_CORRUPT))
    self->entries = sm_journal_list (journal, 0, NULL, NULL);
  show_message (self, error);
  fill_sessions (self);
  update_chart (self);
}

void
sm_journal_page_set_journal (SmJournalPage *self,
                             SmJournal     *journal)
{
  g_return_if_fail (SM_IS_JOURNAL_PAGE (self));
  g_set_object (&self->journal, journal);
}

void
sm_journal_page_set_days (SmJournalPage *self,
                          guint          days)
{
  guint i = 0;

  g_return_if_fail (SM_IS_JOURNAL_PAGE (self));
  for (GtkWidget *child = gtk_widget_get_first_child (self->range_box); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (ranges[i] == days)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
}

static void
on_range_toggled (GtkToggleButton *button,
                  SmJournalPage   *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->days = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sm-days"));
  update_chart (self);
}

static void
on_move_aside_clicked (SmJournalPage *self)
{
  SmJournal *journal = self->journal != NULL ? self->journal : sm_journal_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = NULL;

  if (!sm_journal_move_aside (journal, &moved, &error))
    {
      show_message (self, error);
      return;
    }
  sm_journal_retry (journal, NULL);
  sm_journal_page_reload (self);
}

static void
add_range_buttons (SmJournalPage *self)
{
  GtkWidget *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      g_autofree char *label = ranges[i] > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", ranges[i]), ranges[i])
        : g_strdup (_("All"));
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "sm-days", GUINT_TO_POINTER (ranges[i]));
      if (first != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), GTK_TOGGLE_BUTTON (first));
      else
        first = button;
      g_signal_connect (button, "toggled", G_CALLBACK (on_range_toggled), self);
      gtk_box_append (GTK_BOX (self->range_box), button);
    }
}

/* --- GObject ------------------------------------------------------------- */

static void
sm_journal_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sm_journal_page_parent_class)->map (widget);
  sm_journal_page_reload (SM_JOURNAL_PAGE (widget));
}

static void
sm_journal_page_dispose (GObject *object)
{
  SmJournalPage *self = SM_JOURNAL_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_JOURNAL_PAGE);
  /* The scrolled window is not bound: it goes here. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->chart, sm_journal_chart_free);
  g_clear_pointer (&self->weeks, sm_journal_weeks_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->weeks_text, g_free);
  g_clear_object (&self->journal);

  G_OBJECT_CLASS (sm_journal_page_parent_class)->dispose (object);
}

static void
sm_journal_page_class_init (SmJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_journal_page_dispose;
  widget_class->map = sm_journal_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, message_box);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, message_label);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, move_aside_button);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, range_box);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, chart_area);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, journal_summary);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, weeks_area);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, weeks_summary);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, report_status);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SmJournalPage, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_more_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_move_aside_clicked);
  /* F11 here shows the charts full screen, not the map. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.present-journal", NULL);
}

static void
sm_journal_page_init (SmJournalPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->weeks_area, draw_weeks, self, NULL);
  gtk_list_box_set_header_func (self->sessions_list, update_header, NULL, NULL);
  add_range_buttons (self);
  self->days = 30;
  sm_journal_page_set_days (self, 30);
}
