/* fuzz.h: what the fuzz targets share
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points; tests/fuzz/fuzz-replay.c calls them without it. */
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static inline GLogWriterOutput
sm_fuzz_abort_writer (GLogLevelFlags   level,
                      const GLogField *fields,
                      gsize            n_fields,
                      gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

/* Bad input must come back as a GError, never as a log message: a warning
 * or critical aborts, so the fuzzer reports it with the input. Not
 * g_log_set_always_fatal(): GLib ends fatal messages with SIGTRAP, which
 * libFuzzer does not catch, so it would keep no input. */
static inline void
sm_fuzz_make_logs_fatal (void)
{
  g_log_set_writer_func (sm_fuzz_abort_writer, NULL, NULL);
}

/* What every loader error must be: of the loader's domain, naming the file
 * first, and valid UTF-8 (it ends up in a GtkLabel, where anything else is
 * a Pango warning and a garbled line). */
static inline void
sm_fuzz_check_error (const GError *error,
                     GQuark        domain,
                     const char   *file_name)
{
  g_autofree char *prefix = g_strconcat (file_name, ": ", NULL);

  if (error == NULL)
    g_error ("the loader failed without an error");
  if (error->domain != domain)
    g_error ("error of the wrong domain %s: %s", g_quark_to_string (error->domain), error->message);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("the error message is not valid UTF-8");
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("the error message does not start with the file name: %s", error->message);
}

G_END_DECLS
