/* test-referral.c: pain drawn on a region of the body, or named in plain
 * words, finds the muscles that send pain there (issue 17). The painted
 * areas come from the artwork's region elements, not from coordinates
 * typed here, and every case runs on both sides.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-referral-rank.h"
#include "sm-test-model.h"

/* Grid step of the scribble, SVG units: finer than a stroke's band. */
#define STEP 8.0

typedef struct
{
  const char *regions;   /* region ids, space-separated */
  const char *want;      /* zone ids, space-separated */
  guint       within;    /* all of @want among the first @within; 0: any one of @want first */
} RankCase;

static const RankCase rank_cases[] = {
  { "outer-calf", "gluteus-minimus", 1 },
  { "back-of-thigh", "piriformis hamstrings gluteus-minimus", 3 },
  { "front-of-knee", "quadriceps", 1 },
  { "heel", "calf", 1 },
  { "beside-spine", "erector-spinae quadratus-lumborum psoas", 0 },
  { "beside-spine", "erector-spinae psoas", 3 },
  { "buttock", "gluteus-maximus gluteus-medius piriformis quadratus-lumborum", 4 },
  { "side-of-hip", "quadratus-lumborum gluteus-medius gluteus-minimus", 0 },
  { "groin front-of-thigh", "psoas iliacus", 2 },
};

/* Rows of points inside the element's mask, each row one stroke: a
 * patient colouring the area in. */
static void
scribble_element (SmPainDrawing *drawing,
                  SmAnatomy     *anatomy,
                  const char    *view,
                  const char    *element_id)
{
  double vw, vh;
  cairo_surface_t *mask;
  cairo_rectangle_t viewport;
  g_autoptr(GError) error = NULL;
  const guint8 *data;
  int stride;
  cairo_t *cr;

  if (!sm_svg_index_has_id (sm_anatomy_get_index (anatomy, view), element_id))
    return;
  sm_anatomy_get_size (anatomy, view, &vw, &vh);
  viewport = (cairo_rectangle_t) { 0, 0, vw, vh };
  mask = cairo_image_surface_create (CAIRO_FORMAT_A8, (int) vw, (int) vh);
  cr = cairo_create (mask);
  g_assert_true (sm_anatomy_render_element (anatomy, view, SM_ANATOMY_STYLE_SILHOUETTE, element_id,
                                            cr, &viewport, &error));
  g_assert_no_error (error);
  cairo_destroy (cr);
  cairo_surface_flush (mask);
  data = cairo_image_surface_get_data (mask);
  stride = cairo_image_surface_get_stride (mask);

  for (double v = STEP / 2; v < vh; v += STEP)
    {
      SmPainStroke *stroke = NULL;

      for (double u = STEP / 2; u < vw; u += STEP)
        {
          gboolean inside = data[(int) v * stride + (int) u] > 128;

          if (inside && stroke == NULL)
            stroke = sm_pain_stroke_new (SM_PAIN_ACHING, 0, view);
          if (inside)
            sm_pain_stroke_add_point (stroke, u, v);
          if (!inside && stroke != NULL)
            sm_pain_drawing_add_stroke (drawing, g_steal_pointer (&stroke));
        }
      if (stroke != NULL)
        sm_pain_drawing_add_stroke (drawing, stroke);
    }
  cairo_surface_destroy (mask);
}

static SmPainDrawing *
paint_regions (SmAnatomy          *anatomy,
               const char * const *regions,
               const char         *side)
{
  SmPainDrawing *drawing = sm_pain_drawing_new ();
  const char * const *views = sm_anatomy_list_views (anatomy);

  for (guint i = 0; regions[i] != NULL; i++)
    for (guint v = 0; views[v] != NULL; v++)
      {
        g_autofree char *id = g_strdup_printf ("region-%s-%s", regions[i], side);

        scribble_element (drawing, anatomy, views[v], id);
      }
  g_assert_cmpuint (sm_pain_drawing_get_n_strokes (drawing), >, 0);
  return drawing;
}

