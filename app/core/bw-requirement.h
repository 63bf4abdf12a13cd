/* bw-requirement.h — a verifiable security requirement (step 5)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_REQUIREMENT (bw_requirement_get_type ())
G_DECLARE_FINAL_TYPE (BwRequirement, bw_requirement, BW, REQUIREMENT, BwRecord)

const char *bw_requirement_get_text (BwRequirement *self);
const char *bw_requirement_get_objective (BwRequirement *self);
const char *bw_requirement_get_verification (BwRequirement *self);
const char *bw_requirement_get_verification_ref (BwRequirement *self);
const char *bw_requirement_get_status (BwRequirement *self);

G_END_DECLS
