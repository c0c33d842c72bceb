/* sm-sheet-suggestions.c: "Muscles that may cause this pain" beside the
 * pain drawing's key on the routine sheet
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"
#include "sm-referral-rank.h"
#include "sm-sheet-private.h"

/* The sheet has one page to give: the three most likely, one line each. */
#define SHEET_SUGGESTIONS 3

static char *
suggestions_markup (SmPainDrawing *pain)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  g_autoptr(GPtrArray) matches = sm_referral_rank_drawing (sm_anatomy_get_default (), atlas, pain);
  GString *markup;

  if (matches->len == 0)
    return NULL;

  markup = g_string_new (NULL);
  /* One paragraph, not a line each: the sheet keeps to one page. */
  g_string_append_printf (markup, "<b>%s</b>", _("Muscles that may cause this pain:"));
  for (guint i = 0; i < matches->len && i < SHEET_SUGGESTIONS; i++)
    {
      SmReferralMatch *match = g_ptr_array_index (matches, i);
      SmZone *zone = sm_atlas_lookup_zone (atlas, match->zone_id);
      SmReferral *referral = sm_atlas_lookup_referral (atlas, match->zone_id);
      const char *side = match->left && match->right ? NULL : match->left ? "left" : "right";
      g_autofree char *name = sm_format_zone_side (zone != NULL ? sm_zone_get_name (zone) : match->zone_id,
                                                   side);
      g_autofree char *line = NULL;

      /* Translators: one suggestion on the sheet: %1$u its place, %2$s the
       * muscle ("Piriformis, left side"), %3$s where it sends pain
       * ("Buttock, back of the hip, back of the thigh") */
      line = g_markup_printf_escaped (_("%1$u. %2$s (%3$s)"), i + 1, name,
                                      referral != NULL ? sm_referral_get_reason (referral) : "");
      g_string_append (markup, "  ");
      g_string_append (markup, line);
    }
  return g_string_free (markup, FALSE);
}

/* Next to the key: the paragraph starts on the key's last line, where the
 * key ends (@key_end), and goes on across the page, best first with a
 * short reason each; one page stays one page. Returns whether there was
 * anything to list (then flow->y is below it). */
gboolean
sm_sheet_flow_pain_suggestions (Flow   *flow,
                                double  key_end)
{
  SmPainDrawing *pain = sm_routine_get_pain_drawing (flow->sheet->routine);
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *markup = NULL;
  double height, y;

  if (sm_pain_drawing_get_n_strokes (pain) == 0 || (markup = suggestions_markup (pain)) == NULL)
    return FALSE;

  layout = sm_sheet_markup_layout (flow, FONT_SMALL, flow->right - flow->left, markup);
  pango_layout_set_indent (layout, (int) ((key_end - flow->left) * PANGO_SCALE));
  height = sm_sheet_layout_height (layout);
  /* At the foot of a page it moves to the next one, whole, from the margin. */
  y = flow->y;
  sm_sheet_reserve (flow, height + GAP);
  if (flow->y != y)
    {
      pango_layout_set_indent (layout, 0);
      height = sm_sheet_layout_height (layout);
    }
  sm_sheet_paint_layout (flow, layout, &muted, flow->left, flow->y);
  flow->y += height + GAP;
  return TRUE;
}
