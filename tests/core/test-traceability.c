/* test-traceability.c — the traceability matrix and its other directions
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-test-utils.h"
#include "bw-traceability.h"

static BwProject *
load (const char *text)
{
  g_autofree char *json = g_strdelimit (g_strdup (text), "'", '"');

  return bw_test_load_string (json);
}

static const char *
id_of (gpointer record)
{
  return record != NULL ? bw_record_get_id (BW_RECORD (record)) : "-";
}

/* A row as "A-1 DF-8 T-1 O-1 R-1 gaps". */
static char *
row_text (BwTraceRow *row)
{
  g_autofree char *gaps = bw_trace_gaps_to_string (bw_trace_row_get_gaps (row));

  return g_strdup_printf ("%s %s %s %s %s %s", id_of (bw_trace_row_get_asset (row)),
                          id_of (bw_trace_row_get_element (row)), id_of (bw_trace_row_get_threat (row)),
                          id_of (bw_trace_row_get_objective (row)), id_of (bw_trace_row_get_requirement (row)),
                          gaps);
}

static char *
rows_text (GListModel *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);
      g_autofree char *text = row_text (row);

      g_string_append_printf (out, "%s\n", g_strchomp (text));
    }
  return g_string_free (out, FALSE);
}

static char *
ids (GPtrArray *records)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < records->len; i++)
    g_string_append_printf (out, "%s%s", i ? " " : "", id_of (g_ptr_array_index (records, i)));
  return g_string_free (out, FALSE);
}

static void
test_example_rows (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GListModel) rows = bw_traceability_build (project);
  g_autofree char *text = rows_text (rows);
  g_autoptr(BwTraceRow) first = NULL;

  g_test_message ("%s", text);
  /* Complete paths, no gaps. */
  g_assert_nonnull (strstr (text, "A-1 DF-8 T-1 O-1 R-1\n"));
  g_assert_nonnull (strstr (text, "A-6 DF-15 T-6 O-2 R-2\n"));
  g_assert_nonnull (strstr (text, "A-6 DF-16 T-5 O-2 R-2\n"));
  g_assert_nonnull (strstr (text, "A-8 DF-9 T-4 O-3 R-3\n"));
  /* Gaps marked where the chain breaks. */
  g_assert_nonnull (strstr (text, "A-1 DS-2 T-8 O-6 - no-requirement\n"));
  g_assert_nonnull (strstr (text, "A-1 P-3 T-7 O-5 R-4 no-verification-ref\n"));
  g_assert_nonnull (strstr (text, "A-3 DF-10 T-3 - - no-objective\n"));
  g_assert_nonnull (strstr (text, "A-4 DS-3 - - - no-threat\n"));
  /* An environment objective needs no requirement; a transfer no objective. */
  g_assert_nonnull (strstr (text, "A-3 DF-10 T-2 O-4 -\n"));
  g_assert_nonnull (strstr (text, "A-4 P-2 T-9 - -\n"));
  /* T-9 endangers all three assets its element carries. */
  g_assert_nonnull (strstr (text, "A-1 P-2 T-9 - -\n"));
  g_assert_nonnull (strstr (text, "A-3 P-2 T-9 - -\n"));
  /* Summary elements stay out: their detail lives on the refining ones. */
  g_assert_null (strstr (text, " P-1 "));
  g_assert_null (strstr (text, " DF-1 "));
  g_assert_null (strstr (text, " DF-6 "));

  /* Every threat and every requirement appears. */
  for (guint t = 1; t <= 9; t++)
    {
      g_autofree char *needle = g_strdup_printf (" T-%u ", t);

      g_assert_nonnull (strstr (text, needle));
    }
  for (guint r = 1; r <= 4; r++)
    {
      g_autofree char *needle = g_strdup_printf (" R-%u", r);

      g_assert_nonnull (strstr (text, needle));
    }

  /* Outcomes before and after, and the properties a column view binds. */
  first = g_list_model_get_item (rows, 4);
  g_assert_cmpstr (id_of (bw_trace_row_get_threat (first)), ==, "T-1");
  g_assert_cmpint (bw_trace_row_get_outcome (first, BW_RISK_BEFORE), ==, BW_OUTCOME_UNCONTROLLED);
  g_assert_cmpint (bw_trace_row_get_outcome (first, BW_RISK_AFTER), ==, BW_OUTCOME_CONTROLLED);
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;
    g_autoptr(BwThreat) threat = NULL;
    guint gaps = 99;

    g_object_get (first, "outcome-before", &before, "outcome-after", &after, "threat", &threat, "gaps", &gaps, NULL);
    g_assert_cmpstr (before, ==, "uncontrolled");
    g_assert_cmpstr (after, ==, "controlled");
    g_assert_true (threat == bw_trace_row_get_threat (first));
    g_assert_cmpuint (gaps, ==, 0);
  }
}

