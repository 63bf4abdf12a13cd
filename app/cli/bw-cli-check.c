/* bw-cli-check.c — `bulwark-cli check`: the completeness checks for pipelines
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-checks.h"

#include "bw-cli.h"

/* The groups a CI gate names (issue 7: `--fail-on
 * uncontrolled,silent,incomplete,open`), each a set of finding kinds. */
static const struct {
  const char         *name;
  const char         *description;
  const char * const *kinds;
} groups[] = {
  { "uncontrolled", N_("uncontrolled residual risks without a benefit-risk rationale"),
    (const char * const[]) { "uncontrolled-residual", NULL } },
  { "silent", N_("accept or transfer decisions without a rationale"),
    (const char * const[]) { "silent-decision", NULL } },
  { "open", N_("decisions not yet taken: untriaged threats, unanswered safety questions, untreated vulnerabilities"),
    (const char * const[]) { "threat-not-triaged", "safety-impact-unanswered", "vulnerability-without-treatment",
                             "kev-not-fixed", NULL } },
  { "incomplete", N_("gaps in the analysis and its traceability"),
    (const char * const[]) { "asset-not-carried", "missing-stride", "out-of-scope-without-reason",
                             "addressed-without-treatment", "treatment-without-rationale", "risk-not-rated",
                             "invalid-cvss", "safety-impact-without-hazard", "mitigation-without-objective",
                             "objective-without-requirement", "requirement-without-objective",
                             "requirement-without-verification", "component-without-support-data",
                             "not-affected-without-justification", NULL } },
};

static void
usage (void)
{
  g_printerr (_("Usage: bulwark-cli check FILE [--fail-on KIND,…] [--format text|json]\n"
                "Prints the findings of the completeness checks, one per line (kind, object ID, message),\n"
                "and exits 1 when a finding of a counted kind exists (all kinds unless --fail-on names some).\n"
                "Kinds:\n"));
  for (const char * const *kind = bw_checks_get_kinds (); *kind != NULL; kind++)
    g_printerr ("  %-36s %s\n", *kind, bw_checks_describe_kind (*kind));
  g_printerr (_("Groups of kinds, for a CI gate (e.g. --fail-on uncontrolled,silent,incomplete,open):\n"));
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_printerr ("  %-36s %s\n", groups[g].name, _(groups[g].description));
}

/* Adds the kinds of "a,b,c" (kinds or groups) to @counted; FALSE (with a
 * message) for an unknown one. */
static gboolean
parse_kinds (const char *list,
             GHashTable *counted)
{
  g_auto(GStrv) kinds = g_strsplit (list, ",", -1);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const char *kind = g_strstrip (kinds[i]);

      gboolean group = FALSE;

      if (*kind == '\0')
        continue;
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        if (g_str_equal (kind, groups[g].name))
          {
            for (guint k = 0; groups[g].kinds[k] != NULL; k++)
              g_hash_table_add (counted, (gpointer) g_intern_string (groups[g].kinds[k]));
            group = TRUE;
          }
      if (group)
        continue;
      if (!bw_checks_is_kind (kind))
        {
          g_printerr (_("Unknown finding kind “%s” (see “bulwark-cli check --help”)\n"), kind);
          return FALSE;
        }
      g_hash_table_add (counted, (gpointer) g_intern_string (kind));
    }
  return TRUE;
}

static void
print_json (GListModel *findings,
            GHashTable *counted,
            guint       n_counted)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (findings);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);
      const char *kind = bw_finding_get_kind (finding);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, bw_finding_get_object_id (finding));
      json_builder_set_member_name (builder, "path");
      json_builder_add_string_value (builder, bw_finding_get_path (finding));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, bw_finding_get_message (finding));
      json_builder_set_member_name (builder, "counted");
      json_builder_add_boolean_value (builder, counted == NULL || g_hash_table_contains (counted, g_intern_string (kind)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "counted");
  json_builder_add_int_value (builder, n_counted);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

int
bw_cli_check (int    argc,
              char **argv)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GHashTable) counted = NULL;
  const char *input = NULL;
  const char *format = "text";
  guint n_counted = 0;
  guint n;

  for (int i = 1; i < argc; i++)
    {
      const char *list = NULL;

      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          usage ();
          return 0;
        }
      if (g_str_equal (argv[i], "--fail-on") && i + 1 < argc)
        list = argv[++i];
      else if (g_str_has_prefix (argv[i], "--fail-on="))
        list = argv[i] + strlen ("--fail-on=");
      else if (g_str_equal (argv[i], "--format") && i + 1 < argc)
        format = argv[++i];
      else if (g_str_has_prefix (argv[i], "--format="))
        format = argv[i] + strlen ("--format=");
      else if (argv[i][0] == '-' || input != NULL)
        {
          usage ();
          return 2;
        }
      else
        input = argv[i];

      if (list != NULL)
        {
          if (counted == NULL)
            counted = g_hash_table_new (NULL, NULL);
          if (!parse_kinds (list, counted))
            return 2;
        }
    }
  if (input == NULL || (!g_str_equal (format, "text") && !g_str_equal (format, "json")))
    {
      usage ();
      return 2;
    }

  project = bw_cli_load_or_report (input);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  findings = bw_checks_run (project);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);

      if (counted == NULL || g_hash_table_contains (counted, g_intern_string (bw_finding_get_kind (finding))))
        n_counted++;
      if (g_str_equal (format, "text"))
        g_print ("%s\t%s\t%s\n", bw_finding_get_kind (finding),
                 bw_finding_get_object_id (finding) ? bw_finding_get_object_id (finding) : "-",
                 bw_finding_get_message (finding));
    }
  if (g_str_equal (format, "json"))
    print_json (findings, counted, n_counted);
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u finding, %u counted\n", "%u findings, %u counted\n", n),
                n, n_counted);

  return n_counted > 0 ? 1 : 0;
}
