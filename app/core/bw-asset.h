/* bw-asset.h — something worth protecting (step 1)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_ASSET (bw_asset_get_type ())
G_DECLARE_FINAL_TYPE (BwAsset, bw_asset, BW, ASSET, BwRecord)

const char *bw_asset_get_name (BwAsset *self);
const char *bw_asset_get_kind (BwAsset *self);
const char *bw_asset_get_description (BwAsset *self);
const char *bw_asset_get_confidentiality (BwAsset *self);
const char *bw_asset_get_integrity (BwAsset *self);
const char *bw_asset_get_availability (BwAsset *self);
gboolean     bw_asset_get_safety_relevant (BwAsset *self);

G_END_DECLS
