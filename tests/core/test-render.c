/* test-render.c — diagrams to SVG, PNG and PDF, and their extents
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bw-painter.h"
#include "bw-project-io.h"
#include "bw-render.h"

typedef struct
{
  BwProject *project;
  char      *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->project = bw_project_load_example (&error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->project);
  fixture->dir = g_dir_make_tmp ("bulwark-render-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->project);
}

static char *
render (Fixture    *fixture,
        const char *diagram_id,
        const char *extension)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strconcat (diagram_id, ".", extension, NULL);
  char *path = g_build_filename (fixture->dir, name, NULL);
  GStatBuf st;

  g_assert_true (bw_render_diagram_to_file (fixture->project, diagram_id, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  return path;
}

static BwRect
bounds_of (BwProject  *project,
           const char *id)
{
  BwElement *element = BW_ELEMENT (bw_project_lookup (project, id));
  const BwNumber *b;

  g_assert_nonnull (element);
  b = bw_element_get_bounds (element);
  return (BwRect) {
    bw_number_get (&b[0]), bw_number_get (&b[1]),
    bw_number_get (&b[2]), bw_number_get (&b[3]),
  };
}

static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (image));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (image));
  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

/* The PNG is the diagram at twice its size, centred between equal
 * margins: the middle of an element's rectangle is painted, not blank. */
static void
assert_png (Fixture    *fixture,
            const char *path,
            const char *diagram_id,
            const char *element_id,
            guint32     background)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);
  BwRect extents, bounds = bounds_of (fixture->project, element_id);
  double margin_x, margin_y;
  int cx, cy;
  guint painted = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (bw_painter_get_diagram_extents (fixture->project, diagram_id, &extents));
  g_assert_cmpint (cairo_image_surface_get_width (image), >=, 2 * extents.width);
  g_assert_cmpint (cairo_image_surface_get_height (image), >=, 2 * extents.height);
  g_assert_cmpint (cairo_image_surface_get_width (image), <=, 2 * extents.width + 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), <=, 2 * extents.height + 400);

  margin_x = cairo_image_surface_get_width (image) / 2.0 - extents.width;
  margin_y = cairo_image_surface_get_height (image) / 2.0 - extents.height;
  cx = (int) (2 * (bounds.x + bounds.width / 2 - extents.x) + margin_x);
  cy = (int) (2 * (bounds.y + bounds.height / 2 - extents.y) + margin_y);
  for (int dy = -10; dy <= 10; dy++)
    for (int dx = -10; dx <= 10; dx++)
      if (pixel_at (image, cx + dx, cy + dy) != background)
        painted++;
  g_assert_cmpuint (painted, >, 100);
  g_assert_cmphex (pixel_at (image, 2, 2), ==, background);
  cairo_surface_destroy (image);
}

typedef struct
{
  guint svg_roots;
  guint paths;
} SvgCount;

static void
svg_start_element_cb (GMarkupParseContext  *context,
                      const char           *element_name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  SvgCount *count = user_data;

  if (g_str_equal (element_name, "svg"))
    count->svg_roots++;
  else if (g_str_equal (element_name, "path") || g_str_equal (element_name, "use"))
    count->paths++;
}

/* Cairo writes text as glyph outlines, so the SVG is checked for being
 * well-formed with shapes and glyphs in it. */
static void
assert_svg (const char *path,
            guint       min_paths)
{
  static const GMarkupParser parser = { .start_element = svg_start_element_cb };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  SvgCount count = { 0 };

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  g_assert_nonnull (strstr (text, "<svg"));
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &count, NULL);
  /* GMarkup refuses the XML declaration's "?xml" processing instruction
   * only if malformed; the document must parse to the end. */
  g_assert_true (g_markup_parse_context_parse (context, text, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.svg_roots, ==, 1);
  g_assert_cmpuint (count.paths, >=, min_paths);
}

/* pdftotext (poppler-utils) is optional: without it only the header is
 * checked. */
