/* test-medical-rules.c — the built-in medical device pack: every rule fires where it should, and only there
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * tests/data/rules/medical-cases.json describes, for each rule of
 * resources/rules/bulwark-medical.json, one small model on which the rule
 * must fire and one on which it must stay quiet. Each case becomes a real
 * format-1 project (one dataflow diagram, nodes with bounds, linked assets,
 * a box trust boundary around the target when the flow is meant to cross
 * one) that goes through the strict loader, so the rules are tested on
 * exactly what a user's file would give them.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bw-project-io.h"
#include "bw-rule-library.h"

#define PACK_RESOURCE "/io/github/bulwarkapp/Bulwark/rules/bulwark-medical.json"
#define MIN_PACK_RULES 60

typedef struct
{
  char     *rule_id;
  char     *applies_to;
  gboolean  fires;
  JsonNode *model;
} Case;

static JsonNode *pack_root;
static JsonNode *cases_root;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->rule_id);
  g_free (c->applies_to);
  json_node_unref (c->model);
  g_free (c);
}

static JsonNode *
parse_bytes (const char  *data,
             gsize        length,
             const char  *what)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (!json_parser_load_from_data (parser, data, length, &error))
    g_error ("%s: %s", what, error->message);
  return json_node_ref (json_parser_get_root (parser));
}

static JsonArray *
pack_rules (void)
{
  return json_object_get_array_member (json_node_get_object (pack_root), "rules");
}

static JsonObject *
pack_rule (const char *rule_id)
{
  JsonArray *rules = pack_rules ();

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);

      if (g_strcmp0 (json_object_get_string_member (rule, "id"), rule_id) == 0)
        return rule;
    }
  return NULL;
}

static JsonObject *
cases_object (void)
{
  return json_object_get_object_member (json_node_get_object (cases_root), "cases");
}

/* --- building a project from a case ------------------------------------- */

typedef struct
{
  JsonBuilder *elements;
  JsonBuilder *assets;
  guint        n_assets;
  GHashTable  *next_number;  /* prefix → next free number */
} ProjectBuilder;

static char *
next_id (ProjectBuilder *pb,
         const char     *prefix)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (pb->next_number, prefix)) + 1;

  g_hash_table_insert (pb->next_number, (gpointer) prefix, GUINT_TO_POINTER (n));
  return g_strdup_printf ("%s-%u", prefix, n);
}

static const char *
kind_prefix (const char *kind)
{
  if (g_str_equal (kind, "external_entity"))
    return "EE";
  if (g_str_equal (kind, "process"))
    return "P";
  if (g_str_equal (kind, "data_store"))
    return "DS";
  if (g_str_equal (kind, "data_flow"))
    return "DF";
  g_error ("unknown kind %s in a case", kind);
  return NULL;
}

static void
add_bounds (JsonBuilder *b,
            double       x,
            double       y,
            double       width,
            double       height)
{
  json_builder_set_member_name (b, "bounds");
  json_builder_begin_array (b);
  json_builder_add_double_value (b, x);
  json_builder_add_double_value (b, y);
  json_builder_add_double_value (b, width);
  json_builder_add_double_value (b, height);
  json_builder_end_array (b);
}

/* Appends the case's assets (needs and safety flag) to the project and
 * links them to the element being written. */
static void
add_properties_and_assets (ProjectBuilder *pb,
                           JsonObject     *description)
{
  JsonBuilder *b = pb->elements;
  JsonArray *assets = NULL;

  json_builder_set_member_name (b, "properties");
  if (description != NULL && json_object_has_member (description, "properties"))
    json_builder_add_value (b, json_node_copy (json_object_get_member (description, "properties")));
  else
    {
      json_builder_begin_object (b);
      json_builder_end_object (b);
    }

  if (description != NULL && json_object_has_member (description, "assets"))
    assets = json_object_get_array_member (description, "assets");

  json_builder_set_member_name (b, "assets");
  json_builder_begin_array (b);
  for (guint i = 0; assets != NULL && i < json_array_get_length (assets); i++)
    {
      JsonObject *needs = json_array_get_object_element (assets, i);
      const char *levels[] = { "confidentiality", "integrity", "availability" };
      g_autofree char *id = g_strdup_printf ("A-%u", ++pb->n_assets);

      json_builder_add_string_value (b, id);

      json_builder_begin_object (pb->assets);
      json_builder_set_member_name (pb->assets, "id");
      json_builder_add_string_value (pb->assets, id);
      json_builder_set_member_name (pb->assets, "name");
      json_builder_add_string_value (pb->assets, id);
      json_builder_set_member_name (pb->assets, "kind");
      json_builder_add_string_value (pb->assets, "data");
      for (guint l = 0; l < G_N_ELEMENTS (levels); l++)
        {
          json_builder_set_member_name (pb->assets, levels[l]);
          json_builder_add_string_value (pb->assets,
                                         json_object_get_string_member_with_default (needs, levels[l], "none"));
        }
      json_builder_set_member_name (pb->assets, "safety_relevant");
      json_builder_add_boolean_value (pb->assets,
                                      json_object_get_boolean_member_with_default (needs, "safety_relevant", FALSE));
      json_builder_end_object (pb->assets);
    }
  json_builder_end_array (b);
}

