/* sm-file-write.h: writing a file without harming what is already there.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SM_FILE_WRITE_ERROR (sm_file_write_error_quark ())

typedef enum
{
  /* The file is not the one last read or written (sm_file_write_bytes()'s
   * @expected): another program changed, replaced or created it. */
  SM_FILE_WRITE_ERROR_CHANGED,
  /* A folder, a socket or a block device: nothing to write a file into. */
  SM_FILE_WRITE_ERROR_NOT_A_FILE,
} SmFileWriteError;

typedef enum
{
  SM_FILE_WRITE_DEFAULT      = 0,
  /* A new file is only for its owner (0600 under the umask): a routine has
   * a patient's name in it. An existing file keeps its own mode. */
  SM_FILE_WRITE_PRIVATE      = 1 << 0,
  /* Refuse pipes and character devices instead of writing into them. */
  SM_FILE_WRITE_REGULAR_ONLY = 1 << 1,
} SmFileWriteFlags;

/* Enough of a stat to tell whether a file is still the one we know. */
typedef struct
{
  gboolean exists;
  guint64  device;
  guint64  inode;
  guint64  size;
  gint64   mtime_ns;
} SmFileStamp;

/* The temporary files we write next to a target have names like
 * ".sheet.pdf.sciatica-map-save-A1b2C3", so that a person and the clean-up
 * at the next start can tell them from anyone else's. */
#define SM_FILE_TEMP_MARKER ".sciatica-map-save-"
#define SM_FILE_STALE_AGE   (G_TIME_SPAN_HOUR)

GQuark    sm_file_write_error_quark   (void);
gboolean  sm_file_write_bytes         (const char          *path,
                                       GBytes              *bytes,
                                       SmFileWriteFlags     flags,
                                       const SmFileStamp   *expected,
                                       SmFileStamp         *out_stamp,
                                       GError             **error);
void      sm_file_write_bytes_async   (GFile               *file,
                                       GBytes              *bytes,
                                       SmFileWriteFlags     flags,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean  sm_file_write_bytes_finish  (GFile               *file,
                                       GAsyncResult        *result,
                                       GError             **error);
gboolean  sm_file_write_fd            (int                  fd,
                                       GBytes              *bytes,
                                       const char          *display_name,
                                       GError             **error);
char     *sm_file_resolve_links       (const char          *path,
                                       GError             **error);
void      sm_file_get_stamp           (const char          *path,
                                       SmFileStamp         *stamp);
gboolean  sm_file_stamp_equal         (const SmFileStamp   *a,
                                       const SmFileStamp   *b);
gboolean  sm_file_is_our_temp         (const char          *name);
guint     sm_file_remove_stale_temps  (const char          *directory,
                                       GTimeSpan            max_age);
guint     sm_file_clean_up_unfinished_saves (GTimeSpan     max_age);

G_END_DECLS
