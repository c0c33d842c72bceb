/* sm-bench-journal.c: synthetic journals for the benchmarks.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "sm-bench-journal.h"
#include "sm-journal.h"

#define DAY (24 * 60 * 60)

static const char drawing[] =
  "[{\"kind\":\"sharp\",\"intensity\":3,\"view\":\"back\","
  "\"points\":[330,700,340,800,345,950,350,1100,352,1250]},"
  "{\"kind\":\"aching\",\"intensity\":2,\"view\":\"back\",\"points\":[300,640,340,660,370,700]}]";

/* Daily sessions in one transaction (the journal writes one per entry,
 * which is what a person does, but not what a benchmark needs). */
char *
sm_bench_journal_make (guint days)
{
  g_autofree char *name = g_strdup_printf ("bench-journal-%u-%d.sqlite3", days, (int) getpid ());
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
                          " pain_before, pain_after, note, partial, drawing, plan) VALUES ('Piriformis relief',"
                          " '[{\"zone\":\"piriformis\",\"side\":\"left\",\"hold\":30,\"title\":\"Piriformis\"}]',"
                          " ?1, ?1 + 600, 4, 0, ?2, ?3, 'A note, with a comma', 0, ?4, 5)", -1, &stmt, NULL);
  for (guint i = 0; i < days; i++)
    {
      sqlite3_bind_int64 (stmt, 1, now - (gint64) (days - i) * DAY);
      sqlite3_bind_int (stmt, 2, 4 + i % 5);
      sqlite3_bind_int (stmt, 3, 2 + i % 5);
      if (i == 0 || i + 1 == days)
        sqlite3_bind_text (stmt, 4, drawing, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 4);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return path;
}

int
sm_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
sm_bench_median (double *times,
                 guint   n)
{
  qsort (times, n, sizeof (double), sm_bench_compare_doubles);
  return times[n / 2];
}
