/* test-rules.c — rule libraries: loading, validation, conditions, templates
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-project-io.h"
#include "bw-rule-condition.h"
#include "bw-rule-library.h"
#include "bw-rule-set.h"
#include "bw-test-utils.h"

static BwRuleLibrary *
load_fixture (const char  *name,
              GPtrArray  **problems)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwRuleLibrary *library = bw_rule_library_new_from_file (file, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (library);
  return library;
}

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ELEMENT (record));
  return BW_ELEMENT (record);
}

static gboolean
matches (BwRuleLibrary *library,
         const char    *rule_id,
         BwProject     *project,
         const char    *id,
         const char    *source,
         const char    *target)
{
  BwRule *rule = bw_rule_library_lookup (library, rule_id);

  g_assert_nonnull (rule);
  return bw_rule_matches (rule, project, element (project, id),
                          source != NULL ? element (project, source) : NULL,
                          target != NULL ? element (project, target) : NULL);
}

/* The basic STRIDE-per-element table of METHOD.md, rule by rule. */
static void
test_builtin_basic_table (void)
{
  static const struct { const char *id; const char *category; const char *title; } table[] = {
    { "stride.external_entity.spoofing", "S", "Spoofing of {element.name}" },
    { "stride.external_entity.repudiation", "R", "Repudiation through {element.name}" },
    { "stride.process.spoofing", "S", "Spoofing of {element.name}" },
    { "stride.process.tampering", "T", "Tampering with {element.name}" },
    { "stride.process.repudiation", "R", "Repudiation through {element.name}" },
    { "stride.process.information_disclosure", "I", "Information disclosure of {element.name}" },
    { "stride.process.denial_of_service", "D", "Denial of service on {element.name}" },
    { "stride.process.elevation_of_privilege", "E", "Elevation of privilege in {element.name}" },
    { "stride.data_store.tampering", "T", "Tampering with {element.name}" },
    { "stride.data_store.repudiation", "R", "Repudiation through {element.name}" },
    { "stride.data_store.information_disclosure", "I", "Information disclosure of {element.name}" },
    { "stride.data_store.denial_of_service", "D", "Denial of service on {element.name}" },
    { "stride.data_flow.tampering", "T", "Tampering with {element.name}" },
    { "stride.data_flow.information_disclosure", "I", "Information disclosure of {element.name}" },
    { "stride.data_flow.denial_of_service", "D", "Denial of service on {element.name}" },
  };
  BwRuleLibrary *builtin = bw_rule_library_get_builtin ();
  GListModel *rules = bw_rule_library_get_rules (builtin);
  guint n_stride = 0;

  g_assert_cmpstr (bw_rule_library_get_id (builtin), ==, "bulwark.builtin");
  g_assert_cmpstr (bw_rule_library_get_version (builtin), ==, "2026.1");
  g_assert_true (bw_rule_library_get_builtin () == builtin);

  /* Every rule of the built-in library, the medical part included, loads. */
  for (guint i = 0; i < bw_rule_library_get_problems (builtin)->len; i++)
    g_test_message ("problem: %s", (char *) g_ptr_array_index (bw_rule_library_get_problems (builtin), i));
  g_assert_cmpuint (bw_rule_library_get_problems (builtin)->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      BwRule *rule = bw_rule_library_lookup (builtin, table[i].id);
      const char *kind;

      g_assert_nonnull (rule);
      g_assert_cmpstr (bw_rule_get_category (rule), ==, table[i].category);
      g_assert_cmpstr (bw_rule_get_title (rule), ==, table[i].title);
      kind = table[i].id + strlen ("stride.");
      g_assert_true (g_str_has_prefix (kind, bw_rule_get_applies_to (rule)));
      g_assert_cmpint (bw_rule_get_exploitability (rule), >=, 1);
      g_assert_cmpint (bw_rule_get_exploitability (rule), <=, 5);
      g_assert_cmpstr (bw_rule_get_description (rule), !=, "");
      g_assert_cmpstr (bw_rule_get_mitigation (rule), !=, "");
      g_assert_cmpuint (g_strv_length ((char **) bw_rule_get_references (rule)), >=, 2);
      g_assert_nonnull (bw_rule_get_objective_category (rule));
      g_assert_cmpstr (bw_rule_get_library_id (rule), ==, "bulwark.builtin");
      /* Only the log rule has a condition: R on a store only if is_log. */
      g_assert_true ((bw_rule_get_condition (rule) != NULL) == g_str_equal (table[i].id, "stride.data_store.repudiation"));
    }

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(BwRule) rule = g_list_model_get_item (rules, i);

      if (g_str_has_prefix (bw_rule_get_id (rule), "stride."))
        n_stride++;
    }
  g_assert_cmpuint (n_stride, ==, G_N_ELEMENTS (table));
  /* The table has no E for stores, no S for flows, nothing for boundaries. */
  g_assert_null (bw_rule_library_lookup (builtin, "stride.data_store.elevation_of_privilege"));
  g_assert_null (bw_rule_library_lookup (builtin, "stride.data_flow.spoofing"));
}

