/* bw-report-text.h — fast text for report table cells (internal)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A table of a large report has hundreds of thousands of cells; shaping
 * each with Pango, twice (to measure and to draw), is what made the PDF of
 * a big model slow.  Cell text is simple — one font, no bidi, breaks at
 * spaces — so this shapes each character once, then breaks and draws
 * cells from the cached advances and glyphs.  Text with a character the
 * font lacks (Pango would fall back to another font) is refused, and the
 * caller uses Pango for that cell. */
typedef struct _BwReportText BwReportText;

typedef struct
{
  guint start;    /* byte offset into the text */
  guint length;   /* bytes, trailing spaces left out */
} BwReportTextLine;

BwReportText *bw_report_text_new         (PangoContext               *context,
                                          const PangoFontDescription *font);
void          bw_report_text_free        (BwReportText               *self);
double        bw_report_text_line_height (BwReportText               *self);
/* Breaks text into lines of at most width points (at spaces, inside a
 * word wider than the line, and at newlines); the lines go to lines when
 * it is not NULL.  Returns how many, or 0 when the text needs Pango. */
guint         bw_report_text_break       (BwReportText               *self,
                                          const char                 *text,
                                          double                      width,
                                          GArray                     *lines);
/* Adds the glyphs of the lines, their top left corner at (x, y), to
 * glyphs (cairo_glyph_t); bw_report_text_show() draws them all at once,
 * which is several times faster on a PDF surface than a call per cell. */
void          bw_report_text_collect     (BwReportText               *self,
                                          const char                 *text,
                                          GArray                     *lines,
                                          double                      x,
                                          double                      y,
                                          GArray                     *glyphs);
void          bw_report_text_show        (BwReportText               *self,
                                          cairo_t                    *cr,
                                          GArray                     *glyphs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwReportText, bw_report_text_free)

G_END_DECLS
