/* sm-sheet-steps.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sm-format.h"
#include "sm-sheet-private.h"

/* --- Words --------------------------------------------------------------- */

static const char *
zone_name (SmSheet    *self,
           const char *id)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, id);

  return zone != NULL ? sm_zone_get_name (zone) : id;
}

static const char *
tool_name (SmSheet    *self,
           const char *id)
{
  SmTool *tool = sm_atlas_lookup_tool (self->atlas, id);

  return tool != NULL ? sm_tool_get_name (tool) : id;
}

static const char *
technique_name (SmSheet    *self,
                const char *id)
{
  SmTechnique *technique = sm_atlas_lookup_technique (self->atlas, id);

  return technique != NULL ? sm_technique_get_name (technique) : id;
}

/* Candidates for a step's how-to, best first: where the tool goes and what
 * to do, from the zone's own instructions for that tool; then only what to
 * do (the map already shows where); then the technique's summary. */
static GPtrArray *
how_to_candidates (SmSheet       *self,
                   SmRoutineStep *step)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, sm_routine_step_get_zone (step));
  SmTechnique *technique = sm_atlas_lookup_technique (self->atlas,
                                                      sm_routine_step_get_technique (step));
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_free);
  SmToolUse *use = NULL;

  if (zone != NULL)
    use = sm_zone_get_tool_use (zone, sm_routine_step_get_tool (step));
  if (use != NULL)
    {
      g_ptr_array_add (candidates,
                       sm_join_sentences ((const char * const[]) { sm_tool_use_get_placement (use),
                                                                   sm_tool_use_get_movement (use),
                                                                   NULL }));
      g_ptr_array_add (candidates, g_strdup (sm_tool_use_get_movement (use)));
    }
  if (technique != NULL)
    g_ptr_array_add (candidates, g_strdup (sm_technique_get_summary (technique)));
  if (candidates->len == 0)
    g_ptr_array_add (candidates, g_strdup (""));

  return candidates;
}

/* --- The table of steps -------------------------------------------------- */

/* Column left edges as fractions of the content width; the last column
 * (how to) takes the rest. */
static const double columns[] = { 0.0, 0.045, 0.25, 0.455, 0.57 };

static double
column_x (Flow  *flow,
          guint  column)
{
  return flow->left + columns[column] * (flow->right - flow->left);
}

static double
column_width (Flow  *flow,
              guint  column)
{
  double end = column + 1 < G_N_ELEMENTS (columns) ? column_x (flow, column + 1) : flow->right;

  return end - column_x (flow, column) - 6;
}

static void
flow_heading (Flow       *flow,
              const char *text,
              double      keep_with)
{
  g_autoptr(PangoLayout) layout = sm_sheet_text_layout (flow, FONT_HEADING, flow->right - flow->left,
                                                        text);

  sm_sheet_reserve (flow, sm_sheet_layout_height (layout) + 4 + keep_with);
  sm_sheet_paint_layout (flow, layout, &ink, flow->left, flow->y);
  flow->y += sm_sheet_layout_height (layout) + 4;
}

static void
flow_table_header (Flow *flow)
{
  const char *titles[] = {
    "#", _("Muscle and side"), _("Tool and technique"), _("Hold × times"), _("How to"),
  };
  double height = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(PangoLayout) layout = sm_sheet_text_layout (flow, FONT_SMALL_BOLD,
                                                            column_width (flow, i), titles[i]);

      sm_sheet_paint_layout (flow, layout, &muted, column_x (flow, i) + (i == 0 ? 4 : 0), flow->y);
      height = MAX (height, sm_sheet_layout_height (layout));
    }

  flow->y += height + 3;
  sm_sheet_paint_rule (flow, flow->left, flow->right, flow->y, &ink, 0.8);
  flow->y += 3;
}

/* The mark after the tool's name breaks as a whole, on a line of its
 * own if need be: no-break spaces in it, the name's own spaces kept. */
