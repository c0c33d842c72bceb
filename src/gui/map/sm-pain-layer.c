/* sm-pain-layer.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-pain-layer"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-anatomy.h"
#include "sm-pain-layer.h"
#include "sm-pain-painter.h"

#define MIN_STEP_PX  2.0   /* pointer moves shorter than this add no point */
#define PANEL_MARGIN 12

struct _SmPainLayer
{
  GtkWidget      parent_instance;

  SmBodyMap     *map;
  SmPainDrawing *drawing;
  gboolean       active;
  SmPainKind     kind;
  guint          intensity;

  SmPainStroke  *current;       /* being drawn */
  double         start_x;
  double         start_y;
  double         last_x;
  double         last_y;
  gboolean       note_shown;
  gboolean       offer_save;

  GtkWidget     *canvas;        /* under the panel: takes the strokes */
  GtkWidget     *panel;
  GtkWidget     *save_button;   /* this and the others below: NULL until the panel is made */
  GtkRevealer   *note_revealer;
  GtkAdjustment *intensity_adjustment;
};

G_DEFINE_FINAL_TYPE (SmPainLayer, sm_pain_layer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MAP,
  PROP_DRAWING,
  PROP_ACTIVE,
  PROP_KIND,
  PROP_INTENSITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- Nerve-type pain ----------------------------------------------------- */

/* The back of both legs below the hip line, from the artwork: from the
 * middle of the greater trochanters down, between the outer edges of the
 * hamstrings and calves. */
static gboolean
back_of_legs (cairo_rectangle_t *area)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char *ids[] = { "zone-hamstrings-left", "zone-hamstrings-right", "zone-calf-left", "zone-calf-right" };
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, vw, vh;
  cairo_rectangle_t box, trochanter;

  if (!sm_anatomy_get_bounds (anatomy, "back", "landmark-greater-trochanter-left", &trochanter))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if (sm_anatomy_get_bounds (anatomy, "back", ids[i], &box))
      {
        x0 = MIN (x0, box.x);
        x1 = MAX (x1, box.x + box.width);
      }

  sm_anatomy_get_size (anatomy, "back", &vw, &vh);
  area->x = x0;
  area->width = x1 - x0;
  area->y = trochanter.y + trochanter.height / 2;
  area->height = vh - area->y;
  return x1 > x0;
}

static void
update_note (SmPainLayer *self)
{
  cairo_rectangle_t legs;
  gboolean shown = self->drawing != NULL && back_of_legs (&legs) &&
                   sm_pain_drawing_has_nerve_pain_in (self->drawing, "back", legs.x, legs.y,
                                                      legs.width, legs.height);

  self->note_shown = shown;
  if (self->note_revealer != NULL)
    gtk_revealer_set_reveal_child (self->note_revealer, shown);
}

gboolean
sm_pain_layer_get_note_shown (SmPainLayer *self)
{
  g_return_val_if_fail (SM_IS_PAIN_LAYER (self), FALSE);

  return self->note_shown;
}

/* --- Drawing ------------------------------------------------------------- */

static cairo_rectangle_t
map_viewport (SmPainLayer *self,
              double      *view_width)
{
  double vw, vh, x, y, scale = sm_body_map_get_scale (self->map);

  sm_anatomy_get_size (sm_anatomy_get_default (), sm_body_map_get_view (self->map), &vw, &vh);
  sm_body_map_svg_to_widget (self->map, 0, 0, &x, &y);
  *view_width = vw;
  return (cairo_rectangle_t) { x, y, vw * scale, vh * scale };
}

static void
sm_pain_layer_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SmPainLayer *self = SM_PAIN_LAYER (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean any = self->current != NULL ||
                 (self->drawing != NULL && sm_pain_drawing_get_n_strokes (self->drawing) > 0);

  if (self->map != NULL && any && width > 0 && height > 0)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      double view_width;
      cairo_rectangle_t viewport = map_viewport (self, &view_width);

      if (self->drawing != NULL)
        sm_pain_paint_drawing (self->drawing, sm_body_map_get_view (self->map), cr, &viewport, view_width);
      if (self->current != NULL)
        sm_pain_paint_stroke (self->current, cr, &viewport, view_width);
      cairo_destroy (cr);
    }

  if (self->panel != NULL)
    gtk_widget_snapshot_child (widget, self->panel, snapshot);
}

