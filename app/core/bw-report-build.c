/* bw-report-build.c — the documents of METHOD.md, built from the project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every document starts with the same front matter (device, authors,
 * dates); its sections follow.  The final report is the other four in one,
 * one level down, plus what only it has (bw-report-build-final.c).
 * Everything here reads the project; nothing changes it.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bw-attack-node.h"
#include "bw-attack-tree.h"
#include "bw-asset.h"
#include "bw-assumption.h"
#include "bw-device.h"
#include "bw-diagram.h"
#include "bw-element.h"
#include "bw-hazard.h"
#include "bw-model.h"
#include "bw-objective.h"
#include "bw-painter.h"
#include "bw-painter-scene.h"
#include "bw-requirement.h"
#include "bw-retirement.h"
#include "bw-risk-assessment.h"
#include "bw-risk-method.h"
#include "bw-risk.h"
#include "bw-security-concept.h"
#include "bw-threat.h"

#include "bw-report-private.h"

#define FIGURE_MARGIN 16.0

static const struct {
  const char *value;
  const char *label;
} labels[] = {
  { "not_started", N_("Not started") },
  { "needs_investigation", N_("Needs investigation") },
  { "not_applicable", N_("Not applicable") },
  { "addressed", N_("Addressed") },
  { "none", N_("None") },
  { "eliminate", N_("Eliminate") },
  { "mitigate", N_("Mitigate") },
  { "accept", N_("Accept") },
  { "transfer", N_("Transfer") },
  { "system", N_("System") },
  { "environment", N_("Environment") },
  { "authentication", N_("Authentication") },
  { "authorization", N_("Authorization") },
  { "cryptography", N_("Cryptography") },
  { "integrity", N_("Integrity") },
  { "confidentiality", N_("Confidentiality") },
  { "event_detection_logging", N_("Event detection and logging") },
  { "resiliency_recovery", N_("Resiliency and recovery") },
  { "updatability_patchability", N_("Updatability and patchability") },
  { "test", N_("Test") },
  { "inspection", N_("Inspection") },
  { "analysis", N_("Analysis") },
  { "demonstration", N_("Demonstration") },
  { "draft", N_("Draft") },
  { "approved", N_("Approved") },
  { "implemented", N_("Implemented") },
  { "verified", N_("Verified") },
  { "data", N_("Data") },
  { "function", N_("Function") },
  { "property", N_("Property") },
  { "low", N_("Low") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "active", N_("Active") },
  { "limited", N_("Limited") },
  { "unknown", N_("Unknown") },
  { "under_investigation", N_("Under investigation") },
  { "affected", N_("Affected") },
  { "not_affected", N_("Not affected") },
  { "fixed", N_("Fixed") },
  { "external_entity", N_("External entity") },
  { "process", N_("Process") },
  { "data_store", N_("Data store") },
  { "data_flow", N_("Data flow") },
  { "trust_boundary", N_("Trust boundary") },
  { "context", N_("Context diagram") },
  { "dataflow", N_("Data-flow diagram") },
};

static const struct {
  char        letter;
  const char *name;
} stride[] = {
  { 'S', N_("Spoofing") },
  { 'T', N_("Tampering") },
  { 'R', N_("Repudiation") },
  { 'I', N_("Information disclosure") },
  { 'D', N_("Denial of service") },
  { 'E', N_("Elevation of privilege") },
};

const char *
bw_report_label (const char *value)
{
  if (value == NULL || *value == '\0')
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (value, labels[i].value))
      return _(labels[i].label);
  return value;
}

static const char *
name_of (BwRecord *record)
{
  if (BW_IS_ELEMENT (record))
    return bw_element_get_name (BW_ELEMENT (record));
  if (BW_IS_ASSET (record))
    return bw_asset_get_name (BW_ASSET (record));
  if (BW_IS_DIAGRAM (record))
    return bw_diagram_get_name (BW_DIAGRAM (record));
  if (BW_IS_HAZARD (record))
    return bw_hazard_get_name (BW_HAZARD (record));
  if (BW_IS_THREAT (record))
    return bw_threat_get_title (BW_THREAT (record));
  if (BW_IS_ATTACK_NODE (record))
    return bw_attack_node_get_label (BW_ATTACK_NODE (record));
  if (BW_IS_ATTACK_TREE (record))
    return bw_attack_tree_get_title (BW_ATTACK_TREE (record));
  return NULL;
}

char *
bw_report_describe_ref (BwProject  *project,
                        const char *id)
{
  BwRecord *record;
  const char *name;

  if (id == NULL || *id == '\0')
    return g_strdup ("");
  record = bw_project_lookup (project, id);
  name = record != NULL ? name_of (record) : NULL;
  if (name == NULL || *name == '\0')
    return g_strdup (id);
  return g_strdup_printf ("%s %s", id, name);
}

char *
bw_report_join_ids (const char * const *ids)
{
  if (ids == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) ids);
}

char *
bw_report_describe_risk (BwProject *project,
                         BwThreat  *threat,
                         int        stage)
{
  BwRiskMethod *method = bw_project_get_risk_method (project);
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  BwOutcome outcome = bw_risk_assessment_get_outcome (method, threat, stage);
  int e = 0, s = 0;

  if (outcome == BW_OUTCOME_UNRATED || !bw_risk_assessment_get_rating (threat, stage, &e, &s))
    return g_strdup (_("Not rated"));
  /* TRANSLATORS: exploitability × severity: outcome, e.g. "High × Critical: Uncontrolled" */
  return g_strdup_printf (_("%s × %s: %s"), exploitability[e - 1], severity[s - 1],
                          bw_outcome_describe (outcome));
}