static const char *
match_id (GPtrArray *matches,
          guint      i)
{
  return i < matches->len ? ((SmReferralMatch *) g_ptr_array_index (matches, i))->zone_id : "";
}

static char *
describe (GPtrArray *matches)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < matches->len && i < 6; i++)
    {
      SmReferralMatch *m = g_ptr_array_index (matches, i);

      g_string_append_printf (out, "%s%s %.0f (%.0f + %.0f)", i ? ", " : "", m->zone_id, m->score,
                              m->essential, m->spillover);
    }
  return g_string_free (out, FALSE);
}

static void
check_case (const RankCase *c,
            GPtrArray      *matches,
            const char     *what)
{
  g_auto(GStrv) want = g_strsplit (c->want, " ", -1);
  g_autofree char *got = describe (matches);

  g_test_message ("%s: %s", what, got);
  if (c->within == 0)
    {
      if (!g_strv_contains ((const char * const *) want, match_id (matches, 0)))
        g_error ("%s: expected one of %s first, got %s", what, c->want, got);
      return;
    }
  for (guint k = 0; want[k] != NULL; k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < c->within; i++)
        found |= g_str_equal (match_id (matches, i), want[k]);
      if (!found)
        g_error ("%s: expected %s in the first %u, got %s", what, want[k], c->within, got);
    }
}

static void
test_rank_drawing (gconstpointer data)
{
  const char *side = data;
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  SmAtlas *atlas = sm_atlas_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (rank_cases); i++)
    {
      g_auto(GStrv) regions = g_strsplit (rank_cases[i].regions, " ", -1);
      g_autoptr(SmPainDrawing) drawing = paint_regions (anatomy, (const char * const *) regions, side);
      g_autoptr(GPtrArray) matches = sm_referral_rank_drawing (anatomy, atlas, drawing);
      g_autofree char *what = g_strdup_printf ("painted %s (%s)", rank_cases[i].regions, side);

      check_case (&rank_cases[i], matches, what);
      /* The overlap is on the painted side only. */
      for (guint k = 0; k < matches->len; k++)
        {
          SmReferralMatch *m = g_ptr_array_index (matches, k);

          g_assert_true (g_str_equal (side, "left") ? m->left && !m->right : m->right && !m->left);
        }
    }
}

/* The region words take the same road: both sides of the named regions. */
static void
test_rank_regions (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  SmAtlas *atlas = sm_atlas_get_default ();

  for (guint i = 0; i < G_N_ELEMENTS (rank_cases); i++)
    {
      g_auto(GStrv) regions = g_strsplit (rank_cases[i].regions, " ", -1);
      g_autoptr(GPtrArray) matches = sm_referral_rank_regions (anatomy, atlas, (const char * const *) regions);
      g_autofree char *what = g_strdup_printf ("named %s", rank_cases[i].regions);

      check_case (&rank_cases[i], matches, what);
      g_assert_true (((SmReferralMatch *) g_ptr_array_index (matches, 0))->left);
      g_assert_true (((SmReferralMatch *) g_ptr_array_index (matches, 0))->right);
    }
}

/* Essential overlap weighs more than spillover: the piriformis' spillover
 * covers the back of the thigh, but the hamstrings' essential area wins. */
static void
test_essential_over_spillover (void)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  SmAtlas *atlas = sm_atlas_get_default ();
  const char * const regions[] = { "back-of-thigh", NULL };
  g_autoptr(GPtrArray) matches = sm_referral_rank_regions (anatomy, atlas, regions);
  SmReferralMatch *ham = NULL, *pir = NULL;

  for (guint i = 0; i < matches->len; i++)
    {
      SmReferralMatch *m = g_ptr_array_index (matches, i);

      if (g_str_equal (m->zone_id, "hamstrings"))
        ham = m;
      if (g_str_equal (m->zone_id, "piriformis"))
        pir = m;
    }
  g_assert_nonnull (ham);
  g_assert_nonnull (pir);
  g_assert_cmpfloat (pir->essential, ==, 0);
  g_assert_cmpfloat (pir->spillover, >, 0);
  g_assert_cmpfloat (pir->score, ==, SM_REFERRAL_SPILLOVER_WEIGHT * pir->spillover);
  g_assert_cmpfloat (ham->score, >, pir->score);
}