static char *
add_node (ProjectBuilder *pb,
          JsonObject     *description,
          const char     *kind,
          const char     *name,
          double          x)
{
  JsonBuilder *b = pb->elements;
  char *id = next_id (pb, kind_prefix (kind));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, kind);
  json_builder_set_member_name (b, "diagram");
  json_builder_add_string_value (b, "D-1");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  add_bounds (b, x, 0, 100, 60);
  add_properties_and_assets (pb, description);
  json_builder_end_object (b);
  return id;
}

static char *
add_flow (ProjectBuilder *pb,
          JsonObject     *description,
          const char     *source,
          const char     *target)
{
  JsonBuilder *b = pb->elements;
  char *id = next_id (pb, "DF");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "data_flow");
  json_builder_set_member_name (b, "diagram");
  json_builder_add_string_value (b, "D-1");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "Flow");
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, source);
  json_builder_set_member_name (b, "target");
  json_builder_add_string_value (b, target);
  add_properties_and_assets (pb, description);
  json_builder_end_object (b);
  return id;
}

/* A box around the target node only (drawn at x = 400), so the flow from
 * the source (x = 0) has exactly one end inside: it crosses. */
static void
add_boundary_around_target (ProjectBuilder *pb)
{
  JsonBuilder *b = pb->elements;
  g_autofree char *id = next_id (pb, "TB");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, "trust_boundary");
  json_builder_set_member_name (b, "diagram");
  json_builder_add_string_value (b, "D-1");
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "Boundary");
  json_builder_set_member_name (b, "shape");
  json_builder_add_string_value (b, "box");
  add_bounds (b, 350, -50, 200, 160);
  json_builder_end_object (b);
}

/* Builds the project text for a case; returns the IDs of the element (or
 * flow), source and target the rule is to be evaluated on. */
static char *
case_to_project_text (Case  *c,
                      char **element_id,
                      char **source_id,
                      char **target_id)
{
  JsonObject *model = json_node_get_object (c->model);
  ProjectBuilder pb = { 0 };
  g_autoptr(JsonBuilder) root = json_builder_new ();
  g_autoptr(JsonBuilder) elements = json_builder_new ();
  g_autoptr(JsonBuilder) assets = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonNode) elements_node = NULL;
  g_autoptr(JsonNode) assets_node = NULL;
  g_autoptr(JsonNode) root_node = NULL;
  gboolean crosses = json_object_get_boolean_member_with_default (model, "crosses", FALSE);

  pb.elements = elements;
  pb.assets = assets;
  pb.next_number = numbers;
  json_builder_begin_array (elements);
  json_builder_begin_array (assets);

  *source_id = NULL;
  *target_id = NULL;
  if (g_str_equal (c->applies_to, "interaction"))
    {
      JsonObject *source = json_object_get_object_member (model, "source");
      JsonObject *target = json_object_get_object_member (model, "target");

      *source_id = add_node (&pb, source, json_object_get_string_member (source, "kind"), "Source", 0);
      *target_id = add_node (&pb, target, json_object_get_string_member (target, "kind"), "Target", 400);
      *element_id = add_flow (&pb, json_object_get_object_member (model, "flow"), *source_id, *target_id);
    }
  else if (g_str_equal (c->applies_to, "data_flow"))
    {
      g_autofree char *from = add_node (&pb, NULL, "process", "Sender", 0);
      g_autofree char *to = add_node (&pb, NULL, "process", "Receiver", 400);

      *element_id = add_flow (&pb, model, from, to);
    }
  else
    {
      g_assert_cmpstr (json_object_get_string_member (model, "kind"), ==, c->applies_to);
      *element_id = add_node (&pb, model, c->applies_to, "Element", 0);
    }
  if (crosses)
    add_boundary_around_target (&pb);

  json_builder_end_array (elements);
  json_builder_end_array (assets);
  elements_node = json_builder_get_root (elements);
  assets_node = json_builder_get_root (assets);

  json_builder_begin_object (root);
  json_builder_set_member_name (root, "format");
  json_builder_add_string_value (root, "bulwark");
  json_builder_set_member_name (root, "format_version");
  json_builder_add_int_value (root, 1);
  json_builder_set_member_name (root, "assets");
  json_builder_add_value (root, g_steal_pointer (&assets_node));
  json_builder_set_member_name (root, "diagrams");
  json_builder_begin_array (root);
  json_builder_begin_object (root);
  json_builder_set_member_name (root, "id");
  json_builder_add_string_value (root, "D-1");
  json_builder_set_member_name (root, "name");
  json_builder_add_string_value (root, c->rule_id);
  json_builder_set_member_name (root, "kind");
  json_builder_add_string_value (root, "dataflow");
  json_builder_end_object (root);
  json_builder_end_array (root);
  json_builder_set_member_name (root, "elements");
  json_builder_add_value (root, g_steal_pointer (&elements_node));
  json_builder_end_object (root);

  root_node = json_builder_get_root (root);
  json_generator_set_root (generator, root_node);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record;

  if (id == NULL)
    return NULL;
  record = bw_project_lookup (project, id);
  g_assert_true (BW_IS_ELEMENT (record));
  return BW_ELEMENT (record);
}

