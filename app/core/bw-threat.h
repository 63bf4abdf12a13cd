/* bw-threat.h — a threat to an element: derived by a rule or entered by hand
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"
#include "bw-residual.h"
#include "bw-risk.h"

G_BEGIN_DECLS

#define BW_TYPE_THREAT (bw_threat_get_type ())
G_DECLARE_FINAL_TYPE (BwThreat, bw_threat, BW, THREAT, BwRecord)

const char *        bw_threat_get_origin (BwThreat *self);
const char *        bw_threat_get_rule (BwThreat *self);
const char *        bw_threat_get_target (BwThreat *self);
const char * const *bw_threat_get_interaction (BwThreat *self);
const char *        bw_threat_get_category (BwThreat *self);
const char *        bw_threat_get_title (BwThreat *self);
const char *        bw_threat_get_description (BwThreat *self);
const char *        bw_threat_get_status (BwThreat *self);
const char *        bw_threat_get_treatment (BwThreat *self);
const char *        bw_threat_get_rationale (BwThreat *self);
const char *        bw_threat_get_scenario (BwThreat *self);
const char * const *bw_threat_get_sources (BwThreat *self);
BwRisk *            bw_threat_get_risk (BwThreat *self);
BwResidual *        bw_threat_get_residual (BwThreat *self);
const char * const *bw_threat_get_objectives (BwThreat *self);
const char * const *bw_threat_get_attack_trees (BwThreat *self);
gboolean             bw_threat_get_archived (BwThreat *self);
gboolean             bw_threat_get_superseded (BwThreat *self);
gboolean             bw_threat_get_obsolete (BwThreat *self);
GListModel *        bw_threat_get_history (BwThreat *self);

extern const char * const bw_stride_categories[];

G_END_DECLS
