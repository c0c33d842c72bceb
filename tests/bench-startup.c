/* bench-startup.c: time to first frame and peak memory of the app, next to
 * a minimal GTK 4 window (bench-minimal-window) measured in the same run, on
 * the same X server, with the same GSK renderer and environment.
 *
 * Usage: SM_BINARY=APP bench-startup MINIMAL-WINDOW
 *
 * Each program is a black box started with fork/exec. The clock starts just
 * before the fork and stops when the program has drawn its first frame:
 *
 *  - SubstructureNotify on the root window shows the program's top-level
 *    window being mapped: the first one whose _NET_WM_PID is the child's.
 *  - The frame is told by that window's frame counter, the extended
 *    _NET_WM_SYNC_REQUEST_COUNTER of the EWMH frame synchronisation that
 *    GTK keeps for compositors: odd while a frame is being drawn, even once
 *    it is complete. GTK sets it to 1 when it creates the window and to 2 or
 *    more when its first frame is done; an XSync alarm reports that moment.
 *    The X server carries out a client's requests in order, so the frame's
 *    drawing is done by then, and with no compositor it is on the screen.
 *
 * Why not XDamage, the first damage to the window after its map? GTK's
 * windows have a 32-bit ARGB visual on Xvfb's 24-bit screen, so the server
 * gives each its own backing pixmap (implicit Composite redirection). At the
 * map it fills that pixmap with what the screen showed there and reports
 * damage to the whole window: the first damage after the map is the server
 * copying old pixels (black, or the previous program's last frame), 15 ms
 * to a second before GTK draws. Nor is "mapped" enough: the window is mapped
 * before its first layout and rendering, the very work the app adds to GTK.
 *
 * The alarm is set when the map is seen; should the frame be complete by
 * then, it goes off at once. Like every time here, it is taken when this
 * process reads the event, so a busy machine delays it a little: hence the
 * alternating runs and the medians.
 *
 * Then the child idles for half a second (the app does its idle work), gets
 * WM_DELETE_WINDOW like a click on the close button, and is reaped with
 * wait4(), whose ru_maxrss is the peak resident memory of the whole run.
 *
 * The app runs as a returning user: its settings are a keyfile in a
 * throw-away XDG_CONFIG_HOME that marks the safety screen as read, so its
 * first frame is the body map with the side pane, at the default window
 * size (1100x760, like the minimal window). A third case is the app's first
 * run, with no settings: its first frame is the safety screen. All get the
 * same environment. They take turns, so a busy machine slows all alike; one
 * untimed run of each warms the page cache. SM_BENCHMARK_RUNS sets the
 * number of timed runs (default 11); the medians are printed. It fails only
 * when a program fails, does not draw within a minute or does not quit.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/extensions/sync.h>

#define DRAW_TIMEOUT_MS 60000
#define IDLE_MS         500
#define QUIT_TIMEOUT_MS 10000
#define SKIP            77

typedef struct
{
  Display *display;
  Window root;
  int sync_event_base;
  Atom wm_protocols;
  Atom wm_delete_window;
  Atom net_wm_pid;
  Atom net_wm_sync_request_counter;
} BenchDisplay;

/* One start of a program, from the fork to the first frame. */
typedef struct
{
  pid_t pid;
  Window window;
  XSyncAlarm alarm;
} Launch;

typedef struct
{
  double first_frame_ms;
  double peak_rss_mib;
  int width;
  int height;
} Run;

typedef struct
{
  const char *name;
  char **argv;
  GArray *runs;
  gboolean first_run;   /* the app as a new user sees it: the safety screen */
} Program;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Windows and counters go away while we ask about them: a BadWindow is an
 * answer, not a reason to exit. */
static int
ignore_x_error (Display     *display,
                XErrorEvent *event)
{
  return 0;
}

static gboolean
bench_display_open (BenchDisplay  *bench,
                    GError       **error)
{
  int sync_error_base, major, minor;

  bench->display = XOpenDisplay (NULL);
  if (bench->display == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "cannot open X display %s",
                   g_getenv ("DISPLAY"));
      return FALSE;
    }
  if (!XSyncQueryExtension (bench->display, &bench->sync_event_base, &sync_error_base) ||
      !XSyncInitialize (bench->display, &major, &minor))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "the X server has no SYNC extension");
      return FALSE;
    }

  /* The children must not inherit this connection. */
  fcntl (ConnectionNumber (bench->display), F_SETFD, FD_CLOEXEC);
  XSetErrorHandler (ignore_x_error);

  bench->root = DefaultRootWindow (bench->display);
  bench->wm_protocols = XInternAtom (bench->display, "WM_PROTOCOLS", False);
  bench->wm_delete_window = XInternAtom (bench->display, "WM_DELETE_WINDOW", False);
  bench->net_wm_pid = XInternAtom (bench->display, "_NET_WM_PID", False);
  bench->net_wm_sync_request_counter = XInternAtom (bench->display,
                                                    "_NET_WM_SYNC_REQUEST_COUNTER", False);
  XSelectInput (bench->display, bench->root, SubstructureNotifyMask);
  XSync (bench->display, False);
  return TRUE;
}

