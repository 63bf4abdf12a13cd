/* bw-cli-sbom.c — bulwark-cli sbom import: merge a CycloneDX or SPDX SBOM into a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-sbom.h"

#include "bw-cli.h"

static void
print_report (BwSbom       *sbom,
              BwSbomReport *report)
{
  g_print (_("%s: %u components\n"), sbom->format, sbom->entries->len);
  for (guint i = 0; i < report->changes->len; i++)
    {
      BwSbomChange *change = report->changes->pdata[i];
      const char *id = change->id != NULL ? change->id : "-";

      switch (change->kind)
        {
        case BW_SBOM_CHANGE_CHANGED:
          g_print (_("changed %s %s %s:"), id, change->name, change->version);
          for (guint k = 0; change->members[k] != NULL; k++)
            g_print ("%s %s “%s” → “%s”", k > 0 ? "," : "", change->members[k],
                     change->old_values[k], change->new_values[k]);
          g_print ("\n");
          break;
        case BW_SBOM_CHANGE_REMOVED:
          g_print (_("removed %s %s %s\n"), id, change->name, change->version);
          break;
        case BW_SBOM_CHANGE_ADDED:
        default:
          if (*change->purl != '\0')
            g_print (_("added %s %s %s (%s)\n"), id, change->name, change->version, change->purl);
          else
            g_print (_("added %s %s %s\n"), id, change->name, change->version);
          break;
        }
    }
  g_print (_("%u added, %u removed, %u changed, %u unchanged\n"),
           report->n_added, report->n_removed, report->n_changed, report->n_unchanged);
}

static int
usage (void)
{
  g_printerr (_("Usage: bulwark-cli sbom import FILE SBOM [--dry-run] [--keep-removed]\n"
                "Merges a CycloneDX (1.4–1.6) or SPDX (2.2–2.3) JSON SBOM into the components of FILE:\n"
                "matched by purl (or name and version), our assessments kept; prints what was added,\n"
                "removed and changed and writes FILE in canonical form.\n"
                "--dry-run only prints; --keep-removed keeps components the SBOM no longer lists.\n"));
  return 2;
}

int
bw_cli_sbom (int    argc,
             char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwSbom) sbom = NULL;
  g_autoptr(BwSbomReport) report = NULL;
  g_autoptr(GFile) sbom_file = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *paths[2] = { NULL, NULL };
  guint n_paths = 0;
  BwSbomMergeFlags flags = BW_SBOM_MERGE_NONE;

  if (argc < 2 || !g_str_equal (argv[1], "import"))
    return usage ();
  for (int i = 2; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--dry-run"))
        flags |= BW_SBOM_MERGE_DRY_RUN;
      else if (g_str_equal (argv[i], "--keep-removed"))
        flags |= BW_SBOM_MERGE_KEEP_REMOVED;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return usage ();
      else if (n_paths < 2)
        paths[n_paths++] = argv[i];
      else
        return usage ();
    }
  if (n_paths != 2)
    return usage ();

  project = bw_cli_load_or_report (paths[0]);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  sbom_file = g_file_new_for_commandline_arg (paths[1]);
  sbom = bw_sbom_load_file (sbom_file, NULL, &error);
  if (sbom == NULL)
    {
      g_printerr ("%s: %s\n", paths[1], error->message);
      return 1;
    }
  if (!bw_sbom_import (project, sbom, flags, &report, &error))
    {
      g_printerr ("%s: %s\n", paths[1], error->message);
      return 1;
    }
  print_report (sbom, report);
  if (flags & BW_SBOM_MERGE_DRY_RUN)
    return 0;

  file = g_file_new_for_commandline_arg (paths[0]);
  if (!bw_project_save_to_file (project, file, BW_SAVE_FLAGS_NONE, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
