/* test-attack-eval.c — attack-tree values, minimal attacks, exploitability
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every expected value below is computed by hand from METHOD.md's table.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-attack-tree-eval.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"

#define LEAF(id, label, cost, time, skill, prob, diff) \
  "{\"id\":\"" id "\",\"label\":\"" label "\",\"gate\":\"leaf\",\"attributes\":{\"cost\":" #cost \
  ",\"time_h\":" #time ",\"skill\":" #skill ",\"probability\":" #prob ",\"difficulty\":\"" diff "\"}}"

static BwProject *
load_string (const char *json)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_from_data (json, strlen (json), &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

/* A project with one tree AT-1 whose root is `root` (JSON). */
static BwProject *
load_tree (const char *root)
{
  g_autofree char *json = g_strdup_printf ("{\"format\":\"bulwark\",\"format_version\":1,"
                                           "\"id_counters\":{\"AT\":2,\"N\":100},"
                                           "\"attack_trees\":[{\"id\":\"AT-1\",\"title\":\"t\",\"root\":%s}]}",
                                           root);
  return load_string (json);
}

static BwAttackNode *
root_of (BwProject *project)
{
  return bw_attack_tree_get_root (BW_ATTACK_TREE (bw_project_lookup (project, "AT-1")));
}

static void
assert_values (const BwAttackValues *v,
               double                cost,
               double                time_h,
               double                skill,
               double                difficulty,
               double                probability)
{
  double expected[BW_ATTACK_N_ATTRS] = { cost, time_h, skill, difficulty, probability };

  g_assert_nonnull (v);
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    {
      if (isnan (expected[i]))
        g_assert_true (isnan (v->v[i]));
      else
        g_assert_cmpfloat_with_epsilon (v->v[i], expected[i], 1e-9);
    }
}

/* OR over an AND, a SAND and a leaf: every attribute of every gate. */
static const char gates_tree[] =
  "{\"id\":\"N-1\",\"label\":\"goal\",\"gate\":\"or\",\"children\":["
  "{\"id\":\"N-2\",\"label\":\"and\",\"gate\":\"and\",\"children\":["
  LEAF ("N-3", "a", 10, 5, 2, 0.5, "L") "," LEAF ("N-4", "b", 20, 3, 4, 0.4, "H") "]},"
  "{\"id\":\"N-5\",\"label\":\"sand\",\"gate\":\"sand\",\"children\":["
  LEAF ("N-6", "c", 1, 2, 1, 0.9, "M") "," LEAF ("N-7", "d", 2, 7, 3, 0.5, "M") "]},"
  LEAF ("N-8", "e", 100, 1, 5, 0.1, "E") "]}";

static void
test_gates (void)
{
  g_autoptr(BwProject) project = load_tree (gates_tree);
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (root_of (project));

  /* AND: sum, max, max, max, product. */
  assert_values (bw_attack_eval_get (eval, "N-2", BW_ATTACK_VIEW_RESIDUAL), 30, 5, 4, 3, 0.2);
  /* SAND: sum, sum, max, max, product. */
  assert_values (bw_attack_eval_get (eval, "N-5", BW_ATTACK_VIEW_RESIDUAL), 3, 9, 3, 2, 0.45);
  /* A leaf is its attributes. */
  assert_values (bw_attack_eval_get (eval, "N-8", BW_ATTACK_VIEW_RESIDUAL), 100, 1, 5, 4, 0.1);
  /* OR: min, min, min, min, 1 − (1 − 0.2)(1 − 0.45)(1 − 0.1) = 0.604. */
  assert_values (bw_attack_eval_get (eval, "N-1", BW_ATTACK_VIEW_RESIDUAL), 3, 1, 3, 2, 0.604);
  /* Without countermeasures the views agree. */
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_TARGET), 3, 1, 3, 2, 0.604);
  g_assert_cmpuint (bw_attack_eval_get_warnings (eval)->len, ==, 0);
  g_assert_null (bw_attack_eval_get (eval, "N-99", BW_ATTACK_VIEW_RESIDUAL));
}

/* N-2 = AND(a, b) defended by d1 (in place) and d2 (planned); d3 (in
 * place) is an OR of two ways to defeat it and defends leaf N-9. */
