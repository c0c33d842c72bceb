/* test-atlas.c: loading and validating content files
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sm-atlas.h"
#include "sm-test-model.h"

static SmSvgIndex *
fixture_svg (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", "body-back.svg", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  SmSvgIndex *index;

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);
  index = sm_svg_index_new_from_bytes (bytes, "body-back.svg", &error);
  g_assert_no_error (error);
  return index;
}

static SmAtlas *
load_fixture (const char  *name,
              GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", name, NULL);
  g_autoptr(SmSvgIndex) back = fixture_svg ();
  const char *paths[] = { path, NULL };

  return sm_atlas_new_from_files (paths, back, NULL, error);
}

static SmAtlas *
load_string (const char  *name,
             const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  GBytes *contents[] = { bytes, NULL };
  const char *names[] = { name, NULL };

  return sm_atlas_new_from_bytes (contents, names, NULL, NULL, error);
}

static void
test_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_fixture ("valid.json", &error);
  SmZone *zone;
  SmToolUse *use;
  g_auto(GStrv) steps = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_zones (atlas)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_techniques (atlas)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_tools (atlas)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_stretches (atlas)), ==, 1);
  g_assert_nonnull (sm_atlas_get_safety (atlas));

  zone = sm_atlas_lookup_zone (atlas, "piriformis");
  g_assert_nonnull (zone);
  g_assert_cmpstr (sm_zone_get_name (zone), ==, "Piriformis");
  g_assert_cmpstr (sm_zone_get_layer (zone), ==, "deep");
  g_assert_true (sm_zone_get_two_sided (zone));
  g_assert_cmpuint (sm_zone_get_hold_seconds (zone), ==, 30);
  g_assert_cmpstr (sm_zone_get_landmarks (zone)[1], ==, "greater-trochanter");
  g_assert_cmpstr (sm_zone_get_find (zone)[1], ==, "Find the flat bone at the base of your spine.");

  use = sm_zone_get_tool_use (zone, "ball");
  g_assert_nonnull (use);
  g_assert_null (sm_zone_get_tool_use (zone, "foam-roller"));
  steps = sm_tool_use_dup_steps (use);
  g_assert_cmpuint (g_strv_length (steps), ==, 4);
  g_assert_cmpstr (steps[0], ==, "Lie on your back with your knees bent.");
  g_assert_cmpstr (steps[3], ==, "Hold for 30 seconds.");

  /* Optional lists that are absent read as empty, never NULL. */
  g_assert_cmpuint (g_strv_length ((char **) sm_zone_get_synonyms (sm_atlas_lookup_zone (atlas, "calf"))), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **) sm_zone_get_caution_areas (sm_atlas_lookup_zone (atlas, "calf"))), ==, 0);
  g_assert_null (sm_atlas_lookup_zone (atlas, "ball"));
  g_assert_nonnull (sm_atlas_lookup_tool (atlas, "ball"));
  g_assert_nonnull (sm_atlas_lookup_technique (atlas, "hold"));
  g_assert_nonnull (sm_atlas_lookup_stretch (atlas, "piriformis-stretch"));
}

static void
test_relations (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_fixture ("valid.json", &error);
  g_autoptr(GListModel) by_tool = NULL;
  g_autoptr(GListModel) stretches = NULL;
  g_autoptr(GListModel) none = NULL;
  g_auto(GStrv) landmarks = NULL;
  g_auto(GStrv) cautions = NULL;

  g_assert_no_error (error);
  by_tool = sm_atlas_list_zones_for_tool (atlas, "ball");
  g_assert_cmpuint (g_list_model_get_n_items (by_tool), ==, 2);
  stretches = sm_atlas_list_stretches_for_zone (atlas, "piriformis");
  g_assert_cmpuint (g_list_model_get_n_items (stretches), ==, 1);
  none = sm_atlas_list_stretches_for_zone (atlas, "calf");
  g_assert_cmpuint (g_list_model_get_n_items (none), ==, 0);

  /* One sacrum, but a trochanter on each side. */
  landmarks = sm_atlas_dup_landmark_ids (atlas, "piriformis", "right");
  g_assert_cmpstrv (landmarks, ((const char *[]) { "landmark-sacrum", "landmark-greater-trochanter-right", NULL }));
  cautions = sm_atlas_dup_caution_ids (atlas, "piriformis", "left");
  g_assert_cmpstrv (cautions, ((const char *[]) { "caution-spine", NULL }));
}

