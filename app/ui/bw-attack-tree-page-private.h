/* bw-attack-tree-page-private.h — BwAttackTreePage's instance, shared by
 * its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * bw-attack-tree-page.c holds the selection and refreshes every column
 * from the document; -outline.c is the tree list and the outline; -graph.c
 * the graph, its evaluation and export; -details.c the selected node's
 * fields and values and the cheapest attacks; -actions.c the node.* and
 * tree.new actions and their keys; -dialogs.c rename, delete, analyse,
 * apply and export.
 */
#pragma once

#include <adwaita.h>

#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-page.h"
#include "bw-attack-tree-view.h"
#include "bw-command.h"

G_BEGIN_DECLS

struct _BwAttackTreePage
{
  GtkWidget           parent_instance;

  BwProject          *project;
  char               *tree_id;
  char               *selected_id;
  BwAttackEval       *eval;
  GtkSingleSelection *outline_selection;
  GPtrArray          *objective_ids;   /* of the objective row's entries */
  guint               syncing : 1;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkListBox         *tree_list;
  GtkListView        *outline;
  GtkMenuButton      *gate_button;
  GtkDropDown        *view_dropdown;
  GtkToggleButton    *direction_button;
  GtkInfoBar         *warning_bar;
  GtkLabel           *warning_label;
  BwAttackTreeView   *graph;
  GtkWidget          *node_box;
  AdwEntryRow        *label_row;
  AdwComboRow        *gate_row;
  AdwComboRow        *implemented_row;
  AdwComboRow        *objective_row;
  GtkWidget          *attributes_group;
  AdwEntryRow        *cost_row;
  AdwEntryRow        *time_row;
  AdwComboRow        *skill_row;
  AdwEntryRow        *probability_row;
  AdwComboRow        *difficulty_row;
  AdwActionRow       *residual_row;
  AdwActionRow       *target_row;
  GtkDropDown        *rank_dropdown;
  GtkListBox         *attack_list;
};

/* bw-attack-tree-page.c */
BwProject    *_bw_attack_tree_page_get_project        (BwAttackTreePage *self);
BwAttackTree *_bw_attack_tree_page_get_tree           (BwAttackTreePage *self);
BwAttackNode *_bw_attack_tree_page_get_node           (BwAttackTreePage *self,
                                                       const char       *node_id);
gboolean      _bw_attack_tree_page_node_in_tree       (BwAttackTreePage *self,
                                                       const char       *node_id,
                                                       gboolean         *is_countermeasure,
                                                       BwAttackNode    **parent);
BwAttackView  _bw_attack_tree_page_current_view       (BwAttackTreePage *self);
/* Runs (and takes) a command as one undo step; a failure becomes a toast. */
gboolean      _bw_attack_tree_page_run                (BwAttackTreePage *self,
                                                       BwCommand        *command);
void          _bw_attack_tree_page_toast              (BwAttackTreePage *self,
                                                       const char       *message);
/* Selects the node in the outline and the graph, and shows its details. */
void          _bw_attack_tree_page_select_node        (BwAttackTreePage *self,
                                                       const char       *node_id);

/* bw-attack-tree-page-outline.c: the project's trees, the tree's outline */
void          _bw_attack_tree_page_init_outline       (BwAttackTreePage *self);
void          _bw_attack_tree_page_rebuild_tree_list  (BwAttackTreePage *self);
void          _bw_attack_tree_page_rebuild_outline    (BwAttackTreePage *self);
guint         _bw_attack_tree_page_outline_position_of (BwAttackTreePage *self,
                                                        const char       *node_id);
void          _bw_attack_tree_page_focus_outline      (BwAttackTreePage *self);

/* bw-attack-tree-page-graph.c: the graph, its evaluation, export */
void          _bw_attack_tree_page_class_graph_init   (GtkWidgetClass   *widget_class);
void          _bw_attack_tree_page_init_graph         (BwAttackTreePage *self);
void          _bw_attack_tree_page_refresh_eval       (BwAttackTreePage *self);

/* bw-attack-tree-page-details.c: the node's fields and values, the
 * cheapest attacks */
void          _bw_attack_tree_page_init_details       (BwAttackTreePage *self);
void          _bw_attack_tree_page_refresh_inspector  (BwAttackTreePage *self);
void          _bw_attack_tree_page_refresh_attacks    (BwAttackTreePage *self);

/* bw-attack-tree-page-actions.c: node.* and tree.new, their keys */
void          _bw_attack_tree_page_class_actions_init (GtkWidgetClass   *widget_class);
void          _bw_attack_tree_page_init_shortcuts     (BwAttackTreePage *self);
void          _bw_attack_tree_page_update_actions     (BwAttackTreePage *self);

/* bw-attack-tree-page-dialogs.c: installs tree.rename, tree.delete,
 * tree.analyse-threat, tree.apply and tree.export. */
void          _bw_attack_tree_page_class_dialogs_init (GtkWidgetClass   *widget_class);

G_END_DECLS
