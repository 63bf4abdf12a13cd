/* test-commands.c — every edit command: apply, revert, redo, validity
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-add.h"
#include "bw-command-connect.h"
#include "bw-command-move.h"
#include "bw-command-reconnect.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-project-io.h"
#include "bw-test-utils.h"

/* Every command must leave a document that saves as valid format 1. */
static void
assert_saveable (BwProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);
  g_autoptr(BwProject) copy = bw_project_load_from_data (g_bytes_get_data (bytes, NULL),
                                                         g_bytes_get_size (bytes), &error);

  g_assert_no_error (error);
  g_assert_nonnull (copy);
}

static void
apply_ok (BwCommand *command,
          BwProject *project)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_apply (command, project, &error));
  g_assert_no_error (error);
  assert_saveable (project);
}

static void
revert_ok (BwCommand *command,
           BwProject *project)
{
  bw_command_revert (command, project);
  assert_saveable (project);
}

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ELEMENT (record));
  return BW_ELEMENT (record);
}

static double
bound (BwProject  *project,
       const char *id,
       guint       i)
{
  return bw_number_get (&bw_element_get_bounds (element (project, id))[i]);
}

static double
point (BwProject  *project,
       const char *id,
       guint       i,
       gboolean    y)
{
  const BwPoint *pt = &g_array_index (bw_element_get_points (element (project, id)), BwPoint, i);

  return bw_number_get (y ? &pt->y : &pt->x);
}

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

static guint
count_items_changed (GListModel *model,
                     guint      *counter)
{
  return g_signal_connect_swapped (model, "items-changed", G_CALLBACK (count_cb), counter);
}

static BwElement *
new_process (const char *diagram)
{
  return g_object_new (BW_TYPE_ELEMENT,
                       "kind", "process",
                       "diagram", diagram,
                       "name", "Dose calculator",
                       "bounds", g_variant_new ("(dddd)", 100.0, 100.0, 160.0, 80.0),
                       NULL);
}

static void
test_add (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autoptr(BwElement) process = new_process ("D-2");
  g_autoptr(BwCommand) add = NULL;
  GListModel *elements = bw_project_get_elements (project);
  guint n = g_list_model_get_n_items (elements);
  guint changes = 0;
  gulong handler;

  add = bw_command_add_new (project, BW_RECORD (process), -1);
  g_assert_cmpstr (bw_command_get_label (add), ==, "Add Process");
  /* The ID is taken when the command is made. */
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (process)), ==, "P-5");
  g_assert_cmpint (bw_id_counters_get (bw_project_get_id_counters (project), "P"), ==, 6);

  handler = count_items_changed (elements, &changes);
  apply_ok (add, project);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (elements), ==, n + 1);
  g_assert_true (bw_project_lookup (project, "P-5") == BW_RECORD (process));
  {
    g_autoptr(BwElement) last = g_list_model_get_item (elements, n);

    g_assert_true (last == process);
  }

  revert_ok (add, project);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_null (bw_project_lookup (project, "P-5"));
  g_assert_cmpuint (g_list_model_get_n_items (elements), ==, n);
  /* Undoing an add leaves the counter where it is (FORMAT.md). */
  g_assert_cmpint (bw_id_counters_get (bw_project_get_id_counters (project), "P"), ==, 6);
  {
    g_autofree char *after = bw_test_to_string (project);
    g_autofree char *expected = g_strdup (original);

    /* Only the counter line differs. */
    g_assert_nonnull (strstr (after, "\"P\": 6,"));
    g_assert_nonnull (strstr (expected, "\"P\": 5,"));
  }

  /* Redo brings back the same object with the same ID. */
  apply_ok (add, project);
  g_assert_true (bw_project_lookup (project, "P-5") == BW_RECORD (process));
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (process)), ==, "P-5");
  g_signal_handler_disconnect (elements, handler);
}

static void
test_add_at_position (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwAsset) asset = g_object_new (BW_TYPE_ASSET, "name", "Basal profile", NULL);
  g_autoptr(BwCommand) add = bw_command_add_new (project, BW_RECORD (asset), 0);
  g_autoptr(BwAsset) first = NULL;

  g_assert_cmpstr (bw_command_get_label (add), ==, "Add Asset");
  apply_ok (add, project);
  first = g_list_model_get_item (bw_project_get_assets (project), 0);
  g_assert_true (first == asset);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (asset)), ==, "A-9");
  revert_ok (add, project);
  g_assert_null (bw_project_lookup (project, "A-9"));
}

