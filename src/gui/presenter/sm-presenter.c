/* sm-presenter.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sm-a11y.h"
#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-format.h"
#include "sm-map-zone.h"
#include "sm-pain-layer.h"
#include "sm-pose-picture.h"
#include "sm-presenter-private.h"
#include "sm-session.h"
#include "sm-zone-id.h"

/* Presenter mode is read from across a room and touched by a patient: the
 * smallest muscle must be a comfortable finger target (44 px is the usual
 * minimum; aim a little above it), labels are big, and the outline of the
 * muscle being shown breathes slowly rather than blinking. */
#define TARGET_PX         48.0
#define MAX_START_ZOOM    3.0
#define PULSE_PERIOD_US   (2.4 * G_USEC_PER_SEC)
#define PULSE_MIN_ALPHA   0.2
#define MASK_PAD          10.0   /* SVG units: the outline stroke beyond the ink */

G_DEFINE_FINAL_TYPE (SmPresenter, sm_presenter, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  CAPTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
step_clear (gpointer data)
{
  Step *step = data;

  g_free (step->zone);
  g_free (step->side);
  g_free (step->tool);
}

/* --- Caption ------------------------------------------------------------- */

static char *
zone_title (SmZone     *zone,
            const char *side)
{
  const char *name = sm_zone_get_name (zone);

  if (g_strcmp0 (side, "both") == 0)
    /* Translators: the presenter caption, e.g. “Piriformis, both sides” */
    return g_strdup_printf (_("%s, both sides"), name);
  return sm_format_zone_side (name, side);
}

static void
update_step_label (SmPresenter *self)
{
  g_autofree char *text = NULL;
  guint n = self->steps->len;

  gtk_widget_set_visible (GTK_WIDGET (self->step_label), n > 0 && self->step >= 0);
  if (n == 0 || self->step < 0)
    {
      gtk_label_set_label (self->step_label, "");
      return;
    }

  text = sm_format_step_of (self->step + 1, n);
  gtk_label_set_label (self->step_label, text);
}

/* What to do there. A step of a routine names its tool, and the zone's
 * own sentence for that tool says where it goes ("Place your fingertips…"
 * for the hands, not the ball's sentence). A tool the content has no
 * sentence for on this muscle gets the muscle's plain description, which
 * names no tool. A muscle tapped outside the steps gets its presenter
 * sentence. */
static const char *
caption_sentence (SmPresenter *self,
                  SmZone      *zone)
{
  const Step *step = NULL;
  SmToolUse *use;

  if (zone == NULL)
    return _("Tap a muscle to show where it is.");

  if (self->step >= 0 && self->step < (int) self->steps->len)
    step = &g_array_index (self->steps, Step, self->step);
  if (step == NULL || step->tool == NULL ||
      g_strcmp0 (step->zone, sm_zone_get_id (zone)) != 0)
    return sm_zone_get_presenter (zone);

  use = sm_zone_get_tool_use (zone, step->tool);
  return use != NULL ? sm_tool_use_get_placement (use) : sm_zone_get_summary (zone);
}

/* The current step's position, drawn, when the caption is about it. */
static void
update_picture (SmPresenter *self,
                SmZone      *zone)
{
  const Step *step = NULL;
  SmToolUse *use = NULL;

  if (self->step >= 0 && self->step < (int) self->steps->len)
    step = &g_array_index (self->steps, Step, self->step);
  if (zone != NULL && step != NULL && step->tool != NULL &&
      g_strcmp0 (step->zone, sm_zone_get_id (zone)) == 0)
    use = sm_zone_get_tool_use (zone, step->tool);

  sm_pose_picture_set_side (self->picture, step != NULL && g_strcmp0 (step->side, "right") == 0 ? "right" : "left");
  sm_pose_picture_set_item (self->picture, use != NULL ? G_OBJECT (use) : NULL);
}

static void
update_caption (SmPresenter *self)
{
  const char *zone_id = sm_body_map_get_selected_zone (self->map);
  const char *side = self->both_sides ? "both" : sm_body_map_get_selected_side (self->map);
  SmZone *zone = zone_id != NULL ? sm_atlas_lookup_zone (sm_atlas_get_default (), zone_id) : NULL;
  g_autofree char *title = zone != NULL ? zone_title (zone, side) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->title_label), title != NULL);
  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_label_set_label (self->sentence_label, caption_sentence (self, zone));
  update_picture (self, zone);
  update_step_label (self);
  g_signal_emit (self, signals[CAPTION_CHANGED], 0);
}