BwReportTone
bw_report_tone_of (BwOutcome outcome)
{
  switch (outcome)
    {
    case BW_OUTCOME_ACCEPTABLE: return BW_REPORT_TONE_GOOD;
    case BW_OUTCOME_CONTROLLED: return BW_REPORT_TONE_CAUTION;
    case BW_OUTCOME_UNCONTROLLED: return BW_REPORT_TONE_BAD;
    case BW_OUTCOME_UNRATED:
    default: return BW_REPORT_TONE_NONE;
    }
}

int
bw_report_sub_level (BwReportBuild *build)
{
  return MIN (build->level + 1, 4);
}

static const char *
or_not_stated (const char *text)
{
  return text != NULL && *text != '\0' ? text : _("Not stated.");
}

/* The device and the people behind the document, on every document. */
static void
add_front_matter (BwReport  *report,
                  BwProject *project)
{
  BwModel *model = bw_project_get_model (project);
  BwDevice *device = bw_model_get_device (model);
  g_autofree char *authors = g_strjoinv (", ", (char **) bw_model_get_authors (model));
  const char * const columns[] = { _("Item"), _("Value"), NULL };

  if (*bw_model_get_description (model) != '\0')
    bw_report_add_paragraph (report, bw_model_get_description (model));
  bw_report_add_table (report, NULL, columns);
  bw_report_add_row (report, _("Project"), bw_model_get_title (model), NULL);
  bw_report_add_row (report, _("Device"), bw_device_get_name (device), NULL);
  bw_report_add_row (report, _("Manufacturer"), bw_device_get_manufacturer (device), NULL);
  bw_report_add_row (report, _("Device version"), bw_device_get_version (device), NULL);
  bw_report_add_row (report, _("Intended use"), bw_device_get_intended_use (device), NULL);
  bw_report_add_row (report, _("Environment"), bw_device_get_environment (device), NULL);
  bw_report_add_row (report, _("Authors"), authors, NULL);
  bw_report_add_row (report, _("Created"), bw_model_get_created (model), NULL);
  bw_report_add_row (report, _("Last modified"), bw_model_get_modified (model), NULL);
  bw_report_add_row (report, _("Generated by"), "Bulwark " PACKAGE_VERSION, NULL);
}

/* ---- Security concept ---------------------------------------------- */

