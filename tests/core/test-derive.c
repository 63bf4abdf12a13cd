/* test-derive.c — deriving threats from rules, keeping the user's triage
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-add.h"
#include "bw-command-derive.h"
#include "bw-command-reconnect.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-deriver.h"
#include "bw-history-entry.h"
#include "bw-project-io.h"
#include "bw-rule-library-ref.h"
#include "bw-test-utils.h"

static BwRuleSet *
builtin_set (void)
{
  return bw_rule_set_new_builtin ();
}

static BwRuleLibrary *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwRuleLibrary *library = bw_rule_library_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return library;
}

static BwThreat *
threat (BwProject  *project,
        const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_THREAT (record));
  return BW_THREAT (record);
}

/* The derived threats with this key (NULL interaction: an element rule). */
static GPtrArray *
find_keyed (BwProject  *project,
            const char *rule,
            const char *target,
            const char *interaction)
{
  GListModel *threats = bw_project_get_threats (project);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) t = g_list_model_get_item (threats, i);
      const char * const *inter = bw_threat_get_interaction (t);
      g_autofree char *joined = inter != NULL ? g_strjoinv (",", (char **) inter) : NULL;

      if (g_strcmp0 (bw_threat_get_origin (t), "derived") == 0
          && g_strcmp0 (bw_threat_get_rule (t), rule) == 0
          && g_strcmp0 (bw_threat_get_target (t), target) == 0
          && g_strcmp0 (joined, interaction) == 0)
        g_ptr_array_add (found, g_object_ref (t));
    }
  return found;
}

static BwThreat *
find_one (BwProject  *project,
          const char *rule,
          const char *target)
{
  g_autoptr(GPtrArray) found = find_keyed (project, rule, target, NULL);

  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static void
derive_ok (BwProject          *project,
           BwRuleSet          *rules,
           const char * const *ids)
{
  g_autoptr(GError) error = NULL;

  bw_deriver_derive (project, rules, ids, NULL, &error);
  g_assert_no_error (error);
}

static void
execute_ok (BwProject *project,
            BwCommand *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
}

static void
set_property_value (BwProject  *project,
                    const char *id,
                    const char *name,
                    JsonNode   *value)
{
  BwElement *element = BW_ELEMENT (bw_project_lookup (project, id));
  JsonObject *old = bw_element_get_properties (element);
  g_autoptr(JsonObject) copy = json_object_new ();
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;
  GList *members = json_object_get_members (old);

  for (GList *m = members; m != NULL; m = m->next)
    json_object_set_member (copy, m->data, json_node_copy (json_object_get_member (old, m->data)));
  g_list_free (members);
  json_object_set_member (copy, name, value);
  g_value_init (&v, JSON_TYPE_OBJECT);
  g_value_set_boxed (&v, copy);
  command = bw_command_set_property_new (project, id, "properties", &v);
  execute_ok (project, command);
}

/* An edit followed by the derivation of what it touched, as one step: what
 * the editor does after each edit. */
static void
set_bool_and_derive (BwProject  *project,
                     BwRuleSet  *rules,
                     const char *id,
                     const char *name,
                     gboolean    value)
{
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_auto(GStrv) touched = NULL;

  bw_command_stack_begin_group (stack, "Edit");
  set_property_value (project, id, name, json_node_init_boolean (json_node_alloc (), value));
  touched = bw_deriver_dup_touched_ids (project, id);
  derive_ok (project, rules, (const char * const *) touched);
  bw_command_stack_end_group (stack);
}

static void
set_refines (BwProject  *project,
             const char *id,
             const char *refines)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, refines);
  command = bw_command_set_property_new (project, id, "refines", &v);
  execute_ok (project, command);
}

