/* bw-objective.c — a security objective (step 4)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-objective.h"

struct _BwObjective
{
  BwRecord parent_instance;

  char *text;
  const char *scope;
  const char *category;
  char **threats;
};

G_DEFINE_FINAL_TYPE (BwObjective, bw_objective, BW_TYPE_RECORD)

static const char * const objective_scopes[] = { "system", "environment", NULL };
const char * const bw_objective_categories[] = { "authentication", "authorization", "cryptography", "integrity", "confidentiality", "event_detection_logging", "resiliency_recovery", "updatability_patchability", NULL };

static const BwField fields[] = {
  { "text", BW_FIELD_STRING, G_STRUCT_OFFSET (BwObjective, text) },
  { "scope", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwObjective, scope), .values = objective_scopes },
  { "category", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwObjective, category), .values = bw_objective_categories },
  { "threats", BW_FIELD_REFS, G_STRUCT_OFFSET (BwObjective, threats), .refs = "T" },
};

static void
bw_objective_class_init (BwObjectiveClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "O";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_objective_init (BwObjective *self)
{
}

const char *
bw_objective_get_text (BwObjective *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVE (self), NULL);

  return self->text;
}

const char *
bw_objective_get_scope (BwObjective *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVE (self), NULL);

  return self->scope;
}

const char *
bw_objective_get_category (BwObjective *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVE (self), NULL);

  return self->category;
}

const char * const *
bw_objective_get_threats (BwObjective *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVE (self), NULL);

  return (const char * const *) self->threats;
}
