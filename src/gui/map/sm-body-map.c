/* sm-body-map.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-body-map.h"
#include "sm-utils.h"
#include "sm-map-badges.h"
#include "sm-map-zone.h"
#include "sm-zone-id.h"

/* How the map draws a frame: the artwork for the current view, size, zoom,
 * layer, side filter and overlays is rendered once into a texture (the
 * "base"); hover, selection, focus and the caution areas near the
 * selection are masks of single elements, cached per size and painted over
 * it. Hit testing reads an id map (one byte per SVG unit) built once per
 * view and layer. Nothing parses SVG here: SmAnatomy did that at start-up. */

/* The piriformis is the app's headline target. It lies under the gluteus
 * maximus, yet in every layer a click on its outline (halfway between the
 * sacrum and the greater trochanter) selects the piriformis, not the
 * muscle over it, and the superficial layer shows it as a dashed outline
 * through the gluteus maximus. */
#define HEADLINE_MUSCLE "piriformis"

#define MARGIN           12.0   /* px around the fitted figure */
#define MAX_ZOOM         6.0
#define ZOOM_STEP        1.25
#define SELECTION_ZOOM   3.5    /* closer, and outlines grow too thick */
#define ID_MAP_SCALE     1.0    /* id-map pixels per SVG unit */
#define DEEP_COVER_ALPHA 0.35   /* superficial muscles over the deep layer */
#define DIM_ALPHA        0.3    /* the side that the filter hides */
#define DRAG_THRESHOLD   8.0    /* px a press may move and still click */
#define MASK_PAD         8.0    /* SVG units: outline strokes beyond the ink */

typedef enum {
  OVERLAY_NERVES,
  OVERLAY_LANDMARKS,
  OVERLAY_PRESS_POINTS,
  OVERLAY_CAUTIONS,
  N_OVERLAYS
} Overlay;

static const struct {
  const char *group;
  const char *property;
} overlays[N_OVERLAYS] = {
  [OVERLAY_NERVES] = { "overlay-nerves", "show-nerves" },
  [OVERLAY_LANDMARKS] = { "overlay-landmarks", "show-landmarks" },
  [OVERLAY_PRESS_POINTS] = { "overlay-press-points", "show-press-points" },
  [OVERLAY_CAUTIONS] = { "overlay-cautions", "show-cautions" },
};

/* The drawing order of the overlay groups in the artwork. */
static const Overlay overlay_order[N_OVERLAYS] = {
  OVERLAY_LANDMARKS, OVERLAY_NERVES, OVERLAY_PRESS_POINTS, OVERLAY_CAUTIONS,
};

typedef struct
{
  cairo_surface_t *surface;  /* device pixels, device scale set */
  double           x;        /* widget coordinates of its top-left */
  double           y;
} Mask;

typedef struct
{
  SmAnatomyIdMap *map;
  GPtrArray      *zones;    /* SmMapZone* per slot of the map */
  GHashTable     *visible;  /* element ids with pixels in the map */
} HitMap;

struct _SmBodyMap
{
  GtkWidget       parent_instance;

  SmAnatomy      *anatomy;
  GHashTable     *step_numbers;   /* element id → label, from the open routine */
  SmMapBadges    *step_badges;    /* placed for the current view and zoom */
  char           *view;
  char           *side_filter;
  char           *layer;
  gboolean        overlays[N_OVERLAYS];
  SmMapZone      *selected;
  SmMapZone      *hovered;
  GHashTable     *near_cautions;   /* SmMapZone* shown for the selection */
  char          **emphasis;        /* SVG ids drawn over the map, e.g. landmarks */

  GPtrArray      *zones;           /* SmMapZone*, anatomical order */
  GHashTable     *zones_by_id;     /* "view/element-id" → SmMapZone* */
  GHashTable     *hit_maps;        /* "view/layer" or "view/cautions" → HitMap* */
  HitMap         *zone_hits;       /* the current view and layer, or NULL */
  HitMap         *caution_hits;    /* the current view, or NULL */

  double          zoom;
  double          centre_u;        /* SVG point in the middle of the widget */
  double          centre_v;
  double          scale;           /* widget px per SVG unit */
  double          origin_x;        /* widget position of SVG (0, 0) */
  double          origin_y;
  int             toolbar_band;    /* px kept free for the toolbar */
  GdkRGBA         foreground;      /* the colour the base was drawn with */

  GtkWidget      *canvas;          /* draws the base; GTK caches its node */
  cairo_surface_t *base;
  gboolean        base_valid;
  int             base_width;
  int             base_height;
  int             base_scale_factor;
  guint           base_renders;
  GHashTable     *masks;           /* "style/element-id" → Mask* */
  guint           prewarm_id;      /* idle that fills masks ahead of hover */
  guint           prewarm_next;    /* index in zones */

  double          pointer_x;
  double          pointer_y;
  double          zoom_at_gesture;
  double          drag_u;
  double          drag_v;
  gboolean        dragged;         /* this press moved: not a click */

  GtkWidget      *toolbar;
  GtkPopover     *caution_popover;
  GtkLabel       *caution_label;
};

G_DEFINE_FINAL_TYPE (SmBodyMap, sm_body_map, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_SIDE_FILTER,
  PROP_LAYER,
  PROP_SELECTED_ZONE,
  PROP_SELECTED_SIDE,
  PROP_ZOOM,
  PROP_SHOW_NERVES,
  PROP_SHOW_LANDMARKS,
  PROP_SHOW_PRESS_POINTS,
  PROP_SHOW_CAUTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ZONE_ACTIVATED,
  TRANSFORM_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void select_zone_widget (SmBodyMap *self,
                                SmMapZone *zone);
static void schedule_prewarm   (SmBodyMap *self);

/* --- Names --------------------------------------------------------------- */

/* The caution areas are the only other elements a person can click: their
 * names and why not to press there, translated (the artwork's <title>s are
 * English). Matched by prefix, so both sides share one entry. */
typedef struct
{
  const char *prefix;
  const char *title;
  const char *why;
} CautionText;

static const CautionText caution_texts[] = {
  { "caution-spine", N_("Spine: never press on the bony points"),
    N_("The bony points of the spine lie just under the skin. Pressing on bone hurts and helps nothing: work on the muscles beside it instead.") },
  { "caution-popliteal-fossa", N_("Back of the knee: nerves and vessels"),
    N_("Nerves and blood vessels run close to the surface at the back of the knee. Do not press or roll a ball here.") },
  { "caution-kidney", N_("Kidney area below the lowest ribs"),
    N_("The kidneys sit under the lowest ribs with little muscle over them. Avoid deep pressure or tapping here.") },
  { "caution-femoral-triangle", N_("Femoral triangle: artery, vein and nerve"),
    N_("The femoral artery, vein and nerve pass through the front of the hip crease. Keep pressure off this area; if you feel a pulse, move away.") },
};

static const CautionText *
lookup_caution (const char *element_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (caution_texts); i++)
    if (g_str_has_prefix (element_id, caution_texts[i].prefix))
      return &caution_texts[i];
  return NULL;
}