/* The caution areas a person can click on the map: each of the four, on
 * either side, has its name and why not to press there from the content. */
static void
test_caution_areas (void)
{
  static const struct { const char *element, *id, *view, *title; } cases[] = {
    { "caution-spine", "spine", "back", "Spine: never press on the bony points" },
    { "caution-popliteal-fossa-left", "popliteal-fossa", "back", "Back of the knee: nerves and vessels" },
    { "caution-popliteal-fossa-right", "popliteal-fossa", "back", "Back of the knee: nerves and vessels" },
    { "caution-kidney-left", "kidney", "back", "Kidney area below the lowest ribs" },
    { "caution-femoral-triangle-right", "femoral-triangle", "front", "Femoral triangle: artery, vein and nerve" },
  };
  SmAtlas *atlas = sm_atlas_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SmCautionArea *area = sm_atlas_lookup_caution_area (atlas, cases[i].element);

      g_assert_nonnull (area);
      g_assert_cmpstr (sm_caution_area_get_id (area), ==, cases[i].id);
      g_assert_cmpstr (sm_caution_area_get_view (area), ==, cases[i].view);
      g_assert_cmpstr (sm_caution_area_get_title (area), ==, cases[i].title);
      g_assert_cmpuint (strlen (sm_caution_area_get_explanation (area)), >, 40);
    }

  g_assert_null (sm_atlas_lookup_caution_area (atlas, "caution-elbow"));
  g_assert_null (sm_atlas_lookup_caution_area (atlas, "zone-piriformis-left"));
}

static guint
count_results (SmAtlas    *atlas,
               const char *query)
{
  g_autoptr(GListModel) results = sm_atlas_search (atlas, query);

  return g_list_model_get_n_items (results);
}

/* Case, accents and punctuation do not matter; word starts do. */

/* A body word finds a muscle first: each zone's name and synonyms (in the
 * language shown) put a zone at the top of the results, never a technique
 * or a tool whose name only starts the same way. The first zone is one
 * that has the word. */
static void
test_body_words (void)
{
  sm_test_assert_body_words_find_zones ();
}

static void
test_search_folding (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_fixture ("valid.json", &error);
  g_autoptr(GListModel) results = NULL;
  g_autoptr(SmSearchResult) first = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (count_results (atlas, "gesass"), ==, 1);
  g_assert_cmpuint (count_results (atlas, "GESÄSS"), ==, 1);
  g_assert_cmpuint (count_results (atlas, "pression"), ==, 1);
  g_assert_cmpuint (count_results (atlas, "PIRI"), ==, 2);  /* the zone and the stretch */
  g_assert_cmpuint (count_results (atlas, "sust pres"), ==, 1);
  g_assert_cmpuint (count_results (atlas, "iformis"), ==, 0);
  g_assert_cmpuint (count_results (atlas, "tennis-ball"), ==, 1);
  g_assert_cmpuint (count_results (atlas, ""), ==, 0);
  g_assert_cmpuint (count_results (atlas, NULL), ==, 0);

  results = sm_atlas_search (atlas, "Gesäß");
  first = g_list_model_get_item (results, 0);
  g_assert_cmpstr (sm_search_result_get_kind (first), ==, "zone");
  g_assert_cmpstr (sm_search_result_get_id (first), ==, "piriformis");
  g_assert_cmpstr (sm_search_result_get_title (first), ==, "Piriformis");
  g_assert_true (SM_IS_ZONE (sm_search_result_get_item (first)));
}

typedef struct
{
  const char   *fixture;
  SmAtlasError  code;
  const char   *path;   /* JSON path the message must name */
} MalformedCase;

static const MalformedCase malformed_cases[] = {
  { "unknown-key.json", SM_ATLAS_ERROR_UNKNOWN_KEY, "zones[1].tools[0].colour" },
  { "missing-field.json", SM_ATLAS_ERROR_MISSING_FIELD, "zones[1].why" },
  { "wrong-type.json", SM_ATLAS_ERROR_WRONG_TYPE, "zones[1].hold-seconds" },
  { "duplicate-id.json", SM_ATLAS_ERROR_DUPLICATE_ID, "tools[1].id" },
  /* json-glib would silently keep the second one. */
  { "duplicate-key.json", SM_ATLAS_ERROR_DUPLICATE_KEY, "zones[1].name" },
  { "dangling-reference.json", SM_ATLAS_ERROR_DANGLING_REFERENCE, "zones[1].tools[0].tool" },
  { "unknown-svg-id.json", SM_ATLAS_ERROR_UNKNOWN_SVG_ID, "zones[0].landmarks[1]" },
  /* A zone must exist on both sides of its view's artwork. */
  { "unknown-zone.json", SM_ATLAS_ERROR_UNKNOWN_SVG_ID, "zones[1].id" },
  { "unknown-source.json", SM_ATLAS_ERROR_UNKNOWN_SOURCE, "techniques[0].sources[0]" },
};

