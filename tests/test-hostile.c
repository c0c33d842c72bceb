/* test-hostile.c: hostile and unusual routine files handed to the real
 * binary (`sciatica-map --export-pdf OUT --routine FILE`): named pipes,
 * links to devices, a sparse 4 GiB file, values of 30 000 characters,
 * numbers that are not JSON, too many steps or strokes. Each one must be
 * refused with a short message naming the file, quickly and without much
 * memory: the time and peak RSS of the child (wait4) stay under a bound,
 * and both are printed.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define HEAD "{\"format\": \"sciatica-map-routine\", \"version\": 2, "
#define STEP(hold) "{\"zone\": \"piriformis\", \"side\": \"left\", \"tool\": \"ball\", " \
                   "\"technique\": \"hold\", \"hold-seconds\": " hold ", \"repetitions\": 1}"

/* A child that is still running after this is stuck (a FIFO's open()). */
#define HANG_SECONDS 30

typedef struct
{
  int     status;      /* exit status, -1 killed, -2 hung */
  double  seconds;
  double  rss_mib;
  char   *err;         /* what it printed on stderr */
  gsize   err_length;
} Run;

static char *scratch;
static Run baseline;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static char *
scratch_path (const char *name)
{
  return g_build_filename (scratch, name, NULL);
}

