/* sm-tool.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_TOOL (sm_tool_get_type ())

G_DECLARE_FINAL_TYPE (SmTool, sm_tool, SM, TOOL, SmContentItem)

const char         *sm_tool_get_id                    (SmTool *self);
const char         *sm_tool_get_name                  (SmTool *self);
const char         *sm_tool_get_summary               (SmTool *self);
const char * const *sm_tool_get_good_for              (SmTool *self);
const char * const *sm_tool_get_steps                 (SmTool *self); /* general use */
const char * const *sm_tool_get_avoid                 (SmTool *self);
const char * const *sm_tool_get_synonyms              (SmTool *self);
const char * const *sm_tool_get_sources               (SmTool *self);
/* Resource path of the illustration, e.g. /org/sciaticamap/SciaticaMap/tools/ball.svg */
const char         *sm_tool_get_illustration_resource (SmTool *self);

G_END_DECLS
