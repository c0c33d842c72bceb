/* sm-check-in.c: the questions at the end of a guided session.
 *
 * "How is the pain now?", "Did any step make it worse?" (one tap per step
 * and kind) and a note. Pain up by two or more, or a step marked sharp,
 * shooting, numb or tingling, shows the stop rules and the red flags at
 * once: those are nerve signs, and the person should read them now, not
 * later in the journal.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-check-in"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-check-in.h"
#include "sm-format.h"
#include "sm-pain-scale.h"
#include "sm-panel-utils.h"

struct _SmCheckIn
{
  GtkWidget    parent_instance;

  /* Template widgets */
  SmPainScale *pain_after;
  GtkListBox  *check_in_steps;
  GtkWidget   *check_in_stop;
  GtkWidget   *stop_rules_box;
  GtkWidget   *check_in_red_flags;
  GtkEntry    *note_entry;

  /* Owned references */
  GPtrArray   *toggles;       /* GtkToggleButton, each with its step and flag */
  int          pain_before;
  gboolean     flagged;
};

enum {
  PROP_0,
  PROP_FLAGGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SmCheckIn, sm_check_in, GTK_TYPE_WIDGET)

static const struct
{
  SmJournalStepFlags  flag;
  const char         *label;
} flag_kinds[] = {
  { SM_JOURNAL_STEP_WORSE,    N_("Worse") },
  { SM_JOURNAL_STEP_SHARP,    N_("Sharp") },
  { SM_JOURNAL_STEP_SHOOTING, N_("Shooting") },
  { SM_JOURNAL_STEP_NUMB,     N_("Numb") },
  { SM_JOURNAL_STEP_TINGLING, N_("Tingling") },
};

/* The button's name for a screen reader: the kind and the step. */
static char *
flag_name (SmJournalStepFlags  flag,
           const char         *step)
{
  switch (flag)
    {
    case SM_JOURNAL_STEP_WORSE:
      /* Translators: %s is a step, such as "Piriformis, left side". */
      return g_strdup_printf (_("%s made the pain worse"), step);
    case SM_JOURNAL_STEP_SHARP:
      /* Translators: %s is a step, such as "Piriformis, left side". */
      return g_strdup_printf (_("Sharp pain during %s"), step);
    case SM_JOURNAL_STEP_SHOOTING:
      /* Translators: %s is a step, such as "Piriformis, left side". */
      return g_strdup_printf (_("Shooting pain during %s"), step);
    case SM_JOURNAL_STEP_NUMB:
      /* Translators: %s is a step, such as "Piriformis, left side". */
      return g_strdup_printf (_("Numbness during %s"), step);
    case SM_JOURNAL_STEP_TINGLING:
    default:
      /* Translators: %s is a step, such as "Piriformis, left side". */
      return g_strdup_printf (_("Tingling during %s"), step);
    }
}

GtkWidget *
sm_check_in_new (void)
{
  return g_object_new (SM_TYPE_CHECK_IN, NULL);
}

static guint
toggle_position (GtkWidget *toggle)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "sm-position"));
}

static guint
toggle_flag (GtkWidget *toggle)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (toggle), "sm-flag"));
}

/* Fills in what the person answered: pain after, flags, note. */
void
sm_check_in_fill_entry (SmCheckIn      *self,
                        SmJournalEntry *entry)
{
  g_return_if_fail (SM_IS_CHECK_IN (self));

  entry->pain_after = sm_pain_scale_get_value (self->pain_after);
  for (guint i = 0; i < self->toggles->len; i++)
    {
      GtkWidget *toggle = g_ptr_array_index (self->toggles, i);
      guint position = toggle_position (toggle);

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        sm_journal_entry_set_step_flags (entry, position,
                                         sm_journal_entry_get_step_flags (entry, position) |
                                         toggle_flag (toggle));
    }
  g_free (entry->note);
  entry->note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
}

gboolean
sm_check_in_get_flagged (SmCheckIn *self)
{
  g_return_val_if_fail (SM_IS_CHECK_IN (self), FALSE);
  return self->flagged;
}

