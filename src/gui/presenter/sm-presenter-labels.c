/* sm-presenter-labels.c: presenter mode's muscle labels and caption card
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-presenter-labels"

#include "config.h"

#include <math.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-map-zone.h"
#include "sm-presenter-private.h"
#include "sm-svg-index.h"
#include "sm-zone-id.h"

#define CAPTION_MARGIN    32.0   /* px from the screen's edges */
#define CAPTION_BOTTOM    84.0   /* clears the map's toolbar */
#define CAPTION_TOP       96.0   /* below the controls */
#define MIN_CAPTION_WIDTH 280.0
#define MIN_WRAP_WIDTH    160.0

/* Labels are widgets (a screen reader reads them; they are laid out by the
 * overlay), placed by sm-presenter-layout beside the body with a leader
 * line into their muscle. The placement runs in an idle after the map's
 * geometry, selection or steps change, never inside an allocation. */

static gboolean
is_step_zone (SmPresenter *self,
              const char  *muscle)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (g_strcmp0 (g_array_index (self->steps, Step, i).zone, muscle) == 0)
      return TRUE;
  return FALSE;
}

/* Selected muscle first, then the routine's, the piriformis (the muscle
 * most people come for) and on the deep layer the deep muscles, then the
 * rest, biggest first. */
static int
label_rank (SmPresenter *self,
            const char  *muscle)
{
  SmZone *zone = sm_atlas_lookup_zone (sm_atlas_get_default (), muscle);

  if (g_strcmp0 (muscle, sm_body_map_get_selected_zone (self->map)) == 0)
    return 0;
  if (is_step_zone (self, muscle) || g_strcmp0 (muscle, HEADLINE_MUSCLE) == 0)
    return 1;
  /* On the deep layer, the deep muscles are what is being shown. */
  if (g_strcmp0 (sm_body_map_get_layer (self->map), "deep") == 0 && zone != NULL &&
      g_strcmp0 (sm_zone_get_layer (zone), "deep") == 0)
    return 1;
  return 2;
}

typedef struct
{
  const char     *muscle;
  GtkWidget      *label;
  SmLabelRequest  request;
  int             rank;
  double          area;
} Wanted;

static int
compare_wanted (gconstpointer a,
                gconstpointer b)
{
  const Wanted *wa = a, *wb = b;

  if (wa->rank != wb->rank)
    return wa->rank - wb->rank;
  return wa->area > wb->area ? -1 : wa->area < wb->area;
}

static void
measure_label (GtkWidget *label,
               double     max_width,
               double    *w,
               double    *h)
{
  int natural, height;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  natural = MIN (natural, (int) max_width);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, natural, NULL, &height, NULL, NULL);
  *w = natural;
  *h = height;
}

/* The muscles on show, each with its sides (the selected side alone for
 * the selected muscle), measured on one line and on two. */
static GArray *
wanted_labels (SmPresenter *self,
               double       wrap_width)
{
  GArray *wanted = g_array_new (FALSE, TRUE, sizeof (Wanted));
  const char *selected = sm_body_map_get_selected_zone (self->map);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SmMapZone *zone;
      const char *muscle;
      Wanted *w = NULL;

      if (!sm_presenter_is_muscle (child))
        continue;
      zone = SM_MAP_ZONE (child);
      muscle = sm_map_zone_get_muscle (zone);
      if (g_strcmp0 (muscle, selected) == 0 &&
          g_strcmp0 (sm_map_zone_get_side (zone), sm_body_map_get_selected_side (self->map)) != 0)
        continue;
      for (guint i = 0; i < wanted->len && w == NULL; i++)
        if (g_str_equal (g_array_index (wanted, Wanted, i).muscle, muscle))
          w = &g_array_index (wanted, Wanted, i);
      if (w == NULL)
        {
          g_array_set_size (wanted, wanted->len + 1);
          w = &g_array_index (wanted, Wanted, wanted->len - 1);
          w->muscle = muscle;
          w->label = g_hash_table_lookup (self->label_widgets, muscle);
          w->rank = label_rank (self, muscle);
          w->area = gtk_widget_get_width (child) * (double) gtk_widget_get_height (child);
          w->request.required = w->rank < 2;
        }
      if (w->label != NULL && w->request.zones[1] == NULL)
        w->request.zones[w->request.zones[0] == NULL ? 0 : 1] = sm_map_zone_get_element_id (zone);
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      Wanted *w = &g_array_index (wanted, Wanted, i);

      if (w->label == NULL)
        continue;
      /* GTK measures a hidden widget as 0 × 0. */
      gtk_widget_set_visible (w->label, TRUE);
      measure_label (w->label, G_MAXINT, &w->request.width, &w->request.height);
      /* Two lines only where they are still words, not a letter a line. */
      if (w->request.width > wrap_width && wrap_width >= MIN_WRAP_WIDTH)
        measure_label (w->label, wrap_width, &w->request.wrap_width, &w->request.wrap_height);
    }
  g_array_sort (wanted, compare_wanted);
  return wanted;
}

