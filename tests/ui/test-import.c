/* test-import.c — importing, exporting and dropping models of other tools
 * (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-application.h"
#include "bw-import.h"
#include "bw-mapping-report-dialog.h"
#include "bw-project-io.h"
#include "bw-window.h"
#include "bw-ui-test-utils.h"

static BwApplication *app;

static GFile *
data_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "import", name, NULL);

  return g_file_new_for_path (path);
}

static BwWindow *
open_example_window (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_window_new (app, project);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static guint
count_project_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BW_IS_WINDOW (l->data))
      n++;

  return n;
}

/* The message dialog of `type` shown over `parent`, if any. */
static AdwMessageDialog *
find_dialog (GtkWindow *parent,
             GType      type)
{
  AdwMessageDialog *found = NULL;

  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) &&
        gtk_window_get_transient_for (l->data) == parent &&
        gtk_widget_get_visible (l->data))
      found = l->data;

  return found;
}

static void
destroy_dialogs (void)
{
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
}

static void
close_all_windows (void)
{
  GList *windows;

  destroy_dialogs ();
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static BwWindow *
newest_project_window (BwWindow *other_than)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BW_IS_WINDOW (l->data) && l->data != other_than)
      return l->data;

  return NULL;
}

static void
test_import_opens_new_window (void)
{
  g_autoptr(GFile) file = data_file ("td-v2-small.json");
  BwWindow *window = open_example_window ();
  BwProject *example = bw_window_get_project (window);
  BwWindow *imported;
  BwProject *project;
  AdwMessageDialog *report;
  g_autofree char *name = NULL;

  /* The way the desktop and the command line open a file. */
  bw_application_open_file (app, file, GTK_WINDOW (window));

  g_assert_cmpuint (count_project_windows (), ==, 2);
  g_assert_true (bw_window_get_project (window) == example);
  imported = newest_project_window (window);
  g_assert_nonnull (imported);
  project = bw_window_get_project (imported);

  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (project)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_threats (project)), ==, 2);
  g_assert_cmpstr (bw_window_get_selected_key (imported), ==, "diagram:D-1");

  /* New and unsaved: no file, modified, and Save suggests the model's name. */
  g_assert_null (bw_project_get_file (project));
  g_assert_true (bw_project_get_modified (project));
  name = bw_project_dup_display_name (project);
  g_assert_cmpstr (name, ==, "Infusion pump (v2)");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (imported)), ==, "• Infusion pump (v2) – Bulwark");

  /* The mapping report sits over the new window and lists every line. */
  report = find_dialog (GTK_WINDOW (imported), BW_TYPE_MAPPING_REPORT_DIALOG);
  g_assert_nonnull (report);
  g_assert_cmpstr (adw_message_dialog_get_heading (report), ==, "Imported “td-v2-small.json”");
  g_assert_cmpuint (bw_mapping_report_dialog_get_n_items (BW_MAPPING_REPORT_DIALOG (report)), ==, 4);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (report), "Threat Dragon v2 model"));
  gtk_window_destroy (GTK_WINDOW (report));

  /* Closing asks to save it instead of losing it. */
  gtk_window_close (GTK_WINDOW (imported));
  g_assert_cmpuint (count_project_windows (), ==, 2);
  g_assert_nonnull (find_dialog (GTK_WINDOW (imported), ADW_TYPE_MESSAGE_DIALOG));

  close_all_windows ();
}