static gboolean
is_summary (BwProject  *project,
            const char *id)
{
  GListModel *elements = bw_project_get_elements (project);
  GListModel *diagrams = bw_project_get_diagrams (project);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      if (g_strcmp0 (bw_element_get_refines (e), id) == 0)
        return TRUE;
    }
  for (guint i = 0; i < g_list_model_get_n_items (diagrams); i++)
    {
      g_autoptr(BwDiagram) d = g_list_model_get_item (diagrams, i);

      if (g_strcmp0 (bw_diagram_get_refines (d), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The basic table on the example: every element that is not a summary
 * gets exactly one threat per category of its kind; summaries get none. */
static void
test_example_basic_table (void)
{
  static const char * const ee[] = { "spoofing", "repudiation", NULL };
  static const char * const process[] = { "spoofing", "tampering", "repudiation", "information_disclosure",
                                          "denial_of_service", "elevation_of_privilege", NULL };
  static const char * const store[] = { "tampering", "repudiation", "information_disclosure", "denial_of_service", NULL };
  static const char * const flow[] = { "tampering", "information_disclosure", "denial_of_service", NULL };
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  GListModel *elements = bw_project_get_elements (project);
  guint n_checked = 0;

  derive_ok (project, rules, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (e));
      const char * const *categories = NULL;
      const char *kind = bw_element_get_kind (e);

      switch (bw_element_get_kind_enum (e))
        {
        case BW_ELEMENT_EXTERNAL_ENTITY: categories = ee; break;
        case BW_ELEMENT_PROCESS: categories = process; break;
        case BW_ELEMENT_DATA_STORE: categories = store; break;
        case BW_ELEMENT_DATA_FLOW: categories = flow; break;
        case BW_ELEMENT_TRUST_BOUNDARY:
        default: continue;
        }
      for (guint c = 0; categories[c] != NULL; c++)
        {
          g_autofree char *rule = g_strdup_printf ("stride.%s.%s", kind, categories[c]);
          g_autoptr(GPtrArray) found = find_keyed (project, rule, id, NULL);
          JsonNode *is_log = json_object_get_member (bw_element_get_properties (e), "is_log");
          guint expected = 1;

          if (is_summary (project, id))
            expected = 0;
          else if (g_str_equal (categories[c], "repudiation") && g_str_equal (kind, "data_store"))
            expected = is_log != NULL && json_node_get_boolean (is_log) ? 1 : 0;
          if (found->len != expected)
            g_error ("%s on %s: %u threats, expected %u", rule, id, found->len, expected);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 100);
  /* The summaries of the example: the system process refined by D-2 and the
   * context elements that D-2 elements refine. */
  g_assert_true (is_summary (project, "P-1"));
  g_assert_true (is_summary (project, "EE-1"));
  g_assert_true (is_summary (project, "DF-3"));
  {
    g_autoptr(GPtrArray) none = find_keyed (project, "stride.process.spoofing", "P-1", NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* The example's own derived threats are recognised by their key: no second
 * threat with the same key, and not a byte of their triage changes. */
static void
test_example_existing_kept (void)
{
  static const char * const ids[] = { "T-1", "T-2", "T-3", "T-4", "T-5", "T-6", "T-7", "T-8", "T-9" };
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  char *before[G_N_ELEMENTS (ids)] = { NULL };
  g_autoptr(BwDerivePlan) plan = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BwThreat *t = threat (project, ids[i]);

      before[i] = g_strdup_printf ("%s|%s|%s|%s|%s|%s|%d|%d|%u",
                                   bw_threat_get_title (t), bw_threat_get_description (t),
                                   bw_threat_get_status (t), bw_threat_get_treatment (t),
                                   bw_threat_get_rationale (t), bw_threat_get_scenario (t),
                                   bw_threat_get_obsolete (t), bw_threat_get_superseded (t),
                                   g_list_model_get_n_items (bw_threat_get_history (t)));
    }

  plan = bw_deriver_plan (project, rules, NULL);
  for (guint i = 0; i < bw_derive_plan_get_n_items (plan); i++)
    {
      const BwDeriveItem *item = bw_derive_plan_get_item (plan, i);

      /* Only additions on the example: all its derived threats still apply. */
      g_assert_cmpint (item->action, ==, BW_DERIVE_ADD);
      for (guint j = 0; j < G_N_ELEMENTS (ids); j++)
        g_assert_cmpstr (item->threat_id, !=, ids[j]);
    }
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_ADD), >, 0);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE), ==, 0);
  /* New IDs continue after the file's counter (T: 10). */
  g_assert_cmpstr (bw_derive_plan_get_item (plan, 0)->threat_id, ==, "T-10");

  derive_ok (project, rules, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BwThreat *t = threat (project, ids[i]);
      g_autofree char *after = g_strdup_printf ("%s|%s|%s|%s|%s|%s|%d|%d|%u",
                                                bw_threat_get_title (t), bw_threat_get_description (t),
                                                bw_threat_get_status (t), bw_threat_get_treatment (t),
                                                bw_threat_get_rationale (t), bw_threat_get_scenario (t),
                                                bw_threat_get_obsolete (t), bw_threat_get_superseded (t),
                                                g_list_model_get_n_items (bw_threat_get_history (t)));

      g_assert_cmpstr (after, ==, before[i]);
      if (i < 8)
        {
          g_autoptr(GPtrArray) same = find_keyed (project, bw_threat_get_rule (t), bw_threat_get_target (t), NULL);

          g_assert_cmpuint (same->len, ==, 1);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_free (before[i]);
}

static void
test_new_threat_fields (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  BwRule *rule = bw_rule_set_lookup_rule (rules, "stride.process.spoofing");
  BwThreat *t;
  BwRisk *risk;
  g_autoptr(BwHistoryEntry) entry = NULL;
  const char * const *sources;

  derive_ok (project, rules, NULL);

  /* P-3 is at a boundary (DF-8 crosses two): one step more exploitable. */
  t = find_one (project, "stride.process.spoofing", "P-3");
  g_assert_cmpstr (bw_threat_get_origin (t), ==, "derived");
  g_assert_cmpstr (bw_threat_get_category (t), ==, "S");
  g_assert_cmpstr (bw_threat_get_title (t), ==, "Spoofing of Pump firmware");
  g_assert_true (g_str_has_prefix (bw_threat_get_description (t), "Another program or device poses as Pump firmware"));
  g_assert_nonnull (strstr (bw_threat_get_description (t), "CWE-290"));
  g_assert_cmpstr (bw_threat_get_status (t), ==, "not_started");
  g_assert_cmpstr (bw_threat_get_treatment (t), ==, "none");
  g_assert_cmpstr (bw_threat_get_rationale (t), ==, "");
  g_assert_null (bw_threat_get_interaction (t));
  sources = bw_threat_get_sources (t);
  g_assert_cmpstr (sources[0], ==, "design");
  g_assert_null (sources[1]);
  risk = bw_threat_get_risk (t);
  g_assert_nonnull (risk);
  g_assert_cmpint (bw_risk_get_exploitability (risk), ==, MIN (bw_rule_get_exploitability (rule) + 1, 5));
  g_assert_cmpint (bw_risk_get_severity (risk), ==, 0);
  g_assert_cmpint (bw_risk_get_safety_impact (risk), ==, -1);
  g_assert_false (bw_risk_get_multi_patient (risk));
  g_assert_false (bw_threat_get_obsolete (t));
  g_assert_false (bw_threat_get_superseded (t));
  g_assert_cmpuint (g_list_model_get_n_items (bw_threat_get_history (t)), ==, 1);
  entry = g_list_model_get_item (bw_threat_get_history (t), 0);
  g_assert_cmpstr (bw_history_entry_get_event (entry), ==, "derived");
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", bw_history_entry_get_at (entry), 0, 0));
  g_assert_nonnull (strstr (bw_history_entry_get_detail (entry), "stride.process.spoofing"));

  /* DS-1 is not at a boundary: the rule's default as it is. */
  t = find_one (project, "stride.data_store.tampering", "DS-1");
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (t)), ==,
                   bw_rule_get_exploitability (bw_rule_set_lookup_rule (rules, "stride.data_store.tampering")));

  /* The result is a valid file. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = bw_project_to_bytes (project);
    g_autoptr(BwProject) copy = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);

    g_assert_no_error (error);
    g_assert_nonnull (copy);
  }
}

static void
test_idempotent (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwDerivePlan) again = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(GError) error = NULL;
  guint depth;

  derive_ok (project, rules, NULL);
  once = bw_test_to_string (project);
  depth = bw_command_stack_get_depth (bw_project_get_command_stack (project));

  again = bw_deriver_plan (project, rules, NULL);
  g_assert_true (bw_derive_plan_is_empty (again));
  g_assert_false (bw_deriver_derive (project, rules, NULL, NULL, &error));
  g_assert_no_error (error);
  twice = bw_test_to_string (project);
  g_assert_cmpstr (once, ==, twice);
  /* Nothing to do is no undo step. */
  g_assert_cmpuint (bw_command_stack_get_depth (bw_project_get_command_stack (project)), ==, depth);
}

static void
test_undo_bytes (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *derived = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  derive_ok (project, rules, NULL);
  derived = bw_test_to_string (project);
  g_assert_cmpstr (derived, !=, original);
  g_assert_true (bw_command_stack_get_modified (stack));
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Derive threats");

  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_test_to_string (project);
  g_assert_cmpstr (undone, ==, original);
  g_assert_null (bw_project_lookup (project, "T-10"));

  g_assert_true (bw_command_stack_redo (stack));
  redone = bw_test_to_string (project);
  g_assert_cmpstr (redone, ==, derived);
}

/* Property flips turn rules on and off; the threat is kept throughout. */
static void
test_property_flips (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwThreat *t;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(BwHistoryEntry) last = NULL;

  derive_ok (project, rules, NULL);
  none = find_keyed (project, "stride.data_store.repudiation", "DS-1", NULL);
  g_assert_cmpuint (none->len, ==, 0);

  /* DS-1 becomes a log: R applies. */
  set_bool_and_derive (project, rules, "DS-1", "is_log", TRUE);
  t = find_one (project, "stride.data_store.repudiation", "DS-1");
  id = g_strdup (bw_record_get_id (BW_RECORD (t)));
  g_assert_false (bw_threat_get_obsolete (t));

  /* No longer a log: the threat is obsolete, not deleted. */
  set_bool_and_derive (project, rules, "DS-1", "is_log", FALSE);
  t = find_one (project, "stride.data_store.repudiation", "DS-1");
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (t)), ==, id);
  g_assert_true (bw_threat_get_obsolete (t));

  /* A log again: the same threat is revived. */
  set_bool_and_derive (project, rules, "DS-1", "is_log", TRUE);
  t = find_one (project, "stride.data_store.repudiation", "DS-1");
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (t)), ==, id);
  g_assert_false (bw_threat_get_obsolete (t));
  g_assert_cmpuint (g_list_model_get_n_items (bw_threat_get_history (t)), ==, 3);
  last = g_list_model_get_item (bw_threat_get_history (t), 2);
  g_assert_cmpstr (bw_history_entry_get_event (last), ==, "revived");

  /* Each edit and its derivation are one undo step. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_threat_get_obsolete (t));
  g_assert_cmpuint (g_list_model_get_n_items (bw_threat_get_history (t)), ==, 2);
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_threat_get_obsolete (t));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_null (bw_project_lookup (project, id));

  /* The example's T-8 (DS-2 is a log) goes obsolete when DS-2 stops being one. */
  set_bool_and_derive (project, rules, "DS-2", "is_log", FALSE);
  g_assert_true (bw_threat_get_obsolete (threat (project, "T-8")));
  g_assert_cmpstr (bw_threat_get_status (threat (project, "T-8")), ==, "not_started");
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_threat_get_obsolete (threat (project, "T-8")));

  /* A flow property flip in an interaction-free rule set: out of scope
   * takes all of an element's threats out, and back. */
  {
    g_auto(GValue) v = G_VALUE_INIT;
    g_autoptr(BwCommand) scope = NULL;
    g_auto(GStrv) touched = bw_deriver_dup_touched_ids (project, "DF-8");

    g_value_init (&v, G_TYPE_BOOLEAN);
    g_value_set_boolean (&v, TRUE);
    scope = bw_command_set_property_new (project, "DF-8", "out-of-scope", &v);
    execute_ok (project, scope);
    derive_ok (project, rules, (const char * const *) touched);
    g_assert_true (bw_threat_get_obsolete (threat (project, "T-1")));
    g_assert_true (bw_command_stack_undo (stack));
    g_assert_false (bw_threat_get_obsolete (threat (project, "T-1")));
  }
}

