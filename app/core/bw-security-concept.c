/* bw-security-concept.c — the constraints and policies of the security concept
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-security-concept.h"

struct _BwSecurityConcept
{
  BwRecord parent_instance;

  char *constraints;
  char *policies;
};

G_DEFINE_FINAL_TYPE (BwSecurityConcept, bw_security_concept, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "constraints", BW_FIELD_STRING, G_STRUCT_OFFSET (BwSecurityConcept, constraints) },
  { "policies", BW_FIELD_STRING, G_STRUCT_OFFSET (BwSecurityConcept, policies) },
};

static void
bw_security_concept_class_init (BwSecurityConceptClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_security_concept_init (BwSecurityConcept *self)
{
}

const char *
bw_security_concept_get_constraints (BwSecurityConcept *self)
{
  g_return_val_if_fail (BW_IS_SECURITY_CONCEPT (self), NULL);

  return self->constraints;
}

const char *
bw_security_concept_get_policies (BwSecurityConcept *self)
{
  g_return_val_if_fail (BW_IS_SECURITY_CONCEPT (self), NULL);

  return self->policies;
}
