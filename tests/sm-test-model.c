/* sm-test-model.c: helpers shared by the tests of the content model.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-atlas.h"
#include "sm-file-write.h"
#include "sm-test-model.h"

/* A body word finds a muscle first: each zone's name and synonyms (in the
 * language shown) put a zone at the top of the results, never a technique
 * or a tool whose name only starts the same way. */
void
sm_test_assert_body_words_find_zones (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *zones = sm_atlas_get_zones (atlas);
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      const char * const *synonyms = sm_zone_get_synonyms (zone);

      for (int k = -1; k < 0 || synonyms[k] != NULL; k++)
        {
          const char *word = k < 0 ? sm_zone_get_name (zone) : synonyms[k];
          g_autoptr(GListModel) results = sm_atlas_search (atlas, word);
          g_autoptr(SmSearchResult) first = g_list_model_get_item (results, 0);

          g_assert_nonnull (first);
          if (!g_str_equal (sm_search_result_get_kind (first), "zone"))
            g_error ("“%s” (%s) opens the %s “%s” first", word, sm_zone_get_id (zone),
                     sm_search_result_get_kind (first), sm_search_result_get_title (first));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, g_list_model_get_n_items (zones));
}

static char *
find_our_temp (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (sm_file_is_our_temp (name))
      return g_build_filename (dir, name, NULL);
  return NULL;
}

/* Kills a child in the middle of writing 64 MB to @path; returns the
 * temporary file it left. */
char *
sm_test_kill_during_save (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char *tmp = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gsize size = 64 * 1024 * 1024;
      g_autoptr(GBytes) big = g_bytes_new_take (g_malloc0 (size), size);

      for (;;)
        sm_file_write_bytes (path, big, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL);
    }

  /* Data in the temporary means its journal entry is written too. */
  while (tmp == NULL && g_get_monotonic_time () < deadline)
    {
      struct stat st;

      tmp = find_our_temp (dir);
      if (tmp != NULL && (stat (tmp, &st) != 0 || st.st_size == 0))
        g_clear_pointer (&tmp, g_free);
      if (tmp == NULL)
        g_usleep (1000);
    }
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_nonnull (tmp);
  /* It may have finished that one just before the kill and started anew. */
  g_clear_pointer (&tmp, g_free);
  tmp = find_our_temp (dir);
  g_assert_nonnull (tmp);
  return tmp;
}
