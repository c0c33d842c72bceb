/* sm-center-bin.c: holds one child at its natural width or height, centred
 * in the space it is given, like a child with halign or valign "center".
 *
 * Why not the child's own alignment, or a GtkCenterBox? In GTK 4.8 both
 * ask a column of wrapping labels for its width at a given height, and a
 * label answers that with a binary search over a dozen layouts of its
 * text: most of the time of a first frame with a page of text. This bin
 * only asks the questions a scrolled page needs: the natural width, then
 * the height for the width it gives.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-center-bin"

#include "config.h"

#include "sm-center-bin.h"

struct _SmCenterBin
{
  GtkWidget parent_instance;
  gboolean  horizontal;
  gboolean  vertical;
};

G_DEFINE_FINAL_TYPE (SmCenterBin, sm_center_bin, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HORIZONTAL,
  PROP_VERTICAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_center_bin_new (void)
{
  return g_object_new (SM_TYPE_CENTER_BIN, NULL);
}

/* The width the child gets out of @width: its natural one when centred. */
static int
child_width (SmCenterBin *self,
             GtkWidget   *child,
             int          width)
{
  int minimum, natural;

  if (!self->horizontal)
    return width;

  gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return width < 0 ? natural : MAX (minimum, MIN (width, natural));
}

static void
sm_center_bin_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  SmCenterBin *self = SM_CENTER_BIN (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  *minimum = *natural = 0;
  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  /* Heights for a width: the child is as tall as it is at its own width.
   * For no width in particular, at its natural width: a scrolled page asks
   * for this and does not use it, and a label would lay its text out at
   * its narrowest to answer. */
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      int ignored;

      if (for_size >= 0)
        for_size = child_width (self, child, for_size);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, &for_size, NULL, NULL);
    }
  gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
sm_center_bin_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SmCenterBin *self = SM_CENTER_BIN (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);
  GtkAllocation alloc = { 0, 0, width, height };

  if (child == NULL || !gtk_widget_get_visible (child))
    return;

  alloc.width = MIN (child_width (self, child, width), width);
  if (self->vertical)
    {
      int minimum, natural;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, alloc.width, &minimum, &natural, NULL, NULL);
      alloc.height = MIN (MAX (minimum, natural), height);
    }
  alloc.x = (width - alloc.width) / 2;
  alloc.y = (height - alloc.height) / 2;
  gtk_widget_size_allocate (child, &alloc, -1);
}

static GtkSizeRequestMode
sm_center_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
set_flag (SmCenterBin *self,
          gboolean    *flag,
          gboolean     value,
          guint        prop)
{
  value = !!value;
  if (*flag == value)
    return;

  *flag = value;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
sm_center_bin_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmCenterBin *self = SM_CENTER_BIN (object);

  switch (prop_id)
    {
    case PROP_HORIZONTAL:
      g_value_set_boolean (value, self->horizontal);
      break;
    case PROP_VERTICAL:
      g_value_set_boolean (value, self->vertical);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_center_bin_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SmCenterBin *self = SM_CENTER_BIN (object);

  switch (prop_id)
    {
    case PROP_HORIZONTAL:
      set_flag (self, &self->horizontal, g_value_get_boolean (value), PROP_HORIZONTAL);
      break;
    case PROP_VERTICAL:
      set_flag (self, &self->vertical, g_value_get_boolean (value), PROP_VERTICAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_center_bin_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (sm_center_bin_parent_class)->dispose (object);
}

static void
sm_center_bin_class_init (SmCenterBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sm_center_bin_get_property;
  object_class->set_property = sm_center_bin_set_property;
  object_class->dispose = sm_center_bin_dispose;
  widget_class->measure = sm_center_bin_measure;
  widget_class->size_allocate = sm_center_bin_size_allocate;
  widget_class->get_request_mode = sm_center_bin_get_request_mode;

  /* Centred across: the child is never wider than its natural width. */
  properties[PROP_HORIZONTAL] =
    g_param_spec_boolean ("horizontal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Centred down: the child is never taller than its natural height. */
  properties[PROP_VERTICAL] =
    g_param_spec_boolean ("vertical", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_center_bin_init (SmCenterBin *self)
{
}
