/* bw-attack-tree-page-actions.c — the attack-tree page's edits: the
 * node.* actions and tree.new, their keys, and when they are enabled
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * In the outline (and on the graph) the edits are one key away: Enter adds
 * a sibling, Insert a child, Tab indents; a new node opens its label for
 * typing, so a tree is typed as Enter, a label, Enter, a label …
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-attack-tree-page-private.h"
#include "bw-command-add.h"
#include "bw-command-attack-tree.h"

static const char *
gate_name (const char *gate)
{
  if (g_strcmp0 (gate, "and") == 0)
    return _("AND");
  if (g_strcmp0 (gate, "sand") == 0)
    return _("SAND");
  if (g_strcmp0 (gate, "or") == 0)
    return _("OR");
  return _("Leaf");
}

void
_bw_attack_tree_page_update_actions (BwAttackTreePage *self)
{
  gboolean has_tree = _bw_attack_tree_page_get_tree (self) != NULL;
  gboolean countermeasure = FALSE;
  BwAttackNode *parent = NULL;
  gboolean has_node = _bw_attack_tree_page_node_in_tree (self, self->selected_id, &countermeasure, &parent);
  gboolean is_root = has_node && parent == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.rename", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.delete", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.export", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.apply", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-child", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-countermeasure", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.gate", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.rename", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-sibling", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.indent", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.outdent", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.move-up", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.move-down", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.delete", has_node && !is_root);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gate_button), has_node);
  gtk_menu_button_set_label (self->gate_button,
                             has_node ? gate_name (bw_attack_node_get_gate (_bw_attack_tree_page_get_node (self, self->selected_id)))
                                      : _("Gate"));
}

/* After adding a node: select it and put the cursor in its label, so the
 * user types the step's name straight away. */
static void
start_rename (BwAttackTreePage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (
    gtk_widget_get_ancestor (self->node_box, GTK_TYPE_SCROLLED_WINDOW))), "node");
  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
  gtk_editable_select_region (GTK_EDITABLE (self->label_row), 0, -1);
}

static void
run_and_select_new (BwAttackTreePage *self,
                    BwCommand        *command)
{
  g_autoptr(BwCommand) keep = g_object_ref (command);
  g_autofree char *new_id = NULL;

  if (!_bw_attack_tree_page_run (self, command))
    return;
  new_id = g_strdup (bw_command_attack_tree_get_new_id (BW_COMMAND_ATTACK_TREE (keep)));
  _bw_attack_tree_page_select_node (self, new_id);
  start_rename (self);
}

static void
node_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  g_autofree char *id = g_strdup (self->selected_id);
  const char *name = action_name + strlen ("node.");

  if (id == NULL || self->project == NULL)
    return;

  if (g_str_equal (name, "add-child"))
    run_and_select_new (self, bw_command_attack_tree_add_child (self->project, id, _("New step"), -1));
  else if (g_str_equal (name, "add-sibling"))
    run_and_select_new (self, bw_command_attack_tree_add_sibling (self->project, id, _("New step")));
  else if (g_str_equal (name, "add-countermeasure"))
    run_and_select_new (self, bw_command_attack_tree_add_countermeasure (self->project, id,
                                                                         _("New countermeasure"),
                                                                         FALSE, NULL));
  else if (g_str_equal (name, "rename"))
    start_rename (self);
  else if (g_str_equal (name, "gate"))
    _bw_attack_tree_page_run (self, bw_command_attack_tree_set_gate (self->project, id,
                                                                     g_variant_get_string (parameter, NULL)));
  else if (g_str_equal (name, "delete"))
    {
      BwAttackNode *parent = NULL;
      g_autofree char *parent_id = NULL;

      _bw_attack_tree_page_node_in_tree (self, id, NULL, &parent);
      parent_id = parent ? g_strdup (bw_record_get_id (BW_RECORD (parent))) : NULL;
      if (_bw_attack_tree_page_run (self, bw_command_attack_tree_delete_node (self->project, id)))
        _bw_attack_tree_page_select_node (self, parent_id);
    }
  else
    {
      BwCommand *command = NULL;

      if (g_str_equal (name, "indent"))
        command = bw_command_attack_tree_indent (self->project, id);
      else if (g_str_equal (name, "outdent"))
        command = bw_command_attack_tree_outdent (self->project, id);
      else if (g_str_equal (name, "move-up"))
        command = bw_command_attack_tree_move_up (self->project, id);
      else if (g_str_equal (name, "move-down"))
        command = bw_command_attack_tree_move_down (self->project, id);

      if (_bw_attack_tree_page_run (self, command))
        _bw_attack_tree_page_select_node (self, id);
    }

  /* The keys work in the outline; keep the focus there after an edit
   * that does not start a rename. */
  if (!g_str_has_prefix (name, "add-") && !g_str_equal (name, "rename") &&
      !gtk_widget_has_focus (GTK_WIDGET (self->graph)))
    _bw_attack_tree_page_focus_outline (self);
}

