/* sm-atlas.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-atlas"

#include "config.h"

#include <string.h>

#include "sm-atlas.h"
#include "sm-atlas-private.h"
#include "sm-content-schema.h"
#include "sm-zone-id.h"

#define CONTENT_PATH RESOURCE_BASE "/content/"

G_DEFINE_FINAL_TYPE (SmAtlas, sm_atlas, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-atlas-error-quark, sm_atlas_error)

static void
search_entry_free (gpointer data)
{
  SearchEntry *entry = data;

  g_object_unref (entry->item);
  g_clear_pointer (&entry->json, json_object_unref);
  g_strfreev (entry->names);
  g_strfreev (entry->synonyms);
  g_strfreev (entry->texts);
  g_free (entry);
}

const char * const *
sm_atlas_get_seed_names (void)
{
  return sm_content_seed_names ();
}

/* --- Search keys --------------------------------------------------------- */

/* Lower case, no accents, words separated by single spaces: "Gesäß-Muskel"
 * and "gesass muskel" fold to the same string. */
char *
_sm_atlas_fold (const char *text)
{
  g_autofree char *lower = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  GString *folded = g_string_new (NULL);
  gboolean space = TRUE;

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (folded, c);
      else if (!space)
        g_string_append_c (folded, ' ');
      space = !g_unichar_isalnum (c);
    }

  if (folded->len > 0 && folded->str[folded->len - 1] == ' ')
    g_string_truncate (folded, folded->len - 1);

  return g_string_free (folded, FALSE);
}

static void
add_folded (GPtrArray          *folded,
            const char * const *texts)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    g_ptr_array_add (folded, _sm_atlas_fold (texts[i]));
}

/* g_strv_builder_take() only arrived in GLib 2.80. */
static GPtrArray *
strv_array_new (void)
{
  return g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

static char **
strv_array_end (GPtrArray *array)
{
  return (char **) g_ptr_array_free (array, FALSE);
}

/* The English msgids, for people who search in English in any language. */
static void
add_folded_json (GPtrArray  *folded,
                 JsonObject *json,
                 const char *key)
{
  JsonArray *array = json_object_has_member (json, key) ? json_object_get_array_member (json, key) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (folded, _sm_atlas_fold (json_array_get_string_element (array, i)));
}

/* An entry's words, from its item and its content (the English). */
static void
fold_search_entry (SearchEntry *entry)
{
  GPtrArray *names = strv_array_new ();
  GPtrArray *synonyms = strv_array_new ();
  g_autofree char *name = NULL;
  g_auto(GStrv) translated = NULL;

  g_object_get (entry->item, "name", &name, "synonyms", &translated, NULL);
  add_folded (names, (const char *[]) {
    name,
    json_object_get_string_member (entry->json, "name"),
    json_object_get_string_member (entry->json, "id"),
    NULL });
  add_folded (synonyms, (const char * const *) translated);
  add_folded_json (synonyms, entry->json, "synonyms");

  entry->names = strv_array_end (names);
  entry->synonyms = strv_array_end (synonyms);
  entry->texts = _sm_atlas_search_texts (entry->item, entry->json);
  g_clear_pointer (&entry->json, json_object_unref);
}

/* Folding every text for search was a third of building the atlas, and a
 * process that only prints never searches: the first search folds them
 * (see _sm_atlas_get_search_entries ()). */
static void
add_search_entry (SmAtlas       *self,
                  SmContentKind  kind,
                  GObject       *item,
                  JsonObject    *json)
{
  SearchEntry *entry = g_new0 (SearchEntry, 1);

  entry->kind = kind;
  entry->item = g_object_ref (item);
  entry->json = json_object_ref (json);
  g_ptr_array_add (self->entries, entry);
}

/* The search entries, their words folded on the first call. */
GPtrArray *
_sm_atlas_get_search_entries (SmAtlas *self)
{
  g_mutex_lock (&self->entries_lock);
  if (!self->entries_folded)
    {
      for (guint i = 0; i < self->entries->len; i++)
        fold_search_entry (g_ptr_array_index (self->entries, i));
      self->entries_folded = TRUE;
    }
  g_mutex_unlock (&self->entries_lock);
  return self->entries;
}

/* --- Loading ------------------------------------------------------------- */

static void
add_item (SmContentKind  kind,
          GObject       *item,
          JsonObject    *json,
          gpointer       user_data)
{
  SmAtlas *self = user_data;

  if (kind == SM_CONTENT_SAFETY)
    {
      g_set_object (&self->safety, SM_SAFETY (item));
      return;
    }
  if (kind == SM_CONTENT_SEARCH_WORDS)
    {
      g_set_object (&self->search_words, SM_SEARCH_WORDS (item));
      return;
    }

  g_list_store_append (self->stores[kind], item);
  g_hash_table_insert (self->by_id[kind],
                       g_strdup (json_object_get_string_member (json, "id")), item);
  if (kind == SM_CONTENT_REGION)
    _sm_atlas_add_region (self, SM_REGION (item));
  if (kind != SM_CONTENT_CAUTION_AREA && kind != SM_CONTENT_REFERRAL && kind != SM_CONTENT_REGION)
    add_search_entry (self, kind, item, json);
}

/* @trusted: the bundled content, which the build has checked
 * (sm_atlas_new_bundled_checked ()), so it skips the raw scan that guards
 * json-glib against hostile files. */
static JsonNode *
parse (GBytes      *bytes,
       const char  *name,
       gboolean     trusted,
       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *message = NULL;

  if (!trusted && !sm_content_scan (bytes, name, SM_ATLAS_MAX_DEPTH, 0, error))
    return NULL;

  if (!sm_content_load_json (parser, bytes, &message))
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE,
                   "%s: not valid JSON: %s", name, message);
      return NULL;
    }

  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, "%s: the file is empty", name);
      return NULL;
    }

  return json_node_ref (json_parser_get_root (parser));
}