static const char defended_tree[] =
  "{\"id\":\"N-1\",\"label\":\"goal\",\"gate\":\"or\",\"children\":["
  "{\"id\":\"N-2\",\"label\":\"and\",\"gate\":\"and\",\"countermeasures\":["
  "{\"id\":\"N-10\",\"label\":\"d1\",\"gate\":\"leaf\",\"implemented\":true,"
  "\"attributes\":{\"cost\":1000,\"time_h\":10,\"skill\":5,\"probability\":0.5,\"difficulty\":\"E\"}},"
  "{\"id\":\"N-11\",\"label\":\"d2\",\"gate\":\"leaf\",\"implemented\":false,"
  "\"attributes\":{\"cost\":50,\"time_h\":20,\"skill\":3,\"probability\":0.2,\"difficulty\":\"M\"}}],"
  "\"children\":[" LEAF ("N-3", "a", 10, 5, 2, 0.5, "L") "," LEAF ("N-4", "b", 20, 3, 4, 0.4, "H") "]},"
  "{\"id\":\"N-9\",\"label\":\"f\",\"gate\":\"leaf\",\"attributes\":{\"cost\":40,\"time_h\":2,\"skill\":1,"
  "\"probability\":0.8,\"difficulty\":\"L\"},\"countermeasures\":["
  "{\"id\":\"N-12\",\"label\":\"d3\",\"gate\":\"or\",\"implemented\":true,\"children\":["
  LEAF ("N-13", "defeat d3 one way", 7, 1, 2, 0.3, "L") "," LEAF ("N-14", "defeat d3 another", 9, 3, 3, 0.6, "M")
  "]}]}]}";

static void
test_countermeasures (void)
{
  g_autoptr(BwProject) project = load_tree (defended_tree);
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (root_of (project));

  /* Residual: only d1.  cost 30 + 1000, time 5 + 10, skill max(4, 5),
   * difficulty max(H, E), p 0.2 · 0.5. */
  assert_values (bw_attack_eval_get (eval, "N-2", BW_ATTACK_VIEW_RESIDUAL), 1030, 15, 5, 4, 0.1);
  /* Target: d1 and d2 combine like AND (1050, max(10, 20), 5, E, 0.1),
   * then cost 30 + 1050, time 5 + 20, p 0.2 · 0.1. */
  assert_values (bw_attack_eval_get (eval, "N-2", BW_ATTACK_VIEW_TARGET), 1080, 25, 5, 4, 0.02);
  /* A countermeasure with children is evaluated like any node: OR. */
  assert_values (bw_attack_eval_get (eval, "N-12", BW_ATTACK_VIEW_RESIDUAL),
                 7, 1, 2, 1, 1 - 0.7 * 0.4);
  /* The defended leaf: 40 + 7, 2 + 1, max(1, 2), max(L, L), 0.8 · 0.72. */
  assert_values (bw_attack_eval_get (eval, "N-9", BW_ATTACK_VIEW_RESIDUAL), 47, 3, 2, 1, 0.8 * 0.72);
  assert_values (bw_attack_eval_get (eval, "N-9", BW_ATTACK_VIEW_TARGET), 47, 3, 2, 1, 0.8 * 0.72);
  /* Root: OR of N-2 and N-9. */
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_RESIDUAL),
                 47, 3, 2, 1, 1 - (1 - 0.1) * (1 - 0.576));
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_TARGET),
                 47, 3, 2, 1, 1 - (1 - 0.02) * (1 - 0.576));
}

/* Unknown values make what depends on them unknown, attribute by
 * attribute, and an inner node without children is unknown. */