const char *
sm_presenter_get_caption_title (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return gtk_label_get_label (self->title_label);
}

const char *
sm_presenter_get_caption_sentence (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return gtk_label_get_label (self->sentence_label);
}

/* (nullable) "Gluteus medius, left side" for step @index. */
char *
sm_presenter_dup_step_title (SmPresenter *self,
                             int          index)
{
  const Step *step;
  SmZone *zone;

  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  if (index < 0 || index >= (int) self->steps->len)
    return NULL;
  step = &g_array_index (self->steps, Step, index);
  zone = sm_atlas_lookup_zone (sm_atlas_get_default (), step->zone);
  return zone != NULL ? zone_title (zone, step->side) : NULL;
}

/* (transfer none) (nullable) */
SmRoutine *
sm_presenter_get_routine (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return self->routine;
}

/* While another screen could show the presenter, a button in the
 * controls offers it (win.present-elsewhere): @monitor_name, or NULL to
 * hide it. */
void
sm_presenter_set_offer_elsewhere (SmPresenter *self,
                                  const char  *monitor_name)
{
  g_autofree char *label = NULL;

  g_return_if_fail (SM_IS_PRESENTER (self));

  gtk_widget_set_visible (self->elsewhere_button, monitor_name != NULL);
  if (monitor_name == NULL)
    return;
  /* Translators: a button in presenter mode; %s is a screen's name,
   * e.g. “Present on DELL U2720Q (DP-1)” */
  label = g_strdup_printf (_("Present on %s"), monitor_name);
  gtk_button_set_label (GTK_BUTTON (self->elsewhere_button), label);
}

const char *
sm_presenter_get_step_text (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return gtk_label_get_label (self->step_label);
}

/* --- Zones on the map ---------------------------------------------------- */

/* The map's zone widgets are its children; their allocations are the
 * zones' boxes, already in the map's (and so the overlay's) coordinates. */
static SmMapZone *
find_zone (SmPresenter *self,
           const char  *muscle,
           const char  *side)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child) &&
        g_strcmp0 (sm_map_zone_get_muscle (SM_MAP_ZONE (child)), muscle) == 0 &&
        g_strcmp0 (sm_map_zone_get_side (SM_MAP_ZONE (child)), side) == 0)
      return SM_MAP_ZONE (child);

  return NULL;
}

gboolean
sm_presenter_is_muscle (GtkWidget *child)
{
  return SM_IS_MAP_ZONE (child) && gtk_widget_get_visible (child) &&
         !sm_map_zone_is_caution (SM_MAP_ZONE (child));
}

/* The smallest side of any muscle box on show, in SVG units. */
static double
smallest_zone (SmPresenter *self)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char *view = sm_body_map_get_view (self->map);
  double smallest = G_MAXDOUBLE;
  cairo_rectangle_t box;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (sm_presenter_is_muscle (child) &&
        sm_anatomy_get_bounds (anatomy, view, sm_map_zone_get_element_id (SM_MAP_ZONE (child)), &box))
      smallest = MIN (smallest, MIN (box.width, box.height));

  return smallest;
}

static void
stop_framing (SmPresenter *self)
{
  if (self->framing_clock != NULL)
    g_clear_signal_handler (&self->framing_id, self->framing_clock);
  g_clear_object (&self->framing_clock);
}

/* Zooms in just enough for every muscle to be a finger-sized target, around
 * the selected zone or the hips, where sciatica's muscles are. */
