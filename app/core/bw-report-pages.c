/* bw-report-pages.c — a report laid out on pages: the PDF and the printout
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Pagination runs once and records, per page, which pieces of which blocks
 * go where; drawing a page replays its pieces onto any cairo context.  The
 * PDF writer draws every page onto a PDF surface, the app's print
 * operation draws the page it is asked for onto the printer's context, so
 * both give the same pages.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "bw-report-pages.h"
#include "bw-report-text.h"

#define MARGIN_X       48.0
#define MARGIN_TOP     64.0
#define MARGIN_BOTTOM  48.0
#define HEADER_Y       30.0
#define CELL_PAD_X     3.0
#define CELL_PAD_Y     2.0
#define BLOCK_GAP      7.0
#define PX_TO_PT       0.75   /* figures are in CSS pixels */
#define KEEP_WITH_NEXT 48.0   /* a heading needs this much room below it */

typedef enum
{
  FONT_BODY,
  FONT_TABLE,
  FONT_TABLE_HEADER,
  FONT_CAPTION,
  FONT_RUNNING,
  FONT_H1,
  FONT_H2,
  FONT_H3,
  FONT_H4,
  N_FONTS,
} Font;

static const char * const font_names[N_FONTS] = {
  "DejaVu Sans 9",
  "DejaVu Sans 7",
  "DejaVu Sans Bold 7",
  "DejaVu Sans Oblique 7.5",
  "DejaVu Sans 7.5",
  "DejaVu Sans Bold 18",
  "DejaVu Sans Bold 14",
  "DejaVu Sans Bold 11.5",
  "DejaVu Sans Bold 10",
};

typedef struct
{
  guint  block;
  double y;        /* top of the piece on the page */
  double height;
  guint  first;    /* text: first line; table: first row */
  guint  last;     /* one past the last line or row */
  double scale;    /* figures: points per figure unit */
} Piece;

/* What pagination learnt about a table, for drawing it. */
typedef struct
{
  double *widths;       /* per column */
  double  header_height;
  double *row_heights;  /* per row */
} TableGeometry;

struct _BwReportPages
{
  BwReport             *report;
  double                page_width;
  double                page_height;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  GPtrArray            *pages;       /* GArray of Piece */
  GHashTable           *tables;      /* block index → TableGeometry */
  /* Table cells, measured and drawn without shaping each (bw-report-text.h);
   * Pango for those it refuses, through one reused layout per font. */
  BwReportText         *cell_text[N_FONTS];
  PangoLayout          *cell_layout[N_FONTS];
  GArray               *lines;
  GArray               *glyphs[N_FONTS];  /* cairo_glyph_t collected for a table piece */
};

static void
table_geometry_free (gpointer data)
{
  TableGeometry *geometry = data;

  g_free (geometry->widths);
  g_free (geometry->row_heights);
  g_free (geometry);
}

static double
content_width (BwReportPages *self)
{
  return self->page_width - 2 * MARGIN_X;
}

static double
content_bottom (BwReportPages *self)
{
  return self->page_height - MARGIN_BOTTOM;
}

static PangoLayout *
new_layout (BwReportPages *self,
            Font           font,
            const char    *text,
            double         width)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, self->fonts[font]);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static Font
font_of (const BwReportBlock *block)
{
  if (block->kind == BW_REPORT_BLOCK_HEADING)
    return FONT_H1 + CLAMP (block->level, 1, 4) - 1;
  return FONT_BODY;
}

/* Tops of the lines of a layout, plus its height at the end. */
static GArray *
line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;
  double top;

  do
    {
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  pango_layout_get_extents (layout, NULL, &logical);
  top = (double) logical.height / PANGO_SCALE;
  g_array_append_val (tops, top);
  return tops;
}

/* ---- Pagination --------------------------------------------------------- */

typedef struct
{
  BwReportPages *self;
  GArray        *page;   /* the current page's pieces */
  double         y;      /* where the next piece goes */
} Cursor;

static void
new_page (Cursor *cursor)
{
  cursor->page = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (cursor->self->pages, cursor->page);
  cursor->y = MARGIN_TOP;
}

static gboolean
page_is_empty (Cursor *cursor)
{
  return cursor->page->len == 0;
}

static void
place (Cursor *cursor,
       Piece  *piece)
{
  piece->y = cursor->y;
  g_array_append_val (cursor->page, *piece);
  cursor->y += piece->height;
}