static void
test_unknown (void)
{
  g_autoptr(BwProject) project = load_tree (
    "{\"id\":\"N-1\",\"label\":\"goal\",\"gate\":\"or\",\"children\":["
    "{\"id\":\"N-2\",\"label\":\"and\",\"gate\":\"and\",\"children\":["
    LEAF ("N-3", "a", 10, 5, 2, 0.5, "L") ","
    "{\"id\":\"N-4\",\"label\":\"b\",\"gate\":\"leaf\",\"attributes\":{\"cost\":20,\"skill\":1}}]},"
    LEAF ("N-5", "c", 15, 1, 3, 0.5, "M") ","
    "{\"id\":\"N-6\",\"label\":\"empty\",\"gate\":\"and\"},"
    "{\"id\":\"N-7\",\"label\":\"leafy\",\"gate\":\"leaf\",\"attributes\":{\"cost\":1},\"children\":["
    LEAF ("N-8", "ignored", 1, 1, 1, 1, "L") "]}]}");
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (root_of (project));
  GPtrArray *warnings = bw_attack_eval_get_warnings (eval);

  assert_values (bw_attack_eval_get (eval, "N-2", BW_ATTACK_VIEW_RESIDUAL), 30, NAN, 2, NAN, NAN);
  assert_values (bw_attack_eval_get (eval, "N-6", BW_ATTACK_VIEW_RESIDUAL), NAN, NAN, NAN, NAN, NAN);
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_RESIDUAL), NAN, NAN, NAN, NAN, NAN);
  /* A leaf with children is its attributes; the children do not count. */
  assert_values (bw_attack_eval_get (eval, "N-7", BW_ATTACK_VIEW_RESIDUAL), 1, NAN, NAN, NAN, NAN);
  g_assert_cmpuint (warnings->len, ==, 2);
  g_assert_cmpstr (((BwAttackWarning *) warnings->pdata[0])->node_ids[0], ==, "N-6");
  g_assert_cmpstr (((BwAttackWarning *) warnings->pdata[1])->node_ids[0], ==, "N-7");
}

static void
test_shared_leaf (void)
{
  g_autoptr(BwProject) project = load_tree (
    "{\"id\":\"N-1\",\"label\":\"goal\",\"gate\":\"or\",\"children\":["
    LEAF ("N-2", "Phish the nurse", 10, 5, 2, 0.5, "L") ","
    "{\"id\":\"N-3\",\"label\":\"and\",\"gate\":\"and\",\"children\":["
    LEAF ("N-4", "phish  the Nurse", 10, 5, 2, 0.5, "L") "," LEAF ("N-5", "Flash", 1, 1, 1, 1, "L") "]}]}");
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (root_of (project));
  GPtrArray *warnings = bw_attack_eval_get_warnings (eval);
  BwAttackWarning *w;
  g_autoptr(GPtrArray) attacks = NULL;

  g_assert_cmpuint (warnings->len, ==, 1);
  w = warnings->pdata[0];
  g_assert_cmpuint (g_strv_length (w->node_ids), ==, 2);
  g_assert_cmpstr (w->node_ids[0], ==, "N-2");
  g_assert_cmpstr (w->node_ids[1], ==, "N-4");
  g_assert_nonnull (strstr (w->message, "N-2, N-4"));

  /* {phish} and {phish, flash}: the second is not minimal. */
  attacks = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 10);
  g_assert_cmpuint (attacks->len, ==, 1);
  g_assert_cmpstrv (((BwAttack *) attacks->pdata[0])->leaf_ids, ((const char *[]) { "N-2", NULL }));
}

static void
assert_attack (GPtrArray          *attacks,
               guint               i,
               const char * const *leaves,
               BwAttackAttr        attr,
               double              value)
{
  BwAttack *attack;

  g_assert_cmpuint (i, <, attacks->len);
  attack = attacks->pdata[i];
  g_assert_cmpstrv (attack->leaf_ids, leaves);
  g_assert_cmpfloat_with_epsilon (attack->values.v[attr], value, 1e-9);
}