static void
test_builtin_properties (void)
{
  static const struct { const char *kind; const char *name; const char *type; } vocabulary[] = {
    { "external_entity", "human", "bool" }, { "external_entity", "role", "string" },
    { "external_entity", "authenticated", "bool" },
    { "process", "runs_on", "string" }, { "process", "privilege", "string" },
    { "process", "authenticates_users", "bool" }, { "process", "accepts_commands", "bool" },
    { "process", "controls_therapy", "bool" }, { "process", "parses_untrusted_input", "bool" },
    { "process", "handles_phi", "bool" }, { "process", "updatable", "bool" },
    { "data_store", "encrypted", "bool" }, { "data_store", "signed", "bool" },
    { "data_store", "is_log", "bool" }, { "data_store", "stores_credentials", "bool" },
    { "data_store", "stores_keys", "bool" }, { "data_store", "stores_phi", "bool" },
    { "data_store", "location", "string" },
    { "data_flow", "protocol", "string" }, { "data_flow", "interface", "string" },
    { "data_flow", "payload", "string" }, { "data_flow", "channel", "string" },
    { "data_flow", "wireless", "bool" }, { "data_flow", "encrypted", "bool" },
    { "data_flow", "authenticated", "bool" }, { "data_flow", "integrity_protected", "bool" },
    { "data_flow", "public_network", "bool" },
  };
  BwRuleLibrary *builtin = bw_rule_library_get_builtin ();
  BwRuleProperty *property;

  for (guint i = 0; i < G_N_ELEMENTS (vocabulary); i++)
    {
      GListModel *declared = bw_rule_library_get_properties (builtin, vocabulary[i].kind);
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (declared); j++)
        {
          g_autoptr(BwRuleProperty) p = g_list_model_get_item (declared, j);

          if (!g_str_equal (bw_rule_property_get_name (p), vocabulary[i].name))
            continue;
          found = TRUE;
          g_assert_cmpstr (bw_rule_property_get_type_name (p), ==, vocabulary[i].type);
          g_assert_cmpstr (bw_rule_property_get_kind (p), ==, vocabulary[i].kind);
          g_assert_cmpuint (strlen (bw_rule_property_get_help (p)), >, 40);
        }
      g_assert_true (found);
    }

  /* The help texts carry METHOD.md's exact meanings. */
  property = bw_rule_library_lookup_property (builtin, BW_ELEMENT_DATA_FLOW, "authenticated");
  g_assert_nonnull (strstr (bw_rule_property_get_help (property), "cryptographically verifies the sender"));
  g_assert_nonnull (strstr (bw_rule_property_get_help (property), "CRC"));
  property = bw_rule_library_lookup_property (builtin, BW_ELEMENT_DATA_FLOW, "integrity_protected");
  g_assert_nonnull (strstr (bw_rule_property_get_help (property), "MAC or signature"));
  g_assert_nonnull (strstr (bw_rule_property_get_help (property), "TLS to a download server does not count"));
  property = bw_rule_library_lookup_property (builtin, BW_ELEMENT_PROCESS, "runs_on");
  g_assert_cmpstr (bw_rule_property_get_values (property)[0], ==, "device");
  g_assert_true (json_node_get_boolean (bw_rule_property_get_default (
    bw_rule_library_lookup_property (builtin, BW_ELEMENT_DATA_STORE, "is_log"))) == FALSE);

  g_assert_cmpuint (g_list_model_get_n_items (bw_rule_library_get_properties (builtin, "trust_boundary")), ==, 0);
  g_assert_null (bw_rule_library_lookup_property (builtin, BW_ELEMENT_PROCESS, "colour"));
}

