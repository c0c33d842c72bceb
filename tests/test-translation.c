/* test-translation.c: content text comes back translated
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sm-atlas.h"

/* tests/content/xx.po, compiled by meson into the build directory. glibc
 * honours LANGUAGE under C.UTF-8, the one locale every system has. */
static void
use_test_language (void)
{
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "locale", NULL);

  g_setenv ("LANGUAGE", "xx", TRUE);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

static SmAtlas *
load_valid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", "valid.json", NULL);
  g_autoptr(GError) error = NULL;
  const char *paths[] = { path, NULL };
  SmAtlas *atlas = sm_atlas_new_from_files (paths, NULL, NULL, &error);

  g_assert_no_error (error);
  return atlas;
}

static void
test_getters (void)
{
  g_autoptr(SmAtlas) atlas = load_valid ();
  SmZone *zone = sm_atlas_lookup_zone (atlas, "piriformis");
  SmToolUse *use = sm_zone_get_tool_use (zone, "ball");

  g_assert_cmpstr (sm_zone_get_name (zone), ==, "Birnenmuskel");
  g_assert_cmpstr (sm_zone_get_find (zone)[1], ==, "Den flachen Knochen am Ende der Wirbelsäule ertasten.");
  g_assert_cmpstr (sm_zone_get_synonyms (zone)[0], ==, "Hintern");
  g_assert_cmpstr (sm_tool_use_get_position (use), ==, "Auf den Rücken legen, Knie gebeugt.");
  /* Keys are never translated; untranslated text stays English. */
  g_assert_cmpstr (sm_zone_get_id (zone), ==, "piriformis");
  g_assert_cmpstr (sm_zone_get_view (zone), ==, "back");
  g_assert_cmpstr (sm_zone_get_landmarks (zone)[0], ==, "sacrum");
  g_assert_cmpstr (sm_zone_get_pressure (zone), ==, "Firm but never sharp.");
}

static const char *
first_id (SmAtlas    *atlas,
          const char *query)
{
  g_autoptr(GListModel) results = sm_atlas_search (atlas, query);
  g_autoptr(SmSearchResult) first = g_list_model_get_item (results, 0);

  return first != NULL ? g_intern_string (sm_search_result_get_id (first)) : NULL;
}

/* People may type in either language. */
static void
test_search_both_languages (void)
{
  g_autoptr(SmAtlas) atlas = load_valid ();
  g_autoptr(GListModel) results = sm_atlas_search (atlas, "piriformis");
  g_autoptr(SmSearchResult) first = g_list_model_get_item (results, 0);

  g_assert_cmpstr (first_id (atlas, "birnen"), ==, "piriformis");
  g_assert_cmpstr (first_id (atlas, "hintern"), ==, "piriformis");
  g_assert_cmpstr (first_id (atlas, "butt"), ==, "piriformis");
  g_assert_cmpstr (sm_search_result_get_id (first), ==, "piriformis");
  /* The list shows the translated name. */
  g_assert_cmpstr (sm_search_result_get_title (first), ==, "Birnenmuskel");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  use_test_language ();

  g_test_add_func ("/sm/translation/getters", test_getters);
  g_test_add_func ("/sm/translation/search-both-languages", test_search_both_languages);

  return g_test_run ();
}
