/* sm-test-model.h: helpers shared by the tests of the content model (no GTK).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void  sm_test_assert_body_words_find_zones (void);
char *sm_test_kill_during_save             (const char *path);

G_END_DECLS
