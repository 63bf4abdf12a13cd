/* bw-risk.h — the rating of a threat before its objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_RISK (bw_risk_get_type ())
G_DECLARE_FINAL_TYPE (BwRisk, bw_risk, BW, RISK, BwRecord)

int                  bw_risk_get_exploitability (BwRisk *self);
int                  bw_risk_get_severity (BwRisk *self);
const char *        bw_risk_get_cvss (BwRisk *self);
int                  bw_risk_get_safety_impact (BwRisk *self);
const char * const *bw_risk_get_hazards (BwRisk *self);
gboolean             bw_risk_get_multi_patient (BwRisk *self);

G_END_DECLS
