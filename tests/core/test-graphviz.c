/* test-graphviz.c — attack-tree layout and export, the Arrange layout
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "bw-attack-tree-painter.h"
#include "bw-graphviz.h"
#include "bw-project-io.h"

static BwProject *
load_example (void)
{
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_example (&error);

  g_assert_no_error (error);
  return project;
}

static BwAttackTree *
tree_of (BwProject  *project,
         const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ATTACK_TREE (record));
  return BW_ATTACK_TREE (record);
}

static const BwTreeLayoutNode *
find (BwTreeLayout *layout,
      const char   *id)
{
  const BwTreeLayoutNode *node = bw_tree_layout_find (layout, id);

  g_assert_nonnull (node);
  return node;
}

/* Whether two boxes given by centre and size overlap (touching is fine). */
static gboolean
overlap (const double a[4],
         const double b[4])
{
  return fabs (a[0] - b[0]) * 2 < (a[2] + b[2]) - 0.5 && fabs (a[1] - b[1]) * 2 < (a[3] + b[3]) - 0.5;
}

static void
test_layout (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwTreeGraphOptions options = { FALSE, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(BwTreeLayout) layout = bw_graphviz_layout_tree (tree_of (project, "AT-1"), &options, &error);
  g_autoptr(BwTreeLayout) lr = NULL;
  guint defences = 0;

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->nodes->len, ==, 12);
  g_assert_cmpuint (layout->edges->len, ==, 11);

  /* Root on top, every node inside the drawing, none over another. */
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      BwTreeLayoutNode *n = layout->nodes->pdata[i];

      g_assert_cmpfloat (n->x - n->width / 2, >=, -0.5);
      g_assert_cmpfloat (n->y - n->height / 2, >=, -0.5);
      g_assert_cmpfloat (n->x + n->width / 2, <=, layout->width + 0.5);
      g_assert_cmpfloat (n->y + n->height / 2, <=, layout->height + 0.5);
      g_assert_cmpfloat (n->width, >, 20);
      if (!g_str_equal (n->id, "N-1"))
        g_assert_cmpfloat (n->y, >, find (layout, "N-1")->y);
      for (guint j = 0; j < i; j++)
        {
          BwTreeLayoutNode *m = layout->nodes->pdata[j];

          g_assert_false (overlap ((double[]) { n->x, n->y, n->width, n->height },
                                   (double[]) { m->x, m->y, m->width, m->height }));
        }
    }
  g_assert_cmpfloat (find (layout, "N-3")->y, >, find (layout, "N-2")->y);

  /* What the app needs to draw each node. */
  g_assert_cmpstr (find (layout, "N-1")->gate, ==, "or");
  g_assert_cmpstr (find (layout, "N-2")->gate, ==, "sand");
  g_assert_cmpstr (find (layout, "N-6")->gate, ==, "and");
  g_assert_true (find (layout, "N-5")->countermeasure);
  g_assert_cmpint (find (layout, "N-5")->implemented, ==, 1);
  g_assert_true (find (layout, "N-12")->countermeasure);
  g_assert_cmpint (find (layout, "N-12")->implemented, ==, 0);
  g_assert_false (find (layout, "N-3")->countermeasure);

  /* Edges run from parent to child; SAND children are numbered. */
  for (guint i = 0; i < layout->edges->len; i++)
    {
      BwTreeLayoutEdge *e = layout->edges->pdata[i];
      const BwTreeLayoutNode *s = find (layout, e->source);
      const BwTreeLayoutNode *t = find (layout, e->target);
      BwGraphPoint first = g_array_index (e->points, BwGraphPoint, 0);

      g_assert_cmpuint (e->points->len, >=, 4);
      g_assert_cmpuint ((e->points->len - 1) % 3, ==, 0);
      g_assert_cmpfloat (fabs (first.y - s->y), <=, s->height / 2 + 2);
      g_assert_cmpfloat (t->y, >, s->y);
      if (e->defence)
        {
          defences++;
          g_assert_true (t->countermeasure);
          g_assert_true (e->has_arrow);
        }
      if (g_str_equal (e->source, "N-2") && g_str_equal (e->target, "N-3"))
        g_assert_cmpint (e->order, ==, 1);
      if (g_str_equal (e->source, "N-2") && g_str_equal (e->target, "N-4"))
        g_assert_cmpint (e->order, ==, 2);
    }
  g_assert_cmpuint (defences, ==, 2);

  options.left_to_right = TRUE;
  lr = bw_graphviz_layout_tree (tree_of (project, "AT-1"), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (bw_tree_layout_find (lr, "N-3")->x, >, bw_tree_layout_find (lr, "N-1")->x);
}

