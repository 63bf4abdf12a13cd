/* test-threats.c — the threats page as a user sees it (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-threats-page-private.h"
#include "bw-traceability.h"
#include "bw-ui-test-utils.h"

typedef struct
{
  BwProject     *project;
  BwWindow      *window;
  BwThreatsPage *page;
} Fixture;

static void
open_on (Fixture   *fixture,
         BwProject *project)
{
  fixture->project = project;
  fixture->window = bw_ui_open_window (project, "threats");
  fixture->page = BW_THREATS_PAGE (bw_ui_find (GTK_WIDGET (fixture->window), bw_ui_match_type,
                                               GSIZE_TO_POINTER (BW_TYPE_THREATS_PAGE)));
  g_assert_nonnull (fixture->page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));
  bw_ui_settle (100);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  open_on (fixture, bw_ui_load_example ());
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  bw_ui_close_window (fixture->window);
  g_clear_object (&fixture->project);
}

/* The IDs the table shows, in its order, space separated; group rows as
 * "[ID]". */
static char *
shown (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (fixture->page->selection);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = GTK_IS_TREE_LIST_ROW (item)
                                  ? gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item))
                                  : g_object_ref (item);

      if (text->len > 0)
        g_string_append_c (text, ' ');
      if (GTK_IS_STRING_OBJECT (object))
        g_string_append_printf (text, "[%s]", gtk_string_object_get_string (GTK_STRING_OBJECT (object)));
      else
        g_string_append (text, bw_record_get_id (BW_RECORD (object)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_shown (Fixture    *fixture,
              const char *expected)
{
  g_autofree char *ids = shown (fixture);

  g_assert_cmpstr (ids, ==, expected);
}

static gboolean
is_drawable_label (GtkWidget     *widget,
                   gconstpointer  text)
{
  return bw_ui_match_label (widget, text) && gtk_widget_is_drawable (widget);
}

static gboolean
is_named_drawable (GtkWidget     *widget,
                   gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0 && gtk_widget_is_drawable (widget);
}

static GtkWidget *
find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

static void
test_lists_threats (Fixture       *fixture,
                    gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;

  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "table");
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Tampering with Bolus command"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Malicious update of the companion app"));
  /* The element's name, the category's, the outcome of the risk matrix:
   * T-3 is rated 4 × 4, uncontrolled on the example's matrix. */
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Pump firmware"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Uncontrolled"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Showing 9 of 9 threats"));
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-list");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  bw_ui_settle (100);
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-list-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  bw_ui_settle (50);

  /* Selecting a threat hands it to the editor and offers its element. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "T-7"));
  g_assert_cmpstr (page->selected_id, ==, "T-7");
  g_assert_cmpstr (bw_threat_editor_get_threat_id (page->editor), ==, "T-7");
  g_assert_true (gtk_widget_get_sensitive (page->show_button));
  /* A derived threat whose rule applies cannot be deleted (FORMAT.md). */
  g_assert_false (gtk_widget_get_sensitive (page->delete_button));
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;

  /* Category: Tampering is the second category (after "All"). */
  gtk_drop_down_set_selected (page->dropdowns[DROPDOWN_CATEGORY], 2);
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-3 T-5 T-6 T-9");
  g_assert_true (gtk_revealer_get_reveal_child (page->chip_revealer));
  g_assert_cmpstr (gtk_label_get_label (page->chip_label), ==, "Filtered: category Tampering");

  /* Text search, within the category: titles and element names. */
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "firmware");
  bw_ui_settle (400);
  assert_shown (fixture, "T-5 T-6");
  gtk_drop_down_set_selected (page->dropdowns[DROPDOWN_CATEGORY], 0);
  bw_ui_settle (50);
  assert_shown (fixture, "T-5 T-6 T-7");

  /* Nothing matches: the status page says so and offers to clear. */
  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "no such threat anywhere");
  bw_ui_settle (400);
  assert_shown (fixture, "");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "no-results");
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.clear-filters", NULL);
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page->search_entry)), ==, "");
  g_assert_false (gtk_revealer_get_reveal_child (page->chip_revealer));

  /* Ctrl+F's action puts the cursor in the search. */
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.search", NULL);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (page->search_entry))
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                            GTK_WIDGET (page->search_entry)));

  /* Status and element drop-downs. */
  bw_page_set_filter (BW_PAGE (page), "status:needs_investigation");
  bw_ui_settle (50);
  assert_shown (fixture, "T-2 T-7 T-9");
  g_assert_cmpuint (gtk_drop_down_get_selected (page->dropdowns[DROPDOWN_STATUS]), ==, 2);
  bw_page_set_filter (BW_PAGE (page), "element:DF-10");
  bw_ui_settle (50);
  assert_shown (fixture, "T-2 T-3");
  bw_page_set_filter (BW_PAGE (page), "category:D");
  bw_ui_settle (50);
  assert_shown (fixture, "T-4");

  /* An edit that takes the threat out of the filter leaves it in the
   * editor: the user is still working on it. */
  bw_page_set_filter (BW_PAGE (page), "status:not_started");
  bw_ui_settle (50);
  assert_shown (fixture, "T-3 T-8");
  g_assert_true (bw_page_select_record (BW_PAGE (page), "T-3"));
  {
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(BwCommand) command = NULL;

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "needs_investigation");
    command = bw_command_set_property_new (fixture->project, "T-3", "status", &value);
    g_assert_true (bw_command_stack_execute (bw_project_get_command_stack (fixture->project), command, NULL));
  }
  bw_ui_settle (100);
  assert_shown (fixture, "T-8");
  g_assert_cmpstr (bw_threat_editor_get_threat_id (page->editor), ==, "T-3");
  g_assert_true (gtk_widget_get_sensitive (page->archive_button));
}

