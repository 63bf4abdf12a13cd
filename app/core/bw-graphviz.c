/* bw-graphviz.c — Graphviz in process: attack-tree graphs, layouts, exports
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The only file that includes <gvc.h> (ARCHITECTURE.md).  Graphs are
 * written as DOT text — the one place where user strings are escaped —
 * and read back with agmemread, so the DOT export is exactly what the
 * SVG, PNG and PDF exports render.  The app's own drawing (the painter)
 * needs only places: Graphviz then lays out boxes of the sizes the painter
 * measured, without labels, which is several times faster.  One GVC_t per process, made with gvContext(): PLATFORM.md records
 * that gvContextPlugins with built-ins segfaults without a plugin config.
 * Every layout is freed with gvFreeLayout and agclose.  Only the svg, png
 * and pdf renderers are ever asked for, never the window-system plugins
 * the Graphviz development package drags in (PLATFORM.md).
 *
 * Shapes tell gates apart without colour: an OR is an ellipse, an AND a
 * box with a double border, a SAND an arrow-shaped box whose children are
 * numbered, a leaf a rounded box; each inner node also names its gate.
 * Countermeasures are green octagons linked with a "tee" (a bar: it
 * blocks), solid when in place and dashed when planned.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gvc.h>
#include <glib/gi18n-lib.h>

#include "bw-attack-tree-painter.h"
#include "bw-graphviz.h"

G_DEFINE_QUARK (bw-graphviz-error-quark, bw_graphviz_error)

/* Graphviz keeps global state; one context, one caller at a time. */
static GMutex gv_lock;

static GVC_t *
get_context (void)
{
  static GVC_t *context;

  if (context == NULL)
    context = gvContext ();
  return context;
}

#define WRAP_COLUMNS 28

/* ---- Escaping -------------------------------------------------------------- */