static void
write_file (const char *name,
            const char *data,
            gssize      length)
{
  g_autofree char *path = scratch_path (name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

/* Runs the app with @args after the binary, stderr to a file, the routine
 * folder in the scratch folder; waits with a watchdog. */
static void
run_app (const char * const *args,
         Run                *run)
{
  g_autofree char *err_path = scratch_path ("stderr.txt");
  g_autofree char *data_home = scratch_path ("data");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  struct rusage usage;
  gint64 start, deadline;
  int status = 0;
  pid_t pid, done = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  g_ptr_array_add (argv, (gpointer) g_getenv ("SM_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  start = g_get_monotonic_time ();
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int fd = open (err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
      int null = open ("/dev/null", O_RDWR);

      dup2 (null, 0);
      dup2 (null, 1);
      dup2 (fd, 2);
      execve (argv->pdata[0], (char **) argv->pdata, env);
      _exit (127);
    }

  deadline = start + HANG_SECONDS * G_USEC_PER_SEC;
  while ((done = wait4 (pid, &status, WNOHANG, &usage)) == 0 && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  if (done == 0)
    {
      kill (pid, SIGKILL);
      done = wait4 (pid, &status, 0, &usage);
    }
  g_assert_cmpint (done, ==, pid);

  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  run->rss_mib = usage.ru_maxrss / 1024.0;
  if (run->seconds >= HANG_SECONDS)
    run->status = -2;
  else
    run->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  g_clear_pointer (&run->err, g_free);
  g_file_get_contents (err_path, &run->err, &run->err_length, NULL);
  if (run->err == NULL)
    run->err = g_strdup ("");
}

static void
export_routine (const char *routine,
                Run        *run)
{
  g_autofree char *pdf = scratch_path ("out.pdf");
  const char *args[] = { "--export-pdf", pdf, "--routine", routine, NULL };

  g_unlink (pdf);
  run_app (args, run);
}

/* A normal export, so that the bounds stay fair when everything runs 20 to
 * 50 times slower (valgrind, sanitizers). */
static void
ensure_baseline (void)
{
  if (baseline.err != NULL)
    return;
  export_routine ("piriformis-relief", &baseline);
  g_assert_cmpint (baseline.status, ==, 0);
  g_test_message ("baseline export of a built-in routine: %.2f s, peak RSS %.1f MiB",
                  baseline.seconds, baseline.rss_mib);
}

/* Refused with exit status 1 and one short message that starts with
 * @prefix and holds @problem; fast, small. */
static void
assert_refused (const char *routine,
                const char *label,
                const char *prefix,
                const char *problem)
{
  g_auto(Run) run = { 0 };
  double max_seconds, max_rss;

  ensure_baseline ();
  export_routine (routine, &run);
  max_seconds = 2.0 + 2 * baseline.seconds;
  max_rss = MAX (200.0, 1.5 * baseline.rss_mib);
  g_test_message ("%s: exit %d, %.2f s (bound %.1f), peak RSS %.1f MiB (bound %.0f), "
                  "stderr %" G_GSIZE_FORMAT " bytes: %.300s",
                  label, run.status, run.seconds, max_seconds, run.rss_mib, max_rss,
                  run.err_length, run.err);

  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpfloat (run.seconds, <, max_seconds);
  g_assert_cmpfloat (run.rss_mib, <, max_rss);
  g_assert_cmpuint (run.err_length, <, 600);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_nonnull (strstr (run.err, problem));
  g_assert_true (g_utf8_validate (run.err, -1, NULL));
}

static void
test_fifo (void)
{
  g_autofree char *path = scratch_path ("pipe.json");

  g_unlink (path);
  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_refused (path, "a named pipe", "sciatica-map: pipe.json: ", "not a regular file");
}

static void
test_device_link (gconstpointer data)
{
  const char *device = data;
  g_autofree char *base = g_path_get_basename (device);
  g_autofree char *name = g_strconcat (base, ".json", NULL);
  g_autofree char *path = scratch_path (name);
  g_autofree char *prefix = g_strdup_printf ("sciatica-map: %s: ", name);
  g_autofree char *label = g_strdup_printf ("a link to %s", device);

  if (!g_file_test (device, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no such device here");
      return;
    }
  g_unlink (path);
  g_assert_cmpint (symlink (device, path), ==, 0);
  assert_refused (path, label, prefix, "not a regular file");
}

/* A device node of our own: only root may make one. */
static void
test_device_node (void)
{
  g_autofree char *path = scratch_path ("zero-node.json");

  if (geteuid () != 0)
    {
      g_test_skip ("making a device node (mknod) needs root; the links to /dev/zero and "
                   "/dev/urandom cover the same reader path");
      return;
    }
  g_unlink (path);
  g_assert_cmpint (mknod (path, S_IFCHR | 0600, makedev (1, 5)), ==, 0);
  assert_refused (path, "a copy of /dev/zero made with mknod", "sciatica-map: zero-node.json: ",
                  "not a regular file");
}

static void
test_folder (void)
{
  g_autofree char *path = scratch_path ("folder.json");

  g_mkdir (path, 0700);
  assert_refused (path, "a folder", "sciatica-map: folder.json: ", "a folder");
}

/* Sparse: no disk space is used. */
static void
test_huge_file (void)
{
  g_autofree char *path = scratch_path ("huge.json");
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 4 << 30), ==, 0);
  close (fd);
  assert_refused (path, "a sparse file of 4 GiB", "sciatica-map: huge.json: ",
                  "the file is 4.0\xc2\xa0GiB; a routine file holds at most 4.0\xc2\xa0MiB");
  g_unlink (path);
}

/* Just over the limit, with real content: the limit is checked before the
 * parser runs, and on the bytes read too. */
static void
test_over_limit (void)
{
  g_autofree char *path = scratch_path ("notes-100mb.json");
  const char *sentence = "Very long notes. ";
  FILE *out = fopen (path, "w");
  gsize written = 0;

  /* Written piece by piece, never held in memory: the child starts as a
   * copy of this process, and its peak RSS would count a 100 MB string
   * (freed or not: under AddressSanitizer a freed block stays resident in
   * its quarantine). */
  g_assert_nonnull (out);
  written += fprintf (out, "%s", HEAD "\"name\": \"big\", \"steps\": [], \"notes\": \"");
  while (written < 100 * 1024 * 1024)
    written += fwrite (sentence, 1, strlen (sentence), out);
  fputs ("\"}", out);
  g_assert_cmpint (fclose (out), ==, 0);

  assert_refused (path, "100 MB of notes", "sciatica-map: notes-100mb.json: ",
                  "a routine file holds at most 4.0\xc2\xa0MiB");
  g_unlink (path);
}

static void
test_long_value (void)
{
  g_autofree char *side = g_strnfill (30000, 'l');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"x\", \"steps\": [{\"zone\": \"piriformis\", "
                                           "\"side\": \"%s\", \"tool\": \"ball\", \"technique\": "
                                           "\"hold\", \"hold-seconds\": 30, "
                                           "\"repetitions\": 1}]}", side);
  g_autofree char *path = scratch_path ("side.json");
  g_autofree char *cut = g_strdup_printf ("“%.60s…” is not a side", side);

  write_file ("side.json", json, -1);
  assert_refused (path, "a side of 30 000 characters", "sciatica-map: side.json: steps[0].side: ", cut);
}

static void
test_long_key (void)
{
  g_autofree char *key = g_strnfill (30000, 'k');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"x\", \"steps\": [], \"%s\": 1}", key);
  g_autofree char *path = scratch_path ("key.json");

  write_file ("key.json", json, -1);
  assert_refused (path, "a key of 30 000 characters", "sciatica-map: key.json: ", "unknown key “kkkk");
}

static void
test_long_stroke_key (void)
{
  g_autofree char *key = g_strnfill (30000, 'p');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"x\", \"steps\": [], \"pain\": [{\"kind\": "
                                           "\"aching\", \"intensity\": 3, \"view\": \"back\", "
                                           "\"points\": [1, 2], \"%s\": 1}]}", key);
  g_autofree char *path = scratch_path ("stroke-key.json");

  write_file ("stroke-key.json", json, -1);
  assert_refused (path, "a stroke key of 30 000 characters", "sciatica-map: stroke-key.json: pain[0]: ",
                  "unknown key “pppp");
}

static void
test_long_argument (void)
{
  /* Linux takes at most 128 KiB in one argument (MAX_ARG_STRLEN). */
  g_autofree char *name = g_strnfill (128 * 1024 - 1, 'n');

  assert_refused (name, "a routine name of 128 KiB on the command line",
                  "sciatica-map: There is no routine called “nnnn", "nnn…”");
}

static void
test_long_name (void)
{
  g_autofree char *name = g_strnfill (100000, 'N');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"%s\", \"steps\": []}", name);
  g_autofree char *path = scratch_path ("name.json");

  write_file ("name.json", json, -1);
  assert_refused (path, "a name of 100 000 characters", "sciatica-map: name.json: name: ",
                  "at most 200 characters, not 100000 characters");
}

