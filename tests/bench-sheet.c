/* bench-sheet.c: how the time to write a routine sheet as PDF grows with
 * the routine. The routines are built in code (100, 1 000 and 10 000 steps;
 * the routine file format has a step limit of its own), each written with
 * sm_sheet_render_pdf () — what --export-pdf runs — and timed. Prints the
 * times, the pages, the time per step and the ratios between the sizes;
 * linear means a 10× longer routine takes about 10× as long. Fails only if
 * something does not work at all.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <time.h>

#include "sm-atlas.h"
#include "sm-routine.h"
#include "sm-sheet.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* @n steps over every zone in turn, on alternating sides. */
static SmRoutine *
build_routine (guint n)
{
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());
  SmRoutine *routine = sm_routine_new ("Benchmark");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i % g_list_model_get_n_items (zones));
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (sm_zone_get_id (zone),
                                                           i % 3 == 0 ? "both" : i % 3 == 1 ? "left" : "right");
      g_autoptr(SmToolUse) use = g_list_model_get_item (sm_zone_get_tool_uses (zone), 0);

      g_object_set (step, "tool", sm_tool_use_get_tool_id (use),
                    "technique", sm_zone_get_techniques (zone)[0], NULL);
      sm_routine_append_step (routine, step);
    }

  return routine;
}

/* Milliseconds to render @n steps; the page count in @pages. */
static double
time_sheet (guint  n,
            guint *pages,
            gsize *bytes)
{
  g_autoptr(SmRoutine) routine = build_routine (n);
  g_autoptr(SmSheet) sheet = sm_sheet_new (routine, sm_atlas_get_default ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double width, height, start, elapsed;

  sm_sheet_paper_get_size (SM_SHEET_PAPER_A4, &width, &height);
  start = now_ms ();
  pdf = sm_sheet_render_pdf (sheet, SM_SHEET_PAPER_A4, &error);
  elapsed = now_ms () - start;
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  *bytes = g_bytes_get_size (pdf);
  *pages = sm_sheet_get_n_pages (sheet, cr, width, height);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  const guint sizes[] = { 100, 1000, 10000 };
  double times[G_N_ELEMENTS (sizes)];
  guint pages;
  gsize bytes;

  sm_sheet_warm_up ();
  /* Fonts, artwork and content loaded once, outside the timings. */
  time_sheet (10, &pages, &bytes);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      times[i] = time_sheet (sizes[i], &pages, &bytes);
      g_print ("%6u steps: %9.1f ms, %5u pages, %6.1f MB of PDF, %.3f ms per step\n",
               sizes[i], times[i], pages, bytes / 1e6, times[i] / sizes[i]);
    }
  for (guint i = 1; i < G_N_ELEMENTS (sizes); i++)
    g_print ("%u -> %u steps (x%.0f): time x%.1f (linear: x%.0f)\n", sizes[i - 1], sizes[i],
             (double) sizes[i] / sizes[i - 1], times[i] / times[i - 1],
             (double) sizes[i] / sizes[i - 1]);

  return 0;
}
