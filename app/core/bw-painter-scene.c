/* bw-painter-scene.c — a diagram laid out for painting (private to the painter)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Turns a diagram's elements into positioned items once, so the canvas,
 * the exports and the extents all see the same shapes, the same clipped
 * flows and the same label spots.  Text is measured with unhinted metrics
 * so the layout does not depend on the surface it is later drawn on.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "bw-open-threats.h"
#include "bw-painter-badges.h"
#include "bw-painter-scene.h"

#define NODE_FONT        "Cantarell, Sans 10"
#define FLOW_FONT        "Cantarell, Sans 8.5"
#define BOUNDARY_FONT    "Cantarell, Sans Bold 8.5"

#define LABEL_MAX_WIDTH  132.0
#define HALO_PAD_X       4.0
#define HALO_PAD_Y       1.5
#define ROUND_RATIO      0.8 /* a process this close to square is a circle */

static void
item_clear (gpointer data)
{
  BwPainterItem *item = data;

  g_clear_pointer (&item->path, g_array_unref);
  g_clear_pointer (&item->bends, g_array_unref);
  g_clear_object (&item->label);
  g_clear_object (&item->badge);
}

void
bw_painter_scene_free (BwPainterScene *scene)
{
  g_clear_pointer (&scene->nodes, g_hash_table_unref);
  g_clear_pointer (&scene->layouts, g_hash_table_unref);
  g_clear_pointer (&scene->badge_images, g_hash_table_unref);
  g_clear_pointer (&scene->items, g_array_unref);
  g_clear_pointer (&scene->elements, g_ptr_array_unref);
  g_clear_object (&scene->context);
  g_free (scene);
}

static const BwVec *
path_points (GArray *path)
{
  return (const BwVec *) (gpointer) path->data;
}

/* Nodes */

static BwPainterShape
node_shape_for (BwElementKind  kind,
                const BwRect  *r)
{
  switch (kind)
    {
    case BW_ELEMENT_PROCESS:
      if (MIN (r->width, r->height) >= ROUND_RATIO * MAX (r->width, r->height))
        return BW_PAINTER_SHAPE_ELLIPSE;
      return BW_PAINTER_SHAPE_STADIUM;
    case BW_ELEMENT_DATA_STORE:
      return BW_PAINTER_SHAPE_STORE;
    case BW_ELEMENT_EXTERNAL_ENTITY:
    case BW_ELEMENT_DATA_FLOW:
    case BW_ELEMENT_TRUST_BOUNDARY:
    default:
      return BW_PAINTER_SHAPE_RECT;
    }
}

static gboolean
node_contains (BwPainterShape  shape,
               const BwRect   *r,
               BwVec           p)
{
  BwVec c = bw_rect_get_centre (r);

  switch (shape)
    {
    case BW_PAINTER_SHAPE_ELLIPSE:
      {
        double rx = MAX (r->width / 2, 1e-6), ry = MAX (r->height / 2, 1e-6);
        double dx = (p.x - c.x) / rx, dy = (p.y - c.y) / ry;

        return dx * dx + dy * dy <= 1;
      }
    case BW_PAINTER_SHAPE_STADIUM:
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
    case BW_PAINTER_SHAPE_RECT:
    case BW_PAINTER_SHAPE_STORE:
    default:
      return bw_rect_contains_point (r, p.x, p.y);
    }
}

