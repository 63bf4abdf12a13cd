/* bw-painter-scene.h — a diagram laid out for painting (private to the painter)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The scene is what drawing and extents both need: node shapes, flow
 * paths clipped to the outlines, and labels placed where they stay
 * readable.  bw-painter.c only paints it.
 */
#pragma once

#include <pango/pango.h>

#include "bw-geometry.h"
#include "bw-project.h"

G_BEGIN_DECLS

/* Dimensions layout and drawing must agree on, in diagram units. */
#define ENTITY_LINE      2.0
#define NODE_LINE        1.5
#define ARROW_LENGTH     11.0
#define BEND_RADIUS      10.0
#define BOUNDARY_RADIUS  12.0

typedef enum
{
  BW_PAINTER_SHAPE_RECT,
  BW_PAINTER_SHAPE_ELLIPSE,
  BW_PAINTER_SHAPE_STADIUM,
  BW_PAINTER_SHAPE_STORE,
} BwPainterShape;

typedef struct
{
  BwElement      *element;
  BwElementKind   kind;
  gboolean        out_of_scope;
  gboolean        is_node;
  gboolean        is_line;      /* a flow or a line boundary: `path` is set */
  BwRect          bbox;         /* the shape or line, without the label */
  BwRect          rect;         /* nodes and box boundaries */
  BwPainterShape  shape;
  GArray         *path;         /* BwVec, already clipped to the nodes */
  gboolean        head_at_start;
  gboolean        head_at_end;
  PangoLayout    *label;
  BwRect          label_rect;   /* where the label's halo goes */
  BwVec           label_origin; /* where pango draws the layout */
  GArray         *bends;        /* flows: a copy of the element's points (BwPoint) */
  guint           open_threats; /* drawn as a badge when not 0 */
  PangoLayout    *badge;        /* its digits, shaped once per scene */
} BwPainterItem;

typedef struct _BwPainterScene
{
  GPtrArray    *elements;      /* keeps the items' elements alive */
  PangoContext *context;
  GArray       *items;         /* BwPainterItem, paint order */
  GHashTable   *nodes;         /* ID → item index + 1 */
  GHashTable   *layouts;       /* what shapes a label → PangoLayout */
  GHashTable   *badge_images;  /* screen drawing: badges pre-rendered per digits, palette and scale */
  GHashTable   *reuse;         /* while built: the layouts of the scene it replaces */
  GHashTable   *previous_items; /* while built: element → that scene's item */
  GArray       *dirty;         /* while built: where things changed */
  gboolean      quick;         /* laid out by bw_painter_scene_new_quick() */
  gboolean      quick_next;    /* while a quick successor is built */
} BwPainterScene;

BwPainterScene *bw_painter_scene_new  (BwProject      *project,
                                       const char     *diagram_id);
/* As bw_painter_scene_new(), taking the text layouts of unchanged labels
 * over from `previous` (NULL: none), which must stay alive meanwhile. */
BwPainterScene *bw_painter_scene_new_from (BwProject      *project,
                                           const char     *diagram_id,
                                           BwPainterScene *previous);
/* During a drag: as bw_painter_scene_new_from(), but a flow whose own
 * path did not change keeps its label spot even when something near it
 * moved, so a step relays out only the moved flows' labels. Lay out with
 * bw_painter_scene_new_from() again once the drag ends. */
BwPainterScene *bw_painter_scene_new_quick (BwProject      *project,
                                            const char     *diagram_id,
                                            BwPainterScene *previous);
void            bw_painter_scene_free (BwPainterScene *scene);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwPainterScene, bw_painter_scene_free)

G_END_DECLS
