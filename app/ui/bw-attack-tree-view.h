/* bw-attack-tree-view.h — the graphical attack tree: Graphviz's layout,
 * drawn by the app so that nodes can be clicked and dragged
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

#include "bw-attack-tree-eval.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_ATTACK_TREE_VIEW (bw_attack_tree_view_get_type ())
G_DECLARE_FINAL_TYPE (BwAttackTreeView, bw_attack_tree_view, BW, ATTACK_TREE_VIEW, GtkWidget)

GtkWidget  *bw_attack_tree_view_new              (void);
void        bw_attack_tree_view_set_project      (BwAttackTreeView   *self,
                                                  BwProject          *project);
void        bw_attack_tree_view_set_tree_id      (BwAttackTreeView   *self,
                                                  const char         *tree_id);
const char *bw_attack_tree_view_get_selected_id  (BwAttackTreeView   *self);
void        bw_attack_tree_view_set_selected_id  (BwAttackTreeView   *self,
                                                  const char         *node_id);
void        bw_attack_tree_view_set_highlight    (BwAttackTreeView   *self,
                                                  const char * const *leaf_ids);
void        bw_attack_tree_view_set_left_to_right (BwAttackTreeView  *self,
                                                  gboolean            left_to_right);
gboolean    bw_attack_tree_view_get_left_to_right (BwAttackTreeView  *self);
void        bw_attack_tree_view_set_eval         (BwAttackTreeView   *self,
                                                  BwAttackEval       *eval,
                                                  BwAttackView        view);
double      bw_attack_tree_view_get_zoom         (BwAttackTreeView   *self);
void        bw_attack_tree_view_zoom_by          (BwAttackTreeView   *self,
                                                  double              factor);
void        bw_attack_tree_view_zoom_fit         (BwAttackTreeView   *self);
/* Pans so that a node is in sight (when it is not). */
void        bw_attack_tree_view_reveal           (BwAttackTreeView   *self,
                                                  const char         *node_id);
/* Lays the tree out again: after every change of the document. */
void        bw_attack_tree_view_relayout         (BwAttackTreeView   *self);

G_END_DECLS
