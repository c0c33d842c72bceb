/* sm-safety-page.c: the first-run safety screen
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-safety-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-center-bin.h"
#include "sm-panel-utils.h"
#include "sm-paragraph.h"
#include "sm-safety-page.h"

struct _SmSafetyPage
{
  GtkWidget  parent_instance;

  GtkWidget *page_box;

  SmParagraph *disclaimer_label;
  GtkWidget *avoid_box;
  GtkWidget *stop_box;
  GtkWidget *red_flags_box;
  GtkWidget *acknowledge_button;

  gboolean   rest_filled;
};

G_DEFINE_FINAL_TYPE (SmSafetyPage, sm_safety_page, GTK_TYPE_WIDGET)

GtkWidget *
sm_safety_page_new (void)
{
  return g_object_new (SM_TYPE_SAFETY_PAGE, NULL);
}

/* The screen is read once before anything else, so it puts the disclaimer
 * and the advice to see a professional together at the top. */
static void
fill_from_atlas (SmSafetyPage *self)
{
  SmSafety *safety = sm_atlas_get_safety (sm_atlas_get_default ());
  g_autofree char *intro = NULL;

  if (safety == NULL)
    return;

  intro = g_strconcat (sm_safety_get_disclaimer (safety), "\n\n",
                       sm_safety_get_professional (safety), NULL);
  sm_paragraph_set_text (self->disclaimer_label, intro);
  sm_panel_add_read_bullets (self->red_flags_box, sm_safety_get_red_flags (safety));
  sm_panel_add_read_bullets (self->avoid_box, sm_safety_get_avoid_when (safety));
}

/* The last list, below the fold of a first run's window, comes once the
 * screen has drawn: laying out its text was a hundredth of the first
 * run's first frame. It is added under what is shown, so nothing on
 * screen moves. */
static void
fill_rest (SmSafetyPage *self)
{
  SmSafety *safety = sm_atlas_get_safety (sm_atlas_get_default ());

  if (self->rest_filled || safety == NULL)
    return;
  self->rest_filled = TRUE;
  sm_panel_add_read_bullets (self->stop_box, sm_safety_get_stop_rules (safety));
}

static void
on_first_paint (GdkFrameClock *clock,
                SmSafetyPage  *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  fill_rest (self);
}

static void
sm_safety_page_map (GtkWidget *widget)
{
  SmSafetyPage *self = SM_SAFETY_PAGE (widget);

  GTK_WIDGET_CLASS (sm_safety_page_parent_class)->map (widget);
  if (!self->rest_filled)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (on_first_paint), self, 0);
}

/* The button is the one thing to do here; Enter or Space presses it. */
void
sm_safety_page_focus_button (SmSafetyPage *self)
{
  g_return_if_fail (SM_IS_SAFETY_PAGE (self));

  gtk_widget_grab_focus (self->acknowledge_button);
}

static void
sm_safety_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_SAFETY_PAGE);

  G_OBJECT_CLASS (sm_safety_page_parent_class)->dispose (object);
}

static void
sm_safety_page_class_init (SmSafetyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_safety_page_dispose;
  widget_class->map = sm_safety_page_map;

  g_type_ensure (SM_TYPE_CENTER_BIN);
  g_type_ensure (SM_TYPE_PARAGRAPH);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-safety-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, page_box);
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, avoid_box);
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, stop_box);
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, red_flags_box);
  gtk_widget_class_bind_template_child (widget_class, SmSafetyPage, acknowledge_button);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_safety_page_init (SmSafetyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Safety"), -1);
  fill_from_atlas (self);
}
