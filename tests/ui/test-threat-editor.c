/* test-threat-editor.c — the threat editor and the CVSS calculator as a user
 * sees them (runs under Xvfb)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The editor sits in a plain window here, on the example project, the way
 * the threats page puts it beside its table.
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bw-command-add.h"
#include "bw-command-stack.h"
#include "bw-cvss.h"
#include "bw-cvss-dialog.h"
#include "bw-risk-assessment.h"
#include "bw-threat-editor.h"
#include "bw-ui-test-utils.h"

typedef struct
{
  BwProject      *project;
  GtkWindow      *window;
  BwThreatEditor *editor;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->project = bw_ui_load_example ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 560, 780);
  fixture->editor = BW_THREAT_EDITOR (bw_threat_editor_new ());
  bw_threat_editor_set_project (fixture->editor, fixture->project);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  bw_ui_iterate_until (bw_ui_is_mapped, fixture->window);
  bw_ui_settle (50);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  bw_ui_drain ();
  g_clear_object (&fixture->project);
}

static BwThreat *
threat (Fixture    *fixture,
        const char *id)
{
  return BW_THREAT (bw_project_lookup (fixture->project, id));
}

static GtkWidget *
find (Fixture    *fixture,
      const char *name)
{
  GtkWidget *widget = bw_ui_find (GTK_WIDGET (fixture->editor), bw_ui_match_name, name);

  g_assert_nonnull (widget);
  return widget;
}

static BwCommandStack *
stack (Fixture *fixture)
{
  return bw_project_get_command_stack (fixture->project);
}

static void
choose (Fixture    *fixture,
        const char *row_name,
        guint       index)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (fixture, row_name)), index);
  bw_ui_drain ();
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (find (fixture, name)));
}

/* Scrolls the editor so its lower parts are in a screenshot too. */
static void
screenshots (Fixture    *fixture,
             const char *name)
{
  GtkWidget *page = bw_ui_find (GTK_WIDGET (fixture->editor), bw_ui_match_type,
                                GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_PAGE));
  GtkWidget *scrolled = bw_ui_find (page, bw_ui_match_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

  for (guint part = 0; part < 4; part++)
    {
      g_autofree char *file = g_strdup_printf ("%s-%u", name, part + 1);

      gtk_adjustment_set_value (adjustment, part * (gtk_adjustment_get_page_size (adjustment) - 40));
      bw_ui_settle (50);
      bw_ui_screenshot (GTK_WIDGET (fixture->window), file);
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *status = bw_ui_find (GTK_WIDGET (fixture->editor), bw_ui_match_label, "No Threat Selected");
  g_autofree char *expected = NULL;

  g_assert_nonnull (status);
  g_assert_null (bw_threat_editor_get_threat_id (fixture->editor));

  bw_threat_editor_set_threat_id (fixture->editor, "T-1");
  bw_ui_settle (20);
  g_assert_cmpstr (bw_threat_editor_get_threat_id (fixture->editor), ==, "T-1");
  g_assert_false (gtk_widget_is_drawable (status));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "threat-title"))), ==,
                   "Tampering with Bolus command");
  /* The rule's references are links to the public catalogues. */
  g_assert_nonnull (bw_ui_find (find (fixture, "threat-references"), bw_ui_match_type,
                                GSIZE_TO_POINTER (GTK_TYPE_LINK_BUTTON)));
  /* The stored CVSS vector is scored: AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H is 8.1. */
  expected = g_strdup_printf ("8.1 %s", bw_cvss_rating_describe (BW_CVSS_RATING_HIGH));
  g_assert_cmpstr (label_text (fixture, "risk-cvss-score"), ==, expected);
  screenshots (fixture, "threat-editor");

  /* A threat that goes away (an undone add, a delete) empties the panel. */
  bw_threat_editor_set_threat_id (fixture->editor, "T-999");
  bw_ui_settle (20);
  g_assert_true (gtk_widget_is_drawable (status));
  bw_ui_screenshot (GTK_WIDGET (fixture->window), "threat-editor-empty");
}

