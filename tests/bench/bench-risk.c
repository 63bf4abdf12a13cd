/* bench-risk.c — traceability, checks and risk counts on synthetic(10000)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * synthetic(10000): 10,000 nodes, 20,000 flows, 30,000 threats.
 *
 *   trace_30k_ms        the traceability matrix (bw_traceability_build), median
 *   trace_csv_30k_ms    its CSV text, median (information)
 *   checks_30k_ms       every completeness check, median (information)
 *   risk_counts_30k_ms  matrix counts before and after, median (information)
 *
 * Target (issue 5): the traceability matrix under 200 ms.
 */
#include "config.h"

#include <stdlib.h>

#include "bw-checks.h"
#include "bw-project-io.h"
#include "bw-risk-assessment.h"
#include "bw-synthetic.h"
#include "bw-traceability.h"

#define N_NODES 10000
#define RUNS    7

#define TARGET_TRACE_MS 200.0

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GString) text = bw_synthetic_new (N_NODES);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;
  double trace[RUNS];
  double csv[RUNS];
  double checks[RUNS];
  double counts[RUNS];
  guint n_rows = 0;
  guint n_findings = 0;
  double t;

  project = bw_project_load_from_data (text->str, text->len, &error);
  if (project == NULL)
    g_error ("bench: %s", error->message);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GListModel) rows = NULL;
      g_autoptr(GListModel) findings = NULL;
      g_autofree char *csv_text = NULL;

      t = now_ms ();
      rows = bw_traceability_build (project);
      trace[r] = now_ms () - t;
      n_rows = g_list_model_get_n_items (rows);

      t = now_ms ();
      csv_text = bw_traceability_to_csv (rows);
      csv[r] = now_ms () - t;

      t = now_ms ();
      findings = bw_checks_run (project);
      checks[r] = now_ms () - t;
      n_findings = g_list_model_get_n_items (findings);

      t = now_ms ();
      {
        g_autoptr(BwRiskCounts) before = bw_risk_counts_new (project, BW_RISK_BEFORE);
        g_autoptr(BwRiskCounts) after = bw_risk_counts_new (project, BW_RISK_AFTER);
      }
      counts[r] = now_ms () - t;
    }

  g_print ("bench: trace_30k_rows %u rows\n", n_rows);
  g_print ("bench: trace_30k_ms %.1f ms\n", median (trace, RUNS));
  g_print ("bench: trace_csv_30k_ms %.1f ms\n", median (csv, RUNS));
  g_print ("bench: checks_30k_findings %u findings\n", n_findings);
  g_print ("bench: checks_30k_ms %.1f ms\n", median (checks, RUNS));
  g_print ("bench: risk_counts_30k_ms %.1f ms\n", median (counts, RUNS));

  if (median (trace, RUNS) >= TARGET_TRACE_MS)
    {
      g_print ("bench: risk targets failed: trace_30k_ms >= %.0f\n", TARGET_TRACE_MS);
      return 1;
    }
  g_print ("bench: risk targets met\n");
  return 0;
}
