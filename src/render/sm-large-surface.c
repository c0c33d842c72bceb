/* sm-large-surface.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-large-surface"

#include "config.h"

#include <sys/mman.h>

#include "sm-large-surface.h"

/* The kernel's huge page on x86-64 and arm64. */
#define HUGE_PAGE ((gsize) 2 << 20)

typedef struct
{
  gpointer mapping;
  gsize    length;
} Mapping;

static const cairo_user_data_key_t mapping_key;

static void
mapping_free (gpointer data)
{
  Mapping *mapping = data;

  munmap (mapping->mapping, mapping->length);
  g_free (mapping);
}

/* Fresh, zeroed memory of @size bytes on a huge-page boundary, advised to
 * be backed by huge pages; NULL where the system has none to give. */
static Mapping *
mapping_new (gsize    size,
             guint8 **aligned)
{
  gsize length = size + HUGE_PAGE;
  guint8 *start = mmap (NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  Mapping *mapping;

  if (start == MAP_FAILED)
    return NULL;
  *aligned = (guint8 *) (((guintptr) start + HUGE_PAGE - 1) & ~((guintptr) HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
  madvise (*aligned, size, MADV_HUGEPAGE);
#endif
  mapping = g_new (Mapping, 1);
  mapping->mapping = start;
  mapping->length = length;
  return mapping;
}

/* A cleared image surface, like cairo_image_surface_create (). A picture
 * of a 4K screen is 33 MB, which the kernel hands out 4 KB at a time as
 * it is first written: 8000 page faults, in a virtual machine most of the
 * time the first presenter frame takes. In huge pages, where the kernel
 * has them, it is 16. Small surfaces are cairo's own. */
cairo_surface_t *
sm_large_surface_new (cairo_format_t format,
                      int            width,
                      int            height)
{
  int stride = cairo_format_stride_for_width (format, width);
  gsize size = (gsize) stride * (gsize) MAX (height, 0);
  cairo_surface_t *surface;
  Mapping *mapping;
  guint8 *data;

  if (stride <= 0 || size < HUGE_PAGE || (mapping = mapping_new (size, &data)) == NULL)
    return cairo_image_surface_create (format, width, height);

  surface = cairo_image_surface_create_for_data (data, format, width, height, stride);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS ||
      cairo_surface_set_user_data (surface, &mapping_key, mapping, mapping_free) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      mapping_free (mapping);
      return cairo_image_surface_create (format, width, height);
    }
  return surface;
}