static void
test_delete_and_undo (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char *ids[] = { "DS-2", NULL };
  g_autoptr(BwCommand) remove = NULL;
  g_auto(GStrv) touched = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GPtrArray) flow_threats = NULL;
  BwThreat *t;

  derive_ok (project, rules, NULL);
  before = bw_test_to_string (project);
  flow_threats = find_keyed (project, "stride.data_flow.tampering", "DF-19", NULL);
  g_assert_cmpuint (flow_threats->len, ==, 1);

  touched = bw_deriver_dup_touched_ids (project, "DS-2");
  g_assert_true (g_strv_contains ((const char * const *) touched, "DF-19"));
  g_assert_true (g_strv_contains ((const char * const *) touched, "P-3"));

  bw_command_stack_begin_group (stack, "Delete");
  remove = bw_command_remove_new (project, ids);
  execute_ok (project, remove);
  derive_ok (project, rules, (const char * const *) touched);
  bw_command_stack_end_group (stack);

  /* The store's threats (T-8 among them) and its flow's are obsolete, kept. */
  g_assert_true (bw_threat_get_obsolete (threat (project, "T-8")));
  t = flow_threats->pdata[0];
  g_assert_true (bw_threat_get_obsolete (t));
  g_assert_true (bw_project_lookup (project, bw_record_get_id (BW_RECORD (t))) == BW_RECORD (t));
  /* Their history says when and why, once. */
  {
    GListModel *history = bw_threat_get_history (threat (project, "T-8"));
    guint n = g_list_model_get_n_items (history);
    g_autoptr(BwHistoryEntry) last = g_list_model_get_item (history, n - 1);
    guint n_obsolete = 0;

    g_assert_cmpstr (bw_history_entry_get_event (last), ==, "obsolete");
    g_assert_nonnull (strstr (bw_history_entry_get_detail (last), "DS-2"));
    g_assert_true (g_str_has_suffix (bw_history_entry_get_at (last), "Z"));
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BwHistoryEntry) entry = g_list_model_get_item (history, i);

        if (g_strcmp0 (bw_history_entry_get_event (entry), "obsolete") == 0)
          n_obsolete++;
      }
    g_assert_cmpuint (n_obsolete, ==, 1);
  }
  /* And stay obsolete: deriving everything again changes nothing. */
  {
    g_autoptr(BwDerivePlan) plan = bw_deriver_plan (project, rules, NULL);

    g_assert_true (bw_derive_plan_is_empty (plan));
  }

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_threat_get_obsolete (threat (project, "T-8")));
  g_assert_false (bw_threat_get_obsolete (t));
  {
    g_autofree char *after = bw_test_to_string (project);

    g_assert_cmpstr (after, ==, before);
  }
}

