/* bw-attack-tree-page.h — the attack-tree editor: trees, outline, graph,
 * the selected node's details and the cheapest attacks
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_ATTACK_TREE_PAGE (bw_attack_tree_page_get_type ())
G_DECLARE_FINAL_TYPE (BwAttackTreePage, bw_attack_tree_page, BW, ATTACK_TREE_PAGE, GtkWidget)

GtkWidget  *bw_attack_tree_page_new              (void);
void        bw_attack_tree_page_set_project      (BwAttackTreePage *self,
                                                  BwProject        *project);
const char *bw_attack_tree_page_get_tree_id      (BwAttackTreePage *self);
gboolean    bw_attack_tree_page_set_tree_id      (BwAttackTreePage *self,
                                                  const char       *tree_id);
const char *bw_attack_tree_page_get_selected_id  (BwAttackTreePage *self);
void        bw_attack_tree_page_set_selected_id  (BwAttackTreePage *self,
                                                  const char       *node_id);
/* For tests and the window: the outline's list, the graph, the label row. */
GtkWidget  *bw_attack_tree_page_get_outline      (BwAttackTreePage *self);
GtkWidget  *bw_attack_tree_page_get_graph        (BwAttackTreePage *self);
/* Writes the shown tree to path (the format from its extension). */
gboolean    bw_attack_tree_page_export           (BwAttackTreePage *self,
                                                  const char       *path,
                                                  GError          **error);
/* Runs one of the page's edits on the selection, as the keys do:
 * "add-child", "add-sibling", "indent", … (the node.* actions). */
gboolean    bw_attack_tree_page_activate         (BwAttackTreePage *self,
                                                  const char       *action,
                                                  GVariant         *parameter);
/* Sets a member of the selected node (label, cost, time_h, skill,
 * probability, difficulty) as the inspector does: one command. */
gboolean    bw_attack_tree_page_set_value        (BwAttackTreePage *self,
                                                  const char       *property,
                                                  const char       *text);

G_END_DECLS
