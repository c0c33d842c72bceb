/* sm-routine-reader.c: a routine from its JSON file
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sm-atlas.h"
#include "sm-content-schema.h"
#include "sm-json-reader.h"
#include "sm-pain-drawing.h"
#include "sm-routine.h"
#include "sm-routine-private.h"
#include "sm-utils.h"

/* Reading is strict — a routine file may come from an e-mail attachment —
 * and every problem names the file, the JSON path and what is wrong, so the
 * person can fix it or tell the sender. */

/* A routine is three levels deep; anything much deeper is not a routine and
 * must never reach json-glib, which overflows its stack on ~100 000 levels. */
#define MAX_DEPTH 8

/* Values in one file, counted by the raw scan before json-glib builds a
 * tree: room for the most steps and the largest pain drawing. */
#define MAX_VALUES (SM_ROUTINE_MAX_STEPS * 10 + SM_PAIN_MAX_STROKES * 8 + SM_PAIN_MAX_ALL_POINTS * 2)

static const SmJsonErrorCodes routine_codes = {
  SM_ROUTINE_ERROR_WRONG_TYPE, SM_ROUTINE_ERROR_UNKNOWN_KEY,
  SM_ROUTINE_ERROR_MISSING_FIELD, SM_ROUTINE_ERROR_OUT_OF_RANGE,
};

typedef struct
{
  SmJsonReader json;
  guint        version;  /* of the file being read */
} Reader;

/* --- Values -------------------------------------------------------------- */

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
  return sm_json_reader_string (&reader->json, object, key, max_length (key), out, error);
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

      return sm_json_reader_fail_at (&reader->json, key, error, SM_ROUTINE_ERROR_WRONG_TYPE,
                                     _("“%s” is not a date and time like 2026-01-31T18:00:00Z"),
                                     quoted);
    }

  g_clear_pointer (out, g_date_time_unref);
  *out = time;
  return TRUE;
}

/* --- Steps --------------------------------------------------------------- */

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
  return sm_json_reader_fail_at (&reader->json, "side", error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                                 _("“%s” is not a side (left, right or both)"), quoted);
}

