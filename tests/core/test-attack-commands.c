/* test-attack-commands.c — the outline's edits of attack trees
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every edit must give a valid file, and its undo the very bytes that
 * were there; a redo must give the edit's bytes again.
 */
#include "config.h"

#include <string.h>

#include "bw-command-attack-tree.h"
#include "bw-command-remove.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static char *
to_string (BwProject *project)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
assert_saveable (BwProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);
  g_autoptr(BwProject) copy = bw_project_load_from_data (g_bytes_get_data (bytes, NULL),
                                                         g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
  /* Loading the saved text and saving again changes nothing. */
  {
    g_autoptr(GBytes) again = bw_project_to_bytes (copy);

    g_assert_true (g_bytes_equal (bytes, again));
  }
}

/* Applies, checks the undo and the redo; leaves the edit applied. */
static void
apply_and_check_undo (BwProject *project,
                      BwCommand *command)
{
  g_autofree char *before = to_string (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_apply (command, project, &error));
  g_assert_no_error (error);
  assert_saveable (project);
  after = to_string (project);
  g_assert_cmpstr (before, !=, after);

  bw_command_revert (command, project);
  undone = to_string (project);
  g_assert_cmpstr (before, ==, undone);

  g_assert_true (bw_command_apply (command, project, &error));
  g_assert_no_error (error);
  redone = to_string (project);
  g_assert_cmpstr (after, ==, redone);
}

/* The command fails with `code` and changes nothing. */
static void
assert_refused (BwProject *project,
                BwCommand *command,
                int        code)
{
  g_autofree char *before = to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (bw_command_apply (command, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, code);
  g_test_message ("refused: %s", error->message);
  after = to_string (project);
  g_assert_cmpstr (before, ==, after);
}

static BwAttackNode *
node (BwProject  *project,
      const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ATTACK_NODE (record));
  return BW_ATTACK_NODE (record);
}

static const char *
child_id (BwProject  *project,
          const char *parent,
          guint       i)
{
  GListModel *children = bw_attack_node_get_children (node (project, parent));
  g_autoptr(BwAttackNode) child = NULL;

  g_assert_cmpuint (i, <, g_list_model_get_n_items (children));
  child = g_list_model_get_item (children, i);
  return bw_record_get_id (BW_RECORD (child));
}

static guint
n_children (BwProject  *project,
            const char *parent)
{
  return g_list_model_get_n_items (bw_attack_node_get_children (node (project, parent)));
}

static void
test_add_child (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_add_child (project, "N-3", "Sniff with an SDR", -1);
  g_autoptr(BwCommand) second = NULL;
  g_autofree char *text = NULL;
  BwAttackAttributes *attributes;

  g_assert_cmpstr (bw_command_attack_tree_get_new_id (BW_COMMAND_ATTACK_TREE (command)), ==, "N-13");
  apply_and_check_undo (project, command);

  /* The leaf N-3 became an OR, its attributes computed from now on. */
  g_assert_cmpstr (bw_attack_node_get_gate (node (project, "N-3")), ==, "or");
  g_assert_cmpuint (n_children (project, "N-3"), ==, 1);
  g_assert_cmpstr (child_id (project, "N-3", 0), ==, "N-13");
  g_assert_cmpstr (bw_attack_node_get_label (node (project, "N-13")), ==, "Sniff with an SDR");
  g_assert_cmpstr (bw_attack_node_get_gate (node (project, "N-13")), ==, "leaf");
  g_assert_cmpint (bw_attack_node_get_implemented (node (project, "N-13")), ==, -1);
  attributes = bw_attack_node_get_attributes (node (project, "N-3"));
  g_assert_true (bw_number_is_null (bw_attack_attributes_get_cost (attributes)));

  /* The undo gave back N-3's cost (apply_and_check_undo compared bytes);
   * the counter moved on. */
  second = bw_command_attack_tree_add_child (project, "N-1", "Another way", 0);
  apply_and_check_undo (project, second);
  g_assert_cmpstr (child_id (project, "N-1", 0), ==, "N-14");
  text = to_string (project);
  g_assert_nonnull (strstr (text, "\"N\": 15"));

  g_clear_object (&command);
  command = bw_command_attack_tree_add_child (project, "N-99", "x", -1);
  assert_refused (project, command, BW_COMMAND_ERROR_NOT_FOUND);
}

