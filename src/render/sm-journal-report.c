/* sm-journal-report.c: the therapist's report of the journal, as a PDF.
 *
 * The chart (the same renderer as the Journal page), what it shows in
 * words, how many sessions showed the stop rules, the sessions per week
 * against the routine's plan, the first and the latest pain drawing side
 * by side, and a table of the sessions, oldest first, that flows onto
 * more pages with its header repeated. Vector only: text and paths, no
 * image.
 *
 * Speed: one Pango context for the whole report (at 72 dpi, the PDF's
 * points), the fonts parsed once, each table cell laid out once for both
 * measuring and drawing, and the cells that repeat (the routine, the
 * scores, an empty remark) laid out once for the whole table, so the cost
 * per session stays the same however long the journal is.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>

#include "sm-anatomy.h"
#include "sm-journal-chart.h"
#include "sm-journal-report.h"
#include "sm-journal-weeks.h"
#include "sm-pain-painter.h"

#define MARGIN          50.0
#define CHART_HEIGHT    210.0
#define WEEKS_HEIGHT    150.0
#define DRAWING_HEIGHT  250.0
#define ROW_GAP         4.0
#define CACHE_MAX       256     /* repeated cells kept per column */

typedef enum
{
  FONT_TITLE,
  FONT_TEXT,
  FONT_BOLD,
  FONT_TABLE,
  FONT_TABLE_HEAD,
  N_FONTS
} Font;

/* As the chart's (sm-journal-chart.h): Sans, or DejaVu Sans without an alias. */
static const char * const font_names[N_FONTS] = {
  "Sans,DejaVu Sans Bold 18", "Sans,DejaVu Sans 10", "Sans,DejaVu Sans Bold 10",
  "Sans,DejaVu Sans 9", "Sans,DejaVu Sans Bold 9",
};

typedef struct
{
  cairo_t              *cr;
  PangoContext         *pango;
  PangoFontDescription *fonts[N_FONTS];
  double                width, height;   /* the page */
  double                y;               /* where the next line goes */
  GHashTable           *cells[5];        /* text → PangoLayout, per column of the table */
} Flow;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
layout_new (Flow       *flow,
            Font        font,
            double      width,
            const char *text)
{
  PangoLayout *layout = pango_layout_new (flow->pango);

  pango_layout_set_font_description (layout, flow->fonts[font]);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
show_at (Flow        *flow,
         PangoLayout *layout,
         double       x,
         double       y)
{
  cairo_set_source_rgb (flow->cr, 0.1, 0.1, 0.1);
  cairo_move_to (flow->cr, x, y);
  pango_cairo_show_layout (flow->cr, layout);
}

static void
paragraph (Flow       *flow,
           Font        font,
           const char *text,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (flow, font, flow->width - 2 * MARGIN, text);

  show_at (flow, layout, MARGIN, flow->y);
  flow->y += layout_height (layout) + space_after;
}

static char *
format_day (gint64      unix_time,
            const char *format)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time != NULL ? g_date_time_format (time, format) : g_strdup ("");
}

/* --- The table ----------------------------------------------------------- */

/* Column starts as fractions of the text width. */
static const double columns[] = { 0.0, 0.24, 0.52, 0.63, 0.74 };

static char *
pain_cell (int pain)
{
  return pain == SM_JOURNAL_NO_PAIN ? g_strdup ("–") : g_strdup_printf ("%d", pain);
}

/* Flags and note in one cell: what the person said, in their words. */
static char *
remarks_cell (const SmJournalEntry *entry)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (entry->single_hold)
    g_ptr_array_add (parts, (gpointer) _("Single hold"));
  if (entry->partial)
    g_ptr_array_add (parts, (gpointer) _("Ended early"));
  if (sm_journal_entry_is_flagged (entry))
    g_ptr_array_add (parts, (gpointer) _("Stop rules shown"));
  if (entry->note[0] != '\0')
    g_ptr_array_add (parts, entry->note);
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

/* Lays out a row's cells into @layouts; returns the row's height. */
static double
layout_row (Flow               *flow,
            const char * const  cells[5],
            Font                font,
            PangoLayout        *layouts[5])
{
  double text_width = flow->width - 2 * MARGIN;
  double height = 0;

  for (guint i = 0; i < 5; i++)
    {
      double right = i + 1 < 5 ? columns[i + 1] : 1.0;
      GHashTable *cache = font == FONT_TABLE ? flow->cells[i] : NULL;
      PangoLayout *cached = cache != NULL ? g_hash_table_lookup (cache, cells[i]) : NULL;

      if (cached != NULL)
        layouts[i] = g_object_ref (cached);
      else
        {
          layouts[i] = layout_new (flow, font, (right - columns[i]) * text_width - 6, cells[i]);
          if (cache != NULL && g_hash_table_size (cache) < CACHE_MAX)
            g_hash_table_insert (cache, g_strdup (cells[i]), g_object_ref (layouts[i]));
        }
      height = MAX (height, layout_height (layouts[i]));
    }
  return height;
}

