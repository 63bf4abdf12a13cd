/* bw-assumption.c — an assumption about the system or its environment
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-assumption.h"

struct _BwAssumption
{
  BwRecord parent_instance;

  char *text;
  char **elements;
};

G_DEFINE_FINAL_TYPE (BwAssumption, bw_assumption, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "text", BW_FIELD_STRING, G_STRUCT_OFFSET (BwAssumption, text) },
  { "elements", BW_FIELD_REFS, G_STRUCT_OFFSET (BwAssumption, elements), .refs = "EE P DS DF TB" },
};

static void
bw_assumption_class_init (BwAssumptionClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "ASM";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_assumption_init (BwAssumption *self)
{
}

const char *
bw_assumption_get_text (BwAssumption *self)
{
  g_return_val_if_fail (BW_IS_ASSUMPTION (self), NULL);

  return self->text;
}

const char * const *
bw_assumption_get_elements (BwAssumption *self)
{
  g_return_val_if_fail (BW_IS_ASSUMPTION (self), NULL);

  return (const char * const *) self->elements;
}