static void
add_widget_obstacle (GArray    *obstacles,
                     GtkWidget *widget,
                     GtkWidget *relative)
{
  graphene_rect_t bounds;

  if (gtk_widget_get_visible (widget) && gtk_widget_compute_bounds (widget, relative, &bounds))
    {
      cairo_rectangle_t r = { bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height };

      g_array_append_val (obstacles, r);
    }
}

/* The controls, the map's toolbar and the press points on show. */
static GArray *
label_obstacles (SmPresenter *self)
{
  GArray *obstacles = g_array_new (FALSE, FALSE, sizeof (cairo_rectangle_t));
  const char *view = sm_body_map_get_view (self->map);
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  g_autoptr(GPtrArray) points = sm_svg_index_list_ids (sm_anatomy_get_index (anatomy, view), "press-point-");
  double scale = sm_body_map_get_scale (self->map);
  gboolean show_points;

  add_widget_obstacle (obstacles, self->controls, self->overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, "map-toolbar"))
      add_widget_obstacle (obstacles, child, self->overlay);

  g_object_get (self->map, "show-press-points", &show_points, NULL);
  for (guint i = 0; show_points && i < points->len; i++)
    {
      cairo_rectangle_t box, r;

      if (!sm_anatomy_get_bounds (anatomy, view, g_ptr_array_index (points, i), &box))
        continue;
      sm_body_map_svg_to_widget (self->map, box.x, box.y, &r.x, &r.y);
      r.width = box.width * scale;
      r.height = box.height * scale;
      g_array_append_val (obstacles, r);
    }
  return obstacles;
}

static const char *
pick_on_map (double   x,
             double   y,
             gpointer data)
{
  return sm_body_map_pick (SM_BODY_MAP (data), x, y);
}

/* The caption card in a corner beside the body, away from the selection:
 * as wide as the free margin allows, never narrower than a short line. */
