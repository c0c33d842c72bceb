/* sm-pose-picture.h: the picture of a tool use or a stretch, on screen
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SM_TYPE_POSE_PICTURE (sm_pose_picture_get_type ())

G_DECLARE_FINAL_TYPE (SmPosePicture, sm_pose_picture, SM, POSE_PICTURE, GtkWidget)

/*
 * One widget for every place a picture of a position shows: the zone,
 * tool and stretch panels, the guided session and the presenter. It draws
 * with src/render/sm-figure.c (the renderer of the sheet too), follows the
 * dark and high-contrast styles, mirrors for the left side, and is an
 * image for screen readers named by the content's description and the
 * side.
 *
 * Properties: "item" (an SmToolUse or SmStretch, or NULL: nothing to show),
 * "side" ("left", "right" or NULL) and "size" (the height it asks for).
 */

GtkWidget  *sm_pose_picture_new        (void);
void        sm_pose_picture_set_item   (SmPosePicture *self,
                                        GObject       *item);
GObject    *sm_pose_picture_get_item   (SmPosePicture *self);
void        sm_pose_picture_set_side   (SmPosePicture *self,
                                        const char    *side);
const char *sm_pose_picture_get_side   (SmPosePicture *self);
void        sm_pose_picture_set_size   (SmPosePicture *self,
                                        int            size);
int         sm_pose_picture_get_size   (SmPosePicture *self);

G_END_DECLS
