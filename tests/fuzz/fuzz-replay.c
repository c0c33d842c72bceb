/* fuzz-replay.c: runs a fuzz target on a corpus without libFuzzer
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * fuzz-TARGET DIR-OR-FILE…: calls LLVMFuzzerInitialize once, then
 * LLVMFuzzerTestOneInput on every file, in name order, as libFuzzer would
 * replay them. A crash, a failed check or a warning ends the run; the name
 * printed last is the input to blame.
 */

#define G_LOG_DOMAIN "fuzz-replay"

#include "config.h"

#include <string.h>

#include "fuzz.h"

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }

  dir = g_dir_open (path, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      collect (child, files);
    }
}

static void
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree guint8 *copy = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  /* An exact-size copy, as libFuzzer hands it over, so reading past the end
   * is not hidden by the terminating NUL of g_file_get_contents(). */
  copy = g_memdup2 (contents, length);
  g_print ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput (copy, length);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR-OR-FILE…\n", argv[0]);
      return 2;
    }

  LLVMFuzzerInitialize (&argc, &argv);

  for (int i = 1; i < argc; i++)
    collect (argv[i], files);
  if (files->len == 0)
    g_error ("no inputs in the corpus");

  g_ptr_array_sort (files, compare_paths);
  for (guint i = 0; i < files->len; i++)
    replay (g_ptr_array_index (files, i));

  g_print ("replayed %u inputs\n", files->len);
  return 0;
}