/* Burning, tingling or numbness, or pain on the nerve below the knee, is
 * explained as possible nerve irritation; an ache in the buttock is not. */
static void
test_nerve_pain (gconstpointer data)
{
  const char *side = data;
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char * const buttock[] = { "buttock", NULL };
  const char * const calf[] = { "calf", NULL };
  g_autoptr(SmPainDrawing) ache = paint_regions (anatomy, buttock, side);
  g_autoptr(SmPainDrawing) below_knee = paint_regions (anatomy, calf, side);
  g_autoptr(SmPainDrawing) burning = sm_pain_drawing_new ();
  SmPainStroke *stroke = sm_pain_stroke_new (SM_PAIN_BURNING, 4, "back");

  g_assert_false (sm_referral_drawing_suggests_nerve (anatomy, ache));
  g_assert_true (sm_referral_drawing_suggests_nerve (anatomy, below_knee));
  sm_pain_stroke_add_point (stroke, 330, 760);
  sm_pain_drawing_add_stroke (burning, stroke);
  g_assert_true (sm_referral_drawing_suggests_nerve (anatomy, burning));
}

/* --- Search table ----------------------------------------------------------- */

typedef struct
{
  const char *language;  /* "en" or "de" */
  const char *query;
  const char *want;      /* kind:id, space-separated */
  guint       within;    /* each of @want among the first @within results */
} SearchCase;

static const SearchCase search_cases[] = {
  /* The queries of the issue. */
  { "en", "sciatica", "nerve:sciatic-nerve", 1 },
  { "en", "sciatica", "zone:piriformis", 2 },
  { "en", "pain", "nerve:sciatic-nerve", 1 },
  { "en", "buttock and leg pain", "zone:gluteus-minimus zone:hamstrings", 3 },
  { "en", "buttock and leg pain", "zone:piriformis zone:gluteus-maximus", 4 },
  { "en", "leg pain", "zone:hamstrings", 3 },
  { "en", "outer leg", "zone:gluteus-minimus", 1 },
  { "en", "outer calf", "zone:gluteus-minimus", 1 },
  { "en", "numb foot", "zone:calf", 1 },
  { "en", "numb foot", "nerve:sciatic-nerve", 8 },
  { "en", "sit bone", "zone:quadratus-lumborum", 3 },
  { "en", "sitting bone", "zone:quadratus-lumborum", 3 },
  { "en", "foot", "zone:calf", 1 },
  { "de", "Ischias", "nerve:sciatic-nerve", 1 },
  { "de", "Ischias", "zone:piriformis", 2 },
  { "de", "Rückseite des Oberschenkels", "zone:hamstrings", 1 },
  /* Region words, English. */
  { "en", "back of thigh", "zone:hamstrings zone:piriformis zone:gluteus-minimus", 3 },
  { "en", "heel", "zone:calf", 1 },
  { "en", "groin", "zone:psoas zone:iliacus", 2 },
  { "en", "side of hip", "zone:quadratus-lumborum", 3 },
  { "en", "lower back", "zone:erector-spinae", 1 },
  { "en", "front of the knee", "zone:quadriceps", 1 },
  { "en", "buttock", "zone:gluteus-maximus", 1 },
  { "en", "pain in my heel", "zone:calf", 1 },
  /* Names and synonyms stay first. */
  { "en", "piriformis", "zone:piriformis", 1 },
  { "en", "QL", "zone:quadratus-lumborum", 1 },
  { "en", "ball", "tool:ball", 1 },
  { "en", "trigger point", "technique:trigger-point", 1 },
  { "en", "hip flexor stretch", "stretch:hip-flexor-stretch", 1 },
  /* German. */
  { "de", "Wadenaußenseite", "zone:gluteus-minimus", 1 },
  { "de", "Oberschenkelrückseite", "zone:hamstrings", 3 },
  { "de", "Sitzbein", "zone:quadratus-lumborum", 3 },
  { "de", "Ferse", "zone:calf", 1 },
  { "de", "Leiste", "zone:psoas zone:iliacus", 2 },
  { "de", "Po", "zone:gluteus-maximus", 1 },
  { "de", "Schmerzen im Po und Bein", "zone:gluteus-minimus zone:hamstrings", 3 },
  { "de", "Schmerzen im Po und Bein", "zone:piriformis", 4 },
  { "de", "unterer Rücken", "zone:erector-spinae", 1 },
  { "de", "Knie", "zone:quadriceps", 1 },
  { "de", "Fuß", "zone:calf", 1 },
  { "de", "Schmerz", "nerve:sciatic-nerve", 1 },
};

