/* sm-content-item.h
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SM_TYPE_CONTENT_ITEM (sm_content_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (SmContentItem, sm_content_item, SM, CONTENT_ITEM, GObject)

/* Base of the content records (SmZone, SmTool, …): immutable objects whose
 * construct-only properties mirror the keys of their JSON objects, so the
 * loader builds every type the same way. Subclasses make their pspecs with
 * sm_content_param_*(), install them with
 * sm_content_item_class_install_properties() and read them back by
 * property id; the base stores the values. */
struct _SmContentItemClass
{
  GObjectClass parent_class;
};

const char         *sm_content_item_get_string  (SmContentItem *self,
                                                 guint          prop_id);
const char * const *sm_content_item_get_strv    (SmContentItem *self,
                                                 guint          prop_id); /* never NULL */
guint               sm_content_item_get_uint    (SmContentItem *self,
                                                 guint          prop_id);
gboolean            sm_content_item_get_boolean (SmContentItem *self,
                                                 guint          prop_id);
gpointer            sm_content_item_get_object  (SmContentItem *self,
                                                 guint          prop_id);

void                sm_content_item_class_install_properties (GObjectClass  *klass,
                                                              guint          n_pspecs,
                                                              GParamSpec   **pspecs);

GParamSpec         *sm_content_param_text       (const char    *name);
GParamSpec         *sm_content_param_strv       (const char    *name);
GParamSpec         *sm_content_param_uint       (const char    *name);
GParamSpec         *sm_content_param_bool       (const char    *name);
GParamSpec         *sm_content_param_model      (const char    *name);

G_END_DECLS
