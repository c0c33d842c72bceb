/* test-routine.c: the routine file format, the store and atomic saves.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sm-badge-layout.h"
#include "sm-file-write.h"
#include "sm-routine-session.h"
#include "sm-routine-store.h"

/* A folder of this test's own (G_TEST_OPTION_ISOLATE_DIRS makes the cache
 * folder private to each test case), unlike the shared /tmp. */
static const char *
scratch_dir (void)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static SmRoutine *
make_routine (guint n_steps)
{
  SmRoutine *routine = sm_routine_new ("Evening — Ada’s routine");

  sm_routine_set_patient (routine, "Ada Lovelace");
  sm_routine_set_notes (routine, "Heat pack first.\nStop if it tingles.");
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (i % 2 ? "piriformis" : "hamstrings",
                                                           i % 3 ? "left" : "both");

      g_object_set (step, "tool", "ball", "technique", "hold", "hold-seconds", 20 + i,
                    "repetitions", 1 + i % 3, "rest-seconds", i, "note", "slowly \"here\"",
                    NULL);
      sm_routine_append_step (routine, step);
    }

  return routine;
}

static void
assert_same_routine (SmRoutine *a,
                     SmRoutine *b)
{
  g_assert_cmpstr (sm_routine_get_name (a), ==, sm_routine_get_name (b));
  g_assert_cmpstr (sm_routine_get_patient (a), ==, sm_routine_get_patient (b));
  g_assert_cmpstr (sm_routine_get_notes (a), ==, sm_routine_get_notes (b));
  g_assert_true (g_date_time_equal (sm_routine_get_created (a), sm_routine_get_created (b)));
  g_assert_true (g_date_time_equal (sm_routine_get_modified (a), sm_routine_get_modified (b)));
  g_assert_cmpuint (sm_routine_get_n_steps (a), ==, sm_routine_get_n_steps (b));
  for (guint i = 0; i < sm_routine_get_n_steps (a); i++)
    g_assert_true (sm_routine_step_equal (sm_routine_get_step (a, i), sm_routine_get_step (b, i)));
}

static void
test_round_trip (void)
{
  g_autoptr(SmRoutine) routine = make_routine (4);
  g_autoptr(GBytes) bytes = sm_routine_to_bytes (routine);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) loaded = sm_routine_new_from_bytes (bytes, "ada.json", &error);
  g_autoptr(GBytes) again = NULL;

  g_assert_no_error (error);
  assert_same_routine (routine, loaded);
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (sm_routine_get_step (loaded, 3)), ==, 23);

  again = sm_routine_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
}

static void
test_builtins (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtins = sm_routine_load_builtins (&error);
  SmRoutine *first;

  g_assert_no_error (error);
  g_assert_cmpuint (builtins->len, ==, 3);
  first = g_ptr_array_index (builtins, 0);
  g_assert_cmpstr (sm_routine_get_id (first), ==, SM_ROUTINE_STORE_DEFAULT_ROUTINE);
  g_assert_cmpstr (sm_routine_get_name (first), ==, "Piriformis relief");
  g_assert_true (sm_routine_get_builtin (first));
  g_assert_cmpstr (sm_routine_get_name (g_ptr_array_index (builtins, 1)), ==, "Back of the body");
  g_assert_cmpstr (sm_routine_get_name (g_ptr_array_index (builtins, 2)), ==,
                   "Front of the body — hip flexors and quads");

  /* Every id they name exists in the bundled content; each has a plan. */
  for (guint i = 0; i < builtins->len; i++)
    {
      g_assert_cmpuint (sm_routine_get_sessions_per_week (g_ptr_array_index (builtins, i)), ==, 3);
      sm_routine_check_ids (g_ptr_array_index (builtins, i), sm_atlas_get_default (), "builtin", &error);
      g_assert_no_error (error);
    }

  /* The big muscle over it is loosened before the piriformis itself. */
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (first, 0)), ==, "gluteus-maximus");
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (first, 1)), ==, "piriformis");
}

