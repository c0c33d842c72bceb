/* sm-body-map-zones.c: the zones as child widgets, their names
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-body-map-private.h"
#include "sm-zone-id.h"

/* --- Names --------------------------------------------------------------- */

/* The display name of a zone or of a caution area (translated, from the
 * knowledge base: the artwork's <title>s are English) or of another element (the artwork's
 * <title>, which names sides as “Sacrum (left)”: the label adds the side
 * itself, translated). */
static char *
element_title (SmBodyMap  *self,
               const char *view,
               const char *element_id)
{
  const char *title = sm_svg_index_get_title (sm_anatomy_get_index (self->anatomy, view),
                                              element_id);
  const char *side = sm_zone_id_side (element_id);
  g_autofree char *suffix = side != NULL ? g_strdup_printf (" (%s)", side) : NULL;
  g_autofree char *muscle = NULL;
  SmCautionArea *caution;
  SmZone *zone;

  if (sm_zone_id_split (element_id, &muscle, NULL) &&
      (zone = sm_atlas_lookup_zone (sm_atlas_get_default (), muscle)) != NULL)
    return g_strdup (sm_zone_get_name (zone));
  if ((caution = sm_atlas_lookup_caution_area (sm_atlas_get_default (), element_id)) != NULL)
    return g_strdup (sm_caution_area_get_title (caution));

  if (title == NULL)
    return g_strdup (element_id);
  if (suffix != NULL && g_str_has_suffix (title, suffix))
    return g_strndup (title, strlen (title) - strlen (suffix));
  return g_strdup (title);
}

static char *
zone_label (SmBodyMap  *self,
            const char *view,
            const char *element_id)
{
  g_autofree char *title = element_title (self, view, element_id);
  const char *side = sm_zone_id_side (element_id);
  g_autofree char *named = NULL;

  if (g_str_has_prefix (element_id, "caution-"))
    /* Translators: a caution area on the body map, e.g. “Caution: Back of
     * the knee: nerves and vessels” */
    named = g_strdup_printf (_("Caution: %s"), title);
  else
    named = g_steal_pointer (&title);

  if (g_strcmp0 (side, "left") == 0)
    /* Translators: a body-map zone, e.g. “Piriformis, left” */
    return g_strdup_printf (_("%s, left"), named);
  if (g_strcmp0 (side, "right") == 0)
    /* Translators: a body-map zone, e.g. “Piriformis, right” */
    return g_strdup_printf (_("%s, right"), named);
  return g_steal_pointer (&named);
}

/* Why an area must not be pressed, shown when a person clicks it. */
static char *
caution_explanation (SmBodyMap  *self,
                     SmMapZone  *zone)
{
  g_autofree char *title = element_title (self, sm_map_zone_get_view (zone),
                                          sm_map_zone_get_element_id (zone));
  SmCautionArea *caution = sm_atlas_lookup_caution_area (sm_atlas_get_default (),
                                                         sm_map_zone_get_element_id (zone));
  const char *why = caution != NULL
    ? sm_caution_area_get_explanation (caution)
    : _("Sensitive structures lie close to the surface here. Do not press on this area.");

  return g_strdup_printf ("<b>%s</b>\n%s", title, why);
}

/* --- Zones as widgets ---------------------------------------------------- */

static gboolean
zone_contains (SmMapZone *zone,
               double     x,
               double     y,
               gpointer   user_data)
{
  SmBodyMap *self = user_data;
  GtkAllocation alloc;

  gtk_widget_get_allocation (GTK_WIDGET (zone), &alloc);
  return _sm_body_map_pick_zone (self, x + alloc.x, y + alloc.y) == zone;
}

gboolean
_sm_body_map_side_allowed (SmBodyMap *self,
                           SmMapZone *zone)
{
  const char *side = sm_map_zone_get_side (zone);

  return side == NULL || g_strcmp0 (self->side_filter, "both") == 0 ||
         g_strcmp0 (self->side_filter, side) == 0;
}

static gboolean
zone_shown (SmBodyMap *self,
            SmMapZone *zone)
{
  if (g_strcmp0 (sm_map_zone_get_view (zone), self->view) != 0 || !_sm_body_map_side_allowed (self, zone))
    return FALSE;

  if (sm_map_zone_is_caution (zone))
    return self->overlays[SM_BODY_MAP_OVERLAY_CAUTIONS] || g_hash_table_contains (self->near_cautions, zone);

  /* Before the hit maps, every zone of the view counts as shown. */
  return self->zone_hits == NULL ||
         g_hash_table_contains (self->zone_hits->visible, sm_map_zone_get_element_id (zone));
}

/* Shows or hides @zone as the state asks; TRUE if that changed it. */
static gboolean
apply_zone_visibility (SmBodyMap *self,
                       GtkWidget *zone)
{
  gboolean shown = zone_shown (self, SM_MAP_ZONE (zone));

  if (shown == gtk_widget_get_visible (zone))
    return FALSE;

  gtk_widget_set_visible (zone, shown);
  if (shown)
    g_ptr_array_add (self->zones_shown, zone);
  return TRUE;
}

void
_sm_body_map_update_zone_visibility (SmBodyMap *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->zones->len; i++)
    changed |= apply_zone_visibility (self, g_ptr_array_index (self->zones, i));

  if (changed)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* A new selection changes only which caution areas lie near it, so only
 * the zones that were or are now near it can show or hide: the frame after
 * a click need not ask every zone of both views. */
