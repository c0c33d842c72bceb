/* sm-routine-session.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-atlas.h"
#include "sm-routine.h"
#include "sm-session.h"

G_BEGIN_DECLS

SmSession *sm_routine_session_new (SmRoutine   *routine,
                                   SmAtlas     *atlas,
                                   const char  *side,
                                   GError     **error);
SmSession *sm_session_new_builtin (const char  *id,
                                   SmAtlas     *atlas,
                                   const char  *side,
                                   GError     **error);

G_END_DECLS
