/* sm-sheet-art.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <string.h>

#include "sm-anatomy.h"
#include "sm-sheet-private.h"

/* The sheet's body views: the artwork parsed (the back view ahead of time
 * for the command-line export), styled for paper and its marked muscles
 * measured, in a thread while the sheet lays out its text. */

void
sm_sheet_mark_clear (gpointer data)
{
  Mark *mark = data;

  g_free (mark->element);
  g_clear_pointer (&mark->numbers, g_array_unref);
}


void
sm_sheet_view_art_free (gpointer data)
{
  ViewArt *art = data;

  g_array_unref (art->marks);
  g_ptr_array_unref (art->elements);
  g_clear_error (&art->error);
  g_free (art->badges);
  g_free (art);
}


/* The back view, which most sheets show, parsed ahead by
 * sm_sheet_warm_up () for the first sheet that wants it. */
static gpointer
parse_back (gpointer style)
{
  sm_anatomy_ensure_style (sm_anatomy_get_default (), "back", GPOINTER_TO_UINT (style), NULL);
  return NULL;
}

void
sm_sheet_start_parsing_back (void)
{
  sm_anatomy_default_parse_on_demand ();
  g_thread_unref (g_thread_new ("sm-sheet-back", parse_back, GUINT_TO_POINTER (SM_ANATOMY_STYLE_PAPER_MARKED)));
  g_thread_unref (g_thread_new ("sm-sheet-back", parse_back, GUINT_TO_POINTER (SM_ANATOMY_STYLE_PAPER)));
}

/* Each mark measured once, on the look it is drawn in: the logical box,
 * because librsvg 2.54.7 returns an ink box that reaches back to the
 * origin for some groups (gluteus medius). */
static void
measure_marks (SmAnatomy  *anatomy,
               const char *view,
               GArray     *marks)
{
  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);

      mark->found = sm_anatomy_get_logical_bounds (anatomy, view, SM_ANATOMY_STYLE_PAPER_MARKED,
                                                   mark->element, &mark->box);
    }
}

static void
view_art_load (ViewArt *art)
{
  SmAnatomy *anatomy = sm_anatomy_get_default ();

  if (!sm_anatomy_ensure_style (anatomy, art->view, SM_ANATOMY_STYLE_PAPER_MARKED, &art->error) ||
      !sm_anatomy_ensure_style (anatomy, art->view, SM_ANATOMY_STYLE_PAPER, &art->error))
    return;
  sm_anatomy_get_size (anatomy, art->view, &art->iw, &art->ih);
  measure_marks (anatomy, art->view, art->marks);
}

gpointer
sm_sheet_load_art (gpointer data)
{
  GPtrArray *art = data;

  for (guint i = 0; i < art->len; i++)
    view_art_load (art->pdata[i]);
  return NULL;
}
