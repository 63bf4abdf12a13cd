/* test-checks.c — the completeness checks, on the example and on small projects
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-checks.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-test-utils.h"

/* Test projects are written with ' for " to stay readable. */
static BwProject *
load (const char *text)
{
  g_autofree char *json = g_strdelimit (g_strdup (text), "'", '"');

  return bw_test_load_string (json);
}

/* "kind ID" of every finding, one per line, in order. */
static char *
summarize (GListModel *findings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);

      g_string_append_printf (out, "%s %s\n", bw_finding_get_kind (finding),
                              bw_finding_get_object_id (finding));
    }
  return g_string_free (out, FALSE);
}

static BwFinding *
find (GListModel *findings,
      const char *kind,
      const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);

      if (g_str_equal (bw_finding_get_kind (finding), kind)
          && g_strcmp0 (bw_finding_get_object_id (finding), id) == 0)
        return finding;
    }
  return NULL;
}

static guint
count_kind (GListModel *findings,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);

      n += g_str_equal (bw_finding_get_kind (finding), kind);
    }
  return n;
}

/* Issue 4's figures: T-9 is a silent transfer, O-6 a system objective
 * without requirement — each reported exactly once, at the right place. */
static void
test_example (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GListModel) findings = bw_checks_run (project);
  BwFinding *finding;

  finding = find (findings, "silent-decision", "T-9");
  g_assert_nonnull (finding);
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "threats[8].rationale");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "T-9"));
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "transfer"));
  g_assert_cmpuint (count_kind (findings, "silent-decision"), ==, 1);

  finding = find (findings, "objective-without-requirement", "O-6");
  g_assert_nonnull (finding);
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "objectives[5]");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "O-6"));
  g_assert_cmpuint (count_kind (findings, "objective-without-requirement"), ==, 1);

  /* The rest of what the example leaves open. */
  g_assert_nonnull (find (findings, "threat-not-triaged", "T-3"));
  g_assert_nonnull (find (findings, "threat-not-triaged", "T-8"));
  g_assert_nonnull (find (findings, "uncontrolled-residual", "T-3"));
  g_assert_cmpuint (count_kind (findings, "uncontrolled-residual"), ==, 1);
  g_assert_nonnull (find (findings, "requirement-without-verification", "R-4"));
  g_assert_cmpuint (count_kind (findings, "requirement-without-verification"), ==, 1);
  /* T-8 links O-6 and DS-2 is a log: repudiation is covered there. */
  finding = find (findings, "missing-stride", "DS-2");
  g_assert_nonnull (finding);
  g_assert_null (strstr (bw_finding_get_message (finding), "Repudiation"));
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "Tampering"));

  /* Summary elements (refined, or a process a diagram refines) and
   * boundaries need no threats of their own. */
  g_assert_null (find (findings, "missing-stride", "P-1"));
  g_assert_null (find (findings, "missing-stride", "EE-1"));
  g_assert_null (find (findings, "missing-stride", "DF-1"));
  g_assert_null (find (findings, "missing-stride", "TB-1"));
  g_assert_cmpuint (count_kind (findings, "missing-stride"), ==, 27);

  /* What the example does right stays quiet. */
  g_assert_cmpuint (count_kind (findings, "safety-impact-unanswered"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "safety-impact-without-hazard"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "mitigation-without-objective"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "asset-not-carried"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "not-affected-without-justification"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "invalid-cvss"), ==, 0);
  g_assert_cmpuint (count_kind (findings, "component-without-support-data"), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 33);
}

