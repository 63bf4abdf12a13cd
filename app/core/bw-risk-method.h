/* bw-risk-method.h — scales and outcome matrix of the risk assessment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_RISK_METHOD (bw_risk_method_get_type ())
G_DECLARE_FINAL_TYPE (BwRiskMethod, bw_risk_method, BW, RISK_METHOD, BwRecord)

const char *        bw_risk_method_get_name (BwRiskMethod *self);
const char * const *bw_risk_method_get_exploitability (BwRiskMethod *self);
const char * const *bw_risk_method_get_severity (BwRiskMethod *self);
GPtrArray *         bw_risk_method_get_matrix (BwRiskMethod *self);
const char *        bw_risk_method_get_acceptance (BwRiskMethod *self);
const char *        bw_risk_method_get_outcome (BwRiskMethod *self,
                                                int           exploitability,
                                                int           severity);

G_END_DECLS
