/* sm-paragraph.h: a wrapping paragraph of plain text, laid out once
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_PARAGRAPH (sm_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (SmParagraph, sm_paragraph, SM, PARAGRAPH, GtkWidget)

GtkWidget        *sm_paragraph_new                 (const char       *text);
const char       *sm_paragraph_get_text            (SmParagraph      *self);
void              sm_paragraph_set_text            (SmParagraph      *self,
                                                    const char       *text);
int               sm_paragraph_get_max_width_chars (SmParagraph      *self);
void              sm_paragraph_set_max_width_chars (SmParagraph      *self,
                                                    int               n_chars);
GtkJustification  sm_paragraph_get_justify         (SmParagraph      *self);
void              sm_paragraph_set_justify         (SmParagraph      *self,
                                                    GtkJustification  justify);
guint             sm_paragraph_get_n_layouts       (SmParagraph      *self);

G_END_DECLS