static void
gate_popup_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);

  gtk_menu_button_popup (self->gate_button);
}

static void
new_tree_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  g_autoptr(BwAttackNode) root = NULL;
  g_autoptr(BwAttackTree) tree = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *tree_id = NULL;
  g_autofree char *root_id = NULL;

  if (self->project == NULL)
    return;

  root = g_object_new (BW_TYPE_ATTACK_NODE, "label", _("Attacker goal"), "gate", "or", NULL);
  tree = g_object_new (BW_TYPE_ATTACK_TREE, "title", _("New Attack Tree"), "root", root, NULL);
  command = bw_command_add_new (self->project, BW_RECORD (tree), -1);
  if (!_bw_attack_tree_page_run (self, g_object_ref (command)))
    return;

  tree_id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  root_id = g_strdup (bw_record_get_id (BW_RECORD (root)));
  bw_attack_tree_page_set_tree_id (self, tree_id);
  _bw_attack_tree_page_select_node (self, root_id);
  start_rename (self);
}

/* Keys: in the outline (and on the graph) the edits are one key away. */
static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action,
              GVariant              *parameter)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (parameter != NULL)
    gtk_shortcut_set_arguments (shortcut, parameter);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_node_shortcuts (GtkWidget *widget,
                    gboolean   with_tab)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* Capture: before the list's own Enter (activate) and Tab (focus). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, "Return|KP_Enter", "node.add-sibling", NULL);
  add_shortcut (shortcuts, "Insert|KP_Insert", "node.add-child", NULL);
  add_shortcut (shortcuts, "Delete|KP_Delete", "node.delete", NULL);
  add_shortcut (shortcuts, "F2", "node.rename", NULL);
  add_shortcut (shortcuts, "<Control>Up", "node.move-up", NULL);
  add_shortcut (shortcuts, "<Control>Down", "node.move-down", NULL);
  add_shortcut (shortcuts, "<Control>m", "node.add-countermeasure", NULL);
  add_shortcut (shortcuts, "<Control>g", "node.gate-menu", NULL);
  if (with_tab)
    {
      add_shortcut (shortcuts, "Tab", "node.indent", NULL);
      add_shortcut (shortcuts, "<Shift>Tab|<Shift>ISO_Left_Tab", "node.outdent", NULL);
    }
  gtk_widget_add_controller (widget, controller);
}

void
_bw_attack_tree_page_class_actions_init (GtkWidgetClass *widget_class)
{
  static const char * const node_actions[] = {
    "node.add-child", "node.add-sibling", "node.add-countermeasure", "node.indent",
    "node.outdent", "node.move-up", "node.move-down", "node.delete", "node.rename",
  };

  for (guint i = 0; i < G_N_ELEMENTS (node_actions); i++)
    gtk_widget_class_install_action (widget_class, node_actions[i], NULL, node_action_cb);
  gtk_widget_class_install_action (widget_class, "node.gate", "s", node_action_cb);
  gtk_widget_class_install_action (widget_class, "node.gate-menu", NULL, gate_popup_cb);
  gtk_widget_class_install_action (widget_class, "tree.new", NULL, new_tree_cb);
}

void
_bw_attack_tree_page_init_shortcuts (BwAttackTreePage *self)
{
  add_node_shortcuts (GTK_WIDGET (self->outline), TRUE);
  add_node_shortcuts (GTK_WIDGET (self->graph), FALSE);
}

gboolean
bw_attack_tree_page_activate (BwAttackTreePage *self,
                              const char       *action,
                              GVariant         *parameter)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  name = strchr (action, '.') ? g_strdup (action) : g_strconcat ("node.", action, NULL);

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), name, parameter);
}
