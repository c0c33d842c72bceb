/* sm-journal-csv.c: the journal as CSV for spreadsheets.
 *
 * RFC 4180: CRLF after each record, a header record, fields with a comma,
 * a quote or a line break in double quotes with quotes doubled. UTF-8,
 * times in ISO 8601 with the local offset, oldest session first (the
 * order a spreadsheet charts). Column names and flag names are fixed
 * English identifiers, never translated, so that formulas keep working.
 *
 * Speed: the text is allocated once at about its final size, the local
 * time zone looked up once, and a row's fields written without a string
 * of their own, so ten years cost ten times one.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-csv"

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "sm-journal-csv.h"
#include "sm-journal-entry.h"

/* A comma unless the field starts a record: every record's first field is
 * an id, never empty, so the end of the text tells. */
static void
add_field (GString    *csv,
           const char *text)
{
  if (csv->len > 0 && csv->str[csv->len - 1] != '\n')
    g_string_append_c (csv, ',');
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (csv, text);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
add_int (GString *csv,
         gint64   value)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, value);
  add_field (csv, number);
}

static void
add_pain (GString *csv,
          int      pain)
{
  if (pain == SM_JOURNAL_NO_PAIN)
    add_field (csv, "");
  else
    add_int (csv, pain);
}

static void
end_record (GString *csv)
{
  g_string_append (csv, "\r\n");
}

/* ISO 8601 with the offset of @zone then: 2026-03-01T18:00:00+01:00. */
static void
add_time (GString   *csv,
          GTimeZone *zone,
          gint64     unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
  char text[40];
  gint64 offset;
  int y, m, d;

  if (local == NULL)
    {
      add_field (csv, NULL);
      return;
    }
  g_date_time_get_ymd (local, &y, &m, &d);
  offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_MINUTE;
  g_snprintf (text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, m, d,
              g_date_time_get_hour (local), g_date_time_get_minute (local), g_date_time_get_second (local),
              offset < 0 ? '-' : '+', (int) (ABS (offset) / 60), (int) (ABS (offset) % 60));
  add_field (csv, text);
}

static void
add_header (GString            *csv,
            const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    add_field (csv, names[i]);
  end_record (csv);
}

/* "sharp numb": the flag names in a fixed order, into @names (room for
 * all five). */
static const char *
flag_names (guint  flags,
            char   names[64])
{
  names[0] = '\0';
  for (guint bit = 1; bit <= SM_JOURNAL_STEP_TINGLING; bit <<= 1)
    if (flags & bit)
      {
        if (names[0] != '\0')
          g_strlcat (names, " ", 64);
        g_strlcat (names, sm_journal_step_flag_to_string (bit), 64);
      }
  return names;
}

static const char *
yes_no (gboolean value)
{
  return value ? "yes" : "no";
}

/* One row per session. @entries: SmJournalEntry, newest first (as
 * sm_journal_list () gives them). */
GBytes *
sm_journal_csv_sessions (GPtrArray *entries)
{
  static const char * const header[] = {
    "id", "routine", "started", "ended", "duration_seconds", "steps_done", "steps_skipped",
    "pain_before", "pain_after", "pain_change", "partial", "flagged", "flags", "note",
    "single_hold", "plan_per_week", NULL
  };
  GString *csv = g_string_sized_new (256 + entries->len * 200);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  add_header (csv, header);
  for (guint i = entries->len; i-- > 0;)
    {
      const SmJournalEntry *entry = g_ptr_array_index (entries, i);
      char buffer[64];
      const char *flags = flag_names (sm_journal_entry_get_all_flags (entry), buffer);
      gboolean both = entry->pain_before != SM_JOURNAL_NO_PAIN && entry->pain_after != SM_JOURNAL_NO_PAIN;

      add_int (csv, entry->id);
      add_field (csv, entry->routine);
      add_time (csv, zone, entry->started);
      add_time (csv, zone, entry->ended);
      add_int (csv, entry->ended - entry->started);
      add_int (csv, entry->steps_done);
      add_int (csv, entry->steps_skipped);
      add_pain (csv, entry->pain_before);
      add_pain (csv, entry->pain_after);
      if (both)
        add_int (csv, entry->pain_after - entry->pain_before);
      else
        add_field (csv, "");
      add_field (csv, yes_no (entry->partial));
      add_field (csv, yes_no (sm_journal_entry_is_flagged (entry)));
      add_field (csv, flags);
      add_field (csv, entry->note);
      add_field (csv, yes_no (entry->single_hold));
      add_int (csv, entry->plan);
      end_record (csv);
    }
  return g_string_free_to_bytes (csv);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static void
add_step_rows (GString              *csv,
               GTimeZone            *zone,
               const SmJournalEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *steps;

  /* A snapshot that does not read (an older or damaged entry) has no rows. */
  if (!json_parser_load_from_data (parser, entry->steps_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;

  steps = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *node = json_array_get_element (steps, i);
      JsonObject *step = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      char buffer[64];
      const char *flags = flag_names (sm_journal_entry_get_step_flags (entry, i), buffer);

      if (step == NULL)
        continue;
      add_int (csv, entry->id);
      add_time (csv, zone, entry->started);
      add_field (csv, entry->routine);
      add_int (csv, i + 1);
      add_field (csv, member_string (step, "title"));
      add_field (csv, member_string (step, "zone"));
      add_field (csv, member_string (step, "side"));
      add_int (csv, json_object_get_int_member_with_default (step, "hold", 0));
      add_field (csv, flags);
      end_record (csv);
    }
}

/* One row per step of each session, with what the person said it did. */
GBytes *
sm_journal_csv_steps (GPtrArray *entries)
{
  static const char * const header[] = {
    "session_id", "session_started", "routine", "position", "step", "zone", "side",
    "hold_seconds", "flags", NULL
  };
  GString *csv = g_string_sized_new (256 + entries->len * 120);
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();

  add_header (csv, header);
  for (guint i = entries->len; i-- > 0;)
    add_step_rows (csv, zone, g_ptr_array_index (entries, i));
  return g_string_free_to_bytes (csv);
}
