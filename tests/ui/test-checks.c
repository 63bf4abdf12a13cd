/* test-checks.c — the checks page as a user sees it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-checks.h"
#include "bw-checks-page.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-sidebar-row.h"
#include "bw-ui-test-utils.h"

static BwChecksPage *
checks_page (BwWindow *window)
{
  GtkWidget *page = bw_ui_find (GTK_WIDGET (window), bw_ui_match_type, GSIZE_TO_POINTER (BW_TYPE_CHECKS_PAGE));

  g_assert_nonnull (page);
  return BW_CHECKS_PAGE (page);
}

static guint
count_findings (BwProject *project)
{
  g_autoptr(GListModel) findings = bw_checks_run (project);

  return g_list_model_get_n_items (findings);
}

/* The example's findings, grouped, counted, in the sidebar too. */
static void
test_checks_listed (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "checks");
  g_autoptr(GListModel) findings = bw_checks_run (project);
  guint n = g_list_model_get_n_items (findings);
  GtkWidget *group;
  GtkWidget *row;

  g_assert_cmpuint (n, >, 0);
  g_assert_cmpint (bw_checks_page_get_n_findings (checks_page (window)), ==, n);
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "checks")), ==, n);

  /* One group per kind found, with its heading and count. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwFinding) finding = g_list_model_get_item (findings, i);
      g_autofree char *name = g_strdup_printf ("checks-%s", bw_finding_get_kind (finding));

      group = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, name);
      g_assert_true (ADW_IS_EXPANDER_ROW (group));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (group)), ==,
                       bw_checks_describe_kind (bw_finding_get_kind (finding)));
    }
  group = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "checks-missing-stride");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (group)), ==, "27 findings");
  /* A long group starts folded, a short one open. */
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (group)));
  group = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "checks-silent-decision");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (group)), ==, "1 finding");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (group)));

  row = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "T-9"));
  g_assert_true (gtk_widget_is_drawable (row));
  row = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-objective-without-requirement-O-6");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_is_drawable (row));

  bw_ui_screenshot (GTK_WIDGET (window), "checks-light");
  bw_ui_close_window (window);
}

/* A finding is one activation away from its object. */
static void
test_checks_go_to_object (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "checks");
  GtkWidget *row;

  row = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-objective-without-requirement-O-6");
  bw_ui_click (row);
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "objectives");

  g_assert_true (bw_window_select (window, "checks"));
  row = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9");
  bw_ui_click (row);
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");

  bw_ui_close_window (window);
}

static gboolean
n_findings_is (gpointer data)
{
  gpointer *args = data;

  return bw_checks_page_get_n_findings (args[0]) == GPOINTER_TO_INT (args[1]);
}

/* The checks run again once the edits stop, and undo brings findings back. */
static void
test_checks_rerun (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "checks");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwChecksPage *page = checks_page (window);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  int before = bw_checks_page_get_n_findings (page);
  gpointer args[2] = { page, NULL };

  /* Typing a rationale for T-9, one character at a time. */
  g_value_init (&value, G_TYPE_STRING);
  for (const char *text = "Vendor"; *text != '\0'; text++)
    {
      g_autofree char *typed = g_strndup ("Vendor", text - "Vendor" + 1);
      g_autoptr(BwCommand) command = NULL;

      g_value_set_string (&value, typed);
      command = bw_command_set_property_new (project, "T-9", "rationale", &value);
      g_assert_true (bw_command_stack_execute (stack, command, &error));
      g_assert_no_error (error);
    }
  /* Not yet: the run waits for the edits to settle. */
  bw_ui_drain ();
  g_assert_cmpint (bw_checks_page_get_n_findings (page), ==, before);
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9"));

  args[1] = GINT_TO_POINTER (before - 1);
  bw_ui_iterate_until (n_findings_is, args);
  g_assert_cmpint (bw_checks_page_get_n_findings (page), ==, (int) count_findings (project));
  g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9"));
  g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "checks-silent-decision"));
  bw_ui_settle (20);
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "checks")), ==, before - 1);

  g_assert_true (bw_command_stack_undo (stack));
  args[1] = GINT_TO_POINTER (before);
  bw_ui_iterate_until (n_findings_is, args);
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9"));
  bw_ui_settle (20);
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "checks")), ==, before);

  bw_ui_close_window (window);
}

/* Nothing to find: a positive status page. */
static void
test_checks_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  BwWindow *window;

  g_assert_cmpuint (count_findings (project), ==, 0);
  window = bw_ui_open_window (project, "checks");
  g_assert_cmpint (bw_checks_page_get_n_findings (checks_page (window)), ==, 0);
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "No Findings"));
  g_assert_cmpint (bw_sidebar_row_get_count (bw_ui_sidebar_row (window, "checks")), ==, 0);
  bw_ui_screenshot (GTK_WIDGET (window), "checks-empty");
  /* Nothing drawn yet: the way on is to draw. */
  bw_ui_click (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "Show _Diagrams"));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "diagrams");
  bw_ui_close_window (window);
}

static void
test_checks_dark (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  BwWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = bw_ui_open_window (project, "checks");
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "finding-silent-decision-T-9"));
  bw_ui_screenshot (GTK_WIDGET (window), "checks-dark");
  bw_ui_close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "checks"))
    return 0;

  g_test_add_func ("/ui/checks/listed", test_checks_listed);
  g_test_add_func ("/ui/checks/go-to-object", test_checks_go_to_object);
  g_test_add_func ("/ui/checks/rerun", test_checks_rerun);
  g_test_add_func ("/ui/checks/empty", test_checks_empty);
  g_test_add_func ("/ui/checks/dark", test_checks_dark);

  return g_test_run ();
}
