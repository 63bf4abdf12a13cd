/* bw-report-csv.c — a table of a report as CSV (RFC 4180)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-report.h"

static void
append_field (GString    *out,
              const char *field)
{
  /* Spreadsheets run a cell that starts with = + - @ as a formula; a
   * leading apostrophe keeps a user's text from being executed there. */
  gboolean formula = field[0] == '=' || field[0] == '+' || field[0] == '@' ||
                     (field[0] == '-' && field[1] != '\0' && !g_ascii_isdigit (field[1]));

  if (!formula && strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint c = 0; cells[c] != NULL; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, cells[c]);
    }
  g_string_append (out, "\r\n");
}

/**
 * bw_report_table_to_csv:
 * @table: a table block of a report
 *
 * Returns: (transfer full): the header row and the rows, CRLF-terminated
 */
char *
bw_report_table_to_csv (const BwReportBlock *table)
{
  GString *out;

  g_return_val_if_fail (table != NULL && table->kind == BW_REPORT_BLOCK_TABLE, NULL);

  out = g_string_sized_new (64 * (table->rows->len + 1));
  append_row (out, (const char * const *) table->columns);
  for (guint r = 0; r < table->rows->len; r++)
    append_row (out, g_ptr_array_index (table->rows, r));
  return g_string_free (out, FALSE);
}
