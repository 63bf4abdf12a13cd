/* test-risk.c — the risk page as a user sees it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-risk-method.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-risk-assessment.h"
#include "bw-risk-page.h"
#include "bw-ui-test-utils.h"

static GtkWidget *
find_named (BwWindow   *window,
            const char *name)
{
  GtkWidget *widget = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, name);

  if (widget == NULL)
    g_error ("no widget named %s", name);
  return widget;
}

static GtkWidget *
cell (BwWindow *window,
      int       e,
      int       s)
{
  g_autofree char *name = g_strdup_printf ("risk-cell-%d-%d", e, s);

  return find_named (window, name);
}

/* Scrolls the risk page to its end, where the method editor is. */
static void
scroll_to_editor (BwWindow *window)
{
  GtkWidget *page = bw_ui_find (GTK_WIDGET (window), bw_ui_match_type, GSIZE_TO_POINTER (BW_TYPE_RISK_PAGE));
  GtkWidget *scrolled = bw_ui_find (page, bw_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  bw_ui_settle (50);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  bw_ui_settle (50);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
}

static const char *
cell_count (BwWindow *window,
            int       e,
            int       s)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (cell (window, e, s)), "count"));
}

static const char *
cell_outcome (BwWindow *window,
              int       e,
              int       s)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (cell (window, e, s)), "outcome"));
}

/* Every cell shows what bw_risk_counts gives for the stage. */
static void
assert_cells (BwWindow    *window,
              BwProject   *project,
              BwRiskStage  stage)
{
  g_autoptr(BwRiskCounts) counts = bw_risk_counts_new (project, stage);

  for (int e = 1; e <= 5; e++)
    for (int s = 1; s <= 5; s++)
      {
        g_autofree char *expected = g_strdup_printf ("%u", bw_risk_counts_get (counts, e, s));

        g_assert_cmpstr (cell_count (window, e, s), ==, expected);
        g_assert_cmpstr (cell_outcome (window, e, s), ==,
                         bw_outcome_describe (bw_risk_counts_get_cell_outcome (counts, e, s)));
        g_assert_true (gtk_widget_get_focusable (cell (window, e, s)));
      }
}

static void
test_risk_counts (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  g_autoptr(BwRiskCounts) before = bw_risk_counts_new (project, BW_RISK_BEFORE);
  g_autoptr(BwRiskCounts) after = bw_risk_counts_new (project, BW_RISK_AFTER);
  const char *tooltip;

  assert_cells (window, project, BW_RISK_BEFORE);
  /* T-1 is rated High × Catastrophic before and Very low × Catastrophic after. */
  g_assert_cmpuint (bw_risk_counts_get (before, 4, 5), >, bw_risk_counts_get (after, 4, 5));
  g_assert_cmpuint (bw_risk_counts_get (before, 1, 5), <, bw_risk_counts_get (after, 1, 5));

  tooltip = gtk_widget_get_tooltip_text (cell (window, 4, 5));
  g_assert_nonnull (strstr (tooltip, "High × Catastrophic"));
  g_assert_nonnull (strstr (tooltip, "uncontrolled"));

  bw_ui_screenshot (GTK_WIDGET (window), "risk-light");
  scroll_to_editor (window);
  bw_ui_screenshot (GTK_WIDGET (window), "risk-method-light");

  bw_ui_click (find_named (window, "risk-after"));
  bw_ui_settle (20);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (find_named (window, "risk-after"))));
  assert_cells (window, project, BW_RISK_AFTER);
  {
    g_autofree char *count_before = g_strdup_printf ("%u", bw_risk_counts_get (before, 1, 5));

    g_assert_cmpstr (cell_count (window, 1, 5), !=, count_before);
  }

  bw_ui_click (find_named (window, "risk-before"));
  bw_ui_settle (20);
  assert_cells (window, project, BW_RISK_BEFORE);

  bw_ui_close_window (window);
}

/* A cell shows the threats page filtered to it. */
static void
test_risk_cell_filters (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  GVariant *target;

  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (cell (window, 4, 5)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "before:4:5");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (cell (window, 4, 5))), ==, "win.filter-threats");
  bw_ui_click (cell (window, 4, 5));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");

  g_assert_true (bw_window_select (window, "risk"));
  bw_ui_click (find_named (window, "risk-after"));
  bw_ui_settle (20);
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (cell (window, 1, 5)));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "after:1:5");
  bw_ui_click (cell (window, 1, 5));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");

  bw_ui_close_window (window);
}

/* Each uncontrolled residual risk is listed and one click from its threat. */
static void
test_risk_residuals (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  g_autoptr(GPtrArray) residuals = bw_risk_assessment_dup_uncontrolled_residuals (project);

  g_assert_cmpuint (residuals->len, >, 0);
  for (guint i = 0; i < residuals->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("risk-residual-%s", bw_record_get_id (residuals->pdata[i]));
      GtkWidget *row = find_named (window, name);

      g_assert_true (gtk_widget_is_drawable (row));
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "risk-residual-none"));
      bw_ui_click (row);
      g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");
      g_assert_true (bw_window_select (window, "risk"));
    }

  bw_ui_close_window (window);
}

