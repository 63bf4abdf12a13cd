/* bw-export-otm.h — a project as an Open Threat Model (OTM) document
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

GBytes     *bw_export_otm               (BwProject  *project,
                                         GPtrArray **report);

/* Shared with the Threat Dragon exporter: element ID → GPtrArray of its
 * threats, in file order. */
GHashTable *bw_export_threats_by_target (BwProject  *project);

G_END_DECLS
