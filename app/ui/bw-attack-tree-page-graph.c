/* bw-attack-tree-page-graph.c — the attack-tree page's graph: the
 * evaluation it shows (view, warnings), direction, zoom, and export
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-attack-tree-page-private.h"
#include "bw-command-attack-tree.h"
#include "bw-graphviz.h"

static void
graph_selected_cb (BwAttackTreePage *self,
                   GParamSpec       *pspec,
                   BwAttackTreeView *graph)
{
  if (!self->syncing)
    _bw_attack_tree_page_select_node (self, bw_attack_tree_view_get_selected_id (graph));
}

static void
graph_reparent_cb (BwAttackTreePage *self,
                   const char       *node_id,
                   const char       *parent_id,
                   BwAttackTreeView *graph)
{
  g_autofree char *id = g_strdup (node_id);

  if (_bw_attack_tree_page_run (self, bw_command_attack_tree_reparent (self->project, node_id, parent_id, -1)))
    _bw_attack_tree_page_select_node (self, id);
}

void
_bw_attack_tree_page_refresh_eval (BwAttackTreePage *self)
{
  BwAttackTree *tree = _bw_attack_tree_page_get_tree (self);
  GPtrArray *warnings;
  GString *text;

  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  if (tree != NULL && bw_attack_tree_get_root (tree) != NULL)
    self->eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));

  bw_attack_tree_view_set_eval (self->graph, self->eval, _bw_attack_tree_page_current_view (self));
  bw_attack_tree_view_relayout (self->graph);

  text = g_string_new (NULL);
  warnings = self->eval ? bw_attack_eval_get_warnings (self->eval) : NULL;
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      BwAttackWarning *warning = g_ptr_array_index (warnings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, warning->message);
    }
  gtk_label_set_label (self->warning_label, text->str);
  gtk_info_bar_set_revealed (self->warning_bar, text->len > 0);
  g_string_free (text, TRUE);
}

static void
view_changed_cb (BwAttackTreePage *self,
                 GParamSpec       *pspec,
                 GtkDropDown      *dropdown)
{
  bw_attack_tree_view_set_eval (self->graph, self->eval, _bw_attack_tree_page_current_view (self));
  _bw_attack_tree_page_refresh_attacks (self);
}

static void
direction_toggled_cb (BwAttackTreePage *self,
                      GtkToggleButton  *button)
{
  bw_attack_tree_view_set_left_to_right (self->graph, gtk_toggle_button_get_active (button));
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);

  if (g_str_equal (action_name, "tree.zoom-in"))
    bw_attack_tree_view_zoom_by (self->graph, 1.25);
  else if (g_str_equal (action_name, "tree.zoom-out"))
    bw_attack_tree_view_zoom_by (self->graph, 0.8);
  else
    bw_attack_tree_view_zoom_fit (self->graph);
}

void
_bw_attack_tree_page_class_graph_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tree.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "tree.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "tree.zoom-fit", NULL, zoom_cb);
}

void
_bw_attack_tree_page_init_graph (BwAttackTreePage *self)
{
  g_signal_connect_swapped (self->graph, "notify::selected-id", G_CALLBACK (graph_selected_cb), self);
  g_signal_connect_swapped (self->graph, "reparent", G_CALLBACK (graph_reparent_cb), self);
  g_signal_connect_swapped (self->view_dropdown, "notify::selected", G_CALLBACK (view_changed_cb), self);
  g_signal_connect_swapped (self->direction_button, "toggled", G_CALLBACK (direction_toggled_cb), self);
}

gboolean
bw_attack_tree_page_export (BwAttackTreePage *self,
                            const char       *path,
                            GError          **error)
{
  BwAttackTree *tree;
  BwTreeGraphOptions options = { 0 };

  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  tree = _bw_attack_tree_page_get_tree (self);
  if (tree == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no tree to export"));
      return FALSE;
    }

  /* As shown: the same direction, with the values of the chosen view. */
  options.left_to_right = bw_attack_tree_view_get_left_to_right (self->graph);
  options.show_values = TRUE;

  return bw_graphviz_render_tree_to_file (tree, &options, path, error);
}
