/* bw-attack-attributes.c — what an attack step costs the attacker
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-attack-attributes.h"

struct _BwAttackAttributes
{
  BwRecord parent_instance;

  BwNumber cost;
  BwNumber time_h;
  BwNumber skill;
  BwNumber probability;
  const char *difficulty;
};

G_DEFINE_FINAL_TYPE (BwAttackAttributes, bw_attack_attributes, BW_TYPE_RECORD)

static const char * const difficulties[] = { "L", "M", "H", "E", NULL };

static const BwField fields[] = {
  { "cost", BW_FIELD_NUMBER, G_STRUCT_OFFSET (BwAttackAttributes, cost) },
  { "time_h", BW_FIELD_NUMBER, G_STRUCT_OFFSET (BwAttackAttributes, time_h) },
  { "skill", BW_FIELD_NUMBER, G_STRUCT_OFFSET (BwAttackAttributes, skill) },
  { "probability", BW_FIELD_NUMBER, G_STRUCT_OFFSET (BwAttackAttributes, probability) },
  { "difficulty", BW_FIELD_NENUM, G_STRUCT_OFFSET (BwAttackAttributes, difficulty), .values = difficulties },
};

static void
bw_attack_attributes_class_init (BwAttackAttributesClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = FALSE;
  record_class->prefix = NULL;
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_attack_attributes_init (BwAttackAttributes *self)
{
}

const BwNumber *
bw_attack_attributes_get_cost (BwAttackAttributes *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_ATTRIBUTES (self), NULL);

  return &self->cost;
}

const BwNumber *
bw_attack_attributes_get_time_h (BwAttackAttributes *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_ATTRIBUTES (self), NULL);

  return &self->time_h;
}

const BwNumber *
bw_attack_attributes_get_skill (BwAttackAttributes *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_ATTRIBUTES (self), NULL);

  return &self->skill;
}

const BwNumber *
bw_attack_attributes_get_probability (BwAttackAttributes *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_ATTRIBUTES (self), NULL);

  return &self->probability;
}

const char *
bw_attack_attributes_get_difficulty (BwAttackAttributes *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_ATTRIBUTES (self), NULL);

  return self->difficulty;
}
