/* sm-history.c: the back and forward list of the side pane
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-history"

#include "config.h"

#include "sm-history.h"

/* Someone reading through the atlas for an hour should not grow the list
 * without end; nobody goes back a hundred pages. */
#define MAX_ENTRIES 100

struct _SmHistory
{
  GObject    parent_instance;

  GPtrArray *entries;   /* of floating-sunk GVariant "(sss)" */
  guint      current;   /* index into entries; entries is never empty */
};

G_DEFINE_FINAL_TYPE (SmHistory, sm_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SmHistory *
sm_history_new (void)
{
  return g_object_new (SM_TYPE_HISTORY, NULL);
}

static GVariant *
make_location (const char *page,
               const char *id,
               const char *side)
{
  return g_variant_ref_sink (g_variant_new ("(sss)", page,
                                            id != NULL ? id : "",
                                            side != NULL ? side : ""));
}

/* Emits both notifications; they are cheap and bindings compare values. */
static void
notify_moves (SmHistory *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/* Opening a page drops whatever lay ahead, like a web browser. Opening the
 * page that is already shown (clicking the same muscle twice) adds nothing. */
void
sm_history_push (SmHistory  *self,
                 const char *page,
                 const char *id,
                 const char *side)
{
  g_autoptr(GVariant) location = NULL;

  g_return_if_fail (SM_IS_HISTORY (self));
  g_return_if_fail (page != NULL);

  location = make_location (page, id, side);
  if (g_variant_equal (location, sm_history_get_current (self)))
    return;

  g_ptr_array_set_size (self->entries, self->current + 1);
  g_ptr_array_add (self->entries, g_steal_pointer (&location));
  if (self->entries->len > MAX_ENTRIES)
    g_ptr_array_remove_index (self->entries, 0);
  self->current = self->entries->len - 1;

  notify_moves (self);
}

/* Returns: (transfer none): the location shown now. */
GVariant *
sm_history_get_current (SmHistory *self)
{
  g_return_val_if_fail (SM_IS_HISTORY (self), NULL);

  return g_ptr_array_index (self->entries, self->current);
}

gboolean
sm_history_get_can_go_back (SmHistory *self)
{
  g_return_val_if_fail (SM_IS_HISTORY (self), FALSE);

  return self->current > 0;
}

gboolean
sm_history_get_can_go_forward (SmHistory *self)
{
  g_return_val_if_fail (SM_IS_HISTORY (self), FALSE);

  return self->current + 1 < self->entries->len;
}

/* Returns: (transfer none) (nullable): the new current location, or %NULL
 * when there is nothing behind. */
GVariant *
sm_history_go_back (SmHistory *self)
{
  g_return_val_if_fail (SM_IS_HISTORY (self), NULL);

  if (!sm_history_get_can_go_back (self))
    return NULL;

  self->current--;
  notify_moves (self);
  return sm_history_get_current (self);
}

/* Returns: (transfer none) (nullable): the new current location, or %NULL
 * when there is nothing ahead. */
GVariant *
sm_history_go_forward (SmHistory *self)
{
  g_return_val_if_fail (SM_IS_HISTORY (self), NULL);

  if (!sm_history_get_can_go_forward (self))
    return NULL;

  self->current++;
  notify_moves (self);
  return sm_history_get_current (self);
}

static void
sm_history_finalize (GObject *object)
{
  SmHistory *self = SM_HISTORY (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (sm_history_parent_class)->finalize (object);
}

static void
sm_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmHistory *self = SM_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, sm_history_get_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, sm_history_get_can_go_forward (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_history_class_init (SmHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sm_history_finalize;
  object_class->get_property = sm_history_get_property;

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Every history starts on the welcome page, so going back from the first
 * muscle someone opens returns them to where they began. */
static void
sm_history_init (SmHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_ptr_array_add (self->entries, make_location ("welcome", NULL, NULL));
}
