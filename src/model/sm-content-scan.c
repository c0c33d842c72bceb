/* sm-content-scan.c: the raw scan every JSON file a person can hand us goes
 * through before json-glib sees it (content files and routines)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-content-scan"

#include "config.h"

#include <string.h>

#include "sm-atlas.h"
#include "sm-content-schema.h"
#include "sm-json-reader.h"
#include "sm-utils.h"

/* --- Raw scan: encoding, depth and duplicate keys ------------------------ */

/* json-glib recurses once per nesting level and overflows the stack on
 * ~100 000 levels, and it silently keeps the last of two equal keys in an
 * object (a copied field edited in one place only). Both are caught on the
 * raw bytes before parsing. The scanner tracks where it is, so the message
 * can name the JSON path. Keys are compared as written: "\u0061" and "a"
 * count as different, which only lets an odd duplicate through.
 *
 * The scanner must see the brackets json-glib sees. json-glib also reads
 * 'single-quoted' strings and C comments, where a '"' would start a string
 * for the scanner and hide any nesting after it: neither is JSON, so a
 * quote or a slash outside a string is refused here. Its escapes go wrong
 * in the same way: "\u12" or a lone surrogate "\ud800" swallow the
 * closing quote, so escapes must be JSON's, \uXXXX with four hex digits
 * and surrogates in pairs. And json-glib reads on after the first value,
 * keeping the first and leaking the rest: anything but white space after
 * it is refused too, as is an unterminated string, on which json-glib
 * leaks as well. */

typedef enum
{
  SCAN_OK,
  SCAN_TOO_DEEP,
  SCAN_DUPLICATE_KEY,
  SCAN_NOT_JSON,
  SCAN_BAD_ESCAPE,
  SCAN_TRAILING,
  SCAN_UNTERMINATED,
  SCAN_BAD_TOKEN,     /* 060, 0x0a, +1, .5, NaN, tru: json-glib reads some */
  SCAN_BIG_INTEGER,   /* beyond 64 bits: json-glib makes them -1 or wraps */
  SCAN_TOO_MANY,      /* more values than the caller allows */
} ScanResult;

/* A token longer than this is quoted cut short. */
#define TOKEN_QUOTE 60

typedef struct
{
  gboolean    array;
  gboolean    expect_key;
  guint       index;
  GString    *key;    /* current member of an object */
  GHashTable *keys;   /* members seen so far in this object */
} Frame;

static char *
frames_path (Frame *frames,
             guint  depth)
{
  GString *path = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (frames[i].array)
        g_string_append_printf (path, "[%u]", frames[i].index);
      else
        {
          /* A key can be any length; the path ends up in a label. */
          g_autofree char *key = sm_cut_for_message (frames[i].key->str, TOKEN_QUOTE);

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", key);
        }
    }

  return g_string_free (path, FALSE);
}

typedef struct
{
  Frame    *frames;
  guint     depth;
  guint     max_depth;
  gboolean  in_string;
  guint     escape;        /* 1 after a backslash, 2 + hex digits read after \u */
  gunichar  unit;          /* the \uXXXX being read */
  gboolean  need_low;      /* after a high surrogate: a low one must follow */
  Frame    *capture;       /* the object whose key is being read, or NULL */
  gboolean  root_started;  /* the top-level value has begun… */
  gboolean  root_done;     /* …and ended (a container or string closed) */
  GString  *token;         /* the number or literal being read */
  gsize     token_start;   /* its byte offset */
  guint     max_values;    /* 0: no limit */
  guint     values;        /* containers opened and commas seen */
} Scanner;

#define IS_HIGH_SURROGATE(u) ((u) >= 0xd800 && (u) <= 0xdbff)
#define IS_LOW_SURROGATE(u)  ((u) >= 0xdc00 && (u) <= 0xdfff)