static void
test_malformed (gconstpointer data)
{
  const MalformedCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_fixture (c->fixture, &error);

  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, (int) c->code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, c->fixture));
  g_assert_nonnull (strstr (error->message, c->path));
}

static void
test_not_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_string ("broken.json", "{\"zones\": [", &error);

  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: "));
}

static void
test_root_not_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_string ("list.json", "[1, 2]", &error);

  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_WRONG_TYPE);
  g_assert_true (g_str_has_prefix (error->message, "list.json: "));
}

/* 100 000 levels crash json-glib 1.6.6; the guard must refuse them first. */
static void
test_too_deep (void)
{
  const guint levels = 100000;
  g_autoptr(GString) text = g_string_new ("{\"zones\": [{\"tools\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = NULL;

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}]}");

  atlas = load_string ("deep.json", text->str, &error);
  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_TOO_DEEP);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "deep.json: zones[0].tools[0][0]"));
}

/* Brackets inside strings, escaped quotes and backslashes are text, not
 * nesting; a depth right at the limit is accepted by the guard. */
static void
test_depth_counts_structure_only (void)
{
  g_autoptr(GString) text = g_string_new ("{\"zones\": [], \"x\\\"[[\": \"[[[[[[[[[[[[[[[[[[[[\\\\\", \"y\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = NULL;

  for (guint i = 1; i < SM_ATLAS_MAX_DEPTH; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < SM_ATLAS_MAX_DEPTH; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}");

  /* Past the guard, the schema refuses the unknown key: proof the guard let it through. */
  atlas = load_string ("strings.json", text->str, &error);
  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_UNKNOWN_KEY);
}

static SmAtlas *
load_data (const char  *name,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);

  return sm_atlas_new_from_bytes ((GBytes *[]) { bytes, NULL }, (const char *[]) { name, NULL },
                                  NULL, NULL, error);
}

/* What json-glib reads but JSON does not. Each hid the nesting after it
 * from the guard, up to the second quote, and json-glib crashed (found by
 * tests/fuzz/fuzz-content). */
static void
test_hidden_nesting (void)
{
  static const struct {
    const char *before, *after, *problem;
  } cases[] = {
    { "{\"zones\": ['\"', ", ", '\"']}", "single quotes and comments are not allowed" },
    { "{\"zones\": /* \" */ ", " /* \" */}", "single quotes and comments are not allowed" },
    { "{\"zones\": [\"\\ud800\", \", ", "\"]}", "a bad escape in a string" },
    { "{\"zones\": [\"\\u12\", \", ", "\"]}", "a bad escape in a string" },
    { "{\"zones\": []} ", "", "more text after the end" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) text = g_string_new (cases[i].before);
      g_autoptr(GError) error = NULL;
      g_autoptr(SmAtlas) atlas = NULL;

      for (guint level = 0; level < 100000; level++)
        g_string_append_c (text, '[');
      for (guint level = 0; level < 100000; level++)
        g_string_append_c (text, ']');
      g_string_append (text, cases[i].after);

      atlas = load_data ("hidden.json", text->str, text->len, &error);
      g_assert_null (atlas);
      g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "hidden.json: "));
      g_assert_nonnull (strstr (error->message, cases[i].problem));
    }
}

/* Text that is not UTF-8 or escapes that are not JSON's are refused, with
 * a message that is UTF-8 itself: it ends up in a label. */
