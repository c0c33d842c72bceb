/* sm-session-step.h: one step of a guided session (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SM_SESSION_DEFAULT_REST 10

#define SM_TYPE_SESSION_STEP (sm_session_step_get_type ())

typedef struct _SmSessionStep SmSessionStep;

GType          sm_session_step_get_type     (void) G_GNUC_CONST;

SmSessionStep *sm_session_step_new          (const char     *zone,
                                             const char     *side,
                                             guint           hold,
                                             guint           rest,
                                             const char     *title,
                                             const char     *instructions,
                                             GError        **error);
SmSessionStep *sm_session_step_new_round    (const SmSessionStep *self,
                                             guint           round,
                                             guint           rounds);
SmSessionStep *sm_session_step_new_with_tool (const SmSessionStep *self,
                                             const char     *tool);
SmSessionStep *sm_session_step_ref          (SmSessionStep  *self);
void           sm_session_step_unref        (SmSessionStep  *self);

const char    *sm_session_step_get_zone         (const SmSessionStep *self);
const char    *sm_session_step_get_side         (const SmSessionStep *self);
guint          sm_session_step_get_hold         (const SmSessionStep *self);
guint          sm_session_step_get_rest         (const SmSessionStep *self);
const char    *sm_session_step_get_title        (const SmSessionStep *self);
const char    *sm_session_step_get_instructions (const SmSessionStep *self);
guint          sm_session_step_get_round        (const SmSessionStep *self);
guint          sm_session_step_get_rounds       (const SmSessionStep *self);
const char    *sm_session_step_get_tool         (const SmSessionStep *self);
void           sm_session_step_set_picture      (SmSessionStep       *self,
                                                 GObject             *item);
GObject       *sm_session_step_get_picture      (const SmSessionStep *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmSessionStep, sm_session_step_unref)

G_END_DECLS
