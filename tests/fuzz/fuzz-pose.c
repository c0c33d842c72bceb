/* fuzz-pose.c: the pose reader and the figure renderer on arbitrary bytes
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One input is one pose file (data/poses/<id>.json). A pose that loads is
 * drawn, both sides, on a small image: every solved figure must draw.
 */

#define G_LOG_DOMAIN "fuzz-pose"

#include "config.h"

#include "fuzz.h"
#include "sm-atlas.h"
#include "sm-figure.h"
#include "sm-pose.h"

/* No .json: the id need not match the name. */
#define FILE_NAME "fuzz-pose"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  sm_fuzz_make_logs_fatal ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SmPose) pose = sm_pose_new_from_bytes (bytes, FILE_NAME, &error);
  cairo_surface_t *surface;
  cairo_t *cr;

  if (pose == NULL)
    {
      sm_fuzz_check_error (error, SM_ATLAS_ERROR, FILE_NAME);
      return 0;
    }

  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cr = cairo_create (surface);
  for (guint s = 0; s < SM_FIGURE_N_STYLES; s++)
    sm_figure_draw (cr, sm_pose_get_figure (pose), s % 2 == 0, s,
                    &(cairo_rectangle_t) { 0, 0, 64, 64 });
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
