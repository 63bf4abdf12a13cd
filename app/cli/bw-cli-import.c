/* bw-cli-import.c — bulwark-cli import and export: models from and to other tools
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "bw-export-otm.h"
#include "bw-export-threat-dragon.h"
#include "bw-import.h"

#include "bw-cli.h"

static void
print_report (GPtrArray *report)
{
  for (guint i = 0; report != NULL && i < report->len; i++)
    g_print ("  - %s\n", (const char *) g_ptr_array_index (report, i));
}

int
bw_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *input = NULL;
  const char *output = NULL;
  BwImportFormat format = BW_IMPORT_FORMAT_UNKNOWN;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") && i + 1 < argc)
        output = argv[++i];
      else
        input = argv[i];
    }
  if (input == NULL || output == NULL)
    {
      g_printerr (_("Usage: bulwark-cli import IN -o OUT.bulwark\n"
                    "IN is a Threat Dragon v1 or v2 model, an Open Threat Model (.otm, .json) or a\n"
                    "Microsoft Threat Modeling Tool model (.tm7); what could not be mapped is listed.\n"));
      return 2;
    }
  file = g_file_new_for_commandline_arg (input);
  project = bw_import_from_file (file, NULL, &format, &report, &error);
  if (project == NULL)
    {
      g_printerr ("%s: %s\n", input, error->message);
      return 1;
    }
  bytes = bw_project_to_bytes (project);
  if (!bw_write_file_atomically (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_print (_("Imported %s (%s): %u diagrams, %u elements, %u threats → %s\n"), input,
           bw_import_format_describe (format),
           g_list_model_get_n_items (bw_project_get_diagrams (project)),
           g_list_model_get_n_items (bw_project_get_elements (project)),
           g_list_model_get_n_items (bw_project_get_threats (project)), output);
  if (report != NULL && report->len > 0)
    {
      g_print (_("Mapping report (%u):\n"), report->len);
      print_report (report);
    }
  return 0;
}

int
bw_cli_export (int    argc,
               char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *input = NULL;
  const char *output = NULL;
  const char *to = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--to") && i + 1 < argc)
        to = argv[++i];
      else
        input = argv[i];
    }
  if (input == NULL || output == NULL || to == NULL
      || (!g_str_equal (to, "threat-dragon") && !g_str_equal (to, "otm")))
    {
      g_printerr (_("Usage: bulwark-cli export FILE --to threat-dragon|otm -o OUT\n"));
      return 2;
    }
  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bytes = g_str_equal (to, "otm") ? bw_export_otm (project, &report) : bw_export_threat_dragon (project, &report);
  if (g_strcmp0 (output, "-") == 0)
    fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
  else if (!bw_write_file_atomically (output, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  /* On stderr, so "-o -" output stays clean. */
  for (guint i = 0; report != NULL && i < report->len; i++)
    g_printerr (_("note: %s\n"), (const char *) g_ptr_array_index (report, i));
  return 0;
}
