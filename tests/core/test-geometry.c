/* test-geometry.c — containment, crossing and hit testing on diagrams
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "bw-geometry.h"
#include "bw-project-io.h"
#include "bw-test-utils.h"

/* Two processes, a box boundary around both, a line boundary between
 * them, a straight flow across the line and one that goes around it. */
static const char *lines_json =
  "{\"format\": \"bulwark\", \"format_version\": 1,"
  " \"diagrams\": [{\"id\": \"D-1\", \"name\": \"Lines\", \"kind\": \"dataflow\"}],"
  " \"elements\": ["
  "  {\"id\": \"P-1\", \"kind\": \"process\", \"diagram\": \"D-1\", \"bounds\": [0, 0, 100, 100]},"
  "  {\"id\": \"P-2\", \"kind\": \"process\", \"diagram\": \"D-1\", \"bounds\": [300, 0, 100, 100]},"
  "  {\"id\": \"TB-2\", \"kind\": \"trust_boundary\", \"diagram\": \"D-1\", \"shape\": \"box\","
  "   \"bounds\": [-10, -10, 420, 120]},"
  "  {\"id\": \"TB-1\", \"kind\": \"trust_boundary\", \"diagram\": \"D-1\", \"shape\": \"line\","
  "   \"points\": [[200, -50], [200, 150]]},"
  "  {\"id\": \"DF-1\", \"kind\": \"data_flow\", \"diagram\": \"D-1\", \"source\": \"P-1\", \"target\": \"P-2\"},"
  "  {\"id\": \"DF-2\", \"kind\": \"data_flow\", \"diagram\": \"D-1\", \"source\": \"P-1\", \"target\": \"P-2\","
  "   \"points\": [[50, 300], [150, 300]]}"
  " ]}";

static BwElement *
element (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ELEMENT (record));
  return BW_ELEMENT (record);
}

/* The IDs of an array of elements, comma-separated, to compare at once. */
static char *
ids_of (GPtrArray *elements)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < elements->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, bw_record_get_id (g_ptr_array_index (elements, i)));
    }
  return g_strdup (out->str);
}

static const char *
id_at (BwProject  *project,
       const char *diagram,
       double      x,
       double      y,
       double      tolerance)
{
  BwElement *hit = bw_geometry_element_at (project, diagram, x, y, tolerance);

  return hit != NULL ? bw_record_get_id (BW_RECORD (hit)) : NULL;
}

static void
test_segments (void)
{
  BwVec a = { 0, 0 }, b = { 10, 10 }, c = { 0, 10 }, d = { 10, 0 };
  BwVec e = { 10, 10 }, f = { 20, 0 };
  BwVec g = { 5, 5 }, h = { 15, 15 }, i = { 11, 11 }, j = { 20, 20 };
  BwVec k = { 0, 1 }, l = { 10, 11 };

  /* Crossing diagonals. */
  g_assert_true (bw_segments_intersect (&a, &b, &c, &d));
  /* Touching at an end point counts: the outline is part of the line. */
  g_assert_true (bw_segments_intersect (&a, &b, &e, &f));
  /* Collinear and overlapping, collinear and apart, parallel. */
  g_assert_true (bw_segments_intersect (&a, &b, &g, &h));
  g_assert_false (bw_segments_intersect (&a, &b, &i, &j));
  g_assert_false (bw_segments_intersect (&a, &b, &k, &l));
  /* A T that stops short. */
  {
    BwVec m = { 5, -5 }, n = { 5, 4 }, o = { 0, 5 }, p = { 10, 5 };

    g_assert_false (bw_segments_intersect (&m, &n, &o, &p));
  }
}