static void
test_minimal_attacks (void)
{
  g_autoptr(BwProject) project = load_tree (gates_tree);
  g_autoptr(BwProject) defended = load_tree (defended_tree);
  g_autoptr(BwProject) grid = load_tree (
    "{\"id\":\"N-1\",\"label\":\"goal\",\"gate\":\"and\",\"children\":["
    "{\"id\":\"N-2\",\"label\":\"x\",\"gate\":\"or\",\"children\":["
    LEAF ("N-3", "a1", 1, 1, 1, 1, "L") "," LEAF ("N-4", "a2", 2, 1, 1, 1, "L") "]},"
    "{\"id\":\"N-5\",\"label\":\"y\",\"gate\":\"or\",\"children\":["
    LEAF ("N-6", "b1", 10, 1, 1, 1, "L") "," LEAF ("N-7", "b2", 20, 1, 1, 1, "L") "]}]}");
  g_autoptr(GPtrArray) by_cost = NULL;
  g_autoptr(GPtrArray) by_time = NULL;
  g_autoptr(GPtrArray) by_probability = NULL;
  g_autoptr(GPtrArray) residual = NULL;
  g_autoptr(GPtrArray) target = NULL;
  g_autoptr(GPtrArray) three = NULL;

  by_cost = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 10);
  g_assert_cmpuint (by_cost->len, ==, 3);
  assert_attack (by_cost, 0, (const char *[]) { "N-6", "N-7", NULL }, BW_ATTACK_ATTR_COST, 3);
  assert_attack (by_cost, 1, (const char *[]) { "N-3", "N-4", NULL }, BW_ATTACK_ATTR_COST, 30);
  assert_attack (by_cost, 2, (const char *[]) { "N-8", NULL }, BW_ATTACK_ATTR_COST, 100);

  by_time = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_TIME_H, 10);
  assert_attack (by_time, 0, (const char *[]) { "N-8", NULL }, BW_ATTACK_ATTR_TIME_H, 1);
  assert_attack (by_time, 1, (const char *[]) { "N-3", "N-4", NULL }, BW_ATTACK_ATTR_TIME_H, 5);
  assert_attack (by_time, 2, (const char *[]) { "N-6", "N-7", NULL }, BW_ATTACK_ATTR_TIME_H, 9);

  /* Probability ranks the likeliest first. */
  by_probability = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_PROBABILITY, 2);
  g_assert_cmpuint (by_probability->len, ==, 2);
  assert_attack (by_probability, 0, (const char *[]) { "N-6", "N-7", NULL }, BW_ATTACK_ATTR_PROBABILITY, 0.45);
  assert_attack (by_probability, 1, (const char *[]) { "N-3", "N-4", NULL }, BW_ATTACK_ATTR_PROBABILITY, 0.2);

  /* An AND of two ORs has four attacks; the three cheapest, in order. */
  three = bw_attack_minimal_attacks (root_of (grid), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 3);
  g_assert_cmpuint (three->len, ==, 3);
  assert_attack (three, 0, (const char *[]) { "N-3", "N-6", NULL }, BW_ATTACK_ATTR_COST, 11);
  assert_attack (three, 1, (const char *[]) { "N-4", "N-6", NULL }, BW_ATTACK_ATTR_COST, 12);
  assert_attack (three, 2, (const char *[]) { "N-3", "N-7", NULL }, BW_ATTACK_ATTR_COST, 21);

  /* Countermeasures of the view join the set: the leaves that defeat
   * them.  N-9 needs d3 defeated, by N-13 (7) or N-14 (9). */
  residual = bw_attack_minimal_attacks (root_of (defended), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 10);
  g_assert_cmpuint (residual->len, ==, 3);
  assert_attack (residual, 0, (const char *[]) { "N-9", "N-13", NULL }, BW_ATTACK_ATTR_COST, 47);
  assert_attack (residual, 1, (const char *[]) { "N-9", "N-14", NULL }, BW_ATTACK_ATTR_COST, 49);
  assert_attack (residual, 2, (const char *[]) { "N-3", "N-4", "N-10", NULL }, BW_ATTACK_ATTR_COST, 1030);
  target = bw_attack_minimal_attacks (root_of (defended), BW_ATTACK_VIEW_TARGET, BW_ATTACK_ATTR_COST, 10);
  g_assert_cmpuint (target->len, ==, 3);
  assert_attack (target, 2, (const char *[]) { "N-3", "N-4", "N-10", "N-11", NULL }, BW_ATTACK_ATTR_COST, 1080);
  g_assert_cmpfloat_with_epsilon (((BwAttack *) target->pdata[2])->values.v[BW_ATTACK_ATTR_TIME_H], 25, 1e-9);
}

/* 30 levels of AND(OR(a_i, b_i), next): 2^30 attacks, of which the ten
 * cheapest come back at once. */
