/* sm-pose-picture.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pose-picture"

#include "config.h"

#include <string.h>

#include "sm-figure.h"
#include "sm-format.h"
#include "sm-pose-picture.h"
#include "sm-pose.h"
#include "sm-stretch.h"
#include "sm-tool-use.h"

struct _SmPosePicture
{
  GtkWidget  parent_instance;
  GObject   *item;
  char      *side;
  int        size;
};

G_DEFINE_FINAL_TYPE (SmPosePicture, sm_pose_picture, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_SIDE,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_SIZE 160

GtkWidget *
sm_pose_picture_new (void)
{
  return g_object_new (SM_TYPE_POSE_PICTURE, NULL);
}

static const char *
item_pose (GObject *item)
{
  if (SM_IS_TOOL_USE (item))
    return sm_tool_use_get_pose (SM_TOOL_USE (item));
  if (SM_IS_STRETCH (item))
    return sm_stretch_get_pose (SM_STRETCH (item));
  return NULL;
}

static const char *
item_description (GObject *item)
{
  if (SM_IS_TOOL_USE (item))
    return sm_tool_use_get_picture (SM_TOOL_USE (item));
  if (SM_IS_STRETCH (item))
    return sm_stretch_get_picture (SM_STRETCH (item));
  return NULL;
}

static SmPose *
current_pose (SmPosePicture *self)
{
  return sm_pose_lookup (item_pose (self->item));
}

static void
update_description (SmPosePicture *self)
{
  const char *description = item_description (self->item);
  g_autofree char *label = description != NULL ? sm_format_picture (description, self->side) : NULL;

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  gtk_widget_set_visible (GTK_WIDGET (self), current_pose (self) != NULL);
}

void
sm_pose_picture_set_item (SmPosePicture *self,
                          GObject       *item)
{
  g_return_if_fail (SM_IS_POSE_PICTURE (self));
  g_return_if_fail (item == NULL || SM_IS_TOOL_USE (item) || SM_IS_STRETCH (item));

  if (!g_set_object (&self->item, item))
    return;

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

GObject *
sm_pose_picture_get_item (SmPosePicture *self)
{
  g_return_val_if_fail (SM_IS_POSE_PICTURE (self), NULL);

  return self->item;
}

void
sm_pose_picture_set_side (SmPosePicture *self,
                          const char    *side)
{
  g_return_if_fail (SM_IS_POSE_PICTURE (self));

  if (g_strcmp0 (self->side, side) == 0)
    return;

  g_free (self->side);
  self->side = g_strdup (side);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
}

const char *
sm_pose_picture_get_side (SmPosePicture *self)
{
  g_return_val_if_fail (SM_IS_POSE_PICTURE (self), NULL);

  return self->side;
}

void
sm_pose_picture_set_size (SmPosePicture *self,
                          int            size)
{
  g_return_if_fail (SM_IS_POSE_PICTURE (self));
  g_return_if_fail (size > 0);

  if (self->size == size)
    return;

  self->size = size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

int
sm_pose_picture_get_size (SmPosePicture *self)
{
  g_return_val_if_fail (SM_IS_POSE_PICTURE (self), 0);

  return self->size;
}

/* The style the map's artwork is shown in: dark when the text is light,
 * high contrast by the theme's name, as GTK 4.8 names its own. */
static SmFigureStyle
figure_style (SmPosePicture *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *theme = NULL;
  GdkRGBA fg;
  gboolean dark;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  dark = 0.299 * fg.red + 0.587 * fg.green + 0.114 * fg.blue > 0.5;
  g_object_get (settings, "gtk-theme-name", &theme, NULL);

  if (theme != NULL && strstr (theme, "HighContrast") != NULL)
    return dark ? SM_FIGURE_STYLE_HIGH_CONTRAST_INVERSE : SM_FIGURE_STYLE_HIGH_CONTRAST;
  return dark ? SM_FIGURE_STYLE_DARK : SM_FIGURE_STYLE_LIGHT;
}

static void
sm_pose_picture_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SmPosePicture *self = SM_POSE_PICTURE (widget);
  SmPose *pose = current_pose (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (pose == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  sm_figure_draw (cr, sm_pose_get_figure (pose), g_strcmp0 (self->side, "left") == 0,
                  figure_style (self), &(cairo_rectangle_t) { 0, 0, width, height });
  cairo_destroy (cr);
}

/* As tall as asked and as wide as the picture is at that height; it may
 * get less width, and the drawing then shrinks with its proportions. */
static void
sm_pose_picture_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  SmPosePicture *self = SM_POSE_PICTURE (widget);
  SmPose *pose = current_pose (self);
  double aspect = pose != NULL ? sm_figure_get_aspect (sm_pose_get_figure (pose)) : 1;

  if (orientation == GTK_ORIENTATION_VERTICAL)
    *minimum = *natural = self->size;
  else
    {
      *natural = (int) (self->size * aspect);
      *minimum = MIN (*natural, self->size);
    }
}

static void
sm_pose_picture_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sm_pose_picture_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
sm_pose_picture_finalize (GObject *object)
{
  SmPosePicture *self = SM_POSE_PICTURE (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->side, g_free);

  G_OBJECT_CLASS (sm_pose_picture_parent_class)->finalize (object);
}

static void
sm_pose_picture_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SmPosePicture *self = SM_POSE_PICTURE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_SIDE:
      g_value_set_string (value, self->side);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_pose_picture_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SmPosePicture *self = SM_POSE_PICTURE (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      sm_pose_picture_set_item (self, g_value_get_object (value));
      break;
    case PROP_SIDE:
      sm_pose_picture_set_side (self, g_value_get_string (value));
      break;
    case PROP_SIZE:
      sm_pose_picture_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_pose_picture_class_init (SmPosePictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sm_pose_picture_finalize;
  object_class->get_property = sm_pose_picture_get_property;
  object_class->set_property = sm_pose_picture_set_property;
  widget_class->snapshot = sm_pose_picture_snapshot;
  widget_class->measure = sm_pose_picture_measure;
  widget_class->css_changed = sm_pose_picture_css_changed;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIDE] =
    g_param_spec_string ("side", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 16, 4096, DEFAULT_SIZE,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "posepicture");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sm_pose_picture_init (SmPosePicture *self)
{
  self->size = DEFAULT_SIZE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
