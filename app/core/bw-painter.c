/* bw-painter.c — draws a diagram with cairo and pango (screen and export)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * One renderer for the canvas, the CLI and every export, so what a user
 * reviews on screen is what ends up in a submission. The notation is the
 * usual threat-modeling DFD one; every kind has its own outline so a
 * diagram stays readable printed in black and white.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bw-painter.h"

#define NODE_FONT        "Cantarell, Sans 10"
#define FLOW_FONT        "Cantarell, Sans 8.5"
#define BOUNDARY_FONT    "Cantarell, Sans Bold 8.5"

#define ENTITY_LINE      2.0
#define NODE_LINE        1.5
#define FLOW_LINE        1.4
#define BOUNDARY_LINE    1.5
#define SELECTION_LINE   2.0
#define SELECTION_GAP    4.0
#define HANDLE_SIZE      7.0
#define ARROW_LENGTH     11.0
#define ARROW_HALF_WIDTH 4.5
#define BEND_RADIUS      10.0
#define LABEL_MAX_WIDTH  132.0
#define HALO_PAD_X       4.0
#define HALO_PAD_Y       1.5
#define BOUNDARY_RADIUS  12.0
#define ROUND_RATIO      0.8 /* a process this close to square is a circle */

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

typedef enum
{
  SHAPE_RECT,
  SHAPE_ELLIPSE,
  SHAPE_STADIUM,
  SHAPE_STORE,
} NodeShape;

typedef struct
{
  BwElement     *element;
  BwElementKind  kind;
  gboolean       out_of_scope;
  gboolean       is_node;
  gboolean       is_line;      /* a flow or a line boundary: `path` is set */
  BwRect         bbox;         /* the shape or line, without the label */
  BwRect         rect;         /* nodes and box boundaries */
  NodeShape      shape;
  GArray        *path;         /* BwVec, already clipped to the nodes */
  gboolean       head_at_start;
  gboolean       head_at_end;
  PangoLayout   *label;
  BwRect         label_rect;   /* where the label's halo goes */
  BwVec          label_origin; /* where pango draws the layout */
} Item;

typedef struct
{
  GPtrArray    *elements;      /* keeps the items' elements alive */
  PangoContext *context;
  GArray       *items;         /* Item, paint order */
  GHashTable   *nodes;         /* ID → Item index + 1 */
} Scene;

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->path, g_array_unref);
  g_clear_object (&item->label);
}

static void
scene_free (Scene *scene)
{
  g_clear_pointer (&scene->nodes, g_hash_table_unref);
  g_clear_pointer (&scene->items, g_array_unref);
  g_clear_pointer (&scene->elements, g_ptr_array_unref);
  g_clear_object (&scene->context);
  g_free (scene);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scene, scene_free)

/* Geometry helpers */

static BwVec
vec (double x,
     double y)
{
  return (BwVec) { x, y };
}

static double
vec_distance (BwVec a,
              BwVec b)
{
  return hypot (b.x - a.x, b.y - a.y);
}

