/* test-report.c — the documentation set: contents, escaping, formats, pages
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bw-project-io.h"
#include "bw-report.h"
#include "bw-report-pages.h"
#include "bw-requirement.h"
#include "bw-threat.h"

#include "bw-test-utils.h"

static BwProject *
load_small (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "report", "small.bulwark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  BwProject *project = bw_project_load_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static char *
canonical_sha256 (BwProject *project)
{
  g_autoptr(GBytes) bytes = bw_project_to_bytes (project);

  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* Every threat ID not archived and every requirement ID. */
static GPtrArray *
ids_to_find (BwProject *project)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  GListModel *threats = bw_project_get_threats (project);
  GListModel *requirements = bw_project_get_requirements (project);

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);

      if (!bw_threat_get_archived (threat))
        g_ptr_array_add (ids, g_strdup (bw_record_get_id (BW_RECORD (threat))));
    }
  for (guint i = 0; i < g_list_model_get_n_items (requirements); i++)
    {
      g_autoptr(BwRequirement) requirement = g_list_model_get_item (requirements, i);

      g_ptr_array_add (ids, g_strdup (bw_record_get_id (BW_RECORD (requirement))));
    }
  return ids;
}

/* An ID as a word of its own: T-1 must not be found inside T-10. */
static gboolean
contains_id (const char *text,
             const char *id)
{
  gsize len = strlen (id);

  for (const char *p = strstr (text, id); p != NULL; p = strstr (p + 1, id))
    if (!g_ascii_isdigit (p[len]) && (p == text || !g_ascii_isalnum (p[-1])))
      return TRUE;
  return FALSE;
}

static const char * const final_sections[] = {
  "Security concept", "Assumptions", "Constraints", "Policies", "Security objectives",
  "Security requirements", "Security analysis", "Scope and methodology", "Assets", "Diagrams",
  "Elements", "Threats by element and STRIDE", "Attack trees", "Risk before and after",
  "Safety links", "Vulnerability analysis", "Components", "Retirement plan", "Archiving",
  "Deletion", "Legal retention", "Traceability matrix", "Completeness checks",
  "Residual-risk conclusion", "Design history",
};

static void
assert_final_contents (const char *text,
                       BwProject  *project)
{
  g_autoptr(GPtrArray) ids = ids_to_find (project);
  g_autofree char *sha = canonical_sha256 (project);

  for (guint i = 0; i < G_N_ELEMENTS (final_sections); i++)
    if (strstr (text, final_sections[i]) == NULL)
      g_error ("section “%s” missing", final_sections[i]);
  for (guint i = 0; i < ids->len; i++)
    if (!contains_id (text, g_ptr_array_index (ids, i)))
      g_error ("ID %s missing", (const char *) g_ptr_array_index (ids, i));
  g_assert_nonnull (strstr (text, sha));
  g_assert_nonnull (strstr (text, "Bulwark " PACKAGE_VERSION));
}

static void
test_example_html (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autofree char *html = bw_report_to_html (report);

  assert_final_contents (html, project);
  /* Self-contained: both diagrams and the attack tree inline, nothing fetched. */
  g_assert_cmpuint (bw_report_count (report, BW_REPORT_BLOCK_FIGURE, 0), ==, 3);
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_null (strstr (html, "<?xml"));
  g_assert_null (strstr (html, "src=\"http"));
  g_assert_null (strstr (html, "<link"));
  g_assert_nonnull (strstr (html, "@media print"));
  /* Risk outcomes are coloured, and say so in words as well. */
  g_assert_nonnull (strstr (html, "<td class=\" t-bad\">1 · Uncontrolled</td>"));
  g_assert_nonnull (strstr (html, "<td class=\" t-good\">0 · Acceptable</td>"));
  /* Each figure's SVG ids are its own. */
  g_assert_nonnull (strstr (html, "id=\"f1-"));
  g_assert_nonnull (strstr (html, "id=\"f3-"));
}

