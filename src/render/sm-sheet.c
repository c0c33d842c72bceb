/* sm-sheet.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "sm-sheet-private.h"

/* The routine sheet a therapist hands a patient and the patient pins on the
 * fridge: who it is for, a body map with the steps numbered on it, a table
 * of the steps, what to do before and after, when to stop, and a week of
 * boxes to tick. One renderer for the print preview, the printer and the
 * PDF: everything is drawn in points onto whatever cairo context it gets,
 * in vector form (SmAnatomy draws the body straight into the context).
 *
 * Layout is a single pass that flows blocks down the page and starts a new
 * page when the next block or table row does not fit. It runs once per
 * paper size and records each page (a cairo recording surface); drawing a
 * page replays its recording, so a long routine costs time in proportion
 * to its steps, not to steps × pages. Measuring a block runs the same code
 * with painting off. */

G_DEFINE_FINAL_TYPE (SmSheet, sm_sheet, G_TYPE_OBJECT)

/* --- Construction -------------------------------------------------------- */

/* The back view's file (the fonts' thread is sm-sheet-pages.c's). */
static GThread *back_reader;

/* For a process that only makes sheets and has no screen (the command-line
 * export): the sheet's font configuration becomes the process's, and the
 * fonts load and the back view is read in threads while the content
 * loads. */
void
sm_sheet_warm_up (void)
{
  g_return_if_fail (back_reader == NULL);

  sm_sheet_start_loading_fonts ();
  back_reader = sm_sheet_start_reading_back ();
}

/* Waits for what sm_sheet_warm_up () started. A process that refuses its
 * routine and exits at once must not end while a thread still reads the
 * artwork: the GResource is unregistered on the way out, and the thread
 * would abort on a resource that "does not exist". */
void
sm_sheet_warm_up_join (void)
{
  sm_sheet_wait_for_fonts ();
  g_clear_pointer (&back_reader, g_thread_join);
}

SmSheet *
sm_sheet_new (SmRoutine *routine,
              SmAtlas   *atlas)
{
  SmSheet *self;

  g_return_val_if_fail (SM_IS_ROUTINE (routine), NULL);
  g_return_val_if_fail (SM_IS_ATLAS (atlas), NULL);

  self = g_object_new (SM_TYPE_SHEET, NULL);
  self->routine = g_object_ref (routine);
  self->atlas = g_object_ref (atlas);
  return self;
}

/* The date printed on the sheet; today unless set. */
void
sm_sheet_set_date (SmSheet   *self,
                   GDateTime *date)
{
  g_return_if_fail (SM_IS_SHEET (self));

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : g_date_time_new_now_local ();
}

gboolean
sm_sheet_paper_from_name (const char   *name,
                          SmSheetPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = SM_SHEET_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = SM_SHEET_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/* For the command line: @name (a4 or letter) into @paper, which a NULL
 * @name leaves as it is; an unknown name is an error saying what to use. */
gboolean
sm_sheet_paper_parse (const char    *name,
                      SmSheetPaper  *paper,
                      GError       **error)
{
  if (name == NULL || sm_sheet_paper_from_name (name, paper))
    return TRUE;

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("Unknown paper size “%s”: use a4 or letter"), name);
  return FALSE;
}

/* In points, portrait. */
void
sm_sheet_paper_get_size (SmSheetPaper  paper,
                         double       *width,
                         double       *height)
{
  *width = paper == SM_SHEET_PAPER_LETTER ? 612.0 : 595.276;
  *height = paper == SM_SHEET_PAPER_LETTER ? 792.0 : 841.89;
}

/* --- Printing and PDF ---------------------------------------------------- */

guint
sm_sheet_get_n_pages (SmSheet *self,
                      cairo_t *cr,
                      double   width,
                      double   height)
{
  g_return_val_if_fail (SM_IS_SHEET (self), 0);

  sm_sheet_ensure_layout (self, cr, width, height);
  return self->pages->len;
}

/* Paints page @page (0-based) of a @width × @height point page onto @cr,
 * whose user unit must be the point. */
void
sm_sheet_draw_page (SmSheet *self,
                    cairo_t *cr,
                    double   width,
                    double   height,
                    guint    page)
{
  Flow footer = { self, cr, width, height, MARGIN, width - MARGIN, 0, 0, page, 0, NULL, 0, FALSE, 0 };

  g_return_if_fail (SM_IS_SHEET (self));

  sm_sheet_ensure_layout (self, cr, width, height);
  g_return_if_fail (page < self->pages->len);

  cairo_save (cr);
  cairo_set_source_surface (cr, g_ptr_array_index (self->pages, page), 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_save (cr);
  sm_sheet_paint_footer (&footer, self->pages->len);
  cairo_restore (cr);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
set_metadata (SmSheet         *self,
              cairo_surface_t *surface)
{
  g_autofree char *creator = g_strdup_printf ("%s %s", _("Sciatica Map"), PACKAGE_VERSION);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  sm_routine_get_name (self->routine));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
}

/* The whole sheet as PDF data, every page. */
GBytes *
sm_sheet_render_pdf (SmSheet       *self,
                     SmSheetPaper   paper,
                     GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;

  g_return_val_if_fail (SM_IS_SHEET (self), NULL);

  sm_sheet_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, width, height);
  set_metadata (self, surface);
  cr = cairo_create (surface);

  sm_sheet_paint_all_pages (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the sheet: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}

/* Renders every page into memory first, then replaces @path atomically, so
 * a failed export never leaves half a PDF where an old one was. Blocks. */
gboolean
sm_sheet_export_pdf (SmSheet       *self,
                     const char    *path,
                     SmSheetPaper   paper,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = sm_sheet_render_pdf (self, paper, error);

  return bytes != NULL && sm_routine_write_bytes (path, bytes, error);
}

/* --- GObject ------------------------------------------------------------- */

static void
sm_sheet_finalize (GObject *object)
{
  SmSheet *self = SM_SHEET (object);

  g_clear_object (&self->routine);
  g_clear_object (&self->atlas);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->art_loader, g_thread_join);
  g_clear_pointer (&self->pose_reader, g_thread_join);
  g_clear_pointer (&self->art, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_sheet_parent_class)->finalize (object);
}

static void
sm_sheet_class_init (SmSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_sheet_finalize;
}

static void
sm_sheet_init (SmSheet *self)
{
  self->date = g_date_time_new_now_local ();
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}
