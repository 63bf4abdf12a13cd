/* bw-attack-tree-painter.c — draws a laid-out attack tree with cairo
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Graphviz places the nodes (bw-graphviz.c); this draws them natively so
 * the app's tree is interactive and looks like the rest of the app.  The
 * shapes are those of the Graphviz export: OR an ellipse, AND a box with a
 * double border, SAND an arrow-shaped box with numbered children, a leaf a
 * rounded box, a countermeasure a green octagon (dashed when planned)
 * linked by a barred line.  The layout gives every node the size measured
 * here for its text (bw_tree_text_measure_node), in points at 72 dpi as
 * Graphviz counts, so the text always fits its shape.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "bw-attack-tree-painter.h"

typedef struct
{
  double r, g, b;
} Rgb;

typedef struct
{
  Rgb background, fill, leaf_fill, stroke, text, muted, edge, defence, defence_fill, value, highlight, selection;
} Palette;

static const Palette light = {
  { 1, 1, 1 }, { 1, 1, 1 }, { 0.965, 0.961, 0.957 }, { 0.239, 0.220, 0.275 }, { 0.141, 0.122, 0.192 },
  { 0.369, 0.361, 0.392 }, { 0.369, 0.361, 0.392 }, { 0.180, 0.490, 0.196 }, { 0.894, 0.953, 0.910 },
  { 0.110, 0.443, 0.847 }, { 0.902, 0.380, 0 }, { 0.208, 0.518, 0.894 },
};

static const Palette dark = {
  { 0.141, 0.141, 0.141 }, { 0.188, 0.188, 0.188 }, { 0.227, 0.227, 0.227 }, { 0.871, 0.867, 0.855 },
  { 1, 1, 1 }, { 0.753, 0.749, 0.737 }, { 0.600, 0.600, 0.600 }, { 0.341, 0.890, 0.537 },
  { 0.149, 0.290, 0.192 }, { 0.600, 0.757, 0.945 }, { 1, 0.639, 0.282 }, { 0.471, 0.682, 0.929 },
};

static void
set_rgb (cairo_t   *cr,
         const Rgb *c)
{
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
}

static void
index_nodes (GHashTable   *nodes,
             BwAttackNode *node,
             guint         depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };
  const char *id = bw_record_get_id (BW_RECORD (node));

  if (depth > 10000 || id == NULL)
    return;
  g_hash_table_insert (nodes, (gpointer) id, node);
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

        index_nodes (nodes, child, depth + 1);
      }
}

static void
shape_path (cairo_t                *cr,
            const BwTreeLayoutNode *n)
{
  double x = n->x - n->width / 2, y = n->y - n->height / 2, w = n->width, h = n->height;

  cairo_new_path (cr);
  if (n->countermeasure)
    {
      double c = MIN (h * 0.3, w * 0.15);

      cairo_move_to (cr, x + c, y);
      cairo_line_to (cr, x + w - c, y);
      cairo_line_to (cr, x + w, y + c);
      cairo_line_to (cr, x + w, y + h - c);
      cairo_line_to (cr, x + w - c, y + h);
      cairo_line_to (cr, x + c, y + h);
      cairo_line_to (cr, x, y + h - c);
      cairo_line_to (cr, x, y + c);
      cairo_close_path (cr);
    }
  else if (g_strcmp0 (n->gate, "or") == 0)
    {
      cairo_save (cr);
      cairo_translate (cr, n->x, n->y);
      cairo_scale (cr, w / 2, h / 2);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
    }
  else if (g_strcmp0 (n->gate, "sand") == 0)
    {
      double tip = MIN (h / 2, w * 0.12);

      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + w - tip, y);
      cairo_line_to (cr, x + w, y + h / 2);
      cairo_line_to (cr, x + w - tip, y + h);
      cairo_line_to (cr, x, y + h);
      cairo_close_path (cr);
    }
  else if (g_strcmp0 (n->gate, "and") == 0)
    cairo_rectangle (cr, x, y, w, h);
  else
    {
      double r = MIN (8.0, h / 2);

      cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
      cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
      cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
      cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
      cairo_close_path (cr);
    }
}

static const char *
gate_tag (BwAttackNode *node,
          gboolean      countermeasure)
{
  const char *gate = bw_attack_node_get_gate (node);

  if (countermeasure)
    return bw_attack_node_get_implemented (node) == 1 ? _("IN PLACE") : _("PLANNED");
  if (g_strcmp0 (gate, "or") == 0)
    return "OR";
  if (g_strcmp0 (gate, "and") == 0)
    return "AND";
  if (g_strcmp0 (gate, "sand") == 0)
    return "SAND \342\206\222";
  return NULL;
}

static void
append_colour (GString   *out,
               const Rgb *c)
{
  g_string_append_printf (out, "#%02x%02x%02x", (int) (c->r * 255), (int) (c->g * 255), (int) (c->b * 255));
}

/* The node's text as Pango markup: its gate and ID small, its label
 * wrapped as in the Graphviz export, and its values small. */
