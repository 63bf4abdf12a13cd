/* test-components.c — the components page as a user sees it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-command-stack.h"
#include "bw-component.h"
#include "bw-components-page.h"
#include "bw-element.h"
#include "bw-inspector.h"
#include "bw-project-io.h"
#include "bw-vulnerability.h"
#include "bw-sidebar-row.h"
#include "bw-window.h"
#include "bw-ui-test-utils.h"

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Depth-first: the first widget under `root` that `match` accepts. */
static GtkWidget *
find_widget (GtkWidget  *root,
             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_visible_label (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_entry_row (GtkWidget     *widget,
              gconstpointer  title)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_combo_row (GtkWidget     *widget,
              gconstpointer  title)
{
  return ADW_IS_COMBO_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* A shown warning icon whose tooltip (on its cell) says `text`. */
static gboolean
is_warning_about (GtkWidget     *widget,
                  gconstpointer  text)
{
  GtkWidget *cell = gtk_widget_get_parent (widget);
  const char *tooltip;

  if (!GTK_IS_IMAGE (widget) || !gtk_widget_get_visible (widget) || cell == NULL)
    return FALSE;
  tooltip = gtk_widget_get_tooltip_text (cell);
  return tooltip != NULL && strstr (tooltip, text) != NULL;
}

static gboolean
is_components_page (GtkWidget     *widget,
                    gconstpointer  data)
{
  return BW_IS_COMPONENTS_PAGE (widget);
}

static gboolean
page_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static BwComponentsPage *
open_components (BwProject *project,
                 BwWindow **window_out)
{
  BwWindow *window = bw_window_new (NULL, project);
  GtkWidget *page;

  gtk_window_present (GTK_WINDOW (window));
  bw_ui_iterate_until (bw_ui_is_mapped, window);
  g_assert_true (bw_window_select (window, "components"));
  page = find_widget (GTK_WIDGET (window), is_components_page, NULL);
  g_assert_nonnull (page);
  bw_ui_iterate_until (page_is_shown, page);
  drain ();
  *window_out = window;
  return BW_COMPONENTS_PAGE (page);
}

static void
close_window (BwWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  drain ();
}

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "sbom", name, NULL);

  return g_file_new_for_path (path);
}

/* The example's two components are listed with their vulnerability counts,
 * and the sidebar counts them. */
static void
test_components_listed (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);

  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "components")), ==, 2);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_visible_label, "mbedTLS"));
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_visible_label, "FreeRTOS kernel"));
  /* mbedTLS: one vulnerability, assessed not_affected, so none open. */
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_visible_label, "1 (0 open)"));
  /* The first by name is selected and shown in the panel. */
  g_assert_cmpstr (bw_components_page_get_selected_id (page), ==, "C-2");

  close_window (window);
}

/* An SBOM import adds what it lists; one undo takes the whole import back. */
static void
test_components_import_undo (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(GFile) file = fixture ("cyclonedx-1.5.json");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  GListModel *components = bw_project_get_components (project);
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);
  GtkWindow *dialog;

  dialog = bw_components_page_import_sbom (page, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  /* Nothing happens before the user agrees. */
  g_assert_cmpuint (g_list_model_get_n_items (components), ==, 2);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "import");
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (components), ==, 6);
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "components")), ==, 6);
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_visible_label, "lwIP"));

  bw_command_stack_undo (stack);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (components), ==, 2);
  g_assert_null (find_widget (GTK_WIDGET (page), is_visible_label, "lwIP"));

  close_window (window);
}

/* Support "none", or a past end of support, shows the warning on the row. */
static void
test_components_support_warning (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);
  GtkWidget *end_row, *support_row;
  BwComponent *mbedtls = BW_COMPONENT (bw_project_lookup (project, "C-1"));

  g_assert_true (bw_components_page_select (page, "C-1", -1));
  drain ();
  g_assert_null (find_widget (GTK_WIDGET (page), is_warning_about, "C-1"));

  end_row = find_widget (GTK_WIDGET (page), is_entry_row, "End of Support (YYYY-MM-DD)");
  g_assert_nonnull (end_row);
  /* What is not a date is not set, only marked. */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (end_row), "x", -1, &position);
  }
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (bw_component_get_end_of_support (mbedtls), ==, "2029-03-31");
  gtk_editable_set_text (GTK_EDITABLE (end_row), "2020-01-31");
  drain ();
  g_assert_false (gtk_widget_has_css_class (end_row, "error"));
  g_assert_cmpstr (bw_component_get_end_of_support (mbedtls), ==, "2020-01-31");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_warning_about, "C-1 (mbedTLS"));

  bw_command_stack_undo (stack);
  drain ();
  g_assert_cmpstr (bw_component_get_end_of_support (mbedtls), ==, "2029-03-31");
  g_assert_null (find_widget (GTK_WIDGET (page), is_warning_about, "C-1 (mbedTLS"));

  support_row = find_widget (GTK_WIDGET (page), is_combo_row, "Support Level");
  adw_combo_row_set_selected (ADW_COMBO_ROW (support_row), 2);  /* None */
  drain ();
  g_assert_cmpstr (bw_component_get_support (mbedtls), ==, "none");
  g_assert_nonnull (find_widget (GTK_WIDGET (page), is_warning_about, "C-1 (mbedTLS"));

  close_window (window);
}

