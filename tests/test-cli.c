/* test-cli.c: the real binary's command line, with no display at all.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <string.h>
#include <sys/wait.h>

static char **
headless_env (void)
{
  char **env = g_get_environ ();

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  return env;
}

/* Runs the built binary with @variable set to @value (unless NULL);
 * returns its exit status. */
static int
run_app_with (const char          *variable,
              const char          *value,
              const char * const  *args,
              char               **out,
              char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = headless_env ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  if (variable != NULL)
    env = g_environ_setenv (env, variable, value, TRUE);

  g_ptr_array_add (argv, (gpointer) g_getenv ("SM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT,
                NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);

  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
run_app (const char * const  *args,
         char               **out,
         char               **err)
{
  return run_app_with (NULL, NULL, args, out, err);
}

static void
test_version (void)
{
  const char *args[] = { "--version", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "sciatica-map " PACKAGE_VERSION "\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_help (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Usage:"));
  g_assert_nonnull (strstr (out, "sciatica-map"));
  g_assert_nonnull (strstr (out, "--version"));
  g_assert_nonnull (strstr (out, "--export-pdf=FILE"));
  g_assert_cmpstr (err, ==, "");
}

/* A script that prints sheets should not wait for GTK to load: the export
 * runs without the user interface module. The dynamic loader lists every
 * library it maps (LD_DEBUG=libs), and the window's path must show GTK, or
 * this test would prove nothing. */
static void
test_export_without_gtk (void)
{
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "sheet.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export-pdf=", pdf, NULL);
  const char *export_args[] = { arg, NULL };
  const char *version_args[] = { "--version", NULL };
  g_autofree char *out = NULL, *err = NULL, *gui_out = NULL, *gui_err = NULL;

  g_assert_cmpint (run_app_with ("LD_DEBUG", "libs", export_args, &out, &err), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (strstr (err, "librsvg-2.so"));
  g_assert_null (strstr (err, "libgtk-4.so"));
  g_assert_null (strstr (err, GUI_MODULE));

  g_assert_cmpint (run_app_with ("LD_DEBUG", "libs", version_args, &gui_out, &gui_err), ==, 0);
  g_assert_nonnull (strstr (gui_err, "libgtk-4.so"));
  g_assert_nonnull (strstr (gui_err, GUI_MODULE));
}

static void
test_unknown_option (void)
{
  const char *args[] = { "--no-such-option", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_app (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "no-such-option"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/cli/version", test_version);
  g_test_add_func ("/sm/cli/help", test_help);
  g_test_add_func ("/sm/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/sm/cli/export-without-gtk", test_export_without_gtk);

  return g_test_run ();
}
