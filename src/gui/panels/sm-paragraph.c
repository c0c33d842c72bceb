/* sm-paragraph.c: a wrapping paragraph of plain text, laid out once
 *
 * Why not a GtkLabel? GTK 4.8 lays a wrapping label's text out three times
 * before it is drawn: unwrapped for its natural width, at no width for its
 * minimum, then at the width it is given, and it shapes the font's sample
 * text again for every label with a maximum width in characters. On the
 * first-run safety screen that was most of the first frame. A paragraph
 * answers widths from the font's average character width, so it lays its
 * text out only at the width it gets. Short texts, which fit on one line,
 * are laid out once unwrapped and keep that layout at any wider width.
 *
 * It reads to a screen reader as a label with the text as its name. It is
 * not selectable: use it for text that is read, not copied.
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-paragraph"

#include "config.h"

#include <pango/pangocairo.h>

#include "sm-paragraph.h"

/* Narrower than this many characters, words break inside themselves. */
#define MIN_WIDTH_CHARS 12

struct _SmParagraph
{
  GtkWidget         parent_instance;

  char             *text;
  int               max_width_chars;
  GtkJustification  justify;

  PangoLayout      *layout;
  int               layout_width;   /* Pango units; -1: unwrapped */
  int               unwrapped_width; /* pixels; -1: not measured */
  int               char_pixels;    /* 0: not measured */
  guint             context_serial;
  guint             n_layouts;
};

G_DEFINE_FINAL_TYPE (SmParagraph, sm_paragraph, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_MAX_WIDTH_CHARS,
  PROP_JUSTIFY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_paragraph_new (const char *text)
{
  return g_object_new (SM_TYPE_PARAGRAPH, "text", text, NULL);
}

/* Forgets every size, after the text or the font changed. */
static void
invalidate (SmParagraph *self)
{
  g_clear_object (&self->layout);
  self->unwrapped_width = -1;
  self->char_pixels = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* The average width of a character in the widget's font. Pango shapes a
 * sample text to find it, so it is kept for each font description. */
static int
char_pixels (SmParagraph *self)
{
  static GHashTable *by_font;
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = NULL;
  g_autofree char *key = NULL;
  gpointer cached;

  if (self->char_pixels > 0)
    return self->char_pixels;

  self->context_serial = pango_context_get_serial (context);

  if (by_font == NULL)
    by_font = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  font = pango_font_description_to_string (pango_context_get_font_description (context));
  key = g_strdup_printf ("%s@%g", font, pango_cairo_context_get_resolution (context));
  cached = g_hash_table_lookup (by_font, key);
  if (cached != NULL)
    self->char_pixels = GPOINTER_TO_INT (cached);
  else
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
      int width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                       pango_font_metrics_get_approximate_digit_width (metrics));

      pango_font_metrics_unref (metrics);
      self->char_pixels = MAX (1, PANGO_PIXELS_CEIL (width));
      g_hash_table_insert (by_font, g_steal_pointer (&key), GINT_TO_POINTER (self->char_pixels));
    }
  return self->char_pixels;
}

/* A text shorter than its maximum width surely fits on one line there. */
static gboolean
is_short (SmParagraph *self)
{
  glong n_chars = self->text != NULL ? g_utf8_strlen (self->text, -1) : 0;

  return self->max_width_chars < 0 || n_chars * 4 < self->max_width_chars * 3;
}

static PangoLayout *
ensure_layout (SmParagraph *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if (self->layout != NULL && self->context_serial == pango_context_get_serial (context))
    return self->layout;

  /* A new font: the sizes measured with the old one are wrong too. */
  if (self->layout != NULL)
    {
      self->unwrapped_width = -1;
      self->char_pixels = 0;
    }
  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
  self->context_serial = pango_context_get_serial (context);
  self->layout_width = -1;
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_justify (self->layout, self->justify == GTK_JUSTIFY_FILL);
  pango_layout_set_alignment (self->layout, self->justify == GTK_JUSTIFY_CENTER ? PANGO_ALIGN_CENTER
                                            : self->justify == GTK_JUSTIFY_RIGHT ? PANGO_ALIGN_RIGHT
                                            : PANGO_ALIGN_LEFT);
  return self->layout;
}