static char *
node_markup (BwAttackNode         *node,
             gboolean              countermeasure,
             const BwAttackValues *values,
             const Palette        *p)
{
  g_autoptr(GString) markup = g_string_new ("<span size='8192' foreground='");
  g_autofree char *wrapped = bw_graphviz_wrap_label (bw_attack_node_get_label (node));
  g_autofree char *label = g_markup_escape_text (wrapped, -1);
  g_autofree char *id = g_markup_escape_text (bw_record_get_id (BW_RECORD (node)), -1);
  const char *tag = gate_tag (node, countermeasure);

  append_colour (markup, &p->muted);
  g_string_append_printf (markup, "'>%s%s%s</span>\n%s", tag ? tag : "", tag ? " \302\267 " : "", id, label);
  if (values != NULL)
    {
      gboolean first = TRUE;

      g_string_append (markup, "\n<span size='8192' foreground='");
      append_colour (markup, &p->value);
      g_string_append (markup, "'>");
      for (guint a = 0; a < BW_ATTACK_N_ATTRS; a++)
        {
          static const char *prefix[BW_ATTACK_N_ATTRS] = { "cost ", "", "skill ", "", "p " };
          g_autofree char *text = NULL;

          if (!bw_attack_values_known (values, a))
            continue;
          text = bw_attack_values_format (values, a);
          g_string_append_printf (markup, "%s%s%s%s", first ? "" : " \302\267 ", prefix[a], text,
                                  a == BW_ATTACK_ATTR_TIME_H ? " h" : "");
          first = FALSE;
        }
      if (first)
        g_string_append (markup, "?");
      g_string_append (markup, "</span>");
    }
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Graphviz measures in points at 72 dpi: so does the text here. */
static PangoLayout *
text_layout (PangoContext *context)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 11");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  return layout;
}

BwTreeTextMeasure *
bw_tree_text_measure_new (void)
{
  BwTreeTextMeasure *self = g_new0 (BwTreeTextMeasure, 1);
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  pango_cairo_context_set_resolution (context, 72);
  self->layout = text_layout (context);
  g_object_unref (context);
  return self;
}

void
bw_tree_text_measure_free (BwTreeTextMeasure *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->layout);
  g_free (self);
}

/**
 * bw_tree_text_measure_node:
 * @self: a measure
 * @node: the node
 * @countermeasure: whether it is a countermeasure
 * @values: (nullable): the values shown on it
 * @width: (out): the width its shape needs, in points
 * @height: (out): the height
 *
 * The size of the node as the painter draws it, for the layout.
 */
void
bw_tree_text_measure_node (BwTreeTextMeasure    *self,
                           BwAttackNode         *node,
                           gboolean              countermeasure,
                           const BwAttackValues *values,
                           double               *width,
                           double               *height)
{
  g_autofree char *markup = node_markup (node, countermeasure, values, &light);
  const char *gate = bw_attack_node_get_gate (node);
  int w, h;

  pango_layout_set_markup (self->layout, markup, -1);
  pango_layout_get_pixel_size (self->layout, &w, &h);
  if (countermeasure)
    {
      *width = w + 36;
      *height = h + 14;
    }
  else if (g_strcmp0 (gate, "or") == 0)
    {
      /* The ellipse around a box of w × h is √2 times as large. */
      *width = w * G_SQRT2 + 8;
      *height = h * G_SQRT2 + 4;
    }
  else if (g_strcmp0 (gate, "sand") == 0)
    {
      *width = w + 24 + MIN ((h + 12) / 2.0, (w + 24) * 0.14);
      *height = h + 12;
    }
  else if (g_strcmp0 (gate, "and") == 0)
    {
      *width = w + 28;
      *height = h + 18;
    }
  else
    {
      *width = w + 20;
      *height = h + 12;
    }
}

