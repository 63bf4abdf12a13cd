/* bw-report-build-trees.c — the attack trees of the security analysis
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Each tree as a picture with its computed values, the values at the
 * root with and without the planned countermeasures, the warnings of the
 * evaluation, and the cheapest complete attacks.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bw-attack-node.h"
#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-painter.h"
#include "bw-attack-tree.h"
#include "bw-graphviz.h"

#include "bw-report-private.h"

#define FIGURE_MARGIN 16.0
#define N_TOP_ATTACKS 5

typedef struct
{
  BwAttackTree *tree;
  BwTreeLayout *layout;
  BwAttackEval *eval;
} TreeFigure;

static void
tree_figure_free (gpointer data)
{
  TreeFigure *figure = data;

  g_object_unref (figure->tree);
  bw_tree_layout_free (figure->layout);
  g_clear_pointer (&figure->eval, bw_attack_eval_unref);
  g_free (figure);
}

static void
draw_tree (cairo_t  *cr,
           gpointer  data)
{
  TreeFigure *figure = data;
  BwTreePaintOptions options = { 0 };

  options.background = TRUE;
  options.eval = figure->eval;
  options.view = BW_ATTACK_VIEW_RESIDUAL;
  cairo_save (cr);
  cairo_translate (cr, FIGURE_MARGIN, FIGURE_MARGIN);
  bw_attack_tree_paint (cr, figure->tree, figure->layout, &options);
  cairo_restore (cr);
}

static const char *
attr_label (BwAttackAttr attr)
{
  switch (attr)
    {
    case BW_ATTACK_ATTR_COST: return _("Cost");
    case BW_ATTACK_ATTR_TIME_H: return _("Time (hours)");
    case BW_ATTACK_ATTR_SKILL: return _("Skill (1–5)");
    case BW_ATTACK_ATTR_DIFFICULTY: return _("Difficulty");
    case BW_ATTACK_ATTR_PROBABILITY: return _("Probability");
    case BW_ATTACK_N_ATTRS:
    default: return "";
    }
}

static void
add_tree (BwReportBuild *build,
          BwAttackTree  *tree)
{
  BwReport *report = build->report;
  const char *id = bw_record_get_id (BW_RECORD (tree));
  BwAttackNode *root = bw_attack_tree_get_root (tree);
  /* Root on the left: trees are wider than deep, pages taller than wide. */
  BwTreeGraphOptions graph_options = { .show_values = TRUE, .left_to_right = TRUE };
  g_autoptr(GError) error = NULL;
  g_autofree char *threats = bw_report_join_ids (bw_attack_tree_get_threats (tree));
  g_autofree char *heading = g_strdup_printf ("%s %s", id, bw_attack_tree_get_title (tree));
  g_autoptr(BwAttackEval) eval = NULL;
  BwTreeLayout *layout;
  GPtrArray *warnings;
  g_autoptr(GPtrArray) attacks = NULL;
  const char * const value_columns[] = { _("Attribute"), _("With the implemented countermeasures"),
                                         _("With every countermeasure"), NULL };

  bw_report_add_heading (report, bw_report_sub_level (build), NULL, heading);
  if (*threats != '\0')
    bw_report_add_paragraph_printf (report, _("Refines the threats %s."), threats);
  if (root == NULL)
    {
      bw_report_add_paragraph (report, _("This tree has no goal yet."));
      return;
    }

  eval = bw_attack_eval_new (root);
  layout = bw_graphviz_layout_tree (tree, &graph_options, &error);
  if (layout == NULL)
    bw_report_add_paragraph_printf (report, _("The tree could not be drawn: %s"), error->message);
  else
    {
      TreeFigure *figure = g_new0 (TreeFigure, 1);
      g_autofree char *caption = g_strdup_printf (_("%s, values with the implemented countermeasures"), id);

      figure->tree = g_object_ref (tree);
      figure->layout = layout;
      figure->eval = bw_attack_eval_ref (eval);
      bw_report_add_figure (report, id, caption, ceil (layout->width + 2 * FIGURE_MARGIN),
                            ceil (layout->height + 2 * FIGURE_MARGIN), draw_tree, figure, tree_figure_free);
    }

  bw_report_add_table (report, NULL, value_columns);
  for (guint a = 0; a < BW_ATTACK_N_ATTRS; a++)
    {
      g_autofree char *residual = bw_attack_values_format (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_RESIDUAL), a);
      g_autofree char *target = bw_attack_values_format (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_TARGET), a);

      bw_report_add_row (report, attr_label (a), residual, target, NULL);
    }

  warnings = bw_attack_eval_get_warnings (eval);
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      BwAttackWarning *warning = g_ptr_array_index (warnings, i);

      bw_report_add_paragraph_printf (report, _("Warning: %s"), warning->message);
    }

  attacks = bw_attack_minimal_attacks (root, BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, N_TOP_ATTACKS);
  if (attacks != NULL && attacks->len > 0)
    {
      const char * const attack_columns[] = { _("Rank"), _("Steps"), _("Cost"), _("Skill"), NULL };

      bw_report_add_paragraph (report, _("The cheapest complete attacks:"));
      bw_report_add_table (report, NULL, attack_columns);
      for (guint i = 0; i < attacks->len; i++)
        {
          BwAttack *attack = g_ptr_array_index (attacks, i);
          g_autoptr(GString) steps = g_string_new (NULL);
          g_autofree char *cost = bw_attack_values_format (&attack->values, BW_ATTACK_ATTR_COST);
          g_autofree char *skill = bw_attack_values_format (&attack->values, BW_ATTACK_ATTR_SKILL);
          char rank[16];

          for (guint l = 0; attack->leaf_ids[l] != NULL; l++)
            {
              g_autofree char *leaf = bw_report_describe_ref (build->project, attack->leaf_ids[l]);

              if (l > 0)
                g_string_append (steps, "; ");
              g_string_append (steps, leaf);
            }
          g_snprintf (rank, sizeof rank, "%u", i + 1);
          bw_report_add_row (report, rank, steps->str, cost, skill, NULL);
        }
    }
}

void
bw_report_build_attack_trees (BwReportBuild *build)
{
  GListModel *trees = bw_project_get_attack_trees (build->project);
  guint n = g_list_model_get_n_items (trees);

  bw_report_add_heading (build->report, build->level, "analysis-attack-trees", _("Attack trees"));
  if (n == 0)
    {
      bw_report_add_paragraph (build->report, _("No attack trees are drawn."));
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);

      add_tree (build, tree);
    }
}