/* The display name of a zone (translated, from the knowledge base), of a
 * caution area (translated, above) or of another element (the artwork's
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
  const CautionText *caution;
  SmZone *zone;

  if (sm_zone_id_split (element_id, &muscle, NULL) &&
      (zone = sm_atlas_lookup_zone (sm_atlas_get_default (), muscle)) != NULL)
    return g_strdup (sm_zone_get_name (zone));
  if ((caution = lookup_caution (element_id)) != NULL)
    return g_strdup (_(caution->title));

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
  const CautionText *caution = lookup_caution (sm_map_zone_get_element_id (zone));
  const char *why = caution != NULL
    ? _(caution->why)
    : _("Sensitive structures lie close to the surface here. Do not press on this area.");

  return g_strdup_printf ("<b>%s</b>\n%s", title, why);
}

/* --- Geometry ------------------------------------------------------------ */

static void
get_view_size (SmBodyMap *self,
               double    *width,
               double    *height)
{
  sm_anatomy_get_size (self->anatomy, self->view, width, height);
}

/* Keeps the figure in sight: when it is smaller than the widget it stays
 * centred, otherwise the middle can move only as far as its edges. */
static double
clamp_centre (double centre,
              double extent,
              double visible)
{
  if (extent <= visible)
    return extent / 2;
  return CLAMP (centre, visible / 2, extent - visible / 2);
}

static void
update_transform (SmBodyMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band;
  double vw, vh, fit;

  get_view_size (self, &vw, &vh);
  fit = MIN ((width - 2 * MARGIN) / vw, (height - 2 * MARGIN) / vh);
  self->scale = MAX (fit, 0.01) * self->zoom;
  self->centre_u = clamp_centre (self->centre_u, vw, width / self->scale);
  self->centre_v = clamp_centre (self->centre_v, vh, height / self->scale);
  self->origin_x = width / 2.0 - self->centre_u * self->scale;
  self->origin_y = height / 2.0 - self->centre_v * self->scale;
}

static cairo_rectangle_t
get_viewport (SmBodyMap *self)
{
  double vw, vh;

  get_view_size (self, &vw, &vh);
  return (cairo_rectangle_t) { self->origin_x, self->origin_y, vw * self->scale, vh * self->scale };
}

void
sm_body_map_svg_to_widget (SmBodyMap *self,
                           double     u,
                           double     v,
                           double    *x,
                           double    *y)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  *x = self->origin_x + u * self->scale;
  *y = self->origin_y + v * self->scale;
}

static void
widget_to_svg (SmBodyMap *self,
               double     x,
               double     y,
               double    *u,
               double    *v)
{
  *u = (x - self->origin_x) / self->scale;
  *v = (y - self->origin_y) / self->scale;
}

void
sm_body_map_widget_to_svg (SmBodyMap *self,
                           double     x,
                           double     y,
                           double    *u,
                           double    *v)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  widget_to_svg (self, x, y, u, v);
}

/* Widget pixels per SVG unit: layers drawn over the map (labels, pain
 * strokes) scale their SVG coordinates with it. */
double
sm_body_map_get_scale (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 1.0);

  return self->scale;
}

/* --- Caches -------------------------------------------------------------- */

static void
mask_free (gpointer data)
{
  Mask *mask = data;

  cairo_surface_destroy (mask->surface);
  g_free (mask);
}

static void
hit_map_free (gpointer data)
{
  HitMap *hit = data;

  sm_anatomy_id_map_free (hit->map);
  g_ptr_array_unref (hit->zones);
  g_hash_table_unref (hit->visible);
  g_free (hit);
}

/* The base must be redrawn (view, layer, overlays, side filter, zoom, pan
 * or theme changed); masks must be redrawn when the geometry changed. */
static void
invalidate_base (SmBodyMap *self)
{
  self->base_valid = FALSE;
  if (self->canvas != NULL)
    gtk_widget_queue_draw (self->canvas);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate_geometry (SmBodyMap *self)
{
  update_transform (self);
  g_hash_table_remove_all (self->masks);
  invalidate_base (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_signal_emit (self, signals[TRANSFORM_CHANGED], 0);
}

static SmMapZone *
lookup_zone (SmBodyMap  *self,
             const char *view,
             const char *element_id)
{
  g_autofree char *key = g_strconcat (view, "/", element_id, NULL);

  return g_hash_table_lookup (self->zones_by_id, key);
}

static gboolean
is_deep (SmBodyMap  *self,
         const char *view,
         const char *element_id)
{
  SmSvgIndex *index = sm_anatomy_get_index (self->anatomy, view);

  return g_strcmp0 (sm_svg_index_get_group (index, element_id), "layer-deep") == 0;
}

static gboolean
is_headline (const char *element_id)
{
  g_autofree char *muscle = NULL;

  return sm_zone_id_split (element_id, &muscle, NULL) &&
         g_strcmp0 (muscle, HEADLINE_MUSCLE) == 0;
}

/* Which zone wins where zones overlap, bottom first. Superficial layer:
 * the artwork's order (deep under superficial), then the headline muscle
 * on top. Deep layer: the deep muscles over the ones that cover them. */
static GPtrArray *
hit_order (SmBodyMap  *self,
           const char *view,
           const char *layer)
{
  g_autoptr(GPtrArray) ids = sm_svg_index_list_ids (sm_anatomy_get_index (self->anatomy, view),
                                                    "zone-");
  GPtrArray *order = g_ptr_array_new ();
  gboolean deep_layer = g_strcmp0 (layer, "deep") == 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < ids->len; i++)
      {
        const char *id = g_ptr_array_index (ids, i);
        gboolean on_top = deep_layer ? is_deep (self, view, id) : is_headline (id);

        if (on_top == (pass == 1))
          g_ptr_array_add (order, (gpointer) id);
      }

  return order;
}

static HitMap *
hit_map_new (SmBodyMap  *self,
             const char *view,
             GPtrArray  *order)
{
  HitMap *hit = g_new0 (HitMap, 1);
  gsize n_pixels;

  hit->map = sm_anatomy_build_id_map (self->anatomy, view, order, ID_MAP_SCALE);
  hit->zones = g_ptr_array_new ();
  hit->visible = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (hit->zones, lookup_zone (self, view, g_ptr_array_index (order, i)));

  n_pixels = (gsize) hit->map->width * hit->map->height;
  for (gsize p = 0; p < n_pixels; p++)
    if (hit->map->ids[p] != 0)
      g_hash_table_add (hit->visible, g_ptr_array_index (hit->map->elements, hit->map->ids[p] - 1));

  return hit;
}

/* Built the first time a view and layer are shown; a render, not a parse. */
static HitMap *
get_hit_map (SmBodyMap  *self,
             const char *view,
             const char *layer)
{
  g_autofree char *key = g_strconcat (view, "/", layer, NULL);
  HitMap *hit = g_hash_table_lookup (self->hit_maps, key);
  g_autoptr(GPtrArray) order = NULL;

  if (hit != NULL)
    return hit;

  if (g_strcmp0 (layer, "cautions") == 0)
    order = sm_svg_index_list_ids (sm_anatomy_get_index (self->anatomy, view), "caution-");
  else
    order = hit_order (self, view, layer);

  hit = hit_map_new (self, view, order);
  g_hash_table_insert (self->hit_maps, g_steal_pointer (&key), hit);
  return hit;
}

static SmMapZone *
hit_lookup (HitMap *hit,
            double  u,
            double  v)
{
  int slot = sm_anatomy_id_map_lookup (hit->map, u, v);
  SmMapZone *zone;

  if (slot < 0)
    return NULL;

  zone = g_ptr_array_index (hit->zones, slot);
  return zone != NULL && gtk_widget_get_visible (GTK_WIDGET (zone)) ? zone : NULL;
}

/* The maps of the current view and layer, looked up once per change so
 * that a hit test is a few multiplications and one byte read. */
static void
update_hit_maps (SmBodyMap *self)
{
  self->zone_hits = get_hit_map (self, self->view, self->layer);
  self->caution_hits = get_hit_map (self, self->view, "cautions");
}

/* A shown caution area lies over every zone; zones of the side that the
 * filter hides are invisible and so never picked. */
static SmMapZone *
pick_zone (SmBodyMap *self,
           double     x,
           double     y)
{
  SmMapZone *zone = NULL;
  double u, v;

  widget_to_svg (self, x, y, &u, &v);

  if (self->overlays[OVERLAY_CAUTIONS] || g_hash_table_size (self->near_cautions) > 0)
    zone = hit_lookup (self->caution_hits, u, v);

  if (zone == NULL)
    zone = hit_lookup (self->zone_hits, u, v);

  return zone;
}

const char *
sm_body_map_pick (SmBodyMap *self,
                  double     x,
                  double     y)
{
  SmMapZone *zone;

  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  zone = pick_zone (self, x, y);
  return zone != NULL ? sm_map_zone_get_element_id (zone) : NULL;
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
  return pick_zone (self, x + alloc.x, y + alloc.y) == zone;
}

static gboolean
side_allowed (SmBodyMap *self,
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
  if (g_strcmp0 (sm_map_zone_get_view (zone), self->view) != 0 || !side_allowed (self, zone))
    return FALSE;

  if (sm_map_zone_is_caution (zone))
    return self->overlays[OVERLAY_CAUTIONS] || g_hash_table_contains (self->near_cautions, zone);

  return g_hash_table_contains (self->zone_hits->visible, sm_map_zone_get_element_id (zone));
}

static void
update_zone_visibility (SmBodyMap *self)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < self->zones->len; i++)
    {
      GtkWidget *zone = g_ptr_array_index (self->zones, i);
      gboolean shown = zone_shown (self, SM_MAP_ZONE (zone));

      if (shown != gtk_widget_get_visible (zone))
        {
          gtk_widget_set_visible (zone, shown);
          changed = TRUE;
        }
    }

  if (changed)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
