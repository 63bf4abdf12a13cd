/* test-risk-method.c — editing the risk method through commands, and undo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-risk-method.h"
#include "bw-command-stack.h"
#include "bw-test-utils.h"

static gboolean
run (BwProject *project,
     BwCommand *command,
     GError   **error)
{
  g_autoptr(BwCommand) owned = command;

  return bw_command_stack_execute (bw_project_get_command_stack (project), owned, error);
}

/* A new level name is saved under risk_method and undo gives the old one. */
static void
test_rename_level (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  BwCommand *command;

  command = bw_command_rename_risk_level_new (project, BW_RISK_SCALE_SEVERITY, 3, "Moderate", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bw_command_get_label (command), ==, "Rename Risk Level");
  g_assert_true (run (project, command, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bw_risk_method_get_severity (bw_project_get_risk_method (project))[2], ==, "Moderate");
  g_assert_cmpstr (bw_risk_method_get_exploitability (bw_project_get_risk_method (project))[2], ==, "Medium");
  after = bw_test_to_string (project);
  g_assert_nonnull (strstr (after, "\"Moderate\""));
  g_assert_false (bw_risk_method_is_default (bw_project_get_risk_method (project)));

  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (bw_risk_method_is_default (bw_project_get_risk_method (project)));

  command = bw_command_rename_risk_level_new (project, BW_RISK_SCALE_EXPLOITABILITY, 5, "Trivial", &error);
  g_assert_true (run (project, command, &error));
  g_assert_cmpstr (bw_risk_method_get_exploitability (bw_project_get_risk_method (project))[4], ==, "Trivial");
}

static void
test_rename_level_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GError) error = NULL;
  BwCommand *command;

  command = bw_command_rename_risk_level_new (project, BW_RISK_SCALE_SEVERITY, 6, "Beyond", &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  command = bw_command_rename_risk_level_new (project, BW_RISK_SCALE_SEVERITY, 0, "Beyond", &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  command = bw_command_rename_risk_level_new (project, BW_RISK_SCALE_EXPLOITABILITY, 1, "  ", &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_assert_cmpstr (bw_risk_method_get_exploitability (bw_project_get_risk_method (project))[0], ==, "Very low");
}

/* A cell's new outcome moves the threats in it to another outcome. */
static void
test_set_outcome (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwRiskMethod *method = bw_project_get_risk_method (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwRiskCounts) before = NULL;
  g_autoptr(BwRiskCounts) after = NULL;
  BwCommand *command;

  /* T-3 is rated 4 × 4, uncontrolled by default. */
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 4, 4), ==, "uncontrolled");
  before = bw_risk_counts_new (project, BW_RISK_BEFORE);
  g_assert_cmpuint (bw_risk_counts_get (before, 4, 4), ==, 1);

  command = bw_command_set_risk_outcome_new (project, 4, 4, BW_OUTCOME_CONTROLLED, &error);
  g_assert_no_error (error);
  g_assert_true (run (project, command, &error));
  g_assert_no_error (error);
  method = bw_project_get_risk_method (project);
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 4, 4), ==, "controlled");
  /* Only that cell changed. */
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 4, 5), ==, "uncontrolled");
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 5, 4), ==, "uncontrolled");
  after = bw_risk_counts_new (project, BW_RISK_BEFORE);
  g_assert_cmpuint (bw_risk_counts_get_total (after, BW_OUTCOME_CONTROLLED), ==,
                    bw_risk_counts_get_total (before, BW_OUTCOME_CONTROLLED) + 1);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 4, 4), ==, "uncontrolled");
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 4, 4), ==, "controlled");

  command = bw_command_set_risk_outcome_new (project, 6, 1, BW_OUTCOME_CONTROLLED, &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  command = bw_command_set_risk_outcome_new (project, 1, 1, BW_OUTCOME_UNRATED, &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
}

static void
test_acceptance (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GError) error = NULL;

  g_assert_true (run (project, bw_command_set_risk_acceptance_new (project, "Only acceptable risks."), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bw_risk_method_get_acceptance (bw_project_get_risk_method (project)), ==, "Only acceptable risks.");
  g_assert_true (bw_command_stack_undo (bw_project_get_command_stack (project)));
  g_assert_true (bw_risk_method_is_default (bw_project_get_risk_method (project)));
}

/* A 3 × 3 method comes back as the 5 × 5 default in one step, and undo
 * gives the 3 × 3 method back, scales and matrix together. */
static const char three_by_three[] =
  "{'format': 'bulwark', 'format_version': 1,"
  " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
  " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [0, 0, 10, 10]}],"
  " 'threats': [{'id': 'T-1', 'target': 'P-1', 'category': 'S', 'risk': {'exploitability': 3, 'severity': 2}}],"
  " 'risk_method': {'name': 'Small', 'exploitability': ['Low', 'Mid', 'High'],"
  "  'severity': ['Minor', 'Major', 'Fatal'],"
  "  'matrix': [['acceptable', 'acceptable', 'controlled'], ['acceptable', 'controlled', 'uncontrolled'],"
  "             ['controlled', 'uncontrolled', 'uncontrolled']], 'acceptance': 'Ours.'}}";

static void
test_restore_default (void)
{
  g_autofree char *json = g_strdelimit (g_strdup (three_by_three), "'", '"');
  g_autoptr(BwProject) project = bw_test_load_string (json);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *undone = NULL;
  BwCommand *command;
  BwRiskMethod *method;

  g_assert_false (bw_risk_method_is_default (bw_project_get_risk_method (project)));
  command = bw_command_restore_risk_method_new (project);
  g_assert_cmpstr (bw_command_get_label (command), ==, "Restore Default Risk Method");
  g_assert_true (run (project, command, &error));
  g_assert_no_error (error);
  method = bw_project_get_risk_method (project);
  g_assert_true (bw_risk_method_is_default (method));
  g_assert_cmpuint (g_strv_length ((char **) bw_risk_method_get_severity (method)), ==, 5);
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 3, 2), ==, "acceptable");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  g_assert_true (bw_command_stack_undo (stack));
  method = bw_project_get_risk_method (project);
  g_assert_cmpstr (bw_risk_method_get_name (method), ==, "Small");
  g_assert_cmpstr (bw_risk_method_get_outcome (method, 3, 2), ==, "uncontrolled");
  undone = bw_test_to_string (project);
  g_assert_cmpstr (undone, ==, before);

  g_assert_true (bw_command_stack_redo (stack));
  g_assert_true (bw_risk_method_is_default (bw_project_get_risk_method (project)));
}

