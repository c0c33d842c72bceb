/* sm-routine-reread.h: a routine's file as another program left it, for the
 * store's lost-update check (see sm-routine-store.c).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sm-atlas.h"
#include "sm-file-write.h"
#include "sm-routine.h"

G_BEGIN_DECLS

typedef struct
{
  SmFileStamp  stamp;     /* of the file when it was read */
  SmRoutine   *routine;   /* (nullable) NULL when the file is gone */
} SmRoutineFileState;

void                sm_routine_file_read_async   (const char          *path,
                                                  SmAtlas             *atlas,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
SmRoutineFileState *sm_routine_file_read_finish  (GAsyncResult        *result,
                                                  GError             **error);
void                sm_routine_file_state_free   (SmRoutineFileState  *state);
void                sm_routine_assign            (SmRoutine           *self,
                                                  SmRoutine           *other);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmRoutineFileState, sm_routine_file_state_free)

G_END_DECLS
