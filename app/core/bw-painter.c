/* bw-painter.c — draws a diagram with cairo and pango (screen and export)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * One renderer for the canvas, the CLI and every export, so what a user
 * reviews on screen is what ends up in a submission. The notation is the
 * usual threat-modeling DFD one; every kind has its own outline so a
 * diagram stays readable printed in black and white.
 *
 * Layout (shapes, clipped flows, label spots) is bw-painter-scene.c; this
 * file paints a scene: palettes, outlines, arrowheads, halos, handles.
 */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "bw-painter.h"
#include "bw-painter-badges.h"
#include "bw-painter-scene.h"

#define FLOW_LINE        1.4
#define BOUNDARY_LINE    1.5
#define SELECTION_LINE   2.0
#define SELECTION_GAP    4.0
#define HANDLE_SIZE      7.0
#define ARROW_HALF_WIDTH 4.5

typedef struct
{
  guint32 background;
  guint32 text;
  guint32 entity_fill;
  guint32 entity_stroke;
  guint32 process_fill;
  guint32 process_stroke;
  guint32 store_fill;
  guint32 store_stroke;
  guint32 flow;
  guint32 flow_text;
  guint32 boundary;
  guint32 accent;
  guint32 muted_fill;
  guint32 muted_stroke;
  guint32 muted_text;
} Palette;

/* GNOME's palette: quiet tints for the kinds, strong outlines, the
 * libadwaita accent for selection and a red for trust boundaries. */
static const Palette light_palette = {
  .background     = 0xffffff,
  .text           = 0x241f31,
  .entity_fill    = 0xf6f5f4,
  .entity_stroke  = 0x3d3846,
  .process_fill   = 0xe4f3ee,
  .process_stroke = 0x1b6b55,
  .store_fill     = 0xfcf4e4,
  .store_stroke   = 0x865e3c,
  .flow           = 0x5e5c64,
  .flow_text      = 0x3d3846,
  .boundary       = 0xc01c28,
  .accent         = 0x3584e4,
  .muted_fill     = 0xfafafa,
  .muted_stroke   = 0xb6b5b2,
  .muted_text     = 0x9a9996,
};

static const Palette dark_palette = {
  .background     = 0x242424,
  .text           = 0xf6f5f4,
  .entity_fill    = 0x383838,
  .entity_stroke  = 0xc0bfbc,
  .process_fill   = 0x1d3b33,
  .process_stroke = 0x5ccaa6,
  .store_fill     = 0x3b3124,
  .store_stroke   = 0xcdab8f,
  .flow           = 0xaeadaa,
  .flow_text      = 0xdeddda,
  .boundary       = 0xff7b63,
  .accent         = 0x78aeed,
  .muted_fill     = 0x2c2c2c,
  .muted_stroke   = 0x5e5c64,
  .muted_text     = 0x8b8a88,
};

/* Outlines */

