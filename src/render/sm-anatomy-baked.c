/* sm-anatomy-baked.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-anatomy"
/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sm-anatomy-baked.h"
#include "sm-svg-index.h"

static guint parse_count;

/* Masks are drawn black so the caller can paint them in any theme colour;
 * fibres and text would only blur the shape. The caution group (and, for
 * silhouettes, the referred-pain and region groups) is hidden in
 * the file and shown here because masks are drawn one element at a time,
 * when the caller has decided the element should show. */
static const char * const style_sheets[SM_ANATOMY_N_STYLES] = {
  [SM_ANATOMY_STYLE_ART] =
    "#overlay-cautions { display: inline; }",
  [SM_ANATOMY_STYLE_SILHOUETTE] =
    "* { fill: #000; stroke: #000; opacity: 1; fill-opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: none; }"
    ".nerve { fill: none; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions, #overlay-referrals, #overlay-regions { display: inline; }",
  [SM_ANATOMY_STYLE_OUTLINE] =
    "* { fill: none; stroke: #000; stroke-width: 5px; opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: none; stroke-linejoin: round; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions { display: inline; }",
  [SM_ANATOMY_STYLE_DASHED] =
    "* { fill: none; stroke: #000; stroke-width: 3.5px; opacity: 1; stroke-opacity: 1;"
    "    stroke-dasharray: 12 7; stroke-linejoin: round; }"
    ".muscle-fibres, text { display: none; }"
    "#overlay-cautions { display: inline; }",
  /* Paper: the muscles a routine does not work on recede, and what only
   * the screen explains (landmarks, press points, caution areas) is left
   * out. Opaque throughout: an opacity on a line makes a transparency group
   * in the PDF, slow to write and no help on paper at this size. */
  [SM_ANATOMY_STYLE_PAPER] =
    ".zone .muscle { fill: #efe7e1; stroke: #cdbdb2; }"
    ".muscle-fibres { display: none; }"
    "#overlay-landmarks, #overlay-press-points, #overlay-cautions { display: none; }",
  /* Deep muscles in a darker shade, so the piriformis reads as its own
   * shape on top of the gluteus maximus. "@zone" is every zone here, one
   * marked zone's id in a marked drawing (sm-anatomy-marked.c). */
  [SM_ANATOMY_STYLE_PAPER_MARKED] =
    "@zone .muscle { fill: #f5b06e; stroke: #9a4210; stroke-width: 2.5; opacity: 1; }"
    "#layer-deep @zone .muscle { fill: #e07a35; }"
    "@zone .muscle-fibres { display: inline; opacity: 1; stroke-opacity: 1; stroke: #c8733a; }"
    "#overlay-landmarks, #overlay-press-points, #overlay-cautions { display: none; }",
};

/* The groups no paper look draws: the screen's landmarks, press points and
 * caution areas, which both paper style sheets hide, and the referred-pain
 * and region groups, which the file itself hides (the silhouettes show
 * them, for masks). Together they are two thirds of a view's file. */
static const char * const paper_omits[] = {
  "overlay-landmarks", "overlay-press-points", "overlay-cautions",
  "overlay-referrals", "overlay-regions", NULL,
};

gboolean
_sm_anatomy_style_is_paper (guint style)
{
  return style == SM_ANATOMY_STYLE_PAPER || style == SM_ANATOMY_STYLE_PAPER_MARKED;
}

/* Just past the "</g>" that closes the group starting at @start, or NULL
 * when the file's groups do not balance from there. A comment counts for
 * nothing, nor does a group that closes itself ("<g/>"). */