static char *
keep_mark_together (const char *marked,
                    const char *name)
{
  const char *at = strstr (marked, name);
  gsize start = at != NULL ? (gsize) (at - marked) + strlen (name) : 0;
  GString *out = g_string_new_len (marked, start);
  gboolean first = TRUE;

  for (const char *p = marked + start; *p != '\0'; p++)
    {
      /* The space between name and mark stays a place to break. */
      if (*p == ' ' && !first)
        g_string_append (out, "\u00a0");
      else
        g_string_append_c (out, *p);
      if (*p != ' ')
        first = FALSE;
    }
  return g_string_free (out, FALSE);
}

/* A tool the zone's own instructions do not use was picked through the
 * editor's "Other tool…": the sheet says so, since its how-to then cannot
 * come from the muscle's own text. */
static char *
marked_tool (SmSheet       *self,
             SmRoutineStep *step)
{
  SmZone *zone = sm_atlas_lookup_zone (self->atlas, sm_routine_step_get_zone (step));
  const char *id = sm_routine_step_get_tool (step);

  g_autofree char *marked = NULL;

  if (zone == NULL || id[0] == '\0' || sm_zone_get_tool_use (zone, id) != NULL)
    return g_strdup (tool_name (self, id));
  /* Translators: on the sheet, a tool the muscle's own instructions do
   * not use, e.g. "Psoas release tool (other tool)" */
  marked = g_strdup_printf (_("%s (other tool)"), tool_name (self, id));
  return keep_mark_together (marked, tool_name (self, id));
}

/* The texts of one row's cells, columns 1 to 4. */
static void
step_cells (SmSheet        *self,
            SmRoutineStep  *step,
            char          **cells)
{
  g_autofree char *hold = sm_format_duration (sm_routine_step_get_hold_seconds (step));
  g_autofree char *rest = sm_format_duration (sm_routine_step_get_rest_seconds (step));
  const char *note = sm_routine_step_get_note (step);
  /* Translators: "30 s × 3", a hold time and how many times */
  g_autofree char *times = g_strdup_printf (_("%1$s × %2$u"), hold,
                                            sm_routine_step_get_repetitions (step));
  /* Translators: the rest between holds, e.g. "rest 10 s" */
  g_autofree char *rest_text = g_strdup_printf (_("rest %s"), rest);
  g_autofree char *tool = marked_tool (self, step);

  /* The note in FONT_BODY_EMPH's slant, the face warmed up for it. */
  cells[0] = g_markup_printf_escaped ("<b>%s</b>\n" SPAN_SMALL "%s</span>%s"
                                      "<span style='oblique'>%s</span>",
                                      zone_name (self, sm_routine_step_get_zone (step)),
                                      sm_format_side (sm_routine_step_get_side (step)),
                                      note[0] != '\0' ? "\n" : "", note);
  cells[1] = g_markup_printf_escaped ("%s\n" SPAN_SMALL "%s</span>", tool,
                                      technique_name (self, sm_routine_step_get_technique (step)));
  cells[2] = g_markup_printf_escaped ("<b>%s</b>\n" SPAN_SMALL "%s</span>", times, rest_text);
}

#define HOW_TO_LINES 2
/* Above and below a row's words: tight, so that a routine of four steps
 * with its pictures stays on one Letter page in German. */
#define ROW_PADDING 1.5

/* The how-to is a reminder, not the manual: two lines in a smaller type,
 * the fullest text that fits, cut with an ellipsis only as a last resort. */
static PangoLayout *
how_to_layout (Flow          *flow,
               SmRoutineStep *step,
               double         width)
{
  g_autoptr(GPtrArray) candidates = how_to_candidates (flow->sheet, step);

  for (guint i = 0; i < candidates->len; i++)
    {
      g_autoptr(PangoLayout) layout = sm_sheet_text_layout (flow, FONT_SMALL, width, candidates->pdata[i]);

      if (pango_layout_get_line_count (layout) <= HOW_TO_LINES)
        return g_steal_pointer (&layout);
    }

  return sm_sheet_get_layout (flow, FONT_SMALL, width, candidates->pdata[0], FALSE, HOW_TO_LINES);
}