static void
assert_pdf (const char         *path,
            const char * const *names)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *head = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) flat = NULL;
  int status = 0;

  g_assert_true (g_file_get_contents (path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));
  if (pdftotext == NULL)
    {
      g_test_message ("pdftotext not found; the PDF's text is not checked");
      return;
    }
  {
    const char *argv[] = { pdftotext, path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* A wrapped name comes out on two lines. */
  flat = g_string_new (out);
  g_strdelimit (flat->str, "\n\r\f", ' ');
  for (guint i = 0; names[i] != NULL; i++)
    if (strstr (flat->str, names[i]) == NULL)
      {
        g_test_message ("%s lacks the text “%s”", path, names[i]);
        g_test_fail ();
      }
}

static void
test_context_diagram (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const names[] = {
    "Patient", "Clinician", "CGM sensor", "Update server",
    "Manufacturer responsibility", "Bolus request", "Firmware update", NULL,
  };
  g_autofree char *svg = render (fixture, "D-1", "svg");
  g_autofree char *png = render (fixture, "D-1", "png");
  g_autofree char *pdf = render (fixture, "D-1", "pdf");

  assert_svg (svg, 20);
  assert_png (fixture, png, "D-1", "EE-1", 0xffffff);
  assert_png (fixture, png, "D-1", "P-1", 0xffffff);
  assert_pdf (pdf, names);
}

static void
test_dataflow_diagram (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const names[] = {
    "Companion app", "Pump firmware", "Event log", "Cloud service",
    "Insulin pump", "Debug commands", NULL,
  };
  g_autofree char *svg = render (fixture, "D-2", "svg");
  g_autofree char *png = render (fixture, "D-2", "png");
  g_autofree char *pdf = render (fixture, "D-2", "pdf");

  assert_svg (svg, 50);
  assert_png (fixture, png, "D-2", "P-3", 0xffffff);
  assert_png (fixture, png, "D-2", "DS-1", 0xffffff);
  assert_pdf (pdf, names);
}

static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "dark.png", NULL);
  BwPaintOptions options = { .dark = TRUE };
  cairo_surface_t *image;
  guint32 corner;

  g_assert_true (bw_render_diagram_to_file_full (fixture->project, "D-2", path, &options, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  corner = pixel_at (image, 2, 2);
  g_assert_cmpuint ((corner >> 16) & 0xff, <, 0x60);
  g_assert_cmpuint ((corner >> 8) & 0xff, <, 0x60);
  g_assert_cmpuint (corner & 0xff, <, 0x60);
  assert_png (fixture, path, "D-2", "P-2", corner);
  cairo_surface_destroy (image);
}

static guint
count_painted (cairo_surface_t *image,
               int              x,
               int              y,
               int              size)
{
  guint painted = 0;

  for (int dy = 0; dy < size; dy++)
    for (int dx = 0; dx < size; dx++)
      if (pixel_at (image, x + dx, y + dy) != 0xffffff)
        painted++;
  return painted;
}

/* A selected node gets an outline and resize handles just outside its
 * corners, where nothing is drawn otherwise. */
static void
test_selection (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const selection[] = { "EE-1", NULL };
  BwPaintOptions plain = { .background = TRUE };
  BwPaintOptions selected = { .background = TRUE, .selection = selection };
  BwRect bounds = bounds_of (fixture->project, "EE-1");
  cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 600);
  cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1100, 600);
  cairo_t *cr;
  int x = (int) (bounds.x + bounds.width) + 2;
  int y = (int) bounds.y - 10;

  cr = cairo_create (a);
  bw_painter_draw_diagram (cr, fixture->project, "D-1", &plain);
  cairo_destroy (cr);
  cr = cairo_create (b);
  bw_painter_draw_diagram (cr, fixture->project, "D-1", &selected);
  cairo_destroy (cr);
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  g_assert_cmpuint (count_painted (a, x, y, 8), ==, 0);
  g_assert_cmpuint (count_painted (b, x, y, 8), >, 8);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_unknown_diagram (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const ids[] = { "D-99", "EE-1", "" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, "missing.png", NULL);

      g_assert_false (bw_render_diagram_to_file (fixture->project, ids[i], path, &error));
      g_assert_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_NO_DIAGRAM);
      g_assert_nonnull (strstr (error->message, "D-1"));
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
}

static void
test_unknown_extension (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const names[] = { "diagram.jpg", "diagram", "diagram.svg.bak" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_assert_false (bw_render_diagram_to_file (fixture->project, "D-1", path, &error));
      g_assert_error (error, BW_RENDER_ERROR, BW_RENDER_ERROR_FORMAT);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }

  /* Upper-case extensions are fine. */
  {
    g_autofree char *path = render (fixture, "D-1", "SVG");

    g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  }
}

