/* bw-residual.h — the rating of a threat once its objectives are in place
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_RESIDUAL (bw_residual_get_type ())
G_DECLARE_FINAL_TYPE (BwResidual, bw_residual, BW, RESIDUAL, BwRecord)

int bw_residual_get_exploitability (BwResidual *self);
int bw_residual_get_severity (BwResidual *self);

G_END_DECLS
