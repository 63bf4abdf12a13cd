/* bw-geometry.h — points, rectangles and the geometric queries of a diagram
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
} BwVec;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} BwRect;

/* Pure geometry. Rectangles are closed: their outline belongs to them. */
BwRect     bw_rect_normalize                 (const BwRect  *rect);
gboolean   bw_rect_contains_point            (const BwRect  *rect,
                                              double         x,
                                              double         y);
gboolean   bw_rect_contains_rect             (const BwRect  *outer,
                                              const BwRect  *inner);
BwVec      bw_rect_get_centre                (const BwRect  *rect);
gboolean   bw_segments_intersect             (const BwVec   *a1,
                                              const BwVec   *a2,
                                              const BwVec   *b1,
                                              const BwVec   *b2);
double     bw_distance_to_segment            (const BwVec   *p,
                                              const BwVec   *a,
                                              const BwVec   *b);
double     bw_distance_to_polyline           (const BwVec   *p,
                                              const BwVec   *points,
                                              guint          n_points);
gboolean   bw_polylines_intersect            (const BwVec   *a,
                                              guint          n_a,
                                              const BwVec   *b,
                                              guint          n_b);
double     bw_vec_distance                   (const BwVec   *a,
                                              const BwVec   *b);
BwVec      bw_vec_lerp                       (const BwVec   *a,
                                              const BwVec   *b,
                                              double         t);
BwVec      bw_vec_direction                  (const BwVec   *a,
                                              const BwVec   *b);
BwRect     bw_rect_grow                      (const BwRect  *rect,
                                              double         by);
BwRect     bw_rect_union                     (const BwRect  *a,
                                              const BwRect  *b);
gboolean   bw_rects_intersect                (const BwRect  *a,
                                              const BwRect  *b);
double     bw_rect_overlap_area              (const BwRect  *a,
                                              const BwRect  *b);
gboolean   bw_segment_intersects_rect        (const BwVec   *a,
                                              const BwVec   *b,
                                              const BwRect  *rect);
double     bw_polyline_length                (const BwVec   *points,
                                              guint          n_points);
BwVec      bw_polyline_point_at              (const BwVec   *points,
                                              guint          n_points,
                                              double         distance,
                                              BwVec         *direction);

/* An element's shape. */
gboolean   bw_element_get_rect               (BwElement     *element,
                                              BwRect        *rect);
gboolean   bw_element_get_centre             (BwElement     *element,
                                              BwVec         *centre);
GArray    *bw_geometry_dup_flow_path         (BwProject     *project,
                                              BwElement     *flow);
GArray    *bw_geometry_dup_line_points       (BwElement     *line);
gboolean   bw_geometry_get_extents           (BwProject     *project,
                                              BwElement     *element,
                                              BwRect        *extents);

/* Queries on a diagram; arrays hold references to elements. */
BwElement *bw_geometry_element_at            (BwProject     *project,
                                              const char    *diagram_id,
                                              double         x,
                                              double         y,
                                              double         tolerance);
GPtrArray *bw_geometry_boxes_containing      (BwProject     *project,
                                              BwElement     *node);
gboolean   bw_geometry_flow_crosses          (BwProject     *project,
                                              BwElement     *flow,
                                              BwElement     *boundary);
GPtrArray *bw_geometry_boundaries_crossed_by (BwProject     *project,
                                              BwElement     *flow);
GPtrArray *bw_geometry_elements_in_rect      (BwProject     *project,
                                              const char    *diagram_id,
                                              const BwRect  *rect);

G_END_DECLS
