/* bw-objective.h — a security objective (step 4)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_OBJECTIVE (bw_objective_get_type ())
G_DECLARE_FINAL_TYPE (BwObjective, bw_objective, BW, OBJECTIVE, BwRecord)

const char *        bw_objective_get_text (BwObjective *self);
const char *        bw_objective_get_scope (BwObjective *self);
const char *        bw_objective_get_category (BwObjective *self);
const char * const *bw_objective_get_threats (BwObjective *self);

extern const char * const bw_objective_categories[];

G_END_DECLS