/* A deleted element's threats that were still live go obsolete through
 * derivation too (an ID that names no element any more). */
static void
test_orphans_obsolete (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwDerivePlan) plan = NULL;
  BwThreat *t8 = threat (project, "T-8");
  /* The target renamed to an ID no element has, as a hand-edited file
   * might leave it. */
  g_object_set (t8, "target", "DS-99", NULL);
  plan = bw_deriver_plan (project, rules, NULL);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE), ==, 1);
  for (guint i = 0; i < bw_derive_plan_get_n_items (plan); i++)
    if (bw_derive_plan_get_item (plan, i)->action == BW_DERIVE_OBSOLETE)
      g_assert_cmpstr (bw_derive_plan_get_item (plan, i)->threat_id, ==, "T-8");
}

static void
test_summary_superseded (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwDerivePlan) plan = NULL;
  BwThreat *t;
  g_autoptr(BwHistoryEntry) last = NULL;

  derive_ok (project, rules, NULL);

  /* EE-5 stops refining EE-1: the context's Patient gets threats. */
  set_refines (project, "EE-5", NULL);
  derive_ok (project, rules, NULL);
  t = find_one (project, "stride.external_entity.spoofing", "EE-1");
  g_assert_false (bw_threat_get_superseded (t));

  /* Refined again: its threats are superseded, not obsolete, and none new. */
  set_refines (project, "EE-5", "EE-1");
  plan = bw_deriver_plan (project, rules, NULL);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_SUPERSEDE), ==, 2);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_ADD), ==, 0);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE), ==, 0);
  derive_ok (project, rules, NULL);
  g_assert_true (bw_threat_get_superseded (t));
  g_assert_false (bw_threat_get_obsolete (t));
  last = g_list_model_get_item (bw_threat_get_history (t), 1);
  g_assert_cmpstr (bw_history_entry_get_event (last), ==, "superseded");

  /* The refinement goes again: no longer superseded. */
  set_refines (project, "EE-5", NULL);
  derive_ok (project, rules, NULL);
  g_assert_false (bw_threat_get_superseded (t));
  {
    g_autoptr(GPtrArray) same = find_keyed (project, "stride.external_entity.spoofing", "EE-1", NULL);

    g_assert_cmpuint (same->len, ==, 1);
  }

  /* Undo brings the superseded state back. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_threat_get_superseded (t));
}

static void
test_bidirectional (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwRuleLibrary) every = NULL;
  g_autoptr(GPtrArray) forward = NULL;
  g_autoptr(GPtrArray) backward = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(BwCommand) command = NULL;

  every = bw_rule_library_new_from_data ("{\"format\": \"bulwark-rules\", \"format_version\": 1, \"id\": \"t\", \"version\": \"1\", "
                                         "\"rules\": [{\"id\": \"t.each\", \"category\": \"T\", \"applies_to\": \"interaction\", "
                                         "\"when\": {\"of\": \"flow\", \"property\": \"wireless\", \"equals\": true}, "
                                         "\"title\": \"{source.name} → {target.name} over {flow.name}\", \"exploitability\": 2}]}",
                                         -1, "t.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bw_rule_set_add_library (rules, every, &error));

  derive_ok (project, rules, NULL);
  forward = find_keyed (project, "t.each", "DF-8", "P-2,DF-8,P-3");
  backward = find_keyed (project, "t.each", "DF-8", "P-3,DF-8,P-2");
  g_assert_cmpuint (forward->len, ==, 1);
  g_assert_cmpuint (backward->len, ==, 0);
  g_assert_cmpstr (bw_threat_get_title (forward->pdata[0]), ==, "Companion app → Pump firmware over Bolus command");
  /* DF-8 crosses a boundary: 2 + 1. */
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (forward->pdata[0])), ==, 3);
  g_clear_pointer (&forward, g_ptr_array_unref);
  g_clear_pointer (&backward, g_ptr_array_unref);

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, TRUE);
  command = bw_command_set_property_new (project, "DF-8", "bidirectional", &v);
  execute_ok (project, command);
  {
    g_auto(GStrv) touched = bw_deriver_dup_touched_ids (project, "DF-8");

    derive_ok (project, rules, (const char * const *) touched);
  }
  forward = find_keyed (project, "t.each", "DF-8", "P-2,DF-8,P-3");
  backward = find_keyed (project, "t.each", "DF-8", "P-3,DF-8,P-2");
  g_assert_cmpuint (forward->len, ==, 1);
  g_assert_cmpuint (backward->len, ==, 1);
  g_assert_cmpstr (bw_threat_get_title (backward->pdata[0]), ==, "Pump firmware → Companion app over Bolus command");
  g_assert_cmpstr (bw_threat_get_target (backward->pdata[0]), ==, "DF-8");
}

