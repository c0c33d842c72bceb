/* sm-svg-index.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-svg-index"

#include "config.h"

#include <string.h>

#include "sm-svg-index.h"

/* What the rest of the app needs to know about an SVG without rendering it:
 * which ids exist, in document order, their <title> and the top-level group
 * each one sits in. librsvg answers none of that, so we read the markup once
 * with GMarkup, which is cheap and GLib-only (the content layer uses it). */

typedef struct
{
  char *id;
  char *title;
  char *group;
} Element;

struct _SmSvgIndex
{
  GObject     parent_instance;

  GPtrArray  *elements;  /* Element*, document order */
  GHashTable *by_id;     /* id → Element* */
};

G_DEFINE_FINAL_TYPE (SmSvgIndex, sm_svg_index, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-svg-index-error-quark, sm_svg_index_error)

typedef struct
{
  SmSvgIndex *self;
  GPtrArray  *stack;       /* Element* or NULL per open element */
  Element    *title_owner; /* set while inside a <title> */
  GString    *title;
  const char *name;
} ParseState;

static void
element_free (gpointer data)
{
  Element *element = data;

  g_free (element->id);
  g_free (element->title);
  g_free (element->group);
  g_free (element);
}

static Element *
nearest_element (GPtrArray *stack)
{
  for (guint i = stack->len; i > 0; i--)
    if (g_ptr_array_index (stack, i - 1) != NULL)
      return g_ptr_array_index (stack, i - 1);

  return NULL;
}

/* Top-level groups are the children of <svg>, i.e. depth 1 in the stack. */
static const char *
top_level_group (GPtrArray *stack)
{
  Element *top;

  if (stack->len < 2)
    return NULL;

  top = g_ptr_array_index (stack, 1);
  return top != NULL ? top->id : NULL;
}

/* Appends the element @id, or returns NULL when the index has it already. */
static Element *
append_element (SmSvgIndex *self,
                const char *id,
                const char *title,
                const char *group)
{
  Element *element;

  if (g_hash_table_contains (self->by_id, id))
    return NULL;

  element = g_new0 (Element, 1);
  element->id = g_strdup (id);
  element->title = g_strdup (title);
  element->group = g_strdup (group);
  g_ptr_array_add (self->elements, element);
  g_hash_table_insert (self->by_id, element->id, element);
  return element;
}

static Element *
add_element (ParseState  *state,
             const char  *id,
             GError     **error)
{
  Element *element = append_element (state->self, id, NULL, top_level_group (state->stack));

  if (element == NULL)
    g_set_error (error, SM_SVG_INDEX_ERROR, SM_SVG_INDEX_ERROR_DUPLICATE_ID,
                 "%s: the id “%s” is used more than once", state->name, id);
  return element;
}

static const char *
find_id (const char **names,
         const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "id") == 0)
      return values[i];

  return NULL;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const char *id = find_id (names, values);
  Element *element = NULL;

  if (strcmp (element_name, "title") == 0 && state->title_owner == NULL)
    {
      state->title_owner = nearest_element (state->stack);
      g_string_truncate (state->title, 0);
    }

  if (id != NULL && (element = add_element (state, id, error)) == NULL)
    return;

  g_ptr_array_add (state->stack, element);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  g_ptr_array_set_size (state->stack, state->stack->len - 1);

  if (strcmp (element_name, "title") != 0 || state->title_owner == NULL)
    return;

  /* Only an element's own first <title> names it. */
  if (state->title_owner->title == NULL && state->title_owner == nearest_element (state->stack))
    state->title_owner->title = g_strstrip (g_strdup (state->title->str));
  state->title_owner = NULL;
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->title_owner != NULL)
    g_string_append_len (state->title, text, len);
}

static const GMarkupParser parser = {
  .start_element = start_element,
  .end_element = end_element,
  .text = text,
};

static gboolean
parse (SmSvgIndex  *self,
       GBytes      *bytes,
       const char  *name,
       GError     **error)
{
  ParseState state = { self, g_ptr_array_new (), NULL, g_string_new (NULL), name };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &state, NULL);
  ok = g_markup_parse_context_parse (context, data, len, &local_error) &&
       g_markup_parse_context_end_parse (context, &local_error);

  g_ptr_array_unref (state.stack);
  g_string_free (state.title, TRUE);

  if (!ok && local_error->domain == SM_SVG_INDEX_ERROR)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else if (!ok)
    g_set_error (error, SM_SVG_INDEX_ERROR, SM_SVG_INDEX_ERROR_MALFORMED,
                 "%s: not a readable SVG file: %s", name, local_error->message);
  return ok;
}

