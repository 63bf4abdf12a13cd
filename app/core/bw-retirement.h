/* bw-retirement.h — the retirement plan
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_RETIREMENT (bw_retirement_get_type ())
G_DECLARE_FINAL_TYPE (BwRetirement, bw_retirement, BW, RETIREMENT, BwRecord)

const char *bw_retirement_get_archiving (BwRetirement *self);
const char *bw_retirement_get_deletion (BwRetirement *self);
const char *bw_retirement_get_legal_retention (BwRetirement *self);

G_END_DECLS
