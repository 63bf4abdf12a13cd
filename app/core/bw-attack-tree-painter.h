/* bw-attack-tree-painter.h — draws a laid-out attack tree with cairo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "bw-attack-tree-eval.h"
#include "bw-graphviz.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean            dark;        /* colours for a dark background */
  gboolean            background;  /* paint the background first (exports) */
  const char * const *selection;   /* node IDs drawn as selected, or NULL */
  const char * const *highlight;   /* the leaves of an attack: they and the
                                    * paths up to the root stand out */
  BwAttackEval       *eval;        /* values to show on the nodes, or NULL */
  BwAttackView        view;        /* which of them */
} BwTreePaintOptions;

/* Draws in diagram units, the layout's top left at (0, 0); the caller
 * scales and translates for zoom and scroll. */
void        bw_attack_tree_paint       (cairo_t                  *cr,
                                        BwAttackTree             *tree,
                                        BwTreeLayout             *layout,
                                        const BwTreePaintOptions *options);
/* Sizes of nodes as the painter draws them (bw_graphviz_layout_tree lays
 * them out with these). */
typedef struct
{
  PangoLayout *layout;
} BwTreeTextMeasure;

BwTreeTextMeasure *bw_tree_text_measure_new  (void);
void        bw_tree_text_measure_free  (BwTreeTextMeasure        *self);
void        bw_tree_text_measure_node  (BwTreeTextMeasure        *self,
                                        BwAttackNode             *node,
                                        gboolean                  countermeasure,
                                        const BwAttackValues     *values,
                                        double                   *width,
                                        double                   *height);

/* The node under a point of the layout, or NULL. */
const char *bw_tree_layout_node_at     (BwTreeLayout             *layout,
                                        double                    x,
                                        double                    y);

G_END_DECLS
