/* test-cli.c: the real binary's command line, with no display at all.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sm-file-write.h"
#include "sm-routine.h"
#include "sm-test-model.h"

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


/* ------------------------------------------------------------------ */
/* --export-pdf onto what is there (sm-file-write.c)                    */

static char *
scratch (const char *name)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static gboolean
is_pdf (const char *data,
        gsize       length)
{
  return length > 1000 && g_str_has_prefix (data, "%PDF-") &&
         g_strstr_len (data + length - 8, 8, "%%EOF") != NULL;
}

static void
assert_pdf_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (is_pdf (data, length));
}

static GSubprocess *
spawn_export (const char  *target,
              GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *arg = g_strconcat ("--export-pdf=", target, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  return g_subprocess_launcher_spawn (launcher, error, g_getenv ("SM_BINARY"), arg, NULL);
}

static void
app_exited (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* Reads the FIFO's other end until the writer closes it. It never blocks:
 * an app that put a regular file where the FIFO was (and so never opens
 * it) fails the test instead of hanging it. */
static GByteArray *
read_fifo (int          fd,
           GSubprocess *app)
{
  GByteArray *data = g_byte_array_new ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  gboolean exited = FALSE;

  g_subprocess_wait_async (app, NULL, app_exited, &exited);
  while (g_get_monotonic_time () < deadline)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      guint8 buffer[65536];
      gssize n = 0;

      if (poll (&pfd, 1, 100) > 0)
        n = read (fd, buffer, sizeof buffer);
      if (n > 0)
        g_byte_array_append (data, buffer, n);
      else if (n == 0 && data->len > 0 && (pfd.revents & POLLHUP))
        break;   /* the writer has closed its end */
      else if (exited && n <= 0)
        break;
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  while (!exited)
    g_main_context_iteration (NULL, TRUE);

  return data;
}

/* A reader on the other end of a FIFO gets the PDF; the FIFO stays one. */
static void
test_export_fifo (void)
{
  g_autofree char *dir = scratch ("fifo");
  g_autofree char *fifo = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) data = NULL;
  struct stat st;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (fd, >=, 0);
  app = spawn_export (fifo, &error);
  g_assert_no_error (error);
  data = read_fifo (fd, app);
  close (fd);

  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);
  g_assert_true (is_pdf ((const char *) data->data, data->len));
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* A copy of /dev/full: a clear error naming it, and it is still the node. */
static void
test_export_device (void)
{
  g_autofree char *dir = scratch ("device");
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *arg = g_strconcat ("--export-pdf=", full, NULL);
  const char *args[] = { arg, NULL };
  g_autofree char *out = NULL, *err = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("making a device node (mknod) needs root");
      return;
    }

  g_assert_cmpint (mknod (full, S_IFCHR | 0666, makedev (1, 7)), ==, 0);
  g_assert_cmpint (run_app (args, &out, &err), ==, 1);
  g_assert_cmpstr (err, ==, "sciatica-map: Could not save “full”: No space left on device\n");
  g_assert_cmpint (lstat (full, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 7));
}

/* Through a symlink: the target gets the PDF, the link stays a link. */
static void
test_export_symlink (void)
{
  g_autofree char *dir = scratch ("symlink");
  g_autofree char *target = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export-pdf=", link, NULL);
  const char *args[] = { arg, NULL };
  g_autofree char *out = NULL, *err = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);
  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_pdf_file (target);
}

/* "-" is standard output (a pipe here), and no file called "-" appears. */
static void
test_export_stdout (void)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *dir = scratch ("stdout");
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GBytes) out = NULL, err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_set_cwd (launcher, dir);
  app = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("SM_BINARY"),
                                     "--export-pdf", "-", NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (app, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (app));
  g_assert_cmpint (g_subprocess_get_exit_status (app), ==, 0);

  g_assert_cmpuint (g_bytes_get_size (err), ==, 0);
  g_assert_true (is_pdf (g_bytes_get_data (out, NULL), g_bytes_get_size (out)));
  d = g_dir_open (dir, 0, NULL);
  g_assert_null (g_dir_read_name (d));
}