zone_clicked (SmMapZone *zone,
              SmBodyMap *self);

static SmMapZone *
add_zone (SmBodyMap  *self,
          const char *view,
          const char *element_id)
{
  g_autofree char *label = zone_label (self, view, element_id);
  SmMapZone *zone = sm_map_zone_new (view, element_id, label, zone_contains, self);

  g_signal_connect (zone, "clicked", G_CALLBACK (zone_clicked), self);
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

/* --- Base render --------------------------------------------------------- */

static void
render (SmBodyMap         *self,
        cairo_t           *cr,
        SmAnatomyStyle     style,
        const char        *element_id,
        cairo_rectangle_t *viewport)
{
  g_autoptr(GError) error = NULL;

  if (!sm_svg_index_has_id (sm_anatomy_get_index (self->anatomy, self->view), element_id))
    return;

  if (!sm_anatomy_render_element (self->anatomy, self->view, style, element_id, cr, viewport, &error))
    g_warning ("Cannot draw %s: %s", element_id, error->message);
}

/* #2e3436, the darkest line on the artwork (which is the same in every
 * style): for lines drawn over light parts of it. */
static const GdkRGBA art_ink = { 0.180, 0.204, 0.212, 1.0 };

static GdkRGBA
get_foreground (SmBodyMap *self)
{
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  return color;
}

/* The headline muscle seen through the muscle over it. */
static void
draw_headline_outlines (SmBodyMap         *self,
                        cairo_t           *cr,
                        cairo_rectangle_t *viewport)
{
  GdkRGBA fg = get_foreground (self);

  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);
      const char *id = sm_map_zone_get_element_id (zone);
      cairo_pattern_t *mask;

      if (g_strcmp0 (sm_map_zone_get_view (zone), self->view) != 0 || !is_headline (id))
        continue;

      cairo_push_group_with_content (cr, CAIRO_CONTENT_ALPHA);
      render (self, cr, SM_ANATOMY_STYLE_DASHED, id, viewport);
      mask = cairo_pop_group (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      cairo_mask (cr, mask);
      cairo_pattern_destroy (mask);
    }
}

static void
draw_layers (SmBodyMap         *self,
             cairo_t           *cr,
             cairo_rectangle_t *viewport)
{
  render (self, cr, SM_ANATOMY_STYLE_ART, "figure", viewport);
  render (self, cr, SM_ANATOMY_STYLE_ART, "layer-deep", viewport);

  if (g_strcmp0 (self->layer, "deep") == 0)
    {
      cairo_push_group (cr);
      render (self, cr, SM_ANATOMY_STYLE_ART, "layer-superficial", viewport);
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, DEEP_COVER_ALPHA);
    }
  else
    {
      render (self, cr, SM_ANATOMY_STYLE_ART, "layer-superficial", viewport);
      draw_headline_outlines (self, cr, viewport);
    }

  for (guint i = 0; i < N_OVERLAYS; i++)
    if (self->overlays[overlay_order[i]])
      render (self, cr, SM_ANATOMY_STYLE_ART, overlays[overlay_order[i]].group, viewport);

  render (self, cr, SM_ANATOMY_STYLE_ART, "marks", viewport);
}

/* Which part of the widget shows the side the filter hides, or FALSE. */
static gboolean
hidden_half (SmBodyMap         *self,
             cairo_rectangle_t *viewport,
             double             width,
             double             height,
             cairo_rectangle_t *half)
{
  double midline = viewport->x + viewport->width / 2;
  gboolean left_on_left = g_strcmp0 (self->view, "back") == 0;
  gboolean hide_left;

  if (g_strcmp0 (self->side_filter, "both") == 0)
    return FALSE;

  hide_left = (g_strcmp0 (self->side_filter, "right") == 0) == left_on_left;
  *half = hide_left ? (cairo_rectangle_t) { 0, 0, midline, height }
                    : (cairo_rectangle_t) { midline, 0, width - midline, height };
  return TRUE;
}

static void
draw_base (SmBodyMap *self,
           cairo_t   *cr,
           double     width,
           double     height)
{
  cairo_rectangle_t viewport = get_viewport (self);
  cairo_rectangle_t half;
  cairo_pattern_t *art;

  if (!hidden_half (self, &viewport, width, height, &half))
    {
      draw_layers (self, cr, &viewport);
      return;
    }

  cairo_push_group (cr);
  draw_layers (self, cr, &viewport);
  art = cairo_pop_group (cr);

  cairo_set_source (cr, art);
  cairo_rectangle (cr, half.x, half.y, half.width, half.height);
  cairo_clip (cr);
  cairo_paint_with_alpha (cr, DIM_ALPHA);
  cairo_reset_clip (cr);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_rectangle (cr, half.x, half.y, half.width, half.height);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_fill (cr);
  cairo_pattern_destroy (art);
}

/* Renders the base at device pixels, so it is crisp at scale 2. */
static void
ensure_base (SmBodyMap *self,
             int        width,
             int        height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_t *cr;

  if (self->base_valid && self->base_width == width && self->base_height == height &&
      self->base_scale_factor == factor)
    return;

  g_clear_pointer (&self->base, cairo_surface_destroy);
  self->base = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * factor, height * factor);
  cr = cairo_create (self->base);
  cairo_scale (cr, factor, factor);
  self->foreground = get_foreground (self);
  draw_base (self, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (self->base, factor, factor);

  schedule_prewarm (self);
  self->base_valid = TRUE;
  self->base_width = width;
  self->base_height = height;
  self->base_scale_factor = factor;
  self->base_renders++;
}