/* Draws and frees the row's layouts. */
static void
show_row (Flow        *flow,
          PangoLayout *layouts[5])
{
  double text_width = flow->width - 2 * MARGIN;

  for (guint i = 0; i < 5; i++)
    {
      show_at (flow, layouts[i], MARGIN + columns[i] * text_width, flow->y);
      g_clear_object (&layouts[i]);
    }
}

static void
table_header (Flow *flow)
{
  const char * const cells[5] = {
    _("Date"), _("Routine"), _("Before"), _("After"), _("Remarks")
  };
  PangoLayout *layouts[5];
  double height = layout_row (flow, cells, FONT_TABLE_HEAD, layouts);

  show_row (flow, layouts);
  flow->y += height + 2;
  cairo_set_source_rgb (flow->cr, 0.1, 0.1, 0.1);
  cairo_set_line_width (flow->cr, 0.75);
  cairo_move_to (flow->cr, MARGIN, flow->y);
  cairo_line_to (flow->cr, flow->width - MARGIN, flow->y);
  cairo_stroke (flow->cr);
  flow->y += ROW_GAP;
}

static void
table (Flow      *flow,
       GPtrArray *entries)
{
  table_header (flow);
  for (guint i = entries->len; i-- > 0;)
    {
      const SmJournalEntry *entry = g_ptr_array_index (entries, i);
      /* Translators: the date and time of a session in the report (strftime format). */
      g_autofree char *date = format_day (entry->started, _("%Y-%m-%d %H:%M"));
      g_autofree char *before = pain_cell (entry->pain_before);
      g_autofree char *after = pain_cell (entry->pain_after);
      g_autofree char *remarks = remarks_cell (entry);
      const char * const cells[5] = { date, entry->routine, before, after, remarks };
      PangoLayout *layouts[5];
      double height = layout_row (flow, cells, FONT_TABLE, layouts);

      if (flow->y + height > flow->height - MARGIN)
        {
          cairo_show_page (flow->cr);
          flow->y = MARGIN;
          table_header (flow);
        }
      show_row (flow, layouts);
      flow->y += height + ROW_GAP;
    }
}

/* --- The report ---------------------------------------------------------- */

static void
heading (Flow       *flow,
         GPtrArray  *entries,
         gint64      since,
         gint64      until,
         const char *routine)
{
  /* Translators: a date in the report's heading (strftime format). */
  g_autofree char *from = format_day (since, _("%-d %B %Y"));
  g_autofree char *to = format_day (until, _("%-d %B %Y"));
  /* Translators: %1$s and %2$s are the first and last day of the report. */
  g_autofree char *range = g_strdup_printf (_("From %1$s to %2$s"), from, to);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions",
                                                         entries->len), entries->len);
  guint flagged = 0;

  for (guint i = 0; i < entries->len; i++)
    flagged += sm_journal_entry_is_flagged (g_ptr_array_index (entries, i));

  paragraph (flow, FONT_TITLE, _("Progress journal"), 4);
  paragraph (flow, FONT_TEXT, routine != NULL ? routine : _("All routines"), 2);
  paragraph (flow, FONT_TEXT, range, 2);
  paragraph (flow, FONT_TEXT, count, 12);
  if (flagged > 0)
    {
      /* Translators: %u is how many sessions had pain up by 2 or more or a nerve sign. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "In %u session the pain rose by 2 or more or a step caused sharp, shooting, numb or tingling pain: the stop rules were shown.",
                                                            "In %u sessions the pain rose by 2 or more or a step caused sharp, shooting, numb or tingling pain: the stop rules were shown.",
                                                            flagged), flagged);
      paragraph (flow, FONT_BOLD, text, 12);
    }
}

static void
chart (Flow      *flow,
       GPtrArray *entries,
       gint64     since,
       gint64     until)
{
  g_autoptr(SmJournalChart) chart = sm_journal_chart_new (entries, since, until);
  g_autofree char *summary = sm_journal_chart_summary (chart);
  SmJournalChartColors colors;

  sm_journal_chart_colors_paper (&colors);
  cairo_save (flow->cr);
  cairo_translate (flow->cr, MARGIN, flow->y);
  sm_journal_chart_draw (chart, flow->cr, flow->pango, flow->width - 2 * MARGIN, CHART_HEIGHT, &colors);
  cairo_restore (flow->cr);
  flow->y += CHART_HEIGHT + 8;
  paragraph (flow, FONT_TEXT, summary, 16);
}

static void
weeks (Flow      *flow,
       GPtrArray *entries,
       gint64     since,
       gint64     until)
{
  g_autoptr(SmJournalWeeks) weeks = sm_journal_weeks_new (entries, since, until);
  g_autofree char *summary = sm_journal_weeks_summary (weeks);
  SmJournalChartColors colors;

  sm_journal_chart_colors_paper (&colors);
  cairo_save (flow->cr);
  cairo_translate (flow->cr, MARGIN, flow->y);
  sm_journal_weeks_draw (weeks, flow->cr, flow->pango, flow->width - 2 * MARGIN, WEEKS_HEIGHT, &colors);
  cairo_restore (flow->cr);
  flow->y += WEEKS_HEIGHT + 8;
  paragraph (flow, FONT_TEXT, summary, 16);
}

/* --- The pain drawings --------------------------------------------------- */

static SmPainDrawing *
drawing_of (const SmJournalEntry *entry)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(SmPainDrawing) drawing = sm_pain_drawing_new ();

  /* A snapshot that does not read (damaged) is left out, not an error. */
  if (entry->drawing_json == NULL ||
      !json_parser_load_from_data (parser, entry->drawing_json, -1, NULL) ||
      json_parser_get_root (parser) == NULL ||
      !sm_pain_drawing_load_json (drawing, json_parser_get_root (parser), NULL) ||
      sm_pain_drawing_get_n_strokes (drawing) == 0)
    return NULL;
  return g_steal_pointer (&drawing);
}