/* Threats without assets, objectives of no threat, requirements of no
 * objective, assets on no element: each still gets a row, gap marked. */
static void
test_orphans (void)
{
  g_autoptr(BwProject) project = load (
    "{'format': 'bulwark', 'format_version': 1,"
    " 'assets': [{'id': 'A-1', 'name': 'Nowhere'}],"
    " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
    " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [0, 0, 10, 10]}],"
    " 'threats': ["
    "  {'id': 'T-1', 'target': 'P-1', 'category': 'S'},"
    "  {'id': 'T-2', 'target': 'P-1', 'category': 'T', 'archived': true},"
    "  {'id': 'T-3', 'target': 'P-1', 'category': 'R', 'risk': {'exploitability': 2, 'severity': 2}, 'treatment': 'accept'}"
    " ],"
    " 'objectives': [{'id': 'O-1', 'text': 'Lonely.', 'scope': 'system', 'category': 'integrity'}],"
    " 'requirements': [{'id': 'R-1', 'text': 'Orphan.', 'verification': 'test', 'verification_ref': 'TC-1'},"
    "                  {'id': 'R-2', 'text': 'Of O-1.', 'objective': 'O-1', 'verification': 'test'}]}");
  g_autoptr(GListModel) rows = bw_traceability_build (project);
  g_autofree char *text = rows_text (rows);

  g_assert_cmpstr (text, ==,
                   "A-1 - - - - no-element\n"
                   "- P-1 T-1 - - no-asset unrated no-objective\n"
                   "- P-1 T-3 - - no-asset\n"
                   "- - - O-1 R-2 no-threat no-verification-ref\n"
                   "- - - - R-1 no-objective\n");
}