void
bw_report_build_concept (BwReportBuild *build)
{
  BwReport *report = build->report;
  BwProject *project = build->project;
  BwSecurityConcept *concept = bw_model_get_security_concept (bw_project_get_model (project));
  GListModel *assumptions = bw_project_get_assumptions (project);
  GListModel *objectives = bw_project_get_objectives (project);
  GListModel *requirements = bw_project_get_requirements (project);
  guint n;

  bw_report_add_heading (report, build->level, "concept-assumptions", _("Assumptions"));
  n = g_list_model_get_n_items (assumptions);
  if (n == 0)
    bw_report_add_paragraph (report, _("No assumptions are recorded."));
  else
    {
      const char * const columns[] = { _("ID"), _("Assumption"), _("Elements"), NULL };

      bw_report_add_table (report, NULL, columns);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwAssumption) assumption = g_list_model_get_item (assumptions, i);
          g_autofree char *elements = bw_report_join_ids (bw_assumption_get_elements (assumption));

          bw_report_add_row (report, bw_record_get_id (BW_RECORD (assumption)),
                             bw_assumption_get_text (assumption), elements, NULL);
        }
    }

  bw_report_add_heading (report, build->level, "concept-constraints", _("Constraints"));
  bw_report_add_paragraph (report, or_not_stated (bw_security_concept_get_constraints (concept)));
  bw_report_add_heading (report, build->level, "concept-policies", _("Policies"));
  bw_report_add_paragraph (report, or_not_stated (bw_security_concept_get_policies (concept)));

  bw_report_add_heading (report, build->level, "concept-objectives", _("Security objectives"));
  n = g_list_model_get_n_items (objectives);
  if (n == 0)
    bw_report_add_paragraph (report, _("No security objectives are defined yet."));
  else
    {
      const char * const columns[] = { _("ID"), _("Objective"), _("Scope"), _("Category"), _("Threats"), NULL };

      bw_report_add_table (report, NULL, columns);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
          g_autofree char *threats = bw_report_join_ids (bw_objective_get_threats (objective));

          bw_report_add_row (report, bw_record_get_id (BW_RECORD (objective)),
                             bw_objective_get_text (objective),
                             bw_report_label (bw_objective_get_scope (objective)),
                             bw_report_label (bw_objective_get_category (objective)),
                             threats, NULL);
        }
    }

  bw_report_add_heading (report, build->level, "concept-requirements", _("Security requirements"));
  n = g_list_model_get_n_items (requirements);
  if (n == 0)
    bw_report_add_paragraph (report, _("No security requirements are defined yet."));
  else
    {
      const char * const columns[] = { _("ID"), _("Requirement"), _("Objective"), _("Verification"),
                                       _("Reference"), _("Status"), NULL };

      bw_report_add_table (report, build->final ? NULL : "requirements", columns);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwRequirement) requirement = g_list_model_get_item (requirements, i);
          const char *objective = bw_requirement_get_objective (requirement);

          bw_report_add_row (report, bw_record_get_id (BW_RECORD (requirement)),
                             bw_requirement_get_text (requirement),
                             objective != NULL ? objective : "",
                             bw_report_label (bw_requirement_get_verification (requirement)),
                             bw_requirement_get_verification_ref (requirement),
                             bw_report_label (bw_requirement_get_status (requirement)), NULL);
        }
    }
}

/* ---- Security analysis: figures -------------------------------------- */

/* The scene is laid out once and drawn for every writer (the HTML's SVG,
 * the PDF, a printout): on a large diagram the layout costs more than the
 * drawing. */
typedef struct
{
  BwPainterScene *scene;
  BwRect          extents;
} DiagramFigure;

static void
diagram_figure_free (gpointer data)
{
  DiagramFigure *figure = data;

  bw_painter_scene_free (figure->scene);
  g_free (figure);
}

static void
draw_diagram (cairo_t  *cr,
              gpointer  data)
{
  DiagramFigure *figure = data;
  BwPaintOptions options = { .background = TRUE };

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, figure->extents.width + 2 * FIGURE_MARGIN,
                   figure->extents.height + 2 * FIGURE_MARGIN);
  cairo_clip (cr);
  cairo_translate (cr, FIGURE_MARGIN - figure->extents.x, FIGURE_MARGIN - figure->extents.y);
  bw_painter_draw_scene (cr, figure->scene, &options);
  cairo_restore (cr);
}