static void
update_flagged (SmCheckIn *self)
{
  g_autoptr(SmJournalEntry) entry = sm_journal_entry_new (NULL);
  gboolean flagged;

  entry->pain_before = self->pain_before;
  sm_check_in_fill_entry (self, entry);
  flagged = sm_journal_entry_is_flagged (entry);
  gtk_widget_set_visible (self->check_in_stop, flagged);
  if (flagged != self->flagged)
    {
      self->flagged = flagged;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGGED]);
    }
}

static GtkWidget *
step_row (SmCheckIn     *self,
          SmSession     *session,
          guint          position)
{
  SmSessionStep *step = sm_session_get_step (session, position);
  g_autofree char *title = sm_format_zone_side (sm_session_step_get_title (step),
                                                sm_session_step_get_side (step));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (buttons),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  for (guint i = 0; i < G_N_ELEMENTS (flag_kinds); i++)
    {
      GtkWidget *toggle = gtk_toggle_button_new_with_label (_(flag_kinds[i].label));
      g_autofree char *name = flag_name (flag_kinds[i].flag, title);

      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (toggle, name);
      g_object_set_data (G_OBJECT (toggle), "sm-position", GUINT_TO_POINTER (position));
      g_object_set_data (G_OBJECT (toggle), "sm-flag", GUINT_TO_POINTER (flag_kinds[i].flag));
      g_signal_connect_swapped (toggle, "toggled", G_CALLBACK (update_flagged), self);
      g_ptr_array_add (self->toggles, toggle);
      sm_pain_scale_narrow_button (toggle);
      gtk_box_append (GTK_BOX (buttons), toggle);
    }

  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

/* Starts over for @session, whose pain before was @pain_before (or
 * SM_JOURNAL_NO_PAIN). */
void
sm_check_in_set_session (SmCheckIn *self,
                         SmSession *session,
                         int        pain_before)
{
  GtkWidget *child;

  g_return_if_fail (SM_IS_CHECK_IN (self));

  g_ptr_array_set_size (self->toggles, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_in_steps))) != NULL)
    gtk_list_box_remove (self->check_in_steps, child);
  sm_pain_scale_set_value (self->pain_after, SM_JOURNAL_NO_PAIN);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  self->pain_before = pain_before;

  /* One row per step: the rounds of a step are asked about once, on the
   * first (the journal keeps the flags at that step's first position). */
  for (guint i = 0; session != NULL && i < sm_session_get_n_steps (session); i++)
    if (sm_session_step_get_round (sm_session_get_step (session, i)) <= 1)
      gtk_list_box_append (self->check_in_steps, step_row (self, session, i));
  update_flagged (self);
}

static void
fill_safety (SmCheckIn *self)
{
  SmSafety *safety = sm_atlas_get_safety (sm_atlas_get_default ());

  if (safety == NULL)
    return;
  sm_panel_add_bullets (self->stop_rules_box, sm_safety_get_stop_rules (safety));
  sm_panel_add_bullets (self->check_in_red_flags, sm_safety_get_red_flags (safety));
}

static void
sm_check_in_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FLAGGED:
      g_value_set_boolean (value, SM_CHECK_IN (object)->flagged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_check_in_dispose (GObject *object)
{
  SmCheckIn *self = SM_CHECK_IN (object);
  GtkWidget *child;

  g_clear_pointer (&self->toggles, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_CHECK_IN);
  /* The headings are not bound: the box layout's children go too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sm_check_in_parent_class)->dispose (object);
}

static void
sm_check_in_class_init (SmCheckInClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_check_in_dispose;
  object_class->get_property = sm_check_in_get_property;

  properties[PROP_FLAGGED] =
    g_param_spec_boolean ("flagged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SM_TYPE_PAIN_SCALE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-check-in.ui");
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, pain_after);
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, check_in_steps);
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, check_in_stop);
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, stop_rules_box);
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, check_in_red_flags);
  gtk_widget_class_bind_template_child (widget_class, SmCheckIn, note_entry);
}

static void
sm_check_in_init (SmCheckIn *self)
{
  self->toggles = g_ptr_array_new ();
  self->pain_before = SM_JOURNAL_NO_PAIN;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->pain_after, "notify::value", G_CALLBACK (update_flagged), self);
  fill_safety (self);
}
