/* test-auto-derive.c — derivation after each edit, in the edit's undo step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-add.h"
#include "bw-command-derive.h"
#include "bw-command-move.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-deriver.h"
#include "bw-test-utils.h"

static void
execute_ok (BwProject *project,
            BwCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
}

/* The live (not obsolete) derived threats on `target` from rule `rule`. */
static guint
count_live (BwProject  *project,
            const char *rule,
            const char *target)
{
  GListModel *threats = bw_project_get_threats (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) t = g_list_model_get_item (threats, i);

      if (g_strcmp0 (bw_threat_get_target (t), target) == 0
          && (rule == NULL || g_strcmp0 (bw_threat_get_rule (t), rule) == 0)
          && !bw_threat_get_obsolete (t))
        n++;
    }
  return n;
}

/* The document as saved, without the ID counters: an undone add keeps the
 * IDs it took, so that a later redo gets the same ones. */
static char *
document_of (BwProject *project)
{
  g_autofree char *text = bw_test_to_string (project);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "id_counters");
  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

static BwProject *
derived_example (BwRuleSet *rules)
{
  BwProject *project = bw_test_load_example ();
  g_autoptr(BwDerivePlan) plan = bw_deriver_plan (project, rules, NULL);

  if (!bw_derive_plan_is_empty (plan))
    {
      g_autoptr(BwCommand) command = bw_command_derive_new (project, plan);

      execute_ok (project, command);
    }
  bw_command_stack_mark_clean (bw_project_get_command_stack (project));
  return project;
}

static void
set_properties (BwProject  *project,
                const char *id,
                const char *name,
                gboolean    value)
{
  BwElement *element = BW_ELEMENT (bw_project_lookup (project, id));
  g_autoptr(JsonObject) copy = json_object_new ();
  JsonObject *old = bw_element_get_properties (element);
  g_autoptr(GList) members = json_object_get_members (old);
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;

  for (GList *m = members; m != NULL; m = m->next)
    json_object_set_member (copy, m->data, json_node_copy (json_object_get_member (old, m->data)));
  json_object_set_boolean_member (copy, name, value);
  g_value_init (&v, JSON_TYPE_OBJECT);
  g_value_set_boxed (&v, copy);
  command = bw_command_set_property_new (project, id, "properties", &v);
  /* As the inspector does: the element stays selected across undo. */
  {
    const char * const selection[] = { id, NULL };

    bw_command_set_selection (command, selection, selection);
  }
  execute_ok (project, command);
}

/* Turning it on changes nothing: opening a project never changes it. */
static void
test_enable_changes_nothing (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;

  g_assert_null (bw_command_stack_get_auto_derive (stack));
  bw_command_stack_set_auto_derive (stack, rules);
  g_assert_true (bw_command_stack_get_auto_derive (stack) == rules);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (bw_command_stack_get_modified (stack));
  g_assert_false (bw_command_stack_get_can_undo (stack));
}

/* A new process gets its threats in the same step; undo takes both back. */
static void
test_add_process (void)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(BwProject) project = derived_example (rules);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint threats_before = g_list_model_get_n_items (bw_project_get_threats (project));
  g_autofree char *before = document_of (project);
  g_autoptr(BwElement) process = g_object_new (BW_TYPE_ELEMENT,
                                               "kind", "process",
                                               "diagram", "D-2",
                                               "name", "Dose calculator",
                                               "bounds", g_variant_new ("(dddd)", 900.0, 900.0, 120.0, 80.0),
                                               NULL);
  g_autoptr(BwCommand) add = bw_command_add_new (project, BW_RECORD (process), -1);
  g_autofree char *id = NULL;
  guint depth = bw_command_stack_get_depth (stack);

  bw_command_stack_set_auto_derive (stack, rules);
  execute_ok (project, add);
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (add)));
  /* The basic table: a process has all six STRIDE threats. */
  g_assert_cmpuint (count_live (project, "stride.process.spoofing", id), ==, 1);
  g_assert_cmpuint (count_live (project, "stride.process.elevation_of_privilege", id), ==, 1);
  g_assert_cmpuint (count_live (project, NULL, id), >=, 6);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_null (bw_project_lookup (project, id));
  g_assert_cmpuint (count_live (project, NULL, id), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_threats (project)), ==, threats_before);
  {
    g_autofree char *after = document_of (project);

    g_assert_true (g_str_equal (after, before));
  }

  /* Redo brings the process and its threats back. */
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpuint (count_live (project, "stride.process.spoofing", id), ==, 1);
}

