/* bench-import.c — importing and exporting Threat Dragon and OTM models of synthetic(N)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * synthetic(N) is exported to Threat Dragon v2 and to OTM, and each export
 * imported again (through the sniffer, as a user's file would be):
 *
 *   export_td_<n>_ms     bw_export_threat_dragon, median
 *   import_td_<n>_ms     bw_import_from_data of that export, median
 *   export_otm_<n>_ms    bw_export_otm, median
 *   import_otm_<n>_ms    bw_import_from_data of that export (with our layout), median
 *
 * for N = 1,000 and 10,000 nodes (3N threats, 2N flows).  Information
 * only: the issue sets no target; an import of a large model should stay
 * well under the few seconds a user waits for a file to open.
 */
#include "config.h"

#include <stdlib.h>

#include "bw-export-otm.h"
#include "bw-export-threat-dragon.h"
#include "bw-import.h"
#include "bw-project-io.h"
#include "bw-synthetic.h"

#define RUNS 5

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

static void
bench_format (BwProject  *project,
              guint       n_nodes,
              const char *name,
              GBytes   *(*export_func) (BwProject *, GPtrArray **))
{
  double exports[RUNS], imports[RUNS];
  guint n_elements = 0;

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) report = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) back = NULL;
      double t = now_ms ();

      bytes = export_func (project, NULL);
      exports[r] = now_ms () - t;
      t = now_ms ();
      back = bw_import_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &report, &error);
      imports[r] = now_ms () - t;
      if (back == NULL)
        g_error ("bench: %s import of synthetic(%u): %s", name, n_nodes, error->message);
      n_elements = g_list_model_get_n_items (bw_project_get_elements (back));
    }
  g_print ("bench: export_%s_%u_ms %.1f ms\n", name, n_nodes, median (exports, RUNS));
  g_print ("bench: import_%s_%u_ms %.1f ms\n", name, n_nodes, median (imports, RUNS));
  g_print ("bench: import_%s_%u_elements %u elements\n", name, n_nodes, n_elements);
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 1000, 10000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GString) text = bw_synthetic_new (sizes[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) project = bw_project_load_from_data (text->str, text->len, &error);

      if (project == NULL)
        g_error ("bench: %s", error->message);
      bench_format (project, sizes[i], "td", bw_export_threat_dragon);
      bench_format (project, sizes[i], "otm", bw_export_otm);
    }
  return 0;
}
