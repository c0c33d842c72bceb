/* sm-routine-private.h: shared by SmRoutine and SmRoutineStep
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Replaces a string field and notifies, unless it is unchanged (g_set_str()
 * only arrived in GLib 2.76). NULL is stored as "". */
static inline void
sm_routine_set_string_field (gpointer     object,
                             char       **field,
                             const char  *value,
                             GParamSpec  *pspec)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

G_END_DECLS