static void
frame_figure (SmPresenter *self)
{
  double fit = sm_body_map_get_scale (self->map) / sm_body_map_get_zoom (self->map);
  double smallest = smallest_zone (self);
  cairo_rectangle_t box;
  g_autofree char *id = NULL;

  self->framing = FALSE;
  if (smallest == G_MAXDOUBLE || fit <= 0)
    return;

  self->setting_frame = TRUE;
  sm_body_map_set_zoom (self->map, CLAMP (TARGET_PX / (smallest * fit), 1.0, MAX_START_ZOOM));
  if (sm_body_map_get_selected_zone (self->map) != NULL)
    id = sm_zone_id_build (sm_body_map_get_selected_zone (self->map),
                           sm_body_map_get_selected_side (self->map));
  if (id != NULL &&
      sm_anatomy_get_bounds (sm_anatomy_get_default (), sm_body_map_get_view (self->map), id, &box))
    sm_body_map_set_centre (self->map, box.x + box.width / 2, box.y + box.height / 2);
  else
    sm_body_map_set_centre (self->map, 400, 760);
  self->setting_frame = FALSE;
  self->auto_framed = TRUE;
  self->framed_width = gtk_widget_get_width (GTK_WIDGET (self->map));
  self->framed_height = gtk_widget_get_height (GTK_WIDGET (self->map));
}

/* After GTK's own layout handler has given the map its size, and before the
 * frame is painted: GDK lays out again when the zoom asks for it, so the
 * first frame shows the framed figure. Framed in an idle, the map drew its
 * whole base twice (at 4K, 80 M instructions) and the figure jumped. */
static void
on_framing_layout (GdkFrameClock *clock,
                   SmPresenter   *self)
{
  stop_framing (self);
  if (self->framing && gtk_widget_get_width (GTK_WIDGET (self->map)) > 0)
    frame_figure (self);
}

static void
schedule_framing (SmPresenter *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  self->framing = TRUE;
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0 || self->framing_clock != NULL)
    return;
  if (clock == NULL)
    {
      frame_figure (self);
      return;
    }
  self->framing_clock = g_object_ref (clock);
  self->framing_id = g_signal_connect (clock, "layout", G_CALLBACK (on_framing_layout), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/* The start zoom is for the map's size: a window that goes full screen
 * can lay the presenter out once at its old size before the new one
 * comes, and the zoom set there would blow the figure up at the full
 * size. So it is set again when the size changes, unless the person has
 * zoomed or panned since. */
static void
reframe_if_resized (SmPresenter *self)
{
  if (self->setting_frame || self->framing || !self->auto_framed)
    return;

  if (gtk_widget_get_width (GTK_WIDGET (self->map)) != self->framed_width ||
      gtk_widget_get_height (GTK_WIDGET (self->map)) != self->framed_height)
    schedule_framing (self);
  else
    self->auto_framed = FALSE;
}

/* --- Pulse --------------------------------------------------------------- */

static gboolean
animations_enabled (SmPresenter *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/* The selected muscle's outline as a mask, drawn once per selection and
 * geometry; each pulse frame only paints it with another alpha. */
static void
ensure_pulse_mask (SmPresenter *self)
{
  const char *zone = sm_body_map_get_selected_zone (self->map);
  double x, y;
  g_autofree char *id = NULL;

  if (self->pulse_mask != NULL || zone == NULL)
    return;

  id = sm_zone_id_build (zone, sm_body_map_get_selected_side (self->map));
  sm_body_map_svg_to_widget (self->map, 0, 0, &x, &y);
  self->pulse_mask = sm_anatomy_render_mask (sm_anatomy_get_default (), sm_body_map_get_view (self->map),
                                             SM_ANATOMY_STYLE_OUTLINE, id, x, y,
                                             sm_body_map_get_scale (self->map),
                                             gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                             MASK_PAD, &self->pulse_x, &self->pulse_y, NULL);
}

/* Where the pulse widget goes: over the selected outline's mask, in the
 * overlay's (and so the map's) coordinates; an empty box without one. Runs
 * in the overlay's allocation, after the map's, so the transform is
 * current. */
gboolean
sm_presenter_place_pulse (SmPresenter   *self,
                          GtkAllocation *allocation)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  ensure_pulse_mask (self);
  self->pulse_box = (GdkRectangle) { 0, 0, 0, 0 };
  if (self->pulse_mask != NULL)
    {
      double x1 = self->pulse_x + (double) cairo_image_surface_get_width (self->pulse_mask) / scale;
      double y1 = self->pulse_y + (double) cairo_image_surface_get_height (self->pulse_mask) / scale;

      self->pulse_box.x = (int) floor (self->pulse_x);
      self->pulse_box.y = (int) floor (self->pulse_y);
      self->pulse_box.width = (int) ceil (x1) - self->pulse_box.x;
      self->pulse_box.height = (int) ceil (y1) - self->pulse_box.y;
    }

  *allocation = self->pulse_box;
  return TRUE;
}

/* The mask and its box change together in the overlay's allocation: a
 * mask cleared since then waits for the allocation already queued. */
static void
draw_pulse (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmPresenter *self = data;
  SmMapZone *zone;
  GdkRGBA color;

  if (self->pulse_mask == NULL)
    return;

  zone = find_zone (self, sm_body_map_get_selected_zone (self->map),
                    sm_body_map_get_selected_side (self->map));
  if (zone == NULL)
    return;

  color = sm_map_zone_get_color (zone);
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, self->pulse_alpha);
  cairo_mask_surface (cr, self->pulse_mask, self->pulse_x - self->pulse_box.x,
                      self->pulse_y - self->pulse_box.y);
}