/* The canvas is a child widget so that GTK keeps its render node while
 * only highlights change: the renderer then reuses what it drew (the GL
 * renderer keeps the texture, the cairo renderer replays a cached image). */
static void
draw_canvas (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SmBodyMap *self = user_data;

  if (width <= 0 || height <= 0)
    return;

  ensure_base (self, width, height);
  cairo_set_source_surface (cr, self->base, 0, 0);
  cairo_paint (cr);
}

guint
sm_body_map_get_base_render_count (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 0);

  return self->base_renders;
}

/* --- Highlights ---------------------------------------------------------- */

static Mask *
mask_render (SmBodyMap      *self,
             SmAnatomyStyle  style,
             const char     *id)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_rectangle_t viewport = get_viewport (self);
  cairo_rectangle_t box = { 0, 0, 0, 0 };
  Mask *mask = g_new0 (Mask, 1);
  int x0, y0, x1, y1;
  cairo_t *cr;

  sm_anatomy_get_bounds (self->anatomy, self->view, id, &box);
  x0 = (int) floor ((self->origin_x + (box.x - MASK_PAD) * self->scale) * factor);
  y0 = (int) floor ((self->origin_y + (box.y - MASK_PAD) * self->scale) * factor);
  x1 = (int) ceil ((self->origin_x + (box.x + box.width + MASK_PAD) * self->scale) * factor);
  y1 = (int) ceil ((self->origin_y + (box.y + box.height + MASK_PAD) * self->scale) * factor);

  mask->surface = cairo_image_surface_create (style == SM_ANATOMY_STYLE_ART ? CAIRO_FORMAT_ARGB32
                                                                            : CAIRO_FORMAT_A8,
                                              MAX (x1 - x0, 1), MAX (y1 - y0, 1));
  cr = cairo_create (mask->surface);
  cairo_translate (cr, -x0, -y0);
  cairo_scale (cr, factor, factor);
  render (self, cr, style, id, &viewport);
  cairo_destroy (cr);

  cairo_surface_set_device_scale (mask->surface, factor, factor);
  mask->x = (double) x0 / factor;
  mask->y = (double) y0 / factor;
  return mask;
}

static Mask *
get_mask (SmBodyMap      *self,
          SmAnatomyStyle  style,
          SmMapZone      *zone)
{
  g_autofree char *key = g_strdup_printf ("%d/%s/%s", style, sm_map_zone_get_view (zone),
                                          sm_map_zone_get_element_id (zone));
  Mask *mask = g_hash_table_lookup (self->masks, key);

  if (mask == NULL)
    {
      mask = mask_render (self, style, sm_map_zone_get_element_id (zone));
      g_hash_table_insert (self->masks, g_steal_pointer (&key), mask);
    }

  return mask;
}

/* Any element of the current view, e.g. a landmark. */
static Mask *
get_element_mask (SmBodyMap      *self,
                  SmAnatomyStyle  style,
                  const char     *id)
{
  g_autofree char *key = g_strdup_printf ("%d/%s/%s", style, self->view, id);
  Mask *mask = g_hash_table_lookup (self->masks, key);

  if (mask == NULL)
    {
      mask = mask_render (self, style, id);
      g_hash_table_insert (self->masks, g_steal_pointer (&key), mask);
    }

  return mask;
}

/* While nothing else happens, draw the hover and selection masks of the
 * zones on show, one zone per idle call, so the first hover is as cheap as
 * the next ones. */
static gboolean
prewarm_masks (gpointer data)
{
  SmBodyMap *self = data;

  while (self->prewarm_next < self->zones->len)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, self->prewarm_next++);

      if (!gtk_widget_get_visible (GTK_WIDGET (zone)) || sm_map_zone_is_caution (zone))
        continue;

      get_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, zone);
      get_mask (self, SM_ANATOMY_STYLE_OUTLINE, zone);
      return G_SOURCE_CONTINUE;
    }

  self->prewarm_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_prewarm (SmBodyMap *self)
{
  self->prewarm_next = 0;
  if (self->prewarm_id == 0)
    self->prewarm_id = g_idle_add_full (G_PRIORITY_LOW, prewarm_masks, self, NULL);
}

static cairo_t *
begin_mask_node (GtkSnapshot *snapshot,
                 Mask        *mask)
{
  double sx, sy;
  graphene_rect_t bounds;

  cairo_surface_get_device_scale (mask->surface, &sx, &sy);
  bounds = GRAPHENE_RECT_INIT (mask->x, mask->y,
                               cairo_image_surface_get_width (mask->surface) / sx,
                               cairo_image_surface_get_height (mask->surface) / sy);
  return gtk_snapshot_append_cairo (snapshot, &bounds);
}

static void
paint_mask (GtkSnapshot   *snapshot,
            Mask          *mask,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_t *cr = begin_mask_node (snapshot, mask);

  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
  cairo_mask_surface (cr, mask->surface, mask->x, mask->y);
  cairo_destroy (cr);
}

/* Selection is never colour alone: a hatch over the shape and a thick
 * outline mark it. Drawn once per zone and colour, then reused. */
static Mask *
selection_render (Mask          *silhouette,
                  Mask          *outline,
                  const GdkRGBA *color)
{
  int width = cairo_image_surface_get_width (silhouette->surface);
  int height = cairo_image_surface_get_height (silhouette->surface);
  Mask *image = g_new0 (Mask, 1);
  double sx, sy;
  cairo_t *cr;

  cairo_surface_get_device_scale (silhouette->surface, &sx, &sy);
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  image->x = silhouette->x;
  image->y = silhouette->y;
  cr = cairo_create (image->surface);

  for (double d = -height; d < width; d += 9 * sx)
    {
      cairo_move_to (cr, d, height);
      cairo_line_to (cr, d + height, 0);
    }
  cairo_set_line_width (cr, 2.5 * sx);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * 0.75);
  cairo_stroke (cr);

  /* Keep the hatch inside the shape, then add the outline. */
  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_IN);
  cairo_set_source_surface (cr, silhouette->surface, 0, 0);
  cairo_surface_set_device_scale (silhouette->surface, 1, 1);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_surface_set_device_scale (outline->surface, 1, 1);
  cairo_mask_surface (cr, outline->surface, 0, 0);
  cairo_destroy (cr);

  cairo_surface_set_device_scale (silhouette->surface, sx, sy);
  cairo_surface_set_device_scale (outline->surface, sx, sy);
  cairo_surface_set_device_scale (image->surface, sx, sy);
  return image;
}

static Mask *
get_selection_image (SmBodyMap     *self,
                     SmMapZone     *zone,
                     const GdkRGBA *color)
{
  g_autofree char *rgba = gdk_rgba_to_string (color);
  g_autofree char *key = g_strdup_printf ("selection/%s/%s/%s", sm_map_zone_get_view (zone),
                                          sm_map_zone_get_element_id (zone), rgba);
  Mask *image = g_hash_table_lookup (self->masks, key);

  if (image == NULL)
    {
      image = selection_render (get_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, zone),
                                get_mask (self, SM_ANATOMY_STYLE_OUTLINE, zone), color);
      g_hash_table_insert (self->masks, g_steal_pointer (&key), image);
    }

  return image;
}