static const char *
group_end (const char *start,
           const char *end)
{
  const char *p = start;
  int depth = 0;

  while (p < end)
    {
      const char *tag = memchr (p, '<', end - p);
      const char *close;

      if (tag == NULL)
        return NULL;
      if (end - tag >= 4 && memcmp (tag, "<!--", 4) == 0)
        {
          close = g_strstr_len (tag + 4, end - tag - 4, "-->");
          if (close == NULL)
            return NULL;
          p = close + 3;
          continue;
        }
      close = memchr (tag, '>', end - tag);
      if (close == NULL || end - tag < 3)
        return NULL;
      if (tag[1] == '/' && tag[2] == 'g' && (tag[3] == '>' || g_ascii_isspace (tag[3])))
        depth--;
      else if (tag[1] == 'g' && (tag[2] == '>' || g_ascii_isspace (tag[2])) && close[-1] != '/')
        depth++;
      p = close + 1;
      if (depth == 0)
        return p;
    }
  return NULL;
}

/* Where the group with id @id starts ("<g" ... id="@id"), or NULL. */
static const char *
group_start (const char *data,
             const char *end,
             const char *id)
{
  g_autofree char *attribute = g_strdup_printf (" id=\"%s\"", id);
  const char *at = memmem (data, end - data, attribute, strlen (attribute));

  while (at != NULL && at > data && *at != '<' && *at != '>')
    at--;
  return at != NULL && *at == '<' && end - at > 2 && at[1] == 'g' && g_ascii_isspace (at[2])
         ? at : NULL;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  const char *x = *(const char * const *) a, *y = *(const char * const *) b;

  return (x > y) - (x < y);
}

/* @svg without the groups the paper looks never draw (paper_omits), so
 * that a sheet's handle parses a third of the file: the same drawing, as
 * test-anatomy-baked checks. A group that is not there is nothing to
 * leave out; should the groups not balance, the whole file is used. */
GBytes *
_sm_anatomy_paper_source (GBytes     *svg,
                          const char *path)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *end = data + size;
  const char *starts[G_N_ELEMENTS (paper_omits)];
  g_autoptr(GString) kept = g_string_sized_new (size);
  const char *from = data;
  guint n = 0;

  for (guint i = 0; paper_omits[i] != NULL; i++)
    if ((starts[n] = group_start (data, end, paper_omits[i])) != NULL)
      n++;
  qsort (starts, n, sizeof starts[0], compare_positions);

  for (guint i = 0; i < n; i++)
    {
      const char *group_stop;

      /* Inside a group already left out. */
      if (starts[i] < from)
        continue;
      if ((group_stop = group_end (starts[i], end)) == NULL)
        {
          g_warning ("%s: the groups do not balance after byte %" G_GSIZE_FORMAT
                     "; the sheets draw the whole file", path, (gsize) (starts[i] - data));
          return g_bytes_ref (svg);
        }
      g_string_append_len (kept, from, starts[i] - from);
      from = group_stop;
    }
  g_string_append_len (kept, from, end - from);
  return g_string_free_to_bytes (g_steal_pointer (&kept));
}

guint
sm_anatomy_get_parse_count (void)
{
  return parse_count;
}

/* A style's sheet with its "@zone" standing for @scope; NULL for none
 * (the plain file, or a handle that is not one of the styles). */
char *
_sm_anatomy_scope_style_sheet (guint       style,
                               const char *scope)
{
  g_auto(GStrv) parts = NULL;

  if (style >= SM_ANATOMY_N_STYLES || style_sheets[style] == NULL)
    return NULL;
  parts = g_strsplit (style_sheets[style], SM_ANATOMY_ZONE_SCOPE, -1);
  return g_strjoinv (scope, parts);
}

/* Just past the end of the root element's start tag in @data: the first
 * tag that is not a comment, a declaration or a processing instruction,
 * when it is an <svg> that is not empty. NULL otherwise. A quoted ">" in
 * its attributes does not end it. */
static const char *
root_start_tag_end (const char *data,
                    const char *end)
{
  const char *p = data;
  char quote = 0;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *close = NULL;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        close = g_strstr_len (p + 4, end - p - 4, "-->");
      else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        close = memchr (p, '>', end - p);
      else
        break;
      if (close == NULL)
        return NULL;
      p = close + 1;
    }
  if (p == NULL || end - p < 5 || memcmp (p, "<svg", 4) != 0 ||
      !(g_ascii_isspace (p[4]) || p[4] == '>'))
    return NULL;

  for (p += 4; p < end; p++)
    {
      if (quote != 0)
        quote = *p == quote ? 0 : quote;
      else if (*p == '"' || *p == '\'')
        quote = *p;
      else if (*p == '>')
        return p[-1] == '/' ? NULL : p + 1;
    }
  return NULL;
}

