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

/* What a person types is kept within the format's limits (sm-routine.h),
 * so that every routine saved loads again. Returns @value cut to
 * @max_chars characters, or a copy. */
static inline char *
sm_routine_clamp_text (const char *value,
                       glong       max_chars)
{
  if (value == NULL || g_utf8_strlen (value, -1) <= max_chars)
    return g_strdup (value);
  return g_utf8_substring (value, 0, max_chars);
}

G_END_DECLS