static double figure_scale (BwReportPages       *self,
                            const BwReportBlock *block,
                            double               caption);
static double caption_height (BwReportPages       *self,
                              const BwReportBlock *block);

/* A heading stays with what follows it: with a whole picture, or with a
 * few lines of text or rows of a table. */
static double
room_after_heading (BwReportPages *self,
                    guint          index)
{
  const BwReportBlock *next;

  if (index + 1 >= bw_report_get_n_blocks (self->report))
    return 0;
  next = bw_report_get_block (self->report, index + 1);
  if (next->kind == BW_REPORT_BLOCK_FIGURE)
    {
      double caption = caption_height (self, next);

      return next->height * figure_scale (self, next, caption) + caption;
    }
  return KEEP_WITH_NEXT;
}

static void
paginate_text (Cursor              *cursor,
               guint                index,
               const BwReportBlock *block)
{
  BwReportPages *self = cursor->self;
  g_autoptr(PangoLayout) layout = new_layout (self, font_of (block), block->text, content_width (self));
  g_autoptr(GArray) tops = line_tops (layout);
  guint n_lines = tops->len - 1;
  guint first = 0;
  double space_before = block->kind == BW_REPORT_BLOCK_HEADING ? (block->level <= 2 ? 12 : 8) : 0;

  if (block->kind == BW_REPORT_BLOCK_HEADING)
    {
      double height = g_array_index (tops, double, n_lines);

      if (block->new_page && !page_is_empty (cursor))
        new_page (cursor);
      else if (cursor->y + space_before + height + room_after_heading (self, index) > content_bottom (self) &&
               !page_is_empty (cursor))
        new_page (cursor);
    }
  else if (index + 1 < bw_report_get_n_blocks (self->report) &&
           bw_report_get_block (self->report, index + 1)->kind == BW_REPORT_BLOCK_TABLE)
    {
      /* A short lead-in ("The cheapest complete attacks:") stays with the
       * first rows of its table. */
      double height = g_array_index (tops, double, n_lines);

      if (height < KEEP_WITH_NEXT && cursor->y + height + KEEP_WITH_NEXT > content_bottom (self) &&
          !page_is_empty (cursor))
        new_page (cursor);
    }
  if (!page_is_empty (cursor))
    cursor->y += space_before;

  /* Whole lines on each page; a long paragraph continues on the next. */
  while (first < n_lines)
    {
      double top = g_array_index (tops, double, first);
      guint last = first;
      Piece piece = { index, 0, 0, first, 0, 1 };

      while (last < n_lines && cursor->y + g_array_index (tops, double, last + 1) - top <= content_bottom (self))
        last++;
      if (last == first)
        {
          if (!page_is_empty (cursor))
            {
              new_page (cursor);
              continue;
            }
          last = first + 1;  /* a line taller than a page: it is clipped */
        }
      piece.last = last;
      piece.height = g_array_index (tops, double, last) - top;
      place (cursor, &piece);
      first = last;
      if (first < n_lines)
        new_page (cursor);
    }
  cursor->y += block->kind == BW_REPORT_BLOCK_HEADING ? 4 : BLOCK_GAP;
}

static double
cell_height (BwReportPages *self,
             Font           font,
             PangoLayout   *layout,
             const char    *text,
             double         width)
{
  guint lines = bw_report_text_break (self->cell_text[font], text, width, NULL);
  int height;

  if (lines > 0)
    return lines * bw_report_text_line_height (self->cell_text[font]) + 2 * CELL_PAD_Y;
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 2 * CELL_PAD_Y;
}

/* Column widths from the text lengths: every column gets room for its
 * longest word (so IDs never break), the rest is shared by how much text
 * the column holds. */
