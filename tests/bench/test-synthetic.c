/* test-synthetic.c — synthetic(400) loads, with the specified counts
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bw-project-io.h"
#include "bw-synthetic.h"

#define N_NODES 400

static BwProject *
load_synthetic (guint n_nodes)
{
  g_autoptr(GError) error = NULL;
  GString *text = bw_synthetic_new (n_nodes);
  BwProject *project = bw_project_load_from_data (text->str, text->len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_string_free (text, TRUE);
  return project;
}

static void
test_counts (void)
{
  g_autoptr(BwProject) project = load_synthetic (N_NODES);
  GListModel *elements = bw_project_get_elements (project);
  GListModel *threats = bw_project_get_threats (project);
  guint n_kind[BW_ELEMENT_TRUST_BOUNDARY + 1] = { 0 };
  BwIdCounters *counters = bw_project_get_id_counters (project);
  GPtrArray *warnings = bw_project_get_warnings (project);

  g_assert_cmpuint (g_list_model_get_n_items (elements), ==,
                    N_NODES + 2 * N_NODES + N_NODES / 20);
  g_assert_cmpuint (g_list_model_get_n_items (elements), ==, bw_synthetic_n_elements (N_NODES));
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 3 * N_NODES);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, bw_synthetic_n_threats (N_NODES));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (project)), ==,
                    bw_synthetic_n_diagrams (N_NODES));

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

      n_kind[bw_element_get_kind_enum (element)]++;
    }
  g_assert_cmpuint (n_kind[BW_ELEMENT_EXTERNAL_ENTITY] + n_kind[BW_ELEMENT_PROCESS] +
                    n_kind[BW_ELEMENT_DATA_STORE], ==, N_NODES);
  g_assert_cmpuint (n_kind[BW_ELEMENT_DATA_FLOW], ==, 2 * N_NODES);
  g_assert_cmpuint (n_kind[BW_ELEMENT_TRUST_BOUNDARY], ==, N_NODES / 20);

  /* Derived threats: the rule names the target's kind. */
  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      BwRecord *target = bw_project_lookup (project, bw_threat_get_target (threat));
      g_autofree char *prefix = NULL;

      g_assert_true (BW_IS_ELEMENT (target));
      prefix = g_strdup_printf ("stride.%s.", bw_element_get_kind (BW_ELEMENT (target)));
      g_assert_true (g_str_has_prefix (bw_threat_get_rule (threat), prefix));
    }

  /* The id_counters are right: nothing to repair, no warning. */
  g_assert_cmpint (bw_id_counters_get (counters, "T"), ==, 3 * N_NODES + 1);
  g_assert_cmpint (bw_id_counters_get (counters, "DF"), ==, 2 * N_NODES + 1);
  g_assert_cmpint (bw_id_counters_get (counters, "TB"), ==, N_NODES / 20 + 1);
  g_assert_cmpint (bw_id_counters_get (counters, "EE"), ==, (N_NODES + 2) / 3 + 1);
  g_assert_cmpint (bw_id_counters_get (counters, "P"), ==, (N_NODES + 1) / 3 + 1);
  g_assert_cmpint (bw_id_counters_get (counters, "DS"), ==, N_NODES / 3 + 1);
  g_assert_true (warnings == NULL || warnings->len == 0);
}

static void
test_deterministic_and_round_trip (void)
{
  GString *a = bw_synthetic_new (N_NODES);
  GString *b = bw_synthetic_new (N_NODES);
  g_autoptr(BwProject) project = load_synthetic (N_NODES);
  g_autoptr(BwProject) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) bytes_again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_string_equal (a, b));
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);

  bytes = bw_project_to_bytes (project);
  again = bw_project_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  bytes_again = bw_project_to_bytes (again);
  g_assert_true (g_bytes_equal (bytes, bytes_again));
}

static void
test_small_sizes (void)
{
  /* Odd sizes: a last diagram with few nodes still loads. */
  static const guint sizes[] = { 2, 3, 21, 201, 223 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(BwProject) project = load_synthetic (sizes[i]);

      g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==,
                        bw_synthetic_n_elements (sizes[i]));
      g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_threats (project)), ==,
                        bw_synthetic_n_threats (sizes[i]));
    }
}

static void
test_write_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bulwark-synthetic-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(BwProject) project = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "synthetic.bulwark", NULL);
  g_assert_true (bw_synthetic_write_file (N_NODES, path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  project = bw_project_load_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_threats (project)), ==, 3 * N_NODES);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/synthetic/counts", test_counts);
  g_test_add_func ("/synthetic/deterministic-and-round-trip", test_deterministic_and_round_trip);
  g_test_add_func ("/synthetic/small-sizes", test_small_sizes);
  g_test_add_func ("/synthetic/write-file", test_write_file);
  return g_test_run ();
}