char *
bw_graphviz_escape_html (const char *text)
{
  GString *out = g_string_new (NULL);

  if (text == NULL)
    return g_string_free (out, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      g_string_free (out, TRUE);
      return bw_graphviz_escape_html (valid);
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        /* Graphviz expands \N, \G, \L … even in HTML-like labels, and
         * (2.42) reads past the end of a run that ends in a backslash.  An
         * invisible word joiner after it keeps both from happening. */
        case '\\': g_string_append (out, "\\&#8288;"); break;
        case '\n': g_string_append (out, "<BR/>"); break;
        case '\t': g_string_append_c (out, ' '); break;
        default:
          if (c < 0x20 || c == 0x7f)
            break;
          if (c >= 0x80)
            g_string_append_printf (out, "&#%u;", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  return g_string_free (out, FALSE);
}

/* A DOT ID in double quotes: only the quote and the backslash are special. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n' || *p == '\r')
        continue;
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Breaks a label into lines of about WRAP_COLUMNS characters at spaces,
 * keeping the user's own line breaks. */
char *
bw_graphviz_wrap_label (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) words = g_strsplit (lines[l], " ", -1);
      glong column = 0;

      if (l > 0)
        g_string_append_c (out, '\n');
      for (guint w = 0; words[w] != NULL; w++)
        {
          glong len = g_utf8_strlen (words[w], -1);

          if (column > 0 && column + 1 + len > WRAP_COLUMNS)
            {
              g_string_append_c (out, '\n');
              column = 0;
            }
          else if (w > 0)
            {
              g_string_append_c (out, ' ');
              column++;
            }
          g_string_append (out, words[w]);
          column += len;
        }
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- The tree as DOT ------------------------------------------------------ */

typedef struct
{
  GString                  *out;
  const BwTreeGraphOptions *options;
  BwAttackEval             *eval;
  const char               *root_id;
  BwTreeTextMeasure        *measure;  /* set: a graph to lay out only */
} Writer;

static const char *
gate_tag (const char *gate)
{
  if (g_strcmp0 (gate, "or") == 0)
    return "OR";
  if (g_strcmp0 (gate, "and") == 0)
    return "AND";
  if (g_strcmp0 (gate, "sand") == 0)
    return "SAND \342\206\222";   /* "SAND →" */
  return NULL;
}

static void
append_values (GString              *out,
               const BwAttackValues *values)
{
  static const char *units[BW_ATTACK_N_ATTRS] = { "cost ", "", "skill ", "", "p " };
  gboolean first = TRUE;

  for (guint a = 0; a < BW_ATTACK_N_ATTRS; a++)
    {
      g_autofree char *text = bw_attack_values_format (values, a);
      g_autofree char *escaped = NULL;

      if (!bw_attack_values_known (values, a))
        continue;
      escaped = bw_graphviz_escape_html (text);
      g_string_append_printf (out, "%s%s%s%s", first ? "" : " \302\267 ", units[a], escaped,
                              a == BW_ATTACK_ATTR_TIME_H ? " h" : "");
      first = FALSE;
    }
  if (first)
    g_string_append (out, "?");
}

static gboolean
values_equal (const BwAttackValues *a,
              const BwAttackValues *b)
{
  for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
    if (!(a->v[i] == b->v[i] || (isnan (a->v[i]) && isnan (b->v[i]))))
      return FALSE;
  return TRUE;
}

static void
write_node (Writer       *w,
            BwAttackNode *node,
            gboolean      countermeasure,
            guint         depth)
{
  GString *out = w->out;
  const char *id = bw_record_get_id (BW_RECORD (node));
  const char *gate = bw_attack_node_get_gate (node);
  g_autofree char *wrapped = bw_graphviz_wrap_label (bw_attack_node_get_label (node));
  g_autofree char *label = bw_graphviz_escape_html (wrapped);
  g_autofree char *id_html = bw_graphviz_escape_html (id);
  gboolean planned = countermeasure && bw_attack_node_get_implemented (node) != 1;
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };
  const char *tag = gate_tag (gate);

  if (depth > 10000)
    return;

  g_string_append (out, "  ");
  append_quoted (out, id);
  g_string_append (out, " [");
  if (w->measure != NULL)
    {
      const BwAttackValues *values = NULL;
      char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];
      double wd = 0, ht = 0, wd2 = 0, ht2 = 0;

      if (w->eval != NULL)
        values = bw_attack_eval_get (w->eval, id, BW_ATTACK_VIEW_RESIDUAL);
      bw_tree_text_measure_node (w->measure, node, countermeasure, values, &wd, &ht);
      /* Room for the wider of the two views' values. */
      if (w->eval != NULL)
        {
          bw_tree_text_measure_node (w->measure, node, countermeasure,
                                     bw_attack_eval_get (w->eval, id, BW_ATTACK_VIEW_TARGET), &wd2, &ht2);
          wd = MAX (wd, wd2);
          ht = MAX (ht, ht2);
        }
      g_ascii_dtostr (width, sizeof width, wd / 72.0);
      g_ascii_dtostr (height, sizeof height, ht / 72.0);
      g_string_append_printf (out, "shape=%s, fixedsize=true, width=%s, height=%s, label=\"\"];\n",
                              countermeasure ? "octagon" :
                              g_strcmp0 (gate, "or") == 0 ? "ellipse" :
                              g_strcmp0 (gate, "sand") == 0 ? "cds" : "box",
                              width, height);
    }
  else
    {
  if (countermeasure)
    g_string_append_printf (out, "shape=octagon, margin=\"0.04,0.02\", style=\"filled%s\", fillcolor=\"#e4f3e8\", color=\"#2e7d32\", ",
                            planned ? ",dashed" : "");
  else if (g_strcmp0 (gate, "or") == 0)
    g_string_append (out, "shape=ellipse, style=filled, fillcolor=\"#ffffff\", ");
  else if (g_strcmp0 (gate, "and") == 0)
    g_string_append (out, "shape=box, peripheries=2, style=filled, fillcolor=\"#ffffff\", ");
  else if (g_strcmp0 (gate, "sand") == 0)
    g_string_append (out, "shape=cds, margin=\"0.3,0.11\", style=filled, fillcolor=\"#ffffff\", ");
  else
    g_string_append (out, "shape=box, style=\"rounded,filled\", fillcolor=\"#f6f5f4\", ");
  if (g_strcmp0 (id, w->root_id) == 0)
    g_string_append (out, "penwidth=2, ");

  g_string_append (out, "label=<<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
  g_string_append (out, "<TR><TD><FONT POINT-SIZE=\"8\" COLOR=\"#5e5c64\">");
  if (countermeasure)
    g_string_append_printf (out, "%s \302\267 ", planned ? _("PLANNED") : _("IN PLACE"));
  else if (tag != NULL)
    g_string_append_printf (out, "<B>%s</B> \302\267 ", tag);
  g_string_append_printf (out, "%s</FONT></TD></TR><TR><TD>%s</TD></TR>", id_html, label);

  if (w->eval != NULL && w->options != NULL && w->options->show_values)
    {
      const BwAttackValues *residual = bw_attack_eval_get (w->eval, id, BW_ATTACK_VIEW_RESIDUAL);
      const BwAttackValues *target = bw_attack_eval_get (w->eval, id, BW_ATTACK_VIEW_TARGET);

      if (residual != NULL)
        {
          g_string_append (out, "<TR><TD><FONT POINT-SIZE=\"8\" COLOR=\"#1c71d8\">");
          append_values (out, residual);
          g_string_append (out, "</FONT></TD></TR>");
        }
      if (target != NULL && residual != NULL && !values_equal (residual, target))
        {
          g_string_append (out, "<TR><TD><FONT POINT-SIZE=\"8\" COLOR=\"#26a269\">");
          g_string_append (out, _("target: "));
          append_values (out, target);
          g_string_append (out, "</FONT></TD></TR>");
        }
    }
  g_string_append (out, "</TABLE>>];\n");
    }

  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);
        const char *child_id = bw_record_get_id (BW_RECORD (child));

        write_node (w, child, l == 1, depth + 1);
        g_string_append (out, "  ");
        append_quoted (out, id);
        g_string_append (out, " -> ");
        append_quoted (out, child_id);
        if (l == 1)
          g_string_append_printf (out, " [bwkind=defence, dir=forward, arrowhead=tee, color=\"#2e7d32\", penwidth=1.4%s]",
                                  bw_attack_node_get_implemented (child) == 1 ? "" : ", style=dashed");
        else if (g_strcmp0 (gate, "sand") == 0 && w->measure != NULL)
          g_string_append_printf (out, " [bworder=%u]", i + 1);
        else if (g_strcmp0 (gate, "sand") == 0)
          g_string_append_printf (out, " [bworder=%u, label=<<FONT POINT-SIZE=\"9\"><B>%u</B></FONT>>]", i + 1, i + 1);
        g_string_append (out, ";\n");
      }
}

