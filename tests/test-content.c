/* test-content.c: completeness of the bundled knowledge base
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <librsvg/rsvg.h>
#include <string.h>

#include "sm-atlas.h"
#include "sm-content-schema.h"
#include "sm-test-model.h"

/* The zone contract of HACKING.md: id, view, layer. */
static const struct
{
  const char *id;
  const char *view;
  const char *layer;
} map_zones[] = {
  { "piriformis", "back", "deep" },
  { "gluteus-maximus", "back", "superficial" },
  { "gluteus-medius", "back", "superficial" },
  { "gluteus-minimus", "back", "deep" },
  { "erector-spinae", "back", "superficial" },
  { "quadratus-lumborum", "back", "deep" },
  { "sacral-border", "back", "superficial" },
  { "hamstrings", "back", "superficial" },
  { "calf", "back", "superficial" },
  { "psoas", "front", "deep" },
  { "iliacus", "front", "deep" },
  { "quadriceps", "front", "superficial" },
};

static void
assert_text (const char *text,
             const char *what)
{
  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    g_error ("%s is empty", what);
}

static void
assert_texts (const char * const *texts,
              const char         *what)
{
  if (texts == NULL || texts[0] == NULL)
    g_error ("%s has no entries", what);
  for (guint i = 0; texts[i] != NULL; i++)
    assert_text (texts[i], what);
}

static void
assert_sources (const char * const *sources,
                const char         *what)
{
  assert_texts (sources, what);
  for (guint i = 0; sources[i] != NULL; i++)
    g_assert_true (g_strv_contains (sm_atlas_get_seed_names (), sources[i]));
}

static void
test_map_zones (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();

  g_assert_cmpuint (g_list_model_get_n_items (sm_atlas_get_zones (atlas)), ==, G_N_ELEMENTS (map_zones));
  for (guint i = 0; i < G_N_ELEMENTS (map_zones); i++)
    {
      SmZone *zone = sm_atlas_lookup_zone (atlas, map_zones[i].id);

      g_assert_nonnull (zone);
      g_assert_cmpstr (sm_zone_get_view (zone), ==, map_zones[i].view);
      g_assert_cmpstr (sm_zone_get_layer (zone), ==, map_zones[i].layer);
      g_assert_true (sm_zone_get_two_sided (zone));
    }
}

static void
assert_tool_uses (SmAtlas *atlas,
                  SmZone  *zone)
{
  GListModel *uses = sm_zone_get_tool_uses (zone);

  g_assert_cmpuint (g_list_model_get_n_items (uses), >=, 1);
  for (guint i = 0; i < g_list_model_get_n_items (uses); i++)
    {
      g_autoptr(SmToolUse) use = g_list_model_get_item (uses, i);
      g_auto(GStrv) steps = sm_tool_use_dup_steps (use);

      g_assert_nonnull (sm_atlas_lookup_tool (atlas, sm_tool_use_get_tool_id (use)));
      g_assert_cmpuint (g_strv_length (steps), ==, 4);
      assert_texts ((const char * const *) steps, "tool steps");
    }
}

static void
assert_zone_complete (SmAtlas *atlas,
                      SmZone  *zone)
{
  const char * const *techniques = sm_zone_get_techniques (zone);

  g_test_message ("zone %s", sm_zone_get_id (zone));
  assert_text (sm_zone_get_name (zone), "name");
  assert_text (sm_zone_get_summary (zone), "summary");
  assert_text (sm_zone_get_where (zone), "where");
  assert_text (sm_zone_get_why (zone), "why");
  assert_texts (sm_zone_get_find (zone), "find");
  assert_text (sm_zone_get_presenter (zone), "presenter");
  assert_text (sm_zone_get_pressure (zone), "pressure");
  assert_texts (sm_zone_get_cautions (zone), "cautions");
  assert_texts (sm_zone_get_synonyms (zone), "synonyms");
  assert_sources (sm_zone_get_sources (zone), "sources");

  /* The seeds give holds of 10–20 s and 30 s. */
  g_assert_cmpuint (sm_zone_get_hold_seconds (zone), >=, 10);
  g_assert_cmpuint (sm_zone_get_hold_seconds (zone), <=, 30);

  g_assert_nonnull (techniques[0]);
  for (guint i = 0; techniques[i] != NULL; i++)
    g_assert_nonnull (sm_atlas_lookup_technique (atlas, techniques[i]));

  assert_tool_uses (atlas, zone);
}

