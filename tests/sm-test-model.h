/* sm-test-model.h: helpers shared by the tests of the content model (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  const char *query;
  const char *kind;   /* "zone", "technique", "tool" or "stretch" */
  const char *id;
} SmTestSearchCase;

/* Ends with a case whose query is NULL. */
extern const SmTestSearchCase sm_test_search_cases[];

void  sm_test_assert_body_words_find_zones (void);
char *sm_test_kill_during_save             (const char *path);

void  sm_test_assert_text_contains (const char *squeezed,
                                    const char *needle);
int      sm_test_results_index     (GListModel *results,
                                    const char *kind,
                                    const char *id);
gboolean sm_test_results_contain   (GListModel *results,
                                    const char *kind,
                                    const char *id);

long     sm_test_page_faults       (void);
long     sm_test_fill_and_free     (guint       n_blocks,
                                    gsize       size);

G_END_DECLS
