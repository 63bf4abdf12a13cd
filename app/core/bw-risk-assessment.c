/* bw-risk-assessment.c — outcomes of threat ratings on the project's matrix
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-risk-assessment.h"

static const char * const outcome_names[] = { NULL, "acceptable", "controlled", "uncontrolled" };
static const char * const outcome_labels[] = { N_("Not rated"), N_("Acceptable"), N_("Controlled"), N_("Uncontrolled") };

BwOutcome
bw_outcome_from_string (const char *outcome)
{
  for (guint i = BW_OUTCOME_ACCEPTABLE; i <= BW_OUTCOME_UNCONTROLLED; i++)
    if (g_strcmp0 (outcome, outcome_names[i]) == 0)
      return (BwOutcome) i;
  return BW_OUTCOME_UNRATED;
}

/* The value of FORMAT.md's matrix, or NULL for an unrated threat. */
const char *
bw_outcome_to_string (BwOutcome outcome)
{
  g_return_val_if_fail (outcome <= BW_OUTCOME_UNCONTROLLED, NULL);

  return outcome_names[outcome];
}

const char *
bw_outcome_describe (BwOutcome outcome)
{
  g_return_val_if_fail (outcome <= BW_OUTCOME_UNCONTROLLED, NULL);

  return _(outcome_labels[outcome]);
}

/* Whether a threat takes part in the assessment: archived threats are
 * hidden from lists and reports, obsolete ones no longer apply, superseded
 * ones are carried by the refining elements, and a threat judged not
 * applicable poses no risk. */
gboolean
bw_risk_assessment_is_active (BwThreat *threat)
{
  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  return !bw_threat_get_archived (threat)
         && !bw_threat_get_obsolete (threat)
         && !bw_threat_get_superseded (threat)
         && g_strcmp0 (bw_threat_get_status (threat), "not_applicable") != 0;
}

/* The levels of a rating (1-based); FALSE, with the levels set to 0, when
 * the rating or one of its levels is missing. */
gboolean
bw_risk_assessment_get_rating (BwThreat    *threat,
                               BwRiskStage  stage,
                               int         *exploitability,
                               int         *severity)
{
  int e = 0;
  int s = 0;

  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  if (stage == BW_RISK_AFTER && bw_threat_get_residual (threat) != NULL)
    {
      BwResidual *residual = bw_threat_get_residual (threat);

      e = bw_residual_get_exploitability (residual);
      s = bw_residual_get_severity (residual);
    }
  else if (bw_threat_get_risk (threat) != NULL)
    {
      BwRisk *risk = bw_threat_get_risk (threat);

      e = bw_risk_get_exploitability (risk);
      s = bw_risk_get_severity (risk);
    }
  if (e <= 0 || s <= 0)
    e = s = 0;
  if (exploitability != NULL)
    *exploitability = e;
  if (severity != NULL)
    *severity = s;
  return e > 0;
}

BwOutcome
bw_risk_assessment_get_outcome (BwRiskMethod *method,
                                BwThreat     *threat,
                                BwRiskStage   stage)
{
  int e;
  int s;

  g_return_val_if_fail (BW_IS_RISK_METHOD (method), BW_OUTCOME_UNRATED);
  g_return_val_if_fail (BW_IS_THREAT (threat), BW_OUTCOME_UNRATED);

  if (!bw_risk_assessment_get_rating (threat, stage, &e, &s))
    return BW_OUTCOME_UNRATED;
  return bw_outcome_from_string (bw_risk_method_get_outcome (method, e, s));
}

/* For a matrix view's "click a cell to filter the threat table". */
gboolean
bw_risk_assessment_in_cell (BwThreat    *threat,
                            BwRiskStage  stage,
                            int          exploitability,
                            int          severity)
{
  int e;
  int s;

  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  return bw_risk_assessment_is_active (threat)
         && bw_risk_assessment_get_rating (threat, stage, &e, &s)
         && e == exploitability && s == severity;
}

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* An uncontrolled residual risk is tolerable only as an explicit decision
 * (METHOD.md): treatment "accept" with a rationale, which for such a risk is
 * the benefit-risk argument.  A mitigation's rationale explains the
 * measure, not why the remaining risk is worth taking, so it does not count. */
gboolean
bw_risk_assessment_lacks_benefit_risk (BwRiskMethod *method,
                                       BwThreat     *threat)
{
  g_return_val_if_fail (BW_IS_RISK_METHOD (method), FALSE);
  g_return_val_if_fail (BW_IS_THREAT (threat), FALSE);

  if (!bw_risk_assessment_is_active (threat))
    return FALSE;
  if (bw_risk_assessment_get_outcome (method, threat, BW_RISK_AFTER) != BW_OUTCOME_UNCONTROLLED)
    return FALSE;
  return !(g_strcmp0 (bw_threat_get_treatment (threat), "accept") == 0
           && !is_blank (bw_threat_get_rationale (threat)));
}