/* The deriver's own boundary crossing agrees with the geometry's: every
 * new threat is one step more exploitable exactly when its element crosses
 * a boundary or is at one. */
static void
test_crossing_agrees (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  GListModel *threats;
  guint n_raised = 0;

  derive_ok (project, rules, NULL);
  threats = bw_project_get_threats (project);
  for (guint i = 9; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) t = g_list_model_get_item (threats, i);
      BwRule *rule = bw_rule_set_lookup_rule (rules, bw_threat_get_rule (t));
      BwElement *target = BW_ELEMENT (bw_project_lookup (project, bw_threat_get_target (t)));
      gboolean crosses = bw_rule_element_crosses_boundary (project, target);
      int expected = MIN (bw_rule_get_exploitability (rule) + (crosses ? 1 : 0), 5);

      g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (t)), ==, expected);
      if (crosses && bw_rule_get_exploitability (rule) < 5)
        n_raised++;
    }
  g_assert_cmpuint (n_raised, >, 10);
}

/* What derivation keeps between runs follows structural edits: a
 * reconnected flow moves to its new end, and an interaction rule's threat
 * moves with it (the old interaction's goes obsolete). */
static void
test_structure_followed (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwRuleLibrary) every = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) reconnect = NULL;
  g_auto(GStrv) touched = NULL;
  g_autoptr(GPtrArray) old_key = NULL;
  g_autoptr(GPtrArray) new_key = NULL;

  every = bw_rule_library_new_from_data ("{\"format\": \"bulwark-rules\", \"format_version\": 1, \"id\": \"t\", \"version\": \"1\", "
                                         "\"rules\": [{\"id\": \"t.store\", \"category\": \"T\", \"applies_to\": \"interaction\", "
                                         "\"when\": {\"of\": \"target\", \"kind\": \"data_store\"}, \"title\": \"Into {target.name}\"}]}",
                                         -1, "t.json", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (bw_rule_set_add_library (rules, every, &error));
  derive_ok (project, rules, NULL);

  touched = bw_deriver_dup_touched_ids (project, "DS-3");
  g_assert_false (g_strv_contains ((const char * const *) touched, "DF-17"));
  g_clear_pointer (&touched, g_strfreev);

  reconnect = bw_command_reconnect_new (project, "DF-17", BW_FLOW_END_TARGET, "DS-3");
  execute_ok (project, reconnect);
  touched = bw_deriver_dup_touched_ids (project, "DS-3");
  g_assert_true (g_strv_contains ((const char * const *) touched, "DF-17"));
  derive_ok (project, rules, (const char * const *) touched);

  old_key = find_keyed (project, "t.store", "DF-17", "P-3,DF-17,DS-1");
  new_key = find_keyed (project, "t.store", "DF-17", "P-3,DF-17,DS-3");
  g_assert_cmpuint (old_key->len, ==, 1);
  g_assert_true (bw_threat_get_obsolete (old_key->pdata[0]));
  g_assert_cmpuint (new_key->len, ==, 1);
  g_assert_cmpstr (bw_threat_get_title (new_key->pdata[0]), ==, "Into Patient database");
}