static double *
column_widths (BwReportPages       *self,
               const BwReportBlock *block)
{
  guint n_columns = g_strv_length (block->columns);
  g_autofree double *natural = g_new0 (double, n_columns);
  g_autofree double *minimum = g_new0 (double, n_columns);
  double *widths = g_new0 (double, n_columns);
  double char_width = 4.1;  /* DejaVu Sans 7 pt, an average glyph */
  double total = content_width (self);
  double sum_natural = 0, sum_minimum = 0;

  for (guint r = 0; r <= block->rows->len; r++)
    {
      char **cells = r == 0 ? block->columns : g_ptr_array_index (block->rows, r - 1);

      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = cells[c];
          glong length = g_utf8_strlen (text, -1);
          glong word = 0, longest = 0;
          /* The header row is bold: its letters are wider. */
          double weight = r == 0 ? 1.15 : 1.0;

          for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
            {
              if (*p == ' ' || *p == '\n')
                word = 0;
              else
                longest = MAX (longest, ++word);
            }
          natural[c] = MAX (natural[c], MIN (length, 80) * weight);
          minimum[c] = MAX (minimum[c], MIN (longest, 16) * weight);
        }
    }
  for (guint c = 0; c < n_columns; c++)
    {
      natural[c] = natural[c] * char_width + 2 * CELL_PAD_X;
      minimum[c] = minimum[c] * char_width + 2 * CELL_PAD_X;
      sum_natural += natural[c];
      sum_minimum += minimum[c];
    }

  if (sum_natural <= total)
    {
      /* Everything fits on one line: spread the spare room evenly. */
      for (guint c = 0; c < n_columns; c++)
        widths[c] = natural[c] + (total - sum_natural) / n_columns;
    }
  else if (sum_minimum >= total)
    {
      for (guint c = 0; c < n_columns; c++)
        widths[c] = total * minimum[c] / sum_minimum;
    }
  else
    {
      double spare = total - sum_minimum;
      double sum_extra = sum_natural - sum_minimum;

      for (guint c = 0; c < n_columns; c++)
        widths[c] = minimum[c] + spare * (natural[c] - minimum[c]) / sum_extra;
    }
  return widths;
}

static double
row_height (BwReportPages *self,
            Font           font,
            GPtrArray     *layouts,
            const double  *widths,
            char         **cells)
{
  double height = 0;

  for (guint c = 0; c < layouts->len; c++)
    height = MAX (height, cell_height (self, font, g_ptr_array_index (layouts, c), cells[c],
                                       widths[c] - 2 * CELL_PAD_X));
  return height;
}

static void
paginate_table (Cursor              *cursor,
                guint                index,
                const BwReportBlock *block)
{
  BwReportPages *self = cursor->self;
  TableGeometry *geometry = g_new0 (TableGeometry, 1);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) header_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_columns = g_strv_length (block->columns);
  guint n_rows = block->rows->len;
  guint first = 0;

  geometry->widths = column_widths (self, block);
  geometry->row_heights = g_new0 (double, MAX (n_rows, 1));
  for (guint c = 0; c < n_columns; c++)
    {
      double width = geometry->widths[c] - 2 * CELL_PAD_X;

      g_ptr_array_add (layouts, new_layout (self, FONT_TABLE, "", width));
      g_ptr_array_add (header_layouts, new_layout (self, FONT_TABLE_HEADER, "", width));
    }
  geometry->header_height = row_height (self, FONT_TABLE_HEADER, header_layouts, geometry->widths, block->columns);
  for (guint r = 0; r < n_rows; r++)
    geometry->row_heights[r] = row_height (self, FONT_TABLE, layouts, geometry->widths,
                                           g_ptr_array_index (block->rows, r));
  g_hash_table_insert (self->tables, GUINT_TO_POINTER (index), geometry);

  do
    {
      Piece piece = { index, 0, geometry->header_height, first, first, 1 };

      /* The header and at least one row, else the table starts on the
       * next page. */
      while (piece.last < n_rows &&
             cursor->y + piece.height + geometry->row_heights[piece.last] <= content_bottom (self))
        piece.height += geometry->row_heights[piece.last++];
      if (piece.last == first && n_rows > 0)
        {
          if (!page_is_empty (cursor))
            {
              new_page (cursor);
              continue;
            }
          piece.height += geometry->row_heights[piece.last++];  /* taller than a page: clipped */
        }
      place (cursor, &piece);
      first = piece.last;
      if (first < n_rows)
        new_page (cursor);
    }
  while (first < n_rows);
  cursor->y += BLOCK_GAP + 2;
}

static double
caption_height (BwReportPages       *self,
                const BwReportBlock *block)
{
  g_autoptr(PangoLayout) layout = new_layout (self, FONT_CAPTION, block->text, content_width (self));
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height + 4;
}

/* Scaled down to the page, never up. */
static double
figure_scale (BwReportPages       *self,
              const BwReportBlock *block,
              double               caption)
{
  /* Room is left for a heading above it, which stays with it. */
  double full = content_bottom (self) - MARGIN_TOP - caption - KEEP_WITH_NEXT;
  double scale = MIN (PX_TO_PT, content_width (self) / block->width);

  return MIN (scale, full / block->height);
}