static void
test_add_sibling (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_add_sibling (project, "N-3", "Guess the counter");
  g_autoptr(BwCommand) cm = NULL;
  g_autoptr(BwCommand) root = NULL;
  GListModel *cms;

  apply_and_check_undo (project, command);
  g_assert_cmpuint (n_children (project, "N-2"), ==, 3);
  g_assert_cmpstr (child_id (project, "N-2", 1), ==, "N-13");

  /* The sibling of a countermeasure is a planned countermeasure. */
  cm = bw_command_attack_tree_add_sibling (project, "N-5", "Rolling code");
  apply_and_check_undo (project, cm);
  cms = bw_attack_node_get_countermeasures (node (project, "N-2"));
  g_assert_cmpuint (g_list_model_get_n_items (cms), ==, 2);
  g_assert_cmpint (bw_attack_node_get_implemented (node (project, "N-14")), ==, 0);

  root = bw_command_attack_tree_add_sibling (project, "N-1", "x");
  assert_refused (project, root, BW_COMMAND_ERROR_INVALID);
}

static void
test_add_countermeasure (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_add_countermeasure (project, "N-6", "App attestation", TRUE, "O-1");
  g_autoptr(BwCommand) dangling = NULL;
  BwAttackNode *cm;

  apply_and_check_undo (project, command);
  cm = node (project, "N-13");
  g_assert_cmpint (bw_attack_node_get_implemented (cm), ==, 1);
  g_assert_cmpstr (bw_attack_node_get_objective (cm), ==, "O-1");
  g_assert_cmpuint (g_list_model_get_n_items (bw_attack_node_get_countermeasures (node (project, "N-6"))), ==, 1);

  /* The loader's checks refuse an objective that is not there. */
  dangling = bw_command_attack_tree_add_countermeasure (project, "N-6", "x", FALSE, "O-99");
  assert_refused (project, dangling, BW_COMMAND_ERROR_INVALID);
  g_assert_null (bw_project_lookup (project, "N-14"));
}

static void
test_indent_outdent (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) indent = bw_command_attack_tree_indent (project, "N-6");
  g_autoptr(BwCommand) outdent = NULL;
  g_autoptr(BwCommand) first = bw_command_attack_tree_indent (project, "N-2");
  g_autoptr(BwCommand) top = bw_command_attack_tree_outdent (project, "N-2");
  g_autoptr(BwCommand) cm = bw_command_attack_tree_indent (project, "N-5");

  assert_refused (project, first, BW_COMMAND_ERROR_INVALID);
  assert_refused (project, top, BW_COMMAND_ERROR_INVALID);
  assert_refused (project, cm, BW_COMMAND_ERROR_INVALID);

  /* N-6 goes under the step before it, N-2, as its last child. */
  apply_and_check_undo (project, indent);
  g_assert_cmpuint (n_children (project, "N-1"), ==, 2);
  g_assert_cmpuint (n_children (project, "N-2"), ==, 3);
  g_assert_cmpstr (child_id (project, "N-2", 2), ==, "N-6");

  /* And back out: right after its old parent. */
  outdent = bw_command_attack_tree_outdent (project, "N-6");
  apply_and_check_undo (project, outdent);
  g_assert_cmpuint (n_children (project, "N-1"), ==, 3);
  g_assert_cmpstr (child_id (project, "N-1", 1), ==, "N-6");
  g_assert_cmpuint (n_children (project, "N-2"), ==, 2);

  /* Indenting under a leaf makes it an OR. */
  g_clear_object (&indent);
  indent = bw_command_attack_tree_indent (project, "N-4");
  apply_and_check_undo (project, indent);
  g_assert_cmpstr (bw_attack_node_get_gate (node (project, "N-3")), ==, "or");
  g_assert_cmpstr (child_id (project, "N-3", 0), ==, "N-4");
}

