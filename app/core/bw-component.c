/* bw-component.c — a tool or library the device uses (an SBOM entry)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-component.h"
#include "bw-vulnerability.h"

struct _BwComponent
{
  BwRecord parent_instance;

  char *name;
  char *version;
  char *supplier;
  char *purl;
  char *cpe;
  char *license;
  const char *support;
  char *end_of_support;
  char **elements;
  GListStore *vulnerabilities;
};

G_DEFINE_FINAL_TYPE (BwComponent, bw_component, BW_TYPE_RECORD)

static const char * const support_levels[] = { "active", "limited", "none", "unknown", NULL };

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, name) },
  { "version", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, version) },
  { "supplier", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, supplier) },
  { "purl", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, purl) },
  { "cpe", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, cpe) },
  { "license", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, license) },
  { "support", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwComponent, support), .values = support_levels, .fallback = "unknown" },
  { "end_of_support", BW_FIELD_STRING, G_STRUCT_OFFSET (BwComponent, end_of_support) },
  { "elements", BW_FIELD_REFS, G_STRUCT_OFFSET (BwComponent, elements), .refs = "EE P DS DF TB" },
  { "vulnerabilities", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwComponent, vulnerabilities), .record_type = bw_vulnerability_get_type },
};

static void
bw_component_class_init (BwComponentClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "C";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_component_init (BwComponent *self)
{
}

const char *
bw_component_get_name (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->name;
}

const char *
bw_component_get_version (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->version;
}

const char *
bw_component_get_supplier (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->supplier;
}

const char *
bw_component_get_purl (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->purl;
}

const char *
bw_component_get_cpe (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->cpe;
}

const char *
bw_component_get_license (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->license;
}

const char *
bw_component_get_support (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->support;
}

const char *
bw_component_get_end_of_support (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return self->end_of_support;
}

const char * const *
bw_component_get_elements (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return (const char * const *) self->elements;
}

GListModel *
bw_component_get_vulnerabilities (BwComponent *self)
{
  g_return_val_if_fail (BW_IS_COMPONENT (self), NULL);

  return G_LIST_MODEL (self->vulnerabilities);
}