static void
test_distances (void)
{
  BwVec a = { 0, 0 }, b = { 10, 0 };
  BwVec above = { 5, 3 }, beyond = { 13, 4 }, on = { 7, 0 };
  BwVec line[] = { { 0, 0 }, { 10, 0 }, { 10, 10 } };
  BwVec p = { 12, 5 };

  g_assert_cmpfloat_with_epsilon (bw_distance_to_segment (&above, &a, &b), 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (bw_distance_to_segment (&beyond, &a, &b), 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (bw_distance_to_segment (&on, &a, &b), 0, 1e-9);
  /* A degenerate segment is a point. */
  g_assert_cmpfloat_with_epsilon (bw_distance_to_segment (&above, &a, &a), hypot (5, 3), 1e-9);

  g_assert_cmpfloat_with_epsilon (bw_distance_to_polyline (&p, line, 3), 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (bw_distance_to_polyline (&p, line, 1), 13, 1e-9);
  g_assert_true (isinf (bw_distance_to_polyline (&p, line, 0)));
}

static void
test_rects (void)
{
  BwRect r = { 10, 20, 30, 40 };
  BwRect flipped = { 40, 60, -30, -40 };
  BwRect inner = { 10, 20, 30, 40 };
  BwRect outside = { 9, 20, 30, 40 };
  BwRect n = bw_rect_normalize (&flipped);
  BwVec c = bw_rect_get_centre (&r);

  /* Closed: corners and edges are inside. */
  g_assert_true (bw_rect_contains_point (&r, 10, 20));
  g_assert_true (bw_rect_contains_point (&r, 40, 60));
  g_assert_true (bw_rect_contains_point (&r, 25, 60));
  g_assert_false (bw_rect_contains_point (&r, 40.001, 30));
  g_assert_true (bw_rect_contains_point (&flipped, 15, 25));

  g_assert_cmpfloat (n.x, ==, 10);
  g_assert_cmpfloat (n.y, ==, 20);
  g_assert_cmpfloat (n.width, ==, 30);
  g_assert_cmpfloat (n.height, ==, 40);
  g_assert_cmpfloat (c.x, ==, 25);
  g_assert_cmpfloat (c.y, ==, 40);

  g_assert_true (bw_rect_contains_rect (&r, &inner));
  g_assert_false (bw_rect_contains_rect (&r, &outside));
}

static void
test_element_shapes (void)
{
  g_autoptr(BwProject) project = bw_test_load_string (lines_json);
  g_autoptr(GArray) path = NULL;
  g_autoptr(GArray) line = NULL;
  BwRect rect;
  BwVec centre;

  g_assert_true (bw_element_get_rect (element (project, "P-2"), &rect));
  g_assert_cmpfloat (rect.x, ==, 300);
  g_assert_cmpfloat (rect.width, ==, 100);
  g_assert_true (bw_element_get_centre (element (project, "P-2"), &centre));
  g_assert_cmpfloat (centre.x, ==, 350);
  g_assert_cmpfloat (centre.y, ==, 50);
  g_assert_true (bw_element_get_rect (element (project, "TB-2"), &rect));

  /* Flows and lines have no rectangle. */
  g_assert_false (bw_element_get_rect (element (project, "DF-1"), &rect));
  g_assert_false (bw_element_get_rect (element (project, "TB-1"), &rect));

  /* Source centre, bend points, target centre. */
  path = bw_geometry_dup_flow_path (project, element (project, "DF-2"));
  g_assert_nonnull (path);
  g_assert_cmpuint (path->len, ==, 4);
  g_assert_cmpfloat (g_array_index (path, BwVec, 0).x, ==, 50);
  g_assert_cmpfloat (g_array_index (path, BwVec, 0).y, ==, 50);
  g_assert_cmpfloat (g_array_index (path, BwVec, 1).y, ==, 300);
  g_assert_cmpfloat (g_array_index (path, BwVec, 2).x, ==, 150);
  g_assert_cmpfloat (g_array_index (path, BwVec, 3).x, ==, 350);
  g_assert_null (bw_geometry_dup_flow_path (project, element (project, "P-1")));

  line = bw_geometry_dup_line_points (element (project, "TB-1"));
  g_assert_nonnull (line);
  g_assert_cmpuint (line->len, ==, 2);
  g_assert_null (bw_geometry_dup_line_points (element (project, "TB-2")));

  g_assert_true (bw_geometry_get_extents (project, element (project, "DF-2"), &rect));
  g_assert_cmpfloat (rect.x, ==, 50);
  g_assert_cmpfloat (rect.y, ==, 50);
  g_assert_cmpfloat (rect.width, ==, 300);
  g_assert_cmpfloat (rect.height, ==, 250);
}

static void
test_example_boundaries (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GPtrArray) boxes = NULL;
  g_autoptr(GPtrArray) crossed = NULL;
  g_autofree char *ids = NULL;

  /* The context diagram: the pump is inside TB-1, the patient is not. */
  boxes = bw_geometry_boxes_containing (project, element (project, "EE-1"));
  g_assert_cmpuint (boxes->len, ==, 0);
  g_clear_pointer (&boxes, g_ptr_array_unref);
  boxes = bw_geometry_boxes_containing (project, element (project, "P-1"));
  ids = ids_of (boxes);
  g_assert_cmpstr (ids, ==, "TB-1");
  g_clear_pointer (&ids, g_free);

  /* A flow into the boundary crosses it; a boundary is no node. */
  g_assert_true (bw_geometry_flow_crosses (project, element (project, "DF-1"), element (project, "TB-1")));
  g_clear_pointer (&boxes, g_ptr_array_unref);
  boxes = bw_geometry_boxes_containing (project, element (project, "TB-1"));
  g_assert_cmpuint (boxes->len, ==, 0);

  /* D-2: the controller talks to the app across two boundaries. */
  g_assert_true (bw_geometry_flow_crosses (project, element (project, "DF-11"), element (project, "TB-3")));
  g_assert_true (bw_geometry_flow_crosses (project, element (project, "DF-11"), element (project, "TB-4")));
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "DF-11"), element (project, "TB-2")));
  /* A boundary of another diagram is never crossed. */
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "DF-11"), element (project, "TB-1")));
  crossed = bw_geometry_boundaries_crossed_by (project, element (project, "DF-11"));
  ids = ids_of (crossed);
  g_assert_cmpstr (ids, ==, "TB-3,TB-4");
  g_clear_pointer (&ids, g_free);

  /* Both ends inside TB-2: the flow stays inside. */
  g_clear_pointer (&crossed, g_ptr_array_unref);
  crossed = bw_geometry_boundaries_crossed_by (project, element (project, "DF-17"));
  g_assert_cmpuint (crossed->len, ==, 0);
}