static void
flow_step (Flow  *flow,
           guint  index)
{
  SmRoutineStep *step = sm_routine_get_step (flow->sheet->routine, index);
  char *cells[3] = { NULL, };
  PangoLayout *layouts[4];
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  double height = 18;
  int page = flow->page;

  const char *pose = sm_sheet_step_pose (flow->sheet, step);
  /* The position drawn at the head of the how-to, the words beside it. */
  double picture = pose != NULL ? MIN (column_width (flow, 4) * 0.42, 96) : 0;
  double picture_height, picture_width;

  step_cells (flow->sheet, step, cells);
  for (guint i = 0; i < 4; i++)
    {
      /* A long note on a step is cut rather than let a row outgrow a page. */
      layouts[i] = i < 3 ? sm_sheet_get_layout (flow, FONT_BODY, column_width (flow, i + 1), cells[i],
                                                TRUE, 8)
                         : how_to_layout (flow, step, column_width (flow, i + 1) - (picture > 0 ? picture + 6 : 0));
      height = MAX (height, sm_sheet_layout_height (layouts[i]));
    }
  /* As tall as the row's words, within limits: the sheet must stay one
   * page, and the figure readable. */
  picture_height = picture > 0 ? MIN (MIN (POSE_ROW_HEIGHT, MAX (height, POSE_ROW_MIN_HEIGHT)),
                                      picture / sm_sheet_pose_width (pose, 1)) : 0;
  picture_width = sm_sheet_pose_width (pose, picture_height);
  height = MAX (height, picture_height);
  height += 2 * ROW_PADDING;

  /* A row is never cut: it moves whole to the next page, under a repeated
   * table header. */
  sm_sheet_reserve (flow, height);
  if (flow->page != page)
    flow_table_header (flow);

  if (index % 2 == 1 && sm_sheet_is_painting (flow))
    {
      sm_sheet_set_colour (flow->cr, &stripe);
      cairo_rectangle (flow->cr, flow->left, flow->y, flow->right - flow->left, height);
      cairo_fill (flow->cr);
    }
  sm_sheet_paint_badge (flow, flow->left + 11, flow->y + 11, 8, FONT_SMALL_BOLD, number);
  sm_sheet_paint_pose (flow, pose, sm_routine_step_get_side (step),
                       column_x (flow, 4) + (picture - picture_width) / 2,
                       flow->y + (height - picture_height) / 2, picture_height);
  for (guint i = 0; i < 4; i++)
    {
      sm_sheet_paint_layout (flow, layouts[i], &ink,
                             column_x (flow, i + 1) + (i == 3 && picture > 0 ? picture + 6 : 0),
                             flow->y + ROW_PADDING);
      g_object_unref (layouts[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_free (cells[i]);

  flow->y += height;
  sm_sheet_paint_rule (flow, flow->left, flow->right, flow->y, &rule, 0.5);
}

void
sm_sheet_flow_steps (Flow *flow)
{
  guint n = sm_routine_get_n_steps (flow->sheet->routine);

  flow_heading (flow, _("Your steps"), 60);
  flow_table_header (flow);
  for (guint i = 0; i < n; i++)
    flow_step (flow, i);

  if (n == 0)
    {
      g_autoptr(PangoLayout) empty = sm_sheet_text_layout (flow, FONT_BODY_EMPH,
                                                           flow->right - flow->left,
                                                           _("This routine has no steps yet."));

      sm_sheet_paint_layout (flow, empty, &muted, flow->left, flow->y + 4);
      flow->y += sm_sheet_layout_height (empty) + 8;
    }

  flow->y += GAP;
}