static void
add_diagrams (BwReportBuild *build)
{
  GListModel *diagrams = bw_project_get_diagrams (build->project);
  guint n = g_list_model_get_n_items (diagrams);

  bw_report_add_heading (build->report, build->level, "analysis-diagrams", _("Diagrams"));
  if (n == 0)
    {
      bw_report_add_paragraph (build->report, _("The project has no diagrams yet."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwDiagram) diagram = g_list_model_get_item (diagrams, i);
      const char *id = bw_record_get_id (BW_RECORD (diagram));
      const char *refines = bw_diagram_get_refines (diagram);
      g_autofree char *caption = NULL;
      g_autofree char *refined = NULL;
      g_autoptr(BwPainterScene) scene = NULL;
      DiagramFigure *figure;
      BwRect extents;

      bw_report_add_heading (build->report, bw_report_sub_level (build), NULL,
                             bw_diagram_get_name (diagram));
      if (refines != NULL)
        {
          refined = bw_report_describe_ref (build->project, refines);
          caption = g_strdup_printf (_("%s, %s (details %s)"), id,
                                     bw_report_label (bw_diagram_get_kind (diagram)), refined);
        }
      else
        caption = g_strdup_printf (_("%s, %s"), id, bw_report_label (bw_diagram_get_kind (diagram)));

      scene = bw_painter_scene_new (build->project, id);
      if (scene == NULL || !bw_painter_get_scene_extents (scene, &extents))
        {
          bw_report_add_paragraph_printf (build->report, _("%s: this diagram is empty."), caption);
          continue;
        }
      figure = g_new0 (DiagramFigure, 1);
      figure->scene = g_steal_pointer (&scene);
      figure->extents = extents;
      bw_report_add_figure (build->report, id, caption,
                            ceil (extents.width + 2 * FIGURE_MARGIN),
                            ceil (extents.height + 2 * FIGURE_MARGIN),
                            draw_diagram, figure, diagram_figure_free);
    }
}

/* ---- Security analysis: tables --------------------------------------- */

static void
add_scope (BwReportBuild *build)
{
  BwModel *model = bw_project_get_model (build->project);
  BwRiskMethod *method = bw_project_get_risk_method (build->project);

  bw_report_add_heading (build->report, build->level, "analysis-scope", _("Scope and methodology"));
  bw_report_add_heading (build->report, bw_report_sub_level (build), NULL, _("Scope"));
  bw_report_add_paragraph (build->report, or_not_stated (bw_model_get_scope (model)));
  bw_report_add_heading (build->report, bw_report_sub_level (build), NULL, _("Methodology"));
  bw_report_add_paragraph (build->report, or_not_stated (bw_model_get_methodology (model)));
  bw_report_add_paragraph_printf (build->report,
                                  _("Threats are identified per element and interaction with STRIDE and rated by exploitability and severity with the risk method “%s”, before and after the security objectives."),
                                  bw_risk_method_get_name (method));
  if (*bw_risk_method_get_acceptance (method) != '\0')
    bw_report_add_paragraph_printf (build->report, _("Risk acceptance: %s"),
                                    bw_risk_method_get_acceptance (method));
}

static void
add_assets (BwReportBuild *build)
{
  GListModel *assets = bw_project_get_assets (build->project);
  guint n = g_list_model_get_n_items (assets);
  const char * const columns[] = { _("ID"), _("Asset"), _("Kind"), _("Confidentiality"), _("Integrity"),
                                   _("Availability"), _("Safety"), NULL };

  bw_report_add_heading (build->report, build->level, "analysis-assets", _("Assets"));
  if (n == 0)
    {
      bw_report_add_paragraph (build->report, _("No assets are recorded yet."));
      return;
    }
  bw_report_add_table (build->report, NULL, columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAsset) asset = g_list_model_get_item (assets, i);

      bw_report_add_row (build->report, bw_record_get_id (BW_RECORD (asset)), bw_asset_get_name (asset),
                         bw_report_label (bw_asset_get_kind (asset)),
                         bw_report_label (bw_asset_get_confidentiality (asset)),
                         bw_report_label (bw_asset_get_integrity (asset)),
                         bw_report_label (bw_asset_get_availability (asset)),
                         bw_asset_get_safety_relevant (asset) ? _("Safety-relevant") : _("No"), NULL);
    }
}