static void
test_triage_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  BwThreat *t3 = threat (fixture, "T-3");

  bw_threat_editor_set_threat_id (fixture->editor, "T-3");
  bw_ui_settle (20);
  g_assert_cmpstr (bw_threat_get_status (t3), ==, "not_started");
  g_assert_false (gtk_widget_get_visible (find (fixture, "rationale-warning")));

  choose (fixture, "threat-status", 3);
  g_assert_cmpstr (bw_threat_get_status (t3), ==, "addressed");
  choose (fixture, "threat-treatment", 2);
  g_assert_cmpstr (bw_threat_get_treatment (t3), ==, "mitigate");
  g_assert_cmpstr (bw_threat_get_status (t3), ==, "addressed");
  /* A decision without a reason, and a mitigation without an objective,
   * are what the completeness checks report: the editor says so. */
  g_assert_true (gtk_widget_get_visible (find (fixture, "rationale-warning")));
  g_assert_true (gtk_widget_get_visible (find (fixture, "objective-warning")));

  /* Two choices, two undo steps. */
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_treatment (t3), ==, "none");
  g_assert_cmpstr (bw_threat_get_status (t3), ==, "addressed");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (fixture, "threat-treatment"))), ==, 0);
  g_assert_false (gtk_widget_get_visible (find (fixture, "rationale-warning")));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_status (t3), ==, "not_started");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find (fixture, "threat-status"))), ==, 0);

  /* Sources are a set of boxes, kept in FORMAT.md's order. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (find (fixture, "threat-sources")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, "source-maintenance")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (find (fixture, "source-supply_chain")), TRUE);
  bw_ui_drain ();
  {
    const char * const expected[] = { "design", "supply_chain", "maintenance", NULL };

    g_assert_true (g_strv_equal (bw_threat_get_sources (t3), expected));
  }
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpuint (g_strv_length ((char **) bw_threat_get_sources (t3)), ==, 1);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find (fixture, "source-maintenance"))));

  /* Typing a title is one undo step, however many keys. */
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "threat-title")), "Forged");
  gtk_editable_set_text (GTK_EDITABLE (find (fixture, "threat-title")), "Forged glucose");
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_title (t3), ==, "Forged glucose");
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_title (t3), ==, "Tampering with Glucose readings");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (fixture, "threat-title"))), ==,
                   "Tampering with Glucose readings");

  /* The scenario is a multi-line text; undo shows the old text again. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture, "threat-scenario"))),
                            "Spoof the sensor.\nSend low readings.", -1);
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_scenario (t3), ==, "Spoof the sensor.\nSend low readings.");
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_scenario (t3), ==, "");
  g_assert_false (bw_command_stack_get_can_undo (stack (fixture)));

  /* A derived threat's category is its rule's; a manual one's is the
   * user's to choose. */
  g_assert_false (gtk_widget_is_sensitive (find (fixture, "threat-category")));
  {
    g_autoptr(BwThreat) manual = g_object_new (BW_TYPE_THREAT, "origin", "manual", "target", "DF-8",
                                               "category", "S", "title", "Rogue app", NULL);
    g_autoptr(BwCommand) add = bw_command_add_new (fixture->project, BW_RECORD (manual), -1);
    g_autofree char *id = NULL;

    g_assert_true (bw_command_stack_execute (stack (fixture), add, NULL));
    id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (add)));
    bw_threat_editor_set_threat_id (fixture->editor, id);
    bw_ui_drain ();
    g_assert_true (gtk_widget_is_sensitive (find (fixture, "threat-category")));
    g_assert_nonnull (bw_ui_find (GTK_WIDGET (fixture->editor), bw_ui_match_label, "Entered by hand"));
    choose (fixture, "threat-category", 1);
    g_assert_cmpstr (bw_threat_get_category (manual), ==, "T");
    g_assert_true (bw_command_stack_undo (stack (fixture)));
    bw_ui_drain ();
    g_assert_cmpstr (bw_threat_get_category (manual), ==, "S");
    /* Undoing the add takes the threat away: the panel empties. */
    g_assert_true (bw_command_stack_undo (stack (fixture)));
    bw_ui_drain ();
    g_assert_nonnull (bw_ui_find (GTK_WIDGET (fixture->editor), bw_ui_match_label, "No Threat Selected"));
  }
}

