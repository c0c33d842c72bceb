/* sm-routines-page.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-routine-store.h"

G_BEGIN_DECLS

#define SM_TYPE_ROUTINES_PAGE (sm_routines_page_get_type ())

G_DECLARE_FINAL_TYPE (SmRoutinesPage, sm_routines_page, SM, ROUTINES_PAGE, GtkWidget)

SmRoutineStore *sm_routines_page_get_store    (SmRoutinesPage *self);
SmRoutine      *sm_routines_page_get_routine  (SmRoutinesPage *self);
void            sm_routines_page_open         (SmRoutinesPage *self,
                                               SmRoutine      *routine);
SmRoutine      *sm_routines_page_ensure_own_routine (SmRoutinesPage *self);
SmRoutineStep  *sm_routines_page_add_step     (SmRoutinesPage *self,
                                               const char     *zone,
                                               const char     *side);
void            sm_routines_page_focus_last_step (SmRoutinesPage *self);
void            sm_routines_page_import_file  (SmRoutinesPage *self,
                                               GFile          *file);
void            sm_routines_page_report_import_error (SmRoutinesPage *self,
                                                      GFile          *file,
                                                      const GError   *error);
void            sm_routines_page_export_file  (SmRoutinesPage *self,
                                               GFile          *file);
void            sm_routines_page_print        (SmRoutinesPage *self);
void            sm_routines_page_save_pdf     (SmRoutinesPage *self);
void            sm_routines_page_show_message (SmRoutinesPage *self,
                                               const char     *message,
                                               gboolean        can_undo);

G_END_DECLS
