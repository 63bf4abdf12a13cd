/* bw-command-attack-tree.h — edits of attack trees (the outline's verbs)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_ATTACK_TREE (bw_command_attack_tree_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandAttackTree, bw_command_attack_tree, BW, COMMAND_ATTACK_TREE, BwCommand)

/* Each constructor checks nothing; the command says what is wrong when it
 * is applied (BW_COMMAND_ERROR), and leaves the project untouched then. */
BwCommand  *bw_command_attack_tree_add_child        (BwProject  *project,
                                                     const char *parent_id,
                                                     const char *label,
                                                     int         position);
BwCommand  *bw_command_attack_tree_add_sibling      (BwProject  *project,
                                                     const char *node_id,
                                                     const char *label);
BwCommand  *bw_command_attack_tree_add_countermeasure (BwProject  *project,
                                                     const char *node_id,
                                                     const char *label,
                                                     gboolean    implemented,
                                                     const char *objective_id);
BwCommand  *bw_command_attack_tree_indent           (BwProject  *project,
                                                     const char *node_id);
BwCommand  *bw_command_attack_tree_outdent          (BwProject  *project,
                                                     const char *node_id);
BwCommand  *bw_command_attack_tree_move_up          (BwProject  *project,
                                                     const char *node_id);
BwCommand  *bw_command_attack_tree_move_down        (BwProject  *project,
                                                     const char *node_id);
BwCommand  *bw_command_attack_tree_reparent         (BwProject  *project,
                                                     const char *node_id,
                                                     const char *new_parent_id,
                                                     int         position);
BwCommand  *bw_command_attack_tree_set_gate         (BwProject  *project,
                                                     const char *node_id,
                                                     const char *gate);
BwCommand  *bw_command_attack_tree_delete_node      (BwProject  *project,
                                                     const char *node_id);
BwCommand  *bw_command_attack_tree_new_from_threat  (BwProject  *project,
                                                     const char *threat_id);

/* The ID of the node or tree the command made (add child, sibling,
 * countermeasure, tree from threat); NULL for the others. */
const char *bw_command_attack_tree_get_new_id       (BwCommandAttackTree *self);

/* Where a node sits: its tree, its parent (NULL for a root), whether it is
 * a countermeasure of the parent, and its position in that list. */
BwAttackTree *bw_attack_tree_find_node              (BwProject     *project,
                                                     const char    *node_id,
                                                     BwAttackNode **parent,
                                                     gboolean      *is_countermeasure,
                                                     guint         *position);

G_END_DECLS