static void
test_example_hits (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();

  /* On TB-1's outline, and just off it within the tolerance. */
  g_assert_cmpstr (id_at (project, "D-1", 380, 300, 4), ==, "TB-1");
  g_assert_cmpstr (id_at (project, "D-1", 383, 300, 4), ==, "TB-1");
  g_assert_cmpstr (id_at (project, "D-1", 510, 200, 4), ==, "TB-1");
  /* Inside TB-1 but outside P-1: nothing; the inside is free. */
  g_assert_null (id_at (project, "D-1", 400, 360, 4));
  /* Inside P-1, which is drawn under TB-1: still P-1. */
  g_assert_cmpstr (id_at (project, "D-1", 440, 330, 4), ==, "P-1");
  /* At P-1's centre the flows' paths end, but they are drawn only up to
   * P-1's outline: the point is P-1's. */
  g_assert_cmpstr (id_at (project, "D-1", 510, 290, 4), ==, "P-1");
  /* On a flow's bend point. */
  g_assert_cmpstr (id_at (project, "D-1", 360, 150, 4), ==, "DF-1");
  /* Empty canvas, and the same point on the other diagram. */
  g_assert_null (id_at (project, "D-1", 5, 5, 4));
  g_assert_cmpstr (id_at (project, "D-1", 100, 100, 0), ==, "EE-1");
  g_assert_cmpstr (id_at (project, "D-2", 380, 300, 4), !=, "TB-1");
}

