/* bw-report-build-final.c — vulnerability analysis, and what only the final
 * report has: traceability, completeness, conclusion, design history
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-checks.h"
#include "bw-component-support.h"
#include "bw-component.h"
#include "bw-cvss.h"
#include "bw-project-io.h"
#include "bw-requirement.h"
#include "bw-risk-assessment.h"
#include "bw-threat.h"
#include "bw-traceability.h"
#include "bw-vulnerability.h"

#include "bw-report-private.h"

/* "9.8 Critical (CVSS:3.1/AV:N/…)": the score first, as reviewers read
 * it; a vector that does not parse is shown as it is. */
static char *
describe_cvss (const char *vector)
{
  BwCvssVector parsed;

  if (vector == NULL || *vector == '\0')
    return g_strdup ("");
  if (!bw_cvss_parse (vector, &parsed, NULL))
    return g_strdup (vector);
  {
    double score = bw_cvss_base_score (&parsed);

    return g_strdup_printf ("%.1f %s (%s)", score,
                            bw_cvss_rating_describe (bw_cvss_rating_for_score (score)), vector);
  }
}

void
bw_report_build_vulnerabilities (BwReportBuild *build)
{
  BwReport *report = build->report;
  GListModel *components = bw_project_get_components (build->project);
  guint n = g_list_model_get_n_items (components);
  const char * const columns[] = { _("ID"), _("Component"), _("Version"), _("Supplier"), _("License"),
                                   _("Support"), _("End of support"), _("Used by"), NULL };
  const char * const vuln_columns[] = { _("Component"), _("Vulnerability"), _("CWE"), _("CVSS"),
                                        _("Known exploited"), _("Status"), _("Justification"),
                                        _("Threats"), _("Objectives"), NULL };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDate today;
  guint n_vulns = 0;

  bw_report_add_heading (report, build->level, "vulnerabilities-components", _("Components"));
  if (n == 0)
    {
      bw_report_add_paragraph (report, _("No tools or libraries are recorded: import the device's SBOM on the Components page."));
      return;
    }
  bw_report_add_table (report, NULL, columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      g_autofree char *elements = bw_report_join_ids (bw_component_get_elements (component));

      n_vulns += g_list_model_get_n_items (bw_component_get_vulnerabilities (component));
      bw_report_add_row (report, bw_record_get_id (BW_RECORD (component)), bw_component_get_name (component),
                         bw_component_get_version (component), bw_component_get_supplier (component),
                         bw_component_get_license (component),
                         bw_report_label (bw_component_get_support (component)),
                         bw_component_get_end_of_support (component), elements, NULL);
    }

  /* The support check looks at today's date: a report states what holds
   * the day it is written. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  findings = bw_component_check_support (build->project, &today);
  bw_report_add_heading (report, build->level, "vulnerabilities-support", _("Support status"));
  if (findings->len == 0)
    bw_report_add_paragraph (report, _("Every component is supported beyond the next six months."));
  for (guint i = 0; i < findings->len; i++)
    {
      BwSupportFinding *finding = g_ptr_array_index (findings, i);

      bw_report_add_paragraph (report, finding->message);
    }

  bw_report_add_heading (report, build->level, "vulnerabilities-known", _("Known vulnerabilities"));
  if (n_vulns == 0)
    {
      bw_report_add_paragraph (report, _("No known vulnerabilities are recorded for these components."));
      return;
    }
  bw_report_add_table (report, build->final ? NULL : "vulnerabilities", vuln_columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwComponent) component = g_list_model_get_item (components, i);
      GListModel *vulns = bw_component_get_vulnerabilities (component);
      g_autofree char *name = g_strdup_printf ("%s %s", bw_component_get_name (component),
                                               bw_component_get_version (component));

      for (guint v = 0, n_v = g_list_model_get_n_items (vulns); v < n_v; v++)
        {
          g_autoptr(BwVulnerability) vuln = g_list_model_get_item (vulns, v);
          g_autofree char *cwe = bw_report_join_ids (bw_vulnerability_get_cwe (vuln));
          g_autofree char *threats = bw_report_join_ids (bw_vulnerability_get_threats (vuln));
          g_autofree char *objectives = bw_report_join_ids (bw_vulnerability_get_objectives (vuln));
          const char *cvss = bw_vulnerability_get_cvss (vuln);
          g_autofree char *cvss_text = describe_cvss (cvss);

          bw_report_add_row (report, name, bw_record_get_id (BW_RECORD (vuln)), cwe, cvss_text,
                             bw_vulnerability_get_kev (vuln) ? _("Yes") : _("No"),
                             bw_report_label (bw_vulnerability_get_status (vuln)),
                             bw_vulnerability_get_justification (vuln), threats, objectives, NULL);
        }
    }
}

static const char *
id_or_empty (gpointer record)
{
  return record != NULL ? bw_record_get_id (BW_RECORD (record)) : "";
}

static void
add_traceability (BwReportBuild *build)
{
  BwReport *report = build->report;
  g_autoptr(GListModel) rows = bw_traceability_build (build->project);
  guint n = g_list_model_get_n_items (rows);
  const char * const columns[] = { _("Asset"), _("Element"), _("Threat"), _("Risk before"), _("Risk after"),
                                   _("Objective"), _("Requirement"), _("Verification"), _("Gaps"), NULL };

  bw_report_add_heading (report, 2, "traceability", _("Traceability matrix"))->new_page = TRUE;
  bw_report_add_paragraph (report, _("Each row is one path asset → element → threat → risk → objective → requirement → verification; a gap names the missing link."));
  if (n == 0)
    {
      bw_report_add_paragraph (report, _("There is nothing to trace yet."));
      return;
    }
  bw_report_add_table (report, "traceability", columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);
      BwThreat *threat = bw_trace_row_get_threat (row);
      BwRequirement *requirement = bw_trace_row_get_requirement (row);
      BwTraceGaps gaps = bw_trace_row_get_gaps (row);
      g_autofree char *verification = NULL;
      g_autofree char *gap_text = gaps != BW_TRACE_GAP_NONE ? bw_trace_gaps_describe (gaps) : g_strdup ("");

      if (requirement != NULL)
        {
          const char *ref = bw_requirement_get_verification_ref (requirement);

          verification = g_strdup_printf ("%s%s%s", bw_report_label (bw_requirement_get_verification (requirement)),
                                          *ref ? " " : "", ref);
        }
      bw_report_add_row (report, id_or_empty (bw_trace_row_get_asset (row)),
                         id_or_empty (bw_trace_row_get_element (row)), id_or_empty (threat),
                         threat != NULL ? bw_outcome_describe (bw_trace_row_get_outcome (row, BW_RISK_BEFORE)) : "",
                         threat != NULL ? bw_outcome_describe (bw_trace_row_get_outcome (row, BW_RISK_AFTER)) : "",
                         id_or_empty (bw_trace_row_get_objective (row)), id_or_empty (requirement),
                         verification != NULL ? verification : "", gap_text, NULL);
    }
}

static void
add_checks (BwReportBuild *build)
{
  BwReport *report = build->report;
  g_autoptr(GListModel) findings = bw_checks_run (build->project);
  guint n = g_list_model_get_n_items (findings);
  const char * const columns[] = { _("Check"), _("ID"), _("Finding"), NULL };

  bw_report_add_heading (report, 2, "checks", _("Completeness checks"))->new_page = TRUE;
  if (n == 0)
    {
      bw_report_add_paragraph (report, _("Every completeness check of METHOD.md passes."));
      return;
    }
  bw_report_add_paragraph_printf (report,
                                  g_dngettext (GETTEXT_PACKAGE, "%u finding is open:", "%u findings are open:", n),
                                  n);
  bw_report_add_table (report, NULL, columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);
      const char *id = bw_finding_get_object_id (finding);

      bw_report_add_row (report, bw_checks_describe_kind (bw_finding_get_kind (finding)),
                         id != NULL ? id : "", bw_finding_get_message (finding), NULL);
    }
}

static void
add_conclusion (BwReportBuild *build)
{
  BwReport *report = build->report;
  g_autoptr(BwRiskCounts) counts = bw_risk_counts_new (build->project, BW_RISK_AFTER);
  g_autoptr(GPtrArray) unjustified = bw_risk_assessment_dup_uncontrolled_residuals (build->project);
  guint acceptable = bw_risk_counts_get_total (counts, BW_OUTCOME_ACCEPTABLE);
  guint controlled = bw_risk_counts_get_total (counts, BW_OUTCOME_CONTROLLED);
  guint uncontrolled = bw_risk_counts_get_total (counts, BW_OUTCOME_UNCONTROLLED);
  guint unrated = bw_risk_counts_get_unrated (counts);

  bw_report_add_heading (report, 2, "conclusion", _("Residual-risk conclusion"));
  bw_report_add_paragraph_printf (report,
                                  _("Residual risks after the security objectives: acceptable %u, controlled %u, uncontrolled %u; not rated after the objectives: %u."),
                                  acceptable, controlled, uncontrolled, unrated);
  if (uncontrolled == 0 && unrated == 0)
    bw_report_add_paragraph (report, _("Conclusion: every assessed cybersecurity risk is acceptable or controlled."));
  else if (uncontrolled == 0)
    bw_report_add_paragraph (report, _("Conclusion: no assessed risk is uncontrolled, but the conclusion is provisional until every threat is rated after its objectives."));
  else if (unjustified->len == 0)
    bw_report_add_paragraph (report, _("Conclusion: the uncontrolled residual risks are accepted, each with a benefit-risk rationale recorded on its threat."));
  else
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < unjustified->len; i++)
        {
          if (i > 0)
            g_string_append (ids, ", ");
          g_string_append (ids, bw_record_get_id (g_ptr_array_index (unjustified, i)));
        }
      bw_report_add_paragraph_printf (report,
                                      _("Conclusion: the residual risk is not yet acceptable. These uncontrolled residual risks have no benefit-risk rationale: %s."),
                                      ids->str);
    }
}

static void
add_design_history (BwReportBuild *build)
{
  BwReport *report = build->report;
  g_autoptr(GBytes) canonical = bw_project_to_bytes (build->project);
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, canonical);
  GFile *file = bw_project_get_file (build->project);
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  const char * const columns[] = { _("Item"), _("Value"), NULL };
  char format_version[16];

  g_snprintf (format_version, sizeof format_version, "%d", BW_FORMAT_VERSION);
  bw_report_add_heading (report, 2, "history", _("Design history"));
  bw_report_add_paragraph (report, _("The SHA-256 is that of the project in canonical form (as Bulwark saves it), so a reviewer can tie this report to one version of the file."));
  bw_report_add_table (report, NULL, columns);
  bw_report_add_row (report, _("Generator"), "Bulwark " PACKAGE_VERSION, NULL);
  bw_report_add_row (report, _("File format"), format_version, NULL);
  if (name != NULL)
    bw_report_add_row (report, _("Project file"), name, NULL);
  bw_report_add_row (report, _("SHA-256 of the canonical project file"), sha256, NULL);
}

void
bw_report_build_final_sections (BwReportBuild *build)
{
  add_traceability (build);
  add_checks (build);
  add_conclusion (build);
  add_design_history (build);
}