static void
add_elements (BwReportBuild *build)
{
  GListModel *elements = bw_project_get_elements (build->project);
  guint n = g_list_model_get_n_items (elements);
  const char * const columns[] = { _("ID"), _("Kind"), _("Name"), _("Diagram"), _("Assets"), _("Scope"), NULL };

  bw_report_add_heading (build->report, build->level, "analysis-elements", _("Elements"));
  if (n == 0)
    {
      bw_report_add_paragraph (build->report, _("The system model has no elements yet."));
      return;
    }
  bw_report_add_table (build->report, NULL, columns);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
      g_autofree char *assets = bw_report_join_ids (bw_element_get_assets (element));
      g_autofree char *scope = NULL;

      if (bw_element_get_out_of_scope (element))
        scope = g_strdup_printf (_("Out of scope: %s"), bw_element_get_out_of_scope_reason (element));
      else
        scope = g_strdup (_("In scope"));
      bw_report_add_row (build->report, bw_record_get_id (BW_RECORD (element)),
                         bw_report_label (bw_element_get_kind (element)),
                         bw_element_get_name (element), bw_element_get_diagram (element),
                         assets, scope, NULL);
    }
}

static int
stride_index (const char *category)
{
  for (guint i = 0; category != NULL && i < G_N_ELEMENTS (stride); i++)
    if (category[0] == stride[i].letter && category[1] == '\0')
      return i;
  return G_N_ELEMENTS (stride);
}

typedef struct
{
  BwThreat *threat;
  guint     element_order;
  int       category;
  guint     list_order;
} ThreatKey;

static int
compare_threat_keys (gconstpointer a,
                     gconstpointer b)
{
  const ThreatKey *x = a;
  const ThreatKey *y = b;

  if (x->element_order != y->element_order)
    return x->element_order < y->element_order ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return (x->list_order > y->list_order) - (x->list_order < y->list_order);
}

/* The threats the reports show — all but the archived ones, which FORMAT.md
 * hides from reports — by element (in the model's order) and STRIDE. */
static GArray *
sorted_threats (BwProject *project)
{
  GListModel *elements = bw_project_get_elements (project);
  GListModel *threats = bw_project_get_threats (project);
  g_autoptr(GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_elements = g_list_model_get_n_items (elements);
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (ThreatKey));

  for (guint i = 0; i < n_elements; i++)
    {
      BwRecord *element = g_list_model_get_item (elements, i);

      /* The project holds the element; the table needs no reference. */
      g_hash_table_insert (order, (gpointer) bw_record_get_id (element), GUINT_TO_POINTER (i + 1));
      g_object_unref (element);
    }
  for (guint i = 0, n = g_list_model_get_n_items (threats); i < n; i++)
    {
      BwThreat *threat = g_list_model_get_item (threats, i);
      ThreatKey key = { threat, 0, 0, i };
      gpointer found = NULL;

      g_object_unref (threat);
      if (bw_threat_get_archived (threat))
        continue;
      if (bw_threat_get_target (threat) != NULL)
        found = g_hash_table_lookup (order, bw_threat_get_target (threat));
      key.element_order = found != NULL ? GPOINTER_TO_UINT (found) : n_elements + 1;
      key.category = stride_index (bw_threat_get_category (threat));
      g_array_append_val (keys, key);
    }
  g_array_sort (keys, compare_threat_keys);
  return keys;
}

static const char *
threat_status (BwThreat *threat)
{
  if (bw_threat_get_obsolete (threat))
    return _("Obsolete (the rule no longer applies)");
  if (bw_threat_get_superseded (threat))
    return _("Superseded by a refining element");
  return bw_report_label (bw_threat_get_status (threat));
}