static void
test_long_notes (void)
{
  g_autofree char *notes = g_strnfill (10001, 'o');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"x\", \"notes\": \"%s\", \"steps\": []}", notes);
  g_autofree char *path = scratch_path ("notes.json");

  write_file ("notes.json", json, -1);
  assert_refused (path, "notes of 10 001 characters", "sciatica-map: notes.json: notes: ",
                  "at most 10000 characters, not 10001 characters");
}

static void
test_many_steps (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"name\": \"x\", \"steps\": [");
  g_autofree char *path = scratch_path ("steps.json");

  for (guint i = 0; i < 501; i++)
    g_string_append_printf (json, "%s" STEP ("30"), i > 0 ? ", " : "");
  g_string_append (json, "]}");
  write_file ("steps.json", json->str, json->len);
  assert_refused (path, "501 steps", "sciatica-map: steps.json: steps: ",
                  "a routine holds at most 500 steps, this one 501 steps");
}

static void
append_strokes (GString *json,
                guint    strokes,
                guint    points)
{
  for (guint i = 0; i < strokes; i++)
    {
      g_string_append_printf (json, "%s{\"kind\": \"aching\", \"intensity\": 3, \"view\": \"back\", "
                              "\"points\": [", i > 0 ? ", " : "");
      for (guint p = 0; p < points; p++)
        g_string_append_printf (json, "%s%u, %u", p > 0 ? ", " : "", 300 + p % 100, 700);
      g_string_append (json, "]}");
    }
}

