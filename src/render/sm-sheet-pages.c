/* sm-sheet-pages.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <pango/pangofc-fontmap.h>

#include "sm-sheet-private.h"

/* --- Fonts --------------------------------------------------------------- */

/* The sheet's own font configuration: the standard font folders and
 * nothing else. The desktop's rules (hinting, aliases, per-font fixes) are
 * for screens; on paper they only make every font lookup slower, and
 * without them a sheet prints the same on every machine. No hinting:
 * paper has no pixels to fit, and FreeType loads each glyph several times
 * faster without running the font's hinting program. Said here rather than
 * in the context's font options, so that the contexts Pango makes of the
 * map on its own look fonts up alike (FONT_FAMILY). */
static const char font_config[] =
  "<fontconfig>"
  "<dir>/usr/share/fonts</dir>"
  "<dir>/usr/local/share/fonts</dir>"
  "<dir prefix=\"xdg\">fonts</dir>"
  "<cachedir>/var/cache/fontconfig</cachedir>"
  "<cachedir prefix=\"xdg\">fontconfig</cachedir>"
  "<match target=\"pattern\"><edit name=\"hinting\" mode=\"assign\"><bool>false</bool></edit></match>"
  "</fontconfig>";

static FcConfig *
create_font_config (void)
{
  FcConfig *config = FcConfigCreate ();

  if (!FcConfigParseAndLoadFromMemory (config, (const FcChar8 *) font_config, FcTrue) ||
      !FcConfigBuildFonts (config))
    g_clear_pointer (&config, FcConfigDestroy);
  return config;
}

static gboolean printing_only;

static gpointer
create_font_map (gpointer data)
{
  PangoFontMap *map;
  FcConfig *config = create_font_config ();

  /* Pango loads the process's own font configuration for every new font
   * map, unless one is there already. */
  if (config != NULL && printing_only)
    FcConfigSetCurrent (config);

  map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  /* Points, the sheet's unit: also the resolution of the contexts Pango
   * makes of this map on its own, to measure a font. */
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (map), 72);
  if (config != NULL)
    pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (map), config);
  g_clear_pointer (&config, FcConfigDestroy);
  return map;
}

static PangoFontMap *
get_font_map (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, create_font_map, NULL);
}

/* The sheet's text is laid out alike for every surface (paper, PDF, the
 * print preview on screen): with the font metrics as drawn, never rounded
 * to whole pixels (what a PDF surface asks for), and else the defaults
 * rather than the surface's font options, which only matter for pixels
 * and would make Pango look every font up again (FONT_FAMILY). */
static void
setup_context (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

/* Each face and size the sheet sets text in (sm-sheet-private.h; the
 * bold runs of the lead and body text too), set once here while the
 * content loads: loading a font, its metrics and its shaping plan is what
 * the sheet's first layouts spent much of their time on. */
static const char * const warm_fonts[] = {
  FONT_TITLE, FONT_HEADING, FONT_LEAD, FONT_BODY, FONT_FAMILY " Bold 9", FONT_BODY_EMPH,
  FONT_SMALL, FONT_SMALL_BOLD,
};

static void
warm_up_text (PangoFontMap *map)
{
  PangoContext *context = pango_font_map_create_context (map);
  /* Never shown: the font, its metrics and its shaping plan are what
   * take time, not the letters (the glyphs load as they are needed). */
  const char *letters = "Aa";

  setup_context (context);
  for (guint i = 0; i < G_N_ELEMENTS (warm_fonts); i++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (warm_fonts[i]);

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, letters, -1);
      pango_layout_get_size (layout, NULL, NULL);
    }
  g_object_unref (context);
}

static gpointer
load_fonts (gpointer data)
{
  warm_up_text (get_font_map ());
  return NULL;
}

static GThread *font_loader;

/* For sm_sheet_warm_up (): the sheet's font configuration becomes the
 * process's, and the fonts load in a thread, which the first sheet's text
 * waits for (sm_sheet_wait_for_fonts ()). */
void
sm_sheet_start_loading_fonts (void)
{
  printing_only = TRUE;
  font_loader = g_thread_new ("sm-sheet-fonts", load_fonts, NULL);
}

/* The font map is not to be shared between threads: the one that warms it
 * up is done before anything else uses it. Called from the thread that
 * started it (the export's). */
void
sm_sheet_wait_for_fonts (void)
{
  g_clear_pointer (&font_loader, g_thread_join);
}

/* --- Paging -------------------------------------------------------------- */

/* One Pango context for all the sheet's text: a context per layout would
 * look every font up again. The text is shaped once for every surface
 * (setup_context ()). */
static void
prepare_pango (SmSheet *self)
{
  if (self->pango != NULL)
    return;

  sm_sheet_wait_for_fonts ();
  self->pango = pango_font_map_create_context (get_font_map ());
  setup_context (self->pango);
}