/**
 * bw_graphviz_tree_to_dot:
 * @tree: the tree
 * @options: (nullable): how to draw it
 *
 * Returns: (transfer full): the tree as a DOT graph, every user string
 *   escaped
 */
static char *
tree_to_dot (BwAttackTree             *tree,
             const BwTreeGraphOptions *options,
             BwTreeTextMeasure        *measure)
{
  Writer w = { 0 };
  BwAttackNode *root;
  g_autoptr(BwAttackEval) eval = NULL;

  root = bw_attack_tree_get_root (tree);
  w.measure = measure;
  if (options != NULL && options->show_values)
    eval = bw_attack_eval_new (root);

  w.out = g_string_new ("digraph ");
  w.options = options;
  w.eval = eval;
  w.root_id = bw_record_get_id (BW_RECORD (root));

  append_quoted (w.out, bw_record_get_id (BW_RECORD (tree)));
  g_string_append_printf (w.out,
                          " {\n"
                          "  graph [rankdir=%s, ordering=out, nodesep=0.25, ranksep=0.45, pad=0.2, "
                          "bgcolor=\"#ffffff\", fontname=\"DejaVu Sans\"%s];\n"
                          "  node [fontname=\"DejaVu Sans\", fontsize=11, margin=\"0.1,0.05\", "
                          "color=\"#3d3846\", fontcolor=\"#241f31\"];\n"
                          "  edge [dir=none, color=\"#5e5c64\", fontname=\"DejaVu Sans\", fontcolor=\"#241f31\"];\n",
                          options != NULL && options->left_to_right ? "LR" : "TB",
                          /* ordering=out leaves a tree no crossings to
                           * remove: fewer mincross passes, same drawing. */
                          measure != NULL ? ", mclimit=0.2" : "");
  write_node (&w, root, FALSE, 0);
  g_string_append (w.out, "}\n");
  return g_string_free (w.out, FALSE);
}