/* Item `index` of a CARDINAL property, or 0 when there is none. */
static unsigned long
get_cardinal (BenchDisplay *bench,
              Window        window,
              Atom          property,
              long          index)
{
  Atom type;
  int format;
  unsigned long n_items, bytes_after, value = 0;
  unsigned char *data = NULL;

  if (XGetWindowProperty (bench->display, window, property, index, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &bytes_after, &data) == Success &&
      type == XA_CARDINAL && format == 32 && n_items == 1)
    value = *(unsigned long *) data;

  if (data != NULL)
    XFree (data);
  return value;
}

static gboolean
has_exited (pid_t pid)
{
  siginfo_t info = { 0 };

  /* WNOWAIT: look without reaping, so that wait4() still gets the rusage. */
  return waitid (P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

/* Waits up to timeout_ms for an X event; FALSE on timeout. */
static gboolean
next_event (BenchDisplay *bench,
            XEvent       *event,
            int           timeout_ms)
{
  struct pollfd fd = { ConnectionNumber (bench->display), POLLIN, 0 };

  if (XPending (bench->display) == 0 &&
      (poll (&fd, 1, timeout_ms) <= 0 || XPending (bench->display) == 0))
    return FALSE;

  XNextEvent (bench->display, event);
  return TRUE;
}

static gboolean
is_launch_window (BenchDisplay *bench,
                  Launch       *launch,
                  XEvent       *event)
{
  return event->type == MapNotify && launch->window == None &&
         event->xmap.event == bench->root && !event->xmap.override_redirect &&
         get_cardinal (bench, event->xmap.window, bench->net_wm_pid, 0) == (unsigned long) launch->pid;
}

/* Arms an alarm for the end of the window's first frame: its extended frame
 * counter (the second one in _NET_WM_SYNC_REQUEST_COUNTER) reaching 2. */
static gboolean
watch_first_frame (BenchDisplay  *bench,
                   Launch        *launch,
                   GError       **error)
{
  XSyncCounter counter = get_cardinal (bench, launch->window, bench->net_wm_sync_request_counter, 1);
  XSyncAlarmAttributes attributes = { 0 };

  if (counter == None)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "its window has no extended _NET_WM_SYNC_REQUEST_COUNTER to tell its frames by");
      return FALSE;
    }

  attributes.trigger.counter = counter;
  attributes.trigger.value_type = XSyncAbsolute;
  XSyncIntToValue (&attributes.trigger.wait_value, 2);
  attributes.trigger.test_type = XSyncPositiveComparison;
  attributes.events = True;
  launch->alarm = XSyncCreateAlarm (bench->display,
                                    XSyncCACounter | XSyncCAValueType | XSyncCAValue |
                                    XSyncCATestType | XSyncCAEvents,
                                    &attributes);
  return TRUE;
}

static gboolean
is_first_frame (BenchDisplay *bench,
                Launch       *launch,
                XEvent       *event)
{
  XSyncAlarmNotifyEvent *alarm = (XSyncAlarmNotifyEvent *) event;
  XSyncValue two;

  XSyncIntToValue (&two, 2);
  return event->type == bench->sync_event_base + XSyncAlarmNotify && launch->alarm != None &&
         alarm->alarm == launch->alarm && XSyncValueGreaterOrEqual (alarm->counter_value, two);
}

static gboolean
wait_for_first_frame (BenchDisplay  *bench,
                      Launch        *launch,
                      GError       **error)
{
  double deadline = now_ms () + DRAW_TIMEOUT_MS;

  while (now_ms () < deadline)
    {
      XEvent event;

      if (!next_event (bench, &event, 50))
        {
          if (has_exited (launch->pid))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "exited before drawing a frame");
              return FALSE;
            }
        }
      else if (is_launch_window (bench, launch, &event))
        {
          launch->window = event.xmap.window;
          if (!watch_first_frame (bench, launch, error))
            return FALSE;
        }
      else if (is_first_frame (bench, launch, &event))
        return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "%s within %d s",
               launch->window == None ? "no window shown" : "no frame drawn",
               DRAW_TIMEOUT_MS / 1000);
  return FALSE;
}

/* Lets the child run while the events it causes are thrown away. */
static void
idle (BenchDisplay *bench,
      int           ms)
{
  double end = now_ms () + ms;
  XEvent event;

  for (double left = ms; left > 0; left = end - now_ms ())
    next_event (bench, &event, (int) left + 1);
}

