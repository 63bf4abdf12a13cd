/* test-objectives.c — the objectives, requirements and traceability pages
 * as a user sees them (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include "bw-command-add.h"
#include "bw-command-stack.h"
#include "bw-objectives-page.h"
#include "bw-requirements-page.h"
#include "bw-traceability-page.h"
#include "bw-traceability.h"
#include "bw-ui-test-utils.h"

static gpointer
find_page (BwWindow *window,
           GType     type)
{
  GtkWidget *page = bw_ui_find (GTK_WIDGET (window), bw_ui_match_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (page);
  return page;
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

static GtkWidget *
find_named (BwWindow   *window,
            const char *name)
{
  GtkWidget *widget = bw_ui_find (GTK_WIDGET (window), bw_ui_match_name, name);

  g_assert_nonnull (widget);
  return widget;
}

/* A list row of `page` for the record `id`. */
static GtkWidget *
find_row (GtkWidget  *page,
          const char *id)
{
  GtkWidget *row = bw_ui_find (page, bw_ui_match_name, id);

  g_assert_true (GTK_IS_LIST_BOX_ROW (row));
  return row;
}

/* A shown warning icon anywhere under `root`. */
static gboolean
is_shown_warning (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_is_drawable (widget) && gtk_widget_has_css_class (widget, "warning");
}

/* A shown warning icon whose cell's tooltip mentions `text`. */
static gboolean
is_gap_about (GtkWidget     *widget,
              gconstpointer  text)
{
  GtkWidget *cell = gtk_widget_get_parent (widget);
  const char *tooltip = cell != NULL ? gtk_widget_get_tooltip_text (cell) : NULL;

  return is_shown_warning (widget, NULL) && tooltip != NULL && strstr (tooltip, text) != NULL;
}

static BwRecord *
lookup (BwProject  *project,
        const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_nonnull (record);
  return record;
}

/* Key by key, as a user types: each change is a command. */
static void
type_text (GtkWidget  *field,
           const char *text)
{
  if (GTK_IS_TEXT_VIEW (field))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));

      gtk_text_buffer_set_text (buffer, "", -1);
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        gtk_text_buffer_insert_at_cursor (buffer, p, g_utf8_next_char (p) - p);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (field), "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *next = g_strndup (text, g_utf8_next_char (p) - text);

      gtk_editable_set_text (GTK_EDITABLE (field), next);
    }
}

