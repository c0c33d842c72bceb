/* sm-routine-writer.c: a routine as its JSON file
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-routine-writer"

#include "config.h"

#include <json-glib/json-glib.h>

#include "sm-file-write.h"
#include "sm-pain-drawing.h"
#include "sm-routine.h"
#include "sm-routine-private.h"

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
  /* The oldest version that holds what is there, so that a routine
   * without a plan still opens in the app that wrote version 2. */
  add_uint (builder, "version", self->per_week > 0 ? SM_ROUTINE_VERSION : 2);
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
  if (self->per_week > 0)
    add_uint (builder, "sessions-per-week", self->per_week);
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
