/* sm-a11y.h: work-arounds for what GTK 4.8 tells screen readers
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic label twice, the first time with
 * the underline ("_Back Back", and "I Understand I Understand" when an
 * accessible label is set as well): the button's own label property, then
 * its label child's. This drops the button's own property from every
 * button under @root (itself included) and again whenever its label or
 * use-underline changes, so the child's clean text is the one name. */
void sm_a11y_clean_mnemonic_names (GtkWidget *root);

G_END_DECLS
