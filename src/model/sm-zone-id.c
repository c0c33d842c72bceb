/* sm-zone-id.c: the SVG element ids of the zones, built and read in one
 * place.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-zone-id"

#include "config.h"

#include <string.h>

#include "sm-zone-id.h"

/* "piriformis" and "left" → "zone-piriformis-left": the id of that side's
 * shape in the anatomy SVG. A NULL side is the left one, which every zone
 * has (the map shows a muscle's left side when no side is chosen). */
char *
sm_zone_id_build (const char *zone,
                  const char *side)
{
  g_return_val_if_fail (zone != NULL, NULL);

  return g_strdup_printf ("zone-%s-%s", zone, side != NULL ? side : "left");
}

const char *
sm_zone_id_side (const char *element_id)
{
  if (element_id == NULL)
    return NULL;
  if (g_str_has_suffix (element_id, "-left"))
    return "left";
  if (g_str_has_suffix (element_id, "-right"))
    return "right";
  return NULL;
}

gboolean
sm_zone_id_split (const char  *element_id,
                  char       **muscle,
                  char       **side)
{
  const char *s = sm_zone_id_side (element_id);
  gsize prefix = strlen ("zone-");
  gsize len;

  if (s == NULL || !g_str_has_prefix (element_id, "zone-"))
    return FALSE;

  len = strlen (element_id) - prefix - strlen (s) - 1;
  if (len == 0)
    return FALSE;

  if (muscle != NULL)
    *muscle = g_strndup (element_id + prefix, len);
  if (side != NULL)
    *side = g_strdup (s);
  return TRUE;
}