static void
test_set_filter (Fixture       *fixture,
                 gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;

  /* The example's ratings: T-3 is 4 × 4 before, T-4 5 × 4; after, the
   * mitigated ones sit in 1 × 5 (a threat without residual keeps its
   * before rating). */
  bw_page_set_filter (BW_PAGE (page), "before:4:4");
  bw_ui_settle (50);
  assert_shown (fixture, "T-3");
  g_assert_true (gtk_revealer_get_reveal_child (page->chip_revealer));
  g_assert_cmpstr (gtk_label_get_label (page->chip_label), ==,
                   "Filtered: risk before in cell High × Critical");
  bw_page_set_filter (BW_PAGE (page), "before:5:4");
  bw_ui_settle (50);
  assert_shown (fixture, "T-4");
  bw_page_set_filter (BW_PAGE (page), "after:1:5");
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-5 T-6 T-7");
  bw_page_set_filter (BW_PAGE (page), "before:1:1");
  bw_ui_settle (50);
  assert_shown (fixture, "");

  bw_page_set_filter (BW_PAGE (page), "hazard:H-2");
  bw_ui_settle (50);
  assert_shown (fixture, "T-5 T-6");

  /* Bad input: a clear message, all threats, no crash. */
  bw_page_set_filter (BW_PAGE (page), "before:9:x");
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  bw_page_set_filter (BW_PAGE (page), "nonsense");
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");

  /* The window routes win.filter-threats here. */
  bw_page_set_filter (BW_PAGE (page), "before:4:4");
  bw_ui_settle (50);
  bw_page_set_filter (BW_PAGE (page), "");
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_false (gtk_revealer_get_reveal_child (page->chip_revealer));

  /* An element's ID: its threats, the first selected. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "DF-10"));
  bw_ui_settle (50);
  assert_shown (fixture, "T-2 T-3");
  g_assert_cmpstr (page->selected_id, ==, "T-2");
  g_assert_false (bw_page_select_record (BW_PAGE (page), "NO-1"));
}

/* The window's routes to the page, and the page's way to the diagram. */
static void
test_window_routes (Fixture       *fixture,
                    gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;

  g_assert_true (bw_window_select (fixture->window, "assets"));
  bw_window_filter_threats (fixture->window, "before:5:4");
  bw_ui_settle (50);
  g_assert_cmpstr (bw_window_get_selected_key (fixture->window), ==, "threats");
  assert_shown (fixture, "T-4");

  g_assert_true (bw_window_select (fixture->window, "assets"));
  g_assert_true (bw_window_show_record (fixture->window, "T-7"));
  bw_ui_settle (50);
  g_assert_cmpstr (bw_window_get_selected_key (fixture->window), ==, "threats");
  /* The filter hid it: cleared. */
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_cmpstr (page->selected_id, ==, "T-7");

  /* T-7 is on the pump firmware (P-3), drawn on the DFD D-2. */
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.show-on-diagram", NULL);
  bw_ui_settle (50);
  g_assert_cmpstr (bw_window_get_selected_key (fixture->window), ==, "diagram:D-2");
}

static void
test_asset_filter (Fixture       *fixture,
                   gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;
  g_autoptr(GPtrArray) expected = bw_traceability_threats_for_asset (fixture->project, "A-1");
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", bw_record_get_id (g_ptr_array_index (expected, i)));
  bw_page_set_filter (BW_PAGE (page), "asset:A-1");
  bw_ui_settle (50);
  assert_shown (fixture, ids->str);
}

static void
test_grouping (Fixture       *fixture,
               gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;
  gtk_toggle_button_set_active (page->group_toggle, TRUE);
  bw_ui_settle (100);
  /* One row per element with threats, sorted by name, all collapsed. */
  assert_shown (fixture, "[DF-8] [P-2] [DS-2] [DF-15] [DF-16] [DF-10] [P-3] [DF-9]");
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Glucose readings"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "2 threats"));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), bw_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_TREE_EXPANDER)));

  /* Selecting a threat opens its group. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "T-3"));
  bw_ui_settle (100);
  assert_shown (fixture, "[DF-8] [P-2] [DS-2] [DF-15] [DF-16] [DF-10] T-2 T-3 [P-3] [DF-9]");
  g_assert_cmpstr (page->selected_id, ==, "T-3");
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-grouped");

  /* A filter narrows the groups too. */
  gtk_drop_down_set_selected (page->dropdowns[DROPDOWN_CATEGORY], 2);
  bw_ui_settle (100);
  /* … and the opened group stays open. */
  assert_shown (fixture, "[DF-8] [P-2] [DF-15] [DF-16] [DF-10] T-3");

  gtk_toggle_button_set_active (page->group_toggle, FALSE);
  bw_ui_settle (50);
  assert_shown (fixture, "T-1 T-3 T-5 T-6 T-9");
}

static GtkWidget *
matrix_pill (Fixture    *fixture,
             const char *id)
{
  return bw_ui_find (fixture->page->matrix_box, is_named_drawable, id);
}

static const char *
cell_of_pill (GtkWidget *pill)
{
  GtkWidget *cell = gtk_widget_get_ancestor (pill, GTK_TYPE_FLOW_BOX);

  return cell != NULL ? g_object_get_data (G_OBJECT (cell), "cell") : NULL;
}

static void
test_matrix (Fixture       *fixture,
             gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;
  GtkWidget *pill;

  gtk_toggle_button_set_active (page->matrix_toggle, TRUE);
  bw_ui_settle (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->content_stack), ==, "matrix");

  g_assert_nonnull ((pill = matrix_pill (fixture, "T-3")));
  g_assert_cmpstr (cell_of_pill (pill), ==, "DF-10:T");
  g_assert_cmpstr (cell_of_pill (matrix_pill (fixture, "T-2")), ==, "DF-10:I");
  g_assert_cmpstr (cell_of_pill (matrix_pill (fixture, "T-7")), ==, "P-3:E");
  g_assert_cmpstr (cell_of_pill (matrix_pill (fixture, "T-8")), ==, "DS-2:R");
  g_assert_cmpstr (cell_of_pill (matrix_pill (fixture, "T-4")), ==, "DF-9:D");
  g_assert_true (gtk_widget_has_css_class (pill, "not-started"));
  g_assert_true (gtk_widget_has_css_class (matrix_pill (fixture, "T-1"), "addressed"));
  /* Summary elements (the context diagram's, refined on the DFD) get no row. */
  g_assert_null (bw_ui_find (page->matrix_box, is_drawable_label, "Insulin pump system (P-1)"));
  g_assert_nonnull (bw_ui_find (page->matrix_box, is_drawable_label, "Pump firmware (P-3)"));
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-matrix");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  bw_ui_settle (100);
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-matrix-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  bw_ui_settle (50);

  /* Clicking an ID selects that threat. */
  bw_ui_click (pill);
  bw_ui_settle (50);
  g_assert_cmpstr (page->selected_id, ==, "T-3");
  g_assert_cmpstr (bw_threat_editor_get_threat_id (page->editor), ==, "T-3");

  /* The matrix follows the filters. */
  gtk_drop_down_set_selected (page->dropdowns[DROPDOWN_CATEGORY], 1);
  bw_ui_settle (50);
  g_assert_null (matrix_pill (fixture, "T-3"));
}

