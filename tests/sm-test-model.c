/* sm-test-model.c: helpers shared by the tests of the content model.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-atlas.h"
#include "sm-file-write.h"
#include "sm-search-result.h"
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

/* Where a model of SmSearchResult lists the item @kind/@id, or -1. */
int
sm_test_results_index (GListModel *results,
                       const char *kind,
                       const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(SmSearchResult) result = g_list_model_get_item (results, i);

      if (g_str_equal (sm_search_result_get_kind (result), kind) &&
          g_str_equal (sm_search_result_get_id (result), id))
        return (int) i;
    }

  return -1;
}

gboolean
sm_test_results_contain (GListModel *results,
                         const char *kind,
                         const char *id)
{
  return sm_test_results_index (results, kind, id) >= 0;
}

/* The plain words of issue 5 and what each must find, shared by the search
 * tests of the atlas and of the window. */
const SmTestSearchCase sm_test_search_cases[] = {
  { "butt", "zone", "gluteus-maximus" },
  { "butt", "zone", "piriformis" },
  { "buttock", "zone", "gluteus-maximus" },
  { "buttock", "zone", "piriformis" },
  { "buttock", "zone", "gluteus-medius" },
  { "lower back", "zone", "erector-spinae" },
  { "lower back", "zone", "quadratus-lumborum" },
  { "QL", "zone", "quadratus-lumborum" },
  { "psoas", "zone", "psoas" },
  { "psoas", "tool", "psoas-tool" },
  { "thigh", "zone", "hamstrings" },
  { "thigh", "zone", "quadriceps" },
  { "ball", "tool", "ball" },
  { "hip flexor", "zone", "iliacus" },
  { "hip flexor", "stretch", "hip-flexor-stretch" },
  { "trigger", "technique", "trigger-point" },
  { NULL, NULL, NULL }
};

/* pdftotext breaks lines wherever the layout did: compare @needle with its
 * white space removed against a text that had all of its removed. */
void
sm_test_assert_text_contains (const char *squeezed,
                              const char *needle)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", needle, 0, 0);
  g_autofree char *needle_squeezed = g_strjoinv ("", words);

  if (strstr (squeezed, needle_squeezed) == NULL)
    g_error ("“%s” not found in: %s", needle, squeezed);
}

/* The minor page faults of this process so far. */
long
sm_test_page_faults (void)
{
  struct rusage usage;

  g_assert_cmpint (getrusage (RUSAGE_SELF, &usage), ==, 0);
  return usage.ru_minflt;
}

/* Allocates and writes @n_blocks blocks of @size bytes, then frees them
 * newest first, so that they join the free space at the top of the heap;
 * returns the page faults that took (sm-allocator.c). */
long
sm_test_fill_and_free (guint n_blocks,
                       gsize size)
{
  g_autofree char **blocks = g_new (char *, n_blocks);
  long before = sm_test_page_faults ();

  for (guint i = 0; i < n_blocks; i++)
    {
      blocks[i] = g_malloc (size);
      memset (blocks[i], (int) i + 1, size);
    }
  for (guint i = n_blocks; i-- > 0;)
    g_free (blocks[i]);
  return sm_test_page_faults () - before;
}