static char *
shown_text (GtkWidget *field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (field));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_objectives_edit (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "objectives");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwObjectivesPage *page = find_page (window, BW_TYPE_OBJECTIVES_PAGE);
  BwObjective *o1 = BW_OBJECTIVE (lookup (project, "O-1"));
  BwObjective *o6 = BW_OBJECTIVE (lookup (project, "O-6"));
  g_autofree char *original = g_strdup (bw_objective_get_text (o1));
  g_autofree char *shown = NULL;
  GtkWidget *text;
  AdwComboRow *scope;
  guint depth;

  /* Every objective is listed; the system objective without requirement
   * is marked, the one with a requirement and the environment one not. */
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("O-%u", i);

      find_row (GTK_WIDGET (page), id);
    }
  g_assert_true (bw_traceability_objective_lacks_requirement (project, o6));
  g_assert_false (bw_traceability_objective_lacks_requirement (project, o1));
  g_assert_false (bw_traceability_objective_lacks_requirement (project, BW_OBJECTIVE (lookup (project, "O-4"))));
  g_assert_nonnull (bw_ui_find (find_row (GTK_WIDGET (page), "O-6"), is_shown_warning, NULL));
  g_assert_null (bw_ui_find (find_row (GTK_WIDGET (page), "O-1"), is_shown_warning, NULL));

  /* Typing a new text is one undo step; undo brings the old one back. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "O-1"));
  bw_ui_drain ();
  g_assert_cmpstr (bw_objectives_page_get_selected_id (page), ==, "O-1");
  text = find_named (window, "objective-text");
  shown = shown_text (text);
  g_assert_cmpstr (shown, ==, original);
  depth = bw_command_stack_get_depth (stack);
  type_text (text, "Only signed commands");
  g_assert_cmpstr (bw_objective_get_text (o1), ==, "Only signed commands");
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  bw_ui_drain ();
  g_assert_nonnull (bw_ui_find (find_row (GTK_WIDGET (page), "O-1"), bw_ui_match_label, "Only signed commands"));
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_cmpstr (bw_objective_get_text (o1), ==, original);
  g_free (shown);
  shown = shown_text (text);
  g_assert_cmpstr (shown, ==, original);

  /* The scope: one step, undone. */
  scope = ADW_COMBO_ROW (find_named (window, "objective-scope"));
  g_assert_cmpuint (adw_combo_row_get_selected (scope), ==, 0);
  adw_combo_row_set_selected (scope, 1);
  g_assert_cmpstr (bw_objective_get_scope (o1), ==, "environment");
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_cmpstr (bw_objective_get_scope (o1), ==, "system");
  g_assert_cmpuint (adw_combo_row_get_selected (scope), ==, 0);

  /* Linking a threat links both sides; undo unlinks both. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "O-6"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "objectives.link-threat", "s", "T-1"));
  g_assert_true (g_strv_contains (bw_objective_get_threats (o6), "T-1"));
  g_assert_true (g_strv_contains (bw_threat_get_objectives (BW_THREAT (lookup (project, "T-1"))), "O-6"));
  bw_command_stack_undo (stack);
  g_assert_false (g_strv_contains (bw_objective_get_threats (o6), "T-1"));
  g_assert_false (g_strv_contains (bw_threat_get_objectives (BW_THREAT (lookup (project, "T-1"))), "O-6"));

  /* Delete, then the toast's undo. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "O-5"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "objectives.delete", NULL));
  bw_ui_drain ();
  g_assert_null (bw_project_lookup (project, "O-5"));
  g_assert_null (bw_ui_find (GTK_WIDGET (page), bw_ui_match_name, "O-5"));
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_nonnull (bw_project_lookup (project, "O-5"));
  find_row (GTK_WIDGET (page), "O-5");

  bw_ui_screenshot (GTK_WIDGET (window), "objectives");
  bw_ui_close_window (window);
}

static void
test_create_requirement (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "objectives");
  BwCommandStack *stack = bw_project_get_command_stack (project);
  BwObjectivesPage *objectives = find_page (window, BW_TYPE_OBJECTIVES_PAGE);
  BwRequirementsPage *requirements = find_page (window, BW_TYPE_REQUIREMENTS_PAGE);
  BwObjective *o6 = BW_OBJECTIVE (lookup (project, "O-6"));
  BwRequirement *requirement;
  g_autofree char *id = NULL;
  AdwComboRow *verification;
  GtkWidget *reference;
  GtkWidget *warning;
  guint depth = bw_command_stack_get_depth (stack);

  /* From O-6, one undo step, and the requirements page shows it. */
  g_assert_true (bw_page_select_record (BW_PAGE (objectives), "O-6"));
  id = bw_objectives_page_create_requirement (objectives);
  g_assert_nonnull (id);
  bw_ui_drain ();
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  requirement = BW_REQUIREMENT (lookup (project, id));
  g_assert_cmpstr (bw_requirement_get_objective (requirement), ==, "O-6");
  g_assert_false (bw_traceability_objective_lacks_requirement (project, o6));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "requirements");
  bw_ui_iterate_until (bw_ui_is_mapped, requirements);
  g_assert_cmpstr (bw_requirements_page_get_selected_id (requirements), ==, id);
  find_row (GTK_WIDGET (requirements), id);
  /* The form names its objective (the sixth after "None"). */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (window, "requirement-objective"))), ==, 6);

  /* One undo takes it away again, redo brings the same ID back. */
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_null (bw_project_lookup (project, id));
  g_assert_true (bw_traceability_objective_lacks_requirement (project, o6));
  g_assert_null (bw_ui_find (GTK_WIDGET (requirements), bw_ui_match_name, id));
  bw_command_stack_redo (stack);
  bw_ui_drain ();
  g_assert_nonnull (bw_project_lookup (project, id));

  /* R-4 has no verification reference: marked until it gets one. */
  g_assert_true (bw_page_select_record (BW_PAGE (requirements), "R-4"));
  bw_ui_drain ();
  requirement = BW_REQUIREMENT (lookup (project, "R-4"));
  reference = find_named (window, "requirement-verification-ref");
  warning = bw_ui_find (reference, is_shown_warning, NULL);
  g_assert_nonnull (warning);
  g_assert_nonnull (bw_ui_find (find_row (GTK_WIDGET (requirements), "R-4"), is_shown_warning, NULL));
  verification = ADW_COMBO_ROW (find_named (window, "requirement-verification"));
  g_assert_cmpuint (adw_combo_row_get_selected (verification), ==, 1);
  adw_combo_row_set_selected (verification, 2);
  g_assert_cmpstr (bw_requirement_get_verification (requirement), ==, "analysis");
  type_text (reference, "IR-7");
  bw_ui_drain ();
  g_assert_cmpstr (bw_requirement_get_verification_ref (requirement), ==, "IR-7");
  g_assert_false (gtk_widget_get_visible (warning));
  g_assert_null (bw_ui_find (find_row (GTK_WIDGET (requirements), "R-4"), is_shown_warning, NULL));
  bw_ui_screenshot (GTK_WIDGET (window), "requirements");

  bw_command_stack_undo (stack);
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_cmpstr (bw_requirement_get_verification (requirement), ==, "inspection");
  g_assert_cmpstr (bw_requirement_get_verification_ref (requirement), ==, "");
  g_assert_true (gtk_widget_get_visible (warning));

  /* "None" unlinks the objective (written as null), undone in one step. */
  g_assert_true (bw_page_select_record (BW_PAGE (requirements), "R-4"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_named (window, "requirement-objective")), 0);
  g_assert_null (bw_requirement_get_objective (requirement));
  bw_command_stack_undo (stack);
  bw_ui_drain ();
  g_assert_cmpstr (bw_requirement_get_objective (requirement), ==, "O-5");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_named (window, "requirement-objective"))), ==, 5);

  /* Its objective is one click away. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (requirements), "win.show-record", "s", "O-5"));
  bw_ui_drain ();
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "objectives");
  g_assert_cmpstr (bw_objectives_page_get_selected_id (objectives), ==, "O-5");

  bw_ui_close_window (window);
}

/* Longer than the page's debounce. */
#define REBUILD_WAIT_MS 500