static void
test_manual_threat_and_undo (Fixture       *fixture,
                             gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;
  BwCommandStack *stack = bw_project_get_command_stack (fixture->project);
  GListModel *threats = bw_project_get_threats (fixture->project);
  GtkWidget *dialog;
  GtkWidget *entry;
  BwRecord *added;
  g_autofree char *added_id = NULL;

  g_assert_true (bw_page_select_record (BW_PAGE (page), "T-8"));
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.add", NULL);
  bw_ui_settle (50);
  g_assert_nonnull ((dialog = find_toplevel ("add-threat")));
  entry = bw_ui_find (dialog, bw_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_ENTRY));
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Tampering with the event log by a service tool");
  bw_ui_settle (50);
  bw_ui_screenshot (dialog, "threats-add-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bw_ui_settle (100);

  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 10);
  added_id = g_strdup (page->selected_id);
  g_assert_nonnull (added_id);
  added = bw_project_lookup (fixture->project, added_id);
  g_assert_true (BW_IS_THREAT (added));
  g_assert_cmpstr (bw_threat_get_origin (BW_THREAT (added)), ==, "manual");
  /* On the selected threat's element, in the first category. */
  g_assert_cmpstr (bw_threat_get_target (BW_THREAT (added)), ==, "DS-2");
  g_assert_cmpstr (bw_threat_get_category (BW_THREAT (added)), ==, "S");
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Tampering with the event log by a service tool"));
  /* A manual threat can be deleted. */
  g_assert_true (gtk_widget_get_sensitive (page->delete_button));

  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 9);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_true (bw_command_stack_redo (stack));
  bw_ui_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 10);

  /* Delete it again, with an undo toast, and archive a derived one. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), added_id));
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.delete", NULL);
  bw_ui_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 9);

  g_assert_true (bw_page_select_record (BW_PAGE (page), "T-8"));
  gtk_widget_activate_action (GTK_WIDGET (page), "threats.archive", NULL);
  bw_ui_settle (100);
  g_assert_true (bw_threat_get_archived (BW_THREAT (bw_project_lookup (fixture->project, "T-8"))));
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-9");
  /* Shown on request, marked. */
  gtk_toggle_button_set_active (page->retired_toggle, TRUE);
  bw_ui_settle (100);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (page), is_drawable_label, "Archived"));
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threats-retired");
  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (100);
  g_assert_false (bw_threat_get_archived (BW_THREAT (bw_project_lookup (fixture->project, "T-8"))));
}

