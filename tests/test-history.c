/* test-history.c: the back and forward list of the side pane.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sm-history.h"

static void
assert_location (GVariant   *location,
                 const char *page,
                 const char *id,
                 const char *side)
{
  g_autoptr(GVariant) expected = g_variant_ref_sink (g_variant_new ("(sss)", page, id, side));

  g_assert_nonnull (location);
  g_assert_true (g_variant_equal (location, expected));
}

static void
test_starts_on_welcome (void)
{
  g_autoptr(SmHistory) history = sm_history_new ();

  assert_location (sm_history_get_current (history), "welcome", "", "");
  g_assert_false (sm_history_get_can_go_back (history));
  g_assert_false (sm_history_get_can_go_forward (history));
  g_assert_null (sm_history_go_back (history));
  g_assert_null (sm_history_go_forward (history));
}

static void
test_back_and_forward (void)
{
  g_autoptr(SmHistory) history = sm_history_new ();

  sm_history_push (history, "zone", "piriformis", "left");
  sm_history_push (history, "tool", "ball", NULL);
  g_assert_true (sm_history_get_can_go_back (history));

  assert_location (sm_history_go_back (history), "zone", "piriformis", "left");
  g_assert_true (sm_history_get_can_go_forward (history));
  assert_location (sm_history_go_back (history), "welcome", "", "");
  g_assert_false (sm_history_get_can_go_back (history));
  assert_location (sm_history_go_forward (history), "zone", "piriformis", "left");
  assert_location (sm_history_go_forward (history), "tool", "ball", "");
  g_assert_false (sm_history_get_can_go_forward (history));
}

/* Opening something new after going back drops what lay ahead. */
static void
test_push_drops_forward (void)
{
  g_autoptr(SmHistory) history = sm_history_new ();

  sm_history_push (history, "zone", "piriformis", "left");
  sm_history_push (history, "tool", "ball", NULL);
  sm_history_go_back (history);
  sm_history_push (history, "technique", "trigger-point", NULL);

  g_assert_false (sm_history_get_can_go_forward (history));
  assert_location (sm_history_go_back (history), "zone", "piriformis", "left");
}

/* Clicking the same muscle twice adds one entry; another side is another
 * place. */
static void
test_same_place_once (void)
{
  g_autoptr(SmHistory) history = sm_history_new ();

  sm_history_push (history, "zone", "piriformis", "left");
  sm_history_push (history, "zone", "piriformis", "left");
  sm_history_push (history, "zone", "piriformis", "right");

  assert_location (sm_history_go_back (history), "zone", "piriformis", "left");
  assert_location (sm_history_go_back (history), "welcome", "", "");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notifies_and_caps (void)
{
  g_autoptr(SmHistory) history = sm_history_new ();
  guint notified = 0, steps = 0;

  g_signal_connect (history, "notify::can-go-back", G_CALLBACK (count_notify), &notified);
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *id = g_strdup_printf ("item-%u", i);

      sm_history_push (history, "tool", id, NULL);
    }
  g_assert_cmpuint (notified, ==, 500);

  /* A long session keeps the last hundred places; the oldest go first. */
  while (sm_history_go_back (history) != NULL)
    steps++;
  g_assert_cmpuint (steps, ==, 99);
  assert_location (sm_history_get_current (history), "tool", "item-400", "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/sm/history/starts-on-welcome", test_starts_on_welcome);
  g_test_add_func ("/sm/history/back-and-forward", test_back_and_forward);
  g_test_add_func ("/sm/history/push-drops-forward", test_push_drops_forward);
  g_test_add_func ("/sm/history/same-place-once", test_same_place_once);
  g_test_add_func ("/sm/history/notifies-and-caps", test_notifies_and_caps);

  return g_test_run ();
}
