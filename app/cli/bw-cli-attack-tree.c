/* bw-cli-attack-tree.c — bulwark-cli attack-tree: draw and evaluate a tree
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "bw-attack-tree-eval.h"
#include "bw-graphviz.h"
#include "bw-project-io.h"

#include "bw-cli.h"

static void
add_values (JsonBuilder          *builder,
            const BwAttackValues *values)
{
  json_builder_begin_object (builder);
  for (guint a = 0; a < BW_ATTACK_N_ATTRS; a++)
    {
      json_builder_set_member_name (builder, bw_attack_attr_name (a));
      if (!bw_attack_values_known (values, a))
        json_builder_add_null_value (builder);
      else if (a == BW_ATTACK_ATTR_DIFFICULTY)
        json_builder_add_string_value (builder, bw_attack_difficulty_name (values->v[a]));
      else
        json_builder_add_double_value (builder, values->v[a]);
    }
  json_builder_end_object (builder);
}

static void
add_nodes (JsonBuilder  *builder,
           BwAttackEval *eval,
           BwAttackNode *node,
           gboolean      countermeasure)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };
  const char *id = bw_record_get_id (BW_RECORD (node));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, id);
  json_builder_set_member_name (builder, "label");
  json_builder_add_string_value (builder, bw_attack_node_get_label (node));
  json_builder_set_member_name (builder, "gate");
  json_builder_add_string_value (builder, bw_attack_node_get_gate (node));
  json_builder_set_member_name (builder, "countermeasure");
  json_builder_add_boolean_value (builder, countermeasure);
  if (countermeasure)
    {
      json_builder_set_member_name (builder, "implemented");
      json_builder_add_boolean_value (builder, bw_attack_node_get_implemented (node) == 1);
    }
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    {
      json_builder_set_member_name (builder, bw_attack_view_name (view));
      add_values (builder, bw_attack_eval_get (eval, id, view));
    }
  json_builder_end_object (builder);

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

        add_nodes (builder, eval, child, l == 1);
      }
}

static const char *
label_of (BwProject  *project,
          const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  return BW_IS_ATTACK_NODE (record) ? bw_attack_node_get_label (BW_ATTACK_NODE (record)) : id;
}

static char *
eval_json (BwProject    *project,
           BwAttackTree *tree,
           BwAttackAttr  rank_by,
           guint         k)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  GPtrArray *warnings = bw_attack_eval_get_warnings (eval);
  BwExploitabilityMapping mapping;
  guint n_levels = g_strv_length ((char **) bw_risk_method_get_exploitability (bw_project_get_risk_method (project)));

  bw_exploitability_mapping_init_default (&mapping);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "tree");
  json_builder_add_string_value (builder, bw_record_get_id (BW_RECORD (tree)));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, bw_attack_tree_get_title (tree));

  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  add_nodes (builder, eval, bw_attack_tree_get_root (tree), FALSE);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < warnings->len; i++)
    {
      BwAttackWarning *w = warnings->pdata[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, w->message);
      json_builder_set_member_name (builder, "nodes");
      json_builder_begin_array (builder);
      for (guint j = 0; w->node_ids[j] != NULL; j++)
        json_builder_add_string_value (builder, w->node_ids[j]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "minimal_attacks");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rank_by");
  json_builder_add_string_value (builder, bw_attack_attr_name (rank_by));
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    {
      g_autoptr(GPtrArray) attacks = bw_attack_minimal_attacks (bw_attack_tree_get_root (tree), view, rank_by, k);

      json_builder_set_member_name (builder, bw_attack_view_name (view));
      json_builder_begin_array (builder);
      for (guint i = 0; i < attacks->len; i++)
        {
          BwAttack *attack = attacks->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "rank");
          json_builder_add_int_value (builder, i + 1);
          json_builder_set_member_name (builder, "leaves");
          json_builder_begin_array (builder);
          for (guint j = 0; attack->leaf_ids[j] != NULL; j++)
            json_builder_add_string_value (builder, attack->leaf_ids[j]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "labels");
          json_builder_begin_array (builder);
          for (guint j = 0; attack->leaf_ids[j] != NULL; j++)
            json_builder_add_string_value (builder, label_of (project, attack->leaf_ids[j]));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "values");
          add_values (builder, &attack->values);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "exploitability");
  json_builder_begin_object (builder);
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    {
      int level = bw_exploitability_mapping_level (&mapping, bw_attack_eval_get_root (eval, view), n_levels);

      json_builder_set_member_name (builder, bw_attack_view_name (view));
      if (level == 0)
        json_builder_add_null_value (builder);
      else
        json_builder_add_int_value (builder, level);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

static void
print_values (const BwAttackValues *values)
{
  for (guint a = 0; a < BW_ATTACK_N_ATTRS; a++)
    {
      g_autofree char *text = bw_attack_values_format (values, a);

      g_print ("  %s %s", bw_attack_attr_name (a), text);
    }
}

static void
print_nodes (BwAttackEval *eval,
             BwAttackNode *node,
             gboolean      countermeasure,
             guint         depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };
  const char *id = bw_record_get_id (BW_RECORD (node));

  g_print ("%*s%s %s [%s%s]\n", (int) depth * 2, "", id, bw_attack_node_get_label (node),
           countermeasure ? (bw_attack_node_get_implemented (node) == 1 ? _("countermeasure, in place")
                                                                         : _("countermeasure, planned"))
                          : bw_attack_node_get_gate (node), "");
  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    {
      g_print ("%*s  %-8s", (int) depth * 2, "", bw_attack_view_name (view));
      print_values (bw_attack_eval_get (eval, id, view));
      g_print ("\n");
    }
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

        print_nodes (eval, child, l == 1, depth + 1);
      }
}

static void
eval_text (BwProject    *project,
           BwAttackTree *tree,
           BwAttackAttr  rank_by,
           guint         k)
{
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  GPtrArray *warnings = bw_attack_eval_get_warnings (eval);

  g_print ("%s %s\n\n", bw_record_get_id (BW_RECORD (tree)), bw_attack_tree_get_title (tree));
  print_nodes (eval, bw_attack_tree_get_root (tree), FALSE, 0);
  for (guint i = 0; i < warnings->len; i++)
    g_print (_("warning: %s\n"), ((BwAttackWarning *) warnings->pdata[i])->message);

  for (guint view = 0; view < BW_ATTACK_N_VIEWS; view++)
    {
      g_autoptr(GPtrArray) attacks = bw_attack_minimal_attacks (bw_attack_tree_get_root (tree), view, rank_by, k);

      g_print (_("\nMinimal attacks (%s view, by %s):\n"), bw_attack_view_name (view), bw_attack_attr_name (rank_by));
      for (guint i = 0; i < attacks->len; i++)
        {
          BwAttack *attack = attacks->pdata[i];

          g_print ("%3u.", i + 1);
          print_values (&attack->values);
          g_print ("\n");
          for (guint j = 0; attack->leaf_ids[j] != NULL; j++)
            g_print ("      %s %s\n", attack->leaf_ids[j], label_of (project, attack->leaf_ids[j]));
        }
      if (attacks->len == 0)
        g_print (_("  none\n"));
    }
}

int
bw_cli_attack_tree (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *rank_by_name = NULL;
  gboolean left_to_right = FALSE;
  gboolean show_values = FALSE;
  gboolean evaluate = FALSE;
  int k = 10;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Draw the tree to OUT (.svg, .png, .pdf or .dot)"), N_("OUT") },
    { "lr", 0, 0, G_OPTION_ARG_NONE, &left_to_right, N_("Root on the left instead of on top"), NULL },
    { "values", 0, 0, G_OPTION_ARG_NONE, &show_values, N_("Show the evaluated values on the nodes"), NULL },
    { "eval", 0, 0, G_OPTION_ARG_NONE, &evaluate, N_("Print every node’s values and the cheapest attacks"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output of --eval: text (default) or json"), N_("FORMAT") },
    { "rank-by", 0, 0, G_OPTION_ARG_STRING, &rank_by_name, N_("Rank attacks by cost (default), time_h, skill, difficulty or probability"), N_("ATTR") },
    { "count", 'k', 0, G_OPTION_ARG_INT, &k, N_("How many attacks to list (default 10)"), N_("K") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE TREE-ID"));
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;
  BwAttackAttr rank_by = BW_ATTACK_ATTR_COST;
  BwRecord *record;

  g_option_context_set_summary (context, _("Draw an attack tree with Graphviz, and evaluate it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc != 3 || (output == NULL && !evaluate) ||
      (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "text")) ||
      (rank_by_name != NULL && !bw_attack_attr_from_name (rank_by_name, &rank_by)) || k < 1)
    {
      g_printerr (_("Usage: bulwark-cli attack-tree FILE AT-ID -o OUT.svg|png|pdf|dot [--lr] [--values] [--eval [--format json|text] [--rank-by ATTR] [-k N]]\n"));
      return 2;
    }

  project = bw_cli_load_or_report (argv[1]);
  if (project == NULL)
    return 1;
  bw_cli_print_warnings (project);

  record = bw_project_lookup (project, argv[2]);
  if (!BW_IS_ATTACK_TREE (record))
    {
      g_printerr (_("%s: “%s” is not an attack tree of this project.\n"), argv[1], argv[2]);
      return 1;
    }

  if (output != NULL)
    {
      BwTreeGraphOptions options = { left_to_right, show_values };

      if (!bw_graphviz_render_tree_to_file (BW_ATTACK_TREE (record), &options, output, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (evaluate)
    {
      if (format != NULL && g_str_equal (format, "json"))
        {
          g_autofree char *json = eval_json (project, BW_ATTACK_TREE (record), rank_by, k);

          g_print ("%s\n", json);
        }
      else
        eval_text (project, BW_ATTACK_TREE (record), rank_by, k);
    }
  return 0;
}
