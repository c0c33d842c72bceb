/* test-sheet.c: the routine sheet, through the real binary's --export-pdf
 * with no display, checked with poppler's command-line tools.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "sm-anatomy.h"
#include "sm-pain-painter.h"
#include "sm-test-model.h"
#include "sm-routine-store.h"
#include "sm-sheet.h"

/* A folder of this test's own (G_TEST_OPTION_ISOLATE_DIRS makes the cache
 * folder private to each test case), unlike the shared /tmp. */
static const char *
scratch_dir (void)
{
  const char *dir = g_get_user_cache_dir ();

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* Runs a program; returns its exit status and its stdout with all
 * whitespace removed: pdftotext's word spacing depends on its heuristics
 * (it reads "Red flags" in a bold heading as "Redflags"), wrapped cells
 * break lines anywhere, and the words themselves are what matters. */
static int
run (const char * const  *argv,
     char               **out,
     char               **err)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  int status = -1;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL, &raw, err, &status, &error);
  g_assert_no_error (error);

  if (out != NULL)
    {
      g_auto(GStrv) words = g_regex_split_simple ("\\s+", raw, 0, 0);

      *out = g_strjoinv ("", words);
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static int
export (const char  *pdf,
        const char  *routine,
        const char  *paper,
        char       **err)
{
  const char *argv[8] = { g_getenv ("SM_BINARY"), "--export-pdf", pdf, NULL, };
  guint n = 3;

  if (routine != NULL)
    argv[n++] = "--routine", argv[n++] = routine;
  if (paper != NULL)
    argv[n++] = "--paper", argv[n++] = paper;

  return run (argv, NULL, err);
}

/* pdfinfo FILE, pdffonts FILE, pdfimages -list FILE, pdftotext -raw FILE - */
static char *
pdf_tool (const char *tool,
          const char *option,
          const char *pdf)
{
  const char *argv[5] = { tool, };
  g_autofree char *err = NULL;
  char *out = NULL;
  guint n = 1;

  if (option != NULL)
    argv[n++] = option;
  argv[n++] = pdf;
  if (g_str_equal (tool, "pdftotext"))
    argv[n++] = "-";

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  return out;
}

static char *
temp_path (const char *name)
{
  return g_build_filename (scratch_dir (), name, NULL);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The zone names of every step, as the atlas spells them. */
static void
assert_zone_names (const char *text,
                   SmRoutine  *routine)
{
  for (guint i = 0; i < sm_routine_get_n_steps (routine); i++)
    {
      const char *zone = sm_routine_step_get_zone (sm_routine_get_step (routine, i));
      sm_test_assert_text_contains (text, sm_zone_get_name (sm_atlas_lookup_zone (sm_atlas_get_default (), zone)));
    }
}

/* Fonts embedded, and no bitmap anywhere: the body is vector. */
static void
assert_vector_with_fonts (const char *pdf)
{
  g_autofree char *fonts = pdf_tool ("pdffonts", NULL, pdf);
  g_autofree char *images = pdf_tool ("pdfimages", "-list", pdf);
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *raw = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_fonts = 0;
  const char *rows;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &raw, NULL, NULL, NULL);
  lines = g_strsplit (raw, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (lines[i][0] == '\0')
        continue;
      /* name type encoding emb sub uni object ID: "emb" is the 4th from the end */
      columns = g_regex_split_simple ("\\s+", g_strstrip (lines[i]), 0, 0);
      g_assert_cmpstr (columns[g_strv_length (columns) - 5], ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
  g_assert_nonnull (fonts);

  /* Only the two header lines of the listing: names, then dashes. */
  sm_test_assert_text_contains (images, "page num type width height");
  rows = strstr (images, "ratio");
  g_assert_nonnull (rows);
  for (rows += strlen ("ratio"); *rows != '\0'; rows++)
    g_assert_cmpint (*rows, ==, '-');
}

static void
test_default_a4 (void)
{
  g_autofree char *pdf = temp_path ("default.pdf");
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  SmRoutine *routine = sm_routine_store_lookup (sm_routine_store_get_default (), "piriformis-relief");

  g_assert_cmpint (export (pdf, NULL, NULL, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");

  info = pdf_tool ("pdfinfo", NULL, pdf);
  sm_test_assert_text_contains (info, "Page size: 595.276 x 841.89 pts (A4)");
  sm_test_assert_text_contains (info, "Title: Piriformis relief");

  text = pdf_tool ("pdftotext", "-raw", pdf);
  sm_test_assert_text_contains (text, "Piriformis relief");
  sm_test_assert_text_contains (text, "Red flags — see a doctor now");
  sm_test_assert_text_contains (text, "Before: heat");
  sm_test_assert_text_contains (text, "After: stretches");
  sm_test_assert_text_contains (text, "Pain before (0–10)");
  sm_test_assert_text_contains (text, "Page 1 of 1");
  assert_zone_names (text, routine);
  assert_vector_with_fonts (pdf);
}

static void
test_letter (void)
{
  g_autofree char *pdf = temp_path ("letter.pdf");
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (export (pdf, "Front of the body — hip flexors and quads", "letter", &err), ==, 0);
  info = pdf_tool ("pdfinfo", NULL, pdf);
  sm_test_assert_text_contains (info, "Page size: 612 x 792 pts (letter)");
  text = pdf_tool ("pdftotext", "-raw", pdf);
  assert_zone_names (text, sm_routine_store_lookup (sm_routine_store_get_default (), "front-of-the-body"));
}

static SmRoutine *
long_routine (guint n_steps)
{
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());
  SmRoutine *routine = sm_routine_new ("Thirty steps");

  sm_routine_set_patient (routine, "Ada Lovelace");
  sm_routine_set_notes (routine, "Go gently on the left side this week.");
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i % g_list_model_get_n_items (zones));
      g_autoptr(SmRoutineStep) step = sm_routine_step_new (sm_zone_get_id (zone), i % 2 ? "left" : "right");
      g_autoptr(SmToolUse) use = g_list_model_get_item (sm_zone_get_tool_uses (zone), 0);

      g_object_set (step, "tool", sm_tool_use_get_tool_id (use),
                    "technique", sm_zone_get_techniques (zone)[0],
                    "note", i == 7 ? "Only if the back of the knee is comfortable" : "", NULL);
      sm_routine_append_step (routine, step);
    }

  return routine;
}

static void
test_long_routine_file (void)
{
  g_autofree char *pdf = temp_path ("long.pdf");
  g_autofree char *json = temp_path ("thirty.json");
  g_autoptr(SmRoutine) routine = long_routine (30);
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  int pages;

  g_assert_true (sm_routine_save_to_path (routine, json, NULL));
  g_assert_cmpint (export (pdf, json, "a4", &err), ==, 0);

  info = pdf_tool ("pdfinfo", NULL, pdf);
  g_assert_nonnull (strstr (info, "Pages:"));
  pages = atoi (strstr (info, "Pages:") + strlen ("Pages:"));
  g_assert_cmpint (pages, >, 1);

  text = pdf_tool ("pdftotext", "-raw", pdf);
  sm_test_assert_text_contains (text, "For: Ada Lovelace");
  sm_test_assert_text_contains (text, "Go gently on the left side this week.");
  sm_test_assert_text_contains (text, "Only if the back of the knee is comfortable");
  assert_zone_names (text, routine);
  /* Each page that continues the table repeats its header. */
  g_assert_cmpuint (count (text, "Muscleandside"), >=, 2);
  assert_vector_with_fonts (pdf);
}

/* Rows are never cut: on every page, each row ends above the footer. The
 * renderer flows the same way onto any surface, so count pages for growing
 * routines and check the page count only ever grows by whole rows. */
static void
test_pages_grow (void)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint previous = 1;

  for (guint n = 0; n <= 40; n += 4)
    {
      g_autoptr(SmRoutine) routine = long_routine (n);
      g_autoptr(SmSheet) sheet = sm_sheet_new (routine, sm_atlas_get_default ());
      guint pages = sm_sheet_get_n_pages (sheet, cr, 595.276, 841.89);

      g_assert_cmpuint (pages, >=, previous);
      g_assert_cmpuint (pages, <=, previous + 1);
      previous = pages;
    }
  g_assert_cmpuint (previous, >=, 3);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Whatever people type stays text (no markup) and cannot push the sheet
 * off the paper: long notes and names are cut, the steps still follow. */
static void
test_long_and_odd_text (void)
{
  g_autoptr(SmRoutine) routine = long_routine (4);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *json = g_build_filename (scratch_dir (), "odd.json", NULL);
  g_autofree char *pdf = g_build_filename (scratch_dir (), "odd.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (notes, "Very long notes. ");
  sm_routine_set_notes (routine, notes->str);
  sm_routine_set_patient (routine, "<b>Bobby</b> & \"Tables\"");
  sm_routine_step_set_note (sm_routine_get_step (routine, 0), notes->str);
  g_assert_true (sm_routine_save_to_path (routine, json, NULL));

  g_assert_cmpint (export (pdf, json, NULL, &err), ==, 0);
  info = pdf_tool ("pdfinfo", NULL, pdf);
  sm_test_assert_text_contains (info, "Pages: 2");
  text = pdf_tool ("pdftotext", "-raw", pdf);
  sm_test_assert_text_contains (text, "For: <b>Bobby</b> & \"Tables\"");
  assert_zone_names (text, routine);
}

/* The words of one page (pdftotext -f N -l N), whitespace removed. */
static char *
page_text (const char *pdf,
           int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, pdf, "-", NULL };
  g_autofree char *err = NULL;
  char *out = NULL;

  g_assert_cmpint (run (argv, &out, &err), ==, 0);
  return out;
}

static int
page_count (const char *pdf)
{
  g_autofree char *info = pdf_tool ("pdfinfo", NULL, pdf);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("Pages:"));
}

/* When to stop and the red flags are on the first page however long the
 * routine: the step table goes on over the page instead. A 5-step routine
 * used to put them, and the week, alone on page 2. */
static void
test_safety_on_page_one (void)
{
  const guint sizes[] = { 5, 8, 12, 30 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SmRoutine) routine = long_routine (sizes[i]);
      g_autofree char *json = temp_path ("safety.json");
      g_autofree char *pdf = temp_path ("safety.pdf");
      g_autofree char *err = NULL;
      g_autofree char *first = NULL;
      g_autofree char *last_step = g_strdup_printf ("%u", sizes[i]);
      int pages;

      g_test_message ("%u steps", sizes[i]);
      g_assert_true (sm_routine_save_to_path (routine, json, NULL));
      g_assert_cmpint (export (pdf, json, "a4", &err), ==, 0);
      pages = page_count (pdf);
      first = page_text (pdf, 1);
      sm_test_assert_text_contains (first, "Stoporeaseoffif…");
      sm_test_assert_text_contains (first, "Redflags—seeadoctornow");
      sm_test_assert_text_contains (first, "Thisweek");
      sm_test_assert_text_contains (first, "Yoursteps");
      for (int page = 2; page <= pages; page++)
        {
          g_autofree char *text = page_text (pdf, page);

          g_assert_null (strstr (text, "Redflags"));
          /* A page that continues the table starts with its header. */
          sm_test_assert_text_contains (text, "Muscleandside");
        }
      if (sizes[i] >= 12)
        g_assert_cmpint (pages, >, 1);
    }
}