/* @svg with @css as a style sheet of its own, first inside the root
 * element (before everything it styles), or NULL when there is no root
 * element to put it in. librsvg styles a document as it finishes reading
 * it and again for each sheet given afterwards
 * (rsvg_handle_set_stylesheet ()): given in the file, the sheet costs one
 * styling instead of two, a third of parsing a look. The artwork has no
 * style sheets of its own, so the sheet ranks the same as it would as the
 * user's: above the files' presentation attributes, below a style
 * attribute. */
static GBytes *
with_style_sheet (GBytes     *svg,
                  const char *css)
{
  gsize size;
  const char *data = g_bytes_get_data (svg, &size);
  const char *end = data + size;
  const char *inside = root_start_tag_end (data, end);
  GString *styled;

  if (inside == NULL || strstr (css, "]]>") != NULL)
    return NULL;

  styled = g_string_sized_new (size + strlen (css) + 64);
  g_string_append_len (styled, data, inside - data);
  g_string_append (styled, "<style type=\"text/css\"><![CDATA[");
  g_string_append (styled, css);
  g_string_append (styled, "]]></style>");
  g_string_append_len (styled, inside, end - inside);
  return g_string_free_to_bytes (styled);
}

RsvgHandle *
_sm_anatomy_parse_handle (GBytes      *bytes,
                          const char  *path,
                          const char  *css,
                          GError     **error)
{
  g_autoptr(GObject) handle = NULL;   /* librsvg 2.54 has no autoptr */
  g_autoptr(GBytes) styled = css != NULL ? with_style_sheet (bytes, css) : NULL;
  GBytes *source = styled != NULL ? styled : bytes;
  gsize size;
  const guint8 *data = g_bytes_get_data (source, &size);

  g_atomic_int_inc (&parse_count);
  g_debug ("parsing %s (%.40s)", path, css != NULL ? css : "no stylesheet");
  handle = G_OBJECT (rsvg_handle_new_from_data (data, size, error));
  if (handle == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  rsvg_handle_set_dpi (RSVG_HANDLE (handle), 96.0);
  if (css != NULL && styled == NULL)
    g_debug ("%s: no root element to put the style sheet in, so librsvg is given it", path);
  if (css != NULL && styled == NULL &&
      !rsvg_handle_set_stylesheet (RSVG_HANDLE (handle), (const guint8 *) css, strlen (css), error))
    {
      g_prefix_error (error, "%s: stylesheet: ", path);
      return NULL;
    }

  return RSVG_HANDLE (g_steal_pointer (&handle));
}

/* The size of the document in SVG units, from its viewBox: the artwork
 * is drawn and measured at that size. */
gboolean
_sm_anatomy_handle_size (RsvgHandle  *rsvg,
                         const char  *path,
                         double      *width,
                         double      *height,
                         GError     **error)
{
  gboolean has_width, has_height, has_viewbox;
  RsvgLength length_x, length_y;
  RsvgRectangle viewbox;

  rsvg_handle_get_intrinsic_dimensions (rsvg, &has_width, &length_x, &has_height, &length_y,
                                        &has_viewbox, &viewbox);
  if (!has_viewbox || viewbox.width <= 0 || viewbox.height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: the SVG has no usable viewBox", path);
      return FALSE;
    }
  *width = viewbox.width;
  *height = viewbox.height;
  return TRUE;
}

/* Both rectangles of @element_id, asked at the intrinsic size @width ×
 * @height: librsvg 2.54 ignores the viewport's size here. */
gboolean
_sm_anatomy_handle_geometry (RsvgHandle    *rsvg,
                             double         width,
                             double         height,
                             const char    *element_id,
                             RsvgRectangle *ink,
                             RsvgRectangle *logical)
{
  g_autofree char *ref = g_strconcat ("#", element_id, NULL);
  RsvgRectangle viewport = { 0, 0, width, height };

  return rsvg_handle_get_geometry_for_layer (rsvg, ref, &viewport, ink, logical, NULL);
}

/* FNV-1a over the whole file, with its size: the bake only has to notice
 * artwork that changed since it was measured, and SHA-256 costs ten times
 * as much at every start. */
static char *
checksum_of (GBytes *svg)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (svg, &size);
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ data[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  return g_strdup_printf ("fnv1a64:%" G_GSIZE_FORMAT ":%016" G_GINT64_MODIFIER "x", size, hash);
}

/* What the build bakes for one view: the ink box of every element with an
 * id as the silhouette look draws it, which is what sm_anatomy_get_bounds ()
 * answers, and the file's index. An element librsvg cannot measure is left
 * out, and asked of librsvg again at run time. */
GVariant *
_sm_anatomy_bake_view (const char  *name,
                       GBytes      *svg,
                       const char  *path,
                       GError     **error)
{
  g_autofree char *css = _sm_anatomy_scope_style_sheet (SM_ANATOMY_STYLE_SILHOUETTE, ".zone");
  g_autoptr(GObject) rsvg = NULL;
  g_autoptr(SmSvgIndex) index = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *checksum = checksum_of (svg);
  GVariantBuilder boxes;
  double width, height;

  if ((index = sm_svg_index_new_from_bytes (svg, path, error)) == NULL ||
      (rsvg = G_OBJECT (_sm_anatomy_parse_handle (svg, path, css, error))) == NULL ||
      !_sm_anatomy_handle_size (RSVG_HANDLE (rsvg), path, &width, &height, error))
    return NULL;

  g_variant_builder_init (&boxes, G_VARIANT_TYPE ("a(sdddd)"));
  ids = sm_svg_index_list_ids (index, NULL);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      RsvgRectangle ink, logical;

      if (_sm_anatomy_handle_geometry (RSVG_HANDLE (rsvg), width, height, id,
                                       &ink, &logical))
        g_variant_builder_add (&boxes, "(sdddd)", id, ink.x, ink.y, ink.width, ink.height);
    }
  return g_variant_new ("(ssa(sdddd)@" SM_SVG_INDEX_VARIANT_TYPE ")", name, checksum, &boxes,
                        sm_svg_index_serialize (index));
}

