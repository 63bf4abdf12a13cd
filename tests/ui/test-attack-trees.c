/* test-attack-trees.c — the attack-tree page as a user drives it (Xvfb)
 *
 * Builds a three-level tree with the outline's edits, gives the leaves
 * their attributes, checks the values computed by hand in both views,
 * undoes and redoes, and exports an SVG.
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-page.h"
#include "bw-attack-tree-view.h"
#include "bw-command-attack-tree.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"
#include "bw-ui-test-utils.h"

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  BwProject        *project;
  GtkWindow        *window;
  BwAttackTreePage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  f->project = bw_project_load_example (&error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 760);
  f->page = BW_ATTACK_TREE_PAGE (bw_attack_tree_page_new ());
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (f->window, overlay);
  bw_attack_tree_page_set_project (f->page, f->project);
  gtk_window_present (f->window);
  bw_ui_iterate_until (bw_ui_has_size, bw_attack_tree_page_get_graph (f->page));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->window);
  drain ();
  g_clear_object (&f->project);
}

/* The edits, as the outline's keys run them. */
static void
press (Fixture    *f,
       const char *action)
{
  g_assert_true (bw_attack_tree_page_activate (f->page, action, NULL));
  drain ();
}

static void
type_label (Fixture    *f,
            const char *label)
{
  g_assert_true (bw_attack_tree_page_set_value (f->page, "label", label));
}

static const char *
selected (Fixture *f)
{
  return bw_attack_tree_page_get_selected_id (f->page);
}

static BwAttackNode *
node (Fixture    *f,
      const char *id)
{
  BwRecord *record = bw_project_lookup (f->project, id);

  g_assert_true (BW_IS_ATTACK_NODE (record));
  return BW_ATTACK_NODE (record);
}

static double
value_of (Fixture     *f,
          const char  *node_id,
          BwAttackView view,
          BwAttackAttr attr)
{
  BwAttackTree *tree = BW_ATTACK_TREE (bw_project_lookup (f->project, bw_attack_tree_page_get_tree_id (f->page)));
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  const BwAttackValues *values = bw_attack_eval_get (eval, node_id, view);

  g_assert_nonnull (values);
  return values->v[attr];
}

static void
set_attributes (Fixture    *f,
                const char *id,
                const char *cost,
                const char *skill)
{
  bw_attack_tree_page_set_selected_id (f->page, id);
  g_assert_cmpstr (selected (f), ==, id);
  g_assert_true (bw_attack_tree_page_set_value (f->page, "cost", cost));
  g_assert_true (bw_attack_tree_page_set_value (f->page, "skill", skill));
}

