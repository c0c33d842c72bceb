/* sm-hold-popover.c: the timer bar's hold time, as presets and seconds.
 *
 * The presets are the timer bar's own action, timer.preset, which GTK
 * finds through the menu button the popover hangs from. The spin button
 * follows the timer's duration both ways. The timer bar makes the popover
 * the first time it opens: the first frame never shows it.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-hold-popover"

#include "config.h"

#include "sm-hold-popover.h"

struct _SmHoldPopover
{
  GtkPopover     parent_instance;

  SmTimer       *timer;
  GtkSpinButton *custom_spin;
};

G_DEFINE_FINAL_TYPE (SmHoldPopover, sm_hold_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_TIMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_hold_popover_new (SmTimer *timer)
{
  g_return_val_if_fail (SM_IS_TIMER (timer), NULL);

  return g_object_new (SM_TYPE_HOLD_POPOVER, "timer", timer, NULL);
}

static void
sm_hold_popover_constructed (GObject *object)
{
  SmHoldPopover *self = SM_HOLD_POPOVER (object);

  G_OBJECT_CLASS (sm_hold_popover_parent_class)->constructed (object);

  g_object_bind_property (self->timer, "duration",
                          gtk_spin_button_get_adjustment (self->custom_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
}

static void
sm_hold_popover_dispose (GObject *object)
{
  SmHoldPopover *self = SM_HOLD_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_HOLD_POPOVER);
  g_clear_object (&self->timer);

  G_OBJECT_CLASS (sm_hold_popover_parent_class)->dispose (object);
}

static void
sm_hold_popover_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmHoldPopover *self = SM_HOLD_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      self->timer = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_hold_popover_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmHoldPopover *self = SM_HOLD_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TIMER:
      g_value_set_object (value, self->timer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_hold_popover_class_init (SmHoldPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sm_hold_popover_constructed;
  object_class->dispose = sm_hold_popover_dispose;
  object_class->set_property = sm_hold_popover_set_property;
  object_class->get_property = sm_hold_popover_get_property;

  properties[PROP_TIMER] =
    g_param_spec_object ("timer", NULL, NULL, SM_TYPE_TIMER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-hold-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, SmHoldPopover, custom_spin);
}

static void
sm_hold_popover_init (SmHoldPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
