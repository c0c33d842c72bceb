/* sm-utils.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-utils"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-utils.h"

/* Replaces *@str_pointer by a copy of @new_str; returns whether it changed,
 * so property setters know when to notify. g_set_str() arrived in GLib 2.76,
 * after the 2.74 we build against. */
gboolean
sm_set_str (char       **str_pointer,
            const char  *new_str)
{
  if (g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  g_free (*str_pointer);
  *str_pointer = g_strdup (new_str);
  return TRUE;
}

/* A value quoted in a message a person reads, at most @max_chars characters
 * of it followed by "…": a routine's side of 30 000 characters would take a
 * label minutes to lay out, and ten megabytes on the command line would be
 * echoed whole. @text must be UTF-8 (as everything read is by then); a NUL
 * ends it. */
char *
sm_cut_for_message (const char *text,
                    guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *end = valid;

  for (guint n = 0; *end != '\0'; n++, end = g_utf8_next_char (end))
    if (n == max_chars)
      {
        g_autofree char *head = g_strndup (valid, end - valid);

        return g_strconcat (head, "…", NULL);
      }

  return g_steal_pointer (&valid);
}
