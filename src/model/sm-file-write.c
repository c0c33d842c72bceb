/* sm-file-write.c: writing a file without harming what is already there.
 *
 * Every file the app writes (routines, exported sheets and routine files)
 * goes through sm_file_write_bytes (). What it promises:
 *
 * - A regular file is replaced atomically: a temporary file in the same
 *   folder, written in full and fsynced, then renamed over it, so the file
 *   is always either the old or the new version, whatever happens.
 * - The file stays the person's: an existing file keeps its mode and, where
 *   the system lets us, its owner and group; the temporary file is never
 *   readable by more people than the file it replaces. A new file follows
 *   the umask (or is private, SM_FILE_WRITE_PRIVATE).
 * - A symlink stays a symlink: the file it points to is written, in that
 *   file's folder (a rename there is atomic, and the link is not split off).
 * - A file with more than one hard link keeps them: the new version is first
 *   written to a temporary file in full (so a full disk or an error costs
 *   nothing), then copied into the file itself, and the temporary removed.
 *   If that copy fails half-way, the temporary is renamed over the file
 *   instead: the link is lost but never the content.
 * - A pipe or a character device (a FIFO, /dev/stdout, a terminal) is
 *   written into, never renamed over; folders, sockets and block devices
 *   are refused.
 * - With @expected, a file that is no longer the one we last read or wrote
 *   is left alone (SM_FILE_WRITE_ERROR_CHANGED), so that the caller can ask
 *   the person instead of overwriting another program's change.
 *
 * Blocking; callers with a window run it in a worker thread.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-file-write"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "sm-file-write.h"

#define MAX_LINKS 40   /* as the kernel's ELOOP limit */

G_DEFINE_QUARK (sm-file-write-error-quark, sm_file_write_error)

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (name);

  /* Translators: %1$s is a file name, %2$s what went wrong (from the system). */
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not save “%1$s”: %2$s"), display, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
set_not_a_file_error (GError     **error,
                      const char  *path,
                      mode_t       mode)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *display = g_filename_display_name (name);

  if (S_ISDIR (mode))
    g_set_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE,
                 _("Could not save “%s”: it is a folder, not a file"), display);
  else if (S_ISFIFO (mode) || S_ISCHR (mode))
    g_set_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE,
                 _("Could not save “%s”: it is a pipe or a device, not a regular file"), display);
  else
    g_set_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE,
                 _("Could not save “%s”: it is a socket or a disk device, not a file"), display);
  return FALSE;
}

static void
stamp_from_stat (SmFileStamp       *stamp,
                 const struct stat *st)
{
  stamp->exists = TRUE;
  stamp->device = st->st_dev;
  stamp->inode = st->st_ino;
  stamp->size = st->st_size;
  stamp->mtime_ns = (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) +
                    st->st_mtim.tv_nsec;
}

/* The file @path names now (through symlinks); a missing file gives a stamp
 * that says so. */
void
sm_file_get_stamp (const char  *path,
                   SmFileStamp *stamp)
{
  struct stat st;

  memset (stamp, 0, sizeof *stamp);
  if (stat (path, &st) == 0)
    stamp_from_stat (stamp, &st);
}

gboolean
sm_file_stamp_equal (const SmFileStamp *a,
                     const SmFileStamp *b)
{
  if (!a->exists || !b->exists)
    return a->exists == b->exists;

  return a->device == b->device && a->inode == b->inode && a->size == b->size &&
         a->mtime_ns == b->mtime_ns;
}

/* Writes all of @bytes at the current position of @fd (a pipe may take them
 * a little at a time). */
