/* bw-cli-report.c — `bulwark-cli report`: the documentation set for pipelines
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-report.h"

#include "bw-cli.h"

static void
usage (void)
{
  g_printerr (_("Usage: bulwark-cli report FILE [--document DOCUMENT] [--format FORMAT] -o OUT\n"
                "Writes one document of the method's documentation set (the final report unless\n"
                "--document names another) in a format (the one OUT's extension names unless --format\n"
                "says). Exits 0 when written, 1 when the project cannot be read or the file written,\n"
                "2 on wrong usage.\n"
                "Documents:\n"));
  for (guint i = 0; i < BW_REPORT_N_DOCUMENTS; i++)
    g_printerr ("  %-16s %s\n", bw_report_document_to_string (i), bw_report_document_title (i));
  g_printerr (_("Formats:\n"));
  for (guint i = 0; i < BW_REPORT_N_FORMATS; i++)
    g_printerr ("  %-16s %s: %s\n", bw_report_format_to_string (i), bw_report_format_title (i),
                bw_report_format_describe (i));
  g_printerr (_("Markdown writes its pictures into OUT-figures/ beside OUT; CSV writes the first table\n"
                "(threats) to OUT and the others beside it (OUT-traceability.csv).\n"));
}

/* "--name VALUE" or "--name=VALUE"; advances *i past what it used. */
static const char *
option_value (int          argc,
              char       **argv,
              int         *i,
              const char  *name)
{
  gsize len = strlen (name);

  if (g_str_equal (argv[*i], name))
    return *i + 1 < argc ? argv[++*i] : "";
  if (strncmp (argv[*i], name, len) == 0 && argv[*i][len] == '=')
    return argv[*i] + len + 1;
  return NULL;
}

int
bw_cli_report (int    argc,
               char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwReport) report = NULL;
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *input = NULL;
  const char *document_name = "final";
  const char *format_name = NULL;
  const char *output = NULL;
  BwReportDocument document;
  BwReportFormat format;

  for (int i = 1; i < argc; i++)
    {
      const char *value;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage ();
          return 0;
        }
      if ((value = option_value (argc, argv, &i, "--document")) != NULL)
        document_name = value;
      else if ((value = option_value (argc, argv, &i, "--format")) != NULL)
        format_name = value;
      else if ((value = option_value (argc, argv, &i, "-o")) != NULL ||
               (value = option_value (argc, argv, &i, "--output")) != NULL)
        output = value;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        {
          g_printerr (_("Unknown option “%s”.\n"), argv[i]);
          usage ();
          return 2;
        }
      else if (input != NULL)
        {
          g_printerr (_("Only one project file, please (got “%s” and “%s”).\n"), input, argv[i]);
          return 2;
        }
      else
        input = argv[i];
    }
  if (input == NULL || output == NULL || *output == '\0')
    {
      usage ();
      return 2;
    }
  if (!bw_report_document_from_string (document_name, &document))
    {
      g_printerr (_("Unknown document “%s”; choose final, concept, analysis, vulnerabilities or retirement.\n"),
                  document_name);
      return 2;
    }
  /* Without --format, the output's extension says which. */
  if (format_name == NULL)
    {
      const char *dot = strrchr (output, '.');

      format_name = dot != NULL ? dot + 1 : "";
      if (!bw_report_format_from_string (format_name, &format))
        {
          g_printerr (_("Cannot tell the format from “%s”; add --format html, md, csv or pdf.\n"), output);
          return 2;
        }
    }
  else if (!bw_report_format_from_string (format_name, &format))
    {
      g_printerr (_("Unknown format “%s”; choose html, md, csv or pdf.\n"), format_name);
      return 2;
    }

  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  report = bw_report_build (project, document);
  if (!bw_report_write (report, format, output, written, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < written->len; i++)
    g_printerr (_("wrote %s\n"), (const char *) g_ptr_array_index (written, i));
  return 0;
}
