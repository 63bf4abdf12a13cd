/* bw-asset.c — something worth protecting (step 1)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-asset.h"

struct _BwAsset
{
  BwRecord parent_instance;

  char *name;
  const char *kind;
  char *description;
  const char *confidentiality;
  const char *integrity;
  const char *availability;
  gboolean safety_relevant;
};

G_DEFINE_FINAL_TYPE (BwAsset, bw_asset, BW_TYPE_RECORD)

static const char * const asset_kinds[] = { "data", "function", "property", NULL };

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwAsset, name) },
  { "kind", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwAsset, kind), .values = asset_kinds },
  { "description", BW_FIELD_STRING, G_STRUCT_OFFSET (BwAsset, description) },
  { "confidentiality", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwAsset, confidentiality), .values = bw_levels_cia },
  { "integrity", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwAsset, integrity), .values = bw_levels_cia },
  { "availability", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwAsset, availability), .values = bw_levels_cia },
  { "safety_relevant", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwAsset, safety_relevant) },
};

static void
bw_asset_class_init (BwAssetClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "A";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_asset_init (BwAsset *self)
{
}

const char *
bw_asset_get_name (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->name;
}

const char *
bw_asset_get_kind (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->kind;
}

const char *
bw_asset_get_description (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->description;
}

const char *
bw_asset_get_confidentiality (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->confidentiality;
}

const char *
bw_asset_get_integrity (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->integrity;
}

const char *
bw_asset_get_availability (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), NULL);

  return self->availability;
}

gboolean
bw_asset_get_safety_relevant (BwAsset *self)
{
  g_return_val_if_fail (BW_IS_ASSET (self), 0);

  return self->safety_relevant;
}