/* A level name and a cell of the matrix: each one undo step. */
static void
test_risk_edit_undo (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  GtkWidget *entry = find_named (window, "risk-severity-3");
  GtkWidget *outcome = find_named (window, "risk-outcome-4-4");
  GtkWidget *other = find_named (window, "risk-outcome-1-1");
  BwRiskMethod *method;

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Serious");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Moderate");
  bw_ui_settle (20);
  method = bw_project_get_risk_method (project);
  g_assert_cmpstr (bw_risk_method_get_severity (method)[2], ==, "Moderate");
  /* The matrix above follows at once. */
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "Moderate"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (cell (window, 3, 3)), "Medium × Moderate"));

  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (20);
  g_assert_cmpstr (bw_risk_method_get_severity (bw_project_get_risk_method (project))[2], ==, "Serious");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Serious");

  /* A blank name is refused with a message, and the project keeps its name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  bw_ui_settle (20);
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "A level needs a name."));
  g_assert_cmpstr (bw_risk_method_get_severity (bw_project_get_risk_method (project))[2], ==, "Serious");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Serious");
  bw_ui_settle (20);
  g_assert_false (gtk_widget_has_css_class (entry, "error"));

  /* T-3 (4 × 4) was uncontrolled; its cell now says controlled. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (outcome)), ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (outcome), 1);
  bw_ui_settle (20);
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 4, 4), ==, "controlled");
  g_assert_cmpstr (cell_outcome (window, 4, 4), ==, bw_outcome_describe (BW_OUTCOME_CONTROLLED));
  g_assert_true (gtk_widget_has_css_class (cell (window, 4, 4), "controlled"));

  /* A second cell is a step of its own. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (other), 2);
  bw_ui_settle (20);
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 1, 1), ==, "uncontrolled");
  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (20);
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 1, 1), ==, "acceptable");
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 4, 4), ==, "controlled");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (other)), ==, 0);

  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (20);
  g_assert_cmpstr (bw_risk_method_get_outcome (bw_project_get_risk_method (project), 4, 4), ==, "uncontrolled");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (outcome)), ==, 2);
  g_assert_cmpstr (cell_outcome (window, 4, 4), ==, bw_outcome_describe (BW_OUTCOME_UNCONTROLLED));
  g_assert_false (bw_command_stack_get_can_undo (stack));

  /* The acceptance criteria, typed in, and undone. */
  {
    GtkTextView *view = GTK_TEXT_VIEW (find_named (window, "risk-acceptance"));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    g_autofree char *before = g_strdup (bw_risk_method_get_acceptance (bw_project_get_risk_method (project)));
    g_autofree char *shown = NULL;
    GtkTextIter start;
    GtkTextIter end;

    gtk_text_buffer_set_text (buffer, "Only acceptable risks are accepted.", -1);
    bw_ui_settle (20);
    g_assert_cmpstr (bw_risk_method_get_acceptance (bw_project_get_risk_method (project)), ==,
                     "Only acceptable risks are accepted.");
    g_assert_true (bw_command_stack_undo (stack));
    bw_ui_settle (20);
    g_assert_cmpstr (bw_risk_method_get_acceptance (bw_project_get_risk_method (project)), ==, before);
    gtk_text_buffer_get_bounds (buffer, &start, &end);
    shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    g_assert_cmpstr (shown, ==, before);
  }

  bw_ui_close_window (window);
}

static void
test_risk_restore_default (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  GtkWidget *restore = find_named (window, "risk-restore-default");

  g_assert_false (gtk_widget_get_sensitive (restore));

  gtk_editable_set_text (GTK_EDITABLE (find_named (window, "risk-exploitability-2")), "Unlikely");
  bw_command_stack_seal (stack);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (window, "risk-outcome-2-2")), 2);
  bw_ui_settle (20);
  g_assert_false (bw_risk_method_is_default (bw_project_get_risk_method (project)));
  g_assert_true (gtk_widget_get_sensitive (restore));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);

  bw_ui_click (restore);
  bw_ui_settle (20);
  bw_ui_screenshot (GTK_WIDGET (window), "risk-restored");
  g_assert_true (bw_risk_method_is_default (bw_project_get_risk_method (project)));
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 3);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (window, "risk-exploitability-2"))), ==, "Low");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (window, "risk-outcome-2-2"))), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (find_named (window, "risk-restore-default")));
  assert_cells (window, project, BW_RISK_BEFORE);

  /* The toast offers the replaced method back. */
  bw_ui_click (find_named (window, "_Undo"));
  bw_ui_settle (20);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, 2);
  g_assert_cmpstr (bw_risk_method_get_exploitability (bw_project_get_risk_method (project))[1], ==, "Unlikely");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (window, "risk-exploitability-2"))), ==, "Unlikely");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_named (window, "risk-outcome-2-2"))), ==, 2);

  bw_ui_close_window (window);
}