/* Every rule fires once on its bad case and stays silent on its good one. */
static const char *bad_project =
  "{'format': 'bulwark', 'format_version': 1,"
  " 'assets': [{'id': 'A-1', 'name': 'Dose'}, {'id': 'A-2', 'name': 'Keys'}],"
  " 'hazards': [{'id': 'H-1', 'name': 'Overdose'}],"
  " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
  " 'elements': ["
  "  {'id': 'EE-1', 'kind': 'external_entity', 'diagram': 'D-1', 'name': 'Patient', 'bounds': [0, 0, 10, 10], 'assets': ['A-2']},"
  "  {'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [50, 0, 10, 10], 'out_of_scope': true},"
  "  {'id': 'P-2', 'kind': 'process', 'diagram': 'D-1', 'name': 'Vendor', 'bounds': [50, 50, 10, 10],"
  "   'out_of_scope': true, 'out_of_scope_reason': 'Supplier part, assessed by the supplier.'},"
  "  {'id': 'DS-1', 'kind': 'data_store', 'diagram': 'D-1', 'name': 'Log', 'bounds': [100, 0, 10, 10], 'properties': {'is_log': true}},"
  "  {'id': 'DS-2', 'kind': 'data_store', 'diagram': 'D-1', 'name': 'Settings', 'bounds': [150, 0, 10, 10], 'properties': {'is_log': false}},"
  "  {'id': 'TB-1', 'kind': 'trust_boundary', 'diagram': 'D-1', 'shape': 'box', 'bounds': [0, 0, 200, 200]},"
  "  {'id': 'EE-2', 'kind': 'external_entity', 'diagram': 'D-1', 'name': 'Nurse', 'bounds': [0, 100, 10, 10]},"
  "  {'id': 'EE-3', 'kind': 'external_entity', 'diagram': 'D-1', 'name': 'Cloud', 'bounds': [50, 100, 10, 10]},"
  "  {'id': 'DS-3', 'kind': 'data_store', 'diagram': 'D-1', 'name': 'Audit', 'bounds': [100, 100, 10, 10], 'properties': {'is_log': true}}"
  " ],"
  " 'threats': ["
  "  {'id': 'T-1', 'target': 'EE-1', 'category': 'S', 'status': 'not_started'},"
  "  {'id': 'T-2', 'target': 'EE-1', 'category': 'R', 'status': 'addressed', 'treatment': 'none',"
  "   'risk': {'exploitability': 5, 'severity': 5, 'safety_impact': true}},"
  "  {'id': 'T-3', 'target': 'DS-1', 'category': 'T', 'status': 'needs_investigation', 'treatment': 'mitigate',"
  "   'risk': {'exploitability': 1, 'severity': 1, 'safety_impact': false}},"
  "  {'id': 'T-4', 'target': 'DS-1', 'category': 'I', 'status': 'addressed', 'treatment': 'accept', 'rationale': '  ',"
  "   'risk': {'exploitability': 1, 'severity': 1, 'safety_impact': false}},"
  "  {'id': 'T-5', 'target': 'DS-1', 'category': 'D', 'status': 'addressed', 'treatment': 'transfer',"
  "   'risk': {'exploitability': 1, 'severity': 1, 'cvss': 'CVSS:3.1/AV:X', 'safety_impact': false}},"
  "  {'id': 'T-6', 'target': 'DS-2', 'category': 'T', 'status': 'addressed', 'treatment': 'mitigate', 'rationale': 'MAC.',"
  "   'risk': {'exploitability': 3, 'severity': 5, 'cvss': 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',"
  "            'safety_impact': true, 'hazards': ['H-1']},"
  "   'residual': {'exploitability': 1, 'severity': 5}, 'objectives': ['O-1']},"
  "  {'id': 'T-7', 'target': 'DS-2', 'category': 'I', 'status': 'addressed', 'treatment': 'accept',"
  "   'rationale': 'Benefit outweighs the risk: the readings must be available to the emergency team.',"
  "   'risk': {'exploitability': 5, 'severity': 5, 'safety_impact': false}},"
  "  {'id': 'T-8', 'target': 'DS-2', 'category': 'D', 'status': 'addressed', 'treatment': 'mitigate', 'rationale': 'Watchdog.',"
  "   'risk': {'exploitability': 5, 'severity': 5, 'safety_impact': false}, 'objectives': ['O-1']},"
  "  {'id': 'T-9', 'target': 'EE-1', 'category': 'S', 'treatment': 'accept', 'archived': true},"
  "  {'id': 'T-10', 'target': 'EE-1', 'category': 'R', 'treatment': 'transfer', 'obsolete': true},"
  "  {'id': 'T-11', 'target': 'DS-1', 'category': 'R', 'status': 'not_applicable', 'rationale': 'Not a log after all.'},"
  "  {'id': 'T-12', 'target': 'EE-3', 'category': 'S', 'archived': true},"
  "  {'id': 'T-13', 'target': 'EE-3', 'category': 'R', 'status': 'addressed', 'treatment': 'eliminate',"
  "   'rationale': 'Removed the interface.', 'risk': {'exploitability': 1, 'severity': 1, 'safety_impact': false}},"
  "  {'id': 'T-14', 'target': 'DS-3', 'category': 'T', 'status': 'not_applicable'},"
  "  {'id': 'T-15', 'target': 'DS-3', 'category': 'I', 'status': 'not_applicable'},"
  "  {'id': 'T-16', 'target': 'DS-3', 'category': 'D', 'status': 'not_applicable'}"
  " ],"
  " 'objectives': ["
  "  {'id': 'O-1', 'text': 'Authentic settings.', 'scope': 'system', 'category': 'integrity'},"
  "  {'id': 'O-2', 'text': 'Encrypted storage.', 'scope': 'system', 'category': 'confidentiality'},"
  "  {'id': 'O-3', 'text': 'Labelling.', 'scope': 'environment', 'category': 'integrity'}"
  " ],"
  " 'requirements': ["
  "  {'id': 'R-1', 'text': 'MAC.', 'objective': 'O-1', 'verification': 'test', 'verification_ref': 'TC-1'},"
  "  {'id': 'R-2', 'text': 'HMAC-SHA256.', 'objective': 'O-1', 'verification': 'test'},"
  "  {'id': 'R-3', 'text': 'Orphan.', 'verification': 'analysis', 'verification_ref': 'AN-3'}"
  " ],"
  " 'components': ["
  "  {'id': 'C-1', 'name': 'libfoo', 'vulnerabilities': ["
  "    {'id': 'CVE-2099-1', 'status': 'affected'},"
  "    {'id': 'CVE-2099-2', 'status': 'not_affected'},"
  "    {'id': 'CVE-2099-3', 'status': 'under_investigation', 'kev': true, 'cvss': 'CVSS:3.1/AV:N'},"
  "    {'id': 'CVE-2099-4', 'status': 'fixed', 'kev': true},"
  "    {'id': 'CVE-2099-5', 'status': 'affected', 'threats': ['T-6']},"
  "    {'id': 'CVE-2099-6', 'status': 'not_affected', 'justification': 'Code not present.', 'kev': true}"
  "  ]},"
  "  {'id': 'C-2', 'name': 'libbar', 'support': 'active'}"
  " ]}";