static void
test_minimal_attacks_exponential (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GPtrArray) attacks = NULL;
  guint id = 1;
  gint64 start;
  double ms;

  for (guint level = 1; level <= 30; level++)
    {
      g_string_append_printf (json, "{\"id\":\"N-%u\",\"label\":\"level %u\",\"gate\":\"and\",\"children\":["
                                    "{\"id\":\"N-%u\",\"label\":\"choice %u\",\"gate\":\"or\",\"children\":["
                                    "{\"id\":\"N-%u\",\"label\":\"a%u\",\"gate\":\"leaf\",\"attributes\":{\"cost\":1}},"
                                    "{\"id\":\"N-%u\",\"label\":\"b%u\",\"gate\":\"leaf\",\"attributes\":{\"cost\":%u}}]}",
                              id, level, id + 1, level, id + 2, level, id + 3, level, 1 + level);
      id += 4;
      g_string_append (json, level < 30 ? "," : "");
    }
  for (guint level = 0; level < 30; level++)
    g_string_append (json, "]}");
  project = load_tree (json->str);

  start = g_get_monotonic_time ();
  attacks = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 10);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("10 cheapest of 2^30 attacks in %.2f ms", ms);
  g_assert_cmpfloat (ms, <, 1000);

  g_assert_cmpuint (attacks->len, ==, 10);
  /* All a_i: 30.  Then one b_i instead: 30 + i, so 31, 32, 33 — and 33
   * again as b_1 with b_2 — the values come in order. */
  g_assert_cmpfloat (((BwAttack *) attacks->pdata[0])->values.v[BW_ATTACK_ATTR_COST], ==, 30);
  g_assert_cmpfloat (((BwAttack *) attacks->pdata[1])->values.v[BW_ATTACK_ATTR_COST], ==, 31);
  g_assert_cmpfloat (((BwAttack *) attacks->pdata[2])->values.v[BW_ATTACK_ATTR_COST], ==, 32);
  for (guint i = 1; i < attacks->len; i++)
    g_assert_cmpfloat (((BwAttack *) attacks->pdata[i - 1])->values.v[BW_ATTACK_ATTR_COST], <=,
                       ((BwAttack *) attacks->pdata[i])->values.v[BW_ATTACK_ATTR_COST]);
  g_assert_cmpuint (g_strv_length (((BwAttack *) attacks->pdata[0])->leaf_ids), ==, 30);
  g_assert_cmpstr (((BwAttack *) attacks->pdata[1])->leaf_ids[0], ==, "N-4");
}

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

/* The built-in example's AT-1: an OR of a SAND behind an implemented
 * countermeasure, an AND, and an AND behind a planned one. */
static void
test_example (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (root_of (project));
  g_autoptr(GPtrArray) attacks = NULL;
  double p_residual = 1 - (1 - 0.0045) * (1 - 0.03) * (1 - 0.14);
  double p_target = 1 - (1 - 0.0045) * (1 - 0.03) * (1 - 0.007);

  /* N-2 = SAND(N-3, N-4) + N-5 (in place). */
  assert_values (bw_attack_eval_get (eval, "N-2", BW_ATTACK_VIEW_RESIDUAL), 250350, 2007, 5, 4, 0.45 * 0.01);
  assert_values (bw_attack_eval_get (eval, "N-6", BW_ATTACK_VIEW_RESIDUAL), 7000, 40, 4, 3, 0.03);
  /* N-9 = AND(N-10, N-11); N-12 is planned, so only the target counts it. */
  assert_values (bw_attack_eval_get (eval, "N-9", BW_ATTACK_VIEW_RESIDUAL), 300, 4, 3, 2, 0.14);
  assert_values (bw_attack_eval_get (eval, "N-9", BW_ATTACK_VIEW_TARGET), 50300, 504, 5, 4, 0.007);
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_RESIDUAL), 300, 4, 3, 2, p_residual);
  assert_values (bw_attack_eval_get_root (eval, BW_ATTACK_VIEW_TARGET), 7000, 40, 4, 3, p_target);
  g_assert_cmpuint (bw_attack_eval_get_warnings (eval)->len, ==, 0);

  attacks = bw_attack_minimal_attacks (root_of (project), BW_ATTACK_VIEW_RESIDUAL, BW_ATTACK_ATTR_COST, 10);
  g_assert_cmpuint (attacks->len, ==, 3);
  assert_attack (attacks, 0, (const char *[]) { "N-10", "N-11", NULL }, BW_ATTACK_ATTR_COST, 300);
  assert_attack (attacks, 2, (const char *[]) { "N-3", "N-4", "N-5", NULL }, BW_ATTACK_ATTR_COST, 250350);
}

