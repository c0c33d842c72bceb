/* test-german.c: the German translation (po/de.po) in the real widgets
 * and in the PDF the real binary exports.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

#include "sm-atlas.h"
#include "sm-format.h"
#include "sm-test-model.h"
#include "sm-routine-store.h"
#include "sm-session.h"
#include "sm-test-utils.h"
#include "sm-window.h"
#include "sm-zone-panel.h"

/* The catalogue meson compiled from po/de.po into the build tree
 * (SM_LOCALE_DIR = _build/po), never an installed one. No real locales are
 * installed: glibc honours LANGUAGE under C.UTF-8. Runs before gtk_init(),
 * whose setlocale (LC_ALL, "") then picks C.UTF-8 up. */
static void
use_german (void)
{
  const char *localedir = g_getenv ("SM_LOCALE_DIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static void
assert_label_shown (GtkWidget  *panel,
                    const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (panel, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (texts->pdata[i], text))
      return;

  g_error ("no label reads “%s” in the panel", text);
}

static void
assert_label_not_shown (GtkWidget  *panel,
                        const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_labels (panel, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (texts->pdata[i], text))
      g_error ("a label still reads “%s”", text);
}

static const char *
label_text (GtkWidget  *panel,
            const char *id)
{
  return gtk_label_get_label (sm_test_find (panel, id));
}

/* The piriformis panel, opened the way test-panels does it. */
static void
test_zone_panel (void)
{
  SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), "piriformis");
  guint hold = sm_zone_get_hold_seconds (zone);
  g_autofree char *timer_label = g_strdup_printf ("_Timer starten · %u Sek.", hold);
  g_autofree char *hold_label = g_strdup_printf ("Halten Sie jede empfindliche Stelle %u Sekunden lang "
                                                 "und gehen Sie dann weiter.", hold);
  SmWindow *window;
  GtkWidget *panel;

  g_assert_cmpuint (hold, >, 1);

  window = sm_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));
  sm_test_wait_mapped (GTK_WIDGET (window));
  sm_window_show_zone (window, "piriformis", NULL, "right");
  panel = gtk_stack_get_child_by_name (sm_test_find (window, "panel_stack"), "zone");
  g_assert_true (SM_IS_ZONE_PANEL (panel));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sm_test_find (window, "panel_stack")), ==, "zone");

  /* Content (zones.json through the catalogue) */
  g_assert_cmpstr (label_text (panel, "title_label"), ==, "Piriformis");
  g_assert_nonnull (strstr (label_text (panel, "where_label"), "Kreuzbein"));
  /* Code: a two-part subtitle, a plural and a button label with a number */
  g_assert_cmpstr (label_text (panel, "subtitle_label"), ==, "Rechte Seite · Tiefer Muskel");
  g_assert_cmpstr (label_text (panel, "hold_label"), ==, hold_label);
  g_assert_cmpstr (label_text (panel, "timer_button_label"), ==, timer_label);
  /* The template: headings and a button */
  assert_label_shown (panel, "So finden Sie ihn");
  assert_label_shown (panel, "Warum er wichtig ist");
  assert_label_shown (panel, "Zur _Routine hinzufügen");
  assert_label_not_shown (panel, "Where to find it");
  assert_label_not_shown (panel, "Add to _Routine");

  sm_test_destroy_window (window);
}

/* Plural-Forms of the header at work: one form for 1, the other for the rest. */

/* A body word finds a muscle first: each zone's name and synonyms (in the
 * language shown) put a zone at the top of the results, never a technique
 * or a tool whose name only starts the same way. The first zone is one
 * that has the word. */
static void
test_body_words (void)
{
  sm_test_assert_body_words_find_zones ();
}

/* The bug that made this test: "Po" (the buttock, the German for
 * "bottom") found "Triggerpunkt-Therapie" first, through the English
 * "trigger point". The muscles called "Po" come first now. */
