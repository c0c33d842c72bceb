/* sm-center-bin.h: one child at its natural size, centred
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_CENTER_BIN (sm_center_bin_get_type ())

G_DECLARE_FINAL_TYPE (SmCenterBin, sm_center_bin, SM, CENTER_BIN, GtkWidget)

GtkWidget *sm_center_bin_new (void);

G_END_DECLS
