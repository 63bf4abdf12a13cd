/* bw-geometry.c — points, rectangles and the geometric queries of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Trust-boundary membership and crossings are derived, never stored
 * (FORMAT.md, "Boundaries"); this file is where they are computed, along
 * with the hit tests the canvas needs.  Everything is in diagram units.
 */
#include "config.h"

#include <math.h>

#include "bw-geometry.h"

/* A rectangle with a non-negative width and height. */
BwRect
bw_rect_normalize (const BwRect *rect)
{
  BwRect r = *rect;

  if (r.width < 0)
    {
      r.x += r.width;
      r.width = -r.width;
    }
  if (r.height < 0)
    {
      r.y += r.height;
      r.height = -r.height;
    }
  return r;
}

gboolean
bw_rect_contains_point (const BwRect *rect,
                        double        x,
                        double        y)
{
  BwRect r;

  g_return_val_if_fail (rect != NULL, FALSE);

  r = bw_rect_normalize (rect);
  return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

gboolean
bw_rect_contains_rect (const BwRect *outer,
                       const BwRect *inner)
{
  BwRect o, i;

  g_return_val_if_fail (outer != NULL, FALSE);
  g_return_val_if_fail (inner != NULL, FALSE);

  o = bw_rect_normalize (outer);
  i = bw_rect_normalize (inner);
  return i.x >= o.x && i.y >= o.y &&
         i.x + i.width <= o.x + o.width &&
         i.y + i.height <= o.y + o.height;
}

BwVec
bw_rect_get_centre (const BwRect *rect)
{
  return (BwVec) { rect->x + rect->width / 2, rect->y + rect->height / 2 };
}

/* The sign of the turn a → b → c: > 0 counter-clockwise, 0 collinear. */
static double
orientation (const BwVec *a,
             const BwVec *b,
             const BwVec *c)
{
  return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static int
sign (double v)
{
  return (v > 0) - (v < 0);
}

/* Whether c, collinear with a and b, lies within their bounding box. */
static gboolean
on_segment (const BwVec *a,
            const BwVec *b,
            const BwVec *c)
{
  return c->x >= MIN (a->x, b->x) && c->x <= MAX (a->x, b->x) &&
         c->y >= MIN (a->y, b->y) && c->y <= MAX (a->y, b->y);
}

/* Closed segments: touching at an end point or overlapping counts, since
 * a flow that runs along a boundary line does pass it. */
gboolean
bw_segments_intersect (const BwVec *a1,
                       const BwVec *a2,
                       const BwVec *b1,
                       const BwVec *b2)
{
  int o1 = sign (orientation (a1, a2, b1));
  int o2 = sign (orientation (a1, a2, b2));
  int o3 = sign (orientation (b1, b2, a1));
  int o4 = sign (orientation (b1, b2, a2));

  if (o1 != o2 && o3 != o4)
    return TRUE;
  if (o1 == 0 && on_segment (a1, a2, b1))
    return TRUE;
  if (o2 == 0 && on_segment (a1, a2, b2))
    return TRUE;
  if (o3 == 0 && on_segment (b1, b2, a1))
    return TRUE;
  if (o4 == 0 && on_segment (b1, b2, a2))
    return TRUE;
  return FALSE;
}

double
bw_distance_to_segment (const BwVec *p,
                        const BwVec *a,
                        const BwVec *b)
{
  double dx = b->x - a->x;
  double dy = b->y - a->y;
  double len2 = dx * dx + dy * dy;
  double t;

  if (len2 == 0)
    return hypot (p->x - a->x, p->y - a->y);
  t = ((p->x - a->x) * dx + (p->y - a->y) * dy) / len2;
  t = CLAMP (t, 0.0, 1.0);
  return hypot (p->x - (a->x + t * dx), p->y - (a->y + t * dy));
}

/* INFINITY for an empty polyline; a single point is its own distance. */
double
bw_distance_to_polyline (const BwVec *p,
                         const BwVec *points,
                         guint        n_points)
{
  double best = INFINITY;

  g_return_val_if_fail (p != NULL, INFINITY);

  if (n_points == 1)
    return hypot (p->x - points[0].x, p->y - points[0].y);
  for (guint i = 0; i + 1 < n_points; i++)
    best = MIN (best, bw_distance_to_segment (p, &points[i], &points[i + 1]));
  return best;
}

gboolean
bw_polylines_intersect (const BwVec *a,
                        guint        n_a,
                        const BwVec *b,
                        guint        n_b)
{
  for (guint i = 0; i + 1 < n_a; i++)
    for (guint j = 0; j + 1 < n_b; j++)
      if (bw_segments_intersect (&a[i], &a[i + 1], &b[j], &b[j + 1]))
        return TRUE;
  return FALSE;
}

double
bw_vec_distance (const BwVec *a,
                 const BwVec *b)
{
  return hypot (b->x - a->x, b->y - a->y);
}

/* The point at `t` of the way from a to b (t outside [0, 1] extrapolates). */
BwVec
bw_vec_lerp (const BwVec *a,
             const BwVec *b,
             double       t)
{
  return (BwVec) { a->x + (b->x - a->x) * t, a->y + (b->y - a->y) * t };
}

/* The unit vector from a to b, or (1, 0) when they coincide, so callers
 * always get a usable direction. */
BwVec
bw_vec_direction (const BwVec *a,
                  const BwVec *b)
{
  double len = bw_vec_distance (a, b);

  if (len < 1e-9)
    return (BwVec) { 1, 0 };
  return (BwVec) { (b->x - a->x) / len, (b->y - a->y) / len };
}

/* The rectangle moved outwards by `by` on every side (inwards if negative). */
BwRect
bw_rect_grow (const BwRect *rect,
              double        by)
{
  return (BwRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

/* The smallest rectangle holding both; they must be normalized. */
BwRect
bw_rect_union (const BwRect *a,
               const BwRect *b)
{
  double x1 = MIN (a->x, b->x);
  double y1 = MIN (a->y, b->y);
  double x2 = MAX (a->x + a->width, b->x + b->width);
  double y2 = MAX (a->y + a->height, b->y + b->height);

  return (BwRect) { x1, y1, x2 - x1, y2 - y1 };
}

/* Closed rectangles, normalized: touching counts. */
gboolean
bw_rects_intersect (const BwRect *a,
                    const BwRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

/* The area two normalized rectangles share; 0 when they only touch. */
double
bw_rect_overlap_area (const BwRect *a,
                      const BwRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  if (w <= 0 || h <= 0)
    return 0;
  return w * h;
}

/* Whether the closed segment a–b has a point in the closed, normalized
 * rectangle: crossing it, touching it or lying wholly inside it.  Clips
 * the segment to the rectangle (Liang–Barsky) rather than testing it
 * against the four sides, so a segment inside counts too. */
gboolean
bw_segment_intersects_rect (const BwVec  *a,
                            const BwVec  *b,
                            const BwRect *rect)
{
  double t0 = 0, t1 = 1;
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = {
    a->x - rect->x, rect->x + rect->width - a->x,
    a->y - rect->y, rect->y + rect->height - a->y,
  };

  for (guint i = 0; i < 4; i++)
    {
      double t;

      /* Parallel to this side: inside its slab or never. */
      if (fabs (p[i]) < 1e-12)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

double
bw_polyline_length (const BwVec *points,
                    guint        n_points)
{
  double len = 0;

  for (guint i = 1; i < n_points; i++)
    len += bw_vec_distance (&points[i - 1], &points[i]);
  return len;
}

/* The point `distance` along the polyline from its first point, and in
 * `direction` (if not NULL) the unit direction of the segment it is on.
 * Past the end, or on a polyline of coincident points, it is the last
 * point, heading (1, 0). */
BwVec
bw_polyline_point_at (const BwVec *points,
                      guint        n_points,
                      double       distance,
                      BwVec       *direction)
{
  double want = MAX (distance, 0);

  g_return_val_if_fail (points != NULL && n_points > 0, ((BwVec) { 0, 0 }));

  for (guint i = 1; i < n_points; i++)
    {
      double seg = bw_vec_distance (&points[i - 1], &points[i]);

      if (want <= seg && seg > 0)
        {
          if (direction != NULL)
            *direction = bw_vec_direction (&points[i - 1], &points[i]);
          return bw_vec_lerp (&points[i - 1], &points[i], want / seg);
        }
      want -= seg;
    }
  if (direction != NULL)
    *direction = (BwVec) { 1, 0 };
  return points[n_points - 1];
}

/* The rectangle of a node or a box boundary; FALSE for flows and lines,
 * which have no bounds. */
gboolean
bw_element_get_rect (BwElement *element,
                     BwRect    *rect)
{
  const BwNumber *b;

  g_return_val_if_fail (BW_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (!bw_element_is_node (element) &&
      (bw_element_get_kind_enum (element) != BW_ELEMENT_TRUST_BOUNDARY || bw_element_is_line (element)))
    return FALSE;

  b = bw_element_get_bounds (element);
  *rect = bw_rect_normalize (&(BwRect) { bw_number_get (&b[0]), bw_number_get (&b[1]),
                                         bw_number_get (&b[2]), bw_number_get (&b[3]) });
  return TRUE;
}

gboolean
bw_element_get_centre (BwElement *element,
                       BwVec     *centre)
{
  BwRect rect;

  g_return_val_if_fail (centre != NULL, FALSE);

  if (!bw_element_get_rect (element, &rect))
    return FALSE;
  *centre = bw_rect_get_centre (&rect);
  return TRUE;
}

static GArray *
points_to_vecs (GArray *points,
                GArray *out)
{
  for (guint i = 0; i < points->len; i++)
    {
      const BwPoint *pt = &g_array_index (points, BwPoint, i);
      BwVec v = { bw_number_get (&pt->x), bw_number_get (&pt->y) };

      g_array_append_val (out, v);
    }
  return out;
}

static BwElement *
lookup_element (BwProject  *project,
                const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  return BW_IS_ELEMENT (record) ? BW_ELEMENT (record) : NULL;
}

/* FORMAT.md: a flow's path runs from its source's centre through its bend
 * points to its target's centre.  NULL when an end is not a node. */
GArray *
bw_geometry_dup_flow_path (BwProject *project,
                           BwElement *flow)
{
  BwElement *source, *target;
  BwVec from, to;
  GArray *path;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BW_IS_ELEMENT (flow), NULL);

  if (bw_element_get_kind_enum (flow) != BW_ELEMENT_DATA_FLOW)
    return NULL;
  source = lookup_element (project, bw_element_get_source (flow));
  target = lookup_element (project, bw_element_get_target (flow));
  if (source == NULL || target == NULL ||
      !bw_element_get_centre (source, &from) || !bw_element_get_centre (target, &to))
    return NULL;

  path = g_array_new (FALSE, FALSE, sizeof (BwVec));
  g_array_append_val (path, from);
  points_to_vecs (bw_element_get_points (flow), path);
  g_array_append_val (path, to);
  return path;
}

/* The points of a line boundary; NULL for anything else. */
GArray *
bw_geometry_dup_line_points (BwElement *line)
{
  g_return_val_if_fail (BW_IS_ELEMENT (line), NULL);

  if (!bw_element_is_line (line))
    return NULL;
  return points_to_vecs (bw_element_get_points (line), g_array_new (FALSE, FALSE, sizeof (BwVec)));
}

/* The box around everything an element draws (without line widths). */
gboolean
bw_geometry_get_extents (BwProject *project,
                         BwElement *element,
                         BwRect    *extents)
{
  g_autoptr(GArray) points = NULL;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_ELEMENT (element), FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  if (bw_element_get_rect (element, extents))
    return TRUE;

  points = bw_element_is_line (element) ? bw_geometry_dup_line_points (element)
                                        : bw_geometry_dup_flow_path (project, element);
  if (points == NULL || points->len == 0)
    return FALSE;
  for (guint i = 0; i < points->len; i++)
    {
      const BwVec *v = &g_array_index (points, BwVec, i);

      x0 = MIN (x0, v->x);
      y0 = MIN (y0, v->y);
      x1 = MAX (x1, v->x);
      y1 = MAX (y1, v->y);
    }
  *extents = (BwRect) { x0, y0, x1 - x0, y1 - y0 };
  return TRUE;
}

static gboolean
is_box_boundary (BwElement *element)
{
  return bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY && !bw_element_is_line (element);
}

static gboolean
hits (BwProject *project,
      BwElement *element,
      BwVec     *p,
      double     tolerance)
{
  BwRect r;

  switch (bw_element_get_kind_enum (element))
    {
    case BW_ELEMENT_EXTERNAL_ENTITY:
    case BW_ELEMENT_PROCESS:
    case BW_ELEMENT_DATA_STORE:
      return bw_element_get_rect (element, &r) && bw_rect_contains_point (&r, p->x, p->y);

    case BW_ELEMENT_DATA_FLOW:
      {
        g_autoptr(GArray) path = bw_geometry_dup_flow_path (project, element);

        return path != NULL &&
               bw_distance_to_polyline (p, (BwVec *) (gpointer) path->data, path->len) <= tolerance;
      }

    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      if (bw_element_is_line (element))
        {
          g_autoptr(GArray) line = bw_geometry_dup_line_points (element);

          return bw_distance_to_polyline (p, (BwVec *) (gpointer) line->data, line->len) <= tolerance;
        }
      else
        {
          BwVec outline[5];

          /* Only the outline: the inside stays free for the nodes drawn
           * there, which a boundary would otherwise hide from the pointer. */
          bw_element_get_rect (element, &r);
          outline[0] = (BwVec) { r.x, r.y };
          outline[1] = (BwVec) { r.x + r.width, r.y };
          outline[2] = (BwVec) { r.x + r.width, r.y + r.height };
          outline[3] = (BwVec) { r.x, r.y + r.height };
          outline[4] = outline[0];
          return bw_distance_to_polyline (p, outline, 5) <= tolerance;
        }
    }
}

/* The topmost element at (x, y): the last in file order, which is paint
 * order.  Borrowed; NULL when the point hits nothing. */
BwElement *
bw_geometry_element_at (BwProject  *project,
                        const char *diagram_id,
                        double      x,
                        double      y,
                        double      tolerance)
{
  g_autoptr(GPtrArray) elements = NULL;
  BwVec p = { x, y };

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  elements = bw_project_dup_diagram_elements (project, diagram_id);

  /* Flows are drawn from outline to outline and boundaries lie under the
   * nodes, so a point inside a node means the node, whatever runs under
   * it; among the rest, the topmost (last in file order) wins. */
  for (guint i = elements->len; i > 0; i--)
    {
      BwElement *element = g_ptr_array_index (elements, i - 1);

      if (bw_element_is_node (element) && hits (project, element, &p, 0))
        return element;
    }
  for (guint i = elements->len; i > 0; i--)
    {
      BwElement *element = g_ptr_array_index (elements, i - 1);

      if (hits (project, element, &p, tolerance))
        return element;
    }
  return NULL;
}

/* FORMAT.md: a node is inside a box boundary when its centre is inside
 * the closed rectangle. */
GPtrArray *
bw_geometry_boxes_containing (BwProject *project,
                              BwElement *node)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) elements = NULL;
  BwVec centre;

  g_return_val_if_fail (BW_IS_PROJECT (project), ret);
  g_return_val_if_fail (BW_IS_ELEMENT (node), ret);

  if (!bw_element_is_node (node) || !bw_element_get_centre (node, &centre))
    return ret;

  elements = bw_project_dup_diagram_elements (project, bw_element_get_diagram (node));
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      BwRect r;

      if (is_box_boundary (element) && bw_element_get_rect (element, &r) &&
          bw_rect_contains_point (&r, centre.x, centre.y))
        g_ptr_array_add (ret, g_object_ref (element));
    }
  return ret;
}

static gboolean
node_in_box (BwProject  *project,
             const char *node_id,
             BwRect     *box)
{
  BwElement *node = lookup_element (project, node_id);
  BwVec c;

  return node != NULL && bw_element_get_centre (node, &c) && bw_rect_contains_point (box, c.x, c.y);
}

/* FORMAT.md: a flow crosses a box boundary when exactly one of its ends
 * is inside, and a line boundary when its path intersects the line. */
gboolean
bw_geometry_flow_crosses (BwProject *project,
                          BwElement *flow,
                          BwElement *boundary)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_ELEMENT (flow), FALSE);
  g_return_val_if_fail (BW_IS_ELEMENT (boundary), FALSE);

  if (bw_element_get_kind_enum (flow) != BW_ELEMENT_DATA_FLOW ||
      bw_element_get_kind_enum (boundary) != BW_ELEMENT_TRUST_BOUNDARY ||
      g_strcmp0 (bw_element_get_diagram (flow), bw_element_get_diagram (boundary)) != 0)
    return FALSE;

  if (bw_element_is_line (boundary))
    {
      g_autoptr(GArray) path = bw_geometry_dup_flow_path (project, flow);
      g_autoptr(GArray) line = bw_geometry_dup_line_points (boundary);

      return path != NULL &&
             bw_polylines_intersect ((BwVec *) (gpointer) path->data, path->len,
                                     (BwVec *) (gpointer) line->data, line->len);
    }
  else
    {
      BwRect box;

      bw_element_get_rect (boundary, &box);
      return node_in_box (project, bw_element_get_source (flow), &box) !=
             node_in_box (project, bw_element_get_target (flow), &box);
    }
}

GPtrArray *
bw_geometry_boundaries_crossed_by (BwProject *project,
                                   BwElement *flow)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) elements = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), ret);
  g_return_val_if_fail (BW_IS_ELEMENT (flow), ret);

  elements = bw_project_dup_diagram_elements (project, bw_element_get_diagram (flow));
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);

      if (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY &&
          bw_geometry_flow_crosses (project, flow, element))
        g_ptr_array_add (ret, g_object_ref (element));
    }
  return ret;
}

/* Rubber-band selection: the elements wholly inside `rect`, in file order. */
GPtrArray *
bw_geometry_elements_in_rect (BwProject    *project,
                              const char   *diagram_id,
                              const BwRect *rect)
{
  GPtrArray *ret = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) elements = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), ret);
  g_return_val_if_fail (rect != NULL, ret);

  elements = bw_project_dup_diagram_elements (project, diagram_id);
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      BwRect extents;

      if (bw_geometry_get_extents (project, element, &extents) && bw_rect_contains_rect (rect, &extents))
        g_ptr_array_add (ret, g_object_ref (element));
    }
  return ret;
}