/* Two passes over every file: structure and ids first, then references,
 * which may point into any file of the set. */
static gboolean
validate_all (SmAtlas             *self,
              GPtrArray           *roots,
              const char * const  *names,
              GError             **error)
{
  SmContentContext context = { .back = self->back, .front = self->front,
                               .skip_poses = self->skip_poses };
  gboolean ok = TRUE;

  for (guint k = 0; k < SM_CONTENT_N_KINDS; k++)
    context.ids[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint pass = 0; pass < 2 && ok; pass++)
    for (guint i = 0; i < roots->len && ok; i++)
      {
        context.file = names[i];
        context.check_references = pass == 1;
        ok = sm_content_validate (&context, g_ptr_array_index (roots, i), error);
      }

  for (guint k = 0; k < SM_CONTENT_N_KINDS; k++)
    g_hash_table_unref (context.ids[k]);

  return ok;
}

/* Every other file of a set, from @first on: one thread's share. */
typedef struct
{
  GBytes * const     *contents;
  const char * const *names;
  JsonNode          **roots;
  GError            **errors;
  guint               first;
  gboolean            trusted;
} ParseShare;

static gpointer
parse_share (gpointer data)
{
  ParseShare *share = data;

  for (guint i = share->first; share->contents[i] != NULL; i += 2)
    {
      share->roots[i] = parse (share->contents[i], share->names[i], share->trusted, &share->errors[i]);
      if (share->contents[i + 1] == NULL)
        break;
    }
  return NULL;
}

/* The files are independent until they are validated together, and
 * parsing them is half of loading the content: a second thread parses
 * every other one. The error is the first file's that has one, as when
 * they were parsed in turn. */
static gboolean
parse_all (GBytes * const      *contents,
           const char * const  *names,
           gboolean             trusted,
           GPtrArray           *roots,
           GError             **error)
{
  guint n = g_strv_length ((char **) contents);
  g_autofree JsonNode **parsed = g_new0 (JsonNode *, n + 1);
  g_autofree GError **errors = g_new0 (GError *, n + 1);
  ParseShare shares[2] = {
    { contents, names, parsed, errors, 0, trusted },
    { contents, names, parsed, errors, 1, trusted },
  };
  GThread *thread = n > 1 ? g_thread_new ("sm-atlas-parse", parse_share, &shares[1]) : NULL;
  gboolean ok = TRUE;

  if (n > 0)
    parse_share (&shares[0]);
  g_clear_pointer (&thread, g_thread_join);

  for (guint i = 0; i < n; i++)
    {
      if (ok && parsed[i] == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&errors[i]));
          ok = FALSE;
        }
      g_clear_error (&errors[i]);
      if (parsed[i] != NULL)
        g_ptr_array_add (roots, parsed[i]);
    }
  return ok;
}

