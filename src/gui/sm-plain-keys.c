/* sm-plain-keys.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-plain-keys"

#include "config.h"

#include "sm-plain-keys.h"

/* Space, R, N and P are plain keys: they must reach text fields and open
 * menus untouched, and Space must press the button that has the focus
 * (GtkWindow's activate-focus binding does that), so each key is checked
 * against the focus first. They run in the capture phase, so a focused
 * map zone or list cannot swallow N and P. */

typedef struct {
  SmPlainKeyFilter filter;
  gpointer         user_data;
} Keys;

static const struct {
  guint       keyval;
  const char *action;
} plain_keys[] = {
  { GDK_KEY_space, "win.timer-toggle" },
  { GDK_KEY_KP_Space, "win.timer-toggle" },
  { GDK_KEY_r, "win.timer-reset" },
  { GDK_KEY_n, "win.session-next" },
  { GDK_KEY_p, "win.session-previous" },
  { GDK_KEY_plus, "win.session-add-time" },
  { GDK_KEY_KP_Add, "win.session-add-time" },
  { GDK_KEY_a, "win.session-repeat" },
};

/* A text field, or anything in a popover (a menu, the hold presets). */
gboolean
sm_focus_takes_typing (GtkWidget *focus)
{
  return focus != NULL &&
         (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus) ||
          gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL);
}

/* Buttons, toggles, check buttons, switches, list rows and the map's
 * zones all have an activate signal: Space presses them. */
gboolean
sm_focus_takes_space (GtkWidget *focus)
{
  return focus != NULL &&
         (sm_focus_takes_typing (focus) ||
          gtk_widget_class_get_activate_signal (GTK_WIDGET_GET_CLASS (focus)) != 0);
}

static gboolean
on_plain_key_activate (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  Keys *keys = g_object_get_data (G_OBJECT (widget), "sm-plain-keys");
  const char *action = g_variant_get_string (args, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean space = GPOINTER_TO_UINT (user_data) != 0;

  if (space ? sm_focus_takes_space (focus) : sm_focus_takes_typing (focus))
    return FALSE;
  if (keys->filter != NULL && !keys->filter (widget, action, keys->user_data))
    return FALSE;

  return gtk_widget_activate_action (widget, action, NULL);
}

/* Adds the plain keys to @widget (the window); @filter decides whether an
 * action runs now, for actions that stay enabled but must step aside. */
void
sm_plain_keys_add (GtkWidget        *widget,
                   SmPlainKeyFilter  filter,
                   gpointer          user_data)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  Keys *keys = g_new0 (Keys, 1);

  keys->filter = filter;
  keys->user_data = user_data;
  g_object_set_data_full (G_OBJECT (widget), "sm-plain-keys", keys, g_free);

  gtk_event_controller_set_name (controller, "sm-plain-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    {
      gboolean space = plain_keys[i].keyval == GDK_KEY_space || plain_keys[i].keyval == GDK_KEY_KP_Space;
      GtkShortcut *shortcut =
        gtk_shortcut_new (gtk_keyval_trigger_new (plain_keys[i].keyval, 0),
                          gtk_callback_action_new (on_plain_key_activate, GUINT_TO_POINTER (space), NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (plain_keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (widget, controller);
}
