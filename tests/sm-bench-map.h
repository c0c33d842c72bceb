/* sm-bench-map.h: what the body-map benchmarks share — a monotonic clock,
 * medians, spinning the main loop, a full render of a view as the
 * baseline, and the map's own motion controller.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

double              sm_bench_now_ns            (void);
double              sm_bench_median            (GArray     *values);
void                sm_bench_spin              (guint       ms);
double              sm_bench_full_render       (const char *view,
                                                int         width,
                                                int         height,
                                                int         runs);
GtkEventController *sm_bench_motion_controller (GtkWidget  *widget);

G_END_DECLS
