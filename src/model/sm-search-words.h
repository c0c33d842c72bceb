/* sm-search-words.h: the words search passes over ("pain", "and", "Schmerz",
 * "und"), from referrals.json
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-content-item.h"

G_BEGIN_DECLS

#define SM_TYPE_SEARCH_WORDS (sm_search_words_get_type ())

G_DECLARE_FINAL_TYPE (SmSearchWords, sm_search_words, SM, SEARCH_WORDS, SmContentItem)

const char * const *sm_search_words_get_stop_words_en (SmSearchWords *self);
const char * const *sm_search_words_get_stop_words_de (SmSearchWords *self);

G_END_DECLS
