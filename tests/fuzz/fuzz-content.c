/* fuzz-content.c: the content loader on arbitrary bytes
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One input is one content file, checked against the real artwork. A file
 * may hold every section (the corpus has the bundled content merged into
 * one), so a mutated input can get through validation and reach the
 * building of the objects and the search index too.
 */

#define G_LOG_DOMAIN "fuzz-content"

#include "config.h"

#include "fuzz.h"
#include "sm-atlas.h"

#define FILE_NAME "fuzz.json"

/* Parsing the SVGs takes longer than most inputs: once per process. */
static SmSvgIndex *back;
static SmSvgIndex *front;

static SmSvgIndex *
load_index (const char *view)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  SmSvgIndex *index = sm_svg_index_new_from_resource (path, &error);

  if (index == NULL)
    g_error ("%s: %s", path, error->message);
  return index;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sm_fuzz_make_logs_fatal ();
  back = load_index ("back");
  front = load_index ("front");
  return 0;
}

/* What the window asks of a loaded atlas, for every zone. */
static void
exercise (SmAtlas *atlas)
{
  GListModel *zones = sm_atlas_get_zones (atlas);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;

      g_object_get (zone, "id", &id, "name", &name, NULL);
      g_assert_true (sm_atlas_lookup_zone (atlas, id) == zone);
      for (guint s = 0; s < 2; s++)
        {
          const char *side = s == 0 ? "left" : "right";
          g_auto(GStrv) landmarks = sm_atlas_dup_landmark_ids (atlas, id, side);
          g_auto(GStrv) cautions = sm_atlas_dup_caution_ids (atlas, id, side);

          for (guint k = 0; landmarks[k] != NULL; k++)
            g_assert_true (sm_svg_index_has_id (back, landmarks[k]) ||
                           sm_svg_index_has_id (front, landmarks[k]));
          for (guint k = 0; cautions[k] != NULL; k++)
            g_assert_true (sm_svg_index_has_id (back, cautions[k]) ||
                           sm_svg_index_has_id (front, cautions[k]));
        }
      g_object_unref (sm_atlas_list_stretches_for_zone (atlas, id));
      g_object_unref (sm_atlas_search (atlas, name));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmAtlas) atlas = NULL;

  atlas = sm_atlas_new_from_bytes ((GBytes *[]) { bytes, NULL },
                                   (const char *[]) { FILE_NAME, NULL },
                                   back, front, &error);
  if (atlas == NULL)
    {
      sm_fuzz_check_error (error, SM_ATLAS_ERROR, FILE_NAME);
      return 0;
    }

  g_assert_no_error (error);
  exercise (atlas);
  return 0;
}