static void
test_build_evaluate_export (Fixture       *f,
                            gconstpointer  data)
{
  BwCommandStack *stack = bw_project_get_command_stack (f->project);
  g_autofree char *tree_id = NULL;
  g_autofree char *root = NULL, *a = NULL, *b = NULL, *b1 = NULL, *b2 = NULL, *d = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  BwAttackNode *parent = NULL;
  gboolean countermeasure = FALSE;
  guint n_trees = g_list_model_get_n_items (bw_project_get_attack_trees (f->project));

  /* A new tree: its root is selected, ready to be named. */
  press (f, "tree.new");
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_attack_trees (f->project)), ==, n_trees + 1);
  tree_id = g_strdup (bw_attack_tree_page_get_tree_id (f->page));
  g_assert_cmpstr (tree_id, !=, "AT-1");
  root = g_strdup (selected (f));
  g_assert_nonnull (root);
  type_label (f, "Steal therapy data");

  /* Level 2: Insert adds a child, Enter a sibling. */
  press (f, "add-child");
  a = g_strdup (selected (f));
  type_label (f, "Phish the clinician");
  press (f, "add-sibling");
  b = g_strdup (selected (f));
  type_label (f, "Break into the clinic");
  g_assert_true (bw_attack_tree_find_node (f->project, b, &parent, NULL, NULL) != NULL);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (parent)), ==, root);

  /* Level 3: a sibling of B, indented (Tab), becomes B's child. */
  press (f, "add-sibling");
  b1 = g_strdup (selected (f));
  type_label (f, "Pick the lock");
  press (f, "indent");
  g_assert_cmpstr (selected (f), ==, b1);
  bw_attack_tree_find_node (f->project, b1, &parent, NULL, NULL);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (parent)), ==, b);
  press (f, "add-sibling");
  b2 = g_strdup (selected (f));
  type_label (f, "Disable the alarm");
  bw_attack_tree_find_node (f->project, b2, &parent, NULL, NULL);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (parent)), ==, b);

  /* Move down and back up (Ctrl+Down, Ctrl+Up): order round-trips. */
  bw_attack_tree_page_set_selected_id (f->page, b1);
  press (f, "move-down");
  g_assert_cmpstr (bw_record_get_id (g_list_model_get_item (bw_attack_node_get_children (node (f, b)), 1)),
                   ==, b1);
  press (f, "move-up");
  g_assert_cmpstr (selected (f), ==, b1);

  /* B needs both: the gate menu. */
  bw_attack_tree_page_set_selected_id (f->page, b);
  g_assert_true (bw_attack_tree_page_activate (f->page, "node.gate", g_variant_new_string ("and")));
  drain ();
  g_assert_cmpstr (bw_attack_node_get_gate (node (f, b)), ==, "and");

  /* A planned countermeasure on B (Ctrl+M), expensive to defeat. */
  press (f, "add-countermeasure");
  d = g_strdup (selected (f));
  type_label (f, "Door alarm with remote monitoring");
  bw_attack_tree_find_node (f->project, d, &parent, &countermeasure, NULL);
  g_assert_true (countermeasure);
  g_assert_cmpint (bw_attack_node_get_implemented (node (f, d)), ==, 0);

  /* A throw-away step, deleted again (Delete). */
  bw_attack_tree_page_set_selected_id (f->page, a);
  press (f, "add-sibling");
  g_assert_nonnull (selected (f));
  press (f, "delete");
  g_assert_cmpuint (g_list_model_get_n_items (bw_attack_node_get_children (node (f, root))), ==, 2);

  /* Attributes, as typed in the inspector. */
  set_attributes (f, a, "1000", "2");
  set_attributes (f, b1, "300", "3");
  set_attributes (f, b2, "200", "4");
  set_attributes (f, d, "10000", "5");
  g_assert_false (bw_attack_tree_page_set_value (f->page, "probability", "1.5"));

  /* By hand (METHOD.md): B = AND(300, 200) = 500, skill max(3, 4) = 4.
   * Residual (the planned countermeasure does not count):
   *   root = OR(1000, 500) = 500, skill min(2, 4) = 2.
   * Target (it counts): B = 500 + 10000 = 10500, skill max(4, 5) = 5;
   *   root = OR(1000, 10500) = 1000. */
  g_assert_cmpfloat (value_of (f, b, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST), ==, 500);
  g_assert_cmpfloat (value_of (f, b, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_SKILL), ==, 4);
  g_assert_cmpfloat (value_of (f, root, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST), ==, 500);
  g_assert_cmpfloat (value_of (f, root, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_SKILL), ==, 2);
  g_assert_cmpfloat (value_of (f, b, BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_COST), ==, 10500);
  g_assert_cmpfloat (value_of (f, b, BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_SKILL), ==, 5);
  g_assert_cmpfloat (value_of (f, root, BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_COST), ==, 1000);

  /* Undo the last attribute (the countermeasure's skill), then its cost:
   * in the target view the cost of defeating it is no longer known, so
   * neither is the root's; the residual view does not count it at all. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  drain ();
  g_assert_true (isnan (value_of (f, root, BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_COST)));
  g_assert_cmpfloat (value_of (f, root, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST), ==, 500);
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_true (bw_command_stack_redo (stack));
  drain ();
  g_assert_cmpfloat (value_of (f, root, BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_COST), ==, 1000);

  g_assert_cmpstr (bw_attack_node_get_label (node (f, b2)), ==, "Disable the alarm");

  /* Export: an SVG with every label in it. */
  dir = g_dir_make_tmp ("bulwark-tree-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "tree.svg", NULL);
  g_assert_true (bw_attack_tree_page_export (f->page, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (strstr (svg, "<svg") != NULL);
  g_assert_true (strstr (svg, "Phish the clinician") != NULL);
  g_assert_true (strstr (svg, "Pick the lock") != NULL);
  g_assert_true (strstr (svg, "Disable the alarm") != NULL);
  g_assert_true (strstr (svg, "Steal therapy data") != NULL);
  g_unlink (path);
  g_rmdir (dir);

  /* Undo everything back to before the tree: it is gone, the page shows
   * the first tree again. */
  while (g_list_model_get_n_items (bw_project_get_attack_trees (f->project)) > n_trees)
    g_assert_true (bw_command_stack_undo (stack));
  drain ();
  g_assert_cmpstr (bw_attack_tree_page_get_tree_id (f->page), ==, "AT-1");
}

/* The example's AT-1: both views show it, and picking a node in the graph
 * selects it in the outline too. */
static void
test_shared_selection (Fixture       *f,
                       gconstpointer  data)
{
  BwAttackTreeView *graph = BW_ATTACK_TREE_VIEW (bw_attack_tree_page_get_graph (f->page));
  GtkListView *outline = GTK_LIST_VIEW (bw_attack_tree_page_get_outline (f->page));
  GtkSelectionModel *model = gtk_list_view_get_model (outline);
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) item = NULL;
  guint position;

  int minimum = 0;

  g_assert_cmpstr (bw_attack_tree_page_get_tree_id (f->page), ==, "AT-1");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 5);

  /* Beside the window's sidebar, the page must fit a 1280-pixel screen. */
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("page minimum width: %d", minimum);
  g_assert_cmpint (minimum, <=, 1000);

  bw_attack_tree_view_set_selected_id (graph, "N-4");
  drain ();
  g_assert_cmpstr (bw_attack_tree_page_get_selected_id (f->page), ==, "N-4");
  position = gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  row = g_list_model_get_item (G_LIST_MODEL (model), position);
  item = gtk_tree_list_row_get_item (row);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (item)), ==, "N-4");

  /* And the other way round. */
  bw_attack_tree_page_set_selected_id (f->page, "N-5");
  g_assert_cmpstr (bw_attack_tree_view_get_selected_id (graph), ==, "N-5");

  /* Zoom and direction. */
  bw_attack_tree_view_zoom_by (graph, 2.0);
  bw_attack_tree_view_set_left_to_right (graph, TRUE);
  drain ();
  g_assert_true (bw_attack_tree_view_get_left_to_right (graph));
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "attack-trees"))
    return 0;

  g_test_add ("/ui/attack-trees/build-evaluate-export", Fixture, NULL,
              fixture_set_up, test_build_evaluate_export, fixture_tear_down);
  g_test_add ("/ui/attack-trees/shared-selection", Fixture, NULL,
              fixture_set_up, test_shared_selection, fixture_tear_down);

  return g_test_run ();
}
