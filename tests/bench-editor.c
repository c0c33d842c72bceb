/* bench-editor.c: how long the routine editor takes to open a long
 * routine — from handing it the routine until its rows on screen are drawn —
 * and how much memory that costs. Routines of 10, 100, 1000 and 5000 steps
 * are built in code (the file format allows fewer; the editor must not care).
 * Prints the figures; fails only if something does not work at all.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/resource.h>
#include <time.h>

#include <gtk/gtk.h>

#include "sm-routine-editor.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static SmRoutine *
long_routine (guint n)
{
  static const char * const zones[] = { "piriformis", "hamstrings", "gluteus-medius", "calf", "psoas" };
  SmRoutine *routine = sm_routine_new ("Long routine");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (zones[i % G_N_ELEMENTS (zones)],
                                                           i % 2 ? "left" : "right");

      sm_routine_step_set_note (step, "Slowly");
      sm_routine_append_step (routine, step);
    }
  return routine;
}

static void
after_paint (GdkFrameClock *clock,
             gboolean      *painted)
{
  *painted = TRUE;
}

/* Opens @routine in @editor and returns the milliseconds to the frame
 * after it. */
static double
open_ms (GtkWindow       *window,
         SmRoutineEditor *editor,
         SmRoutine       *routine)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean painted = FALSE;
  gulong handler;
  double start;

  start = now_ms ();
  sm_routine_editor_set_routine (editor, routine);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), &painted);
  /* Until the rows that are built once they are on screen are there too:
   * nothing left to do, then one more frame. */
  for (guint settled = 0; settled < 2;)
    {
      painted = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (!painted)
        g_main_context_iteration (NULL, TRUE);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      settled = gtk_widget_get_mapped (GTK_WIDGET (editor)) ? settled + 1 : 0;
    }
  g_signal_handler_disconnect (clock, handler);
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10, 100, 1000, 5000 };
  GtkWindow *window;
  SmRoutineEditor *editor;
  gboolean painted = FALSE;
  gulong handler;

  gtk_init ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 420, 760);
  editor = g_object_new (SM_TYPE_ROUTINE_EDITOR, NULL);
  gtk_window_set_child (window, GTK_WIDGET (editor));
  gtk_window_present (window);
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (after_paint), &painted);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);

  g_print ("# routine editor: from opening a routine until the steps on screen are drawn\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SmRoutine) routine = long_routine (sizes[i]);
      long before = peak_rss_kb ();
      double first = open_ms (window, editor, routine);
      double again;

      /* Closing and opening it again: nothing left over from the first time. */
      open_ms (window, editor, NULL);
      again = open_ms (window, editor, routine);
      g_print ("%5u steps: %7.1f ms until drawn, %7.1f ms the second time, "
               "peak memory +%ld MB\n",
               sizes[i], first, again, (peak_rss_kb () - before) / 1024);
      open_ms (window, editor, NULL);
    }

  gtk_window_destroy (window);
  return 0;
}
