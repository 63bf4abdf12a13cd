/* bw-painter-badges.h — the open-threat count on an element (private to the painter)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>

#include "bw-painter-scene.h"

G_BEGIN_DECLS

/* Where the badge of `item` goes; FALSE when it has none. */
gboolean _bw_painter_badge_rect (const BwPainterItem *item,
                                 BwRect              *rect);
/* Draws the badge of `item`; `text`: with the count, or (overview) as a
 * plain dot. */
void     _bw_painter_draw_badge (cairo_t             *cr,
                                 const BwPainterItem *item,
                                 gboolean             dark,
                                 gboolean             text);

G_END_DECLS