/* A property flip turns a rule on and off, each in the edit's own step. */
static void
test_property_flip (void)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(BwProject) project = derived_example (rules);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint depth = bw_command_stack_get_depth (stack);

  bw_command_stack_set_auto_derive (stack, rules);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  set_properties (project, "DS-1", "is_log", TRUE);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  bw_command_stack_seal (stack);

  set_properties (project, "DS-1", "is_log", FALSE);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 2);

  /* One undo: the property and the threat's state together. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_false (bw_command_stack_get_modified (stack));

  /* The example's T-8 (DS-2 is a log) goes obsolete with the flip. */
  set_properties (project, "DS-2", "is_log", FALSE);
  g_assert_true (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-8"))));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-8"))));
}

/* Edits that merge (one field typed into, one drag) stay one step even
 * after a derivation joined the first of them. */
static void
test_merge_through (void)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(BwProject) project = derived_example (rules);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = document_of (project);
  guint depth = bw_command_stack_get_depth (stack);
  const char *ids[] = { "P-3", NULL };

  bw_command_stack_set_auto_derive (stack, rules);
  set_properties (project, "DS-1", "is_log", TRUE);
  /* The first step derives at once. */
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  set_properties (project, "DS-1", "is_log", FALSE);
  /* The steps merged into it wait for the end of the run (the seal). */
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  bw_command_stack_seal (stack);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_false (bw_command_stack_get_modified (stack));

  set_properties (project, "DS-1", "is_log", TRUE);
  set_properties (project, "DS-1", "is_log", FALSE);
  set_properties (project, "DS-1", "is_log", TRUE);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  /* An undo ends the run too: its derivation is part of what it undoes. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  bw_command_stack_seal (stack);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(BwCommand) move = bw_command_move_new (project, ids, 10.0, 0.0);

      execute_ok (project, move);
    }
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 2);
  bw_command_stack_seal (stack);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  {
    g_autofree char *after = document_of (project);

    g_assert_true (g_str_equal (after, before));
  }
}

/* A group (a paste, a delete of several) derives once, at its end, inside
 * the group's step; a derivation run by hand is never derived on again. */
static void
test_group_and_explicit (void)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char *ids[] = { "DS-2", NULL };
  g_autoptr(BwCommand) remove = NULL;
  g_autoptr(BwDerivePlan) plan = NULL;
  g_autoptr(BwCommand) derive = NULL;

  bw_command_stack_set_auto_derive (stack, rules);
  plan = bw_deriver_plan (project, rules, NULL);
  derive = bw_command_derive_new (project, plan);
  execute_ok (project, derive);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_true (BW_IS_COMMAND_DERIVE (derive));

  bw_command_stack_begin_group (stack, "Edit");
  set_properties (project, "DS-1", "is_log", TRUE);
  remove = bw_command_remove_new (project, ids);
  execute_ok (project, remove);
  /* Nothing derived yet: the group is still open. */
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  bw_command_stack_end_group (stack);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 1);
  g_assert_true (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-8"))));
  /* Everything derivation would do after the edit is done. */
  {
    g_autoptr(BwDerivePlan) again = bw_deriver_plan (project, rules, NULL);

    g_assert_true (bw_derive_plan_is_empty (again));
  }

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
  g_assert_false (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-8"))));
}

/* Turned off, edits are plain again (the CLI's way). */
static void
test_off (void)
{
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(BwProject) project = derived_example (rules);
  BwCommandStack *stack = bw_project_get_command_stack (project);

  bw_command_stack_set_auto_derive (stack, rules);
  bw_command_stack_set_auto_derive (stack, NULL);
  g_assert_null (bw_command_stack_get_auto_derive (stack));
  set_properties (project, "DS-1", "is_log", TRUE);
  g_assert_cmpuint (count_live (project, "stride.data_store.repudiation", "DS-1"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/auto-derive/enable-changes-nothing", test_enable_changes_nothing);
  g_test_add_func ("/auto-derive/add-process", test_add_process);
  g_test_add_func ("/auto-derive/property-flip", test_property_flip);
  g_test_add_func ("/auto-derive/merge-through", test_merge_through);
  g_test_add_func ("/auto-derive/group-and-explicit", test_group_and_explicit);
  g_test_add_func ("/auto-derive/off", test_off);

  return g_test_run ();
}
