/* sm-bake-anatomy.c: a build tool. Measures the bounds of every element of
 * the body views as the app would (sm-anatomy-baked.c) and writes them as
 * one GVariant for the GResource, so that the app places its zones at
 * start-up without parsing the silhouettes. test-anatomy-baked checks the
 * baked boxes against librsvg's.
 *
 *   sm-bake-anatomy OUTPUT NAME=FILE.svg...
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-bake-anatomy"

#include "config.h"

#include <stdio.h>

#include "sm-anatomy-baked.h"

static GVariant *
bake_argument (const char  *argument,
               GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (argument, "=", 2);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) svg = NULL;

  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "%s: expected NAME=FILE.svg", argument);
      return NULL;
    }
  file = g_file_new_for_commandline_arg (parts[1]);
  if ((svg = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
    return NULL;
  return _sm_anatomy_bake_view (parts[0], svg, parts[1], error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) baked = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GVariantBuilder views;

  if (argc < 3)
    {
      fprintf (stderr, "usage: %s OUTPUT NAME=FILE.svg...\n", argv[0]);
      return 2;
    }

  g_variant_builder_init (&views, G_VARIANT_TYPE (SM_ANATOMY_BAKED_TYPE));
  for (int i = 2; i < argc; i++)
    {
      GVariant *view = bake_argument (argv[i], &error);

      if (view == NULL)
        {
          g_variant_builder_clear (&views);
          fprintf (stderr, "%s: %s\n", argv[0], error->message);
          return 1;
        }
      g_variant_builder_add_value (&views, view);
    }
  baked = g_variant_ref_sink (g_variant_builder_end (&views));
  bytes = g_variant_get_data_as_bytes (baked);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }
  return 0;
}