#define HEAD "{\"format\": \"sciatica-map-routine\", \"version\": 1, \"name\": \"X\", "
#define HEAD3 "{\"format\": \"sciatica-map-routine\", \"version\": 3, \"name\": \"X\", \"steps\": [], "
#define HEAD2 "{\"format\": \"sciatica-map-routine\", \"version\": 2, \"name\": \"X\", \"steps\": [], "
#define STROKE(extra) "{\"kind\": \"numb\", \"intensity\": 3, \"view\": \"back\"" extra "}"
#define STEP(extra) "{\"zone\": \"piriformis\", \"side\": \"left\", \"tool\": \"ball\", " \
                    "\"technique\": \"hold\", \"hold-seconds\": 30, \"repetitions\": 2" extra "}"

static const struct {
  const char *json;
  int         code;
  const char *message;
} malformed[] = {
  { "", SM_ROUTINE_ERROR_PARSE, "bad.json: not valid JSON" },
  { "{\"format\": ", SM_ROUTINE_ERROR_PARSE, "bad.json: not valid JSON" },
  { "[1, 2]", SM_ROUTINE_ERROR_WRONG_TYPE, "bad.json: top level: a routine must be a JSON object" },
  { "{\"format\": \"something-else\", \"version\": 1}", SM_ROUTINE_ERROR_FORMAT,
    "bad.json: format: this is not a Sciatica Map routine" },
  { "{\"format\": 7}", SM_ROUTINE_ERROR_WRONG_TYPE, "bad.json: format: must be a string" },
  { HEAD "\"steps\": [" STEP(", \"hold-seconds\": 10") "]}", SM_ROUTINE_ERROR_DUPLICATE_KEY,
    "bad.json: steps[0].hold-seconds: the key “hold-seconds” is given twice" },
  { "{\"format\": \"sciatica-map-routine\", \"version\": 4}", SM_ROUTINE_ERROR_VERSION,
    "bad.json: version: version 4 was written by a newer Sciatica Map" },
  { "{\"format\": \"sciatica-map-routine\", \"version\": \"1\"}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: version: must be a whole number" },
  { HEAD "\"steps\": [], \"colour\": \"red\"}", SM_ROUTINE_ERROR_UNKNOWN_KEY,
    "bad.json: top level: unknown key “colour”" },
  { HEAD "\"patient\": \"P\"}", SM_ROUTINE_ERROR_MISSING_FIELD,
    "bad.json: top level: the required field “steps” is missing" },
  { HEAD "\"steps\": {}}", SM_ROUTINE_ERROR_WRONG_TYPE, "bad.json: steps: must be a list of steps" },
  { HEAD "\"steps\": [" STEP("") ", 3]}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: steps[1]: a step must be an object" },
  { HEAD "\"steps\": [" STEP(", \"speed\": 3") "]}", SM_ROUTINE_ERROR_UNKNOWN_KEY,
    "bad.json: steps[0]: unknown key “speed”" },
  { HEAD "\"steps\": [" STEP("") ", {\"zone\": \"calf\"}]}", SM_ROUTINE_ERROR_MISSING_FIELD,
    "bad.json: steps[1]: the required field “side” is missing" },
  { HEAD "\"steps\": [" STEP(", \"rest-seconds\": 601") "]}", SM_ROUTINE_ERROR_OUT_OF_RANGE,
    "bad.json: steps[0].rest-seconds: 601 is out of range (0 to 600)" },
  { HEAD "\"steps\": [" STEP(", \"rest-seconds\": -1") "]}", SM_ROUTINE_ERROR_OUT_OF_RANGE,
    "bad.json: steps[0].rest-seconds: -1 is out of range (0 to 600)" },
  { HEAD "\"steps\": [" STEP(", \"rest-seconds\": 2.5") "]}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: steps[0].rest-seconds: must be a whole number" },
  { HEAD "\"steps\": [" STEP(", \"note\": null") "]}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: steps[0].note: must be a string" },
  { HEAD "\"steps\": [" STEP(", \"note\": [\"a\"]") "]}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: steps[0].note: must be a string" },
  { HEAD "\"created\": \"yesterday\", \"steps\": []}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: created: “yesterday” is not a date and time" },
  { HEAD "\"steps\": [], \"pain\": []}", SM_ROUTINE_ERROR_UNKNOWN_KEY,
    "bad.json: pain: a pain drawing needs a version 2 file, this is version 1" },
  { HEAD2 "\"sessions-per-week\": 3}", SM_ROUTINE_ERROR_UNKNOWN_KEY,
    "bad.json: sessions-per-week: a plan of sessions a week needs a version 3 file, this is version 2" },
  { HEAD3 "\"sessions-per-week\": 22}", SM_ROUTINE_ERROR_OUT_OF_RANGE,
    "bad.json: sessions-per-week: 22 is out of range (0 to 21)" },
  { HEAD3 "\"sessions-per-week\": -1}", SM_ROUTINE_ERROR_OUT_OF_RANGE,
    "bad.json: sessions-per-week: -1 is out of range (0 to 21)" },
  { HEAD3 "\"sessions-per-week\": \"3\"}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: sessions-per-week: must be a whole number" },
  { HEAD3 "\"sessions-per-week\": 2.5}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: sessions-per-week: must be a whole number" },
  { HEAD2 "\"pain\": {}}", SM_ROUTINE_ERROR_WRONG_TYPE, "bad.json: pain: must be a list of strokes" },
  { HEAD2 "\"pain\": [" STROKE(", \"points\": [1, 2, 3]") "]}", SM_ROUTINE_ERROR_OUT_OF_RANGE,
    "bad.json: pain[0].points: must hold between 1 and" },
  { HEAD2 "\"pain\": [" STROKE(", \"points\": [1, 2]") ", " STROKE("") "]}",
    SM_ROUTINE_ERROR_MISSING_FIELD, "bad.json: pain[1]: the required field “points” is missing" },
  { HEAD2 "\"pain\": [" STROKE(", \"points\": [1, 2], \"pressure\": 1") "]}",
    SM_ROUTINE_ERROR_UNKNOWN_KEY, "bad.json: pain[0]: unknown key “pressure”" },
  { "{\"format\": \"sciatica-map-routine\", \"version\": 1, \"name\": \"  \", \"steps\": []}",
    SM_ROUTINE_ERROR_OUT_OF_RANGE, "bad.json: name: the name is empty" },
  /* Found by tests/fuzz/fuzz-routine: json-glib reads these differently
   * from the depth guard, or leaks on them. */
  { HEAD "\"steps\": [], \"notes\": 'x'}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: notes: not valid JSON: single quotes and comments are not allowed" },
  { HEAD "/* \" */ \"steps\": []}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: name: not valid JSON: single quotes and comments are not allowed" },
  { HEAD "\"steps\": [], \"notes\": \"\\u12\"}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: notes: not valid JSON: a bad escape in a string" },
  { HEAD "\"steps\": [], \"notes\": \"\\ud800\"}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: notes: not valid JSON: a bad escape in a string" },
  { HEAD "\"steps\": [], \"notes\": \"\\ud800\\u", SM_ROUTINE_ERROR_PARSE,
    "bad.json: notes: not valid JSON: the text ends inside a string" },
  { HEAD "\"steps\": []} {}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: top level: not valid JSON: more text after the end" },
  { HEAD "\"steps\": [], \"notes\": \"\xc3\"}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: top level: not UTF-8 text (byte 86)" },
  /* json-glib would quote the bad string cut to 30 bytes, here inside the
   * "ä"; the raw scan now finds the stray token first. */
  { HEAD "\"notes\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxä\"x}", SM_ROUTINE_ERROR_PARSE,
    "bad.json: notes: not valid JSON: “x” is not a JSON number, true, false or null (byte 104)" },
  { HEAD "\"created\": \"0001-01-01T00:00:00+05:00\", \"steps\": []}", SM_ROUTINE_ERROR_WRONG_TYPE,
    "bad.json: created: “0001-01-01T00:00:00+05:00” is not a date and time" },
};

