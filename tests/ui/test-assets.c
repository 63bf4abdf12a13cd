/* test-assets.c — the assets, hazards and assumptions pages as a user sees them (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <adwaita.h>

#include "bw-asset-taxonomy.h"
#include "bw-assets-page.h"
#include "bw-assumptions-page.h"
#include "bw-command-stack.h"
#include "bw-hazards-page.h"
#include "bw-traceability.h"
#include "bw-ui-test-utils.h"

/* One window for every test: opening and closing one is most of the time
 * a test takes under the sanitizers.  Each test gives it its own project. */
static BwWindow *shared_window;

static BwWindow *
window_on (BwProject  *project,
           const char *key)
{
  if (shared_window == NULL)
    return shared_window = bw_ui_open_window (project, key);
  bw_window_set_project (shared_window, project);
  g_assert_true (bw_window_select (shared_window, key));
  bw_ui_settle (50);
  return shared_window;
}

static GtkWidget *
find_type (gpointer root,
           GType    type)
{
  GtkWidget *found = bw_ui_find (GTK_WIDGET (root), bw_ui_match_type, GSIZE_TO_POINTER (type));

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
find_named (gpointer    root,
            const char *name)
{
  GtkWidget *found = bw_ui_find (GTK_WIDGET (root), bw_ui_match_name, name);

  g_assert_nonnull (found);
  return found;
}

static gboolean
shows_label (gpointer    root,
             const char *text)
{
  return bw_ui_find (GTK_WIDGET (root), bw_ui_match_label, text) != NULL;
}

static gboolean
match_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* A toast is there at once, mapped a few frames later, and gone after a
 * few seconds: a slow (sanitizer) run may miss it when it waits. */
static gboolean
has_toast (gpointer    root,
           const char *title)
{
  GtkWidget *overlay = bw_ui_find (GTK_WIDGET (root), bw_ui_match_type, GSIZE_TO_POINTER (ADW_TYPE_TOAST_OVERLAY));

  return overlay != NULL && bw_ui_find (overlay, match_text, title) != NULL;
}

/* A row of a preferences group shows its title in a label of its own. */
static gboolean
shows_row (gpointer    root,
           const char *title)
{
  return shows_label (root, title);
}

static guint
table_rows (gpointer    page,
            const char *name)
{
  GtkColumnView *table = GTK_COLUMN_VIEW (find_named (page, name));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table)));
}

static BwAsset *
asset (BwProject  *project,
       const char *id)
{
  BwRecord *record = bw_project_lookup (project, id);

  g_assert_true (BW_IS_ASSET (record));
  return BW_ASSET (record);
}

static void
undo (BwProject *project)
{
  g_assert_true (bw_command_stack_undo (bw_project_get_command_stack (project)));
  bw_ui_drain ();
}

static void
use_dark_style (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  bw_ui_settle (100);
}

/* The example's assets are listed; editing a name (typing, one step) and
 * a protection need are undo steps that the panel and table follow. */