static void
path_rounded_rect (cairo_t      *cr,
                   const BwRect *r,
                   double        radius)
{
  radius = MIN (radius, MIN (r->width, r->height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

static void
path_node_outline (cairo_t        *cr,
                   BwPainterShape  shape,
                   const BwRect   *r)
{
  switch (shape)
    {
    case BW_PAINTER_SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, r->x + r->width / 2, r->y + r->height / 2);
      cairo_scale (cr, MAX (r->width / 2, 1e-6), MAX (r->height / 2, 1e-6));
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    case BW_PAINTER_SHAPE_STADIUM:
      path_rounded_rect (cr, r, MIN (r->width, r->height) / 2);
      break;
    case BW_PAINTER_SHAPE_RECT:
    case BW_PAINTER_SHAPE_STORE:
    default:
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      break;
    }
}

static void
set_source (cairo_t *cr,
            guint32  rgb,
            double   alpha)
{
  cairo_set_source_rgba (cr,
                         ((rgb >> 16) & 0xff) / 255.0,
                         ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0,
                         alpha);
}

static gboolean
is_selected (const BwPaintOptions *options,
             BwElement            *element)
{
  return options->selection != NULL &&
         g_strv_contains (options->selection, bw_record_get_id (BW_RECORD (element)));
}

static void
draw_node (cairo_t             *cr,
           const Palette       *palette,
           const BwPainterItem *item,
           gboolean             text)
{
  guint32 fill, stroke;
  double width = NODE_LINE;

  switch (item->kind)
    {
    case BW_ELEMENT_PROCESS:
      fill = palette->process_fill;
      stroke = palette->process_stroke;
      break;
    case BW_ELEMENT_DATA_STORE:
      fill = palette->store_fill;
      stroke = palette->store_stroke;
      break;
    case BW_ELEMENT_EXTERNAL_ENTITY:
    case BW_ELEMENT_DATA_FLOW:
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      fill = palette->entity_fill;
      stroke = palette->entity_stroke;
      width = ENTITY_LINE;
      break;
    }
  if (item->out_of_scope)
    {
      fill = palette->muted_fill;
      stroke = palette->muted_stroke;
    }

  path_node_outline (cr, item->shape, &item->rect);
  set_source (cr, fill, 1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  if (item->shape == BW_PAINTER_SHAPE_STORE)
    {
      const BwRect *r = &item->rect;

      /* The classic open-ended store: two rules, no sides. */
      cairo_fill (cr);
      cairo_move_to (cr, r->x, r->y);
      cairo_line_to (cr, r->x + r->width, r->y);
      cairo_move_to (cr, r->x, r->y + r->height);
      cairo_line_to (cr, r->x + r->width, r->y + r->height);
    }
  else
    cairo_fill_preserve (cr);
  set_source (cr, stroke, 1);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);

  if (item->label != NULL && text)
    {
      set_source (cr, item->out_of_scope ? palette->muted_text : palette->text, 1);
      cairo_move_to (cr, item->label_origin.x, item->label_origin.y);
      pango_cairo_show_layout (cr, item->label);
    }
}

/* The polyline with softly rounded bends; `start`/`end` are where the
 * arrowheads' notches are, so the line never pokes through a tip. */
static void
path_polyline (cairo_t *cr,
               GArray  *path,
               BwVec    start,
               BwVec    end,
               double   radius)
{
  guint n = path->len;

  cairo_move_to (cr, start.x, start.y);
  for (guint i = 1; i + 1 < n; i++)
    {
      BwVec prev = i == 1 ? start : g_array_index (path, BwVec, i - 1);
      BwVec corner = g_array_index (path, BwVec, i);
      BwVec next = i + 2 == n ? end : g_array_index (path, BwVec, i + 1);
      double before = bw_vec_distance (&prev, &corner), after = bw_vec_distance (&corner, &next);
      double r = MIN (radius, MIN (before, after) / 2);
      BwVec a = bw_vec_lerp (&corner, &prev, r / MAX (before, 1e-9));
      BwVec b = bw_vec_lerp (&corner, &next, r / MAX (after, 1e-9));

      cairo_line_to (cr, a.x, a.y);
      /* A quadratic curve through the corner, as a cubic. */
      cairo_curve_to (cr,
                      a.x + 2.0 / 3 * (corner.x - a.x), a.y + 2.0 / 3 * (corner.y - a.y),
                      b.x + 2.0 / 3 * (corner.x - b.x), b.y + 2.0 / 3 * (corner.y - b.y),
                      b.x, b.y);
    }
  cairo_line_to (cr, end.x, end.y);
}

static void
path_arrowhead (cairo_t *cr,
                BwVec    tip,
                BwVec    dir)
{
  BwVec normal = { -dir.y, dir.x };
  BwVec base = { tip.x - dir.x * ARROW_LENGTH, tip.y - dir.y * ARROW_LENGTH };
  BwVec notch = { tip.x - dir.x * ARROW_LENGTH * 0.72, tip.y - dir.y * ARROW_LENGTH * 0.72 };

  cairo_move_to (cr, tip.x, tip.y);
  cairo_line_to (cr, base.x + normal.x * ARROW_HALF_WIDTH, base.y + normal.y * ARROW_HALF_WIDTH);
  cairo_line_to (cr, notch.x, notch.y);
  cairo_line_to (cr, base.x - normal.x * ARROW_HALF_WIDTH, base.y - normal.y * ARROW_HALF_WIDTH);
  cairo_close_path (cr);
}

/* The direction in which the path arrives at its end (`at_start`: at its
 * start, walking backwards), skipping points that coincide with the tip. */
static BwVec
tip_direction (GArray   *path,
               gboolean  at_start)
{
  guint n = path->len;
  BwVec tip = g_array_index (path, BwVec, at_start ? 0 : n - 1);

  for (guint k = 1; k < n; k++)
    {
      BwVec p = g_array_index (path, BwVec, at_start ? k : n - 1 - k);

      if (bw_vec_distance (&p, &tip) > 1e-6)
        return bw_vec_direction (&p, &tip);
    }
  return (BwVec) { 1, 0 };
}

static void
flow_ends (const BwPainterItem *item,
           BwVec               *start,
           BwVec               *end,
           BwVec               *start_dir,
           BwVec               *end_dir)
{
  *start = g_array_index (item->path, BwVec, 0);
  *end = g_array_index (item->path, BwVec, item->path->len - 1);
  *start_dir = tip_direction (item->path, TRUE);
  *end_dir = tip_direction (item->path, FALSE);
}

static void
draw_flow_line (cairo_t             *cr,
                const Palette       *palette,
                const BwPainterItem *item,
                gboolean             selected)
{
  BwVec start, end, start_dir, end_dir, line_start, line_end;
  guint32 colour = item->out_of_scope ? palette->muted_stroke : palette->flow;

  flow_ends (item, &start, &end, &start_dir, &end_dir);
  line_start = start;
  line_end = end;
  if (item->head_at_end)
    line_end = (BwVec) { end.x - end_dir.x * ARROW_LENGTH * 0.72, end.y - end_dir.y * ARROW_LENGTH * 0.72 };
  if (item->head_at_start)
    line_start = (BwVec) {
      start.x - start_dir.x * ARROW_LENGTH * 0.72, start.y - start_dir.y * ARROW_LENGTH * 0.72,
    };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  if (selected)
    {
      path_polyline (cr, item->path, start, end, BEND_RADIUS);
      set_source (cr, palette->accent, 0.3);
      cairo_set_line_width (cr, FLOW_LINE + 5);
      cairo_stroke (cr);
      colour = palette->accent;
    }
  path_polyline (cr, item->path, line_start, line_end, BEND_RADIUS);
  set_source (cr, colour, 1);
  cairo_set_line_width (cr, FLOW_LINE);
  cairo_stroke (cr);

  if (item->head_at_end)
    path_arrowhead (cr, end, end_dir);
  if (item->head_at_start)
    path_arrowhead (cr, start, start_dir);
  cairo_fill (cr);
}

static void
draw_boundary (cairo_t             *cr,
               const Palette       *palette,
               const BwPainterItem *item,
               gboolean             selected)
{
  static const double dashes[] = { 7, 4 };

  if (item->is_line)
    {
      if (item->path->len < 2)
        return;
      path_polyline (cr, item->path,
                     g_array_index (item->path, BwVec, 0),
                     g_array_index (item->path, BwVec, item->path->len - 1), 0);
    }
  else
    path_rounded_rect (cr, &item->rect, BOUNDARY_RADIUS);
  set_source (cr, selected ? palette->accent : palette->boundary, 1);
  cairo_set_line_width (cr, selected ? SELECTION_LINE : BOUNDARY_LINE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_label (cairo_t             *cr,
            const Palette       *palette,
            const BwPainterItem *item)
{
  guint32 colour;

  if (item->label == NULL)
    return;
  /* A halo in the background colour keeps the text readable over lines. */
  path_rounded_rect (cr, &item->label_rect, 4);
  set_source (cr, palette->background, 0.88);
  cairo_fill (cr);

  if (item->kind == BW_ELEMENT_TRUST_BOUNDARY)
    colour = palette->boundary;
  else if (item->out_of_scope)
    colour = palette->muted_text;
  else
    colour = palette->flow_text;
  set_source (cr, colour, 1);
  cairo_move_to (cr, item->label_origin.x, item->label_origin.y);
  pango_cairo_show_layout (cr, item->label);
}

static void
draw_handle (cairo_t       *cr,
             const Palette *palette,
             BwVec          at)
{
  cairo_rectangle (cr, at.x - HANDLE_SIZE / 2, at.y - HANDLE_SIZE / 2, HANDLE_SIZE, HANDLE_SIZE);
  set_source (cr, palette->background, 1);
  cairo_fill_preserve (cr);
  set_source (cr, palette->accent, 1);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_rect_handles (cairo_t       *cr,
                   const Palette *palette,
                   const BwRect  *r)
{
  draw_handle (cr, palette, (BwVec) { r->x, r->y });
  draw_handle (cr, palette, (BwVec) { r->x + r->width, r->y });
  draw_handle (cr, palette, (BwVec) { r->x, r->y + r->height });
  draw_handle (cr, palette, (BwVec) { r->x + r->width, r->y + r->height });
}

static void
draw_selection (cairo_t             *cr,
                const Palette       *palette,
                const BwPainterItem *item)
{
  if (item->is_node)
    {
      BwRect frame = bw_rect_grow (&item->rect, SELECTION_GAP);

      set_source (cr, palette->accent, 1);
      cairo_set_line_width (cr, SELECTION_LINE);
      if (item->shape == BW_PAINTER_SHAPE_RECT || item->shape == BW_PAINTER_SHAPE_STORE)
        {
          path_rounded_rect (cr, &frame, 2);
          cairo_stroke (cr);
        }
      else
        {
          /* Follow the round outline, and show the box being resized. */
          path_node_outline (cr, item->shape, &frame);
          cairo_stroke (cr);
          cairo_rectangle (cr, frame.x, frame.y, frame.width, frame.height);
          set_source (cr, palette->accent, 0.5);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
        }
      draw_rect_handles (cr, palette, &frame);
    }
  else if (item->kind == BW_ELEMENT_TRUST_BOUNDARY && !item->is_line)
    draw_rect_handles (cr, palette, &item->rect);
  else if (item->path != NULL)
    {
      /* Flows can be reshaped at their bends, line boundaries at every point. */
      guint first = item->kind == BW_ELEMENT_DATA_FLOW ? 1 : 0;
      guint last = item->kind == BW_ELEMENT_DATA_FLOW ? item->path->len - 1 : item->path->len;

      for (guint i = first; i < last; i++)
        draw_handle (cr, palette, g_array_index (item->path, BwVec, i));
    }
}

/* Below this size on the device (pixels of a line of text) names are not
 * drawn: nobody reads 4-pixel text, and skipping pango is what keeps a
 * fitted view of a big diagram fast. Exports draw at scale 1 and so always
 * get their text. */
#define MIN_READABLE_TEXT_PX 5.0
#define NOMINAL_TEXT_HEIGHT  12.0

/* Below this scale a diagram is an overview: the same shapes, colours and
 * dashes, but each kind's outlines go into one path that cairo fills and
 * strokes once, and flows lose their rounded bends and arrowheads (a
 * few device pixels that nobody can see). Thousands of small cairo
 * operations become a dozen. */
#define OVERVIEW_SCALE 0.45

/* One device pixel, whatever the scale: thinner lines would only fade.
 * Without antialiasing: on a 2,000-element overview, antialiased strokes
 * take seven times as long (26 ms against 4), and at this scale a line is
 * a pixel either way. Fills keep theirs. */
static void
overview_stroke (cairo_t *cr)
{
  double w = 1.0, h = 0.0;

  cairo_device_to_user_distance (cr, &w, &h);
  cairo_set_line_width (cr, sqrt (w * w + h * h));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_save (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_overview (cairo_t              *cr,
               const Palette        *palette,
               BwPainterScene       *scene,
               const gboolean       *visible,
               const BwPaintOptions *options)
{
  static const double dashes[] = { 7, 4 };
  static const BwElementKind node_kinds[] = {
    BW_ELEMENT_EXTERNAL_ENTITY, BW_ELEMENT_PROCESS, BW_ELEMENT_DATA_STORE,
  };

  /* Boundaries under everything, as in the full drawing. */
  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (!visible[i] || item->kind != BW_ELEMENT_TRUST_BOUNDARY)
        continue;
      if (item->is_line && item->path->len >= 2)
        {
          cairo_move_to (cr, g_array_index (item->path, BwVec, 0).x, g_array_index (item->path, BwVec, 0).y);
          for (guint k = 1; k < item->path->len; k++)
            cairo_line_to (cr, g_array_index (item->path, BwVec, k).x, g_array_index (item->path, BwVec, k).y);
        }
      else if (!item->is_line)
        cairo_rectangle (cr, item->rect.x, item->rect.y, item->rect.width, item->rect.height);
    }
  set_source (cr, palette->boundary, 1);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  overview_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  for (guint muted = 0; muted < 2; muted++)
    {
      for (guint i = 0; i < scene->items->len; i++)
        {
          const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

          if (!visible[i] || item->kind != BW_ELEMENT_DATA_FLOW || item->path == NULL ||
              item->path->len < 2 || item->out_of_scope != (gboolean) muted)
            continue;
          cairo_move_to (cr, g_array_index (item->path, BwVec, 0).x, g_array_index (item->path, BwVec, 0).y);
          for (guint k = 1; k < item->path->len; k++)
            cairo_line_to (cr, g_array_index (item->path, BwVec, k).x, g_array_index (item->path, BwVec, k).y);
        }
      set_source (cr, muted ? palette->muted_stroke : palette->flow, 1);
      overview_stroke (cr);
    }

  for (guint k = 0; k < G_N_ELEMENTS (node_kinds); k++)
    for (guint muted = 0; muted < 2; muted++)
      {
        guint32 fill, stroke;

        for (guint i = 0; i < scene->items->len; i++)
          {
            const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

            if (visible[i] && item->is_node && item->kind == node_kinds[k] &&
                item->out_of_scope == (gboolean) muted)
              path_node_outline (cr, item->shape, &item->rect);
          }
        switch (node_kinds[k])
          {
          case BW_ELEMENT_PROCESS:
            fill = palette->process_fill;
            stroke = palette->process_stroke;
            break;
          case BW_ELEMENT_DATA_STORE:
            fill = palette->store_fill;
            stroke = palette->store_stroke;
            break;
          case BW_ELEMENT_EXTERNAL_ENTITY:
          case BW_ELEMENT_DATA_FLOW:
          case BW_ELEMENT_TRUST_BOUNDARY:
          default:
            fill = palette->entity_fill;
            stroke = palette->entity_stroke;
            break;
          }
        if (muted)
          {
            fill = palette->muted_fill;
            stroke = palette->muted_stroke;
          }
        set_source (cr, fill, 1);
        if (node_kinds[k] == BW_ELEMENT_DATA_STORE)
          {
            /* Open-ended: the two rules only. */
            cairo_fill (cr);
            for (guint i = 0; i < scene->items->len; i++)
              {
                const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);
                const BwRect *r = &item->rect;

                if (!visible[i] || !item->is_node || item->kind != BW_ELEMENT_DATA_STORE ||
                    item->out_of_scope != (gboolean) muted)
                  continue;
                cairo_move_to (cr, r->x, r->y);
                cairo_line_to (cr, r->x + r->width, r->y);
                cairo_move_to (cr, r->x, r->y + r->height);
                cairo_line_to (cr, r->x + r->width, r->y + r->height);
              }
          }
        else
          cairo_fill_preserve (cr);
        set_source (cr, stroke, 1);
        overview_stroke (cr);
      }

  _bw_painter_draw_badge_dots (cr, (const BwPainterItem *) scene->items->data, scene->items->len,
                               visible, options->dark);

  for (guint i = 0; i < scene->items->len && options->selection != NULL; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (visible[i] && is_selected (options, item->element))
        draw_selection (cr, palette, item);
    }
}

/* The item's area including what is drawn around it (arrowheads, halo,
 * selection handles). */
static BwRect
item_paint_rect (const BwPainterItem *item)
{
  BwRect r = bw_rect_grow (&item->bbox, MAX (ARROW_HALF_WIDTH, HANDLE_SIZE) + SELECTION_GAP + 2);
  BwRect badge;

  if (item->label != NULL)
    r = bw_rect_union (&r, &item->label_rect);
  if (_bw_painter_badge_rect (item, &badge))
    r = bw_rect_union (&r, &badge);
  return r;
}

void
bw_painter_draw_scene (cairo_t              *cr,
                       BwPainterScene       *scene,
                       const BwPaintOptions *options)
{
  static const BwPaintOptions defaults = { 0 };
  const Palette *palette;
  BwRect clip;
  double x1, y1, x2, y2, ux = NOMINAL_TEXT_HEIGHT, uy = 0;
  gboolean text;
  g_autofree gboolean *visible = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (scene != NULL);

  if (options == NULL)
    options = &defaults;
  palette = options->dark ? &dark_palette : &light_palette;

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip = (BwRect) { x1, y1, x2 - x1, y2 - y1 };
  cairo_user_to_device_distance (cr, &ux, &uy);
  text = sqrt (ux * ux + uy * uy) >= MIN_READABLE_TEXT_PX;

  /* Only what meets the clip is drawn: at 100 % a view shows a small part
   * of a big diagram. */
  visible = g_new (gboolean, MAX (scene->items->len, 1));
  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);
      BwRect r = item_paint_rect (item);

      visible[i] = bw_rects_intersect (&r, &clip);
    }

  cairo_save (cr);
  if (options->background)
    {
      set_source (cr, palette->background, 1);
      cairo_paint (cr);
    }

  if (sqrt (ux * ux + uy * uy) / NOMINAL_TEXT_HEIGHT < OVERVIEW_SCALE)
    {
      draw_overview (cr, palette, scene, visible, options);
      cairo_restore (cr);
      return;
    }

  /* Shapes in file order, then all text on top so no line crosses a
   * name, then the selection so its handles are never hidden. */
  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);
      gboolean selected;

      if (!visible[i])
        continue;
      selected = is_selected (options, item->element);
      if (item->kind == BW_ELEMENT_TRUST_BOUNDARY)
        draw_boundary (cr, palette, item, selected);
      else if (item->kind == BW_ELEMENT_DATA_FLOW && item->path != NULL)
        draw_flow_line (cr, palette, item, selected);
      else if (item->is_node)
        draw_node (cr, palette, item, text);
    }
  for (guint i = 0; i < scene->items->len && text; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (visible[i] && !item->is_node)
        draw_label (cr, palette, item);
    }
  /* Badges over names: a count must never hide under a label. */
  _bw_painter_draw_badges (cr, scene, visible, options->dark, text);
  for (guint i = 0; i < scene->items->len && options->selection != NULL; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (visible[i] && is_selected (options, item->element))
        draw_selection (cr, palette, item);
    }
  cairo_restore (cr);
}

void
bw_painter_draw_diagram (cairo_t              *cr,
                         BwProject            *project,
                         const char           *diagram_id,
                         const BwPaintOptions *options)
{
  g_autoptr(BwPainterScene) scene = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BW_IS_PROJECT (project));
  g_return_if_fail (diagram_id != NULL);

  scene = bw_painter_scene_new (project, diagram_id);
  bw_painter_draw_scene (cr, scene, options);
}

