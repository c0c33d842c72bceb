/* sm-allocator.c: how the window's process has glibc's malloc keep memory.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-allocator"

#include "config.h"

#include "sm-allocator.h"

#ifdef __GLIBC__
# include <malloc.h>
#endif

/**
 * sm_allocator_limit_arenas:
 *
 * First thing in the window's process (not in an export): one arena. The
 * app's threads (parsing ahead, drawing masks) are short and few; with an
 * arena each, glibc keeps what each freed, about a megabyte more resident
 * for the whole run.
 */
void
sm_allocator_limit_arenas (void)
{
#ifdef __GLIBC__
  mallopt (M_ARENA_MAX, 1);
#endif
}

/**
 * sm_allocator_keep_freed_heap:
 *
 * Once the window has drawn its first frame: from then on, memory freed at
 * the top of the heap stays, up to %SM_ALLOCATOR_TRIM_THRESHOLD, for the
 * masks and images the next frames draw. glibc's default gives back all but
 * 128 KiB of it, and raises that limit only after a block it had mapped on
 * its own is freed: then the next frames take those pages from the kernel
 * again, one page fault each (two microseconds or more on a virtual
 * machine). The app's start-up happens to free such a block, so it kept
 * its heap either way; a process that does not, such as the body-map
 * benchmark, took 108 faults in the 12 selections after a zoom. This makes
 * it a rule rather than luck.
 *
 * Setting the trim threshold stops glibc from raising its mapping
 * threshold by itself, so that one is set too: a frame's masks and images
 * come from the heap, and only pictures the size of a large window or a
 * screen (%SM_ALLOCATOR_MMAP_THRESHOLD and up) are mapped on their own and
 * given back when freed.
 *
 * Not before the first frame: the start-up frees much that nothing needs
 * again (the content's JSON, the parsers' buffers); kept, it raised the
 * peak memory of a start by more than a megabyte.
 *
 * Returns: %TRUE if the allocator took the settings; %FALSE where it is not
 *   glibc's (AddressSanitizer's, say), which keeps its own ways
 */
gboolean
sm_allocator_keep_freed_heap (void)
{
#ifdef __GLIBC__
  gboolean ok = mallopt (M_MMAP_THRESHOLD, SM_ALLOCATOR_MMAP_THRESHOLD) == 1;

  ok = ok && mallopt (M_TRIM_THRESHOLD, SM_ALLOCATOR_TRIM_THRESHOLD) == 1;
  if (!ok)
    g_debug ("The allocator did not take the thresholds");
  return ok;
#else
  return FALSE;
#endif
}
