/* bw-attack-tree-page.c — the attack-tree editor
 *
 * Three columns: the project's trees above the selected tree's outline;
 * the graph; the selected node's details and the cheapest attacks. The
 * outline and the graph share one selection, kept here. Nothing is edited
 * directly: every change is a command on the project's stack, and every
 * view is refreshed from the document when the stack says it changed.
 * This file keeps the selection and refreshes; each column has its own
 * file (see bw-attack-tree-page-private.h).
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-attack-tree-page-private.h"
#include "bw-command-attack-tree.h"
#include "bw-command-stack.h"

G_DEFINE_FINAL_TYPE (BwAttackTreePage, bw_attack_tree_page, GTK_TYPE_WIDGET)

/* Helpers */

BwAttackTree *
_bw_attack_tree_page_get_tree (BwAttackTreePage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->tree_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->tree_id);

  return BW_IS_ATTACK_TREE (record) ? BW_ATTACK_TREE (record) : NULL;
}

BwAttackNode *
_bw_attack_tree_page_get_node (BwAttackTreePage *self,
                               const char       *node_id)
{
  BwRecord *record;

  if (self->project == NULL || node_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, node_id);

  return BW_IS_ATTACK_NODE (record) ? BW_ATTACK_NODE (record) : NULL;
}

/* Whether node_id belongs to the shown tree, and if it is a countermeasure. */
gboolean
_bw_attack_tree_page_node_in_tree (BwAttackTreePage *self,
                                   const char       *node_id,
                                   gboolean         *is_countermeasure,
                                   BwAttackNode    **parent)
{
  BwAttackTree *tree;
  gboolean cm = FALSE;
  BwAttackNode *p = NULL;

  if (self->project == NULL || node_id == NULL)
    return FALSE;
  tree = bw_attack_tree_find_node (self->project, node_id, &p, &cm, NULL);
  if (is_countermeasure != NULL)
    *is_countermeasure = cm;
  if (parent != NULL)
    *parent = p;

  return tree != NULL && tree == _bw_attack_tree_page_get_tree (self);
}

BwAttackView
_bw_attack_tree_page_current_view (BwAttackTreePage *self)
{
  return gtk_drop_down_get_selected (self->view_dropdown) == 1
    ? BW_ATTACK_VIEW_TARGET : BW_ATTACK_VIEW_RESIDUAL;
}

void
_bw_attack_tree_page_toast (BwAttackTreePage *self,
                            const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Runs a command (and takes it) as one undo step; on failure the user
 * learns why in a toast. Callers that need the command afterwards (the new
 * node's ID) hold their own reference. */
gboolean
_bw_attack_tree_page_run (BwAttackTreePage *self,
                          BwCommand        *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;
  BwCommandStack *stack;

  if (self->project == NULL || command == NULL)
    return FALSE;

  stack = bw_project_get_command_stack (self->project);
  if (!bw_command_stack_execute (stack, command, &error))
    {
      _bw_attack_tree_page_toast (self, error ? error->message : _("The change could not be made"));
      return FALSE;
    }
  /* Each edit of the tree is its own undo step. */
  bw_command_stack_seal (stack);

  return TRUE;
}

BwProject *
_bw_attack_tree_page_get_project (BwAttackTreePage *self)
{
  return self->project;
}

/* The selection, one for the outline and the graph */

void
_bw_attack_tree_page_select_node (BwAttackTreePage *self,
                                  const char       *node_id)
{
  guint position;

  if (node_id != NULL && !_bw_attack_tree_page_node_in_tree (self, node_id, NULL, NULL))
    node_id = NULL;

  if (g_strcmp0 (self->selected_id, node_id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (node_id);
    }

  self->syncing = TRUE;
  bw_attack_tree_view_set_selected_id (self->graph, self->selected_id);
  bw_attack_tree_view_reveal (self->graph, self->selected_id);
  position = _bw_attack_tree_page_outline_position_of (self, self->selected_id);
  gtk_single_selection_set_selected (self->outline_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->outline), "list.scroll-to-item", "u", position);
  self->syncing = FALSE;

  _bw_attack_tree_page_refresh_inspector (self);
  _bw_attack_tree_page_update_actions (self);
}

/* Refreshing */

static void
show_tree_or_empty (BwAttackTreePage *self)
{
  gboolean any = self->project != NULL &&
                 g_list_model_get_n_items (bw_project_get_attack_trees (self->project)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "tree" : "empty");
}

static void
refresh_all (BwAttackTreePage *self)
{
  g_autofree char *selected = g_strdup (self->selected_id);

  /* A deleted tree (or an undone new one) falls back to the first. */
  if (_bw_attack_tree_page_get_tree (self) == NULL)
    {
      GListModel *trees = self->project ? bw_project_get_attack_trees (self->project) : NULL;

      g_clear_pointer (&self->tree_id, g_free);
      if (trees != NULL && g_list_model_get_n_items (trees) > 0)
        {
          g_autoptr(BwAttackTree) first = g_list_model_get_item (trees, 0);

          self->tree_id = g_strdup (bw_record_get_id (BW_RECORD (first)));
        }
      g_clear_pointer (&selected, g_free);
    }

  show_tree_or_empty (self);
  bw_attack_tree_view_set_tree_id (self->graph, self->tree_id);
  if (self->project != NULL)
    _bw_attack_tree_page_rebuild_tree_list (self);
  _bw_attack_tree_page_rebuild_outline (self);
  _bw_attack_tree_page_refresh_eval (self);
  _bw_attack_tree_page_refresh_attacks (self);

  /* A node that went away (deleted, undone) leaves the root selected. */
  if (selected == NULL || !_bw_attack_tree_page_node_in_tree (self, selected, NULL, NULL))
    {
      BwAttackTree *tree = _bw_attack_tree_page_get_tree (self);

      g_free (selected);
      selected = tree && bw_attack_tree_get_root (tree)
        ? g_strdup (bw_record_get_id (BW_RECORD (bw_attack_tree_get_root (tree)))) : NULL;
    }
  _bw_attack_tree_page_select_node (self, selected);
}

static void
stack_changed_cb (BwAttackTreePage *self,
                  BwCommandStack   *stack)
{
  refresh_all (self);
}

/* After an undo or redo: show the node that changed, in its tree. */
static void
selection_restored_cb (BwAttackTreePage *self,
                       const char      **ids,
                       BwCommandStack   *stack)
{
  BwAttackTree *tree;

  if (ids == NULL || ids[0] == NULL)
    return;

  tree = bw_attack_tree_find_node (self->project, ids[0], NULL, NULL, NULL);
  if (tree != NULL)
    {
      bw_attack_tree_page_set_tree_id (self, bw_record_get_id (BW_RECORD (tree)));
      _bw_attack_tree_page_select_node (self, ids[0]);
    }
  else if (BW_IS_ATTACK_TREE (bw_project_lookup (self->project, ids[0])))
    {
      bw_attack_tree_page_set_tree_id (self, ids[0]);
    }
}

/* GObject */

static void
bw_attack_tree_page_dispose (GObject *object)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  g_clear_object (&self->outline_selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_ATTACK_TREE_PAGE);

  G_OBJECT_CLASS (bw_attack_tree_page_parent_class)->dispose (object);
}

static void
bw_attack_tree_page_finalize (GObject *object)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (object);

  g_free (self->tree_id);
  g_free (self->selected_id);
  g_ptr_array_unref (self->objective_ids);

  G_OBJECT_CLASS (bw_attack_tree_page_parent_class)->finalize (object);
}

