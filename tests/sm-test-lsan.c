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
 * It also marks GLib's quark table, which GLib 2.74 replaces by one twice
 * its size each time 2048 more quarks exist, leaking the old one on purpose
 * so that g_quark_to_string() needs no lock (gquark.c). GTK's GStreamer
 * media backend takes the widget tests that play a sound past 2048 quarks:
 * 16 KiB lost at exit. The table is a static of GLib's, so
 * ignore_quark_table() finds it in GLib's writable data: the one pointer
 * there to a heap block whose slot for a known quark holds that quark's
 * string.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* dl_iterate_phdr () */
#define _GNU_SOURCE

#include <glib.h>
#include <link.h>
#include <sanitizer/lsan_interface.h>
#include <stdio.h>
#include <string.h>

/* AddressSanitizer's allocator interface (GCC 12 installs no header). */
extern int    __sanitizer_get_ownership (const volatile void *p);
extern size_t __sanitizer_get_allocated_size (const volatile void *p);

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

typedef struct
{
  GQuark       quark;
  const char  *string;
  gpointer     table;
} QuarkSearch;

static gboolean
is_quark_table (gpointer candidate,
                const QuarkSearch *search)
{
  const char * const *slots = candidate;

  return __sanitizer_get_ownership (candidate) &&
         __sanitizer_get_allocated_size (candidate) > search->quark * sizeof (char *) &&
         slots[search->quark] == search->string;
}

static int
search_glib_data (struct dl_phdr_info *info,
                  size_t               size,
                  void                *data)
{
  QuarkSearch *search = data;

  if (strstr (info->dlpi_name, "/libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *phdr = &info->dlpi_phdr[i];
      gpointer *word, *end;

      if (phdr->p_type != PT_LOAD || !(phdr->p_flags & PF_W))
        continue;
      word = (gpointer *) (info->dlpi_addr + phdr->p_vaddr);
      end = (gpointer *) (info->dlpi_addr + phdr->p_vaddr + phdr->p_memsz);
      for (; word < end; word++)
        if (*word != NULL && is_quark_table (*word, search))
          {
            search->table = *word;
            return 1;
          }
    }
  return 1;
}

/* Marks the quark table that is current now: the one that the next 2048
 * quarks would make GLib leak. */
static void
ignore_quark_table (void)
{
  QuarkSearch search = { 0, };

  search.quark = g_quark_from_static_string ("sm-test-lsan");
  search.string = g_quark_to_string (search.quark);
  dl_iterate_phdr (search_glib_data, &search);
  if (search.table != NULL)
    __lsan_ignore_object (search.table);
  else
    g_printerr ("sm-test-lsan: GLib's quark table was not found\n");
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
    {
      ignore_user_dirs ();
      ignore_quark_table ();
    }

  fputs (string, stdout);
  fflush (stdout);
}

/* Runs before main(): the test programs call g_test_init() themselves. */
__attribute__((constructor)) static void
sm_test_lsan_init (void)
{
  ignore_quark_table ();
  g_set_print_handler (print_cb);
}