static gboolean
pulse_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  SmPresenter *self = data;
  double phase = fmod (gdk_frame_clock_get_frame_time (clock), PULSE_PERIOD_US) / PULSE_PERIOD_US;

  self->pulse_alpha = PULSE_MIN_ALPHA + (1 - PULSE_MIN_ALPHA) * (0.5 + 0.5 * cos (2 * G_PI * phase));
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Pulses only while a zone is selected and the person has not asked for
 * fewer animations; otherwise the outline stays fully drawn. */
static void
update_pulse (SmPresenter *self)
{
  gboolean pulse = sm_body_map_get_selected_zone (self->map) != NULL && animations_enabled (self);

  if (pulse && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->pulse, pulse_tick, self, NULL);
  else if (!pulse && self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->pulse, self->tick_id);
      self->tick_id = 0;
    }

  self->pulse_alpha = 1.0;
  gtk_widget_queue_draw (self->pulse);
}

gboolean
sm_presenter_is_pulsing (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), FALSE);

  return self->tick_id != 0;
}

static void
draw_marks (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  SmPresenter *self = data;

  sm_presenter_draw_leaders (self, cr);
}

/* --- Map changes --------------------------------------------------------- */

/* The outline moved or is another: its mask is drawn again, and the pulse
 * widget moves with it, in the overlay's next allocation (the overlay's
 * own: a child's queued allocation would only repeat its old box). */
static void
forget_pulse_mask (SmPresenter *self)
{
  g_clear_pointer (&self->pulse_mask, cairo_surface_destroy);
  gtk_widget_queue_allocate (self->overlay);
  gtk_widget_queue_draw (self->pulse);
}

/* The mask is drawn in device pixels: on a screen of another scale (the
 * presenter window moved to a HiDPI monitor) it is drawn again. */
static void
on_scale_factor_changed (SmPresenter *self,
                         GParamSpec  *pspec,
                         gpointer     data)
{
  forget_pulse_mask (self);
}

static void
on_transform_changed (SmPresenter *self)
{
  forget_pulse_mask (self);
  gtk_widget_queue_draw (self->marks);
  sm_presenter_schedule_layout (self);
  if (self->framing)
    schedule_framing (self);
  else
    reframe_if_resized (self);
}

static void
on_selection_changed (SmPresenter *self)
{
  if (!self->stepping)
    self->both_sides = FALSE;

  forget_pulse_mask (self);
  update_pulse (self);
  update_caption (self);
  sm_presenter_schedule_layout (self);
}

static void
on_view_changed (SmPresenter *self)
{
  forget_pulse_mask (self);
  gtk_widget_queue_draw (self->marks);
  sm_presenter_schedule_layout (self);
}

SmBodyMap *
sm_presenter_get_map (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return self->map;
}