static void
test_many_strokes (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"name\": \"x\", \"steps\": [], \"pain\": [");
  g_autofree char *path = scratch_path ("strokes.json");

  append_strokes (json, 1001, 1);
  g_string_append (json, "]}");
  write_file ("strokes.json", json->str, json->len);
  assert_refused (path, "1001 strokes", "sciatica-map: strokes.json: pain: ",
                  "a drawing holds at most 1000 strokes, this one 1001 strokes");
}

static void
test_many_points (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"name\": \"x\", \"steps\": [], \"pain\": [");
  g_autofree char *path = scratch_path ("points.json");

  append_strokes (json, 13, 4000);
  g_string_append (json, "]}");
  write_file ("points.json", json->str, json->len);
  assert_refused (path, "52 000 points in 13 strokes", "sciatica-map: points.json: pain: ",
                  "a drawing holds at most 50000 points in all, this one 52000");
}

/* 10^6 tiny strokes fit in 4 MiB only as bare values: the raw scan counts
 * them before json-glib builds a tree (3.3 GB before). */
static void
test_many_values (void)
{
  g_autoptr(GString) json = g_string_new (HEAD "\"name\": \"x\", \"steps\": [], \"pain\": [");
  g_autofree char *path = scratch_path ("values.json");

  for (guint i = 0; i < 1000000; i++)
    g_string_append (json, i > 0 ? ",{}" : "{}");
  g_string_append (json, "]}");
  write_file ("values.json", json->str, json->len);
  assert_refused (path, "10^6 empty strokes in 3 MB", "sciatica-map: values.json: pain[",
                  "values in one file");
}

static const struct {
  const char *number;
  const char *problem;
} bad_numbers[] = {
  { "060", "“060” is not a JSON number" },
  { "0x0a", "“0x0a” is not a JSON number" },
  { "0b1", "“0b1” is not a JSON number" },
  { "+30", "“+30” is not a JSON number" },
  { "30.", "“30.” is not a JSON number" },
  { "NaN", "“NaN” is not a JSON number" },
  /* The edges of 64 bits still fit, and are reported as written. */
  { "9223372036854775807", "9223372036854775807 is out of range (1 to 600)" },
  { "-9223372036854775808", "-9223372036854775808 is out of range (1 to 600)" },
  { "9223372036854775808", "the number 9223372036854775808 does not fit in 64 bits" },
  { "-9223372036854775809", "the number -9223372036854775809 does not fit in 64 bits" },
  { "18446744073709551617", "the number 18446744073709551617 does not fit in 64 bits" },
};

static void
test_bad_number (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"x\", \"steps\": [{\"zone\": \"piriformis\", "
                                           "\"side\": \"left\", \"tool\": \"ball\", \"technique\": "
                                           "\"hold\", \"hold-seconds\": %s, "
                                           "\"repetitions\": 1}]}", bad_numbers[i].number);
  g_autofree char *path = scratch_path ("number.json");
  g_autofree char *label = g_strdup_printf ("hold-seconds %s", bad_numbers[i].number);

  write_file ("number.json", json, -1);
  assert_refused (path, label, "sciatica-map: number.json: steps[0].hold-seconds: ",
                  bad_numbers[i].problem);
}

/* A big integer as a pain coordinate was once read as -1, inside the body. */
static void
test_big_coordinate (void)
{
  const char *json = HEAD "\"name\": \"x\", \"steps\": [], \"pain\": [{\"kind\": \"aching\", "
                     "\"intensity\": 3, \"view\": \"back\", \"points\": [300, 99999999999999999999]}]}";
  g_autofree char *path = scratch_path ("coordinate.json");

  write_file ("coordinate.json", json, -1);
  assert_refused (path, "a coordinate beyond 64 bits", "sciatica-map: coordinate.json: pain[0].points[1]: ",
                  "the number 99999999999999999999 does not fit in 64 bits");
}

static void
write_own_routine (const char *file,
                   const char *name)
{
  g_autofree char *dir = scratch_path ("data/sciatica-map/routines");
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"%s\", \"steps\": [" STEP ("30") "]}", name);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, json, -1, &error);
  g_assert_no_error (error);
}