static void
draw_text (cairo_t                *cr,
           PangoLayout            *layout,
           const BwTreeLayoutNode *n,
           BwAttackNode           *node,
           const BwAttackValues   *values,
           const Palette          *p)
{
  g_autofree char *markup = NULL;
  int width, height;

  if (node == NULL)
    return;
  markup = node_markup (node, n->countermeasure, values, p);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_size (layout, &width, &height);
  set_rgb (cr, &p->text);
  cairo_move_to (cr, n->x - width / 2.0, n->y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
edge_path (cairo_t                *cr,
           const BwTreeLayoutEdge *e)
{
  const BwGraphPoint *pts = (const BwGraphPoint *) e->points->data;

  cairo_new_path (cr);
  if (e->points->len == 0)
    return;
  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint i = 1; i + 2 < e->points->len; i += 3)
    cairo_curve_to (cr, pts[i].x, pts[i].y, pts[i + 1].x, pts[i + 1].y, pts[i + 2].x, pts[i + 2].y);
  if (e->has_arrow)
    cairo_line_to (cr, e->arrow_tip.x, e->arrow_tip.y);
}

/* The point halfway along an edge's spline, by length. */
static void
edge_middle (const BwTreeLayoutEdge *e,
             double                 *mx,
             double                 *my)
{
  const BwGraphPoint *pts = (const BwGraphPoint *) e->points->data;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (BwGraphPoint));
  double total = 0, walked = 0;

  for (guint i = 0; i + 3 < e->points->len; i += 3)
    for (guint k = (i == 0 ? 0 : 1); k <= 16; k++)
      {
        double t = k / 16.0, u = 1 - t;
        BwGraphPoint b = {
          u * u * u * pts[i].x + 3 * u * u * t * pts[i + 1].x + 3 * u * t * t * pts[i + 2].x + t * t * t * pts[i + 3].x,
          u * u * u * pts[i].y + 3 * u * u * t * pts[i + 1].y + 3 * u * t * t * pts[i + 2].y + t * t * t * pts[i + 3].y,
        };

        g_array_append_val (samples, b);
      }
  *mx = pts[0].x;
  *my = pts[0].y;
  for (guint i = 1; i < samples->len; i++)
    total += hypot (g_array_index (samples, BwGraphPoint, i).x - g_array_index (samples, BwGraphPoint, i - 1).x,
                    g_array_index (samples, BwGraphPoint, i).y - g_array_index (samples, BwGraphPoint, i - 1).y);
  for (guint i = 1; i < samples->len; i++)
    {
      const BwGraphPoint *a = &g_array_index (samples, BwGraphPoint, i - 1);
      const BwGraphPoint *b = &g_array_index (samples, BwGraphPoint, i);

      walked += hypot (b->x - a->x, b->y - a->y);
      if (walked >= total / 2)
        {
          *mx = b->x;
          *my = b->y;
          return;
        }
    }
}

/* A bar across the end: the countermeasure blocks the attack. */
static void
draw_tee (cairo_t                *cr,
          const BwTreeLayoutEdge *e)
{
  const BwGraphPoint *last = &g_array_index (e->points, BwGraphPoint, e->points->len - 1);
  BwGraphPoint tip = e->has_arrow ? e->arrow_tip : *last;
  double dx = tip.x - last->x, dy = tip.y - last->y, len = hypot (dx, dy);

  if (len < 0.01 && e->points->len >= 2)
    {
      const BwGraphPoint *before = &g_array_index (e->points, BwGraphPoint, e->points->len - 2);

      dx = tip.x - before->x;
      dy = tip.y - before->y;
      len = hypot (dx, dy);
    }
  if (len < 0.01)
    return;
  dx /= len;
  dy /= len;
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, tip.x - dy * 6 - dx * 2, tip.y + dx * 6 - dy * 2);
  cairo_line_to (cr, tip.x + dy * 6 - dx * 2, tip.y - dx * 6 - dy * 2);
  cairo_stroke (cr);
}

/* The highlighted leaves and every node above them. */
static GHashTable *
highlighted_nodes (BwTreeLayout       *layout,
                   const char * const *leaves)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parent = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < layout->edges->len; i++)
    {
      BwTreeLayoutEdge *e = layout->edges->pdata[i];

      g_hash_table_insert (parent, e->target, e->source);
    }
  for (guint i = 0; leaves != NULL && leaves[i] != NULL; i++)
    {
      const char *id = leaves[i];
      guint guard = 0;

      while (id != NULL && guard++ < 100000 && !g_hash_table_contains (set, id))
        {
          g_hash_table_add (set, (gpointer) id);
          id = g_hash_table_lookup (parent, id);
        }
    }
  return set;
}

