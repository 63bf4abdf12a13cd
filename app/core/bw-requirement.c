/* bw-requirement.c — a verifiable security requirement (step 5)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-requirement.h"

struct _BwRequirement
{
  BwRecord parent_instance;

  char *text;
  char *objective;
  const char *verification;
  char *verification_ref;
  const char *status;
};

G_DEFINE_FINAL_TYPE (BwRequirement, bw_requirement, BW_TYPE_RECORD)

static const char * const verifications[] = { "test", "inspection", "analysis", "demonstration", NULL };
static const char * const requirement_statuses[] = { "draft", "approved", "implemented", "verified", NULL };

static const BwField fields[] = {
  { "text", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRequirement, text) },
  { "objective", BW_FIELD_REF, G_STRUCT_OFFSET (BwRequirement, objective), .refs = "O" },
  { "verification", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwRequirement, verification), .values = verifications },
  { "verification_ref", BW_FIELD_STRING, G_STRUCT_OFFSET (BwRequirement, verification_ref) },
  { "status", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwRequirement, status), .values = requirement_statuses },
};

static void
bw_requirement_class_init (BwRequirementClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "R";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_requirement_init (BwRequirement *self)
{
}

const char *
bw_requirement_get_text (BwRequirement *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENT (self), NULL);

  return self->text;
}

const char *
bw_requirement_get_objective (BwRequirement *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENT (self), NULL);

  return self->objective;
}

const char *
bw_requirement_get_verification (BwRequirement *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENT (self), NULL);

  return self->verification;
}

const char *
bw_requirement_get_verification_ref (BwRequirement *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENT (self), NULL);

  return self->verification_ref;
}

const char *
bw_requirement_get_status (BwRequirement *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENT (self), NULL);

  return self->status;
}
