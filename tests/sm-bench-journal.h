/* sm-bench-journal.h: synthetic journals for the benchmarks: a session a
 * day, written in one transaction, the first and the last with a pain
 * drawing (so the report draws the first and the latest side by side).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *sm_bench_journal_make   (guint    days);
int     sm_bench_compare_doubles (gconstpointer a,
                                  gconstpointer b);
double  sm_bench_median         (double  *times,
                                 guint    n);

G_END_DECLS