static void
paint_art (GtkSnapshot *snapshot,
           Mask        *mask)
{
  cairo_t *cr = begin_mask_node (snapshot, mask);

  cairo_set_source_surface (cr, mask->surface, mask->x, mask->y);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static SmMapZone *
focused_zone (SmBodyMap *self)
{
  GtkWidget *child = gtk_widget_get_focus_child (GTK_WIDGET (self));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (!SM_IS_MAP_ZONE (child) || !gtk_widget_has_focus (child))
    return NULL;
  if (GTK_IS_WINDOW (root) && !gtk_window_get_focus_visible (GTK_WINDOW (root)))
    return NULL;
  return SM_MAP_ZONE (child);
}

static void
snapshot_highlights (SmBodyMap   *self,
                     GtkSnapshot *snapshot)
{
  SmMapZone *focus = focused_zone (self);
  GHashTableIter iter;
  gpointer zone;

  if (self->selected != NULL && gtk_widget_get_visible (GTK_WIDGET (self->selected)))
    {
      GdkRGBA color = sm_map_zone_get_color (self->selected);

      paint_art (snapshot, get_selection_image (self, self->selected, &color));
    }

  if (self->hovered != NULL && self->hovered != self->selected)
    {
      GdkRGBA color = sm_map_zone_get_color (self->hovered);

      paint_mask (snapshot, get_mask (self, SM_ANATOMY_STYLE_SILHOUETTE, self->hovered), &color, 0.3);
      paint_mask (snapshot, get_mask (self, SM_ANATOMY_STYLE_OUTLINE, self->hovered), &color, 0.8);
    }

  /* Elements the side pane points at, such as the bony landmarks used to
   * find the open muscle: the artwork with an outline that stands out. The
   * bones keep their light colours in every style, so the outline is in
   * the artwork's dark ink: the theme's text colour would be white on bone
   * in dark and inverse high-contrast styles. */
  for (guint i = 0; self->emphasis != NULL && self->emphasis[i] != NULL; i++)
    {
      const char *id = self->emphasis[i];

      if (!sm_svg_index_has_id (sm_anatomy_get_index (self->anatomy, self->view), id))
        continue;
      paint_art (snapshot, get_element_mask (self, SM_ANATOMY_STYLE_ART, id));
      paint_mask (snapshot, get_element_mask (self, SM_ANATOMY_STYLE_OUTLINE, id), &art_ink, 0.9);
    }

  /* Caution areas go over the selection that brought them up. */
  if (!self->overlays[OVERLAY_CAUTIONS])
    {
      g_hash_table_iter_init (&iter, self->near_cautions);
      while (g_hash_table_iter_next (&iter, &zone, NULL))
        if (gtk_widget_get_visible (zone))
          paint_art (snapshot, get_mask (self, SM_ANATOMY_STYLE_ART, zone));
    }

  if (focus != NULL)
    {
      GdkRGBA color = sm_map_zone_get_color (focus);

      paint_mask (snapshot, get_mask (self, SM_ANATOMY_STYLE_DASHED, focus), &color, 1);
    }
}

/* --- Routine step numbers ----------------------------------------------- */

#define STEP_BADGE_RADIUS 11.0

/* In sm-map-badges.c: placed again when the view, the zoom or the
 * numbers change. */
static SmMapBadges *
get_step_badges (SmBodyMap *self)
{
  if (self->step_badges == NULL)
    self->step_badges = sm_map_badges_new ();
  sm_map_badges_update (self->step_badges, GTK_WIDGET (self), self->anatomy, self->view,
                        self->scale, self->step_numbers);
  return self->step_badges;
}

static void
snapshot_step_numbers (SmBodyMap   *self,
                       GtkSnapshot *snapshot)
{
  sm_map_badges_snapshot (get_step_badges (self), snapshot, self->origin_x, self->origin_y, self->scale);
}

/**
 * sm_body_map_get_step_badges:
 * @n_badges: (out): how many
 *
 * For tests and overlays: the step badges of the current view as the map
 * draws them, centres and half sizes in SVG units.
 *
 * Returns: (array length=n_badges) (transfer none): the badges
 */
const SmBadge *
sm_body_map_get_step_badges (SmBodyMap *self,
                             guint     *n_badges)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return sm_map_badges_get (get_step_badges (self), n_badges);
}

/**
 * sm_body_map_set_step_numbers:
 * @numbers: (nullable) (element-type utf8 utf8): element id
 *   ("zone-piriformis-left") → label ("2" or "1, 4"); %NULL for none
 *
 * The routine hook: while a routine is open, its zones carry their step
 * numbers on the map, in whichever view they are.
 */
void
sm_body_map_set_step_numbers (SmBodyMap  *self,
                              GHashTable *numbers)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  g_clear_pointer (&self->step_numbers, g_hash_table_unref);
  if (numbers != NULL)
    self->step_numbers = g_hash_table_ref (numbers);
  if (self->step_badges != NULL)
    sm_map_badges_invalidate (self->step_badges);

  /* The badges are pictures; screen readers hear the numbers on the zones. */
  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);
      const char *label = numbers != NULL ? g_hash_table_lookup (numbers, sm_map_zone_get_element_id (zone))
                                          : NULL;
      g_autofree char *description = NULL;

      if (label == NULL)
        {
          gtk_accessible_reset_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
          continue;
        }
      /* Translators: %s is one step number or a list, e.g. "2" or "1, 4" */
      description = g_strdup_printf (_("Routine step %s"), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sm_body_map_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0 || height <= 0)
    return;

  gtk_widget_snapshot_child (widget, self->canvas, snapshot);
  snapshot_highlights (self, snapshot);
  snapshot_step_numbers (self, snapshot);

  gtk_widget_snapshot_child (widget, self->toolbar, snapshot);
  gtk_widget_snapshot_child (widget, GTK_WIDGET (self->caution_popover), snapshot);
}

/* --- Layout -------------------------------------------------------------- */

static void
allocate_zone (SmBodyMap *self,
               SmMapZone *zone)
{
  cairo_rectangle_t box;
  GtkAllocation alloc;
  int min;

  if (!sm_anatomy_get_bounds (self->anatomy, self->view, sm_map_zone_get_element_id (zone), &box))
    box = (cairo_rectangle_t) { 0, 0, 0, 0 };

  alloc.x = (int) floor (self->origin_x + box.x * self->scale);
  alloc.y = (int) floor (self->origin_y + box.y * self->scale);
  alloc.width = (int) ceil (self->origin_x + (box.x + box.width) * self->scale) - alloc.x;
  alloc.height = (int) ceil (self->origin_y + (box.y + box.height) * self->scale) - alloc.y;

  gtk_widget_measure (GTK_WIDGET (zone), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (zone), GTK_ORIENTATION_VERTICAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (zone), &alloc, -1);
}

/* The toolbar floats at the bottom centre of the map. */
static void
allocate_toolbar (SmBodyMap *self,
                  int        width,
                  int        height)
{
  GtkRequisition natural;
  GtkAllocation alloc;

  gtk_widget_get_preferred_size (self->toolbar, NULL, &natural);
  self->toolbar_band = natural.height + 12;
  alloc.width = MIN (natural.width, width);
  alloc.height = natural.height;
  alloc.x = (width - alloc.width) / 2;
  alloc.y = MAX (height - alloc.height - 12, 0);
  gtk_widget_size_allocate (self->toolbar, &alloc, -1);
}

