/* bw-export-threat-dragon.h — a project as an OWASP Threat Dragon v2 model
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

GBytes *bw_export_threat_dragon (BwProject  *project,
                                 GPtrArray **report);

G_END_DECLS
