/* bw-attack-attributes.h — what an attack step costs the attacker
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"

G_BEGIN_DECLS

#define BW_TYPE_ATTACK_ATTRIBUTES (bw_attack_attributes_get_type ())
G_DECLARE_FINAL_TYPE (BwAttackAttributes, bw_attack_attributes, BW, ATTACK_ATTRIBUTES, BwRecord)

const BwNumber *bw_attack_attributes_get_cost (BwAttackAttributes *self);
const BwNumber *bw_attack_attributes_get_time_h (BwAttackAttributes *self);
const BwNumber *bw_attack_attributes_get_skill (BwAttackAttributes *self);
const BwNumber *bw_attack_attributes_get_probability (BwAttackAttributes *self);
const char *    bw_attack_attributes_get_difficulty (BwAttackAttributes *self);

G_END_DECLS