/* not_affected needs its reason: an empty justification is marked. */
static void
test_components_justification_required (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);
  GtkWidget *justification, *status;

  g_assert_true (bw_components_page_select (page, "C-1", 0));
  drain ();
  justification = find_widget (GTK_WIDGET (page), is_entry_row, "Justification");
  status = find_widget (GTK_WIDGET (page), is_combo_row, "Status");
  g_assert_nonnull (justification);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (status)), ==, 2);
  g_assert_false (gtk_widget_has_css_class (justification, "error"));

  gtk_editable_set_text (GTK_EDITABLE (justification), "");
  drain ();
  g_assert_true (gtk_widget_has_css_class (justification, "error"));

  adw_combo_row_set_selected (ADW_COMBO_ROW (status), 1);  /* Affected */
  drain ();
  g_assert_false (gtk_widget_has_css_class (justification, "error"));

  close_window (window);
}

/* Vulnerabilities: imported in one undo step, deleted and restored, and a
 * CVSS vector is checked as it is typed. */
static void
test_components_vulnerabilities (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  g_autoptr(GFile) file = fixture ("osv-single.json");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwComponent *mbedtls = BW_COMPONENT (bw_project_lookup (project, "C-1"));
  GListModel *vulnerabilities = bw_component_get_vulnerabilities (mbedtls);
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);
  GtkWindow *dialog;
  GtkWidget *cvss, *score;

  dialog = bw_components_page_import_vulnerabilities (page, file);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  gtk_window_destroy (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (vulnerabilities), ==, 2);
  bw_command_stack_undo (stack);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (vulnerabilities), ==, 1);

  g_assert_true (bw_components_page_select (page, "C-1", 0));
  drain ();
  cvss = find_widget (GTK_WIDGET (page), is_entry_row, "CVSS v3.1 Vector");
  gtk_editable_set_text (GTK_EDITABLE (cvss), "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  drain ();
  g_assert_true (gtk_widget_has_css_class (cvss, "error"));
  score = gtk_widget_get_next_sibling (cvss);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), "AV"));
  gtk_editable_set_text (GTK_EDITABLE (cvss), "CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  drain ();
  g_assert_false (gtk_widget_has_css_class (cvss, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (score)), ==, "8.4 (High)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "components.delete-vulnerability", NULL));
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (vulnerabilities), ==, 0);
  bw_command_stack_undo (stack);
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (vulnerabilities), ==, 1);

  close_window (window);
}

/* The other direction of the link: the inspector of P-3 names its components. */
static void
test_components_in_inspector (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwElement *element = BW_ELEMENT (bw_project_lookup (project, "P-3"));
  g_autofree char *key = g_strconcat ("diagram:", bw_element_get_diagram (element), NULL);
  BwWindow *window;
  GtkWidget *row;
  const char *subtitle;

  open_components (project, &window);
  g_assert_true (bw_window_select (window, key));
  bw_inspector_set_element_id (bw_window_get_inspector (window), "P-3");
  drain ();
  row = find_widget (GTK_WIDGET (bw_window_get_inspector (window)), has_name, "components-row");
  g_assert_nonnull (row);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  g_assert_nonnull (strstr (subtitle, "mbedTLS 3.6.2"));
  g_assert_nonnull (strstr (subtitle, "FreeRTOS kernel 11.1.0"));

  close_window (window);
}

/* CWE entries: a list is stored normalised, a malformed entry is marked and
 * not stored, and the edit is one undo step. */
static void
test_components_cwe (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwComponent *mbedtls = BW_COMPONENT (bw_project_lookup (project, "C-1"));
  g_autoptr(BwVulnerability) vulnerability = NULL;
  BwWindow *window;
  BwComponentsPage *page = open_components (project, &window);
  GtkWidget *cwe;

  vulnerability = g_list_model_get_item (bw_component_get_vulnerabilities (mbedtls), 0);
  g_assert_cmpstrv (bw_vulnerability_get_cwe (vulnerability), ((const char *[]) { "CWE-787", NULL }));
  g_assert_true (bw_components_page_select (page, "C-1", 0));
  drain ();
  cwe = find_widget (GTK_WIDGET (page), is_entry_row, "Weaknesses (CWE, comma separated)");
  g_assert_nonnull (cwe);

  gtk_editable_set_text (GTK_EDITABLE (cwe), "cwe-787, CWE-120");
  drain ();
  g_assert_false (gtk_widget_has_css_class (cwe, "error"));
  g_assert_cmpstrv (bw_vulnerability_get_cwe (vulnerability), ((const char *[]) { "CWE-787", "CWE-120", NULL }));

  /* Typed on at the end, as a user would; set_text would first clear the
   * field, which is a valid (empty) list. */
  {
    int position = -1;

    gtk_editable_insert_text (GTK_EDITABLE (cwe), ", buffer overflow", -1, &position);
  }
  drain ();
  g_assert_true (gtk_widget_has_css_class (cwe, "error"));
  g_assert_cmpstrv (bw_vulnerability_get_cwe (vulnerability), ((const char *[]) { "CWE-787", "CWE-120", NULL }));

  /* One step back to the example's own list. */
  bw_command_stack_undo (stack);
  drain ();
  g_assert_cmpstrv (bw_vulnerability_get_cwe (vulnerability), ((const char *[]) { "CWE-787", NULL }));
  g_assert_false (bw_command_stack_get_can_undo (stack));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "components"))
    return 0;

  g_test_add_func ("/ui/components/listed", test_components_listed);
  g_test_add_func ("/ui/components/import-undo", test_components_import_undo);
  g_test_add_func ("/ui/components/support-warning", test_components_support_warning);
  g_test_add_func ("/ui/components/justification-required", test_components_justification_required);
  g_test_add_func ("/ui/components/vulnerabilities", test_components_vulnerabilities);
  g_test_add_func ("/ui/components/in-inspector", test_components_in_inspector);
  g_test_add_func ("/ui/components/cwe", test_components_cwe);

  return g_test_run ();
}