typedef struct
{
  GListModel *rows;
  guint       n;
} CountWait;

static gboolean
count_changed (gpointer data)
{
  CountWait *wait = data;

  return g_list_model_get_n_items (wait->rows) != wait->n;
}

static gboolean
o6_has_requirement (gpointer data)
{
  GListModel *rows = data;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);
      BwObjective *objective = bw_trace_row_get_objective (row);

      if (objective != NULL && g_str_equal (bw_record_get_id (BW_RECORD (objective)), "O-6"))
        return (bw_trace_row_get_gaps (row) & BW_TRACE_GAP_REQUIREMENT) == 0;
    }
  return FALSE;
}

static gboolean
o6_lacks_requirement (gpointer data)
{
  return !o6_has_requirement (data);
}

static void
test_traceability (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = bw_ui_open_window (project, "traceability");
  BwTraceabilityPage *page = find_page (window, BW_TYPE_TRACEABILITY_PAGE);
  GListModel *rows = bw_traceability_page_get_rows (page);
  g_autoptr(GListModel) expected = bw_traceability_build (project);
  g_autoptr(BwRequirement) requirement = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *csv = NULL;
  GtkEditable *search;
  CountWait wait;
  guint n_all, n_o6 = 0;

  /* One row per path of the example, the O-6 path marked as lacking a
   * requirement. */
  n_all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (n_all, ==, g_list_model_get_n_items (expected));
  g_assert_cmpuint (n_all, >, 6);
  for (guint i = 0; i < n_all; i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);
      BwObjective *objective = bw_trace_row_get_objective (row);

      if (objective != NULL && g_str_equal (bw_record_get_id (BW_RECORD (objective)), "O-6"))
        {
          g_assert_true (bw_trace_row_get_gaps (row) & BW_TRACE_GAP_REQUIREMENT);
          n_o6++;
        }
    }
  g_assert_cmpuint (n_o6, >, 0);
  bw_ui_screenshot (GTK_WIDGET (window), "traceability");

  /* The search narrows to the paths through O-6, its gap shown in the
   * requirement cell. */
  search = GTK_EDITABLE (find_named (window, "trace-search"));
  wait = (CountWait) { rows, n_all };
  gtk_editable_set_text (search, "o-6");
  bw_ui_iterate_until (count_changed, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_o6);
  bw_ui_settle (100);
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_gap_about, "no requirement"));
  bw_ui_screenshot (GTK_WIDGET (window), "traceability-search");

  /* Each ID opens its record. */
  bw_ui_click (bw_ui_find (GTK_WIDGET (page), bw_ui_match_name, "O-6"));
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "objectives");
  g_assert_cmpstr (bw_objectives_page_get_selected_id (find_page (window, BW_TYPE_OBJECTIVES_PAGE)), ==, "O-6");
  g_assert_true (bw_window_select (window, "traceability"));
  bw_ui_iterate_until (bw_ui_is_mapped, page);

  /* Only the rows with gaps. */
  wait = (CountWait) { rows, n_o6 };
  gtk_editable_set_text (search, "");
  bw_ui_iterate_until (count_changed, &wait);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (window, "trace-only-gaps")), TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, n_all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(BwTraceRow) row = g_list_model_get_item (rows, i);

      g_assert_cmpuint (bw_trace_row_get_gaps (row), !=, BW_TRACE_GAP_NONE);
    }

  /* The export writes exactly the rows shown. */
  file = g_file_new_tmp ("bulwark-trace-XXXXXX.csv", &io, &error);
  g_assert_no_error (error);
  g_assert_true (bw_traceability_page_export_to_file (page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_load_contents (file, NULL, &written, NULL, NULL, &error));
  g_assert_no_error (error);
  csv = bw_traceability_to_csv (rows);
  g_assert_cmpstr (written, ==, csv);
  g_assert_nonnull (strstr (written, "O-6"));
  g_file_delete (file, NULL, NULL);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_named (window, "trace-only-gaps")), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_all);

  /* A requirement for O-6 closes the gap, after the debounce. */
  requirement = g_object_new (BW_TYPE_REQUIREMENT, "objective", "O-6", "text", "Logs are signed",
                              "verification-ref", "TC-200", NULL);
  g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (project),
                                           bw_command_add_new (project, BW_RECORD (requirement), -1), &error));
  g_assert_no_error (error);
  bw_ui_iterate_until (o6_has_requirement, rows);

  /* Changed while hidden: traced again as soon as it is shown. */
  g_assert_true (bw_window_select (window, "objectives"));
  bw_ui_iterate_until (is_unmapped, page);
  bw_command_stack_undo (bw_project_get_command_stack (project));
  bw_ui_settle (REBUILD_WAIT_MS);
  g_assert_true (o6_has_requirement (rows));
  g_assert_true (bw_window_select (window, "traceability"));
  bw_ui_iterate_until (o6_lacks_requirement, rows);

  bw_ui_close_window (window);
}

