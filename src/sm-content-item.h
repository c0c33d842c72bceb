/* sm-content-item.h: storage shared by the content item types (private)
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Content items are immutable records whose properties mirror the keys of
 * their JSON objects, so the loader builds every type the same way
 * (g_object_new_with_properties). Each type keeps its values in a GValue
 * array indexed by property id; these helpers implement the property
 * vfuncs over that array. */

#define SM_CONTENT_PARAM_FLAGS (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

void                sm_content_item_set_value (GValue       *values,
                                               guint         prop_id,
                                               const GValue *value);
void                sm_content_item_get_value (const GValue *values,
                                               guint         prop_id,
                                               GValue       *value);
void                sm_content_item_clear     (GValue       *values,
                                               guint         n_values);
const char * const *sm_content_item_strv      (const GValue *values,
                                               guint         prop_id);
GParamSpec         *sm_content_param_text     (const char   *name);
GParamSpec         *sm_content_param_strv     (const char   *name);
GParamSpec         *sm_content_param_uint     (const char   *name);
GParamSpec         *sm_content_param_bool     (const char   *name);
GParamSpec         *sm_content_param_model    (const char   *name);

G_END_DECLS