/* The views of the body @drawing has strokes on, each in paper style with
 * the strokes on top, side by side in @x, @y, @width, @height. */
static void
paint_drawing (Flow          *flow,
               SmPainDrawing *drawing,
               double         x,
               double         y,
               double         width,
               double         height)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char * const *views = sm_anatomy_list_views (anatomy);
  const char * const none[] = { NULL };
  const char *shown[2];
  double bx, by, bw, bh;
  guint n = 0;

  for (guint i = 0; views[i] != NULL && n < 2; i++)
    if (sm_pain_drawing_get_bounds (drawing, views[i], &bx, &by, &bw, &bh))
      shown[n++] = views[i];
  for (guint i = 0; i < n; i++)
    {
      double vw, vh, scale, cell = width / n;
      cairo_rectangle_t viewport;

      sm_anatomy_get_size (anatomy, shown[i], &vw, &vh);
      scale = MIN (cell / vw, height / vh);
      viewport = (cairo_rectangle_t) { x + i * cell + (cell - vw * scale) / 2, y, vw * scale, vh * scale };
      cairo_save (flow->cr);
      sm_anatomy_render_marked_view (anatomy, shown[i], SM_ANATOMY_STYLE_PAPER, SM_ANATOMY_STYLE_PAPER,
                                     none, flow->cr, &viewport, NULL);
      sm_pain_paint_drawing (drawing, shown[i], flow->cr, &viewport, vw);
      cairo_restore (flow->cr);
    }
}

typedef struct
{
  SmPainDrawing        *first, *latest;
  const SmJournalEntry *first_entry, *latest_entry;
  GThread              *parse;   /* the artwork, parsed while the text is laid out */
} Drawings;

/* Parses the paper look of each view a drawing is on: the artwork is the
 * slowest part of a short report, and the heading and charts before it
 * need none of it. */
static gpointer
parse_views (gpointer data)
{
  Drawings *found = data;
  SmAnatomy *anatomy = sm_anatomy_get_default ();
  const char * const *views = sm_anatomy_list_views (anatomy);
  double x, y, w, h;

  for (guint i = 0; views[i] != NULL; i++)
    if (sm_pain_drawing_get_bounds (found->first, views[i], &x, &y, &w, &h) ||
        (found->latest != NULL && sm_pain_drawing_get_bounds (found->latest, views[i], &x, &y, &w, &h)))
      sm_anatomy_ensure_style (anatomy, views[i], SM_ANATOMY_STYLE_PAPER, NULL);
  return NULL;
}

