/* test-spatial-index.c — the editor's fast paths give the slow paths' answers
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The spatial index must answer every hit test and rubber band as
 * bw-geometry does, and follow edits and undo by itself; a scene laid out
 * again from the previous one (bw_painter_scene_new_from) must equal one
 * laid out from scratch, label spots included.
 */
#include "config.h"

#include <string.h>

#include "bw-command-move.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-geometry.h"
#include "bw-painter.h"
#include "bw-painter-scene.h"
#include "bw-project-io.h"
#include "bw-spatial-index.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

static void
execute (BwProject *project,
         BwCommand *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project), command, &error));
  g_assert_no_error (error);
  bw_command_stack_seal (bw_project_get_command_stack (project));
}

/* Every point of a fine grid over the diagram, at two tolerances. */
static void
assert_same_hits (BwProject      *project,
                  const char     *diagram_id,
                  BwSpatialIndex *index)
{
  BwRect extents;
  guint hits = 0;

  g_assert_true (bw_painter_get_diagram_extents (project, diagram_id, &extents));
  extents = bw_rect_grow (&extents, 40);
  for (double y = extents.y; y <= extents.y + extents.height; y += 3.7)
    for (double x = extents.x; x <= extents.x + extents.width; x += 3.7)
      for (guint t = 0; t < 2; t++)
        {
          double tolerance = t == 0 ? 6.0 : 30.0;
          BwElement *slow = bw_geometry_element_at (project, diagram_id, x, y, tolerance);
          BwElement *fast = bw_spatial_index_element_at (index, x, y, tolerance);

          if (slow != fast)
            g_error ("at (%g, %g) ±%g: geometry says %s, the index %s", x, y, tolerance,
                     slow ? bw_record_get_id (BW_RECORD (slow)) : "nothing",
                     fast ? bw_record_get_id (BW_RECORD (fast)) : "nothing");
          hits += fast != NULL;
        }
  /* The grid really met the elements. */
  g_assert_cmpuint (hits, >, 100);
}

static char *
ids_of (GPtrArray *elements)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < elements->len; i++)
    g_string_append_printf (out, "%s%s", i ? "," : "", bw_record_get_id (g_ptr_array_index (elements, i)));
  return g_strdup (out->str);
}

static void
assert_same_bands (BwProject      *project,
                   const char     *diagram_id,
                   BwSpatialIndex *index)
{
  static const BwRect bands[] = {
    { 0, 0, 300, 200 },
    { 40, 60, 180, 440 },
    { 300, 150, 400, 300 },
    { -100, -100, 2000, 1500 },
    { 500, 500, -300, -400 },   /* drawn up and to the left */
  };
  guint nonempty = 0;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      g_autoptr(GPtrArray) slow = NULL;
      g_autoptr(GPtrArray) fast = bw_spatial_index_elements_in_rect (index, &bands[i]);
      BwRect normal = bw_rect_normalize (&bands[i]);
      g_autofree char *slow_ids = NULL;
      g_autofree char *fast_ids = NULL;

      slow = bw_geometry_elements_in_rect (project, diagram_id, &normal);
      slow_ids = ids_of (slow);
      fast_ids = ids_of (fast);
      g_assert_cmpstr (fast_ids, ==, slow_ids);
      nonempty += fast->len > 0;
    }
  g_assert_cmpuint (nonempty, >=, 3);
}

static void
test_index_matches_geometry (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwSpatialIndex) context = bw_spatial_index_new (project, "D-1");
  g_autoptr(BwSpatialIndex) dfd = bw_spatial_index_new (project, "D-2");

  assert_same_hits (project, "D-1", context);
  assert_same_hits (project, "D-2", dfd);
  assert_same_bands (project, "D-1", context);
  assert_same_bands (project, "D-2", dfd);

  /* Nothing far away, and no crash on an unknown diagram. */
  g_assert_null (bw_spatial_index_element_at (context, -1e6, -1e6, 6));
  {
    g_autoptr(BwSpatialIndex) none = bw_spatial_index_new (project, "D-99");
    g_autoptr(GPtrArray) band = bw_spatial_index_elements_in_rect (none, &(BwRect) { 0, 0, 1000, 1000 });

    g_assert_null (bw_spatial_index_element_at (none, 100, 100, 6));
    g_assert_cmpuint (band->len, ==, 0);
  }
}

/* The index follows commands, undo and redo without being told. */
static void
test_index_follows_edits (void)
{
  g_autoptr(BwProject) project = load_example ();
  g_autoptr(BwSpatialIndex) index = bw_spatial_index_new (project, "D-1");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char *patient[] = { "EE-1", NULL };
  BwElement *hit;

  /* Patient is (60, 80, 140, 60). */
  hit = bw_spatial_index_element_at (index, 130, 110, 6);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (hit)), ==, "EE-1");

  execute (project, bw_command_move_new (project, patient, 1000, 0));
  g_assert_null (bw_spatial_index_element_at (index, 130, 110, 0));
  hit = bw_spatial_index_element_at (index, 1130, 110, 6);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (hit)), ==, "EE-1");
  assert_same_hits (project, "D-1", index);

  g_assert_true (bw_command_stack_undo (stack));
  hit = bw_spatial_index_element_at (index, 130, 110, 6);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (hit)), ==, "EE-1");

  execute (project, bw_command_remove_new (project, patient));
  hit = bw_spatial_index_element_at (index, 130, 110, 6);
  g_assert_true (hit == NULL || g_strcmp0 (bw_record_get_id (BW_RECORD (hit)), "EE-1") != 0);
  assert_same_hits (project, "D-1", index);
  g_assert_true (bw_command_stack_undo (stack));
  assert_same_hits (project, "D-1", index);
}