static void
test_import_refused (void)
{
  g_autoptr(GFile) file = data_file ("td-wrong-type.json");
  BwWindow *window = open_example_window ();
  BwProject *example = bw_window_get_project (window);
  AdwMessageDialog *dialog;

  g_assert_null (bw_application_import_file (app, file, GTK_WINDOW (window)));

  /* Nothing open is touched, no project window is added. */
  g_assert_cmpuint (count_project_windows (), ==, 1);
  g_assert_true (bw_window_get_project (window) == example);
  g_assert_false (bw_project_get_modified (example));

  dialog = find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_false (BW_IS_MAPPING_REPORT_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could not import “td-wrong-type.json”");
  /* The importer's message, with the path of what is wrong. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "detail.diagrams[0].cells"));

  close_all_windows ();
}

static void
test_import_not_a_model (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "picture.png", NULL);
  g_autoptr(GFile) file = NULL;
  BwWindow *window = open_example_window ();
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "\x89PNG\r\n\x1a\n", 8, NULL));
  file = g_file_new_for_path (path);

  g_assert_true (bw_window_open_dropped_file (window, file));
  g_assert_cmpuint (count_project_windows (), ==, 1);
  dialog = find_dialog (GTK_WINDOW (window), ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "neither a Bulwark project"));

  close_all_windows ();
}

static void
test_import_dropped (void)
{
  g_autoptr(GFile) file = data_file ("otm-small.json");
  g_autoptr(BwProject) empty = bw_project_new ();
  BwWindow *window = bw_window_new (app, empty);
  BwProject *project;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (bw_window_is_pristine (window));

  /* Dropped on an untouched new window: that window takes the import. */
  g_assert_true (bw_window_open_dropped_file (window, file));
  g_assert_cmpuint (count_project_windows (), ==, 1);
  project = bw_window_get_project (window);
  g_assert_true (project != empty);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (project)), ==, 7);
  g_assert_true (bw_project_get_modified (project));
  g_assert_nonnull (find_dialog (GTK_WINDOW (window), BW_TYPE_MAPPING_REPORT_DIALOG));

  close_all_windows ();
}

static void
test_import_project_under_other_name (void)
{
  g_autoptr(BwProject) example = bw_ui_load_example ();
  g_autoptr(GBytes) bytes = bw_project_to_bytes (example);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "example.json", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *shown;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  /* A project file named .json opens as itself: saved, no report. */
  shown = bw_application_import_file (app, file, NULL);
  g_assert_true (BW_IS_WINDOW (shown));
  g_assert_true (g_file_equal (bw_project_get_file (bw_window_get_project (BW_WINDOW (shown))), file));
  g_assert_false (bw_project_get_modified (bw_window_get_project (BW_WINDOW (shown))));
  g_assert_null (find_dialog (shown, BW_TYPE_MAPPING_REPORT_DIALOG));

  close_all_windows ();
}

static void
check_export (BwWindow       *window,
              const char     *format_name,
              const char     *file_name,
              BwImportFormat  expected)
{
  BwProject *project = bw_window_get_project (window);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) back = NULL;
  BwImportFormat format;

  g_assert_true (bw_window_export_to_file (window, format_name, file, &notes, &error));
  g_assert_no_error (error);

  back = bw_import_from_file (file, NULL, &format, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (format, ==, expected);
  /* OTM has trust zones, not boundary shapes: only Threat Dragon brings
   * back every element as it was. */
  if (expected == BW_IMPORT_FORMAT_THREAT_DRAGON_V2)
    g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_elements (back)), ==,
                      g_list_model_get_n_items (bw_project_get_elements (project)));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_diagrams (back)), ==,
                    g_list_model_get_n_items (bw_project_get_diagrams (project)));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_threats (back)), ==,
                    g_list_model_get_n_items (bw_project_get_threats (project)));

  /* The example has attack trees, which neither format holds: the notes
   * say so, one row each in the dialog Export shows. */
  g_assert_nonnull (notes);
  g_assert_cmpuint (notes->len, >, 0);
  {
    GtkWidget *dialog = bw_mapping_report_dialog_new_for_export (GTK_WINDOW (window), file_name,
                                                                 "Threat Dragon", notes);

    g_assert_cmpuint (bw_mapping_report_dialog_get_n_items (BW_MAPPING_REPORT_DIALOG (dialog)), ==, notes->len);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
}

static void
test_export_reads_back (void)
{
  BwWindow *window = open_example_window ();

  check_export (window, "threat-dragon", "exported.json", BW_IMPORT_FORMAT_THREAT_DRAGON_V2);
  check_export (window, "otm", "exported.otm.json", BW_IMPORT_FORMAT_OTM);
  /* Exporting is no edit. */
  g_assert_false (bw_project_get_modified (bw_window_get_project (window)));

  close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bw_ui_test_init (&argc, &argv, "import"))
    return 0;

  g_test_add_func ("/ui/import/opens-new-window", test_import_opens_new_window);
  g_test_add_func ("/ui/import/refused", test_import_refused);
  g_test_add_func ("/ui/import/not-a-model", test_import_not_a_model);
  g_test_add_func ("/ui/import/dropped", test_import_dropped);
  g_test_add_func ("/ui/import/project-under-other-name", test_import_project_under_other_name);
  g_test_add_func ("/ui/import/export-reads-back", test_export_reads_back);

  app = bw_ui_application_new ();

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
