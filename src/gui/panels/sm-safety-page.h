/* sm-safety-page.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_SAFETY_PAGE (sm_safety_page_get_type ())

G_DECLARE_FINAL_TYPE (SmSafetyPage, sm_safety_page, SM, SAFETY_PAGE, GtkWidget)

GtkWidget *sm_safety_page_new          (void);
void       sm_safety_page_focus_button (SmSafetyPage *self);

G_END_DECLS
