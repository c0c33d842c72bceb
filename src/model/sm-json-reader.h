/* sm-json-reader.h: what the loaders of JSON a person can hand us share
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The codes of one loader's error domain for the problems every loader
 * reports (content files, routines, pain drawings). */
typedef struct
{
  int wrong_type;
  int unknown_key;
  int missing_field;
  int out_of_range;
} SmJsonErrorCodes;

/* Where a loader is: the file and the JSON path of the node being read
 * ("steps[2].zone"). A reader without a file reads part of a larger file:
 * its messages start with the path, for the caller to put its file and its
 * own path in front. */
typedef struct
{
  GQuark                  domain;
  const SmJsonErrorCodes *codes;
  const char             *file;   /* borrowed; NULL: part of a larger file */
  GString                *path;   /* owned */
} SmJsonReader;

/* One member of an object; the table ends with a NULL key. */
typedef struct
{
  const char *key;
  gboolean    required;
} SmJsonMember;

void        sm_json_reader_init          (SmJsonReader            *reader,
                                          GQuark                   domain,
                                          const SmJsonErrorCodes  *codes,
                                          const char              *file);
void        sm_json_reader_clear         (SmJsonReader            *reader);

gsize       sm_json_reader_push_key      (SmJsonReader            *reader,
                                          const char              *key);
gsize       sm_json_reader_push_index    (SmJsonReader            *reader,
                                          guint                    index);
void        sm_json_reader_pop           (SmJsonReader            *reader,
                                          gsize                    old_length);

const char *sm_json_path_for_message     (const char              *path);
gboolean    sm_json_fail_valist          (GError                 **error,
                                          GQuark                   domain,
                                          int                      code,
                                          const char              *file,
                                          const char              *path,
                                          const char              *format,
                                          va_list                  args) G_GNUC_PRINTF (6, 0);
gboolean    sm_json_fail                 (GError                 **error,
                                          GQuark                   domain,
                                          int                      code,
                                          const char              *file,
                                          const char              *path,
                                          const char              *format,
                                          ...) G_GNUC_PRINTF (6, 7);
gboolean    sm_json_fail_unknown_key     (GError                 **error,
                                          GQuark                   domain,
                                          int                      code,
                                          const char              *file,
                                          const char              *path,
                                          const char              *key);
gboolean    sm_json_fail_missing         (GError                 **error,
                                          GQuark                   domain,
                                          int                      code,
                                          const char              *file,
                                          const char              *path,
                                          const char              *key);

gboolean    sm_json_reader_fail          (SmJsonReader            *reader,
                                          GError                 **error,
                                          int                      code,
                                          const char              *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean    sm_json_reader_fail_at       (SmJsonReader            *reader,
                                          const char              *key,
                                          GError                 **error,
                                          int                      code,
                                          const char              *format,
                                          ...) G_GNUC_PRINTF (5, 6);
gboolean    sm_json_reader_check_members (SmJsonReader            *reader,
                                          JsonObject              *object,
                                          const SmJsonMember      *members,
                                          GError                 **error);

gboolean    sm_json_node_is_string       (JsonNode                *node);
gboolean    sm_json_node_is_integer      (JsonNode                *node);
gboolean    sm_json_reader_string        (SmJsonReader            *reader,
                                          JsonObject              *object,
                                          const char              *key,
                                          glong                    max_chars,
                                          char                   **out,
                                          GError                 **error);
gboolean    sm_json_reader_uint          (SmJsonReader            *reader,
                                          JsonObject              *object,
                                          const char              *key,
                                          guint                    min,
                                          guint                    max,
                                          guint                   *out,
                                          GError                 **error);

G_END_DECLS