/* The character after a backslash, or a hex digit of \uXXXX. */
static ScanResult
scan_escape (Scanner *scanner,
             char     c)
{
  if (scanner->escape == 1)
    {
      scanner->escape = c == 'u' ? 2 : 0;
      scanner->unit = 0;
      if (c == 'u')
        return SCAN_OK;
      return !scanner->need_low && c != '\0' && strchr ("\"\\/bfnrt", c) != NULL
             ? SCAN_OK : SCAN_BAD_ESCAPE;
    }

  if (!g_ascii_isxdigit (c))
    return SCAN_BAD_ESCAPE;
  scanner->unit = scanner->unit << 4 | g_ascii_xdigit_value (c);
  if (++scanner->escape < 6)
    return SCAN_OK;

  scanner->escape = 0;
  if (scanner->need_low)
    {
      scanner->need_low = FALSE;
      return IS_LOW_SURROGATE (scanner->unit) ? SCAN_OK : SCAN_BAD_ESCAPE;
    }
  scanner->need_low = IS_HIGH_SURROGATE (scanner->unit);
  return IS_LOW_SURROGATE (scanner->unit) ? SCAN_BAD_ESCAPE : SCAN_OK;
}

static ScanResult
scan_string_char (Scanner *scanner,
                  char     c)
{
  Frame *owner = scanner->capture;
  ScanResult result = SCAN_OK;

  if (scanner->escape > 0)
    result = scan_escape (scanner, c);
  else if (scanner->need_low && c != '\\')
    result = SCAN_BAD_ESCAPE;
  else if (c == '\\')
    scanner->escape = 1;
  else if (c == '"')
    {
      scanner->in_string = FALSE;
      scanner->root_done = scanner->depth == 0;
    }

  if (result != SCAN_OK)
    return result;

  if (owner == NULL)
    return SCAN_OK;
  if (scanner->in_string)
    {
      g_string_append_c (owner->key, c);
      return SCAN_OK;
    }

  scanner->capture = NULL;
  if (!g_hash_table_add (owner->keys, g_strdup (owner->key->str)))
    return SCAN_DUPLICATE_KEY;
  return SCAN_OK;
}

