/* sm-test-utils.h: helpers shared by the widget tests.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-test-model.h"

G_BEGIN_DECLS

typedef gboolean (*SmTestCondition) (gpointer data);

void     sm_test_init        (int             *argc,
                              char          ***argv);
void     sm_test_gtk_init    (void);

gboolean sm_test_wait_for   (SmTestCondition  condition,
                             gpointer         data,
                             guint            timeout_ms);
void     sm_test_wait_mapped (GtkWidget      *widget);
gpointer sm_test_page        (gpointer         window,
                              const char      *name);
gpointer sm_test_find        (gpointer         widget,
                              const char      *id);
gpointer sm_test_routines_page (gpointer       window);
void     sm_test_run_command (const char * const *argv);
gboolean sm_test_press_key   (GtkWidget       *widget,
                              guint            keyval);
void     sm_test_destroy_window (gpointer      window);
gpointer sm_test_run_app     (GCallback        on_activate,
                              gpointer         user_data);
void     sm_test_set_safety_acknowledged (gboolean acknowledged);
GtkDialog *sm_test_wait_for_message_dialog (guint timeout_ms);
cairo_surface_t *sm_test_draw_widget (GtkWidget *widget);

G_END_DECLS
