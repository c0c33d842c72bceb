/* sm-format.c: how numbers, sides and sentences are put into words, in
 * one place for every layer (session page, timer, presenter, sheet).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-format"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-format.h"

/* "1:30", "0:05", "10:00": minutes and seconds need no translation. */
char *
sm_format_clock (guint seconds)
{
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

/* "4 min 30 s", "45 s", "2 min": one format for each case, so that a
 * language can order or join the units its own way. */
char *
sm_format_duration (guint seconds)
{
  guint min = seconds / 60;
  guint sec = seconds % 60;

  if (min == 0)
    /* Translators: a number of seconds, abbreviated, e.g. "45 s" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u s", "%u s", sec), sec);
  if (sec == 0)
    /* Translators: a number of minutes, abbreviated, e.g. "2 min" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", min), min);

  /* Translators: minutes and seconds, abbreviated, e.g. "4 min 30 s" */
  return g_strdup_printf (_("%1$u min %2$u s"), min, sec);
}

/* "Step 3 of 8": the session page, presenter mode and the routine
 * editor's rows say it the same way. */
char *
sm_format_step_of (guint position,
                   guint n_steps)
{
  /* Translators: the current step and how many steps there are, e.g.
   * "Step 3 of 8"; the plural form follows the second number */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Step %1$u of %2$u", "Step %1$u of %2$u",
                                       n_steps),
                          position, n_steps);
}

/* "Piriformis, left side"; just the title without a side. */
char *
sm_format_zone_side (const char *title,
                     const char *side)
{
  if (g_strcmp0 (side, "left") == 0)
    /* Translators: a muscle and the side of the body, e.g. "Piriformis, left side" */
    return g_strdup_printf (_("%s, left side"), title);
  if (g_strcmp0 (side, "right") == 0)
    /* Translators: a muscle and the side of the body, e.g. "Piriformis, right side" */
    return g_strdup_printf (_("%s, right side"), title);

  return g_strdup (title);
}

/* "Left side", "Right side", or "Both sides" for a step that works on
 * both (or names no side): the routine sheet and the zone panel say it the
 * same way. */
const char *
sm_format_side (const char *side)
{
  if (g_strcmp0 (side, "left") == 0)
    return _("Left side");
  if (g_strcmp0 (side, "right") == 0)
    return _("Right side");
  return _("Both sides");
}

/* The accessible name of a picture of a position: the content's sentence
 * with the side the picture shows (NULL: the picture has no side). */
char *
sm_format_picture (const char *description,
                   const char *side)
{
  if (g_strcmp0 (side, "left") == 0)
    /* Translators: the description of a picture that shows the left side */
    return g_strdup_printf (_("Picture, left side: %s"), description);
  if (g_strcmp0 (side, "right") == 0)
    /* Translators: the description of a picture that shows the right side */
    return g_strdup_printf (_("Picture, right side: %s"), description);

  /* Translators: the description of a picture of a position */
  return g_strdup_printf (_("Picture: %s"), description);
}

/* Whole sentences of the content (where to lie, where the ball goes, how to
 * move) read as one paragraph, joined the way the language joins them.
 * Empty ones are skipped; NULL-terminated. */
char *
sm_join_sentences (const char * const *sentences)
{
  /* Translators: what goes between two sentences of an instruction: a
   * space in most languages, nothing in Chinese or Japanese */
  const char *separator = C_("sentence separator", " ");
  GString *text = g_string_new (NULL);

  for (guint i = 0; sentences != NULL && sentences[i] != NULL; i++)
    {
      if (sentences[i][0] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, separator);
      g_string_append (text, sentences[i]);
    }
  return g_string_free (text, FALSE);
}