static void
test_line_boundary (void)
{
  g_autoptr(BwProject) project = bw_test_load_string (lines_json);
  g_autoptr(GPtrArray) crossed = NULL;
  g_autoptr(GPtrArray) boxes = NULL;
  g_autofree char *ids = NULL;

  /* The straight flow crosses the line; the detour passes below its end. */
  g_assert_true (bw_geometry_flow_crosses (project, element (project, "DF-1"), element (project, "TB-1")));
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "DF-2"), element (project, "TB-1")));
  /* Both ends inside the box: no crossing of it. */
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "DF-1"), element (project, "TB-2")));
  /* Only flows cross, only boundaries are crossed. */
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "P-1"), element (project, "TB-1")));
  g_assert_false (bw_geometry_flow_crosses (project, element (project, "DF-1"), element (project, "P-2")));

  crossed = bw_geometry_boundaries_crossed_by (project, element (project, "DF-1"));
  ids = ids_of (crossed);
  g_assert_cmpstr (ids, ==, "TB-1");
  g_clear_pointer (&crossed, g_ptr_array_unref);
  crossed = bw_geometry_boundaries_crossed_by (project, element (project, "DF-2"));
  g_assert_cmpuint (crossed->len, ==, 0);

  /* A line boundary contains nothing. */
  boxes = bw_geometry_boxes_containing (project, element (project, "P-1"));
  g_clear_pointer (&ids, g_free);
  ids = ids_of (boxes);
  g_assert_cmpstr (ids, ==, "TB-2");

  /* Hits: the line near it, the flow where it lies on top of the line. */
  g_assert_cmpstr (id_at (project, "D-1", 200, 120, 3), ==, "TB-1");
  g_assert_cmpstr (id_at (project, "D-1", 202, 120, 3), ==, "TB-1");
  g_assert_null (id_at (project, "D-1", 202, 120, 1));
  g_assert_cmpstr (id_at (project, "D-1", 200, 50, 3), ==, "DF-1");
  g_assert_cmpstr (id_at (project, "D-1", 100, 301, 3), ==, "DF-2");
  /* The box's outline, and P-1 inside it. */
  g_assert_cmpstr (id_at (project, "D-1", -10, 70, 3), ==, "TB-2");
  g_assert_cmpstr (id_at (project, "D-1", 20, 80, 3), ==, "P-1");
}

static void
test_elements_in_rect (void)
{
  g_autoptr(BwProject) project = bw_test_load_string (lines_json);
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *ids = NULL;

  found = bw_geometry_elements_in_rect (project, "D-1", &(BwRect) { -5, -5, 110, 110 });
  ids = ids_of (found);
  g_assert_cmpstr (ids, ==, "P-1");

  /* Wholly inside only: the line and the detour stick out. */
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&ids, g_free);
  found = bw_geometry_elements_in_rect (project, "D-1", &(BwRect) { -20, -20, 450, 150 });
  ids = ids_of (found);
  g_assert_cmpstr (ids, ==, "P-1,P-2,TB-2,DF-1");

  /* Dragged from bottom right to top left: the same rectangle. */
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&ids, g_free);
  found = bw_geometry_elements_in_rect (project, "D-1", &(BwRect) { 430, 130, -450, -150 });
  ids = ids_of (found);
  g_assert_cmpstr (ids, ==, "P-1,P-2,TB-2,DF-1");

  g_clear_pointer (&found, g_ptr_array_unref);
  found = bw_geometry_elements_in_rect (project, "D-1", &(BwRect) { 1000, 1000, 10, 10 });
  g_assert_cmpuint (found->len, ==, 0);
}

/* Flows meet at node centres but are drawn outline to outline: a click
 * inside a node picks the node, even where a flow's path runs under it. */
