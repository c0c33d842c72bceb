/* fuzz-routine.c: the routine file loader on arbitrary bytes
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A routine file may come from an e-mail attachment. Whatever it holds,
 * loading gives a routine or a GError; a routine that loaded is checked
 * against the bundled content, and what the app would save of it must load
 * again and save the same bytes.
 */

#define G_LOG_DOMAIN "fuzz-routine"

#include "config.h"

#include "fuzz.h"
#include "sm-badge-layout.h"
#include "sm-routine.h"

#define FILE_NAME "fuzz.json"
#define SAVED_NAME "saved.json"

/* The bundled content, as the routines page checks ids against it. */
static SmAtlas *atlas;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sm_fuzz_make_logs_fatal ();
  atlas = sm_atlas_get_default ();
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_zones (atlas)), >, 0);
  return 0;
}

/* Returns whether every id exists; a failure must be a proper error. */
static gboolean
check_ids (SmRoutine  *routine,
           const char *file_name)
{
  g_autoptr(GError) error = NULL;

  if (sm_routine_check_ids (routine, atlas, file_name, &error))
    {
      g_assert_no_error (error);
      return TRUE;
    }

  sm_fuzz_check_error (error, SM_ROUTINE_ERROR, file_name);
  return FALSE;
}

/* Load → save → load → save: the second load must succeed and the two
 * saves must be the same bytes, so nothing is lost or changed by saving
 * a routine that loaded. */
static void
check_round_trip (SmRoutine *routine,
                  gboolean   ids_ok)
{
  g_autoptr(GBytes) saved = sm_routine_to_bytes (routine);
  g_autoptr(GBytes) saved_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) reloaded = sm_routine_new_from_bytes (saved, SAVED_NAME, &error);

  if (reloaded == NULL)
    g_error ("a saved routine does not load: %s\n%.*s", error->message,
             (int) MIN (g_bytes_get_size (saved), 4096), (const char *) g_bytes_get_data (saved, NULL));

  g_assert_cmpstr (sm_routine_get_name (reloaded), ==, sm_routine_get_name (routine));
  g_assert_cmpuint (sm_routine_get_n_steps (reloaded), ==, sm_routine_get_n_steps (routine));
  g_assert_true (check_ids (reloaded, SAVED_NAME) == ids_ok);

  saved_again = sm_routine_to_bytes (reloaded);
  if (!g_bytes_equal (saved, saved_again))
    g_error ("saving a reloaded routine changed the file:\n%.*s\n---\n%.*s",
             (int) MIN (g_bytes_get_size (saved), 4096), (const char *) g_bytes_get_data (saved, NULL),
             (int) MIN (g_bytes_get_size (saved_again), 4096), (const char *) g_bytes_get_data (saved_again, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) routine = sm_routine_new_from_bytes (bytes, FILE_NAME, &error);
  g_autoptr(GHashTable) labels = NULL;

  if (routine == NULL)
    {
      sm_fuzz_check_error (error, SM_ROUTINE_ERROR, FILE_NAME);
      return 0;
    }

  g_assert_no_error (error);
  labels = sm_badge_dup_step_labels (routine);
  check_round_trip (routine, check_ids (routine, FILE_NAME));
  return 0;
}
