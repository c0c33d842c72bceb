/* sm-content-schema.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-content-schema"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-atlas.h"
#include "sm-content-schema.h"
#include "sm-content-schema-private.h"
#include "sm-json-reader.h"
#include "sm-pose.h"
#include "sm-utils.h"

/* The content files are described once, as tables, and three walkers use
 * the tables: validation (structure, then references), building the
 * GObjects, and listing the translatable text for the .pot. A new field is
 * one table line plus one property on its type. */

/* Field, Schema and the check kinds: sm-content-schema-private.h. */

static const char * const seeds[] = {
  "000_a853eb8a81f24b2c.txt",
  "001_1453ccf725ec4075.txt",
  "002_9bd4567e80f0edc7.txt",
  "003_d22b414ee7ad2001.txt",
  "004_aceae3647d829559.txt",
  NULL
};

static const char * const views[] = { "back", "front", NULL };
static const char * const layers[] = { "superficial", "deep", NULL };
static const char * const whos[] = { "self", "therapist", "both", NULL };

#define ID { "id", FIELD_STRING, CHECK_ID }
#define TEXT(key) { key, FIELD_TEXT }
#define TEXTS(key) { key, FIELD_TEXT_LIST }
#define SYNONYMS { "synonyms", FIELD_TEXT_LIST, CHECK_NONE, TRUE }
#define SOURCES { "sources", FIELD_NAME_LIST, CHECK_SOURCE }

static const Field tool_use_fields[] = {
  { "tool", FIELD_STRING, CHECK_TOOL },
  TEXT ("position"),
  TEXT ("placement"),
  TEXT ("movement"),
  TEXT ("duration"),
  { "pose", FIELD_STRING, CHECK_POSE },
  TEXT ("picture"),
  { NULL }
};

static const Schema tool_use_schema = { sm_tool_use_get_type, -1, tool_use_fields };

static const Field zone_fields[] = {
  ID,
  TEXT ("name"),
  { "view", FIELD_STRING, CHECK_CHOICE, FALSE, views },
  { "layer", FIELD_STRING, CHECK_CHOICE, FALSE, layers },
  { "two-sided", FIELD_BOOL },
  TEXT ("summary"),
  TEXT ("where"),
  TEXT ("why"),
  TEXTS ("find"),
  TEXT ("presenter"),
  TEXT ("pressure"),
  { "hold-seconds", FIELD_UINT, CHECK_NONE, FALSE, NULL, 5, 120 },
  TEXTS ("cautions"),
  { "landmarks", FIELD_NAME_LIST, CHECK_LANDMARK, TRUE },
  { "caution-areas", FIELD_NAME_LIST, CHECK_CAUTION, TRUE },
  { "techniques", FIELD_NAME_LIST, CHECK_TECHNIQUE },
  { "tools", FIELD_OBJECTS, CHECK_NONE, FALSE, NULL, 0, 0, &tool_use_schema },
  SYNONYMS,
  SOURCES,
  { NULL }
};

static const Field technique_fields[] = {
  ID,
  TEXT ("name"),
  TEXT ("summary"),
  TEXT ("effect"),
  TEXT ("feel"),
  { "who", FIELD_STRING, CHECK_CHOICE, FALSE, whos },
  TEXT ("who-text"),
  { "optional", FIELD_BOOL, CHECK_NONE, TRUE },
  { "steps", FIELD_TEXT_LIST, CHECK_NONE, TRUE },
  SYNONYMS,
  SOURCES,
  { NULL }
};

static const Field tool_fields[] = {
  ID,
  TEXT ("name"),
  TEXT ("summary"),
  TEXTS ("good-for"),
  TEXTS ("steps"),
  TEXTS ("avoid"),
  SYNONYMS,
  SOURCES,
  { NULL }
};