static void
test_case (gconstpointer data)
{
  Case *c = (Case *) data;
  g_autofree char *element_id = NULL;
  g_autofree char *source_id = NULL;
  g_autofree char *target_id = NULL;
  g_autofree char *text = case_to_project_text (c, &element_id, &source_id, &target_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = bw_project_load_from_data (text, strlen (text), &error);
  BwRule *rule = bw_rule_library_lookup (bw_rule_library_get_builtin (), c->rule_id);
  gboolean matched;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_nonnull (rule);
  g_assert_cmpstr (bw_rule_get_applies_to (rule), ==, c->applies_to);

  matched = bw_rule_matches (rule, project,
                             element (project, element_id),
                             element (project, source_id),
                             element (project, target_id));
  if (matched != c->fires)
    {
      g_test_message ("%s should %s on this model:\n%s", c->rule_id,
                      c->fires ? "fire" : "stay quiet", text);
      g_test_fail ();
    }
}

/* --- the pack as a whole ------------------------------------------------ */

static void
test_pack_size (void)
{
  JsonArray *rules = pack_rules ();
  JsonObject *top = json_node_get_object (pack_root);

  g_assert_cmpstr (json_object_get_string_member (top, "format"), ==, "bulwark-rules");
  g_assert_cmpint (json_object_get_int_member (top, "format_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (top, "id"), ==, BW_RULE_LIBRARY_BUILTIN_ID);
  g_assert_cmpstr (json_object_get_string_member (top, "part"), ==, "medical");
  g_assert_cmpuint (json_array_get_length (rules), >=, MIN_PACK_RULES);
}

/* The pack loads through the built-in library with nothing skipped: every
 * rule is there, with the catalogue's fields intact. */
static void
test_pack_loads_in_builtin (void)
{
  BwRuleLibrary *builtin = bw_rule_library_get_builtin ();
  GPtrArray *problems;
  JsonArray *rules = pack_rules ();

  g_assert_nonnull (builtin);
  problems = bw_rule_library_get_problems (builtin);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    g_test_message ("problem: %s", (const char *) g_ptr_array_index (problems, i));
  g_assert_true (problems == NULL || problems->len == 0);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *expected = json_array_get_object_element (rules, i);
      const char *id = json_object_get_string_member (expected, "id");
      BwRule *rule = bw_rule_library_lookup (builtin, id);
      JsonArray *refs = json_object_get_array_member (expected, "references");
      const char * const *got_refs;

      if (rule == NULL)
        g_error ("%s is not in the built-in library", id);
      g_assert_cmpstr (bw_rule_get_category (rule), ==, json_object_get_string_member (expected, "category"));
      g_assert_cmpstr (bw_rule_get_applies_to (rule), ==, json_object_get_string_member (expected, "applies_to"));
      g_assert_cmpstr (bw_rule_get_title (rule), ==, json_object_get_string_member (expected, "title"));
      g_assert_cmpstr (bw_rule_get_mitigation (rule), ==, json_object_get_string_member (expected, "mitigation"));
      g_assert_cmpint (bw_rule_get_exploitability (rule), ==, json_object_get_int_member (expected, "exploitability"));
      g_assert_cmpstr (bw_rule_get_objective_category (rule), ==,
                       json_object_get_string_member (expected, "objective_category"));
      g_assert_cmpstr (bw_rule_get_safety (rule), ==, json_object_get_string_member (expected, "safety"));
      g_assert_cmpint (bw_rule_get_multi_patient (rule), ==,
                       json_object_get_boolean_member (expected, "multi_patient"));
      g_assert_cmpstr (bw_rule_get_library_id (rule), ==, BW_RULE_LIBRARY_BUILTIN_ID);
      got_refs = bw_rule_get_references (rule);
      g_assert_nonnull (got_refs);
      g_assert_cmpuint (g_strv_length ((char **) got_refs), ==, json_array_get_length (refs));
      for (guint r = 0; r < json_array_get_length (refs); r++)
        g_assert_cmpstr (got_refs[r], ==, json_array_get_string_element (refs, r));
    }
}

/* Every rule has both cases and every case names a rule of the pack. */
static void
test_cases_complete (void)
{
  JsonArray *rules = pack_rules ();
  JsonObject *cases = cases_object ();
  g_autoptr(GList) names = json_object_get_members (cases);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (rules, i), "id");
      JsonObject *pair;

      if (!json_object_has_member (cases, id))
        g_error ("%s has no test cases", id);
      pair = json_object_get_object_member (cases, id);
      g_assert_true (json_object_has_member (pair, "fires"));
      g_assert_true (json_object_has_member (pair, "quiet"));
      g_assert_cmpuint (json_object_get_size (pair), ==, 2);
    }
  for (GList *l = names; l != NULL; l = l->next)
    if (pack_rule (l->data) == NULL)
      g_error ("the cases name %s, which is not a rule of the pack", (const char *) l->data);
}