static void
test_zones_complete (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *zones = sm_atlas_get_zones (atlas);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);

      assert_zone_complete (atlas, zone);
    }
}

static void
test_techniques_complete (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *techniques = sm_atlas_get_techniques (atlas);
  const char *required[] = { "trigger-point", "deep-tissue", "myofascial-release", "swedish",
                             "neuromuscular", "cupping", "hold", "slow-rolling",
                             "circular-pressure", "broad-strokes" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (sm_atlas_lookup_technique (atlas, required[i]));

  for (guint i = 0; i < g_list_model_get_n_items (techniques); i++)
    {
      g_autoptr(SmTechnique) technique = g_list_model_get_item (techniques, i);
      g_autoptr(GListModel) zones = sm_atlas_list_zones_for_technique (atlas, sm_technique_get_id (technique));

      g_test_message ("technique %s", sm_technique_get_id (technique));
      assert_text (sm_technique_get_summary (technique), "summary");
      assert_text (sm_technique_get_effect (technique), "effect");
      assert_text (sm_technique_get_feel (technique), "feel");
      assert_text (sm_technique_get_who_text (technique), "who-text");
      assert_sources (sm_technique_get_sources (technique), "sources");
      /* Self-massage actions must say how; therapist work is described, not taught. */
      if (g_str_equal (sm_technique_get_who (technique), "self"))
        assert_texts (sm_technique_get_steps (technique), "steps");
      g_assert_cmpuint (g_list_model_get_n_items (zones), >=, 1);
    }

  g_assert_cmpstr (sm_technique_get_who (sm_atlas_lookup_technique (atlas, "cupping")), ==, "therapist");
  g_assert_true (sm_technique_get_optional (sm_atlas_lookup_technique (atlas, "cupping")));
}

static void
assert_illustration (SmTool *tool)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (sm_tool_get_illustration_resource (tool),
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  RsvgHandle *handle;  /* librsvg 2.54 has no g_autoptr for it */
  gdouble width, height;

  g_assert_no_error (error);
  handle = rsvg_handle_new_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  g_assert_true (rsvg_handle_get_intrinsic_size_in_pixels (handle, &width, &height));
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (height, >, 0);
  g_object_unref (handle);
}

static void
test_tools_complete (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *tools = sm_atlas_get_tools (atlas);
  const char *required[] = { "ball", "foam-roller", "massage-stick", "hands", "psoas-tool" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (sm_atlas_lookup_tool (atlas, required[i]));

  for (guint i = 0; i < g_list_model_get_n_items (tools); i++)
    {
      g_autoptr(SmTool) tool = g_list_model_get_item (tools, i);
      g_autoptr(GListModel) zones = sm_atlas_list_zones_for_tool (atlas, sm_tool_get_id (tool));

      g_test_message ("tool %s", sm_tool_get_id (tool));
      assert_text (sm_tool_get_summary (tool), "summary");
      assert_texts (sm_tool_get_good_for (tool), "good-for");
      assert_texts (sm_tool_get_steps (tool), "steps");
      assert_texts (sm_tool_get_avoid (tool), "avoid");
      assert_sources (sm_tool_get_sources (tool), "sources");
      /* Step-by-step use for each zone it suits. */
      g_assert_cmpuint (g_list_model_get_n_items (zones), >=, 1);
      assert_illustration (tool);
    }
}

static void
test_stretches_and_safety (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  const char *required[] = { "piriformis-stretch", "hamstring-stretch", "hip-flexor-stretch" };
  SmSafety *safety = sm_atlas_get_safety (atlas);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      SmStretch *stretch = sm_atlas_lookup_stretch (atlas, required[i]);
      const char * const *zones;

      g_assert_nonnull (stretch);
      assert_texts (sm_stretch_get_steps (stretch), "steps");
      assert_texts (sm_stretch_get_cautions (stretch), "cautions");
      assert_sources (sm_stretch_get_sources (stretch), "sources");
      g_assert_cmpuint (sm_stretch_get_hold_seconds (stretch), >, 0);
      zones = sm_stretch_get_zones (stretch);
      for (guint z = 0; zones[z] != NULL; z++)
        g_assert_nonnull (sm_atlas_lookup_zone (atlas, zones[z]));
    }

  g_assert_nonnull (safety);
  assert_text (sm_safety_get_disclaimer (safety), "disclaimer");
  assert_text (sm_safety_get_professional (safety), "professional");
  assert_texts (sm_safety_get_avoid_when (safety), "avoid-when");
  assert_texts (sm_safety_get_stop_rules (safety), "stop-rules");
  /* Bladder/bowel, saddle numbness, weakness, fever, severe pain, both legs. */
  assert_texts (sm_safety_get_red_flags (safety), "red-flags");
  g_assert_cmpuint (g_strv_length ((char **) sm_safety_get_red_flags (safety)), >=, 6);
  assert_text (sm_safety_get_heat_summary (safety), "heat-summary");
  assert_texts (sm_safety_get_heat_steps (safety), "heat-steps");
  assert_text (sm_safety_get_stretch_summary (safety), "stretch-summary");
  assert_sources (sm_safety_get_sources (safety), "sources");
}

static void
collect_sources (GHashTable         *cited,
                 const char * const *sources)
{
  for (guint i = 0; sources[i] != NULL; i++)
    g_hash_table_add (cited, (gpointer) sources[i]);
}

static void
collect_model_sources (GHashTable *cited,
                       GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_auto(GStrv) sources = NULL;

      g_object_get (item, "sources", &sources, NULL);
      for (guint s = 0; sources[s] != NULL; s++)
        g_hash_table_add (cited, (gpointer) g_intern_string (sources[s]));
    }
}

