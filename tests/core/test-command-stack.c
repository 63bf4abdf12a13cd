/* test-command-stack.c — undo and redo as the user sees them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-add.h"
#include "bw-command-connect.h"
#include "bw-command-move.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-project-io.h"
#include "bw-test-utils.h"

static void
execute (BwCommandStack *stack,
         BwCommand      *command)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_stack_execute (stack, command, &error));
  g_assert_no_error (error);
  g_object_unref (command);
}

static BwCommand *
move (BwProject  *project,
      const char *id,
      double      dx,
      double      dy)
{
  const char *ids[] = { id, NULL };

  return bw_command_move_new (project, ids, dx, dy);
}

static double
x_of (BwProject  *project,
      const char *id)
{
  return bw_number_get (&bw_element_get_bounds (BW_ELEMENT (bw_project_lookup (project, id)))[0]);
}

static void
test_labels (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *undo = NULL;

  g_assert_false (bw_command_stack_get_can_undo (stack));
  g_assert_false (bw_command_stack_get_can_redo (stack));
  g_assert_null (bw_command_stack_get_undo_label (stack));

  execute (stack, move (project, "P-2", 10, 0));
  g_assert_true (bw_command_stack_get_can_undo (stack));
  /* The menu shows "Undo Move Process". */
  undo = g_strdup_printf ("Undo %s", bw_command_stack_get_undo_label (stack));
  g_assert_cmpstr (undo, ==, "Undo Move Process");

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_command_stack_get_can_undo (stack));
  g_assert_true (bw_command_stack_get_can_redo (stack));
  g_assert_cmpstr (bw_command_stack_get_redo_label (stack), ==, "Move Process");
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_false (bw_command_stack_get_can_redo (stack));
  g_assert_cmpfloat (x_of (project, "P-2"), ==, 310);
}

static void
test_drag_is_one_step (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;

  /* A drag: many small moves of the same element. */
  for (guint i = 0; i < 5; i++)
    execute (stack, move (project, "P-2", 2, 1));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpfloat (x_of (project, "P-2"), ==, 310);

  /* The end of the drag seals it: the next drag is a step of its own. */
  bw_command_stack_seal (stack);
  execute (stack, move (project, "P-2", 5, 0));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);
  /* Moving something else does not merge either. */
  execute (stack, move (project, "P-3", 5, 0));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 3);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpfloat (x_of (project, "P-2"), ==, 310);
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpfloat (x_of (project, "P-2"), ==, 300);
  after = bw_test_to_string (project);
  g_assert_cmpstr (after, ==, original);

  /* Redo replays the whole drag at once. */
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpfloat (x_of (project, "P-2"), ==, 310);
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char *texts[] = { "P", "Pu", "Pump" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, texts[i]);
      execute (stack, bw_command_set_property_new (project, "P-2", "name", &value));
    }
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Change Process");
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpstr (bw_element_get_name (BW_ELEMENT (bw_project_lookup (project, "P-2"))), ==, "Companion app");
}

static void
test_group (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *original = bw_test_to_string (project);
  g_autofree char *after = NULL;
  g_autoptr(BwElement) store = g_object_new (BW_TYPE_ELEMENT, "kind", "data_store", "diagram", "D-2",
                                             "name", "Event log", NULL);
  g_autoptr(GError) error = NULL;
  BwCommand *add;

  bw_command_stack_begin_group (stack, "Add Event Log");
  add = bw_command_add_new (project, BW_RECORD (store), -1);
  execute (stack, add);
  execute (stack, bw_command_connect_new (project, "P-2", bw_record_get_id (BW_RECORD (store)), &error));
  g_assert_no_error (error);
  bw_command_stack_end_group (stack);

  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Add Event Log");
  g_assert_nonnull (bw_project_lookup (project, "DS-4"));
  g_assert_nonnull (bw_project_lookup (project, "DF-23"));

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_null (bw_project_lookup (project, "DS-4"));
  g_assert_null (bw_project_lookup (project, "DF-23"));

  g_assert_true (bw_command_stack_redo (stack));
  g_assert_true (bw_project_lookup (project, "DS-4") == BW_RECORD (store));
  g_assert_nonnull (bw_project_lookup (project, "DF-23"));

  /* A step after a group never merges into it. */
  execute (stack, move (project, "DS-4", 1, 1));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  after = bw_test_to_string (project);
  /* Only the ID counters remember: IDs are never reused. */
  g_assert_nonnull (strstr (after, "\"DS\": 5,"));
  g_assert_nonnull (strstr (after, "\"DF\": 24,"));
  g_assert_cmpuint (strlen (after), ==, strlen (original));
}

