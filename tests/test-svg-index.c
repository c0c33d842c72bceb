/* test-svg-index.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-svg-index.h"

static const char svg[] =
  "<?xml version=\"1.0\"?>\n"
  "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\">"
  " <title>Whole body</title>"
  " <g id=\"layer-deep\">"
  "  <g id=\"zone-piriformis-left\"><title> Piriformis (left) </title>"
  "   <path id=\"inner\" d=\"M0 0h1\"><title>inner part</title></path>"
  "  </g>"
  "  <g id=\"zone-piriformis-right\"><path d=\"M0 0h1\"/></g>"
  " </g>"
  " <g id=\"marks\"><text id=\"mark-l\">L</text></g>"
  "</svg>";

static SmSvgIndex *
index_from_string (const char  *text,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));

  return sm_svg_index_new_from_bytes (bytes, "test.svg", error);
}

static void
test_ids_titles_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSvgIndex) index = index_from_string (svg, &error);
  g_autoptr(GPtrArray) zones = NULL;

  g_assert_no_error (error);
  g_assert_true (sm_svg_index_has_id (index, "marks"));
  g_assert_false (sm_svg_index_has_id (index, "zone-piriformis"));

  g_assert_cmpstr (sm_svg_index_get_title (index, "zone-piriformis-left"), ==, "Piriformis (left)");
  g_assert_cmpstr (sm_svg_index_get_title (index, "inner"), ==, "inner part");
  g_assert_null (sm_svg_index_get_title (index, "zone-piriformis-right"));

  g_assert_cmpstr (sm_svg_index_get_group (index, "zone-piriformis-right"), ==, "layer-deep");
  g_assert_cmpstr (sm_svg_index_get_group (index, "mark-l"), ==, "marks");
  g_assert_null (sm_svg_index_get_group (index, "layer-deep"));

  zones = sm_svg_index_list_ids (index, "zone-");
  g_assert_cmpuint (zones->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (zones, 0), ==, "zone-piriformis-left");
  g_assert_cmpstr (g_ptr_array_index (zones, 1), ==, "zone-piriformis-right");
}

static void
test_duplicate_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSvgIndex) index =
    index_from_string ("<svg><g id=\"a\"/><path id=\"a\"/></svg>", &error);

  g_assert_null (index);
  g_assert_error (error, SM_SVG_INDEX_ERROR, SM_SVG_INDEX_ERROR_DUPLICATE_ID);
  g_assert_nonnull (strstr (error->message, "test.svg"));
  g_assert_nonnull (strstr (error->message, "“a”"));
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSvgIndex) index = index_from_string ("<svg><g id=\"a\"></svg>", &error);

  g_assert_null (index);
  g_assert_error (error, SM_SVG_INDEX_ERROR, SM_SVG_INDEX_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "test.svg"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/svg-index/ids-titles-groups", test_ids_titles_groups);
  g_test_add_func ("/sm/svg-index/duplicate-id", test_duplicate_id);
  g_test_add_func ("/sm/svg-index/malformed", test_malformed);

  return g_test_run ();
}