static void
test_assets_edit (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = window_on (project, "assets");
  GtkWidget *page = find_type (window, BW_TYPE_ASSETS_PAGE);
  GtkEditable *name;
  AdwComboRow *confidentiality;
  BwAsset *settings = asset (project, "A-2");

  g_assert_cmpuint (table_rows (page, "assets-table"), ==, 8);
  g_assert_true (shows_label (page, "Insulin dosing commands"));
  g_assert_true (shows_label (page, "Alarm notification"));
  bw_ui_screenshot (GTK_WIDGET (window), "assets");

  g_assert_true (bw_page_select_record (BW_PAGE (page), "A-2"));
  g_assert_false (bw_page_select_record (BW_PAGE (page), "H-1"));
  bw_ui_drain ();
  name = GTK_EDITABLE (find_named (page, "name"));
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Therapy settings");
  confidentiality = ADW_COMBO_ROW (find_named (page, "confidentiality"));
  g_assert_cmpuint (adw_combo_row_get_selected (confidentiality), ==, 2);

  /* Typing: two changes of the name, one undo step. */
  gtk_editable_set_text (name, "Therapy limit");
  gtk_editable_set_text (name, "Therapy limits");
  bw_ui_drain ();
  g_assert_cmpstr (bw_asset_get_name (settings), ==, "Therapy limits");
  g_assert_true (shows_label (page, "Therapy limits"));

  adw_combo_row_set_selected (confidentiality, 3);
  bw_ui_drain ();
  g_assert_cmpstr (bw_asset_get_confidentiality (settings), ==, "high");
  g_assert_true (shows_label (page, "High"));

  undo (project);
  g_assert_cmpstr (bw_asset_get_confidentiality (settings), ==, "medium");
  g_assert_cmpuint (adw_combo_row_get_selected (confidentiality), ==, 2);
  undo (project);
  g_assert_cmpstr (bw_asset_get_name (settings), ==, "Therapy settings");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Therapy settings");
  g_assert_true (shows_label (page, "Therapy settings"));
  g_assert_false (bw_command_stack_get_can_undo (bw_project_get_command_stack (project)));

  /* Sorted by confidentiality, highest first: an edit moves the asset,
   * and the selection and the panel stay with it. */
  {
    GtkColumnView *table = GTK_COLUMN_VIEW (find_named (page, "assets-table"));
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));
    g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (table), 2);
    g_autoptr(BwAsset) first = NULL;
    g_autoptr(BwAsset) still_first = NULL;

    gtk_column_view_sort_by_column (table, column, GTK_SORT_DESCENDING);
    bw_ui_drain ();
    first = g_list_model_get_item (rows, 0);
    g_assert_cmpstr (bw_asset_get_confidentiality (first), ==, "high");

    adw_combo_row_set_selected (confidentiality, 0);
    bw_ui_drain ();
    g_assert_cmpstr (bw_asset_get_confidentiality (settings), ==, "none");
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)) == (gpointer) settings);
    g_assert_cmpstr (gtk_editable_get_text (name), ==, "Therapy settings");
    still_first = g_list_model_get_item (rows, 0);
    g_assert_true (still_first == first);
    undo (project);
    g_assert_true (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)) == (gpointer) settings);
    gtk_column_view_sort_by_column (table, NULL, GTK_SORT_ASCENDING);
  }
}

/* The example lacks only the clinical workflow; "Add" there creates an
 * asset of it, which the card then no longer asks for, until undone. */
