/* sm-sheet-print.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-sheet.h"

G_BEGIN_DECLS

GtkPrintOperation *sm_sheet_print_operation_new (SmSheet   *sheet);
SmSheetPaper       sm_sheet_default_paper       (void);

G_END_DECLS
