/* bw-attack-node.h — a goal, step or countermeasure of an attack tree
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"
#include "bw-attack-attributes.h"

G_BEGIN_DECLS

#define BW_TYPE_ATTACK_NODE (bw_attack_node_get_type ())
G_DECLARE_FINAL_TYPE (BwAttackNode, bw_attack_node, BW, ATTACK_NODE, BwRecord)

const char *        bw_attack_node_get_label (BwAttackNode *self);
const char *        bw_attack_node_get_gate (BwAttackNode *self);
BwAttackAttributes *bw_attack_node_get_attributes (BwAttackNode *self);
int                  bw_attack_node_get_implemented (BwAttackNode *self);
const char *        bw_attack_node_get_objective (BwAttackNode *self);
GListModel *        bw_attack_node_get_countermeasures (BwAttackNode *self);
GListModel *        bw_attack_node_get_children (BwAttackNode *self);

extern const char * const bw_attack_gates[];

G_END_DECLS