gboolean
sm_file_write_fd (int          fd,
                  GBytes      *bytes,
                  const char  *display_name,
                  GError     **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  while (length > 0)
    {
      gssize written = write (fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        return set_errno_error (error, display_name, errno);
      if (written == 0)
        return set_errno_error (error, display_name, ENOSPC);
      data += written;
      length -= written;
    }

  return TRUE;
}

/* The file a chain of symlinks ends at; it need not exist (a link to a file
 * not written yet). Relative links are relative to the link's folder. */
char *
sm_file_resolve_links (const char  *path,
                       GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *target = NULL;
      g_autoptr(GError) link_error = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        return g_steal_pointer (&current);

      target = g_file_read_link (current, &link_error);
      if (target == NULL)
        {
          set_errno_error (error, path, EINVAL);
          return NULL;
        }
      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  set_errno_error (error, path, ELOOP);
  return NULL;
}

/* Into a pipe or a device as it is: no temporary file, no rename (that would
 * put a regular file where the node was). */
static gboolean
write_in_place (const char  *path,
                GBytes      *bytes,
                GError     **error)
{
  struct stat st;
  gboolean ok;
  int fd;

  do
    fd = open (path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return set_errno_error (error, path, errno);

  /* It may have been swapped for something else since the caller looked. */
  if (fstat (fd, &st) != 0 || !(S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)))
    {
      close (fd);
      return set_errno_error (error, path, EAGAIN);
    }

  ok = sm_file_write_fd (fd, bytes, path, error);
  if (close (fd) != 0 && ok)
    return set_errno_error (error, path, errno);
  return ok;
}

/* Makes the rename itself durable. Some file systems cannot fsync a folder;
 * the data is on disk anyway. */
static void
sync_directory (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Gives the temporary the replaced file's owner (where allowed) and mode.
 * chown first: it clears set-id bits, and the group must be right before
 * the group may read. */
static void
copy_ownership (int                fd,
                const struct stat *old)
{
  if (fchown (fd, old->st_uid, old->st_gid) != 0 &&
      fchown (fd, (uid_t) -1, old->st_gid) != 0)
    g_debug ("could not keep the owner or group of the file");
  if (fchmod (fd, old->st_mode & 07777) != 0)
    g_debug ("could not keep the mode of the file: %s", g_strerror (errno));
}

/* The journal of saves under way: one small file per temporary file, in
 * $XDG_STATE_HOME/sciatica-map/unfinished-saves/, holding its path. A save
 * that is killed leaves both behind, and the next start finds the
 * temporary wherever it is (an export can go to any folder). */
static char *
journal_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), PACKAGE_NAME, "unfinished-saves", NULL);
}

static char *
journal_add (const char *tmp)
{
  g_autofree char *dir = journal_dir ();
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA1, tmp, -1);
  g_autofree char *entry = g_build_filename (dir, name, NULL);

  /* Without a journal the save still works; only the clean-up is lost. */
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (entry, tmp, -1, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    return NULL;
  return g_steal_pointer (&entry);
}

static void
journal_remove (char *entry)
{
  if (entry != NULL)
    g_unlink (entry);
  g_free (entry);
}

/* Creates and fills the temporary file next to @target. With @old (the file
 * being replaced) it gets that file's owner and mode; it starts no wider
 * than 0600 and than @old, so nobody reads the content in between. */
static char *
write_temporary (const char         *target,
                 GBytes             *bytes,
                 const struct stat  *old,
                 SmFileWriteFlags    flags,
                 SmFileStamp        *out_stamp,
                 char              **out_entry,
                 GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *name = g_strconcat (".", base, SM_FILE_TEMP_MARKER, "XXXXXX", NULL);
  g_autofree char *tmp = g_build_filename (dir, name, NULL);
  int mode, fd;
  struct stat st;

  if (old != NULL)
    mode = old->st_mode & 0600;
  else
    mode = (flags & SM_FILE_WRITE_PRIVATE) ? 0600 : 0666;

  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, mode);
  if (fd < 0)
    {
      set_errno_error (error, target, errno);
      return NULL;
    }

  *out_entry = journal_add (tmp);
  if (old != NULL)
    copy_ownership (fd, old);

  if (!sm_file_write_fd (fd, bytes, target, error))
    goto fail;
  if (fsync (fd) != 0 || fstat (fd, &st) != 0)
    {
      set_errno_error (error, target, errno);
      goto fail;
    }
  if (out_stamp != NULL)
    stamp_from_stat (out_stamp, &st);
  if (close (fd) != 0)
    {
      fd = -1;
      set_errno_error (error, target, errno);
      goto fail;
    }

  return g_steal_pointer (&tmp);

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  journal_remove (g_steal_pointer (out_entry));
  return NULL;
}