static gboolean
load (SmAtlas             *self,
      GBytes * const      *contents,
      const char * const  *names,
      gboolean             trusted,
      GError             **error)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (!parse_all (contents, names, trusted, roots, error))
    return FALSE;

  if (!trusted && !validate_all (self, roots, names, error))
    return FALSE;

  for (guint i = 0; i < roots->len; i++)
    sm_content_build (g_ptr_array_index (roots, i), add_item, self);

  return TRUE;
}

static SmAtlas *
new_from_bytes (GBytes * const      *contents,
                const char * const  *names,
                SmSvgIndex          *back,
                SmSvgIndex          *front,
                gboolean             skip_poses,
                gboolean             trusted,
                GError             **error)
{
  g_autoptr(SmAtlas) self = g_object_new (SM_TYPE_ATLAS, NULL);

  self->skip_poses = skip_poses;

  g_return_val_if_fail (contents != NULL && names != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **) names) == g_strv_length ((char **) contents), NULL);

  g_set_object (&self->back, back);
  g_set_object (&self->front, front);

  if (!load (self, contents, names, trusted, error))
    return NULL;

  return g_steal_pointer (&self);
}

SmAtlas *
sm_atlas_new_from_bytes (GBytes * const      *contents,
                         const char * const  *names,
                         SmSvgIndex          *back,
                         SmSvgIndex          *front,
                         GError             **error)
{
  return new_from_bytes (contents, names, back, front, FALSE, FALSE, error);
}

SmAtlas *
sm_atlas_new_from_files (const char * const  *paths,
                         SmSvgIndex          *back,
                         SmSvgIndex          *front,
                         GError             **error)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new_null_terminated (4, (GDestroyNotify) g_bytes_unref, TRUE);
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  g_return_val_if_fail (paths != NULL, NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GMappedFile) file = g_mapped_file_new (paths[i], FALSE, error);

      if (file == NULL)
        return NULL;
      g_ptr_array_add (contents, g_mapped_file_get_bytes (file));
      g_ptr_array_add (names, g_path_get_basename (paths[i]));
    }

  return sm_atlas_new_from_bytes ((GBytes * const *) contents->pdata,
                                  (const char * const *) names->pdata, back, front, error);
}

static SmSvgIndex *
bundled_index (const char *view)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GError) error = NULL;
  SmSvgIndex *index;

  /* Until the artwork is bundled there is nothing to check against. */
  if (!g_resources_get_info (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
    return NULL;

  index = sm_svg_index_new_from_resource (path, &error);
  if (index == NULL)
    g_critical ("Bundled artwork: %s", error->message);
  return index;
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean default_with_artwork = TRUE;

/* Scanning both SVGs for their ids takes a fifth of the content's load
 * time, and a process that only prints a sheet has no use for the ids:
 * the build has checked the content against the artwork. */
void
sm_atlas_default_skip_artwork (void)
{
  default_with_artwork = FALSE;
}

/* The bundled content with the artwork's ids when @with_artwork, checked
 * as a file a person gives unless @trusted. */
static SmAtlas *
load_bundled (gboolean   with_artwork,
              gboolean   trusted,
              GError   **error)
{
  g_auto(GStrv) children = g_resources_enumerate_children (CONTENT_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  g_autoptr(GPtrArray) contents = g_ptr_array_new_null_terminated (4, (GDestroyNotify) g_bytes_unref, TRUE);
  g_autoptr(SmSvgIndex) back = with_artwork ? bundled_index ("back") : NULL;
  g_autoptr(SmSvgIndex) front = with_artwork ? bundled_index ("front") : NULL;

  if (children == NULL)
    return NULL;

  /* Sorted, so the order of zones does not depend on the resource compiler. */
  g_qsort_with_data (children, g_strv_length (children), sizeof (char *),
                     compare_names, NULL);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (CONTENT_PATH, children[i], NULL);

      g_ptr_array_add (contents, g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL));
    }

  return new_from_bytes ((GBytes * const *) contents->pdata,
                         (const char * const *) children, back, front, !with_artwork, trusted, error);
}

/* Every check a file a person gives goes through, on the bundled content,
 * against the bundled artwork and poses: the build runs it
 * (sm-check-content, before the programs link) and so does test-content.
 * What the build has checked, the programs then load without checking
 * again: the checks were a third of loading it. */
SmAtlas *
sm_atlas_new_bundled_checked (GError **error)
{
  return load_bundled (TRUE, FALSE, error);
}

/* Bundled content is part of the program: if it does not load, that is a
 * bug to fix here, not something a person can do anything about. Say so
 * loudly and carry on with an empty atlas. */
SmAtlas *
sm_atlas_get_default (void)
{
  static SmAtlas *atlas;

  if (g_once_init_enter (&atlas))
    {
      g_autoptr(GError) error = NULL;
      SmAtlas *loaded = load_bundled (default_with_artwork, TRUE, &error);

      if (loaded == NULL)
        {
          g_critical ("Bundled content: %s", error->message);
          loaded = g_object_new (SM_TYPE_ATLAS, NULL);
        }
      g_once_init_leave (&atlas, loaded);
    }

  return atlas;
}

/* --- Models and lookups -------------------------------------------------- */

GListModel *
sm_atlas_get_zones (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return G_LIST_MODEL (self->stores[SM_CONTENT_ZONE]);
}

GListModel *
sm_atlas_get_techniques (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return G_LIST_MODEL (self->stores[SM_CONTENT_TECHNIQUE]);
}

GListModel *
sm_atlas_get_tools (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return G_LIST_MODEL (self->stores[SM_CONTENT_TOOL]);
}

GListModel *
sm_atlas_get_stretches (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return G_LIST_MODEL (self->stores[SM_CONTENT_STRETCH]);
}

SmSafety *
sm_atlas_get_safety (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return self->safety;
}

static gpointer
lookup (SmAtlas       *self,
        SmContentKind  kind,
        const char    *id)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->by_id[kind], id) : NULL;
}