static void
test_add_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwElement) lost = new_process ("D-9");
  g_autoptr(BwElement) flow = NULL;
  g_autoptr(BwCommand) add = NULL;
  g_autoptr(BwCommand) add_flow = NULL;
  g_autofree char *after = NULL;

  /* On a diagram that does not exist. */
  add = bw_command_add_new (project, BW_RECORD (lost), -1);
  g_assert_false (bw_command_apply (add, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "D-9"));
  g_clear_error (&error);

  /* A flow between two diagrams. */
  flow = g_object_new (BW_TYPE_ELEMENT, "kind", "data_flow", "diagram", "D-2",
                       "source", "EE-1", "target", "P-2", NULL);
  add_flow = bw_command_add_new (project, BW_RECORD (flow), -1);
  g_assert_false (bw_command_apply (add_flow, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);

  /* A refused edit changes nothing but the counters it took. */
  g_assert_null (bw_project_lookup (project, bw_record_get_id (BW_RECORD (flow))));
  after = bw_test_to_string (project);
  g_assert_cmpuint (strlen (after), ==, strlen (original));
}

static const char * const *
strv (BwRecord   *record,
      const char *property,
      char     ***out)
{
  g_object_get (record, property, out, NULL);
  return (const char * const *) *out;
}

static void
test_remove_process (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "P-3", NULL };
  g_autoptr(BwCommand) remove = bw_command_remove_new (project, ids);
  GListModel *elements = bw_project_get_elements (project);
  guint n = g_list_model_get_n_items (elements);
  const char *flows[] = { "DF-8", "DF-9", "DF-16", "DF-17", "DF-18", "DF-19", "DF-21" };
  g_auto(GStrv) asm1 = NULL;
  g_auto(GStrv) c1 = NULL;
  guint changes = 0;
  gulong handler;

  g_assert_cmpstr (bw_command_get_label (remove), ==, "Delete Process");

  handler = count_items_changed (elements, &changes);
  apply_ok (remove, project);
  g_assert_cmpuint (changes, ==, 1 + G_N_ELEMENTS (flows));
  g_assert_null (bw_project_lookup (project, "P-3"));
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    g_assert_null (bw_project_lookup (project, flows[i]));
  g_assert_cmpuint (g_list_model_get_n_items (elements), ==, n - 1 - G_N_ELEMENTS (flows));
  g_assert_nonnull (bw_project_lookup (project, "DF-11"));

  /* Threats of deleted elements are kept, obsolete, still naming them. */
  g_assert_true (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-7"))));
  g_assert_cmpstr (bw_threat_get_target (BW_THREAT (bw_project_lookup (project, "T-7"))), ==, "P-3");
  g_assert_true (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-1"))));
  g_assert_false (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, "T-2"))));

  /* Other references are cleared. */
  g_assert_cmpstrv (strv (bw_project_lookup (project, "ASM-1"), "elements", &asm1),
                    ((const char * const[]) { "DF-10", NULL }));
  g_assert_cmpstrv (strv (bw_project_lookup (project, "C-1"), "elements", &c1),
                    ((const char * const[]) { NULL }));

  revert_ok (remove, project);
  g_assert_cmpuint (changes, ==, 2 * (1 + G_N_ELEMENTS (flows)));
  g_assert_true (BW_IS_ELEMENT (bw_project_lookup (project, "P-3")));
  for (guint i = 0; i < G_N_ELEMENTS (flows); i++)
    g_assert_true (BW_IS_ELEMENT (bw_project_lookup (project, flows[i])));
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  /* Redo, and undo once more. */
  apply_ok (remove, project);
  g_assert_null (bw_project_lookup (project, "DF-21"));
  revert_ok (remove, project);
  g_clear_pointer (&after, g_free);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  g_signal_handler_disconnect (elements, handler);
}

