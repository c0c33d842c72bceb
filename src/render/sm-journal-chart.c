/* sm-journal-chart.c: pain before and after each session, over time.
 *
 * One renderer for the Journal page and the therapist's report. The two
 * series differ in shape and line, not only in colour: before is a dashed
 * line with open circles, after a solid line with filled squares. The
 * points are worked out once (sm_journal_chart_new ()), so a frame only
 * draws; with more sessions than the plot has room for, the sessions of
 * each few pixels are averaged into one point, so ten years draw as fast
 * as one.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sm-journal-chart.h"

#define MARGIN_LEFT   34.0
#define MARGIN_RIGHT  14.0
#define MARGIN_TOP    30.0
#define MARGIN_BOTTOM 26.0
#define MIN_SPACING   6.0    /* pixels between two drawn points at least */
#define MARKER        3.5
#define FONT          SM_JOURNAL_CHART_FONT
#define FONT_BOLD     SM_JOURNAL_CHART_FONT_BOLD

typedef struct
{
  gint64 time;
  int    before;   /* SM_JOURNAL_NO_PAIN: not asked */
  int    after;
} Point;

struct _SmJournalChart
{
  GArray *points;   /* Point, oldest first */
  gint64  since;
  gint64  until;
};

void
sm_journal_chart_colors_paper (SmJournalChartColors *colors)
{
  static const SmJournalChartColors paper = {
    { 0.10, 0.10, 0.10, 1.0 },
    { 0.80, 0.80, 0.80, 1.0 },
    { 0.11, 0.39, 0.75, 1.0 },   /* blue */
    { 0.80, 0.33, 0.00, 1.0 },   /* orange: apart from blue for most eyes */
  };

  *colors = paper;
}

/* @entries: SmJournalEntry, newest first. @since, @until: Unix seconds;
 * @since 0 starts at the first session. */
SmJournalChart *
sm_journal_chart_new (GPtrArray *entries,
                      gint64     since,
                      gint64     until)
{
  SmJournalChart *self = g_new0 (SmJournalChart, 1);

  self->points = g_array_sized_new (FALSE, FALSE, sizeof (Point), entries->len);
  for (guint i = entries->len; i-- > 0;)
    {
      const SmJournalEntry *entry = g_ptr_array_index (entries, i);
      Point point = { entry->started, entry->pain_before, entry->pain_after };

      /* A single hold from a panel has no "before": it is in the list and
       * the report's table, not in the chart of sessions. */
      if (entry->started < since || entry->started > until || entry->single_hold)
        continue;
      if (point.before == SM_JOURNAL_NO_PAIN && point.after == SM_JOURNAL_NO_PAIN)
        continue;
      g_array_append_val (self->points, point);
    }

  self->until = until;
  self->since = since;
  if (self->since == 0 && self->points->len > 0)
    self->since = g_array_index (self->points, Point, 0).time;
  if (self->until - self->since < 24 * 60 * 60)
    self->since = self->until - 24 * 60 * 60;
  return self;
}

void
sm_journal_chart_free (SmJournalChart *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->points);
  g_free (self);
}

guint
sm_journal_chart_get_n_sessions (SmJournalChart *self)
{
  return self->points->len;
}

/* --- Drawing ------------------------------------------------------------- */

typedef struct
{
  cairo_t                    *cr;
  PangoContext               *context;
  const SmJournalChartColors *colors;
  double                      left, top, right, bottom;
} Plot;

