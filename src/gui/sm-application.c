/* sm-application.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-application.h"
#include "sm-allocator.h"
#include "sm-conflict-dialog.h"
#include "sm-export.h"
#include "sm-leak-check.h"
#include "sm-pose.h"
#include "sm-preferences-window.h"
#include "sm-routine-store.h"
#include "sm-unsaved-dialog.h"
#include "sm-window.h"

struct _SmApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  gboolean        watching;   /* the routine store's ::conflict */
};

G_DEFINE_FINAL_TYPE (SmApplication, sm_application, GTK_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { NULL }
};

SmApplication *
sm_application_new (void)
{
  return g_object_new (SM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_DEFAULT_FLAGS | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

/* Runs before any display is opened, so --version and --export-pdf work
 * on a headless machine and in scripts. */
static int
sm_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* main.c exports without loading this module; this is the same export
   * for a command line it did not recognise as one. */
  return sm_export_handle_options (options);
}

static void
apply_dark_style (SmApplication *self)
{
  gboolean dark = g_settings_get_boolean (self->settings, "dark-style");
  GtkSettings *settings = gtk_settings_get_default ();
  gboolean current;

  /* Setting it reloads the theme even to the value it has, a good part of
   * the start-up before the window exists. */
  g_object_get (settings, "gtk-application-prefer-dark-theme", &current, NULL);
  if (!current != !dark)
    g_object_set (settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, RESOURCE_BASE "/sm-style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
really_quit (gpointer data)
{
  GtkApplication *app = data;
  GList *windows = gtk_application_get_windows (app);

  /* Destroying the windows lets them save their state before we go. */
  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (app);
    }

  g_application_quit (G_APPLICATION (app));
}

/* Edits that could not be saved are asked about first (Save As…,
 * Discard, Cancel). */
static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);

  /* Quitting ends the sessions that run; their journal entries are
   * written now, so one that cannot be is asked about below. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (SM_IS_WINDOW (l->data))
      sm_window_end_session_for_close (l->data);
  if (window == NULL || sm_unsaved_dialog_confirm (window, really_quit, app))
    really_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  static const char *authors[] = { "The Sciatica Map authors", NULL };
  GtkWindow *parent = gtk_application_get_active_window (user_data);

  gtk_show_about_dialog (parent,
                         "program-name", _("Sciatica Map"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("See where and how to massage the muscles that "
                                       "irritate the sciatic nerve.\n\n"
                                       "For education; not a diagnosis. See a health "
                                       "professional to find out what causes your pain."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Sciatica Map authors",
                         "authors", authors,
                         /* Translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (user_data);
  SmPreferencesWindow *prefs = sm_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "preferences", preferences_action },
};

static void
set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.shortcuts", { "F1", NULL } },
    /* What GTK would set had it found the shortcuts window itself. */
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}

/* Another program changed a routine's file while it had edits here. */
static void
routine_conflict (SmApplication  *self,
                  SmRoutine      *routine,
                  SmRoutineStore *store)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  sm_conflict_dialog_present (parent, store, routine);
}

/* Once, with the first window (which has loaded the routines by then). */
static void
watch_routines (SmApplication *self)
{
  SmRoutineStore *store = sm_routine_store_get_default ();

  if (self->watching)
    return;
  self->watching = TRUE;
  g_signal_connect_object (store, "conflict", G_CALLBACK (routine_conflict), self,
                           G_CONNECT_SWAPPED);
  /* What a save that was killed left behind, off the main thread. */
  sm_routine_store_clean_up_async (store);
}

/* Reading the bundled content and parsing the artwork are the longest
 * part of the start-up and need no display: they run on another core
 * while GTK starts and the window is built, in the order the window asks
 * for them. The content (zone names label the map's zones as they are
 * made); the zones' bounds, which place the zones and order them for Tab
 * (baked by the build; measured on the silhouettes only if the artwork
 * has no bake of its own); the back view as drawn, with the dashed outline of
 * the headline muscle, for the first frame; then the poses the panels
 * draw. Every other style of a view is parsed when it is first drawn. */
