/* sm-anatomy-style.c: a style's sheet put into the SVG it is for.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-anatomy"

#include "config.h"

#include <string.h>

#include "sm-anatomy-private.h"

/* @bytes (an SVG) with @css as a <style> element first in its root, or
 * NULL when there is no root to put it in. librsvg 2.54's
 * rsvg_handle_set_stylesheet () styles the whole document again after
 * the parse (half a parse's time); a sheet in the file is applied in the
 * parse. The two cascade alike here: the artwork has no style sheet or
 * style attributes of its own, so the sheet's rules meet only
 * presentation attributes, which any sheet overrides. */
GBytes *
_sm_anatomy_embed_style (GBytes     *bytes,
                         const char *css)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *root = g_strstr_len (data, size, "<svg");
  const char *end = root != NULL ? memchr (root, '>', size - (root - data)) : NULL;
  GString *svg;

  if (end == NULL || strstr (css, "]]>") != NULL)
    return NULL;

  end++;
  svg = g_string_sized_new (size + strlen (css) + 64);
  g_string_append_len (svg, data, end - data);
  g_string_append_printf (svg, "<style type=\"text/css\"><![CDATA[%s]]></style>", css);
  g_string_append_len (svg, end, size - (end - data));
  return g_string_free_to_bytes (svg);
}
