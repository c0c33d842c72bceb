/* sm-hold-popover.h: the timer bar's hold time, as presets and seconds.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-timer.h"

G_BEGIN_DECLS

#define SM_TYPE_HOLD_POPOVER (sm_hold_popover_get_type ())

G_DECLARE_FINAL_TYPE (SmHoldPopover, sm_hold_popover, SM, HOLD_POPOVER, GtkPopover)

GtkWidget *sm_hold_popover_new (SmTimer *timer);

G_END_DECLS