char *
bw_graphviz_tree_to_dot (BwAttackTree             *tree,
                         const BwTreeGraphOptions *options)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE (tree), NULL);

  return tree_to_dot (tree, options, NULL);
}

/* ---- Layout ----------------------------------------------------------------- */

static Agraph_t *
read_graph (const char  *dot,
            GError     **error)
{
  Agraph_t *graph = agmemread (dot);

  if (graph == NULL)
    g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_LAYOUT,
                 _("Graphviz could not read the graph."));
  return graph;
}

static gboolean
layout (Agraph_t  *graph,
        GError   **error)
{
  if (gvLayout (get_context (), graph, "dot") != 0)
    {
      g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_LAYOUT,
                   _("Graphviz could not lay out the graph."));
      return FALSE;
    }
  return TRUE;
}

static void
free_tree_node (gpointer data)
{
  BwTreeLayoutNode *node = data;

  g_free (node->id);
  g_free (node);
}

static void
free_tree_edge (gpointer data)
{
  BwTreeLayoutEdge *edge = data;

  g_free (edge->source);
  g_free (edge->target);
  g_clear_pointer (&edge->points, g_array_unref);
  g_free (edge);
}

void
bw_tree_layout_free (BwTreeLayout *layout)
{
  if (layout == NULL)
    return;
  g_ptr_array_unref (layout->nodes);
  g_ptr_array_unref (layout->edges);
  g_free (layout);
}

const BwTreeLayoutNode *
bw_tree_layout_find (BwTreeLayout *layout,
                     const char   *id)
{
  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->nodes->len; i++)
    {
      BwTreeLayoutNode *node = layout->nodes->pdata[i];

      if (g_strcmp0 (node->id, id) == 0)
        return node;
    }
  return NULL;
}

/* Graphviz puts y upwards with the bounding box's corner anywhere; we
 * want the top left at (0, 0) and y downwards. */
typedef struct
{
  double x0, top;
} Flip;

static BwGraphPoint
flip (const Flip *f,
      pointf      p)
{
  return (BwGraphPoint) { p.x - f->x0, f->top - p.y };
}

/* ID → node, and the IDs of countermeasures; the tree keeps the nodes. */
static void
index_tree (GHashTable   *nodes,
            GHashTable   *countermeasures,
            BwAttackNode *node,
            gboolean      countermeasure,
            guint         depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };
  const char *id = bw_record_get_id (BW_RECORD (node));

  if (depth > 10000 || id == NULL)
    return;
  g_hash_table_insert (nodes, (gpointer) id, node);
  if (countermeasure)
    g_hash_table_add (countermeasures, (gpointer) id);
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

        index_tree (nodes, countermeasures, child, l == 1, depth + 1);
      }
}

/**
 * bw_graphviz_layout_tree:
 * @tree: the tree
 * @options: (nullable): how to draw it (show_values makes nodes taller)
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): where Graphviz's dot puts each node
 *   and edge, for the app to draw natively
 */
