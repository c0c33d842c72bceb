/* sm-search-results.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_SEARCH_RESULTS (sm_search_results_get_type ())

G_DECLARE_FINAL_TYPE (SmSearchResults, sm_search_results, SM, SEARCH_RESULTS, GtkWidget)

GtkWidget  *sm_search_results_new               (void);
void        sm_search_results_set_query         (SmSearchResults *self,
                                                 const char      *query);
const char *sm_search_results_get_query         (SmSearchResults *self);
GListModel *sm_search_results_get_results       (SmSearchResults *self);
gboolean    sm_search_results_move              (SmSearchResults *self,
                                                 int              delta);
gboolean    sm_search_results_activate_selected (SmSearchResults *self);

G_END_DECLS