static void
test_example_markdown (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autofree char *md = bw_report_to_markdown (report, "final-figures");

  assert_final_contents (md, project);
  g_assert_nonnull (strstr (md, "](final-figures/D-1.svg)"));
  g_assert_nonnull (strstr (md, "](final-figures/AT-1.svg)"));
}

static void
test_documents (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  static const struct {
    BwReportDocument document;
    const char      *present;
    const char      *absent;
  } cases[] = {
    { BW_REPORT_CONCEPT, "Security requirements", "Traceability matrix" },
    { BW_REPORT_ANALYSIS, "Threats by element and STRIDE", "Security requirements" },
    { BW_REPORT_VULNERABILITIES, "Known vulnerabilities", "Threats by element" },
    { BW_REPORT_RETIREMENT, "Legal retention", "Assets" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BwReport) report = bw_report_build (project, cases[i].document);
      g_autofree char *md = bw_report_to_markdown (report, "f");

      g_assert_nonnull (strstr (md, cases[i].present));
      g_assert_null (strstr (md, cases[i].absent));
      g_assert_cmpstr (bw_report_get_title (report), ==, bw_report_document_title (cases[i].document));
    }
}

static void
test_tones (void)
{
  g_autoptr(BwReport) report = bw_report_new ("Tones", "test");
  const char * const columns[] = { "A", "B", NULL };
  const BwReportBlock *table;

  bw_report_add_table (report, NULL, columns);
  bw_report_add_row (report, "1", "2", NULL);
  bw_report_add_row (report, "3", "4", NULL);
  bw_report_set_cell_tone (report, 1, BW_REPORT_TONE_BAD);
  table = bw_report_get_block (report, 0);
  g_assert_cmpint (bw_report_block_get_tone (table, 1, 1), ==, BW_REPORT_TONE_BAD);
  g_assert_cmpint (bw_report_block_get_tone (table, 1, 0), ==, BW_REPORT_TONE_NONE);
  g_assert_cmpint (bw_report_block_get_tone (table, 0, 1), ==, BW_REPORT_TONE_NONE);
  g_assert_cmpint (bw_report_block_get_tone (table, 7, 1), ==, BW_REPORT_TONE_NONE);
}