BwTreeLayout *
bw_graphviz_layout_tree (BwAttackTree              *tree,
                         const BwTreeGraphOptions  *options,
                         GError                   **error)
{
  static BwTreeTextMeasure *measure;
  g_autofree char *dot = NULL;
  g_autoptr(GHashTable) nodes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) countermeasures = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GMutexLocker) locker = NULL;
  BwTreeLayout *result;
  Agraph_t *graph;
  boxf bb;
  Flip f;

  g_return_val_if_fail (BW_IS_ATTACK_TREE (tree), NULL);

  /* The app draws the text itself: Graphviz only places boxes of the
   * sizes the painter needs, which is much faster than laying out
   * HTML-like labels. */
  locker = g_mutex_locker_new (&gv_lock);
  if (measure == NULL)
    measure = bw_tree_text_measure_new ();
  dot = tree_to_dot (tree, options, measure);
  index_tree (nodes, countermeasures, bw_attack_tree_get_root (tree), FALSE, 0);

  graph = read_graph (dot, error);
  if (graph == NULL)
    return NULL;
  if (!layout (graph, error))
    {
      agclose (graph);
      return NULL;
    }

  bb = GD_bb (graph);
  f.x0 = bb.LL.x;
  f.top = bb.UR.y;

  result = g_new0 (BwTreeLayout, 1);
  result->width = bb.UR.x - bb.LL.x;
  result->height = bb.UR.y - bb.LL.y;
  result->nodes = g_ptr_array_new_with_free_func (free_tree_node);
  result->edges = g_ptr_array_new_with_free_func (free_tree_edge);

  for (Agnode_t *n = agfstnode (graph); n != NULL; n = agnxtnode (graph, n))
    {
      BwTreeLayoutNode *node = g_new0 (BwTreeLayoutNode, 1);
      BwAttackNode *source;
      BwGraphPoint centre = flip (&f, ND_coord (n));

      node->id = g_strdup (agnameof (n));
      node->x = centre.x;
      node->y = centre.y;
      node->width = ND_width (n) * 72.0;
      node->height = ND_height (n) * 72.0;
      source = g_hash_table_lookup (nodes, node->id);
      node->countermeasure = g_hash_table_contains (countermeasures, node->id);
      node->gate = source ? bw_attack_node_get_gate (source) : "leaf";
      node->implemented = source ? bw_attack_node_get_implemented (source) : -1;
      g_ptr_array_add (result->nodes, node);

      for (Agedge_t *e = agfstout (graph, n); e != NULL; e = agnxtout (graph, e))
        {
          BwTreeLayoutEdge *edge = g_new0 (BwTreeLayoutEdge, 1);
          const char *order = agget (e, "bworder");
          const char *kind = agget (e, "bwkind");

          edge->source = g_strdup (agnameof (agtail (e)));
          edge->target = g_strdup (agnameof (aghead (e)));
          edge->defence = g_strcmp0 (kind, "defence") == 0;
          edge->order = order != NULL && *order != '\0' ? atoi (order) : 0;
          edge->points = g_array_new (FALSE, FALSE, sizeof (BwGraphPoint));
          if (ED_spl (e) != NULL && ED_spl (e)->size > 0)
            {
              bezier *bz = &ED_spl (e)->list[0];

              for (int i = 0; i < bz->size; i++)
                {
                  BwGraphPoint p = flip (&f, bz->list[i]);

                  g_array_append_val (edge->points, p);
                }
              if (bz->eflag)
                {
                  edge->has_arrow = TRUE;
                  edge->arrow_tip = flip (&f, bz->ep);
                }
            }
          g_ptr_array_add (result->edges, edge);
        }
    }


  gvFreeLayout (get_context (), graph);
  agclose (graph);
  return result;
}

/* ---- Rendering -------------------------------------------------------------- */

static gboolean
known_format (const char *format)
{
  static const char * const formats[] = { "dot", "svg", "png", "pdf", NULL };

  return format != NULL && g_strv_contains (formats, format);
}

/**
 * bw_graphviz_render_tree:
 * @tree: the tree
 * @options: (nullable): how to draw it
 * @format: "dot", "svg", "png" or "pdf"
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): the file's bytes
 */