static void
test_risk_outcome (Fixture       *fixture,
                   gconstpointer  data)
{
  BwThreat *t3 = threat (fixture, "T-3");
  BwThreat *t2 = threat (fixture, "T-2");

  bw_threat_editor_set_threat_id (fixture->editor, "T-3");
  bw_ui_settle (20);
  /* T-3 is rated High × Critical: uncontrolled on the default matrix. */
  g_assert_cmpstr (label_text (fixture, "risk-outcome"), ==, bw_outcome_describe (BW_OUTCOME_UNCONTROLLED));
  /* The level rows list the project's scale. */
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (find (fixture, "risk-exploitability")))),
                   ==, "High");

  choose (fixture, "risk-exploitability", 3);
  g_assert_cmpint (bw_risk_get_exploitability (bw_threat_get_risk (t3)), ==, 3);
  g_assert_cmpstr (label_text (fixture, "risk-outcome"), ==, bw_outcome_describe (BW_OUTCOME_CONTROLLED));
  choose (fixture, "risk-severity", 2);
  g_assert_cmpint (bw_risk_get_severity (bw_threat_get_risk (t3)), ==, 2);
  g_assert_cmpstr (label_text (fixture, "risk-outcome"), ==, bw_outcome_describe (BW_OUTCOME_ACCEPTABLE));
  /* No residual yet: the rating before applies after too. */
  g_assert_cmpstr (label_text (fixture, "residual-outcome"), ==, bw_outcome_describe (BW_OUTCOME_ACCEPTABLE));

  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (label_text (fixture, "risk-outcome"), ==, bw_outcome_describe (BW_OUTCOME_CONTROLLED));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (label_text (fixture, "risk-outcome"), ==, bw_outcome_describe (BW_OUTCOME_UNCONTROLLED));

  /* An uncontrolled risk left as it is needs a benefit-risk rationale:
   * "Accept Risk" sets the treatment, the rationale ends the warning. */
  g_assert_true (gtk_widget_get_visible (find (fixture, "benefit-risk-warning")));
  bw_ui_click (find (fixture, "_Accept Risk"));
  g_assert_cmpstr (bw_threat_get_treatment (t3), ==, "accept");
  g_assert_true (gtk_widget_get_visible (find (fixture, "benefit-risk-warning")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find (fixture, "threat-rationale"))),
                            "Forged readings need the sensor's pairing; the benefit of CGM dosing outweighs it.", -1);
  bw_ui_drain ();
  g_assert_false (gtk_widget_get_visible (find (fixture, "benefit-risk-warning")));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpstr (bw_threat_get_treatment (t3), ==, "none");
  g_assert_true (gtk_widget_get_visible (find (fixture, "benefit-risk-warning")));

  /* The first residual rating creates it from the rating before; one
   * undo takes it away again. */
  bw_threat_editor_set_threat_id (fixture->editor, "T-2");
  bw_ui_settle (20);
  g_assert_null (bw_threat_get_residual (t2));
  choose (fixture, "residual-exploitability", 1);
  g_assert_nonnull (bw_threat_get_residual (t2));
  g_assert_cmpint (bw_residual_get_exploitability (bw_threat_get_residual (t2)), ==, 1);
  g_assert_cmpint (bw_residual_get_severity (bw_threat_get_residual (t2)), ==, 2);
  g_assert_cmpstr (label_text (fixture, "residual-outcome"), ==, bw_outcome_describe (BW_OUTCOME_ACCEPTABLE));
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_null (bw_threat_get_residual (t2));
}

static void
test_link_hazard (Fixture       *fixture,
                  gconstpointer  data)
{
  BwThreat *t2 = threat (fixture, "T-2");
  GtkListBox *list;

  bw_threat_editor_set_threat_id (fixture->editor, "T-2");
  bw_ui_settle (20);
  list = GTK_LIST_BOX (find (fixture, "hazards-list"));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_widget_get_visible (find (fixture, "hazard-warning")));

  /* "Yes" without a hazard is what the completeness check reports. */
  choose (fixture, "risk-safety-impact", 1);
  g_assert_cmpint (bw_risk_get_safety_impact (bw_threat_get_risk (t2)), ==, 1);
  g_assert_true (gtk_widget_get_visible (find (fixture, "hazard-warning")));

  /* The add button offers the project's hazards; choosing one links it. */
  g_assert_true (gtk_widget_is_sensitive (find (fixture, "link-hazard")));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find (fixture, "link-hazard")))), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link-hazard", "s", "H-2"));
  bw_ui_drain ();
  g_assert_true (g_strv_contains (bw_risk_get_hazards (bw_threat_get_risk (t2)), "H-2"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (bw_ui_find (GTK_WIDGET (list), bw_ui_match_label, "Under-delivery of insulin"));
  g_assert_false (gtk_widget_get_visible (find (fixture, "hazard-warning")));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (find (fixture, "link-hazard")))), ==, 2);
  screenshots (fixture, "threat-editor-hazard");

  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpuint (g_strv_length ((char **) bw_risk_get_hazards (bw_threat_get_risk (t2))), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (gtk_widget_get_visible (find (fixture, "hazard-warning")));

  /* Redo, then unlink with the row's button. */
  g_assert_true (bw_command_stack_redo (stack (fixture)));
  bw_ui_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.unlink-hazard", "s", "H-2"));
  bw_ui_drain ();
  g_assert_cmpuint (g_strv_length ((char **) bw_risk_get_hazards (bw_threat_get_risk (t2))), ==, 0);
}

