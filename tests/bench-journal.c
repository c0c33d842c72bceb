/* bench-journal.c: the journal with 1, 5 and 10 years of daily sessions:
 * reading it and making the chart and its summary (what the Journal page
 * does when it opens, without the rows), one chart frame, the CSV export
 * and the report. Medians of 7 runs, and the 10-year time over the 1-year
 * time (linear growth: at most 10).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sm-journal-chart.h"
#include "sm-journal-csv.h"
#include "sm-journal-report.h"
#include "sm-journal.h"

#define DAY  (24 * 60 * 60)
#define RUNS 7

/* Daily sessions in one transaction (the journal writes one per entry,
 * which is what a person does, but not what a benchmark needs). */
static char *
make_journal (guint days)
{
  g_autofree char *name = g_strdup_printf ("bench-journal-%u.sqlite3", days);
  char *path = g_build_filename (g_get_tmp_dir (), name, NULL);
  g_autoptr(SmJournal) journal = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_unlink (path);
  journal = sm_journal_new (path);
  g_assert_true (sm_journal_open (journal, NULL));
  sm_journal_close (journal);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO entry (routine, steps, started, ended, steps_done, steps_skipped,"
                          " pain_before, pain_after, note, partial) VALUES ('Piriformis relief',"
                          " '[{\"zone\":\"piriformis\",\"side\":\"left\",\"hold\":30,\"title\":\"Piriformis\"}]',"
                          " ?1, ?1 + 600, 4, 0, ?2, ?3, 'A note, with a comma', 0)", -1, &stmt, NULL);
  for (guint i = 0; i < days; i++)
    {
      sqlite3_bind_int64 (stmt, 1, now - (gint64) (days - i) * DAY);
      sqlite3_bind_int (stmt, 2, 4 + i % 5);
      sqlite3_bind_int (stmt, 3, 2 + i % 5);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return path;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *times)
{
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

typedef struct
{
  double open, frame, csv, report;
} Figures;

static Figures
measure (const char *path)
{
  double open[RUNS], frame[RUNS], csv[RUNS], report[RUNS];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 560, 240);
  cairo_t *cr = cairo_create (surface);
  SmJournalChartColors colors;
  Figures figures;

  sm_journal_chart_colors_paper (&colors);
  for (int run = 0; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(SmJournal) journal = sm_journal_new (path);
      g_autoptr(GPtrArray) entries = sm_journal_list (journal, 0, NULL, NULL);
      g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, 0, g_get_real_time () / G_USEC_PER_SEC);
      g_autofree char *summary = sm_journal_chart_summary (chart);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GBytes) pdf = NULL;
      gint64 t1 = g_get_monotonic_time ();

      sm_journal_chart_draw (chart, cr, NULL, 560, 240, &colors);
      cairo_surface_flush (surface);
      frame[run] = (g_get_monotonic_time () - t1) / 1000.0;
      open[run] = (t1 - t0) / 1000.0;

      t1 = g_get_monotonic_time ();
      bytes = sm_journal_csv_sessions (entries);
      csv[run] = (g_get_monotonic_time () - t1) / 1000.0;

      t1 = g_get_monotonic_time ();
      pdf = sm_journal_report_render_pdf (entries, 0, NULL, SM_SHEET_PAPER_A4, NULL);
      report[run] = (g_get_monotonic_time () - t1) / 1000.0;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  figures.open = median (open);
  figures.frame = median (frame);
  figures.csv = median (csv);
  figures.report = median (report);
  return figures;
}

int
main (int   argc,
      char *argv[])
{
  static const guint years[] = { 1, 5, 10 };
  Figures figures[G_N_ELEMENTS (years)];

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *path = make_journal (years[i] * 365);

      figures[i] = measure (path);
      g_print ("%2u years (%4u sessions): open %.2f ms, chart frame %.2f ms, CSV %.2f ms, report %.1f ms\n",
               years[i], years[i] * 365, figures[i].open, figures[i].frame, figures[i].csv, figures[i].report);
      g_unlink (path);
    }
  g_print ("10 years / 1 year: open %.1f, frame %.1f, CSV %.1f, report %.1f (linear: at most 10)\n",
           figures[2].open / figures[0].open, figures[2].frame / figures[0].frame,
           figures[2].csv / figures[0].csv, figures[2].report / figures[0].report);
  return 0;
}
