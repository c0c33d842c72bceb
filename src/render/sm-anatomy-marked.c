/* sm-anatomy-marked.c: a view drawn in one look with some zones in
 * another, from one handle (SmAnatomy's other half is sm-anatomy.c).
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-anatomy"

#include "config.h"

#include "sm-anatomy-private.h"

/* @style's sheet, then @marked_style's once per marked zone, scoped to
 * its id: "#zone-x .muscle" is more specific than the other look's
 * ".zone .muscle", so it wins on that zone only. */
char *
_sm_anatomy_marked_style_sheet (SmAnatomyStyle      style,
                                SmAnatomyStyle      marked_style,
                                const char * const *marked)
{
  g_autofree char *base = _sm_anatomy_scope_style_sheet (style, ".zone");
  GString *css = g_string_new (base);

  for (guint i = 0; marked[i] != NULL; i++)
    {
      g_autofree char *scope = g_strconcat ("#", marked[i], NULL);
      g_autofree char *sheet = _sm_anatomy_scope_style_sheet (marked_style, scope);

      g_string_append (css, sheet);
    }
  return g_string_free (css, FALSE);
}

/* The handle that draws @view in @style with the zones @marked in
 * @marked_style, locked: one parse, where drawing zone by zone from two
 * handles took two. A view keeps the handle of its latest marks, so every
 * sheet of a routine shares one. Without marks, or in one look, it is
 * that look's own handle. */
static RsvgHandle *
lock_marked (SmAnatomyView      *view,
             SmAnatomyStyle      style,
             SmAnatomyStyle      marked_style,
             const char * const *marked,
             GError            **error)
{
  g_autofree char *joined = NULL;
  g_autofree char *key = NULL;
  g_autofree char *css = NULL;

  if (style == marked_style || marked[0] == NULL)
    return _sm_anatomy_lock_style (view, style, error);

  joined = g_strjoinv (" ", (char **) marked);
  key = g_strdup_printf ("%u %u %s", style, marked_style, joined);
  css = _sm_anatomy_marked_style_sheet (style, marked_style, marked);
  return _sm_anatomy_lock_custom (view, key, css,
                                  _sm_anatomy_style_is_paper (style) &&
                                  _sm_anatomy_style_is_paper (marked_style),
                                  error);
}

/* @element_id of @view (NULL: the whole view) as a marked drawing draws it. */
static gboolean
render_marked (SmAnatomy               *self,
               const char              *view,
               SmAnatomyStyle           style,
               SmAnatomyStyle           marked_style,
               const char * const      *marked,
               const char              *element_id,
               cairo_t                 *cr,
               const cairo_rectangle_t *viewport,
               GError                 **error)
{
  SmAnatomyView *v = _sm_anatomy_lookup_view (self, view);
  RsvgHandle *rsvg = lock_marked (v, style, marked_style, marked, error);
  gboolean ok;

  if (rsvg == NULL)
    return FALSE;
  ok = _sm_anatomy_draw_with (rsvg, element_id, cr, viewport, error);
  _sm_anatomy_unlock (v, rsvg);
  return ok;
}

/* The whole view in @style but the zones @marked in @marked_style, each
 * where it lies in the drawing order, so what lies on top of a marked zone
 * still does. One handle draws both looks, parsed for these marks when
 * first asked: @marked_style's sheet names its zones "@zone"
 * (%SM_ANATOMY_STYLE_PAPER_MARKED does), or it is @style. */
gboolean
sm_anatomy_render_marked_view (SmAnatomy               *self,
                               const char              *view,
                               SmAnatomyStyle           style,
                               SmAnatomyStyle           marked_style,
                               const char * const      *marked,
                               cairo_t                 *cr,
                               const cairo_rectangle_t *viewport,
                               GError                 **error)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES && marked_style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (marked != NULL && cr != NULL && viewport != NULL, FALSE);

  return render_marked (self, view, style, marked_style, marked, NULL, cr, viewport, error);
}

/* One element as sm_anatomy_render_marked_view () draws it, e.g. a marked
 * zone again over what hides it, with no parse of its own. */
gboolean
sm_anatomy_render_marked_element (SmAnatomy               *self,
                                  const char              *view,
                                  SmAnatomyStyle           style,
                                  SmAnatomyStyle           marked_style,
                                  const char * const      *marked,
                                  const char              *element_id,
                                  cairo_t                 *cr,
                                  const cairo_rectangle_t *viewport,
                                  GError                 **error)
{
  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES && marked_style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (marked != NULL && element_id != NULL, FALSE);
  g_return_val_if_fail (cr != NULL && viewport != NULL, FALSE);

  return render_marked (self, view, style, marked_style, marked, element_id, cr, viewport, error);
}

/* Parses the marked drawing's handle now, in the calling thread, unless
 * that is done: for a caller that wants the parse off its main thread. */
gboolean
sm_anatomy_ensure_marked (SmAnatomy           *self,
                          const char          *view,
                          SmAnatomyStyle       style,
                          SmAnatomyStyle       marked_style,
                          const char * const  *marked,
                          GError             **error)
{
  SmAnatomyView *v;
  RsvgHandle *rsvg;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES && marked_style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (marked != NULL, FALSE);

  v = _sm_anatomy_lookup_view (self, view);
  if ((rsvg = lock_marked (v, style, marked_style, marked, error)) == NULL)
    return FALSE;
  _sm_anatomy_unlock (v, rsvg);
  return TRUE;
}

/* sm_anatomy_get_logical_bounds () of an element as a marked drawing
 * draws it. */
gboolean
sm_anatomy_get_marked_logical_bounds (SmAnatomy          *self,
                                      const char         *view,
                                      SmAnatomyStyle      style,
                                      SmAnatomyStyle      marked_style,
                                      const char * const *marked,
                                      const char         *element_id,
                                      cairo_rectangle_t  *bounds)
{
  SmAnatomyView *v;
  RsvgHandle *rsvg;
  RsvgRectangle ink, logical;
  gboolean found;

  g_return_val_if_fail (SM_IS_ANATOMY (self), FALSE);
  g_return_val_if_fail (style < SM_ANATOMY_N_STYLES && marked_style < SM_ANATOMY_N_STYLES, FALSE);
  g_return_val_if_fail (marked != NULL && element_id != NULL && bounds != NULL, FALSE);

  v = _sm_anatomy_lookup_view (self, view);
  if (!_sm_anatomy_view_has_id (v, element_id) ||
      (rsvg = lock_marked (v, style, marked_style, marked, NULL)) == NULL)
    return FALSE;
  found = _sm_anatomy_geometry_of (v, rsvg, element_id, &ink, &logical);
  _sm_anatomy_unlock (v, rsvg);
  if (found)
    *bounds = (cairo_rectangle_t) { logical.x, logical.y, logical.width, logical.height };
  return found;
}
