/* sm-atlas-search.c: search in plain words
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-atlas-search"

#include "config.h"

#include <string.h>

#include "sm-atlas-private.h"

/* How much one query word is worth where it is found: a name over a
 * synonym over the text. A whole word over the start of one. */
#define SCORE_NAME_WORD      100
#define SCORE_NAME_START      60
#define SCORE_SYNONYM_WORD    50
#define SCORE_SYNONYM_START   30
#define SCORE_TEXT_WORD       10
/* The whole query, or all its words in order, in one name or synonym. */
#define SCORE_WHOLE_NAME    1000
#define SCORE_WHOLE_SYNONYM  500
#define SCORE_NAME_PHRASE     80
#define SCORE_SYNONYM_PHRASE  40
/* A muscle that sends pain to a named region: above any technique. */
#define SCORE_REGION_BOOST   300
#define SCORE_BODY_WORD      200

void
_sm_atlas_region_word_free (gpointer data)
{
  RegionWord *word = data;

  g_free (word->words);
  g_free (word->region);
  g_free (word);
}

static void
add_folded_texts (GPtrArray  *texts,
                  GObject    *item,
                  JsonObject *json,
                  const char *key)
{
  g_autofree char *translated = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (item), key) == NULL)
    return;
  g_object_get (item, key, &translated, NULL);
  if (translated != NULL)
    g_ptr_array_add (texts, _sm_atlas_fold (translated));
  if (json_object_has_member (json, key))
    g_ptr_array_add (texts, _sm_atlas_fold (json_object_get_string_member (json, key)));
}

/* The summary, and for a zone where it is and why it matters: the body
 * words a person may type ("Rückseite des Oberschenkels"). */
char **
_sm_atlas_search_texts (GObject    *item,
                        JsonObject *json)
{
  static const char * const keys[] = { "summary", "where", "why", "story", "nerve-pain", NULL };
  GPtrArray *texts = g_ptr_array_new_null_terminated (4, g_free, TRUE);

  for (guint i = 0; keys[i] != NULL; i++)
    add_folded_texts (texts, item, json, keys[i]);

  return (char **) g_ptr_array_free (texts, FALSE);
}

static void
add_region_words (SmAtlas            *self,
                  const char         *region,
                  const char * const *words)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    {
      RegionWord *word = g_new0 (RegionWord, 1);

      word->words = _sm_atlas_fold (words[i]);
      word->region = g_strdup (region);
      g_ptr_array_add (self->region_words, word);
    }
}

void
_sm_atlas_add_region (SmAtlas  *self,
                      SmRegion *region)
{
  add_region_words (self, sm_region_get_id (region), sm_region_get_words_en (region));
  add_region_words (self, sm_region_get_id (region), sm_region_get_words_de (region));
}

/* --- Words ---------------------------------------------------------------- */

static gboolean
is_stop_word (SmAtlas    *self,
              const char *word)
{
  const char * const *lists[2] = { NULL, NULL };

  if (self->search_words == NULL)
    return FALSE;
  lists[0] = sm_search_words_get_stop_words_en (self->search_words);
  lists[1] = sm_search_words_get_stop_words_de (self->search_words);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        g_autofree char *folded = _sm_atlas_fold (lists[l][i]);

        if (g_str_equal (folded, word))
          return TRUE;
      }

  return FALSE;
}

/* The folded words of @text without the stop words, joined by spaces. */
static char *
strip_stop_words (SmAtlas    *self,
                  const char *folded)
{
  g_auto(GStrv) words = g_strsplit (folded, " ", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0' || is_stop_word (self, words[i]))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Whether @word starts a word of @text; with @whole, is a whole word. */
static gboolean
has_word (const char *text,
          const char *word,
          gboolean    whole)
{
  gsize len = strlen (word);

  for (const char *found = strstr (text, word); found != NULL; found = strstr (found + 1, word))
    if ((found == text || found[-1] == ' ') &&
        (!whole || found[len] == '\0' || found[len] == ' '))
      return TRUE;

  return FALSE;
}

static gboolean
any_has_word (char       **texts,
              const char  *word,
              gboolean     whole)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    if (has_word (texts[i], word, whole))
      return TRUE;

  return FALSE;
}

/* Every word of @words, in order, each starting a word of @text. */
static gboolean
words_in_order (const char  *text,
                char       **words)
{
  const char *from = text;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *found = from;
      gsize len = strlen (words[i]);

      while ((found = strstr (found, words[i])) != NULL && found != text && found[-1] != ' ')
        found++;
      if (found == NULL)
        return FALSE;
      from = found + len;
    }

  return TRUE;
}

