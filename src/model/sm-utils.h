/* sm-utils.h: small GLib-only helpers shared by every layer.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean sm_set_str          (char       **str_pointer,
                              const char  *new_str);
char    *sm_cut_for_message  (const char  *text,
                              guint        max_chars);

/* How much of a value a message quotes. */
#define SM_MESSAGE_QUOTE_CHARS 60

G_END_DECLS