static void
paginate_figure (Cursor              *cursor,
                 guint                index,
                 const BwReportBlock *block)
{
  BwReportPages *self = cursor->self;
  double caption = caption_height (self, block);
  double scale = figure_scale (self, block, caption);
  Piece piece = { index, 0, 0, 0, 0, 0 };

  /* A picture that does not fit below starts a page. */
  if (cursor->y + block->height * scale + caption > content_bottom (self) && !page_is_empty (cursor))
    new_page (cursor);
  piece.scale = scale;
  piece.height = block->height * scale + caption;
  place (cursor, &piece);
  cursor->y += BLOCK_GAP + 4;
}

static void
paginate (BwReportPages *self)
{
  Cursor cursor = { self, NULL, 0 };
  guint n = bw_report_get_n_blocks (self->report);

  new_page (&cursor);
  for (guint i = 0; i < n; i++)
    {
      const BwReportBlock *block = bw_report_get_block (self->report, i);

      switch (block->kind)
        {
        case BW_REPORT_BLOCK_HEADING:
        case BW_REPORT_BLOCK_PARAGRAPH:
          paginate_text (&cursor, i, block);
          break;
        case BW_REPORT_BLOCK_TABLE:
          paginate_table (&cursor, i, block);
          break;
        case BW_REPORT_BLOCK_FIGURE:
          paginate_figure (&cursor, i, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

BwReportPages *
bw_report_pages_new (BwReport *report,
                     double    page_width,
                     double    page_height)
{
  BwReportPages *self;
  cairo_font_options_t *options;

  g_return_val_if_fail (BW_IS_REPORT (report), NULL);
  /* Too small a page could not hold a line; keep a sane minimum. */
  page_width = MAX (page_width, 2 * MARGIN_X + 120);
  page_height = MAX (page_height, MARGIN_TOP + MARGIN_BOTTOM + 120);

  self = g_new0 (BwReportPages, 1);
  self->report = g_object_ref (report);
  self->page_width = page_width;
  self->page_height = page_height;
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->tables = g_hash_table_new_full (NULL, NULL, NULL, table_geometry_free);

  /* Points as units and unhinted metrics: the layout measured here is the
   * layout drawn, whatever the target surface's resolution. */
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->context, 72);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  for (guint f = 0; f < N_FONTS; f++)
    self->fonts[f] = pango_font_description_from_string (font_names[f]);
  self->lines = g_array_new (FALSE, FALSE, sizeof (BwReportTextLine));
  for (Font f = FONT_TABLE; f <= FONT_TABLE_HEADER; f++)
    {
      self->cell_text[f] = bw_report_text_new (self->context, self->fonts[f]);
      self->cell_layout[f] = new_layout (self, f, "", -1);
      self->glyphs[f] = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
    }

  paginate (self);
  return self;
}

void
bw_report_pages_free (BwReportPages *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->report);
  g_ptr_array_unref (self->pages);
  g_hash_table_unref (self->tables);
  g_array_unref (self->lines);
  for (guint f = 0; f < N_FONTS; f++)
    {
      pango_font_description_free (self->fonts[f]);
      g_clear_object (&self->cell_layout[f]);
      g_clear_pointer (&self->cell_text[f], bw_report_text_free);
      g_clear_pointer (&self->glyphs[f], g_array_unref);
    }
  g_object_unref (self->context);
  g_free (self);
}

guint
bw_report_pages_get_n (BwReportPages *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

/* ---- Drawing ------------------------------------------------------------ */

static void
draw_running_header (BwReportPages *self,
                     cairo_t       *cr,
                     guint          page)
{
  g_autofree char *left = g_strdup_printf ("%s — %s", bw_report_get_title (self->report),
                                           bw_report_get_subtitle (self->report));
  /* TRANSLATORS: the page number in the header of a report's pages */
  g_autofree char *right = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  g_autoptr(PangoLayout) number = new_layout (self, FONT_RUNNING, right, -1);
  g_autoptr(PangoLayout) title = NULL;
  int number_width;

  pango_layout_get_pixel_size (number, &number_width, NULL);
  title = new_layout (self, FONT_RUNNING, left, content_width (self) - number_width - 16);
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, MARGIN_X, HEADER_Y);
  pango_cairo_show_layout (cr, title);
  cairo_move_to (cr, self->page_width - MARGIN_X - number_width, HEADER_Y);
  pango_cairo_show_layout (cr, number);
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN_X, HEADER_Y + 14);
  cairo_line_to (cr, self->page_width - MARGIN_X, HEADER_Y + 14);
  cairo_stroke (cr);
}

static void
draw_text (BwReportPages       *self,
           cairo_t             *cr,
           const BwReportBlock *block,
           const Piece         *piece)
{
  g_autoptr(PangoLayout) layout = new_layout (self, font_of (block), block->text, content_width (self));
  g_autoptr(GArray) tops = line_tops (layout);
  double top = g_array_index (tops, double, MIN (piece->first, tops->len - 1));

  cairo_save (cr);
  cairo_rectangle (cr, MARGIN_X - 2, piece->y, content_width (self) + 4, piece->height);
  cairo_clip (cr);
  if (block->kind == BW_REPORT_BLOCK_HEADING && block->level <= 2)
    cairo_set_source_rgb (cr, 0.08, 0.30, 0.56);
  else
    cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_move_to (cr, MARGIN_X, piece->y - top);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_row (BwReportPages       *self,
          cairo_t             *cr,
          const BwReportBlock *block,
          TableGeometry       *geometry,
          char               **cells,
          int                  row,
          Font                 font,
          double               y,
          double               height,
          gboolean             shaded)
{
  static const double tones[][3] = {
    { 1, 1, 1 }, { 0.84, 0.95, 0.87 }, { 0.98, 0.93, 0.80 }, { 0.97, 0.83, 0.83 },
  };
  double x = MARGIN_X;

  if (shaded)
    {
      double grey = font == FONT_TABLE_HEADER ? 0.92 : 0.975;

      cairo_rectangle (cr, MARGIN_X, y, content_width (self), height);
      cairo_set_source_rgb (cr, grey, grey, grey);
      cairo_fill (cr);
    }
  if (row >= 0 && block->tones != NULL)
    for (guint c = 0; cells[c] != NULL; c++)
      {
        BwReportTone tone = bw_report_block_get_tone (block, row, c);

        if (tone != BW_REPORT_TONE_NONE)
          {
            cairo_rectangle (cr, x, y, geometry->widths[c], height);
            cairo_set_source_rgb (cr, tones[tone][0], tones[tone][1], tones[tone][2]);
            cairo_fill (cr);
          }
        x += geometry->widths[c];
      }
  x = MARGIN_X;
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  for (guint c = 0; cells[c] != NULL; c++)
    {
      double width = geometry->widths[c];
      double inner = width - 2 * CELL_PAD_X;

      if (*cells[c] == '\0')
        ;
      else if (bw_report_text_break (self->cell_text[font], cells[c], inner, self->lines) > 0)
        bw_report_text_collect (self->cell_text[font], cells[c], self->lines, x + CELL_PAD_X, y + CELL_PAD_Y,
                                self->glyphs[font]);
      else
        {
          /* One layout per font, reused: a new one per cell costs more
           * than the drawing. */
          PangoLayout *layout = self->cell_layout[font];

          pango_layout_set_width (layout, (int) (inner * PANGO_SCALE));
          pango_layout_set_text (layout, cells[c], -1);
          cairo_save (cr);
          cairo_rectangle (cr, x, y, width, height);
          cairo_clip (cr);
          cairo_move_to (cr, x + CELL_PAD_X, y + CELL_PAD_Y);
          pango_cairo_show_layout (cr, layout);
          cairo_restore (cr);
        }
      x += width;
    }
}

/* The grid of a piece of a table: one path, not a rectangle per cell. */
static void
draw_grid (BwReportPages *self,
           cairo_t       *cr,
           TableGeometry *geometry,
           guint          n_columns,
           const Piece   *piece)
{
  double y = piece->y + geometry->header_height;
  double bottom = piece->y + piece->height;
  double x = MARGIN_X;

  cairo_rectangle (cr, MARGIN_X, piece->y, content_width (self), piece->height);
  cairo_move_to (cr, MARGIN_X, y);
  cairo_rel_line_to (cr, content_width (self), 0);
  for (guint r = piece->first; r + 1 < piece->last; r++)
    {
      y += geometry->row_heights[r];
      cairo_move_to (cr, MARGIN_X, y);
      cairo_rel_line_to (cr, content_width (self), 0);
    }
  for (guint c = 0; c + 1 < n_columns; c++)
    {
      x += geometry->widths[c];
      cairo_move_to (cr, x, piece->y);
      cairo_line_to (cr, x, bottom);
    }
  cairo_set_source_rgb (cr, 0.75, 0.75, 0.74);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
}

static void
draw_table (BwReportPages       *self,
            cairo_t             *cr,
            const BwReportBlock *block,
            const Piece         *piece)
{
  TableGeometry *geometry = g_hash_table_lookup (self->tables, GUINT_TO_POINTER (piece->block));
  double y = piece->y;

  g_return_if_fail (geometry != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, piece->y, self->page_width, MIN (piece->height, content_bottom (self) - piece->y + 1));
  cairo_clip (cr);
  /* The header row on every page the table spans. */
  draw_row (self, cr, block, geometry, block->columns, -1, FONT_TABLE_HEADER, y, geometry->header_height, TRUE);
  y += geometry->header_height;
  for (guint r = piece->first; r < piece->last; r++)
    {
      draw_row (self, cr, block, geometry, g_ptr_array_index (block->rows, r), r, FONT_TABLE, y,
                geometry->row_heights[r], r % 2 == 1);
      y += geometry->row_heights[r];
    }
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  bw_report_text_show (self->cell_text[FONT_TABLE_HEADER], cr, self->glyphs[FONT_TABLE_HEADER]);
  bw_report_text_show (self->cell_text[FONT_TABLE], cr, self->glyphs[FONT_TABLE]);
  draw_grid (self, cr, geometry, g_strv_length (block->columns), piece);
  cairo_restore (cr);
}

static void
draw_figure (BwReportPages       *self,
             cairo_t             *cr,
             const BwReportBlock *block,
             const Piece         *piece)
{
  double width = block->width * piece->scale;
  double height = block->height * piece->scale;
  double x = MARGIN_X + (content_width (self) - width) / 2;
  g_autoptr(PangoLayout) caption = new_layout (self, FONT_CAPTION, block->text, content_width (self));

  cairo_save (cr);
  cairo_translate (cr, x, piece->y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_scale (cr, piece->scale, piece->scale);
  block->draw (cr, block->draw_data);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.84, 0.84, 0.84);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, piece->y, width, height);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.37, 0.36, 0.39);
  cairo_move_to (cr, MARGIN_X, piece->y + height + 3);
  pango_cairo_show_layout (cr, caption);
  cairo_restore (cr);
}

