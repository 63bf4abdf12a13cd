/* bw-report-text.c — fast text for report table cells
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <pango/pangocairo.h>

#include "bw-report-text.h"

typedef struct
{
  double     advance;  /* points */
  PangoGlyph glyph;
  gboolean   ok;       /* drawn in the primary font, one glyph */
} Glyph;

struct _BwReportText
{
  PangoLayout *layout;   /* to shape one character at a time */
  PangoFont   *font;     /* the font Pango picks for Latin text */
  double       line_height;
  double       baseline;
  Glyph        ascii[128];
  GHashTable  *others;   /* gunichar → Glyph */
};

static void
shape (BwReportText *self,
       gunichar      c,
       Glyph        *out)
{
  char text[8];
  int length = g_unichar_to_utf8 (c, text);
  PangoLayoutLine *line;
  PangoRectangle logical;

  memset (out, 0, sizeof *out);
  if (c < 32 || c == 127)
    return;
  pango_layout_set_text (self->layout, text, length);
  pango_layout_get_extents (self->layout, NULL, &logical);
  out->advance = (double) logical.width / PANGO_SCALE;
  line = pango_layout_get_line_readonly (self->layout, 0);
  if (line != NULL && line->runs != NULL && line->runs->next == NULL)
    {
      PangoGlyphItem *run = line->runs->data;

      if (run->glyphs->num_glyphs == 1 && run->item->analysis.font == self->font &&
          (run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
        {
          cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->font));
          cairo_glyph_t glyph = { run->glyphs->glyphs[0].glyph, 0, 0 };
          cairo_text_extents_t extents;

          /* The font's own advance, not Pango's rounded one: a PDF then
           * needs no correction between glyphs, and is much smaller. */
          cairo_scaled_font_glyph_extents (scaled, &glyph, 1, &extents);
          out->glyph = glyph.index;
          out->advance = extents.x_advance;
          out->ok = TRUE;
        }
    }
}

BwReportText *
bw_report_text_new (PangoContext               *context,
                    const PangoFontDescription *font)
{
  BwReportText *self = g_new0 (BwReportText, 1);
  PangoLayoutLine *line;
  PangoRectangle logical;

  self->layout = pango_layout_new (context);
  pango_layout_set_font_description (self->layout, font);
  self->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  /* The font Pango uses for ordinary text is the one every cached glyph
   * must come from: a glyph ID means nothing in another font. */
  pango_layout_set_text (self->layout, "Ag", -1);
  pango_layout_get_extents (self->layout, NULL, &logical);
  self->line_height = (double) logical.height / PANGO_SCALE;
  self->baseline = (double) pango_layout_get_baseline (self->layout) / PANGO_SCALE;
  line = pango_layout_get_line_readonly (self->layout, 0);
  if (line != NULL && line->runs != NULL)
    self->font = g_object_ref (((PangoGlyphItem *) line->runs->data)->item->analysis.font);

  for (gunichar c = 0; c < 128; c++)
    shape (self, c, &self->ascii[c]);
  return self;
}

void
bw_report_text_free (BwReportText *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->layout);
  g_clear_object (&self->font);
  g_hash_table_unref (self->others);
  g_free (self);
}

double
bw_report_text_line_height (BwReportText *self)
{
  return self->line_height;
}

static const Glyph *
lookup (BwReportText *self,
        gunichar      c)
{
  Glyph *glyph;

  if (c < 128)
    return &self->ascii[c];
  glyph = g_hash_table_lookup (self->others, GUINT_TO_POINTER (c));
  if (glyph == NULL)
    {
      glyph = g_new (Glyph, 1);
      shape (self, c, glyph);
      g_hash_table_insert (self->others, GUINT_TO_POINTER (c), glyph);
    }
  return glyph;
}

static void
add_line (GArray     *lines,
          const char *text,
          const char *start,
          const char *end,
          guint      *n)
{
  (*n)++;
  if (lines != NULL)
    {
      BwReportTextLine line;

      while (end > start && end[-1] == ' ')
        end--;
      line.start = start - text;
      line.length = end - start;
      g_array_append_val (lines, line);
    }
}

guint
bw_report_text_break (BwReportText *self,
                      const char   *text,
                      double        width,
                      GArray       *lines)
{
  const char *line_start = text;
  const char *break_at = NULL;     /* after the last space of this line */
  double line_width = 0;           /* from line_start to p */
  double break_width = 0;          /* from line_start to break_at */
  guint n = 0;
  const char *p = text;

  if (self->font == NULL || !g_utf8_validate (text, -1, NULL))
    return 0;
  if (lines != NULL)
    g_array_set_size (lines, 0);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);
      const Glyph *glyph;

      if (c == '\n')
        {
          add_line (lines, text, line_start, p, &n);
          line_start = p = next;
          break_at = NULL;
          line_width = break_width = 0;
          continue;
        }
      if (c == '\r')
        {
          p = next;
          continue;
        }
      glyph = lookup (self, c);
      if (!glyph->ok)
        return 0;

      if (c != ' ' && line_width + glyph->advance > width && p > line_start)
        {
          if (break_at != NULL && break_at > line_start)
            {
              /* Back to the last space: the word moves to the next line. */
              add_line (lines, text, line_start, break_at, &n);
              line_width -= break_width;
              line_start = break_at;
            }
          else
            {
              /* One word wider than the line: break inside it. */
              add_line (lines, text, line_start, p, &n);
              line_start = p;
              line_width = 0;
            }
          break_at = NULL;
          break_width = 0;
        }
      line_width += glyph->advance;
      p = next;
      /* Lines break after a space, or after a hyphen inside a word
       * ("signature-|checked"), never inside an ID or a number (T-12). */
      if (c == ' ' || (c == '-' && p - 1 > line_start && g_ascii_isalpha (*p) && p[-2] != ' '))
        {
          break_at = p;
          break_width = line_width;
        }
    }
  add_line (lines, text, line_start, p, &n);
  return n;
}

void
bw_report_text_collect (BwReportText *self,
                        const char   *text,
                        GArray       *lines,
                        double        x,
                        double        y,
                        GArray       *glyphs)
{
  for (guint l = 0; l < lines->len; l++)
    {
      const BwReportTextLine *line = &g_array_index (lines, BwReportTextLine, l);
      const char *p = text + line->start;
      const char *end = p + line->length;
      double gx = x;
      double gy = y + l * self->line_height + self->baseline;

      /* A line that starts with the spaces it broke at starts after them. */
      while (p < end && *p == ' ')
        p++;
      for (; p < end; p = g_utf8_next_char (p))
        {
          const Glyph *glyph = lookup (self, g_utf8_get_char (p));
          cairo_glyph_t out = { glyph->glyph, gx, gy };

          if (g_utf8_get_char (p) != ' ')
            g_array_append_val (glyphs, out);
          gx += glyph->advance;
        }
    }
}

void
bw_report_text_show (BwReportText *self,
                     cairo_t      *cr,
                     GArray       *glyphs)
{
  if (glyphs->len == 0 || self->font == NULL)
    return;
  cairo_set_scaled_font (cr, pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (self->font)));
  cairo_show_glyphs (cr, (cairo_glyph_t *) glyphs->data, glyphs->len);
  g_array_set_size (glyphs, 0);
}