static void
assert_extents_contain_all (BwProject  *project,
                            const char *diagram_id)
{
  g_autoptr(GPtrArray) elements = bw_project_dup_diagram_elements (project, diagram_id);
  BwRect extents;

  g_assert_true (bw_painter_get_diagram_extents (project, diagram_id, &extents));
  g_assert_cmpuint (elements->len, >, 0);
  for (guint i = 0; i < elements->len; i++)
    {
      BwElement *element = g_ptr_array_index (elements, i);
      const BwNumber *b = bw_element_get_bounds (element);
      GArray *points = bw_element_get_points (element);

      g_test_message ("%s", bw_record_get_id (BW_RECORD (element)));
      if (bw_element_is_node (element) ||
          (bw_element_get_kind_enum (element) == BW_ELEMENT_TRUST_BOUNDARY &&
           g_strcmp0 (bw_element_get_shape (element), "box") == 0))
        {
          g_assert_cmpfloat (bw_number_get (&b[0]), >=, extents.x);
          g_assert_cmpfloat (bw_number_get (&b[1]), >=, extents.y);
          g_assert_cmpfloat (bw_number_get (&b[0]) + bw_number_get (&b[2]), <=,
                             extents.x + extents.width);
          g_assert_cmpfloat (bw_number_get (&b[1]) + bw_number_get (&b[3]), <=,
                             extents.y + extents.height);
        }
      for (guint k = 0; points != NULL && k < points->len; k++)
        {
          const BwPoint *p = &g_array_index (points, BwPoint, k);

          g_assert_cmpfloat (bw_number_get (&p->x), >=, extents.x);
          g_assert_cmpfloat (bw_number_get (&p->y), >=, extents.y);
          g_assert_cmpfloat (bw_number_get (&p->x), <=, extents.x + extents.width);
          g_assert_cmpfloat (bw_number_get (&p->y), <=, extents.y + extents.height);
        }
    }
}

static void
test_extents (Fixture       *fixture,
              gconstpointer  data)
{
  BwRect extents;

  assert_extents_contain_all (fixture->project, "D-1");
  assert_extents_contain_all (fixture->project, "D-2");
  g_assert_false (bw_painter_get_diagram_extents (fixture->project, "D-99", &extents));
}

/* The GUI's export option: a PNG without background has clear corners;
 * the default export has an opaque one. */
static void
test_transparent (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *clear = g_build_filename (fixture->dir, "clear.png", NULL);
  g_autofree char *opaque = g_build_filename (fixture->dir, "opaque.png", NULL);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  guint32 corner;

  g_assert_true (bw_render_diagram_export (fixture->project, "D-2", clear, NULL, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (bw_render_diagram_export (fixture->project, "D-2", opaque, NULL, FALSE, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (clear);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  corner = *(guint32 *) cairo_image_surface_get_data (surface);
  g_assert_cmpuint (corner >> 24, ==, 0);
  cairo_surface_destroy (surface);

  surface = cairo_image_surface_create_from_png (opaque);
  cairo_surface_flush (surface);
  corner = *(guint32 *) cairo_image_surface_get_data (surface);
  g_assert_cmpuint (corner >> 24, ==, 0xff);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render/context-diagram", Fixture, NULL,
              fixture_set_up, test_context_diagram, fixture_tear_down);
  g_test_add ("/render/dataflow-diagram", Fixture, NULL,
              fixture_set_up, test_dataflow_diagram, fixture_tear_down);
  g_test_add ("/render/transparent", Fixture, NULL,
              fixture_set_up, test_transparent, fixture_tear_down);
  g_test_add ("/render/dark", Fixture, NULL,
              fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/render/selection", Fixture, NULL,
              fixture_set_up, test_selection, fixture_tear_down);
  g_test_add ("/render/unknown-diagram", Fixture, NULL,
              fixture_set_up, test_unknown_diagram, fixture_tear_down);
  g_test_add ("/render/unknown-extension", Fixture, NULL,
              fixture_set_up, test_unknown_extension, fixture_tear_down);
  g_test_add ("/render/extents", Fixture, NULL,
              fixture_set_up, test_extents, fixture_tear_down);

  return g_test_run ();
}
