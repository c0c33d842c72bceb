/* sm-body-map-private.h: what the parts of SmBodyMap share
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-anatomy.h"
#include "sm-body-map.h"
#include "sm-map-badges.h"
#include "sm-map-zone.h"

G_BEGIN_DECLS

/* How the map draws a frame: the artwork for the current view, size, zoom,
 * layer, side filter and overlays is rendered once into a texture (the
 * "base"); hover, selection, focus and the caution areas near the
 * selection are masks of single elements, cached per size and painted over
 * it. Hit testing reads an id map (one byte per SVG unit) built once per
 * view and layer. Nothing parses SVG here: SmAnatomy did that at start-up.
 *
 * sm-body-map.c: the class, properties, selection, zoom and pan;
 * sm-body-map-geometry.c: the transform, hit maps and layout;
 * sm-body-map-zones.c: the zones as child widgets, their names, the
 * caution popover; sm-body-map-base.c: drawing the base, also ahead in a
 * worker for the first frame; sm-body-map-draw.c: the base's tiles, the
 * toolbar, painting highlights and step numbers; sm-body-map-highlights.c: the masks and
 * images of highlights per geometry, and the stale ones shown after a
 * zoom; sm-body-map-masks.c: a new geometry's masks drawn in a worker;
 * sm-body-map-input.c: pointer, gestures, keyboard, actions. */

/* The piriformis is the app's headline target. It lies under the gluteus
 * maximus, yet in every layer a click on its outline (halfway between the
 * sacrum and the greater trochanter) selects the piriformis, not the
 * muscle over it, and the superficial layer shows it as a dashed outline
 * through the gluteus maximus. */
#define SM_BODY_MAP_HEADLINE_MUSCLE "piriformis"

typedef enum {
  SM_BODY_MAP_OVERLAY_NERVES,
  SM_BODY_MAP_OVERLAY_LANDMARKS,
  SM_BODY_MAP_OVERLAY_PRESS_POINTS,
  SM_BODY_MAP_OVERLAY_CAUTIONS,
  SM_BODY_MAP_N_OVERLAYS
} SmBodyMapOverlay;

typedef struct
{
  SmAnatomyIdMap *map;
  GPtrArray      *zones;    /* SmMapZone* per slot of the map */
  GHashTable     *visible;  /* element ids with pixels in the map */
} SmBodyMapHitMap;

typedef struct _SmMaskPrep SmMaskPrep;
typedef struct _SmBaseJob SmBaseJob;
typedef struct _SmBasePredraw SmBasePredraw;

/* A highlight of one element, in the widget's coordinates of the geometry
 * its SmMaskSet was drawn for. */
typedef struct
{
  cairo_surface_t *surface;  /* device pixels, device scale set */
  double           x;        /* widget coordinates of its top-left */
  double           y;
  GskRenderNode   *node;     /* @surface painted, made on first use */
  gboolean         stale;    /* in self->stale: drawn scaled to the current geometry */
} SmMapMask;

typedef enum {
  SM_ZONE_IMAGE_HOVER,
  SM_ZONE_IMAGE_SELECTION,
} SmZoneImage;

/* The highlight masks of one geometry (sm-body-map-draw.c): "style/view/id"
 * and the like → Mask*, and the view, scale and origin they were drawn
 * for. The artwork is the map's SmAnatomy, the same for its lifetime. */
typedef struct
{
  GHashTable *masks;
  char       *view;
  double      scale;
  double      origin_x;
  double      origin_y;
} SmMaskSet;

