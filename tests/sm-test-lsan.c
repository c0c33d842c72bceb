/* sm-test-lsan.c: linked into every test program of an AddressSanitizer
 * build (build-aux/test --sanitize), never into the app.
 *
 * G_TEST_OPTION_ISOLATE_DIRS gives each test case its own home and XDG
 * folders through g_set_user_dirs(), and GLib 2.74 leaks the previous
 * strings on purpose, because code may still hold them (later GLib marks
 * them with g_ignore_leak() for LeakSanitizer). LeakSanitizer cannot tell
 * these blocks from ours by their stack: Debian's GLib has no frame
 * pointers, so ASan's fast unwinder stops at g_malloc, and the slow one
 * (fast_unwind_on_malloc=0) makes the GTK tests stall. A suppression would
 * have to name g_malloc and would hide every leak of ours too.
 *
 * So this file marks exactly those strings as not leaked: before the first
 * test case (GLib prints the TAP plan "1..N" through g_print) and whenever
 * one ends ("ok N …"), the current strings are the ones that the next case
 * is about to replace.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib.h>
#include <sanitizer/lsan_interface.h>
#include <stdio.h>

static void
ignore_strv (const char * const *strv)
{
  __lsan_ignore_object (strv);
  for (; *strv != NULL; strv++)
    __lsan_ignore_object (*strv);
}

static void
ignore_user_dirs (void)
{
  __lsan_ignore_object (g_get_home_dir ());
  __lsan_ignore_object (g_get_user_cache_dir ());
  __lsan_ignore_object (g_get_user_config_dir ());
  __lsan_ignore_object (g_get_user_data_dir ());
  __lsan_ignore_object (g_get_user_state_dir ());
  __lsan_ignore_object (g_get_user_runtime_dir ());
  ignore_strv (g_get_system_config_dirs ());
  ignore_strv (g_get_system_data_dirs ());
}

/* GLib also prints its debug lines from inside g_set_user_dirs(), under
 * the lock that the getters above take: only the plan and the result lines
 * come at a safe moment. */
static void
print_cb (const char *string)
{
  if (g_str_has_prefix (string, "1..") ||
      g_str_has_prefix (string, "ok ") ||
      g_str_has_prefix (string, "not ok "))
    ignore_user_dirs ();

  fputs (string, stdout);
  fflush (stdout);
}

/* Runs before main(): the test programs call g_test_init() themselves. */
__attribute__((constructor)) static void
sm_test_lsan_init (void)
{
  g_set_print_handler (print_cb);
}