static void
test_malformed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (malformed[i].json, strlen (malformed[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(SmRoutine) routine = sm_routine_new_from_bytes (bytes, "bad.json", &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (routine);
      g_assert_error (error, SM_ROUTINE_ERROR, malformed[i].code);
      g_assert_true (g_str_has_prefix (error->message, malformed[i].message));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
}

static SmPainStroke *
leg_stroke (void)
{
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_BURNING, 6, "back");

  for (guint i = 0; i <= 20; i++)
    sm_pain_stroke_add_point (stroke, 330 + i * 0.5, 800 + i * 15.25);
  return stroke;
}

static void
assert_same_pain (SmPainDrawing *a,
                  SmPainDrawing *b)
{
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (a), ==, sm_pain_drawing_get_n_strokes (b));
  for (guint i = 0; i < sm_pain_drawing_get_n_strokes (a); i++)
    {
      const SmPainStroke *sa = sm_pain_drawing_get_stroke (a, i);
      const SmPainStroke *sb = sm_pain_drawing_get_stroke (b, i);

      g_assert_cmpint (sa->kind, ==, sb->kind);
      g_assert_cmpuint (sa->intensity, ==, sb->intensity);
      g_assert_cmpstr (sa->view, ==, sb->view);
      g_assert_cmpuint (sa->points->len, ==, sb->points->len);
      for (guint p = 0; p < sa->points->len; p++)
        {
          g_assert_cmpfloat_with_epsilon (g_array_index (sa->points, SmPainPoint, p).u,
                                          g_array_index (sb->points, SmPainPoint, p).u, 0.051);
          g_assert_cmpfloat_with_epsilon (g_array_index (sa->points, SmPainPoint, p).v,
                                          g_array_index (sb->points, SmPainPoint, p).v, 0.051);
        }
    }
}

static void
count_changed (guint *count)
{
  (*count)++;
}

/* Version 2 keeps the pain drawing; a version 1 file still loads, and is
 * written back as version 2. */
/* Version 3 keeps the plan; a routine without one is still written as
 * version 2, for the app before. */
static void
test_plan (void)
{
  g_autoptr(SmRoutine) routine = make_routine (2);
  g_autoptr(SmRoutine) loaded = NULL;
  g_autoptr(SmRoutine) copy = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) none = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  none = sm_routine_to_bytes (routine);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (none, NULL), g_bytes_get_size (none), "\"version\" : 2"));
  g_assert_null (g_strstr_len (g_bytes_get_data (none, NULL), g_bytes_get_size (none), "sessions-per-week"));

  g_signal_connect_swapped (routine, "changed", G_CALLBACK (count_changed), &changes);
  sm_routine_set_sessions_per_week (routine, 4);
  g_assert_cmpuint (changes, ==, 1);
  sm_routine_set_sessions_per_week (routine, 4);
  g_assert_cmpuint (changes, ==, 1);
  bytes = sm_routine_to_bytes (routine);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"version\" : 3"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\"sessions-per-week\" : 4"));
  loaded = sm_routine_new_from_bytes (bytes, "plan.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_routine_get_sessions_per_week (loaded), ==, 4);
  copy = sm_routine_duplicate (loaded, "Copy");
  g_assert_cmpuint (sm_routine_get_sessions_per_week (copy), ==, 4);

  /* What a person sets is kept within the format's limit. */
  sm_routine_set_sessions_per_week (routine, 500);
  g_assert_cmpuint (sm_routine_get_sessions_per_week (routine), ==, SM_ROUTINE_MAX_PER_WEEK);
}