struct _SmBodyMap
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkWidget       *toolbar;

  /* Borrowed references */
  SmMapZone       *selected;        /* children of the map */
  SmMapZone       *hovered;
  SmBodyMapHitMap *zone_hits;       /* the current view and layer, in hit_maps */
  SmBodyMapHitMap *caution_hits;    /* the current view, in hit_maps */
  GtkPopover      *caution_popover;
  GtkLabel        *caution_label;

  /* Owned references */
  SmAnatomy       *anatomy;
  GHashTable      *step_numbers;    /* element id → label, from the open routine */
  SmMapBadges     *step_badges;     /* placed for the current view and zoom */
  char            *view;
  char            *side_filter;
  char            *layer;
  GHashTable      *near_cautions;   /* SmMapZone* shown for the selection */
  char           **emphasis;        /* SVG ids drawn over the map, e.g. landmarks */
  char            *referral_zone;   /* whose referred-pain pattern is drawn, sm-body-map-referral.c */
  char            *referral_side;
  GPtrArray       *zones;           /* SmMapZone*, anatomical order */
  GHashTable      *zones_by_id;     /* "view/element-id" → SmMapZone* */
  GHashTable      *hit_maps;        /* "view/layer" or "view/cautions" → SmBodyMapHitMap* */
  cairo_surface_t *base;
  GskRenderNode   *base_node;       /* the base in tiles, kept while it is valid */
  SmBasePredraw   *predraw;         /* the first base, drawn ahead in a worker */
  GskRenderNode   *toolbar_drawn;   /* the toolbar's node from GTK, and */
  GskRenderNode   *toolbar_node;    /* it recorded, see snapshot_toolbar () */
  SmMaskSet        masks;           /* drawn for the current geometry */
  SmMaskSet        stale;           /* an earlier geometry's, shown scaled until the idle
                                     * has drawn the current ones */
  SmMaskPrep      *mask_prep;       /* a new geometry's masks, drawn in a worker */

  /* State */
  gboolean         overlays[SM_BODY_MAP_N_OVERLAYS];
  double           zoom;
  double           centre_u;        /* SVG point in the middle of the widget */
  double           centre_v;
  double           scale;           /* widget px per SVG unit */
  double           origin_x;        /* widget position of SVG (0, 0) */
  double           origin_y;
  int              toolbar_band;    /* px kept free for the toolbar */
  GPtrArray       *zones_shown;     /* SmMapZone* shown since the last layout */
  gboolean         layout_all;      /* the transform changed: every zone moves */
  int              layout_width;
  int              layout_height;
  GdkRGBA          foreground;      /* the colour the base was drawn with */
  gboolean         base_valid;
  int              base_width;
  int              base_height;
  int              base_scale_factor;
  graphene_rect_t  toolbar_bounds;
  int              toolbar_scale_factor;
  guint            base_renders;
  guint            predrawn;        /* bases taken from a worker that drew them ahead */
  guint            prewarm_id;      /* idle that fills masks ahead of hover */
  guint            hit_maps_id;     /* idle after the first frame that builds the hit maps */
  gboolean         hit_maps_on;     /* built (or needed) since: see sm-body-map-geometry.c */
  guint            prewarm_next;    /* index in zones */
  gboolean         stale_shown;     /* a frame showed a stale mask */
  double           pointer_x;
  double           pointer_y;
  double           zoom_at_gesture;
  double           drag_u;
  double           drag_v;
  gboolean         dragged;         /* this press moved: not a click */
};

/* sm-body-map.c */
void        _sm_body_map_select_zone_widget     (SmBodyMap        *self,
                                                 SmMapZone        *zone);
void        _sm_body_map_activate_zone          (SmBodyMap        *self,
                                                 SmMapZone        *zone);
void        _sm_body_map_zoom_at                (SmBodyMap        *self,
                                                 double            zoom,
                                                 double            x,
                                                 double            y);
void        _sm_body_map_zoom_by                (SmBodyMap        *self,
                                                 double            factor);
void        _sm_body_map_invalidate_geometry    (SmBodyMap        *self);
void        _sm_body_map_transform_changed      (SmBodyMap        *self);

/* sm-body-map-referral.c */
void        _sm_body_map_snapshot_referral      (SmBodyMap        *self,
                                                 GtkSnapshot      *snapshot);

/* sm-body-map-geometry.c */
void        _sm_body_map_geometry_init          (SmBodyMap        *self);
void        _sm_body_map_geometry_class_init    (GtkWidgetClass   *widget_class);
void        _sm_body_map_get_view_size          (SmBodyMap        *self,
                                                 double           *width,
                                                 double           *height);
void        _sm_body_map_update_transform       (SmBodyMap        *self);
cairo_rectangle_t _sm_body_map_get_viewport     (SmBodyMap        *self);
cairo_rectangle_t _sm_body_map_viewport_for_size (SmBodyMap       *self,
                                                 int               width,
                                                 int               height);
void        _sm_body_map_widget_to_svg          (SmBodyMap        *self,
                                                 double            x,
                                                 double            y,
                                                 double           *u,
                                                 double           *v);
SmMapZone  *_sm_body_map_lookup_zone            (SmBodyMap        *self,
                                                 const char       *view,
                                                 const char       *element_id);
gboolean    _sm_body_map_is_deep                (SmBodyMap        *self,
                                                 const char       *view,
                                                 const char       *element_id);
