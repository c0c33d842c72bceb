/* sm-routine-import.h: copying a routine file someone hands the app into
 * the person's routines.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-routines-page.h"

G_BEGIN_DECLS

/* The buttons of the question about a routine of the same name. */
typedef enum
{
  SM_IMPORT_RESPONSE_REPLACE   = 1,
  SM_IMPORT_RESPONSE_KEEP_BOTH = 2,
} SmImportResponse;

void sm_routine_import_file (SmRoutinesPage *page,
                             GFile          *file);

G_END_DECLS
