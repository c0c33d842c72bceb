/* sm-export.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean sm_export_is_requested (int           argc,
                                 char        **argv);
void     sm_export_add_options  (GApplication *app);
int      sm_export_handle_options (GVariantDict *options);
int      sm_export_run          (int           argc,
                                 char        **argv);

G_END_DECLS