static void
add_threats (BwReportBuild *build)
{
  BwReport *report = build->report;
  g_autoptr(GArray) keys = sorted_threats (build->project);
  guint counts[G_N_ELEMENTS (stride) + 1][5] = { { 0 } };
  static const char * const statuses[] = { "not_started", "needs_investigation", "addressed", "not_applicable" };
  const char * const summary_columns[] = { _("STRIDE"), _("Threats"), _("Not started"), _("Needs investigation"),
                                           _("Addressed"), _("Not applicable"), NULL };
  const char * const columns[] = { _("Element"), _("STRIDE"), _("ID"), _("Threat"), _("Status"), _("Treatment"),
                                   _("Rationale"), _("Risk before"), _("Risk after"), NULL };
  gboolean any_scenario = FALSE;
  BwRiskMethod *method = bw_project_get_risk_method (build->project);

  bw_report_add_heading (report, build->level, "analysis-threats", _("Threats by element and STRIDE"));
  if (keys->len == 0)
    {
      bw_report_add_paragraph (report, _("No threats are recorded yet: derive them from the diagrams."));
      return;
    }

  for (guint i = 0; i < keys->len; i++)
    {
      ThreatKey *key = &g_array_index (keys, ThreatKey, i);
      const char *status = bw_threat_get_status (key->threat);

      counts[key->category][0]++;
      for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
        if (g_strcmp0 (status, statuses[s]) == 0)
          counts[key->category][s + 1]++;
      any_scenario |= *bw_threat_get_scenario (key->threat) != '\0' ||
                      *bw_threat_get_description (key->threat) != '\0';
    }
  bw_report_add_paragraph_printf (report,
                                  g_dngettext (GETTEXT_PACKAGE, "%u threat, by STRIDE category and status:",
                                               "%u threats, by STRIDE category and status:", keys->len),
                                  keys->len);
  bw_report_add_table (report, NULL, summary_columns);
  for (guint c = 0; c < G_N_ELEMENTS (stride); c++)
    {
      g_autofree char *category = g_strdup_printf ("%c %s", stride[c].letter, _(stride[c].name));
      char cells[5][16];

      for (guint k = 0; k < 5; k++)
        g_snprintf (cells[k], sizeof cells[k], "%u", counts[c][k]);
      bw_report_add_row (report, category, cells[0], cells[1], cells[2], cells[3], cells[4], NULL);
    }

  bw_report_add_table (report, "threats", columns);
  for (guint i = 0; i < keys->len; i++)
    {
      BwThreat *threat = g_array_index (keys, ThreatKey, i).threat;
      g_autofree char *element = bw_report_describe_ref (build->project, bw_threat_get_target (threat));
      g_autofree char *before = bw_report_describe_risk (build->project, threat, BW_RISK_BEFORE);
      g_autofree char *after = bw_report_describe_risk (build->project, threat, BW_RISK_AFTER);

      bw_report_add_row (report, element, bw_threat_get_category (threat),
                         bw_record_get_id (BW_RECORD (threat)), bw_threat_get_title (threat),
                         threat_status (threat), bw_report_label (bw_threat_get_treatment (threat)),
                         bw_threat_get_rationale (threat), before, after, NULL);
      bw_report_set_cell_tone (report, 7, bw_report_tone_of (bw_risk_assessment_get_outcome (method, threat, BW_RISK_BEFORE)));
      bw_report_set_cell_tone (report, 8, bw_report_tone_of (bw_risk_assessment_get_outcome (method, threat, BW_RISK_AFTER)));
    }

  /* What each threat is and how it would be carried out, in the same
   * order; too long for a column of the table above. */
  if (any_scenario)
    {
      const char * const scenario_columns[] = { _("ID"), _("Description"), _("Scenario"), NULL };

      bw_report_add_heading (report, bw_report_sub_level (build), "analysis-scenarios",
                             _("Descriptions and scenarios"));
      bw_report_add_table (report, NULL, scenario_columns);
      for (guint i = 0; i < keys->len; i++)
        {
          BwThreat *threat = g_array_index (keys, ThreatKey, i).threat;

          if (*bw_threat_get_scenario (threat) != '\0' || *bw_threat_get_description (threat) != '\0')
            bw_report_add_row (report, bw_record_get_id (BW_RECORD (threat)), bw_threat_get_description (threat),
                               bw_threat_get_scenario (threat), NULL);
        }
    }
}