static void
test_create_objective (Fixture       *fixture,
                       gconstpointer  data)
{
  BwThreat *t3 = threat (fixture, "T-3");
  GListModel *objectives = bw_project_get_objectives (fixture->project);
  guint n = g_list_model_get_n_items (objectives);
  g_autoptr(BwObjective) objective = NULL;
  const char *id;

  bw_threat_editor_set_threat_id (fixture->editor, "T-3");
  bw_ui_settle (20);
  g_assert_cmpuint (g_strv_length ((char **) bw_threat_get_objectives (t3)), ==, 0);

  bw_ui_click (find (fixture, "create-objective"));
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n + 1);
  objective = g_list_model_get_item (objectives, n);
  id = bw_record_get_id (BW_RECORD (objective));
  g_assert_cmpstr (bw_objective_get_text (objective), ==, "Prevent: Tampering with Glucose readings");
  /* The rule stride.data_flow.tampering suggests an integrity objective. */
  g_assert_cmpstr (bw_objective_get_category (objective), ==, "integrity");
  g_assert_true (g_strv_contains (bw_threat_get_objectives (t3), id));
  g_assert_true (g_strv_contains (bw_objective_get_threats (objective), "T-3"));
  g_assert_nonnull (bw_ui_find (find (fixture, "objectives-list"), bw_ui_match_label,
                                "Prevent: Tampering with Glucose readings"));

  /* One step removes the objective and the link. */
  g_assert_cmpstr (bw_command_stack_get_undo_label (stack (fixture)), ==, "Create Objective from Threat");
  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (objectives), ==, n);
  g_assert_cmpuint (g_strv_length ((char **) bw_threat_get_objectives (t3)), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find (fixture, "objectives-list")), 0));
  g_assert_false (bw_command_stack_get_can_undo (stack (fixture)));

  /* Linking an existing objective keeps both sides in step too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link-objective", "s", "O-2"));
  bw_ui_drain ();
  g_assert_true (g_strv_contains (bw_threat_get_objectives (t3), "O-2"));
  g_assert_true (g_strv_contains (bw_objective_get_threats (BW_OBJECTIVE (bw_project_lookup (fixture->project, "O-2"))), "T-3"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.unlink-objective", "s", "O-2"));
  bw_ui_drain ();
  g_assert_false (g_strv_contains (bw_objective_get_threats (BW_OBJECTIVE (bw_project_lookup (fixture->project, "O-2"))), "T-3"));

  /* And an attack tree. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.link-attack-tree", "s", "AT-1"));
  bw_ui_drain ();
  g_assert_true (g_strv_contains (bw_threat_get_attack_trees (t3), "AT-1"));
  g_assert_nonnull (bw_ui_find (find (fixture, "attack-trees-list"), bw_ui_match_label, "Deliver an unauthorised bolus"));
}

static BwCvssDialog *
find_dialog (void)
{
  /* The toplevels list is the toolkit's own (transfer none). */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BW_IS_CVSS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return BW_CVSS_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