static void
add_point (SmPainLayer *self,
           double       x,
           double       y)
{
  double u, v;

  if (self->current == NULL)
    return;
  if (self->current->points->len > 0 && hypot (x - self->last_x, y - self->last_y) < MIN_STEP_PX)
    return;

  sm_body_map_widget_to_svg (self->map, x, y, &u, &v);
  sm_pain_stroke_add_point (self->current, u, v);
  self->last_x = x;
  self->last_y = y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
begin_stroke (SmPainLayer *self,
              double       x,
              double       y)
{
  g_clear_pointer (&self->current, sm_pain_stroke_free);
  self->current = sm_pain_stroke_new (self->kind, self->intensity, sm_body_map_get_view (self->map));
  self->start_x = x;
  self->start_y = y;
  add_point (self, x, y);
}

static void
end_stroke (SmPainLayer *self)
{
  if (self->current == NULL)
    return;

  if (self->drawing != NULL)
    sm_pain_drawing_add_stroke (self->drawing, g_steal_pointer (&self->current));
  g_clear_pointer (&self->current, sm_pain_stroke_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sm_pain_layer_draw_stroke (SmPainLayer  *self,
                           const double *xy,
                           guint         n_points)
{
  g_return_if_fail (SM_IS_PAIN_LAYER (self));
  g_return_if_fail (self->map != NULL);

  if (n_points == 0)
    return;

  begin_stroke (self, xy[0], xy[1]);
  for (guint i = 1; i < n_points; i++)
    add_point (self, xy[2 * i], xy[2 * i + 1]);
  end_stroke (self);
}

/* A stylus is the stylus gesture's: the drag gesture gives it up, so one
 * pen stroke never makes two. */
static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SmPainLayer    *self)
{
  GdkDevice *device = gtk_gesture_get_device (GTK_GESTURE (gesture));

  if (device != NULL && gdk_device_get_source (device) == GDK_SOURCE_PEN)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  begin_stroke (self, x, y);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SmPainLayer    *self)
{
  add_point (self, self->start_x + dx, self->start_y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SmPainLayer    *self)
{
  add_point (self, self->start_x + dx, self->start_y + dy);
  end_stroke (self);
}

static void
on_stylus_down (GtkGestureStylus *gesture,
                double            x,
                double            y,
                SmPainLayer      *self)
{
  begin_stroke (self, x, y);
}

static void
on_stylus_motion (GtkGestureStylus *gesture,
                  double            x,
                  double            y,
                  SmPainLayer      *self)
{
  add_point (self, x, y);
}

static void
on_stylus_up (GtkGestureStylus *gesture,
              double            x,
              double            y,
              SmPainLayer      *self)
{
  add_point (self, x, y);
  end_stroke (self);
}

/* --- Swatches ------------------------------------------------------------ */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  sm_pain_paint_swatch (GPOINTER_TO_UINT (data), cr, &(cairo_rectangle_t) { 0, 0, width, height });
}

static GtkDrawingArea *
builder_swatch (GtkBuilder *builder,
                const char *kind)
{
  g_autofree char *id = g_strconcat ("swatch_", kind, NULL);

  return GTK_DRAWING_AREA (gtk_builder_get_object (builder, id));
}

/* The tool panel (sm-pain-panel.ui) is made the first time marking starts:
 * most windows never show it, and its dozen buttons and the scale were a
 * tenth of the window's construction. */
static void
ensure_panel (SmPainLayer *self)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (self->panel != NULL)
    return;

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, RESOURCE_BASE "/sm-pain-panel.ui", NULL))
    g_error ("The resource sm-pain-panel.ui is missing");

  self->panel = GTK_WIDGET (gtk_builder_get_object (builder, "panel"));
  self->save_button = GTK_WIDGET (gtk_builder_get_object (builder, "save_button"));
  self->note_revealer = GTK_REVEALER (gtk_builder_get_object (builder, "note_revealer"));
  self->intensity_adjustment = g_object_ref (GTK_ADJUSTMENT (gtk_builder_get_object (builder, "intensity_adjustment")));
  for (guint i = 0; i < SM_PAIN_N_KINDS; i++)
    gtk_drawing_area_set_draw_func (builder_swatch (builder, sm_pain_kind_to_string (i)),
                                    draw_swatch, GUINT_TO_POINTER (i), NULL);

  gtk_widget_insert_before (self->panel, GTK_WIDGET (self), NULL);
  gtk_adjustment_set_value (self->intensity_adjustment, self->intensity);
  g_object_bind_property (self->intensity_adjustment, "value", self, "intensity",
                          G_BINDING_BIDIRECTIONAL);
  gtk_widget_set_visible (self->save_button, self->offer_save);
  gtk_revealer_set_reveal_child (self->note_revealer, self->note_shown);
  sm_a11y_clean_mnemonic_names (self->panel);
}

/* --- Properties ---------------------------------------------------------- */

