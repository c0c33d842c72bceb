/* sm-hurt-panel.c: "Where does it hurt?"
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-hurt-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-format.h"
#include "sm-hurt-panel.h"
#include "sm-panel-utils.h"
#include "sm-referral-rank.h"

/* More would be a list to read, not a suggestion. */
#define MAX_SUGGESTIONS 6

struct _SmHurtPanel
{
  GtkWidget      parent_instance;

  GtkWidget     *scroller;
  GtkWidget     *story_heading;
  GtkLabel      *story_label;
  GtkWidget     *empty_label;
  GtkWidget     *results_list;
  GtkWidget     *routine_button;
  GtkWidget     *nerve_box;
  GtkLabel      *nerve_label;
  GtkWidget     *red_flags_box;

  SmPainDrawing *drawing;
  gulong         changed_id;
  GPtrArray     *suggestions;   /* SmReferralMatch, best first */
  gboolean       nerve_shown;
  gboolean       story_shown;
};

G_DEFINE_FINAL_TYPE (SmHurtPanel, sm_hurt_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DRAWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SUGGESTIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

GtkWidget *
sm_hurt_panel_new (void)
{
  return g_object_new (SM_TYPE_HURT_PANEL, NULL);
}

const char *
sm_hurt_panel_match_side (gconstpointer data)
{
  const SmReferralMatch *match = data;

  if (match->left && match->right)
    return "both";
  return match->left ? "left" : "right";
}

static GtkWidget *
suggestion_row (const SmReferralMatch *match,
                guint                  rank)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  SmZone *zone = sm_atlas_lookup_zone (atlas, match->zone_id);
  SmReferral *referral = sm_atlas_lookup_referral (atlas, match->zone_id);
  const char *side = sm_hurt_panel_match_side (match);
  g_autofree char *name = sm_format_zone_side (zone != NULL ? sm_zone_get_name (zone) : match->zone_id,
                                               g_str_equal (side, "both") ? NULL : side);
  /* Translators: a ranked suggestion: %1$u is its place (1, 2, …), %2$s the
   * muscle, such as "Piriformis (left)" */
  g_autofree char *title = g_strdup_printf (_("%1$u. %2$s"), rank, name);

  return sm_panel_link_row (title, referral != NULL ? sm_referral_get_reason (referral) : NULL,
                            "win.show-pain-source",
                            g_variant_new ("(ss)", match->zone_id,
                                           g_str_equal (side, "both") ? "left" : side));
}

/* With nothing painted, the nerve's story lists the muscles that can
 * press on it, the first one first, on both sides. */
static void
add_nerve_muscles (SmHurtPanel *self,
                   SmNerve     *nerve)
{
  const char * const *muscles = sm_nerve_get_muscles (nerve);

  for (guint i = 0; muscles[i] != NULL && i < MAX_SUGGESTIONS; i++)
    {
      SmReferralMatch *match = g_new0 (SmReferralMatch, 1);

      match->zone_id = g_strdup (muscles[i]);
      match->left = match->right = TRUE;
      g_ptr_array_add (self->suggestions, match);
    }
}

static void
update (SmHurtPanel *self)
{
  SmSafety *safety = sm_atlas_get_safety (sm_atlas_get_default ());
  SmNerve *nerve = sm_atlas_lookup_nerve (sm_atlas_get_default (), "sciatic-nerve");
  gboolean any;

  sm_panel_clear (self->results_list);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  self->suggestions = g_ptr_array_new_with_free_func ((GDestroyNotify) sm_referral_match_free);
  self->nerve_shown = FALSE;

  if (self->drawing != NULL && sm_pain_drawing_get_n_strokes (self->drawing) > 0)
    {
      g_autoptr(GPtrArray) matches = sm_referral_rank_drawing (sm_anatomy_get_default (),
                                                               sm_atlas_get_default (), self->drawing);

      for (guint i = 0; i < matches->len && i < MAX_SUGGESTIONS; i++)
        g_ptr_array_add (self->suggestions, g_steal_pointer (&g_ptr_array_index (matches, i)));
      self->nerve_shown = sm_referral_drawing_suggests_nerve (sm_anatomy_get_default (), self->drawing);
    }
  else if (self->story_shown && nerve != NULL)
    add_nerve_muscles (self, nerve);

  for (guint i = 0; i < self->suggestions->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->results_list),
                         suggestion_row (g_ptr_array_index (self->suggestions, i), i + 1));

  any = self->suggestions->len > 0;
  gtk_widget_set_visible (self->results_list, any);
  gtk_widget_set_visible (self->empty_label, !any);
  gtk_widget_set_sensitive (self->routine_button, any);
  gtk_widget_set_visible (self->nerve_box, (self->nerve_shown || self->story_shown) && nerve != NULL);
  if (nerve != NULL)
    sm_panel_set_text (self->nerve_label, sm_nerve_get_nerve_pain (nerve));
  sm_panel_clear (self->red_flags_box);
  if (safety != NULL)
    sm_panel_add_bullets (self->red_flags_box, sm_safety_get_red_flags (safety));
  g_signal_emit (self, signals[SUGGESTIONS_CHANGED], 0);
}