/* The threats (borrowed) whose residual risk is uncontrolled and not
 * accepted with a benefit-risk rationale, in the project's order. */
GPtrArray *
bw_risk_assessment_dup_uncontrolled_residuals (BwProject *project)
{
  GListModel *threats;
  BwRiskMethod *method;
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  threats = bw_project_get_threats (project);
  method = bw_project_get_risk_method (project);
  result = g_ptr_array_new ();
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (bw_risk_assessment_lacks_benefit_risk (method, threat))
        g_ptr_array_add (result, threat);
    }
  return result;
}

struct _BwRiskCounts
{
  gatomicrefcount ref_count;
  guint n_exploitability;
  guint n_severity;
  guint *cells;            /* [(e-1) * n_severity + (s-1)] */
  const char **outcomes;   /* the matrix, interned */
  guint unrated;
  guint totals[BW_OUTCOME_UNCONTROLLED + 1];
};

G_DEFINE_BOXED_TYPE (BwRiskCounts, bw_risk_counts, bw_risk_counts_ref, bw_risk_counts_unref)

/* Counts the active threats per cell of the matrix at one stage; threats
 * without a complete rating, or rated off the matrix, are "unrated". */
BwRiskCounts *
bw_risk_counts_new (BwProject   *project,
                    BwRiskStage  stage)
{
  BwRiskCounts *self;
  BwRiskMethod *method;
  GPtrArray *matrix;
  GListModel *threats;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  method = bw_project_get_risk_method (project);
  matrix = bw_risk_method_get_matrix (method);
  self = g_new0 (BwRiskCounts, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_exploitability = matrix->len;
  for (guint e = 0; e < matrix->len; e++)
    self->n_severity = MAX (self->n_severity, g_strv_length (g_ptr_array_index (matrix, e)));
  self->cells = g_new0 (guint, MAX (1, self->n_exploitability * self->n_severity));
  self->outcomes = g_new0 (const char *, MAX (1, self->n_exploitability * self->n_severity));
  for (guint e = 1; e <= self->n_exploitability; e++)
    for (guint s = 1; s <= self->n_severity; s++)
      self->outcomes[(e - 1) * self->n_severity + (s - 1)] =
        g_intern_string (bw_risk_method_get_outcome (method, e, s));

  threats = bw_project_get_threats (project);
  n = g_list_model_get_n_items (threats);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      int e;
      int s;
      const char *outcome;

      if (!bw_risk_assessment_is_active (threat))
        continue;
      outcome = NULL;
      if (bw_risk_assessment_get_rating (threat, stage, &e, &s)
          && (guint) e <= self->n_exploitability && (guint) s <= self->n_severity)
        outcome = self->outcomes[(e - 1) * self->n_severity + (s - 1)];
      if (outcome == NULL)
        {
          self->unrated++;
          self->totals[BW_OUTCOME_UNRATED]++;
          continue;
        }
      self->cells[(e - 1) * self->n_severity + (s - 1)]++;
      self->totals[bw_outcome_from_string (outcome)]++;
    }
  return self;
}

BwRiskCounts *
bw_risk_counts_ref (BwRiskCounts *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bw_risk_counts_unref (BwRiskCounts *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->cells);
  g_free (self->outcomes);
  g_free (self);
}

guint
bw_risk_counts_get_n_exploitability (BwRiskCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_exploitability;
}

guint
bw_risk_counts_get_n_severity (BwRiskCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_severity;
}

/* Levels are 1-based; 0 outside the matrix. */
guint
bw_risk_counts_get (BwRiskCounts *self,
                    int           exploitability,
                    int           severity)
{
  g_return_val_if_fail (self != NULL, 0);

  if (exploitability < 1 || (guint) exploitability > self->n_exploitability
      || severity < 1 || (guint) severity > self->n_severity)
    return 0;
  return self->cells[(exploitability - 1) * self->n_severity + (severity - 1)];
}

BwOutcome
bw_risk_counts_get_cell_outcome (BwRiskCounts *self,
                                 int           exploitability,
                                 int           severity)
{
  g_return_val_if_fail (self != NULL, BW_OUTCOME_UNRATED);

  if (exploitability < 1 || (guint) exploitability > self->n_exploitability
      || severity < 1 || (guint) severity > self->n_severity)
    return BW_OUTCOME_UNRATED;
  return bw_outcome_from_string (self->outcomes[(exploitability - 1) * self->n_severity + (severity - 1)]);
}

guint
bw_risk_counts_get_unrated (BwRiskCounts *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->unrated;
}

guint
bw_risk_counts_get_total (BwRiskCounts *self,
                          BwOutcome     outcome)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (outcome <= BW_OUTCOME_UNCONTROLLED, 0);

  return self->totals[outcome];
}
