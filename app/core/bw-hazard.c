/* bw-hazard.c — a hazard of the ISO 14971 risk file that a threat can lead to
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-hazard.h"

struct _BwHazard
{
  BwRecord parent_instance;

  char *name;
  char *harm;
  int severity;
  char *reference;
};

G_DEFINE_FINAL_TYPE (BwHazard, bw_hazard, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "name", BW_FIELD_STRING, G_STRUCT_OFFSET (BwHazard, name) },
  { "harm", BW_FIELD_STRING, G_STRUCT_OFFSET (BwHazard, harm) },
  { "severity", BW_FIELD_LEVEL, G_STRUCT_OFFSET (BwHazard, severity), .refs = "severity" },
  { "reference", BW_FIELD_STRING, G_STRUCT_OFFSET (BwHazard, reference) },
};

static void
bw_hazard_class_init (BwHazardClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "H";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_hazard_init (BwHazard *self)
{
}

const char *
bw_hazard_get_name (BwHazard *self)
{
  g_return_val_if_fail (BW_IS_HAZARD (self), NULL);

  return self->name;
}

const char *
bw_hazard_get_harm (BwHazard *self)
{
  g_return_val_if_fail (BW_IS_HAZARD (self), NULL);

  return self->harm;
}

int
bw_hazard_get_severity (BwHazard *self)
{
  g_return_val_if_fail (BW_IS_HAZARD (self), 0);

  return self->severity;
}

const char *
bw_hazard_get_reference (BwHazard *self)
{
  g_return_val_if_fail (BW_IS_HAZARD (self), NULL);

  return self->reference;
}
