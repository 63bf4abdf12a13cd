/* test-risk-presets.c — the risk methods a new project can start with
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-risk-presets.h"
#include "bw-test-utils.h"

/* The text of a project without its risk method: what else a preset
 * project holds must be what a new project holds. */
static char *
text_without_risk_method (BwProject *project)
{
  g_autofree char *text = bw_test_to_string (project);
  g_autoptr(GRegex) regex = g_regex_new ("\n  \"risk_method\": \\{.*?\n  \\},?", G_REGEX_DOTALL, 0, NULL);

  return g_regex_replace_literal (regex, text, -1, 0, "", 0, NULL);
}

static void
test_presets_listed (void)
{
  const char * const *presets = bw_risk_presets_list ();

  g_assert_cmpuint (g_strv_length ((char **) presets), ==, 2);
  g_assert_cmpstr (presets[0], ==, BW_RISK_PRESET_DEFAULT);
  g_assert_cmpstr (presets[1], ==, BW_RISK_PRESET_CONSERVATIVE);
}

/* Every preset gives a new project: empty, unmodified, without a file,
 * ready to number its records from 1, valid as a file. */
static void
test_presets_are_new_projects (void)
{
  g_autoptr(BwProject) plain = bw_project_new ();
  g_autofree char *plain_text = text_without_risk_method (plain);

  for (const char * const *p = bw_risk_presets_list (); *p != NULL; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) project = bw_project_new_with_risk_preset (*p, &error);
      g_autofree char *text = NULL;
      g_autofree char *id = NULL;

      g_assert_no_error (error);
      g_assert_nonnull (project);
      g_assert_false (bw_project_get_modified (project));
      g_assert_null (bw_project_get_file (project));
      g_assert_true (bw_project_check (project, &error));
      g_assert_no_error (error);
      text = text_without_risk_method (project);
      g_assert_cmpstr (text, ==, plain_text);
      id = bw_project_allocate_id (project, "A");
      g_assert_cmpstr (id, ==, "A-1");
    }
}

/* Same scales, stricter matrix: a critical harm of low exploitability is
 * acceptable by default but controlled in the conservative method. */
static void
test_conservative_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) standard = bw_project_new_with_risk_preset (BW_RISK_PRESET_DEFAULT, &error);
  g_autoptr(BwProject) strict = bw_project_new_with_risk_preset (BW_RISK_PRESET_CONSERVATIVE, &error);
  BwRiskMethod *a = bw_project_get_risk_method (standard);
  BwRiskMethod *b = bw_project_get_risk_method (strict);

  g_assert_no_error (error);
  g_assert_true (g_strv_equal (bw_risk_method_get_exploitability (a), bw_risk_method_get_exploitability (b)));
  g_assert_true (g_strv_equal (bw_risk_method_get_severity (a), bw_risk_method_get_severity (b)));
  g_assert_cmpstr (bw_risk_method_get_outcome (a, 1, 4), ==, "acceptable");
  g_assert_cmpstr (bw_risk_method_get_outcome (b, 1, 4), ==, "controlled");
  g_assert_cmpstr (bw_risk_method_get_outcome (b, 5, 2), ==, "uncontrolled");
  g_assert_cmpstr (bw_risk_method_get_outcome (b, 1, 1), ==, "acceptable");
  g_assert_cmpstr (bw_risk_method_get_name (a), !=, bw_risk_method_get_name (b));

  /* Never less strict than the default anywhere. */
  for (int e = 1; e <= 5; e++)
    for (int s = 1; s <= 5; s++)
      {
        const char *order = "acceptable controlled uncontrolled";
        const char *x = strstr (order, bw_risk_method_get_outcome (a, e, s));
        const char *y = strstr (order, bw_risk_method_get_outcome (b, e, s));

        g_assert_true (y >= x);
      }
}

static void
test_unknown_preset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = bw_project_new_with_risk_preset ("7x7-fancy", &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "7x7-fancy"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk-presets/listed", test_presets_listed);
  g_test_add_func ("/risk-presets/new-projects", test_presets_are_new_projects);
  g_test_add_func ("/risk-presets/conservative-matrix", test_conservative_matrix);
  g_test_add_func ("/risk-presets/unknown", test_unknown_preset);

  return g_test_run ();
}