void
sm_presenter_copy_map (SmPresenter *self,
                       SmBodyMap   *map)
{
  g_return_if_fail (SM_IS_PRESENTER (self));
  g_return_if_fail (SM_IS_BODY_MAP (map));

  sm_body_map_set_view (self->map, sm_body_map_get_view (map));
  sm_body_map_set_layer (self->map, sm_body_map_get_layer (map));
  sm_body_map_set_side_filter (self->map, sm_body_map_get_side_filter (map));
  sm_body_map_select_zone (self->map, sm_body_map_get_selected_zone (map),
                           sm_body_map_get_selected_side (map));
  schedule_framing (self);
}

/* The patient marks the same drawing as in the window. */
void
sm_presenter_set_pain_drawing (SmPresenter   *self,
                               SmPainDrawing *drawing)
{
  g_return_if_fail (SM_IS_PRESENTER (self));

  sm_pain_layer_set_drawing (self->pain_layer, drawing);
}

SmPainLayer *
sm_presenter_get_pain_layer (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  return self->pain_layer;
}

/* --- Steps --------------------------------------------------------------- */

static void
steps_from_routine (SmPresenter *self)
{
  guint n = self->routine != NULL ? sm_routine_get_n_steps (self->routine) : 0;
  g_autofree const char **zones = g_new0 (const char *, n + 1);
  g_autofree const char **sides = g_new0 (const char *, n + 1);
  g_autofree const char **tools = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    {
      SmRoutineStep *step = sm_routine_get_step (self->routine, i);

      zones[i] = sm_routine_step_get_zone (step);
      sides[i] = sm_routine_step_get_side (step);
      tools[i] = sm_routine_step_get_tool (step);
    }

  sm_presenter_set_steps (self, zones, sides, tools);
}

/* Steps through @routine's zones and shows its pain drawing, following
 * edits. NULL: no steps, no drawing. */
void
sm_presenter_set_routine (SmPresenter *self,
                          SmRoutine   *routine)
{
  g_return_if_fail (SM_IS_PRESENTER (self));

  g_set_object (&self->routine, routine);
  g_signal_group_set_target (self->routine_signals, routine);

  sm_pain_layer_set_drawing (self->pain_layer, routine != NULL ? sm_routine_get_pain_drawing (routine) : NULL);
  steps_from_routine (self);
}

static void
update_step_actions (SmPresenter *self)
{
  int n = (int) self->steps->len;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presenter.next", self->step < n - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presenter.previous", self->step > 0);
}

/* When the therapist presents a muscle of the routine, the steps go on
 * from there. */
static int
find_selected_step (SmPresenter *self)
{
  const char *zone = sm_body_map_get_selected_zone (self->map);
  const char *side = sm_body_map_get_selected_side (self->map);

  for (guint i = 0; zone != NULL && i < self->steps->len; i++)
    {
      Step *step = &g_array_index (self->steps, Step, i);

      if (g_strcmp0 (step->zone, zone) == 0 &&
          (g_strcmp0 (step->side, side) == 0 || g_strcmp0 (step->side, "both") == 0))
        return (int) i;
    }

  return -1;
}

void
sm_presenter_set_steps (SmPresenter        *self,
                        const char * const *zones,
                        const char * const *sides,
                        const char * const *tools)
{
  g_return_if_fail (SM_IS_PRESENTER (self));

  g_array_set_size (self->steps, 0);
  for (guint i = 0; zones != NULL && zones[i] != NULL && sides[i] != NULL; i++)
    {
      Step step = { g_strdup (zones[i]), g_strdup (sides[i]),
                    g_strdup (tools != NULL ? tools[i] : NULL) };

      g_array_append_val (self->steps, step);
    }

  self->step = find_selected_step (self);
  update_step_actions (self);
  update_caption (self);
  sm_presenter_schedule_layout (self);
}

guint
sm_presenter_get_n_steps (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), 0);

  return self->steps->len;
}

int
sm_presenter_get_step (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), -1);

  return self->step;
}

