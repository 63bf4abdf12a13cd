/* bw-painter-badges.h — the open-threat count on an element (private to the painter)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <cairo.h>

#include "bw-painter-scene.h"

G_BEGIN_DECLS

#define BW_PAINTER_BADGE_FONT "Sans Bold 9"

/* The digits of a count ("99+" above 99). */
void     _bw_painter_badge_text (guint                count,
                                 char                *buffer,
                                 gsize                size);

/* Where the badge of `item` goes; FALSE when it has none. */
gboolean _bw_painter_badge_rect (const BwPainterItem *item,
                                 BwRect              *rect);
/* Draws the badges of the visible items; `text`: with their counts. */
void     _bw_painter_draw_badges (cairo_t             *cr,
                                  BwPainterScene      *scene,
                                  const gboolean      *visible,
                                  gboolean             dark,
                                  gboolean             text);

void     _bw_painter_draw_badge_dots (cairo_t             *cr,
                                      const BwPainterItem *items,
                                      guint                n_items,
                                      const gboolean      *visible,
                                      gboolean             dark);

G_END_DECLS