static void
count_cb (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_modified (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint notified = 0;

  g_signal_connect_swapped (project, "notify::modified", G_CALLBACK (count_cb), &notified);

  g_assert_false (bw_project_get_modified (project));
  execute (stack, move (project, "P-2", 10, 0));
  g_assert_true (bw_project_get_modified (project));
  g_assert_cmpuint (notified, >, 0);

  /* Back at the loaded state: not modified. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_command_stack_get_modified (stack));
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_true (bw_command_stack_get_modified (stack));

  /* Saved here. */
  bw_command_stack_mark_clean (stack);
  g_assert_false (bw_command_stack_get_modified (stack));
  /* A move after a save is a new step, not merged into the saved one. */
  execute (stack, move (project, "P-2", 10, 0));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);
  g_assert_true (bw_command_stack_get_modified (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_false (bw_command_stack_get_modified (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_get_modified (stack));

  /* An edit that abandons the saved state's redo: never clean again. */
  execute (stack, move (project, "P-3", 10, 0));
  g_assert_true (bw_command_stack_get_modified (stack));
  g_assert_false (bw_command_stack_get_can_redo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_get_modified (stack));
}

/* An imported project has no file that matches it: modified from the
 * start, and undoing everything does not make it clean; saving does. */
static void
test_mark_unsaved (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint notified = 0;

  g_signal_connect_swapped (project, "notify::modified", G_CALLBACK (count_cb), &notified);
  bw_command_stack_mark_unsaved (stack);
  g_assert_true (bw_project_get_modified (project));
  g_assert_cmpuint (notified, >, 0);

  execute (stack, move (project, "P-2", 10, 0));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_project_get_modified (project));

  bw_command_stack_mark_clean (stack);
  g_assert_false (bw_project_get_modified (project));
}

static void
selection_cb (BwCommandStack  *stack,
              char           **ids,
              char           **out)
{
  g_free (*out);
  *out = g_strjoinv (",", ids);
}

static void
test_selection_restored (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *restored = NULL;
  const char *before[] = { "P-2", "P-3", NULL };
  const char *after[] = { "P-2", NULL };
  BwCommand *command = move (project, "P-2", 10, 0);

  g_signal_connect (stack, "selection-restored", G_CALLBACK (selection_cb), &restored);

  bw_command_set_selection (command, before, after);
  execute (stack, command);
  g_assert_null (restored);
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_cmpstr (restored, ==, "P-2,P-3");
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpstr (restored, ==, "P-2");
}

static void
test_undo_remove (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GBytes) example = bw_project_dup_example_bytes ();
  g_autoptr(GBytes) bytes = NULL;
  const char *ids[] = { "P-2", "DS-2", "O-2", "A-1", NULL };
  g_autoptr(GPtrArray) left = NULL;
  guint n_d2;

  left = bw_project_dup_diagram_elements (project, "D-2");
  n_d2 = left->len;
  g_clear_pointer (&left, g_ptr_array_unref);

  execute (stack, bw_command_remove_new (project, ids));
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Delete 4 Items");
  g_assert_null (bw_project_lookup (project, "P-2"));
  g_assert_null (bw_project_lookup (project, "DF-11"));
  left = bw_project_dup_diagram_elements (project, "D-2");
  g_assert_cmpuint (left->len, <, n_d2 - 10);
  g_clear_pointer (&left, g_ptr_array_unref);

  /* Undo brings back the elements, their flows and every reference:
   * the document is the example again, byte for byte. */
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_nonnull (bw_project_lookup (project, "P-2"));
  g_assert_nonnull (bw_project_lookup (project, "DF-11"));
  bytes = bw_project_to_bytes (project);
  g_assert_true (g_bytes_equal (bytes, example));
  g_assert_false (bw_project_get_modified (project));

  /* Redo and undo again, with a later edit in between undone first. */
  g_assert_true (bw_command_stack_redo (stack));
  execute (stack, move (project, "P-3", 10, 10));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = bw_project_to_bytes (project);
  g_assert_true (g_bytes_equal (bytes, example));
}

static void
test_failed_command (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwCommand) bad = move (project, "P-99", 1, 1);
  g_autoptr(GError) error = NULL;

  /* A refused edit is no step. */
  g_assert_false (bw_command_stack_execute (stack, bad, &error));
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
  g_assert_false (bw_command_stack_get_can_undo (stack));
  g_assert_false (bw_project_get_modified (project));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/command-stack/labels", test_labels);
  g_test_add_func ("/command-stack/drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/command-stack/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/command-stack/group", test_group);
  g_test_add_func ("/command-stack/modified", test_modified);
  g_test_add_func ("/command-stack/mark-unsaved", test_mark_unsaved);
  g_test_add_func ("/command-stack/selection-restored", test_selection_restored);
  g_test_add_func ("/command-stack/undo-remove", test_undo_remove);
  g_test_add_func ("/command-stack/failed-command", test_failed_command);

  return g_test_run ();
}
