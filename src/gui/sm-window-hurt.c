/* sm-window-hurt.c: "Where does it hurt?" (Ctrl+H): paint the pain, get the
 * muscles that may cause it, see where each can send pain, make a routine
 * from them; the same suggestions beside the map in presenter mode.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-atlas.h"
#include "sm-referral-rank.h"
#include "sm-routine-store.h"
#include "sm-window-private.h"

/* Names in the presenter's card: a glance, not a list. */
#define PRESENTER_SUGGESTIONS 3

static gboolean
pattern_shown (SmWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-pain-pattern");
  g_autoptr(GVariant) state = action != NULL ? g_action_get_state (action) : NULL;

  return state != NULL && g_variant_get_boolean (state);
}

/* The map, the presenter beside it and the one on another monitor all
 * show the same pattern. */
static void
set_referral (SmWindow   *self,
              const char *zone_id,
              const char *side)
{
  SmPresenter *far = _sm_window_get_far_presenter (self);

  sm_body_map_set_referral (self->body_map, zone_id, side);
  if (self->presenter != NULL)
    sm_body_map_set_referral (sm_presenter_get_map (self->presenter), zone_id, side);
  if (far != NULL && far != self->presenter)
    sm_body_map_set_referral (sm_presenter_get_map (far), zone_id, side);
}

static void
update_referral (SmWindow *self)
{
  const char *page = NULL, *id = NULL, *side = NULL;
  GVariant *location = sm_history_get_current (self->history);

  if (location != NULL)
    g_variant_get (location, "(&s&s&s)", &page, &id, &side);
  if (pattern_shown (self) && g_strcmp0 (page, "zone") == 0)
    set_referral (self, id, *side != '\0' ? side : NULL);
  else
    set_referral (self, NULL, NULL);
}

void
_sm_window_hurt_location_changed (SmWindow   *self,
                                  const char *page,
                                  const char *zone_id,
                                  const char *side)
{
  if (self->hurt_panel != NULL && g_str_equal (page, "hurt"))
    sm_hurt_panel_set_show_story (self->hurt_panel, g_strcmp0 (zone_id, "sciatic-nerve") == 0);
  update_referral (self);
}

/* "May come from: Piriformis, Gluteus minimus, Hamstrings", or nothing. */
static char *
presenter_text (SmHurtPanel *panel)
{
  GPtrArray *suggestions = panel != NULL ? sm_hurt_panel_get_suggestions (panel) : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_null_terminated (PRESENTER_SUGGESTIONS, NULL, TRUE);
  g_autofree char *list = NULL;

  for (guint i = 0; suggestions != NULL && i < suggestions->len && i < PRESENTER_SUGGESTIONS; i++)
    {
      SmReferralMatch *match = g_ptr_array_index (suggestions, i);
      SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), match->zone_id);

      g_ptr_array_add (names, (gpointer) (zone != NULL ? sm_zone_get_name (zone) : match->zone_id));
    }
  if (names->len == 0)
    return NULL;
  /* Translators: a list of muscle names, separated by commas */
  list = g_strjoinv (_(", "), (char **) names->pdata);
  /* Translators: %s is a list of muscles, most likely first, such as
   * "Piriformis, Gluteus minimus, Hamstrings" */
  return g_strdup_printf (_("May come from: %s"), list);
}

static void
update_presenters (SmWindow *self)
{
  SmPresenter *far = _sm_window_get_far_presenter (self);
  g_autofree char *text = presenter_text (self->hurt_panel);

  if (self->presenter != NULL)
    sm_presenter_set_suggestions (self->presenter, text);
  if (far != NULL && far != self->presenter)
    sm_presenter_set_suggestions (far, text);
}

/* The page is made the first time it is shown, or when there is a drawing
 * whose suggestions the presenter shows; not for the first frame. */
void
_sm_window_hurt_ensure_panel (SmWindow *self)
{
  if (self->hurt_panel != NULL)
    return;

  self->hurt_panel = SM_HURT_PANEL (sm_hurt_panel_new ());
  gtk_stack_add_named (self->panel_stack, GTK_WIDGET (self->hurt_panel), "hurt");
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self->hurt_panel));
  g_signal_connect_object (self->hurt_panel, "suggestions-changed", G_CALLBACK (update_presenters),
                           self, G_CONNECT_SWAPPED);
  sm_hurt_panel_set_drawing (self->hurt_panel, sm_window_get_pain_drawing (self));
}