/* Grows `acc` to hold `r`; the first rectangle starts it. */
static void
extents_add (BwRect       *acc,
             gboolean     *have,
             const BwRect *r)
{
  *acc = *have ? bw_rect_union (acc, r) : *r;
  *have = TRUE;
}

gboolean
bw_painter_get_diagram_extents (BwProject  *project,
                                const char *diagram_id,
                                BwRect     *extents)
{
  g_autoptr(BwPainterScene) scene = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (diagram_id != NULL, FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  scene = bw_painter_scene_new (project, diagram_id);
  return bw_painter_get_scene_extents (scene, extents);
}

gboolean
bw_painter_get_scene_extents (BwPainterScene *scene,
                              BwRect         *extents)
{
  BwRect acc = { 0 };
  gboolean have = FALSE;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (item->path != NULL)
        {
          /* Wide enough for arrowheads and selection handles. */
          double pad = MAX (ARROW_HALF_WIDTH, HANDLE_SIZE / 2) + 1;

          for (guint k = 0; k < item->path->len; k++)
            {
              BwVec p = g_array_index (item->path, BwVec, k);
              BwRect r = { p.x - pad, p.y - pad, 2 * pad, 2 * pad };

              extents_add (&acc, &have, &r);
            }
        }
      else if (!item->is_line && item->kind != BW_ELEMENT_DATA_FLOW)
        {
          BwRect r = bw_rect_grow (&item->rect, SELECTION_GAP + HANDLE_SIZE / 2 + 1);

          extents_add (&acc, &have, &r);
        }
      if (item->label != NULL && !item->is_node)
        extents_add (&acc, &have, &item->label_rect);
      {
        BwRect badge;

        if (_bw_painter_badge_rect (item, &badge))
          extents_add (&acc, &have, &badge);
      }
    }
  *extents = acc;
  return have;
}