GBytes *
bw_graphviz_render_tree (BwAttackTree              *tree,
                         const BwTreeGraphOptions  *options,
                         const char                *format,
                         GError                   **error)
{
  g_autofree char *dot = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  char *data = NULL;
  unsigned int length = 0;
  Agraph_t *graph;
  GBytes *bytes;
  int status;

  g_return_val_if_fail (BW_IS_ATTACK_TREE (tree), NULL);

  if (!known_format (format))
    {
      g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_FORMAT,
                   _("“%s” is not an export format of attack trees (dot, svg, png, pdf)."),
                   format ? format : "");
      return NULL;
    }

  dot = bw_graphviz_tree_to_dot (tree, options);
  if (g_str_equal (format, "dot"))
    {
      gsize len = strlen (dot);

      return g_bytes_new_take (g_steal_pointer (&dot), len);
    }

  locker = g_mutex_locker_new (&gv_lock);
  graph = read_graph (dot, error);
  if (graph == NULL)
    return NULL;
  /* Twice the resolution for crisp PNG text, as diagram exports do. */
  if (g_str_equal (format, "png"))
    agsafeset (graph, "dpi", "144", "");
  if (!layout (graph, error))
    {
      agclose (graph);
      return NULL;
    }
  status = gvRenderData (get_context (), graph, format, &data, &length);
  if (status != 0 || data == NULL)
    {
      g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_FORMAT,
                   _("Graphviz could not render %s."), format);
      if (data != NULL)
        gvFreeRenderData (data);
      gvFreeLayout (get_context (), graph);
      agclose (graph);
      return NULL;
    }
  bytes = g_bytes_new (data, length);
  gvFreeRenderData (data);
  gvFreeLayout (get_context (), graph);
  agclose (graph);
  return bytes;
}

/* The format follows the file name's extension. */
gboolean
bw_graphviz_render_tree_to_file (BwAttackTree              *tree,
                                 const BwTreeGraphOptions  *options,
                                 const char                *file_path,
                                 GError                   **error)
{
  const char *dot = file_path ? strrchr (file_path, '.') : NULL;
  g_autofree char *format = dot ? g_ascii_strdown (dot + 1, -1) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BW_IS_ATTACK_TREE (tree), FALSE);
  g_return_val_if_fail (file_path != NULL, FALSE);

  if (format == NULL || !known_format (format))
    {
      g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_FORMAT,
                   _("%s: the name must end in .svg, .png, .pdf or .dot."), file_path);
      return FALSE;
    }
  bytes = bw_graphviz_render_tree (tree, options, format, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (file_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local_error))
    {
      g_set_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- Boxes for the diagram editor -------------------------------------------- */

static void
clear_position (gpointer data)
{
  g_free (((BwLayoutPosition *) data)->id);
}

static void
clear_cluster_box (gpointer data)
{
  g_free (((BwLayoutClusterBox *) data)->label);
}

void
bw_box_layout_free (BwBoxLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->positions);
  g_array_unref (layout->clusters);
  g_free (layout);
}

/* Our own node names, so no user ID ever needs escaping in the graph. */
static char *
box_name (guint i)
{
  return g_strdup_printf ("b%u", i);
}

/**
 * bw_graphviz_layout_boxes:
 * @boxes: (array length=n_boxes): the boxes, in diagram units
 * @n_boxes: how many
 * @links: (array length=n_links): links between box IDs (unknown IDs are
 *   ignored)
 * @n_links: how many
 * @clusters: (array length=n_clusters) (nullable): groups drawn around
 *   their boxes
 * @n_clusters: how many
 * @left_to_right: rank from left to right instead of from top to bottom
 * @error: where to say why not
 *
 * Returns: (transfer full) (nullable): the new centres (y downwards, the
 *   top left of the whole at 0, 0) and the clusters' boxes
 */
