/* bw-command-arrange.h — "Arrange": a diagram laid out by Graphviz
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

/* The largest diagram an import arranges without being asked. */
#define BW_ARRANGE_NOW_MAX_NODES 120

/* One undoable step that lays out diagram `diagram_id` with Graphviz
 * (dot, left to right): every node gets a new position (whole units),
 * each box boundary becomes a cluster of the nodes whose centres it holds
 * and is resized around them, and old bend points of flows are cleared.
 * A diagram without nodes gives an empty group. NULL, with an error, when
 * `diagram_id` is no diagram or Graphviz refuses the graph. */
BwCommand *bw_command_arrange_new           (BwProject   *project,
                                             const char  *diagram_id,
                                             GError     **error);

/* The same layout applied at once, outside the undo history: for
 * importers building a project nobody has seen yet. */
gboolean   bw_diagram_arrange_now           (BwProject   *project,
                                             const char  *diagram_id,
                                             GError     **error);

/* TRUE when the diagram's nodes carry no usable geometry — at least two
 * nodes all at the same position, or every node without a size — as
 * imports from tools that keep no layout give them. */
gboolean   bw_diagram_lacks_geometry        (BwProject   *project,
                                             const char  *diagram_id);

/* bw_diagram_arrange_now() on each diagram that lacks geometry; the
 * others keep the layout they came with. FALSE at the first diagram
 * Graphviz refuses (the ones before it stay arranged). */
gboolean   bw_project_arrange_where_missing (BwProject   *project,
                                             GError     **error);

G_END_DECLS
