/* sm-json-reader.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-json-reader"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-json-reader.h"
#include "sm-utils.h"

/* Every loader of a file a person can hand us reports a problem in one
 * wording, "file: JSON path: problem", so a message always says where to
 * look and the same mistake reads the same in a routine, its pain drawing
 * and a content file. The raw scan (sm-content-scan.c) has already kept
 * json-glib from what it cannot take: deep nesting, keys given twice,
 * numbers like 060 or 0x0a. */

/* --- Messages ------------------------------------------------------------ */

/* The top level is the empty path. */
const char *
sm_json_path_for_message (const char *path)
{
  return path != NULL && *path != '\0' ? path : _("top level");
}

/* "file: JSON path: problem". Without a file the path is relative,
 * "path: problem", for the caller to put its own file and path in front.
 * Returns FALSE, for `return sm_json_fail_valist (…)`. */
gboolean
sm_json_fail_valist (GError     **error,
                     GQuark       domain,
                     int          code,
                     const char  *file,
                     const char  *path,
                     const char  *format,
                     va_list      args)
{
  g_autofree char *problem = g_strdup_vprintf (format, args);

  if (file != NULL)
    g_set_error (error, domain, code, "%s: %s: %s", file, sm_json_path_for_message (path), problem);
  else
    g_set_error (error, domain, code, "%s: %s", path, problem);
  return FALSE;
}

gboolean
sm_json_fail (GError     **error,
              GQuark       domain,
              int          code,
              const char  *file,
              const char  *path,
              const char  *format,
              ...)
{
  va_list args;

  va_start (args, format);
  sm_json_fail_valist (error, domain, code, file, path, format, args);
  va_end (args);
  return FALSE;
}

/* @path is the object's: the key may be anything, even 30 000 characters. */
gboolean
sm_json_fail_unknown_key (GError     **error,
                          GQuark       domain,
                          int          code,
                          const char  *file,
                          const char  *path,
                          const char  *key)
{
  g_autofree char *quoted = sm_cut_for_message (key, SM_MESSAGE_QUOTE_CHARS);

  return sm_json_fail (error, domain, code, file, path, _("unknown key “%s”"), quoted);
}

gboolean
sm_json_fail_missing (GError     **error,
                      GQuark       domain,
                      int          code,
                      const char  *file,
                      const char  *path,
                      const char  *key)
{
  return sm_json_fail (error, domain, code, file, path,
                       _("the required field “%s” is missing"), key);
}

/* --- Reader -------------------------------------------------------------- */

void
sm_json_reader_init (SmJsonReader           *reader,
                     GQuark                  domain,
                     const SmJsonErrorCodes *codes,
                     const char             *file)
{
  reader->domain = domain;
  reader->codes = codes;
  reader->file = file;
  reader->path = g_string_new (NULL);
}

void
sm_json_reader_clear (SmJsonReader *reader)
{
  if (reader->path != NULL)
    g_string_free (g_steal_pointer (&reader->path), TRUE);
}

/* Appends ".key" (or "key" at the top) to the path; returns the old length
 * for sm_json_reader_pop (). */
gsize
sm_json_reader_push_key (SmJsonReader *reader,
                         const char   *key)
{
  gsize old = reader->path->len;

  if (old > 0)
    g_string_append_c (reader->path, '.');
  g_string_append (reader->path, key);
  return old;
}

gsize
sm_json_reader_push_index (SmJsonReader *reader,
                           guint         index)
{
  gsize old = reader->path->len;

  g_string_append_printf (reader->path, "[%u]", index);
  return old;
}

void
sm_json_reader_pop (SmJsonReader *reader,
                    gsize         old_length)
{
  g_string_truncate (reader->path, old_length);
}

gboolean
sm_json_reader_fail (SmJsonReader  *reader,
                     GError       **error,
                     int            code,
                     const char    *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  sm_json_fail_valist (error, reader->domain, code, reader->file, reader->path->str, format, args);
  va_end (args);
  return FALSE;
}

/* Fails at the member @key of the node being read. */
gboolean
sm_json_reader_fail_at (SmJsonReader  *reader,
                        const char    *key,
                        GError       **error,
                        int            code,
                        const char    *format,
                        ...)
{
  gsize old = sm_json_reader_push_key (reader, key);
  va_list args;

  va_start (args, format);
  sm_json_fail_valist (error, reader->domain, code, reader->file, reader->path->str, format, args);
  va_end (args);
  sm_json_reader_pop (reader, old);
  return FALSE;
}

static gboolean
is_known (const SmJsonMember *members,
          const char         *key)
{
  for (const SmJsonMember *m = members; m->key != NULL; m++)
    if (g_str_equal (m->key, key))
      return TRUE;

  return FALSE;
}

/* Unknown members first, then the required ones, both at the object. */
gboolean
sm_json_reader_check_members (SmJsonReader        *reader,
                              JsonObject          *object,
                              const SmJsonMember  *members,
                              GError             **error)
{
  g_autoptr(GList) keys = json_object_get_members (object);

  for (const GList *l = keys; l != NULL; l = l->next)
    if (!is_known (members, l->data))
      return sm_json_fail_unknown_key (error, reader->domain, reader->codes->unknown_key,
                                       reader->file, reader->path->str, l->data);

  for (const SmJsonMember *m = members; m->key != NULL; m++)
    if (m->required && !json_object_has_member (object, m->key))
      return sm_json_fail_missing (error, reader->domain, reader->codes->missing_field,
                                   reader->file, reader->path->str, m->key);

  return TRUE;
}

/* --- Typed values -------------------------------------------------------- */

gboolean
sm_json_node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
sm_json_node_is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

/* Reads an optional string member of at most @max_chars characters;
 * absent leaves *@out alone. */
gboolean
sm_json_reader_string (SmJsonReader  *reader,
                       JsonObject    *object,
                       const char    *key,
                       glong          max_chars,
                       char         **out,
                       GError       **error)
{
  JsonNode *node = json_object_get_member (object, key);
  glong length;

  if (node == NULL)
    return TRUE;

  if (!sm_json_node_is_string (node))
    return sm_json_reader_fail_at (reader, key, error, reader->codes->wrong_type,
                                   _("must be a string"));
  length = g_utf8_strlen (json_node_get_string (node), -1);
  if (length > max_chars)
    return sm_json_reader_fail_at (reader, key, error, reader->codes->out_of_range,
                                   /* Translators: the plural form follows the second number */
                                   g_dngettext (GETTEXT_PACKAGE,
                                                "at most %1$ld characters, not %2$ld character",
                                                "at most %1$ld characters, not %2$ld characters",
                                                length),
                                   max_chars, length);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* Reads an optional whole number from @min to @max; absent leaves *@out
 * alone. */
gboolean
sm_json_reader_uint (SmJsonReader  *reader,
                     JsonObject    *object,
                     const char    *key,
                     guint          min,
                     guint          max,
                     guint         *out,
                     GError       **error)
{
  JsonNode *node = json_object_get_member (object, key);
  gint64 value;

  if (node == NULL)
    return TRUE;

  if (!sm_json_node_is_integer (node))
    return sm_json_reader_fail_at (reader, key, error, reader->codes->wrong_type,
                                   _("must be a whole number"));
  value = json_node_get_int (node);
  if (value < min || value > max)
    return sm_json_reader_fail_at (reader, key, error, reader->codes->out_of_range,
                                   _("%1$lld is out of range (%2$u to %3$u)"),
                                   (long long) value, min, max);

  *out = value;
  return TRUE;
}