static BwVec
vec_lerp (BwVec  a,
          BwVec  b,
          double t)
{
  return vec (a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
}

/* The unit vector from a to b, or (1, 0) when they coincide. */
static BwVec
vec_direction (BwVec a,
               BwVec b)
{
  double len = vec_distance (a, b);

  if (len < 1e-9)
    return vec (1, 0);
  return vec ((b.x - a.x) / len, (b.y - a.y) / len);
}

static BwVec
rect_center (const BwRect *r)
{
  return vec (r->x + r->width / 2, r->y + r->height / 2);
}

static BwRect
rect_grow (const BwRect *r,
           double        by)
{
  return (BwRect) { r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

static void
rect_union (BwRect       *acc,
            gboolean     *have,
            const BwRect *r)
{
  double x1, y1, x2, y2;

  if (!*have)
    {
      *acc = *r;
      *have = TRUE;
      return;
    }
  x1 = MIN (acc->x, r->x);
  y1 = MIN (acc->y, r->y);
  x2 = MAX (acc->x + acc->width, r->x + r->width);
  y2 = MAX (acc->y + acc->height, r->y + r->height);
  *acc = (BwRect) { x1, y1, x2 - x1, y2 - y1 };
}

static gboolean
rect_intersects (const BwRect *a,
                 const BwRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

static double
rect_overlap_area (const BwRect *a,
                   const BwRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  if (w <= 0 || h <= 0)
    return 0;
  return w * h;
}

/* Liang–Barsky: does the segment a–b pass through the rectangle? */
static gboolean
segment_hits_rect (BwVec         a,
                   BwVec         b,
                   const BwRect *r)
{
  double t0 = 0, t1 = 1;
  double dx = b.x - a.x, dy = b.y - a.y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a.x - r->x, r->x + r->width - a.x, a.y - r->y, r->y + r->height - a.y };

  for (guint i = 0; i < 4; i++)
    {
      double t;

      if (fabs (p[i]) < 1e-12)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      t = q[i] / p[i];
      if (p[i] < 0)
        t0 = MAX (t0, t);
      else
        t1 = MIN (t1, t);
      if (t0 > t1)
        return FALSE;
    }
  return TRUE;
}

static double
path_length (GArray *path)
{
  double len = 0;

  for (guint i = 1; i < path->len; i++)
    len += vec_distance (g_array_index (path, BwVec, i - 1), g_array_index (path, BwVec, i));
  return len;
}

/* The point at `fraction` of the way along the polyline, and the
 * direction of the segment it is on. */
static BwVec
path_point_at (GArray *path,
               double  fraction,
               BwVec  *direction)
{
  double want = path_length (path) * CLAMP (fraction, 0, 1);

  for (guint i = 1; i < path->len; i++)
    {
      BwVec a = g_array_index (path, BwVec, i - 1);
      BwVec b = g_array_index (path, BwVec, i);
      double seg = vec_distance (a, b);

      if (want <= seg && seg > 0)
        {
          *direction = vec_direction (a, b);
          return vec_lerp (a, b, want / seg);
        }
      want -= seg;
    }
  *direction = vec (1, 0);
  return g_array_index (path, BwVec, path->len - 1);
}

/* Nodes */

static BwRect
element_rect (BwElement *element)
{
  const BwNumber *b = bw_element_get_bounds (element);

  if (b == NULL)
    return (BwRect) { 0, 0, 0, 0 };
  return (BwRect) {
    bw_number_get (&b[0]), bw_number_get (&b[1]),
    MAX (0, bw_number_get (&b[2])), MAX (0, bw_number_get (&b[3])),
  };
}

static NodeShape
node_shape_for (BwElementKind  kind,
                const BwRect  *r)
{
  switch (kind)
    {
    case BW_ELEMENT_PROCESS:
      if (MIN (r->width, r->height) >= ROUND_RATIO * MAX (r->width, r->height))
        return SHAPE_ELLIPSE;
      return SHAPE_STADIUM;
    case BW_ELEMENT_DATA_STORE:
      return SHAPE_STORE;
    case BW_ELEMENT_EXTERNAL_ENTITY:
    case BW_ELEMENT_DATA_FLOW:
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return SHAPE_RECT;
    }
}

static gboolean
node_contains (NodeShape     shape,
               const BwRect *r,
               BwVec         p)
{
  BwVec c = rect_center (r);

  switch (shape)
    {
    case SHAPE_ELLIPSE:
      {
        double rx = MAX (r->width / 2, 1e-6), ry = MAX (r->height / 2, 1e-6);
        double dx = (p.x - c.x) / rx, dy = (p.y - c.y) / ry;

        return dx * dx + dy * dy <= 1;
      }
    case SHAPE_STADIUM:
      {
        /* Everything within `radius` of the stadium's spine. */
        double radius = MIN (r->width, r->height) / 2;
        double half = MAX (r->width, r->height) / 2 - radius;
        double dx, dy;

        if (r->width >= r->height)
          {
            dx = MAX (fabs (p.x - c.x) - half, 0);
            dy = p.y - c.y;
          }
        else
          {
            dx = p.x - c.x;
            dy = MAX (fabs (p.y - c.y) - half, 0);
          }
        return dx * dx + dy * dy <= radius * radius;
      }
    case SHAPE_RECT:
    case SHAPE_STORE:
    default:
      return p.x >= r->x && p.x <= r->x + r->width &&
             p.y >= r->y && p.y <= r->y + r->height;
    }
}

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
path_node_outline (cairo_t      *cr,
                   NodeShape     shape,
                   const BwRect *r)
{
  switch (shape)
    {
    case SHAPE_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, r->x + r->width / 2, r->y + r->height / 2);
      cairo_scale (cr, MAX (r->width / 2, 1e-6), MAX (r->height / 2, 1e-6));
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    case SHAPE_STADIUM:
      path_rounded_rect (cr, r, MIN (r->width, r->height) / 2);
      break;
    case SHAPE_RECT:
    case SHAPE_STORE:
    default:
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
      break;
    }
}

/* The part of the node where its name fits without touching the outline. */
static BwRect
node_text_area (NodeShape     shape,
                const BwRect *r)
{
  double inset_x = 8, inset_y = 5;

  switch (shape)
    {
    case SHAPE_ELLIPSE:
      /* The rectangle inscribed in an ellipse is 1/√2 of its size. */
      inset_x = r->width * (1 - G_SQRT2 / 2) / 2 + 4;
      inset_y = r->height * (1 - G_SQRT2 / 2) / 2 + 2;
      break;
    case SHAPE_STADIUM:
      if (r->width >= r->height)
        inset_x = r->height * 0.3 + 4;
      else
        inset_y = r->width * 0.3 + 4;
      break;
    case SHAPE_STORE:
      inset_y = 6;
      break;
    case SHAPE_RECT:
    default:
      break;
    }
  return (BwRect) {
    r->x + inset_x, r->y + inset_y,
    MAX (r->width - 2 * inset_x, 1), MAX (r->height - 2 * inset_y, 1),
  };
}

/* Text */

static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics make text the same size at every zoom and in every
   * export, so extents computed without a surface match what is drawn. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

static PangoLayout *
create_layout (PangoContext *context,
               const char   *font,
               gboolean      italic,
               const char   *text)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  if (italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Building the scene: everything both drawing and extents need */

static void
layout_node (Scene *scene,
             Item  *item)
{
  const char *name = bw_element_get_name (item->element);
  BwRect area = node_text_area (item->shape, &item->rect);
  PangoRectangle logical;

  if (name == NULL || *name == '\0')
    return;
  item->label = create_layout (scene->context, NODE_FONT, item->out_of_scope, name);
  pango_layout_set_alignment (item->label, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (item->label, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (item->label, (int) (area.width * PANGO_SCALE));
  pango_layout_set_height (item->label, (int) (area.height * PANGO_SCALE));
  pango_layout_get_extents (item->label, NULL, &logical);
  item->label_origin = vec (area.x,
                            area.y + (area.height - (double) logical.height / PANGO_SCALE) / 2
                            - (double) logical.y / PANGO_SCALE);
}

static void
layout_box_boundary (Scene *scene,
                     Item  *item)
{
  const char *name = bw_element_get_name (item->element);
  PangoRectangle logical;
  double max_width = item->rect.width - 2 * BOUNDARY_RADIUS;

  if (name == NULL || *name == '\0' || max_width < 12)
    return;
  item->label = create_layout (scene->context, BOUNDARY_FONT, FALSE, name);
  pango_layout_set_ellipsize (item->label, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (item->label, (int) (max_width * PANGO_SCALE));
  pango_layout_get_extents (item->label, NULL, &logical);
  /* Inside the top-left corner, clear of the dashed line. */
  item->label_rect = (BwRect) {
    item->rect.x + BOUNDARY_RADIUS - HALO_PAD_X, item->rect.y + 6,
    (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X,
    (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y,
  };
  item->label_origin = vec (item->label_rect.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
                            item->label_rect.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE);
}

static void
layout_line_boundary (Scene *scene,
                      Item  *item)
{
  const char *name = bw_element_get_name (item->element);
  PangoRectangle logical;
  BwVec a, b, mid, normal;
  double w, h, offset;

  if (name == NULL || *name == '\0' || item->path->len < 2)
    return;
  item->label = create_layout (scene->context, BOUNDARY_FONT, FALSE, name);
  pango_layout_get_extents (item->label, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X;
  h = (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y;

  /* Beside the middle of the first segment, on its upper (or right) side,
   * far enough that the text never sits on the dashes. */
  a = g_array_index (item->path, BwVec, 0);
  b = g_array_index (item->path, BwVec, 1);
  mid = vec_lerp (a, b, 0.5);
  normal = vec_direction (a, b);
  normal = vec (normal.y, -normal.x);
  if (normal.y > 0 || (normal.y == 0 && normal.x < 0))
    normal = vec (-normal.x, -normal.y);
  offset = fabs (normal.x) * w / 2 + fabs (normal.y) * h / 2 + 4;
  item->label_rect = (BwRect) {
    mid.x + normal.x * offset - w / 2, mid.y + normal.y * offset - h / 2, w, h,
  };
  item->label_origin = vec (item->label_rect.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
                            item->label_rect.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE);
}

static const Item *
scene_find_node (Scene      *scene,
                 const char *id)
{
  guint index;

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (scene->nodes, id));
  if (index == 0)
    return NULL;
  return &g_array_index (scene->items, Item, index - 1);
}

/* Where the path from inside `node` to the outside point `outside`
 * crosses the node's outline; bisection works for every shape. */
static BwVec
node_exit_point (const Item *node,
                 BwVec       inside,
                 BwVec       outside)
{
  for (guint i = 0; i < 40; i++)
    {
      BwVec mid = vec_lerp (inside, outside, 0.5);

      if (node_contains (node->shape, &node->rect, mid))
        inside = mid;
      else
        outside = mid;
    }
  return outside;
}

/* Drops the part of the path inside `node`, starting from index 0. */
static void
clip_path_start (GArray     *path,
                 const Item *node)
{
  double gap = (node->kind == BW_ELEMENT_EXTERNAL_ENTITY ? ENTITY_LINE : NODE_LINE) / 2 + 1;

  for (guint i = 0; i + 1 < path->len; i++)
    {
      BwVec a = g_array_index (path, BwVec, i);
      BwVec b = g_array_index (path, BwVec, i + 1);
      BwVec exit, dir;

      if (node_contains (node->shape, &node->rect, b))
        continue;
      if (!node_contains (node->shape, &node->rect, a))
        return;
      exit = node_exit_point (node, a, b);
      dir = vec_direction (a, b);
      /* A small gap keeps arrowheads off the outline's stroke. */
      if (vec_distance (exit, b) > gap)
        exit = vec (exit.x + dir.x * gap, exit.y + dir.y * gap);
      g_array_remove_range (path, 0, i);
      g_array_index (path, BwVec, 0) = exit;
      return;
    }
}

static void
reverse_path (GArray *path)
{
  for (guint i = 0, j = path->len - 1; path->len > 0 && i < j; i++, j--)
    {
      BwVec tmp = g_array_index (path, BwVec, i);

      g_array_index (path, BwVec, i) = g_array_index (path, BwVec, j);
      g_array_index (path, BwVec, j) = tmp;
    }
}

static gboolean
build_flow_path (Scene *scene,
                 Item  *item)
{
  const Item *source = scene_find_node (scene, bw_element_get_source (item->element));
  const Item *target = scene_find_node (scene, bw_element_get_target (item->element));
  GArray *points = bw_element_get_points (item->element);
  BwVec begin, end;

  if (source == NULL || target == NULL)
    return FALSE;
  begin = rect_center (&source->rect);
  end = rect_center (&target->rect);
  item->path = g_array_new (FALSE, FALSE, sizeof (BwVec));
  g_array_append_val (item->path, begin);
  for (guint i = 0; points != NULL && i < points->len; i++)
    {
      const BwPoint *p = &g_array_index (points, BwPoint, i);
      BwVec v = vec (bw_number_get (&p->x), bw_number_get (&p->y));

      g_array_append_val (item->path, v);
    }
  g_array_append_val (item->path, end);
  if (source != target)
    {
      clip_path_start (item->path, source);
      reverse_path (item->path);
      clip_path_start (item->path, target);
      reverse_path (item->path);
    }
  item->head_at_end = TRUE;
  item->head_at_start = bw_element_get_bidirectional (item->element);
  return path_length (item->path) > 1e-6;
}

static gboolean
rect_contains (const BwRect *r,
               BwVec         p)
{
  return p.x >= r->x && p.x <= r->x + r->width && p.y >= r->y && p.y <= r->y + r->height;
}

static double
polyline_hits (GArray       *path,
               const BwRect *r)
{
  double hits = 0;

  for (guint k = 1; path != NULL && k < path->len; k++)
    if (segment_hits_rect (g_array_index (path, BwVec, k - 1), g_array_index (path, BwVec, k), r))
      hits++;
  return hits;
}

/* How bad a spot is for a flow's name: covering a node, a label, another
 * line, its own bend or arrowhead. Areas count per square unit, crossings
 * as a fixed price. */
static double
label_cost (GPtrArray    *near,
            const Item   *self,
            const BwRect *r)
{
  BwRect around_heads = rect_grow (r, ARROW_LENGTH);
  BwRect around_bends = rect_grow (r, BEND_RADIUS);
  double cost = 0;

  /* A name next to a bend hides which way the line turns. */
  for (guint k = 1; k + 1 < self->path->len; k++)
    if (rect_contains (&around_bends, g_array_index (self->path, BwVec, k)))
      cost += 150;
  if (rect_contains (&around_heads, g_array_index (self->path, BwVec, self->path->len - 1)) ||
      rect_contains (&around_heads, g_array_index (self->path, BwVec, 0)))
    cost += 300;

  for (guint i = 0; i < near->len; i++)
    {
      const Item *other = g_ptr_array_index (near, i);

      if (other->is_node)
        cost += 2 * rect_overlap_area (r, &other->rect);
      else if (other->label != NULL)
        /* Labels placed so far: boundaries' and earlier flows'. */
        cost += 8 * rect_overlap_area (r, &other->label_rect);

      if (other->kind == BW_ELEMENT_DATA_FLOW)
        cost += 400 * polyline_hits (other->path, r);
      else if (other->kind == BW_ELEMENT_TRUST_BOUNDARY && other->is_line)
        cost += 200 * polyline_hits (other->path, r);
      else if (other->kind == BW_ELEMENT_TRUST_BOUNDARY)
        {
          const BwRect *b = &other->rect;
          BwVec corners[] = {
            { b->x, b->y }, { b->x + b->width, b->y },
            { b->x + b->width, b->y + b->height }, { b->x, b->y + b->height },
          };

          for (guint k = 0; k < 4; k++)
            if (segment_hits_rect (corners[k], corners[(k + 1) % 4], r))
              cost += 200;
        }
    }
  return cost;
}

/* Names sit on their flow, halfway along; when that spot is taken by a
 * node, another label or another flow, slide along the line to the
 * nearest free spot. */
static void
layout_flow (Scene *scene,
             Item  *item)
{
  static const double fractions[] = {
    0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8,
  };
  const char *name = bw_element_get_name (item->element);
  g_autoptr(GPtrArray) near = NULL;
  PangoRectangle logical;
  double w, h, best_cost = G_MAXDOUBLE;
  BwRect best = { 0 }, reach;

  if (name == NULL || *name == '\0')
    return;
  item->label = create_layout (scene->context, FLOW_FONT, item->out_of_scope, name);
  pango_layout_set_alignment (item->label, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (item->label, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
  pango_layout_get_extents (item->label, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X;
  h = (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y;

  /* Only what a candidate spot can touch matters; on big diagrams that
   * is a handful of items instead of all of them. */
  reach = rect_grow (&item->bbox, w + h + ARROW_LENGTH);
  near = g_ptr_array_new ();
  for (guint i = 0; i < scene->items->len; i++)
    {
      Item *other = &g_array_index (scene->items, Item, i);

      if (other != item &&
          (rect_intersects (&reach, &other->bbox) ||
           (other->label != NULL && !other->is_node && rect_intersects (&reach, &other->label_rect))))
        g_ptr_array_add (near, other);
    }

  /* On the line first; beside it (either side) when the line is too
   * short or too crowded for the name to sit on it. */
  for (int side = 0; side < 3; side++)
    for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
      {
        BwVec dir;
        BwVec at = path_point_at (item->path, fractions[i], &dir);
        BwVec normal = vec (-dir.y, dir.x);
        double away = side == 0 ? 0 : (side == 1 ? 1 : -1) *
                      (fabs (normal.x) * w / 2 + fabs (normal.y) * h / 2 + 3);
        BwRect r = { at.x + normal.x * away - w / 2, at.y + normal.y * away - h / 2, w, h };
        double cost = label_cost (near, item, &r) + fabs (fractions[i] - 0.5) * 60 +
                      (side == 0 ? 0 : 80);

        if (cost < best_cost)
          {
            best_cost = cost;
            best = r;
          }
      }
  item->label_rect = best;
  item->label_origin = vec (best.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
                            best.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE);
}

static Scene *
scene_new (BwProject  *project,
           const char *diagram_id)
{
  g_autoptr(Scene) scene = g_new0 (Scene, 1);
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);

  scene->context = create_pango_context ();
  scene->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (scene->items, item_clear);
  scene->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  if (elements == NULL)
    return g_steal_pointer (&scene);

  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      Item item = {
        .element = element,
        .kind = bw_element_get_kind_enum (element),
        .out_of_scope = bw_element_get_out_of_scope (element),
        .is_node = bw_element_is_node (element),
      };

      if (item.kind == BW_ELEMENT_TRUST_BOUNDARY &&
          g_strcmp0 (bw_element_get_shape (element), "line") == 0)
        {
          GArray *points = bw_element_get_points (element);

          item.is_line = TRUE;
          item.path = g_array_new (FALSE, FALSE, sizeof (BwVec));
          for (guint k = 0; points != NULL && k < points->len; k++)
            {
              const BwPoint *p = &g_array_index (points, BwPoint, k);
              BwVec v = vec (bw_number_get (&p->x), bw_number_get (&p->y));

              g_array_append_val (item.path, v);
            }
        }
      else if (item.kind == BW_ELEMENT_DATA_FLOW)
        item.is_line = TRUE;
      else
        {
          item.rect = element_rect (element);
          item.shape = node_shape_for (item.kind, &item.rect);
          item.bbox = item.rect;
        }
      g_array_append_val (scene->items, item);
      if (item.is_node)
        g_hash_table_insert (scene->nodes,
                             (gpointer) bw_record_get_id (BW_RECORD (element)),
                             GUINT_TO_POINTER (scene->items->len));
    }
  scene->elements = g_steal_pointer (&elements);

  /* Flows need every node's outline. */
  for (guint i = 0; i < scene->items->len; i++)
    {
      Item *item = &g_array_index (scene->items, Item, i);

      if (item->kind == BW_ELEMENT_DATA_FLOW && !build_flow_path (scene, item))
        {
          g_clear_pointer (&item->path, g_array_unref);
          item->is_line = FALSE;
        }
      if (item->path != NULL && item->path->len > 0)
        {
          gboolean have = FALSE;

          for (guint k = 0; k < item->path->len; k++)
            {
              BwVec p = g_array_index (item->path, BwVec, k);
              BwRect r = { p.x, p.y, 0, 0 };

              rect_union (&item->bbox, &have, &r);
            }
        }
    }

  for (guint i = 0; i < scene->items->len; i++)
    {
      Item *item = &g_array_index (scene->items, Item, i);

      if (item->is_node)
        layout_node (scene, item);
      else if (item->kind == BW_ELEMENT_TRUST_BOUNDARY && item->is_line)
        layout_line_boundary (scene, item);
      else if (item->kind == BW_ELEMENT_TRUST_BOUNDARY)
        layout_box_boundary (scene, item);
    }
  for (guint i = 0; i < scene->items->len; i++)
    {
      Item *item = &g_array_index (scene->items, Item, i);

      if (item->kind == BW_ELEMENT_DATA_FLOW && item->path != NULL)
        layout_flow (scene, item);
    }
  return g_steal_pointer (&scene);
}

/* Drawing */

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
draw_node (cairo_t       *cr,
           const Palette *palette,
           const Item    *item)
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
  if (item->shape == SHAPE_STORE)
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

  if (item->label != NULL)
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
      double r = MIN (radius, MIN (vec_distance (prev, corner), vec_distance (corner, next)) / 2);
      BwVec a = vec_lerp (corner, prev, r / MAX (vec_distance (prev, corner), 1e-9));
      BwVec b = vec_lerp (corner, next, r / MAX (vec_distance (corner, next), 1e-9));

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
  BwVec normal = vec (-dir.y, dir.x);
  BwVec base = vec (tip.x - dir.x * ARROW_LENGTH, tip.y - dir.y * ARROW_LENGTH);
  BwVec notch = vec (tip.x - dir.x * ARROW_LENGTH * 0.72, tip.y - dir.y * ARROW_LENGTH * 0.72);

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

      if (vec_distance (p, tip) > 1e-6)
        return vec_direction (p, tip);
    }
  return vec (1, 0);
}

static void
flow_ends (const Item *item,
           BwVec      *start,
           BwVec      *end,
           BwVec      *start_dir,
           BwVec      *end_dir)
{
  *start = g_array_index (item->path, BwVec, 0);
  *end = g_array_index (item->path, BwVec, item->path->len - 1);
  *start_dir = tip_direction (item->path, TRUE);
  *end_dir = tip_direction (item->path, FALSE);
}

static void
draw_flow_line (cairo_t       *cr,
                const Palette *palette,
                const Item    *item,
                gboolean       selected)
{
  BwVec start, end, start_dir, end_dir, line_start, line_end;
  guint32 colour = item->out_of_scope ? palette->muted_stroke : palette->flow;

  flow_ends (item, &start, &end, &start_dir, &end_dir);
  line_start = start;
  line_end = end;
  if (item->head_at_end)
    line_end = vec (end.x - end_dir.x * ARROW_LENGTH * 0.72, end.y - end_dir.y * ARROW_LENGTH * 0.72);
  if (item->head_at_start)
    line_start = vec (start.x - start_dir.x * ARROW_LENGTH * 0.72,
                      start.y - start_dir.y * ARROW_LENGTH * 0.72);

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
draw_boundary (cairo_t       *cr,
               const Palette *palette,
               const Item    *item,
               gboolean       selected)
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
draw_label (cairo_t       *cr,
            const Palette *palette,
            const Item    *item)
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
  draw_handle (cr, palette, vec (r->x, r->y));
  draw_handle (cr, palette, vec (r->x + r->width, r->y));
  draw_handle (cr, palette, vec (r->x, r->y + r->height));
  draw_handle (cr, palette, vec (r->x + r->width, r->y + r->height));
}

static void
draw_selection (cairo_t       *cr,
                const Palette *palette,
                const Item    *item)
{
  if (item->is_node)
    {
      BwRect frame = rect_grow (&item->rect, SELECTION_GAP);

      set_source (cr, palette->accent, 1);
      cairo_set_line_width (cr, SELECTION_LINE);
      if (item->shape == SHAPE_RECT || item->shape == SHAPE_STORE)
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

void
bw_painter_draw_diagram (cairo_t              *cr,
                         BwProject            *project,
                         const char           *diagram_id,
                         const BwPaintOptions *options)
{
  static const BwPaintOptions defaults = { 0 };
  g_autoptr(Scene) scene = NULL;
  const Palette *palette;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BW_IS_PROJECT (project));
  g_return_if_fail (diagram_id != NULL);

  if (options == NULL)
    options = &defaults;
  palette = options->dark ? &dark_palette : &light_palette;
  scene = scene_new (project, diagram_id);

  cairo_save (cr);
  if (options->background)
    {
      set_source (cr, palette->background, 1);
      cairo_paint (cr);
    }

  /* Shapes in file order, then all text on top so no line crosses a
   * name, then the selection so its handles are never hidden. */
  for (guint i = 0; i < scene->items->len; i++)
    {
      const Item *item = &g_array_index (scene->items, Item, i);
      gboolean selected = is_selected (options, item->element);

      if (item->kind == BW_ELEMENT_TRUST_BOUNDARY)
        draw_boundary (cr, palette, item, selected);
      else if (item->kind == BW_ELEMENT_DATA_FLOW && item->path != NULL)
        draw_flow_line (cr, palette, item, selected);
      else if (item->is_node)
        draw_node (cr, palette, item);
    }
  for (guint i = 0; i < scene->items->len; i++)
    {
      const Item *item = &g_array_index (scene->items, Item, i);

      if (!item->is_node)
        draw_label (cr, palette, item);
    }
  for (guint i = 0; i < scene->items->len; i++)
    {
      const Item *item = &g_array_index (scene->items, Item, i);

      if (is_selected (options, item->element))
        draw_selection (cr, palette, item);
    }
  cairo_restore (cr);
}

gboolean
bw_painter_get_diagram_extents (BwProject  *project,
                                const char *diagram_id,
                                BwRect     *extents)
{
  g_autoptr(Scene) scene = NULL;
  BwRect acc = { 0 };
  gboolean have = FALSE;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (diagram_id != NULL, FALSE);
  g_return_val_if_fail (extents != NULL, FALSE);

  scene = scene_new (project, diagram_id);
  for (guint i = 0; i < scene->items->len; i++)
    {
      const Item *item = &g_array_index (scene->items, Item, i);

      if (item->path != NULL)
        {
          /* Wide enough for arrowheads and selection handles. */
          double pad = MAX (ARROW_HALF_WIDTH, HANDLE_SIZE / 2) + 1;

          for (guint k = 0; k < item->path->len; k++)
            {
              BwVec p = g_array_index (item->path, BwVec, k);
              BwRect r = { p.x - pad, p.y - pad, 2 * pad, 2 * pad };

              rect_union (&acc, &have, &r);
            }
        }
      else if (!item->is_line && item->kind != BW_ELEMENT_DATA_FLOW)
        {
          BwRect r = rect_grow (&item->rect, SELECTION_GAP + HANDLE_SIZE / 2 + 1);

          rect_union (&acc, &have, &r);
        }
      if (item->label != NULL && !item->is_node)
        rect_union (&acc, &have, &item->label_rect);
    }
  *extents = acc;
  return have;
}
