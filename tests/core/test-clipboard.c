/* test-clipboard.c — copy and paste of elements as format-1 JSON
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-clipboard.h"
#include "bw-command-stack.h"
#include "bw-geometry.h"
#include "bw-project-io.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

/* Copy Patient, the pump and a flow to a third element: the flow between
 * the two comes along, the one to the unselected element does not. */
static void
test_clipboard_copy_paste_undo (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char *ids[] = { "EE-1", "P-1", "DF-1", "DF-3", NULL };
  g_autofree char *text = bw_clipboard_serialize (project, ids);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) paste = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_auto(GStrv) new_ids = NULL;
  guint n_elements = g_list_model_get_n_items (bw_project_get_elements (project));
  BwElement *copy, *flow = NULL;
  BwRect r;

  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"bulwark\""));
  g_assert_nonnull (strstr (text, "\"DF-1\""));      /* Patient → pump */
  g_assert_null (strstr (text, "\"DF-3\""));         /* CGM sensor → pump: sensor not copied */

  paste = bw_clipboard_paste_command (project, "D-1", text, 20, 20, &new_ids, &error);
  g_assert_no_error (error);
  g_assert_nonnull (paste);
  /* Nothing happens before the stack runs the command. */
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, n_elements);
  g_assert_true (bw_command_stack_execute (stack, paste, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (new_ids), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, n_elements + 3);

  for (guint i = 0; new_ids[i] != NULL; i++)
    {
      g_assert_false (g_strv_contains (ids, new_ids[i]));
      g_assert_nonnull (element (project, new_ids[i]));
      if (bw_element_get_kind_enum (element (project, new_ids[i])) == BW_ELEMENT_DATA_FLOW)
        flow = element (project, new_ids[i]);
    }
  copy = element (project, new_ids[0]);
  g_assert_cmpstr (bw_element_get_name (copy), ==, "Patient");
  g_assert_true (bw_element_get_rect (copy, &r));
  g_assert_cmpfloat (r.x, ==, 80);
  g_assert_cmpfloat (r.y, ==, 100);
  g_assert_nonnull (flow);
  g_assert_true (g_strv_contains ((const char * const *) new_ids, bw_element_get_source (flow)));
  g_assert_true (g_strv_contains ((const char * const *) new_ids, bw_element_get_target (flow)));

  /* The document stays valid: it saves and loads again. */
  saved = bw_project_to_bytes (project);
  {
    g_autoptr(BwProject) again = bw_project_load_from_data (g_bytes_get_data (saved, NULL),
                                                            g_bytes_get_size (saved), &error);

    g_assert_no_error (error);
    g_assert_nonnull (again);
  }

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, n_elements);
  g_assert_null (element (project, new_ids[0]));
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_nonnull (element (project, new_ids[0]));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
}

/* Into another project: the refinement link and unknown assets go. */
static void
test_clipboard_between_projects (void)
{
  g_autoptr(BwProject) from = load_example ();
  g_autoptr(BwProject) to = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) paste = NULL;
  g_auto(GStrv) new_ids = NULL;
  const char *ids[] = { "P-2", "DS-1", NULL };
  g_autofree char *text = NULL;
  GListModel *elements = bw_project_get_elements (from);

  /* Whatever refines something on the DFD, with its flows. */
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) e = g_list_model_get_item (elements, i);

      if (g_strcmp0 (bw_element_get_diagram (e), "D-2") == 0 && bw_element_get_refines (e) != NULL &&
          bw_element_is_node (e))
        ids[0] = bw_record_get_id (BW_RECORD (e));
    }
  text = bw_clipboard_serialize (from, ids);
  g_assert_nonnull (text);
  paste = bw_clipboard_paste_command (to, "D-1", text, 0, 0, &new_ids, &error);
  g_assert_no_error (error);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (to), paste, &error));
  g_assert_no_error (error);
  for (guint i = 0; new_ids[i] != NULL; i++)
    {
      BwElement *e = element (to, new_ids[i]);

      g_assert_cmpstr (bw_element_get_diagram (e), ==, "D-1");
      g_assert_null (bw_element_get_refines (e));
    }
}

static void
test_clipboard_refuses_bad_text (void)
{
  g_autoptr(BwProject) project = load_example ();
  static const char *bad[] = {
    "not json",
    "{\"format\": \"other\", \"elements\": []}",
    "{\"format\": \"bulwark\", \"elements\": {}}",
    "{\"format\": \"bulwark\", \"elements\": [42]}",
    "{\"format\": \"bulwark\", \"elements\": [{\"kind\": \"process\", \"diagram\": \"D-1\"}]}",
    "{\"format\": \"bulwark\", \"elements\": [{\"id\": \"DF-1\", \"kind\": \"data_flow\", \"diagram\": \"D-1\","
    " \"source\": \"P-1\", \"target\": \"EE-1\"}]}",
  };
  const char *none[] = { "D-1", "T-1", NULL };
  guint n_elements = g_list_model_get_n_items (bw_project_get_elements (project));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) new_ids = NULL;
      g_autoptr(BwCommand) paste = bw_clipboard_paste_command (project, "D-1", bad[i], 0, 0, &new_ids, &error);

      g_assert_null (paste);
      g_assert_nonnull (error);
      g_assert_null (new_ids);
    }
  /* A refused paste leaves nothing behind. */
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, n_elements);
  /* Nothing to copy: a diagram and a threat are not elements. */
  g_assert_null (bw_clipboard_serialize (project, none));
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (bw_clipboard_paste_command (project, "D-9", "{}", 0, 0, NULL, &error));
    g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clipboard/copy-paste-undo", test_clipboard_copy_paste_undo);
  g_test_add_func ("/clipboard/between-projects", test_clipboard_between_projects);
  g_test_add_func ("/clipboard/refuses-bad-text", test_clipboard_refuses_bad_text);

  return g_test_run ();
}
