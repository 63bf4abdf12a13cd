/* bw-graphviz.h — Graphviz in process: attack-tree graphs, layouts, exports
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-attack-tree-eval.h"

G_BEGIN_DECLS

#define BW_GRAPHVIZ_ERROR (bw_graphviz_error_quark ())

typedef enum
{
  BW_GRAPHVIZ_ERROR_LAYOUT,   /* Graphviz refused the graph */
  BW_GRAPHVIZ_ERROR_FORMAT,   /* not dot, svg, png or pdf */
  BW_GRAPHVIZ_ERROR_WRITE,
} BwGraphvizError;

typedef struct
{
  gboolean     left_to_right;  /* root on the left instead of on top */
  gboolean     show_values;    /* each node's evaluated values */
} BwTreeGraphOptions;

/* Diagram units (1 unit = 1 px at 100 %), y grows downwards; (x, y) is a
 * node's centre. */
typedef struct
{
  char       *id;
  const char *gate;            /* "or", "and", "sand", "leaf" */
  gboolean    countermeasure;
  int         implemented;     /* countermeasures: 1 in place, 0 planned */
  double      x, y, width, height;
} BwTreeLayoutNode;

typedef struct
{
  double x, y;
} BwGraphPoint;

typedef struct
{
  char    *source;
  char    *target;
  gboolean defence;          /* from a node to its countermeasure */
  int      order;            /* 1-based position below a SAND, else 0 */
  GArray  *points;           /* BwGraphPoint: a cubic B-spline, start + 3n points */
  gboolean has_arrow;
  BwGraphPoint arrow_tip;    /* where the arrow head points to */
} BwTreeLayoutEdge;

typedef struct
{
  double     width, height;
  GPtrArray *nodes;          /* BwTreeLayoutNode */
  GPtrArray *edges;          /* BwTreeLayoutEdge */
} BwTreeLayout;

GQuark        bw_graphviz_error_quark    (void);

char         *bw_graphviz_tree_to_dot    (BwAttackTree              *tree,
                                          const BwTreeGraphOptions  *options);
BwTreeLayout *bw_graphviz_layout_tree    (BwAttackTree              *tree,
                                          const BwTreeGraphOptions  *options,
                                          GError                   **error);
void          bw_tree_layout_free        (BwTreeLayout              *layout);
const BwTreeLayoutNode *bw_tree_layout_find (BwTreeLayout           *layout,
                                          const char                *id);
/* format: "dot" (the graph's source), "svg", "png" or "pdf". */
GBytes       *bw_graphviz_render_tree    (BwAttackTree              *tree,
                                          const BwTreeGraphOptions  *options,
                                          const char                *format,
                                          GError                   **error);
gboolean      bw_graphviz_render_tree_to_file (BwAttackTree         *tree,
                                          const BwTreeGraphOptions  *options,
                                          const char                *path,
                                          GError                   **error);

/* The diagram editor's "Arrange": boxes of given sizes, links between
 * them, clusters (a box belongs to the first cluster that lists it). */
typedef struct
{
  const char *id;
  double      width, height;
} BwLayoutBox;

typedef struct
{
  const char *source;
  const char *target;
} BwLayoutLink;

typedef struct
{
  const char         *label;
  const char * const *ids;
} BwLayoutCluster;

typedef struct
{
  char  *id;
  double x, y;               /* the box's new centre */
} BwLayoutPosition;

typedef struct
{
  char  *label;
  double x, y, width, height; /* top-left corner and size */
} BwLayoutClusterBox;

typedef struct
{
  double  width, height;
  GArray *positions;         /* BwLayoutPosition, in the order of the boxes */
  GArray *clusters;          /* BwLayoutClusterBox, in the order given */
} BwBoxLayout;

BwBoxLayout  *bw_graphviz_layout_boxes   (const BwLayoutBox     *boxes,
                                          guint                  n_boxes,
                                          const BwLayoutLink    *links,
                                          guint                  n_links,
                                          const BwLayoutCluster *clusters,
                                          guint                  n_clusters,
                                          gboolean               left_to_right,
                                          GError               **error);
void          bw_box_layout_free         (BwBoxLayout           *layout);

/* A label broken into lines at spaces, as nodes show it. */
char         *bw_graphviz_wrap_label     (const char            *text);

/* Exposed for tests: a user string as the text of a Graphviz HTML-like
 * label (every markup character and non-ASCII character as an entity,
 * newlines as line breaks). */
char         *bw_graphviz_escape_html    (const char            *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwTreeLayout, bw_tree_layout_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwBoxLayout, bw_box_layout_free)

G_END_DECLS
