/* bw-risk-presets.h — the risk methods a new project can start with
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

/* Presets by ID: "default" is METHOD.md's 5×5 matrix; "conservative"
 * keeps its scales (so every rating means the same) with a stricter
 * matrix: one level less exploitability or severity already makes a risk
 * controlled or uncontrolled. */
#define BW_RISK_PRESET_DEFAULT "default"
#define BW_RISK_PRESET_CONSERVATIVE "conservative"

/* The preset IDs, NULL-terminated. */
const char * const *bw_risk_presets_list (void);
/* A new, empty, unmodified project using the preset; NULL and an error
 * for an unknown ID. */
BwProject *bw_project_new_with_risk_preset (const char  *preset,
                                            GError     **error);

G_END_DECLS