static void
test_bad_file (void)
{
  g_autofree char *pdf = temp_path ("bad.pdf");
  g_autofree char *json = temp_path ("broken-routine.json");
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (json, "{\"format\": \"sciatica-map-routine\", \"version\": 1, "
                                      "\"name\": \"X\", \"steps\": [{\"zone\": 3, \"side\": \"left\", "
                                      "\"tool\": \"ball\", \"technique\": \"hold\", "
                                      "\"hold-seconds\": 30, \"repetitions\": 1}]}", -1, NULL));
  g_assert_cmpint (export (pdf, json, NULL, &err), !=, 0);
  g_assert_cmpstr (err, ==, "sciatica-map: broken-routine.json: steps[0].zone: must be a string\n");
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_bad_arguments (void)
{
  g_autofree char *pdf = temp_path ("none.pdf");
  g_autofree char *missing = temp_path ("no-such-routine.json");
  g_autofree char *err1 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *err4 = NULL;
  g_autofree char *unwritable = g_build_filename (scratch_dir (), "no-such-dir", "x.pdf", NULL);

  g_assert_cmpint (export (pdf, "Nonexistent routine", NULL, &err1), ==, 1);
  g_assert_cmpstr (err1, ==, "sciatica-map: There is no routine called “Nonexistent routine”\n");
  g_assert_cmpint (export (pdf, NULL, "a3", &err2), ==, 1);
  g_assert_cmpstr (err2, ==, "sciatica-map: Unknown paper size “a3”: use a4 or letter\n");
  g_assert_cmpint (export (pdf, missing, NULL, &err3), ==, 1);
  g_assert_true (g_str_has_prefix (err3, "sciatica-map: no-such-routine.json: "));
  g_assert_cmpint (count (err3, "\n"), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (export (unwritable, NULL, NULL, &err4), ==, 1);
  g_assert_nonnull (strstr (err4, "x.pdf"));
}

/* Page 1 at @dpi as RGB bytes, through pdftoppm's plain PPM output. */
static guint8 *
render_page (const char *pdf,
             int         dpi,
             int        *width,
             int        *height)
{
  g_autofree char *prefix = temp_path ("page");
  g_autofree char *ppm = g_strconcat (prefix, "-1.ppm", NULL);
  g_autofree char *resolution = g_strdup_printf ("%d", dpi);
  const char *argv[] = { "pdftoppm", "-r", resolution, "-f", "1", "-l", "1", pdf, prefix, NULL };
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char *data;
  int max;

  g_assert_cmpint (run (argv, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (ppm, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sscanf (contents, "P6 %d %d %d", width, height, &max), ==, 3);
  g_assert_cmpint (max, ==, 255);

  /* The header ends with the single whitespace after the third number. */
  data = contents;
  for (int fields = 0; fields < 4; fields++)
    {
      while (g_ascii_isspace (*data))
        data++;
      while (!g_ascii_isspace (*data))
        data++;
    }
  data++;
  g_assert_cmpuint (length - (data - contents), ==, (gsize) *width * *height * 3);
  return g_memdup2 (data, (gsize) *width * *height * 3);
}

static guint
count_colour (const guint8 *rgb,
              int           n_pixels,
              SmPainColor   colour)
{
  guint n = 0;

  for (int i = 0; i < n_pixels; i++)
    if (abs (rgb[3 * i] - (int) (colour.red * 255)) < 30 &&
        abs (rgb[3 * i + 1] - (int) (colour.green * 255)) < 30 &&
        abs (rgb[3 * i + 2] - (int) (colour.blue * 255)) < 30)
      n++;
  return n;
}

static SmRoutine *
pain_routine (gboolean with_stroke)
{
  SmRoutine *routine = sm_routine_new ("Where it hurts");
  g_autoptr(SmRoutineStep) step = sm_routine_step_new ("piriformis", "left");
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_BURNING, 7, "back");

  g_object_set (step, "tool", "ball", "technique", "hold", NULL);
  sm_routine_append_step (routine, step);
  for (guint i = 0; i <= 30; i++)
    sm_pain_stroke_add_point (stroke, 330, 820 + i * 12);
  if (with_stroke)
    sm_pain_drawing_add_stroke (sm_routine_get_pain_drawing (routine), stroke);
  else
    sm_pain_stroke_free (stroke);
  return routine;
}

/* A stroke drawn on the map is saved in the routine file and shows on the
 * printed sheet's body, in its colour, with a key that names it. */
static void
test_pain_drawing (void)
{
  const char *names[] = { "plain", "pain" };
  guint purple[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SmRoutine) routine = pain_routine (i == 1);
      g_autofree char *json_name = g_strconcat (names[i], ".json", NULL);
      g_autofree char *pdf_name = g_strconcat (names[i], ".pdf", NULL);
      g_autofree char *json = temp_path (json_name);
      g_autofree char *pdf = temp_path (pdf_name);
      g_autofree char *err = NULL;
      g_autofree char *text = NULL;
      g_autofree guint8 *rgb = NULL;
      int width, height;

      g_assert_true (sm_routine_save_to_path (routine, json, NULL));
      g_assert_cmpint (export (pdf, json, "a4", &err), ==, 0);
      text = pdf_tool ("pdftotext", "-raw", pdf);
      g_assert_cmpint (strstr (text, "Painmarked:") != NULL, ==, i == 1);
      if (i == 1)
        sm_test_assert_text_contains (text, "Burning or tingling, up to 7/10");
      assert_vector_with_fonts (pdf);

      rgb = render_page (pdf, 60, &width, &height);
      purple[i] = count_colour (rgb, width * height, sm_pain_kind_get_color (SM_PAIN_BURNING));
    }

  g_test_message ("burning-coloured pixels: %u without the stroke, %u with it", purple[0], purple[1]);
  g_assert_cmpuint (purple[0], <, 5);
  g_assert_cmpuint (purple[1], >, 40);
}

/* A pain drawing down the back of the thigh: the sheet lists the muscles
 * that may cause it next to the key, best first with a reason each (issue
 * 17). The Piriformis relief sheet, with such a drawing and without, still
 * fits one page of A4 and of Letter in English, and of A4 in German without
 * it. (In German, Letter and a drawing on A4 took two pages before the list
 * came, for the longer step rows: left to the sheet's layout.) */
static void
test_pain_suggestions (void)
{
  SmRoutine *relief = sm_routine_store_lookup (sm_routine_store_get_default (), "piriformis-relief");
  g_autoptr(SmRoutine) routine = sm_routine_duplicate (relief, "Piriformis relief");
  g_autoptr(SmRoutine) thigh = pain_routine (TRUE);
  g_autofree char *json = temp_path ("relief-pain.json");
  const char * const papers[] = { "a4", "letter" };
  const char * const languages[] = { "en", "de" };

  sm_pain_drawing_copy_from (sm_routine_get_pain_drawing (routine), sm_routine_get_pain_drawing (thigh));
  g_assert_true (sm_routine_save_to_path (routine, json, NULL));

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
      {
        g_autofree char *name = g_strdup_printf ("relief-pain-%s-%s.pdf", languages[l], papers[p]);
        g_autofree char *pdf = temp_path (name);
        const char *argv[] = { g_getenv (l == 0 ? "SM_BINARY" : "SM_UNINSTALLED_BINARY"), "--export-pdf",
                               pdf, "--routine", json, "--paper", papers[p], NULL };
        g_autofree char *err = NULL;
        g_autofree char *info = NULL;
        g_autofree char *text = NULL;

        const char *plain_argv[] = { argv[0], "--export-pdf", pdf, "--routine", "piriformis-relief",
                                     "--paper", papers[p], NULL };

        if (l == 1)
          g_setenv ("LANGUAGE", "de", TRUE);
        g_assert_cmpint (run (plain_argv, NULL, &err), ==, 0);
        info = pdf_tool ("pdfinfo", NULL, pdf);
        sm_test_assert_text_contains (info, l == 0 || p == 0 ? "Pages: 1" : "Pages:");
        g_clear_pointer (&info, g_free);
        g_clear_pointer (&err, g_free);
        g_assert_cmpint (run (argv, NULL, &err), ==, 0);
        g_unsetenv ("LANGUAGE");
        info = pdf_tool ("pdfinfo", NULL, pdf);
        sm_test_assert_text_contains (info, l == 0 ? "Pages: 1" : "Pages:");
        text = pdf_tool ("pdftotext", "-raw", pdf);
        g_test_message ("%s", text);
        if (l == 0)
          {
            sm_test_assert_text_contains (text, "Muscles that may cause this pain:");
            sm_test_assert_text_contains (text, "1. Hamstrings, left side (Back of the thigh and knee)");
            sm_test_assert_text_contains (text, "2. Gluteus minimus, left side (Outside or back of the leg");
          }
        else
          {
            sm_test_assert_text_contains (text, "Muskeln, die diesen Schmerz auslösen können:");
            sm_test_assert_text_contains (text, "Rückseite von Oberschenkel und Knie");
          }
      }
}

/* The sheet draws its body views through SmAnatomy, so its parses of the
 * artwork are counted: the first sheet in the process parses each view it
 * shows once (its figure, both looks, is one marked drawing), and no later
 * sheet of the routine, PDF or print, parses the artwork again. */
static void
test_parses_once (void)
{
  g_autoptr(SmRoutine) routine = pain_routine (TRUE);
  g_autoptr(SmRoutineStep) front = sm_routine_step_new ("psoas", "both");
  guint before, after_first = 0;

  sm_routine_append_step (routine, front);
  sm_anatomy_get_default ();
  before = sm_anatomy_get_parse_count ();
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SmSheet) sheet = sm_sheet_new (routine, sm_atlas_get_default ());
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double width, height;

      sm_sheet_paper_get_size (SM_SHEET_PAPER_A4, &width, &height);
      if (i == 1)
        sm_sheet_draw_page (sheet, cr, width, height, 0);
      else
        {
          pdf = sm_sheet_render_pdf (sheet, SM_SHEET_PAPER_A4, &error);
          g_assert_no_error (error);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      if (i == 0)
        after_first = sm_anatomy_get_parse_count ();
    }

  /* The back for the pain drawing, the front for the psoas. */
  g_assert_cmpuint (after_first - before, ==, 2);
  g_assert_cmpuint (sm_anatomy_get_parse_count (), ==, after_first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* First, before any other case has drawn a sheet in this process. */
  g_test_add_func ("/sm/sheet/parses-once", test_parses_once);
  g_test_add_func ("/sm/sheet/default-a4", test_default_a4);
  g_test_add_func ("/sm/sheet/letter", test_letter);
  g_test_add_func ("/sm/sheet/long-routine-file", test_long_routine_file);
  g_test_add_func ("/sm/sheet/pages-grow", test_pages_grow);
  g_test_add_func ("/sm/sheet/safety-on-page-one", test_safety_on_page_one);
  g_test_add_func ("/sm/sheet/long-and-odd-text", test_long_and_odd_text);
  g_test_add_func ("/sm/sheet/bad-file", test_bad_file);
  g_test_add_func ("/sm/sheet/bad-arguments", test_bad_arguments);
  g_test_add_func ("/sm/sheet/pain-drawing", test_pain_drawing);
  g_test_add_func ("/sm/sheet/pain-suggestions", test_pain_suggestions);

  return g_test_run ();
}
