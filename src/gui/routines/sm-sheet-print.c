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

/* Whether the program GTK runs for a print preview (the desktop's
 * gtk-print-preview-command, evince by default) is installed. GTK starts it
 * through a helper, so a missing one fails without a word. */
static gboolean
has_previewer (GtkWindow *parent)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                       : gdk_display_get_default ();
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  g_autofree char *program = NULL;

  if (display == NULL)
    return FALSE;
  g_object_get (gtk_settings_get_for_display (display), "gtk-print-preview-command", &command, NULL);
  if (command == NULL || !g_shell_parse_argv (command, NULL, &argv, NULL) || argv[0] == NULL)
    return FALSE;

  program = g_find_program_in_path (argv[0]);
  return program != NULL;
}

static void
show_no_previewer (GtkWindow *parent)
{
  GtkWidget *dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                              GTK_MESSAGE_INFO, GTK_BUTTONS_CLOSE,
                                              _("Print preview is not available"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("No program for print previews is installed on this "
                                              "computer. To see the sheet before you print it, save "
                                              "it as a PDF (Ctrl+Shift+E) and open that file."));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* With a previewer, GTK's own preview runs. Without one, a message says so
 * and the operation ends quietly: GTK insists on a cairo context for a
 * preview it does not run, so it gets a throw-away one. */
static gboolean
preview (GtkPrintOperation        *operation,
         GtkPrintOperationPreview *print_preview,
         GtkPrintContext          *context,
         GtkWindow                *parent,
         SmSheet                  *sheet)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (has_previewer (parent))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_print_operation_cancel (operation);
  show_no_previewer (parent);
  return TRUE;
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
  /* The operation owns the sheet, as object data: the handlers hold plain
   * pointers. A closure tied to the sheet's lifetime (g_signal_connect_object)
   * next to one that owns it aborted the app: the operation's handlers are
   * destroyed one by one when it is freed, the first drops the last ref on
   * the sheet, and the sheet's death then invalidates the second closure
   * while GObject is destroying it (invalid_closure_notify). */
  g_object_set_data_full (G_OBJECT (operation), "sm-sheet", g_object_ref (sheet), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), sheet);
  g_signal_connect (operation, "preview", G_CALLBACK (preview), sheet);
  return operation;
}

/* Letter where the locale uses it, A4 everywhere else. */
SmSheetPaper
sm_sheet_default_paper (void)
{
  return g_str_equal (gtk_paper_size_get_default (), GTK_PAPER_NAME_LETTER)
    ? SM_SHEET_PAPER_LETTER : SM_SHEET_PAPER_A4;
}
