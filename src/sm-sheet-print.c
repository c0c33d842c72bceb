/* sm-sheet-print.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet-print"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-sheet-print.h"

/* The routine sheet on a printer (with the system dialog's preview and page
 * set-up) and into a PDF chosen by the person: both draw with SmSheet, the
 * renderer the command line uses too. */

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             SmSheet           *sheet)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  double width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);

  gtk_print_operation_set_n_pages (operation,
                                   sm_sheet_get_n_pages (sheet, gtk_print_context_get_cairo_context (context),
                                                         width, height));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           SmSheet           *sheet)
{
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);

  sm_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context),
                      gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                      gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS), page);
}

/* The sheet draws its own margins in points from the paper's edge. */
GtkPrintOperation *
sm_sheet_print_operation_new (SmSheet *sheet)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();

  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, _("Routine sheet"));
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print),
                         g_object_ref (sheet), (GClosureNotify) g_object_unref, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page), sheet, 0);
  return operation;
}

/* Letter where the locale uses it, A4 everywhere else. */
SmSheetPaper
sm_sheet_default_paper (void)
{
  return g_str_equal (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER)
    ? SM_SHEET_PAPER_LETTER : SM_SHEET_PAPER_A4;
}