static void
add_matrix (BwReportBuild *build,
            BwRiskStage    stage,
            const char    *title)
{
  BwRiskMethod *method = bw_project_get_risk_method (build->project);
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  g_autoptr(BwRiskCounts) counts = bw_risk_counts_new (build->project, stage);
  guint n_e = bw_risk_counts_get_n_exploitability (counts);
  guint n_s = bw_risk_counts_get_n_severity (counts);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);

  bw_report_add_heading (build->report, bw_report_sub_level (build), NULL, title);
  g_ptr_array_add (columns, g_strdup (_("Exploitability ↓ severity →")));
  for (guint s = 0; s < n_s; s++)
    g_ptr_array_add (columns, g_strdup (severity[s]));
  g_ptr_array_add (columns, NULL);
  bw_report_add_table (build->report, NULL, (const char * const *) columns->pdata);

  /* Most exploitable on top, as the matrix is drawn in the app. */
  for (guint e = n_e; e >= 1; e--)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (row, g_strdup (exploitability[e - 1]));
      for (guint s = 1; s <= n_s; s++)
        g_ptr_array_add (row, g_strdup_printf ("%u · %s", bw_risk_counts_get (counts, e, s),
                                               bw_outcome_describe (bw_risk_counts_get_cell_outcome (counts, e, s))));
      g_ptr_array_add (row, NULL);
      bw_report_add_row_strv (build->report, (GStrv) row->pdata);
      for (guint s = 1; s <= n_s; s++)
        bw_report_set_cell_tone (build->report, s,
                                 bw_report_tone_of (bw_risk_counts_get_cell_outcome (counts, e, s)));
    }
  bw_report_add_paragraph_printf (build->report,
                                  _("Acceptable: %u · controlled: %u · uncontrolled: %u · not rated: %u."),
                                  bw_risk_counts_get_total (counts, BW_OUTCOME_ACCEPTABLE),
                                  bw_risk_counts_get_total (counts, BW_OUTCOME_CONTROLLED),
                                  bw_risk_counts_get_total (counts, BW_OUTCOME_UNCONTROLLED),
                                  bw_risk_counts_get_unrated (counts));
}

static void
add_safety (BwReportBuild *build)
{
  BwReport *report = build->report;
  GListModel *hazards = bw_project_get_hazards (build->project);
  GListModel *threats = bw_project_get_threats (build->project);
  guint n_hazards = g_list_model_get_n_items (hazards);
  const char * const hazard_columns[] = { _("ID"), _("Hazard"), _("Harm"), _("Severity"), _("Reference"), NULL };
  const char * const link_columns[] = { _("Threat"), _("Safety impact"), _("Hazards"), _("Patients"), NULL };
  const char * const *severity = bw_risk_method_get_severity (bw_project_get_risk_method (build->project));
  guint n_severity = g_strv_length ((char **) severity);
  gboolean any = FALSE;

  bw_report_add_heading (report, build->level, "analysis-safety", _("Safety links"));
  if (n_hazards == 0)
    bw_report_add_paragraph (report, _("No hazards of the safety risk file are referenced."));
  else
    {
      bw_report_add_table (report, NULL, hazard_columns);
      for (guint i = 0; i < n_hazards; i++)
        {
          g_autoptr(BwHazard) hazard = g_list_model_get_item (hazards, i);
          int level = bw_hazard_get_severity (hazard);

          bw_report_add_row (report, bw_record_get_id (BW_RECORD (hazard)), bw_hazard_get_name (hazard),
                             bw_hazard_get_harm (hazard),
                             level >= 1 && (guint) level <= n_severity ? severity[level - 1] : "",
                             bw_hazard_get_reference (hazard), NULL);
        }
    }

  for (guint i = 0, n = g_list_model_get_n_items (threats); i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      BwRisk *risk = bw_threat_get_risk (threat);
      g_autofree char *label = NULL;
      g_autofree char *linked = NULL;
      const char *impact;

      if (bw_threat_get_archived (threat) || risk == NULL ||
          (bw_risk_get_safety_impact (risk) != 1 && bw_risk_get_hazards (risk)[0] == NULL))
        continue;
      if (!any)
        {
          bw_report_add_paragraph (report, _("Threats that could harm a patient, and the hazards they lead to:"));
          bw_report_add_table (report, NULL, link_columns);
          any = TRUE;
        }
      label = bw_report_describe_ref (build->project, bw_record_get_id (BW_RECORD (threat)));
      linked = bw_report_join_ids (bw_risk_get_hazards (risk));
      impact = bw_risk_get_safety_impact (risk) == 1 ? _("Yes") : _("No");
      bw_report_add_row (report, label, impact, linked,
                         bw_risk_get_multi_patient (risk) ? _("Many at once") : _("One"), NULL);
    }
  if (!any)
    bw_report_add_paragraph (report, _("No threat is marked as able to harm a patient."));
}