static ScanResult
open_container (Scanner *scanner,
                char     c)
{
  Frame *frame;

  if (scanner->depth == scanner->max_depth)
    return SCAN_TOO_DEEP;

  frame = &scanner->frames[scanner->depth++];
  frame->array = c == '[';
  frame->expect_key = c == '{';
  frame->index = 0;
  g_string_truncate (frame->key, 0);
  g_hash_table_remove_all (frame->keys);
  return SCAN_OK;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, JSON's numbers. json-glib
 * hands the rest to g_ascii_strtoll with base 0, so 060 would be 48 and
 * 0x0a ten. */
static gboolean
is_json_number (const char *p,
                gboolean   *integer)
{
  *integer = TRUE;
  if (*p == '-')
    p++;
  if (*p == '0')
    p++;
  else if (*p >= '1' && *p <= '9')
    while (g_ascii_isdigit (*p))
      p++;
  else
    return FALSE;

  if (*p == '.')
    {
      *integer = FALSE;
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  if (*p == 'e' || *p == 'E')
    {
      *integer = FALSE;
      p++;
      if (*p == '+' || *p == '-')
        p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }

  return *p == '\0';
}

/* @token is a JSON integer (no leading zeros): compared as digits, which
 * needs no locale and no errno. */
static gboolean
fits_in_64_bits (const char *token)
{
  gboolean negative = token[0] == '-';
  const char *digits = negative ? token + 1 : token;
  gsize n = strlen (digits);

  if (n != 19)
    return n < 19;
  return strcmp (digits, negative ? "9223372036854775808" : "9223372036854775807") <= 0;
}

/* A number or literal has ended; a NUL inside it ends the C string early
 * and so fails the checks too. */
static ScanResult
end_token (Scanner *scanner)
{
  const char *token = scanner->token->str;
  gboolean integer;

  if (scanner->depth == 0)
    scanner->root_done = TRUE;

  if (strlen (token) != scanner->token->len)
    return SCAN_BAD_TOKEN;
  if (g_str_equal (token, "true") || g_str_equal (token, "false") || g_str_equal (token, "null"))
    return SCAN_OK;
  if (!is_json_number (token, &integer))
    return SCAN_BAD_TOKEN;
  if (integer && !fits_in_64_bits (token))
    return SCAN_BIG_INTEGER;

  return SCAN_OK;
}

/* Everything outside a string that is not white space or punctuation is
 * part of a number or literal. */
static gboolean
is_token_char (char c)
{
  static const char delimiters[] = " \t\n\r{}[],:\"'/";

  return memchr (delimiters, c, sizeof delimiters - 1) == NULL;
}

/* Containers and commas: every value but the first of a container adds
 * one, so this bounds the nodes json-glib would build. */
static ScanResult
count_value (Scanner *scanner)
{
  if (scanner->max_values > 0 && ++scanner->values > scanner->max_values)
    return SCAN_TOO_MANY;
  return SCAN_OK;
}

static ScanResult
scan_char (Scanner *scanner,
           char     c,
           gsize    offset)
{
  Frame *top = scanner->depth > 0 ? &scanner->frames[scanner->depth - 1] : NULL;
  ScanResult result;

  if (scanner->in_string)
    return scan_string_char (scanner, c);

  if (is_token_char (c))
    {
      if (scanner->token->len == 0)
        {
          if (scanner->depth == 0 && scanner->root_started)
            return SCAN_TRAILING;
          scanner->root_started = TRUE;
          scanner->token_start = offset;
        }
      g_string_append_c (scanner->token, c);
      return SCAN_OK;
    }
  if (scanner->token->len > 0)
    {
      /* On failure the token stays for the message. */
      if ((result = end_token (scanner)) != SCAN_OK)
        return result;
      g_string_truncate (scanner->token, 0);
    }

  if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
    return SCAN_OK;

  if (scanner->depth == 0)
    {
      if (scanner->root_done || (scanner->root_started && (c == '{' || c == '[' || c == '"')))
        return SCAN_TRAILING;
      scanner->root_started = TRUE;
    }

  switch (c)
    {
    case '"':
      scanner->in_string = TRUE;
      scanner->capture = top != NULL && !top->array && top->expect_key ? top : NULL;
      if (scanner->capture != NULL)
        g_string_truncate (top->key, 0);
      break;
    case '{':
    case '[':
      if ((result = count_value (scanner)) != SCAN_OK)
        return result;
      return open_container (scanner, c);
    case '}':
    case ']':
      /* Mismatched brackets are the parser's business. */
      if (scanner->depth > 0)
        scanner->root_done = --scanner->depth == 0;
      break;
    case ',':
      if ((result = count_value (scanner)) != SCAN_OK)
        return result;
      if (top != NULL)
        {
          top->index++;
          top->expect_key = !top->array;
        }
      break;
    case ':':
      if (top != NULL)
        top->expect_key = FALSE;
      break;
    case '\'':
    case '/':
      return SCAN_NOT_JSON;
    default:
      break;
    }

  return SCAN_OK;
}

/* What the raw scan refused that is not JSON, or NULL for the other
 * results. */
static const char *
not_json_problem (ScanResult result)
{
  switch (result)
    {
    case SCAN_NOT_JSON:
      return "single quotes and comments are not allowed";
    case SCAN_BAD_ESCAPE:
      return "a bad escape in a string";
    case SCAN_TRAILING:
      return "more text after the end";
    case SCAN_UNTERMINATED:
      return "the text ends inside a string";
    default:
      return NULL;
    }
}

static void
token_failed (ScanResult   result,
              Scanner     *scanner,
              const char  *file,
              const char  *path,
              GError     **error)
{
  g_autofree char *token = sm_cut_for_message (scanner->token->str, TOKEN_QUOTE);
  gsize offset = scanner->token_start + 1;

  if (result == SCAN_BIG_INTEGER)
    sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, file, path,
                  "the number %s does not fit in 64 bits (byte %" G_GSIZE_FORMAT ")", token, offset);
  else
    sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, file, path,
                  "not valid JSON: “%s” is not a JSON number, true, false or null (byte %" G_GSIZE_FORMAT ")",
                  token, offset);
}

