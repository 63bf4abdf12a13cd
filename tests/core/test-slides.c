/* test-slides.c — the presentation deck: order, contents, drawing
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-stack.h"
#include "bw-slides.h"
#include "bw-test-utils.h"

static guint
count_kind (GPtrArray   *slides,
            BwSlideKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < slides->len; i++)
    if (((BwSlide *) g_ptr_array_index (slides, i))->kind == kind)
      n++;
  return n;
}

/* Title first, context before data-flow diagrams, then the threats per
 * element, the trees, the matrix, the open items. */
static void
test_slides_order (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GPtrArray) slides = bw_slides_build (project);
  BwSlide *first, *second;
  BwSlideKind last_kind = BW_SLIDE_TITLE;

  g_assert_cmpuint (slides->len, >=, 6);
  first = g_ptr_array_index (slides, 0);
  g_assert_cmpint (first->kind, ==, BW_SLIDE_TITLE);
  g_assert_cmpstr (first->title, ==, bw_model_get_title (bw_project_get_model (project)));

  second = g_ptr_array_index (slides, 1);
  g_assert_cmpint (second->kind, ==, BW_SLIDE_DIAGRAM);
  g_assert_cmpstr (bw_diagram_get_kind (BW_DIAGRAM (bw_project_lookup (project, second->record_id))), ==, "context");

  g_assert_cmpuint (count_kind (slides, BW_SLIDE_DIAGRAM), ==,
                    g_list_model_get_n_items (bw_project_get_diagrams (project)));
  g_assert_cmpuint (count_kind (slides, BW_SLIDE_ATTACK_TREE), ==,
                    g_list_model_get_n_items (bw_project_get_attack_trees (project)));
  g_assert_cmpuint (count_kind (slides, BW_SLIDE_RISK_MATRIX), ==, 1);
  g_assert_cmpuint (count_kind (slides, BW_SLIDE_OPEN_ITEMS), ==, 1);
  g_assert_cmpuint (count_kind (slides, BW_SLIDE_THREATS), >, 0);

  /* Kinds never go back: the enum is in deck order. */
  for (guint i = 0; i < slides->len; i++)
    {
      BwSlide *slide = g_ptr_array_index (slides, i);

      g_assert_cmpint (slide->kind, >=, last_kind);
      last_kind = slide->kind;
    }
  g_assert_cmpint (((BwSlide *) g_ptr_array_index (slides, slides->len - 1))->kind, ==, BW_SLIDE_OPEN_ITEMS);
}

/* Every shown threat is on exactly one threats slide, with its element. */
static void
test_slides_threats_covered (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GPtrArray) slides = bw_slides_build (project);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *threats = bw_project_get_threats (project);
  guint expected = 0;

  for (guint i = 0; i < slides->len; i++)
    {
      BwSlide *slide = g_ptr_array_index (slides, i);
      g_autoptr(GPtrArray) shown = bw_slides_dup_threats (project, slide);

      if (slide->kind != BW_SLIDE_THREATS)
        {
          g_assert_cmpuint (shown->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (shown->len, >, 0);
      g_assert_cmpuint (shown->len, <=, BW_SLIDE_THREATS_PER_PART);
      for (guint j = 0; j < shown->len; j++)
        {
          BwThreat *threat = g_ptr_array_index (shown, j);

          g_assert_cmpstr (bw_threat_get_target (threat), ==, slide->record_id);
          g_assert_false (g_hash_table_contains (seen, bw_record_get_id (BW_RECORD (threat))));
          g_hash_table_add (seen, (gpointer) bw_record_get_id (BW_RECORD (threat)));
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (!bw_threat_get_archived (threat) && !bw_threat_get_obsolete (threat) &&
          !bw_threat_get_superseded (threat))
        expected++;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, expected);
}

/* An element with more threats than fit is split into numbered parts. */
static void
test_slides_parts (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GPtrArray) slides = NULL;
  guint parts = 0;

  g_string_append (json,
    "{\"format\":\"bulwark\",\"format_version\":1,\"model\":{\"title\":\"Split\"},"
    "\"diagrams\":[{\"id\":\"D-1\",\"name\":\"Main\",\"kind\":\"dataflow\",\"refines\":null}],"
    "\"elements\":[{\"id\":\"P-1\",\"kind\":\"process\",\"diagram\":\"D-1\",\"name\":\"Pump\","
    "\"bounds\":[0,0,100,60]}],\"threats\":[");
  for (guint i = 1; i <= BW_SLIDE_THREATS_PER_PART + 3; i++)
    g_string_append_printf (json, "%s{\"id\":\"T-%u\",\"origin\":\"manual\",\"target\":\"P-1\","
                            "\"category\":\"T\",\"title\":\"Threat %u\",\"status\":\"not_started\","
                            "\"treatment\":\"none\"}", i > 1 ? "," : "", i, i);
  g_string_append (json, "]}");

  project = bw_test_load_string (json->str);
  slides = bw_slides_build (project);
  for (guint i = 0; i < slides->len; i++)
    {
      BwSlide *slide = g_ptr_array_index (slides, i);

      if (slide->kind == BW_SLIDE_THREATS)
        {
          g_autoptr(GPtrArray) shown = bw_slides_dup_threats (project, slide);

          parts++;
          g_assert_cmpuint (slide->part, ==, parts);
          g_assert_cmpuint (slide->n_parts, ==, 2);
          g_assert_cmpuint (shown->len, ==, parts == 1 ? BW_SLIDE_THREATS_PER_PART : 3);
        }
    }
  g_assert_cmpuint (parts, ==, 2);
}

static gboolean
surface_has_ink (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  const guint32 *first;
  const guchar *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  first = (const guint32 *) data;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] != *first)
        return TRUE;
  return FALSE;
}

/* Every slide draws at 1080p and 720p, light and dark, and drawing does
 * not change the project. */
static void
test_slides_draw (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(GPtrArray) slides = bw_slides_build (project);
  g_autofree char *before = bw_test_to_string (project);
  g_autofree char *after = NULL;
  static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (int dark = 0; dark <= 1; dark++)
      for (guint i = 0; i < slides->len; i++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[s][0], sizes[s][1]);
          cairo_t *cr = cairo_create (surface);
          BwSlideStyle style = { .dark = dark, .footer = "Footer · 1 / 2" };

          bw_slide_draw (cr, project, g_ptr_array_index (slides, i), sizes[s][0], sizes[s][1], &style);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          g_assert_true (surface_has_ink (surface));
          if (g_getenv ("BW_TEST_SCREENSHOTS") != NULL && s == 0)
            {
              g_autofree char *name = g_strdup_printf ("%s/slide-%02u%s.png", g_getenv ("BW_TEST_SCREENSHOTS"),
                                                       i, dark ? "-dark" : "");
              cairo_surface_write_to_png (surface, name);
            }
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }

  after = bw_test_to_string (project);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (bw_project_get_modified (project));
}

/* An empty project still has a title, matrix and open-items slide. */
static void
test_slides_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  g_autoptr(GPtrArray) slides = bw_slides_build (project);

  g_assert_cmpuint (slides->len, ==, 3);
  for (guint i = 0; i < slides->len; i++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 360);
      cairo_t *cr = cairo_create (surface);

      bw_slide_draw (cr, project, g_ptr_array_index (slides, i), 640, 360, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/slides/order", test_slides_order);
  g_test_add_func ("/slides/threats-covered", test_slides_threats_covered);
  g_test_add_func ("/slides/parts", test_slides_parts);
  g_test_add_func ("/slides/draw", test_slides_draw);
  g_test_add_func ("/slides/empty", test_slides_empty);

  return g_test_run ();
}
