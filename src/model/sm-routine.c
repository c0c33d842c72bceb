/* sm-routine.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sm-content-schema.h"
#include "sm-file-write.h"
#include "sm-pain-drawing.h"
#include "sm-routine.h"
#include "sm-routine-private.h"
#include "sm-utils.h"
#include "sm-zone-id.h"

/* A routine is what a therapist hands a patient: an ordered list of steps
 * plus who it is for and a few notes. It is read from and written to a small
 * versioned JSON file. Reading is strict — a routine file may come from an
 * e-mail attachment — and every problem names the file, the JSON path and
 * what is wrong, so the person can fix it or tell the sender. */

struct _SmRoutine
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *patient;
  char       *notes;
  GDateTime  *created;
  GDateTime  *modified;
  GListStore *steps;
  SmPainDrawing *pain;   /* the patient's pain drawing, since version 2 */
  gboolean    builtin;
};

G_DEFINE_FINAL_TYPE (SmRoutine, sm_routine, G_TYPE_OBJECT)

G_DEFINE_QUARK (sm-routine-error-quark, sm_routine_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PATIENT,
  PROP_NOTES,
  PROP_BUILTIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A routine is three levels deep; anything much deeper is not a routine and
 * must never reach json-glib, which overflows its stack on ~100 000 levels. */
#define MAX_DEPTH 8

/* Values in one file, counted by the raw scan before json-glib builds a
 * tree: room for the most steps and the largest pain drawing. */
#define MAX_VALUES (SM_ROUTINE_MAX_STEPS * 10 + SM_PAIN_MAX_STROKES * 8 + SM_PAIN_MAX_ALL_POINTS * 2)

static GDateTime *
now_utc (void)
{
  /* Whole seconds, so a saved and reloaded routine compares equal. */
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

SmRoutine *
sm_routine_new (const char *name)
{
  return g_object_new (SM_TYPE_ROUTINE, "name", name, NULL);
}

/* ------------------------------------------------------------------ */
/* Reading                                                              */

typedef struct
{
  const char *file_name;
  GString    *path;     /* JSON path of the node being read, e.g. steps[2].zone */
  guint       version;  /* of the file being read */
} Reader;

G_GNUC_PRINTF (4, 5)
static gboolean
fail (Reader      *reader,
      GError     **error,
      int          code,
      const char  *format,
      ...)
{
  va_list args;

  va_start (args, format);
  sm_set_input_error (error, SM_ROUTINE_ERROR, code, reader->file_name,
                      reader->path->len > 0 ? reader->path->str : _("top level"),
                      format, args);
  va_end (args);
  return FALSE;
}

/* Appends ".key" (or "key" at the top) to the path; returns the old length
 * so the caller can truncate back. */
static gsize
path_push_key (Reader     *reader,
               const char *key)
{
  gsize old = reader->path->len;

  if (old > 0)
    g_string_append_c (reader->path, '.');
  g_string_append (reader->path, key);
  return old;
}

static gsize
path_push_index (Reader *reader,
                 guint   index)
{
  gsize old = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return old;
}

typedef struct
{
  const char *key;
  gboolean    required;
} Field;

static gboolean
check_keys (Reader       *reader,
            JsonObject   *object,
            const Field  *fields,
            GError      **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      gboolean known = FALSE;

      for (const Field *f = fields; f->key != NULL && !known; f++)
        known = g_str_equal (f->key, l->data);
      if (!known)
        {
          g_autofree char *key = sm_cut_for_message (l->data, SM_MESSAGE_QUOTE_CHARS);

          return fail (reader, error, SM_ROUTINE_ERROR_UNKNOWN_KEY, _("unknown key “%s”"), key);
        }
    }

  for (const Field *f = fields; f->key != NULL; f++)
    if (f->required && !json_object_has_member (object, f->key))
      return fail (reader, error, SM_ROUTINE_ERROR_MISSING_FIELD,
                   _("the required field “%s” is missing"), f->key);

  return TRUE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

/* How long each text may be, in characters; the others are ids and times,
 * checked for what they hold. */
static glong
max_length (const char *key)
{
  if (g_str_equal (key, "name"))
    return SM_ROUTINE_MAX_NAME;
  if (g_str_equal (key, "patient"))
    return SM_ROUTINE_MAX_PATIENT;
  if (g_str_equal (key, "notes"))
    return SM_ROUTINE_MAX_NOTES;
  if (g_str_equal (key, "note"))
    return SM_ROUTINE_MAX_STEP_NOTE;
  return G_MAXLONG;
}

/* Reads an optional string member; absent leaves *out alone. */
static gboolean
read_string (Reader       *reader,
             JsonObject   *object,
             const char   *key,
             char        **out,
             GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);
  glong length;
  gsize old;

  if (node == NULL)
    return TRUE;

  old = path_push_key (reader, key);
  if (!is_string (node))
    return fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE, _("must be a string"));
  length = g_utf8_strlen (json_node_get_string (node), -1);
  if (length > max_length (key))
    return fail (reader, error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                 /* Translators: the plural form follows the second number */
                 g_dngettext (GETTEXT_PACKAGE,
                              "at most %1$ld characters, not %2$ld character",
                              "at most %1$ld characters, not %2$ld characters", length),
                 max_length (key), length);
  g_string_truncate (reader->path, old);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_uint (Reader      *reader,
           JsonObject  *object,
           const char  *key,
           guint        min,
           guint        max,
           guint       *out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;
  gsize old;

  if (node == NULL)
    return TRUE;

  old = path_push_key (reader, key);
  if (!is_integer (node))
    return fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE, _("must be a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return fail (reader, error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                 _("%1$lld is out of range (%2$u to %3$u)"), (long long) value, min, max);
  g_string_truncate (reader->path, old);

  *out = value;
  return TRUE;
}

static gboolean
read_time (Reader      *reader,
           JsonObject  *object,
           const char  *key,
           GDateTime  **out,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDateTime *time = NULL;
  gsize old;

  if (!read_string (reader, object, key, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  /* Kept as it is saved: whole seconds in UTC. A time at the edge of the
   * calendar may have no UTC equivalent (year 1 east of Greenwich). */
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed != NULL)
    utc = g_date_time_to_utc (parsed);
  if (utc != NULL)
    time = g_date_time_add (utc, -g_date_time_get_microsecond (utc));
  if (time == NULL)
    {
      g_autofree char *quoted = sm_cut_for_message (text, SM_MESSAGE_QUOTE_CHARS);

      old = path_push_key (reader, key);
      fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE,
            _("“%s” is not a date and time like 2026-01-31T18:00:00Z"), quoted);
      g_string_truncate (reader->path, old);
      return FALSE;
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = time;
  return TRUE;
}

static gboolean
check_side (Reader         *reader,
            SmRoutineStep  *step,
            GError        **error)
{
  const char *side = sm_routine_step_get_side (step);
  g_autofree char *quoted = NULL;

  if (g_strv_contains ((const char * const[]) { "left", "right", "both", NULL }, side))
    return TRUE;

  quoted = sm_cut_for_message (side, SM_MESSAGE_QUOTE_CHARS);
  path_push_key (reader, "side");
  return fail (reader, error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
               _("“%s” is not a side (left, right or both)"), quoted);
}

static const Field step_fields[] = {
  { "zone", TRUE }, { "side", TRUE }, { "tool", TRUE }, { "technique", TRUE },
  { "hold-seconds", TRUE }, { "repetitions", TRUE }, { "rest-seconds", FALSE },
  { "note", FALSE }, { NULL }
};

static gboolean
read_step_strings (Reader      *reader,
                   JsonObject  *object,
                   char       **strings,
                   GError     **error)
{
  /* strings[] follows the order of step_fields. */
  return read_string (reader, object, "zone", &strings[0], error) &&
         read_string (reader, object, "side", &strings[1], error) &&
         read_string (reader, object, "tool", &strings[2], error) &&
         read_string (reader, object, "technique", &strings[3], error) &&
         read_string (reader, object, "note", &strings[4], error);
}

static SmRoutineStep *
read_step (Reader    *reader,
           JsonNode  *node,
           GError   **error)
{
  g_auto(GStrv) s = g_new0 (char *, 6);
  guint hold = 0, reps = 0, rest = SM_ROUTINE_STEP_DEFAULT_REST;
  JsonObject *object;
  g_autoptr(SmRoutineStep) step = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE, _("a step must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!check_keys (reader, object, step_fields, error) ||
      !read_step_strings (reader, object, s, error) ||
      !read_uint (reader, object, "hold-seconds", SM_ROUTINE_STEP_HOLD_MIN,
                  SM_ROUTINE_STEP_HOLD_MAX, &hold, error) ||
      !read_uint (reader, object, "repetitions", SM_ROUTINE_STEP_REPS_MIN,
                  SM_ROUTINE_STEP_REPS_MAX, &reps, error) ||
      !read_uint (reader, object, "rest-seconds", SM_ROUTINE_STEP_REST_MIN,
                  SM_ROUTINE_STEP_REST_MAX, &rest, error))
    return NULL;

  step = g_object_new (SM_TYPE_ROUTINE_STEP,
                       "zone", s[0], "side", s[1], "tool", s[2], "technique", s[3],
                       "note", s[4] != NULL ? s[4] : "",
                       "hold-seconds", hold, "repetitions", reps, "rest-seconds", rest,
                       NULL);
  if (!check_side (reader, step, error))
    return NULL;

  return g_steal_pointer (&step);
}

static gboolean
read_steps (Reader      *reader,
            SmRoutine   *self,
            JsonObject  *object,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, "steps");
  JsonArray *array;
  gsize old = path_push_key (reader, "steps");

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE, _("must be a list of steps"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > SM_ROUTINE_MAX_STEPS)
    return fail (reader, error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                 /* Translators: the plural form follows the second number */
                 g_dngettext (GETTEXT_PACKAGE,
                              "a routine holds at most %1$d steps, this one %2$u step",
                              "a routine holds at most %1$d steps, this one %2$u steps",
                              json_array_get_length (array)),
                 SM_ROUTINE_MAX_STEPS, json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize here = path_push_index (reader, i);
      g_autoptr(SmRoutineStep) step = read_step (reader, json_array_get_element (array, i), error);

      if (step == NULL)
        return FALSE;
      g_list_store_append (self->steps, step);
      g_string_truncate (reader->path, here);
    }

  g_string_truncate (reader->path, old);
  return TRUE;
}

static gboolean
check_format (Reader      *reader,
              JsonObject  *object,
              GError     **error)
{
  g_autofree char *format = NULL;
  guint version = 0;

  if (!read_string (reader, object, "format", &format, error))
    return FALSE;
  if (g_strcmp0 (format, SM_ROUTINE_FORMAT) != 0)
    {
      path_push_key (reader, "format");
      return fail (reader, error, SM_ROUTINE_ERROR_FORMAT,
                   _("this is not a Sciatica Map routine (expected “%s”)"), SM_ROUTINE_FORMAT);
    }

  if (!read_uint (reader, object, "version", 1, G_MAXINT, &version, error))
    return FALSE;
  /* Version 1 files are version 2 files without a pain drawing: they load
   * as they are and are saved as version 2. */
  reader->version = version;
  if (version > SM_ROUTINE_VERSION)
    {
      path_push_key (reader, "version");
      return fail (reader, error, SM_ROUTINE_ERROR_VERSION,
                   _("version %u was written by a newer Sciatica Map; this one reads version %d"),
                   version, SM_ROUTINE_VERSION);
    }

  return TRUE;
}

static const Field routine_fields[] = {
  { "format", TRUE }, { "version", TRUE }, { "name", TRUE }, { "patient", FALSE },
  { "notes", FALSE }, { "created", FALSE }, { "modified", FALSE }, { "steps", TRUE },
  { "pain", FALSE }, { NULL }
};

static SmRoutineError
pain_error_code (const GError *error)
{
  switch (error->code)
    {
    case SM_PAIN_DRAWING_ERROR_WRONG_TYPE:
      return SM_ROUTINE_ERROR_WRONG_TYPE;
    case SM_PAIN_DRAWING_ERROR_UNKNOWN_KEY:
      return SM_ROUTINE_ERROR_UNKNOWN_KEY;
    case SM_PAIN_DRAWING_ERROR_MISSING_FIELD:
      return SM_ROUTINE_ERROR_MISSING_FIELD;
    case SM_PAIN_DRAWING_ERROR_OUT_OF_RANGE:
    default:
      return SM_ROUTINE_ERROR_OUT_OF_RANGE;
    }
}

/* The pain drawing reports paths below its array ("[2].points"); the
 * message here names the file and the whole path. */
static gboolean
read_pain (Reader      *reader,
           SmRoutine   *self,
           JsonObject  *object,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, "pain");
  g_autoptr(GError) local_error = NULL;

  if (node == NULL)
    return TRUE;

  if (reader->version < 2)
    {
      path_push_key (reader, "pain");
      return fail (reader, error, SM_ROUTINE_ERROR_UNKNOWN_KEY,
                   _("a pain drawing needs a version 2 file, this is version %u"), reader->version);
    }

  if (sm_pain_drawing_load_json (self->pain, node, &local_error))
    return TRUE;

  g_set_error (error, SM_ROUTINE_ERROR, pain_error_code (local_error),
               "%s: pain%s", reader->file_name, local_error->message);
  return FALSE;
}

static gboolean
read_routine (Reader      *reader,
              SmRoutine   *self,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return fail (reader, error, SM_ROUTINE_ERROR_WRONG_TYPE, _("a routine must be a JSON object"));
  object = json_node_get_object (root);

  /* The format check comes first: a different kind of file should be
   * reported as such, not as a list of unknown keys. */
  if (!check_format (reader, object, error) ||
      !check_keys (reader, object, routine_fields, error) ||
      !read_string (reader, object, "name", &self->name, error) ||
      !read_string (reader, object, "patient", &self->patient, error) ||
      !read_string (reader, object, "notes", &self->notes, error) ||
      !read_time (reader, object, "created", &self->created, error) ||
      !read_time (reader, object, "modified", &self->modified, error))
    return FALSE;

  if (g_strstrip (self->name)[0] == '\0')
    {
      path_push_key (reader, "name");
      return fail (reader, error, SM_ROUTINE_ERROR_OUT_OF_RANGE, _("the name is empty"));
    }

  return read_steps (reader, self, object, error) && read_pain (reader, self, object, error);
}

/* The routine's code for an error of the content model's raw scan. */
static SmRoutineError
scan_error_code (const GError *error)
{
  switch (error->code)
    {
    case SM_ATLAS_ERROR_TOO_DEEP:
      return SM_ROUTINE_ERROR_TOO_DEEP;
    case SM_ATLAS_ERROR_DUPLICATE_KEY:
      return SM_ROUTINE_ERROR_DUPLICATE_KEY;
    case SM_ATLAS_ERROR_TOO_LARGE:
      return SM_ROUTINE_ERROR_TOO_LARGE;
    case SM_ATLAS_ERROR_PARSE:
    default:
      return SM_ROUTINE_ERROR_PARSE;
    }
}

static gboolean
parse_bytes (GBytes      *bytes,
             const char  *file_name,
             JsonParser  *parser,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;

  /* The content model's raw scan: encoding, nesting depth and keys given
   * twice (which json-glib would silently resolve to the last one). Its
   * message already names the file and the JSON path. */
  if (!sm_content_scan (bytes, file_name, MAX_DEPTH, MAX_VALUES, &local_error))
    {
      g_set_error_literal (error, SM_ROUTINE_ERROR, scan_error_code (local_error),
                           local_error->message);
      return FALSE;
    }

  if (!sm_content_load_json (parser, bytes, &message))
    {
      g_set_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_PARSE,
                   _("%s: not valid JSON: %s"), file_name, message);
      return FALSE;
    }

  /* json-glib accepts an empty document and gives it no root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, SM_ROUTINE_ERROR, SM_ROUTINE_ERROR_PARSE,
                   _("%s: not valid JSON: the file is empty"), file_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * sm_routine_new_from_bytes:
 * @file_name: shown in error messages
 *
 * Zone, tool and technique ids are only checked for their type here; the
 * atlas checks that they exist.
 */
SmRoutine *
sm_routine_new_from_bytes (GBytes      *bytes,
                           const char  *file_name,
                           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(SmRoutine) self = g_object_new (SM_TYPE_ROUTINE, NULL);
  Reader reader = { file_name, path };

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  if (!parse_bytes (bytes, file_name, parser, error) ||
      !read_routine (&reader, self, json_parser_get_root (parser), error))
    return NULL;

  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_uint (JsonBuilder *builder,
          const char  *key,
          guint        value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

/* Not g_date_time_format(): its %Y has no leading zeros, and ISO 8601
 * (g_date_time_new_from_iso8601) wants four digits for the year 999. */
static void
add_time (JsonBuilder *builder,
          const char  *key,
          GDateTime   *time)
{
  /* Times come from now_utc() or read_time(): already in UTC. */
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
  add_string (builder, key, text);
}

static void
add_step (JsonBuilder   *builder,
          SmRoutineStep *step)
{
  json_builder_begin_object (builder);
  add_string (builder, "zone", sm_routine_step_get_zone (step));
  add_string (builder, "side", sm_routine_step_get_side (step));
  add_string (builder, "tool", sm_routine_step_get_tool (step));
  add_string (builder, "technique", sm_routine_step_get_technique (step));
  add_uint (builder, "hold-seconds", sm_routine_step_get_hold_seconds (step));
  add_uint (builder, "repetitions", sm_routine_step_get_repetitions (step));
  add_uint (builder, "rest-seconds", sm_routine_step_get_rest_seconds (step));
  add_string (builder, "note", sm_routine_step_get_note (step));
  json_builder_end_object (builder);
}

GBytes *
sm_routine_to_bytes (SmRoutine *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  name = g_strdup (self->name);
  json_builder_begin_object (builder);
  add_string (builder, "format", SM_ROUTINE_FORMAT);
  add_uint (builder, "version", SM_ROUTINE_VERSION);
  /* " sciatica plan" typed by accident is saved without the space. */
  add_string (builder, "name", g_strstrip (name));
  add_string (builder, "patient", self->patient);
  add_string (builder, "notes", self->notes);
  add_time (builder, "created", self->created);
  add_time (builder, "modified", self->modified);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sm_routine_get_n_steps (self); i++)
    add_step (builder, sm_routine_get_step (self, i));
  json_builder_end_array (builder);
  if (sm_pain_drawing_get_n_strokes (self->pain) > 0)
    {
      json_builder_set_member_name (builder, "pain");
      json_builder_add_value (builder, sm_pain_drawing_to_json (self->pain));
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (g_strconcat (text, "\n", NULL), length + 1);
}

/* Writes @bytes so that, whatever happens (crash, power cut, the process
 * killed mid-write), @path holds either the old or the new complete file,
 * keeping its mode, owner, links and hard links (sm-file-write.c). Blocks;
 * the store calls it from a worker thread. */
gboolean
sm_routine_write_bytes (const char  *path,
                        GBytes      *bytes,
                        GError     **error)
{
  return sm_file_write_bytes (path, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, error);
}

gboolean
sm_routine_save_to_path (SmRoutine   *self,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SM_IS_ROUTINE (self), FALSE);

  bytes = sm_routine_to_bytes (self);
  return sm_routine_write_bytes (path, bytes, error);
}

/* ------------------------------------------------------------------ */
/* Properties and steps                                                 */

/* A copy for the person to change: a user routine, new times, same steps. */
SmRoutine *
sm_routine_duplicate (SmRoutine  *self,
                      const char *name)
{
  SmRoutine *copy;

  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  copy = g_object_new (SM_TYPE_ROUTINE,
                       "name", name != NULL ? name : self->name,
                       "patient", self->patient,
                       "notes", self->notes,
                       NULL);
  for (guint i = 0; i < sm_routine_get_n_steps (self); i++)
    {
      g_autoptr(SmRoutineStep) step = sm_routine_step_copy (sm_routine_get_step (self, i));

      g_list_store_append (copy->steps, step);
    }
  sm_pain_drawing_copy_from (copy->pain, self->pain);

  return copy;
}

static void
set_string (SmRoutine  *self,
            char      **field,
            const char *value,
            guint       prop)
{
  glong max = prop == PROP_NAME ? SM_ROUTINE_MAX_NAME
              : prop == PROP_PATIENT ? SM_ROUTINE_MAX_PATIENT
              : prop == PROP_NOTES ? SM_ROUTINE_MAX_NOTES : G_MAXLONG;
  g_autofree char *clamped = sm_routine_clamp_text (value, max);

  sm_routine_set_string_field (self, field, clamped, properties[prop]);
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  sm_routine_get_##field (SmRoutine *self)                                   \
  {                                                                          \
    g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);                       \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  sm_routine_set_##field (SmRoutine *self, const char *value)                \
  {                                                                          \
    g_return_if_fail (SM_IS_ROUTINE (self));                                 \
    set_string (self, &self->field, value, PROP);                            \
  }

STRING_ACCESSORS (id, PROP_ID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (patient, PROP_PATIENT)
STRING_ACCESSORS (notes, PROP_NOTES)

gboolean
sm_routine_get_builtin (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), FALSE);

  return self->builtin;
}

void
sm_routine_set_builtin (SmRoutine *self,
                        gboolean   builtin)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  builtin = !!builtin;
  if (self->builtin == builtin)
    return;

  self->builtin = builtin;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILTIN]);
}

