/* sm-export-journal.c: `sciatica-map --export-journal OUT.csv [--steps]`,
 * the progress journal as CSV, and `--export-report OUT.pdf [--since
 * YYYY-MM-DD] [--routine NAME] [--paper a4|letter]`, the therapist's
 * report, with no window and no display. --routine and --paper are the
 * routine sheet's options (sm-export.c), read here too.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "sm-export-journal.h"
#include "sm-file-write.h"
#include "sm-journal-csv.h"
#include "sm-journal-report.h"
#include "sm-journal.h"

const GOptionEntry sm_export_journal_entries[] = {
  { "export-journal", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the journal of sessions to a CSV file (“-” for standard output) and exit (no window)"),
    N_("FILE") },
  { "steps", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-journal: one row per step of each session instead of one per session"),
    NULL },
  { "export-report", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the therapist's report of the journal to a PDF file and exit (no window)"),
    N_("FILE") },
  { "since", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-report: only the sessions from this day on"),
    N_("YYYY-MM-DD") },
  { NULL }
};

gboolean
sm_export_journal_is_requested (const char *arg)
{
  return g_str_equal (arg, "--export-journal") || g_str_has_prefix (arg, "--export-journal=") ||
         g_str_equal (arg, "--export-report") || g_str_has_prefix (arg, "--export-report=");
}

/* The sessions newest first; none when there is no journal yet (an export
 * never creates one). */
static GPtrArray *
read_journal (gint64       since,
              const char  *routine,
              GError     **error)
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
  entries = sm_journal_list (journal, since, routine, error);
  sm_journal_close (journal);
  return entries;
}

static gboolean
export_journal (const char  *path,
                gboolean     steps,
                GError     **error)
{
  g_autoptr(GPtrArray) entries = read_journal (0, NULL, error);
  g_autoptr(GBytes) csv = NULL;

  if (entries == NULL)
    return FALSE;

  csv = steps ? sm_journal_csv_steps (entries) : sm_journal_csv_sessions (entries);
  if (g_str_equal (path, "-"))
    return sm_file_write_fd (STDOUT_FILENO, csv, _("standard output"), error);
  /* Private: the journal is about a person's health. */
  return sm_file_write_bytes (path, csv, SM_FILE_WRITE_PRIVATE, NULL, NULL, error);
}

/* The local midnight that starts @text, a day as YYYY-MM-DD. */
static gboolean
parse_day (const char  *text,
           gint64      *since,
           GError     **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *iso = g_strconcat (text, "T00:00:00", NULL);
  g_autoptr(GDateTime) day = strlen (text) == 10 ? g_date_time_new_from_iso8601 (iso, zone) : NULL;

  if (day == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what was given after --since. */
                   _("“%s” is not a day: use YYYY-MM-DD, such as 2026-03-01"), text);
      return FALSE;
    }
  *since = g_date_time_to_unix (day);
  return TRUE;
}

static gboolean
export_report_warm (const char  *path,
               const char  *since_text,
               const char  *routine,
               const char  *paper_name,
               GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) pdf = NULL;
  SmSheetPaper paper = SM_SHEET_PAPER_A4;
  gint64 since = 0;

  if (!sm_sheet_paper_parse (paper_name, &paper, error))
    return FALSE;
  if (since_text != NULL && !parse_day (since_text, &since, error))
    return FALSE;
  entries = read_journal (since, routine, error);
  if (entries == NULL)
    return FALSE;
  pdf = sm_journal_report_render_pdf (entries, since, routine, paper, error);
  if (pdf == NULL)
    return FALSE;
  if (g_str_equal (path, "-"))
    return sm_file_write_fd (STDOUT_FILENO, pdf, _("standard output"), error);
  return sm_file_write_bytes (path, pdf, SM_FILE_WRITE_PRIVATE, NULL, NULL, error);
}

/* As --export-pdf does: the fonts load and the back view's artwork (the
 * pain drawings') is parsed in threads while the journal is read and the
 * first pages laid out; they are waited for before the process exits. */
static gboolean
export_report (const char  *path,
               const char  *since_text,
               const char  *routine,
               const char  *paper_name,
               GError     **error)
{
  gboolean ok;

  sm_sheet_warm_up ();
  ok = export_report_warm (path, since_text, routine, paper_name, error);
  sm_sheet_warm_up_join ();
  return ok;
}

static int
handle_report (GVariantDict *options)
{
  g_autofree char *pdf = NULL;
  const char *since = NULL, *routine = NULL, *paper = NULL;
  g_autoptr(GError) error = NULL;

  g_variant_dict_lookup (options, "export-report", "^ay", &pdf);
  g_variant_dict_lookup (options, "since", "&s", &since);
  g_variant_dict_lookup (options, "routine", "&s", &routine);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  if (pdf == NULL && since != NULL)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("--since goes with --export-report"));
      return 2;
    }
  if (pdf == NULL)
    return -1;
  if (!export_report (pdf, since, routine, paper, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return 1;
    }
  return 0;
}

/* The exit status, or -1 when no journal export is asked for. */
int
sm_export_journal_handle_options (GVariantDict *options)
{
  g_autofree char *csv = NULL;
  gboolean steps = FALSE;
  g_autoptr(GError) error = NULL;
  int status = handle_report (options);

  if (status >= 0)
    return status;
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