/* Each kind of bad rule is reported with its id and JSON path and skipped;
 * the good rules load. */
static void
test_validation (void)
{
  static const char * const expected[] = {
    "test.unknown_member: rules[1].severity: ",
    "test.unknown_test: rules[2].when.all[1].colour: unknown test",
    "test.wrong_type: rules[3].when.property: must be a property name",
    "test.bad_category: rules[4].category: must be one of S, T, R, I, D, E",
    "test.bad_applies_to: rules[5].applies_to: must be one of",
    "test.of_in_element_rule: rules[6].when.of: ",
    "test.bad_of: rules[7].when.of: must be source, flow or target",
    "test.missing_of: rules[8].when.all[1]: ",
    "test.bad_placeholder: rules[9].title: unknown placeholder “{element.colour}”",
    "test.interaction_placeholder: rules[10].title: unknown placeholder “{element.name}”",
    "test.exploitability: rules[11].exploitability: must be a whole number from 1 to 5",
    "test.contains_number: rules[12].when.contains: must be a string",
    "test.two_tests: rules[13].when.in: ",
    "test.good: rules[15].id: ",
    "rules[16]: rules[16]: ",
    "test.bad_need: rules[17].when.asset: ",
    "test.empty_all: rules[18].when.all: ",
    "test.bad_description: rules[19].description: unknown placeholder",
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(BwRuleLibrary) library = load_fixture ("bad-rules.json", &problems);
  GListModel *rules = bw_rule_library_get_rules (library);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      if (!g_str_has_prefix (problems->pdata[i], expected[i]))
        g_error ("problem %u is “%s”, expected “%s…”", i, (char *) problems->pdata[i], expected[i]);
    }
  /* The duplicate names the file it is in. */
  g_assert_nonnull (strstr (problems->pdata[13], "bad-rules.json"));

  g_assert_cmpuint (g_list_model_get_n_items (rules), ==, 2);
  g_assert_nonnull (bw_rule_library_lookup (library, "test.good"));
  g_assert_cmpstr (bw_rule_get_title (bw_rule_library_lookup (library, "test.good")), ==, "Good {element.name}");
  g_assert_nonnull (bw_rule_library_lookup (library, "test.good_interaction"));
  g_assert_null (bw_rule_library_lookup (library, "test.exploitability"));
  g_assert_cmpuint (bw_rule_library_get_problems (library)->len, ==, problems->len);
}