void
_sm_body_map_update_near_visibility (SmBodyMap  *self,
                                     GHashTable *was_near)
{
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer zone;

  g_hash_table_iter_init (&iter, was_near);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    changed |= apply_zone_visibility (self, zone);

  g_hash_table_iter_init (&iter, self->near_cautions);
  while (g_hash_table_iter_next (&iter, &zone, NULL))
    if (!g_hash_table_contains (was_near, zone))
      changed |= apply_zone_visibility (self, zone);

  if (changed)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_zone_clicked (SmMapZone *zone,
                 SmBodyMap *self)
{
  _sm_body_map_activate_zone (self, zone);
}

static SmMapZone *
add_zone (SmBodyMap  *self,
          const char *view,
          const char *element_id)
{
  g_autofree char *label = zone_label (self, view, element_id);
  SmMapZone *zone = sm_map_zone_new (view, element_id, label, zone_contains, self);

  g_signal_connect (zone, "clicked", G_CALLBACK (on_zone_clicked), self);
  g_ptr_array_add (self->zones, zone);
  g_hash_table_insert (self->zones_by_id, g_strconcat (view, "/", element_id, NULL), zone);
  return zone;
}

typedef struct
{
  SmMapZone *zone;
  double     row;   /* the top of the muscle, the same for both sides */
  double     x;
} OrderKey;

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const OrderKey *ka = a;
  const OrderKey *kb = b;

  if (ka->row != kb->row)
    return ka->row < kb->row ? -1 : 1;
  if (ka->x != kb->x)
    return ka->x < kb->x ? -1 : 1;
  return 0;
}

/* The muscle's row: the highest top edge among its sides, so that left and
 * right of one muscle sit next to each other in the Tab order. */
static double
muscle_row (SmBodyMap  *self,
            const char *view,
            const char *element_id)
{
  const char *side = sm_zone_id_side (element_id);
  g_autofree char *stem = side ? g_strndup (element_id, strlen (element_id) - strlen (side)) : NULL;
  const char *sides[] = { "left", "right" };
  double row = G_MAXDOUBLE;
  cairo_rectangle_t box;

  if (stem == NULL)
    return sm_anatomy_get_bounds (self->anatomy, view, element_id, &box) ? box.y : 0;

  for (guint i = 0; i < G_N_ELEMENTS (sides); i++)
    {
      g_autofree char *id = g_strconcat (stem, sides[i], NULL);

      if (sm_anatomy_get_bounds (self->anatomy, view, id, &box))
        row = MIN (row, box.y);
    }

  return row;
}

/* Anatomical order: top to bottom, then from the viewer's left. The
 * children are added in that order, which is also the Tab order. */
static void
create_zones (SmBodyMap *self)
{
  const char * const *views = sm_anatomy_list_views (self->anatomy);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (OrderKey));

  for (guint v = 0; views[v] != NULL; v++)
    {
      SmSvgIndex *index = sm_anatomy_get_index (self->anatomy, views[v]);
      const char *prefixes[] = { "zone-", "caution-" };

      for (guint p = 0; p < G_N_ELEMENTS (prefixes); p++)
        {
          g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (index, prefixes[p]);

          for (guint i = 0; i < ids->len; i++)
            {
              const char *id = g_ptr_array_index (ids, i);
              OrderKey key = { add_zone (self, views[v], id), muscle_row (self, views[v], id), 0 };
              cairo_rectangle_t box;

              if (sm_anatomy_get_bounds (self->anatomy, views[v], id, &box))
                key.x = box.x;
              key.row += v * 1e6;  /* views never interleave */
              g_array_append_val (keys, key);
            }
        }
    }

  g_array_sort (keys, compare_order);
  g_ptr_array_set_size (self->zones, 0);
  for (guint i = 0; i < keys->len; i++)
    {
      OrderKey *key = &g_array_index (keys, OrderKey, i);

      g_ptr_array_add (self->zones, key->zone);
      gtk_widget_insert_before (GTK_WIDGET (key->zone), GTK_WIDGET (self), NULL);
    }
}

/* --- Caution popover ----------------------------------------------------- */

static void
create_caution_popover (SmBodyMap *self)
{
  self->caution_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->caution_label, TRUE);
  gtk_label_set_max_width_chars (self->caution_label, 36);
  gtk_label_set_xalign (self->caution_label, 0);

  self->caution_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->caution_popover, GTK_WIDGET (self->caution_label));
  gtk_widget_add_css_class (GTK_WIDGET (self->caution_popover), "caution-popover");
  gtk_widget_set_parent (GTK_WIDGET (self->caution_popover), GTK_WIDGET (self));
}

void
_sm_body_map_explain_caution (SmBodyMap *self,
                              SmMapZone *zone)
{
  g_autofree char *markup = caution_explanation (self, zone);
  GtkAllocation alloc;

  gtk_widget_get_allocation (GTK_WIDGET (zone), &alloc);
  gtk_label_set_markup (self->caution_label, markup);
  gtk_popover_set_pointing_to (self->caution_popover, &alloc);
  gtk_popover_popup (self->caution_popover);
}

void
_sm_body_map_zones_init (SmBodyMap *self)
{
  self->zones = g_ptr_array_new ();
  self->zones_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  create_zones (self);
  create_caution_popover (self);
}
