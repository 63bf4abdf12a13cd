/* bw-hazard.h — a hazard of the ISO 14971 risk file that a threat can lead to
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_HAZARD (bw_hazard_get_type ())
G_DECLARE_FINAL_TYPE (BwHazard, bw_hazard, BW, HAZARD, BwRecord)

const char *bw_hazard_get_name (BwHazard *self);
const char *bw_hazard_get_harm (BwHazard *self);
int          bw_hazard_get_severity (BwHazard *self);
const char *bw_hazard_get_reference (BwHazard *self);

G_END_DECLS
