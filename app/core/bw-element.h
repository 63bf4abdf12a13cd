/* bw-element.h — one element of a diagram: external entity, process, data store, data flow or trust boundary
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

typedef enum
{
  BW_ELEMENT_EXTERNAL_ENTITY,
  BW_ELEMENT_PROCESS,
  BW_ELEMENT_DATA_STORE,
  BW_ELEMENT_DATA_FLOW,
  BW_ELEMENT_TRUST_BOUNDARY,
} BwElementKind;

#define BW_TYPE_ELEMENT (bw_element_get_type ())
G_DECLARE_FINAL_TYPE (BwElement, bw_element, BW, ELEMENT, BwRecord)

const char *        bw_element_get_kind (BwElement *self);
const char *        bw_element_get_diagram (BwElement *self);
const char *        bw_element_get_name (BwElement *self);
const char *        bw_element_get_description (BwElement *self);
const char *        bw_element_get_shape (BwElement *self);
const BwNumber *    bw_element_get_bounds (BwElement *self);
const char *        bw_element_get_source (BwElement *self);
const char *        bw_element_get_target (BwElement *self);
gboolean             bw_element_get_bidirectional (BwElement *self);
GArray *            bw_element_get_points (BwElement *self);
JsonObject *        bw_element_get_properties (BwElement *self);
const char * const *bw_element_get_assets (BwElement *self);
gboolean             bw_element_get_out_of_scope (BwElement *self);
const char *        bw_element_get_out_of_scope_reason (BwElement *self);
const char *        bw_element_get_refines (BwElement *self);
BwElementKind        bw_element_get_kind_enum (BwElement *self);
gboolean             bw_element_is_node (BwElement *self);
gboolean             bw_element_is_line (BwElement *self);
const char          *bw_element_kind_prefix (BwElementKind kind);
const char          *bw_element_kind_describe (BwElementKind kind);

extern const char * const bw_element_kinds[];

G_END_DECLS