/* The lists and elements of a project may outlive it (a view holds them);
 * what derivation left on them must not reach the freed project. */
static void
test_outlives_project (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(GListModel) threats = NULL;
  g_autoptr(GListModel) elements = NULL;
  g_autoptr(BwElement) flow = NULL;
  g_autoptr(BwThreat) first = NULL;

  derive_ok (project, rules, NULL);
  threats = g_object_ref (bw_project_get_threats (project));
  elements = g_object_ref (bw_project_get_elements (project));
  flow = g_object_ref (BW_ELEMENT (bw_project_lookup (project, "DF-8")));
  g_clear_object (&project);

  g_object_set (flow, "target", "P-2", "name", "Renamed", NULL);
  first = g_list_model_get_item (threats, 0);
  g_list_store_remove (G_LIST_STORE (threats), 0);
  g_list_store_remove (G_LIST_STORE (elements), 0);
  g_assert_cmpstr (bw_element_get_name (flow), ==, "Renamed");
}

/* Threats of a recorded library that is not loaded stay untouched. */
static void
test_missing_library (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) with_extra = builtin_set ();
  g_autoptr(BwRuleSet) without = builtin_set ();
  g_autoptr(BwRuleLibrary) extra = load_fixture ("extra.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(BwDerivePlan) plan = NULL;
  g_autoptr(BwRuleLibraryRef) ref = NULL;
  g_autoptr(BwCommand) add = NULL;
  BwThreat *t;

  g_assert_true (bw_rule_set_add_library (with_extra, extra, &error));
  derive_ok (project, with_extra, NULL);
  t = find_one (project, "acme.uart_console", "DF-21");
  g_assert_false (bw_threat_get_obsolete (t));

  /* Not recorded: without the library its rule is gone, so is the threat. */
  plan = bw_deriver_plan (project, without, NULL);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE), ==, 1);
  g_assert_null (bw_derive_plan_get_missing_libraries (plan)[0]);
  g_clear_pointer (&plan, bw_derive_plan_unref);

  /* Recorded but not loaded: left alone, and said so. */
  ref = g_object_new (BW_TYPE_RULE_LIBRARY_REF, "id", "acme.extra", "version", "1", "path", "extra.json", NULL);
  add = bw_command_add_new (project, BW_RECORD (ref), -1);
  execute_ok (project, add);
  plan = bw_deriver_plan (project, without, NULL);
  g_assert_true (bw_derive_plan_is_empty (plan));
  g_assert_cmpstr (bw_derive_plan_get_missing_libraries (plan)[0], ==, "acme.extra");
  g_assert_null (bw_derive_plan_get_missing_libraries (plan)[1]);
}

