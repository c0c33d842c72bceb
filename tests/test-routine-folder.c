/* test-routine-folder.c: what the reader does with whatever sits in the
 * person's routines folder or is imported: named pipes, links to devices,
 * huge files; the folder read in a worker thread; the limits of the format
 * on what is drawn.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sm-routine-store.h"

#define HEAD "{\"format\": \"sciatica-map-routine\", \"version\": 2, "
#define STEP "{\"zone\": \"piriformis\", \"side\": \"left\", \"tool\": \"ball\", " \
             "\"technique\": \"hold\", \"hold-seconds\": 30, \"repetitions\": 1}"

/* Long enough for a load that hangs to be a failure, not a slow machine. */
#define HANG_SECONDS 30

static char *
routines_dir (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_steal_pointer (&dir);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* The hostile files, and the names the load errors must give once each. */
static GPtrArray *
make_hostile_folder (const char *dir)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.json", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.json", NULL);
  g_autofree char *side = g_strnfill (30000, 'l');
  g_autofree char *json = g_strdup_printf (HEAD "\"name\": \"Long\", \"steps\": [{\"zone\": "
                                           "\"piriformis\", \"side\": \"%s\", \"tool\": \"ball\", "
                                           "\"technique\": \"hold\", \"hold-seconds\": 30, "
                                           "\"repetitions\": 1}]}", side);
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  fd = open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 4 << 30), ==, 0);
  close (fd);
  g_free (write_file (dir, "side.json", json));
  g_free (write_file (dir, "good.json", HEAD "\"name\": \"Good plan\", \"steps\": [" STEP "]}"));

  g_ptr_array_add (names, (gpointer) "pipe.json: this is not a regular file");
  g_ptr_array_add (names, (gpointer) "zero.json: this is not a regular file");
  g_ptr_array_add (names, (gpointer) "huge.json: the file is 4.0\xc2\xa0GiB; a routine file holds at most 4.0\xc2\xa0MiB");
  g_ptr_array_add (names, (gpointer) "side.json: steps[0].side: “llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll…” "
                          "is not a side (left, right or both)");
  return names;
}

/* Each expected message once, nothing else, and the good routine in. */
static void
assert_hostile_loaded (SmRoutineStore *store,
                       GPtrArray      *expected)
{
  GPtrArray *errors = sm_routine_store_get_load_errors (store);

  for (guint i = 0; i < errors->len; i++)
    g_test_message ("load error: %s", ((GError *) errors->pdata[i])->message);
  g_assert_cmpuint (errors->len, ==, expected->len);
  for (guint e = 0; e < expected->len; e++)
    {
      guint seen = 0;

      for (guint i = 0; i < errors->len; i++)
        seen += g_str_has_prefix (((GError *) errors->pdata[i])->message, expected->pdata[e]);
      g_assert_cmpuint (seen, ==, 1);
    }
  g_assert_nonnull (sm_routine_store_lookup (store, "Good plan"));
  g_assert_nonnull (sm_routine_store_lookup (store, "piriformis-relief"));
}

static void
test_load (void)
{
  g_autofree char *dir = routines_dir ();
  g_autoptr(GPtrArray) expected = make_hostile_folder (dir);
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, sm_atlas_get_default ());
  gint64 start = g_get_monotonic_time ();

  sm_routine_store_load (store);
  g_test_message ("blocking load of the hostile folder: %.3f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  assert_hostile_loaded (store, expected);
}

static void
on_loaded (SmRoutineStore *store,
           guint          *count)
{
  (*count)++;
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The built-in routines are there at once, the folder follows from a
 * worker thread, ::loaded fires once. */
static void
test_load_async (void)
{
  g_autofree char *dir = routines_dir ();
  g_autoptr(GPtrArray) expected = make_hostile_folder (dir);
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, sm_atlas_get_default ());
  guint loaded = 0;
  gboolean timed_out = FALSE;
  guint timeout;
  gint64 start = g_get_monotonic_time ();

  g_signal_connect (store, "loaded", G_CALLBACK (on_loaded), &loaded);
  sm_routine_store_load_async (store, NULL, NULL, NULL);
  g_assert_true (sm_routine_store_is_loading (store));
  g_assert_nonnull (sm_routine_store_lookup (store, "piriformis-relief"));
  g_test_message ("load_async returned after %.3f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  timeout = g_timeout_add_seconds (HANG_SECONDS, on_timeout, &timed_out);
  while (loaded == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
  g_test_message ("the folder was in after %.3f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  g_assert_cmpuint (loaded, ==, 1);
  g_assert_false (sm_routine_store_is_loading (store));
  assert_hostile_loaded (store, expected);
}

/* The import dialog's path: the same reader, the same refusals. */
static void
test_import_shapes (void)
{
  g_autofree char *dir = routines_dir ();
  g_autoptr(GPtrArray) expected = make_hostile_folder (dir);
  const char *names[] = { "pipe.json", "zero.json", "huge.json", "side.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmRoutine) routine = sm_routine_new_from_file (file, &error);

      g_assert_null (routine);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, expected->pdata[i]));
    }
}

static void
test_lookup_all (void)
{
  g_autofree char *dir = routines_dir ();
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, sm_atlas_get_default ());
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autofree char *path = NULL;

  g_free (write_file (dir, "a.json", HEAD "\"name\": \" Sciatica plan\", \"steps\": [" STEP "]}"));
  g_free (write_file (dir, "b.json", HEAD "\"name\": \"sciatica PLAN \", \"steps\": [" STEP "]}"));
  sm_routine_store_load (store);

  /* Names are trimmed when read, and compared without case or spaces. */
  g_assert_cmpstr (sm_routine_get_name (sm_routine_store_lookup (store, "a")), ==, "Sciatica plan");
  both = sm_routine_store_lookup_all (store, "  sciatica plan");
  g_assert_cmpuint (both->len, ==, 2);
  one = sm_routine_store_lookup_all (store, "b");
  g_assert_cmpuint (one->len, ==, 1);
  path = sm_routine_store_dup_path (store, one->pdata[0]);
  g_assert_true (g_str_has_suffix (path, "/sciatica-map/routines/b.json"));
}

