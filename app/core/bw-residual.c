/* bw-residual.c — the rating of a threat once its objectives are in place
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-residual.h"

struct _BwResidual
{
  BwRecord parent_instance;

  int exploitability;
  int severity;
};

G_DEFINE_FINAL_TYPE (BwResidual, bw_residual, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "exploitability", BW_FIELD_LEVEL, G_STRUCT_OFFSET (BwResidual, exploitability), .refs = "exploitability" },
  { "severity", BW_FIELD_LEVEL, G_STRUCT_OFFSET (BwResidual, severity), .refs = "severity" },
};

static void
bw_residual_class_init (BwResidualClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_residual_init (BwResidual *self)
{
}

int
bw_residual_get_exploitability (BwResidual *self)
{
  g_return_val_if_fail (BW_IS_RESIDUAL (self), 0);

  return self->exploitability;
}

int
bw_residual_get_severity (BwResidual *self)
{
  g_return_val_if_fail (BW_IS_RESIDUAL (self), 0);

  return self->severity;
}