static void
set_color (cairo_t      *cr,
           const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static PangoLayout *
text_layout (Plot       *plot,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = plot->context != NULL ? pango_layout_new (plot->context)
                                              : pango_cairo_create_layout (plot->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? FONT_BOLD : FONT);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text with its anchor (0…1 of its width and height) at x, y. */
static void
draw_text (Plot       *plot,
           const char *text,
           double      x,
           double      y,
           double      ax,
           double      ay)
{
  g_autoptr(PangoLayout) layout = text_layout (plot, text, FALSE);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (plot->cr, plot->colors->ink);
  cairo_move_to (plot->cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (plot->cr, layout);
}

static double
x_of (SmJournalChart *self,
      Plot           *plot,
      double          time)
{
  double span = MAX (self->until - self->since, 1);

  return plot->left + (time - self->since) / span * (plot->right - plot->left);
}

static double
y_of (Plot   *plot,
      double  pain)
{
  return plot->bottom - pain / SM_JOURNAL_PAIN_MAX * (plot->bottom - plot->top);
}

static void
draw_axes (SmJournalChart *self,
           Plot           *plot)
{
  cairo_t *cr = plot->cr;
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (self->since);
  g_autoptr(GDateTime) last = g_date_time_new_from_unix_local (self->until);
  /* Translators: a date on the chart's time axis (strftime format). */
  g_autofree char *from = first != NULL ? g_date_time_format (first, _("%-d %b %Y")) : NULL;
  g_autofree char *to = last != NULL ? g_date_time_format (last, _("%-d %b %Y")) : NULL;

  cairo_set_line_width (cr, 1.0);
  for (int pain = 0; pain <= SM_JOURNAL_PAIN_MAX; pain += 2)
    {
      char label[8];
      double y = round (y_of (plot, pain)) + 0.5;

      set_color (cr, pain == 0 ? plot->colors->ink : plot->colors->grid);
      cairo_move_to (cr, plot->left, y);
      cairo_line_to (cr, plot->right, y);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%d", pain);
      draw_text (plot, label, plot->left - 6, y, 1.0, 0.5);
    }
  set_color (cr, plot->colors->ink);
  cairo_move_to (cr, round (plot->left) + 0.5, plot->top);
  cairo_line_to (cr, round (plot->left) + 0.5, plot->bottom);
  cairo_stroke (cr);

  if (from != NULL)
    draw_text (plot, g_strstrip (from), plot->left, plot->bottom + 4, 0.0, 0.0);
  if (to != NULL)
    draw_text (plot, g_strstrip (to), plot->right, plot->bottom + 4, 1.0, 0.0);
}

static void
draw_marker (cairo_t  *cr,
             double    x,
             double    y,
             gboolean  square)
{
  cairo_new_sub_path (cr);
  if (square)
    {
      cairo_rectangle (cr, x - MARKER, y - MARKER, 2 * MARKER, 2 * MARKER);
      cairo_fill (cr);
    }
  else
    {
      cairo_arc (cr, x, y, MARKER, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

/* Averages the points of each bucket of the time axis: @n buckets. */
static GArray *
bucket_series (SmJournalChart *self,
               gboolean        after,
               guint           n)
{
  GArray *series = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  double span = MAX (self->until - self->since, 1);
  double sum = 0, sum_time = 0;
  guint count = 0, bucket = 0;

  for (guint i = 0; i <= self->points->len; i++)
    {
      const Point *point = i < self->points->len ? &g_array_index (self->points, Point, i) : NULL;
      guint b = point != NULL ? (guint) MIN (n - 1, (point->time - self->since) / span * n) : G_MAXUINT;
      int pain = point != NULL ? (after ? point->after : point->before) : SM_JOURNAL_NO_PAIN;

      if (b != bucket && count > 0)
        {
          double xy[2] = { sum_time / count, sum / count };

          g_array_append_val (series, xy);
          sum = sum_time = 0;
          count = 0;
        }
      bucket = b;
      if (pain != SM_JOURNAL_NO_PAIN)
        {
          sum += pain;
          sum_time += point->time;
          count++;
        }
    }
  return series;
}

static void
draw_series (SmJournalChart *self,
             Plot           *plot,
             gboolean        after)
{
  cairo_t *cr = plot->cr;
  guint n = MAX (1, (guint) ((plot->right - plot->left) / MIN_SPACING));
  g_autoptr(GArray) series = bucket_series (self, after, n);
  static const double dash[] = { 4.0, 3.0 };

  set_color (cr, after ? plot->colors->after : plot->colors->before);
  cairo_set_line_width (cr, after ? 2.0 : 1.5);
  cairo_set_dash (cr, dash, after ? 0 : G_N_ELEMENTS (dash), 0);
  for (guint i = 0; i < series->len; i++)
    {
      double *xy = &g_array_index (series, double, 2 * i);
      double x = x_of (self, plot, xy[0]), y = y_of (plot, xy[1]);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Markers only where they stay apart. */
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < series->len && series->len * 2 * MARKER < (plot->right - plot->left); i++)
    {
      double *xy = &g_array_index (series, double, 2 * i);

      draw_marker (cr, x_of (self, plot, xy[0]), y_of (plot, xy[1]), after);
    }
}

static double
draw_legend_item (Plot       *plot,
                  double      x,
                  const char *label,
                  gboolean    after)
{
  cairo_t *cr = plot->cr;
  g_autoptr(PangoLayout) layout = text_layout (plot, label, FALSE);
  static const double dash[] = { 4.0, 3.0 };
  double y = plot->top - 16;
  int w, h;

  set_color (cr, after ? plot->colors->after : plot->colors->before);
  cairo_set_line_width (cr, after ? 2.0 : 1.5);
  cairo_set_dash (cr, dash, after ? 0 : G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 22, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, 1.5);
  draw_marker (cr, x + 11, y, after);

  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, plot->colors->ink);
  cairo_move_to (cr, x + 28, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return x + 28 + w + 18;
}

/* The whole chart in 0, 0, @width, @height of @cr (user units: pixels on
 * screen, points on paper). @context: the widget's, or NULL for @cr's. */
void
sm_journal_chart_draw (SmJournalChart             *self,
                       cairo_t                    *cr,
                       PangoContext               *context,
                       double                      width,
                       double                      height,
                       const SmJournalChartColors *colors)
{
  Plot plot = { cr, context, colors, MARGIN_LEFT, MARGIN_TOP, width - MARGIN_RIGHT, height - MARGIN_BOTTOM };
  double x;

  if (plot.right - plot.left < 20 || plot.bottom - plot.top < 20)
    return;

  cairo_save (cr);
  x = draw_legend_item (&plot, plot.left, _("Pain before"), FALSE);
  draw_legend_item (&plot, x, _("Pain after"), TRUE);
  draw_axes (self, &plot);
  /* An empty chart says nothing itself: its summary, shown under it on
   * the page and in the report, says there is nothing to show. */
  if (self->points->len > 0)
    {
      draw_series (self, &plot, FALSE);
      draw_series (self, &plot, TRUE);
    }
  cairo_restore (cr);
}

/* --- The same in words --------------------------------------------------- */

/* The average pain after the sessions of the first and of the last quarter
 * of the time (at least one session each). */
static gboolean
first_and_last_average (SmJournalChart *self,
                        double         *first,
                        double         *last)
{
  gint64 quarter = (self->until - self->since) / 4;
  double sums[2] = { 0, 0 };
  guint counts[2] = { 0, 0 };

  for (guint i = 0; i < self->points->len; i++)
    {
      const Point *point = &g_array_index (self->points, Point, i);

      if (point->after == SM_JOURNAL_NO_PAIN)
        continue;
      if (point->time <= self->since + quarter)
        sums[0] += point->after, counts[0]++;
      else if (point->time >= self->until - quarter)
        sums[1] += point->after, counts[1]++;
    }
  if (counts[0] == 0 || counts[1] == 0)
    return FALSE;
  *first = sums[0] / counts[0];
  *last = sums[1] / counts[1];
  return TRUE;
}

/* What the chart shows, for a screen reader and the report: "Over 4 weeks
 * the average pain after a session went from 6.0 to 3.5." */
char *
sm_journal_chart_summary (SmJournalChart *self)
{
  guint days = (guint) MAX (1, (self->until - self->since + 12 * 3600) / (24 * 3600));
  guint n = self->points->len;
  double first, last;

  if (n == 0)
    return g_strdup (_("No sessions with a pain score in this time."));
  if (!first_and_last_average (self, &first, &last))
    /* Translators: %u is how many sessions the chart shows. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The chart shows %u session with a pain score.",
                                         "The chart shows %u sessions with a pain score.", n), n);
  if (days >= 14)
    {
      guint weeks = days / 7;

      /* Translators: %1$u is a number of weeks, %2$.1f and %3$.1f pain scores (0 to 10). */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Over %1$u week the average pain after a session went from %2$.1f to %3$.1f.",
                                           "Over %1$u weeks the average pain after a session went from %2$.1f to %3$.1f.",
                                           weeks), weeks, first, last);
    }
  /* Translators: %1$u is a number of days, %2$.1f and %3$.1f pain scores (0 to 10). */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Over %1$u day the average pain after a session went from %2$.1f to %3$.1f.",
                                       "Over %1$u days the average pain after a session went from %2$.1f to %3$.1f.",
                                       days), days, first, last);
}
