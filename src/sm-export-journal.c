/* sm-export-journal.c: `sciatica-map --export-journal OUT.csv [--steps]`,
 * the progress journal as CSV, with no window and no display.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export"

#include "config.h"

#include <unistd.h>
#include <glib/gi18n.h>

#include "sm-export-journal.h"
#include "sm-file-write.h"
#include "sm-journal-csv.h"
#include "sm-journal.h"

const GOptionEntry sm_export_journal_entries[] = {
  { "export-journal", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the journal of sessions to a CSV file (“-” for standard output) and exit (no window)"),
    N_("FILE") },
  { "steps", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-journal: one row per step of each session instead of one per session"),
    NULL },
  { NULL }
};

gboolean
sm_export_journal_is_requested (const char *arg)
{
  return g_str_equal (arg, "--export-journal") || g_str_has_prefix (arg, "--export-journal=");
}

/* The sessions newest first; none when there is no journal yet (an export
 * never creates one). */
static GPtrArray *
read_journal (GError **error)
{
  g_autofree char *path = sm_journal_default_path ();
  g_autoptr(SmJournal) journal = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *entries;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return g_ptr_array_new ();

  journal = sm_journal_new (path);
  /* A newer journal is still read; a damaged one is the error. */
  if (!sm_journal_open (journal, &local_error) &&
      !g_error_matches (local_error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_NEWER))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  entries = sm_journal_list (journal, 0, NULL, error);
  sm_journal_close (journal);
  return entries;
}

static gboolean
export_journal (const char  *path,
                gboolean     steps,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = read_journal (error);
  g_autoptr(GBytes) csv = NULL;

  if (entries == NULL)
    return FALSE;

  csv = steps ? sm_journal_csv_steps (entries) : sm_journal_csv_sessions (entries);
  if (g_str_equal (path, "-"))
    return sm_file_write_fd (STDOUT_FILENO, csv, _("standard output"), error);
  /* Private: the journal is about a person's health. */
  return sm_file_write_bytes (path, csv, SM_FILE_WRITE_PRIVATE, NULL, NULL, error);
}

/* The exit status, or -1 when no journal export is asked for. */
int
sm_export_journal_handle_options (GVariantDict *options)
{
  g_autofree char *csv = NULL;
  gboolean steps = FALSE;
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "export-journal", "^ay", &csv);
  g_variant_dict_lookup (options, "steps", "b", &steps);
  if (csv == NULL && steps)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("--steps goes with --export-journal"));
      return 2;
    }
  if (csv == NULL)
    return -1;

  if (!export_journal (csv, steps, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  return 0;
}