static const Field stretch_fields[] = {
  ID,
  TEXT ("name"),
  TEXT ("summary"),
  TEXTS ("steps"),
  { "hold-seconds", FIELD_UINT, CHECK_NONE, FALSE, NULL, 5, 120 },
  TEXTS ("cautions"),
  { "zones", FIELD_NAME_LIST, CHECK_ZONE },
  { "pose", FIELD_STRING, CHECK_POSE },
  TEXT ("picture"),
  SYNONYMS,
  SOURCES,
  { NULL }
};

static const Field safety_fields[] = {
  TEXT ("disclaimer"),
  TEXT ("professional"),
  TEXTS ("avoid-when"),
  TEXTS ("stop-rules"),
  TEXTS ("red-flags"),
  TEXT ("heat-summary"),
  TEXTS ("heat-steps"),
  TEXT ("stretch-summary"),
  SOURCES,
  { NULL }
};

/* The caution areas of the artwork a person can click: what the map says
 * about each (both sides share one entry). */
static const Field caution_area_fields[] = {
  ID,
  { "view", FIELD_STRING, CHECK_CHOICE, FALSE, views },
  TEXT ("title"),
  TEXT ("explanation"),
  { "sources", FIELD_NAME_LIST, CHECK_SOURCE, TRUE },
  { NULL }
};

static const Schema zone_schema = { sm_zone_get_type, SM_CONTENT_ZONE, zone_fields };
static const Schema technique_schema = { sm_technique_get_type, SM_CONTENT_TECHNIQUE, technique_fields };
static const Schema tool_schema = { sm_tool_get_type, SM_CONTENT_TOOL, tool_fields };
static const Schema stretch_schema = { sm_stretch_get_type, SM_CONTENT_STRETCH, stretch_fields };
static const Schema safety_schema = { sm_safety_get_type, SM_CONTENT_SAFETY, safety_fields };
static const Schema caution_area_schema = { sm_caution_area_get_type, SM_CONTENT_CAUTION_AREA,
                                            caution_area_fields };

/* A file holds any of these; the whole set is checked together. */
static const Field file_fields[] = {
  { "zones", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &zone_schema },
  { "techniques", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &technique_schema },
  { "tools", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &tool_schema },
  { "stretches", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &stretch_schema },
  { "safety", FIELD_OBJECT, CHECK_NONE, TRUE, NULL, 0, 0, &safety_schema },
  { "caution-areas", FIELD_OBJECTS, CHECK_NONE, TRUE, NULL, 0, 0, &caution_area_schema },
  SM_REFERRAL_FILE_FIELDS,
  { NULL }
};

static const Schema file_schema = { NULL, -1, file_fields };

const char *
sm_content_kind_name (SmContentKind kind)
{
  static const char * const names[] = { "zone", "technique", "tool", "stretch", "safety",
                                          "caution area", "referral", "region", "nerve",
                                          "search words" };

  g_return_val_if_fail (kind < SM_CONTENT_N_KINDS, NULL);

  return names[kind];
}

const char * const *
sm_content_seed_names (void)
{
  return seeds;
}

/* Paths read like zones[3].tools[1]; the top level is the empty path. */
static char *
member_path (const char *path,
             const char *key)
{
  return *path == '\0' ? g_strdup (key) : g_strconcat (path, ".", key, NULL);
}