static void
test_po (void)
{
  g_autoptr(GListModel) results = sm_atlas_search (sm_atlas_get_default (), "Po");
  guint n = g_list_model_get_n_items (results);
  int trigger = -1, maximus = -1, piriformis = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSearchResult) result = g_list_model_get_item (results, i);
      const char *id = sm_search_result_get_id (result);

      if (g_str_equal (id, "trigger-point"))
        trigger = i;
      else if (g_str_equal (id, "gluteus-maximus"))
        maximus = i;
      else if (g_str_equal (id, "piriformis"))
        piriformis = i;
    }
  g_assert_cmpint (MAX (maximus, piriformis), ==, 1);
  g_assert_cmpint (MIN (maximus, piriformis), ==, 0);
  g_assert_true (trigger == -1 || trigger > 1);
}

static void
test_plurals (void)
{
  g_autofree char *one = sm_format_duration (1);
  g_autofree char *mixed = sm_format_duration (270);
  g_autofree char *step = sm_format_step_of (2, 6);

  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", 1), ==, "%u Schritt");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", 3), ==, "%u Schritte");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", 0), ==, "%u Schritte");
  g_assert_cmpstr (one, ==, "1 Sek.");
  g_assert_cmpstr (mixed, ==, "4 Min. 30 Sek.");
  g_assert_cmpstr (step, ==, "Schritt 2 von 6");
}

/* Runs @argv without a display; returns stdout with all whitespace taken
 * out, as test-sheet does (pdftotext spaces words by heuristics). */
static char *
run (const char * const *argv,
     const char         *language)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) words = NULL;
  int status = -1;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  if (language != NULL)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed: %s", argv[0], err);

  words = g_regex_split_simple ("\\s+", out, 0, 0);
  return g_strjoinv ("", words);
}

/* sciatica-map-uninstalled --export-pdf with LANGUAGE=de: the binary's own
 * main() binds the build tree's catalogue. */
static void
test_export_pdf (void)
{
  const char *binary = g_getenv ("SM_UNINSTALLED_BINARY");
  g_autofree char *pdf = g_build_filename (g_get_user_cache_dir (), "de.pdf", NULL);
  const char *export[] = { binary, "--export-pdf", pdf, NULL };
  const char *to_text[] = { "pdftotext", "-raw", pdf, "-", NULL };
  const char *info[] = { "pdfinfo", pdf, NULL };
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (),
                                                SM_ROUTINE_STORE_DEFAULT_ROUTINE);
  g_autofree char *out = NULL;
  g_autofree char *text = NULL;
  g_autofree char *meta = NULL;

  g_assert_nonnull (binary);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  out = run (export, "de");
  text = run (to_text, NULL);
  meta = run (info, NULL);

  sm_test_assert_text_contains (meta, "Title: Piriformis-Entlastung");
  sm_test_assert_text_contains (text, "Piriformis-Entlastung");
  /* Headings */
  sm_test_assert_text_contains (text, "Ihre Schritte");
  sm_test_assert_text_contains (text, "Vorher: Wärme");
  sm_test_assert_text_contains (text, "Danach: Dehnungen");
  sm_test_assert_text_contains (text, "Warnzeichen – sofort ärztlich untersuchen lassen");
  sm_test_assert_text_contains (text, "Diese Woche");
  sm_test_assert_text_contains (text, "Seite 1 von 1");
  sm_test_assert_text_contains (text, "Beide Seiten");
  g_assert_null (strstr (text, "Yoursteps"));
  g_assert_null (strstr (text, "Redflags"));

  /* Step names: every muscle as the German atlas names it, and those
   * names are German. */
  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    {
      const char *id = sm_routine_step_get_zone (sm_routine_get_step (routine, i));

      sm_test_assert_text_contains (text, sm_zone_get_name (sm_atlas_lookup_zone (sm_atlas_get_default (), id)));
    }
  sm_test_assert_text_contains (text, "Großer Gesäßmuskel");
  sm_test_assert_text_contains (text, "Hintere Oberschenkelmuskeln");
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  use_german ();
  sm_test_gtk_init ();

  g_test_add_func ("/sm/german/plurals", test_plurals);
  g_test_add_func ("/sm/german/body-words", test_body_words);
  g_test_add_func ("/sm/german/po", test_po);
  g_test_add_func ("/sm/german/zone-panel", test_zone_panel);
  g_test_add_func ("/sm/german/export-pdf", test_export_pdf);

  return g_test_run ();
}
