/* bench-journal.c: the journal with 1, 5 and 10 years of daily sessions:
 * reading it and making the chart, the weeks and their summaries (what
 * the Journal page does when it opens, without the rows), one chart
 * frame, one weeks frame, the CSV export and the report. Next to them, in
 * the same run, the routine sheet of "Piriformis relief" (what
 * --export-pdf renders), so the report has a yardstick. Medians of 7 runs
 * after one untimed run (the artwork is parsed once per process, for the
 * sheet and the report alike); the 10-year time over the 1-year time
 * (linear growth: at most 10); the report over the sheet (target: 2).
 * The whole-process comparison of the two commands is
 * benchmark-export-report.sh.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sm-bench-journal.h"
#include "sm-journal-chart.h"
#include "sm-journal-csv.h"
#include "sm-journal-report.h"
#include "sm-journal-weeks.h"
#include "sm-journal.h"
#include "sm-routine-store.h"
#include "sm-sheet.h"

#define RUNS 7

typedef struct
{
  double open, frame, weeks, csv, report;
} Figures;

static double
since_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static Figures
measure (const char *path)
{
  double open[RUNS], frame[RUNS], weeks_frame[RUNS], csv[RUNS], report[RUNS];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, 240);
  cairo_t *cr = cairo_create (surface);
  SmJournalChartColors colors;
  Figures figures;

  sm_journal_chart_colors_paper (&colors);
  for (int run = -1; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      g_autoptr(SmJournal) journal = sm_journal_new (path);
      g_autoptr(GPtrArray) entries = sm_journal_list (journal, 0, NULL, NULL);
      g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, 0, now);
      g_autoptr(SmJournalWeeks) weeks = sm_journal_weeks_new (entries, 0, now);
      g_autofree char *summary = sm_journal_chart_summary (chart);
      g_autofree char *weeks_summary = sm_journal_weeks_summary (weeks);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) pdf = NULL;
      double opened = since_ms (t0), drawn, weeks_drawn, written, reported;
      gint64 t1 = g_get_monotonic_time ();

      sm_journal_chart_draw (chart, cr, NULL, 560, 240, &colors);
      cairo_surface_flush (surface);
      drawn = since_ms (t1);

      t1 = g_get_monotonic_time ();
      sm_journal_weeks_draw (weeks, cr, NULL, 560, 160, &colors);
      cairo_surface_flush (surface);
      weeks_drawn = since_ms (t1);

      t1 = g_get_monotonic_time ();
      bytes = sm_journal_csv_sessions (entries);
      written = since_ms (t1);

      t1 = g_get_monotonic_time ();
      pdf = sm_journal_report_render_pdf (entries, 0, NULL, SM_SHEET_PAPER_A4, NULL);
      reported = since_ms (t1);
      g_assert_nonnull (pdf);

      if (run < 0)
        continue;
      open[run] = opened, frame[run] = drawn, weeks_frame[run] = weeks_drawn;
      csv[run] = written, report[run] = reported;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  figures.open = sm_bench_median (open, RUNS);
  figures.frame = sm_bench_median (frame, RUNS);
  figures.weeks = sm_bench_median (weeks_frame, RUNS);
  figures.csv = sm_bench_median (csv, RUNS);
  figures.report = sm_bench_median (report, RUNS);
  return figures;
}

/* The routine sheet of the default routine, as --export-pdf renders it. */
static double
measure_sheet (void)
{
  g_autoptr(GPtrArray) builtins = sm_routine_load_builtins (NULL);
  double times[RUNS];

  g_assert_nonnull (builtins);
  for (int run = -1; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SmSheet) sheet = sm_sheet_new (g_ptr_array_index (builtins, 0), sm_atlas_get_default ());
      g_autoptr(GBytes) pdf = sm_sheet_render_pdf (sheet, SM_SHEET_PAPER_A4, NULL);

      g_assert_nonnull (pdf);
      if (run >= 0)
        times[run] = since_ms (t0);
    }
  return sm_bench_median (times, RUNS);
}

int
main (int   argc,
      char *argv[])
{
  static const guint years[] = { 1, 5, 10 };
  Figures figures[G_N_ELEMENTS (years)];
  double sheet;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  sheet = measure_sheet ();
  g_print ("routine sheet (Piriformis relief): %.1f ms\n", sheet);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *path = sm_bench_journal_make (years[i] * 365);

      figures[i] = measure (path);
      g_print ("%2u years (%4u sessions): open %.2f ms, chart frame %.2f ms, weeks frame %.2f ms, "
               "CSV %.2f ms, report %.1f ms\n",
               years[i], years[i] * 365, figures[i].open, figures[i].frame, figures[i].weeks,
               figures[i].csv, figures[i].report);
      g_unlink (path);
    }
  g_print ("10 years / 1 year: open %.1f, frame %.1f, weeks %.1f, CSV %.1f, report %.1f (linear: at most 10)\n",
           figures[2].open / figures[0].open, figures[2].frame / figures[0].frame,
           figures[2].weeks / figures[0].weeks, figures[2].csv / figures[0].csv,
           figures[2].report / figures[0].report);
  g_print ("report (1 year) / routine sheet: %.2f (target: at most 2)\n", figures[0].report / sheet);
  return 0;
}