static void
test_derive_banner (Fixture       *fixture,
                    gconstpointer  data)
{
  BwThreatsPage *page = fixture->page;
  BwCommandStack *stack = bw_project_get_command_stack (fixture->project);
  GListModel *threats = bw_project_get_threats (fixture->project);
  guint depth = bw_command_stack_get_depth (stack);
  guint planned;
  GtkWidget *dialog;

  /* The example's rule library covers more than its nine triaged threats;
   * opening it changed nothing. */
  g_assert_true (gtk_revealer_get_reveal_child (page->banner_revealer));
  g_assert_false (bw_command_stack_get_modified (stack));
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 9);
  planned = bw_derive_plan_count (page->plan, BW_DERIVE_ADD);
  g_assert_cmpuint (planned, >, 0);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (page->banner_label), "The rule library would add "));

  gtk_widget_activate_action (GTK_WIDGET (page), "threats.review-derivation", NULL);
  bw_ui_settle (100);
  g_assert_nonnull ((dialog = find_toplevel ("derive-review")));
  g_assert_nonnull (bw_ui_find (dialog, bw_ui_match_type, GSIZE_TO_POINTER (ADW_TYPE_ACTION_ROW)));
  bw_ui_screenshot (dialog, "threats-derive-review");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  gtk_window_destroy (GTK_WINDOW (dialog));
  bw_ui_settle (100);

  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 9 + planned);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  g_assert_false (gtk_revealer_get_reveal_child (page->banner_revealer));

  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 9);
  assert_shown (fixture, "T-1 T-2 T-3 T-4 T-5 T-6 T-7 T-8 T-9");
  g_assert_true (gtk_revealer_get_reveal_child (page->banner_revealer));
}