/* Ratings above 5 would fall off the default scales: refused, unchanged. */
static void
test_restore_default_refused (void)
{
  g_autofree char *json = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (
    "{'format': 'bulwark', 'format_version': 1,"
    " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
    " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [0, 0, 10, 10]}],"
    " 'threats': [{'id': 'T-1', 'target': 'P-1', 'category': 'S', 'risk': {'exploitability': 6, 'severity': 1}}],"
    " 'risk_method': {'name': 'Six', 'exploitability': ['1', '2', '3', '4', '5', '6'], 'severity': ['S'],"
    "  'matrix': [['acceptable'], ['acceptable'], ['acceptable'], ['acceptable'], ['acceptable'], ['uncontrolled']],"
    "  'acceptance': ''}}");

  json = g_strdelimit (g_string_free (text, FALSE), "'", '"');
  project = bw_test_load_string (json);
  g_assert_false (run (project, bw_command_restore_risk_method_new (project), &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_assert_cmpstr (bw_risk_method_get_name (bw_project_get_risk_method (project)), ==, "Six");
  g_assert_cmpuint (bw_command_stack_get_depth (bw_project_get_command_stack (project)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk-method/rename-level", test_rename_level);
  g_test_add_func ("/risk-method/rename-level-refused", test_rename_level_refused);
  g_test_add_func ("/risk-method/set-outcome", test_set_outcome);
  g_test_add_func ("/risk-method/acceptance", test_acceptance);
  g_test_add_func ("/risk-method/restore-default", test_restore_default);
  g_test_add_func ("/risk-method/restore-default-refused", test_restore_default_refused);

  return g_test_run ();
}
