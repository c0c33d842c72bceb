/* sm-tool-use.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_TOOL_USE (sm_tool_use_get_type ())

G_DECLARE_FINAL_TYPE (SmToolUse, sm_tool_use, SM, TOOL_USE, SmContentItem)

/* How one tool is used on one zone: four translated sentences in the order
 * a person does them. */

const char  *sm_tool_use_get_tool_id   (SmToolUse *self);
const char  *sm_tool_use_get_position  (SmToolUse *self); /* body position */
const char  *sm_tool_use_get_placement (SmToolUse *self); /* where the tool goes */
const char  *sm_tool_use_get_movement  (SmToolUse *self); /* what to do */
const char  *sm_tool_use_get_duration  (SmToolUse *self); /* how long */
char       **sm_tool_use_dup_steps     (SmToolUse *self); /* the four above, in order */

const char  *sm_tool_use_get_pose       (SmToolUse *self); /* pose id */
const char  *sm_tool_use_get_picture    (SmToolUse *self); /* what the picture shows */

G_END_DECLS