/* The oldest and the newest session with a pain drawing. */
static void
find_drawings (Drawings  *found,
               GPtrArray *entries)
{
  for (guint i = entries->len; i-- > 0 && found->first == NULL;)
    if ((found->first = drawing_of (g_ptr_array_index (entries, i))) != NULL)
      found->first_entry = g_ptr_array_index (entries, i);
  for (guint i = 0; i < entries->len && found->latest == NULL && found->first != NULL; i++)
    if (g_ptr_array_index (entries, i) != found->first_entry &&
        (found->latest = drawing_of (g_ptr_array_index (entries, i))) != NULL)
      found->latest_entry = g_ptr_array_index (entries, i);
  if (found->first != NULL)
    found->parse = g_thread_new ("sm-report-art", parse_views, found);
}

static void
clear_drawings (Drawings *found)
{
  if (found->parse != NULL)
    g_thread_join (found->parse);
  g_clear_object (&found->first);
  g_clear_object (&found->latest);
}

/* The first and the latest pain drawing, side by side, each under its
 * day; one when they are the same session; nothing without a drawing. */
static void
drawings (Flow     *flow,
          Drawings *found)
{
  SmPainDrawing *first = found->first, *latest = found->latest;
  const SmJournalEntry *first_entry = found->first_entry, *latest_entry = found->latest_entry;
  double column = (flow->width - 2 * MARGIN - 20) / 2;

  if (first == NULL)
    return;
  g_clear_pointer (&found->parse, g_thread_join);

  if (flow->y + DRAWING_HEIGHT + 60 > flow->height - MARGIN)
    {
      cairo_show_page (flow->cr);
      flow->y = MARGIN;
    }
  paragraph (flow, FONT_BOLD, latest != NULL ? _("Pain drawings: the first and the latest")
                                             : _("Pain drawing"), 6);
  for (guint i = 0; i < 2; i++)
    {
      const SmJournalEntry *entry = i == 0 ? first_entry : latest_entry;
      /* Translators: the day of a pain drawing in the report (strftime format). */
      g_autofree char *day = entry != NULL ? format_day (entry->started, _("%-d %B %Y")) : NULL;
      /* Translators: %s is a day, under the first pain drawing in the report. */
      g_autofree char *caption = entry == NULL ? NULL
                                 : g_strdup_printf (i == 0 ? _("First: %s") : _("Latest: %s"), day);
      g_autoptr(PangoLayout) layout = caption != NULL ? layout_new (flow, FONT_TEXT, column, caption) : NULL;

      if (layout == NULL)
        continue;
      show_at (flow, layout, MARGIN + i * (column + 20), flow->y);
      paint_drawing (flow, i == 0 ? first : latest, MARGIN + i * (column + 20),
                     flow->y + layout_height (layout) + 4, column, DRAWING_HEIGHT);
    }
  flow->y += DRAWING_HEIGHT + 40;
}

/* @entries: SmJournalEntry newest first, already those since @since and of
 * @routine (NULL: every routine, only for the heading). */
GBytes *
sm_journal_report_render_pdf (GPtrArray     *entries,
                              gint64         since,
                              const char    *routine,
                              SmSheetPaper   paper,
                              GError       **error)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  gint64 until = g_get_real_time () / G_USEC_PER_SEC;
  cairo_surface_t *surface;
  cairo_status_t status;
  Flow flow = { .y = MARGIN };
  Drawings found = { NULL };

  sm_sheet_paper_get_size (paper, &flow.width, &flow.height);
  if (since == 0 && entries->len > 0)
    since = ((SmJournalEntry *) g_ptr_array_index (entries, entries->len - 1))->started;
  if (entries->len > 0)
    until = MAX (((SmJournalEntry *) g_ptr_array_index (entries, 0))->started, since);

  surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, flow.width, flow.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Progress journal"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, PACKAGE_NAME " " PACKAGE_VERSION);
  flow.cr = cairo_create (surface);
  /* The PDF's units are points: 72 dpi, not Pango's guess of 96. */
  flow.pango = pango_cairo_create_context (flow.cr);
  pango_cairo_context_set_resolution (flow.pango, 72);
  for (guint i = 0; i < N_FONTS; i++)
    flow.fonts[i] = pango_font_description_from_string (font_names[i]);
  /* The date is new on every row: only the other columns repeat. */
  for (guint i = 1; i < 5; i++)
    flow.cells[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  find_drawings (&found, entries);
  heading (&flow, entries, since, until, routine);
  chart (&flow, entries, since, until);
  weeks (&flow, entries, since, until);
  drawings (&flow, &found);
  clear_drawings (&found);
  table (&flow, entries);

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (flow.fonts[i]);
  for (guint i = 1; i < 5; i++)
    g_hash_table_unref (flow.cells[i]);
  g_object_unref (flow.pango);
  cairo_show_page (flow.cr);
  status = cairo_status (flow.cr);
  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
}
