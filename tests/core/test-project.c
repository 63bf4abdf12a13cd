/* test-project.c — the document: format rules beyond the corpus
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-project-io.h"
#include "bw-test-utils.h"

static BwProject *
load_string (const char  *json,
             GError     **error)
{
  return bw_project_load_from_data (json, strlen (json), error);
}

static guint
count_differing_lines (const char *a,
                       const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint n = 0;

  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i] != NULL; i++)
    if (strcmp (la[i], lb[i]) != 0)
      n++;
  return n;
}

/* FORMAT.md: a one-field edit is a one-line diff. */
static void
test_one_field_edit_one_line (void)
{
  g_autoptr(BwProject) project = bw_project_load_example (NULL);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  BwRecord *patient = bw_project_lookup (project, "EE-1");

  g_assert_true (BW_IS_ELEMENT (patient));
  g_object_set (patient, "name", "Patient (adult)", NULL);
  after = bw_test_to_string (project);
  g_assert_cmpuint (count_differing_lines (before, after), ==, 1);
  g_assert_nonnull (strstr (after, "\"name\": \"Patient (adult)\""));
}

static void
test_low_counter_repaired_with_warning (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "format", "valid", "low-id-counter.json", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;
  g_autofree char *id = NULL;
  gsize length;
  GPtrArray *warnings;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  project = bw_project_load_from_data (data, length, &error);
  g_assert_no_error (error);
  warnings = bw_project_get_warnings (project);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (warnings->pdata[0], "id_counters.T"));
  g_assert_cmpint (bw_id_counters_get (bw_project_get_id_counters (project), "T"), ==, 10);

  /* IDs are never reused. */
  id = bw_project_allocate_id (project, "T");
  g_assert_cmpstr (id, ==, "T-10");
  g_assert_cmpint (bw_id_counters_get (bw_project_get_id_counters (project), "T"), ==, 11);
}

static void
test_new_project_round_trip (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  g_autofree char *text = bw_test_to_string (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) again = load_string (text, &error);
  g_autofree char *text2 = NULL;

  g_assert_no_error (error);
  text2 = bw_test_to_string (again);
  g_assert_cmpstr (text, ==, text2);
  g_assert_false (bw_project_get_modified (again));
  g_assert_nonnull (strstr (text, "\"Very high\""));
}

/* Cases json-glib's parser would let through, which format 1 refuses. */
static void
test_strict_json (void)
{
  static const struct {
    const char *json;
    const char *expect;
  } cases[] = {
    { "{\"format\": \"bulwark\", \"format_version\": 1, /* c */ }", "line 1, column 44" },
    { "{'format': 'bulwark'}", "member name" },
    { "{\"format\": \"bulwark\", \"format_version\": 01}", "leading zeros" },
    { "{\"format\": \"bulwark\", \"format_version\": 1} x", "after the end" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"generator\": \"\\ud800\"}", "surrogate" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"generator\": \"a\\u0000b\"}", "NUL" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"generator\": \"a\nb\"}", "control character" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"generator\": \"\xff\"}", "UTF-8" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"x\": -1e400}", "too large" },
    { "", "empty" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"model\": 3}", "model: expected an object" },
    { "{\"format\": \"bulwark\", \"format_version\": 1, \"diagrams\": [{\"name\": \"d\"}]}", "diagrams[0]" },
    { "{\"format\": \"bulwark\", \"format_version\": 0}", "format_version" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BwProject) project = load_string (cases[i].json, &error);

      g_autofree char *shown = g_strescape (cases[i].json, NULL);

      /* Escaped: invalid UTF-8 in a message would break the TAP stream. */
      g_test_message ("%s → %s", shown, error ? error->message : "(accepted)");
      g_assert_null (project);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
    }
}

static void
test_deep_nesting_refused (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"bulwark\", \"format_version\": 1, \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (json, '[');
  project = load_string (json->str, &error);
  g_assert_null (project);
  g_assert_nonnull (strstr (error->message, "nested"));
}

