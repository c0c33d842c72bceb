/* sm-allocator.h: how the window's process has glibc's malloc keep memory.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Blocks from this size up are mapped on their own and unmapped when freed. */
#define SM_ALLOCATOR_MMAP_THRESHOLD (4 * 1024 * 1024)
/* Free memory at the top of the heap kept for the next allocations. */
#define SM_ALLOCATOR_TRIM_THRESHOLD (8 * 1024 * 1024)

void     sm_allocator_limit_arenas    (void);
gboolean sm_allocator_keep_freed_heap (void);

G_END_DECLS