static void
sm_body_map_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  double old_scale = self->scale, old_x = self->origin_x, old_y = self->origin_y;

  allocate_toolbar (self, width, height);
  update_transform (self);
  if (old_scale != self->scale || old_x != self->origin_x || old_y != self->origin_y)
    {
      g_hash_table_remove_all (self->masks);
      invalidate_base (self);
      g_signal_emit (self, signals[TRANSFORM_CHANGED], 0);
    }
  gtk_widget_measure (self->canvas, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (self->canvas, &(GtkAllocation) { 0, 0, width, height }, -1);

  for (guint i = 0; i < self->zones->len; i++)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);

      if (gtk_widget_get_visible (GTK_WIDGET (zone)))
        allocate_zone (self, zone);
    }

  gtk_popover_present (self->caution_popover);
}

static void
sm_body_map_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 400 : 700;
}

/* --- Selection ----------------------------------------------------------- */

/* The caution areas the knowledge base names for the selected zone show
 * up with it, so that the person sees where not to press while working on
 * that muscle. */
static void
update_near_cautions (SmBodyMap *self)
{
  g_autofree char *muscle = NULL;
  g_autofree char *side = NULL;
  g_auto(GStrv) ids = NULL;

  g_hash_table_remove_all (self->near_cautions);
  if (self->selected == NULL ||
      !sm_zone_id_split (sm_map_zone_get_element_id (self->selected), &muscle, &side))
    return;

  ids = sm_atlas_dup_caution_ids (sm_atlas_get_default (), muscle, side);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      SmMapZone *caution = lookup_zone (self, sm_map_zone_get_view (self->selected), ids[i]);

      if (caution != NULL)
        g_hash_table_add (self->near_cautions, caution);
    }
}

/* For the style sheet and for assistive technology alike. */
static void
mark_selected (SmMapZone *zone,
               gboolean   selected)
{
  if (selected)
    gtk_widget_set_state_flags (GTK_WIDGET (zone), GTK_STATE_FLAG_SELECTED, FALSE);
  else
    gtk_widget_unset_state_flags (GTK_WIDGET (zone), GTK_STATE_FLAG_SELECTED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (zone), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

static void
select_zone_widget (SmBodyMap *self,
                    SmMapZone *zone)
{
  if (self->selected == zone)
    return;

  if (self->selected != NULL)
    mark_selected (self->selected, FALSE);
  self->selected = zone;
  if (zone != NULL)
    mark_selected (zone, TRUE);

  update_near_cautions (self);
  update_zone_visibility (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-to-selection", zone != NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ZONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SIDE]);
}

static void
explain_caution (SmBodyMap *self,
                 SmMapZone *zone)
{
  g_autofree char *markup = caution_explanation (self, zone);
  GtkAllocation alloc;

  gtk_widget_get_allocation (GTK_WIDGET (zone), &alloc);
  gtk_label_set_markup (self->caution_label, markup);
  gtk_popover_set_pointing_to (self->caution_popover, &alloc);
  gtk_popover_popup (self->caution_popover);
}

/* A click, Enter, Space or an assistive "click" on a zone. */
static void
activate_zone (SmBodyMap *self,
               SmMapZone *zone)
{
  if (sm_map_zone_is_caution (zone))
    {
      explain_caution (self, zone);
      return;
    }

  select_zone_widget (self, zone);
  g_signal_emit (self, signals[ZONE_ACTIVATED], 0,
                 sm_map_zone_get_muscle (zone), sm_map_zone_get_side (zone));
}

static void
zone_clicked (SmMapZone *zone,
              SmBodyMap *self)
{
  activate_zone (self, zone);
}

const char *
sm_body_map_get_selected_zone (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->selected != NULL ? sm_map_zone_get_muscle (self->selected) : NULL;
}

const char *
sm_body_map_get_selected_side (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->selected != NULL ? sm_map_zone_get_side (self->selected) : NULL;
}

/* Selects @zone on @side without emitting zone-activated, switching view,
 * layer and side filter when the zone would not be visible otherwise:
 * for search results, guided sessions and presenter mode. */
/* Draws the SVG elements @element_ids (landmark-*, press-point-*, …) over
 * the map as in the artwork, whatever the overlay settings; ids of the
 * other view are kept and drawn when it shows. %NULL clears. */
void
sm_body_map_set_emphasis (SmBodyMap          *self,
                          const char * const *element_ids)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (self->emphasis == NULL && (element_ids == NULL || element_ids[0] == NULL))
    return;

  g_strfreev (self->emphasis);
  self->emphasis = g_strdupv ((char **) element_ids);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
sm_body_map_get_emphasis (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return (const char * const *) self->emphasis;
}

gboolean
sm_body_map_select_zone (SmBodyMap  *self,
                         const char *zone,
                         const char *side)
{
  g_autofree char *element_id = NULL;
  const char *view;
  SmMapZone *widget;

  g_return_val_if_fail (SM_IS_BODY_MAP (self), FALSE);

  if (zone == NULL)
    {
      sm_body_map_clear_selection (self);
      return TRUE;
    }

  element_id = sm_zone_id_build (zone, side);
  view = sm_anatomy_find_view (self->anatomy, element_id);
  if (view == NULL || (widget = lookup_zone (self, view, element_id)) == NULL)
    return FALSE;

  sm_body_map_set_view (self, view);
  if (is_deep (self, view, element_id))
    sm_body_map_set_layer (self, "deep");
  if (!side_allowed (self, widget))
    sm_body_map_set_side_filter (self, sm_map_zone_get_side (widget));

  select_zone_widget (self, widget);
  return TRUE;
}

void
sm_body_map_clear_selection (SmBodyMap *self)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  select_zone_widget (self, NULL);
}

char *
sm_body_map_get_zone_title (SmBodyMap  *self,
                            const char *zone)
{
  g_autofree char *element_id = sm_zone_id_build (zone, "left");
  const char *view = sm_anatomy_find_view (self->anatomy, element_id);

  return view != NULL ? element_title (self, view, element_id) : g_strdup (zone);
}

/* --- Zoom and pan -------------------------------------------------------- */

/* Zooms keeping the SVG point under (@x, @y) where it is. */
static void
zoom_at (SmBodyMap *self,
         double     zoom,
         double     x,
         double     y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band;
  double u, v;

  zoom = CLAMP (zoom, 1.0, MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  widget_to_svg (self, x, y, &u, &v);
  self->scale = self->scale / self->zoom * zoom;
  self->zoom = zoom;
  self->centre_u = u - (x - width / 2.0) / self->scale;
  self->centre_v = v - (y - height / 2.0) / self->scale;

  invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
zoom_by (SmBodyMap *self,
         double     factor)
{
  zoom_at (self, self->zoom * factor,
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

double
sm_body_map_get_zoom (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), 1.0);

  return self->zoom;
}

void
sm_body_map_set_zoom (SmBodyMap *self,
                      double     zoom)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  zoom_by (self, zoom / self->zoom);
}

/* Puts the SVG point (@u, @v) in the middle, as far as the figure allows. */
void
sm_body_map_set_centre (SmBodyMap *self,
                        double     u,
                        double     v)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));

  self->centre_u = u;
  self->centre_v = v;
  invalidate_geometry (self);
}

/* Frames the selected zone with some room around it. */
void
sm_body_map_zoom_to_selection (SmBodyMap *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self)) - self->toolbar_band;
  cairo_rectangle_t box;
  double fit;

  g_return_if_fail (SM_IS_BODY_MAP (self));

  if (self->selected == NULL || width <= 0 ||
      !sm_anatomy_get_bounds (self->anatomy, self->view,
                              sm_map_zone_get_element_id (self->selected), &box))
    return;

  fit = self->scale / self->zoom;
  self->zoom = CLAMP (MIN (width / (box.width * 3), height / (box.height * 3)) / fit,
                      1.0, SELECTION_ZOOM);
  self->scale = fit * self->zoom;
  self->centre_u = box.x + box.width / 2;
  self->centre_v = box.y + box.height / 2;

  invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SmBodyMap                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SmBodyMap        *self)
{
  self->zoom_at_gesture = self->zoom;
}