static void
test_library_errors (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "rules", "not-json.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwRuleLibrary) library = NULL;
  g_autoptr(GPtrArray) problems = NULL;

  library = bw_rule_library_new_from_file (file, &problems, &error);
  g_assert_null (library);
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 4, column"));
  g_clear_error (&error);

  g_clear_object (&file);
  g_free (path);
  path = g_test_build_filename (G_TEST_DIST, "data", "rules", "wrong-format.json", NULL);
  file = g_file_new_for_path (path);
  library = bw_rule_library_new_from_file (file, NULL, &error);
  g_assert_null (library);
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "format:"));
  g_clear_error (&error);

  library = bw_rule_library_new_from_data ("{\"format\": \"bulwark-rules\", \"format_version\": 2, \"id\": \"x\", "
                                           "\"version\": \"1\", \"rules\": []}", -1, "future.json", NULL, &error);
  g_assert_null (library);
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "future.json: format_version: "));
  g_clear_error (&error);

  library = bw_rule_library_new_from_data ("{\"format\": \"bulwark-rules\", \"format_version\": 1, \"id\": \"x\", "
                                           "\"version\": \"1\", \"rules\": {}}", -1, "x.json", NULL, &error);
  g_assert_null (library);
  g_assert_nonnull (strstr (error->message, "x.json: rules: "));
  g_clear_error (&error);

  library = bw_rule_library_new_from_data ("[1, 2]", -1, "array.json", NULL, &error);
  g_assert_null (library);
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT);
  g_clear_error (&error);

  /* A part for another library is refused. */
  library = load_fixture ("extra.json", NULL);
  g_assert_false (bw_rule_library_add_part (library, "{\"format\": \"bulwark-rules\", \"format_version\": 1, "
                                                     "\"id\": \"other\", \"part\": \"p\", \"rules\": []}",
                                            -1, "part.json", NULL, &error));
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_MISMATCH);
}

static void
test_parts_merge (void)
{
  g_autoptr(BwRuleLibrary) library = load_fixture ("extra.json", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_rule_library_add_part (library,
                                           "{\"format\": \"bulwark-rules\", \"format_version\": 1, \"id\": \"acme.extra\", "
                                           "\"part\": \"more\", \"rules\": ["
                                           "{\"id\": \"acme.more\", \"category\": \"D\", \"applies_to\": \"process\", \"title\": \"More {element.name}\"},"
                                           "{\"id\": \"acme.uart_console\", \"category\": \"D\", \"applies_to\": \"process\", \"title\": \"Again\"}]}",
                                           -1, "more.json", &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (bw_rule_library_get_rules (library)), ==, 2);
  g_assert_cmpstr (bw_rule_get_source (bw_rule_library_lookup (library, "acme.more")), ==, "more.json");
  /* The same ID in a part is a problem naming both files. */
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (problems->pdata[0], "acme.uart_console: rules[1].id: "));
  g_assert_nonnull (strstr (problems->pdata[0], "extra.json"));
  g_assert_nonnull (strstr (problems->pdata[0], "more.json"));
}

static void
test_duplicate_ids (void)
{
  g_autoptr(BwRuleSet) set = bw_rule_set_new_builtin ();
  g_autoptr(BwRuleLibrary) duplicate = load_fixture ("duplicate.json", NULL);
  g_autoptr(BwRuleLibrary) extra = load_fixture ("extra.json", NULL);
  g_autoptr(GError) error = NULL;
  guint n = bw_rule_set_get_n_rules (set);

  g_assert_false (bw_rule_set_add_library (set, duplicate, &error));
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "stride.process.spoofing"));
  g_assert_nonnull (strstr (error->message, "duplicate.json"));
  g_assert_nonnull (strstr (error->message, "bulwark-builtin.json"));
  g_clear_error (&error);
  /* Refused whole: none of its rules is in the set. */
  g_assert_null (bw_rule_set_lookup_rule (set, "acme.usb"));
  g_assert_cmpuint (bw_rule_set_get_n_rules (set), ==, n);
  g_assert_cmpuint (g_list_model_get_n_items (bw_rule_set_get_libraries (set)), ==, 1);

  g_assert_true (bw_rule_set_add_library (set, extra, &error));
  g_assert_no_error (error);
  g_assert_true (bw_rule_set_lookup_rule (set, "acme.uart_console") == bw_rule_library_lookup (extra, "acme.uart_console"));
  g_assert_true (bw_rule_set_lookup_library (set, "acme.extra") == extra);
  g_assert_cmpuint (bw_rule_set_get_n_rules (set), ==, n + 1);

  /* The same library twice is refused too. */
  g_assert_false (bw_rule_set_add_library (set, extra, &error));
  g_assert_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_DUPLICATE);
}

static void
set_property (BwProject  *project,
              const char *id,
              const char *name,
              JsonNode   *value)
{
  json_object_set_member (bw_element_get_properties (element (project, id)), name, value);
}