GDateTime *
sm_routine_get_created (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->created;
}

GDateTime *
sm_routine_get_modified (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->modified;
}

/* Marks the routine as changed now; the store calls this before saving. */
void
sm_routine_touch (SmRoutine *self)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = now_utc ();
}

/**
 * sm_routine_get_pain_drawing:
 *
 * Where the patient marked pain; saved with the routine (version 2).
 * Returns: (transfer none)
 */
SmPainDrawing *
sm_routine_get_pain_drawing (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return self->pain;
}

GListModel *
sm_routine_get_steps (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  return G_LIST_MODEL (self->steps);
}

guint
sm_routine_get_n_steps (SmRoutine *self)
{
  g_return_val_if_fail (SM_IS_ROUTINE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/* Returns: (transfer none) */
SmRoutineStep *
sm_routine_get_step (SmRoutine *self,
                     guint      position)
{
  g_autoptr(SmRoutineStep) step = NULL;

  g_return_val_if_fail (SM_IS_ROUTINE (self), NULL);

  /* The store keeps its own reference. */
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  return step;
}

void
sm_routine_append_step (SmRoutine     *self,
                        SmRoutineStep *step)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_list_store_append (self->steps, step);
}

void
sm_routine_insert_step (SmRoutine     *self,
                        guint          position,
                        SmRoutineStep *step)
{
  g_return_if_fail (SM_IS_ROUTINE (self));

  g_list_store_insert (self->steps, MIN (position, sm_routine_get_n_steps (self)), step);
}

void
sm_routine_remove_step (SmRoutine *self,
                        guint      position)
{
  g_return_if_fail (SM_IS_ROUTINE (self));
  g_return_if_fail (position < sm_routine_get_n_steps (self));

  g_list_store_remove (self->steps, position);
}

/* Moves the step at @from so that it ends up at index @to. */
void
sm_routine_move_step (SmRoutine *self,
                      guint      from,
                      guint      to)
{
  g_autoptr(SmRoutineStep) step = NULL;
  guint n;

  g_return_if_fail (SM_IS_ROUTINE (self));

  n = sm_routine_get_n_steps (self);
  g_return_if_fail (from < n && to < n);
  if (from == to)
    return;

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

static void
emit_changed (SmRoutine *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ::changed fires for anything that goes into the file, so the store can
 * save and the map can renumber without knowing the routine's insides. */
static void
on_steps_changed (SmRoutine  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *steps)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SmRoutineStep) step = g_list_model_get_item (steps, i);

      /* A step keeps one connection however often it is moved. */
      g_signal_handlers_disconnect_by_func (step, emit_changed, self);
      g_signal_connect_object (step, "notify", G_CALLBACK (emit_changed), self,
                               G_CONNECT_SWAPPED);
    }

  emit_changed (self);
}