static void
test_mapping (void)
{
  g_autoptr(BwExploitabilityMapping) mapping = bw_exploitability_mapping_new ();
  g_autofree char *text = bw_exploitability_mapping_describe (mapping);
  BwAttackValues v = { { 300, 4, 3, 2, 0.17 } };

  /* Skill 3 gives 3, cost 300 gives 5: the lower counts. */
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 3);
  v.v[BW_ATTACK_ATTR_SKILL] = 1;
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 5);
  v.v[BW_ATTACK_ATTR_COST] = 2000000;
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 1);
  v.v[BW_ATTACK_ATTR_COST] = NAN;
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 5);
  /* On a three-level scale the five levels spread out. */
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 3), ==, 3);
  v.v[BW_ATTACK_ATTR_SKILL] = NAN;
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 0);

  /* The user changes a threshold: skill below 4 is now level 4. */
  v.v[BW_ATTACK_ATTR_SKILL] = 3;
  mapping->skill_below[1] = 4;
  g_assert_cmpint (bw_exploitability_mapping_level (mapping, &v, 5), ==, 4);
  g_assert_nonnull (strstr (text, "Level 5"));
}

static char *
to_string (BwProject *project)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
test_apply_to_threats (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = to_string (project);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  BwThreat *threat = BW_THREAT (bw_project_lookup (project, "T-1"));

  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (threat)), ==, 4);
  command = bw_attack_tree_apply_to_threats_new (project, "AT-1", NULL, BW_ATTACK_VIEW_RESIDUAL, &error);
  g_assert_no_error (error);
  g_assert_true (bw_command_stack_execute (stack, command, &error));
  g_assert_no_error (error);
  /* Residual: skill 3 → 3, cost 300 → 5; the lower, 3. */
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (threat)), ==, 3);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  after = to_string (project);
  g_assert_cmpstr (before, !=, after);

  g_assert_true (bw_command_stack_undo (stack));
  undone = to_string (project);
  g_assert_cmpstr (before, ==, undone);
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (threat)), ==, 3);

  g_clear_object (&command);
  g_clear_error (&error);
  command = bw_attack_tree_apply_to_threats_new (project, "T-1", NULL, BW_ATTACK_VIEW_RESIDUAL, &error);
  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
}

/* A threat not rated yet gets a rating with only the exploitability. */
static void
test_apply_unrated (void)
{
  g_autoptr(BwProject) project = load_string (
    "{\"format\":\"bulwark\",\"format_version\":1,"
    "\"diagrams\":[{\"id\":\"D-1\",\"name\":\"d\",\"kind\":\"dataflow\"}],"
    "\"elements\":[{\"id\":\"P-1\",\"kind\":\"process\",\"diagram\":\"D-1\",\"name\":\"p\",\"bounds\":[0,0,10,10]}],"
    "\"threats\":[{\"id\":\"T-1\",\"origin\":\"manual\",\"target\":\"P-1\",\"category\":\"T\",\"title\":\"x\","
    "\"attack_trees\":[\"AT-1\"]}],"
    "\"attack_trees\":[{\"id\":\"AT-1\",\"title\":\"t\",\"threats\":[\"T-1\"],\"root\":"
    LEAF ("N-1", "do it", 50000, 10, 2, 0.5, "M") "}]}");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = to_string (project);
  g_autofree char *undone = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  BwThreat *threat = BW_THREAT (bw_project_lookup (project, "T-1"));

  g_assert_null (bw_threat_get_risk (threat));
  command = bw_attack_tree_apply_to_threats_new (project, "AT-1", NULL, BW_ATTACK_VIEW_TARGET, &error);
  g_assert_no_error (error);
  g_assert_true (bw_command_stack_execute (stack, command, &error));
  /* Skill 2 → 4; cost 50,000 → 3. */
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (threat)), ==, 3);
  g_assert_true (bw_command_stack_undo (stack));
  undone = to_string (project);
  g_assert_cmpstr (before, ==, undone);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attack-eval/gates", test_gates);
  g_test_add_func ("/attack-eval/countermeasures", test_countermeasures);
  g_test_add_func ("/attack-eval/unknown", test_unknown);
  g_test_add_func ("/attack-eval/shared-leaf", test_shared_leaf);
  g_test_add_func ("/attack-eval/minimal-attacks", test_minimal_attacks);
  g_test_add_func ("/attack-eval/minimal-attacks-exponential", test_minimal_attacks_exponential);
  g_test_add_func ("/attack-eval/example", test_example);
  g_test_add_func ("/attack-eval/mapping", test_mapping);
  g_test_add_func ("/attack-eval/apply-to-threats", test_apply_to_threats);
  g_test_add_func ("/attack-eval/apply-unrated", test_apply_unrated);

  return g_test_run ();
}