/* What the window manager sends when a person clicks the close button. */
static void
close_window (BenchDisplay *bench,
              Window        window)
{
  XEvent event = { 0 };

  event.xclient.type = ClientMessage;
  event.xclient.window = window;
  event.xclient.message_type = bench->wm_protocols;
  event.xclient.format = 32;
  event.xclient.data.l[0] = bench->wm_delete_window;
  event.xclient.data.l[1] = CurrentTime;
  XSendEvent (bench->display, window, False, NoEventMask, &event);
  XFlush (bench->display);
}

static gboolean
reap (pid_t           pid,
      int             timeout_ms,
      struct rusage  *usage,
      GError        **error)
{
  double deadline = now_ms () + timeout_ms;
  int status = 0;
  pid_t done;

  while ((done = wait4 (pid, &status, WNOHANG, usage)) == 0 && now_ms () < deadline)
    g_usleep (5000);

  if (done == 0)
    {
      kill (pid, SIGKILL);
      wait4 (pid, &status, 0, usage);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                   "did not quit within %d s of its window being closed", timeout_ms / 1000);
      return FALSE;
    }
  if (done < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "wait4: %s",
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s %d",
                   WIFSIGNALED (status) ? "killed by signal" : "exit status",
                   WIFSIGNALED (status) ? WTERMSIG (status) : WEXITSTATUS (status));
      return FALSE;
    }
  return TRUE;
}

/* From the fork (at `start`) to the reaped child. */
static gboolean
measure (BenchDisplay  *bench,
         Launch        *launch,
         double         start,
         Run           *run,
         GError       **error)
{
  XWindowAttributes attributes;
  struct rusage usage;

  if (!wait_for_first_frame (bench, launch, error))
    {
      kill (launch->pid, SIGKILL);
      waitpid (launch->pid, NULL, 0);
      return FALSE;
    }
  run->first_frame_ms = now_ms () - start;
  XGetWindowAttributes (bench->display, launch->window, &attributes);
  run->width = attributes.width;
  run->height = attributes.height;

  idle (bench, IDLE_MS);
  close_window (bench, launch->window);
  if (!reap (launch->pid, QUIT_TIMEOUT_MS, &usage, error))
    return FALSE;

  run->peak_rss_mib = usage.ru_maxrss / 1024.0; /* Linux gives KiB */
  return TRUE;
}

static gboolean
run_once (BenchDisplay  *bench,
          Program       *program,
          char         **envp,
          Run           *run,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  Launch launch = { 0 };
  double start;

  /* Forget what earlier runs left in the queue. */
  XSync (bench->display, True);

  start = now_ms ();
  launch.pid = fork ();
  if (launch.pid < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "fork: %s",
                   g_strerror (saved_errno));
      return FALSE;
    }
  if (launch.pid == 0)
    {
      execve (program->argv[0], program->argv, envp);
      _exit (127);
    }

  if (!measure (bench, &launch, start, run, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", program->argv[0]);
      if (launch.alarm != None)
        XSyncDestroyAlarm (bench->display, launch.alarm);
      return FALSE;
    }

  if (launch.alarm != None)
    XSyncDestroyAlarm (bench->display, launch.alarm);
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_remove (path);
}

/* A returning user has read the safety screen, a first run has no
 * settings at all. Written before every run because the app saves its
 * window state into it on the way out. */
