/* bw-cli-trace.c — `bulwark-cli trace`: the traceability matrix
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "bw-traceability.h"

#include "bw-cli.h"

static const char *
id_or_dash (gpointer record)
{
  return record != NULL ? bw_record_get_id (BW_RECORD (record)) : "—";
}

static void
print_row (BwTraceRow *row)
{
  g_autoptr(GString) line = g_string_new (NULL);
  BwThreat *threat = bw_trace_row_get_threat (row);
  BwRequirement *requirement = bw_trace_row_get_requirement (row);
  BwTraceGaps gaps = bw_trace_row_get_gaps (row);

  g_string_append_printf (line, "%s → %s → %s", id_or_dash (bw_trace_row_get_asset (row)),
                          id_or_dash (bw_trace_row_get_element (row)), id_or_dash (threat));
  if (threat != NULL)
    g_string_append_printf (line, " (%s → %s)",
                            bw_outcome_describe (bw_trace_row_get_outcome (row, BW_RISK_BEFORE)),
                            bw_outcome_describe (bw_trace_row_get_outcome (row, BW_RISK_AFTER)));
  g_string_append_printf (line, " → %s → %s", id_or_dash (bw_trace_row_get_objective (row)),
                          id_or_dash (requirement));
  if (requirement != NULL)
    {
      const char *ref = bw_requirement_get_verification_ref (requirement);

      g_string_append_printf (line, " (%s%s%s)", bw_requirement_get_verification (requirement),
                              *ref ? " " : "", ref);
    }
  if (gaps != BW_TRACE_GAP_NONE)
    {
      g_autofree char *described = bw_trace_gaps_describe (gaps);

      g_string_append_printf (line, _("  [gaps: %s]"), described);
    }
  g_print ("%s\n", line->str);
}

int
bw_cli_trace (int    argc,
              char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GListModel) rows = NULL;
  const char *input = NULL;
  gboolean csv = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--csv"))
        csv = TRUE;
      else if (argv[i][0] == '-' || input != NULL)
        input = NULL, i = argc;
      else
        input = argv[i];
    }
  if (input == NULL)
    {
      g_printerr (_("Usage: bulwark-cli trace FILE [--csv]\n"
                    "Prints the traceability matrix asset → element → threat → risk (before → after)\n"
                    "→ objective → requirement → verification, one row per path, gaps marked.\n"
                    "With --csv, writes it as CSV (RFC 4180) for spreadsheets and reports.\n"));
      return 2;
    }

  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);
  rows = bw_traceability_build (project);

  if (csv)
    {
      g_autofree char *text = bw_traceability_to_csv (rows);

      fputs (text, stdout);
      return 0;
    }
  for (guint i = 0, n = g_list_model_get_n_items (rows); i < n; i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);

      print_row (row);
    }
  return 0;
}
