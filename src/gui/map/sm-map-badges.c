/* sm-map-badges.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-map-badges"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sm-map-badges.h"

/* The badges of the open routine's muscles in the map's current view,
 * placed by the layout the printed sheet uses (sm-badge-layout.c): each on
 * its own muscle and side, none over another, many numbers in a compact
 * label (the zone's accessible description keeps the whole list). Placed
 * again only when the view, the zoom or the numbers change. */

static const struct { double radius; const char *font; } badge_sizes[] = {
  { 11, "Bold 9" }, { 9, "Bold 8" }, { 7.5, "Bold 7" }, { 6, "Bold 6" },
};

struct _SmMapBadges
{
  SmBadge      *badges;
  PangoLayout **layouts;
  guint         n;
  guint         size;   /* index into badge_sizes */
  char         *view;   /* placed for this view and scale; NULL: not placed */
  double        scale;
};

SmMapBadges *
sm_map_badges_new (void)
{
  return g_new0 (SmMapBadges, 1);
}

void
sm_map_badges_invalidate (SmMapBadges *self)
{
  for (guint i = 0; i < self->n; i++)
    g_object_unref (self->layouts[i]);
  g_clear_pointer (&self->badges, g_free);
  g_clear_pointer (&self->layouts, g_free);
  g_clear_pointer (&self->view, g_free);
  self->n = 0;
  self->size = 0;
}

void
sm_map_badges_free (SmMapBadges *self)
{
  if (self == NULL)
    return;
  sm_map_badges_invalidate (self);
  g_free (self);
}

static int
compare_step_labels (gconstpointer a,
                     gconstpointer b,
                     gpointer      numbers)
{
  int la = atoi (g_hash_table_lookup (numbers, *(char * const *) a));
  int lb = atoi (g_hash_table_lookup (numbers, *(char * const *) b));

  return la != lb ? la - lb : strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
place (SmMapBadges *self,
       double       scale)
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (badge_sizes[self->size].font);
  double radius = badge_sizes[self->size].radius;

  for (guint i = 0; i < self->n; i++)
    {
      int w;

      pango_layout_set_font_description (self->layouts[i], font);
      pango_layout_get_pixel_size (self->layouts[i], &w, NULL);
      self->badges[i].rx = MAX (radius, w / 2.0 + 4) / scale;
      self->badges[i].ry = radius / scale;
    }
  return sm_badge_layout_place (self->view, self->badges, self->n);
}

/* @numbers: element id → "2" or "1, 4" (sm_badge_dup_step_labels ()). */
void
sm_map_badges_update (SmMapBadges *self,
                      GtkWidget   *widget,
                      SmAnatomy   *anatomy,
                      const char  *view,
                      double       scale,
                      GHashTable  *numbers)
{
  g_autofree gpointer *ids = NULL;
  guint n;

  if (self->view != NULL && g_str_equal (self->view, view) && self->scale == scale)
    return;

  sm_map_badges_invalidate (self);
  self->view = g_strdup (view);
  self->scale = scale;
  if (numbers == NULL || scale <= 0)
    return;

  /* In step order: the first steps claim their places first. */
  ids = g_hash_table_get_keys_as_array (numbers, &n);
  g_qsort_with_data (ids, n, sizeof (gpointer), compare_step_labels, numbers);
  self->badges = g_new0 (SmBadge, n);
  self->layouts = g_new0 (PangoLayout *, n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = NULL;

      if (g_strcmp0 (sm_anatomy_find_view (anatomy, ids[i]), view) != 0)
        continue;
      label = sm_badge_compact_label_for_list (g_hash_table_lookup (numbers, ids[i]));
      self->layouts[self->n] = gtk_widget_create_pango_layout (widget, label);
      /* A handful of zone ids, interned for as long as the badges point
       * at them. */
      self->badges[self->n].element = g_intern_string (ids[i]);
      self->n++;
    }

  /* Smaller badges when the view is crowded for its zoom, rather than
   * badges on top of each other. */
  for (self->size = 0; !place (self, scale) && self->size + 1 < G_N_ELEMENTS (badge_sizes); self->size++)
    ;
}

/* One badge: the orange disc (a pill for a longer label) with a white
 * ring of the printed sheet, readable on light and dark styles alike. */
static void
snapshot_badge (GtkSnapshot   *snapshot,
                const SmBadge *badge,
                PangoLayout   *layout,
                double         cx,
                double         cy,
                double         scale,
                double         r)
{
  double half = badge->rx * scale;
  int w, h;
  cairo_t *cr;

  pango_layout_get_pixel_size (layout, &w, &h);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (cx - half - 2, cy - r - 2,
                                                                 2 * half + 4, 2 * r + 4));
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx - half + r, cy, r, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, cx + half - r, cy, r, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 0.75, 0.33, 0.10);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  cairo_move_to (cr, cx - w / 2.0, cy - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
}

void
sm_map_badges_snapshot (SmMapBadges *self,
                        GtkSnapshot *snapshot,
                        double       origin_x,
                        double       origin_y,
                        double       scale)
{
  for (guint i = 0; i < self->n; i++)
    if (self->badges[i].placed)
      snapshot_badge (snapshot, &self->badges[i], self->layouts[i],
                      origin_x + self->badges[i].u * scale, origin_y + self->badges[i].v * scale, scale,
                      badge_sizes[self->size].radius);
}

const SmBadge *
sm_map_badges_get (SmMapBadges *self,
                   guint       *n_badges)
{
  *n_badges = self->n;
  return self->badges;
}