static gpointer
load_baked (gpointer data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SM_ANATOMY_BAKED_PATH,
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  if (bytes == NULL)
    return NULL;
  /* Trusted: the build wrote it with GVariant, and it is compiled into
   * the program; each child read is then not checked again. */
  return g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SM_ANATOMY_BAKED_TYPE),
                                                       bytes, TRUE));
}

/* The bake of view @name, if it was made of exactly @svg: its boxes, an
 * "a(sdddd)" (element id, x, y, width, height), and its index. FALSE
 * otherwise, and then every box is measured and the file indexed at run
 * time: a stale bake is never used. */
gboolean
_sm_anatomy_baked_view (const char  *name,
                        GBytes      *svg,
                        GVariant   **bounds,
                        GVariant   **index)
{
  static GOnce once = G_ONCE_INIT;
  GVariant *baked = g_once (&once, load_baked, NULL);
  g_autofree char *checksum = NULL;
  GVariantIter iter;
  const char *view, *measured_on;
  GVariant *boxes, *elements;

  if (baked == NULL)
    return FALSE;
  g_variant_iter_init (&iter, baked);
  while (g_variant_iter_next (&iter, "(&s&s@a(sdddd)@" SM_SVG_INDEX_VARIANT_TYPE ")",
                              &view, &measured_on, &boxes, &elements))
    {
      if (g_str_equal (view, name))
        {
          if (checksum == NULL)
            checksum = checksum_of (svg);
          if (g_str_equal (measured_on, checksum))
            {
              *bounds = boxes;
              *index = elements;
              return TRUE;
            }
        }
      g_variant_unref (boxes);
      g_variant_unref (elements);
    }
  return FALSE;
}