static void
assert_scenes_equal (BwPainterScene *a,
                     BwPainterScene *b)
{
  g_assert_cmpuint (a->items->len, ==, b->items->len);
  for (guint i = 0; i < a->items->len; i++)
    {
      const BwPainterItem *x = &g_array_index (a->items, BwPainterItem, i);
      const BwPainterItem *y = &g_array_index (b->items, BwPainterItem, i);

      g_assert_true (x->element == y->element);
      g_assert_cmpmem (&x->bbox, sizeof x->bbox, &y->bbox, sizeof y->bbox);
      g_assert_cmpint (x->label != NULL, ==, y->label != NULL);
      if (x->label != NULL)
        {
          g_assert_cmpstr (pango_layout_get_text (x->label), ==, pango_layout_get_text (y->label));
          if (memcmp (&x->label_rect, &y->label_rect, sizeof x->label_rect) != 0)
            g_error ("%s: label at (%g, %g), laid out afresh at (%g, %g)",
                     bw_record_get_id (BW_RECORD (x->element)),
                     x->label_rect.x, x->label_rect.y, y->label_rect.x, y->label_rect.y);
          g_assert_cmpmem (&x->label_origin, sizeof x->label_origin, &y->label_origin, sizeof y->label_origin);
        }
      g_assert_cmpint (x->path != NULL, ==, y->path != NULL);
      if (x->path != NULL)
        g_assert_cmpmem (x->path->data, x->path->len * sizeof (BwVec), y->path->data, y->path->len * sizeof (BwVec));
    }
}

/* Relaying out after moves, a rename and a removal gives exactly what a
 * fresh layout gives. */
static void
test_scene_reuse_equals_fresh (void)
{
  g_autoptr(BwProject) project = load_example ();
  const char *diagrams[] = { "D-1", "D-2" };

  for (guint d = 0; d < G_N_ELEMENTS (diagrams); d++)
    {
      g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagrams[d]);
      BwPainterScene *scene = bw_painter_scene_new (project, diagrams[d]);

      for (guint i = 0; i < elements->len; i++)
        {
          BwElement *element = g_ptr_array_index (elements, i);
          const char *ids[] = { bw_record_get_id (BW_RECORD (element)), NULL };
          g_autoptr(BwPainterScene) fresh = NULL;
          BwPainterScene *next;

          if (!bw_element_is_node (element))
            continue;
          /* Small steps, as a drag makes, and a big jump. */
          execute (project, bw_command_move_new (project, ids, 7, 3));
          next = bw_painter_scene_new_from (project, diagrams[d], scene);
          bw_painter_scene_free (scene);
          scene = next;
          fresh = bw_painter_scene_new (project, diagrams[d]);
          assert_scenes_equal (scene, fresh);

          execute (project, bw_command_move_new (project, ids, -150, 90));
          next = bw_painter_scene_new_from (project, diagrams[d], scene);
          bw_painter_scene_free (scene);
          scene = next;
          g_clear_pointer (&fresh, bw_painter_scene_free);
          fresh = bw_painter_scene_new (project, diagrams[d]);
          assert_scenes_equal (scene, fresh);
        }

      /* A rename changes a label's size; a removal frees room. */
      {
        BwElement *first = g_ptr_array_index (elements, 0);
        const char *ids[] = { bw_record_get_id (BW_RECORD (first)), NULL };
        g_auto(GValue) value = G_VALUE_INIT;
        g_autoptr(BwPainterScene) fresh = NULL;
        BwPainterScene *next;

        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, "A much longer name than it had before");
        execute (project, bw_command_set_property_new (project, ids[0], "name", &value));
        next = bw_painter_scene_new_from (project, diagrams[d], scene);
        bw_painter_scene_free (scene);
        scene = next;
        fresh = bw_painter_scene_new (project, diagrams[d]);
        assert_scenes_equal (scene, fresh);

        execute (project, bw_command_remove_new (project, ids));
        next = bw_painter_scene_new_from (project, diagrams[d], scene);
        bw_painter_scene_free (scene);
        scene = next;
        g_clear_pointer (&fresh, bw_painter_scene_free);
        fresh = bw_painter_scene_new (project, diagrams[d]);
        assert_scenes_equal (scene, fresh);
      }
      bw_painter_scene_free (scene);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/spatial-index/matches-geometry", test_index_matches_geometry);
  g_test_add_func ("/spatial-index/follows-edits", test_index_follows_edits);
  g_test_add_func ("/painter-scene/reuse-equals-fresh", test_scene_reuse_equals_fresh);

  return g_test_run ();
}