/* Copies the content into @target's own inode, keeping its hard links. */
static gboolean
copy_into (const char        *target,
           GBytes            *bytes,
           const struct stat *old,
           SmFileStamp       *out_stamp)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  struct stat st;
  gsize done = 0;
  int fd = open (target, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);

  if (fd < 0)
    return FALSE;
  if (fstat (fd, &st) != 0 || st.st_ino != old->st_ino || st.st_dev != old->st_dev)
    goto fail;

  while (done < length)
    {
      gssize n = pwrite (fd, data + done, length - done, done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += n;
    }
  if (ftruncate (fd, length) != 0 || fsync (fd) != 0 || fstat (fd, &st) != 0)
    goto fail;
  if (out_stamp != NULL)
    stamp_from_stat (out_stamp, &st);
  return close (fd) == 0;

fail:
  close (fd);
  return FALSE;
}

static gboolean move_into_place (const char        *target,
                                 const char        *tmp,
                                 const struct stat *old,
                                 GBytes            *bytes,
                                 SmFileStamp       *out_stamp,
                                 GError           **error);

static gboolean
replace_regular (const char         *target,
                 GBytes             *bytes,
                 const struct stat  *old,
                 SmFileWriteFlags    flags,
                 SmFileStamp        *out_stamp,
                 GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *tmp = NULL;
  char *entry = NULL;
  gboolean ok;

  tmp = write_temporary (target, bytes, old, flags, out_stamp, &entry, error);
  if (tmp == NULL)
    return FALSE;
  ok = move_into_place (target, tmp, old, bytes, out_stamp, error);
  journal_remove (entry);
  if (ok)
    sync_directory (dir);
  return ok;
}