static gboolean
any_in_order (char **texts,
              char **words)
{
  for (guint i = 0; texts[i] != NULL; i++)
    if (words_in_order (texts[i], words))
      return TRUE;

  return FALSE;
}

/* --- Regions ---------------------------------------------------------------- */

/* The region phrases @clean contains, stop words out; a phrase inside a
 * longer one found too does not count: "back of thigh" is not "thigh". */
static GPtrArray *
matching_region_words (SmAtlas    *self,
                       const char *clean)
{
  GPtrArray *found = g_ptr_array_new ();   /* RegionWord*, with their phrase */
  g_autoptr(GPtrArray) phrases = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; *clean != '\0' && i < self->region_words->len; i++)
    {
      RegionWord *word = g_ptr_array_index (self->region_words, i);
      char *phrase = strip_stop_words (self, word->words);

      if (*phrase == '\0' || !has_word (clean, phrase, TRUE))
        {
          g_free (phrase);
          continue;
        }
      g_ptr_array_add (found, word);
      g_ptr_array_add (phrases, phrase);
    }
  for (guint i = 0; i < found->len; i++)
    {
      const char *phrase = g_ptr_array_index (phrases, i);
      gboolean inside = FALSE;

      for (guint k = 0; k < found->len && !inside; k++)
        inside = k != i && strlen (g_ptr_array_index (phrases, k)) > strlen (phrase) &&
                 has_word (g_ptr_array_index (phrases, k), phrase, TRUE);
      if (!inside)
        g_ptr_array_add (kept, g_ptr_array_index (found, i));
    }
  g_ptr_array_unref (found);
  return kept;
}

char **
sm_atlas_find_regions (SmAtlas    *self,
                       const char *query)
{
  GPtrArray *out = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autoptr(GPtrArray) words = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *clean = NULL;

  g_return_val_if_fail (SM_IS_ATLAS (self), (char **) g_ptr_array_free (out, FALSE));

  folded = _sm_atlas_fold (query != NULL ? query : "");
  clean = strip_stop_words (self, folded);
  words = matching_region_words (self, clean);
  for (guint i = 0; i < words->len; i++)
    {
      RegionWord *word = g_ptr_array_index (words, i);
      gboolean known = FALSE;

      for (guint k = 0; k < out->len && !known; k++)
        known = g_str_equal (g_ptr_array_index (out, k), word->region);
      if (!known)
        g_ptr_array_add (out, g_strdup (word->region));
    }

  return (char **) g_ptr_array_free (out, FALSE);
}

/* --- Scoring ------------------------------------------------------------------ */

typedef struct
{
  SearchEntry *entry;
  guint        index;     /* content order */
  double       score;
  guint        matched;   /* query words found */
} Hit;

static double
word_score (SearchEntry *entry,
            const char  *word,
            gboolean     text_too)
{
  if (any_has_word (entry->names, word, TRUE))
    return SCORE_NAME_WORD;
  if (any_has_word (entry->names, word, FALSE))
    return SCORE_NAME_START;
  if (any_has_word (entry->synonyms, word, TRUE))
    return SCORE_SYNONYM_WORD;
  if (any_has_word (entry->synonyms, word, FALSE))
    return SCORE_SYNONYM_START;
  if (text_too && any_has_word (entry->texts, word, TRUE))
    return SCORE_TEXT_WORD;
  return 0;
}

/* Whether one of @texts is @clean once its own stop words are out:
 * "back of the thigh" is the whole synonym of "back thigh". */
static gboolean
any_is (SmAtlas     *self,
        char       **texts,
        const char  *clean)
{
  for (guint i = 0; texts[i] != NULL; i++)
    {
      g_autofree char *stripped = strip_stop_words (self, texts[i]);

      if (g_str_equal (texts[i], clean) || g_str_equal (stripped, clean))
        return TRUE;
    }

  return FALSE;
}

static void
score_entry (SmAtlas     *self,
             Hit         *hit,
             const char  *clean,
             char       **words,
             gboolean     text_too)
{
  SearchEntry *entry = hit->entry;

  for (guint i = 0; words[i] != NULL; i++)
    {
      double s = word_score (entry, words[i], text_too);

      hit->score += s;
      hit->matched += s > 0;
    }
  if (hit->matched == 0)
    return;
  if (any_is (self, entry->names, clean))
    hit->score += SCORE_WHOLE_NAME;
  else if (any_is (self, entry->synonyms, clean))
    hit->score += SCORE_WHOLE_SYNONYM;
  else if (words[0] != NULL && words[1] != NULL && any_in_order (entry->names, words))
    hit->score += SCORE_NAME_PHRASE;
  else if (words[0] != NULL && words[1] != NULL && any_in_order (entry->synonyms, words))
    hit->score += SCORE_SYNONYM_PHRASE;
}

