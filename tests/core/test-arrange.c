/* test-arrange.c — "Arrange": layout as one undoable step, and at once for imports
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-arrange.h"
#include "bw-command-group.h"
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

static gboolean
is_box (BwElement *e)
{
  return bw_element_get_kind_enum (e) == BW_ELEMENT_TRUST_BOUNDARY && !bw_element_is_line (e);
}

/* Each node's ID → the ID of the first box boundary around its centre
 * (the clusters' rule). */
static GHashTable *
membership (BwProject  *project,
            const char *diagram_id)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);
  GHashTable *in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *b = g_ptr_array_index (elements, i);
      BwRect r;

      if (!is_box (b) || !bw_element_get_rect (b, &r))
        continue;
      for (guint k = 0; k < elements->len; k++)
        {
          BwElement *n = g_ptr_array_index (elements, k);
          const char *id = bw_record_get_id (BW_RECORD (n));
          BwVec c;

          if (bw_element_is_node (n) && bw_element_get_centre (n, &c) &&
              bw_rect_contains_point (&r, c.x, c.y) && !g_hash_table_contains (in, id))
            g_hash_table_insert (in, g_strdup (id), g_strdup (bw_record_get_id (BW_RECORD (b))));
        }
    }
  return in;
}

static void
assert_no_overlaps (BwProject  *project,
                    const char *diagram_id)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);

  for (guint i = 0; i < elements->len; i++)
    for (guint k = i + 1; k < elements->len; k++)
      {
        BwElement *a = g_ptr_array_index (elements, i), *b = g_ptr_array_index (elements, k);
        BwRect ra, rb;

        if (!bw_element_is_node (a) || !bw_element_is_node (b))
          continue;
        g_assert_true (bw_element_get_rect (a, &ra));
        g_assert_true (bw_element_get_rect (b, &rb));
        if (bw_rects_intersect (&ra, &rb))
          g_error ("%s [%g,%g,%g,%g] overlaps %s [%g,%g,%g,%g]",
                   bw_record_get_id (BW_RECORD (a)), ra.x, ra.y, ra.width, ra.height,
                   bw_record_get_id (BW_RECORD (b)), rb.x, rb.y, rb.width, rb.height);
      }
}

static void
assert_inside_boxes (BwProject  *project,
                     GHashTable *in)
{
  GHashTableIter iter;
  gpointer node_id, box_id;

  g_hash_table_iter_init (&iter, in);
  while (g_hash_table_iter_next (&iter, &node_id, &box_id))
    {
      BwRect node, box;

      g_assert_true (bw_element_get_rect (BW_ELEMENT (bw_project_lookup (project, node_id)), &node));
      g_assert_true (bw_element_get_rect (BW_ELEMENT (bw_project_lookup (project, box_id)), &box));
      if (!bw_rect_contains_rect (&box, &node))
        g_error ("%s is no longer inside %s", (char *) node_id, (char *) box_id);
    }
}

static void
test_arrange_undo_redo (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GHashTable) before_in = membership (project, "D-2");
  g_autoptr(GHashTable) after_in = NULL;
  g_autoptr(GBytes) original = bw_project_to_bytes (project);
  g_autoptr(GBytes) arranged = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  g_autoptr(GPtrArray) elements = NULL;
  guint moved = 0;

  g_assert_cmpuint (g_hash_table_size (before_in), >, 0);   /* the example has zones on D-2 */

  command = bw_command_arrange_new (project, "D-2", &error);
  g_assert_no_error (error);
  g_assert_nonnull (command);
  g_assert_cmpuint (bw_command_group_get_size (BW_COMMAND_GROUP (command)), >, 0);
  {
    /* Built, not applied: the project is as it was. */
    g_autoptr(GBytes) still = bw_project_to_bytes (project);

    g_assert_true (g_bytes_equal (still, original));
  }

  elements = bw_project_dup_diagram_elements (project, "D-2");
  {
    g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (BwRect));

    for (guint i = 0; i < elements->len; i++)
      {
        BwRect r = { 0, 0, 0, 0 };

        bw_element_get_rect (g_ptr_array_index (elements, i), &r);
        g_array_append_val (rects, r);
      }
    g_assert_true (bw_command_stack_execute (stack, command, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 1);
    for (guint i = 0; i < elements->len; i++)
      {
        BwElement *e = g_ptr_array_index (elements, i);
        const BwRect *old = &g_array_index (rects, BwRect, i);
        BwRect r;

        if (!bw_element_is_node (e))
          continue;
        g_assert_true (bw_element_get_rect (e, &r));
        /* Whole units, same size. */
        g_assert_cmpfloat (r.x, ==, (double) (gint64) r.x);
        g_assert_cmpfloat (r.y, ==, (double) (gint64) r.y);
        g_assert_cmpfloat (r.width, ==, old->width);
        g_assert_cmpfloat (r.height, ==, old->height);
        if (r.x != old->x || r.y != old->y)
          moved++;
      }
  }
  g_assert_cmpuint (moved, >, 0);

  /* Every node still in its zone, and the zones mean the same. */
  assert_inside_boxes (project, before_in);
  after_in = membership (project, "D-2");
  g_assert_cmpuint (g_hash_table_size (after_in), ==, g_hash_table_size (before_in));
  assert_no_overlaps (project, "D-2");

  /* No flow keeps a bend point. */
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      GArray *points = bw_element_get_points (e);

      if (bw_element_get_kind_enum (e) == BW_ELEMENT_DATA_FLOW)
        g_assert_true (points == NULL || points->len == 0);
    }

  arranged = bw_project_to_bytes (project);
  g_assert_false (g_bytes_equal (arranged, original));
  g_assert_true (bw_command_stack_undo (stack));
  undone = bw_project_to_bytes (project);
  g_assert_true (g_bytes_equal (undone, original));
  g_assert_true (bw_command_stack_redo (stack));
  redone = bw_project_to_bytes (project);
  g_assert_true (g_bytes_equal (redone, arranged));
}

static void
test_arrange_refuses (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BwCommand) command = bw_command_arrange_new (project, "D-999", &error);

  g_assert_null (command);
  g_assert_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND);
}

static void
test_arrange_now (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, "D-1");
  guint depth = bw_command_stack_get_depth (bw_project_get_command_stack (project));
  guint n_nodes = 0;

  g_assert_false (bw_diagram_lacks_geometry (project, "D-1"));

  /* An import without geometry: every node at the origin. */
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *e = g_ptr_array_index (elements, i);
      BwRect r;

      if (!bw_element_is_node (e))
        continue;
      g_assert_true (bw_element_get_rect (e, &r));
      g_object_set (e, "bounds", g_variant_new ("(dddd)", 0.0, 0.0, r.width, r.height), NULL);
      n_nodes++;
    }
  g_assert_cmpuint (n_nodes, >=, 2);
  g_assert_true (bw_diagram_lacks_geometry (project, "D-1"));

  g_assert_true (bw_diagram_arrange_now (project, "D-1", &error));
  g_assert_no_error (error);
  assert_no_overlaps (project, "D-1");
  g_assert_false (bw_diagram_lacks_geometry (project, "D-1"));
  /* Outside the history. */
  g_assert_cmpuint (bw_command_stack_get_depth (bw_project_get_command_stack (project)), ==, depth);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arrange/undo-redo", test_arrange_undo_redo);
  g_test_add_func ("/arrange/refuses", test_arrange_refuses);
  g_test_add_func ("/arrange/now", test_arrange_now);

  return g_test_run ();
}