static void
test_conditions (void)
{
  g_autoptr(BwRuleLibrary) c = load_fixture ("conditions.json", NULL);
  g_autoptr(BwProject) project = bw_test_load_example ();

  g_assert_cmpuint (bw_rule_library_get_problems (c)->len, ==, 0);

  /* contains: case-insensitive substring */
  g_assert_true (matches (c, "c.contains", project, "DF-3", NULL, NULL));
  g_assert_false (matches (c, "c.contains", project, "DF-21", NULL, NULL));
  g_assert_false (matches (c, "c.contains", project, "DF-4", NULL, NULL));
  /* in */
  g_assert_true (matches (c, "c.in", project, "DF-8", NULL, NULL));
  g_assert_true (matches (c, "c.in", project, "DF-16", NULL, NULL));
  g_assert_false (matches (c, "c.in", project, "DF-9", NULL, NULL));
  /* exists: present in the element's properties, defaults do not count */
  g_assert_true (matches (c, "c.exists", project, "P-2", NULL, NULL));
  g_assert_false (matches (c, "c.exists", project, "P-1", NULL, NULL));
  g_assert_true (matches (c, "c.not_exists", project, "P-1", NULL, NULL));
  /* comparisons, with the declared default 0 for an absent number */
  g_assert_true (matches (c, "c.lt", project, "DF-4", NULL, NULL));
  g_assert_false (matches (c, "c.ge", project, "DF-4", NULL, NULL));
  set_property (project, "DF-11", "port", json_node_init_int (json_node_alloc (), 8443));
  g_assert_false (matches (c, "c.lt", project, "DF-11", NULL, NULL));
  g_assert_true (matches (c, "c.ge", project, "DF-11", NULL, NULL));
  g_assert_true (matches (c, "c.le_gt", project, "DF-11", NULL, NULL));
  set_property (project, "DF-11", "port", json_node_init_double (json_node_alloc (), 8443.5));
  g_assert_false (matches (c, "c.le_gt", project, "DF-11", NULL, NULL));
  set_property (project, "DF-11", "port", json_node_init_string (json_node_alloc (), "8443"));
  g_assert_false (matches (c, "c.lt", project, "DF-11", NULL, NULL));
  g_assert_false (matches (c, "c.ge", project, "DF-11", NULL, NULL));
  /* equals: absent is the default false; a present value decides */
  g_assert_true (matches (c, "c.default_false", project, "DF-10", NULL, NULL));
  g_assert_true (matches (c, "c.default_false", project, "DF-4", NULL, NULL));
  g_assert_false (matches (c, "c.default_false", project, "DF-8", NULL, NULL));
  /* a declared default other than false */
  g_assert_true (matches (c, "c.declared_default", project, "EE-1", NULL, NULL));
  set_property (project, "EE-1", "trusted", json_node_init_boolean (json_node_alloc (), FALSE));
  g_assert_false (matches (c, "c.declared_default", project, "EE-1", NULL, NULL));

  /* crosses_boundary: flows from geometry; a node is at a boundary when
   * one of its flows crosses */
  g_assert_true (matches (c, "c.crosses", project, "DF-8", NULL, NULL));
  g_assert_true (matches (c, "c.crosses", project, "DF-21", NULL, NULL));
  g_assert_false (matches (c, "c.crosses", project, "DF-17", NULL, NULL));
  g_assert_true (matches (c, "c.at_boundary", project, "P-3", NULL, NULL));
  g_assert_false (matches (c, "c.store_at_boundary", project, "DS-1", NULL, NULL));

  /* assets */
  g_assert_true (matches (c, "c.asset_safety", project, "DS-1", NULL, NULL));
  g_assert_false (matches (c, "c.asset_safety", project, "DS-3", NULL, NULL));
  g_assert_true (matches (c, "c.asset_need", project, "DS-3", NULL, NULL));
  g_assert_false (matches (c, "c.asset_need", project, "DS-1", NULL, NULL));

  /* any / not */
  g_assert_true (matches (c, "c.any_not", project, "P-2", NULL, NULL));
  g_assert_true (matches (c, "c.any_not", project, "P-3", NULL, NULL));
  g_assert_false (matches (c, "c.any_not", project, "P-1", NULL, NULL));

  /* A rule never matches the wrong kind of element. */
  g_assert_false (matches (c, "c.contains", project, "P-2", NULL, NULL));
}

