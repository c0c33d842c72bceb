/* sm-leak-check.h: pauses LeakSanitizer around GTK's own start-up in
 * AddressSanitizer builds (build-aux/test --sanitize); compiles to nothing
 * otherwise.
 *
 * GTK 4.8 loads its media module (libmedia-gstreamer.so) while it starts,
 * with g_io_modules_scan_all_in_directory_with_scope() on a folder that has
 * no giomodule.cache. GLib then drops its only pointer to the GIOModule on
 * purpose ("it will be unloaded by type system"), but that module registers
 * no dynamic type, so nothing refers to it again: 164 bytes (the object and
 * its file name) that LeakSanitizer reports at every exit. Debian's GLib has
 * no frame pointers, so the report's stack ends at g_malloc and no
 * suppression could name GTK without naming every leak of ours.
 *
 * __lsan_disable() is per thread: only what the calling thread allocates
 * between the two calls is left out, and our own start-up code runs outside
 * them.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if defined (__SANITIZE_ADDRESS__)
# define SM_LEAK_CHECK 1
#elif defined (__has_feature)
# if __has_feature (address_sanitizer)
#  define SM_LEAK_CHECK 1
# endif
#endif

#ifdef SM_LEAK_CHECK
# include <sanitizer/lsan_interface.h>
#endif

static inline void
sm_leak_check_pause (void)
{
#ifdef SM_LEAK_CHECK
  __lsan_disable ();
#endif
}

static inline void
sm_leak_check_resume (void)
{
#ifdef SM_LEAK_CHECK
  __lsan_enable ();
#endif
}