/* An export over a private PDF keeps it private (and its hard link). */
static void
test_export_keeps_mode (void)
{
  g_autofree char *dir = scratch ("mode");
  g_autofree char *pdf = g_build_filename (dir, "private.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export-pdf=", pdf, NULL);
  const char *args[] = { arg, NULL };
  g_autofree char *out = NULL, *err = NULL;
  struct stat st;

  g_assert_true (g_file_set_contents_full (pdf, "old", -1, 0, 0600, NULL));
  g_assert_cmpint (run_app (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (stat (pdf, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);
  assert_pdf_file (pdf);
}

/* The next start of the real binary removes what a killed export left
 * (ours, over an hour old), wherever it was written; a fresh one stays. */
static void
test_stale_temps_at_start (void)
{
  g_autofree char *dir = scratch ("killed");
  g_autofree char *other = scratch ("killed-fresh");
  g_autofree char *old_tmp = NULL, *fresh_tmp = NULL;
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "any.pdf", NULL);
  g_autofree char *arg = g_strconcat ("--export-pdf=", pdf, NULL);
  g_autofree char *t = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *u = g_build_filename (other, "u.pdf", NULL);
  const char *args[] = { arg, NULL };
  g_autofree char *out = NULL, *err = NULL;
  struct timeval old[2] = { { 0, }, };

  old_tmp = sm_test_kill_during_save (t);
  fresh_tmp = sm_test_kill_during_save (u);
  old[0].tv_sec = old[1].tv_sec = g_get_real_time () / G_USEC_PER_SEC - 2 * 3600;
  g_assert_cmpint (utimes (old_tmp, old), ==, 0);

  /* The test's own folders are not in its environment: hand them over. */
  g_assert_cmpint (run_app_with ("XDG_STATE_HOME", g_get_user_state_dir (), args, &out, &err), ==, 0);
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_tmp, G_FILE_TEST_IS_REGULAR));
}

/* ------------------------------------------------------------------ */
/* --export-routine NAME-OR-FILE OUT: a routine file, no display         */

/* "Evening plan" with one step and one pain stroke, in the person's
 * routines folder (the test's own XDG_DATA_HOME). */
static char *
save_own_routine (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines", NULL);
  char *path = g_build_filename (dir, "evening-plan.json", NULL);
  g_autoptr(SmRoutine) routine = sm_routine_new ("Evening plan");
  g_autoptr(SmRoutineStep) step = sm_routine_step_new ("piriformis", "left");
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_SHARP, 7, "back");
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  sm_routine_step_set_tool (step, "ball");
  sm_routine_step_set_technique (step, "hold");
  sm_pain_stroke_add_point (stroke, 300, 700);
  sm_pain_stroke_add_point (stroke, 320, 760);
  sm_pain_drawing_add_stroke (sm_routine_get_pain_drawing (routine), stroke);
  sm_routine_set_patient (routine, "Ada");
  sm_routine_append_step (routine, step);
  g_assert_true (sm_routine_save_to_path (routine, path, &error));
  g_assert_no_error (error);
  return path;
}

static SmRoutine *
read_back (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SmRoutine *routine = sm_routine_new_from_file (file, &error);

  g_assert_no_error (error);
  return routine;
}

/* By name, the person's own routine, pain drawing and all, only for its
 * owner (a patient's name is in it); a file and a built-in one too. */
