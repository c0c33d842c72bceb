/* test-journal-chart.c: the chart of pain before and after, on paper (a
 * PDF surface, as the report draws it) and in words.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "sm-journal-chart.h"
#include "sm-journal-weeks.h"
#include "sm-test-model.h"

#define DAY (24 * 60 * 60)
#define T0  G_GINT64_CONSTANT (1767225600)   /* 2026-01-01 00:00 UTC */

/* @days daily sessions from T0, pain after falling from 6 to 3. */
static GPtrArray *
daily (guint days)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_journal_entry_free);

  for (guint i = days; i-- > 0;)
    {
      SmJournalEntry *entry = sm_journal_entry_new ("Piriformis relief");

      entry->started = T0 + (gint64) i * DAY;
      entry->ended = entry->started + 600;
      entry->pain_before = 7;
      entry->pain_after = i < days / 4 ? 6 : (i >= days - days / 4 ? 3 : 5);
      g_ptr_array_add (entries, entry);
    }
  return entries;
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) entries = daily (28);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, 0, T0 + 27 * DAY);
  g_autoptr(SmJournalChart) empty = sm_journal_chart_new (none, T0, T0 + 7 * DAY);
  g_autoptr(SmJournalChart) window = sm_journal_chart_new (entries, T0 + 20 * DAY, T0 + 27 * DAY);
  g_autofree char *text = sm_journal_chart_summary (chart);
  g_autofree char *nothing = sm_journal_chart_summary (empty);
  g_autofree char *week = sm_journal_chart_summary (window);

  g_assert_cmpuint (sm_journal_chart_get_n_sessions (chart), ==, 28);
  g_assert_cmpstr (text, ==, "Over 3 weeks the average pain after a session went from 6.0 to 3.0.");
  g_assert_cmpstr (nothing, ==, "No sessions with a pain score in this time.");
  g_assert_cmpuint (sm_journal_chart_get_n_sessions (window), ==, 8);
  g_assert_cmpstr (week, ==, "Over 7 days the average pain after a session went from 4.0 to 3.0.");
}

/* Sessions per week: weeks from Monday, single holds left out, the plan
 * the largest of the week and carried into a week without sessions. */
static void
test_weeks (void)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_journal_entry_free);
  g_autoptr(GPtrArray) owned = entries;
  g_autoptr(SmJournalWeeks) weeks = NULL;
  g_autofree char *summary = NULL;
  SmJournalEntry *hold;
  cairo_surface_t *surface;
  cairo_t *cr;
  SmJournalChartColors colors;

  /* 2026-01-01 is a Thursday: 14 days at noon, plan 3 then 4 from the 8th. */
  for (guint i = 14; i-- > 0;)
    {
      SmJournalEntry *entry = sm_journal_entry_new ("Piriformis relief");

      entry->started = T0 + (gint64) i * DAY + 12 * 3600;
      entry->ended = entry->started + 600;
      entry->plan = i < 7 ? 3 : 4;
      g_ptr_array_add (entries, entry);
    }
  hold = sm_journal_entry_new ("Piriformis, left side");
  hold->started = T0 + DAY + 13 * 3600;
  hold->ended = hold->started + 30;
  hold->single_hold = TRUE;
  g_ptr_array_insert (entries, 12, hold);

  weeks = sm_journal_weeks_new (entries, 0, T0 + 21 * DAY);
  g_assert_cmpuint (sm_journal_weeks_get_n_weeks (weeks), ==, 4);
  g_assert_cmpuint (sm_journal_weeks_get_sessions (weeks, 0), ==, 4);   /* Thu–Sun */
  g_assert_cmpuint (sm_journal_weeks_get_sessions (weeks, 1), ==, 7);
  g_assert_cmpuint (sm_journal_weeks_get_sessions (weeks, 2), ==, 3);
  g_assert_cmpuint (sm_journal_weeks_get_sessions (weeks, 3), ==, 0);
  g_assert_cmpuint (sm_journal_weeks_get_plan (weeks, 0), ==, 3);
  g_assert_cmpuint (sm_journal_weeks_get_plan (weeks, 1), ==, 4);
  g_assert_cmpuint (sm_journal_weeks_get_plan (weeks, 3), ==, 4);
  summary = sm_journal_weeks_summary (weeks);
  g_assert_cmpstr (summary, ==, "In 4 weeks: 14 sessions. The plan asked for 15.");

  /* Drawn on paper without trouble, at any size. */
  sm_journal_chart_colors_paper (&colors);
  surface = cairo_pdf_surface_create (NULL, 500, 200);
  cr = cairo_create (surface);
  sm_journal_weeks_draw (weeks, cr, NULL, 500, 160, &colors);
  sm_journal_weeks_draw (weeks, cr, NULL, 10, 10, &colors);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Vector output with its labels and legend as text, no image. */
static void
test_pdf (void)
{
  g_autoptr(GPtrArray) entries = daily (30);
  g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, 0, T0 + 29 * DAY);
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "chart.pdf", NULL);
  g_autofree char *text = NULL;
  SmJournalChartColors colors;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 480, 240);
  cairo_t *cr = cairo_create (surface);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  int status;

  sm_journal_chart_colors_paper (&colors);
  sm_journal_chart_draw (chart, cr, NULL, 480, 240, &colors);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, (const char *) pdf->data, pdf->len, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, NULL));
  g_assert_nonnull (strstr (text, "Pain before"));
  g_assert_nonnull (strstr (text, "Pain after"));
  g_assert_nonnull (strstr (text, "10"));
  g_assert_nonnull (strstr (text, "2026"));
  g_assert_null (g_strstr_len ((const char *) pdf->data, pdf->len, "/Subtype /Image"));
}

/* Ten years of daily sessions draw as fast as a month: the points of each
 * few pixels become one. */
static void
test_many_points (void)
{
  g_autoptr(GPtrArray) entries = daily (3650);
  g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, 0, T0 + 3649 * DAY);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, 240);
  cairo_t *cr = cairo_create (surface);
  SmJournalChartColors colors;
  gint64 start;
  double ms;

  sm_journal_chart_colors_paper (&colors);
  sm_journal_chart_draw (chart, cr, NULL, 560, 240, &colors);   /* fonts loaded */
  start = g_get_monotonic_time ();
  for (int i = 0; i < 10; i++)
    sm_journal_chart_draw (chart, cr, NULL, 560, 240, &colors);
  ms = (g_get_monotonic_time () - start) / 10000.0;
  g_test_message ("a frame of ten years: %.2f ms", ms);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add_func ("/sm/journal-chart/summary", test_summary);
  g_test_add_func ("/sm/journal-chart/pdf", test_pdf);
  g_test_add_func ("/sm/journal-chart/many-points", test_many_points);
  g_test_add_func ("/sm/journal-chart/weeks", test_weeks);

  return g_test_run ();
}