/* A plan is for the project as it was: applied to a changed one, it is
 * refused and nothing changes. */
static void
test_stale_plan_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwDerivePlan) stale = bw_deriver_plan (project, rules, NULL);
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  derive_ok (project, rules, NULL);
  before = bw_test_to_string (project);
  command = bw_command_derive_new (project, stale);
  g_assert_false (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, before);
}

/* A derived threat whose target is edited belongs to its new target from
 * the next plan on, though the threat list did not change. */
static void
test_target_edited (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwDerivePlan) plan = NULL;
  BwThreat *moved;

  derive_ok (project, rules, NULL);
  moved = find_one (project, "stride.data_store.tampering", "DS-1");
  g_object_set (moved, "target", "DS-2", NULL);

  /* DS-1 lacks its threat again; DS-2 has its own and the moved one. */
  plan = bw_deriver_plan (project, rules, NULL);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_ADD), ==, 1);
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_OBSOLETE), ==, 0);
  for (guint i = 0; i < bw_derive_plan_get_n_items (plan); i++)
    {
      const BwDeriveItem *item = bw_derive_plan_get_item (plan, i);

      g_assert_cmpint (item->action, ==, BW_DERIVE_ADD);
      g_assert_cmpstr (item->target, ==, "DS-1");
      g_assert_cmpstr (item->rule_id, ==, "stride.data_store.tampering");
    }
}

