/* bw-traceability.h — asset → element → threat → risk → objective → requirement → verification
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The traceability matrix of METHOD.md, one row per path, computed from the
 * project on demand (never stored).  Only active threats take part (see
 * bw_risk_assessment_is_active()); summary elements (an element another
 * element refines, a process a diagram refines) are left out, because
 * their detail — and their threats — live on the refining elements.
 *
 * Rows come in this order: for each asset, each element carrying it, each
 * threat on that element, each objective of the threat, each requirement of
 * the objective; then threats whose element carries no asset; then
 * objectives no listed threat links; then requirements of no objective.
 * A missing link ends the path and is marked as a gap.
 */
#pragma once

#include "bw-project.h"
#include "bw-risk-assessment.h"

G_BEGIN_DECLS

typedef enum
{
  BW_TRACE_GAP_NONE         = 0,
  BW_TRACE_GAP_ASSET        = 1 << 0,  /* the threat's element carries no asset */
  BW_TRACE_GAP_ELEMENT      = 1 << 1,  /* the asset is carried by no element */
  BW_TRACE_GAP_THREAT       = 1 << 2,  /* no threat on the element, or the objective counters none */
  BW_TRACE_GAP_RATING       = 1 << 3,  /* the threat has no complete rating */
  BW_TRACE_GAP_OBJECTIVE    = 1 << 4,  /* an untreated or mitigated threat without objective; a requirement without objective */
  BW_TRACE_GAP_REQUIREMENT  = 1 << 5,  /* a system objective without requirement */
  BW_TRACE_GAP_VERIFICATION = 1 << 6,  /* a requirement without a verification reference */
} BwTraceGaps;

#define BW_TYPE_TRACE_ROW (bw_trace_row_get_type ())
G_DECLARE_FINAL_TYPE (BwTraceRow, bw_trace_row, BW, TRACE_ROW, GObject)

/* Each link may be NULL (the path ends before it, or starts after it). */
BwAsset       *bw_trace_row_get_asset         (BwTraceRow    *self);
BwElement     *bw_trace_row_get_element       (BwTraceRow    *self);
BwThreat      *bw_trace_row_get_threat        (BwTraceRow    *self);
BwObjective   *bw_trace_row_get_objective     (BwTraceRow    *self);
BwRequirement *bw_trace_row_get_requirement   (BwTraceRow    *self);
BwOutcome      bw_trace_row_get_outcome       (BwTraceRow    *self,
                                               BwRiskStage    stage);
BwTraceGaps    bw_trace_row_get_gaps          (BwTraceRow    *self);

GListModel    *bw_traceability_build          (BwProject     *project);
char          *bw_traceability_to_csv         (GListModel    *rows);
char          *bw_trace_gaps_to_string        (BwTraceGaps    gaps);
char          *bw_trace_gaps_describe         (BwTraceGaps    gaps);

/* The other directions.  Arrays of borrowed records, in project order. */
GHashTable    *bw_traceability_dup_summary_ids (BwProject    *project);
GPtrArray     *bw_traceability_threats_for_hazard (BwProject *project,
                                               const char    *hazard_id);
GPtrArray     *bw_traceability_elements_for_asset (BwProject *project,
                                               const char    *asset_id);
GPtrArray     *bw_traceability_threats_for_asset (BwProject  *project,
                                               const char    *asset_id);
GPtrArray     *bw_traceability_requirements_for_threat (BwProject *project,
                                               const char    *threat_id);
GPtrArray     *bw_traceability_requirements_for_objective (BwProject *project,
                                               const char    *objective_id);
gboolean       bw_traceability_objective_lacks_requirement (BwProject *project,
                                               BwObjective   *objective);
GPtrArray     *bw_traceability_threats_for_requirement (BwProject *project,
                                               const char    *requirement_id);
GPtrArray     *bw_traceability_assets_for_requirement (BwProject *project,
                                               const char    *requirement_id);

G_END_DECLS