static void
test_pain_drawing (void)
{
  g_autoptr(SmRoutine) routine = make_routine (2);
  g_autoptr(SmRoutine) loaded = NULL;
  g_autoptr(SmRoutine) copy = NULL;
  g_autoptr(SmRoutine) old = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) v1 = g_bytes_new_static (HEAD "\"steps\": [" STEP("") "]}",
                                             strlen (HEAD "\"steps\": [" STEP("") "]}"));
  g_autoptr(GBytes) saved_v1 = NULL;
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect_swapped (routine, "changed", G_CALLBACK (count_changed), &changes);
  sm_pain_drawing_add_stroke (sm_routine_get_pain_drawing (routine), leg_stroke ());
  g_assert_cmpuint (changes, ==, 1);

  bytes = sm_routine_to_bytes (routine);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"version\" : 2"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"pain\""));
  loaded = sm_routine_new_from_bytes (bytes, "ada.json", &error);
  g_assert_no_error (error);
  assert_same_routine (routine, loaded);
  assert_same_pain (sm_routine_get_pain_drawing (routine), sm_routine_get_pain_drawing (loaded));

  copy = sm_routine_duplicate (routine, "Copy");
  assert_same_pain (sm_routine_get_pain_drawing (routine), sm_routine_get_pain_drawing (copy));

  old = sm_routine_new_from_bytes (v1, "old.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sm_routine_get_n_steps (old), ==, 1);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (old)), ==, 0);
  saved_v1 = sm_routine_to_bytes (old);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved_v1, NULL), g_bytes_get_size (saved_v1), "\"version\" : 2"));
  g_assert_null (g_strstr_len (g_bytes_get_data (saved_v1, NULL), g_bytes_get_size (saved_v1), "\"pain\""));
}

