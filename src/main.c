/* main.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sciatica-map"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sm-application.h"

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
  g_autoptr(SmApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SM_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = sm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