/* FORMAT.md: an integer beyond 64 bits is a double, written shortest. */
static void
test_big_integer_becomes_double (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project =
    load_string ("{\"format\": \"bulwark\", \"format_version\": 1, \"x_big\": [99999999999999999999999, -9223372036854775808]}",
                 &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = bw_test_to_string (project);
  g_assert_nonnull (strstr (text, "1e+23,"));
  g_assert_nonnull (strstr (text, "-9223372036854775808\n"));
}

/* Members are GObject properties, so views can bind to them. */
static void
test_properties (void)
{
  g_autoptr(BwProject) project = bw_project_load_example (NULL);
  BwRecord *process = bw_project_lookup (project, "P-1");
  BwRecord *threat = bw_project_lookup (project, "T-1");
  g_autoptr(GVariant) bounds = NULL;
  g_autoptr(GListModel) history = NULL;
  g_auto(GStrv) objectives = NULL;
  g_autofree char *kind = NULL;
  double x, y, w, h;

  g_object_get (process, "kind", &kind, "bounds", &bounds, NULL);
  g_assert_cmpstr (kind, ==, "process");
  g_variant_get (bounds, "(dddd)", &x, &y, &w, &h);
  g_assert_cmpfloat (x, ==, 420);
  g_assert_cmpfloat (h, ==, 100);

  g_object_get (threat, "objectives", &objectives, "history", &history, NULL);
  g_assert_cmpstrv (objectives, ((const char *[]) { "O-1", NULL }));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);

  /* Enumerations refuse values outside the format. */
  g_object_set (threat, "status", "addressed", NULL);
  g_assert_cmpstr (bw_threat_get_status (BW_THREAT (threat)), ==, "addressed");
}

static void
fill_title_cb (BwRecord *record,
               gpointer  user_data)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (record), "title");

  *(char **) bw_record_field_ptr (record, field) = g_strdup (user_data);
}

static void
fill_nested_cb (BwRecord *record,
                gpointer  user_data)
{
  BwRecord **inner = user_data;

  /* A record made inside a fill is not the fill's target. */
  *inner = bw_record_new_filled (BW_TYPE_THREAT, fill_title_cb, (gpointer) "Inner");
  fill_title_cb (record, (gpointer) "Outer");
}

/* bw_record_new_filled() sets members before the defaults fill the rest:
 * the record is as complete as one from g_object_new(). */
static void
test_new_filled (void)
{
  g_autoptr(BwRecord) filled = bw_record_new_filled (BW_TYPE_THREAT, fill_title_cb, (gpointer) "Tampering with Bolus");
  g_autoptr(BwRecord) plain = g_object_new (BW_TYPE_THREAT, NULL);
  g_autoptr(BwRecord) outer = NULL;
  g_autoptr(BwRecord) inner = NULL;
  BwThreat *threat = BW_THREAT (filled);

  g_assert_cmpstr (bw_threat_get_title (threat), ==, "Tampering with Bolus");
  g_assert_cmpstr (bw_threat_get_description (threat), ==, "");
  g_assert_cmpstr (bw_threat_get_status (threat), ==, "not_started");
  g_assert_nonnull (bw_threat_get_history (threat));
  g_assert_cmpuint (g_list_model_get_n_items (bw_threat_get_history (threat)), ==, 0);

  /* The fill was for that one record only. */
  g_assert_cmpstr (bw_threat_get_title (BW_THREAT (plain)), ==, "");

  outer = bw_record_new_filled (BW_TYPE_THREAT, fill_nested_cb, &inner);
  g_assert_cmpstr (bw_threat_get_title (BW_THREAT (outer)), ==, "Outer");
  g_assert_cmpstr (bw_threat_get_title (BW_THREAT (inner)), ==, "Inner");
}

static void
test_collections_are_list_models (void)
{
  g_autoptr(BwProject) project = bw_project_load_example (NULL);
  GListModel *diagrams = bw_project_get_diagrams (project);
  g_autoptr(GPtrArray) d2 = NULL;

  g_assert_true (G_IS_LIST_MODEL (diagrams));
  g_assert_cmpuint (g_list_model_get_n_items (diagrams), ==, 2);
  g_assert_true (g_list_model_get_item_type (bw_project_get_elements (project)) == BW_TYPE_ELEMENT);
  d2 = bw_project_dup_diagram_elements (project, "D-2");
  g_assert_cmpuint (d2->len, ==, 30);
  g_assert_true (BW_IS_ATTACK_NODE (bw_project_lookup (project, "N-12")));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/project/one-field-edit-one-line", test_one_field_edit_one_line);
  g_test_add_func ("/project/low-counter-repaired", test_low_counter_repaired_with_warning);
  g_test_add_func ("/project/new-round-trip", test_new_project_round_trip);
  g_test_add_func ("/project/strict-json", test_strict_json);
  g_test_add_func ("/project/deep-nesting", test_deep_nesting_refused);
  g_test_add_func ("/project/big-integer", test_big_integer_becomes_double);
  g_test_add_func ("/project/properties", test_properties);
  g_test_add_func ("/project/new-filled", test_new_filled);
  g_test_add_func ("/project/collections", test_collections_are_list_models);

  return g_test_run ();
}
