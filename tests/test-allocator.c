/* test-allocator.c: the window's process keeps the heap it freed, so the
 * next frame's images take no page from the kernel (sm-allocator.c).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "sm-allocator.h"
#include "sm-test-model.h"

#define BLOCK     (64 * 1024)   /* a highlight's image, about */
#define N_BLOCKS  48            /* 3 MiB: a frame's worth and more */
#define MEDIUM    (512 * 1024)  /* a mask when zoomed in, GSK's scratch */
#define N_MEDIUM  6
#define LARGE     (8 * 1024 * 1024)
#define PAGES(n, size) ((long) (n) * (size) / 4096)

static void
assert_kept (guint n,
             gsize size)
{
  long first = sm_test_fill_and_free (n, size);
  long second = sm_test_fill_and_free (n, size);

  g_test_message ("%u blocks of %zu KiB: %ld page faults in the first round, %ld in the second",
                  n, size / 1024, first, second);
  g_assert_cmpint (first, >=, PAGES (n, size) / 2);
  g_assert_cmpint (second, <, PAGES (n, size) / 20);
}

static gboolean
configured (void)
{
  if (sm_allocator_keep_freed_heap ())
    return TRUE;
  g_test_skip ("The allocator is not glibc's (AddressSanitizer's, say)");
  return FALSE;
}

/* Each case runs in a process of its own, so that none finds the heap
 * another one kept: in the parent, this runs the case's subprocess and
 * returns FALSE; in the subprocess, it sets the allocator up and returns
 * whether it could. */
static gboolean
alone_and_configured (void)
{
  if (!g_test_subprocess ())
    {
      /* The subprocess would skip and exit with 77, which the trap counts
       * as a failure; the settings taken here change nothing it measures,
       * for it is a program of its own. */
      if (!configured ())
        return FALSE;
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return FALSE;
    }
  return configured ();
}

typedef struct
{
  guint n_blocks;
  gsize size;
} Blocks;

/* glibc's default gives back all but 128 KiB of the top: the second round
 * of 48 blocks of 64 KiB would take about 750 pages again. And from
 * 128 KiB, by default, a block is mapped on its own and unmapped when
 * freed, each new one taken from the kernel page by page. */
static const Blocks small_blocks = { N_BLOCKS, BLOCK };
static const Blocks medium_blocks = { N_MEDIUM, MEDIUM };

static void
test_freed_blocks_are_kept (gconstpointer data)
{
  const Blocks *blocks = data;

  if (alone_and_configured ())
    assert_kept (blocks->n_blocks, blocks->size);
}

/* A picture the size of a screen is mapped on its own and given back, so
 * presenting on a large screen leaves no 33 MB behind. */
static void
test_large_blocks_are_given_back (void)
{
  long first, second;
  char *block;

  if (!alone_and_configured ())
    return;

  block = g_malloc (LARGE);
  memset (block, 1, LARGE);
  g_free (block);
  first = sm_test_page_faults ();
  block = g_malloc (LARGE);
  memset (block, 2, LARGE);
  second = sm_test_page_faults ();
  g_free (block);
  g_test_message ("page faults writing a second %d MiB block: %ld", LARGE >> 20, second - first);
  g_assert_cmpint (second - first, >=, PAGES (1, LARGE) / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/sm/allocator/freed-heap-is-kept", &small_blocks, test_freed_blocks_are_kept);
  g_test_add_data_func ("/sm/allocator/medium-blocks-come-from-the-heap", &medium_blocks,
                        test_freed_blocks_are_kept);
  g_test_add_func ("/sm/allocator/large-blocks-are-given-back", test_large_blocks_are_given_back);

  return g_test_run ();
}