static void
test_export_routine (void)
{
  g_autofree char *source = save_own_routine ();
  g_autofree char *dir = scratch ("export-routine");
  g_autofree char *out = g_build_filename (dir, "evening.sciatica-routine", NULL);
  g_autofree char *from_file = g_build_filename (dir, "from-file.sciatica-routine", NULL);
  g_autofree char *builtin = g_build_filename (dir, "builtin.sciatica-routine", NULL);
  const char *by_name[] = { "--export-routine", "evening plan", out, NULL };
  const char *by_file[] = { "--export-routine", source, from_file, NULL };
  const char *by_id[] = { "--export-routine", "piriformis-relief", builtin, NULL };
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL;
  g_autoptr(SmRoutine) routine = NULL;
  g_autoptr(SmRoutine) copy = NULL;
  g_autoptr(SmRoutine) shipped = NULL;
  const SmPainStroke *stroke;
  GStatBuf st;

  g_assert_cmpint (run_app_with ("XDG_DATA_HOME", g_get_user_data_dir (), by_name, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  routine = read_back (out);
  g_assert_cmpstr (sm_routine_get_name (routine), ==, "Evening plan");
  g_assert_cmpstr (sm_routine_get_patient (routine), ==, "Ada");
  g_assert_cmpuint (sm_routine_get_n_steps (routine), ==, 1);
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (routine, 0)), ==, "piriformis");
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (routine)), ==, 1);
  stroke = sm_pain_drawing_get_stroke (sm_routine_get_pain_drawing (routine), 0);
  g_assert_cmpint (stroke->kind, ==, SM_PAIN_SHARP);
  g_assert_cmpuint (stroke->intensity, ==, 7);
  g_assert_cmpint (g_stat (out, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (run_app_with ("XDG_DATA_HOME", g_get_user_data_dir (), by_file, NULL, &err2), ==, 0);
  copy = read_back (from_file);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (copy)), ==, 1);

  g_assert_cmpint (run_app_with ("XDG_DATA_HOME", g_get_user_data_dir (), by_id, NULL, &err3), ==, 0);
  shipped = read_back (builtin);
  g_assert_cmpstr (sm_routine_get_name (shipped), ==, "Piriformis relief");
  g_assert_cmpuint (sm_routine_get_n_steps (shipped), >, 0);
}

/* A routine that is not there, a file that is not a routine, no OUT:
 * one clear line on stderr, and nothing written. */
static void
test_export_routine_errors (void)
{
  g_autofree char *dir = scratch ("export-routine-errors");
  g_autofree char *out = g_build_filename (dir, "never.sciatica-routine", NULL);
  g_autofree char *bad = g_build_filename (dir, "notes.json", NULL);
  const char *unknown[] = { "--export-routine", "No such plan", out, NULL };
  const char *invalid[] = { "--export-routine", bad, out, NULL };
  const char *no_out[] = { "--export-routine", "piriformis-relief", NULL };
  const char *both[] = { "--export-routine", "piriformis-relief", "--export-pdf", out, out, NULL };
  g_autofree char *err = NULL, *err2 = NULL, *err3 = NULL, *err4 = NULL;

  g_assert_true (g_file_set_contents (bad, "{\"shopping\": [\"milk\"]}", -1, NULL));

  g_assert_cmpint (run_app (unknown, NULL, &err), ==, 1);
  g_assert_cmpstr (err, ==, "sciatica-map: There is no routine called “No such plan”\n");
  g_assert_cmpint (run_app (invalid, NULL, &err2), ==, 1);
  g_assert_true (g_str_has_prefix (err2, "sciatica-map: notes.json: "));
  g_assert_cmpint (run_app (no_out, NULL, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "--export-routine NAME-OR-FILE OUT"));
  g_assert_cmpint (run_app (both, NULL, &err4), ==, 2);

  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
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
  g_test_add_func ("/sm/cli/export-fifo", test_export_fifo);
  g_test_add_func ("/sm/cli/export-device", test_export_device);
  g_test_add_func ("/sm/cli/export-symlink", test_export_symlink);
  g_test_add_func ("/sm/cli/export-stdout", test_export_stdout);
  g_test_add_func ("/sm/cli/export-keeps-mode", test_export_keeps_mode);
  g_test_add_func ("/sm/cli/stale-temps-at-start", test_stale_temps_at_start);
  g_test_add_func ("/sm/cli/export-routine", test_export_routine);
  g_test_add_func ("/sm/cli/export-routine-errors", test_export_routine_errors);

  return g_test_run ();
}