void
bw_report_pages_draw (BwReportPages *self,
                      cairo_t       *cr,
                      guint          page)
{
  GArray *pieces;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  pieces = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  draw_running_header (self, cr, page);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      const BwReportBlock *block = bw_report_get_block (self->report, piece->block);

      switch (block->kind)
        {
        case BW_REPORT_BLOCK_HEADING:
        case BW_REPORT_BLOCK_PARAGRAPH:
          draw_text (self, cr, block, piece);
          break;
        case BW_REPORT_BLOCK_TABLE:
          draw_table (self, cr, block, piece);
          break;
        case BW_REPORT_BLOCK_FIGURE:
          draw_figure (self, cr, block, piece);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

/**
 * bw_report_write_pdf:
 * @report: the report
 * @path: the PDF file to write
 * @error: where a failure goes
 *
 * Returns: whether the file was written
 */
gboolean
bw_report_write_pdf (BwReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(BwReportPages) pages = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (BW_IS_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  pages = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);

  /* Written beside the target and renamed, so a failed export never
   * leaves half a PDF where a good one was. */
  tmp_path = g_strconcat (path, ".part", NULL);
  surface = cairo_pdf_surface_create (tmp_path, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, bw_report_get_title (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, bw_report_get_subtitle (report));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Bulwark " PACKAGE_VERSION);
  cr = cairo_create (surface);
  for (guint i = 0; i < bw_report_pages_get_n (pages); i++)
    {
      bw_report_pages_draw (pages, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (tmp_path, path) != 0)
    {
      const char *reason = status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (errno);

      g_unlink (tmp_path);
      g_set_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_WRITE,
                   _("Could not write “%s” (%s); check that its folder exists and is writable"),
                   path, reason);
      return FALSE;
    }
  return TRUE;
}