void
sm_presenter_go_to_step (SmPresenter *self,
                         int          index)
{
  Step *step;

  g_return_if_fail (SM_IS_PRESENTER (self));

  if (index < 0 || index >= (int) self->steps->len)
    return;

  step = &g_array_index (self->steps, Step, index);
  self->step = index;
  self->both_sides = g_strcmp0 (step->side, "both") == 0;
  self->stepping = TRUE;
  if (!sm_body_map_select_zone (self->map, step->zone, self->both_sides ? "left" : step->side))
    g_warning ("Step %d names a zone the map does not have: %s", index + 1, step->zone);
  self->stepping = FALSE;

  update_step_actions (self);
  update_caption (self);
  schedule_framing (self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmPresenter *self = SM_PRESENTER (widget);

  sm_presenter_go_to_step (self, self->step + (g_str_equal (action_name, "presenter.next") ? 1 : -1));
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  g_signal_emit (widget, signals[LEAVE], 0);
}

/* In the capture phase, so that Escape leaves even while a zone has the
 * focus (the map would take it to clear the selection) and the arrows step
 * instead of moving the focus. Disabled actions let the key through. */
static void
add_shortcuts (SmPresenter *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Escape, "presenter.leave" },
    { GDK_KEY_Page_Down, "presenter.next" }, { GDK_KEY_KP_Page_Down, "presenter.next" },
    { GDK_KEY_Right, "presenter.next" }, { GDK_KEY_Down, "presenter.next" },
    { GDK_KEY_Page_Up, "presenter.previous" }, { GDK_KEY_KP_Page_Up, "presenter.previous" },
    { GDK_KEY_Left, "presenter.previous" }, { GDK_KEY_Up, "presenter.previous" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* --- Object -------------------------------------------------------------- */

GtkWidget *
sm_presenter_new (void)
{
  return g_object_new (SM_TYPE_PRESENTER, NULL);
}

static void
sm_presenter_dispose (GObject *object)
{
  SmPresenter *self = SM_PRESENTER (object);

  stop_framing (self);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  g_clear_object (&self->routine_signals);
  g_clear_object (&self->routine);
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (self->pulse, self->tick_id);
  self->tick_id = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), SM_TYPE_PRESENTER);

  G_OBJECT_CLASS (sm_presenter_parent_class)->dispose (object);
}

static void
sm_presenter_finalize (GObject *object)
{
  SmPresenter *self = SM_PRESENTER (object);

  g_clear_pointer (&self->pulse_mask, cairo_surface_destroy);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_widgets, g_hash_table_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->scratch, g_array_unref);

  G_OBJECT_CLASS (sm_presenter_parent_class)->finalize (object);
}

static void
sm_presenter_class_init (SmPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_presenter_dispose;
  object_class->finalize = sm_presenter_finalize;

  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The step, the selection or the caption's text changed. */
  signals[CAPTION_CHANGED] = g_signal_new ("caption-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "presenter.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, step_action);

  g_type_ensure (SM_TYPE_BODY_MAP);
  g_type_ensure (SM_TYPE_PAIN_LAYER);
  g_type_ensure (SM_TYPE_POSE_PICTURE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, overlay);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, map);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, pulse);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, marks);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, pain_layer);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, caption);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, picture);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, controls);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, elsewhere_button);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, step_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, title_label);
  gtk_widget_class_bind_template_child (widget_class, SmPresenter, sentence_label);
  gtk_widget_class_bind_template_callback (widget_class, on_transform_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_get_child_position",
                                                G_CALLBACK (sm_presenter_get_child_position));

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presenter");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_presenter_init (SmPresenter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  sm_a11y_clean_mnemonic_names (GTK_WIDGET (self));
  /* Focusable itself, so that its keys work before any zone has focus. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  self->steps = g_array_new (FALSE, FALSE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->placements = g_array_new (FALSE, FALSE, sizeof (SmLabelPlacement));
  self->scratch = g_array_new (FALSE, FALSE, sizeof (SmLabelPlacement));
  sm_presenter_create_labels (self);
  self->step = -1;
  self->pulse_alpha = 1.0;
  self->routine_signals = g_signal_group_new (SM_TYPE_ROUTINE);
  g_signal_group_connect_swapped (self->routine_signals, "changed",
                                  G_CALLBACK (steps_from_routine), self);

  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->pulse), draw_pulse, self, NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->marks), draw_marks, self, NULL);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-enable-animations",
                           G_CALLBACK (update_pulse), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (on_scale_factor_changed), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presenter"), -1);
  add_shortcuts (self);
  update_step_actions (self);
  update_caption (self);
}
