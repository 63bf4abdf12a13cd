/* bw-assumption.h — an assumption about the system or its environment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_ASSUMPTION (bw_assumption_get_type ())
G_DECLARE_FINAL_TYPE (BwAssumption, bw_assumption, BW, ASSUMPTION, BwRecord)

const char *        bw_assumption_get_text (BwAssumption *self);
const char * const *bw_assumption_get_elements (BwAssumption *self);

G_END_DECLS