SmZone *
sm_atlas_lookup_zone (SmAtlas    *self,
                      const char *id)
{
  return lookup (self, SM_CONTENT_ZONE, id);
}

SmTechnique *
sm_atlas_lookup_technique (SmAtlas    *self,
                           const char *id)
{
  return lookup (self, SM_CONTENT_TECHNIQUE, id);
}

SmTool *
sm_atlas_lookup_tool (SmAtlas    *self,
                      const char *id)
{
  return lookup (self, SM_CONTENT_TOOL, id);
}

SmStretch *
sm_atlas_lookup_stretch (SmAtlas    *self,
                         const char *id)
{
  return lookup (self, SM_CONTENT_STRETCH, id);
}

SmReferral *
sm_atlas_lookup_referral (SmAtlas    *self,
                          const char *zone_id)
{
  return lookup (self, SM_CONTENT_REFERRAL, zone_id);
}

SmRegion *
sm_atlas_lookup_region (SmAtlas    *self,
                        const char *id)
{
  return lookup (self, SM_CONTENT_REGION, id);
}

SmNerve *
sm_atlas_lookup_nerve (SmAtlas    *self,
                       const char *id)
{
  return lookup (self, SM_CONTENT_NERVE, id);
}

GListModel *
sm_atlas_get_regions (SmAtlas *self)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return G_LIST_MODEL (self->stores[SM_CONTENT_REGION]);
}

typedef gboolean (*ItemFilter) (gpointer item, const char *id);

static GListModel *
filter_items (SmAtlas       *self,
              SmContentKind  kind,
              ItemFilter     filter,
              const char    *id)
{
  GListModel *items = G_LIST_MODEL (self->stores[kind]);
  GListStore *matches = g_list_store_new (g_list_model_get_item_type (items));

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      if (filter (item, id))
        g_list_store_append (matches, item);
    }

  return G_LIST_MODEL (matches);
}

static gboolean
zone_uses_tool (gpointer    zone,
                const char *tool_id)
{
  return sm_zone_get_tool_use (zone, tool_id) != NULL;
}

static gboolean
zone_uses_technique (gpointer    zone,
                     const char *technique_id)
{
  return g_strv_contains (sm_zone_get_techniques (zone), technique_id);
}

static gboolean
stretch_helps_zone (gpointer    stretch,
                    const char *zone_id)
{
  return g_strv_contains (sm_stretch_get_zones (stretch), zone_id);
}

GListModel *
sm_atlas_list_zones_for_tool (SmAtlas    *self,
                              const char *tool_id)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return filter_items (self, SM_CONTENT_ZONE, zone_uses_tool, tool_id);
}

GListModel *
sm_atlas_list_zones_for_technique (SmAtlas    *self,
                                   const char *technique_id)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return filter_items (self, SM_CONTENT_ZONE, zone_uses_technique, technique_id);
}

