/* main.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sciatica-map"

#include "config.h"

#include <dlfcn.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "sm-allocator.h"
#include "sm-export.h"

static void *
load_symbol (const char *name)
{
  void *module = dlopen (GUI_MODULE, RTLD_NOW | RTLD_GLOBAL);

  return module != NULL ? dlsym (module, name) : NULL;
}

/* The window, and GTK with it, live in a module of their own (GUI_MODULE,
 * found through the program's run path), so that `--export-pdf` starts
 * without loading GTK's seventy-odd libraries. RTLD_GLOBAL lets
 * GtkBuilder find the module's types and callbacks by name, as it would
 * in the program itself. */
static int
run_application (int    argc,
                 char **argv)
{
  GApplication *(*application_new) (void) = NULL;
  g_autoptr(GApplication) app = NULL;

  sm_allocator_limit_arenas ();
  application_new = load_symbol ("sm_application_new");

  if (application_new == NULL)
    {
      g_printerr ("%s: %s: %s\n", PACKAGE_NAME, _("The user interface cannot be loaded"), dlerror ());
      return 1;
    }

  app = application_new ();
  return g_application_run (app, argc, argv);
}

/* src/sciatica-map-uninstalled, the copy that build-aux/screenshot and the
 * tests run and that is never installed, reads the catalogues compiled in
 * the build tree (po/<lang>/LC_MESSAGES/); the installed app reads its own. */
#ifdef SM_UNINSTALLED_LOCALEDIR
# define SM_LOCALEDIR SM_UNINSTALLED_LOCALEDIR
#else
# define SM_LOCALEDIR LOCALEDIR
#endif

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SM_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (sm_export_is_requested (argc, argv))
    return sm_export_run (argc, argv);

  return run_application (argc, argv);
}