static void
test_move_up_down (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) up = bw_command_attack_tree_move_up (project, "N-6");
  g_autoptr(BwCommand) down = bw_command_attack_tree_move_down (project, "N-3");
  g_autoptr(BwCommand) first = bw_command_attack_tree_move_up (project, "N-2");
  g_autoptr(BwCommand) last = bw_command_attack_tree_move_down (project, "N-9");
  g_autoptr(BwCommand) root = bw_command_attack_tree_move_up (project, "N-1");

  assert_refused (project, first, BW_COMMAND_ERROR_INVALID);
  assert_refused (project, last, BW_COMMAND_ERROR_INVALID);
  assert_refused (project, root, BW_COMMAND_ERROR_INVALID);

  apply_and_check_undo (project, up);
  g_assert_cmpstr (child_id (project, "N-1", 0), ==, "N-6");
  g_assert_cmpstr (child_id (project, "N-1", 1), ==, "N-2");

  /* SAND order is meaningful: moving changes the sequence. */
  apply_and_check_undo (project, down);
  g_assert_cmpstr (child_id (project, "N-2", 0), ==, "N-4");
  g_assert_cmpstr (child_id (project, "N-2", 1), ==, "N-3");
}

static void
test_set_gate (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) sand = bw_command_attack_tree_set_gate (project, "N-6", "sand");
  g_autoptr(BwCommand) to_or = bw_command_attack_tree_set_gate (project, "N-7", "or");
  g_autoptr(BwCommand) to_leaf = bw_command_attack_tree_set_gate (project, "N-6", "leaf");
  g_autoptr(BwCommand) bogus = bw_command_attack_tree_set_gate (project, "N-6", "xor");

  apply_and_check_undo (project, sand);
  g_assert_cmpstr (bw_attack_node_get_gate (node (project, "N-6")), ==, "sand");

  /* A leaf with a gate keeps no attributes; the undo restores them. */
  apply_and_check_undo (project, to_or);
  g_assert_cmpstr (bw_attack_node_get_gate (node (project, "N-7")), ==, "or");
  g_assert_true (bw_number_is_null (bw_attack_attributes_get_cost (bw_attack_node_get_attributes (node (project, "N-7")))));

  assert_refused (project, to_leaf, BW_COMMAND_ERROR_INVALID);
  assert_refused (project, bogus, BW_COMMAND_ERROR_INVALID);
}

static void
test_delete (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_delete_node (project, "N-9");
  g_autoptr(BwCommand) root = bw_command_attack_tree_delete_node (project, "N-1");
  g_autofree char *before = to_string (project);
  g_autofree char *after = NULL;

  assert_refused (project, root, BW_COMMAND_ERROR_INVALID);

  apply_and_check_undo (project, command);
  g_assert_cmpuint (n_children (project, "N-1"), ==, 2);
  /* The subtree left the index: its countermeasure too. */
  g_assert_null (bw_project_lookup (project, "N-9"));
  g_assert_null (bw_project_lookup (project, "N-11"));
  g_assert_null (bw_project_lookup (project, "N-12"));

  bw_command_revert (command, project);
  g_assert_nonnull (bw_project_lookup (project, "N-12"));
  after = to_string (project);
  g_assert_cmpstr (before, ==, after);
}

static void
test_reparent (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_reparent (project, "N-7", "N-9", 0);
  g_autoptr(BwCommand) cycle = bw_command_attack_tree_reparent (project, "N-2", "N-3", -1);
  g_autoptr(BwCommand) cm = bw_command_attack_tree_reparent (project, "N-12", "N-6", -1);

  assert_refused (project, cycle, BW_COMMAND_ERROR_INVALID);

  apply_and_check_undo (project, command);
  g_assert_cmpstr (child_id (project, "N-9", 0), ==, "N-7");
  g_assert_cmpuint (n_children (project, "N-6"), ==, 1);

  /* A countermeasure dragged elsewhere stays a countermeasure. */
  apply_and_check_undo (project, cm);
  g_assert_cmpuint (g_list_model_get_n_items (bw_attack_node_get_countermeasures (node (project, "N-6"))), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bw_attack_node_get_countermeasures (node (project, "N-9"))), ==, 0);
}