static const SmJsonMember step_members[] = {
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
  /* strings[] follows the order of step_members. */
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
      sm_json_reader_fail (&reader->json, error, SM_ROUTINE_ERROR_WRONG_TYPE,
                           _("a step must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  if (!sm_json_reader_check_members (&reader->json, object, step_members, error) ||
      !read_step_strings (reader, object, s, error) ||
      !sm_json_reader_uint (&reader->json, object, "hold-seconds", SM_ROUTINE_STEP_HOLD_MIN,
                            SM_ROUTINE_STEP_HOLD_MAX, &hold, error) ||
      !sm_json_reader_uint (&reader->json, object, "repetitions", SM_ROUTINE_STEP_REPS_MIN,
                            SM_ROUTINE_STEP_REPS_MAX, &reps, error) ||
      !sm_json_reader_uint (&reader->json, object, "rest-seconds", SM_ROUTINE_STEP_REST_MIN,
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
  gsize old = sm_json_reader_push_key (&reader->json, "steps");

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return sm_json_reader_fail (&reader->json, error, SM_ROUTINE_ERROR_WRONG_TYPE,
                                _("must be a list of steps"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > SM_ROUTINE_MAX_STEPS)
    return sm_json_reader_fail (&reader->json, error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                                /* Translators: the plural form follows the second number */
                                g_dngettext (GETTEXT_PACKAGE,
                                             "a routine holds at most %1$d steps, this one %2$u step",
                                             "a routine holds at most %1$d steps, this one %2$u steps",
                                             json_array_get_length (array)),
                                SM_ROUTINE_MAX_STEPS, json_array_get_length (array));

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      gsize here = sm_json_reader_push_index (&reader->json, i);
      g_autoptr(SmRoutineStep) step = read_step (reader, json_array_get_element (array, i), error);

      if (step == NULL)
        return FALSE;
      g_list_store_append (self->steps, step);
      sm_json_reader_pop (&reader->json, here);
    }

  sm_json_reader_pop (&reader->json, old);
  return TRUE;
}

/* --- The routine --------------------------------------------------------- */

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
    return sm_json_reader_fail_at (&reader->json, "format", error, SM_ROUTINE_ERROR_FORMAT,
                                   _("this is not a Sciatica Map routine (expected “%s”)"),
                                   SM_ROUTINE_FORMAT);

  if (!sm_json_reader_uint (&reader->json, object, "version", 1, G_MAXINT, &version, error))
    return FALSE;
  /* Version 1 files are version 2 files without a pain drawing: they load
   * as they are and are saved as version 2. */
  reader->version = version;
  if (version > SM_ROUTINE_VERSION)
    return sm_json_reader_fail_at (&reader->json, "version", error, SM_ROUTINE_ERROR_VERSION,
                                   _("version %u was written by a newer Sciatica Map; this one reads version %d"),
                                   version, SM_ROUTINE_VERSION);

  return TRUE;
}

static const SmJsonMember routine_members[] = {
  { "format", TRUE }, { "version", TRUE }, { "name", TRUE }, { "patient", FALSE },
  { "notes", FALSE }, { "created", FALSE }, { "modified", FALSE }, { "steps", TRUE },
  { "pain", FALSE }, { "sessions-per-week", FALSE }, { NULL }
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
    return sm_json_reader_fail_at (&reader->json, "pain", error, SM_ROUTINE_ERROR_UNKNOWN_KEY,
                                   _("a pain drawing needs a version 2 file, this is version %u"),
                                   reader->version);

  if (sm_pain_drawing_load_json (self->pain, node, &local_error))
    return TRUE;

  g_set_error (error, SM_ROUTINE_ERROR, pain_error_code (local_error),
               "%s: pain%s", reader->json.file, local_error->message);
  return FALSE;
}

/* The plan: how many sessions a week the therapist asked for. */
static gboolean
read_plan (Reader      *reader,
           SmRoutine   *self,
           JsonObject  *object,
           GError     **error)
{
  guint per_week = 0;

  if (!json_object_has_member (object, "sessions-per-week"))
    return TRUE;
  if (reader->version < 3)
    return sm_json_reader_fail_at (&reader->json, "sessions-per-week", error, SM_ROUTINE_ERROR_UNKNOWN_KEY,
                                   _("a plan of sessions a week needs a version 3 file, this is version %u"),
                                   reader->version);
  if (!sm_json_reader_uint (&reader->json, object, "sessions-per-week", 0, SM_ROUTINE_MAX_PER_WEEK,
                            &per_week, error))
    return FALSE;
  self->per_week = per_week;
  return TRUE;
}

static gboolean
read_routine (Reader      *reader,
              SmRoutine   *self,
              JsonNode    *root,
              GError     **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    return sm_json_reader_fail (&reader->json, error, SM_ROUTINE_ERROR_WRONG_TYPE,
                                _("a routine must be a JSON object"));
  object = json_node_get_object (root);

  /* The format check comes first: a different kind of file should be
   * reported as such, not as a list of unknown keys. */
  if (!check_format (reader, object, error) ||
      !sm_json_reader_check_members (&reader->json, object, routine_members, error) ||
      !read_string (reader, object, "name", &self->name, error) ||
      !read_string (reader, object, "patient", &self->patient, error) ||
      !read_string (reader, object, "notes", &self->notes, error) ||
      !read_time (reader, object, "created", &self->created, error) ||
      !read_time (reader, object, "modified", &self->modified, error))
    return FALSE;

  if (g_strstrip (self->name)[0] == '\0')
    return sm_json_reader_fail_at (&reader->json, "name", error, SM_ROUTINE_ERROR_OUT_OF_RANGE,
                                   _("the name is empty"));

  return read_steps (reader, self, object, error) && read_pain (reader, self, object, error) &&
         read_plan (reader, self, object, error);
}

/* --- Parsing ------------------------------------------------------------- */

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
  g_autoptr(SmRoutine) self = g_object_new (SM_TYPE_ROUTINE, NULL);
  Reader reader = { { 0 }, 0 };
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->modified, g_date_time_unref);
  if (!parse_bytes (bytes, file_name, parser, error))
    return NULL;

  sm_json_reader_init (&reader.json, SM_ROUTINE_ERROR, &routine_codes, file_name);
  ok = read_routine (&reader, self, json_parser_get_root (parser), error);
  sm_json_reader_clear (&reader.json);
  if (!ok)
    return NULL;

  if (self->modified == NULL)
    self->modified = g_date_time_ref (self->created);

  return g_steal_pointer (&self);
}