static int
result_index (GListModel *results,
              const char *kind_id)
{
  g_auto(GStrv) parts = g_strsplit (kind_id, ":", 2);

  return sm_test_results_index (results, parts[0], parts[1]);
}

static char *
describe_results (GListModel *results)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results) && i < 6; i++)
    {
      g_autoptr(SmSearchResult) r = g_list_model_get_item (results, i);

      g_string_append_printf (out, "%s%s:%s", i ? ", " : "", sm_search_result_get_kind (r),
                              sm_search_result_get_id (r));
    }
  return g_string_free (out, FALSE);
}

static void
run_search_cases (const char *language)
{
  /* The content is translated as it loads: in the German subprocess the
   * default atlas loads in German. */
  SmAtlas *atlas = sm_atlas_get_default ();
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      const SearchCase *c = &search_cases[i];
      g_autoptr(GListModel) results = NULL;
      g_auto(GStrv) want = NULL;
      g_autofree char *got = NULL;

      if (!g_str_equal (c->language, language))
        continue;
      results = sm_referral_search (sm_anatomy_get_default (), atlas, c->query);
      got = describe_results (results);
      want = g_strsplit (c->want, " ", -1);
      g_test_message ("“%s”: %s", c->query, got);
      for (guint k = 0; want[k] != NULL; k++)
        {
          int index = result_index (results, want[k]);

          if (index < 0 || (guint) index >= c->within)
            g_error ("“%s” (%s): expected %s in the first %u, got %s", c->query, language,
                     want[k], c->within, got);
        }
      checked++;
    }
  g_assert_cmpuint (checked, >=, 10);
}

static void
test_search_english (void)
{
  run_search_cases ("en");
}

/* In a subprocess: the language is chosen before the first translation. */
static void
test_search_german (void)
{
  if (g_test_subprocess ())
    {
      g_setenv ("LANGUAGE", "de", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SM_LOCALE_DIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Piriformis"), !=, "");
      run_search_cases ("de");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_data_func ("/sm/referral/rank-drawing/left", "left", test_rank_drawing);
  g_test_add_data_func ("/sm/referral/rank-drawing/right", "right", test_rank_drawing);
  g_test_add_func ("/sm/referral/rank-regions", test_rank_regions);
  g_test_add_func ("/sm/referral/essential-over-spillover", test_essential_over_spillover);
  g_test_add_data_func ("/sm/referral/nerve-pain/left", "left", test_nerve_pain);
  g_test_add_data_func ("/sm/referral/nerve-pain/right", "right", test_nerve_pain);
  g_test_add_func ("/sm/referral/search/english", test_search_english);
  g_test_add_func ("/sm/referral/search/german", test_search_german);

  return g_test_run ();
}
