/* test-risk-assessment.c — outcomes from the matrix, before and after; matrix counts
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-risk-assessment.h"
#include "bw-test-utils.h"

static BwProject *
load (const char *text)
{
  g_autofree char *json = g_strdelimit (g_strdup (text), "'", '"');

  return bw_test_load_string (json);
}

static BwThreat *
threat (BwProject  *project,
        const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_THREAT (record));
  return BW_THREAT (record);
}

/* METHOD.md's default matrix, cell by cell (A C U). */
static void
test_default_matrix (void)
{
  static const char *expected[5] = { "AAAAC", "AAACC", "AACCU", "ACCUU", "CCUUU" };
  g_autoptr(BwProject) project = bw_project_new ();
  BwRiskMethod *method = bw_project_get_risk_method (project);

  for (int e = 1; e <= 5; e++)
    for (int s = 1; s <= 5; s++)
      {
        BwOutcome outcome = bw_outcome_from_string (bw_risk_method_get_outcome (method, e, s));
        char letter = "?ACU"[outcome];

        g_assert_cmpint (letter, ==, expected[e - 1][s - 1]);
      }
  g_assert_null (bw_risk_method_get_outcome (method, 0, 3));
  g_assert_null (bw_risk_method_get_outcome (method, 6, 3));
  g_assert_null (bw_risk_method_get_outcome (method, 3, 6));
  g_assert_cmpint (bw_outcome_from_string (NULL), ==, BW_OUTCOME_UNRATED);
  g_assert_cmpint (bw_outcome_from_string ("bogus"), ==, BW_OUTCOME_UNRATED);
  g_assert_cmpstr (bw_outcome_to_string (BW_OUTCOME_CONTROLLED), ==, "controlled");
  g_assert_null (bw_outcome_to_string (BW_OUTCOME_UNRATED));
  g_assert_cmpstr (bw_outcome_describe (BW_OUTCOME_UNCONTROLLED), ==, "Uncontrolled");
}

static void
test_example_outcomes (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwRiskMethod *method = bw_project_get_risk_method (project);
  int e;
  int s;

  /* T-1: (4, 5) uncontrolled, after its objective (1, 5) controlled. */
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-1"), BW_RISK_BEFORE), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-1"), BW_RISK_AFTER), ==, BW_OUTCOME_CONTROLLED);
  /* T-4: (5, 4) → (5, 2). */
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-4"), BW_RISK_BEFORE), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_true (bw_risk_assessment_get_rating (threat (project, "T-4"), BW_RISK_AFTER, &e, &s));
  g_assert_cmpint (e, ==, 5);
  g_assert_cmpint (s, ==, 2);
  /* T-3 has no residual rating: nothing credited, the after-rating is the
   * before-rating, and it lacks a benefit-risk rationale. */
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-3"), BW_RISK_AFTER), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_true (bw_risk_assessment_lacks_benefit_risk (method, threat (project, "T-3")));
  g_assert_false (bw_risk_assessment_lacks_benefit_risk (method, threat (project, "T-1")));
  g_assert_true (bw_risk_assessment_in_cell (threat (project, "T-1"), BW_RISK_BEFORE, 4, 5));
  g_assert_true (bw_risk_assessment_in_cell (threat (project, "T-1"), BW_RISK_AFTER, 1, 5));
  g_assert_false (bw_risk_assessment_in_cell (threat (project, "T-1"), BW_RISK_AFTER, 4, 5));

  {
    g_autoptr(GPtrArray) open = bw_risk_assessment_dup_uncontrolled_residuals (project);

    g_assert_cmpuint (open->len, ==, 1);
    g_assert_true (g_ptr_array_index (open, 0) == (gpointer) threat (project, "T-3"));
  }
}

static void
test_example_counts (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRiskCounts) before = bw_risk_counts_new (project, BW_RISK_BEFORE);
  g_autoptr(BwRiskCounts) after = bw_risk_counts_new (project, BW_RISK_AFTER);
  guint sum = 0;

  g_assert_cmpuint (bw_risk_counts_get_n_exploitability (before), ==, 5);
  g_assert_cmpuint (bw_risk_counts_get_n_severity (before), ==, 5);
  /* Before: T-1 (4,5) T-2 (5,2) T-3 (4,4) T-4 (5,4) T-5 (3,5) T-6 (3,5)
   * T-7 (2,5) T-8 (3,3) T-9 (2,5). */
  g_assert_cmpuint (bw_risk_counts_get (before, 3, 5), ==, 2);
  g_assert_cmpuint (bw_risk_counts_get (before, 2, 5), ==, 2);
  g_assert_cmpuint (bw_risk_counts_get (before, 4, 5), ==, 1);
  g_assert_cmpuint (bw_risk_counts_get (before, 1, 1), ==, 0);
  g_assert_cmpuint (bw_risk_counts_get (before, 0, 1), ==, 0);
  g_assert_cmpuint (bw_risk_counts_get (before, 6, 1), ==, 0);
  g_assert_cmpuint (bw_risk_counts_get_total (before, BW_OUTCOME_UNCONTROLLED), ==, 5);
  g_assert_cmpuint (bw_risk_counts_get_total (before, BW_OUTCOME_CONTROLLED), ==, 4);
  g_assert_cmpuint (bw_risk_counts_get_total (before, BW_OUTCOME_ACCEPTABLE), ==, 0);
  g_assert_cmpuint (bw_risk_counts_get_unrated (before), ==, 0);
  g_assert_cmpint (bw_risk_counts_get_cell_outcome (before, 5, 5), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_cmpint (bw_risk_counts_get_cell_outcome (before, 1, 5), ==, BW_OUTCOME_CONTROLLED);
  for (int e = 1; e <= 5; e++)
    for (int s = 1; s <= 5; s++)
      sum += bw_risk_counts_get (before, e, s);
  g_assert_cmpuint (sum, ==, 9);

  /* After: T-1 T-5 T-6 T-7 at (1,5), T-2 and T-4 at (5,2), T-3 still
   * (4,4), T-8 (3,3), T-9 (2,5). */
  g_assert_cmpuint (bw_risk_counts_get (after, 1, 5), ==, 4);
  g_assert_cmpuint (bw_risk_counts_get (after, 5, 2), ==, 2);
  g_assert_cmpuint (bw_risk_counts_get (after, 4, 4), ==, 1);
  g_assert_cmpuint (bw_risk_counts_get_total (after, BW_OUTCOME_UNCONTROLLED), ==, 1);
  g_assert_cmpuint (bw_risk_counts_get_total (after, BW_OUTCOME_CONTROLLED), ==, 8);
}

