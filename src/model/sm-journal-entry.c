/* sm-journal-entry.c: one session in the progress journal.
 *
 * An entry keeps a snapshot of the steps as they were played, so a later
 * edit of the routine never rewrites what happened.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-journal-entry"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sm-journal.h"
#include "sm-journal-entry.h"

G_DEFINE_BOXED_TYPE (SmJournalEntry, sm_journal_entry,
                     sm_journal_entry_copy, sm_journal_entry_free)

SmJournalEntry *
sm_journal_entry_new (const char *routine)
{
  SmJournalEntry *self = g_new0 (SmJournalEntry, 1);

  self->routine = g_strdup (routine != NULL ? routine : "");
  self->steps_json = g_strdup ("[]");
  self->note = g_strdup ("");
  self->pain_before = SM_JOURNAL_NO_PAIN;
  self->pain_after = SM_JOURNAL_NO_PAIN;
  self->step_flags = g_array_new (FALSE, TRUE, sizeof (guint));
  return self;
}

SmJournalEntry *
sm_journal_entry_copy (const SmJournalEntry *self)
{
  SmJournalEntry *copy = g_memdup2 (self, sizeof *self);

  copy->routine = g_strdup (self->routine);
  copy->steps_json = g_strdup (self->steps_json);
  copy->note = g_strdup (self->note);
  copy->drawing_json = g_strdup (self->drawing_json);
  copy->step_flags = g_array_copy (self->step_flags);
  return copy;
}

void
sm_journal_entry_free (SmJournalEntry *self)
{
  if (self == NULL)
    return;
  g_free (self->routine);
  g_free (self->steps_json);
  g_free (self->note);
  g_free (self->drawing_json);
  g_array_unref (self->step_flags);
  g_free (self);
}

/* Each step as it was played: muscle, side, hold and its title. */
void
sm_journal_entry_set_steps_from_session (SmJournalEntry *self,
                                         SmSession      *session)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < sm_session_get_n_steps (session); i++)
    {
      SmSessionStep *step = sm_session_get_step (session, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "zone");
      json_builder_add_string_value (builder, sm_session_step_get_zone (step));
      json_builder_set_member_name (builder, "side");
      json_builder_add_string_value (builder, sm_session_step_get_side (step));
      json_builder_set_member_name (builder, "hold");
      json_builder_add_int_value (builder, sm_session_step_get_hold (step));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, sm_session_step_get_title (step));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  g_free (self->steps_json);
  self->steps_json = json_to_string (root, FALSE);
}

void
sm_journal_entry_set_step_flags (SmJournalEntry *self,
                                 guint           position,
                                 guint           flags)
{
  if (position >= self->step_flags->len)
    g_array_set_size (self->step_flags, position + 1);
  g_array_index (self->step_flags, guint, position) = flags & SM_JOURNAL_STEP_ALL;
}

guint
sm_journal_entry_get_step_flags (const SmJournalEntry *self,
                                 guint                 position)
{
  if (position >= self->step_flags->len)
    return 0;
  return g_array_index (self->step_flags, guint, position);
}

guint
sm_journal_entry_get_all_flags (const SmJournalEntry *self)
{
  guint all = 0;

  for (guint i = 0; i < self->step_flags->len; i++)
    all |= g_array_index (self->step_flags, guint, i);
  return all;
}

/* The stop rules apply: pain up by two or more, or a nerve sign. */
gboolean
sm_journal_entry_is_flagged (const SmJournalEntry *self)
{
  if (self->pain_before != SM_JOURNAL_NO_PAIN &&
      self->pain_after != SM_JOURNAL_NO_PAIN &&
      self->pain_after - self->pain_before >= SM_JOURNAL_PAIN_RISE)
    return TRUE;
  return (sm_journal_entry_get_all_flags (self) & SM_JOURNAL_STEP_ALARMING) != 0;
}

static gboolean
pain_in_range (int pain)
{
  return pain == SM_JOURNAL_NO_PAIN || (pain >= 0 && pain <= SM_JOURNAL_PAIN_MAX);
}

gboolean
sm_journal_entry_check (const SmJournalEntry  *self,
                        GError               **error)
{
  if (!pain_in_range (self->pain_before) || !pain_in_range (self->pain_after))
    {
      g_set_error_literal (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_INVALID,
                           _("A pain score must be between 0 and 10."));
      return FALSE;
    }
  if (self->plan > SM_JOURNAL_PLAN_MAX)
    {
      g_set_error (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_INVALID,
                   _("A plan can ask for at most %d sessions a week."), SM_JOURNAL_PLAN_MAX);
      return FALSE;
    }
  if (self->ended < self->started)
    {
      g_set_error_literal (error, SM_JOURNAL_ERROR, SM_JOURNAL_ERROR_INVALID,
                           _("A session cannot end before it starts."));
      return FALSE;
    }
  return TRUE;
}

/* The names in the CSV file: fixed, never translated. */
const char *
sm_journal_step_flag_to_string (SmJournalStepFlags flag)
{
  switch (flag)
    {
    case SM_JOURNAL_STEP_WORSE:    return "worse";
    case SM_JOURNAL_STEP_SHARP:    return "sharp";
    case SM_JOURNAL_STEP_SHOOTING: return "shooting";
    case SM_JOURNAL_STEP_NUMB:     return "numb";
    case SM_JOURNAL_STEP_TINGLING: return "tingling";
    default:                       return NULL;
    }
}
