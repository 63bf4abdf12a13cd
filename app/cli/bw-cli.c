/* bw-cli.c — bulwark-cli: the core for pipelines and pre-commit hooks
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-project-io.h"
#include "bw-render.h"

#include "bw-cli.h"

BwProject *
bw_cli_load_or_report (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  BwProject *project;

  project = bw_project_load_from_file (file, NULL, &error);
  if (project == NULL)
    g_printerr ("%s\n", error->message);
  return project;
}

void
bw_cli_print_warnings (BwProject *project)
{
  GPtrArray *warnings = bw_project_get_warnings (project);

  for (guint i = 0; i < warnings->len; i++)
    g_printerr (_("warning: %s\n"), (const char *) g_ptr_array_index (warnings, i));
}

static int
cmd_validate (int    argc,
              char **argv)
{
  int status = 0;

  if (argc < 2)
    {
      g_printerr (_("Usage: bulwark-cli validate FILE…\n"));
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(BwProject) project = bw_cli_load_or_report (argv[i]);

      if (project == NULL)
        {
          status = 1;
          continue;
        }
      bw_cli_print_warnings (project);
    }
  return status;
}

static int
cmd_info (int    argc,
          char **argv)
{
  g_autoptr(BwProject) project = NULL;
  static const char * const collections[] = {
    "assets", "assumptions", "hazards", "diagrams", "elements", "threats",
    "objectives", "requirements", "attack_trees", "components", "rule_libraries",
  };

  if (argc != 2)
    {
      g_printerr (_("Usage: bulwark-cli info FILE\n"));
      return 2;
    }
  project = bw_cli_load_or_report (argv[1]);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  g_print ("title: %s\n", bw_model_get_title (bw_project_get_model (project)));
  g_print ("generator: %s\n", bw_project_get_generator (project));
  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    g_print ("%s: %u\n", collections[i],
             g_list_model_get_n_items (G_LIST_MODEL (bw_project_get_collection_by_name (project, collections[i]))));

  /* Elements by kind, the figure reviewers ask for first. */
  {
    GListModel *elements = bw_project_get_elements (project);
    guint counts[5] = { 0 };
    guint n = g_list_model_get_n_items (elements);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

        counts[bw_element_get_kind_enum (element)]++;
      }
    for (guint k = 0; k < 5; k++)
      g_print ("  %s: %u\n", bw_element_kinds[k], counts[k]);
  }
  return 0;
}

static int
cmd_format (int    argc,
            char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const char *input = NULL;
  const char *output = NULL;
  gboolean check = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--check"))
        check = TRUE;
      else if (input == NULL)
        input = argv[i];
      else
        input = NULL, i = argc;
    }
  if (input == NULL)
    {
      g_printerr (_("Usage: bulwark-cli format FILE [-o OUT] [--check]\n"
                    "Rewrites FILE in the canonical text of format 1 (in place unless -o is given).\n"
                    "With --check, changes nothing and exits 1 if FILE is not canonical.\n"));
      return 2;
    }

  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);
  bytes = bw_project_to_bytes (project);

  if (check)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_get_contents (input, &data, &length, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (length != g_bytes_get_size (bytes) || memcmp (data, g_bytes_get_data (bytes, NULL), length) != 0)
        {
          g_printerr (_("%s is not in canonical form; run “bulwark-cli format %s”\n"), input, input);
          return 1;
        }
      return 0;
    }

  if (g_strcmp0 (output, "-") == 0)
    {
      fwrite (g_bytes_get_data (bytes, NULL), 1, g_bytes_get_size (bytes), stdout);
      return 0;
    }
  if (!bw_write_file_atomically (output ? output : input, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes), &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

static int
cmd_render (int    argc,
            char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *input = NULL;
  const char *output = NULL;
  const char *diagram = NULL;
  BwPaintOptions options = { 0 };

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "-o") && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--diagram") && i + 1 < argc)
        diagram = argv[++i];
      else if (g_str_equal (argv[i], "--dark"))
        options.dark = TRUE;
      else
        input = argv[i];
    }
  if (input == NULL || output == NULL)
    {
      g_printerr (_("Usage: bulwark-cli render FILE [--diagram D-N] [--dark] -o OUT.svg|png|pdf\n"
                    "Without --diagram, the first diagram is drawn; --dark uses dark colours.\n"));
      return 2;
    }
  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  if (diagram == NULL)
    {
      g_autoptr(BwDiagram) first = g_list_model_get_item (bw_project_get_diagrams (project), 0);

      if (first == NULL)
        {
          g_printerr (_("%s has no diagram to render\n"), input);
          return 1;
        }
      diagram = g_intern_string (bw_record_get_id (BW_RECORD (first)));
    }
  if (!bw_render_diagram_to_file_full (project, diagram, output, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* One row per command; commands of their own concept live in their own
 * file (bw-cli-<name>.c) and are declared in bw-cli.h. */
static const struct {
  const char    *name;
  BwCliCommand   func;
  const char    *help;
} commands[] = {
  { "validate", cmd_validate, N_("Check files against format 1; exit 1 with each problem on its own line") },
  { "info", cmd_info, N_("Print the counts of every collection") },
  { "format", cmd_format, N_("Rewrite a file in canonical form (for pre-commit hooks)") },
  { "render", cmd_render, N_("Draw a diagram to SVG, PNG or PDF") },
  { "attack-tree", bw_cli_attack_tree, N_("Draw an attack tree (SVG, PNG, PDF, DOT) and evaluate it") },
  { "derive", bw_cli_derive, N_("Derive threats from the rule libraries; --write applies and saves") },
  { "check", bw_cli_check, N_("Run the completeness checks; exit 1 when findings count") },
  { "cvss", bw_cli_cvss, N_("Score a CVSS v3.1 base vector") },
  { "import", bw_cli_import, N_("Import a Threat Dragon, OTM or Threat Modeling Tool model into a project") },
  { "export", bw_cli_export, N_("Export a project to Threat Dragon v2 or OTM") },
  { "trace", bw_cli_trace, N_("Print the traceability matrix (text or CSV)") },
  { "sbom", bw_cli_sbom, N_("Merge a CycloneDX or SPDX SBOM into the components (sbom import FILE SBOM)") },
  { "report", bw_cli_report, N_("Write a document of the method (final, concept, analysis, …) as HTML, Markdown, CSV or PDF") },
  { "vulns", bw_cli_vulns, N_("List the components' known vulnerabilities; import OSV, VEX and KEV files") },
};

static void
usage (void)
{
  g_printerr (_("Usage: bulwark-cli COMMAND [ARGS…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_printerr ("  %-12s %s\n", commands[i].name, _(commands[i].help));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      usage ();
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("bulwark-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].func (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”.\n"), argv[1]);
  usage ();
  return 2;
}
