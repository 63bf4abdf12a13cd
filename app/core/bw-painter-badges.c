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

static void
draw_one (cairo_t             *cr,
          const BwPainterItem *item,
          const BwRect        *r,
          gboolean             dark)
{
  BwRect ring = bw_rect_grow (r, BADGE_RING);

  /* The ring: the background colour around the pill, so it stands apart
   * from the outline under it. */
  path_pill (cr, &ring);
  set_rgb (cr, dark ? 0x242424 : 0xffffff);
  cairo_fill (cr);
  path_pill (cr, r);
  set_rgb (cr, dark ? FILL_DARK : FILL_LIGHT);
  cairo_fill (cr);
  if (item->badge != NULL)
    {
      PangoRectangle ink_rect;

      pango_layout_get_pixel_extents (item->badge, &ink_rect, NULL);
      set_rgb (cr, dark ? 0x241f31 : 0xffffff);
      /* Centred on the digits' ink, not the line box: it looks centred. */
      cairo_move_to (cr,
                     r->x + r->width / 2 - ink_rect.x - ink_rect.width / 2.0,
                     r->y + r->height / 2 - ink_rect.y - ink_rect.height / 2.0);
      pango_cairo_show_layout (cr, item->badge);
    }
}

static gboolean
is_vector (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The badge of `item` drawn once at `scale` device pixels per unit, for
 * copying: the screen shows hundreds of the same few badges, and shaping
 * and filling each one costs more than the diagram under it. */
static cairo_surface_t *
badge_image (BwPainterScene      *scene,
             const BwPainterItem *item,
             const BwRect        *r,
             gboolean             dark,
             double               scale)
{
  char digits[8];
  g_autofree char *key = NULL;
  cairo_surface_t *image;
  BwRect local;
  cairo_t *cr;
  double pad = BADGE_RING + 1;

  _bw_painter_badge_text (item->open_threats, digits, sizeof digits);
  key = g_strdup_printf ("%s|%d|%.4f|%.1f", digits, dark, scale, r->width);
  if (scene->badge_images == NULL)
    scene->badge_images = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) cairo_surface_destroy);
  if ((image = g_hash_table_lookup (scene->badge_images, key)) != NULL)
    return image;
  /* Zooming makes new sizes; the old ones are not needed again soon. */
  if (g_hash_table_size (scene->badge_images) > 64)
    g_hash_table_remove_all (scene->badge_images);

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                      (int) ceil ((r->width + 2 * pad) * scale),
                                      (int) ceil ((r->height + 2 * pad) * scale));
  cr = cairo_create (image);
  cairo_scale (cr, scale, scale);
  local = (BwRect) { pad, pad, r->width, r->height };
  draw_one (cr, item, &local, dark);
  cairo_destroy (cr);
  g_hash_table_insert (scene->badge_images, g_steal_pointer (&key), image);
  return image;
}

/* All visible badges. `text`: with digits; without (small scales) plain
 * pills. On the screen each is a copy of one image per count; exports
 * (vector formats) draw them as shapes and text. */
void
_bw_painter_draw_badges (cairo_t        *cr,
                         BwPainterScene *scene,
                         const gboolean *visible,
                         gboolean        dark,
                         gboolean        text)
{
  const BwPainterItem *items = (const BwPainterItem *) scene->items->data;
  double sx = 1, sy = 0, scale;
  gboolean copy;

  cairo_user_to_device_distance (cr, &sx, &sy);
  scale = sqrt (sx * sx + sy * sy);
  copy = text && !is_vector (cr) && scale > 0;
  cairo_save (cr);
  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &items[i];
      BwRect r;

      if (!visible[i] || !_bw_painter_badge_rect (item, &r))
        continue;
      if (!copy)
        {
          if (!text)
            {
              path_pill (cr, &r);
              set_rgb (cr, dark ? FILL_DARK : FILL_LIGHT);
              cairo_fill (cr);
            }
          else
            draw_one (cr, item, &r, dark);
          continue;
        }
      {
        cairo_surface_t *image = badge_image (scene, item, &r, dark, scale);
        double pad = BADGE_RING + 1;

        cairo_save (cr);
        cairo_translate (cr, r.x - pad, r.y - pad);
        cairo_scale (cr, 1 / scale, 1 / scale);
        cairo_set_source_surface (cr, image, 0, 0);
        cairo_paint (cr);
        cairo_restore (cr);
      }
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