static void
on_zoom_scale_changed (GtkGestureZoom *gesture,
                       double          scale,
                       SmBodyMap      *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    zoom_at (self, self->zoom_at_gesture * scale, x, y);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SmBodyMap      *self)
{
  self->drag_u = self->centre_u;
  self->drag_v = self->centre_v;
  self->dragged = FALSE;
}

/* Dragging pans only when zoomed in; at fit there is nothing to move. */
static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SmBodyMap      *self)
{
  if (hypot (dx, dy) > DRAG_THRESHOLD)
    self->dragged = TRUE;
  if (self->zoom <= 1.0)
    return;

  self->centre_u = self->drag_u - dx / self->scale;
  self->centre_v = self->drag_v - dy / self->scale;
  invalidate_geometry (self);
}

/* --- Pointer ------------------------------------------------------------- */

static void
set_hovered (SmBodyMap *self,
             SmMapZone *zone)
{
  if (self->hovered == zone)
    return;

  self->hovered = zone;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SmBodyMap                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  set_hovered (self, pick_zone (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          SmBodyMap                *self)
{
  set_hovered (self, NULL);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            SmBodyMap       *self)
{
  SmMapZone *zone = pick_zone (self, x, y);

  if (n_press == 2 && zone != NULL && zone == self->selected)
    sm_body_map_zoom_to_selection (self);
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SmBodyMap       *self)
{
  SmMapZone *zone = pick_zone (self, x, y);

  if (n_press != 1 || zone == NULL || self->dragged)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (zone));
  activate_zone (self, zone);
}

/* --- Keyboard ------------------------------------------------------------ */

static int
visible_index (SmBodyMap *self,
               GtkWidget *child)
{
  guint index;

  if (child == NULL || !g_ptr_array_find (self->zones, child, &index))
    return -1;
  return (int) index;
}

static SmMapZone *
step_zone (SmBodyMap *self,
           int        from,
           int        step)
{
  for (int i = from + step; i >= 0 && i < (int) self->zones->len; i += step)
    {
      SmMapZone *zone = g_ptr_array_index (self->zones, i);

      if (gtk_widget_get_visible (GTK_WIDGET (zone)))
        return zone;
    }

  return NULL;
}

/* Focus on the zones, then on the toolbar, the way Tab meets them. */
static gboolean
focus_toolbar (SmBodyMap        *self,
               GtkDirectionType  direction)
{
  SmMapZone *last;

  if (gtk_widget_child_focus (self->toolbar, direction))
    return TRUE;

  if (direction != GTK_DIR_TAB_BACKWARD)
    return FALSE;

  /* Shift+Tab out of the toolbar lands on the last zone. */
  last = step_zone (self, self->zones->len, -1);
  return last != NULL && gtk_widget_grab_focus (GTK_WIDGET (last));
}

/* Tab and the arrow keys walk the zones in anatomical order; Tab goes on
 * to the toolbar after the last zone, the arrows stop there. */
static gboolean
sm_body_map_focus (GtkWidget        *widget,
                   GtkDirectionType  direction)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  GtkWidget *focus = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_DOWN ||
                     direction == GTK_DIR_RIGHT;
  gboolean tab = direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD;
  int from = visible_index (self, focus);
  SmMapZone *next;

  if (focus == self->toolbar || (focus == NULL && direction == GTK_DIR_TAB_BACKWARD))
    return focus_toolbar (self, direction);
  if (from < 0 && focus != NULL)
    return gtk_widget_child_focus (focus, direction);

  if (from < 0)
    from = forward ? -1 : (int) self->zones->len;

  next = step_zone (self, from, forward ? 1 : -1);
  if (next == NULL && direction == GTK_DIR_TAB_FORWARD)
    return gtk_widget_child_focus (self->toolbar, direction);
  if (next == NULL)
    return !tab && focus != NULL;

  gtk_widget_grab_focus (GTK_WIDGET (next));
  return TRUE;
}

static void
sm_body_map_set_focus_child (GtkWidget *widget,
                             GtkWidget *child)
{
  GTK_WIDGET_CLASS (sm_body_map_parent_class)->set_focus_child (widget, child);
  gtk_widget_queue_draw (widget);
}

/* --- Actions ------------------------------------------------------------- */

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SmBodyMap *self = SM_BODY_MAP (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    zoom_by (self, ZOOM_STEP);
  else if (g_str_equal (action_name, "map.zoom-out"))
    zoom_by (self, 1 / ZOOM_STEP);
  else if (g_str_equal (action_name, "map.zoom-reset"))
    zoom_by (self, 1 / self->zoom);
  else if (g_str_equal (action_name, "map.zoom-to-selection"))
    sm_body_map_zoom_to_selection (self);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  sm_body_map_clear_selection (SM_BODY_MAP (widget));
}

/* Zoom keys work wherever the focus is in the window, like in a viewer. */
static void
add_global_shortcuts (SmBodyMap *self)
{
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_plus, "map.zoom-in" }, { GDK_KEY_equal, "map.zoom-in" },
    { GDK_KEY_KP_Add, "map.zoom-in" }, { GDK_KEY_minus, "map.zoom-out" },
    { GDK_KEY_KP_Subtract, "map.zoom-out" }, { GDK_KEY_0, "map.zoom-reset" },
    { GDK_KEY_KP_0, "map.zoom-reset" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, GDK_CONTROL_MASK),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* --- Properties ---------------------------------------------------------- */

const char *
sm_body_map_get_view (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->view;
}

void
sm_body_map_set_view (SmBodyMap  *self,
                      const char *view)
{
  double vw, vh;

  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (view, "back") == 0 || g_strcmp0 (view, "front") == 0);

  if (!sm_set_str (&self->view, view))
    return;

  update_hit_maps (self);
  if (self->selected != NULL && g_strcmp0 (sm_map_zone_get_view (self->selected), view) != 0)
    select_zone_widget (self, NULL);
  set_hovered (self, NULL);
  get_view_size (self, &vw, &vh);
  self->zoom = 1.0;
  self->centre_u = vw / 2;
  self->centre_v = vh / 2;

  update_zone_visibility (self);
  invalidate_geometry (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

const char *
sm_body_map_get_side_filter (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->side_filter;
}

void
sm_body_map_set_side_filter (SmBodyMap  *self,
                             const char *side)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (side, "left") == 0 || g_strcmp0 (side, "right") == 0 ||
                    g_strcmp0 (side, "both") == 0);

  if (!sm_set_str (&self->side_filter, side))
    return;

  if (self->selected != NULL && !side_allowed (self, self->selected))
    select_zone_widget (self, NULL);
  set_hovered (self, NULL);
  update_zone_visibility (self);
  invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_FILTER]);
}

const char *
sm_body_map_get_layer (SmBodyMap *self)
{
  g_return_val_if_fail (SM_IS_BODY_MAP (self), NULL);

  return self->layer;
}

