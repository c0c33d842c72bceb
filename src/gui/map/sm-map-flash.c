/* sm-map-flash.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-map-flash"

#include "config.h"

#include "sm-map-flash.h"

#define ZONE_FLASHES  3
#define ZONE_FLASH_MS 250
#define FLASH_KEY     "sm-map-flash"

/* At the end of a hold the selected zone blinks with the timer bar. The
 * blinking lives on the map as object data, so it ends with the map. */
typedef struct {
  SmBodyMap *map;
  char      *zone;
  char      *side;
  guint      ticks;
  guint      source_id;
} Flash;

static void
flash_free (Flash *flash)
{
  g_clear_handle_id (&flash->source_id, g_source_remove);
  g_free (flash->zone);
  g_free (flash->side);
  g_free (flash);
}

void
sm_map_flash_stop (SmBodyMap *map)
{
  g_return_if_fail (SM_IS_BODY_MAP (map));

  g_object_set_data (G_OBJECT (map), FLASH_KEY, NULL);
}

static gboolean
done (Flash *flash)
{
  flash->source_id = 0;
  sm_map_flash_stop (flash->map);
  return G_SOURCE_REMOVE;
}

/* Blinks the selection off and on. A selection made by anyone else in
 * the meantime ends the blinking and is left alone. */
static gboolean
on_flash_timeout (gpointer data)
{
  Flash *flash = data;
  const char *selected = sm_body_map_get_selected_zone (flash->map);
  gboolean was_on = flash->ticks % 2 == 0;

  if (was_on ? g_strcmp0 (selected, flash->zone) != 0 : selected != NULL)
    return done (flash);

  if (was_on)
    sm_body_map_clear_selection (flash->map);
  else
    sm_body_map_select_zone (flash->map, flash->zone, flash->side);

  if (--flash->ticks > 0)
    return G_SOURCE_CONTINUE;

  return done (flash);
}

/* Unless the desktop asks for no animations. */
void
sm_map_flash_selection (SmBodyMap *map)
{
  gboolean animate = FALSE;
  const char *zone;
  Flash *flash;

  g_return_if_fail (SM_IS_BODY_MAP (map));

  zone = sm_body_map_get_selected_zone (map);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (map)), "gtk-enable-animations", &animate, NULL);
  sm_map_flash_stop (map);
  if (!animate || zone == NULL)
    return;

  flash = g_new0 (Flash, 1);
  flash->map = map;
  flash->zone = g_strdup (zone);
  flash->side = g_strdup (sm_body_map_get_selected_side (map));
  flash->ticks = 2 * ZONE_FLASHES;
  flash->source_id = g_timeout_add (ZONE_FLASH_MS, on_flash_timeout, flash);
  g_object_set_data_full (G_OBJECT (map), FLASH_KEY, flash, (GDestroyNotify) flash_free);
}
