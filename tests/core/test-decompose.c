/* test-decompose.c — "Decompose" on a process: apply, undo, redo, refusals
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-decompose.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

/* The flows of `id`, in file order. */
static GPtrArray *
flows_of (BwProject  *project,
          const char *id)
{
  GListModel *elements = bw_project_get_elements (project);
  GPtrArray *flows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      if (bw_element_get_kind_enum (e) == BW_ELEMENT_DATA_FLOW &&
          (g_strcmp0 (bw_element_get_source (e), id) == 0 || g_strcmp0 (bw_element_get_target (e), id) == 0))
        g_ptr_array_add (flows, g_steal_pointer (&e));
    }
  return flows;
}

static void
test_decompose_creates_refinement (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *diagram_id = NULL;
  g_autoptr(GPtrArray) original_flows = NULL;
  g_autoptr(GPtrArray) on_new = NULL;
  g_autoptr(GBytes) saved = NULL;
  const char *process_id = NULL;
  guint n_diagrams = g_list_model_get_n_items (bw_project_get_diagrams (project));
  guint n_elements = g_list_model_get_n_items (bw_project_get_elements (project));
  BwElement *inner = NULL;
  BwRecord *diagram;

  /* A process of the level-1 DFD with flows of its own. */
  {
    g_autoptr(GPtrArray) level1 = bw_project_dup_diagram_elements (project, "D-2");

    for (guint i = 0; i < level1->len && process_id == NULL; i++)
      {
        BwElement *e = g_ptr_array_index (level1, i);
        g_autoptr(GPtrArray) flows = flows_of (project, bw_record_get_id (BW_RECORD (e)));

        if (bw_element_get_kind_enum (e) == BW_ELEMENT_PROCESS && flows->len >= 2)
          process_id = bw_record_get_id (BW_RECORD (e));
      }
  }
  g_assert_nonnull (process_id);
  original_flows = flows_of (project, process_id);

  command = bw_command_decompose_new (project, process_id, &diagram_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_null (bw_project_lookup (project, diagram_id));   /* not applied yet */
  g_assert_true (bw_command_stack_execute (stack, command, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);

  diagram = bw_project_lookup (project, diagram_id);
  g_assert_true (BW_IS_DIAGRAM (diagram));
  g_assert_cmpstr (bw_diagram_get_refines (BW_DIAGRAM (diagram)), ==, process_id);
  g_assert_cmpstr (bw_diagram_get_kind (BW_DIAGRAM (diagram)), ==, "dataflow");
  g_assert_cmpstr (bw_diagram_get_name (BW_DIAGRAM (diagram)), ==,
                   bw_element_get_name (BW_ELEMENT (bw_project_lookup (project, process_id))));

  /* The new process, named after P, refining nothing; every flow copied,
   * between it and a copy of the neighbour that refines the original. */
  on_new = bw_project_dup_diagram_elements (project, diagram_id);
  for (guint i = 0; i < on_new->len; i++)
    {
      BwElement *e = g_ptr_array_index (on_new, i);

      if (bw_element_get_kind_enum (e) == BW_ELEMENT_PROCESS && bw_element_get_refines (e) == NULL)
        inner = e;
    }
  g_assert_nonnull (inner);
  {
    g_autoptr(GPtrArray) inner_flows = flows_of (project, bw_record_get_id (BW_RECORD (inner)));

    g_assert_cmpuint (inner_flows->len, ==, original_flows->len);
    for (guint i = 0; i < inner_flows->len; i++)
      {
        BwElement *copy = g_ptr_array_index (inner_flows, i);
        BwElement *original = BW_ELEMENT (bw_project_lookup (project, bw_element_get_refines (copy)));
        gboolean outgoing = g_strcmp0 (bw_element_get_source (copy), bw_record_get_id (BW_RECORD (inner))) == 0;
        BwElement *end_copy = BW_ELEMENT (bw_project_lookup (project, outgoing ? bw_element_get_target (copy)
                                                                               : bw_element_get_source (copy)));

        g_assert_true (g_ptr_array_find (original_flows, original, NULL));
        g_assert_cmpstr (bw_element_get_name (copy), ==, bw_element_get_name (original));
        g_assert_cmpstr (bw_element_get_diagram (end_copy), ==, diagram_id);
        g_assert_cmpstr (bw_element_get_refines (end_copy), ==,
                         outgoing ? bw_element_get_target (original) : bw_element_get_source (original));
        g_assert_cmpstr (bw_element_get_kind (end_copy), ==,
                         bw_element_get_kind (BW_ELEMENT (bw_project_lookup (project, bw_element_get_refines (end_copy)))));
      }
  }

  /* It is a valid document. */
  saved = bw_project_to_bytes (project);
  {
    g_autoptr(BwProject) again = bw_project_load_from_data (g_bytes_get_data (saved, NULL),
                                                            g_bytes_get_size (saved), &error);
    g_assert_no_error (error);
    g_assert_nonnull (again);
  }

  /* Undo takes it all back, redo brings it again. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_null (bw_project_lookup (project, diagram_id));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (project)), ==, n_diagrams);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, n_elements);
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_true (BW_IS_DIAGRAM (bw_project_lookup (project, diagram_id)));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==,
                    n_elements + on_new->len);

  /* Not twice. */
  {
    g_autoptr(GError) again = NULL;

    g_assert_null (bw_command_decompose_new (project, process_id, NULL, &again));
    g_assert_error (again, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  }
}

static void
test_decompose_refuses (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(GError) error = NULL;

  /* The pump is already detailed by D-2. */
  g_assert_null (bw_command_decompose_new (project, "P-1", NULL, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (bw_command_decompose_new (project, "EE-1", NULL, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (bw_command_decompose_new (project, "nothing", NULL, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (bw_project_get_modified (project));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decompose/creates-refinement", test_decompose_creates_refinement);
  g_test_add_func ("/decompose/refuses", test_decompose_refuses);

  return g_test_run ();
}