static char *
element_path (const char *path,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static const SmJsonErrorCodes content_codes = {
  SM_ATLAS_ERROR_WRONG_TYPE, SM_ATLAS_ERROR_UNKNOWN_KEY,
  SM_ATLAS_ERROR_MISSING_FIELD, SM_ATLAS_ERROR_INVALID_VALUE,
};

static gboolean G_GNUC_PRINTF (5, 6)
fail (GError          **error,
      SmAtlasError      code,
      SmContentContext *context,
      const char       *path,
      const char       *format,
      ...)
{
  va_list args;

  va_start (args, format);
  sm_json_fail_valist (error, SM_ATLAS_ERROR, code, context->file, path, format, args);
  va_end (args);
  return FALSE;
}


/* --- Validation ---------------------------------------------------------- */

static gboolean validate_object (SmContentContext  *context,
                                 const Schema      *schema,
                                 JsonNode          *node,
                                 const char        *path,
                                 GError           **error);

static gboolean
is_value_of_type (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* The one wording of sm-json-reader.c for each type. */
static const char *
wrong_type_message (FieldType type)
{
  switch (type)
    {
    case FIELD_STRING:
    case FIELD_TEXT:
      return _("must be a string");
    case FIELD_TEXT_LIST:
    case FIELD_NAME_LIST:
      return _("must be a list of strings");
    case FIELD_UINT:
      return _("must be a whole number");
    case FIELD_BOOL:
      return _("must be true or false");
    case FIELD_OBJECTS:
      return _("must be a list of objects");
    case FIELD_OBJECT:
      return _("must be an object");
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_id_syntax (SmContentContext  *context,
                 const char        *value,
                 const char        *path,
                 GError           **error)
{
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return fail (error, SM_ATLAS_ERROR_INVALID_VALUE, context, path,
                   "“%s” is not an id (lower-case letters, digits and “-”)", value);

  return TRUE;
}

/* First pass: ids are registered as they are met, duplicates refused. */
static gboolean
register_id (SmContentContext  *context,
             int                kind,
             const char        *value,
             const char        *path,
             GError           **error)
{
  if (!check_id_syntax (context, value, path, error))
    return FALSE;

  if (!g_hash_table_add (context->ids[kind], g_strdup (value)))
    return fail (error, SM_ATLAS_ERROR_DUPLICATE_ID, context, path,
                 "there is already a %s with the id “%s”", sm_content_kind_name (kind), value);

  return TRUE;
}

static SmSvgIndex *
view_index (SmContentContext *context,
            JsonObject       *parent)
{
  const char *view = json_object_get_string_member_with_default (parent, "view", "back");

  return g_str_equal (view, "front") ? context->front : context->back;
}

/* A sided element must exist on both sides; a middle one once. */
static gboolean
svg_has (SmSvgIndex *index,
         const char *prefix,
         const char *name,
         gboolean    sided_only)
{
  g_autofree char *whole = g_strdup_printf ("%s-%s", prefix, name);
  g_autofree char *left = g_strdup_printf ("%s-%s-left", prefix, name);
  g_autofree char *right = g_strdup_printf ("%s-%s-right", prefix, name);

  if (!sided_only && sm_svg_index_has_id (index, whole))
    return TRUE;

  return sm_svg_index_has_id (index, left) && sm_svg_index_has_id (index, right);
}

static gboolean
check_svg (SmContentContext  *context,
           const char        *prefix,
           const char        *value,
           JsonObject        *parent,
           const char        *path,
           GError           **error)
{
  SmSvgIndex *index = view_index (context, parent);
  const char *view = json_object_get_string_member_with_default (parent, "view", "back");
  gboolean sided_only = g_str_equal (prefix, "zone") &&
                        json_object_get_boolean_member_with_default (parent, "two-sided", TRUE);

  if (index == NULL || svg_has (index, prefix, value, sided_only))
    return TRUE;

  return fail (error, SM_ATLAS_ERROR_UNKNOWN_SVG_ID, context, path,
               "the %s view artwork has no element “%s-%s”%s", view, prefix, value,
               sided_only ? " on both sides (-left, -right)" : "");
}

static gboolean
check_reference (SmContentContext  *context,
                 SmContentKind      kind,
                 const char        *value,
                 const char        *path,
                 GError           **error)
{
  if (g_hash_table_contains (context->ids[kind], value))
    return TRUE;

  return fail (error, SM_ATLAS_ERROR_DANGLING_REFERENCE, context, path,
               "there is no %s with the id “%s”", sm_content_kind_name (kind), value);
}

static gboolean
check_source (SmContentContext  *context,
              const char        *value,
              const char        *path,
              GError           **error)
{
  if (g_strv_contains (seeds, value))
    return TRUE;

  return fail (error, SM_ATLAS_ERROR_UNKNOWN_SOURCE, context, path,
               "“%s” is not one of the seed articles", value);
}

/* The picture shows the tool the text names: a tool use's pose has its
 * tool, a stretch's none. */
static gboolean
check_pose (SmContentContext  *context,
            const char        *value,
            JsonObject        *parent,
            const char        *path,
            GError           **error)
{
  SmPose *pose;
  const char *tool = json_object_get_string_member_with_default (parent, "tool", NULL);

  if (context->skip_poses)
    return TRUE;

  pose = sm_pose_lookup (value);
  if (pose == NULL)
    return fail (error, SM_ATLAS_ERROR_DANGLING_REFERENCE, context, path,
                 "there is no pose with the id “%s” (data/poses/%s.json)", value, value);

  if (g_strcmp0 (sm_pose_get_tool_id (pose), tool) != 0)
    return fail (error, SM_ATLAS_ERROR_INVALID_VALUE, context, path,
                 "the pose “%s” shows the tool “%s”, not “%s”", value,
                 sm_pose_get_tool_id (pose) != NULL ? sm_pose_get_tool_id (pose) : "none",
                 tool != NULL ? tool : "none");

  return TRUE;
}

/* Checks of the second pass, once every id of the set is known. */
static gboolean
check_name (SmContentContext  *context,
            const Schema      *schema,
            const Field       *field,
            const char        *value,
            JsonObject        *parent,
            const char        *path,
            GError           **error)
{
  switch (field->check)
    {
    case CHECK_ID:
      if (schema->kind == SM_CONTENT_CAUTION_AREA)
        return check_svg (context, "caution", value, parent, path, error);
      if (schema->kind == SM_CONTENT_REFERRAL || schema->kind == SM_CONTENT_REGION)
        return _sm_referral_check_name (context, schema->kind, CHECK_ID, value, path, error);
      return schema->kind != SM_CONTENT_ZONE || check_svg (context, "zone", value, parent, path, error);
    case CHECK_ZONE:
      return check_reference (context, SM_CONTENT_ZONE, value, path, error);
    case CHECK_TECHNIQUE:
      return check_reference (context, SM_CONTENT_TECHNIQUE, value, path, error);
    case CHECK_TOOL:
      return check_reference (context, SM_CONTENT_TOOL, value, path, error);
    case CHECK_SOURCE:
      return check_source (context, value, path, error);
    case CHECK_LANDMARK:
      return check_svg (context, "landmark", value, parent, path, error);
    case CHECK_CAUTION:
      return check_svg (context, "caution", value, parent, path, error);
    case CHECK_REFERRAL:
    case CHECK_REGION:
    case CHECK_REFERENCE:
      return _sm_referral_check_name (context, schema->kind, field->check, value, path, error);
    case CHECK_POSE:
      return check_pose (context, value, parent, path, error);
    case CHECK_NONE:
    case CHECK_CHOICE:
    default:
      return TRUE;
    }
}

/* Checks of the first pass, on one string. */
static gboolean
check_string (SmContentContext  *context,
              const Schema      *schema,
              const Field       *field,
              const char        *value,
              JsonObject        *parent,
              const char        *path,
              GError           **error)
{
  if (context->check_references)
    return check_name (context, schema, field, value, parent, path, error);

  if (*value == '\0' || g_ascii_isspace (*value))
    return fail (error, SM_ATLAS_ERROR_INVALID_VALUE, context, path,
                 "empty text or text starting with a space");

  if (field->check == CHECK_CHOICE && !g_strv_contains (field->choices, value))
    return fail (error, SM_ATLAS_ERROR_INVALID_VALUE, context, path,
                 "“%s” is not one of the allowed values", value);

  if (field->check == CHECK_ID)
    return register_id (context, schema->kind, value, path, error);

  return TRUE;
}

static gboolean
validate_element (SmContentContext  *context,
                  const Schema      *schema,
                  const Field       *field,
                  JsonNode          *node,
                  JsonObject        *parent,
                  const char        *path,
                  GError           **error)
{
  if (field->type == FIELD_OBJECTS)
    return validate_object (context, field->schema, node, path, error);

  if (!sm_json_node_is_string (node))
    return fail (error, SM_ATLAS_ERROR_WRONG_TYPE, context, path, "%s", wrong_type_message (FIELD_STRING));

  return check_string (context, schema, field, json_node_get_string (node), parent, path, error);
}

/* Lists of strings or of objects. */
static gboolean
validate_array (SmContentContext  *context,
                const Schema      *schema,
                const Field       *field,
                JsonNode          *node,
                JsonObject        *parent,
                const char        *path,
                GError           **error)
{
  JsonArray *array = json_node_get_array (node);
  guint n = json_array_get_length (array);

  if (n == 0 && !field->optional && !context->check_references)
    return fail (error, SM_ATLAS_ERROR_INVALID_VALUE, context, path, "the list is empty");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = element_path (path, i);

      if (!validate_element (context, schema, field, json_array_get_element (array, i),
                             parent, item_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_type (const Field *field,
          JsonNode    *node)
{
  switch (field->type)
    {
    case FIELD_STRING:
    case FIELD_TEXT:
      return is_value_of_type (node, G_TYPE_STRING);
    case FIELD_UINT:
      return is_value_of_type (node, G_TYPE_INT64);
    case FIELD_BOOL:
      return is_value_of_type (node, G_TYPE_BOOLEAN);
    case FIELD_TEXT_LIST:
    case FIELD_NAME_LIST:
    case FIELD_OBJECTS:
      return JSON_NODE_HOLDS_ARRAY (node);
    case FIELD_OBJECT:
      return JSON_NODE_HOLDS_OBJECT (node);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
validate_uint (SmContentContext  *context,
               const Field       *field,
               JsonNode          *node,
               const char        *path,
               GError           **error)
{
  gint64 value = json_node_get_int (node);

  if (context->check_references || (value >= field->min && value <= field->max))
    return TRUE;

  return fail (error, content_codes.out_of_range, context, path,
               _("%1$lld is out of range (%2$u to %3$u)"), (long long) value, field->min, field->max);
}

/* Safety has no id; a second one anywhere in the set is still a duplicate. */
static gboolean
validate_single (SmContentContext  *context,
                 const Field       *field,
                 JsonNode          *node,
                 const char        *path,
                 GError           **error)
{
  int kind = field->schema->kind;

  if (!context->check_references && kind >= 0 &&
      !g_hash_table_add (context->ids[kind], g_strdup (field->key)))
    return fail (error, SM_ATLAS_ERROR_DUPLICATE_ID, context, path,
                 "“%s” is given more than once in the content", field->key);

  return validate_object (context, field->schema, node, path, error);
}

static gboolean
validate_field (SmContentContext  *context,
                const Schema      *schema,
                const Field       *field,
                JsonNode          *node,
                JsonObject        *parent,
                const char        *path,
                GError           **error)
{
  if (!has_type (field, node))
    return fail (error, SM_ATLAS_ERROR_WRONG_TYPE, context, path,
                 "%s", wrong_type_message (field->type));

  switch (field->type)
    {
    case FIELD_STRING:
    case FIELD_TEXT:
      return check_string (context, schema, field, json_node_get_string (node), parent, path, error);
    case FIELD_TEXT_LIST:
    case FIELD_NAME_LIST:
    case FIELD_OBJECTS:
      return validate_array (context, schema, field, node, parent, path, error);
    case FIELD_UINT:
      return validate_uint (context, field, node, path, error);
    case FIELD_OBJECT:
      return validate_single (context, field, node, path, error);
    case FIELD_BOOL:
    default:
      return TRUE;
    }
}

static const Field *
find_field (const Schema *schema,
            const char   *key)
{
  for (const Field *field = schema->fields; field->key != NULL; field++)
    if (g_str_equal (field->key, key))
      return field;

  return NULL;
}

static gboolean
validate_members (SmContentContext  *context,
                  const Schema      *schema,
                  JsonObject        *object,
                  const char        *path,
                  GError           **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const Field *field = find_field (schema, key);
      g_autofree char *field_path = member_path (path, key);

      if (field == NULL)
        return sm_json_fail_unknown_key (error, SM_ATLAS_ERROR, content_codes.unknown_key,
                                         context->file, field_path, key);
      if (!validate_field (context, schema, field, json_object_get_member (object, key),
                           object, field_path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_object (SmContentContext  *context,
                 const Schema      *schema,
                 JsonNode          *node,
                 const char        *path,
                 GError           **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, SM_ATLAS_ERROR_WRONG_TYPE, context, path, "%s", wrong_type_message (FIELD_OBJECT));

  object = json_node_get_object (node);
  /* Content messages name the member itself (zones[1].why), a loader of
   * our own files, so the path can be searched for in the data. */
  for (const Field *field = schema->fields; field->key != NULL; field++)
    {
      g_autofree char *field_path = member_path (path, field->key);

      if (!field->optional && !json_object_has_member (object, field->key))
        return sm_json_fail_missing (error, SM_ATLAS_ERROR, content_codes.missing_field,
                                     context->file, field_path, field->key);
    }

  return validate_members (context, schema, object, path, error);
}

gboolean
sm_content_validate (SmContentContext  *context,
                     JsonNode          *root,
                     GError           **error)
{
  return validate_object (context, &file_schema, root, "", error);
}

/* --- Building objects ---------------------------------------------------- */

static GObject *build_object (const Schema *schema,
                              JsonObject   *object);

static const char *
translate (const char *msgid)
{
  return g_dgettext (GETTEXT_PACKAGE, msgid);
}

static GStrv
build_strv (JsonArray *array,
            gboolean   translated)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *value = json_array_get_string_element (array, i);

      g_strv_builder_add (builder, translated ? translate (value) : value);
    }

  return g_strv_builder_end (builder);
}

static GListModel *
build_list (const Schema *schema,
            JsonArray    *array)
{
  GListStore *store = g_list_store_new (schema->get_type ());

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GObject) item = build_object (schema, json_array_get_object_element (array, i));

      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}

static void
build_value (const Field *field,
             JsonNode    *node,
             GValue      *value)
{
  switch (field->type)
    {
    case FIELD_STRING:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, json_node_get_string (node));
      break;
    case FIELD_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, translate (json_node_get_string (node)));
      break;
    case FIELD_TEXT_LIST:
    case FIELD_NAME_LIST:
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, build_strv (json_node_get_array (node), field->type == FIELD_TEXT_LIST));
      break;
    case FIELD_UINT:
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, json_node_get_int (node));
      break;
    case FIELD_BOOL:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, json_node_get_boolean (node));
      break;
    case FIELD_OBJECTS:
      g_value_init (value, G_TYPE_LIST_MODEL);
      g_value_take_object (value, build_list (field->schema, json_node_get_array (node)));
      break;
    case FIELD_OBJECT:
    default:
      g_assert_not_reached ();
    }
}

/* Property names are the JSON keys; absent optional fields keep the
 * property's default. */
static GObject *
build_object (const Schema *schema,
              JsonObject   *object)
{
  const char *names[32];
  GValue values[32] = { G_VALUE_INIT };
  guint n = 0;
  GObject *item;

  for (const Field *field = schema->fields; field->key != NULL; field++)
    {
      g_assert (n < G_N_ELEMENTS (names));
      if (!json_object_has_member (object, field->key))
        continue;
      names[n] = field->key;
      build_value (field, json_object_get_member (object, field->key), &values[n++]);
    }

  item = g_object_new_with_properties (schema->get_type (), n, names, values);

  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return item;
}

static void
build_top_level (const Field       *field,
                 JsonNode          *node,
                 SmContentItemFunc  func,
                 gpointer           user_data)
{
  const Schema *schema = field->schema;

  if (field->type == FIELD_OBJECT)
    {
      g_autoptr(GObject) item = build_object (schema, json_node_get_object (node));

      func (schema->kind, item, json_node_get_object (node), user_data);
      return;
    }

  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonObject *object = json_array_get_object_element (json_node_get_array (node), i);
      g_autoptr(GObject) item = build_object (schema, object);

      func (schema->kind, item, object, user_data);
    }
}

/* @root must have passed sm_content_validate(). */
void
sm_content_build (JsonNode          *root,
                  SmContentItemFunc  func,
                  gpointer           user_data)
{
  JsonObject *object = json_node_get_object (root);

  for (const Field *field = file_schema.fields; field->key != NULL; field++)
    if (json_object_has_member (object, field->key))
      build_top_level (field, json_object_get_member (object, field->key), func, user_data);
}

/* --- Translatable text --------------------------------------------------- */

static void foreach_text_in_object (const Schema      *schema,
                                    JsonObject        *object,
                                    const char        *path,
                                    SmContentTextFunc  func,
                                    gpointer           user_data);

static void
foreach_text_in_field (const Field       *field,
                       JsonNode          *node,
                       const char        *path,
                       SmContentTextFunc  func,
                       gpointer           user_data)
{
  JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  if (field->type == FIELD_TEXT)
    func (path, json_node_get_string (node), user_data);
  else if (field->type == FIELD_OBJECT)
    foreach_text_in_object (field->schema, json_node_get_object (node), path, func, user_data);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = element_path (path, i);

      if (field->type == FIELD_TEXT_LIST)
        func (item_path, json_array_get_string_element (array, i), user_data);
      else if (field->type == FIELD_OBJECTS)
        foreach_text_in_object (field->schema, json_array_get_object_element (array, i),
                                item_path, func, user_data);
    }
}

static void
foreach_text_in_object (const Schema      *schema,
                        JsonObject        *object,
                        const char        *path,
                        SmContentTextFunc  func,
                        gpointer           user_data)
{
  for (const Field *field = schema->fields; field->key != NULL; field++)
    {
      g_autofree char *field_path = member_path (path, field->key);

      if (json_object_has_member (object, field->key))
        foreach_text_in_field (field, json_object_get_member (object, field->key),
                               field_path, func, user_data);
    }
}

/* Calls @func for every translatable string of a validated file, in file
 * order, with its JSON path. */
void
sm_content_foreach_text (JsonNode          *root,
                         SmContentTextFunc  func,
                         gpointer           user_data)
{
  foreach_text_in_object (&file_schema, json_node_get_object (root), "", func, user_data);
}

/* Parses @bytes (already through sm_content_scan ()) with @parser. On
 * failure *@message is json-glib's message, made valid UTF-8: it quotes
 * the bad token cut short, maybe inside a character, and the message ends
 * up in a label. */
gboolean
sm_content_load_json (JsonParser  *parser,
                      GBytes      *bytes,
                      char       **message)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* An empty GBytes (an empty mapped file) may have no data at all. */
  if (json_parser_load_from_data (parser, data != NULL ? data : "", length, &error))
    return TRUE;

  /* json-glib quotes the token it stumbled on, of any length. */
  *message = sm_cut_for_message (error->message, 4 * SM_MESSAGE_QUOTE_CHARS);
  return FALSE;
}