static gpointer
preload (gpointer data)
{
  SmAnatomy *anatomy;
  const char * const *views;

  sm_atlas_get_default ();

  anatomy = sm_anatomy_get_default ();
  views = sm_anatomy_list_views (anatomy);
  for (guint v = 0; views[v] != NULL; v++)
    {
      sm_anatomy_cache_bounds (anatomy, views[v], "zone-");
      sm_anatomy_cache_bounds (anatomy, views[v], "caution-");
    }
  /* The window opens on the first view: if the other's tree (close to a
   * megabyte) was parsed for its bounds, it goes, and is parsed again when
   * that view is first shown. An instance that parsed everything ahead
   * (a test's, shared with other windows) keeps it. */
  for (guint v = 1; views[v] != NULL && sm_anatomy_parses_on_demand (anatomy); v++)
    sm_anatomy_release_style (anatomy, views[v], SM_ANATOMY_STYLE_SILHOUETTE);
  sm_anatomy_ensure_style (anatomy, views[0], SM_ANATOMY_STYLE_ART, NULL);
  sm_anatomy_ensure_style (anatomy, views[0], SM_ANATOMY_STYLE_DASHED, NULL);

  sm_pose_get_bundled ();
  return NULL;
}

static void
sm_application_startup (GApplication *app)
{
  SmApplication *self = SM_APPLICATION (app);

  /* Only the primary instance gets here, after the command line was
   * handled: an export or a second instance parses nothing ahead. */
  sm_anatomy_default_parse_on_demand ();
  g_thread_unref (g_thread_new ("sm-preload", preload, NULL));

  /* GTK's start-up (gtk_init) loses a module of its own: see sm-leak-check.h. */
  sm_leak_check_pause ();
  G_APPLICATION_CLASS (sm_application_parent_class)->startup (app);
  sm_leak_check_resume ();

  /* The window's first frame must not wait for the person's routine
   * folder, whatever sits in it. */
  sm_routine_store_default_loads_in_background ();

  g_set_application_name (_("Sciatica Map"));
  gtk_window_set_default_icon_name (APP_ID);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_BASE "/icons");
  load_style ();

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::dark-style",
                           G_CALLBACK (apply_dark_style), self, G_CONNECT_SWAPPED);
  apply_dark_style (self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_entries,
                                   G_N_ELEMENTS (app_entries), app);
  set_accels (GTK_APPLICATION (app));

}

/* Edits are saved a moment after they are made; keep the last ones when
 * the app closes within that moment. */
static void
sm_application_shutdown (GApplication *app)
{
  sm_routine_store_flush (sm_routine_store_get_default ());

  G_APPLICATION_CLASS (sm_application_parent_class)->shutdown (app);
}

/* The main window, made when there is none; the active window may be the
 * preferences or a dialog. */
static SmWindow *
ensure_main_window (SmApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  SmWindow *window;

  if (SM_IS_WINDOW (active))
    return SM_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SM_IS_WINDOW (l->data))
      return l->data;

  window = sm_window_new (self);
  watch_routines (self);
  return window;
}

/* What the allocator keeps once the window has drawn (sm-allocator.c). */
static void
on_first_frame (GdkFrameClock *clock)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, NULL);
  sm_allocator_keep_freed_heap ();
}

/* Once for the process: the allocator is the whole process's. */
static void
watch_first_frame (SmWindow *window)
{
  static gboolean watching;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));

  if (watching || clock == NULL)
    return;
  watching = TRUE;
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame), NULL);
}

static void
sm_application_activate (GApplication *app)
{
  SmWindow *window = ensure_main_window (SM_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  watch_first_frame (window);
}

/* `sciatica-map FILE…`, also while it runs (the running instance gets the
 * files over D-Bus), and opening from Files: each file is imported, a copy
 * into one's own routines; the file itself stays as it is. */
static void
sm_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  SmWindow *window = ensure_main_window (SM_APPLICATION (app));

  /* First, so that a question an import asks comes up over it. */
  gtk_window_present (GTK_WINDOW (window));
  watch_first_frame (window);
  for (int i = 0; i < n_files; i++)
    sm_window_import_file (window, files[i]);
}

static void
sm_application_finalize (GObject *object)
{
  SmApplication *self = SM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sm_application_parent_class)->finalize (object);
}

static void
sm_application_class_init (SmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = sm_application_finalize;

  app_class->handle_local_options = sm_application_handle_local_options;
  app_class->startup = sm_application_startup;
  app_class->shutdown = sm_application_shutdown;
  app_class->activate = sm_application_activate;
  app_class->open = sm_application_open;
}

static void
sm_application_init (SmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  sm_export_add_options (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("See where and how to massage for sciatica."));
}