GtkWidget *
sm_pain_layer_new (void)
{
  return g_object_new (SM_TYPE_PAIN_LAYER, NULL);
}

SmBodyMap *
sm_pain_layer_get_map (SmPainLayer *self)
{
  g_return_val_if_fail (SM_IS_PAIN_LAYER (self), NULL);

  return self->map;
}

void
sm_pain_layer_set_map (SmPainLayer *self,
                       SmBodyMap   *map)
{
  g_return_if_fail (SM_IS_PAIN_LAYER (self));

  if (self->map == map)
    return;

  if (self->map != NULL)
    g_signal_handlers_disconnect_by_data (self->map, self);
  g_set_object (&self->map, map);
  if (map != NULL)
    {
      g_signal_connect_swapped (map, "transform-changed", G_CALLBACK (gtk_widget_queue_draw), self);
      g_signal_connect_swapped (map, "notify::view", G_CALLBACK (gtk_widget_queue_draw), self);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAP]);
}

SmPainDrawing *
sm_pain_layer_get_drawing (SmPainLayer *self)
{
  g_return_val_if_fail (SM_IS_PAIN_LAYER (self), NULL);

  return self->drawing;
}

static void
on_drawing_changed (SmPainLayer *self)
{
  gboolean any = sm_pain_drawing_get_n_strokes (self->drawing) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.undo", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.clear", any);
  update_note (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
sm_pain_layer_set_drawing (SmPainLayer   *self,
                           SmPainDrawing *drawing)
{
  g_return_if_fail (SM_IS_PAIN_LAYER (self));

  if (self->drawing == drawing)
    return;

  if (self->drawing != NULL)
    g_signal_handlers_disconnect_by_data (self->drawing, self);
  g_set_object (&self->drawing, drawing);
  if (drawing != NULL)
    {
      g_signal_connect_swapped (drawing, "changed", G_CALLBACK (on_drawing_changed), self);
      on_drawing_changed (self);
    }
  else
    update_note (self);

  /* The strokes of the drawing that went away must go with it. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAWING]);
}

/* A drawing that belongs to no routine yet: the panel offers to keep it
 * in one (win.save-pain-drawing). */
void
sm_pain_layer_set_offer_save (SmPainLayer *self,
                              gboolean     offer)
{
  g_return_if_fail (SM_IS_PAIN_LAYER (self));

  self->offer_save = offer;
  if (self->save_button != NULL)
    gtk_widget_set_visible (self->save_button, offer);
}

gboolean
sm_pain_layer_get_active (SmPainLayer *self)
{
  g_return_val_if_fail (SM_IS_PAIN_LAYER (self), FALSE);

  return self->active;
}

/* While active the layer takes every press over the map; otherwise it only
 * shows the strokes and the map underneath gets the pointer. */
void
sm_pain_layer_set_active (SmPainLayer *self,
                          gboolean     active)
{
  g_return_if_fail (SM_IS_PAIN_LAYER (self));

  active = !!active;
  if (self->active == active)
    return;

  self->active = active;
  if (active)
    ensure_panel (self);
  gtk_widget_set_can_target (GTK_WIDGET (self), active);
  if (self->panel != NULL)
    gtk_widget_set_visible (self->panel, active);
  gtk_widget_set_focusable (GTK_WIDGET (self), active);
  if (active)
    gtk_widget_grab_focus (GTK_WIDGET (self));
  g_clear_pointer (&self->current, sm_pain_stroke_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
set_kind (SmPainLayer *self,
          const char  *id)
{
  SmPainKind kind;

  if (!sm_pain_kind_from_string (id, &kind) || kind == self->kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

static void
set_intensity (SmPainLayer *self,
               guint        intensity)
{
  intensity = MIN (intensity, SM_PAIN_INTENSITY_MAX);
  if (self->intensity == intensity)
    return;

  self->intensity = intensity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTENSITY]);
}

/* --- Actions and layout -------------------------------------------------- */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmPainLayer *self = SM_PAIN_LAYER (widget);

  if (g_str_equal (action_name, "pain.done"))
    sm_pain_layer_set_active (self, FALSE);
  else if (self->drawing == NULL)
    return;
  else if (g_str_equal (action_name, "pain.undo"))
    sm_pain_drawing_undo (self->drawing);
  else if (g_str_equal (action_name, "pain.clear"))
    sm_pain_drawing_clear (self->drawing);
}

/* The tool panel floats at the top centre, clear of the map's own
 * toolbar at the bottom. */
static void
sm_pain_layer_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  SmPainLayer *self = SM_PAIN_LAYER (widget);
  GtkRequisition natural;
  int panel_width, panel_height;

  gtk_widget_measure (self->canvas, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->canvas, &(GtkAllocation) { 0, 0, width, height }, -1);
  if (self->panel == NULL)
    return;
  gtk_widget_get_preferred_size (self->panel, NULL, &natural);
  panel_width = MIN (natural.width, MAX (width - 2 * PANEL_MARGIN, 0));
  gtk_widget_measure (self->panel, GTK_ORIENTATION_VERTICAL, panel_width, NULL, &panel_height, NULL, NULL);
  gtk_widget_size_allocate (self->panel,
                            &(GtkAllocation) { (width - panel_width) / 2, PANEL_MARGIN,
                                               panel_width, MIN (panel_height, height) },
                            -1);
}

static void
sm_pain_layer_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = 0;
}

static void
sm_pain_layer_dispose (GObject *object)
{
  SmPainLayer *self = SM_PAIN_LAYER (object);

  sm_pain_layer_set_drawing (self, NULL);
  sm_pain_layer_set_map (self, NULL);
  g_clear_pointer (&self->current, sm_pain_stroke_free);
  g_clear_pointer (&self->canvas, gtk_widget_unparent);
  g_clear_pointer (&self->panel, gtk_widget_unparent);
  g_clear_object (&self->intensity_adjustment);
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_PAIN_LAYER);

  G_OBJECT_CLASS (sm_pain_layer_parent_class)->dispose (object);
}