typedef struct
{
  BwWindow   *window;
  const char *label;
} LabelWait;

static gboolean
label_shown (gpointer data)
{
  LabelWait *wait = data;

  return bw_ui_find (GTK_WIDGET (wait->window), bw_ui_match_label, wait->label) != NULL;
}

static void
test_empty_pages (void)
{
  BwWindow *window = bw_ui_open_window (NULL, "traceability");
  BwProject *project = bw_window_get_project (window);
  LabelWait wait = { window, NULL };

  /* A new project: each page explains itself and offers the first step. */
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "Nothing to Trace Yet"));
  g_assert_cmpuint (g_list_model_get_n_items (bw_traceability_page_get_rows (find_page (window,
                                                                                        BW_TYPE_TRACEABILITY_PAGE))),
                    ==, 0);
  bw_ui_screenshot (GTK_WIDGET (window), "traceability-empty");

  g_assert_true (bw_window_select (window, "requirements"));
  wait.label = "No Security Requirements";
  bw_ui_iterate_until (label_shown, &wait);

  g_assert_true (bw_window_select (window, "objectives"));
  wait.label = "No Security Objectives";
  bw_ui_iterate_until (label_shown, &wait);
  bw_ui_screenshot (GTK_WIDGET (window), "objectives-empty");
  bw_ui_click (find_named (window, "_Add Objective"));
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_objectives (project)), ==, 1);
  g_assert_null (bw_ui_find (GTK_WIDGET (window), bw_ui_match_label, "No Security Objectives"));
  /* The new objective is selected, its text ready to be typed. */
  g_assert_cmpstr (bw_objectives_page_get_selected_id (find_page (window, BW_TYPE_OBJECTIVES_PAGE)), ==, "O-1");
  g_assert_true (gtk_widget_has_focus (find_named (window, "objective-text")));
  bw_ui_screenshot (GTK_WIDGET (window), "objectives-new");

  bw_ui_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "objectives"))
    return 0;

  g_test_add_func ("/ui/objectives/edit", test_objectives_edit);
  g_test_add_func ("/ui/objectives/create-requirement", test_create_requirement);
  g_test_add_func ("/ui/objectives/traceability", test_traceability);
  g_test_add_func ("/ui/objectives/empty", test_empty_pages);

  return g_test_run ();
}
