/* sm-pain-scale.h: "How is the pain now?" as eleven buttons, 0 to 10.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_PAIN_SCALE (sm_pain_scale_get_type ())

G_DECLARE_FINAL_TYPE (SmPainScale, sm_pain_scale, SM, PAIN_SCALE, GtkWidget)

GtkWidget *sm_pain_scale_new       (void);
int        sm_pain_scale_get_value (SmPainScale *self);
void       sm_pain_scale_set_value (SmPainScale *self,
                                    int          value);
void       sm_pain_scale_narrow_button (GtkWidget *button);

G_END_DECLS