static void
sm_pain_layer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SmPainLayer *self = SM_PAIN_LAYER (object);

  switch (prop_id)
    {
    case PROP_MAP:
      g_value_set_object (value, self->map);
      break;
    case PROP_DRAWING:
      g_value_set_object (value, self->drawing);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_KIND:
      g_value_set_string (value, sm_pain_kind_to_string (self->kind));
      break;
    case PROP_INTENSITY:
      g_value_set_uint (value, self->intensity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_pain_layer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SmPainLayer *self = SM_PAIN_LAYER (object);

  switch (prop_id)
    {
    case PROP_MAP:
      sm_pain_layer_set_map (self, g_value_get_object (value));
      break;
    case PROP_DRAWING:
      sm_pain_layer_set_drawing (self, g_value_get_object (value));
      break;
    case PROP_ACTIVE:
      sm_pain_layer_set_active (self, g_value_get_boolean (value));
      break;
    case PROP_KIND:
      set_kind (self, g_value_get_string (value));
      break;
    case PROP_INTENSITY:
      set_intensity (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  properties[PROP_MAP] = g_param_spec_object ("map", NULL, NULL, SM_TYPE_BODY_MAP, rw);
  properties[PROP_DRAWING] = g_param_spec_object ("drawing", NULL, NULL, SM_TYPE_PAIN_DRAWING, rw);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, rw);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, "aching", rw);
  properties[PROP_INTENSITY] = g_param_spec_uint ("intensity", NULL, NULL, 0, SM_PAIN_INTENSITY_MAX, 5, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_pain_layer_class_init (SmPainLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_pain_layer_dispose;
  object_class->get_property = sm_pain_layer_get_property;
  object_class->set_property = sm_pain_layer_set_property;

  widget_class->snapshot = sm_pain_layer_snapshot;
  widget_class->size_allocate = sm_pain_layer_size_allocate;
  widget_class->measure = sm_pain_layer_measure;

  install_properties (object_class);

  gtk_widget_class_install_property_action (widget_class, "pain.kind", "kind");
  gtk_widget_class_install_action (widget_class, "pain.undo", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "pain.clear", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "pain.done", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "pain.undo", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-pain-layer.ui");
  gtk_widget_class_set_css_name (widget_class, "painlayer");
}

static void
add_gestures (SmPainLayer *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *stylus = gtk_gesture_stylus_new ();

  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (stylus, "down", G_CALLBACK (on_stylus_down), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (on_stylus_motion), self);
  g_signal_connect (stylus, "up", G_CALLBACK (on_stylus_up), self);
  /* On a canvas beside the tool panel, not on the layer, so that presses on
   * the panel's buttons never start (or swallow) a stroke. */
  self->canvas = g_object_new (GTK_TYPE_DRAWING_AREA, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_insert_after (self->canvas, GTK_WIDGET (self), NULL);
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (self->canvas, GTK_EVENT_CONTROLLER (stylus));
}

static void
sm_pain_layer_init (SmPainLayer *self)
{
  self->kind = SM_PAIN_ACHING;
  self->intensity = 5;

  gtk_widget_init_template (GTK_WIDGET (self));
  add_gestures (self);

  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pain.clear", FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pain drawing"), -1);
}
