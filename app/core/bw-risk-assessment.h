/* bw-risk-assessment.h — outcomes of threat ratings on the project's matrix
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Outcomes are derived, never stored (FORMAT.md): they are looked up in the
 * project's risk_method matrix each time.  "Before" is the threat's `risk`
 * rating, "after" its `residual` rating.  A threat without a `residual`
 * rating has nothing credited yet, so its after-rating is its
 * before-rating; a `residual` with a level missing is unrated.
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

typedef enum
{
  BW_OUTCOME_UNRATED,       /* a level missing or off the scale */
  BW_OUTCOME_ACCEPTABLE,
  BW_OUTCOME_CONTROLLED,
  BW_OUTCOME_UNCONTROLLED,
} BwOutcome;

typedef enum
{
  BW_RISK_BEFORE,   /* `risk`: before the objectives */
  BW_RISK_AFTER,    /* `residual`: once the objectives are in place */
} BwRiskStage;

BwOutcome      bw_outcome_from_string          (const char    *outcome);
const char    *bw_outcome_to_string            (BwOutcome      outcome);
const char    *bw_outcome_describe             (BwOutcome      outcome);

gboolean       bw_risk_assessment_is_active    (BwThreat      *threat);
gboolean       bw_risk_assessment_get_rating   (BwThreat      *threat,
                                                BwRiskStage    stage,
                                                int           *exploitability,
                                                int           *severity);
BwOutcome      bw_risk_assessment_get_outcome  (BwRiskMethod  *method,
                                                BwThreat      *threat,
                                                BwRiskStage    stage);
gboolean       bw_risk_assessment_in_cell      (BwThreat      *threat,
                                                BwRiskStage    stage,
                                                int            exploitability,
                                                int            severity);
gboolean       bw_risk_assessment_lacks_benefit_risk (BwRiskMethod *method,
                                                BwThreat      *threat);
GPtrArray     *bw_risk_assessment_dup_uncontrolled_residuals (BwProject *project);

/* Counts per matrix cell, for a risk-matrix view. */
typedef struct _BwRiskCounts BwRiskCounts;

#define BW_TYPE_RISK_COUNTS (bw_risk_counts_get_type ())
GType          bw_risk_counts_get_type         (void) G_GNUC_CONST;

BwRiskCounts  *bw_risk_counts_new              (BwProject     *project,
                                                BwRiskStage    stage);
BwRiskCounts  *bw_risk_counts_ref              (BwRiskCounts  *self);
void           bw_risk_counts_unref            (BwRiskCounts  *self);
guint          bw_risk_counts_get_n_exploitability (BwRiskCounts *self);
guint          bw_risk_counts_get_n_severity   (BwRiskCounts  *self);
guint          bw_risk_counts_get              (BwRiskCounts  *self,
                                                int            exploitability,
                                                int            severity);
BwOutcome      bw_risk_counts_get_cell_outcome (BwRiskCounts  *self,
                                                int            exploitability,
                                                int            severity);
guint          bw_risk_counts_get_unrated      (BwRiskCounts  *self);
guint          bw_risk_counts_get_total        (BwRiskCounts  *self,
                                                BwOutcome      outcome);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwRiskCounts, bw_risk_counts_unref)

G_END_DECLS