/* Expanded titles carry the case's names, never a raw placeholder. */
static void
test_titles_expand (void)
{
  BwRuleLibrary *builtin = bw_rule_library_get_builtin ();
  JsonArray *rules = pack_rules ();

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (rules, i), "id");
      BwRule *rule = bw_rule_library_lookup (builtin, id);
      JsonObject *pair = json_object_get_object_member (cases_object (), id);
      Case c = { (char *) id, (char *) bw_rule_get_applies_to (rule), TRUE,
                 json_object_get_member (pair, "fires") };
      g_autofree char *element_id = NULL;
      g_autofree char *source_id = NULL;
      g_autofree char *target_id = NULL;
      g_autofree char *text = case_to_project_text (&c, &element_id, &source_id, &target_id);
      g_autoptr(BwProject) project = bw_project_load_from_data (text, strlen (text), NULL);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      g_assert_nonnull (project);
      title = bw_rule_expand_title (rule, element (project, element_id),
                                    element (project, source_id), element (project, target_id));
      description = bw_rule_expand_description (rule, element (project, element_id),
                                                element (project, source_id), element (project, target_id));
      g_assert_nonnull (title);
      g_assert_nonnull (description);
      if (strchr (title, '{') != NULL || strchr (description, '{') != NULL)
        g_error ("%s leaves a placeholder: %s / %s", id, title, description);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GBytes) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cases_path = NULL;
  g_autofree char *cases_text = NULL;
  gsize cases_length = 0;
  g_autoptr(GPtrArray) all_cases = g_ptr_array_new_with_free_func (case_free);
  JsonArray *rules;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* The built-in library references the core's resources, which links and
   * registers them; the pack is then read exactly as the app ships it. */
  g_assert_nonnull (bw_rule_library_get_builtin ());
  pack = g_resources_lookup_data (PACK_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  pack_root = parse_bytes (g_bytes_get_data (pack, NULL), g_bytes_get_size (pack), PACK_RESOURCE);

  cases_path = g_test_build_filename (G_TEST_DIST, "data", "rules", "medical-cases.json", NULL);
  if (!g_file_get_contents (cases_path, &cases_text, &cases_length, &error))
    g_error ("%s", error->message);
  cases_root = parse_bytes (cases_text, cases_length, cases_path);

  g_test_add_func ("/medical-rules/pack/size", test_pack_size);
  g_test_add_func ("/medical-rules/pack/loads-in-builtin", test_pack_loads_in_builtin);
  g_test_add_func ("/medical-rules/cases/complete", test_cases_complete);
  g_test_add_func ("/medical-rules/titles-expand", test_titles_expand);

  rules = pack_rules ();
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      const char *id = json_object_get_string_member (rule, "id");
      JsonObject *pair;

      if (!json_object_has_member (cases_object (), id))
        continue;  /* reported by /medical-rules/cases/complete */
      pair = json_object_get_object_member (cases_object (), id);
      for (int fires = 1; fires >= 0; fires--)
        {
          const char *which = fires ? "fires" : "quiet";
          Case *c;
          g_autofree char *path = NULL;

          if (!json_object_has_member (pair, which))
            continue;
          c = g_new0 (Case, 1);
          c->rule_id = g_strdup (id);
          c->applies_to = g_strdup (json_object_get_string_member (rule, "applies_to"));
          c->fires = fires;
          c->model = json_node_ref (json_object_get_member (pair, which));
          g_ptr_array_add (all_cases, c);
          path = g_strdup_printf ("/medical-rules/%s/%s", id, which);
          g_test_add_data_func (path, c, test_case);
        }
    }

  ret = g_test_run ();
  g_clear_pointer (&pack_root, json_node_unref);
  g_clear_pointer (&cases_root, json_node_unref);
  return ret;
}