static void
place_caption (SmPresenter  *self,
               SmLabelScene *scene)
{
  int width = scene->width, height = scene->height, natural, h;
  double left = width / 2.0, right = width / 2.0, margin, w;
  cairo_rectangle_t candidates[4];
  cairo_rectangle_t selected;
  guint first;

  sm_presenter_layout_body_span (scene, 0, height, &left, &right);
  margin = MAX (left, width - right) - 2 * CAPTION_MARGIN;
  gtk_widget_measure (self->caption, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  w = CLAMP (margin, MIN_CAPTION_WIDTH, natural);
  gtk_widget_measure (self->caption, GTK_ORIENTATION_VERTICAL, (int) w, NULL, &h, NULL, NULL);

  /* Bottom corners first, the one away from the selected zone before. */
  first = scene->selected != NULL && sm_anatomy_get_bounds (scene->anatomy, scene->view, scene->selected, &selected) &&
          scene->origin_x + (selected.x + selected.width / 2) * scene->scale < width / 2.0;
  candidates[first] = (cairo_rectangle_t) { CAPTION_MARGIN, height - CAPTION_BOTTOM - h, w, h };
  candidates[!first] = (cairo_rectangle_t) { width - CAPTION_MARGIN - w, height - CAPTION_BOTTOM - h, w, h };
  candidates[2 + first] = (cairo_rectangle_t) { CAPTION_MARGIN, CAPTION_MARGIN, w, h };
  candidates[2 + !first] = (cairo_rectangle_t) { width - CAPTION_MARGIN - w, CAPTION_TOP, w, h };
  self->caption_box = candidates[sm_presenter_layout_pick_caption (scene, candidates, 4)];
}

static void
apply_placements (SmPresenter *self,
                  GArray      *wanted)
{
  GHashTableIter iter;
  GtkWidget *label;

  g_hash_table_iter_init (&iter, self->label_widgets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &label))
    gtk_widget_set_visible (label, FALSE);

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->placements, 0);
  for (guint i = 0; i < wanted->len; i++)
    {
      Wanted *w = &g_array_index (wanted, Wanted, i);
      SmLabelPlacement *p = &g_array_index (self->scratch, SmLabelPlacement, i);

      if (w->label == NULL || !p->placed)
        continue;
      g_object_set_data (G_OBJECT (w->label), "sm-box-index", GUINT_TO_POINTER (self->placements->len + 1));
      g_array_append_val (self->placements, *p);
      g_ptr_array_add (self->labels, g_strdup (gtk_label_get_label (GTK_LABEL (w->label))));
      gtk_widget_set_visible (w->label, TRUE);
    }
}

/* One label per muscle of the atlas, hidden until placed. */
void
sm_presenter_create_labels (SmPresenter *self)
{
  GListModel *zones = sm_atlas_get_zones (sm_atlas_get_default ());

  self->label_widgets = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      GtkWidget *label = gtk_label_new (sm_zone_get_name (zone));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_can_target (label, FALSE);
      gtk_widget_set_visible (label, FALSE);
      gtk_widget_add_css_class (label, "presenter-label");
      /* Under the caption and the controls, over the leader lines. */
      gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), label);
      gtk_widget_insert_after (label, self->overlay, self->marks);
      g_hash_table_insert (self->label_widgets, (gpointer) sm_zone_get_id (zone), label);
    }
}

/* About 26 px on a 1024-line screen; never tiny on a small one. */
static void
update_label_font (SmPresenter *self,
                   int          height)
{
  int px = (int) CLAMP (height / 40.0, 16, 34);
  GHashTableIter iter;
  GtkWidget *label;

  if (px == self->font_px)
    return;
  self->font_px = px;
  g_hash_table_iter_init (&iter, self->label_widgets);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &label))
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_size_new_absolute (px * PANGO_SCALE));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      gtk_label_set_attributes (GTK_LABEL (label), attrs);
    }
}

static gboolean
layout_labels (gpointer data)
{
  SmPresenter *self = data;
  SmLabelScene scene = { sm_anatomy_get_default (), sm_body_map_get_view (self->map) };
  g_autoptr(GArray) obstacles = label_obstacles (self);
  g_autoptr(GArray) wanted = NULL;
  g_autofree char *selected = NULL;
  double left, right;

  self->layout_id = 0;
  scene.width = gtk_widget_get_width (self->overlay);
  scene.height = gtk_widget_get_height (self->overlay);
  scene.scale = sm_body_map_get_scale (self->map);
  if (scene.width <= 0 || scene.height <= 0 || scene.scale <= 0)
    return G_SOURCE_REMOVE;
  sm_body_map_svg_to_widget (self->map, 0, 0, &scene.origin_x, &scene.origin_y);
  scene.obstacles = (cairo_rectangle_t *) obstacles->data;
  scene.n_obstacles = obstacles->len;
  scene.pick = pick_on_map;
  scene.pick_data = self->map;
  if (sm_body_map_get_selected_zone (self->map) != NULL)
    selected = sm_zone_id_build (sm_body_map_get_selected_zone (self->map),
                                 sm_body_map_get_selected_side (self->map));
  scene.selected = selected;

  update_label_font (self, scene.height);
  place_caption (self, &scene);
  if (!sm_presenter_layout_body_span (&scene, 0, scene.height, &left, &right))
    left = right = scene.width / 2.0;
  wanted = wanted_labels (self, MAX (left, scene.width - right) - 2 * 12.0 - 10.0);
  g_array_set_size (self->scratch, wanted->len);
  {
    g_autofree SmLabelRequest *requests = g_new0 (SmLabelRequest, MAX (wanted->len, 1));

    for (guint i = 0; i < wanted->len; i++)
      requests[i] = g_array_index (wanted, Wanted, i).request;
    sm_presenter_layout_place (&scene, &self->caption_box, requests, wanted->len,
                               (SmLabelPlacement *) self->scratch->data);
  }
  apply_placements (self, wanted);
  self->laid_out = TRUE;
  gtk_widget_queue_allocate (self->overlay);
  gtk_widget_queue_draw (self->marks);
  return G_SOURCE_REMOVE;
}