static void
test_side (void)
{
  const char *json = HEAD "\"steps\": [" STEP("") ", {\"zone\": \"calf\", \"side\": \"middle\", "
                     "\"tool\": \"ball\", \"technique\": \"hold\", \"hold-seconds\": 30, "
                     "\"repetitions\": 2}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) routine = sm_routine_new_from_bytes (bytes, "bad.json", &error);

  g_assert_null (routine);
  g_assert_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_OUT_OF_RANGE);
  g_assert_cmpstr (error->message, ==,
                   "bad.json: steps[1].side: “middle” is not a side (left, right or both)");
}

static void
test_unknown_ids (void)
{
  static const struct {
    const char *zone, *tool, *technique, *message;
  } cases[] = {
    { "kneecap", "ball", "hold", "r.json: steps[1].zone: there is no zone “kneecap”" },
    { "calf", "hammer", "hold", "r.json: steps[1].tool: there is no tool “hammer”" },
    { "calf", "ball", "pinching", "r.json: steps[1].technique: there is no technique “pinching”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SmRoutine) routine = make_routine (1);
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (cases[i].zone, "left");
      g_autoptr(GError) error = NULL;

      g_object_set (step, "tool", cases[i].tool, "technique", cases[i].technique, NULL);
      sm_routine_append_step (routine, step);
      g_assert_false (sm_routine_check_ids (routine, sm_atlas_get_default (), "r.json", &error));
      g_assert_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_UNKNOWN_ID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A new step takes what the content says of its zone: the first tool,
 * the first technique and the zone's hold; a zone the atlas does not know
 * keeps a step's defaults, and no side means both. */
static void
test_default_step (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  SmZone *zone = sm_atlas_lookup_zone (atlas, "piriformis");
  g_autoptr(SmToolUse) use = NULL;
  g_autoptr(SmRoutineStep) step = NULL;
  g_autoptr(SmRoutineStep) plain = sm_routine_step_new ("no-such-zone", "both");
  g_autoptr(SmRoutineStep) unknown = NULL;

  g_assert_nonnull (zone);
  g_assert_cmpuint (g_list_model_get_n_items (sm_zone_get_tool_uses (zone)), >, 0);
  use = g_list_model_get_item (sm_zone_get_tool_uses (zone), 0);

  step = sm_routine_step_new_default (atlas, "piriformis", "left");
  g_assert_cmpstr (sm_routine_step_get_zone (step), ==, "piriformis");
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "left");
  g_assert_cmpstr (sm_routine_step_get_tool (step), ==, sm_tool_use_get_tool_id (use));
  g_assert_cmpstr (sm_routine_step_get_technique (step), ==, sm_zone_get_techniques (zone)[0]);
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (step), ==,
                    CLAMP (sm_zone_get_hold_seconds (zone), SM_ROUTINE_STEP_HOLD_MIN,
                           SM_ROUTINE_STEP_HOLD_MAX));
  g_clear_object (&step);

  step = sm_routine_step_new_default (atlas, "piriformis", "");
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "both");
  g_clear_object (&step);
  step = sm_routine_step_new_default (atlas, "piriformis", NULL);
  g_assert_cmpstr (sm_routine_step_get_side (step), ==, "both");

  unknown = sm_routine_step_new_default (atlas, "no-such-zone", "right");
  sm_routine_step_set_side (plain, "right");
  g_assert_true (sm_routine_step_equal (unknown, plain));
}