void
bw_attack_tree_paint (cairo_t                  *cr,
                      BwAttackTree             *tree,
                      BwTreeLayout             *layout,
                      const BwTreePaintOptions *options)
{
  BwTreePaintOptions defaults = { 0 };
  const Palette *p;
  g_autoptr(GHashTable) nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) lit = NULL;
  g_autoptr(PangoLayout) text = NULL;
  gboolean show_text;
  double clip_x1, clip_y1, clip_x2, clip_y2;
  const char *root_id;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (BW_IS_ATTACK_TREE (tree));
  g_return_if_fail (layout != NULL);

  if (options == NULL)
    options = &defaults;
  p = options->dark ? &dark : &light;
  root_id = bw_record_get_id (BW_RECORD (bw_attack_tree_get_root (tree)));
  index_nodes (nodes, bw_attack_tree_get_root (tree), 0);
  lit = highlighted_nodes (layout, options->highlight);
  cairo_clip_extents (cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);

  cairo_save (cr);
  if (options->background)
    {
      set_rgb (cr, &p->background);
      cairo_paint (cr);
    }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout->edges->len; i++)
    {
      BwTreeLayoutEdge *e = layout->edges->pdata[i];
      const BwTreeLayoutNode *target = bw_tree_layout_find (layout, e->target);
      gboolean on_path = g_hash_table_contains (lit, e->source) && g_hash_table_contains (lit, e->target);
      static const double dash[] = { 5, 4 };
      double x1, y1, x2, y2;

      edge_path (cr, e);
      cairo_path_extents (cr, &x1, &y1, &x2, &y2);
      if (x2 < clip_x1 || x1 > clip_x2 || y2 < clip_y1 - 20 || y1 > clip_y2 + 20)
        continue;
      cairo_set_line_width (cr, on_path ? 3.0 : e->defence ? 1.4 : 1.0);
      set_rgb (cr, on_path ? &p->highlight : e->defence ? &p->defence : &p->edge);
      if (e->defence && target != NULL && target->implemented != 1)
        cairo_set_dash (cr, dash, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
      if (e->defence)
        draw_tee (cr, e);
      if (e->order > 0 && e->points->len >= 4)
        {
          double mx, my;
          g_autofree char *number = g_strdup_printf ("%d", e->order);
          cairo_text_extents_t ext;

          edge_middle (e, &mx, &my);
          cairo_set_font_size (cr, 10);
          cairo_text_extents (cr, number, &ext);
          set_rgb (cr, &p->background);
          cairo_arc (cr, mx, my, 7, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          set_rgb (cr, on_path ? &p->highlight : &p->edge);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          set_rgb (cr, &p->text);
          cairo_move_to (cr, mx - ext.x_advance / 2, my + ext.height / 2);
          cairo_show_text (cr, number);
        }
    }
  cairo_set_dash (cr, NULL, 0, 0);

  {
    PangoContext *context = pango_cairo_create_context (cr);

    pango_cairo_context_set_resolution (context, 72);
    text = text_layout (context);
    g_object_unref (context);
  }
  /* Text too small to read is left out: a whole large tree at once. */
  {
    double dx = 1, dy = 0;

    cairo_user_to_device_distance (cr, &dx, &dy);
    show_text = hypot (dx, dy) * 11 >= 4;
  }

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      const BwTreeLayoutNode *n = layout->nodes->pdata[i];
      BwAttackNode *node = g_hash_table_lookup (nodes, n->id);
      gboolean selected = options->selection != NULL && g_strv_contains (options->selection, n->id);
      gboolean on_path = g_hash_table_contains (lit, n->id);
      static const double dash[] = { 5, 4 };
      const BwAttackValues *values = NULL;

      if (n->x + n->width / 2 < clip_x1 || n->x - n->width / 2 > clip_x2 ||
          n->y + n->height / 2 < clip_y1 || n->y - n->height / 2 > clip_y2)
        continue;

      shape_path (cr, n);
      set_rgb (cr, n->countermeasure ? &p->defence_fill : g_strcmp0 (n->gate, "leaf") == 0 ? &p->leaf_fill : &p->fill);
      cairo_fill_preserve (cr);
      set_rgb (cr, n->countermeasure ? &p->defence : &p->stroke);
      cairo_set_line_width (cr, g_strcmp0 (root_id, n->id) == 0 ? 2.0 : 1.0);
      if (n->countermeasure && n->implemented != 1)
        cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* The AND's second border: shape, not colour, tells gates apart. */
      if (!n->countermeasure && g_strcmp0 (n->gate, "and") == 0)
        {
          set_rgb (cr, &p->stroke);
          cairo_rectangle (cr, n->x - n->width / 2 + 4, n->y - n->height / 2 + 4, n->width - 8, n->height - 8);
          cairo_stroke (cr);
        }

      if (on_path || selected)
        {
          shape_path (cr, n);
          set_rgb (cr, selected ? &p->selection : &p->highlight);
          cairo_set_line_width (cr, 3.0);
          cairo_stroke (cr);
        }

      if (options->eval != NULL)
        values = bw_attack_eval_get (options->eval, n->id, options->view);
      if (show_text)
        draw_text (cr, text, n, node, values, p);
    }
  cairo_restore (cr);
}

const char *
bw_tree_layout_node_at (BwTreeLayout *layout,
                        double        x,
                        double        y)
{
  g_return_val_if_fail (layout != NULL, NULL);

  /* Last drawn is on top. */
  for (guint i = layout->nodes->len; i > 0; i--)
    {
      BwTreeLayoutNode *n = layout->nodes->pdata[i - 1];

      if (fabs (x - n->x) <= n->width / 2 && fabs (y - n->y) <= n->height / 2)
        return n->id;
    }
  return NULL;
}
