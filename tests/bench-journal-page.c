/* bench-journal-page.c: how long the GTK Journal page takes to be ready
 * with 1, 5 and 10 years of daily sessions: from sm_journal_page_reload ()
 * (what Ctrl+J runs) until the page with its charts and rows is drawn,
 * and one frame of the window after the chart is asked to draw again,
 * next to the same with an empty journal (what the window costs whatever
 * the chart shows: on Xvfb, mostly copying the window to the X server;
 * the chart's own drawing is bench-journal's "chart frame"). Medians of
 * 5 runs; the 10-year time over the 1-year time (linear: at most 10).
 * Targets for 10 years: ready at most 50 ms, a frame at most 8 ms.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "sm-bench-journal.h"
#include "sm-journal-page.h"

#define RUNS 5

static void
after_paint (GdkFrameClock *clock,
             gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until a frame is painted and nothing is pending. */
static void
until_drawn (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);

  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, handler);
}

static GtkWidget *
find_drawing_area (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawing_area (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  static const guint years[] = { 0, 1, 5, 10 };
  double ready[G_N_ELEMENTS (years)], frame[G_N_ELEMENTS (years)];
  GtkWindow *window;
  SmJournalPage *page;

  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_init ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 420, 900);
  page = SM_JOURNAL_PAGE (sm_journal_page_new ());
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  until_drawn (window);
  sm_journal_page_set_days (page, 0);   /* all of it: the most to draw */

  g_print ("# Journal page: from reload (Ctrl+J) until drawn, and one frame after the chart changes\n");
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autofree char *path = sm_bench_journal_make (years[i] * 365);
      g_autoptr(SmJournal) journal = sm_journal_new (path);
      GtkWidget *chart = NULL;
      double r[RUNS], f[RUNS];

      sm_journal_page_set_journal (page, journal);
      for (int run = -1; run < RUNS; run++)
        {
          gint64 t0 = g_get_monotonic_time ();

          sm_journal_page_reload (page);
          until_drawn (window);
          if (run >= 0)
            r[run] = (g_get_monotonic_time () - t0) / 1000.0;

          chart = find_drawing_area (GTK_WIDGET (page));
          t0 = g_get_monotonic_time ();
          gtk_widget_queue_draw (chart);
          until_drawn (window);
          if (run >= 0)
            f[run] = (g_get_monotonic_time () - t0) / 1000.0;
        }
      ready[i] = sm_bench_median (r, RUNS);
      frame[i] = sm_bench_median (f, RUNS);
      g_print ("%2u years (%4u sessions): ready %.1f ms, frame %.2f ms\n",
               years[i], years[i] * 365, ready[i], frame[i]);
      sm_journal_page_set_journal (page, NULL);
      sm_journal_close (journal);
      g_unlink (path);
    }
  g_print ("10 years / 1 year: ready %.1f, frame %.1f (linear: at most 10)\n",
           ready[3] / ready[1], frame[3] / frame[1]);
  g_print ("targets for 10 years: ready %.1f ms (at most 50), frame %.2f ms (at most 8; "
           "%.2f ms with an empty journal)\n", ready[3], frame[3], frame[0]);

  gtk_window_destroy (window);
  return 0;
}