SmSvgIndex *
sm_svg_index_new_from_bytes (GBytes      *bytes,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(SmSvgIndex) self = g_object_new (SM_TYPE_SVG_INDEX, NULL);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (!parse (self, bytes, name != NULL ? name : "SVG", error))
    return NULL;

  return g_steal_pointer (&self);
}

SmSvgIndex *
sm_svg_index_new_from_resource (const char  *path,
                                GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return sm_svg_index_new_from_bytes (bytes, path, error);
}

/**
 * sm_svg_index_new_from_variant:
 * @elements: an index as sm_svg_index_serialize () wrote it
 *   (%SM_SVG_INDEX_VARIANT_TYPE)
 *
 * The index written ahead, for an SVG that was read and checked when it
 * was written (the body artwork's, by the build): nothing is parsed.
 *
 * Returns: (transfer full) (nullable): the index, or %NULL when @elements
 *   names an id twice, which an index read from a file never does.
 */
SmSvgIndex *
sm_svg_index_new_from_variant (GVariant *elements)
{
  g_autoptr(SmSvgIndex) self = NULL;
  GVariantIter iter;
  const char *id, *title, *group;

  g_return_val_if_fail (g_variant_is_of_type (elements, G_VARIANT_TYPE (SM_SVG_INDEX_VARIANT_TYPE)),
                        NULL);

  self = g_object_new (SM_TYPE_SVG_INDEX, NULL);
  g_variant_iter_init (&iter, elements);
  while (g_variant_iter_next (&iter, "(&sm&sm&s)", &id, &title, &group))
    if (append_element (self, id, title, group) == NULL)
      return NULL;
  return g_steal_pointer (&self);
}

/**
 * sm_svg_index_serialize:
 *
 * Returns: (transfer floating): the index as %SM_SVG_INDEX_VARIANT_TYPE,
 *   for sm_svg_index_new_from_variant ()
 */
GVariant *
sm_svg_index_serialize (SmSvgIndex *self)
{
  GVariantBuilder builder;

  g_return_val_if_fail (SM_IS_SVG_INDEX (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE (SM_SVG_INDEX_VARIANT_TYPE));
  for (guint i = 0; i < self->elements->len; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);

      g_variant_builder_add (&builder, "(smsms)", element->id, element->title, element->group);
    }
  return g_variant_builder_end (&builder);
}

gboolean
sm_svg_index_has_id (SmSvgIndex *self,
                     const char *id)
{
  g_return_val_if_fail (SM_IS_SVG_INDEX (self), FALSE);

  return g_hash_table_contains (self->by_id, id);
}

const char *
sm_svg_index_get_title (SmSvgIndex *self,
                        const char *id)
{
  Element *element;

  g_return_val_if_fail (SM_IS_SVG_INDEX (self), NULL);

  element = g_hash_table_lookup (self->by_id, id);
  return element != NULL ? element->title : NULL;
}

/* Returns the id of the top-level group (child of <svg>) holding @id. */
const char *
sm_svg_index_get_group (SmSvgIndex *self,
                        const char *id)
{
  Element *element;

  g_return_val_if_fail (SM_IS_SVG_INDEX (self), NULL);

  element = g_hash_table_lookup (self->by_id, id);
  return element != NULL ? element->group : NULL;
}

/* Returns: (transfer container) (element-type utf8): the ids starting with
 * @prefix in document order, i.e. drawing order. */
GPtrArray *
sm_svg_index_list_ids (SmSvgIndex *self,
                       const char *prefix)
{
  GPtrArray *ids = g_ptr_array_new ();

  g_return_val_if_fail (SM_IS_SVG_INDEX (self), ids);

  for (guint i = 0; i < self->elements->len; i++)
    {
      Element *element = g_ptr_array_index (self->elements, i);

      if (prefix == NULL || g_str_has_prefix (element->id, prefix))
        g_ptr_array_add (ids, element->id);
    }

  return ids;
}

static void
sm_svg_index_finalize (GObject *object)
{
  SmSvgIndex *self = SM_SVG_INDEX (object);

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->elements, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_svg_index_parent_class)->finalize (object);
}

static void
sm_svg_index_class_init (SmSvgIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sm_svg_index_finalize;
}

static void
sm_svg_index_init (SmSvgIndex *self)
{
  self->elements = g_ptr_array_new_with_free_func (element_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}