static BwRuleCondition *
compile_condition (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  BwRuleCondition *condition = bw_rule_condition_compile (node, FALSE, "when", &error);

  g_assert_no_error (error);
  g_assert_nonnull (condition);
  return condition;
}

/* Equal tests of different rules share one memo entry per subject, so a
 * test is decided once per element; a reset forgets, and a result that
 * came from one vocabulary's default is not reused for another. */
static void
test_memo (void)
{
  g_autoptr(BwRuleLibrary) c = load_fixture ("conditions.json", NULL);
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwRuleCondition) low_port = compile_condition ("{\"property\": \"port\", \"lt\": 1024}");
  g_autoptr(BwRuleCondition) low_flow = compile_condition ("{\"all\": [{\"kind\": \"data_flow\"}, "
                                                           "{\"property\": \"port\", \"lt\": 1024}]}");
  g_autoptr(BwRuleCondition) trusted = compile_condition ("{\"property\": \"trusted\", \"equals\": true}");
  g_autoptr(BwRuleMemo) memo = bw_rule_memo_new ();
  BwRuleContext context = { 0 };

  context.project = project;
  context.vocabulary = c;
  context.memo[BW_RULE_SUBJECT_FLOW] = memo;
  context.subjects[BW_RULE_SUBJECT_FLOW] = element (project, "DF-11");
  set_property (project, "DF-11", "port", json_node_init_int (json_node_alloc (), 80));
  g_assert_true (bw_rule_condition_evaluate (low_port, &context));

  /* The shared test is not evaluated again for the same subject: a change
   * without a reset is not seen, by either condition. */
  set_property (project, "DF-11", "port", json_node_init_int (json_node_alloc (), 8443));
  g_assert_true (bw_rule_condition_evaluate (low_port, &context));
  g_assert_true (bw_rule_condition_evaluate (low_flow, &context));
  bw_rule_memo_reset (memo);
  g_assert_false (bw_rule_condition_evaluate (low_port, &context));
  g_assert_false (bw_rule_condition_evaluate (low_flow, &context));

  /* Without a memo, the same answers. */
  context.memo[BW_RULE_SUBJECT_FLOW] = NULL;
  g_assert_false (bw_rule_condition_evaluate (low_port, &context));
  g_assert_false (bw_rule_condition_evaluate (low_flow, &context));

  /* An absent "trusted": the fixture declares it true for external
   * entities; with no vocabulary it is false. One memo, both answers. */
  context.memo[BW_RULE_SUBJECT_FLOW] = memo;
  context.subjects[BW_RULE_SUBJECT_FLOW] = element (project, "EE-1");
  bw_rule_memo_reset (memo);
  g_assert_true (bw_rule_condition_evaluate (trusted, &context));
  context.vocabulary = NULL;
  g_assert_false (bw_rule_condition_evaluate (trusted, &context));
  context.vocabulary = c;
  g_assert_true (bw_rule_condition_evaluate (trusted, &context));
}