/* What the map writes on the zones: every step number, per side. */
static void
test_step_labels (void)
{
  g_autoptr(SmRoutine) routine = make_routine (4);
  g_autoptr(GHashTable) labels = NULL;

  /* make_routine: hamstrings both, piriformis left, hamstrings left, piriformis both */
  labels = sm_badge_dup_step_labels (routine);
  g_assert_cmpuint (g_hash_table_size (labels), ==, 4);
  g_assert_cmpstr (g_hash_table_lookup (labels, "zone-hamstrings-left"), ==, "1, 3");
  g_assert_cmpstr (g_hash_table_lookup (labels, "zone-hamstrings-right"), ==, "1");
  g_assert_cmpstr (g_hash_table_lookup (labels, "zone-piriformis-left"), ==, "2, 4");
  g_assert_cmpstr (g_hash_table_lookup (labels, "zone-piriformis-right"), ==, "4");
}

/* "Start" plays a routine: every repetition a hold of its own, steps for
 * both sides starting on the person's side, the stretches last. */
static void
test_session (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) builtins = sm_routine_load_builtins (&error);
  SmRoutine *relief = g_ptr_array_index (builtins, 0);
  g_autoptr(SmSession) session = sm_routine_session_new (relief, sm_atlas_get_default (), "right", &error);
  g_autoptr(SmRoutine) empty = sm_routine_new ("Empty");
  g_autoptr(SmSession) none = NULL;
  static const char * const zones[] = {
    "gluteus-maximus", "piriformis", "piriformis", "piriformis", "gluteus-medius",
    "gluteus-medius", "hamstrings", NULL, NULL,
  };

  g_assert_no_error (error);
  g_assert_cmpuint (sm_session_get_n_steps (session), ==, G_N_ELEMENTS (zones));
  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      SmSessionStep *step = sm_session_get_step (session, i);

      g_assert_cmpstr (sm_session_step_get_zone (step), ==, zones[i]);
      g_assert_cmpstr (sm_session_step_get_side (step), ==, zones[i] != NULL ? "right" : NULL);
      /* Every round keeps the picture of its position (the tool use or
       * the stretch), as the guided session draws it. */
      g_assert_nonnull (sm_session_step_get_picture (step));
    }
  g_assert_cmpuint (sm_session_step_get_hold (sm_session_get_step (session, 1)), ==, 30);

  none = sm_routine_session_new (empty, sm_atlas_get_default (), "left", &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* json-glib 1.6.6 overflows its stack around here; we must answer first. */
static void
test_deep_nesting (void)
{
  gsize depth = 200000;
  g_autoptr(GString) json = g_string_new ("{\"steps\": ");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) routine = NULL;

  for (gsize i = 0; i < depth; i++)
    g_string_append_c (json, '[');
  bytes = g_bytes_new (json->str, json->len);
  routine = sm_routine_new_from_bytes (bytes, "deep.json", &error);

  g_assert_null (routine);
  g_assert_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_TOO_DEEP);
  g_assert_true (g_str_has_prefix (error->message, "deep.json: steps"));
  g_assert_nonnull (strstr (error->message, "nested deeper than 8 levels"));
}

/* Times are kept as they are saved, whole seconds in UTC, and years
 * before 1000 keep their four digits (found by tests/fuzz/fuzz-routine). */
static void
test_times (void)
{
  const char *json = HEAD "\"created\": \"0999-01-01T00:00:00Z\", "
                     "\"modified\": \"2026-01-31T18:00:00.75+01:00\", \"steps\": []}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) routine = sm_routine_new_from_bytes (bytes, "t.json", &error);
  g_autoptr(SmRoutine) reloaded = NULL;
  g_autofree char *modified = NULL;

  g_assert_no_error (error);
  modified = g_date_time_format_iso8601 (sm_routine_get_modified (routine));
  g_assert_cmpstr (modified, ==, "2026-01-31T17:00:00Z");

  saved = sm_routine_to_bytes (routine);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "\"created\" : \"0999-01-01T00:00:00Z\""));
  reloaded = sm_routine_new_from_bytes (saved, "t.json", &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (sm_routine_get_created (reloaded), sm_routine_get_created (routine)));
  g_assert_true (g_date_time_equal (sm_routine_get_modified (reloaded), sm_routine_get_modified (routine)));
}

/* Brackets inside strings are text, not nesting. */
static void
test_brackets_in_strings (void)
{
  g_autoptr(SmRoutine) routine = sm_routine_new ("[[[[[[[[[[{{{{{{{{{{\\\"[[[[[[[[");
  g_autoptr(GBytes) bytes = sm_routine_to_bytes (routine);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmRoutine) loaded = sm_routine_new_from_bytes (bytes, "b.json", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (sm_routine_get_name (loaded), ==, sm_routine_get_name (routine));
}