static void
scan_failed (ScanResult   result,
             Scanner     *scanner,
             const char  *file,
             gsize        offset,
             GError     **error)
{
  g_autofree char *path = frames_path (scanner->frames, scanner->depth);
  const char *not_json = not_json_problem (result);

  if (result == SCAN_TOO_DEEP)
    sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_TOO_DEEP, file, path,
                  "nested deeper than %u levels (byte %" G_GSIZE_FORMAT ")", scanner->max_depth, offset);
  else if (result == SCAN_TOO_MANY)
    sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_TOO_LARGE, file, path,
                  "more than %u values in one file (byte %" G_GSIZE_FORMAT ")", scanner->max_values, offset);
  else if (result == SCAN_BAD_TOKEN || result == SCAN_BIG_INTEGER)
    token_failed (result, scanner, file, path, error);
  else if (not_json != NULL)
    sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, file, path,
                  "not valid JSON: %s (byte %" G_GSIZE_FORMAT ")", not_json, offset);
  else
    {
      g_autofree char *key = sm_cut_for_message (scanner->frames[scanner->depth - 1].key->str,
                                                 TOKEN_QUOTE);

      sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_DUPLICATE_KEY, file, path,
                    "the key “%s” is given twice in the same object", key);
    }
}

static ScanResult
scan_data (Scanner    *scanner,
           const char *data,
           gsize       len,
           gsize      *offset)
{
  ScanResult result = SCAN_OK;
  gsize i;

  /* A byte order mark (Windows Notepad writes one) is fine with json-glib. */
  i = len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
  for (; i < len && result == SCAN_OK; i++)
    result = scan_char (scanner, data[i], i);
  if (result == SCAN_OK && scanner->in_string)
    result = SCAN_UNTERMINATED;
  if (result == SCAN_OK && scanner->token->len > 0)
    result = end_token (scanner);

  *offset = i;
  return result;
}

/* @max_values: 0, or how many values (containers and the elements after
 * each one's first) the file may hold, checked before json-glib builds a
 * tree of them. */
gboolean
sm_content_scan (GBytes      *bytes,
                 const char  *file,
                 guint        max_depth,
                 guint        max_values,
                 GError     **error)
{
  g_autofree Frame *frames = g_new0 (Frame, max_depth);
  g_autoptr(GString) token = g_string_new (NULL);
  Scanner scanner = { .frames = frames, .max_depth = max_depth, .token = token,
                      .max_values = max_values };
  ScanResult result;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *end;
  gsize offset;

  /* The scanner quotes keys in its messages, which end up in a label:
   * they must be UTF-8. json-glib would refuse anything else anyway. */
  if (!g_utf8_validate_len (data, len, &end))
    return sm_json_fail (error, SM_ATLAS_ERROR, SM_ATLAS_ERROR_PARSE, file, "",
                         "not UTF-8 text (byte %" G_GSIZE_FORMAT ")", (gsize) (end - data) + 1);

  for (guint f = 0; f < max_depth; f++)
    {
      frames[f].key = g_string_new (NULL);
      frames[f].keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  result = scan_data (&scanner, data, len, &offset);
  if (result != SCAN_OK)
    scan_failed (result, &scanner, file, offset, error);

  for (guint f = 0; f < max_depth; f++)
    {
      g_string_free (frames[f].key, TRUE);
      g_hash_table_unref (frames[f].keys);
    }

  return result == SCAN_OK;
}