/* The unwrapped width of a short text, from one layout that is kept. */
static int
unwrapped_width (SmParagraph *self)
{
  if (self->unwrapped_width < 0)
    {
      PangoLayout *layout = ensure_layout (self);
      int width;

      pango_layout_set_width (layout, -1);
      self->layout_width = -1;
      pango_layout_get_pixel_size (layout, &width, NULL);
      self->n_layouts++;
      self->unwrapped_width = width;
    }
  return self->unwrapped_width;
}

/* Lays the text out at @width pixels, unless the layout already has the
 * same lines at that width. */
static PangoLayout *
layout_at (SmParagraph *self,
           int          width)
{
  PangoLayout *layout = ensure_layout (self);

  if (self->unwrapped_width >= 0 && width >= self->unwrapped_width)
    {
      if (self->layout_width != -1)
        {
          pango_layout_set_width (layout, -1);
          self->layout_width = -1;
          self->n_layouts++;
        }
      return layout;
    }
  if (self->layout_width != width * PANGO_SCALE)
    {
      pango_layout_set_width (layout, width * PANGO_SCALE);
      self->layout_width = width * PANGO_SCALE;
      self->n_layouts++;
    }
  return layout;
}

static void
measure_width (SmParagraph *self,
               int         *minimum,
               int         *natural)
{
  int per_char = char_pixels (self);

  if (is_short (self))
    *natural = unwrapped_width (self);
  else
    *natural = per_char * self->max_width_chars;
  *minimum = MIN (*natural, per_char * MIN_WIDTH_CHARS);
}

static void
sm_paragraph_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SmParagraph *self = SM_PARAGRAPH (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_width (self, minimum, natural);
      return;
    }

  if (for_size < 0)
    {
      int ignored;

      measure_width (self, &ignored, &for_size);
    }
  pango_layout_get_pixel_size (layout_at (self, for_size), NULL, minimum);
  *natural = *minimum;
}

static GtkSizeRequestMode
sm_paragraph_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
sm_paragraph_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  layout_at (SM_PARAGRAPH (widget), width);
}

/* Where a line that is narrower than the widget starts, as a label places
 * it: the start edge in the text's direction, or the middle. */
static float
line_align (SmParagraph *self)
{
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;

  switch (self->justify)
    {
    case GTK_JUSTIFY_CENTER:
      return 0.5f;
    case GTK_JUSTIFY_RIGHT:
      return rtl ? 0.0f : 1.0f;
    case GTK_JUSTIFY_LEFT:
    case GTK_JUSTIFY_FILL:
    default:
      return rtl ? 1.0f : 0.0f;
    }
}

static void
sm_paragraph_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  SmParagraph *self = SM_PARAGRAPH (widget);
  int width = gtk_widget_get_width (widget);
  PangoLayout *layout;
  GdkRGBA color;
  int ink_width;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  layout = layout_at (self, width);
  pango_layout_get_pixel_size (layout, &ink_width, NULL);
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  if (self->layout_width == -1)
    gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - ink_width) * line_align (self), 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A new font, size or resolution shows as a new serial of the widget's
 * Pango context; only then are the sizes measured again. */
static void
check_context (SmParagraph *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));

  if ((self->layout != NULL || self->char_pixels > 0) &&
      self->context_serial != pango_context_get_serial (context))
    invalidate (self);
}

static void
sm_paragraph_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sm_paragraph_parent_class)->css_changed (widget, change);
  check_context (SM_PARAGRAPH (widget));
}

static void
sm_paragraph_system_setting_changed (GtkWidget        *widget,
                                     GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (sm_paragraph_parent_class)->system_setting_changed (widget, setting);
  check_context (SM_PARAGRAPH (widget));
}

