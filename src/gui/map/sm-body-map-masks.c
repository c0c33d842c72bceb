/* sm-body-map-masks.c: the hover and selection masks of a new geometry,
 * drawn in a worker thread while the main thread draws the base.
 *
 * A zoom (or a resize, a pan, a view switch) drops every mask, and the
 * first selection or hover after it would draw its two masks itself. A
 * worker starts on them as soon as the geometry changes, so that by the
 * time the base is drawn (the longest part of that frame, on the other
 * core) the zones' masks are there. Each run is tagged with a generation:
 * a mask of an older geometry is thrown away, never shown. SmAnatomy
 * draws each style under its own handle's lock, so the worker's
 * silhouettes and outlines do not hold up the base, drawn in the artwork's
 * own style.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-body-map"

#include "config.h"

#include "sm-body-map-private.h"

struct _SmMaskPrep
{
  gatomicrefcount  ref;
  SmAnatomy       *anatomy;
  GMutex           lock;
  GCond            done;
  guint            generation;  /* bumped by every start and by cancel */
  char            *busy;        /* the key the worker draws now, or NULL */
  GHashTable      *ready;       /* key → PreparedMask*, of the generation */
};

typedef struct
{
  cairo_surface_t *surface;
  double           x;
  double           y;
} PreparedMask;

typedef struct
{
  SmMaskPrep *prep;
  guint       generation;
  char       *view;
  double      origin_x;
  double      origin_y;
  double      scale;
  int         device_scale;
  double      padding;
  GPtrArray  *ids;
} Job;

static const SmAnatomyStyle prepared_styles[] = {
  SM_ANATOMY_STYLE_SILHOUETTE, SM_ANATOMY_STYLE_OUTLINE,
};

static void
prepared_mask_free (gpointer data)
{
  PreparedMask *mask = data;

  g_clear_pointer (&mask->surface, cairo_surface_destroy);
  g_free (mask);
}

/* The key of the map's own mask table (see get_element_mask ()). */
char *
_sm_mask_key (SmAnatomyStyle  style,
              const char     *view,
              const char     *id)
{
  return g_strdup_printf ("%d/%s/%s", style, view, id);
}

SmMaskPrep *
_sm_mask_prep_new (SmAnatomy *anatomy)
{
  SmMaskPrep *prep = g_new0 (SmMaskPrep, 1);

  g_atomic_ref_count_init (&prep->ref);
  prep->anatomy = g_object_ref (anatomy);
  g_mutex_init (&prep->lock);
  g_cond_init (&prep->done);
  prep->ready = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, prepared_mask_free);
  return prep;
}

static void
prep_unref (SmMaskPrep *prep)
{
  if (!g_atomic_ref_count_dec (&prep->ref))
    return;

  g_clear_object (&prep->anatomy);
  g_hash_table_unref (prep->ready);
  g_mutex_clear (&prep->lock);
  g_cond_clear (&prep->done);
  g_free (prep);
}

/* Stops the worker's current run (it ends after the mask it draws) and
 * drops what it made. */
void
_sm_mask_prep_cancel (SmMaskPrep *prep)
{
  g_mutex_lock (&prep->lock);
  prep->generation++;
  g_hash_table_remove_all (prep->ready);
  g_mutex_unlock (&prep->lock);
}

void
_sm_mask_prep_free (SmMaskPrep *prep)
{
  if (prep == NULL)
    return;

  _sm_mask_prep_cancel (prep);
  prep_unref (prep);
}

static void
job_free (Job *job)
{
  prep_unref (job->prep);
  g_free (job->view);
  g_ptr_array_unref (job->ids);
  g_free (job);
}

/* In the worker: one mask, unless the run is out of date. */
static gboolean
run_one (Job            *job,
         SmAnatomyStyle  style,
         const char     *id)
{
  SmMaskPrep *prep = job->prep;
  g_autofree char *key = _sm_mask_key (style, job->view, id);
  PreparedMask *mask;

  g_mutex_lock (&prep->lock);
  if (prep->generation != job->generation)
    {
      g_mutex_unlock (&prep->lock);
      return FALSE;
    }
  prep->busy = g_strdup (key);
  g_mutex_unlock (&prep->lock);

  mask = g_new0 (PreparedMask, 1);
  mask->surface = sm_anatomy_render_mask (prep->anatomy, job->view, style, id, job->origin_x,
                                          job->origin_y, job->scale, job->device_scale,
                                          job->padding, &mask->x, &mask->y, NULL);

  g_mutex_lock (&prep->lock);
  g_clear_pointer (&prep->busy, g_free);
  if (prep->generation == job->generation)
    g_hash_table_replace (prep->ready, g_steal_pointer (&key), g_steal_pointer (&mask));
  g_cond_broadcast (&prep->done);
  g_mutex_unlock (&prep->lock);

  g_clear_pointer (&mask, prepared_mask_free);
  return TRUE;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;

  for (guint i = 0; i < job->ids->len; i++)
    for (guint s = 0; s < G_N_ELEMENTS (prepared_styles); s++)
      if (!run_one (job, prepared_styles[s], job->ids->pdata[i]))
        goto out;

out:
  job_free (job);
}

/* One worker for every map: the other core draws masks while this one
 * draws a base. */
static GThreadPool *
get_pool (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (run_job, NULL, 1, FALSE, NULL));
  return pool;
}

/* Starts drawing the silhouette and the outline of each of @ids (in that
 * order: the likeliest first) for the geometry given, dropping whatever
 * an earlier geometry had. */
void
_sm_mask_prep_start (SmMaskPrep *prep,
                     const char *view,
                     double      origin_x,
                     double      origin_y,
                     double      scale,
                     int         device_scale,
                     double      padding,
                     GPtrArray  *ids)
{
  Job *job = g_new0 (Job, 1);

  g_mutex_lock (&prep->lock);
  prep->generation++;
  g_hash_table_remove_all (prep->ready);
  job->generation = prep->generation;
  g_mutex_unlock (&prep->lock);

  g_atomic_ref_count_inc (&prep->ref);
  job->prep = prep;
  job->view = g_strdup (view);
  job->origin_x = origin_x;
  job->origin_y = origin_y;
  job->scale = scale;
  job->device_scale = device_scale;
  job->padding = padding;
  job->ids = g_ptr_array_ref (ids);
  g_thread_pool_push (get_pool (), job, NULL);
}

/* The mask of @key if the worker made it for the current geometry (if the
 * worker is drawing it now, it is waited for when @wait): TRUE and the
 * surface (NULL for an element the view lacks) and its position; FALSE
 * when the caller must draw it or use something else for now. */
gboolean
_sm_mask_prep_take (SmMaskPrep       *prep,
                    const char       *key,
                    gboolean          wait,
                    cairo_surface_t **surface,
                    double           *x,
                    double           *y)
{
  PreparedMask *mask;

  g_mutex_lock (&prep->lock);
  while (wait && g_strcmp0 (prep->busy, key) == 0)
    g_cond_wait (&prep->done, &prep->lock);
  mask = g_hash_table_lookup (prep->ready, key);
  if (mask != NULL)
    {
      *surface = g_steal_pointer (&mask->surface);
      *x = mask->x;
      *y = mask->y;
      g_hash_table_remove (prep->ready, key);
    }
  g_mutex_unlock (&prep->lock);
  return mask != NULL;
}