static void
test_node_before_flow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = bw_project_load_example (&error);
  BwElement *hit;

  g_assert_no_error (error);
  /* P-1's centre, where the paths of DF-1 … DF-6 end. */
  hit = bw_geometry_element_at (project, "D-1", 510, 290, 6);
  g_assert_nonnull (hit);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (hit)), ==, "P-1");
  /* Outside every node, on DF-3 (EE-3 → P-1, no bend points). */
  hit = bw_geometry_element_at (project, "D-1", 750, 183, 6);
  g_assert_nonnull (hit);
  g_assert_cmpstr (bw_record_get_id (BW_RECORD (hit)), ==, "DF-3");
}

/* The helpers the painter lays out labels with. */
static void
test_layout_helpers (void)
{
  BwRect r = { 10, 10, 20, 10 };
  BwRect other = { 25, 15, 20, 20 };
  BwRect u, g;
  BwVec line[] = { { 0, 0 }, { 10, 0 }, { 10, 0 }, { 10, 20 } };
  BwVec dir, p;
  BwVec a, b;

  /* Segments and rectangles: crossing, wholly inside, parallel outside. */
  a = (BwVec) { 0, 15 }; b = (BwVec) { 40, 15 };
  g_assert_true (bw_segment_intersects_rect (&a, &b, &r));
  a = (BwVec) { 12, 12 }; b = (BwVec) { 15, 14 };
  g_assert_true (bw_segment_intersects_rect (&a, &b, &r));
  a = (BwVec) { 0, 5 }; b = (BwVec) { 40, 5 };
  g_assert_false (bw_segment_intersects_rect (&a, &b, &r));
  a = (BwVec) { 10, 0 }; b = (BwVec) { 10, 30 };
  g_assert_true (bw_segment_intersects_rect (&a, &b, &r));

  u = bw_rect_union (&r, &other);
  g_assert_cmpfloat (u.x, ==, 10);
  g_assert_cmpfloat (u.y, ==, 10);
  g_assert_cmpfloat (u.width, ==, 35);
  g_assert_cmpfloat (u.height, ==, 25);
  g_assert_true (bw_rects_intersect (&r, &other));
  g_assert_cmpfloat (bw_rect_overlap_area (&r, &other), ==, 5 * 5);
  g = bw_rect_grow (&r, 2);
  g_assert_cmpfloat (g.x, ==, 8);
  g_assert_cmpfloat (g.width, ==, 24);

  /* Along a polyline with a repeated point: length, a point, its direction,
   * and clamping past either end. */
  g_assert_cmpfloat (bw_polyline_length (line, G_N_ELEMENTS (line)), ==, 30);
  p = bw_polyline_point_at (line, G_N_ELEMENTS (line), 15, &dir);
  g_assert_cmpfloat (p.x, ==, 10);
  g_assert_cmpfloat (p.y, ==, 5);
  g_assert_cmpfloat (dir.x, ==, 0);
  g_assert_cmpfloat (dir.y, ==, 1);
  p = bw_polyline_point_at (line, G_N_ELEMENTS (line), 99, NULL);
  g_assert_cmpfloat (p.x, ==, 10);
  g_assert_cmpfloat (p.y, ==, 20);
  p = bw_polyline_point_at (line, G_N_ELEMENTS (line), -5, NULL);
  g_assert_cmpfloat (p.x, ==, 0);
  g_assert_cmpfloat (p.y, ==, 0);
  p = bw_vec_lerp (&line[0], &line[1], 0.25);
  g_assert_cmpfloat (p.x, ==, 2.5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/geometry/segments", test_segments);
  g_test_add_func ("/geometry/distances", test_distances);
  g_test_add_func ("/geometry/rects", test_rects);
  g_test_add_func ("/geometry/element-shapes", test_element_shapes);
  g_test_add_func ("/geometry/example-boundaries", test_example_boundaries);
  g_test_add_func ("/geometry/example-hits", test_example_hits);
  g_test_add_func ("/geometry/line-boundary", test_line_boundary);
  g_test_add_func ("/geometry/elements-in-rect", test_elements_in_rect);
  g_test_add_func ("/geometry/node-before-flow", test_node_before_flow);
  g_test_add_func ("/geometry/layout-helpers", test_layout_helpers);

  return g_test_run ();
}
