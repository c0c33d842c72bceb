/* test-paragraph.c: SmParagraph lays its text out only at the width it
 * gets, keeps a short text's one line at any wider width, and measures
 * again when its font changes.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-paragraph.h"
#include "sm-test-utils.h"

#define LONG_TEXT "Sciatica has many causes, such as a slipped disc, narrowing of the spine or a " \
                  "tight piriformis muscle. Massage helps most when tight muscles are the cause."

static int
width_of (GtkWidget *widget,
          int       *minimum)
{
  int natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, minimum, &natural, NULL, NULL);
  return natural;
}

static int
height_at (GtkWidget *widget,
           int        width)
{
  int minimum, natural;

  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, natural);
  return natural;
}

static void
test_long_once (void)
{
  GtkWidget *widget = g_object_ref_sink (sm_paragraph_new (LONG_TEXT));
  SmParagraph *paragraph = SM_PARAGRAPH (widget);
  int minimum, natural, tall, wide;

  sm_paragraph_set_max_width_chars (paragraph, 40);

  /* Widths come from the font, without laying the text out. */
  natural = width_of (widget, &minimum);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 0);
  g_assert_cmpint (minimum, >, 0);
  g_assert_cmpint (minimum, <, natural);
  g_assert_cmpint (natural, >, 100);
  g_assert_cmpint (natural, <, 700);

  /* One layout at the width it gets, for the height and the allocation. */
  wide = height_at (widget, natural);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 1);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, natural, wide }, -1);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 1);
  g_assert_cmpint (height_at (widget, -1), ==, wide);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 1);

  /* Narrower: more lines. */
  tall = height_at (widget, natural / 2);
  g_assert_cmpint (tall, >, wide);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 2);

  g_object_unref (widget);
}

static void
test_short_kept (void)
{
  GtkWidget *widget = g_object_ref_sink (sm_paragraph_new ("See a doctor now if"));
  SmParagraph *paragraph = SM_PARAGRAPH (widget);
  int minimum, natural, line;

  /* Its natural width is its own, from the one unwrapped layout. */
  natural = width_of (widget, &minimum);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 1);
  g_assert_cmpint (minimum, <=, natural);
  line = height_at (widget, natural);
  g_assert_cmpint (height_at (widget, natural * 3), ==, line);
  gtk_widget_size_allocate (widget, &(GtkAllocation) { 0, 0, natural * 3, line }, -1);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 1);

  /* Too narrow for one line: it wraps. */
  g_assert_cmpint (height_at (widget, natural / 3), >, line);
  g_assert_cmpuint (sm_paragraph_get_n_layouts (paragraph), ==, 2);

  /* A new text is measured anew. */
  sm_paragraph_set_text (paragraph, "See a doctor now if any of these happen");
  g_assert_cmpint (width_of (widget, NULL), >, natural);
  g_assert_cmpstr (sm_paragraph_get_text (paragraph), ==, "See a doctor now if any of these happen");

  g_object_unref (widget);
}

static gboolean
stop_waiting (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A few frames: the style is updated on the frame clock. */
static void
settle (void)
{
  gboolean done = FALSE;

  g_timeout_add (200, stop_waiting, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* A larger font (here from CSS, as large text or a theme would) gives a
 * wider and taller paragraph. */
static void
test_font_change (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget = sm_paragraph_new (LONG_TEXT);
  g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();
  int natural, height, bigger;

  gtk_widget_add_css_class (widget, "test-paragraph");
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  settle ();
  natural = width_of (widget, NULL);
  height = height_at (widget, natural);

  gtk_css_provider_load_from_data (provider, "label.test-paragraph { font-size: 30px; }", -1);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  settle ();
  bigger = width_of (widget, NULL);
  g_assert_cmpint (bigger, >, natural);
  g_assert_cmpint (height_at (widget, natural), >, height);

  gtk_style_context_remove_provider_for_display (gtk_widget_get_display (widget),
                                                 GTK_STYLE_PROVIDER (provider));
  settle ();
  g_assert_cmpint (width_of (widget, NULL), ==, natural);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/paragraph/long-once", test_long_once);
  g_test_add_func ("/sm/paragraph/short-kept", test_short_kept);
  g_test_add_func ("/sm/paragraph/font-change", test_font_change);

  return g_test_run ();
}