static gboolean
has_message_dialog (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *(AdwMessageDialog **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

/* A method of another size is drawn at its size; going back to the 5 × 5
 * default when a rating is off its scales is refused with a message. */
static void
test_risk_restore_refused (void)
{
  g_autofree char *json = g_strdelimit (g_strdup (
    "{'format': 'bulwark', 'format_version': 1,"
    " 'diagrams': [{'id': 'D-1', 'name': 'Main', 'kind': 'dataflow'}],"
    " 'elements': [{'id': 'P-1', 'kind': 'process', 'diagram': 'D-1', 'name': 'Pump', 'bounds': [0, 0, 10, 10]}],"
    " 'threats': [{'id': 'T-1', 'target': 'P-1', 'category': 'S', 'risk': {'exploitability': 6, 'severity': 1}}],"
    " 'risk_method': {'name': 'Six', 'exploitability': ['1', '2', '3', '4', '5', 'Six'], 'severity': ['Only'],"
    "  'matrix': [['acceptable'], ['acceptable'], ['acceptable'], ['acceptable'], ['acceptable'], ['uncontrolled']],"
    "  'acceptance': ''}}"), "'", '"');
  g_autoptr(GError) error = NULL;
  g_autoptr(BwProject) project = bw_project_load_from_data (json, strlen (json), &error);
  BwWindow *window;
  AdwMessageDialog *dialog = NULL;

  g_assert_no_error (error);
  window = bw_ui_open_window (project, "risk");
  g_assert_cmpstr (cell_count (window, 6, 1), ==, "1");
  g_assert_cmpstr (cell_outcome (window, 6, 1), ==, bw_outcome_describe (BW_OUTCOME_UNCONTROLLED));
  g_assert_nonnull (find_named (window, "risk-exploitability-6"));
  g_assert_nonnull (find_named (window, "risk-outcome-6-1"));
  g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "risk-severity-2"));

  bw_ui_screenshot (GTK_WIDGET (window), "risk-six-levels");
  bw_ui_click (find_named (window, "risk-restore-default"));
  bw_ui_iterate_until (has_message_dialog, &dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "exploitability"));
  g_assert_cmpstr (bw_risk_method_get_name (bw_project_get_risk_method (project)), ==, "Six");
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));
  bw_ui_screenshot (GTK_WIDGET (dialog), "risk-restore-refused");
  gtk_window_destroy (GTK_WINDOW (dialog));

  bw_ui_close_window (window);
}

/* Edits made elsewhere, and their undo, show when the page is shown again. */
static void
test_risk_follows_changes (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "risk");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  /* T-2 is rated Very high × Minor; on the threats page it becomes Low × Minor. */
  g_assert_cmpstr (cell_count (window, 5, 2), ==, "1");
  g_assert_true (bw_window_select (window, "threats"));
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, 2);
  command = bw_command_set_property_new (project, "T-2/risk", "exploitability", &value);
  g_assert_true (bw_command_stack_execute (stack, command, &error));
  g_assert_no_error (error);
  bw_ui_settle (20);

  g_assert_true (bw_window_select (window, "risk"));
  bw_ui_settle (20);
  assert_cells (window, project, BW_RISK_BEFORE);
  g_assert_cmpstr (cell_count (window, 5, 2), ==, "0");
  g_assert_cmpstr (cell_count (window, 2, 2), ==, "1");

  /* While shown, an undo is followed at once. */
  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (20);
  g_assert_cmpstr (cell_count (window, 5, 2), ==, "1");
  g_assert_cmpstr (cell_count (window, 2, 2), ==, "0");

  bw_ui_close_window (window);
}

/* A project without threats: the matrix gives way to a way to add some. */
static void
test_risk_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  BwWindow *window = bw_ui_open_window (project, "risk");

  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "No Threats to Rate"));
  g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "risk-residual-T-1"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "risk-residual-none"));
  /* The method can be edited before the first threat. */
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "risk-severity-5"));
  bw_ui_screenshot (GTK_WIDGET (window), "risk-empty");

  bw_ui_click (bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, "Show _Threats"));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");

  bw_ui_close_window (window);
}

static void
test_risk_dark (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  BwWindow *window;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  window = bw_ui_open_window (project, "risk");
  g_assert_true (adw_style_manager_get_dark (style));
  assert_cells (window, project, BW_RISK_BEFORE);
  bw_ui_screenshot (GTK_WIDGET (window), "risk-dark");
  scroll_to_editor (window);
  bw_ui_screenshot (GTK_WIDGET (window), "risk-method-dark");
  bw_ui_close_window (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "risk"))
    return 0;

  g_test_add_func ("/ui/risk/counts", test_risk_counts);
  g_test_add_func ("/ui/risk/cell-filters", test_risk_cell_filters);
  g_test_add_func ("/ui/risk/residuals", test_risk_residuals);
  g_test_add_func ("/ui/risk/edit-undo", test_risk_edit_undo);
  g_test_add_func ("/ui/risk/restore-default", test_risk_restore_default);
  g_test_add_func ("/ui/risk/restore-refused", test_risk_restore_refused);
  g_test_add_func ("/ui/risk/follows-changes", test_risk_follows_changes);
  g_test_add_func ("/ui/risk/empty", test_risk_empty);
  g_test_add_func ("/ui/risk/dark", test_risk_dark);

  return g_test_run ();
}