/* A project's own 3×3 matrix; inactive threats, partial and off-scale
 * ratings. */
static void
test_custom_matrix (void)
{
  g_autoptr(BwProject) project = load (
    "{'format': 'bulwark', 'format_version': 1,"
    " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
    " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [0, 0, 10, 10]}],"
    " 'threats': ["
    "  {'id': 'T-1', 'target': 'P-1', 'category': 'S', 'risk': {'exploitability': 3, 'severity': 3},"
    "   'residual': {'exploitability': 1, 'severity': 3}},"
    "  {'id': 'T-2', 'target': 'P-1', 'category': 'T', 'risk': {'exploitability': 3, 'severity': 1},"
    "   'residual': {'exploitability': 2}},"
    "  {'id': 'T-3', 'target': 'P-1', 'category': 'R'},"
    "  {'id': 'T-4', 'target': 'P-1', 'category': 'I', 'risk': {'exploitability': 3, 'severity': 3}, 'archived': true},"
    "  {'id': 'T-5', 'target': 'P-1', 'category': 'D', 'risk': {'exploitability': 3, 'severity': 3}, 'status': 'not_applicable'},"
    "  {'id': 'T-6', 'target': 'P-1', 'category': 'E', 'risk': {'exploitability': 3, 'severity': 3},"
    "   'treatment': 'accept', 'rationale': 'Benefit-risk: the therapy is life-sustaining.'}"
    " ],"
    " 'risk_method': {'name': 'Small', 'exploitability': ['Low', 'Medium', 'High'],"
    "   'severity': ['Minor', 'Major', 'Fatal'],"
    "   'matrix': [['acceptable', 'acceptable', 'controlled'],"
    "              ['acceptable', 'controlled', 'uncontrolled'],"
    "              ['controlled', 'uncontrolled', 'uncontrolled']]}}");
  BwRiskMethod *method = bw_project_get_risk_method (project);
  g_autoptr(BwRiskCounts) before = bw_risk_counts_new (project, BW_RISK_BEFORE);
  g_autoptr(BwRiskCounts) after = bw_risk_counts_new (project, BW_RISK_AFTER);
  g_autoptr(GPtrArray) open = bw_risk_assessment_dup_uncontrolled_residuals (project);

  g_assert_cmpuint (bw_risk_counts_get_n_exploitability (before), ==, 3);
  g_assert_cmpuint (bw_risk_counts_get_n_severity (before), ==, 3);
  g_assert_cmpuint (bw_risk_counts_get (before, 3, 3), ==, 2);   /* T-1, T-6 */
  g_assert_cmpuint (bw_risk_counts_get (before, 3, 1), ==, 1);   /* T-2 */
  g_assert_cmpuint (bw_risk_counts_get_unrated (before), ==, 1); /* T-3 */
  g_assert_cmpuint (bw_risk_counts_get (after, 1, 3), ==, 1);    /* T-1 */
  g_assert_cmpuint (bw_risk_counts_get_unrated (after), ==, 2);  /* T-2 partial residual, T-3 */

  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-2"), BW_RISK_BEFORE), ==, BW_OUTCOME_CONTROLLED);
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-2"), BW_RISK_AFTER), ==, BW_OUTCOME_UNRATED);
  g_assert_false (bw_risk_assessment_is_active (threat (project, "T-4")));
  g_assert_false (bw_risk_assessment_is_active (threat (project, "T-5")));
  /* T-6 is uncontrolled but accepted with a benefit-risk rationale. */
  g_assert_cmpint (bw_risk_assessment_get_outcome (method, threat (project, "T-6"), BW_RISK_AFTER), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_false (bw_risk_assessment_lacks_benefit_risk (method, threat (project, "T-6")));
  g_assert_cmpuint (open->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/risk-assessment/default-matrix", test_default_matrix);
  g_test_add_func ("/risk-assessment/example-outcomes", test_example_outcomes);
  g_test_add_func ("/risk-assessment/example-counts", test_example_counts);
  g_test_add_func ("/risk-assessment/custom-matrix", test_custom_matrix);

  return g_test_run ();
}
