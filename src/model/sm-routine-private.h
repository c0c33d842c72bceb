/* sm-routine-private.h: shared by SmRoutine, its reader and writer, and
 * SmRoutineStep
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sm-pain-drawing.h"
#include "sm-routine.h"

G_BEGIN_DECLS

struct _SmRoutine
{
  GObject        parent_instance;

  /* Owned references: what goes into the file (and the id and whether it
   * is built in, which do not). */
  char          *id;
  char          *name;
  char          *patient;
  char          *notes;
  GDateTime     *created;
  GDateTime     *modified;
  GListStore    *steps;
  SmPainDrawing *pain;   /* the patient's pain drawing, since version 2 */
  guint          per_week;   /* the plan, sessions a week (0: none), since version 3 */
  gboolean       builtin;
};

/* What a person types is kept within the format's limits (sm-routine.h),
 * so that every routine saved loads again. Returns @value cut to
 * @max_chars characters, or a copy; "" for NULL (a field is never NULL). */
static inline char *
sm_routine_clamp_text (const char *value,
                       glong       max_chars)
{
  if (value == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (value, -1) <= max_chars)
    return g_strdup (value);
  return g_utf8_substring (value, 0, max_chars);
}

G_END_DECLS
