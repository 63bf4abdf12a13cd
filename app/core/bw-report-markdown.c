/* bw-report-markdown.c — a report as Markdown (GitHub flavoured tables)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Markdown is what people keep in git beside the project; the pictures go
 * as SVG files into a folder beside it.  Every string of the model is
 * escaped so that it reads as the user typed it: no markup, no HTML, no
 * table cell that a "|" splits in two.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-report.h"

/* Characters that mean something anywhere in a line of CommonMark/GFM. */
static gboolean
needs_backslash (char c)
{
  return strchr ("\\`*_[]{}()|~!", c) != NULL;
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    in_table)
{
  gboolean line_start = TRUE;

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        continue;
      if (c == '\n')
        {
          /* A table row is one line: a break inside a cell is markup. */
          g_string_append (out, in_table ? "<br>" : "  \n");
          line_start = TRUE;
          continue;
        }
      /* At the start of a line, these make headings, lists and quotes
       * (not in a table cell, where no block can start). */
      if (line_start && !in_table && (c == '#' || c == '+' || c == '-' || c == '='))
        g_string_append_c (out, '\\');
      else if (line_start && !in_table && g_ascii_isdigit (c))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
              c = *p;
            }
        }
      line_start = FALSE;

      if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '&')
        g_string_append (out, "&amp;");
      else
        {
          if (needs_backslash (c))
            g_string_append_c (out, '\\');
          g_string_append_c (out, c);
        }
    }
}

static void
append_table (GString             *out,
              const BwReportBlock *block)
{
  guint n_columns = g_strv_length (block->columns);

  g_string_append (out, "|");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append_c (out, ' ');
      append_escaped (out, block->columns[c], TRUE);
      g_string_append (out, " |");
    }
  g_string_append (out, "\n|");
  for (guint c = 0; c < n_columns; c++)
    g_string_append (out, " --- |");
  g_string_append_c (out, '\n');
  for (guint r = 0; r < block->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (block->rows, r);

      g_string_append (out, "|");
      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append_c (out, ' ');
          append_escaped (out, row[c], TRUE);
          g_string_append (out, " |");
        }
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');
}

/**
 * bw_report_to_markdown:
 * @self: the report
 * @figure_dir: the folder (relative to the Markdown file) of the pictures
 *
 * Returns: (transfer full): the document as Markdown; figure NAME is
 *   linked as figure_dir/NAME.svg
 */
char *
bw_report_to_markdown (BwReport   *self,
                       const char *figure_dir)
{
  GString *out = g_string_sized_new (16 * 1024);
  g_autofree char *dir = g_uri_escape_string (figure_dir != NULL ? figure_dir : ".", "/", TRUE);
  guint n;

  g_return_val_if_fail (BW_IS_REPORT (self), NULL);

  n = bw_report_get_n_blocks (self);
  for (guint i = 0; i < n; i++)
    {
      const BwReportBlock *block = bw_report_get_block (self, i);

      switch (block->kind)
        {
        case BW_REPORT_BLOCK_HEADING:
          for (int l = 0; l < block->level; l++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
          append_escaped (out, block->text, TRUE);
          g_string_append (out, "\n\n");
          if (block->level == 1)
            {
              g_string_append_c (out, '*');
              append_escaped (out, bw_report_get_subtitle (self), TRUE);
              g_string_append (out, "*\n\n");
            }
          break;
        case BW_REPORT_BLOCK_PARAGRAPH:
          append_escaped (out, block->text, FALSE);
          g_string_append (out, "\n\n");
          break;
        case BW_REPORT_BLOCK_TABLE:
          append_table (out, block);
          break;
        case BW_REPORT_BLOCK_FIGURE:
          {
            g_autofree char *name = g_uri_escape_string (block->figure_name, NULL, TRUE);

            g_string_append (out, "![");
            append_escaped (out, block->text, TRUE);
            g_string_append_printf (out, "](%s/%s.svg)\n\n", dir, name);
            append_escaped (out, block->text, FALSE);
            g_string_append (out, "\n\n");
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return g_string_free (out, FALSE);
}