/* The temporary is complete and on disk: now it becomes the file. */
static gboolean
move_into_place (const char         *target,
                 const char         *tmp,
                 const struct stat  *old,
                 GBytes             *bytes,
                 SmFileStamp        *out_stamp,
                 GError            **error)
{
  if (old != NULL && old->st_nlink > 1)
    {
      if (copy_into (target, bytes, old, out_stamp))
        {
          g_unlink (tmp);
          return TRUE;
        }
      g_debug ("could not write %s in place, replacing it (its hard links split)", target);
      /* The temporary's stamp is what the rename below puts in place. */
      if (out_stamp != NULL)
        sm_file_get_stamp (tmp, out_stamp);
    }

  if (g_rename (tmp, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (tmp);
      return set_errno_error (error, target, saved_errno);
    }

  return TRUE;
}

/**
 * sm_file_write_bytes:
 * @path: where to write (a file, a symlink, a pipe or a device)
 * @expected: (nullable): the stamp the file had when it was last read or
 *   written; if it has another now, nothing is written
 * @out_stamp: (out) (optional): the new file's stamp
 *
 * See the top of this file for what it does to what is there.
 */
gboolean
sm_file_write_bytes (const char         *path,
                     GBytes             *bytes,
                     SmFileWriteFlags    flags,
                     const SmFileStamp  *expected,
                     SmFileStamp        *out_stamp,
                     GError            **error)
{
  g_autofree char *target = NULL;
  struct stat st;
  gboolean exists;

  g_return_val_if_fail (path != NULL && bytes != NULL, FALSE);

  exists = stat (path, &st) == 0;
  if (!exists && errno != ENOENT)
    return set_errno_error (error, path, errno);

  /* Before @out_stamp is cleared: it may be @expected. */
  if (expected != NULL)
    {
      SmFileStamp now = { 0, };

      if (exists)
        stamp_from_stat (&now, &st);
      if (!sm_file_stamp_equal (expected, &now))
        {
          g_autofree char *name = g_path_get_basename (path);
          g_autofree char *display = g_filename_display_name (name);

          g_set_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_CHANGED,
                       _("“%s” was changed by another program"), display);
          return FALSE;
        }
    }

  if (out_stamp != NULL)
    memset (out_stamp, 0, sizeof *out_stamp);

  if (exists && !S_ISREG (st.st_mode))
    {
      if ((S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode)) && !(flags & SM_FILE_WRITE_REGULAR_ONLY))
        return write_in_place (path, bytes, error);
      return set_not_a_file_error (error, path, st.st_mode);
    }

  /* stat() followed any links; the rename must happen where they end. */
  target = sm_file_resolve_links (path, error);
  if (target == NULL)
    return FALSE;

  return replace_regular (target, bytes, exists ? &st : NULL, flags, out_stamp, error);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autofree char *path = g_file_get_path (G_FILE (source_object));
  SmFileWriteFlags flags = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "sm-flags"));
  GError *error = NULL;

  if (path == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Could not save “%s”: only local files can be written"),
                             g_file_peek_path (G_FILE (source_object)));
  else if (sm_file_write_bytes (path, task_data, flags, NULL, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* sm_file_write_bytes () in a worker thread, for a file a person chose. */
void
sm_file_write_bytes_async (GFile               *file,
                           GBytes              *bytes,
                           SmFileWriteFlags     flags,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (file, cancellable, callback, user_data);

  g_task_set_source_tag (task, sm_file_write_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data (G_OBJECT (task), "sm-flags", GUINT_TO_POINTER (flags));
  g_task_run_in_thread (task, write_thread);
}

gboolean
sm_file_write_bytes_finish (GFile         *file,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, file), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ".NAME.sciatica-map-save-XXXXXX", exactly what write_temporary() makes. */
gboolean
sm_file_is_our_temp (const char *name)
{
  const char *marker;
  gsize tail;

  if (name[0] != '.')
    return FALSE;
  marker = g_strrstr (name, SM_FILE_TEMP_MARKER);
  if (marker == NULL || marker == name + 1)
    return FALSE;
  tail = strlen (marker + strlen (SM_FILE_TEMP_MARKER));
  if (tail != 6)
    return FALSE;
  for (const char *p = marker + strlen (SM_FILE_TEMP_MARKER); *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_stale (const char *path,
          GTimeSpan   max_age)
{
  struct stat st;
  gint64 age;

  /* Only regular files of this user: never follow a link, never touch
   * someone else's. */
  if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_uid != geteuid ())
    return FALSE;

  age = g_get_real_time () - ((gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC +
                              st.st_mtim.tv_nsec / 1000);
  return age > max_age;
}

/* Removes the temporary files a killed save left in @directory, ours only and
 * only those older than @max_age (a younger one may belong to a save that
 * is still running, in this process or another). Returns how many. */
guint
sm_file_remove_stale_temps (const char *directory,
                            GTimeSpan   max_age)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (!sm_file_is_our_temp (name))
        continue;
      path = g_build_filename (directory, name, NULL);
      if (is_stale (path, max_age) && g_unlink (path) == 0)
        {
          g_debug ("removed the stale temporary file %s", path);
          removed++;
        }
    }

  return removed;
}

/* At start: removes the temporaries that the journal says a killed save
 * left behind, once they are older than @max_age, and the journal's entries
 * for them. Returns how many temporaries went. */
guint
sm_file_clean_up_unfinished_saves (GTimeSpan max_age)
{
  g_autofree char *directory = journal_dir ();
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint removed = 0;

  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = g_build_filename (directory, name, NULL);
      g_autofree char *tmp = NULL;
      g_autofree char *base = NULL;
      struct stat st;

      if (!g_file_get_contents (entry, &tmp, NULL, NULL) || !g_path_is_absolute (tmp))
        continue;
      base = g_path_get_basename (tmp);
      /* Only ever a file of ours, whatever the entry says. */
      if (!sm_file_is_our_temp (base))
        continue;

      if (lstat (tmp, &st) != 0)
        g_unlink (entry);   /* finished or cleaned up already */
      else if (is_stale (tmp, max_age) && g_unlink (tmp) == 0)
        {
          g_debug ("removed the stale temporary file %s", tmp);
          g_unlink (entry);
          removed++;
        }
    }

  return removed;
}
