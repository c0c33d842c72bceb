/* sm-sheet-art.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-sheet"

#include "config.h"

#include <string.h>

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
  g_free (art->css);
  g_clear_object (&art->handle);
  g_clear_error (&art->error);
  g_free (art->badges);
  g_free (art);
}


static RsvgHandle *
parse_view (const char  *view,
            GError     **error)
{
  g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/anatomy/body-%s.svg", view);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  gsize length;
  const guint8 *data;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  return rsvg_handle_new_from_data (data, length, error);
}

/* The back view, which most sheets show, parsed ahead by
 * sm_sheet_warm_up () for the first sheet that wants it. */
static GThread *early_back;
static GMutex early_back_lock;

static gpointer
parse_back (gpointer data)
{
  return parse_view ("back", NULL);
}

void
sm_sheet_start_parsing_back (void)
{
  g_mutex_lock (&early_back_lock);
  if (early_back == NULL)
    early_back = g_thread_new ("sm-sheet-back", parse_back, NULL);
  g_mutex_unlock (&early_back_lock);
}

static RsvgHandle *
take_parsed_view (const char  *view,
                  GError     **error)
{
  GThread *thread = NULL;
  RsvgHandle *handle = NULL;

  if (g_str_equal (view, "back"))
    {
      g_mutex_lock (&early_back_lock);
      thread = g_steal_pointer (&early_back);
      g_mutex_unlock (&early_back_lock);
    }
  if (thread != NULL)
    handle = g_thread_join (thread);

  /* A failed early parse is done again, for its error. */
  return handle != NULL ? handle : parse_view (view, error);
}

static RsvgHandle *
load_view (const char  *view,
           const char  *css,
           GError     **error)
{
  g_autoptr(RsvgHandle) handle = take_parsed_view (view, error);

  if (handle == NULL || !rsvg_handle_set_stylesheet (handle, (const guint8 *) css, strlen (css), error))
    return NULL;

  return g_steal_pointer (&handle);
}

/* Each geometry query makes librsvg 2.54 walk the whole drawing (~2 ms):
 * ask once per element. The logical box, because librsvg 2.54.7 returns an
 * ink box that reaches back to the origin for some groups (gluteus
 * medius); and at intrinsic size, because it ignores the viewport's. */
static void
measure_marks (RsvgHandle *handle,
               GArray     *marks,
               double      iw,
               double      ih)
{
  RsvgRectangle intrinsic = { 0, 0, iw, ih };

  for (guint i = 0; i < marks->len; i++)
    {
      Mark *mark = &g_array_index (marks, Mark, i);
      g_autofree char *id = g_strconcat ("#", mark->element, NULL);

      mark->found = rsvg_handle_get_geometry_for_layer (handle, id, &intrinsic, NULL, &mark->box, NULL);
    }
}


static void
view_art_load (ViewArt *art)
{
  art->handle = load_view (art->view, art->css, &art->error);
  if (art->handle != NULL &&
      !rsvg_handle_get_intrinsic_size_in_pixels (art->handle, &art->iw, &art->ih))
    g_clear_object (&art->handle);
  if (art->handle != NULL)
    measure_marks (art->handle, art->marks, art->iw, art->ih);
}

gpointer
sm_sheet_load_art (gpointer data)
{
  GPtrArray *art = data;

  for (guint i = 0; i < art->len; i++)
    view_art_load (art->pdata[i]);
  return NULL;
}

