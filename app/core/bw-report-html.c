/* bw-report-html.c — a report as one self-contained HTML file
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * One file a reviewer can mail or attach: the style sheet inline, the
 * pictures as inline SVG, nothing fetched.  Every string of the model is
 * escaped, so a name like <script> is shown, never run.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-report.h"

static const char style[] =
  ":root { color-scheme: light; }\n"
  "body { font-family: 'Cantarell', 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.45;"
  " color: #1e1e1e; background: #ffffff; max-width: 64rem; margin: 2rem auto; padding: 0 1.5rem; }\n"
  "header.running { color: #5e5c64; font-size: 9pt; border-bottom: 1px solid #c0bfbc; padding-bottom: .3rem; }\n"
  "h1 { font-size: 1.9rem; margin: 1.2rem 0 .6rem; }\n"
  "h2 { font-size: 1.45rem; margin-top: 2.2rem; border-bottom: 2px solid #3584e4; padding-bottom: .2rem; }\n"
  "h3 { font-size: 1.2rem; margin-top: 1.6rem; }\n"
  "h4 { font-size: 1.05rem; margin-top: 1.2rem; }\n"
  "nav.toc { background: #f6f5f4; border: 1px solid #deddda; border-radius: 6px; padding: .6rem 1.2rem; }\n"
  "nav.toc ol { margin: .3rem 0; }\n"
  "table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: 9.5pt; }\n"
  "th, td { border: 1px solid #c0bfbc; padding: .25rem .45rem; text-align: left; vertical-align: top;"
  " overflow-wrap: break-word; }\n"
  "th { background: #ebebed; }\n"
  "td.w { white-space: nowrap; }\n"
  /* The risk outcomes, as the app's matrix colours them; the text says
   * the outcome too, so nothing depends on colour alone. */
  "td.t-good { background: #d7f2de; }\n"
  "td.t-caution { background: #fbeccb; }\n"
  "td.t-bad { background: #f8d3d3; }\n"
  "tbody tr:nth-child(even) { background: #fafafa; }\n"
  "figure { margin: 1rem 0; page-break-inside: avoid; break-inside: avoid; }\n"
  "figure svg { max-width: 100%; height: auto; border: 1px solid #deddda; }\n"
  "figcaption { color: #5e5c64; font-size: 9.5pt; margin-top: .3rem; }\n"
  "footer { margin-top: 3rem; color: #5e5c64; font-size: 9pt; }\n"
  "@media print {\n"
  "  @page { size: A4; margin: 18mm 15mm; }\n"
  "  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
  "  nav.toc { display: none; }\n"
  "  h1, h2, h3, h4 { page-break-after: avoid; break-after: avoid; }\n"
  "  h2 { page-break-before: auto; }\n"
  "  thead { display: table-header-group; }\n"
  "  tr { page-break-inside: avoid; break-inside: avoid; }\n"
  "  figure svg { max-height: 24cm; border: none; }\n"
  "  a { color: inherit; text-decoration: none; }\n"
  "  td.t-good, td.t-caution, td.t-bad { print-color-adjust: exact; -webkit-print-color-adjust: exact; }\n"
  "}\n";

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

/* Paragraph text keeps its line breaks. */
static void
append_escaped_lines (GString    *out,
                      const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, "<br>");
      append_escaped (out, lines[i]);
    }
}

static void
append_toc (GString  *out,
            BwReport *report)
{
  guint n = bw_report_get_n_blocks (report);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      const BwReportBlock *block = bw_report_get_block (report, i);

      if (block->kind != BW_REPORT_BLOCK_HEADING || block->level != 2 || block->anchor == NULL)
        continue;
      if (!any)
        {
          g_string_append (out, "<nav class=\"toc\"><strong>");
          append_escaped (out, _("Contents"));
          g_string_append (out, "</strong><ol>\n");
          any = TRUE;
        }
      g_string_append (out, "<li><a href=\"#");
      append_escaped (out, block->anchor);
      g_string_append (out, "\">");
      append_escaped (out, block->text);
      g_string_append (out, "</a></li>\n");
    }
  if (any)
    g_string_append (out, "</ol></nav>\n");
}

static void
append_table (GString             *out,
              const BwReportBlock *block)
{
  g_string_append (out, "<table>\n<thead><tr>");
  for (guint c = 0; block->columns[c] != NULL; c++)
    {
      g_string_append (out, "<th>");
      append_escaped (out, block->columns[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "<tr>");
      for (guint c = 0; row[c] != NULL; c++)
        {
          /* A short word (an ID, "TC-101", a date) never breaks, even
           * at its hyphen. */
          gboolean word = strlen (row[c]) <= 24 && strpbrk (row[c], " \n") == NULL;
          static const char * const tones[] = { "", " t-good", " t-caution", " t-bad" };
          BwReportTone tone = bw_report_block_get_tone (block, r, c);

          if (word || tone != BW_REPORT_TONE_NONE)
            g_string_append_printf (out, "<td class=\"%s%s\">", word ? "w" : "", tones[tone]);
          else
            g_string_append (out, "<td>");
          append_escaped_lines (out, row[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

/**
 * bw_report_to_html:
 * @self: the report
 *
 * Returns: (transfer full): the whole document as one HTML5 file
 */
char *
bw_report_to_html (BwReport *self)
{
  GString *out = g_string_sized_new (64 * 1024);
  guint n = bw_report_get_n_blocks (self);
  guint n_figures = 0;
  gboolean toc_done = FALSE;

  g_return_val_if_fail (BW_IS_REPORT (self), NULL);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                        "<meta name=\"generator\" content=\"Bulwark " PACKAGE_VERSION "\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  append_escaped (out, bw_report_get_title (self));
  g_string_append (out, " — ");
  append_escaped (out, bw_report_get_subtitle (self));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<header class=\"running\">");
  append_escaped (out, bw_report_get_subtitle (self));
  g_string_append (out, "</header>\n<main>\n");

  for (guint i = 0; i < n; i++)
    {
      const BwReportBlock *block = bw_report_get_block (self, i);

      /* The contents follow the front matter, before the first section. */
      if (!toc_done && block->kind == BW_REPORT_BLOCK_HEADING && block->level == 2)
        {
          append_toc (out, self);
          toc_done = TRUE;
        }

      switch (block->kind)
        {
        case BW_REPORT_BLOCK_HEADING:
          g_string_append_printf (out, "<h%d", block->level);
          if (block->anchor != NULL)
            {
              g_string_append (out, " id=\"");
              append_escaped (out, block->anchor);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
          append_escaped (out, block->text);
          g_string_append_printf (out, "</h%d>\n", block->level);
          break;
        case BW_REPORT_BLOCK_PARAGRAPH:
          g_string_append (out, "<p>");
          append_escaped_lines (out, block->text);
          g_string_append (out, "</p>\n");
          break;
        case BW_REPORT_BLOCK_TABLE:
          append_table (out, block);
          break;
        case BW_REPORT_BLOCK_FIGURE:
          {
            g_autofree char *prefix = g_strdup_printf ("f%u-", ++n_figures);
            g_autofree char *svg = bw_report_figure_to_svg (block, prefix);

            g_string_append (out, "<figure>\n");
            g_string_append (out, svg);
            g_string_append (out, "\n<figcaption>");
            append_escaped (out, block->text);
            g_string_append (out, "</figcaption>\n</figure>\n");
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (out, "</main>\n<footer>");
  append_escaped (out, bw_report_get_title (self));
  g_string_append (out, " · ");
  append_escaped (out, bw_report_get_subtitle (self));
  g_string_append (out, " · Bulwark " PACKAGE_VERSION "</footer>\n</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