static char *
routines_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines", NULL);
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0755);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static gboolean
store_idle (gpointer data)
{
  return !sm_routine_store_is_saving (data);
}

static void
wait_for_saves (SmRoutineStore *store)
{
  while (!store_idle (store))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_store_bad_file (void)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *bad_path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.json", NULL);
  const char *bad = HEAD "\"steps\": [" STEP(", \"rest-seconds\": 9000") "]}";
  g_autoptr(SmRoutine) good = make_routine (2);
  g_autoptr(SmRoutineStore) store = NULL;
  g_autoptr(SmRoutine) extra = make_routine (1);
  g_autofree char *after = NULL;
  GPtrArray *errors;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (sm_routine_save_to_path (good, good_path, NULL));
  write_file (dir, "broken.json", bad);

  store = sm_routine_store_new (NULL, NULL);
  sm_routine_store_load (store);

  errors = sm_routine_store_get_load_errors (store);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (((GError *) errors->pdata[0])->message, ==,
                   "broken.json: steps[0].rest-seconds: 9000 is out of range (0 to 600)");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 4);
  g_assert_nonnull (sm_routine_store_lookup (store, "good"));
  g_assert_nonnull (sm_routine_store_lookup (store, "piriformis RELIEF"));

  /* Saving other routines never touches the broken one, nor takes its name. */
  sm_routine_set_name (extra, "broken");
  sm_routine_store_add (store, extra);
  wait_for_saves (store);
  g_assert_cmpstr (sm_routine_get_id (extra), ==, "broken-2");
  g_file_get_contents (bad_path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, bad);
}

static void
test_store_save_reload (void)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *path = g_build_filename (dir, "evening-ada-s-routine.json", NULL);
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, NULL);
  g_autoptr(SmRoutineStore) again = NULL;
  g_autoptr(SmRoutine) routine = make_routine (3);
  SmRoutine *loaded;

  sm_routine_store_load (store);
  sm_routine_store_add (store, routine);
  g_assert_cmpstr (sm_routine_get_id (routine), ==, "evening-ada-s-routine");
  wait_for_saves (store);

  /* An edit is saved on its own after a short pause. */
  sm_routine_step_set_hold_seconds (sm_routine_get_step (routine, 0), 45);
  sm_routine_move_step (routine, 0, 2);
  g_assert_true (sm_routine_store_is_saving (store));
  wait_for_saves (store);

  again = sm_routine_store_new (NULL, NULL);
  sm_routine_store_load (again);
  g_assert_cmpuint (sm_routine_store_get_load_errors (again)->len, ==, 0);
  loaded = sm_routine_store_lookup (again, "evening-ada-s-routine");
  g_assert_nonnull (loaded);
  assert_same_routine (routine, loaded);
  g_assert_cmpuint (sm_routine_step_get_hold_seconds (sm_routine_get_step (loaded, 2)), ==, 45);

  /* A stroke drawn on the map is saved with the routine like any edit. */
  sm_pain_drawing_add_stroke (sm_routine_get_pain_drawing (routine), leg_stroke ());
  g_assert_true (sm_routine_store_is_saving (store));
  wait_for_saves (store);
  g_clear_object (&again);
  again = sm_routine_store_new (NULL, NULL);
  sm_routine_store_load (again);
  loaded = sm_routine_store_lookup (again, "evening-ada-s-routine");
  g_assert_nonnull (loaded);
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (sm_routine_get_pain_drawing (loaded)), ==, 1);
  assert_same_pain (sm_routine_get_pain_drawing (routine), sm_routine_get_pain_drawing (loaded));

  /* A delete right after an edit: the pending save must not bring the file
   * back. */
  sm_routine_set_notes (routine, "changed just before the delete");
  sm_routine_store_save_async (store, routine, NULL, NULL, NULL);
  g_assert_true (sm_routine_store_remove (store, routine, NULL));
  wait_for_saves (store);
  g_assert_null (sm_routine_store_lookup (store, "evening-ada-s-routine"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (sm_routine_store_remove (again, loaded, NULL));
  g_assert_null (sm_routine_store_lookup (again, "evening-ada-s-routine"));
  sm_routine_store_load (store);
  g_assert_null (sm_routine_store_lookup (store, "evening-ada-s-routine"));
}

/* The child says it has started (one byte on @ready), then saves the two
 * versions in turn until it is killed. */
G_GNUC_NORETURN static void
save_forever (const char *path,
              GBytes     *a,
              GBytes     *b,
              int         ready)
{
  if (write (ready, "", 1) != 1)
    _exit (3);

  for (guint i = 0;; i++)
    if (!sm_routine_write_bytes (path, i % 2 ? a : b, NULL))
      _exit (2);
}

static gboolean
tmp_file_left (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  gboolean found = FALSE;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (sm_file_is_our_temp (name))
        {
          found = TRUE;
          g_unlink (path);
        }
    }

  return found;
}

