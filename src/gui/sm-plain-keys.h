/* sm-plain-keys.h: the window's one-letter shortcuts (Space, R, N, P)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Whether @action may run from its plain key now. */
typedef gboolean (*SmPlainKeyFilter) (GtkWidget  *widget,
                                      const char *action,
                                      gpointer    user_data);

void      sm_plain_keys_add       (GtkWidget        *widget,
                                   SmPlainKeyFilter  filter,
                                   gpointer          user_data);
gboolean  sm_focus_takes_typing   (GtkWidget        *focus);
gboolean  sm_focus_takes_space    (GtkWidget        *focus);

G_END_DECLS