gboolean    _sm_body_map_is_headline            (const char       *element_id);
void        _sm_body_map_update_hit_maps        (SmBodyMap        *self);
void        _sm_body_map_ensure_hit_maps        (SmBodyMap        *self);
SmMapZone  *_sm_body_map_pick_zone              (SmBodyMap        *self,
                                                 double            x,
                                                 double            y);

/* sm-body-map-zones.c */
void        _sm_body_map_zones_init             (SmBodyMap        *self);
gboolean    _sm_body_map_side_allowed           (SmBodyMap        *self,
                                                 SmMapZone        *zone);
void        _sm_body_map_update_zone_visibility (SmBodyMap        *self);
void        _sm_body_map_update_near_visibility (SmBodyMap        *self,
                                                 GHashTable       *was_near);
void        _sm_body_map_explain_caution        (SmBodyMap        *self,
                                                 SmMapZone        *zone);

/* sm-body-map-draw.c */
void        _sm_body_map_draw_init              (SmBodyMap        *self);

/* sm-body-map-base.c */
SmBaseJob  *_sm_base_job_new                    (SmBodyMap               *self,
                                                 int                      width,
                                                 int                      height,
                                                 int                      factor,
                                                 const cairo_rectangle_t *viewport);
void        _sm_base_job_free                   (SmBaseJob               *job);
const GdkRGBA *_sm_base_job_get_foreground      (const SmBaseJob         *job);
cairo_surface_t *_sm_base_job_draw              (const SmBaseJob         *job);
cairo_surface_t *_sm_body_map_take_predrawn     (SmBodyMap               *self,
                                                 const SmBaseJob         *job);
void        _sm_body_map_base_dispose           (SmBodyMap               *self);
void        _sm_body_map_draw_class_init        (GtkWidgetClass   *widget_class);
void        _sm_body_map_invalidate_base        (SmBodyMap        *self);
GskRenderNode *_sm_body_map_base_node_new       (cairo_surface_t  *base,
                                                 int               width,
                                                 int               height,
                                                 int               factor);
GdkRGBA     _sm_body_map_get_foreground         (SmBodyMap        *self);

/* sm-body-map-input.c */
void        _sm_body_map_input_init             (SmBodyMap        *self);
void        _sm_body_map_input_class_init       (GtkWidgetClass   *widget_class);
void        _sm_body_map_set_hovered            (SmBodyMap        *self,
                                                 SmMapZone        *zone);

/* sm-body-map-masks.c */
char       *_sm_mask_key                        (SmAnatomyStyle    style,
                                                 const char       *view,
                                                 const char       *id);
SmMaskPrep *_sm_mask_prep_new                   (SmAnatomy        *anatomy);
void        _sm_mask_prep_free                  (SmMaskPrep       *prep);
void        _sm_mask_prep_cancel                (SmMaskPrep       *prep);
void        _sm_mask_prep_start                 (SmMaskPrep       *prep,
                                                 const char       *view,
                                                 double            origin_x,
                                                 double            origin_y,
                                                 double            scale,
                                                 int               device_scale,
                                                 double            padding,
                                                 GPtrArray        *ids);
gboolean    _sm_mask_prep_take                  (SmMaskPrep       *prep,
                                                 const char       *key,
                                                 gboolean          wait,
                                                 cairo_surface_t **surface,
                                                 double           *x,
                                                 double           *y);

/* sm-body-map-highlights.c */
void        _sm_body_map_masks_init             (SmBodyMap        *self);
void        _sm_body_map_masks_clear            (SmBodyMap        *self);
void        _sm_body_map_keep_masks_as_stale    (SmBodyMap        *self);
SmMapMask  *_sm_body_map_get_element_mask       (SmBodyMap        *self,
                                                 SmAnatomyStyle    style,
                                                 const char       *view,
                                                 const char       *id);
SmMapMask  *_sm_body_map_get_mask               (SmBodyMap        *self,
                                                 SmAnatomyStyle    style,
                                                 SmMapZone        *zone);
SmMapMask  *_sm_body_map_get_zone_image         (SmBodyMap        *self,
                                                 SmZoneImage       kind,
                                                 SmMapZone        *zone,
                                                 const GdkRGBA    *color);
void        _sm_body_map_schedule_prewarm       (SmBodyMap        *self);
void        _sm_body_map_prepare_masks          (SmBodyMap        *self);
gboolean    _sm_image_find_ink                  (cairo_surface_t       *surface,
                                                 cairo_rectangle_int_t *box);

G_END_DECLS
