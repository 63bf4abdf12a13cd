/* bw-spatial-index.h — fast hit tests on one diagram (a uniform grid)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * bw_geometry_element_at() looks at every element of a diagram; a view
 * hit-tests on every pointer motion, so it asks this index instead, which
 * gives the same answers. The index follows the document by itself: any
 * change to the elements or any command (execute, undo, redo) marks it
 * stale, and the next query rebuilds it.
 */
#pragma once

#include "bw-geometry.h"
#include "bw-project.h"

G_BEGIN_DECLS

typedef struct _BwSpatialIndex BwSpatialIndex;

BwSpatialIndex *bw_spatial_index_new          (BwProject      *project,
                                               const char     *diagram_id);
void            bw_spatial_index_free         (BwSpatialIndex *self);
void            bw_spatial_index_invalidate   (BwSpatialIndex *self);
/* As bw_geometry_element_at(); borrowed, NULL when nothing is there. */
BwElement      *bw_spatial_index_element_at   (BwSpatialIndex *self,
                                               double          x,
                                               double          y,
                                               double          tolerance);
/* As bw_geometry_elements_in_rect(): wholly inside, in file order. */
GPtrArray      *bw_spatial_index_elements_in_rect (BwSpatialIndex *self,
                                                   const BwRect   *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwSpatialIndex, bw_spatial_index_free)

G_END_DECLS
