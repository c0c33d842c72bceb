/* test-file-write.c: writing files without harming them (sm-file-write.c)
 * and the routine store's saves: modes, owners, symlinks, hard links,
 * pipes, devices, stale temporaries and lost updates.
 *
 * Every case uses real files, FIFOs and links that it makes in a folder of
 * its own; device nodes are mknod copies, made only when the test runs as
 * root (skipped otherwise).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "sm-file-write.h"
#include "sm-test-model.h"
#include "sm-routine-store.h"

/* A folder of this test case's own (G_TEST_OPTION_ISOLATE_DIRS). */
static char *
scratch (const char *name)
{
  char *dir = g_build_filename (g_get_user_cache_dir (), name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static GBytes *
text (const char *s)
{
  return g_bytes_new_static (s, strlen (s));
}

static char *
read_all (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined by spaces: nothing left behind. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

typedef struct
{
  const char *path;
  GBytes     *bytes;
  gboolean    ok;
  gint        done;
} FifoWrite;

static gpointer
write_fifo_thread (gpointer data)
{
  FifoWrite *w = data;

  w->ok = sm_file_write_bytes (w->path, w->bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL);
  g_atomic_int_set (&w->done, TRUE);
  return NULL;
}

/* A reader on the other end gets the bytes; the FIFO stays a FIFO. The
 * read end is open (non-blocking) before the write starts, so a writer
 * that put a file in its place fails the test instead of hanging it. */
static void
test_fifo (void)
{
  g_autofree char *dir = scratch ("fifo");
  g_autofree char *fifo = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GBytes) bytes = text ("%PDF-1.5 through a pipe\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autofree char *left = NULL;
  FifoWrite w = { fifo, bytes, FALSE, FALSE };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  GThread *writer;
  struct stat st;
  int fd;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  fd = open (fifo, O_RDONLY | O_NONBLOCK);
  g_assert_cmpint (fd, >=, 0);
  writer = g_thread_new ("writer", write_fifo_thread, &w);
  while (g_get_monotonic_time () < deadline)
    {
      char buffer[256];
      /* Looked at before the read: what it wrote before it was done is
       * then in the pipe for this read. */
      gboolean finished = g_atomic_int_get (&w.done);
      gssize n = read (fd, buffer, sizeof buffer);

      if (n > 0)
        g_string_append_len (got, buffer, n);
      else if (finished)
        break;
      else
        g_usleep (1000);
    }
  g_thread_join (writer);
  close (fd);

  g_assert_true (w.ok);
  g_assert_cmpstr (got->str, ==, "%PDF-1.5 through a pipe\n");
  g_assert_cmpint (lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "out.pdf");

  /* A routine is never written into a pipe: refused, without blocking. */
  g_assert_false (sm_file_write_bytes (fifo, bytes, SM_FILE_WRITE_REGULAR_ONLY, NULL, NULL,
                                       &error));
  g_assert_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE);
  g_assert_nonnull (strstr (error->message, "out.pdf"));
}

/* A copy of /dev/full: a clear error naming it, the node unchanged. */
static void
test_device (void)
{
  g_autofree char *dir = scratch ("device");
  g_autofree char *full = g_build_filename (dir, "full", NULL);
  g_autofree char *null = g_build_filename (dir, "null", NULL);
  g_autoptr(GBytes) bytes = text ("%PDF-1.5 onto a device\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("making device nodes (mknod) needs root");
      return;
    }

  g_assert_cmpint (mknod (full, S_IFCHR | 0666, makedev (1, 7)), ==, 0);
  g_assert_cmpint (mknod (null, S_IFCHR | 0666, makedev (1, 3)), ==, 0);

  g_assert_false (sm_file_write_bytes (full, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpstr (error->message, ==,
                   "Could not save “full”: No space left on device");
  g_assert_cmpint (lstat (full, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 7));
  g_clear_error (&error);

  g_assert_true (sm_file_write_bytes (null, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (lstat (null, &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpuint (st.st_rdev, ==, makedev (1, 3));

  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "full null");
}

/* Folders and sockets are refused and stay what they are. */
static void
test_not_a_file (void)
{
  g_autofree char *dir = scratch ("not-a-file");
  g_autofree char *folder = g_build_filename (dir, "folder.pdf", NULL);
  g_autofree char *sock_path = g_build_filename (dir, "socket.pdf", NULL);
  g_autoptr(GBytes) bytes = text ("x");
  g_autoptr(GError) error = NULL;
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  struct stat st;
  int sock;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_false (sm_file_write_bytes (folder, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE);
  g_assert_cmpstr (error->message, ==, "Could not save “folder.pdf”: it is a folder, not a file");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  g_assert_cmpuint (strlen (sock_path), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock_path);
  sock = socket (AF_UNIX, SOCK_STREAM, 0);
  g_assert_cmpint (bind (sock, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_false (sm_file_write_bytes (sock_path, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL,
                                       &error));
  g_assert_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_NOT_A_FILE);
  g_assert_cmpint (lstat (sock_path, &st), ==, 0);
  g_assert_true (S_ISSOCK (st.st_mode));
  close (sock);
}

/* The link stays a link; the file it points to (in another folder, through
 * a relative link and a chain) gets the content; nothing is left in either
 * folder. A dangling link makes its target. */
static void
test_symlink (void)
{
  g_autofree char *dir = scratch ("symlink");
  g_autofree char *other = scratch ("symlink-target");
  g_autofree char *target = g_build_filename (other, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *chain = g_build_filename (dir, "chain.pdf", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.pdf", NULL);
  g_autofree char *made = g_build_filename (other, "made.pdf", NULL);
  g_autoptr(GBytes) bytes = text ("new");
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL, *got2 = NULL, *points = NULL, *left = NULL, *left2 = NULL;

  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink ("../symlink-target/real.pdf", link), ==, 0);
  g_assert_cmpint (symlink ("link.pdf", chain), ==, 0);
  g_assert_cmpint (symlink (made, dangling), ==, 0);

  g_assert_true (sm_file_write_bytes (chain, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  got = read_all (target);
  g_assert_cmpstr (got, ==, "new");
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  points = g_file_read_link (link, NULL);
  g_assert_cmpstr (points, ==, "../symlink-target/real.pdf");

  g_assert_true (sm_file_write_bytes (dangling, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, &error));
  g_assert_no_error (error);
  got2 = read_all (made);
  g_assert_cmpstr (got2, ==, "new");
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));

  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "chain.pdf dangling.pdf link.pdf");
  left2 = list_dir (other);
  g_assert_cmpstr (left2, ==, "made.pdf real.pdf");
}

/* An existing file keeps its mode (0600 stays 0600, 0640 stays 0640); a new
 * one follows the umask, or is private. */
static void
test_modes (void)
{
  g_autofree char *dir = scratch ("modes");
  g_autofree char *secret = g_build_filename (dir, "secret.pdf", NULL);
  g_autofree char *group = g_build_filename (dir, "group.pdf", NULL);
  g_autofree char *fresh = g_build_filename (dir, "fresh.pdf", NULL);
  g_autofree char *private = g_build_filename (dir, "private.json", NULL);
  g_autoptr(GBytes) bytes = text ("new");
  mode_t mask = umask (022);

  g_assert_true (g_file_set_contents_full (secret, "old", -1, 0, 0600, NULL));
  g_assert_true (g_file_set_contents (group, "old", -1, NULL));
  g_assert_cmpint (g_chmod (group, 0640), ==, 0);

  g_assert_true (sm_file_write_bytes (secret, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL));
  g_assert_true (sm_file_write_bytes (group, bytes, SM_FILE_WRITE_PRIVATE, NULL, NULL, NULL));
  g_assert_true (sm_file_write_bytes (fresh, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL));
  g_assert_true (sm_file_write_bytes (private, bytes, SM_FILE_WRITE_PRIVATE, NULL, NULL, NULL));
  umask (mask);

  g_assert_cmpuint (mode_of (secret), ==, 0600);
  g_assert_cmpuint (mode_of (group), ==, 0640);
  g_assert_cmpuint (mode_of (fresh), ==, 0644);
  g_assert_cmpuint (mode_of (private), ==, 0600);
}

/* As root the owner and group are kept too. */
static void
test_owner (void)
{
  g_autofree char *dir = scratch ("owner");
  g_autofree char *path = g_build_filename (dir, "theirs.pdf", NULL);
  g_autoptr(GBytes) bytes = text ("new");
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("giving a file to another user needs root");
      return;
    }

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (chown (path, 4321, 4322), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (sm_file_write_bytes (path, bytes, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL));
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 4321);
  g_assert_cmpuint (st.st_gid, ==, 4322);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
}

/* Chosen behaviour: a file with more than one hard link is written in
 * place (after a full temporary copy), so every name sees the new version. */
static void
test_hard_link (void)
{
  g_autofree char *dir = scratch ("hard-link");
  g_autofree char *a = g_build_filename (dir, "a.pdf", NULL);
  g_autofree char *b = g_build_filename (dir, "b.pdf", NULL);
  g_autoptr(GBytes) shorter = text ("new");
  g_autofree char *got = NULL, *left = NULL;
  struct stat before, after;

  g_assert_true (g_file_set_contents (a, "the old, longer version", -1, NULL));
  g_assert_cmpint (link (a, b), ==, 0);
  g_assert_cmpint (stat (a, &before), ==, 0);

  g_assert_true (sm_file_write_bytes (a, shorter, SM_FILE_WRITE_DEFAULT, NULL, NULL, NULL));
  g_assert_cmpint (stat (b, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (after.st_nlink, ==, 2);
  got = read_all (b);
  g_assert_cmpstr (got, ==, "new");
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, "a.pdf b.pdf");
}

/* A file that is not the one we knew is not written. */
static void
test_expected (void)
{
  g_autofree char *dir = scratch ("expected");
  g_autofree char *path = g_build_filename (dir, "r.json", NULL);
  g_autoptr(GBytes) mine = text ("mine");
  g_autoptr(GError) error = NULL;
  g_autofree char *got = NULL;
  SmFileStamp stamp, missing = { 0, };

  g_assert_true (sm_file_write_bytes (path, mine, 0, &missing, &stamp, &error));
  g_assert_no_error (error);
  g_assert_true (stamp.exists);
  g_assert_true (sm_file_write_bytes (path, mine, 0, &stamp, &stamp, &error));

  /* Another program replaces it: same size, so only the stamp tells. */
  g_assert_true (g_file_set_contents (path, "them", -1, NULL));
  g_assert_false (sm_file_write_bytes (path, mine, 0, &stamp, NULL, &error));
  g_assert_error (error, SM_FILE_WRITE_ERROR, SM_FILE_WRITE_ERROR_CHANGED);
  g_assert_cmpstr (error->message, ==, "“r.json” was changed by another program");
  got = read_all (path);
  g_assert_cmpstr (got, ==, "them");
}

static void
make_old (const char *path,
          GTimeSpan   age)
{
  struct timeval times[2];
  gint64 when = g_get_real_time () - age;

  times[0].tv_sec = times[1].tv_sec = when / G_USEC_PER_SEC;
  times[0].tv_usec = times[1].tv_usec = 0;
  g_assert_cmpint (lutimes (path, times), ==, 0);
}

static void
make_file (const char *dir,
           const char *name,
           GTimeSpan   age)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "x", -1, NULL));
  make_old (path, age);
}

/* Ours and older than an hour: removed. Fresh ones, other programs' and
 * look-alikes: kept. */
static void
test_stale_temps (void)
{
  g_autofree char *dir = scratch ("stale");
  g_autofree char *link = g_build_filename (dir, ".l.json.sciatica-map-save-LiNk00", NULL);
  g_autofree char *left = NULL;

  make_file (dir, ".t.pdf.sciatica-map-save-K1JKZ3", 2 * G_TIME_SPAN_HOUR);
  make_file (dir, ".r.json.sciatica-map-save-a1b2c3", 2 * G_TIME_SPAN_HOUR);
  make_file (dir, ".u.pdf.sciatica-map-save-FRESH1", 10 * G_TIME_SPAN_MINUTE);
  make_file (dir, "t.pdf.K1JKZ3", 2 * G_TIME_SPAN_HOUR);            /* GLib's, another program's */
  make_file (dir, ".x.sciatica-map-save-abc", 2 * G_TIME_SPAN_HOUR); /* not our pattern */
  make_file (dir, "t.pdf", 2 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (symlink ("t.pdf", link), ==, 0);
  make_old (link, 2 * G_TIME_SPAN_HOUR);

  g_assert_cmpuint (sm_file_remove_stale_temps (dir, SM_FILE_STALE_AGE), ==, 2);
  left = list_dir (dir);
  g_assert_cmpstr (left, ==, ".l.json.sciatica-map-save-LiNk00 .u.pdf.sciatica-map-save-FRESH1 "
                             ".x.sciatica-map-save-abc t.pdf t.pdf.K1JKZ3");
}

/* The journal finds what a killed save left, in any folder, at the next
 * start; only once it is an hour old. */
static void
test_killed_save (void)
{
  g_autofree char *dir = scratch ("killed");
  g_autofree char *other = scratch ("killed-elsewhere");
  g_autofree char *path = g_build_filename (dir, "t.pdf", NULL);
  g_autofree char *path2 = g_build_filename (other, "u.pdf", NULL);
  g_autofree char *old_tmp = sm_test_kill_during_save (path);
  g_autofree char *fresh_tmp = sm_test_kill_during_save (path2);
  g_autofree char *journal = g_build_filename (g_get_user_state_dir (), PACKAGE_NAME,
                                               "unfinished-saves", NULL);
  g_autofree char *entries = NULL;

  g_assert_true (g_file_test (old_tmp, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (fresh_tmp, G_FILE_TEST_IS_REGULAR));
  make_old (old_tmp, 2 * G_TIME_SPAN_HOUR);

  g_assert_cmpuint (sm_file_clean_up_unfinished_saves (SM_FILE_STALE_AGE), ==, 1);
  g_assert_false (g_file_test (old_tmp, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh_tmp, G_FILE_TEST_IS_REGULAR));
  /* The fresh one's entry stays, for a start an hour from now. */
  entries = list_dir (journal);
  g_assert_cmpuint (strlen (entries), ==, 40);
}

/* ------------------------------------------------------------------ */
/* The routine store                                                    */

static char *
routines_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "sciatica-map", "routines", NULL);
}

static void
wait_for_saves (SmRoutineStore *store)
{
  while (sm_routine_store_is_saving (store))
    g_main_context_iteration (NULL, TRUE);
}

static SmRoutine *
add_routine (SmRoutineStore *store,
             const char     *name)
{
  SmRoutine *routine = sm_routine_new (name);
  g_autoptr(SmRoutineStep) step = sm_routine_step_new ("piriformis", "left");

  sm_routine_set_patient (routine, "Ada Lovelace");
  sm_routine_append_step (routine, step);
  sm_routine_store_add (store, routine);
  wait_for_saves (store);
  return routine;
}

/* A patient routine is its owner's alone: 0600 in a 0700 folder; one the
 * person made 0640 stays 0640 after the next autosave. */
static void
test_store_private (void)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *path = g_build_filename (dir, "ada.json", NULL);
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, NULL);
  g_autoptr(SmRoutine) routine = NULL;
  mode_t mask = umask (022);

  sm_routine_store_load (store);
  routine = add_routine (store, "Ada");
  umask (mask);
  g_assert_cmpuint (mode_of (dir), ==, 0700);
  g_assert_cmpuint (mode_of (path), ==, 0600);

  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  sm_routine_set_notes (routine, "autosaved");
  g_assert_true (sm_routine_store_is_saving (store));
  wait_for_saves (store);
  g_assert_cmpuint (mode_of (path), ==, 0640);
}

/* A routine that is a symlink is saved into its target. */
static void
test_store_symlink (void)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *other = scratch ("synced");
  g_autofree char *target = g_build_filename (other, "ada.json", NULL);
  g_autofree char *link = g_build_filename (dir, "ada.json", NULL);
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, NULL);
  g_autoptr(SmRoutine) routine = add_routine (store, "Ada");
  g_autoptr(SmRoutineStore) again = sm_routine_store_new (NULL, NULL);
  g_autofree char *got = NULL;
  SmRoutine *loaded;

  g_assert_cmpint (g_rename (link, target), ==, 0);
  g_assert_cmpint (symlink (target, link), ==, 0);

  sm_routine_store_load (again);
  loaded = sm_routine_store_lookup (again, "ada");
  g_assert_nonnull (loaded);
  sm_routine_set_notes (loaded, "through the link");
  wait_for_saves (again);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  got = read_all (target);
  g_assert_nonnull (strstr (got, "through the link"));
}

static void
count_conflict (SmRoutineStore *store,
                SmRoutine      *routine,
                guint          *count)
{
  (*count)++;
}

/* Another program writes its own version of the routine's file. */
static void
write_theirs (const char *path,
              const char *name)
{
  g_autoptr(SmRoutine) theirs = sm_routine_new (name);
  g_autoptr(SmRoutineStep) step = sm_routine_step_new ("hamstrings", "both");
  g_autoptr(GBytes) bytes = NULL;

  sm_routine_append_step (theirs, step);
  bytes = sm_routine_to_bytes (theirs);
  /* Like a sync tool: a new file renamed into place. */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
}

static gboolean
timed_out (gpointer data)
{
  g_assert_not_reached ();
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  guint timeout = g_timeout_add_seconds (30, timed_out, NULL);

  while (!done (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

static gboolean
is_nonzero (gpointer data)
{
  return *(guint *) data > 0;
}

typedef struct
{
  SmRoutineStore *store;
  SmRoutine      *routine;
  char           *path;
  guint           conflicts;
} Conflict;

/* A routine open here, edited here, and changed by another program at the
 * same moment: the store asks, and nothing is written until it has the
 * answer. */
static void
set_up_conflict (Conflict *c)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *before = NULL, *after = NULL;

  c->path = g_build_filename (dir, "ada.json", NULL);
  c->store = sm_routine_store_new (NULL, NULL);
  c->routine = add_routine (c->store, "Ada");
  g_signal_connect (c->store, "conflict", G_CALLBACK (count_conflict), &c->conflicts);

  sm_routine_set_notes (c->routine, "mine");   /* an autosave is pending */
  write_theirs (c->path, "Theirs");
  before = read_all (c->path);
  wait_until (is_nonzero, &c->conflicts);
  g_assert_true (sm_routine_store_in_conflict (c->store, c->routine));

  /* More edits while the question is open: still nothing written. */
  sm_routine_set_notes (c->routine, "mine, again");
  wait_for_saves (c->store);
  after = read_all (c->path);
  g_assert_cmpstr (after, ==, before);
}

static void
tear_down_conflict (Conflict *c)
{
  g_clear_object (&c->routine);
  g_clear_object (&c->store);
  g_free (c->path);
}

static gboolean
not_in_conflict (gpointer data)
{
  Conflict *c = data;

  return !sm_routine_store_in_conflict (c->store, c->routine) &&
         !sm_routine_store_is_saving (c->store);
}

static void
test_conflict_keep_mine (void)
{
  Conflict c = { 0, };
  g_autofree char *got = NULL;

  set_up_conflict (&c);
  sm_routine_store_resolve_conflict (c.store, c.routine, SM_ROUTINE_CONFLICT_KEEP_MINE);
  wait_until (not_in_conflict, &c);
  got = read_all (c.path);
  g_assert_nonnull (strstr (got, "mine, again"));
  g_assert_null (strstr (got, "Theirs"));
  tear_down_conflict (&c);
}

static gboolean
named_theirs (gpointer data)
{
  Conflict *c = data;

  return g_strcmp0 (sm_routine_get_name (c->routine), "Theirs") == 0 && not_in_conflict (c);
}

static void
test_conflict_take_theirs (void)
{
  Conflict c = { 0, };
  g_autofree char *before = NULL, *got = NULL;

  set_up_conflict (&c);
  before = read_all (c.path);
  sm_routine_store_resolve_conflict (c.store, c.routine, SM_ROUTINE_CONFLICT_TAKE_THEIRS);
  wait_until (named_theirs, &c);
  g_assert_cmpuint (sm_routine_get_n_steps (c.routine), ==, 1);
  g_assert_cmpstr (sm_routine_step_get_zone (sm_routine_get_step (c.routine, 0)), ==,
                   "hamstrings");
  g_assert_cmpstr (sm_routine_get_notes (c.routine), ==, "");
  /* Taking theirs writes nothing: the file is theirs as they left it. */
  got = read_all (c.path);
  g_assert_cmpstr (got, ==, before);

  /* And the next edit is saved over it without a question. */
  sm_routine_set_notes (c.routine, "on top of theirs");
  wait_for_saves (c.store);
  g_free (got);
  got = read_all (c.path);
  g_assert_nonnull (strstr (got, "on top of theirs"));
  g_assert_cmpuint (c.conflicts, ==, 1);
  tear_down_conflict (&c);
}

static gboolean
has_copy (gpointer data)
{
  Conflict *c = data;

  return sm_routine_store_lookup (c->store, "Theirs (changed elsewhere)") != NULL &&
         not_in_conflict (c);
}

static void
test_conflict_keep_both (void)
{
  Conflict c = { 0, };
  g_autofree char *dir = routines_dir ();
  g_autofree char *copy_path = g_build_filename (dir, "theirs-changed-elsewhere.json", NULL);
  g_autofree char *got = NULL, *copy = NULL;

  set_up_conflict (&c);
  sm_routine_store_resolve_conflict (c.store, c.routine, SM_ROUTINE_CONFLICT_KEEP_BOTH);
  wait_until (has_copy, &c);
  wait_for_saves (c.store);
  got = read_all (c.path);
  g_assert_nonnull (strstr (got, "mine, again"));
  copy = read_all (copy_path);
  g_assert_nonnull (strstr (copy, "hamstrings"));
  g_assert_cmpuint (mode_of (copy_path), ==, 0600);
  tear_down_conflict (&c);
}

/* Quitting with the question unanswered: ours goes to a copy, theirs stays
 * in the file, so neither is lost. */
static void
test_conflict_at_quit (void)
{
  Conflict c = { 0, };
  g_autofree char *dir = routines_dir ();
  g_autofree char *copy_path = g_build_filename (dir, "ada-copy.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *copy = NULL;

  set_up_conflict (&c);
  before = read_all (c.path);
  sm_routine_store_flush (c.store);
  after = read_all (c.path);
  g_assert_cmpstr (after, ==, before);
  copy = read_all (copy_path);
  g_assert_nonnull (strstr (copy, "mine, again"));
  g_assert_nonnull (strstr (copy, "Ada (copy)"));
  tear_down_conflict (&c);
}

static gboolean
routine_named_theirs (gpointer data)
{
  return g_strcmp0 (sm_routine_get_name (data), "Theirs") == 0;
}

/* A routine not changed here since it was read: another program's version
 * is simply taken, and the next save goes over theirs. One changed here,
 * even if saved, is not: the other version may be an older copy. */
static void
test_change_without_edits (void)
{
  g_autofree char *dir = routines_dir ();
  g_autofree char *path = g_build_filename (dir, "ada.json", NULL);
  g_autoptr(SmRoutineStore) maker = sm_routine_store_new (NULL, NULL);
  g_autoptr(SmRoutine) made = add_routine (maker, "Ada");
  g_autoptr(SmRoutineStore) store = sm_routine_store_new (NULL, NULL);
  g_autofree char *got = NULL;
  SmRoutine *routine;
  guint conflicts = 0;

  g_clear_object (&maker);
  sm_routine_store_load (store);
  routine = sm_routine_store_lookup (store, "ada");
  g_assert_nonnull (routine);
  g_signal_connect (store, "conflict", G_CALLBACK (count_conflict), &conflicts);

  write_theirs (path, "Theirs");
  wait_until (routine_named_theirs, routine);
  g_assert_false (sm_routine_store_is_saving (store));
  g_assert_cmpuint (conflicts, ==, 0);

  /* Now changed here and saved; then an old copy comes back: a question. */
  sm_routine_set_notes (routine, "today's work");
  wait_for_saves (store);
  write_theirs (path, "Old copy");
  wait_until (is_nonzero, &conflicts);
  got = read_all (path);
  g_assert_nonnull (strstr (got, "Old copy"));
  g_assert_cmpstr (sm_routine_get_notes (routine), ==, "today's work");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/file-write/fifo", test_fifo);
  g_test_add_func ("/sm/file-write/device", test_device);
  g_test_add_func ("/sm/file-write/not-a-file", test_not_a_file);
  g_test_add_func ("/sm/file-write/symlink", test_symlink);
  g_test_add_func ("/sm/file-write/modes", test_modes);
  g_test_add_func ("/sm/file-write/owner", test_owner);
  g_test_add_func ("/sm/file-write/hard-link", test_hard_link);
  g_test_add_func ("/sm/file-write/expected", test_expected);
  g_test_add_func ("/sm/file-write/stale-temps", test_stale_temps);
  g_test_add_func ("/sm/file-write/killed-save", test_killed_save);
  g_test_add_func ("/sm/file-write/store-private", test_store_private);
  g_test_add_func ("/sm/file-write/store-symlink", test_store_symlink);
  g_test_add_func ("/sm/file-write/conflict-keep-mine", test_conflict_keep_mine);
  g_test_add_func ("/sm/file-write/conflict-take-theirs", test_conflict_take_theirs);
  g_test_add_func ("/sm/file-write/conflict-keep-both", test_conflict_keep_both);
  g_test_add_func ("/sm/file-write/conflict-at-quit", test_conflict_at_quit);
  g_test_add_func ("/sm/file-write/change-without-edits", test_change_without_edits);

  return g_test_run ();
}