void
bw_report_build_analysis (BwReportBuild *build)
{
  add_scope (build);
  add_assets (build);
  add_diagrams (build);
  add_elements (build);
  add_threats (build);
  bw_report_build_attack_trees (build);
  bw_report_add_heading (build->report, build->level, "analysis-risk", _("Risk before and after"));
  add_matrix (build, BW_RISK_BEFORE, _("Before the security objectives"));
  add_matrix (build, BW_RISK_AFTER, _("After the security objectives (residual)"));
  add_safety (build);
}

void
bw_report_build_retirement (BwReportBuild *build)
{
  BwRetirement *retirement = bw_model_get_retirement (bw_project_get_model (build->project));

  bw_report_add_heading (build->report, build->level, "retirement-archiving", _("Archiving"));
  bw_report_add_paragraph (build->report, or_not_stated (bw_retirement_get_archiving (retirement)));
  bw_report_add_heading (build->report, build->level, "retirement-deletion", _("Deletion"));
  bw_report_add_paragraph (build->report, or_not_stated (bw_retirement_get_deletion (retirement)));
  bw_report_add_heading (build->report, build->level, "retirement-retention", _("Legal retention"));
  bw_report_add_paragraph (build->report, or_not_stated (bw_retirement_get_legal_retention (retirement)));
}

/**
 * bw_report_build:
 * @project: the project
 * @document: which document of METHOD.md
 *
 * Returns: (transfer full): the document, ready for any writer
 */
BwReport *
bw_report_build (BwProject        *project,
                 BwReportDocument  document)
{
  BwModel *model;
  BwReport *report;
  BwReportBuild build = { 0 };
  g_autofree char *subtitle = NULL;
  const char *version;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (document < BW_REPORT_N_DOCUMENTS, NULL);

  model = bw_project_get_model (project);
  version = bw_device_get_version (bw_model_get_device (model));
  /* The running header of every PDF page: which model, which version. */
  if (*version != '\0')
    subtitle = g_strdup_printf (_("%s, version %s"), bw_model_get_title (model), version);
  else
    subtitle = g_strdup (bw_model_get_title (model));

  report = bw_report_new (bw_report_document_title (document), subtitle);
  bw_report_add_heading (report, 1, "top", bw_report_document_title (document));
  add_front_matter (report, project);

  build.project = project;
  build.report = report;
  build.level = 2;
  switch (document)
    {
    case BW_REPORT_CONCEPT:
      bw_report_build_concept (&build);
      break;
    case BW_REPORT_ANALYSIS:
      bw_report_build_analysis (&build);
      break;
    case BW_REPORT_VULNERABILITIES:
      bw_report_build_vulnerabilities (&build);
      break;
    case BW_REPORT_RETIREMENT:
      bw_report_build_retirement (&build);
      break;
    case BW_REPORT_FINAL:
    case BW_REPORT_N_DOCUMENTS:
    default:
      build.final = TRUE;
      build.level = 3;
      bw_report_add_heading (report, 2, "concept", bw_report_document_title (BW_REPORT_CONCEPT))->new_page = TRUE;
      bw_report_build_concept (&build);
      bw_report_add_heading (report, 2, "analysis", bw_report_document_title (BW_REPORT_ANALYSIS))->new_page = TRUE;
      bw_report_build_analysis (&build);
      bw_report_add_heading (report, 2, "vulnerabilities", bw_report_document_title (BW_REPORT_VULNERABILITIES))->new_page = TRUE;
      bw_report_build_vulnerabilities (&build);
      bw_report_add_heading (report, 2, "retirement", bw_report_document_title (BW_REPORT_RETIREMENT))->new_page = TRUE;
      bw_report_build_retirement (&build);
      bw_report_build_final_sections (&build);
      break;
    }
  return report;
}