static void
test_every_seed_cited (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *seeds = sm_atlas_get_seed_names ();

  collect_model_sources (cited, sm_atlas_get_zones (atlas));
  collect_model_sources (cited, sm_atlas_get_techniques (atlas));
  collect_model_sources (cited, sm_atlas_get_tools (atlas));
  collect_model_sources (cited, sm_atlas_get_stretches (atlas));
  collect_sources (cited, sm_safety_get_sources (sm_atlas_get_safety (atlas)));

  g_assert_cmpuint (g_strv_length ((char **) seeds), ==, 5);
  for (guint i = 0; seeds[i] != NULL; i++)
    if (!g_hash_table_contains (cited, seeds[i]))
      g_error ("seed %s is never cited", seeds[i]);
}

/* Zone ids of a view's artwork, without the zone- prefix and side. */
static GHashTable *
artwork_zones (const char *view)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmSvgIndex) index = sm_svg_index_new_from_resource (path, &error);
  g_autoptr(GPtrArray) ids = NULL;
  GHashTable *zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  ids = sm_svg_index_list_ids (index, "zone-");
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *side = strrchr (id, '-');

      g_assert_true (g_str_equal (side, "-left") || g_str_equal (side, "-right"));
      g_hash_table_add (zones, g_strndup (id + strlen ("zone-"), side - id - strlen ("zone-")));
    }

  return zones;
}

static void
test_artwork_matches (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *zones = sm_atlas_get_zones (atlas);
  g_autoptr(GHashTable) back = artwork_zones ("back");
  g_autoptr(GHashTable) front = artwork_zones ("front");
  GHashTableIter iter;
  const char *id;

  /* Content → artwork, in the zone's own view. */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      GHashTable *view = g_str_equal (sm_zone_get_view (zone), "back") ? back : front;

      g_assert_true (g_hash_table_contains (view, sm_zone_get_id (zone)));
    }

  /* Artwork → content. */
  g_hash_table_iter_init (&iter, back);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_assert_cmpstr (sm_zone_get_view (sm_atlas_lookup_zone (atlas, id)), ==, "back");
  g_hash_table_iter_init (&iter, front);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    g_assert_cmpstr (sm_zone_get_view (sm_atlas_lookup_zone (atlas, id)), ==, "front");
}

static void
test_landmark_ids (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  g_auto(GStrv) landmarks = sm_atlas_dup_landmark_ids (atlas, "piriformis", "left");
  g_auto(GStrv) cautions = sm_atlas_dup_caution_ids (atlas, "calf", "right");
  g_auto(GStrv) front = sm_atlas_dup_landmark_ids (atlas, "quadriceps", "right");

  g_assert_cmpstrv (landmarks, ((const char *[]) { "landmark-sacrum", "landmark-greater-trochanter-left", NULL }));
  g_assert_cmpstrv (cautions, ((const char *[]) { "caution-popliteal-fossa-right", NULL }));
  g_assert_cmpstrv (front, ((const char *[]) { "landmark-asis-right", "landmark-greater-trochanter-front-right", NULL }));
}

