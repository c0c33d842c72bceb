/* sm-pain-scale.c: "How is the pain now?" as eleven buttons, 0 to 10.
 *
 * One tap answers; nothing chosen (-1) means the question was skipped.
 * The buttons are a toggle group, so a screen reader hears which one is
 * pressed, and each has a name that says what it means.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pain-scale"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-journal-entry.h"
#include "sm-pain-scale.h"

struct _SmPainScale
{
  GtkWidget        parent_instance;

  GtkToggleButton *buttons[SM_JOURNAL_PAIN_MAX + 1];
  int              value;
};

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmPainScale, sm_pain_scale, GTK_TYPE_WIDGET)

GtkWidget *
sm_pain_scale_new (void)
{
  return g_object_new (SM_TYPE_PAIN_SCALE, NULL);
}

int
sm_pain_scale_get_value (SmPainScale *self)
{
  g_return_val_if_fail (SM_IS_PAIN_SCALE (self), SM_JOURNAL_NO_PAIN);
  return self->value;
}

/* -1 (SM_JOURNAL_NO_PAIN) clears the choice. */
void
sm_pain_scale_set_value (SmPainScale *self,
                         int          value)
{
  g_return_if_fail (SM_IS_PAIN_SCALE (self));
  g_return_if_fail (value >= SM_JOURNAL_NO_PAIN && value <= SM_JOURNAL_PAIN_MAX);

  if (self->value == value)
    return;
  self->value = value;
  for (int i = 0; i <= SM_JOURNAL_PAIN_MAX; i++)
    gtk_toggle_button_set_active (self->buttons[i], i == value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

static void
on_button_toggled (GtkToggleButton *button,
                   SmPainScale     *self)
{
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "sm-pain"));

  if (gtk_toggle_button_get_active (button) && self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

/* Eleven buttons in a row, or a row of five kinds of pain, must fit the
 * side pane at its narrowest: less padding than a theme gives a button.
 * In the widget's own style, so the window's tests see it too. */
void
sm_pain_scale_narrow_button (GtkWidget *button)
{
  static GtkCssProvider *provider;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_css_provider_load_from_data (provider,
                                       "button { min-width: 16px; padding-left: 3px; padding-right: 3px; }",
                                       -1);
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (button), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
add_button (SmPainScale *self,
            int          value)
{
  g_autofree char *number = g_strdup_printf ("%d", value);
  /* Translators: the name a screen reader gives the button of one pain
   * score; %d is 0 to 10. */
  g_autofree char *name = g_strdup_printf (_("Pain %d of 10"), value);
  GtkWidget *button = gtk_toggle_button_new_with_label (number);

  g_object_set_data (G_OBJECT (button), "sm-pain", GINT_TO_POINTER (value));
  gtk_widget_set_hexpand (button, TRUE);
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (value > 0)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[0]);
  g_signal_connect (button, "toggled", G_CALLBACK (on_button_toggled), self);
  sm_pain_scale_narrow_button (button);
  gtk_widget_set_parent (button, GTK_WIDGET (self));
  self->buttons[value] = GTK_TOGGLE_BUTTON (button);
}

static void
sm_pain_scale_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, SM_PAIN_SCALE (object)->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_pain_scale_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      sm_pain_scale_set_value (SM_PAIN_SCALE (object), g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_pain_scale_dispose (GObject *object)
{
  SmPainScale *self = SM_PAIN_SCALE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sm_pain_scale_parent_class)->dispose (object);
}

static void
sm_pain_scale_class_init (SmPainScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_pain_scale_dispose;
  object_class->get_property = sm_pain_scale_get_property;
  object_class->set_property = sm_pain_scale_set_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      SM_JOURNAL_NO_PAIN, SM_JOURNAL_PAIN_MAX, SM_JOURNAL_NO_PAIN,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "painscale");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_pain_scale_init (SmPainScale *self)
{
  self->value = SM_JOURNAL_NO_PAIN;
  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  for (int i = 0; i <= SM_JOURNAL_PAIN_MAX; i++)
    add_button (self, i);
}