void
sm_body_map_set_layer (SmBodyMap  *self,
                       const char *layer)
{
  g_return_if_fail (SM_IS_BODY_MAP (self));
  g_return_if_fail (g_strcmp0 (layer, "superficial") == 0 || g_strcmp0 (layer, "deep") == 0);

  if (!sm_set_str (&self->layer, layer))
    return;

  update_hit_maps (self);
  set_hovered (self, NULL);
  update_zone_visibility (self);
  if (self->selected != NULL && !gtk_widget_get_visible (GTK_WIDGET (self->selected)))
    select_zone_widget (self, NULL);
  invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYER]);
}

static void
set_overlay (SmBodyMap *self,
             Overlay    overlay,
             gboolean   shown)
{
  if (self->overlays[overlay] == shown)
    return;

  self->overlays[overlay] = shown;
  if (overlay == OVERLAY_CAUTIONS)
    update_zone_visibility (self);
  invalidate_base (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NERVES + overlay]);
}

GtkWidget *
sm_body_map_new (void)
{
  return g_object_new (SM_TYPE_BODY_MAP, NULL);
}

static void
sm_body_map_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  SmBodyMap *self = SM_BODY_MAP (widget);
  GdkRGBA foreground;

  GTK_WIDGET_CLASS (sm_body_map_parent_class)->css_changed (widget, change);

  /* The dashed outline takes the theme's foreground colour; state changes
   * such as the window losing focus leave it alone. */
  foreground = get_foreground (self);
  if (!gdk_rgba_equal (&foreground, &self->foreground))
    invalidate_base (self);
}

static void
sm_body_map_dispose (GObject *object)
{
  SmBodyMap *self = SM_BODY_MAP (object);
  GtkWidget *child;

  self->selected = NULL;
  self->hovered = NULL;
  g_clear_handle_id (&self->prewarm_id, g_source_remove);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->caution_popover = NULL;
  self->toolbar = NULL;
  self->canvas = NULL;

  G_OBJECT_CLASS (sm_body_map_parent_class)->dispose (object);
}

static void
sm_body_map_finalize (GObject *object)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  g_clear_pointer (&self->base, cairo_surface_destroy);
  g_clear_pointer (&self->masks, g_hash_table_unref);
  g_clear_pointer (&self->hit_maps, g_hash_table_unref);
  g_clear_pointer (&self->zones_by_id, g_hash_table_unref);
  g_clear_pointer (&self->near_cautions, g_hash_table_unref);
  g_clear_pointer (&self->emphasis, g_strfreev);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  g_clear_pointer (&self->step_numbers, g_hash_table_unref);
  g_clear_pointer (&self->step_badges, sm_map_badges_free);
  g_clear_object (&self->anatomy);
  g_free (self->view);
  g_free (self->side_filter);
  g_free (self->layer);

  G_OBJECT_CLASS (sm_body_map_parent_class)->finalize (object);
}

static void
sm_body_map_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_SIDE_FILTER:
      g_value_set_string (value, self->side_filter);
      break;

    case PROP_LAYER:
      g_value_set_string (value, self->layer);
      break;

    case PROP_SELECTED_ZONE:
      g_value_set_string (value, sm_body_map_get_selected_zone (self));
      break;

    case PROP_SELECTED_SIDE:
      g_value_set_string (value, sm_body_map_get_selected_side (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SHOW_NERVES:
    case PROP_SHOW_LANDMARKS:
    case PROP_SHOW_PRESS_POINTS:
    case PROP_SHOW_CAUTIONS:
      g_value_set_boolean (value, self->overlays[prop_id - PROP_SHOW_NERVES]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_body_map_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  SmBodyMap *self = SM_BODY_MAP (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      sm_body_map_set_view (self, g_value_get_string (value));
      break;

    case PROP_SIDE_FILTER:
      sm_body_map_set_side_filter (self, g_value_get_string (value));
      break;

    case PROP_LAYER:
      sm_body_map_set_layer (self, g_value_get_string (value));
      break;

    case PROP_ZOOM:
      sm_body_map_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SHOW_NERVES:
    case PROP_SHOW_LANDMARKS:
    case PROP_SHOW_PRESS_POINTS:
    case PROP_SHOW_CAUTIONS:
      set_overlay (self, prop_id - PROP_SHOW_NERVES, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_properties (GObjectClass *object_class)
{
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "back", rw);
  properties[PROP_SIDE_FILTER] = g_param_spec_string ("side-filter", NULL, NULL, "both", rw);
  properties[PROP_LAYER] = g_param_spec_string ("layer", NULL, NULL, "superficial", rw);
  properties[PROP_SELECTED_ZONE] = g_param_spec_string ("selected-zone", NULL, NULL, NULL, ro);
  properties[PROP_SELECTED_SIDE] = g_param_spec_string ("selected-side", NULL, NULL, NULL, ro);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 1.0, MAX_ZOOM, 1.0, rw);
  for (guint i = 0; i < N_OVERLAYS; i++)
    properties[PROP_SHOW_NERVES + i] =
      g_param_spec_boolean (overlays[i].property, NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_body_map_class_init (SmBodyMapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_body_map_dispose;
  object_class->finalize = sm_body_map_finalize;
  object_class->get_property = sm_body_map_get_property;
  object_class->set_property = sm_body_map_set_property;

  widget_class->snapshot = sm_body_map_snapshot;
  widget_class->size_allocate = sm_body_map_size_allocate;
  widget_class->measure = sm_body_map_measure;
  widget_class->focus = sm_body_map_focus;
  widget_class->set_focus_child = sm_body_map_set_focus_child;
  widget_class->css_changed = sm_body_map_css_changed;

  install_properties (object_class);

  signals[ZONE_ACTIVATED] =
    g_signal_new ("zone-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[TRANSFORM_CHANGED] =
    g_signal_new ("transform-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-to-selection", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "map.clear-selection", NULL);

  gtk_widget_class_install_property_action (widget_class, "map.layer", "layer");
  for (guint i = 0; i < N_OVERLAYS; i++)
    {
      g_autofree char *name = g_strconcat ("map.", overlays[i].property, NULL);

      gtk_widget_class_install_property_action (widget_class, name, overlays[i].property);
    }

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/sm-body-map.ui");
  gtk_widget_class_bind_template_child (widget_class, SmBodyMap, toolbar);
  gtk_widget_class_set_css_name (widget_class, "bodymap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
add_controllers (SmBodyMap *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();

  g_signal_connect (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);

  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  add_global_shortcuts (self);
}

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

static void
create_canvas (SmBodyMap *self)
{
  self->canvas = g_object_new (GTK_TYPE_DRAWING_AREA,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                               "can-target", FALSE,
                               NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->canvas), draw_canvas, self, NULL);
  gtk_widget_insert_after (self->canvas, GTK_WIDGET (self), NULL);
}

static void
sm_body_map_init (SmBodyMap *self)
{
  double vw, vh;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->anatomy = g_object_ref (sm_anatomy_get_default ());
  self->view = g_strdup ("back");
  self->side_filter = g_strdup ("both");
  self->layer = g_strdup ("superficial");
  self->zoom = 1.0;
  get_view_size (self, &vw, &vh);
  self->centre_u = vw / 2;
  self->centre_v = vh / 2;
  self->scale = 1.0;

  self->zones = g_ptr_array_new ();
  self->zones_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hit_maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hit_map_free);
  self->masks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, mask_free);
  self->near_cautions = g_hash_table_new (NULL, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Body map"), -1);

  create_canvas (self);
  create_zones (self);
  create_caution_popover (self);
  add_controllers (self);
  update_hit_maps (self);
  update_zone_visibility (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-to-selection", FALSE);
}
