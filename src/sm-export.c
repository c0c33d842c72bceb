/* sm-export.c: `sciatica-map --export-pdf`, the routine sheet written to a
 * PDF from the command line, and `--export-routine NAME-OR-FILE OUT`, a
 * routine written to a routine file, with no window and no display.
 *
 * main.c runs this without loading the user interface module, so a script
 * that prints sheets does not pay for GTK; the application offers the same
 * options, so --help lists them and they still work if they reach it.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-export"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-export.h"
#include "sm-export-journal.h"
#include "sm-file-write.h"
#include "sm-routine-store.h"
#include "sm-sheet.h"
#include "sm-utils.h"

static const GOptionEntry export_entries[] = {
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the routine sheet to a PDF file (“-” for standard output) and exit (no window)"),
    N_("FILE") },
  { "routine", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The routine to export: a name, an id or a routine file (default: Piriformis relief)"),
    N_("NAME-OR-FILE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Paper size: a4 or letter (default: a4)"),
    N_("SIZE") },
  { "export-routine", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Write a routine (a name, an id or a routine file) to the routine file named next (“-” for standard output) and exit (no window)"),
    N_("NAME-OR-FILE") },
  { NULL }
};

/* The file --export-routine writes comes after it, as a remaining
 * argument: the application, which opens files, has this entry already. */
static const GOptionEntry remaining_entries[] = {
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[OUT]") },
  { NULL }
};

static const char * const export_options[] = { "--export-pdf", "--export-routine" };

/* Only a quick look, so that main.c can choose the export path before any
 * library it does not need is loaded; the real parsing is GOption's. */
gboolean
sm_export_is_requested (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        return FALSE;
      for (guint j = 0; j < G_N_ELEMENTS (export_options); j++)
        if (g_str_equal (argv[i], export_options[j]) ||
            (g_str_has_prefix (argv[i], export_options[j]) &&
             argv[i][strlen (export_options[j])] == '='))
          return TRUE;
      if (sm_export_journal_is_requested (argv[i]))
        return TRUE;
    }
  return FALSE;
}

void
sm_export_add_options (GApplication *app)
{
  g_application_add_main_option_entries (app, export_entries);
  g_application_add_main_option_entries (app, sm_export_journal_entries);
}

/* Two routines of the same name are fine in the window, but a script must
 * not get one of them by chance: it is told both files. */
static SmRoutine *
find_own_routine (SmRoutineStore  *store,
                  const char      *name,
                  GError         **error)
{
  g_autoptr(GPtrArray) matches = sm_routine_store_lookup_all (store, name);
  g_autofree char *quoted = sm_cut_for_message (name, SM_MESSAGE_QUOTE_CHARS);
  g_autoptr(GString) files = NULL;

  if (matches->len == 1)
    return g_object_ref (matches->pdata[0]);

  if (matches->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no routine called “%s”"), quoted);
      return NULL;
    }

  files = g_string_new (NULL);
  for (guint i = 0; i < matches->len; i++)
    {
      g_autofree char *path = sm_routine_store_dup_path (store, matches->pdata[i]);

      g_string_append_printf (files, "\n  %s", path);
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               /* Translators: %1$u is how many routines, %2$s their name,
                * %3$s the list of their files, one per line */
               g_dngettext (GETTEXT_PACKAGE,
                            "%1$u routine is called “%2$s”; give the file of the one to export:%3$s",
                            "%1$u routines are called “%2$s”; give the file of the one to export:%3$s",
                            matches->len),
               matches->len, quoted, files->str);
  return NULL;
}

/* A routine file when the argument names one, otherwise a routine (built-in
 * or the person's own) by id or name. */
static SmRoutine *
find_routine (const char  *name_or_file,
              SmAtlas     *atlas,
              GError     **error)
{
  SmRoutine *routine;

  if (g_file_test (name_or_file, G_FILE_TEST_EXISTS) || strchr (name_or_file, G_DIR_SEPARATOR))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (name_or_file);

      g_autofree char *shown = sm_cut_for_message (name_or_file, SM_MESSAGE_QUOTE_CHARS);

      routine = sm_routine_new_from_file (file, error);
      if (routine != NULL && !sm_routine_check_ids (routine, atlas, shown, error))
        g_clear_object (&routine);
      return routine;
    }

  /* The person's folder is read only for a routine of their own. */
  routine = sm_routine_store_lookup_builtin (name_or_file);
  if (routine != NULL)
    return routine;

  return find_own_routine (sm_routine_store_get_default (), name_or_file, error);
}

/* "-" is standard output, as for most tools; anything else a file, a pipe
 * or a device (sm_file_write_bytes() keeps what is there). */
static gboolean
write_sheet (SmSheet       *sheet,
             const char    *path,
             SmSheetPaper   paper,
             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (!g_str_equal (path, "-"))
    return sm_sheet_export_pdf (sheet, path, paper, error);

  /* A PDF on a terminal is only noise, and can leave it in a strange state. */
  if (isatty (STDOUT_FILENO))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Standard output is a terminal: send the PDF to a file or a program instead"));
      return FALSE;
    }

  bytes = sm_sheet_render_pdf (sheet, paper, error);
  return bytes != NULL && sm_file_write_fd (STDOUT_FILENO, bytes, _("standard output"), error);
}