static void
test_remove_nested_references (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "O-1", "H-1", NULL };
  g_autoptr(BwCommand) remove = bw_command_remove_new (project, ids);
  BwThreat *t1 = BW_THREAT (bw_project_lookup (project, "T-1"));
  g_auto(GStrv) objectives = NULL;
  g_auto(GStrv) hazards = NULL;
  char *objective = NULL;

  g_assert_cmpstr (bw_command_get_label (remove), ==, "Delete 2 Items");
  apply_ok (remove, project);

  g_assert_cmpstrv (strv (BW_RECORD (t1), "objectives", &objectives), ((const char * const[]) { NULL }));
  /* Inside a threat's risk, which has no ID of its own. */
  g_assert_cmpstrv (strv (BW_RECORD (bw_threat_get_risk (t1)), "hazards", &hazards),
                    ((const char * const[]) { NULL }));
  g_object_get (bw_project_lookup (project, "R-1"), "objective", &objective, NULL);
  g_assert_null (objective);
  /* Inside an attack tree. */
  g_object_get (bw_project_lookup (project, "N-5"), "objective", &objective, NULL);
  g_assert_null (objective);

  revert_ok (remove, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
test_remove_diagram (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "D-2", NULL };
  g_autoptr(BwCommand) remove = bw_command_remove_new (project, ids);
  g_autoptr(GPtrArray) left = NULL;

  g_assert_cmpstr (bw_command_get_label (remove), ==, "Delete Diagram");
  apply_ok (remove, project);
  left = bw_project_dup_diagram_elements (project, "D-2");
  g_assert_cmpuint (left->len, ==, 0);
  g_assert_nonnull (bw_project_lookup (project, "P-1"));
  /* Every threat was about D-2. */
  for (guint i = 1; i <= 9; i++)
    {
      g_autofree char *id = g_strdup_printf ("T-%u", i);

      g_assert_true (bw_threat_get_obsolete (BW_THREAT (bw_project_lookup (project, id))));
    }

  revert_ok (remove, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
test_remove_several (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "DS-1", "EE-9", "TB-2", NULL };
  g_autoptr(BwCommand) remove = bw_command_remove_new (project, ids);
  g_autoptr(GError) error = NULL;
  const char *missing[] = { "P-77", NULL };
  g_autoptr(BwCommand) remove_missing = bw_command_remove_new (project, missing);
  const char *nested[] = { "N-3", NULL };
  g_autoptr(BwCommand) remove_nested = bw_command_remove_new (project, nested);

  g_assert_cmpstr (bw_command_get_label (remove), ==, "Delete 3 Elements");
  apply_ok (remove, project);
  g_assert_null (bw_project_lookup (project, "DF-17"));
  g_assert_null (bw_project_lookup (project, "DF-21"));
  revert_ok (remove, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  g_assert_false (bw_command_apply (remove_missing, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* Attack-tree steps live inside their tree. */
  g_assert_false (bw_command_apply (remove_nested, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_pointer (&after, g_free);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

/* Every record of the example, deleted alone and brought back. */
static void
test_remove_each (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  const char *collections[] = { "assets", "assumptions", "hazards", "diagrams", "elements", "threats",
                                "objectives", "requirements", "attack_trees", "components" };
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < G_N_ELEMENTS (collections); c++)
    {
      GListModel *list = G_LIST_MODEL (bw_project_get_collection_by_name (project, collections[c]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(BwRecord) record = g_list_model_get_item (list, i);

          g_ptr_array_add (ids, g_strdup (bw_record_get_id (record)));
        }
    }
  g_assert_cmpuint (ids->len, >, 70);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *one[] = { g_ptr_array_index (ids, i), NULL };
      g_autoptr(BwCommand) remove = bw_command_remove_new (project, one);
      g_autofree char *after = NULL;

      g_test_message ("deleting %s", one[0]);
      apply_ok (remove, project);
      g_assert_null (bw_project_lookup (project, one[0]));
      revert_ok (remove, project);
      after = bw_test_to_string (project);
      g_assert_cmpstr (after, ==, original);
    }
}

static void
test_move (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "P-2", "P-3", NULL };
  const char *one[] = { "P-2", NULL };
  const char *flow[] = { "DF-14", NULL };
  g_autoptr(BwCommand) move = bw_command_move_new (project, ids, 10, -5);
  g_autoptr(BwCommand) move_one = bw_command_move_new (project, one, 10, 0);
  g_autoptr(BwCommand) move_flow = bw_command_move_new (project, flow, 0, 20);
  guint notified = 0;
  gulong handler;

  g_assert_cmpstr (bw_command_get_label (move), ==, "Move 2 Elements");
  g_assert_cmpstr (bw_command_get_label (move_one), ==, "Move Process");

  handler = g_signal_connect_swapped (element (project, "P-2"), "notify::bounds", G_CALLBACK (count_cb), &notified);
  apply_ok (move, project);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpfloat (bound (project, "P-2", 0), ==, 310);
  g_assert_cmpfloat (bound (project, "P-2", 1), ==, 75);
  g_assert_cmpfloat (bound (project, "P-2", 2), ==, 170);
  g_assert_cmpfloat (bound (project, "P-3", 0), ==, 310);
  /* DF-8 runs between the two moved nodes: its bend moves too. */
  g_assert_cmpfloat (point (project, "DF-8", 0, FALSE), ==, 395);
  g_assert_cmpfloat (point (project, "DF-8", 0, TRUE), ==, 325);
  /* DF-14 has one end that stays: its bend stays. */
  g_assert_cmpfloat (point (project, "DF-14", 0, FALSE), ==, 660);
  revert_ok (move, project);
  g_assert_cmpuint (notified, ==, 2);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  /* One node alone leaves the bends of its flows. */
  apply_ok (move_one, project);
  g_assert_cmpfloat (point (project, "DF-8", 0, FALSE), ==, 385);
  revert_ok (move_one, project);

  /* A selected flow moves its bend points. */
  apply_ok (move_flow, project);
  g_assert_cmpfloat (point (project, "DF-14", 0, TRUE), ==, 200);
  revert_ok (move_flow, project);
  g_clear_pointer (&after, g_free);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  g_signal_handler_disconnect (element (project, "P-2"), handler);
}

static const char *line_json =
  "{\"format\": \"bulwark\", \"format_version\": 1,"
  " \"diagrams\": [{\"id\": \"D-1\", \"name\": \"Lines\", \"kind\": \"dataflow\"}],"
  " \"elements\": ["
  "  {\"id\": \"TB-1\", \"kind\": \"trust_boundary\", \"diagram\": \"D-1\", \"shape\": \"line\","
  "   \"points\": [[200.0, -50.5], [200, 150]]},"
  "  {\"id\": \"TB-2\", \"kind\": \"trust_boundary\", \"diagram\": \"D-1\", \"shape\": \"box\","
  "   \"bounds\": [0.0, 0, 50, 50]}"
  " ]}";

static void
test_move_boundaries (void)
{
  g_autoptr(BwProject) project = bw_test_load_string (line_json);
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  const char *ids[] = { "TB-1", "TB-2", NULL };
  g_autoptr(BwCommand) move = bw_command_move_new (project, ids, 0.5, 10);

  apply_ok (move, project);
  g_assert_cmpfloat (point (project, "TB-1", 0, FALSE), ==, 200.5);
  g_assert_cmpfloat (point (project, "TB-1", 0, TRUE), ==, -40.5);
  g_assert_cmpfloat (point (project, "TB-1", 1, TRUE), ==, 160);
  g_assert_cmpfloat (bound (project, "TB-2", 0), ==, 0.5);
  g_assert_cmpfloat (bound (project, "TB-2", 1), ==, 10);
  /* Undo gives back the numbers as read: 200.0 stays a double, which is
   * written differently from the integer 200. */
  revert_ok (move, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
test_set_property (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(BwCommand) rename = NULL;
  g_autoptr(BwCommand) rename2 = NULL;
  guint notified = 0;
  gulong handler;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "Pump controller");
  rename = bw_command_set_property_new (project, "P-2", "name", &value);
  g_assert_cmpstr (bw_command_get_label (rename), ==, "Change Process");

  handler = g_signal_connect_swapped (element (project, "P-2"), "notify::name", G_CALLBACK (count_cb), &notified);
  apply_ok (rename, project);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (bw_element_get_name (element (project, "P-2")), ==, "Pump controller");

  /* The second change of the same member merges into the first. */
  g_value_set_string (&value, "Pump controller firmware");
  rename2 = bw_command_set_property_new (project, "P-2", "name", &value);
  apply_ok (rename2, project);
  g_assert_true (bw_command_merge (rename, rename2));
  revert_ok (rename, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
  apply_ok (rename, project);
  g_assert_cmpstr (bw_element_get_name (element (project, "P-2")), ==, "Pump controller firmware");
  revert_ok (rename, project);
  g_signal_handler_disconnect (element (project, "P-2"), handler);

  /* Another member does not merge. */
  {
    g_auto(GValue) b = G_VALUE_INIT;
    g_autoptr(BwCommand) scope = NULL;

    g_value_init (&b, G_TYPE_BOOLEAN);
    g_value_set_boolean (&b, TRUE);
    scope = bw_command_set_property_new (project, "P-2", "out-of-scope", &b);
    apply_ok (scope, project);
    g_assert_true (bw_element_get_out_of_scope (element (project, "P-2")));
    g_assert_false (bw_command_merge (rename, scope));
    revert_ok (scope, project);
  }

  g_clear_pointer (&after, g_free);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
test_set_property_paths (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_auto(GValue) title = G_VALUE_INIT;
  g_auto(GValue) level = G_VALUE_INIT;
  g_autoptr(BwCommand) set_title = NULL;
  g_autoptr(BwCommand) set_level = NULL;
  g_autoptr(BwCommand) set_kev = NULL;
  g_auto(GValue) kev = G_VALUE_INIT;

  /* A member of the model, which has no ID. */
  g_value_init (&title, G_TYPE_STRING);
  g_value_set_string (&title, "Pump threat model, rev. B");
  set_title = bw_command_set_property_new (project, "model", "title", &title);
  g_assert_cmpstr (bw_command_get_label (set_title), ==, "Change Project");
  apply_ok (set_title, project);
  g_assert_cmpstr (bw_model_get_title (bw_project_get_model (project)), ==, "Pump threat model, rev. B");

  /* Inside a threat's risk, and inside a component's list. */
  g_value_init (&level, G_TYPE_INT);
  g_value_set_int (&level, 1);
  set_level = bw_command_set_property_new (project, "T-1/risk", "severity", &level);
  g_assert_cmpstr (bw_command_get_label (set_level), ==, "Change Threat");
  apply_ok (set_level, project);
  g_value_init (&kev, G_TYPE_BOOLEAN);
  g_value_set_boolean (&kev, TRUE);
  set_kev = bw_command_set_property_new (project, "C-1/vulnerabilities/0", "kev", &kev);
  apply_ok (set_kev, project);

  revert_ok (set_kev, project);
  revert_ok (set_level, project);
  revert_ok (set_title, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
assert_refused (BwProject    *project,
                const char   *path,
                const char   *property,
                const GValue *value,
                int           code)
{
  g_autoptr(BwCommand) command = bw_command_set_property_new (project, path, property, value);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;

  g_assert_false (bw_command_apply (command, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_set_property_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_auto(GValue) s = G_VALUE_INIT;
  g_auto(GValue) i = G_VALUE_INIT;
  g_auto(GValue) ids = G_VALUE_INIT;
  g_auto(GValue) v = G_VALUE_INIT;
  const char *missing[] = { "A-1", "A-99", NULL };

  g_value_init (&s, G_TYPE_STRING);
  g_value_set_string (&s, "x");
  assert_refused (project, "P-99", "name", &s, BW_COMMAND_ERROR_NOT_FOUND);
  assert_refused (project, "P-2", "no-such-member", &s, BW_COMMAND_ERROR_NOT_FOUND);
  /* A member the kind does not have. */
  assert_refused (project, "DF-11", "bounds", &s, BW_COMMAND_ERROR_NOT_FOUND);
  /* Not a value of the enumeration. */
  assert_refused (project, "T-1", "status", &s, BW_COMMAND_ERROR_INVALID);
  /* What an element is and where it is drawn are fixed. */
  g_value_set_string (&s, "data_store");
  assert_refused (project, "P-2", "kind", &s, BW_COMMAND_ERROR_INVALID);
  g_value_set_string (&s, "D-1");
  assert_refused (project, "P-2", "diagram", &s, BW_COMMAND_ERROR_INVALID);
  /* References must lead somewhere fitting. */
  g_value_set_string (&s, "O-99");
  assert_refused (project, "R-1", "objective", &s, BW_COMMAND_ERROR_INVALID);
  g_value_set_string (&s, "T-1");
  assert_refused (project, "R-1", "objective", &s, BW_COMMAND_ERROR_INVALID);
  g_value_set_string (&s, "EE-1");
  assert_refused (project, "DF-11", "target", &s, BW_COMMAND_ERROR_INVALID);
  g_value_set_string (&s, "DS-3");
  assert_refused (project, "EE-5", "refines", &s, BW_COMMAND_ERROR_INVALID);
  g_value_init (&ids, G_TYPE_STRV);
  g_value_set_boxed (&ids, missing);
  assert_refused (project, "P-2", "assets", &ids, BW_COMMAND_ERROR_INVALID);
  /* Levels stay on the scale. */
  g_value_init (&i, G_TYPE_INT);
  g_value_set_int (&i, 99);
  assert_refused (project, "T-1/risk", "severity", &i, BW_COMMAND_ERROR_INVALID);
  /* A value of the wrong type. */
  assert_refused (project, "P-2", "name", &i, BW_COMMAND_ERROR_INVALID);
  /* A line needs two points. */
  g_value_init (&v, G_TYPE_VARIANT);
  g_value_set_variant (&v, g_variant_new_parsed ("@a(dd) [(1.0, 2.0)]"));
  {
    g_autoptr(BwProject) lines = bw_test_load_string (line_json);

    assert_refused (lines, "TB-1", "points", &v, BW_COMMAND_ERROR_INVALID);
    g_value_set_string (&s, "line");
    assert_refused (lines, "TB-2", "shape", &s, BW_COMMAND_ERROR_INVALID);
  }
}

static void
test_resize (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(BwCommand) resize = bw_command_resize_new (project, "TB-3", &(BwRect) { 250, 10, 300, 250.5 });

  g_assert_cmpstr (bw_command_get_label (resize), ==, "Resize Trust Boundary");
  apply_ok (resize, project);
  g_assert_cmpfloat (bound (project, "TB-3", 0), ==, 250);
  g_assert_cmpfloat (bound (project, "TB-3", 3), ==, 250.5);
  revert_ok (resize, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

static void
test_connect (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) connect = NULL;
  g_autoptr(BwCommand) refused = NULL;
  BwElement *flow;

  connect = bw_command_connect_new (project, "P-2", "DS-3", &error);
  g_assert_no_error (error);
  g_assert_nonnull (connect);
  g_assert_cmpstr (bw_command_get_label (connect), ==, "Add Data Flow");
  g_assert_cmpstr (bw_command_connect_get_flow_id (BW_COMMAND_CONNECT (connect)), ==, "DF-23");

  apply_ok (connect, project);
  flow = element (project, "DF-23");
  g_assert_cmpstr (bw_element_get_kind (flow), ==, "data_flow");
  g_assert_cmpstr (bw_element_get_diagram (flow), ==, "D-2");
  g_assert_cmpstr (bw_element_get_source (flow), ==, "P-2");
  g_assert_cmpstr (bw_element_get_target (flow), ==, "DS-3");
  revert_ok (connect, project);
  g_assert_null (bw_project_lookup (project, "DF-23"));
  apply_ok (connect, project);
  g_assert_true (bw_project_lookup (project, "DF-23") == BW_RECORD (flow));
  revert_ok (connect, project);

  /* Across diagrams, to a boundary, to nothing. */
  refused = bw_command_connect_new (project, "EE-1", "P-2", &error);
  g_assert_null (refused);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  refused = bw_command_connect_new (project, "P-2", "TB-3", &error);
  g_assert_null (refused);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  refused = bw_command_connect_new (project, "P-77", "P-2", &error);
  g_assert_null (refused);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);

  /* The only trace of the connect: the counter it took. */
  {
    g_autofree char *after = bw_test_to_string (project);

    g_assert_nonnull (strstr (after, "\"DF\": 24,"));
    g_assert_nonnull (strstr (original, "\"DF\": 23,"));
  }
}

static void
test_reconnect (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) reconnect = bw_command_reconnect_new (project, "DF-11", BW_FLOW_END_TARGET, "DS-3");
  g_autoptr(BwCommand) source = bw_command_reconnect_new (project, "DF-11", BW_FLOW_END_SOURCE, "EE-5");
  g_autoptr(BwCommand) other_diagram = bw_command_reconnect_new (project, "DF-11", BW_FLOW_END_TARGET, "EE-1");
  g_autoptr(BwCommand) boundary = bw_command_reconnect_new (project, "DF-11", BW_FLOW_END_SOURCE, "TB-3");
  g_autoptr(BwCommand) not_flow = bw_command_reconnect_new (project, "P-2", BW_FLOW_END_SOURCE, "P-3");

  g_assert_cmpstr (bw_command_get_label (reconnect), ==, "Reconnect Data Flow");
  apply_ok (reconnect, project);
  g_assert_cmpstr (bw_element_get_target (element (project, "DF-11")), ==, "DS-3");
  apply_ok (source, project);
  g_assert_cmpstr (bw_element_get_source (element (project, "DF-11")), ==, "EE-5");
  revert_ok (source, project);
  revert_ok (reconnect, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  g_assert_false (bw_command_apply (other_diagram, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bw_command_apply (boundary, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bw_command_apply (not_flow, project, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_clear_pointer (&after, g_free);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

/* FORMAT.md stores threat↔objective links on both sides: an edit of one
 * side updates the other, and undo restores both. */
static void
test_set_property_links_both_sides (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_auto(GValue) ids = G_VALUE_INIT;
  g_autoptr(BwCommand) link = NULL;
  g_autoptr(BwCommand) unlink = NULL;
  BwObjective *o1 = BW_OBJECTIVE (bw_project_lookup (project, "O-1"));
  BwObjective *o4 = BW_OBJECTIVE (bw_project_lookup (project, "O-4"));
  const char *t3_objectives[] = { "O-1", NULL };
  const char *none[] = { NULL };

  g_value_init (&ids, G_TYPE_STRV);
  g_value_set_boxed (&ids, t3_objectives);
  link = bw_command_set_property_new (project, "T-3", "objectives", &ids);
  apply_ok (link, project);
  g_assert_true (g_strv_contains (bw_objective_get_threats (o1), "T-3"));

  /* Unlinking from the objective's side reaches the threat. */
  g_value_set_boxed (&ids, none);
  unlink = bw_command_set_property_new (project, "O-4", "threats", &ids);
  apply_ok (unlink, project);
  g_assert_false (g_strv_contains (bw_threat_get_objectives (BW_THREAT (bw_project_lookup (project, "T-2"))), "O-4"));
  g_assert_cmpuint (g_strv_length ((char **) bw_objective_get_threats (o4)), ==, 0);

  /* The file stays loadable and, undone, comes back byte for byte. */
  {
    g_autofree char *text = bw_test_to_string (project);
    g_autoptr(GError) error = NULL;
    g_autoptr(BwProject) again = bw_project_load_from_data (text, strlen (text), &error);
    g_autofree char *text2 = NULL;

    g_assert_no_error (error);
    text2 = bw_test_to_string (again);
    g_assert_cmpstr (text, ==, text2);
  }
  revert_ok (unlink, project);
  revert_ok (link, project);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commands/add", test_add);
  g_test_add_func ("/commands/add-at-position", test_add_at_position);
  g_test_add_func ("/commands/add-refused", test_add_refused);
  g_test_add_func ("/commands/remove-process", test_remove_process);
  g_test_add_func ("/commands/remove-nested-references", test_remove_nested_references);
  g_test_add_func ("/commands/remove-diagram", test_remove_diagram);
  g_test_add_func ("/commands/remove-several", test_remove_several);
  g_test_add_func ("/commands/remove-each", test_remove_each);
  g_test_add_func ("/commands/move", test_move);
  g_test_add_func ("/commands/move-boundaries", test_move_boundaries);
  g_test_add_func ("/commands/set-property", test_set_property);
  g_test_add_func ("/commands/set-property-paths", test_set_property_paths);
  g_test_add_func ("/commands/set-property-refused", test_set_property_refused);
  g_test_add_func ("/commands/resize", test_resize);
  g_test_add_func ("/commands/connect", test_connect);
  g_test_add_func ("/commands/reconnect", test_reconnect);
  g_test_add_func ("/commands/set-property-links-both-sides", test_set_property_links_both_sides);

  return g_test_run ();
}