/* The plan for one edit covers only what the edit touched. */
static void
test_incremental_scope (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleSet) rules = builtin_set ();
  g_autoptr(BwDerivePlan) plan = NULL;
  const char *one[] = { "DS-1", NULL };

  plan = bw_deriver_plan (project, rules, one);
  /* T, I, D of DS-1 (not a log). */
  g_assert_cmpuint (bw_derive_plan_count (plan, BW_DERIVE_ADD), ==, 3);
  for (guint i = 0; i < bw_derive_plan_get_n_items (plan); i++)
    g_assert_cmpstr (bw_derive_plan_get_item (plan, i)->target, ==, "DS-1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/derive/example-basic-table", test_example_basic_table);
  g_test_add_func ("/derive/example-existing-kept", test_example_existing_kept);
  g_test_add_func ("/derive/new-threat-fields", test_new_threat_fields);
  g_test_add_func ("/derive/idempotent", test_idempotent);
  g_test_add_func ("/derive/undo-bytes", test_undo_bytes);
  g_test_add_func ("/derive/property-flips", test_property_flips);
  g_test_add_func ("/derive/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/derive/orphans-obsolete", test_orphans_obsolete);
  g_test_add_func ("/derive/summary-superseded", test_summary_superseded);
  g_test_add_func ("/derive/bidirectional", test_bidirectional);
  g_test_add_func ("/derive/crossing-agrees", test_crossing_agrees);
  g_test_add_func ("/derive/structure-followed", test_structure_followed);
  g_test_add_func ("/derive/outlives-project", test_outlives_project);
  g_test_add_func ("/derive/missing-library", test_missing_library);
  g_test_add_func ("/derive/incremental-scope", test_incremental_scope);
  g_test_add_func ("/derive/target-edited", test_target_edited);
  g_test_add_func ("/derive/stale-plan-refused", test_stale_plan_refused);

  return g_test_run ();
}
