/* sm-referral-rank.h: which muscles may cause the pain drawn or named,
 * from the referred-pain patterns of the artwork
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sm-anatomy.h"
#include "sm-atlas.h"
#include "sm-pain-drawing.h"

G_BEGIN_DECLS

/* Spillover overlap counts this much of essential overlap. */
#define SM_REFERRAL_SPILLOVER_WEIGHT 0.35

/**
 * SmReferralMatch:
 * @zone_id: the muscle
 * @score: @essential + %SM_REFERRAL_SPILLOVER_WEIGHT × @spillover
 * @essential: area (SVG units²) where the pain overlaps the muscle's
 *   essential pattern, both sides and views together
 * @spillover: the same for its spillover pattern
 * @left: whether the overlap is on the person's left side
 * @right: whether it is on the right
 */
typedef struct
{
  char     *zone_id;
  double    score;
  double    essential;
  double    spillover;
  gboolean  left;
  gboolean  right;
} SmReferralMatch;

void        sm_referral_match_free        (SmReferralMatch *match);

/* (transfer full) (element-type SmReferralMatch): muscles whose pattern the
 * pain overlaps, best first; ties in content order. The patterns are the
 * artwork's referral-<zone>-<side>-essential / -spillover elements,
 * rendered as masks once per process and compared pixel by pixel with the
 * painted area. */
GPtrArray  *sm_referral_rank_drawing      (SmAnatomy         *anatomy,
                                           SmAtlas           *atlas,
                                           SmPainDrawing     *drawing);
/* The same for the named regions (region-<id>-left and -right). */
GPtrArray  *sm_referral_rank_regions      (SmAnatomy         *anatomy,
                                           SmAtlas           *atlas,
                                           const char * const *region_ids);

/* Whether the drawing looks like nerve pain: burning, tingling or numb
 * anywhere, or pain drawn along the nerve below the knee (the tibial and
 * common fibular nerves of the artwork). */
gboolean    sm_referral_drawing_suggests_nerve (SmAnatomy     *anatomy,
                                                SmPainDrawing *drawing);

/* sm_atlas_search_with_boosts () with the muscles that send pain to the
 * regions @query names lifted, best first. */
GListModel *sm_referral_search            (SmAnatomy         *anatomy,
                                           SmAtlas           *atlas,
                                           const char        *query);

/* Paints the muscle's patterns of @view over a drawing of the view in
 * @viewport: essential areas solid, spillover lighter, each with its own
 * hatch so that they read without colour. @side: "left", "right" or NULL
 * for both. */
void        sm_referral_paint_pattern     (SmAnatomy         *anatomy,
                                           const char        *view,
                                           const char        *zone_id,
                                           const char        *side,
                                           cairo_t           *cr,
                                           const cairo_rectangle_t *viewport);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmReferralMatch, sm_referral_match_free)

G_END_DECLS
