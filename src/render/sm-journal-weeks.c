/* sm-journal-weeks.c: sessions per week against the routine's plan.
 *
 * One renderer for the Journal page and the therapist's report, beside
 * the pain chart. Weeks start on Monday, local time. A bar per week is
 * the guided sessions of that week (single holds from a panel are not
 * sessions of a routine); the plan is a dashed step line, the largest
 * plan of the week's sessions, or the last one before it when the week
 * had none. The counts are made once (sm_journal_weeks_new ()); with more
 * weeks than the plot has room for, neighbouring weeks share a bar that
 * shows their average.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-weeks"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "sm-journal-weeks.h"

#define MARGIN_LEFT   34.0
#define MARGIN_RIGHT  14.0
#define MARGIN_TOP    30.0
#define MARGIN_BOTTOM 26.0
#define MIN_BAR       5.0    /* pixels a bar needs, gap included */

typedef struct
{
  guint sessions;
  guint plan;
} Week;

struct _SmJournalWeeks
{
  GArray *weeks;       /* Week, oldest first */
  gint64  first_day;   /* the Monday that starts the first week, Unix seconds */
};

/* The Julian day of the Monday on or before @unix_time, local time. */
static guint32
monday_of (gint64 unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);
  GDate date;
  int y, m, d;

  if (time == NULL)
    return 1;
  g_date_time_get_ymd (time, &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date) - (g_date_time_get_day_of_week (time) - 1);
}

static gint64
unix_of_julian (guint32 julian)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 0, 0, 0);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* @entries: SmJournalEntry, newest first. @since 0: from the first one. */
SmJournalWeeks *
sm_journal_weeks_new (GPtrArray *entries,
                      gint64     since,
                      gint64     until)
{
  SmJournalWeeks *self = g_new0 (SmJournalWeeks, 1);
  guint32 first, last, monday;
  gint64 monday_start, next_monday;
  guint plan = 0;

  if (since == 0 && entries->len > 0)
    since = ((SmJournalEntry *) g_ptr_array_index (entries, entries->len - 1))->started;
  since = MIN (since, until);
  first = monday_of (since);
  last = monday_of (until);
  self->first_day = unix_of_julian (first);
  self->weeks = g_array_new (FALSE, TRUE, sizeof (Week));
  g_array_set_size (self->weeks, (last - first) / 7 + 1);

  /* Oldest first, so the plan carries forward. Each entry's week from its
   * day: the calendar is asked again only once a week has passed since
   * the last Monday found (within it, the same Monday). */
  monday = first;
  monday_start = self->first_day;
  next_monday = unix_of_julian (first + 7);
  for (guint i = entries->len; i-- > 0;)
    {
      const SmJournalEntry *entry = g_ptr_array_index (entries, i);
      Week *week;

      if (entry->started < since || entry->started > until || entry->single_hold)
        continue;
      if (entry->started < monday_start || entry->started >= next_monday)
        {
          monday = monday_of (entry->started);
          monday_start = unix_of_julian (monday);
          next_monday = unix_of_julian (monday + 7);
        }
      week = &g_array_index (self->weeks, Week, MIN ((monday - first) / 7, self->weeks->len - 1));
      week->sessions++;
      week->plan = MAX (week->plan, entry->plan);
    }
  for (guint i = 0; i < self->weeks->len; i++)
    {
      Week *week = &g_array_index (self->weeks, Week, i);

      if (week->sessions > 0)
        plan = week->plan;
      else
        week->plan = plan;
    }
  return self;
}

void
sm_journal_weeks_free (SmJournalWeeks *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->weeks);
  g_free (self);
}

guint
sm_journal_weeks_get_n_weeks (SmJournalWeeks *self)
{
  return self->weeks->len;
}

guint
sm_journal_weeks_get_sessions (SmJournalWeeks *self,
                               guint           week)
{
  g_return_val_if_fail (week < self->weeks->len, 0);
  return g_array_index (self->weeks, Week, week).sessions;
}

guint
sm_journal_weeks_get_plan (SmJournalWeeks *self,
                           guint           week)
{
  g_return_val_if_fail (week < self->weeks->len, 0);
  return g_array_index (self->weeks, Week, week).plan;
}

/* --- Drawing ------------------------------------------------------------- */

static void
set_color (cairo_t      *cr,
           const double  rgba[4])
{
  cairo_set_source_rgba (cr, rgba[0], rgba[1], rgba[2], rgba[3]);
}

static void
draw_text (cairo_t                    *cr,
           PangoContext               *context,
           const SmJournalChartColors *colors,
           const char                 *text,
           double                      x,
           double                      y,
           double                      ax,
           double                      ay)
{
  g_autoptr(PangoLayout) layout = context != NULL ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SM_JOURNAL_CHART_FONT);
  int w, h;

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, colors->ink);
  cairo_move_to (cr, x - ax * w, y - ay * h);
  pango_cairo_show_layout (cr, layout);
}