/* How long one save takes here, in microseconds. */
static gint64
save_duration (const char *path,
               GBytes     *bytes)
{
  gint64 start = g_get_monotonic_time ();

  g_assert_true (sm_routine_write_bytes (path, bytes, NULL));
  return g_get_monotonic_time () - start;
}

static void
test_atomic_save (void)
{
  g_autofree char *dir = g_build_filename (scratch_dir (), "atomic", NULL);
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(SmRoutine) small = make_routine (2);
  g_autoptr(SmRoutine) big = make_routine (30);
  g_autoptr(GBytes) a = sm_routine_to_bytes (small);
  g_autoptr(GBytes) b = sm_routine_to_bytes (big);
  guint kills = 0, interrupted = 0, saw_b = 0;
  gint64 window;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* The kills must land before, during and after saves, also where a save
   * is much slower than usual (valgrind, a busy machine). */
  window = MAX (6000, 6 * save_duration (path, b));
  g_assert_true (sm_routine_write_bytes (path, a, NULL));

  for (kills = 0; kills < 200; kills++)
    {
      g_autoptr(GBytes) found = NULL;
      g_autoptr(SmRoutine) routine = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (path);
      int status, ready[2];
      char byte;
      pid_t pid;

      /* The kill is timed from the child's start, however slow a fork is
       * (under valgrind it can take longer than the whole window). */
      g_assert_cmpint (pipe (ready), ==, 0);
      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        save_forever (path, a, b, ready[1]);

      close (ready[1]);
      g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
      close (ready[0]);
      g_usleep (g_random_int_range (200, window));
      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));

      found = g_file_load_bytes (file, NULL, NULL, &error);
      g_assert_no_error (error);
      routine = sm_routine_new_from_bytes (found, "r.json", &error);
      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (found, a) || g_bytes_equal (found, b));
      saw_b += g_bytes_equal (found, b);
      interrupted += tmp_file_left (dir);
    }

  g_test_message ("%u kills, %u in the middle of a write, %u found the new version",
                  kills, interrupted, saw_b);
  /* Otherwise the kills all landed between saves and proved nothing. */
  g_assert_cmpuint (interrupted, >, 0);
  g_assert_cmpuint (saw_b, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/routine/round-trip", test_round_trip);
  g_test_add_func ("/sm/routine/builtins", test_builtins);
  g_test_add_func ("/sm/routine/malformed", test_malformed);
  g_test_add_func ("/sm/routine/pain-drawing", test_pain_drawing);
  g_test_add_func ("/sm/routine/plan", test_plan);
  g_test_add_func ("/sm/routine/side", test_side);
  g_test_add_func ("/sm/routine/unknown-ids", test_unknown_ids);
  g_test_add_func ("/sm/routine/step-labels", test_step_labels);
  g_test_add_func ("/sm/routine/default-step", test_default_step);
  g_test_add_func ("/sm/routine/session", test_session);
  g_test_add_func ("/sm/routine/deep-nesting", test_deep_nesting);
  g_test_add_func ("/sm/routine/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/sm/routine/times", test_times);
  g_test_add_func ("/sm/routine/store-bad-file", test_store_bad_file);
  g_test_add_func ("/sm/routine/store-save-reload", test_store_save_reload);
  g_test_add_func ("/sm/routine/atomic-save", test_atomic_save);

  return g_test_run ();
}