/* Two routines of one name: the export names both files and picks
 * neither; the name matches without its stray spaces. */
static void
test_same_name (void)
{
  g_autofree char *dir = scratch_path ("data/sciatica-map/routines");
  g_autofree char *a = g_build_filename (dir, "plan-a.json", NULL);
  g_autofree char *b = g_build_filename (dir, "plan-b.json", NULL);
  g_autofree char *files = g_strdup_printf ("\n  %s\n  %s", a, b);
  g_autofree char *other = g_strdup_printf ("\n  %s\n  %s", b, a);
  g_auto(Run) run = { 0 };

  write_own_routine ("plan-a.json", " Sciatica plan");
  write_own_routine ("plan-b.json", "sciatica plan ");
  assert_refused ("Sciatica Plan", "two routines called “sciatica plan”",
                  "sciatica-map: 2 routines are called “Sciatica Plan”; give the file", "plan-");
  export_routine ("Sciatica Plan", &run);
  g_assert_true (strstr (run.err, files) != NULL || strstr (run.err, other) != NULL);

  /* Naming the id (the file name) picks one. */
  export_routine ("plan-a", &run);
  g_assert_cmpint (run.status, ==, 0);
  g_unlink (a);
  g_unlink (b);
}

/* " sciatica plan" in a file is "sciatica plan". */
static void
test_name_trimmed (void)
{
  g_autofree char *dir = scratch_path ("data/sciatica-map/routines");
  g_autofree char *a = g_build_filename (dir, "spaced.json", NULL);
  g_auto(Run) run = { 0 };

  write_own_routine ("spaced.json", "  spaced plan  ");
  export_routine ("spaced plan", &run);
  g_assert_cmpint (run.status, ==, 0);
  export_routine (" SPACED PLAN", &run);
  g_assert_cmpint (run.status, ==, 0);
  g_unlink (a);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("sm-hostile-XXXXXX", NULL);
  g_assert_nonnull (scratch);

  g_test_add_func ("/sm/hostile/fifo", test_fifo);
  g_test_add_data_func ("/sm/hostile/link-dev-zero", "/dev/zero", test_device_link);
  g_test_add_data_func ("/sm/hostile/link-dev-urandom", "/dev/urandom", test_device_link);
  g_test_add_func ("/sm/hostile/device-node", test_device_node);
  g_test_add_func ("/sm/hostile/folder", test_folder);
  g_test_add_func ("/sm/hostile/4-gib", test_huge_file);
  g_test_add_func ("/sm/hostile/100-mb-notes", test_over_limit);
  g_test_add_func ("/sm/hostile/30000-char-side", test_long_value);
  g_test_add_func ("/sm/hostile/30000-char-key", test_long_key);
  g_test_add_func ("/sm/hostile/30000-char-stroke-key", test_long_stroke_key);
  g_test_add_func ("/sm/hostile/128-kib-argument", test_long_argument);
  g_test_add_func ("/sm/hostile/100000-char-name", test_long_name);
  g_test_add_func ("/sm/hostile/long-notes", test_long_notes);
  g_test_add_func ("/sm/hostile/501-steps", test_many_steps);
  g_test_add_func ("/sm/hostile/1001-strokes", test_many_strokes);
  g_test_add_func ("/sm/hostile/52000-points", test_many_points);
  g_test_add_func ("/sm/hostile/a-million-values", test_many_values);
  for (guint i = 0; i < G_N_ELEMENTS (bad_numbers); i++)
    {
      g_autofree char *path = g_strdup_printf ("/sm/hostile/number/%s", bad_numbers[i].number);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_bad_number);
    }
  g_test_add_func ("/sm/hostile/big-coordinate", test_big_coordinate);
  g_test_add_func ("/sm/hostile/same-name", test_same_name);
  g_test_add_func ("/sm/hostile/name-trimmed", test_name_trimmed);

  status = g_test_run ();
  run_clear (&baseline);
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
