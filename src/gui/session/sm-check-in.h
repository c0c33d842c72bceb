/* sm-check-in.h: the questions at the end of a guided session.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sm-journal-entry.h"
#include "sm-session.h"

G_BEGIN_DECLS

#define SM_TYPE_CHECK_IN (sm_check_in_get_type ())

G_DECLARE_FINAL_TYPE (SmCheckIn, sm_check_in, SM, CHECK_IN, GtkWidget)

GtkWidget *sm_check_in_new             (void);
void       sm_check_in_set_session     (SmCheckIn      *self,
                                        SmSession      *session,
                                        int             pain_before);
gboolean   sm_check_in_get_flagged     (SmCheckIn      *self);
void       sm_check_in_fill_entry      (SmCheckIn      *self,
                                        SmJournalEntry *entry);

G_END_DECLS
