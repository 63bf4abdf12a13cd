/* bw-report.h — the documentation set of METHOD.md as one document model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_REPORT_ERROR (bw_report_error_quark ())

typedef enum
{
  BW_REPORT_ERROR_DOCUMENT,   /* no such document */
  BW_REPORT_ERROR_FORMAT,     /* no such format, or the document has nothing to write in it */
  BW_REPORT_ERROR_WRITE,      /* the file (or a picture beside it) could not be written */
} BwReportError;

/* The documents of METHOD.md ("What the app produces"). */
typedef enum
{
  BW_REPORT_FINAL,
  BW_REPORT_CONCEPT,
  BW_REPORT_ANALYSIS,
  BW_REPORT_VULNERABILITIES,
  BW_REPORT_RETIREMENT,
  BW_REPORT_N_DOCUMENTS,
} BwReportDocument;

typedef enum
{
  BW_REPORT_FORMAT_HTML,
  BW_REPORT_FORMAT_MARKDOWN,
  BW_REPORT_FORMAT_CSV,
  BW_REPORT_FORMAT_PDF,
  BW_REPORT_N_FORMATS,
} BwReportFormat;

/* How a table cell reads at a glance: a risk outcome's colour. */
typedef enum
{
  BW_REPORT_TONE_NONE,
  BW_REPORT_TONE_GOOD,      /* acceptable */
  BW_REPORT_TONE_CAUTION,   /* controlled */
  BW_REPORT_TONE_BAD,       /* uncontrolled */
} BwReportTone;

typedef enum
{
  BW_REPORT_BLOCK_HEADING,
  BW_REPORT_BLOCK_PARAGRAPH,
  BW_REPORT_BLOCK_TABLE,
  BW_REPORT_BLOCK_FIGURE,
} BwReportBlockKind;

/* Draws a figure at its natural size, its top left corner at (0, 0). */
typedef void (*BwReportDrawFunc) (cairo_t  *cr,
                                  gpointer  data);

/* One block of the document, in reading order. The writers only read it. */
typedef struct
{
  BwReportBlockKind kind;
  int               level;       /* headings: 1 document title, 2 part or section, 3–4 below */
  char             *text;        /* heading, paragraph, figure caption */
  char             *anchor;      /* headings: a stable id for links, or NULL */
  gboolean          new_page;    /* headings: paginated output starts a page here */
  /* tables */
  GStrv             columns;
  GPtrArray        *rows;        /* GStrv, as many cells as columns */
  char             *csv_name;    /* the table's name when written as CSV, or NULL */
  GByteArray       *tones;       /* BwReportTone per cell, row by row, or NULL */
  /* figures */
  char             *figure_name; /* file name stem for pictures beside a Markdown file */
  double            width;       /* natural size in CSS pixels */
  double            height;
  BwReportDrawFunc  draw;
  gpointer          draw_data;
  GDestroyNotify    draw_data_free;
} BwReportBlock;

#define BW_TYPE_REPORT (bw_report_get_type ())
G_DECLARE_FINAL_TYPE (BwReport, bw_report, BW, REPORT, GObject)

GQuark          bw_report_error_quark        (void);

const char     *bw_report_document_to_string (BwReportDocument  document);
gboolean        bw_report_document_from_string (const char     *name,
                                              BwReportDocument *document);
const char     *bw_report_document_title     (BwReportDocument  document);
const char     *bw_report_document_describe  (BwReportDocument  document);
const char     *bw_report_format_to_string   (BwReportFormat    format);
gboolean        bw_report_format_from_string (const char       *name,
                                              BwReportFormat   *format);
const char     *bw_report_format_extension   (BwReportFormat    format);
const char     *bw_report_format_title       (BwReportFormat    format);
const char     *bw_report_format_describe    (BwReportFormat    format);

BwReport       *bw_report_new                (const char       *title,
                                              const char       *subtitle);
const char     *bw_report_get_title          (BwReport         *self);
const char     *bw_report_get_subtitle       (BwReport         *self);

BwReportBlock  *bw_report_add_heading        (BwReport         *self,
                                              int               level,
                                              const char       *anchor,
                                              const char       *text);
void            bw_report_add_paragraph      (BwReport         *self,
                                              const char       *text);
void            bw_report_add_paragraph_printf (BwReport       *self,
                                              const char       *format,
                                              ...) G_GNUC_PRINTF (2, 3);
/* Starts a table; columns is NULL-terminated. The rows follow with
 * bw_report_add_row (as many cells as columns; NULL cells are empty). */
BwReportBlock  *bw_report_add_table          (BwReport         *self,
                                              const char       *csv_name,
                                              const char * const *columns);
void            bw_report_add_row            (BwReport         *self,
                                              ...) G_GNUC_NULL_TERMINATED;
void            bw_report_add_row_strv       (BwReport         *self,
                                              GStrv             cells);
/* Tones the cell of the last row of the last table. */
void            bw_report_set_cell_tone      (BwReport         *self,
                                              guint             column,
                                              BwReportTone      tone);
BwReportTone    bw_report_block_get_tone     (const BwReportBlock *table,
                                              guint             row,
                                              guint             column);
void            bw_report_add_figure         (BwReport         *self,
                                              const char       *figure_name,
                                              const char       *caption,
                                              double            width,
                                              double            height,
                                              BwReportDrawFunc  draw,
                                              gpointer          draw_data,
                                              GDestroyNotify    draw_data_free);

guint           bw_report_get_n_blocks       (BwReport         *self);
const BwReportBlock *bw_report_get_block     (BwReport         *self,
                                              guint             index);
/* How many blocks of a kind (headings of a level when kind is HEADING and
 * level > 0) the document holds; for the page's preview. */
guint           bw_report_count              (BwReport         *self,
                                              BwReportBlockKind kind,
                                              int               level);

/* A figure as SVG text (no XML declaration), its ids prefixed with
 * id_prefix so that several can live in one HTML file. */
char           *bw_report_figure_to_svg      (const BwReportBlock *block,
                                              const char       *id_prefix);

/* Builds the document from the project (bw-report-build.c). */
BwReport       *bw_report_build              (BwProject        *project,
                                              BwReportDocument  document);

/* The writers (bw-report-html.c, -markdown.c, -csv.c, -pdf.c). */
char           *bw_report_to_html            (BwReport         *self);
/* Markdown text; the pictures are named figure_dir/NAME.svg in it. */
char           *bw_report_to_markdown        (BwReport         *self,
                                              const char       *figure_dir);
char           *bw_report_table_to_csv       (const BwReportBlock *table);

/* Writes the document to path in a format; Markdown writes its pictures
 * into a folder beside it (OUT.md → OUT-figures/), CSV the first named
 * table into path and the others beside it (OUT-NAME.csv). The paths
 * written, path first, go to written when it is not NULL. */
gboolean        bw_report_write              (BwReport         *self,
                                              BwReportFormat    format,
                                              const char       *path,
                                              GPtrArray        *written,
                                              GError          **error);

G_END_DECLS
