/* bw-component.h — a tool or library the device uses (an SBOM entry)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_COMPONENT (bw_component_get_type ())
G_DECLARE_FINAL_TYPE (BwComponent, bw_component, BW, COMPONENT, BwRecord)

const char *        bw_component_get_name (BwComponent *self);
const char *        bw_component_get_version (BwComponent *self);
const char *        bw_component_get_supplier (BwComponent *self);
const char *        bw_component_get_purl (BwComponent *self);
const char *        bw_component_get_cpe (BwComponent *self);
const char *        bw_component_get_license (BwComponent *self);
const char *        bw_component_get_support (BwComponent *self);
const char *        bw_component_get_end_of_support (BwComponent *self);
const char * const *bw_component_get_elements (BwComponent *self);
GListModel *        bw_component_get_vulnerabilities (BwComponent *self);

G_END_DECLS