static const char *
entry_id (SearchEntry *entry)
{
  g_autofree char *id = NULL;

  g_object_get (entry->item, "id", &id, NULL);
  return g_intern_string (id);
}

/* A muscle the region words point to counts as matching those words. */
static void
apply_boosts (Hit         *hits,
              guint        n,
              GHashTable  *boosts,
              guint        region_words)
{
  for (guint i = 0; boosts != NULL && i < n; i++)
    {
      gpointer weight;

      if (hits[i].entry->kind != SM_CONTENT_ZONE ||
          !g_hash_table_lookup_extended (boosts, entry_id (hits[i].entry), NULL, &weight))
        continue;
      hits[i].score += SCORE_REGION_BOOST * (GPOINTER_TO_UINT (weight) / 1000.0) + SCORE_BODY_WORD;
      hits[i].matched = MAX (hits[i].matched, region_words);
    }
}

/* The nerve found by its name ("sciatica", "Ischias"): its muscles follow
 * it, the first one first. */
static GHashTable *
nerve_muscle_boosts (Hit   *hits,
                     guint  n)
{
  GHashTable *boosts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const char * const *muscles;
      guint count;

      if (hits[i].entry->kind != SM_CONTENT_NERVE || hits[i].score < SCORE_WHOLE_SYNONYM)
        continue;
      muscles = sm_nerve_get_muscles (SM_NERVE (hits[i].entry->item));
      count = g_strv_length ((char **) muscles);
      for (guint k = 0; k < count; k++)
        g_hash_table_insert (boosts, (gpointer) g_intern_string (muscles[k]),
                             GUINT_TO_POINTER (1000 - 500 * k / count));
    }

  return boosts;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->entry->kind != y->entry->kind)
    return x->entry->kind < y->entry->kind ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static SmSearchResult *
make_result (SearchEntry *entry)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;

  g_object_get (entry->item, "id", &id, "name", &name, "summary", &summary, NULL);
  return sm_search_result_new (sm_content_kind_name (entry->kind), id, name, summary, entry->item);
}

static gboolean
names_a_region (SmAtlas    *self,
                const char *clean)
{
  g_autoptr(GPtrArray) words = matching_region_words (self, clean);

  return words->len > 0;
}

GListModel *
sm_atlas_search_with_boosts (SmAtlas    *self,
                             const char *query,
                             GHashTable *zone_boosts)
{
  GListStore *results = g_list_store_new (SM_TYPE_SEARCH_RESULT);
  g_autofree char *folded = NULL;
  g_autofree char *clean = NULL;
  g_autofree Hit *hits = NULL;
  g_autoptr(GHashTable) nerve_boosts = NULL;
  g_auto(GStrv) words = NULL;
  GPtrArray *entries;
  guint n, best = 0, region_words;
  gboolean stop_only;

  g_return_val_if_fail (SM_IS_ATLAS (self), G_LIST_MODEL (results));

  folded = _sm_atlas_fold (query != NULL ? query : "");
  if (*folded == '\0')
    return G_LIST_MODEL (results);

  /* Only words like "pain": search with them, but names and synonyms only. */
  clean = strip_stop_words (self, folded);
  stop_only = *clean == '\0';
  if (stop_only)
    {
      g_free (clean);
      clean = g_strdup (folded);
    }
  words = g_strsplit (clean, " ", -1);

  entries = _sm_atlas_get_search_entries (self);
  n = entries->len;
  hits = g_new0 (Hit, n);
  for (guint i = 0; i < n; i++)
    {
      hits[i].entry = g_ptr_array_index (entries, i);
      hits[i].index = i;
      score_entry (self, &hits[i], clean, words, !stop_only);
    }

  /* A muscle that sends pain where the query says answers it whole. */
  region_words = names_a_region (self, clean) ? g_strv_length (words) : 0;
  apply_boosts (hits, n, zone_boosts, region_words);
  nerve_boosts = nerve_muscle_boosts (hits, n);
  apply_boosts (hits, n, nerve_boosts, g_strv_length (words));

  /* Not every word must match, but the best-matching items come alone:
   * "buttock and leg" does not list everything that says "leg". */
  for (guint i = 0; i < n; i++)
    best = MAX (best, hits[i].matched);
  qsort (hits, n, sizeof (Hit), compare_hits);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SmSearchResult) result = NULL;

      if (hits[i].matched == 0 || hits[i].matched < best)
        continue;
      result = make_result (hits[i].entry);
      g_list_store_append (results, result);
    }

  return G_LIST_MODEL (results);
}

GListModel *
sm_atlas_search (SmAtlas    *self,
                 const char *query)
{
  return sm_atlas_search_with_boosts (self, query, NULL);
}