/* The text of the SVG, a line per line drawn: Graphviz writes each run
 * of a label as a <text> of its own, on the same baseline. */
static void
collect_text (xmlNode  *node,
              GString  *out,
              char    **last_y)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type == XML_ELEMENT_NODE && xmlStrcmp (node->name, (const xmlChar *) "text") == 0)
        {
          xmlChar *content = xmlNodeGetContent (node);
          xmlChar *y = xmlGetProp (node, (const xmlChar *) "y");

          if (*last_y != NULL && g_strcmp0 (*last_y, (const char *) y) != 0)
            g_string_append_c (out, '\n');
          g_free (*last_y);
          *last_y = g_strdup ((const char *) y);
          g_string_append (out, (const char *) content);
          xmlFree (content);
          xmlFree (y);
        }
      collect_text (node->children, out, last_y);
    }
}

/* Every character users type comes out as typed. */
static void
test_escaping (void)
{
  static const char * const labels[] = {
    "say \"hi\"", "back\\slash \\N \\G", "<b>bold</b> & co", "{braces} | <pipes>",
    "line one\nline two", "\303\234n\303\257c\303\266d\303\251 \346\227\245\346\234\254 \342\200\224 \342\234\223",
    "it's &amp; ok",
  };
  g_autoptr(GString) json = g_string_new ("{\"format\":\"bulwark\",\"format_version\":1,"
                                          "\"id_counters\":{\"AT\":2,\"N\":20},"
                                          "\"attack_trees\":[{\"id\":\"AT-1\",\"title\":\"t\",\"root\":"
                                          "{\"id\":\"N-1\",\"label\":\"root\",\"gate\":\"and\",\"children\":[");
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) dot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *last_y = NULL;
  xmlDoc *doc;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(GString) escaped = g_string_new (NULL);

      for (const char *p = labels[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (escaped, '\\');
          if (*p == '\n')
            g_string_append (escaped, "\\n");
          else
            g_string_append_c (escaped, *p);
        }
      g_string_append_printf (json, "%s{\"id\":\"N-%u\",\"label\":\"%s\",\"gate\":\"leaf\"}",
                              i > 0 ? "," : "", i + 2, escaped->str);
    }
  g_string_append (json, "]}}]}");
  project = bw_project_load_from_data (json->str, json->len, &error);
  g_assert_no_error (error);

  svg = bw_graphviz_render_tree (tree_of (project, "AT-1"), NULL, "svg", &error);
  g_assert_no_error (error);
  doc = xmlReadMemory (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "tree.svg", "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  collect_text (xmlDocGetRootElement (doc), text, &last_y);
  g_string_append_c (text, '\n');
  xmlFreeDoc (doc);

  /* The word joiner that keeps Graphviz from reading "\N" as the node's
   * name is invisible; what is seen is what was typed. */
  {
    g_autoptr(GString) seen = g_string_new (NULL);

    for (const char *p = text->str; *p; p = g_utf8_next_char (p))
      if (g_utf8_get_char (p) != 0x2060)
        g_string_append_unichar (seen, g_utf8_get_char (p));
    g_string_assign (text, seen->str);
  }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_auto(GStrv) lines = g_strsplit (labels[i], "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_autofree char *line = g_strconcat (lines[j], "\n", NULL);

          if (strstr (text->str, line) == NULL)
            g_error ("“%s” is not in the SVG's text:\n%s", lines[j], text->str);
        }
    }

  /* The DOT export is the escaped source: no raw markup from the user. */
  dot = bw_graphviz_render_tree (tree_of (project, "AT-1"), NULL, "dot", &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot), "&lt;b&gt;bold&lt;/b&gt; &amp; co"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot), "&quot;hi&quot;"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot), "line one<BR/>line two"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot), "&#220;n&#239;c&#246;d&#233;"));
}

