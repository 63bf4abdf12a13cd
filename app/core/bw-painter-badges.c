/* bw-painter-badges.c — the open-threat count on an element
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A pill at the element's top-right corner with the number of threats
 * still to triage. It is told apart by its shape and its number, not by
 * its colour alone: a ring in the background colour separates it from
 * the outline under it, so it survives greyscale printing and colour
 * blindness.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bw-painter-badges.h"

#define BADGE_HEIGHT 18.0
#define BADGE_PAD_X  5.0
#define BADGE_RING   1.5

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

void
_bw_painter_badge_text (guint  count,
                        char  *buffer,
                        gsize  size)
{
  if (count > 99)
    g_strlcpy (buffer, "99+", size);
  else
    g_snprintf (buffer, size, "%u", count);
}

/* The badge's width follows its digits; measured without a cairo context
 * the same way for layout and drawing. */
static double
badge_width (guint count)
{
  char digits[8];
  gsize n;

  _bw_painter_badge_text (count, digits, sizeof digits);
  n = strlen (digits);
  return MAX (BADGE_HEIGHT, n * 7.0 + 2 * BADGE_PAD_X);
}

gboolean
_bw_painter_badge_rect (const BwPainterItem *item,
                        BwRect              *rect)
{
  double w, cx, cy;

  if (item->open_threats == 0)
    return FALSE;
  w = badge_width (item->open_threats);
  if (item->is_node)
    {
      cx = item->rect.x + item->rect.width - w / 2 + 4;
      cy = item->rect.y - 2;
      /* A circle or a stadium is round there: come in to touch it. */
      if (item->shape == BW_PAINTER_SHAPE_ELLIPSE)
        {
          cx = item->rect.x + item->rect.width * (0.5 + M_SQRT1_2 / 2);
          cy = item->rect.y + item->rect.height * (0.5 - M_SQRT1_2 / 2);
        }
      else if (item->shape == BW_PAINTER_SHAPE_STADIUM)
        {
          double radius = MIN (item->rect.width, item->rect.height) / 2;

          cx = item->rect.x + item->rect.width - radius + radius * M_SQRT1_2;
          cy = item->rect.y + radius - radius * M_SQRT1_2;
        }
    }
  else if (item->kind == BW_ELEMENT_DATA_FLOW && item->label != NULL)
    {
      cx = item->label_rect.x + item->label_rect.width + w / 2 - 2;
      cy = item->label_rect.y + 2;
    }
  else if (item->kind == BW_ELEMENT_DATA_FLOW && item->path != NULL && item->path->len >= 2)
    {
      BwVec a = g_array_index (item->path, BwVec, item->path->len / 2 - (item->path->len % 2 == 0 ? 1 : 0));
      BwVec b = g_array_index (item->path, BwVec, item->path->len / 2);

      cx = (a.x + b.x) / 2 + w / 2 + 2;
      cy = (a.y + b.y) / 2 - BADGE_HEIGHT / 2 - 2;
    }
  else
    return FALSE;
  *rect = (BwRect) { cx - w / 2, cy - BADGE_HEIGHT / 2, w, BADGE_HEIGHT };
  return TRUE;
}

static void
path_pill (cairo_t      *cr,
           const BwRect *r)
{
  double radius = r->height / 2;

  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -M_PI / 2, M_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, M_PI / 2, 3 * M_PI / 2);
  cairo_close_path (cr);
}

/* GNOME's orange, dark enough for white digits (4.6:1) on light; a light
 * orange with dark digits on dark. */
#define FILL_LIGHT 0xc64600
#define FILL_DARK  0xffa348

/* All visible badges at once: every ring in one path and every pill in
 * another, each filled once, then the digits. Hundreds of badges drawn
 * one by one would cost more than the diagram under them. `text`: with
 * digits; without (small scales) plain pills. */
void
_bw_painter_draw_badges (cairo_t             *cr,
                         const BwPainterItem *items,
                         guint                n_items,
                         const gboolean      *visible,
                         gboolean             dark,
                         gboolean             text)
{
  gboolean any = FALSE;

  cairo_save (cr);
  for (guint i = 0; i < n_items; i++)
    {
      BwRect r;

      if (!visible[i] || !_bw_painter_badge_rect (&items[i], &r))
        continue;
      /* The ring: the background colour around the pill, so it stands
       * apart from the outline under it. */
      r = bw_rect_grow (&r, BADGE_RING);
      path_pill (cr, &r);
      any = TRUE;
    }
  if (!any)
    {
      cairo_restore (cr);
      return;
    }
  set_rgb (cr, dark ? 0x242424 : 0xffffff);
  cairo_fill (cr);

  for (guint i = 0; i < n_items; i++)
    {
      BwRect r;

      if (visible[i] && _bw_painter_badge_rect (&items[i], &r))
        path_pill (cr, &r);
    }
  set_rgb (cr, dark ? FILL_DARK : FILL_LIGHT);
  cairo_fill (cr);

  set_rgb (cr, dark ? 0x241f31 : 0xffffff);
  for (guint i = 0; i < n_items && text; i++)
    {
      const BwPainterItem *item = &items[i];
      PangoRectangle ink_rect;
      BwRect r;

      if (!visible[i] || item->badge == NULL || !_bw_painter_badge_rect (item, &r))
        continue;
      pango_layout_get_pixel_extents (item->badge, &ink_rect, NULL);
      /* Centred on the digits' ink, not the line box: it looks centred. */
      cairo_move_to (cr,
                     r.x + r.width / 2 - ink_rect.x - ink_rect.width / 2.0,
                     r.y + r.height / 2 - ink_rect.y - ink_rect.height / 2.0);
      pango_cairo_show_layout (cr, item->badge);
    }
  cairo_restore (cr);
}

/* An overview's badges: a square of a few pixels each, in one path filled
 * once without antialiasing, like the rest of the overview. */
void
_bw_painter_draw_badge_dots (cairo_t             *cr,
                             const BwPainterItem *items,
                             guint                n_items,
                             const gboolean      *visible,
                             gboolean             dark)
{
  gboolean any = FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      BwRect r;

      if (!visible[i] || !_bw_painter_badge_rect (&items[i], &r))
        continue;
      cairo_rectangle (cr, r.x + r.width / 2 - r.height / 2, r.y, r.height, r.height);
      any = TRUE;
    }
  if (!any)
    return;
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  set_rgb (cr, dark ? FILL_DARK : FILL_LIGHT);
  cairo_fill (cr);
  cairo_restore (cr);
}