/* A project with elements and no threats: the empty state derives. */
static void
test_empty_state (void)
{
  Fixture fixture = { 0 };
  BwProject *project = bw_ui_load_example ();
  GListModel *threats = bw_project_get_threats (project);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BwCommand) remove = NULL;
  BwCommandStack *stack = bw_project_get_command_stack (project);
  guint depth;

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwRecord) threat = g_list_model_get_item (threats, i);

      g_ptr_array_add (ids, g_strdup (bw_record_get_id (threat)));
    }
  g_ptr_array_add (ids, NULL);
  remove = bw_command_remove_new (project, (const char * const *) ids->pdata);
  g_assert_true (bw_command_stack_execute (stack, remove, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 0);

  open_on (&fixture, project);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture.page->content_stack), ==, "empty");
  g_assert_true (gtk_revealer_get_reveal_child (fixture.page->banner_revealer));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (fixture.page), is_drawable_label, "No Threats Yet"));
  g_assert_cmpstr (gtk_button_get_label (fixture.page->empty_button), ==, "_Derive Threats");
  bw_ui_screenshot (GTK_WIDGET (fixture.window), "threats-empty");

  depth = bw_command_stack_get_depth (stack);
  bw_ui_click (GTK_WIDGET (fixture.page->empty_button));
  bw_ui_settle (150);
  g_assert_cmpuint (g_list_model_get_n_items (threats), >, 0);
  g_assert_cmpuint (bw_command_stack_get_depth (stack), ==, depth + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture.page->content_stack), ==, "table");

  g_assert_true (bw_command_stack_undo (stack));
  bw_ui_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (threats), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture.page->content_stack), ==, "empty");
  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "threats"))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ui/threats/lists-threats", test_lists_threats);
  ADD ("/ui/threats/filters", test_filters);
  ADD ("/ui/threats/set-filter", test_set_filter);
  ADD ("/ui/threats/asset-filter", test_asset_filter);
  ADD ("/ui/threats/window-routes", test_window_routes);
  ADD ("/ui/threats/grouping", test_grouping);
  ADD ("/ui/threats/matrix", test_matrix);
  ADD ("/ui/threats/manual-threat-and-undo", test_manual_threat_and_undo);
  ADD ("/ui/threats/derive-banner", test_derive_banner);
#undef ADD
  g_test_add_func ("/ui/threats/empty-state", test_empty_state);

  return g_test_run ();
}