static void
bw_attack_tree_page_class_init (BwAttackTreePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  object_class->dispose = bw_attack_tree_page_dispose;
  object_class->finalize = bw_attack_tree_page_finalize;

  g_type_ensure (BW_TYPE_ATTACK_TREE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bulwarkapp/Bulwark/ui/bw-attack-tree-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, tree_list);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, outline);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, gate_button);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, direction_button);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, warning_bar);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, graph);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, node_box);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, label_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, gate_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, implemented_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, objective_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, attributes_group);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, time_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, skill_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, probability_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, difficulty_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, residual_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, target_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, rank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, attack_list);

  _bw_attack_tree_page_class_actions_init (widget_class);
  _bw_attack_tree_page_class_graph_init (widget_class);
  _bw_attack_tree_page_class_dialogs_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bw_attack_tree_page_init (BwAttackTreePage *self)
{
  self->objective_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  _bw_attack_tree_page_init_outline (self);
  _bw_attack_tree_page_init_shortcuts (self);
  _bw_attack_tree_page_init_graph (self);
  _bw_attack_tree_page_init_details (self);

  _bw_attack_tree_page_update_actions (self);
}

GtkWidget *
bw_attack_tree_page_new (void)
{
  return g_object_new (BW_TYPE_ATTACK_TREE_PAGE, NULL);
}

void
bw_attack_tree_page_set_project (BwAttackTreePage *self,
                                 BwProject        *project)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_PAGE (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->tree_id, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  bw_attack_tree_view_set_project (self->graph, project);

  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_command_stack (project), "selection-restored",
                               G_CALLBACK (selection_restored_cb), self, G_CONNECT_SWAPPED);
    }

  refresh_all (self);
}

const char *
bw_attack_tree_page_get_tree_id (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return self->tree_id;
}

gboolean
bw_attack_tree_page_set_tree_id (BwAttackTreePage *self,
                                 const char       *tree_id)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  if (self->project == NULL || tree_id == NULL ||
      !BW_IS_ATTACK_TREE (bw_project_lookup (self->project, tree_id)))
    return FALSE;

  if (g_strcmp0 (self->tree_id, tree_id) == 0)
    return TRUE;

  g_free (self->tree_id);
  self->tree_id = g_strdup (tree_id);
  g_clear_pointer (&self->selected_id, g_free);
  refresh_all (self);

  return TRUE;
}

const char *
bw_attack_tree_page_get_selected_id (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return self->selected_id;
}

void
bw_attack_tree_page_set_selected_id (BwAttackTreePage *self,
                                     const char       *node_id)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_PAGE (self));

  _bw_attack_tree_page_select_node (self, node_id);
}

GtkWidget *
bw_attack_tree_page_get_outline (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return GTK_WIDGET (self->outline);
}

GtkWidget *
bw_attack_tree_page_get_graph (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return GTK_WIDGET (self->graph);
}
