/* sm-sheet.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sm-atlas.h"
#include "sm-routine.h"

G_BEGIN_DECLS

typedef enum
{
  SM_SHEET_PAPER_A4,
  SM_SHEET_PAPER_LETTER,
} SmSheetPaper;

#define SM_TYPE_SHEET (sm_sheet_get_type ())

G_DECLARE_FINAL_TYPE (SmSheet, sm_sheet, SM, SHEET, GObject)

void      sm_sheet_warm_up         (void);
void      sm_sheet_warm_up_join    (void);
SmSheet  *sm_sheet_new             (SmRoutine    *routine,
                                    SmAtlas      *atlas);
void      sm_sheet_set_date        (SmSheet      *self,
                                    GDateTime    *date);
gboolean  sm_sheet_paper_from_name (const char   *name,
                                    SmSheetPaper *paper);
gboolean  sm_sheet_paper_parse     (const char   *name,
                                    SmSheetPaper *paper,
                                    GError      **error);
void      sm_sheet_paper_get_size  (SmSheetPaper  paper,
                                    double       *width,
                                    double       *height);
guint     sm_sheet_get_n_pages     (SmSheet      *self,
                                    cairo_t      *cr,
                                    double        width,
                                    double        height);
void      sm_sheet_draw_page       (SmSheet      *self,
                                    cairo_t      *cr,
                                    double        width,
                                    double        height,
                                    guint         page);
GBytes   *sm_sheet_render_pdf      (SmSheet      *self,
                                    SmSheetPaper  paper,
                                    GError      **error);
gboolean  sm_sheet_export_pdf      (SmSheet      *self,
                                    const char   *path,
                                    SmSheetPaper  paper,
                                    GError      **error);

G_END_DECLS