static const char *
first_id (GListModel *results)
{
  g_autoptr(SmSearchResult) first = g_list_model_get_item (results, 0);

  g_assert_nonnull (first);
  return g_intern_string (sm_search_result_get_id (first));
}

static void
test_search_synonyms (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();

  for (guint i = 0; sm_test_search_cases[i].query != NULL; i++)
    {
      g_autoptr(GListModel) results = sm_atlas_search (atlas, sm_test_search_cases[i].query);

      if (!sm_test_results_contain (results, sm_test_search_cases[i].kind, sm_test_search_cases[i].id))
        g_error ("“%s” does not find the %s %s", sm_test_search_cases[i].query,
                 sm_test_search_cases[i].kind, sm_test_search_cases[i].id);
    }
}

static void
test_search_ranking (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  g_autoptr(GListModel) ql = sm_atlas_search (atlas, "ql");
  g_autoptr(GListModel) psoas = sm_atlas_search (atlas, "  PSÓAS ");
  g_autoptr(GListModel) ball = sm_atlas_search (atlas, "Ball");
  g_autoptr(GListModel) lower_back = sm_atlas_search (atlas, "lower back");
  g_autoptr(GListModel) nothing = sm_atlas_search (atlas, "zzzz");
  g_autoptr(GListModel) empty = sm_atlas_search (atlas, " - ");
  g_autoptr(SmSearchResult) first = NULL;

  /* Name matches come before synonym matches. */
  g_assert_cmpstr (first_id (ql), ==, "quadratus-lumborum");
  g_assert_cmpstr (first_id (psoas), ==, "psoas");
  g_assert_cmpstr (first_id (ball), ==, "ball");
  g_assert_cmpstr (first_id (lower_back), ==, "erector-spinae");
  /* Words match only at the start of a word. "lower back" names a region
   * of the map: the muscles that send pain there come first, the calf
   * ("back of lower leg") far below them if at all. */
  for (guint i = 0; i < 3 && i < g_list_model_get_n_items (lower_back); i++)
    {
      g_autoptr(SmSearchResult) hit = g_list_model_get_item (lower_back, i);

      g_assert_cmpstr (sm_search_result_get_id (hit), !=, "calf");
    }
  g_assert_false (sm_test_results_contain (ball, "zone", "piriformis"));
  g_assert_cmpuint (g_list_model_get_n_items (nothing), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (empty), ==, 0);

  first = g_list_model_get_item (ql, 0);
  g_assert_cmpstr (sm_search_result_get_kind (first), ==, "zone");
  g_assert_cmpstr (sm_search_result_get_title (first), ==, "Quadratus lumborum (QL)");
  g_assert_cmpstr (sm_search_result_get_subtitle (first), ==,
                   sm_zone_get_summary (sm_atlas_lookup_zone (atlas, "quadratus-lumborum")));
  g_assert_true (sm_search_result_get_item (first) == G_OBJECT (sm_atlas_lookup_zone (atlas, "quadratus-lumborum")));
}

static int
compare_names (const char * const *a,
               const char * const *b,
               gpointer            user_data)
{
  return strcmp (*a, *b);
}

static void
append_c_string (GString    *out,
                 const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

typedef struct
{
  GString    *out;
  const char *file;
} StringsFile;

static void
append_msgid (const char *path,
              const char *msgid,
              gpointer    user_data)
{
  StringsFile *strings = user_data;

  g_string_append_printf (strings->out, "  /* %s: %s */\n  N_(", strings->file, path);
  append_c_string (strings->out, msgid);
  g_string_append (strings->out, "),\n");
}

static void
append_file_strings (GString    *out,
                     const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_BASE "/content/", name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  StringsFile strings = { out, name };

  g_assert_nonnull (bytes);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  sm_content_foreach_text (json_parser_get_root (parser), append_msgid, &strings);
}

/* The .pot gets the content's text through a C file of N_() strings that
 * only xgettext reads. It is generated from the bundled JSON, checked in,
 * and this test fails when it is stale. Regenerate with
 *   meson compile -C _build update-content-strings */
static char *
generate_strings_file (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE "/content/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GString *out = g_string_new ("/* Translatable text of data/content/*.json, for xgettext only: this file\n"
                               " * is not compiled. Generated by tests/test-content.c; do not edit.\n"
                               " * Regenerate: meson compile -C _build update-content-strings */\n\n"
                               "#define N_(String) (String)\n\n"
                               "static const char * const content_strings[] = {\n");

  g_assert_nonnull (names);
  g_qsort_with_data (names, g_strv_length (names), sizeof (char *), (GCompareDataFunc) compare_names, NULL);
  for (guint i = 0; names[i] != NULL; i++)
    append_file_strings (out, names[i]);
  g_string_append (out, "};\n");

  return g_string_free (out, FALSE);
}