void
sm_sheet_paint_footer (Flow *flow,
                       guint n_pages)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autoptr(PangoLayout) l = NULL;
  g_autoptr(PangoLayout) r = NULL;
  double y = flow->height - MARGIN - 10;
  int w;

  left = g_strdup_printf ("%s — %s", _("Sciatica Map"), sm_routine_get_name (flow->sheet->routine));
  /* Translators: page footer, e.g. "Page 1 of 2"; the plural form follows
   * the second number */
  right = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Page %1$u of %2$u", "Page %1$u of %2$u",
                                        n_pages),
                           (guint) flow->page + 1, n_pages);

  sm_sheet_paint_rule (flow, flow->left, flow->right, y - 6, &rule, 0.6);
  l = sm_sheet_get_layout (flow, FONT_SMALL, flow->right - flow->left - 80, left, FALSE, 1);
  sm_sheet_paint_layout (flow, l, &muted, flow->left, y);
  r = sm_sheet_text_layout (flow, FONT_SMALL, -1, right);
  pango_layout_get_pixel_size (r, &w, NULL);
  sm_sheet_paint_layout (flow, r, &muted, flow->right - w, y);
}

static cairo_t *
record_page (Flow *flow)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                            &(cairo_rectangle_t) { 0, 0, flow->width, flow->height });
  cr = cairo_create (surface);
  g_ptr_array_add (flow->sheet->pages, surface);
  g_ptr_array_add (flow->crs, cr);
  return cr;
}

/* Recording: a new recording. Painting straight onto a PDF: the first
 * page gets the safety box at its foot (the measuring pass found it goes
 * there), each page its footer, then the next page. */
static void
new_page (Flow *flow)
{
  if (flow->n_pages > 0)
    {
      if (flow->page == 0 && flow->pinned)
        sm_sheet_paint_pinned_bottom (flow);
      sm_sheet_paint_footer (flow, flow->n_pages);
      cairo_show_page (flow->cr);
    }
  flow->page++;
  flow->y = MARGIN;
  if (flow->crs != NULL)
    flow->cr = record_page (flow);
}

/* The foot of the page the cursor is on: the first page keeps room for
 * the safety box while it is reserved. */
static double
page_bottom (Flow *flow)
{
  return flow->page == 0 ? flow->bottom - flow->reserved : flow->bottom;
}

/* Moves to the next page unless @height still fits on this one. Blocks
 * taller than a whole page are drawn where they are (and clipped by the
 * paper) rather than pushed on forever. */
void
sm_sheet_reserve (Flow   *flow,
                  double  height)
{
  if (flow->y + height > page_bottom (flow) && flow->y > MARGIN)
    new_page (flow);
}

/* --- Layout -------------------------------------------------------------- */

static void
run_flow (Flow *flow)
{
  sm_sheet_start_loading_art (flow->sheet);
  sm_sheet_start_reading_poses (flow->sheet);
  prepare_pango (flow->sheet);

  sm_sheet_flow_header (flow);
  sm_sheet_flow_overview (flow);
  sm_sheet_flow_pain_key (flow);
  sm_sheet_reserve_for_bottom (flow);
  sm_sheet_flow_steps (flow);
  sm_sheet_flow_bottom (flow);
}

/* Lays the whole sheet out once for @width × @height and records every
 * page; again only for another paper size or another context. */
void
sm_sheet_ensure_layout (SmSheet *self,
                        cairo_t *cr,
                        double   width,
                        double   height)
{
  g_autoptr(GPtrArray) crs = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_destroy);
  Flow flow = {
    self, NULL, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, 0, crs, 0, FALSE, 0,
  };

  if (self->pages != NULL && self->pages_cr == cr &&
      self->pages_width == width && self->pages_height == height)
    return;

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  self->pages_cr = cr;
  self->pages_width = width;
  self->pages_height = height;
  flow.cr = record_page (&flow);

  run_flow (&flow);
}

/* For the PDF, one pass to measure and one that paints each page straight
 * onto @cr as it goes, with cairo_show_page () between: no recording to
 * replay, which would make cairo's PDF writer walk every page twice more. */
void
sm_sheet_paint_all_pages (SmSheet *self,
                          cairo_t *cr,
                          double   width,
                          double   height)
{
  Flow flow = {
    self, cr, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, -1, NULL, 0, FALSE, 0,
  };

  run_flow (&flow);
  flow = (Flow) {
    self, cr, width, height, MARGIN, width - MARGIN, MARGIN,
    height - MARGIN - FOOTER_HEIGHT, 0, 0, NULL, 0, flow.pinned, flow.page + 1,
  };
  run_flow (&flow);
  sm_sheet_paint_footer (&flow, flow.n_pages);
  cairo_show_page (cr);
}
