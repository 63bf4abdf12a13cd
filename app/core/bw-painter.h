/* bw-painter.h — draws a diagram with cairo and pango (screen and export)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>

#include "bw-geometry.h"
#include "bw-project.h"

G_BEGIN_DECLS

typedef struct
{
  gboolean             dark;        /* colours for a dark background */
  const char * const  *selection;   /* IDs drawn as selected, or NULL */
  gboolean             background;  /* paint the palette background over the clip first (exports) */
} BwPaintOptions;

/* Draws the elements of `diagram_id` in diagram units (the caller scales
 * and translates the context for zoom and scroll). */
void     bw_painter_draw_diagram         (cairo_t              *cr,
                                          BwProject            *project,
                                          const char           *diagram_id,
                                          const BwPaintOptions *options);
/* Draws a scene laid out before (bw-painter-scene.h), so that a view can
 * keep the layout between frames; only items that meet the clip are drawn,
 * and names are left out where they would be too small to read. */
typedef struct _BwPainterScene BwPainterScene;
void     bw_painter_draw_scene           (cairo_t              *cr,
                                          BwPainterScene       *scene,
                                          const BwPaintOptions *options);
/* The bounding box of everything drawn, labels included; FALSE if empty. */
gboolean bw_painter_get_diagram_extents  (BwProject            *project,
                                          const char           *diagram_id,
                                          BwRect               *extents);
gboolean bw_painter_get_scene_extents    (BwPainterScene       *scene,
                                          BwRect               *extents);

G_END_DECLS