static void
test_names (void)
{
  BwReportDocument document;
  BwReportFormat format;

  for (guint i = 0; i < BW_REPORT_N_DOCUMENTS; i++)
    {
      g_assert_true (bw_report_document_from_string (bw_report_document_to_string (i), &document));
      g_assert_cmpint (document, ==, i);
    }
  for (guint i = 0; i < BW_REPORT_N_FORMATS; i++)
    {
      g_assert_true (bw_report_format_from_string (bw_report_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (bw_report_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, BW_REPORT_FORMAT_MARKDOWN);
  g_assert_false (bw_report_document_from_string ("summary", &document));
  g_assert_false (bw_report_format_from_string ("docx", &format));
  g_assert_false (bw_report_format_from_string (NULL, &format));
}

static void
test_html_escaping (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autofree char *html = bw_report_to_html (report);

  /* The name shows as text; no user markup gets through. */
  g_assert_null (strstr (html, "<script>"));
  g_assert_null (strstr (html, "<b>bolus"));
  g_assert_null (strstr (html, "<pump>"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "Tampering with &lt;b&gt;bolus&lt;/b&gt; | replay"));
  g_assert_nonnull (strstr (html, "<title>Final report — Small &lt;pump&gt; model, version 1.0</title>"));
  g_assert_nonnull (strstr (html, "Test &amp; Co"));
  /* Archived threats stay out of reports (FORMAT.md). */
  g_assert_null (strstr (html, "Archived threat"));
}

static void
test_markdown_escaping (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autofree char *md = bw_report_to_markdown (report, "small-figures");
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);

  g_assert_null (strstr (md, "<script>"));
  g_assert_nonnull (strstr (md, "| EE-1 | External entity | &lt;script&gt;alert\\(1\\)&lt;/script&gt; |"));
  g_assert_nonnull (strstr (md, "Pump \\*firmware\\*"));
  g_assert_nonnull (strstr (md, "MAC\\_and\\_counter"));
  g_assert_nonnull (strstr (md, "Dose \\`settings\\`"));
  /* Text that would make a heading or a list stays text. */
  g_assert_nonnull (strstr (md, "\n\\# Not a heading  \n1\\. not a list\n"));

  /* A "|" in a cell never splits it: every row of a table has as many
   * unescaped pipes as its header. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint pipes = 0;

      if (lines[i][0] != '|')
        continue;
      for (const char *p = lines[i]; *p != '\0'; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            p++;
          else if (*p == '|')
            pipes++;
        }
      if (i > 0 && lines[i - 1][0] == '|')
        {
          guint previous = 0;

          for (const char *p = lines[i - 1]; *p != '\0'; p++)
            {
              if (*p == '\\' && p[1] != '\0')
                p++;
              else if (*p == '|')
                previous++;
            }
          g_assert_cmpuint (pipes, ==, previous);
        }
    }
}

static void
test_markdown_golden (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autofree char *md = bw_report_to_markdown (report, "small-figures");
  g_autofree char *golden_path = g_test_build_filename (G_TEST_DIST, "data", "report", "small-final.md", NULL);
  g_autofree char *golden = NULL;
  g_autoptr(GString) actual = g_string_new (md);
  g_autoptr(GError) error = NULL;

  g_file_get_contents (golden_path, &golden, NULL, &error);
  g_assert_no_error (error);
  /* The golden file outlives version bumps. */
  g_string_replace (actual, "Bulwark " PACKAGE_VERSION, "Bulwark @VERSION@", 0);
  if (g_strcmp0 (actual->str, golden) != 0 && g_getenv ("BW_UPDATE_GOLDEN") != NULL)
    g_file_set_contents (golden_path, actual->str, -1, NULL);
  g_assert_cmpstr (actual->str, ==, golden);
}

static void
test_csv (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "small.csv", NULL);
  g_autofree char *trace_path = g_build_filename (dir, "small-traceability.csv", NULL);
  g_autofree char *threats = NULL;
  g_autofree char *trace = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_report_write (report, BW_REPORT_FORMAT_CSV, path, written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (written, 1), ==, trace_path);
  g_assert_true (g_file_get_contents (path, &threats, NULL, NULL));
  g_assert_true (g_file_get_contents (trace_path, &trace, NULL, NULL));

  g_assert_true (g_str_has_prefix (threats, "Element,STRIDE,ID,Threat,Status,Treatment,Rationale,Risk before,Risk after\r\n"));
  g_assert_nonnull (strstr (threats, ",T-1,Tampering with <b>bolus</b> | replay,"));
  /* A formula stays text in a spreadsheet; quotes are doubled. */
  g_assert_nonnull (strstr (threats, ",\"'=HYPERLINK(\"\"x\"\") elevation\","));
  g_assert_true (g_str_has_prefix (trace, "Asset,Element,Threat,"));
  g_assert_nonnull (strstr (trace, "A-1,DF-1,T-1,Uncontrolled,Controlled,O-1,R-1,Test TC-1,\r\n"));

  g_unlink (path);
  g_unlink (trace_path);
  g_rmdir (dir);
}

static void
test_csv_without_table (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_RETIREMENT);
  g_autoptr(GError) error = NULL;

  g_assert_false (bw_report_write (report, BW_REPORT_FORMAT_CSV, "/nonexistent/x.csv", NULL, &error));
  g_assert_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Markdown"));
}

static void
test_write_error (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_CONCEPT);

  for (guint f = 0; f < BW_REPORT_N_FORMATS; f++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (bw_report_write (report, f, "/nonexistent-dir/report.out", NULL, &error));
      g_assert_error (error, BW_REPORT_ERROR, BW_REPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "/nonexistent-dir/report.out"));
    }
}