GListModel *
sm_atlas_list_stretches_for_zone (SmAtlas    *self,
                                  const char *zone_id)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return filter_items (self, SM_CONTENT_STRETCH, stretch_helps_zone, zone_id);
}

/* --- Artwork ids --------------------------------------------------------- */

/* The sided element if the artwork has one, else the middle one: the
 * sacrum is one bone, the greater trochanter is two. */
static char *
resolve_svg_id (SmSvgIndex *index,
                const char *prefix,
                const char *name,
                const char *side)
{
  g_autofree char *sided = g_strdup_printf ("%s-%s-%s", prefix, name, side);

  if (index == NULL || sm_svg_index_has_id (index, sided))
    return g_steal_pointer (&sided);

  return g_strdup_printf ("%s-%s", prefix, name);
}

static char **
dup_svg_ids (SmAtlas            *self,
             const char         *zone_id,
             const char         *side,
             const char         *prefix,
             const char * const *(*names) (SmZone *))
{
  SmZone *zone = sm_atlas_lookup_zone (self, zone_id);
  GPtrArray *ids = strv_array_new ();
  SmSvgIndex *index;
  const char * const *list;

  g_return_val_if_fail (g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0, NULL);

  if (zone == NULL)
    return strv_array_end (ids);

  index = g_str_equal (sm_zone_get_view (zone), "front") ? self->front : self->back;
  list = names (zone);
  for (guint i = 0; list[i] != NULL; i++)
    g_ptr_array_add (ids, resolve_svg_id (index, prefix, list[i], side));

  return strv_array_end (ids);
}

char **
sm_atlas_dup_landmark_ids (SmAtlas    *self,
                           const char *zone_id,
                           const char *side)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return dup_svg_ids (self, zone_id, side, "landmark", sm_zone_get_landmarks);
}

char **
sm_atlas_dup_caution_ids (SmAtlas    *self,
                          const char *zone_id,
                          const char *side)
{
  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  return dup_svg_ids (self, zone_id, side, "caution", sm_zone_get_caution_areas);
}

/* Both sides share one entry: the id is the element's name without the
 * "caution-" prefix and the side. */
SmCautionArea *
sm_atlas_lookup_caution_area (SmAtlas    *self,
                              const char *element_id)
{
  const char *side;
  g_autofree char *id = NULL;
  gsize len;

  g_return_val_if_fail (SM_IS_ATLAS (self), NULL);

  if (element_id == NULL || !g_str_has_prefix (element_id, "caution-"))
    return NULL;

  element_id += strlen ("caution-");
  side = sm_zone_id_side (element_id);
  len = strlen (element_id) - (side != NULL ? strlen (side) + 1 : 0);
  id = g_strndup (element_id, len);
  return lookup (self, SM_CONTENT_CAUTION_AREA, id);
}

static void
sm_atlas_finalize (GObject *object)
{
  SmAtlas *self = SM_ATLAS (object);

  for (guint k = 0; k < SM_CONTENT_N_KINDS; k++)
    {
      g_clear_object (&self->stores[k]);
      g_clear_pointer (&self->by_id[k], g_hash_table_unref);
    }
  g_clear_object (&self->safety);
  g_clear_object (&self->search_words);
  g_clear_object (&self->back);
  g_clear_object (&self->front);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_mutex_clear (&self->entries_lock);
  g_clear_pointer (&self->region_words, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_atlas_parent_class)->finalize (object);
}

static void
sm_atlas_class_init (SmAtlasClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_atlas_finalize;
}

static void
sm_atlas_init (SmAtlas *self)
{
  static GType (* const types[]) (void) = {
    sm_zone_get_type, sm_technique_get_type, sm_tool_get_type, sm_stretch_get_type, sm_safety_get_type,
    sm_caution_area_get_type, sm_referral_get_type, sm_region_get_type, sm_nerve_get_type,
    sm_search_words_get_type,
  };

  for (guint k = 0; k < SM_CONTENT_N_KINDS; k++)
    {
      self->stores[k] = g_list_store_new (types[k] ());
      self->by_id[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  self->entries = g_ptr_array_new_with_free_func (search_entry_free);
  g_mutex_init (&self->entries_lock);
  self->region_words = g_ptr_array_new_with_free_func (_sm_atlas_region_word_free);
}