/* The legend: a bar for the sessions, a dashed line for the plan. */
static void
draw_legend (cairo_t                    *cr,
             PangoContext               *context,
             const SmJournalChartColors *colors,
             double                      x,
             double                      y)
{
  static const double dash[] = { 4.0, 3.0 };
  g_autoptr(PangoLayout) layout = context != NULL ? pango_layout_new (context) : pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (SM_JOURNAL_CHART_FONT);
  int w, h;

  set_color (cr, colors->before);
  cairo_rectangle (cr, x, y - 5, 14, 10);
  cairo_fill (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, _("Sessions per week"), -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  set_color (cr, colors->ink);
  cairo_move_to (cr, x + 20, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);

  x += 20 + w + 18;
  set_color (cr, colors->ink);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 22, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_text (cr, context, colors, _("Plan"), x + 28, y, 0.0, 0.5);
}

/* Averages of @group weeks per bar. */
static void
bar_values (SmJournalWeeks *self,
            guint           bar,
            guint           group,
            double         *sessions,
            double         *plan)
{
  guint from = bar * group, to = MIN (from + group, self->weeks->len);
  double s = 0, p = 0;

  for (guint i = from; i < to; i++)
    {
      s += g_array_index (self->weeks, Week, i).sessions;
      p += g_array_index (self->weeks, Week, i).plan;
    }
  *sessions = to > from ? s / (to - from) : 0;
  *plan = to > from ? p / (to - from) : 0;
}

/* The whole chart in 0, 0, @width, @height of @cr (pixels on screen,
 * points on paper). @context: the widget's, or NULL for @cr's. */
void
sm_journal_weeks_draw (SmJournalWeeks             *self,
                       cairo_t                    *cr,
                       PangoContext               *context,
                       double                      width,
                       double                      height,
                       const SmJournalChartColors *colors)
{
  static const double dash[] = { 4.0, 3.0 };
  double left = MARGIN_LEFT, right = width - MARGIN_RIGHT, top = MARGIN_TOP, bottom = height - MARGIN_BOTTOM;
  guint n = self->weeks->len, group, bars, top_value = 1;
  double slot;

  if (right - left < 20 || bottom - top < 20 || n == 0)
    return;
  group = MAX (1, (guint) ceil (n * MIN_BAR / (right - left)));
  bars = (n + group - 1) / group;
  slot = (right - left) / bars;
  for (guint i = 0; i < n; i++)
    top_value = MAX (top_value, MAX (g_array_index (self->weeks, Week, i).sessions,
                                     g_array_index (self->weeks, Week, i).plan));

  cairo_save (cr);
  draw_legend (cr, context, colors, left, top - 16);

  /* The axis: 0, the top and whole numbers between, at most five. */
  cairo_set_line_width (cr, 1.0);
  for (guint v = 0, stepv = MAX (1, (top_value + 4) / 5); v <= top_value; v += stepv)
    {
      char label[8];
      double y = round (bottom - (double) v / top_value * (bottom - top)) + 0.5;

      set_color (cr, v == 0 ? colors->ink : colors->grid);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      g_snprintf (label, sizeof label, "%u", v);
      draw_text (cr, context, colors, label, left - 6, y, 1.0, 0.5);
    }

  set_color (cr, colors->before);
  for (guint b = 0; b < bars; b++)
    {
      double sessions, plan;

      bar_values (self, b, group, &sessions, &plan);
      if (sessions > 0)
        cairo_rectangle (cr, left + b * slot + MIN (1.0, slot * 0.15), bottom,
                         MAX (1.0, slot * 0.7), -sessions / top_value * (bottom - top));
    }
  cairo_fill (cr);

  set_color (cr, colors->ink);
  cairo_set_line_width (cr, 1.5);
  cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  for (guint b = 0; b < bars; b++)
    {
      double sessions, plan, y;

      bar_values (self, b, group, &sessions, &plan);
      y = bottom - plan / top_value * (bottom - top);
      if (plan <= 0)
        continue;
      cairo_move_to (cr, left + b * slot, y);
      cairo_line_to (cr, left + (b + 1) * slot, y);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  {
    g_autoptr(GDateTime) first = g_date_time_new_from_unix_local (self->first_day);
    g_autoptr(GDateTime) last = first != NULL ? g_date_time_add_weeks (first, n - 1) : NULL;
    /* Translators: a date on the chart's time axis (strftime format). */
    g_autofree char *from = first != NULL ? g_date_time_format (first, _("%-d %b %Y")) : NULL;
    g_autofree char *to = last != NULL ? g_date_time_format (last, _("%-d %b %Y")) : NULL;

    if (from != NULL)
      draw_text (cr, context, colors, g_strstrip (from), left, bottom + 4, 0.0, 0.0);
    if (to != NULL && n > 1)
      draw_text (cr, context, colors, g_strstrip (to), right, bottom + 4, 1.0, 0.0);
  }
  cairo_restore (cr);
}

/* --- The same in words --------------------------------------------------- */

/* "In 4 weeks: 9 sessions, and the plan asked for 12." */
char *
sm_journal_weeks_summary (SmJournalWeeks *self)
{
  guint weeks = self->weeks->len, sessions = 0, planned = 0;
  g_autofree char *in_weeks = NULL, *count = NULL, *done = NULL;

  for (guint i = 0; i < weeks; i++)
    {
      sessions += g_array_index (self->weeks, Week, i).sessions;
      planned += g_array_index (self->weeks, Week, i).plan;
    }
  /* Translators: %u is a number of weeks. */
  in_weeks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %u week", "In %u weeks", weeks), weeks);
  /* Translators: %u is a number of guided sessions. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", sessions), sessions);
  /* Translators: "In 4 weeks: 9 sessions." */
  done = g_strdup_printf (_("%1$s: %2$s."), in_weeks, count);
  if (planned == 0)
    return g_strconcat (done, " ", _("The routine has no plan of sessions a week."), NULL);
  {
    /* Translators: %u is how many sessions the routine's plan asked for in that time. */
    g_autofree char *plan = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The plan asked for %u.",
                                                          "The plan asked for %u.", planned), planned);

    return g_strconcat (done, " ", plan, NULL);
  }
}