static void
test_markdown_figures (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_ANALYSIS);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "analysis.md", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "analysis-figures", "D-1.svg", NULL);
  g_autofree char *figures = g_build_filename (dir, "analysis-figures", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bw_report_write (report, BW_REPORT_FORMAT_MARKDOWN, path, written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_true (g_file_get_contents (svg_path, &svg, NULL, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  g_assert_nonnull (strstr (svg, "<svg"));

  g_unlink (svg_path);
  g_unlink (path);
  g_rmdir (figures);
  g_rmdir (dir);
}

/* pdftotext of one page, or NULL when poppler-utils are missing. */
static char *
pdf_text (const char *path,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  g_autofree char *out = NULL;
  int status = 0;
  const char *argv_all[] = { "pdftotext", "-layout", path, "-", NULL };
  const char *argv_page[] = { "pdftotext", "-layout", "-f", first, "-l", first, path, "-", NULL };

  if (!g_spawn_sync (NULL, (char **) (page > 0 ? argv_page : argv_all), NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

static int
pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL))
    return -1;
  line = strstr (out, "Pages:");
  return line != NULL ? atoi (line + strlen ("Pages:")) : -1;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");

  if (pdftotext == NULL || pdfinfo == NULL)
    {
      g_test_skip ("pdftotext/pdfinfo not found: install poppler-utils (tools/install-deps.sh test)");
      return FALSE;
    }
  return TRUE;
}

static void
test_example_pdf (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autoptr(BwReportPages) pages = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "final.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  guint n = bw_report_pages_get_n (pages);

  g_assert_true (bw_report_write (report, BW_REPORT_FORMAT_PDF, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The example's final report: the parts and the final sections each
   * start a page; it fits in about a dozen pages. */
  g_assert_cmpuint (n, >=, 8);
  g_assert_cmpuint (n, <=, 20);

  if (have_poppler ())
    {
      g_assert_cmpint (pdf_pages (path), ==, n);
      text = pdf_text (path, 0);
      g_assert_nonnull (text);
      /* The text layer holds what the reader sees: sections, IDs, hash. */
      {
        g_autoptr(GString) flat = g_string_new (text);

        /* pdftotext may break a long hash over two table lines. */
        g_string_replace (flat, "\n", " ", 0);
        assert_final_contents (flat->str, project);
      }
      last = pdf_text (path, n);
      expected = g_strdup_printf ("Page %u of %u", n, n);
      g_assert_nonnull (strstr (last, expected));
      g_assert_nonnull (strstr (last, "Final report — Connected insulin pump, version 2.0"));
    }

  g_unlink (path);
  g_rmdir (dir);
}

/* The small model's final report: each part and final section starts a
 * page (title page, concept, analysis with its diagram, vulnerabilities,
 * retirement, traceability, checks with conclusion and history). */
static void
test_small_pdf_pages (void)
{
  g_autoptr(BwProject) project = load_small ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_FINAL);
  g_autoptr(BwReportPages) pages = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "small.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (bw_report_pages_get_n (pages), ==, 8);
  g_assert_true (bw_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  if (have_poppler ())
    {
      g_autofree char *text = pdf_text (path, 0);

      g_assert_cmpint (pdf_pages (path), ==, 8);
      /* Escaped in HTML, the name is plain text in the PDF. */
      g_assert_nonnull (strstr (text, "<script>alert(1)</script>"));
      g_assert_nonnull (strstr (text, "Page 8 of 8"));
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* A table longer than a page continues on the next with its header row. */
static void
test_pdf_table_breaks (void)
{
  g_autoptr(BwReport) report = bw_report_new ("Long table", "test");
  const char * const columns[] = { "Number", "Square", "Words", NULL };
  g_autoptr(BwReportPages) pages = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bw-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint n;

  bw_report_add_heading (report, 1, NULL, "Long table");
  bw_report_add_table (report, NULL, columns);
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *number = g_strdup_printf ("row%u", i);
      g_autofree char *square = g_strdup_printf ("%u", i * i);

      bw_report_add_row (report, number, square, "some words that wrap when the column is narrow", NULL);
    }
  pages = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);
  n = bw_report_pages_get_n (pages);
  g_assert_cmpuint (n, >=, 3);
  g_assert_true (bw_report_write_pdf (report, path, &error));
  g_assert_no_error (error);

  if (have_poppler ())
    {
      g_autofree char *all = pdf_text (path, 0);

      g_assert_cmpint (pdf_pages (path), ==, n);
      for (guint p = 1; p <= n; p++)
        {
          g_autofree char *text = pdf_text (path, p);

          g_assert_nonnull (strstr (text, "Number"));
          g_assert_nonnull (strstr (text, "Square"));
        }
      /* No row lost or doubled at a page break. */
      for (guint i = 1; i <= 300; i++)
        {
          g_autofree char *row = g_strdup_printf ("row%u ", i);
          const char *hit = strstr (all, row);

          g_assert_nonnull (hit);
          g_assert_null (strstr (hit + 1, row));
        }
    }
  g_unlink (path);
  g_rmdir (dir);
}

/* The layout adapts to the page it is given (printing uses the printer's). */
static void
test_pages_any_size (void)
{
  g_autoptr(BwProject) project = bw_test_load_example ();
  g_autoptr(BwReport) report = bw_report_build (project, BW_REPORT_ANALYSIS);
  g_autoptr(BwReportPages) a4 = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);
  g_autoptr(BwReportPages) small = bw_report_pages_new (report, 420, 595);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 420, 595);
  cairo_t *cr = cairo_create (surface);

  g_assert_cmpuint (bw_report_pages_get_n (small), >, bw_report_pages_get_n (a4));
  for (guint i = 0; i < bw_report_pages_get_n (small); i++)
    bw_report_pages_draw (small, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A new, empty project still gives every document, with helpful text. */
static void
test_empty_project (void)
{
  g_autoptr(BwProject) project = bw_project_new ();

  for (guint d = 0; d < BW_REPORT_N_DOCUMENTS; d++)
    {
      g_autoptr(BwReport) report = bw_report_build (project, d);
      g_autofree char *md = bw_report_to_markdown (report, "f");
      g_autoptr(BwReportPages) pages = bw_report_pages_new (report, BW_REPORT_PAGE_WIDTH, BW_REPORT_PAGE_HEIGHT);

      g_assert_cmpuint (bw_report_pages_get_n (pages), >=, 1);
      g_assert_nonnull (strstr (md, bw_report_document_title (d)));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/names", test_names);
  g_test_add_func ("/report/tones", test_tones);
  g_test_add_func ("/report/example/html", test_example_html);
  g_test_add_func ("/report/example/markdown", test_example_markdown);
  g_test_add_func ("/report/example/pdf", test_example_pdf);
  g_test_add_func ("/report/documents", test_documents);
  g_test_add_func ("/report/escaping/html", test_html_escaping);
  g_test_add_func ("/report/escaping/markdown", test_markdown_escaping);
  g_test_add_func ("/report/markdown/golden", test_markdown_golden);
  g_test_add_func ("/report/markdown/figures", test_markdown_figures);
  g_test_add_func ("/report/csv", test_csv);
  g_test_add_func ("/report/csv/without-table", test_csv_without_table);
  g_test_add_func ("/report/write-error", test_write_error);
  g_test_add_func ("/report/pdf/small-pages", test_small_pdf_pages);
  g_test_add_func ("/report/pdf/table-breaks", test_pdf_table_breaks);
  g_test_add_func ("/report/pages/any-size", test_pages_any_size);
  g_test_add_func ("/report/empty-project", test_empty_project);

  return g_test_run ();
}