/* The part of the node where its name fits without touching the outline. */
static BwRect
node_text_area (BwPainterShape  shape,
                const BwRect   *r)
{
  double inset_x = 8, inset_y = 5;

  switch (shape)
    {
    case BW_PAINTER_SHAPE_ELLIPSE:
      /* The rectangle inscribed in an ellipse is 1/√2 of its size. */
      inset_x = r->width * (1 - G_SQRT2 / 2) / 2 + 4;
      inset_y = r->height * (1 - G_SQRT2 / 2) / 2 + 2;
      break;
    case BW_PAINTER_SHAPE_STADIUM:
      if (r->width >= r->height)
        inset_x = r->height * 0.3 + 4;
      else
        inset_y = r->width * 0.3 + 4;
      break;
    case BW_PAINTER_SHAPE_STORE:
      inset_y = 6;
      break;
    case BW_PAINTER_SHAPE_RECT:
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

/* Shaping text is most of the cost of a layout; a scene built to replace
 * another (a view redrawing after an edit) takes the layouts of unchanged
 * labels over from it. `key` holds everything that shapes the text. */
static PangoLayout *
reuse_layout (BwPainterScene *scene,
              const char     *key)
{
  PangoLayout *layout;

  if (scene->reuse == NULL || (layout = g_hash_table_lookup (scene->reuse, key)) == NULL)
    return NULL;
  g_hash_table_replace (scene->layouts, g_strdup (key), g_object_ref (layout));
  return g_object_ref (layout);
}

static void
remember_layout (BwPainterScene *scene,
                 const char     *key,
                 PangoLayout    *layout)
{
  g_hash_table_replace (scene->layouts, g_strdup (key), g_object_ref (layout));
}

/* Labels of nodes and boundaries */

static void
layout_node (BwPainterScene *scene,
             BwPainterItem  *item)
{
  const char *name = bw_element_get_name (item->element);
  BwRect area = node_text_area (item->shape, &item->rect);
  PangoRectangle logical;

  g_autofree char *key = NULL;

  if (name == NULL || *name == '\0')
    return;
  key = g_strdup_printf ("node|%d|%d|%d|%s", item->out_of_scope,
                         (int) (area.width * PANGO_SCALE), (int) (area.height * PANGO_SCALE), name);
  if ((item->label = reuse_layout (scene, key)) == NULL)
    {
      item->label = create_layout (scene->context, NODE_FONT, item->out_of_scope, name);
      pango_layout_set_alignment (item->label, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (item->label, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (item->label, (int) (area.width * PANGO_SCALE));
      pango_layout_set_height (item->label, (int) (area.height * PANGO_SCALE));
      remember_layout (scene, key, item->label);
    }
  pango_layout_get_extents (item->label, NULL, &logical);
  item->label_origin = (BwVec) {
    area.x,
    area.y + (area.height - (double) logical.height / PANGO_SCALE) / 2 - (double) logical.y / PANGO_SCALE,
  };
}

static void
layout_box_boundary (BwPainterScene *scene,
                     BwPainterItem  *item)
{
  const char *name = bw_element_get_name (item->element);
  PangoRectangle logical;
  double max_width = item->rect.width - 2 * BOUNDARY_RADIUS;

  g_autofree char *key = NULL;

  if (name == NULL || *name == '\0' || max_width < 12)
    return;
  key = g_strdup_printf ("box|%d|%s", (int) (max_width * PANGO_SCALE), name);
  if ((item->label = reuse_layout (scene, key)) == NULL)
    {
      item->label = create_layout (scene->context, BOUNDARY_FONT, FALSE, name);
      pango_layout_set_ellipsize (item->label, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (item->label, (int) (max_width * PANGO_SCALE));
      remember_layout (scene, key, item->label);
    }
  pango_layout_get_extents (item->label, NULL, &logical);
  /* Inside the top-left corner, clear of the dashed line. */
  item->label_rect = (BwRect) {
    item->rect.x + BOUNDARY_RADIUS - HALO_PAD_X, item->rect.y + 6,
    (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X,
    (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y,
  };
  item->label_origin = (BwVec) {
    item->label_rect.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
    item->label_rect.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE,
  };
}

static void
layout_line_boundary (BwPainterScene *scene,
                      BwPainterItem  *item)
{
  const char *name = bw_element_get_name (item->element);
  PangoRectangle logical;
  const BwVec *points;
  BwVec mid, along, normal;
  double w, h, offset;

  g_autofree char *key = NULL;

  if (name == NULL || *name == '\0' || item->path->len < 2)
    return;
  key = g_strconcat ("line|", name, NULL);
  if ((item->label = reuse_layout (scene, key)) == NULL)
    {
      item->label = create_layout (scene->context, BOUNDARY_FONT, FALSE, name);
      remember_layout (scene, key, item->label);
    }
  pango_layout_get_extents (item->label, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X;
  h = (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y;

  /* Beside the middle of the first segment, on its upper (or right) side,
   * far enough that the text never sits on the dashes. */
  points = path_points (item->path);
  mid = bw_vec_lerp (&points[0], &points[1], 0.5);
  along = bw_vec_direction (&points[0], &points[1]);
  normal = (BwVec) { along.y, -along.x };
  if (normal.y > 0 || (normal.y == 0 && normal.x < 0))
    normal = (BwVec) { -normal.x, -normal.y };
  offset = fabs (normal.x) * w / 2 + fabs (normal.y) * h / 2 + 4;
  item->label_rect = (BwRect) {
    mid.x + normal.x * offset - w / 2, mid.y + normal.y * offset - h / 2, w, h,
  };
  item->label_origin = (BwVec) {
    item->label_rect.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
    item->label_rect.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE,
  };
}

/* Flow paths */

static const BwPainterItem *
scene_find_node (BwPainterScene *scene,
                 const char     *id)
{
  guint index;

  if (id == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (scene->nodes, id));
  if (index == 0)
    return NULL;
  return &g_array_index (scene->items, BwPainterItem, index - 1);
}

/* Where the path from inside `node` to the outside point `outside`
 * crosses the node's outline; bisection works for every shape. */
static BwVec
node_exit_point (const BwPainterItem *node,
                 BwVec                inside,
                 BwVec                outside)
{
  for (guint i = 0; i < 40; i++)
    {
      BwVec mid = bw_vec_lerp (&inside, &outside, 0.5);

      if (node_contains (node->shape, &node->rect, mid))
        inside = mid;
      else
        outside = mid;
    }
  return outside;
}

/* Drops the part of the path inside `node`, starting from index 0. */
static void
clip_path_start (GArray              *path,
                 const BwPainterItem *node)
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
      dir = bw_vec_direction (&a, &b);
      /* A small gap keeps arrowheads off the outline's stroke. */
      if (bw_vec_distance (&exit, &b) > gap)
        exit = (BwVec) { exit.x + dir.x * gap, exit.y + dir.y * gap };
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

/* The flow's path (bw_geometry_dup_flow_path()) from outline to outline;
 * FALSE when it is not drawn: an end is not a node of this diagram, or
 * nothing is left outside the nodes. */
static gboolean
build_flow_path (BwPainterScene *scene,
                 BwProject      *project,
                 BwPainterItem  *item)
{
  const BwPainterItem *source = scene_find_node (scene, bw_element_get_source (item->element));
  const BwPainterItem *target = scene_find_node (scene, bw_element_get_target (item->element));

  if (source == NULL || target == NULL)
    return FALSE;
  item->path = bw_geometry_dup_flow_path (project, item->element);
  if (item->path == NULL)
    return FALSE;
  if (source != target)
    {
      clip_path_start (item->path, source);
      reverse_path (item->path);
      clip_path_start (item->path, target);
      reverse_path (item->path);
    }
  item->head_at_end = TRUE;
  item->head_at_start = bw_element_get_bidirectional (item->element);
  return bw_polyline_length (path_points (item->path), item->path->len) > 1e-6;
}

static const BwPainterItem *previous_item (BwPainterScene      *scene,
                                           const BwPainterItem *item);

static gboolean
same_node (const BwPainterItem *a,
           const BwPainterItem *b)
{
  return a != NULL && b != NULL && a->shape == b->shape && a->kind == b->kind &&
         memcmp (&a->rect, &b->rect, sizeof (BwRect)) == 0;
}

/* Clipping a route to the outlines is most of a layout's cost; a flow
 * whose ends and bends are where they were has the path it had. */
static gboolean
reuse_flow_path (BwPainterScene *scene,
                 BwPainterScene *previous,
                 BwPainterItem  *item)
{
  GArray *points = bw_element_get_points (item->element);
  const BwPainterItem *before;
  const char *source = bw_element_get_source (item->element);
  const char *target = bw_element_get_target (item->element);

  item->bends = g_array_copy (points);
  if (previous == NULL || (before = previous_item (scene, item)) == NULL || before->path == NULL ||
      before->bends == NULL || before->bends->len != points->len ||
      (points->len > 0 && memcmp (before->bends->data, points->data, points->len * sizeof (BwPoint)) != 0) ||
      before->head_at_start != bw_element_get_bidirectional (item->element) ||
      !same_node (scene_find_node (scene, source), scene_find_node (previous, source)) ||
      !same_node (scene_find_node (scene, target), scene_find_node (previous, target)))
    return FALSE;
  item->path = g_array_copy (before->path);
  item->head_at_end = TRUE;
  item->head_at_start = before->head_at_start;
  return TRUE;
}

/* Flow labels */

static double
polyline_hits (GArray       *path,
               const BwRect *r)
{
  double hits = 0;

  for (guint k = 1; path != NULL && k < path->len; k++)
    if (bw_segment_intersects_rect (&g_array_index (path, BwVec, k - 1),
                                    &g_array_index (path, BwVec, k), r))
      hits++;
  return hits;
}

/* How bad a spot is for a flow's name: covering a node, a label, another
 * line, its own bend or arrowhead. Areas count per square unit, crossings
 * as a fixed price. */
static double
label_cost (GPtrArray           *near,
            const BwPainterItem *self,
            const BwRect        *r,
            double               limit)
{
  BwRect around_heads = bw_rect_grow (r, ARROW_LENGTH);
  BwRect around_bends = bw_rect_grow (r, BEND_RADIUS);
  const BwVec *points = path_points (self->path);
  guint n = self->path->len;
  double cost = 0;

  /* A name next to a bend hides which way the line turns. */
  for (guint k = 1; k + 1 < n; k++)
    if (bw_rect_contains_point (&around_bends, points[k].x, points[k].y))
      cost += 150;
  if (bw_rect_contains_point (&around_heads, points[n - 1].x, points[n - 1].y) ||
      bw_rect_contains_point (&around_heads, points[0].x, points[0].y))
    cost += 300;

  /* Costs only grow: past `limit` the spot has lost already. */
  for (guint i = 0; i < near->len && cost < limit; i++)
    {
      const BwPainterItem *other = g_ptr_array_index (near, i);

      if (other->is_node)
        cost += 2 * bw_rect_overlap_area (r, &other->rect);
      else if (other->label != NULL)
        /* Labels placed so far: boundaries' and earlier flows'. */
        cost += 8 * bw_rect_overlap_area (r, &other->label_rect);

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
            if (bw_segment_intersects_rect (&corners[k], &corners[(k + 1) % 4], r))
              cost += 200;
        }
    }
  return cost;
}

/* Rebuilding after an edit (bw_painter_scene_new_from): a flow's label
 * spot depends only on the shapes within its reach and on the labels
 * placed before it. When none of those changed ("dirty" rectangles hold
 * the old and new places of everything that did), the spot it had is the
 * spot the search would find again; a drag then relays out a handful of
 * labels instead of all of them. */
static const BwPainterItem *
previous_item (BwPainterScene      *scene,
               const BwPainterItem *item)
{
  return scene->previous_items != NULL
           ? g_hash_table_lookup (scene->previous_items, item->element)
           : NULL;
}

static gboolean
paths_equal (GArray *a,
             GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->len == b->len && (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (BwVec)) == 0);
}

static gboolean
rects_equal (const BwRect *a,
             const BwRect *b)
{
  return memcmp (a, b, sizeof (BwRect)) == 0;
}

typedef struct
{
  BwRect  rect;
  GArray *path;   /* BwVec, borrowed from a live scene: lines are tested along their path */
} Dirty;

static void
add_dirty (BwPainterScene *scene,
           const BwRect   *rect,
           GArray         *path)
{
  Dirty dirty = { *rect, path };

  g_array_append_val (scene->dirty, dirty);
}

static gboolean
touches_dirty (BwPainterScene *scene,
               const BwRect   *reach)
{
  for (guint i = 0; i < scene->dirty->len; i++)
    {
      const Dirty *dirty = &g_array_index (scene->dirty, Dirty, i);

      if (!bw_rects_intersect (reach, &dirty->rect))
        continue;
      /* A long flow's box covers much that it does not touch. */
      if (dirty->path == NULL || dirty->path->len < 2)
        return TRUE;
      for (guint k = 0; k + 1 < dirty->path->len; k++)
        if (bw_segment_intersects_rect (&g_array_index (dirty->path, BwVec, k),
                                        &g_array_index (dirty->path, BwVec, k + 1), reach))
          return TRUE;
    }
  return FALSE;
}

static gboolean
reuse_flow_label (BwPainterScene *scene,
                  BwPainterItem  *item,
                  const BwRect   *reach)
{
  const BwPainterItem *before = previous_item (scene, item);

  if (before == NULL || before->label == NULL || before->label != item->label ||
      !paths_equal (before->path, item->path) || (!scene->quick && touches_dirty (scene, reach)))
    return FALSE;
  item->label_rect = before->label_rect;
  item->label_origin = before->label_origin;
  return TRUE;
}

static void
note_label_moved (BwPainterScene *scene,
                  BwPainterItem  *item,
                  const BwRect   *now)
{
  const BwPainterItem *before;

  if (scene->dirty == NULL)
    return;
  before = previous_item (scene, item);
  if (before != NULL && before->label != NULL && rects_equal (&before->label_rect, now))
    return;
  if (before != NULL && before->label != NULL)
    add_dirty (scene, &before->label_rect, NULL);
  add_dirty (scene, now, NULL);
}

/* Collects what changed since `previous` into scene->dirty. */
static void
collect_dirty (BwPainterScene *scene,
               BwPainterScene *previous)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < scene->items->len; i++)
    {
      const BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);
      const BwPainterItem *before = previous_item (scene, item);

      if (before != NULL)
        g_hash_table_add (seen, (gpointer) before);
      if (before != NULL && before->kind == item->kind &&
          before->out_of_scope == item->out_of_scope &&
          rects_equal (&before->bbox, &item->bbox) &&
          paths_equal (before->path, item->path) &&
          /* Flows get their labels later, in layout_flow(). */
          (item->kind == BW_ELEMENT_DATA_FLOW || (before->label == NULL) == (item->label == NULL)) &&
          (!item->is_node || item->label == before->label) &&
          (item->kind != BW_ELEMENT_TRUST_BOUNDARY || rects_equal (&before->label_rect, &item->label_rect)))
        continue;
      add_dirty (scene, &item->bbox, item->path);
      if (item->label != NULL && !item->is_node && item->kind == BW_ELEMENT_TRUST_BOUNDARY)
        add_dirty (scene, &item->label_rect, NULL);
      if (before != NULL)
        {
          add_dirty (scene, &before->bbox, before->path);
          if (before->label != NULL && !before->is_node)
            add_dirty (scene, &before->label_rect, NULL);
        }
    }
  /* What is gone leaves room. */
  for (guint i = 0; i < previous->items->len; i++)
    {
      const BwPainterItem *before = &g_array_index (previous->items, BwPainterItem, i);

      if (g_hash_table_contains (seen, before))
        continue;
      add_dirty (scene, &before->bbox, before->path);
      if (before->label != NULL && !before->is_node)
        add_dirty (scene, &before->label_rect, NULL);
    }
}

/* Names sit on their flow, halfway along; when that spot is taken by a
 * node, another label or another flow, slide along the line to the
 * nearest free spot. */
static void
layout_flow (BwPainterScene *scene,
             BwPainterItem  *item)
{
  static const double fractions[] = {
    0.5, 0.44, 0.56, 0.38, 0.62, 0.32, 0.68, 0.26, 0.74, 0.2, 0.8,
  };
  const char *name = bw_element_get_name (item->element);
  g_autoptr(GPtrArray) near = NULL;
  PangoRectangle logical;
  const BwVec *points;
  double w, h, length, best_cost = G_MAXDOUBLE;
  BwRect best = { 0 }, reach;
  g_autofree char *key = NULL;

  if (name == NULL || *name == '\0')
    return;
  key = g_strdup_printf ("flow|%d|%s", item->out_of_scope, name);
  if ((item->label = reuse_layout (scene, key)) == NULL)
    {
      item->label = create_layout (scene->context, FLOW_FONT, item->out_of_scope, name);
      pango_layout_set_alignment (item->label, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (item->label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (item->label, (int) (LABEL_MAX_WIDTH * PANGO_SCALE));
      remember_layout (scene, key, item->label);
    }
  pango_layout_get_extents (item->label, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE + 2 * HALO_PAD_X;
  h = (double) logical.height / PANGO_SCALE + 2 * HALO_PAD_Y;

  /* Only what a candidate spot can touch matters; on big diagrams that
   * is a handful of items instead of all of them. */
  reach = bw_rect_grow (&item->bbox, w + h + ARROW_LENGTH);
  if (reuse_flow_label (scene, item, &reach))
    return;
  near = g_ptr_array_new ();
  for (guint i = 0; i < scene->items->len; i++)
    {
      BwPainterItem *other = &g_array_index (scene->items, BwPainterItem, i);

      if (other != item &&
          (bw_rects_intersect (&reach, &other->bbox) ||
           (other->label != NULL && !other->is_node && bw_rects_intersect (&reach, &other->label_rect))))
        g_ptr_array_add (near, other);
    }

  /* On the line first; beside it (either side) when the line is too
   * short or too crowded for the name to sit on it. */
  points = path_points (item->path);
  length = bw_polyline_length (points, item->path->len);
  for (int side = 0; side < 3; side++)
    for (guint i = 0; i < G_N_ELEMENTS (fractions); i++)
      {
        BwVec dir, at, normal;
        BwRect r;
        double away, cost;
        double penalty = fabs (fractions[i] - 0.5) * 60 + (side == 0 ? 0 : 80);

        /* Spot costs are never negative, so a spot whose fixed penalty
         * alone reaches the best found cannot beat it: most names take
         * the first spot, halfway along. */
        if (penalty >= best_cost)
          continue;
        at = bw_polyline_point_at (points, item->path->len, length * fractions[i], &dir);
        normal = (BwVec) { -dir.y, dir.x };
        away = side == 0 ? 0 : (side == 1 ? 1 : -1) *
               (fabs (normal.x) * w / 2 + fabs (normal.y) * h / 2 + 3);
        r = (BwRect) { at.x + normal.x * away - w / 2, at.y + normal.y * away - h / 2, w, h };
        cost = label_cost (near, item, &r, best_cost - penalty) + penalty;

        if (cost < best_cost)
          {
            best_cost = cost;
            best = r;
          }
      }
  note_label_moved (scene, item, &best);
  item->label_rect = best;
  item->label_origin = (BwVec) {
    best.x + HALO_PAD_X - (double) logical.x / PANGO_SCALE,
    best.y + HALO_PAD_Y - (double) logical.y / PANGO_SCALE,
  };
}

/* The scene */

/* Items in file order, which is paint order; nodes are also indexed by
 * ID so flows can find the outlines they are clipped to. */
BwPainterScene *
bw_painter_scene_new (BwProject  *project,
                      const char *diagram_id)
{
  return bw_painter_scene_new_from (project, diagram_id, NULL);
}

BwPainterScene *
bw_painter_scene_new_quick (BwProject      *project,
                            const char     *diagram_id,
                            BwPainterScene *previous)
{
  g_return_val_if_fail (previous != NULL, NULL);

  previous->quick_next = TRUE;
  return bw_painter_scene_new_from (project, diagram_id, previous);
}

BwPainterScene *
bw_painter_scene_new_from (BwProject      *project,
                           const char     *diagram_id,
                           BwPainterScene *previous)
{
  g_autoptr(BwPainterScene) scene = g_new0 (BwPainterScene, 1);
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);
  g_autoptr(GHashTable) open_threats = NULL;

  scene->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (previous != NULL)
    {
      /* Layouts belong to their context: keep it. */
      scene->context = g_object_ref (previous->context);
      scene->reuse = previous->layouts;
      scene->quick = previous->quick_next;
      previous->quick_next = FALSE;
      scene->previous_items = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < previous->items->len; i++)
        {
          BwPainterItem *before = &g_array_index (previous->items, BwPainterItem, i);

          g_hash_table_insert (scene->previous_items, before->element, before);
        }
      scene->dirty = g_array_new (FALSE, FALSE, sizeof (Dirty));
    }
  else
    scene->context = create_pango_context ();
  scene->items = g_array_new (FALSE, TRUE, sizeof (BwPainterItem));
  g_array_set_clear_func (scene->items, item_clear);
  scene->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  if (elements == NULL)
    {
      scene->reuse = NULL;
      g_clear_pointer (&scene->previous_items, g_hash_table_unref);
      g_clear_pointer (&scene->dirty, g_array_unref);
      return g_steal_pointer (&scene);
    }

  open_threats = bw_open_threats_by_target (project);
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      BwPainterItem item = {
        .element = element,
        .kind = bw_element_get_kind_enum (element),
        .out_of_scope = bw_element_get_out_of_scope (element),
        .is_node = bw_element_is_node (element),
        .open_threats = GPOINTER_TO_UINT (g_hash_table_lookup (open_threats,
                                                               bw_record_get_id (BW_RECORD (element)))),
      };

      if (bw_element_is_line (element))
        {
          item.is_line = TRUE;
          item.path = bw_geometry_dup_line_points (element);
        }
      else if (item.kind == BW_ELEMENT_DATA_FLOW)
        item.is_line = TRUE;
      else
        {
          /* Nodes and box boundaries: always a rectangle. */
          bw_element_get_rect (element, &item.rect);
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
      BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (item->kind == BW_ELEMENT_DATA_FLOW && !reuse_flow_path (scene, previous, item) &&
          !build_flow_path (scene, project, item))
        {
          g_clear_pointer (&item->path, g_array_unref);
          item->is_line = FALSE;
        }
      for (guint k = 0; item->path != NULL && k < item->path->len; k++)
        {
          BwVec p = g_array_index (item->path, BwVec, k);
          BwRect r = { p.x, p.y, 0, 0 };

          item->bbox = k == 0 ? r : bw_rect_union (&item->bbox, &r);
        }
    }

  for (guint i = 0; i < scene->items->len; i++)
    {
      BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (item->is_node)
        layout_node (scene, item);
      else if (item->kind == BW_ELEMENT_TRUST_BOUNDARY && item->is_line)
        layout_line_boundary (scene, item);
      else if (item->kind == BW_ELEMENT_TRUST_BOUNDARY)
        layout_box_boundary (scene, item);
    }
  for (guint i = 0; i < scene->items->len; i++)
    {
      BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);
      char digits[8];
      g_autofree char *key = NULL;

      if (item->open_threats == 0)
        continue;
      _bw_painter_badge_text (item->open_threats, digits, sizeof digits);
      key = g_strconcat ("badge|", digits, NULL);
      if ((item->badge = g_hash_table_lookup (scene->layouts, key)) != NULL)
        g_object_ref (item->badge);
      else if ((item->badge = reuse_layout (scene, key)) == NULL)
        {
          item->badge = create_layout (scene->context, BW_PAINTER_BADGE_FONT, FALSE, digits);
          remember_layout (scene, key, item->badge);
        }
    }
  if (previous != NULL)
    collect_dirty (scene, previous);
  for (guint i = 0; i < scene->items->len; i++)
    {
      BwPainterItem *item = &g_array_index (scene->items, BwPainterItem, i);

      if (item->kind == BW_ELEMENT_DATA_FLOW && item->path != NULL)
        layout_flow (scene, item);
    }
  scene->reuse = NULL;
  g_clear_pointer (&scene->previous_items, g_hash_table_unref);
  g_clear_pointer (&scene->dirty, g_array_unref);
  return g_steal_pointer (&scene);
}