void
sm_presenter_schedule_layout (SmPresenter *self)
{
  if (self->layout_id == 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, layout_labels, self, NULL);
}

/* The overlay asks where each label, the caption and the pulse go. */
gboolean
sm_presenter_get_child_position (GtkOverlay    *overlay,
                                 GtkWidget     *widget,
                                 GtkAllocation *allocation,
                                 SmPresenter   *self)
{
  const cairo_rectangle_t *box = NULL;
  guint index;

  if (widget == self->pulse)
    return sm_presenter_place_pulse (self, allocation);
  if (widget == self->caption && self->laid_out)
    box = &self->caption_box;
  else if ((index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "sm-box-index"))) > 0 &&
           index <= self->placements->len)
    box = &g_array_index (self->placements, SmLabelPlacement, index - 1).box;
  if (box == NULL)
    return FALSE;

  *allocation = (GtkAllocation) { (int) round (box->x), (int) round (box->y),
                                  (int) ceil (box->width), (int) ceil (box->height) };
  return TRUE;
}

void
sm_presenter_draw_leaders (SmPresenter *self,
                           cairo_t     *cr)
{
  GdkRGBA fg;

  gtk_style_context_get_color (gtk_widget_get_style_context (self->marks), &fg);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < self->placements->len; i++)
    {
      SmLabelPlacement *p = &g_array_index (self->placements, SmLabelPlacement, i);

      /* A light halo under a dark line reads on skin, muscle and page. */
      for (int pass = 0; pass < 2; pass++)
        {
          if (pass == 0)
            cairo_set_source_rgba (cr, 1 - fg.red, 1 - fg.green, 1 - fg.blue, 0.8);
          else
            gdk_cairo_set_source_rgba (cr, &fg);
          cairo_set_line_width (cr, pass == 0 ? 5 : 2);
          cairo_move_to (cr, p->leader_x, p->leader_y);
          cairo_line_to (cr, p->anchor_x, p->anchor_y);
          cairo_stroke (cr);
          cairo_arc (cr, p->anchor_x, p->anchor_y, pass == 0 ? 6.5 : 4.5, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
}

GPtrArray *
sm_presenter_dup_label_texts (SmPresenter *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  copy = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->labels->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (self->labels, i)));
  return copy;
}

const SmLabelPlacement *
sm_presenter_get_label_placements (SmPresenter *self,
                                   guint       *n)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), NULL);

  *n = self->placements->len;
  return (const SmLabelPlacement *) self->placements->data;
}

gboolean
sm_presenter_get_caption_box (SmPresenter       *self,
                              cairo_rectangle_t *box)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), FALSE);

  *box = self->caption_box;
  return self->laid_out && gtk_widget_get_visible (self->caption);
}

gboolean
sm_presenter_is_laid_out (SmPresenter *self)
{
  g_return_val_if_fail (SM_IS_PRESENTER (self), FALSE);

  /* A framing still to come moves every label. */
  return self->laid_out && self->layout_id == 0 && self->framing_clock == NULL;
}