static void
sm_routine_notify (GObject    *object,
                   GParamSpec *pspec)
{
  if (pspec != properties[PROP_ID] && pspec != properties[PROP_BUILTIN])
    emit_changed (SM_ROUTINE (object));
}

static void
sm_routine_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmRoutine *self = SM_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PATIENT: g_value_set_string (value, self->patient); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_BUILTIN: g_value_set_boolean (value, self->builtin); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SmRoutine *self = SM_ROUTINE (object);

  switch (prop_id)
    {
    case PROP_ID: sm_routine_set_id (self, g_value_get_string (value)); break;
    case PROP_NAME: sm_routine_set_name (self, g_value_get_string (value)); break;
    case PROP_PATIENT: sm_routine_set_patient (self, g_value_get_string (value)); break;
    case PROP_NOTES: sm_routine_set_notes (self, g_value_get_string (value)); break;
    case PROP_BUILTIN: sm_routine_set_builtin (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_routine_finalize (GObject *object)
{
  SmRoutine *self = SM_ROUTINE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->patient);
  g_free (self->notes);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_object (&self->steps);
  g_clear_object (&self->pain);

  G_OBJECT_CLASS (sm_routine_parent_class)->finalize (object);
}

static GParamSpec *
string_pspec (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, "",
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS);
}

static void
sm_routine_class_init (SmRoutineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_routine_finalize;
  object_class->get_property = sm_routine_get_property;
  object_class->set_property = sm_routine_set_property;
  object_class->notify = sm_routine_notify;

  properties[PROP_ID] = string_pspec ("id");
  properties[PROP_NAME] = string_pspec ("name");
  properties[PROP_PATIENT] = string_pspec ("patient");
  properties[PROP_NOTES] = string_pspec ("notes");
  properties[PROP_BUILTIN] =
    g_param_spec_boolean ("builtin", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sm_routine_init (SmRoutine *self)
{
  self->id = g_strdup ("");
  self->name = g_strdup ("");
  self->patient = g_strdup ("");
  self->notes = g_strdup ("");
  self->created = now_utc ();
  self->modified = g_date_time_ref (self->created);
  self->steps = g_list_store_new (SM_TYPE_ROUTINE_STEP);
  g_signal_connect_object (self->steps, "items-changed", G_CALLBACK (on_steps_changed),
                           self, G_CONNECT_SWAPPED);
  self->pain = sm_pain_drawing_new ();
  g_signal_connect_object (self->pain, "changed", G_CALLBACK (emit_changed), self,
                           G_CONNECT_SWAPPED);
}
