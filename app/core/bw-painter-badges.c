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
#define BADGE_FONT   "Sans Bold 9"

static void
set_rgb (cairo_t *cr,
         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
format_count (guint  count,
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

  format_count (count, digits, sizeof digits);
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

void
_bw_painter_draw_badge (cairo_t             *cr,
                        const BwPainterItem *item,
                        gboolean             dark,
                        gboolean             text)
{
  /* GNOME's orange, dark enough for white digits (4.6:1) on light; a
   * light orange with dark digits on dark. */
  guint32 fill = dark ? 0xffa348 : 0xc64600;
  guint32 ink = dark ? 0x241f31 : 0xffffff;
  guint32 ring = dark ? 0x242424 : 0xffffff;
  BwRect r;

  if (!_bw_painter_badge_rect (item, &r))
    return;

  cairo_save (cr);
  if (!text)
    {
      /* An overview: a dot where the badge would be. */
      cairo_arc (cr, r.x + r.width / 2, r.y + r.height / 2, r.height / 2, 0, 2 * M_PI);
      set_rgb (cr, fill);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  path_pill (cr, &r);
  set_rgb (cr, fill);
  cairo_fill_preserve (cr);
  set_rgb (cr, ring);
  cairo_set_line_width (cr, BADGE_RING);
  cairo_stroke (cr);

  {
    g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
    PangoFontDescription *font = pango_font_description_from_string (BADGE_FONT);
    PangoRectangle ink_rect, logical;
    char digits[8];

    format_count (item->open_threats, digits, sizeof digits);
    pango_layout_set_font_description (layout, font);
    pango_font_description_free (font);
    pango_layout_set_text (layout, digits, -1);
    pango_layout_get_pixel_extents (layout, &ink_rect, &logical);
    set_rgb (cr, ink);
    /* Centred on the digits' ink, not the line box: it looks centred. */
    cairo_move_to (cr,
                   r.x + r.width / 2 - ink_rect.x - ink_rect.width / 2.0,
                   r.y + r.height / 2 - ink_rect.y - ink_rect.height / 2.0);
    pango_cairo_show_layout (cr, layout);
  }
  cairo_restore (cr);
}