BwBoxLayout *
bw_graphviz_layout_boxes (const BwLayoutBox     *boxes,
                          guint                  n_boxes,
                          const BwLayoutLink    *links,
                          guint                  n_links,
                          const BwLayoutCluster *clusters,
                          guint                  n_clusters,
                          gboolean               left_to_right,
                          GError               **error)
{
  g_autoptr(GString) dot = g_string_new ("digraph arrange {\n");
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GMutexLocker) locker = NULL;
  BwBoxLayout *result;
  Agraph_t *graph;
  boxf bb;
  Flip f;

  g_return_val_if_fail (boxes != NULL || n_boxes == 0, NULL);

  g_string_append_printf (dot, "  graph [rankdir=%s, nodesep=0.8, ranksep=1.8];\n"
                               "  node [shape=box, fixedsize=true, label=\"\"];\n",
                          left_to_right ? "LR" : "TB");
  for (guint i = 0; i < n_boxes; i++)
    g_hash_table_insert (index, (gpointer) boxes[i].id, GUINT_TO_POINTER (i + 1));

  for (guint c = 0; c < n_clusters; c++)
    {
      g_autofree char *label = bw_graphviz_escape_html (clusters[c].label);

      g_string_append_printf (dot, "  subgraph cluster_%u {\n    label=<%s>;\n    margin=16;\n", c, label);
      for (guint j = 0; clusters[c].ids != NULL && clusters[c].ids[j] != NULL; j++)
        {
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, clusters[c].ids[j]));

          if (i == 0 || g_hash_table_contains (placed, clusters[c].ids[j]))
            continue;
          g_hash_table_add (placed, (gpointer) clusters[c].ids[j]);
          g_string_append_printf (dot, "    b%u;\n", i - 1);
        }
      g_string_append (dot, "  }\n");
    }
  for (guint i = 0; i < n_boxes; i++)
    {
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (w, sizeof w, MAX (boxes[i].width, 1.0) / 72.0);
      g_ascii_dtostr (h, sizeof h, MAX (boxes[i].height, 1.0) / 72.0);
      g_string_append_printf (dot, "  b%u [width=%s, height=%s];\n", i, w, h);
    }
  for (guint i = 0; i < n_links; i++)
    {
      guint s = GPOINTER_TO_UINT (g_hash_table_lookup (index, links[i].source ? links[i].source : ""));
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (index, links[i].target ? links[i].target : ""));

      if (s != 0 && t != 0)
        g_string_append_printf (dot, "  b%u -> b%u;\n", s - 1, t - 1);
    }
  g_string_append (dot, "}\n");

  locker = g_mutex_locker_new (&gv_lock);
  graph = read_graph (dot->str, error);
  if (graph == NULL)
    return NULL;
  if (!layout (graph, error))
    {
      agclose (graph);
      return NULL;
    }

  bb = GD_bb (graph);
  f.x0 = bb.LL.x;
  f.top = bb.UR.y;
  result = g_new0 (BwBoxLayout, 1);
  result->width = bb.UR.x - bb.LL.x;
  result->height = bb.UR.y - bb.LL.y;
  result->positions = g_array_new (FALSE, TRUE, sizeof (BwLayoutPosition));
  g_array_set_clear_func (result->positions, clear_position);
  result->clusters = g_array_new (FALSE, TRUE, sizeof (BwLayoutClusterBox));
  g_array_set_clear_func (result->clusters, clear_cluster_box);

  for (guint i = 0; i < n_boxes; i++)
    {
      g_autofree char *name = box_name (i);
      Agnode_t *n = agnode (graph, name, 0);
      BwLayoutPosition p = { g_strdup (boxes[i].id), 0, 0 };

      if (n != NULL)
        {
          BwGraphPoint c = flip (&f, ND_coord (n));

          p.x = c.x;
          p.y = c.y;
        }
      g_array_append_val (result->positions, p);
    }
  for (guint c = 0; c < n_clusters; c++)
    {
      g_autofree char *name = g_strdup_printf ("cluster_%u", c);
      Agraph_t *sub = agsubg (graph, name, 0);
      BwLayoutClusterBox cbox = { g_strdup (clusters[c].label ? clusters[c].label : "") };

      if (sub != NULL)
        {
          boxf sbb = GD_bb (sub);
          BwGraphPoint top_left = flip (&f, (pointf) { sbb.LL.x, sbb.UR.y });

          cbox.x = top_left.x;
          cbox.y = top_left.y;
          cbox.width = sbb.UR.x - sbb.LL.x;
          cbox.height = sbb.UR.y - sbb.LL.y;
        }
      g_array_append_val (result->clusters, cbox);
    }

  gvFreeLayout (get_context (), graph);
  agclose (graph);
  return result;
}
