/* bw-retirement.c — the retirement plan
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-retirement.h"

struct _BwRetirement
{
  BwRecord parent_instance;

  char *archiving;
  char *deletion;
  char *legal_retention;
};

G_DEFINE_FINAL_TYPE (BwRetirement, bw_retirement, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "archiving", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRetirement, archiving) },
  { "deletion", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRetirement, deletion) },
  { "legal_retention", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRetirement, legal_retention) },
};

static void
bw_retirement_class_init (BwRetirementClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_retirement_init (BwRetirement *self)
{
}

const char *
bw_retirement_get_archiving (BwRetirement *self)
{
  g_return_val_if_fail (BW_IS_RETIREMENT (self), NULL);

  return self->archiving;
}

const char *
bw_retirement_get_deletion (BwRetirement *self)
{
  g_return_val_if_fail (BW_IS_RETIREMENT (self), NULL);

  return self->deletion;
}

const char *
bw_retirement_get_legal_retention (BwRetirement *self)
{
  g_return_val_if_fail (BW_IS_RETIREMENT (self), NULL);

  return self->legal_retention;
}
