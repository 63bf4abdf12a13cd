/* bw-report.c — the document model every report writer reads
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A report is built once from the project (bw-report-build.c) as a flat
 * list of blocks — headings, paragraphs, tables, figures — and each format
 * writer only walks that list.  So the HTML, Markdown, CSV and PDF of one
 * document can never disagree about what it contains.
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <cairo-svg.h>

#include "bw-report.h"
#include "bw-report-pages.h"
#include "bw-project-io.h"

struct _BwReport
{
  GObject    parent_instance;

  char      *title;
  char      *subtitle;
  GPtrArray *blocks;   /* BwReportBlock */
};

G_DEFINE_FINAL_TYPE (BwReport, bw_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (bw-report-error-quark, bw_report_error)

static const struct {
  const char *name;
  const char *title;
  const char *description;
} documents[] = {
  [BW_REPORT_FINAL] = { "final", N_("Final report"),
    N_("The whole evaluation: concept, analysis, vulnerabilities, retirement, the traceability matrix, the completeness checks and the residual-risk conclusion, with the file's SHA-256 for the design history.") },
  [BW_REPORT_CONCEPT] = { "concept", N_("Security concept"),
    N_("Assumptions, constraints and policies, and the security measures: objectives and requirements.") },
  [BW_REPORT_ANALYSIS] = { "analysis", N_("Security analysis"),
    N_("Scope and methodology, assets, every diagram, the elements, threats by element and STRIDE, attack trees, risk before and after, safety links.") },
  [BW_REPORT_VULNERABILITIES] = { "vulnerabilities", N_("Vulnerability analysis"),
    N_("The tools and libraries the device uses, their known vulnerabilities, support status and end of support.") },
  [BW_REPORT_RETIREMENT] = { "retirement", N_("Retirement plan"),
    N_("Archiving and deletion of data at the end of life, with the legal retention.") },
};

static const struct {
  const char *name;
  const char *extension;
  const char *title;
  const char *description;
} formats[] = {
  [BW_REPORT_FORMAT_HTML] = { "html", "html", N_("HTML"), N_("One self-contained file with the pictures inline; prints well") },
  [BW_REPORT_FORMAT_MARKDOWN] = { "md", "md", N_("Markdown"), N_("Text for a repository; the pictures as SVG files in a folder beside it") },
  [BW_REPORT_FORMAT_CSV] = { "csv", "csv", N_("CSV"), N_("The threats (and the traceability matrix beside them) for spreadsheets") },
  [BW_REPORT_FORMAT_PDF] = { "pdf", "pdf", N_("PDF"), N_("Paginated A4 pages with a header, as printed") },
};

const char *
bw_report_document_to_string (BwReportDocument document)
{
  g_return_val_if_fail (document < BW_REPORT_N_DOCUMENTS, NULL);
  return documents[document].name;
}

gboolean
bw_report_document_from_string (const char       *name,
                                BwReportDocument *document)
{
  for (guint i = 0; name != NULL && i < BW_REPORT_N_DOCUMENTS; i++)
    if (g_str_equal (name, documents[i].name))
      {
        *document = i;
        return TRUE;
      }
  return FALSE;
}

const char *
bw_report_document_title (BwReportDocument document)
{
  g_return_val_if_fail (document < BW_REPORT_N_DOCUMENTS, NULL);
  return _(documents[document].title);
}

const char *
bw_report_document_describe (BwReportDocument document)
{
  g_return_val_if_fail (document < BW_REPORT_N_DOCUMENTS, NULL);
  return _(documents[document].description);
}

const char *
bw_report_format_to_string (BwReportFormat format)
{
  g_return_val_if_fail (format < BW_REPORT_N_FORMATS, NULL);
  return formats[format].name;
}

gboolean
bw_report_format_from_string (const char     *name,
                              BwReportFormat *format)
{
  for (guint i = 0; name != NULL && i < BW_REPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  /* The long spellings people type. */
  if (name != NULL && g_ascii_strcasecmp (name, "markdown") == 0)
    {
      *format = BW_REPORT_FORMAT_MARKDOWN;
      return TRUE;
    }
  return FALSE;
}

const char *
bw_report_format_extension (BwReportFormat format)
{
  g_return_val_if_fail (format < BW_REPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
bw_report_format_title (BwReportFormat format)
{
  g_return_val_if_fail (format < BW_REPORT_N_FORMATS, NULL);
  return _(formats[format].title);
}

const char *
bw_report_format_describe (BwReportFormat format)
{
  g_return_val_if_fail (format < BW_REPORT_N_FORMATS, NULL);
  return _(formats[format].description);
}

static void
block_free (gpointer data)
{
  BwReportBlock *block = data;

  g_free (block->text);
  g_free (block->anchor);
  g_strfreev (block->columns);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_clear_pointer (&block->tones, g_byte_array_unref);
  g_free (block->csv_name);
  g_free (block->figure_name);
  if (block->draw_data_free != NULL)
    block->draw_data_free (block->draw_data);
  g_free (block);
}

static void
bw_report_finalize (GObject *object)
{
  BwReport *self = BW_REPORT (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (bw_report_parent_class)->finalize (object);
}

static void
bw_report_class_init (BwReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bw_report_finalize;
}

static void
bw_report_init (BwReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
}

BwReport *
bw_report_new (const char *title,
               const char *subtitle)
{
  BwReport *self = g_object_new (BW_TYPE_REPORT, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  self->subtitle = g_strdup (subtitle != NULL ? subtitle : "");
  return self;
}

const char *
bw_report_get_title (BwReport *self)
{
  g_return_val_if_fail (BW_IS_REPORT (self), NULL);
  return self->title;
}

const char *
bw_report_get_subtitle (BwReport *self)
{
  g_return_val_if_fail (BW_IS_REPORT (self), NULL);
  return self->subtitle;
}

static BwReportBlock *
append_block (BwReport          *self,
              BwReportBlockKind  kind,
              const char        *text)
{
  BwReportBlock *block = g_new0 (BwReportBlock, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->blocks, block);
  return block;
}

BwReportBlock *
bw_report_add_heading (BwReport   *self,
                       int         level,
                       const char *anchor,
                       const char *text)
{
  BwReportBlock *block;

  g_return_val_if_fail (BW_IS_REPORT (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= 4, NULL);

  block = append_block (self, BW_REPORT_BLOCK_HEADING, text);
  block->level = level;
  block->anchor = g_strdup (anchor);
  return block;
}

void
bw_report_add_paragraph (BwReport   *self,
                         const char *text)
{
  g_return_if_fail (BW_IS_REPORT (self));
  append_block (self, BW_REPORT_BLOCK_PARAGRAPH, text);
}

void
bw_report_add_paragraph_printf (BwReport   *self,
                                const char *format,
                                ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  bw_report_add_paragraph (self, text);
}

BwReportBlock *
bw_report_add_table (BwReport           *self,
                     const char         *csv_name,
                     const char * const *columns)
{
  BwReportBlock *block;

  g_return_val_if_fail (BW_IS_REPORT (self), NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  block = append_block (self, BW_REPORT_BLOCK_TABLE, NULL);
  block->columns = g_strdupv ((char **) columns);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->csv_name = g_strdup (csv_name);
  return block;
}

static BwReportBlock *
last_table (BwReport *self)
{
  BwReportBlock *block;

  g_return_val_if_fail (self->blocks->len > 0, NULL);
  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_val_if_fail (block->kind == BW_REPORT_BLOCK_TABLE, NULL);
  return block;
}

void
bw_report_add_row_strv (BwReport *self,
                        GStrv     cells)
{
  BwReportBlock *table;
  guint n_columns, n_cells;
  GStrv row;

  g_return_if_fail (BW_IS_REPORT (self));
  table = last_table (self);
  if (table == NULL)
    return;

  /* Every row has exactly as many cells as the table has columns, so no
   * writer has to guard against ragged rows. */
  n_columns = g_strv_length (table->columns);
  n_cells = cells != NULL ? g_strv_length (cells) : 0;
  row = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    row[i] = g_strdup (i < n_cells && cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
bw_report_add_row (BwReport *self,
                   ...)
{
  BwReportBlock *table;
  guint n_columns;
  GStrv row;
  va_list args;

  g_return_if_fail (BW_IS_REPORT (self));
  table = last_table (self);
  if (table == NULL)
    return;

  n_columns = g_strv_length (table->columns);
  row = g_new0 (char *, n_columns + 1);
  va_start (args, self);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      if (cell == NULL)
        {
          /* A short row: the rest stay empty. */
          for (; i < n_columns; i++)
            row[i] = g_strdup ("");
          break;
        }
      row[i] = g_strdup (cell);
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

void
bw_report_set_cell_tone (BwReport     *self,
                         guint         column,
                         BwReportTone  tone)
{
  BwReportBlock *table;
  guint n_columns;
  gsize index;

  g_return_if_fail (BW_IS_REPORT (self));
  table = last_table (self);
  if (table == NULL)
    return;
  n_columns = g_strv_length (table->columns);
  g_return_if_fail (table->rows->len > 0 && column < n_columns);

  index = (gsize) (table->rows->len - 1) * n_columns + column;
  if (table->tones == NULL)
    table->tones = g_byte_array_new ();
  if (table->tones->len <= index)
    {
      guint old = table->tones->len;

      g_byte_array_set_size (table->tones, index + 1);
      memset (table->tones->data + old, BW_REPORT_TONE_NONE, index + 1 - old);
    }
  table->tones->data[index] = tone;
}

BwReportTone
bw_report_block_get_tone (const BwReportBlock *table,
                          guint                row,
                          guint                column)
{
  gsize index;

  g_return_val_if_fail (table != NULL && table->kind == BW_REPORT_BLOCK_TABLE, BW_REPORT_TONE_NONE);

  if (table->tones == NULL)
    return BW_REPORT_TONE_NONE;
  index = (gsize) row * g_strv_length (table->columns) + column;
  return index < table->tones->len ? table->tones->data[index] : BW_REPORT_TONE_NONE;
}

void
bw_report_add_figure (BwReport         *self,
                      const char       *figure_name,
                      const char       *caption,
                      double            width,
                      double            height,
                      BwReportDrawFunc  draw,
                      gpointer          draw_data,
                      GDestroyNotify    draw_data_free)
{
  BwReportBlock *block;

  g_return_if_fail (BW_IS_REPORT (self));
  g_return_if_fail (figure_name != NULL && draw != NULL);

  block = append_block (self, BW_REPORT_BLOCK_FIGURE, caption);
  block->figure_name = g_strdup (figure_name);
  block->width = MAX (width, 1);
  block->height = MAX (height, 1);
  block->draw = draw;
  block->draw_data = draw_data;
  block->draw_data_free = draw_data_free;
}

guint
bw_report_get_n_blocks (BwReport *self)
{
  g_return_val_if_fail (BW_IS_REPORT (self), 0);
  return self->blocks->len;
}

const BwReportBlock *
bw_report_get_block (BwReport *self,
                     guint     index)
{
  g_return_val_if_fail (BW_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->blocks->len, NULL);
  return g_ptr_array_index (self->blocks, index);
}

guint
bw_report_count (BwReport          *self,
                 BwReportBlockKind  kind,
                 int                level)
{
  guint n = 0;

  g_return_val_if_fail (BW_IS_REPORT (self), 0);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BwReportBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == kind && (kind != BW_REPORT_BLOCK_HEADING || level <= 0 || block->level == level))
        n++;
    }
  return n;
}

static cairo_status_t
append_to_string_cb (void                *closure,
                     const unsigned char *data,
                     unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* cairo names its glyphs, clips and patterns "glyph0-1", "clip1" … in
 * every SVG it writes; inline in one HTML page those names would clash and
 * every figure would borrow the first one's glyphs.  So each figure's ids
 * (and the references to them) get a prefix of their own. */
static char *
prefix_ids (const char *svg,
            const char *prefix)
{
  static const char * const openers[] = { "id=\"", "href=\"#", "url(#" };
  GString *out = g_string_sized_new (strlen (svg) + 256);
  const char *p = svg;

  while (*p != '\0')
    {
      gboolean matched = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (openers); i++)
        {
          gsize len = strlen (openers[i]);

          if (strncmp (p, openers[i], len) == 0)
            {
              g_string_append_len (out, p, len);
              g_string_append (out, prefix);
              p += len;
              matched = TRUE;
              break;
            }
        }
      if (!matched)
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

char *
bw_report_figure_to_svg (const BwReportBlock *block,
                         const char          *id_prefix)
{
  g_autoptr(GString) text = g_string_new (NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *start;

  g_return_val_if_fail (block != NULL && block->kind == BW_REPORT_BLOCK_FIGURE, NULL);

  surface = cairo_svg_surface_create_for_stream (append_to_string_cb, text,
                                                 block->width, block->height);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  block->draw (cr, block->draw_data);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);

  /* Inline SVG in HTML takes no XML declaration. */
  start = strstr (text->str, "<svg");
  if (start == NULL)
    return g_strdup ("");
  return prefix_ids (start, id_prefix != NULL ? id_prefix : "");
}

static gboolean
write_text (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (bw_write_file_atomically (path, text, strlen (text), &local))
    return TRUE;
  g_set_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, local->message);
  return FALSE;
}

/* OUT.md → OUT-figures, the folder of its pictures. */
static char *
figure_dir_for (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_strconcat (base, "-figures", NULL);
}

static gboolean
write_markdown (BwReport    *self,
                const char  *path,
                GPtrArray   *written,
                GError     **error)
{
  g_autofree char *dir_name = figure_dir_for (path);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *dir = g_build_filename (parent, dir_name, NULL);
  g_autofree char *text = bw_report_to_markdown (self, dir_name);
  guint n_figures = bw_report_count (self, BW_REPORT_BLOCK_FIGURE, 0);

  if (!write_text (path, text, error))
    return FALSE;
  if (written != NULL)
    g_ptr_array_add (written, g_strdup (path));
  if (n_figures == 0)
    return TRUE;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_WRITE,
                   _("Could not create the folder “%s” for the pictures: %s"),
                   dir, g_strerror (errno));
      return FALSE;
    }
  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BwReportBlock *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *svg = NULL;
      g_autofree char *file_name = NULL;
      g_autofree char *figure_path = NULL;
      g_autofree char *document = NULL;

      if (block->kind != BW_REPORT_BLOCK_FIGURE)
        continue;
      svg = bw_report_figure_to_svg (block, NULL);
      document = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", svg, NULL);
      file_name = g_strconcat (block->figure_name, ".svg", NULL);
      figure_path = g_build_filename (dir, file_name, NULL);
      if (!write_text (figure_path, document, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_steal_pointer (&figure_path));
    }
  return TRUE;
}

/* OUT.csv and NAME → OUT-NAME.csv */
static char *
sibling_csv (const char *path,
             const char *name)
{
  g_autofree char *stem = g_strdup (path);
  char *dot = strrchr (stem, '.');
  char *slash = strrchr (stem, G_DIR_SEPARATOR);

  if (dot != NULL && (slash == NULL || dot > slash))
    *dot = '\0';
  return g_strconcat (stem, "-", name, ".csv", NULL);
}

static gboolean
write_csv (BwReport    *self,
           const char  *path,
           GPtrArray   *written,
           GError     **error)
{
  gboolean first = TRUE;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const BwReportBlock *block = g_ptr_array_index (self->blocks, i);
      g_autofree char *text = NULL;
      g_autofree char *table_path = NULL;

      if (block->kind != BW_REPORT_BLOCK_TABLE || block->csv_name == NULL)
        continue;
      text = bw_report_table_to_csv (block);
      table_path = first ? g_strdup (path) : sibling_csv (path, block->csv_name);
      if (!write_text (table_path, text, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_steal_pointer (&table_path));
      first = FALSE;
    }
  if (first)
    {
      g_set_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_FORMAT,
                   _("“%s” has no table to write as CSV; choose HTML, Markdown or PDF"),
                   self->title);
      return FALSE;
    }
  return TRUE;
}

gboolean
bw_report_write (BwReport        *self,
                 BwReportFormat   format,
                 const char      *path,
                 GPtrArray       *written,
                 GError         **error)
{
  g_return_val_if_fail (BW_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  switch (format)
    {
    case BW_REPORT_FORMAT_HTML:
      {
        g_autofree char *text = bw_report_to_html (self);

        if (!write_text (path, text, error))
          return FALSE;
        if (written != NULL)
          g_ptr_array_add (written, g_strdup (path));
        return TRUE;
      }
    case BW_REPORT_FORMAT_MARKDOWN:
      return write_markdown (self, path, written, error);
    case BW_REPORT_FORMAT_CSV:
      return write_csv (self, path, written, error);
    case BW_REPORT_FORMAT_PDF:
      if (!bw_report_write_pdf (self, path, error))
        return FALSE;
      if (written != NULL)
        g_ptr_array_add (written, g_strdup (path));
      return TRUE;
    case BW_REPORT_N_FORMATS:
    default:
      g_set_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_FORMAT,
                   _("Unknown report format; choose html, md, csv or pdf"));
      return FALSE;
    }
}