static void
test_bad_text (void)
{
  static const struct {
    const char *data;
    gssize      length;   /* -1: up to the NUL */
    const char *message;
  } cases[] = {
    { "{\"\xff\": 1, \"\xff\": 2}", -1, "bad.json: top level: not UTF-8 text (byte 3)" },
    { "{\"zones\": []}\0", 14, "bad.json: top level: not UTF-8 text (byte 14)" },
    { "{\"a\": \"\\udc00\\ud800\"}", -1, "bad.json: a: not valid JSON: a bad escape" },
    { "{\"a\": \"\\ud800\\n\"}", -1, "bad.json: a: not valid JSON: a bad escape" },
    { "{\"a\": \"\\x41\"}", -1, "bad.json: a: not valid JSON: a bad escape" },
    { "\"\\ud800\\u", -1, "bad.json: top level: not valid JSON: the text ends inside a string (byte 9)" },
    { "", 0, "bad.json: the file is empty" },
    /* json-glib would quote the bad string cut to 30 bytes, here inside
     * the "ä"; the raw scan now finds the stray token first. */
    { "{\"zones\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxä\"x}", -1,
      "bad.json: zones: not valid JSON: “x” is not a JSON number, true, false or null (byte 43)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length < 0 ? strlen (cases[i].data) : (gsize) cases[i].length;
      g_autoptr(SmAtlas) atlas = load_data ("bad.json", cases[i].data, length, &error);

      g_assert_null (atlas);
      g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE);
      g_test_message ("%s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

/* A byte order mark and escaped surrogate pairs are fine. */
static void
test_good_text (void)
{
  const char text[] = "\xef\xbb\xbf{\"zones\": [], \"\\ud83d\\ude00\": \"\\u00e4\\/\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = load_data ("good.json", text, strlen (text), &error);

  /* Past the scan and the parser, the schema refuses the key. */
  g_assert_null (atlas);
  g_assert_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_UNKNOWN_KEY);
  g_assert_cmpstr (error->message, ==, "good.json: \U0001F600: unknown key “\U0001F600”");
}

/* References may point into another file of the set. */
static const char stretch_only[] =
  "{\"stretches\": [{\"id\": \"other\", \"name\": \"Other\", \"summary\": \"S\","
  " \"steps\": [\"A\"], \"hold-seconds\": 20, \"cautions\": [\"C\"],"
  " \"zones\": [\"calf\"], \"pose\": \"hamstring-stretch\", \"picture\": \"P\","
  " \"sources\": [\"003_d22b414ee7ad2001.txt\"]}]}";

static void
test_across_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", "valid.json", NULL);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) stretches = g_bytes_new_static (stretch_only, strlen (stretch_only));
  g_autoptr(GBytes) rest = NULL;
  g_autoptr(SmAtlas) atlas = NULL;
  const char *names[] = { "stretch-only.json", "valid.json", NULL };

  g_assert_no_error (error);
  rest = g_mapped_file_get_bytes (file);
  atlas = sm_atlas_new_from_bytes ((GBytes *[]) { stretches, rest, NULL }, names, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_stretches (atlas)), ==, 2);
  g_assert_cmpstr (sm_stretch_get_zones (sm_atlas_lookup_stretch (atlas, "other"))[0], ==, "calf");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/atlas/valid", test_valid);
  g_test_add_func ("/sm/atlas/relations", test_relations);
  g_test_add_func ("/sm/atlas/caution-areas", test_caution_areas);
  g_test_add_func ("/sm/atlas/search-folding", test_search_folding);
  g_test_add_func ("/sm/atlas/body-words", test_body_words);
  for (guint i = 0; i < G_N_ELEMENTS (malformed_cases); i++)
    {
      g_autofree char *name = g_strdup (malformed_cases[i].fixture);
      g_autofree char *test_path = NULL;

      *strrchr (name, '.') = '\0';
      test_path = g_strdup_printf ("/sm/atlas/malformed/%s", name);
      g_test_add_data_func (test_path, &malformed_cases[i], test_malformed);
    }
  g_test_add_func ("/sm/atlas/not-json", test_not_json);
  g_test_add_func ("/sm/atlas/root-not-object", test_root_not_object);
  g_test_add_func ("/sm/atlas/too-deep", test_too_deep);
  g_test_add_func ("/sm/atlas/depth-counts-structure-only", test_depth_counts_structure_only);
  g_test_add_func ("/sm/atlas/hidden-nesting", test_hidden_nesting);
  g_test_add_func ("/sm/atlas/bad-text", test_bad_text);
  g_test_add_func ("/sm/atlas/good-text", test_good_text);
  g_test_add_func ("/sm/atlas/across-files", test_across_files);

  return g_test_run ();
}