static void
test_formats (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwTreeGraphOptions options = { FALSE, TRUE };
  static const struct {
    const char *format;
    const char *magic;
    gsize       length;
  } formats[] = {
    { "svg", "<?xml", 5 },
    { "png", "\211PNG\r\n\032\n", 8 },
    { "pdf", "%PDF-", 5 },
    { "dot", "digraph", 7 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bad = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bw-graphviz-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *bad_path = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GBytes) bytes = bw_graphviz_render_tree (tree_of (project, "AT-1"), &options, formats[i].format, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
      g_assert_cmpmem (g_bytes_get_data (bytes, NULL), formats[i].length, formats[i].magic, formats[i].length);
    }

  bad = bw_graphviz_render_tree (tree_of (project, "AT-1"), &options, "gtk", &error);
  g_assert_null (bad);
  g_assert_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_FORMAT);
  g_clear_error (&error);

  path = g_build_filename (dir, "tree.svg", NULL);
  g_assert_true (bw_graphviz_render_tree_to_file (tree_of (project, "AT-1"), NULL, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_remove (path);

  bad_path = g_build_filename (dir, "tree.gif", NULL);
  g_assert_false (bw_graphviz_render_tree_to_file (tree_of (project, "AT-1"), NULL, bad_path, &error));
  g_assert_error (error, BW_GRAPHVIZ_ERROR, BW_GRAPHVIZ_ERROR_FORMAT);
  g_rmdir (dir);
}

/* The Arrange layout: ranks follow the links, clusters hold their boxes. */
static void
test_layout_boxes (void)
{
  const BwLayoutBox boxes[] = {
    { "EE-1", 120, 60 }, { "P-1", 100, 100 }, { "P-2", 100, 100 }, { "DS-1", 140, 50 },
  };
  const BwLayoutLink links[] = {
    { "EE-1", "P-1" }, { "EE-1", "P-2" }, { "P-1", "DS-1" }, { "P-1", "nowhere" },
  };
  const char *inside[] = { "P-1", "P-2", NULL };
  const BwLayoutCluster clusters[] = { { "Hospital <LAN> & co", inside } };
  g_autoptr(GError) error = NULL;
  g_autoptr(BwBoxLayout) layout = bw_graphviz_layout_boxes (boxes, G_N_ELEMENTS (boxes), links, G_N_ELEMENTS (links),
                                                            clusters, G_N_ELEMENTS (clusters), FALSE, &error);
  BwLayoutPosition *p;
  BwLayoutClusterBox *c;

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  g_assert_cmpuint (layout->positions->len, ==, 4);
  p = (BwLayoutPosition *) layout->positions->data;
  g_assert_cmpstr (p[0].id, ==, "EE-1");
  /* Links point downwards. */
  g_assert_cmpfloat (p[1].y, >, p[0].y);
  g_assert_cmpfloat (p[2].y, >, p[0].y);
  g_assert_cmpfloat (p[3].y, >, p[1].y);
  for (guint i = 0; i < 4; i++)
    for (guint j = 0; j < i; j++)
      g_assert_false (overlap ((double[]) { p[i].x, p[i].y, boxes[i].width, boxes[i].height },
                               (double[]) { p[j].x, p[j].y, boxes[j].width, boxes[j].height }));

  g_assert_cmpuint (layout->clusters->len, ==, 1);
  c = (BwLayoutClusterBox *) layout->clusters->data;
  g_assert_cmpstr (c->label, ==, "Hospital <LAN> & co");
  for (guint i = 1; i <= 2; i++)
    {
      g_assert_cmpfloat (p[i].x - boxes[i].width / 2, >=, c->x);
      g_assert_cmpfloat (p[i].x + boxes[i].width / 2, <=, c->x + c->width);
      g_assert_cmpfloat (p[i].y - boxes[i].height / 2, >=, c->y);
      g_assert_cmpfloat (p[i].y + boxes[i].height / 2, <=, c->y + c->height);
    }
  g_assert_cmpfloat (p[0].y + boxes[0].height / 2, <=, c->y);
}

/* The app's own drawing of the layout: shapes where Graphviz put them,
 * hit testing, a highlighted attack. */
static void
test_paint (void)
{
  g_autoptr(BwProject) project = load_example ();
  BwAttackTree *tree = tree_of (project, "AT-1");
  BwTreeGraphOptions graph_options = { FALSE, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(BwTreeLayout) layout = bw_graphviz_layout_tree (tree, &graph_options, &error);
  g_autoptr(BwAttackEval) eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  const char *attack[] = { "N-10", "N-11", NULL };
  BwTreePaintOptions options = { FALSE, TRUE, NULL, attack, eval, BW_ATTACK_VIEW_RESIDUAL };
  const BwTreeLayoutNode *root;
  const BwTreeLayoutNode *n9;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *out;
  guint8 *data;
  int stride;

  g_assert_no_error (error);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (layout->width), (int) ceil (layout->height));
  cr = cairo_create (surface);
  bw_attack_tree_paint (cr, tree, layout, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);

  /* BW_TEST_PAINT_OUT=file.png keeps the picture, to look at. */
  out = g_getenv ("BW_TEST_PAINT_OUT");
  if (out != NULL)
    cairo_surface_write_to_png (surface, out);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  root = bw_tree_layout_find (layout, "N-1");
  n9 = bw_tree_layout_find (layout, "N-9");
  /* The root's ellipse is stroked at its left end; the background is white. */
  {
    int x = (int) (root->x - root->width / 2 + 1), y = (int) root->y;
    guint32 pixel = *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
    guint32 corner = *(guint32 *) data & 0xffffff;

    g_assert_cmpuint (corner, ==, 0xffffff);
    g_assert_cmpuint (pixel, !=, 0xffffff);
  }
  /* N-9 is on the highlighted attack: its border is orange. */
  {
    int x = (int) (n9->x), y = (int) (n9->y - n9->height / 2);
    gboolean orange = FALSE;

    for (int dy = -2; dy <= 2; dy++)
      {
        guint32 pixel = *(guint32 *) (data + (y + dy) * stride + x * 4);

        orange |= ((pixel >> 16) & 0xff) > 200 && ((pixel >> 8) & 0xff) < 150 && (pixel & 0xff) < 80;
      }
    g_assert_true (orange);
  }
  cairo_surface_destroy (surface);

  g_assert_cmpstr (bw_tree_layout_node_at (layout, root->x, root->y), ==, "N-1");
  g_assert_cmpstr (bw_tree_layout_node_at (layout, n9->x + n9->width / 2 - 1, n9->y), ==, "N-9");
  g_assert_null (bw_tree_layout_node_at (layout, 1, 1));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/graphviz/layout", test_layout);
  g_test_add_func ("/graphviz/escaping", test_escaping);
  g_test_add_func ("/graphviz/formats", test_formats);
  g_test_add_func ("/graphviz/layout-boxes", test_layout_boxes);
  g_test_add_func ("/graphviz/paint", test_paint);

  return g_test_run ();
}