dialog_find (BwCvssDialog *dialog,
             const char   *name)
{
  GtkWidget *widget = bw_ui_find (GTK_WIDGET (dialog), bw_ui_match_name, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
test_cvss_dialog (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *vector; const char *score; } known[] = {
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8" },
    { "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "10.0" },
    { "CVSS:3.1/AV:L/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N", "1.8" },
    { "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:H/A:L", "8.3" },
  };
  BwThreat *t3 = threat (fixture, "T-3");
  BwCvssDialog *dialog;
  GtkWidget *error;
  const char *message;

  bw_threat_editor_set_threat_id (fixture->editor, "T-3");
  bw_ui_settle (20);
  g_assert_null (bw_risk_get_cvss (bw_threat_get_risk (t3)));

  bw_ui_click (find (fixture, "calculate-cvss"));
  bw_ui_settle (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == fixture->window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  error = dialog_find (dialog, "cvss-error");

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector")), known[i].vector);
      bw_ui_drain ();
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_find (dialog, "cvss-score"))), ==, known[i].score);
      g_assert_false (gtk_widget_get_visible (error));
    }

  /* A wrong value names its metric, and nothing can be applied. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector")),
                         "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:Q");
  bw_ui_drain ();
  g_assert_true (gtk_widget_get_visible (error));
  message = gtk_label_get_label (GTK_LABEL (error));
  g_assert_nonnull (strstr (message, "A:"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_find (dialog, "cvss-score"))), ==, "—");
  g_assert_null (bw_cvss_dialog_get_vector (dialog));
  gtk_editable_set_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector")), "CVSS:3.1/AV:N/AC:L");
  bw_ui_drain ();
  g_assert_true (gtk_widget_get_visible (error));
  bw_ui_screenshot (GTK_WIDGET (dialog), "cvss-dialog-error");

  /* The known answer of METHOD.md: AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H is 8.1. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector")),
                         "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
  bw_ui_drain ();
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_find (dialog, "cvss-score"))), ==, "8.1");
  /* The choices follow the text, and a choice rewrites the text. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (dialog_find (dialog, "cvss-AV-A"))));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dialog_find (dialog, "cvss-AV-N")), TRUE);
  bw_ui_drain ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector"))), ==,
                   "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_find (dialog, "cvss-score"))), ==, "9.1");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dialog_find (dialog, "cvss-AV-A")), TRUE);
  bw_ui_drain ();
  bw_ui_screenshot (GTK_WIDGET (dialog), "cvss-dialog");

  /* The medical-device guidance answers a question with a value: "must
   * the attacker handle the device?" points to Physical. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (dialog_find (dialog, "cvss-guidance")), TRUE);
  bw_ui_drain ();
  bw_ui_click (dialog_find (dialog, "AV:P"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector"))), ==,
                   "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (dialog_find (dialog, "cvss-score"))), ==, "6.1");
  bw_ui_screenshot (GTK_WIDGET (dialog), "cvss-dialog-guidance");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (dialog_find (dialog, "cvss-AV-A")), TRUE);
  bw_ui_drain ();

  bw_ui_click (bw_ui_find (GTK_WIDGET (dialog), bw_ui_match_name, "_Apply"));
  bw_ui_settle (20);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (bw_risk_get_cvss (bw_threat_get_risk (t3)), ==, "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H");
  g_assert_nonnull (strstr (label_text (fixture, "risk-cvss-score"), "8.1"));

  g_assert_true (bw_command_stack_undo (stack (fixture)));
  bw_ui_drain ();
  g_assert_null (bw_risk_get_cvss (bw_threat_get_risk (t3)));
  g_assert_cmpstr (label_text (fixture, "risk-cvss-score"), ==, "");

  /* Cancel changes nothing. */
  bw_ui_click (find (fixture, "calculate-cvss"));
  bw_ui_settle (20);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  bw_ui_click (bw_ui_find (GTK_WIDGET (dialog), bw_ui_match_name, "_Cancel"));
  bw_ui_settle (20);
  g_assert_null (find_dialog ());
  g_assert_null (bw_risk_get_cvss (bw_threat_get_risk (t3)));
}

/* The same panel in dark style, for a look. */
static void
test_dark_style (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  BwCvssDialog *dialog;

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  bw_threat_editor_set_threat_id (fixture->editor, "T-1");
  bw_ui_settle (50);
  g_assert_true (adw_style_manager_get_dark (manager));
  screenshots (fixture, "threat-editor-dark");

  bw_ui_click (find (fixture, "calculate-cvss"));
  bw_ui_settle (50);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (dialog_find (dialog, "cvss-vector")), "CVSS:3.1/AV:Z");
  bw_ui_drain ();
  g_assert_true (gtk_widget_get_visible (dialog_find (dialog, "cvss-error")));
  bw_ui_screenshot (GTK_WIDGET (dialog), "cvss-dialog-dark");
  gtk_window_close (GTK_WINDOW (dialog));
  bw_ui_settle (20);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  if (!bw_ui_test_init (&argc, &argv, "threat-editor"))
    return 0;

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/threat-editor/empty-state", test_empty_state);
  ADD ("/ui/threat-editor/triage-undo", test_triage_undo);
  ADD ("/ui/threat-editor/risk-outcome", test_risk_outcome);
  ADD ("/ui/threat-editor/link-hazard", test_link_hazard);
  ADD ("/ui/threat-editor/create-objective", test_create_objective);
  ADD ("/ui/threat-editor/cvss-dialog", test_cvss_dialog);
  ADD ("/ui/threat-editor/dark-style", test_dark_style);
#undef ADD

  return g_test_run ();
}
