/* test-report.c — the Report page as a user drives it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "bw-command-remove.h"
#include "bw-command-stack.h"
#include "bw-report-page.h"

#include "bw-ui-test-utils.h"

static BwReportPage *
find_page (BwWindow *window)
{
  GtkWidget *page = bw_ui_find (GTK_WIDGET (window), bw_ui_match_type,
                                GSIZE_TO_POINTER (BW_TYPE_REPORT_PAGE));

  g_assert_nonnull (page);
  return BW_REPORT_PAGE (page);
}

/* The preview's "N sections · N tables · N pictures" line. */
static gboolean
match_counts (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), " tables · ") != NULL;
}

static gboolean
match_outline (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

static void
test_report_export (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "report");
  BwReportPage *page = find_page (window);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-ui-XXXXXX", NULL);
  g_autofree char *html_path = g_build_filename (dir, "final.html", NULL);
  g_autofree char *md_path = g_build_filename (dir, "analysis.md", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "analysis-figures", "D-1.svg", NULL);
  g_autofree char *figures = g_build_filename (dir, "analysis-figures", NULL);
  g_autofree char *html = NULL;
  g_autofree char *md = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) html_file = g_file_new_for_path (html_path);
  g_autoptr(GFile) md_file = g_file_new_for_path (md_path);
  g_autoptr(GFile) bad_file = g_file_new_for_path ("/nonexistent-folder/report.html");
  g_autoptr(GError) error = NULL;

  /* The final report is chosen first; its outline names every part. */
  g_assert_cmpint (bw_report_page_get_document (page), ==, BW_REPORT_FINAL);
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), match_outline, "Traceability matrix"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), match_outline, "Retirement plan"));
  bw_ui_screenshot (GTK_WIDGET (window), "report-final");

  name = bw_report_page_dup_default_name (page);
  g_assert_cmpstr (name, ==, "Connected insulin pump – Final report.html");

  g_assert_true (bw_report_page_export_to_file (page, html_file, &error));
  g_assert_no_error (error);
  html = read_text (html_path);
  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>"));
  g_assert_nonnull (strstr (html, "T-9"));
  g_assert_nonnull (strstr (html, "R-4"));
  g_assert_nonnull (strstr (html, "<svg"));
  bw_ui_settle (100);
  /* The toast offers to open what was written. */
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "Exported “final.html”"));
  bw_ui_screenshot (GTK_WIDGET (window), "report-exported");

  /* Another document and format: the outline follows, pictures beside. */
  bw_report_page_set_document (page, BW_REPORT_ANALYSIS);
  bw_report_page_set_format (page, BW_REPORT_FORMAT_MARKDOWN);
  bw_ui_settle (50);
  g_assert_cmpint (bw_report_page_get_document (page), ==, BW_REPORT_ANALYSIS);
  g_assert_cmpint (bw_report_page_get_format (page), ==, BW_REPORT_FORMAT_MARKDOWN);
  g_assert_null (bw_ui_find (GTK_WIDGET (page), match_outline, "Traceability matrix"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), match_outline, "Threats by element and STRIDE"));
  g_assert_true (bw_report_page_export_to_file (page, md_file, &error));
  g_assert_no_error (error);
  md = read_text (md_path);
  g_assert_true (g_str_has_prefix (md, "# Security analysis"));
  g_assert_true (g_file_test (svg_path, G_FILE_TEST_IS_REGULAR));

  /* A folder that does not exist: an error, said in a toast, no crash. */
  g_assert_false (bw_report_page_export_to_file (page, bad_file, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/report.html"));

  /* Readable in the dark style too. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  bw_ui_settle (100);
  bw_ui_screenshot (GTK_WIDGET (window), "report-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  bw_ui_close_window (window);
  g_unlink (svg_path);
  g_rmdir (figures);
  g_unlink (md_path);
  g_unlink (html_path);
  g_rmdir (dir);
}

static void
test_report_print (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "report");
  BwReportPage *page = find_page (window);
  g_autofree char *dir = g_dir_make_tmp ("bw-report-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;

  bw_report_page_set_document (page, BW_REPORT_CONCEPT);
  g_assert_true (bw_report_page_print_to_pdf (page, path, &error));
  g_assert_no_error (error);
  pdf = read_text (path);
  g_assert_true (g_str_has_prefix (pdf, "%PDF"));

  /* The printout is the PDF writer's pages: same header, same text. */
  if (pdftotext != NULL)
    {
      const char *argv[] = { "pdftotext", path, "-", NULL };
      g_autofree char *text = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &status, NULL));
      g_assert_nonnull (strstr (text, "Security concept — Connected insulin pump, version 2.0"));
      g_assert_nonnull (strstr (text, "Page 1 of"));
      g_assert_nonnull (strstr (text, "R-1"));
      g_assert_nonnull (strstr (text, "ASM-1"));
    }
  else
    g_test_message ("pdftotext not found (poppler-utils): the printout's text is not checked");

  bw_ui_close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
counts_say (gpointer data)
{
  GtkWidget *label = ((GtkWidget **) data)[0];
  const char *expected = ((const char **) data)[1];

  return strstr (gtk_label_get_text (GTK_LABEL (label)), expected) != NULL;
}

/* The preview follows edits, undo and redo. */
static void
test_report_follows_edits (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "report");
  BwReportPage *page = find_page (window);
  BwCommandStack *stack = bw_project_get_command_stack (project);
  const char * const ids[] = { "AT-1", NULL };
  g_autoptr(BwCommand) remove = bw_command_remove_new (project, ids);
  g_autoptr(GError) error = NULL;
  gpointer wait[2];

  wait[0] = bw_ui_find (GTK_WIDGET (page), match_counts, NULL);
  g_assert_nonnull (wait[0]);
  g_assert_nonnull (strstr (gtk_label_get_text (wait[0]), "3 pictures"));

  g_assert_true (bw_command_stack_execute (stack, remove, &error));
  g_assert_no_error (error);
  wait[1] = (gpointer) "2 pictures";
  bw_ui_iterate_until (counts_say, wait);

  bw_command_stack_undo (stack);
  wait[1] = (gpointer) "3 pictures";
  bw_ui_iterate_until (counts_say, wait);

  bw_ui_close_window (window);
}

static void
test_report_empty (void)
{
  BwWindow *window = bw_ui_open_window (NULL, "report");

  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "Nothing to Report Yet"));
  bw_ui_screenshot (GTK_WIDGET (window), "report-empty");
  bw_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "report"))
    return 0;

  g_test_add_func ("/ui/report/export", test_report_export);
  g_test_add_func ("/ui/report/print", test_report_print);
  g_test_add_func ("/ui/report/follows-edits", test_report_follows_edits);
  g_test_add_func ("/ui/report/empty", test_report_empty);

  return g_test_run ();
}