static void
test_interactions (void)
{
  g_autoptr(BwRuleLibrary) c = load_fixture ("conditions.json", NULL);
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwRule *rule = bw_rule_library_lookup (c, "c.interaction");
  g_autofree char *title = NULL;

  /* The subjects: the wireless flow DF-8 from the app to the pump firmware,
   * which accepts commands; in the other direction the app is the target. */
  g_assert_true (matches (c, "c.interaction", project, "DF-8", "P-2", "P-3"));
  g_assert_false (matches (c, "c.interaction", project, "DF-8", "P-3", "P-2"));
  g_assert_false (matches (c, "c.interaction", project, "DF-17", "P-3", "DS-1"));
  /* An interaction rule needs an interaction, not an element alone. */
  g_assert_false (matches (c, "c.interaction", project, "DF-8", NULL, NULL));

  g_assert_true (matches (c, "c.kind", project, "DF-10", "EE-7", "P-2"));
  g_assert_false (matches (c, "c.kind", project, "DF-8", "P-2", "P-3"));
  g_assert_true (matches (c, "c.kind", project, "DF-18", "DS-1", "P-3"));

  g_assert_true (matches (c, "c.target_asset", project, "DF-8", "P-2", "P-3"));
  g_assert_false (matches (c, "c.target_asset", project, "DF-17", "P-3", "DS-1"));

  title = bw_rule_expand_title (rule, element (project, "DF-8"), element (project, "P-2"), element (project, "P-3"));
  g_assert_cmpstr (title, ==, "Commands from Companion app to Pump firmware over Bolus command (BLE 4.2)");
}

static void
test_templates (void)
{
  BwRuleLibrary *builtin = bw_rule_library_get_builtin ();
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwRule *rule = bw_rule_library_lookup (builtin, "stride.data_flow.tampering");
  g_autofree char *title = bw_rule_expand_title (rule, element (project, "DF-8"), NULL, NULL);
  g_autofree char *description = bw_rule_expand_description (rule, element (project, "DF-8"), NULL, NULL);

  g_assert_cmpstr (title, ==, "Tampering with Bolus command");
  g_assert_nonnull (strstr (description, "Bolus command"));
  g_assert_null (strchr (description, '{'));
}

/* The libraries a project records are found beside its file; one that is
 * missing is named in the problems and the rest still load. */
static void
test_project_libraries (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "data", "rules", NULL);
  g_autofree char *path = g_build_filename (folder, "model.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(BwProject) project = bw_test_load_string (
    "{\"format\": \"bulwark\", \"format_version\": 1, \"rule_libraries\": ["
    "{\"id\": \"acme.extra\", \"version\": \"1\", \"path\": \"extra.json\"},"
    "{\"id\": \"acme.gone\", \"version\": \"1\", \"path\": \"gone.json\"}]}");
  g_autoptr(BwRuleSet) rules = bw_rule_set_new_builtin ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint before = bw_rule_set_get_n_rules (rules);

  /* Without a file there is no folder to look in. */
  bw_rule_set_add_project_libraries (rules, project, problems);
  g_assert_cmpuint (bw_rule_set_get_n_rules (rules), ==, before);
  g_assert_cmpuint (problems->len, ==, 0);

  bw_project_set_file (project, file);
  bw_rule_set_add_project_libraries (rules, project, problems);
  g_assert_nonnull (bw_rule_set_lookup_library (rules, "acme.extra"));
  g_assert_nonnull (bw_rule_set_lookup_rule (rules, "acme.uart_console"));
  g_assert_cmpuint (bw_rule_set_get_n_rules (rules), >, before);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), "gone.json"));

  /* Twice adds nothing twice. */
  before = bw_rule_set_get_n_rules (rules);
  bw_rule_set_add_project_libraries (rules, project, NULL);
  g_assert_cmpuint (bw_rule_set_get_n_rules (rules), ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/builtin-basic-table", test_builtin_basic_table);
  g_test_add_func ("/rules/builtin-properties", test_builtin_properties);
  g_test_add_func ("/rules/validation", test_validation);
  g_test_add_func ("/rules/library-errors", test_library_errors);
  g_test_add_func ("/rules/parts-merge", test_parts_merge);
  g_test_add_func ("/rules/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/rules/conditions", test_conditions);
  g_test_add_func ("/rules/interactions", test_interactions);
  g_test_add_func ("/rules/memo", test_memo);
  g_test_add_func ("/rules/templates", test_templates);
  g_test_add_func ("/rules/project-libraries", test_project_libraries);

  return g_test_run ();
}