/* A name typed with a stray space is saved without it. */
static void
test_name_saved_trimmed (void)
{
  g_autoptr(SmRoutine) routine = sm_routine_new ("  sciatica plan ");
  g_autoptr(GBytes) bytes = sm_routine_to_bytes (routine);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_nonnull (strstr (text, "\"sciatica plan\""));
  g_assert_cmpstr (sm_routine_get_name (routine), ==, "  sciatica plan ");
}

static SmPainStroke *
stroke_of (guint points)
{
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_ACHING, 3, "back");

  for (guint i = 0; i < points; i++)
    sm_pain_stroke_add_point (stroke, 300 + i % 50, 700);
  return stroke;
}

/* What is drawn stays within what loads: strokes past the limits are
 * not added. */
static void
test_drawing_limits (void)
{
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();
  g_autoptr(SmPainDrawing) many = sm_pain_drawing_new ();

  for (guint i = 0; i < SM_PAIN_MAX_STROKES + 5; i++)
    sm_pain_drawing_add_stroke (drawing, stroke_of (1));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), ==, SM_PAIN_MAX_STROKES);

  for (guint i = 0; i < 20; i++)
    sm_pain_drawing_add_stroke (many, stroke_of (SM_PAIN_MAX_POINTS));
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (many), ==,
                    SM_PAIN_MAX_ALL_POINTS / SM_PAIN_MAX_POINTS);
}

/* Text typed past the limits is cut, so the file saved loads again. */
static void
test_typed_limits (void)
{
  g_autoptr(SmRoutine) routine = sm_routine_new ("x");
  g_autoptr(SmRoutineStep) step = NULL;
  g_autofree char *long_name = g_strnfill (300, 'n');
  g_autofree char *long_notes = g_strnfill (20000, 'o');
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) loaded = NULL;

  step = g_object_new (SM_TYPE_ROUTINE_STEP, "zone", "piriformis", "side", "left", "tool", "ball",
                       "technique", "hold", "hold-seconds", 30, "repetitions", 1, NULL);
  sm_routine_step_set_note (step, long_notes);
  sm_routine_append_step (routine, step);
  sm_routine_set_name (routine, long_name);
  sm_routine_set_patient (routine, long_name);
  sm_routine_set_notes (routine, long_notes);
  g_assert_cmpint (g_utf8_strlen (sm_routine_get_name (routine), -1), ==, SM_ROUTINE_MAX_NAME);
  g_assert_cmpint (g_utf8_strlen (sm_routine_get_patient (routine), -1), ==, SM_ROUTINE_MAX_PATIENT);
  g_assert_cmpint (g_utf8_strlen (sm_routine_get_notes (routine), -1), ==, SM_ROUTINE_MAX_NOTES);
  g_assert_cmpint (g_utf8_strlen (sm_routine_step_get_note (step), -1), ==, SM_ROUTINE_MAX_STEP_NOTE);

  bytes = sm_routine_to_bytes (routine);
  loaded = sm_routine_new_from_bytes (bytes, "typed.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/routine-folder/load", test_load);
  g_test_add_func ("/sm/routine-folder/load-async", test_load_async);
  g_test_add_func ("/sm/routine-folder/import-shapes", test_import_shapes);
  g_test_add_func ("/sm/routine-folder/lookup-all", test_lookup_all);
  g_test_add_func ("/sm/routine-folder/drawing-limits", test_drawing_limits);
  g_test_add_func ("/sm/routine-folder/name-saved-trimmed", test_name_saved_trimmed);
  g_test_add_func ("/sm/routine-folder/typed-limits", test_typed_limits);

  return g_test_run ();
}