static void
test_from_threat (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwCommand) command = bw_command_attack_tree_new_from_threat (project, "T-2");
  g_autoptr(BwCommand) missing = bw_command_attack_tree_new_from_threat (project, "T-99");
  const char *id = bw_command_attack_tree_get_new_id (BW_COMMAND_ATTACK_TREE (command));
  BwThreat *threat = BW_THREAT (bw_project_lookup (project, "T-2"));
  BwAttackTree *tree;

  g_assert_cmpstr (id, ==, "AT-2");
  apply_and_check_undo (project, command);

  tree = BW_ATTACK_TREE (bw_project_lookup (project, "AT-2"));
  g_assert_nonnull (tree);
  g_assert_cmpstr (bw_attack_tree_get_title (tree), ==, bw_threat_get_title (threat));
  g_assert_cmpstr (bw_attack_node_get_label (bw_attack_tree_get_root (tree)), ==, bw_threat_get_title (threat));
  g_assert_cmpstr (bw_attack_node_get_gate (bw_attack_tree_get_root (tree)), ==, "or");
  g_assert_cmpstrv (bw_attack_tree_get_threats (tree), ((const char *[]) { "T-2", NULL }));
  g_assert_true (g_strv_contains (bw_threat_get_attack_trees (threat), "AT-2"));
  /* The root node is in the index, so the outline can add to it. */
  g_assert_nonnull (bw_project_lookup (project, bw_record_get_id (BW_RECORD (bw_attack_tree_get_root (tree)))));

  bw_command_revert (command, project);
  g_assert_null (bw_project_lookup (project, "AT-2"));
  g_assert_false (g_strv_contains (bw_threat_get_attack_trees (threat), "AT-2"));

  assert_refused (project, missing, BW_COMMAND_ERROR_NOT_FOUND);
}

/* A whole tree goes with the project's own delete, nodes and links too. */
static void
test_delete_tree (void)
{
  g_autoptr(BwProject) project = load_example ();
  const char *ids[] = { "AT-1", NULL };
  g_autoptr(BwCommand) command = bw_command_remove_new (project, ids);
  BwThreat *threat = BW_THREAT (bw_project_lookup (project, "T-1"));

  apply_and_check_undo (project, command);
  g_assert_null (bw_project_lookup (project, "AT-1"));
  g_assert_null (bw_project_lookup (project, "N-1"));
  g_assert_null (bw_project_lookup (project, "N-12"));
  g_assert_false (g_strv_contains (bw_threat_get_attack_trees (threat), "AT-1"));
  bw_command_revert (command, project);
  g_assert_nonnull (bw_project_lookup (project, "N-12"));
}

/* Through the stack: one step each, with a label. */
static void
test_stack (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwCommand) add = bw_command_attack_tree_add_child (project, "N-6", "Pair a rogue phone", -1);
  g_autoptr(BwCommand) gate = bw_command_attack_tree_set_gate (project, "N-6", "or");
  g_autofree char *before = to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_stack_execute (stack, add, &error));
  g_assert_true (bw_command_stack_execute (stack, gate, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Change Gate");
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Add Attack Step");
  g_assert_true (bw_command_stack_undo (stack));
  after = to_string (project);
  g_assert_cmpstr (before, ==, after);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attack-commands/add-child", test_add_child);
  g_test_add_func ("/attack-commands/add-sibling", test_add_sibling);
  g_test_add_func ("/attack-commands/add-countermeasure", test_add_countermeasure);
  g_test_add_func ("/attack-commands/indent-outdent", test_indent_outdent);
  g_test_add_func ("/attack-commands/move-up-down", test_move_up_down);
  g_test_add_func ("/attack-commands/set-gate", test_set_gate);
  g_test_add_func ("/attack-commands/delete", test_delete);
  g_test_add_func ("/attack-commands/reparent", test_reparent);
  g_test_add_func ("/attack-commands/from-threat", test_from_threat);
  g_test_add_func ("/attack-commands/delete-tree", test_delete_tree);
  g_test_add_func ("/attack-commands/stack", test_stack);

  return g_test_run ();
}