static void
sm_paragraph_direction_changed (GtkWidget        *widget,
                                GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (sm_paragraph_parent_class)->direction_changed (widget, previous);
  invalidate (SM_PARAGRAPH (widget));
}

const char *
sm_paragraph_get_text (SmParagraph *self)
{
  g_return_val_if_fail (SM_IS_PARAGRAPH (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
sm_paragraph_set_text (SmParagraph *self,
                       const char  *text)
{
  g_return_if_fail (SM_IS_PARAGRAPH (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  sm_paragraph_get_text (self), -1);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

int
sm_paragraph_get_max_width_chars (SmParagraph *self)
{
  g_return_val_if_fail (SM_IS_PARAGRAPH (self), -1);

  return self->max_width_chars;
}

void
sm_paragraph_set_max_width_chars (SmParagraph *self,
                                  int          n_chars)
{
  g_return_if_fail (SM_IS_PARAGRAPH (self));

  if (self->max_width_chars == n_chars)
    return;

  self->max_width_chars = n_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_WIDTH_CHARS]);
}

GtkJustification
sm_paragraph_get_justify (SmParagraph *self)
{
  g_return_val_if_fail (SM_IS_PARAGRAPH (self), GTK_JUSTIFY_LEFT);

  return self->justify;
}

void
sm_paragraph_set_justify (SmParagraph      *self,
                          GtkJustification  justify)
{
  g_return_if_fail (SM_IS_PARAGRAPH (self));

  if (self->justify == justify)
    return;

  self->justify = justify;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JUSTIFY]);
}

/* How many times the text was laid out: for the tests. */
guint
sm_paragraph_get_n_layouts (SmParagraph *self)
{
  g_return_val_if_fail (SM_IS_PARAGRAPH (self), 0);

  return self->n_layouts;
}

static void
sm_paragraph_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SmParagraph *self = SM_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, sm_paragraph_get_text (self));
      break;
    case PROP_MAX_WIDTH_CHARS:
      g_value_set_int (value, self->max_width_chars);
      break;
    case PROP_JUSTIFY:
      g_value_set_enum (value, self->justify);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_paragraph_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SmParagraph *self = SM_PARAGRAPH (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      sm_paragraph_set_text (self, g_value_get_string (value));
      break;
    case PROP_MAX_WIDTH_CHARS:
      sm_paragraph_set_max_width_chars (self, g_value_get_int (value));
      break;
    case PROP_JUSTIFY:
      sm_paragraph_set_justify (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_paragraph_finalize (GObject *object)
{
  SmParagraph *self = SM_PARAGRAPH (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (sm_paragraph_parent_class)->finalize (object);
}

static void
sm_paragraph_class_init (SmParagraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = sm_paragraph_get_property;
  object_class->set_property = sm_paragraph_set_property;
  object_class->finalize = sm_paragraph_finalize;
  widget_class->measure = sm_paragraph_measure;
  widget_class->get_request_mode = sm_paragraph_get_request_mode;
  widget_class->size_allocate = sm_paragraph_size_allocate;
  widget_class->snapshot = sm_paragraph_snapshot;
  widget_class->css_changed = sm_paragraph_css_changed;
  widget_class->system_setting_changed = sm_paragraph_system_setting_changed;
  widget_class->direction_changed = sm_paragraph_direction_changed;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The natural width, in average characters; -1: the text's own width. */
  properties[PROP_MAX_WIDTH_CHARS] =
    g_param_spec_int ("max-width-chars", NULL, NULL, -1, G_MAXINT, 60,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_JUSTIFY] =
    g_param_spec_enum ("justify", NULL, NULL, GTK_TYPE_JUSTIFICATION, GTK_JUSTIFY_LEFT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
sm_paragraph_init (SmParagraph *self)
{
  self->max_width_chars = 60;
  self->layout_width = -1;
  self->unwrapped_width = -1;
}