void
sm_hurt_panel_set_drawing (SmHurtPanel   *self,
                           SmPainDrawing *drawing)
{
  g_return_if_fail (SM_IS_HURT_PANEL (self));
  g_return_if_fail (drawing == NULL || SM_IS_PAIN_DRAWING (drawing));

  if (self->drawing == drawing)
    return;
  g_clear_signal_handler (&self->changed_id, self->drawing);
  g_set_object (&self->drawing, drawing);
  if (drawing != NULL)
    self->changed_id = g_signal_connect_swapped (drawing, "changed", G_CALLBACK (update), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING]);
}

SmPainDrawing *
sm_hurt_panel_get_drawing (SmHurtPanel *self)
{
  g_return_val_if_fail (SM_IS_HURT_PANEL (self), NULL);

  return self->drawing;
}

void
sm_hurt_panel_set_show_story (SmHurtPanel *self,
                              gboolean     show)
{
  SmNerve *nerve = sm_atlas_lookup_nerve (sm_atlas_get_default (), "sciatic-nerve");

  g_return_if_fail (SM_IS_HURT_PANEL (self));

  self->story_shown = show && nerve != NULL;
  if (self->story_shown)
    sm_panel_set_text (self->story_label, sm_nerve_get_story (nerve));
  gtk_widget_set_visible (self->story_heading, self->story_shown);
  gtk_widget_set_visible (GTK_WIDGET (self->story_label), self->story_shown);
  update (self);
}

GPtrArray *
sm_hurt_panel_get_suggestions (SmHurtPanel *self)
{
  g_return_val_if_fail (SM_IS_HURT_PANEL (self), NULL);

  return self->suggestions;
}

gboolean
sm_hurt_panel_get_nerve_shown (SmHurtPanel *self)
{
  g_return_val_if_fail (SM_IS_HURT_PANEL (self), FALSE);

  return self->nerve_shown;
}

void
sm_hurt_panel_focus_first (SmHurtPanel *self)
{
  GtkListBoxRow *first;

  g_return_if_fail (SM_IS_HURT_PANEL (self));

  sm_panel_scroll_to_top (GTK_SCROLLED_WINDOW (self->scroller));
  first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (self->results_list), 0);
  if (first != NULL && gtk_widget_get_visible (self->results_list))
    gtk_widget_grab_focus (GTK_WIDGET (first));
}

static void
sm_hurt_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmHurtPanel *self = SM_HURT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DRAWING:
      g_value_set_object (value, self->drawing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_hurt_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SmHurtPanel *self = SM_HURT_PANEL (object);

  switch (prop_id)
    {
    case PROP_DRAWING:
      sm_hurt_panel_set_drawing (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_hurt_panel_dispose (GObject *object)
{
  SmHurtPanel *self = SM_HURT_PANEL (object);

  g_clear_signal_handler (&self->changed_id, self->drawing);
  g_clear_object (&self->drawing);
  g_clear_pointer (&self->suggestions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_HURT_PANEL);

  G_OBJECT_CLASS (sm_hurt_panel_parent_class)->dispose (object);
}

static void
sm_hurt_panel_class_init (SmHurtPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_hurt_panel_dispose;
  object_class->get_property = sm_hurt_panel_get_property;
  object_class->set_property = sm_hurt_panel_set_property;

  properties[PROP_DRAWING] =
    g_param_spec_object ("drawing", NULL, NULL, SM_TYPE_PAIN_DRAWING,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The list was ranked again (the presenter's card follows it). */
  signals[SUGGESTIONS_CHANGED] =
    g_signal_new ("suggestions-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-hurt-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, story_heading);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, story_label);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, results_list);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, routine_button);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, nerve_box);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, nerve_label);
  gtk_widget_class_bind_template_child (widget_class, SmHurtPanel, red_flags_box);
}

static void
sm_hurt_panel_init (SmHurtPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