static void
test_every_rule (void)
{
  g_autoptr(BwProject) project = load (bad_project);
  g_autoptr(GListModel) findings = bw_checks_run (project);
  g_autofree char *summary = summarize (findings);
  const char *expected =
    "asset-not-carried A-1\n"
    "out-of-scope-without-reason P-1\n"
    "missing-stride EE-2\n"
    "missing-stride EE-3\n"
    "missing-stride DS-3\n"
    "threat-not-triaged T-1\n"
    "risk-not-rated T-1\n"
    "safety-impact-unanswered T-1\n"
    "addressed-without-treatment T-2\n"
    "safety-impact-without-hazard T-2\n"
    "uncontrolled-residual T-2\n"
    "treatment-without-rationale T-3\n"
    "mitigation-without-objective T-3\n"
    "silent-decision T-4\n"
    "silent-decision T-5\n"
    "invalid-cvss T-5\n"
    "uncontrolled-residual T-8\n"
    "requirement-without-verification R-2\n"
    "requirement-without-objective R-3\n"
    "objective-without-requirement O-2\n"
    "component-without-support-data C-1\n"
    "vulnerability-without-treatment C-1\n"
    "not-affected-without-justification C-1\n"
    "invalid-cvss C-1\n"
    "kev-not-fixed C-1\n";
  BwFinding *finding;

  g_assert_cmpstr (summary, ==, expected);

  /* Every kind of the table is exercised. */
  for (const char * const *kind = bw_checks_get_kinds (); *kind != NULL; kind++)
    {
      g_test_message ("kind %s", *kind);
      g_assert_cmpuint (count_kind (findings, *kind), >, 0);
      g_assert_nonnull (bw_checks_describe_kind (*kind));
    }
  g_assert_false (bw_checks_is_kind ("no-such-kind"));
  g_assert_null (bw_checks_describe_kind ("no-such-kind"));

  /* Messages name what is missing; paths point at the member to fix. */
  finding = find (findings, "missing-stride", "EE-2");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "elements[6]");
  g_assert_cmpstr (bw_finding_get_message (finding), ==,
                   "EE-2 “Nurse” has no threat for Spoofing, Repudiation: derive or add them, "
                   "or mark the element out of scope with a reason");
  /* An archived threat does not count. */
  finding = find (findings, "missing-stride", "EE-3");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "Spoofing: "));
  /* A log store needs Repudiation. */
  finding = find (findings, "missing-stride", "DS-3");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "for Repudiation: "));
  finding = find (findings, "silent-decision", "T-4");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "threats[3].rationale");
  finding = find (findings, "invalid-cvss", "T-5");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "threats[4].risk.cvss");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "is not one of"));
  finding = find (findings, "uncontrolled-residual", "T-8");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "threats[7].risk");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "“Very high”"));
  finding = find (findings, "kev-not-fixed", "C-1");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "components[0].vulnerabilities[2].status");
  g_assert_nonnull (strstr (bw_finding_get_message (finding), "CVE-2099-3"));
  finding = find (findings, "invalid-cvss", "C-1");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "components[0].vulnerabilities[2].cvss");
  finding = find (findings, "safety-impact-without-hazard", "T-2");
  g_assert_cmpstr (bw_finding_get_path (finding), ==, "threats[1].risk.hazards");
}

