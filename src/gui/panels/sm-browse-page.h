/* sm-browse-page.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_BROWSE_PAGE (sm_browse_page_get_type ())

G_DECLARE_FINAL_TYPE (SmBrowsePage, sm_browse_page, SM, BROWSE_PAGE, GtkWidget)

GtkWidget *sm_browse_page_new (void);

G_END_DECLS
