/* sm-json-guard.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json-guard"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "sm-json-guard.h"

/* json-glib 1.6 parses recursively and overflows the stack on input nested
 * ~100 000 levels deep, so a hostile or broken file must be turned away
 * before the parser sees it. This scan only counts brackets outside
 * strings; everything else is left to the parser. */
gboolean
sm_json_check_depth (const char  *data,
                     gsize        length,
                     guint        max_depth,
                     GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > max_depth)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("nested more than %u levels deep (at byte %" G_GSIZE_FORMAT ")"),
                       max_depth, i);
          return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