void
_sm_window_hurt_drawing_changed (SmWindow *self)
{
  SmPainDrawing *drawing = sm_window_get_pain_drawing (self);

  /* No strokes, no suggestions: the page waits until it is shown. */
  if (self->hurt_panel != NULL || (drawing != NULL && sm_pain_drawing_get_n_strokes (drawing) > 0))
    {
      _sm_window_hurt_ensure_panel (self);
      sm_hurt_panel_set_drawing (self->hurt_panel, drawing);
    }
  update_presenters (self);
  /* A presenter made just now shows the pattern too. */
  update_referral (self);
}

/* --- Actions ------------------------------------------------------------- */

/* win.where-does-it-hurt (Ctrl+H): the page, and the pain tools out. */
static void
where_does_it_hurt_action (GtkWidget  *widget,
                           const char *name,
                           GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  _sm_window_navigate_to (self, "hurt", "", "");
  g_object_set (self, "marking-pain", TRUE, NULL);
  _sm_window_hurt_drawing_changed (self);
  sm_hurt_panel_focus_first (self->hurt_panel);
}

/* win.show-nerve: the sciatic nerve's story, from search. */
static void
show_nerve_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);

  _sm_window_navigate_to (self, "hurt", g_variant_get_string (param, NULL), "");
  _sm_window_hurt_drawing_changed (self);
}

/* win.show-pain-source: a suggestion opens its muscle with its pattern. */
static void
show_pain_source_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  const char *zone, *side;

  g_variant_get (param, "(&s&s)", &zone, &side);
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-pain-pattern",
                                      g_variant_new_boolean (TRUE));
  sm_window_select_zone (self, zone, side);
  /* The row that was clicked went away with its page: the keyboard goes
   * to the panel's first control (its back button), not to a line of text
   * that GTK would select whole. */
  _sm_window_focus_first (gtk_stack_get_visible_child (self->panel_stack));
}

static void
change_pattern_state (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  g_simple_action_set_state (action, state);
  update_referral (SM_WINDOW (user_data));
}

/* win.routine-from-suggestions: a new routine of one's own with the
 * suggested muscles, most likely first, each with its own first tool, and
 * the pain drawing that led to them. */
static void
routine_from_suggestions_action (GtkWidget  *widget,
                                 const char *name,
                                 GVariant   *param)
{
  SmWindow *self = SM_WINDOW (widget);
  GPtrArray *suggestions = self->hurt_panel != NULL ? sm_hurt_panel_get_suggestions (self->hurt_panel) : NULL;
  SmPainDrawing *drawing = sm_window_get_pain_drawing (self);
  g_autoptr(SmRoutine) routine = NULL;
  SmRoutinesPage *page;

  if (suggestions == NULL || suggestions->len == 0)
    return;

  routine = sm_routine_new (_("For where it hurts"));
  for (guint i = 0; i < suggestions->len; i++)
    {
      SmReferralMatch *match = g_ptr_array_index (suggestions, i);
      g_autoptr(SmRoutineStep) step = sm_routine_step_new_default (sm_atlas_get_default (), match->zone_id,
                                                                   sm_hurt_panel_match_side (match));

      sm_routine_append_step (routine, step);
    }
  sm_pain_drawing_copy_from (sm_routine_get_pain_drawing (routine), drawing);
  page = _sm_window_show_routines_page (self);
  sm_routine_store_add (sm_routines_page_get_store (page), routine);
  if (drawing == self->loose_drawing)
    sm_pain_drawing_clear (self->loose_drawing);
  sm_routines_page_open (page, routine);
  gtk_widget_grab_focus (GTK_WIDGET (page));
}

void
_sm_window_class_hurt_init (SmWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (SM_TYPE_HURT_PANEL);
  gtk_widget_class_install_action (widget_class, "win.where-does-it-hurt", NULL, where_does_it_hurt_action);
  gtk_widget_class_install_action (widget_class, "win.show-nerve", "s", show_nerve_action);
  gtk_widget_class_install_action (widget_class, "win.show-pain-source", "(ss)", show_pain_source_action);
  gtk_widget_class_install_action (widget_class, "win.routine-from-suggestions", NULL,
                                   routine_from_suggestions_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK,
                                       "win.where-does-it-hurt", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-pain-pattern", NULL);
}

void
_sm_window_hurt_init (SmWindow *self)
{
  g_autoptr(GSimpleAction) pattern = g_simple_action_new_stateful ("show-pain-pattern", NULL,
                                                                    g_variant_new_boolean (FALSE));

  g_signal_connect (pattern, "change-state", G_CALLBACK (change_pattern_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (pattern));

  _sm_window_hurt_drawing_changed (self);
}