static gboolean
export_pdf_warm (const char  *path,
                 const char  *routine_name,
                 const char  *paper_name,
                 GError     **error)
{
  SmAtlas *atlas;
  SmSheetPaper paper = SM_SHEET_PAPER_A4;
  g_autoptr(SmRoutine) routine = NULL;
  g_autoptr(SmSheet) sheet = NULL;

  /* What an earlier export left when it was killed. */
  sm_file_clean_up_unfinished_saves (SM_FILE_STALE_AGE);

  /* No window will open: nothing needs the artwork's ids. */
  sm_atlas_default_skip_artwork ();
  atlas = sm_atlas_get_default ();

  if (!sm_sheet_paper_parse (paper_name, &paper, error))
    return FALSE;

  routine = find_routine (routine_name != NULL ? routine_name : SM_ROUTINE_STORE_DEFAULT_ROUTINE,
                          atlas, error);
  if (routine == NULL)
    return FALSE;

  sheet = sm_sheet_new (routine, atlas);
  return write_sheet (sheet, path, paper, error);
}

/* The fonts and the artwork load in threads while the content and the
 * routine are read; whatever happens, they are waited for before the
 * process can exit. */
static gboolean
export_pdf (const char  *path,
            const char  *routine_name,
            const char  *paper_name,
            GError     **error)
{
  gboolean ok;

  sm_sheet_warm_up ();
  ok = export_pdf_warm (path, routine_name, paper_name, error);
  sm_sheet_warm_up_join ();
  return ok;
}

/* The routine as a routine file (pain drawing and all), for another
 * computer: the same bytes the app saves, and as private as its own files,
 * since a routine may name a patient. Nothing is written when the routine
 * is not found. */
static gboolean
export_routine (const char  *name_or_file,
                const char  *path,
                GError     **error)
{
  g_autoptr(SmRoutine) routine = NULL;
  g_autoptr(GBytes) bytes = NULL;

  sm_file_clean_up_unfinished_saves (SM_FILE_STALE_AGE);
  sm_atlas_default_skip_artwork ();

  routine = find_routine (name_or_file, sm_atlas_get_default (), error);
  if (routine == NULL)
    return FALSE;

  bytes = sm_routine_to_bytes (routine);
  if (g_str_equal (path, "-"))
    return sm_file_write_fd (STDOUT_FILENO, bytes, _("standard output"), error);
  return sm_file_write_bytes (path, bytes, SM_FILE_WRITE_PRIVATE, NULL, NULL, error);
}

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return 2;
}

static int
exit_status (gboolean      ok,
             const GError *error)
{
  if (ok)
    return 0;

  g_printerr ("%s: %s\n", g_get_prgname (), error->message);
  return 1;
}

/* The exit status, or -1 when the options ask for no export (the caller
 * goes on). */
int
sm_export_handle_options (GVariantDict *options)
{
  g_autofree char *pdf = NULL;
  g_autofree const char **remaining = NULL;
  const char *routine = NULL, *paper = NULL, *routine_file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_remaining;
  gboolean ok;
  int status = sm_export_journal_handle_options (options);

  if (status >= 0)
    return status;
  g_variant_dict_lookup (options, "export-pdf", "^ay", &pdf);
  g_variant_dict_lookup (options, "routine", "&s", &routine);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "export-routine", "&s", &routine_file);
  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining);
  n_remaining = remaining != NULL ? g_strv_length ((char **) remaining) : 0;

  if (pdf == NULL && (routine != NULL || paper != NULL))
    return usage_error (_("--routine and --paper go with --export-pdf"));
  if (pdf != NULL && routine_file != NULL)
    return usage_error (_("--export-pdf and --export-routine are two commands: give one of them"));

  if (routine_file != NULL && n_remaining != 1)
    return usage_error (_("--export-routine needs the routine and then the file to write: --export-routine NAME-OR-FILE OUT"));

  if (routine_file != NULL)
    ok = export_routine (routine_file, remaining[0], &error);
  else if (pdf != NULL)
    ok = export_pdf (pdf, routine, paper, &error);
  else
    return -1;

  return exit_status (ok, error);
}

static int
handle_local_options (GApplication *app,
                      GVariantDict *options)
{
  int status = sm_export_handle_options (options);

  return status >= 0 ? status : 0;
}

/* A plain GApplication, not the GTK one: it parses the same options the
 * same way and stops before it would register or open anything. */
int
sm_export_run (int    argc,
               char **argv)
{
  g_autoptr(GApplication) app = g_application_new (NULL, G_APPLICATION_NON_UNIQUE);

  sm_export_add_options (app);
  g_application_add_main_option_entries (app, remaining_entries);
  g_signal_connect (app, "handle-local-options", G_CALLBACK (handle_local_options), NULL);
  return g_application_run (app, argc, argv);
}