static void
test_assets_taxonomy (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = window_on (project, "assets");
  GtkWidget *page = find_type (window, BW_TYPE_ASSETS_PAGE);
  GtkWidget *card = find_named (page, "taxonomy-card");
  GtkWidget *add = find_named (card, "clinical_workflow");
  GListModel *assets = bw_project_get_assets (project);
  g_autoptr(BwAsset) added = NULL;

  g_assert_true (gtk_widget_is_drawable (card));
  g_assert_true (shows_row (card, "Clinical Workflow"));
  g_assert_false (shows_row (card, "Patient Data"));
  g_assert_null (bw_ui_find (card, bw_ui_match_name, "patient_data"));

  bw_ui_click (add);
  bw_ui_settle (50);
  g_assert_cmpuint (g_list_model_get_n_items (assets), ==, 9);
  added = g_list_model_get_item (assets, 8);
  g_assert_true (bw_asset_category_matches (BW_ASSET_CATEGORY_CLINICAL_WORKFLOW, added));
  g_assert_cmpuint (bw_asset_taxonomy_missing (assets), ==, 0);
  g_assert_false (gtk_widget_get_visible (card));
  /* The new asset is selected, ready to be named. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (page, "name"))), ==,
                   bw_asset_get_name (added));

  undo (project);
  g_assert_cmpuint (g_list_model_get_n_items (assets), ==, 8);
  g_assert_true (gtk_widget_get_visible (card));
  g_assert_nonnull (bw_ui_find (card, bw_ui_match_name, "clinical_workflow"));
}

/* Linking an element stores the asset on the element, shows it with its
 * threats, and undo takes it away; deleting comes back with undo. */
static void
test_assets_links (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = window_on (project, "assets");
  GtkWidget *page = find_type (window, BW_TYPE_ASSETS_PAGE);
  BwElement *firmware = BW_ELEMENT (bw_project_lookup (project, "P-3"));
  g_autoptr(GPtrArray) threats = NULL;

  g_assert_true (bw_page_select_record (BW_PAGE (page), "A-3"));
  bw_ui_drain ();
  /* The example: glucose readings flow on DF-3 and DF-10 and are held by
   * the companion app. */
  g_assert_true (shows_row (page, "Companion app"));
  g_assert_false (shows_row (page, "Pump firmware"));
  g_assert_false (g_strv_contains (bw_element_get_assets (firmware), "A-3"));

  gtk_widget_activate_action (page, "assets.link-element", "s", "P-3");
  bw_ui_drain ();
  g_assert_true (g_strv_contains (bw_element_get_assets (firmware), "A-3"));
  g_assert_true (shows_row (page, "Pump firmware"));
  /* The threats on the pump firmware now endanger the asset, one click away. */
  threats = bw_traceability_threats_for_asset (project, "A-3");
  for (guint i = 0; i < threats->len; i++)
    g_assert_true (shows_row (page, bw_threat_get_title (g_ptr_array_index (threats, i))));
  g_assert_true (shows_row (page, "Elevation of privilege in Pump firmware"));

  undo (project);
  g_assert_false (g_strv_contains (bw_element_get_assets (firmware), "A-3"));
  g_assert_false (shows_row (page, "Pump firmware"));

  /* "Show in Threats" opens the threats page, filtered to the asset. */
  gtk_widget_activate_action (page, "assets.show-threats", NULL);
  bw_ui_drain ();
  g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");
  g_assert_true (bw_window_select (window, "assets"));
  bw_ui_drain ();

  /* Delete, with the links on the elements; undo brings both back. */
  gtk_widget_activate_action (page, "assets.delete", NULL);
  g_assert_true (has_toast (page, "Deleted “Glucose readings”"));
  bw_ui_drain ();
  g_assert_null (bw_project_lookup (project, "A-3"));
  g_assert_cmpuint (table_rows (page, "assets-table"), ==, 7);
  undo (project);
  g_assert_nonnull (bw_project_lookup (project, "A-3"));
  g_assert_true (g_strv_contains (bw_element_get_assets (BW_ELEMENT (bw_project_lookup (project, "DF-3"))), "A-3"));
  g_assert_cmpuint (table_rows (page, "assets-table"), ==, 8);
}

/* A project without assets shows the empty state, with the taxonomy as a
 * way to start. */
static void
test_assets_empty (void)
{
  g_autoptr(BwProject) project = bw_project_new ();
  BwWindow *window = window_on (project, "assets");
  GtkWidget *page = find_type (window, BW_TYPE_ASSETS_PAGE);
  GtkWidget *start = find_named (page, "empty-taxonomy");

  g_assert_true (shows_label (page, "No Assets"));
  g_assert_true (gtk_widget_is_drawable (start));
  for (guint c = 0; c < BW_N_ASSET_CATEGORIES; c++)
    g_assert_nonnull (bw_ui_find (start, bw_ui_match_name, bw_asset_category_to_string (c)));
  bw_ui_screenshot (GTK_WIDGET (window), "assets-empty");

  bw_ui_click (find_named (start, "system_secrets"));
  bw_ui_settle (50);
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_assets (project)), ==, 1);
  g_assert_false (shows_label (page, "No Assets"));
  g_assert_true (shows_label (page, "Commonly Forgotten Assets"));

  gtk_widget_activate_action (page, "assets.add", NULL);
  bw_ui_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (bw_project_get_assets (project)), ==, 2);
  undo (project);
  undo (project);
  g_assert_true (shows_label (page, "No Assets"));
}