static gboolean
write_settings (const char  *config_home,
                gboolean     first_run,
                GError     **error)
{
  g_autofree char *dir = g_build_filename (config_home, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (dir, "keyfile", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_file_set_contents (keyfile,
                              first_run ? "" : "[org/sciaticamap/SciaticaMap]\nsafety-acknowledged=true\n",
                              -1, error);
}

/* The same environment for both programs, with private XDG folders. */
static char **
child_environment (const char *scratch)
{
  const char *folders[][2] = {
    { "XDG_CONFIG_HOME", "config" }, { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
  };
  char **envp = g_get_environ ();

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *path = g_build_filename (scratch, folders[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      envp = g_environ_setenv (envp, folders[i][0], path, TRUE);
    }
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  /* The windows must come up on this X server, even in a Wayland session. */
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);

  /* meson test may fill freed memory with a pattern (MALLOC_PERTURB_) to
   * catch bugs; that is not how the programs run, and it touches pages. */
  envp = g_environ_unsetenv (envp, "MALLOC_PERTURB_");
  return envp;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median, minimum and maximum of one field of the runs. */
static void
summarize (GArray *runs,
           gsize   offset,
           double *median,
           double *min,
           double *max)
{
  g_autoptr(GArray) values = g_array_sized_new (FALSE, FALSE, sizeof (double), runs->len);

  for (guint i = 0; i < runs->len; i++)
    g_array_append_val (values, G_STRUCT_MEMBER (double, &g_array_index (runs, Run, i), offset));
  g_array_sort (values, compare_doubles);
  *median = g_array_index (values, double, values->len / 2);
  *min = g_array_index (values, double, 0);
  *max = g_array_index (values, double, values->len - 1);
}

static void
report (const char *what,
        const char *unit,
        gsize       offset,
        Program    *app,
        Program    *minimal)
{
  double app_median, app_min, app_max, minimal_median, minimal_min, minimal_max;

  summarize (app->runs, offset, &app_median, &app_min, &app_max);
  summarize (minimal->runs, offset, &minimal_median, &minimal_min, &minimal_max);
  g_print ("%s: app %.1f %s, minimal GTK window %.1f %s, ratio %.2f "
           "(medians of %u; app %.1f-%.1f, minimal %.1f-%.1f)\n",
           what, app_median, unit, minimal_median, unit, app_median / minimal_median,
           app->runs->len, app_min, app_max, minimal_min, minimal_max);
}

static gboolean
run_rounds (BenchDisplay  *bench,
            Program      **programs,
            guint          n_programs,
            guint          n_runs,
            const char    *scratch,
            GError       **error)
{
  g_auto(GStrv) envp = child_environment (scratch);
  g_autofree char *config_home = g_build_filename (scratch, "config", NULL);

  /* Round 0 is the untimed warm-up. The order changes every round, so that
   * no program always follows the same one. */
  for (guint i = 0; i <= n_runs; i++)
    for (guint j = 0; j < n_programs; j++)
      {
        Program *program = programs[(i + j) % n_programs];
        Run run;

        if (!write_settings (config_home, program->first_run, error) ||
            !run_once (bench, program, envp, &run, error))
          return FALSE;
        g_print ("%s %u %s: first frame %.1f ms, peak RSS %.1f MiB, window %dx%d\n",
                 i == 0 ? "warm-up" : "run", i, program->name, run.first_frame_ms,
                 run.peak_rss_mib, run.width, run.height);
        if (i > 0)
          g_array_append_val (program->runs, run);
      }
  return TRUE;
}

static gboolean
run_all (BenchDisplay  *bench,
         Program      **programs,
         guint          n_programs,
         guint          n_runs,
         GError       **error)
{
  g_autofree char *scratch = g_dir_make_tmp ("sm-bench-startup-XXXXXX", error);
  gboolean ok;

  if (scratch == NULL)
    return FALSE;
  ok = run_rounds (bench, programs, n_programs, n_runs, scratch, error);
  remove_tree (scratch);
  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) app_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) minimal_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr(GArray) first_runs = g_array_new (FALSE, FALSE, sizeof (Run));
  char *app_argv[] = { (char *) g_getenv ("SM_BINARY"), NULL };
  Program app = { "app", app_argv, app_runs, FALSE };
  Program minimal = { "minimal GTK window", (char *[]) { argc > 1 ? argv[1] : NULL, NULL }, minimal_runs, FALSE };
  Program first_run = { "app, first run", app_argv, first_runs, TRUE };
  Program *programs[] = { &app, &minimal, &first_run };
  guint64 n_runs = 11;
  BenchDisplay bench = { 0 };

  if (argc != 2 || app.argv[0] == NULL)
    {
      g_printerr ("usage: SM_BINARY=APP %s MINIMAL-WINDOW\n", argv[0]);
      return 2;
    }
  if (g_getenv ("SM_BENCHMARK_RUNS") != NULL &&
      !g_ascii_string_to_unsigned (g_getenv ("SM_BENCHMARK_RUNS"), 10, 1, 1000, &n_runs, &error))
    {
      g_printerr ("SM_BENCHMARK_RUNS: %s\n", error->message);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("no X display (DISPLAY is not set): skipped\n");
      return SKIP;
    }

  if (!bench_display_open (&bench, &error) ||
      !run_all (&bench, programs, G_N_ELEMENTS (programs), n_runs, &error))
    {
      g_printerr ("bench-startup: %s\n", error->message);
      return 1;
    }

  g_print ("GSK_RENDERER=%s, DISPLAY=%s\n", g_getenv ("GSK_RENDERER") ?: "(default)", g_getenv ("DISPLAY"));
  report ("time to first frame", "ms", G_STRUCT_OFFSET (Run, first_frame_ms), &app, &minimal);
  report ("first run (safety screen), time to first frame", "ms",
          G_STRUCT_OFFSET (Run, first_frame_ms), &first_run, &minimal);
  report ("peak RSS", "MiB", G_STRUCT_OFFSET (Run, peak_rss_mib), &app, &minimal);

  XCloseDisplay (bench.display);
  return 0;
}