static void
set_string (BwProject  *project,
            const char *path,
            const char *property,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  command = bw_command_set_property_new (project, path, property, &value);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
}

/* Fixing a finding with an edit makes it go away (and only it); undo
 * brings it back. */
static void
test_fixes (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GListModel) before = bw_checks_run (project);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GListModel) undone = NULL;
  BwCommandStack *stack = bw_project_get_command_stack (project);

  g_assert_nonnull (find (before, "silent-decision", "T-9"));
  set_string (project, "T-9", "rationale", "Transferred to hospital IT: network segmentation per the labelling.");
  /* Accepting T-3's uncontrolled risk with a benefit-risk rationale. */
  set_string (project, "T-3", "treatment", "accept");
  set_string (project, "T-3", "rationale", "Benefit-risk: CGM-driven dosing outweighs the residual risk.");
  after = bw_checks_run (project);
  g_assert_null (find (after, "silent-decision", "T-9"));
  g_assert_null (find (after, "uncontrolled-residual", "T-3"));
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) - 2);

  while (bw_command_stack_undo (stack))
    ;
  undone = bw_checks_run (project);
  g_assert_nonnull (find (undone, "silent-decision", "T-9"));
  g_assert_cmpuint (g_list_model_get_n_items (undone), ==, g_list_model_get_n_items (before));
}

static void
test_empty_project (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  g_autoptr(GListModel) findings = bw_checks_run (project);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/checks/example", test_example);
  g_test_add_func ("/checks/every-rule", test_every_rule);
  g_test_add_func ("/checks/fixes", test_fixes);
  g_test_add_func ("/checks/empty-project", test_empty_project);

  return g_test_run ();
}
