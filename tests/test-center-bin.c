/* test-center-bin.c: SmCenterBin gives its child its natural size and
 * centres it, or fills the space when there is less.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "sm-center-bin.h"
#include "sm-test-utils.h"

#define TEXT "Sciatica has many causes, such as a slipped disc, narrowing of the spine or a " \
             "tight piriformis muscle. Massage helps most when tight muscles are the cause."

static GtkWidget *
wrapping_label (void)
{
  GtkWidget *label = gtk_label_new (TEXT);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  return label;
}

static void
test_horizontal (void)
{
  GtkWidget *bin = g_object_ref_sink (g_object_new (SM_TYPE_CENTER_BIN, "horizontal", TRUE, NULL));
  GtkWidget *label = wrapping_label ();
  int min_w, nat_w, min_h, nat_h, bin_h;
  graphene_rect_t bounds;

  gtk_widget_set_parent (label, bin);
  g_assert_true (gtk_widget_get_request_mode (bin) == GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH);
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
  g_assert_cmpint (nat_w, <, 900);

  /* Wide: the natural width, in the middle; as tall as at that width. */
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, nat_w, &min_h, &nat_h, NULL, NULL);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, 1000, &bin_h, NULL, NULL, NULL);
  g_assert_cmpint (bin_h, ==, min_h);
  gtk_widget_size_allocate (bin, &(GtkAllocation) { 0, 0, 1000, 400 }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, nat_w);
  g_assert_cmpfloat (bounds.origin.x, ==, (1000 - nat_w) / 2);
  g_assert_cmpfloat (bounds.size.height, ==, 400);

  /* Narrow: all the width there is, and taller. */
  gtk_widget_size_allocate (bin, &(GtkAllocation) { 0, 0, min_w + 10, 400 }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, min_w + 10);
  g_assert_cmpfloat (bounds.origin.x, ==, 0);
  gtk_widget_measure (bin, GTK_ORIENTATION_VERTICAL, min_w + 10, &bin_h, NULL, NULL, NULL);
  g_assert_cmpint (bin_h, >, min_h);

  g_object_unref (bin);
}

static void
test_vertical (void)
{
  GtkWidget *bin = g_object_ref_sink (g_object_new (SM_TYPE_CENTER_BIN, "vertical", TRUE, NULL));
  GtkWidget *label = wrapping_label ();
  graphene_rect_t bounds;
  int min_h, nat_h;

  gtk_widget_set_parent (label, bin);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 300, &min_h, &nat_h, NULL, NULL);

  /* The full width, the natural height for it, in the middle. */
  gtk_widget_size_allocate (bin, &(GtkAllocation) { 0, 0, 300, 800 }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.size.width, ==, 300);
  g_assert_cmpfloat (bounds.size.height, ==, nat_h);
  g_assert_cmpfloat (bounds.origin.y, ==, (800 - nat_h) / 2);

  /* Never taller than it is given: a scrolled page scrolls instead. */
  gtk_widget_size_allocate (bin, &(GtkAllocation) { 0, 0, 300, nat_h / 2 }, -1);
  g_assert_true (gtk_widget_compute_bounds (label, bin, &bounds));
  g_assert_cmpfloat (bounds.size.height, ==, nat_h / 2);
  g_assert_cmpfloat (bounds.origin.y, ==, 0);

  g_object_unref (bin);
}

int
main (int   argc,
      char *argv[])
{
  sm_test_init (&argc, &argv);
  sm_test_gtk_init ();

  g_test_add_func ("/sm/center-bin/horizontal", test_horizontal);
  g_test_add_func ("/sm/center-bin/vertical", test_vertical);

  return g_test_run ();
}