static void
test_other_directions (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  struct {
    GPtrArray *(*func) (BwProject *, const char *);
    const char *id;
    const char *expected;
  } cases[] = {
    { bw_traceability_threats_for_hazard, "H-1", "T-1 T-3 T-5 T-6 T-7 T-9" },
    { bw_traceability_threats_for_hazard, "H-3", "T-4" },
    { bw_traceability_threats_for_hazard, "H-99", "" },
    { bw_traceability_elements_for_asset, "A-6", "DF-6 DF-15 DF-16" },
    { bw_traceability_threats_for_asset, "A-6", "T-5 T-6" },
    { bw_traceability_threats_for_asset, "A-4", "T-9" },
    { bw_traceability_requirements_for_threat, "T-5", "R-2" },
    { bw_traceability_requirements_for_threat, "T-9", "" },
    { bw_traceability_requirements_for_threat, "nonsense", "" },
    { bw_traceability_requirements_for_objective, "O-2", "R-2" },
    { bw_traceability_requirements_for_objective, "O-6", "" },
    { bw_traceability_requirements_for_objective, "T-5", "" },
    { bw_traceability_requirements_for_objective, NULL, "" },
    { bw_traceability_threats_for_requirement, "R-2", "T-5 T-6" },
    { bw_traceability_threats_for_requirement, "R-1", "T-1" },
    { bw_traceability_assets_for_requirement, "R-2", "A-6" },
    { bw_traceability_assets_for_requirement, "R-4", "A-1 A-2 A-5 A-7 A-8" },
    { bw_traceability_assets_for_requirement, NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) found = cases[i].func (project, cases[i].id);
      g_autofree char *text = ids (found);

      g_test_message ("case %u: %s", i, cases[i].id);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Only a system objective needs a requirement. */
static void
test_objective_lacks_requirement (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  struct {
    const char *id;
    gboolean lacks;
  } cases[] = {
    { "O-1", FALSE },  /* system, R-1 */
    { "O-4", FALSE },  /* environment, none needed */
    { "O-6", TRUE },   /* system, none */
  };
  g_autoptr(BwRequirement) requirement = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BwRecord *objective = bw_project_lookup (project, cases[i].id);

      g_test_message ("case %s", cases[i].id);
      g_assert_true (BW_IS_OBJECTIVE (objective));
      g_assert_cmpint (bw_traceability_objective_lacks_requirement (project, BW_OBJECTIVE (objective)), ==,
                       cases[i].lacks);
    }

  /* A requirement of O-6 closes it. */
  requirement = g_object_new (BW_TYPE_REQUIREMENT, "id", "R-50", "objective", "O-6", NULL);
  g_list_store_append (bw_project_get_collection (project, BW_TYPE_REQUIREMENT), requirement);
  bw_project_index_record (project, BW_RECORD (requirement));
  g_assert_false (bw_traceability_objective_lacks_requirement (project,
                                                               BW_OBJECTIVE (bw_project_lookup (project, "O-6"))));
}

/* RFC 4180: quotes doubled, fields with , " CR LF quoted, CRLF line ends. */
static void
test_csv (void)
{
  g_autoptr(BwProject) project = load (
    "{'format': 'bulwark', 'format_version': 1,"
    " 'assets': [{'id': 'A-1', 'name': 'Dose, \\'basal\\' and bolus'}],"
    " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
    " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump\\nfirmware',"
    "               'bounds': [0, 0, 10, 10], 'assets': ['A-1']}],"
    " 'threats': [{'id': 'T-1', 'target': 'P-1', 'category': 'T', 'title': 'Plain title',"
    "              'risk': {'exploitability': 5, 'severity': 5}, 'residual': {'exploitability': 1, 'severity': 5}}]}");
  g_autoptr(GListModel) rows = bw_traceability_build (project);
  g_autofree char *csv = bw_traceability_to_csv (rows);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_test_message ("%s", csv);
  g_assert_true (g_str_has_prefix (lines[0], "asset,asset_name,element,element_name,threat,"));
  g_assert_cmpstr (lines[1], ==,
                   "A-1,\"Dose, \"\"basal\"\" and bolus\",P-1,\"Pump\nfirmware\",T-1,T,Plain title,"
                   "not_started,none,5,5,uncontrolled,1,5,controlled,,,,,,,,,no-objective");
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_null (lines[3]);
}

static void
test_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  g_autoptr(GListModel) rows = bw_traceability_build (project);
  g_autofree char *csv = bw_traceability_to_csv (rows);
  g_autofree char *gaps = bw_trace_gaps_describe (BW_TRACE_GAP_THREAT | BW_TRACE_GAP_VERIFICATION);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  g_assert_cmpuint (strlen (csv), >, 0);
  g_assert_true (g_str_has_suffix (csv, "gaps\r\n"));
  g_assert_cmpstr (gaps, ==, "no threat, no verification reference");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/traceability/example-rows", test_example_rows);
  g_test_add_func ("/traceability/orphans", test_orphans);
  g_test_add_func ("/traceability/other-directions", test_other_directions);
  g_test_add_func ("/traceability/objective-lacks-requirement", test_objective_lacks_requirement);
  g_test_add_func ("/traceability/csv", test_csv);
  g_test_add_func ("/traceability/empty", test_empty);

  return g_test_run ();
}
