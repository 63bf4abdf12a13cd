/* bw-risk.c — the rating of a threat before its objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-risk.h"

struct _BwRisk
{
  BwRecord parent_instance;

  int exploitability;
  int severity;
  char *cvss;
  int safety_impact;
  char **hazards;
  gboolean multi_patient;
};

G_DEFINE_FINAL_TYPE (BwRisk, bw_risk, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "exploitability", BW_FIELD_LEVEL, G_STRUCT_OFFSET (BwRisk, exploitability), .refs = "exploitability" },
  { "severity", BW_FIELD_LEVEL, G_STRUCT_OFFSET (BwRisk, severity), .refs = "severity" },
  { "cvss", BW_FIELD_NSTRING, G_STRUCT_OFFSET (BwRisk, cvss) },
  { "safety_impact", BW_FIELD_NBOOL, G_STRUCT_OFFSET (BwRisk, safety_impact) },
  { "hazards", BW_FIELD_REFS, G_STRUCT_OFFSET (BwRisk, hazards), .refs = "H" },
  { "multi_patient", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwRisk, multi_patient) },
};

static void
bw_risk_class_init (BwRiskClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_risk_init (BwRisk *self)
{
}

int
bw_risk_get_exploitability (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), 0);

  return self->exploitability;
}

int
bw_risk_get_severity (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), 0);

  return self->severity;
}

const char *
bw_risk_get_cvss (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), NULL);

  return self->cvss;
}

int
bw_risk_get_safety_impact (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), 0);

  return self->safety_impact;
}

const char * const *
bw_risk_get_hazards (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), NULL);

  return (const char * const *) self->hazards;
}

gboolean
bw_risk_get_multi_patient (BwRisk *self)
{
  g_return_val_if_fail (BW_IS_RISK (self), 0);

  return self->multi_patient;
}