/* The example's hazards, and the threats that lead to the first; an edit
 * of its severity is undone. */
static void
test_hazards (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = window_on (project, "hazards");
  GtkWidget *page = find_type (window, BW_TYPE_HAZARDS_PAGE);
  BwHazard *hazard = BW_HAZARD (bw_project_lookup (project, "H-1"));
  g_autoptr(GPtrArray) threats = bw_traceability_threats_for_hazard (project, "H-1");
  AdwComboRow *severity;

  g_assert_cmpuint (table_rows (page, "hazards-table"), ==, 3);
  g_assert_true (shows_label (page, "Over-delivery of insulin"));
  g_assert_true (shows_label (page, "Alarm not annunciated"));
  /* The first hazard is selected; its threats are listed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_named (page, "name"))), ==, "Over-delivery of insulin");
  g_assert_cmpuint (threats->len, >=, 5);
  for (guint i = 0; i < threats->len; i++)
    g_assert_true (shows_row (page, bw_threat_get_title (g_ptr_array_index (threats, i))));
  g_assert_true (shows_row (page, "Tampering with Bolus command"));
  g_assert_false (shows_row (page, "Denial of service on Pump status and alarms"));
  bw_ui_screenshot (GTK_WIDGET (window), "hazards");

  severity = ADW_COMBO_ROW (find_named (page, "severity"));
  g_assert_cmpuint (adw_combo_row_get_selected (severity), ==, 5);
  adw_combo_row_set_selected (severity, 3);
  bw_ui_drain ();
  g_assert_cmpint (bw_hazard_get_severity (hazard), ==, 3);
  g_assert_true (shows_label (page, "Serious"));
  undo (project);
  g_assert_cmpint (bw_hazard_get_severity (hazard), ==, 5);
  g_assert_cmpuint (adw_combo_row_get_selected (severity), ==, 5);

  /* Another hazard: its own threats. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "H-3"));
  bw_ui_drain ();
  g_assert_true (shows_row (page, "Denial of service on Pump status and alarms"));
  g_assert_false (shows_row (page, "Tampering with Bolus command"));

  /* A threat is one click away. */
  {
    GtkWidget *label = bw_ui_find (page, bw_ui_match_label, "Denial of service on Pump status and alarms");
    GtkWidget *row = gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW);

    g_assert_nonnull (row);
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    g_signal_emit_by_name (row, "activate");
    bw_ui_drain ();
    g_assert_cmpstr (bw_window_get_selected_key (window), ==, "threats");
    g_assert_true (bw_window_select (window, "hazards"));
    bw_ui_drain ();
  }

  /* Add, rename, delete: each undone. */
  gtk_widget_activate_action (page, "hazards.add", NULL);
  bw_ui_drain ();
  g_assert_cmpuint (table_rows (page, "hazards-table"), ==, 4);
  gtk_editable_set_text (GTK_EDITABLE (find_named (page, "harm")), "Burn");
  bw_ui_drain ();
  g_assert_true (shows_label (page, "Burn"));
  undo (project);
  undo (project);
  g_assert_cmpuint (table_rows (page, "hazards-table"), ==, 3);

  /* Deleting a hazard takes the threats' links to it along; undo brings
   * both back. */
  {
    BwThreat *threat = BW_THREAT (bw_project_lookup (project, "T-4"));

    g_assert_true (g_strv_contains (bw_risk_get_hazards (bw_threat_get_risk (threat)), "H-3"));
    g_assert_true (bw_page_select_record (BW_PAGE (page), "H-3"));
    gtk_widget_activate_action (page, "hazards.delete", NULL);
    g_assert_true (has_toast (page, "Deleted “Alarm not annunciated”"));
    bw_ui_drain ();
    g_assert_null (bw_project_lookup (project, "H-3"));
    g_assert_false (g_strv_contains (bw_risk_get_hazards (bw_threat_get_risk (threat)), "H-3"));
    undo (project);
    g_assert_nonnull (bw_project_lookup (project, "H-3"));
    g_assert_true (g_strv_contains (bw_risk_get_hazards (bw_threat_get_risk (threat)), "H-3"));
    g_assert_cmpuint (table_rows (page, "hazards-table"), ==, 3);
  }
}

