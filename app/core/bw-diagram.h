/* bw-diagram.h — a context or data-flow diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_DIAGRAM (bw_diagram_get_type ())
G_DECLARE_FINAL_TYPE (BwDiagram, bw_diagram, BW, DIAGRAM, BwRecord)

const char *bw_diagram_get_name (BwDiagram *self);
const char *bw_diagram_get_kind (BwDiagram *self);
const char *bw_diagram_get_refines (BwDiagram *self);

G_END_DECLS
