/* bw-attack-tree.h — an attack tree: an attacker goal refined into steps
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"
#include "bw-attack-node.h"

G_BEGIN_DECLS

#define BW_TYPE_ATTACK_TREE (bw_attack_tree_get_type ())
G_DECLARE_FINAL_TYPE (BwAttackTree, bw_attack_tree, BW, ATTACK_TREE, BwRecord)

const char *        bw_attack_tree_get_title (BwAttackTree *self);
const char * const *bw_attack_tree_get_threats (BwAttackTree *self);
BwAttackNode *      bw_attack_tree_get_root (BwAttackTree *self);

G_END_DECLS
