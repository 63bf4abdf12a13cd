/* test-align.c — align and distribute the selection as one undo step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-align.h"
#include "bw-command-move.h"
#include "bw-command-stack.h"
#include "bw-geometry.h"
#include "bw-test-utils.h"

/* In the example's level-1 diagram, three external entities in a column:
 * EE-5 (40, 60, 140×60), EE-7 (40, 320, 150×60), EE-9 (40, 640, 170×60). */
static const char * const column[] = { "EE-5", "EE-7", "EE-9", NULL };

static BwRect
rect_of (BwProject  *project,
         const char *id)
{
  BwRect r;

  g_assert_true (bw_element_get_rect (BW_ELEMENT (bw_project_lookup (project, id)), &r));
  return r;
}

static void
run (BwProject *project,
     BwCommand *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (command);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
}

static void
test_align_edges (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autofree char *before = bw_test_to_string (project);

  run (project, bw_command_align_new (project, column, BW_ALIGN_RIGHT));
  g_assert_cmpfloat (rect_of (project, "EE-5").x, ==, 70);
  g_assert_cmpfloat (rect_of (project, "EE-7").x, ==, 60);
  g_assert_cmpfloat (rect_of (project, "EE-9").x, ==, 40);
  /* Only x changes. */
  g_assert_cmpfloat (rect_of (project, "EE-7").y, ==, 320);
  /* One step, named after what it did. */
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack), ==, "Align Right");

  run (project, bw_command_align_new (project, column, BW_ALIGN_TOP));
  for (guint i = 0; column[i] != NULL; i++)
    g_assert_cmpfloat (rect_of (project, column[i]).y, ==, 60);

  run (project, bw_command_align_new (project, column, BW_ALIGN_LEFT));
  for (guint i = 0; column[i] != NULL; i++)
    g_assert_cmpfloat (rect_of (project, column[i]).x, ==, 40);

  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  g_assert_true (bw_command_stack_undo (stack));
  {
    g_autofree char *after = bw_test_to_string (project);

    g_assert_true (g_str_equal (after, before));
  }
  g_assert_true (bw_command_stack_redo (stack));
  g_assert_cmpfloat (rect_of (project, "EE-5").x, ==, 70);
}

static void
test_align_centres (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  BwRect r;

  /* The bounding box is x 40…210: the centre line is at 125. */
  run (project, bw_command_align_new (project, column, BW_ALIGN_CENTER));
  for (guint i = 0; column[i] != NULL; i++)
    {
      r = rect_of (project, column[i]);
      g_assert_cmpfloat_with_epsilon (r.x + r.width / 2, 125, 0.51);
    }
  /* y 60…700: the middle is at 380. */
  run (project, bw_command_align_new (project, column, BW_ALIGN_MIDDLE));
  for (guint i = 0; column[i] != NULL; i++)
    {
      r = rect_of (project, column[i]);
      g_assert_cmpfloat (r.y + r.height / 2, ==, 380);
    }
  /* All three are 60 high: their bottoms line up already. */
  g_assert_null (bw_command_align_new (project, column, BW_ALIGN_BOTTOM));
}

static void
test_align_bottom (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();

  run (project, bw_command_align_new (project, column, BW_ALIGN_BOTTOM));
  for (guint i = 0; column[i] != NULL; i++)
    {
      BwRect r = rect_of (project, column[i]);

      g_assert_cmpfloat (r.y + r.height, ==, 700);
    }
}

static void
test_distribute (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  const char * const shuffled[] = { "EE-9", "EE-5", "EE-7", NULL };

  /* 640 units of span, 180 of height: gaps of 230; the ends stay. */
  run (project, bw_command_align_new (project, shuffled, BW_DISTRIBUTE_VERTICAL));
  g_assert_cmpfloat (rect_of (project, "EE-5").y, ==, 60);
  g_assert_cmpfloat (rect_of (project, "EE-7").y, ==, 350);
  g_assert_cmpfloat (rect_of (project, "EE-9").y, ==, 640);
  /* Evenly spaced already: nothing to do, no empty step. */
  g_assert_null (bw_command_align_new (project, column, BW_DISTRIBUTE_VERTICAL));

  /* Turned into a row (same top, x 40, 40, 40 → spread by their widths):
   * the middle one moves so that both gaps are equal. */
  {
    const char * const row[] = { "EE-5", "EE-7", "EE-9", NULL };
    const char *ids[] = { "EE-9", NULL };
    g_autoptr(BwCommand) move = bw_command_move_new (project, ids, 600, 0);
    BwRect a, b, c;

    run (project, g_steal_pointer (&move));
    run (project, bw_command_align_new (project, row, BW_DISTRIBUTE_HORIZONTAL));
    a = rect_of (project, "EE-5");
    b = rect_of (project, "EE-7");
    c = rect_of (project, "EE-9");
    g_assert_cmpfloat_with_epsilon (b.x - (a.x + a.width), c.x - (b.x + b.width), 1.0);
  }
}

static void
test_refused (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  const char * const one[] = { "EE-5", NULL };
  const char * const two[] = { "EE-5", "EE-7", NULL };
  const char * const flows[] = { "DF-8", "DF-9", "NOPE-1", NULL };

  g_assert_null (bw_command_align_new (project, one, BW_ALIGN_LEFT));
  g_assert_null (bw_command_align_new (project, two, BW_DISTRIBUTE_HORIZONTAL));
  g_assert_null (bw_command_align_new (project, flows, BW_ALIGN_TOP));
  g_assert_null (bw_command_align_new (project, NULL, BW_ALIGN_TOP));
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/align/edges", test_align_edges);
  g_test_add_func ("/align/centres", test_align_centres);
  g_test_add_func ("/align/bottom", test_align_bottom);
  g_test_add_func ("/align/distribute", test_distribute);
  g_test_add_func ("/align/refused", test_refused);

  return g_test_run ();
}
