/* test-reorder.c — moving a record within its collection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-reorder.h"
#include "bw-command-stack.h"
#include "bw-test-utils.h"

static const char *
diagram_at (BwProject *project,
            guint      i)
{
  g_autoptr(BwDiagram) d = g_list_model_get_item (bw_project_get_diagrams (project), i);

  return bw_record_get_id (BW_RECORD (d));
}

static void
count_cb (GListModel *model,
          guint       position,
          guint       removed,
          guint       added,
          guint      *count)
{
  /* The record never leaves the list: removed and added come together. */
  g_assert_cmpuint (removed, ==, added);
  (*count)++;
}

static void
test_diagrams (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autoptr(BwCommand) down = bw_command_reorder_new (project, "D-1", 1);
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (bw_project_get_diagrams (project), "items-changed", G_CALLBACK (count_cb), &changes);
  g_assert_cmpstr (diagram_at (project, 0), ==, "D-1");
  g_assert_true (bw_command_stack_execute (stack, down, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (diagram_at (project, 0), ==, "D-2");
  g_assert_cmpstr (diagram_at (project, 1), ==, "D-1");
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Reorder");

  /* The file keeps the new order. */
  {
    g_autofree char *text = bw_test_to_string (project);

    g_assert_true (strstr (text, "\"id\": \"D-2\"") < strstr (text, "\"id\": \"D-1\""));
    g_assert_true (bw_command_stack_get_modified (stack));
  }

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpstr (diagram_at (project, 0), ==, "D-1");
  {
    g_autofree char *after = bw_test_to_string (project);

    g_assert_true (g_str_equal (after, before));
  }
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpstr (diagram_at (project, 0), ==, "D-2");
}

/* Up the list, in a longer one: the others keep their order. */
static void
test_up (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  GListModel *assets = bw_project_get_assets (project);
  g_autoptr(BwCommand) up = bw_command_reorder_new (project, "A-5", 1);
  const char *expected[] = { "A-1", "A-5", "A-2", "A-3", "A-4", "A-6" };

  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), up, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(BwRecord) a = g_list_model_get_item (assets, i);

      g_assert_cmpstr (bw_record_get_id (a), ==, expected[i]);
    }
}

static void
test_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwCommand) missing = bw_command_reorder_new (project, "D-99", 0);
  g_autoptr(BwCommand) past = bw_command_reorder_new (project, "D-1", 2);
  g_autoptr(GError) error = NULL;
  BwCommandStack *stack = bw_project_get_command_stack (project);

  g_assert_false (bw_command_stack_execute (stack, missing, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (bw_command_stack_execute (stack, past, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID);
  g_assert_false (bw_command_stack_get_can_undo (stack));
  g_assert_cmpstr (diagram_at (project, 0), ==, "D-1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reorder/diagrams", test_diagrams);
  g_test_add_func ("/reorder/up", test_up);
  g_test_add_func ("/reorder/refused", test_refused);

  return g_test_run ();
}