static void
test_translatable_strings (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SM_SOURCE_ROOT"), "data", "content",
                                            "translatable-strings.c", NULL);
  g_autofree char *expected = generate_strings_file ();
  g_autofree char *actual = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("SM_UPDATE_CONTENT_STRINGS") != NULL)
    {
      g_file_set_contents (path, expected, -1, &error);
      g_assert_no_error (error);
    }

  g_file_get_contents (path, &actual, NULL, &error);
  g_assert_no_error (error);
  if (!g_str_equal (actual, expected))
    g_error ("%s is stale: run meson compile -C _build update-content-strings", path);

  /* Every zone name is in there, so the .pot sees it. */
  g_assert_nonnull (strstr (actual, "N_(\"Quadratus lumborum (QL)\")"));
}

static void
assert_same_ids (GListModel *trusted,
                 GListModel *checked)
{
  g_assert_cmpuint (g_list_model_get_n_items (trusted), ==, g_list_model_get_n_items (checked));
  g_assert_cmpuint (g_list_model_get_n_items (trusted), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (trusted); i++)
    {
      g_autoptr(GObject) a = g_list_model_get_item (trusted, i);
      g_autoptr(GObject) b = g_list_model_get_item (checked, i);
      g_autofree char *id_a = NULL;
      g_autofree char *id_b = NULL;

      g_object_get (a, "id", &id_a, NULL);
      g_object_get (b, "id", &id_b, NULL);
      g_assert_nonnull (id_a);
      g_assert_cmpstr (id_a, ==, id_b);
    }
}

/* The programs load the bundled content without the checks, which the
 * build made (sm-check-content): here both ways, for the same atlas. */
static void
test_bundled_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) checked = sm_atlas_new_bundled_checked (&error);
  SmAtlas *trusted = sm_atlas_get_default ();

  g_assert_no_error (error);
  g_assert_nonnull (checked);
  assert_same_ids (sm_atlas_get_zones (trusted), sm_atlas_get_zones (checked));
  assert_same_ids (sm_atlas_get_techniques (trusted), sm_atlas_get_techniques (checked));
  assert_same_ids (sm_atlas_get_tools (trusted), sm_atlas_get_tools (checked));
  assert_same_ids (sm_atlas_get_stretches (trusted), sm_atlas_get_stretches (checked));
  assert_same_ids (sm_atlas_get_regions (trusted), sm_atlas_get_regions (checked));
  g_assert_nonnull (sm_atlas_get_safety (trusted));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/content/bundled-checked", test_bundled_checked);
  g_test_add_func ("/sm/content/map-zones", test_map_zones);
  g_test_add_func ("/sm/content/zones-complete", test_zones_complete);
  g_test_add_func ("/sm/content/techniques-complete", test_techniques_complete);
  g_test_add_func ("/sm/content/tools-complete", test_tools_complete);
  g_test_add_func ("/sm/content/stretches-and-safety", test_stretches_and_safety);
  g_test_add_func ("/sm/content/every-seed-cited", test_every_seed_cited);
  g_test_add_func ("/sm/content/artwork-matches", test_artwork_matches);
  g_test_add_func ("/sm/content/landmark-ids", test_landmark_ids);
  g_test_add_func ("/sm/content/search-synonyms", test_search_synonyms);
  g_test_add_func ("/sm/content/search-ranking", test_search_ranking);
  g_test_add_func ("/sm/content/translatable-strings", test_translatable_strings);

  return g_test_run ();
}