/* Assumptions: listed, added, edited, linked to an element, all undone. */
static void
test_assumptions (void)
{
  g_autoptr(BwProject) project = bw_ui_load_example ();
  BwWindow *window = window_on (project, "assumptions");
  GtkWidget *page = find_type (window, BW_TYPE_ASSUMPTIONS_PAGE);
  GListModel *assumptions = bw_project_get_assumptions (project);
  GtkTextView *text;
  BwAssumption *added;

  g_assert_cmpuint (table_rows (page, "assumptions-table"), ==, 3);
  /* The first is selected, with its elements a click away. */
  g_assert_true (shows_row (page, "Bolus command"));
  bw_ui_screenshot (GTK_WIDGET (window), "assumptions");

  gtk_widget_activate_action (page, "assumptions.add", NULL);
  bw_ui_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (assumptions), ==, 4);
  added = g_list_model_get_item (assumptions, 3);
  g_object_unref (added);  /* the project keeps it */
  text = GTK_TEXT_VIEW (find_named (page, "text"));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "The clinic network is untrusted.", -1);
  bw_ui_drain ();
  g_assert_cmpstr (bw_assumption_get_text (added), ==, "The clinic network is untrusted.");
  g_assert_true (shows_label (page, "The clinic network is untrusted."));

  gtk_widget_activate_action (page, "assumptions.link-element", "s", "P-4");
  bw_ui_drain ();
  g_assert_cmpstrv (bw_assumption_get_elements (added), ((const char *[]) { "P-4", NULL }));
  g_assert_true (shows_row (page, "Cloud service"));

  undo (project);
  g_assert_cmpuint (g_strv_length ((char **) bw_assumption_get_elements (added)), ==, 0);
  undo (project);
  g_assert_cmpstr (bw_assumption_get_text (added), !=, "The clinic network is untrusted.");
  undo (project);
  g_assert_cmpuint (g_list_model_get_n_items (assumptions), ==, 3);

  /* select_record: the third, with its own elements. */
  g_assert_true (bw_page_select_record (BW_PAGE (page), "ASM-3"));
  bw_ui_drain ();
  g_assert_true (shows_row (page, "Service technician"));

  /* The dark style, for a person to look at (restyling the whole window
   * is slow under the sanitizers, and there is nothing to assert). */
  if (g_getenv ("BW_TEST_SCREENSHOTS") != NULL)
    {
      use_dark_style (TRUE);
      bw_ui_screenshot (GTK_WIDGET (window), "assumptions-dark");
      g_assert_true (bw_window_select (window, "assets"));
      bw_ui_settle (50);
      bw_ui_screenshot (GTK_WIDGET (window), "assets-dark");
      g_assert_true (bw_window_select (window, "hazards"));
      bw_ui_settle (50);
      bw_ui_screenshot (GTK_WIDGET (window), "hazards-dark");
      use_dark_style (FALSE);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bw_ui_test_init (&argc, &argv, "assets"))
    return 0;

  g_test_add_func ("/ui/assets/edit", test_assets_edit);
  g_test_add_func ("/ui/assets/taxonomy", test_assets_taxonomy);
  g_test_add_func ("/ui/assets/links", test_assets_links);
  g_test_add_func ("/ui/assets/empty", test_assets_empty);
  g_test_add_func ("/ui/hazards/threats", test_hazards);
  g_test_add_func ("/ui/assumptions/edit", test_assumptions);

  status = g_test_run ();
  if (shared_window != NULL)
    bw_ui_close_window (shared_window);
  return status;
}
