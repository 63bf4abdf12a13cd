/* bw-threat-editor-risk.c — the threat's risk before and after, and safety
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * `risk` and `residual` may be null in the file (not yet rated).  The
 * first rating of such a threat sets the whole object in one command, so
 * one undo takes the threat back to "not rated".  Outcomes are never
 * stored: they are looked up in the project's matrix on every refresh.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-stack.h"
#include "bw-cvss.h"
#include "bw-cvss-dialog.h"
#include "bw-risk-assessment.h"
#include "bw-threat-editor-private.h"

static const char * const outcome_classes[] = { "dim-label", "success", "warning", "error" };

static void
seal (BwThreatEditor *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

/* Sets one member of `risk`, creating the object when the threat has none. */
static void
set_risk_member (BwThreatEditor *self,
                 const char     *member,
                 const GValue   *value)
{
  BwThreat *threat = _bw_threat_editor_lookup (self);

  if (self->updating || threat == NULL)
    return;

  if (bw_threat_get_risk (threat) == NULL)
    {
      g_autoptr(BwRisk) risk = g_object_new (BW_TYPE_RISK, "safety-impact", -1, NULL);
      g_auto(GValue) object = G_VALUE_INIT;

      g_object_set_property (G_OBJECT (risk), member, value);
      g_value_init (&object, BW_TYPE_RISK);
      g_value_set_object (&object, risk);
      _bw_threat_editor_set_member (self, self->threat_id, "risk", &object);
    }
  else
    {
      g_autofree char *path = g_strconcat (self->threat_id, "/risk", NULL);

      _bw_threat_editor_set_member (self, path, member, value);
    }
  seal (self);
}

/* The residual rating starts as a copy of the rating before: most
 * measures change one of the two levels, and a half-rated residual would
 * leave the threat unrated after. */
static void
set_residual_member (BwThreatEditor *self,
                     const char     *member,
                     int             level)
{
  BwThreat *threat = _bw_threat_editor_lookup (self);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || threat == NULL)
    return;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, level);
  if (bw_threat_get_residual (threat) == NULL)
    {
      BwRisk *risk = bw_threat_get_risk (threat);
      g_autoptr(BwResidual) residual = g_object_new (BW_TYPE_RESIDUAL,
                                                     "exploitability", risk ? bw_risk_get_exploitability (risk) : 0,
                                                     "severity", risk ? bw_risk_get_severity (risk) : 0,
                                                     NULL);
      g_auto(GValue) object = G_VALUE_INIT;

      g_object_set_property (G_OBJECT (residual), member, &value);
      g_value_init (&object, BW_TYPE_RESIDUAL);
      g_value_set_object (&object, residual);
      _bw_threat_editor_set_member (self, self->threat_id, "residual", &object);
    }
  else
    {
      g_autofree char *path = g_strconcat (self->threat_id, "/residual", NULL);

      _bw_threat_editor_set_member (self, path, member, &value);
    }
  seal (self);
}

static void
level_selected_cb (BwThreatEditor *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  const char *member = g_object_get_data (G_OBJECT (row), "bw-member");
  guint index = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || index == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->residual_exploitability_row || row == self->residual_severity_row)
    {
      set_residual_member (self, member, (int) index);
      return;
    }
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, (int) index);
  set_risk_member (self, member, &value);
}

static void
safety_selected_cb (BwThreatEditor *self,
                    GParamSpec     *pspec,
                    AdwComboRow    *row)
{
  static const int answers[] = { -1, 1, 0 };
  guint index = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || index >= G_N_ELEMENTS (answers))
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, answers[index]);
  set_risk_member (self, "safety-impact", &value);
}

static void
multi_patient_cb (BwThreatEditor *self,
                  GParamSpec     *pspec,
                  GtkSwitch      *toggle)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating)
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  set_risk_member (self, "multi-patient", &value);
}

static void
set_hazards (BwThreatEditor     *self,
             const char * const *hazards)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, hazards);
  set_risk_member (self, "hazards", &value);
}

static void
link_hazard_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hazards = NULL;
  BwRisk *risk;

  if (threat == NULL || !BW_IS_HAZARD (bw_project_lookup (self->project, id)))
    return;
  risk = bw_threat_get_risk (threat);
  if (risk != NULL)
    {
      if (g_strv_contains (bw_risk_get_hazards (risk), id))
        return;
      g_strv_builder_addv (builder, (const char **) bw_risk_get_hazards (risk));
    }
  g_strv_builder_add (builder, id);
  hazards = g_strv_builder_end (builder);
  set_hazards (self, (const char * const *) hazards);
}

static void
unlink_hazard_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) hazards = NULL;
  const char * const *linked;

  if (threat == NULL || bw_threat_get_risk (threat) == NULL)
    return;
  linked = bw_risk_get_hazards (bw_threat_get_risk (threat));
  for (guint i = 0; linked[i] != NULL; i++)
    if (!g_str_equal (linked[i], id))
      g_strv_builder_add (builder, linked[i]);
  hazards = g_strv_builder_end (builder);
  set_hazards (self, (const char * const *) hazards);
}

static void
cvss_applied_cb (BwThreatEditor *self,
                 const char     *vector,
                 BwCvssDialog   *dialog)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, vector);
  set_risk_member (self, "cvss", &value);
}

static void
calculate_cvss_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  BwCvssDialog *dialog;

  if (threat == NULL)
    return;
  dialog = bw_cvss_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               bw_threat_get_risk (threat) ? bw_risk_get_cvss (bw_threat_get_risk (threat)) : NULL);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (cvss_applied_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_cvss_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, NULL);
  set_risk_member (self, "cvss", &value);
}

/* An uncontrolled residual risk stands only as an explicit acceptance
 * with a benefit-risk rationale: set the treatment, then let the user
 * write the reason. */
static void
accept_risk_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  g_auto(GValue) value = G_VALUE_INIT;

  if (threat == NULL)
    return;
  if (g_strcmp0 (bw_threat_get_treatment (threat), "accept") != 0)
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, "accept");
      _bw_threat_editor_set_member (self, self->threat_id, "treatment", &value);
      seal (self);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
}

/* Building */

static AdwComboRow *
level_row_new (BwThreatEditor      *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *name,
               const char          *member)
{
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  g_object_set_data (G_OBJECT (row), "bw-member", (gpointer) member);
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (level_selected_cb), self);
  adw_preferences_group_add (group, row);
  return ADW_COMBO_ROW (row);
}

static GtkLabel *
outcome_row_new (AdwPreferencesGroup *group,
                 const char          *title,
                 const char          *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (label, name);
  gtk_widget_add_css_class (label, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (group, row);
  return GTK_LABEL (label);
}

void
_bw_threat_editor_build_risk (BwThreatEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *row, *button, *box;
  g_autoptr(GtkStringList) answers = NULL;

  /* Before */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risk Before Objectives"));
  self->exploitability_row = level_row_new (self, ADW_PREFERENCES_GROUP (group), _("Exploitability"),
                                            "risk-exploitability", "exploitability");
  self->severity_row = level_row_new (self, ADW_PREFERENCES_GROUP (group), _("Severity"),
                                      "risk-severity", "severity");
  self->outcome_label = outcome_row_new (ADW_PREFERENCES_GROUP (group), _("Outcome"), "risk-outcome");

  self->cvss_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cvss_row), _("CVSS v3.1 base score"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->cvss_row), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  self->cvss_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->cvss_label), "risk-cvss-score");
  gtk_widget_add_css_class (GTK_WIDGET (self->cvss_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cvss_label));
  button = gtk_button_new_with_mnemonic (_("_Calculate…"));
  gtk_widget_set_name (button, "calculate-cvss");
  gtk_widget_set_tooltip_text (button, _("Open the CVSS calculator"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.calculate-cvss");
  gtk_box_append (GTK_BOX (box), button);
  adw_action_row_add_suffix (self->cvss_row, box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->cvss_row));

  /* The vector on a row of its own: it is long, and a narrow panel
   * would otherwise squeeze it beside the buttons. */
  self->cvss_vector_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->cvss_vector_row), _("CVSS vector"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->cvss_vector_row), FALSE);
  gtk_widget_set_name (GTK_WIDGET (self->cvss_vector_row), "risk-cvss-vector");
  self->cvss_clear_button = _bw_threat_editor_icon_button ("edit-clear-symbolic", _("Remove CVSS Vector"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cvss_clear_button), "editor.clear-cvss");
  adw_action_row_add_suffix (self->cvss_vector_row, self->cvss_clear_button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->cvss_vector_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  /* Safety */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Patient Safety"));
  answers = gtk_string_list_new (NULL);
  gtk_string_list_append (answers, _("Not yet asked"));
  gtk_string_list_append (answers, _("Yes"));
  gtk_string_list_append (answers, _("No"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Could this attack harm a patient?"));
  gtk_widget_set_name (row, "risk-safety-impact");
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (answers));
  g_signal_connect_swapped (row, "notify::selected", G_CALLBACK (safety_selected_cb), self);
  self->safety_row = ADW_COMBO_ROW (row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  self->hazard_warning = ADW_ACTION_ROW (_bw_threat_editor_warning_row ("hazard-warning"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->hazard_warning), _("No hazard linked"));
  adw_action_row_set_subtitle (self->hazard_warning,
                               _("This threat could harm a patient: link the hazard of the safety risk file."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->hazard_warning));

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Many patients at once"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("One attack can harm many patients, e.g. through a shared server"));
  self->multi_patient_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->multi_patient_switch), GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->multi_patient_switch, "notify::active", G_CALLBACK (multi_patient_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->multi_patient_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->multi_patient_switch));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Linked Hazards"));
  self->hazard_add_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->hazard_add_button, "list-add-symbolic");
  gtk_widget_set_name (GTK_WIDGET (self->hazard_add_button), "link-hazard");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->hazard_add_button), _("Link Hazard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hazard_add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Hazard"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->hazard_add_button), "flat");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->hazard_add_button));
  self->hazards_list = GTK_LIST_BOX (_bw_threat_editor_list_new (_("No hazard linked")));
  gtk_widget_set_name (GTK_WIDGET (self->hazards_list), "hazards-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->hazards_list));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  /* After */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Residual Risk"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The estimate once the linked objectives are in place"));
  self->residual_exploitability_row = level_row_new (self, ADW_PREFERENCES_GROUP (group), _("Exploitability after"),
                                                     "residual-exploitability", "exploitability");
  self->residual_severity_row = level_row_new (self, ADW_PREFERENCES_GROUP (group), _("Severity after"),
                                               "residual-severity", "severity");
  self->residual_outcome_label = outcome_row_new (ADW_PREFERENCES_GROUP (group), _("Outcome after"),
                                                  "residual-outcome");
  self->benefit_risk_row = ADW_ACTION_ROW (_bw_threat_editor_warning_row ("benefit-risk-warning"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->benefit_risk_row),
                                 _("Uncontrolled residual risk"));
  adw_action_row_set_subtitle (self->benefit_risk_row,
                               _("Lower it with further objectives, or accept it with a benefit-risk rationale."));
  button = gtk_button_new_with_mnemonic (_("_Accept Risk"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Set the treatment to Accept and write the benefit-risk rationale"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.accept-risk");
  adw_action_row_add_suffix (self->benefit_risk_row, button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->benefit_risk_row));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

/* Refreshing */

/* The level rows list "Not rated" and the project's scale; rebuilt only
 * when the scale changed (an edit of the risk method). */
static void
refresh_scales (BwThreatEditor *self)
{
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  const char * const *exploitability = bw_risk_method_get_exploitability (method);
  const char * const *severity = bw_risk_method_get_severity (method);
  g_autofree char *e = g_strjoinv ("\n", (char **) exploitability);
  g_autofree char *s = g_strjoinv ("\n", (char **) severity);
  g_autofree char *key = g_strconcat (e, "\t", s, NULL);
  AdwComboRow *rows[] = {
    self->exploitability_row, self->severity_row,
    self->residual_exploitability_row, self->residual_severity_row,
  };

  if (g_strcmp0 (key, self->scale_key) == 0)
    return;
  g_free (self->scale_key);
  self->scale_key = g_steal_pointer (&key);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char * const *levels = i % 2 == 0 ? exploitability : severity;
      g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

      gtk_string_list_append (model, _("Not rated"));
      for (guint l = 0; levels != NULL && levels[l] != NULL; l++)
        gtk_string_list_append (model, levels[l]);
      adw_combo_row_set_model (rows[i], G_LIST_MODEL (model));
    }
}

static void
show_level (AdwComboRow *row,
            int          level)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n = model ? g_list_model_get_n_items (model) : 0;

  /* A level off the scale shows as not rated; the checks report it. */
  _bw_threat_editor_set_combo (row, level > 0 && (guint) level < n ? (guint) level : 0);
}

static void
show_outcome (GtkLabel  *label,
              BwOutcome  outcome)
{
  /* Restyling on every refresh would relayout the panel each time. */
  if (gtk_widget_has_css_class (GTK_WIDGET (label), outcome_classes[outcome]) &&
      g_strcmp0 (gtk_label_get_label (label), "") != 0)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (outcome_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), outcome_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), outcome_classes[outcome]);
  gtk_label_set_label (label, outcome == BW_OUTCOME_UNRATED ? _("Not rated") : bw_outcome_describe (outcome));
}

static void
refresh_cvss (BwThreatEditor *self,
              BwRisk         *risk)
{
  const char *vector = risk ? bw_risk_get_cvss (risk) : NULL;
  g_autoptr(GError) error = NULL;
  BwCvssVector parsed;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.clear-cvss", vector != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->cvss_vector_row), vector != NULL);
  adw_action_row_set_subtitle (self->cvss_row, vector == NULL ? _("No vector yet") : "");
  if (vector == NULL)
    gtk_label_set_label (self->cvss_label, "");
  else if (!bw_cvss_parse (vector, &parsed, &error))
    {
      g_autofree char *text = g_strdup_printf (_("%s — not valid: %s"), vector, error->message);

      adw_action_row_set_subtitle (self->cvss_vector_row, text);
      gtk_label_set_label (self->cvss_label, "");
    }
  else
    {
      double score = bw_cvss_base_score (&parsed);
      g_autofree char *text = g_strdup_printf ("%.1f %s", score,
                                               bw_cvss_rating_describe (bw_cvss_rating_for_score (score)));

      adw_action_row_set_subtitle (self->cvss_vector_row, vector);
      gtk_label_set_label (self->cvss_label, text);
    }
}

static void
rebuild_hazards (BwThreatEditor *self,
                 BwRisk         *risk)
{
  const char * const *linked = risk ? bw_risk_get_hazards (risk) : NULL;
  GListModel *hazards = bw_project_get_hazards (self->project);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (hazards);
  guint offered = 0;

  _bw_threat_editor_list_clear (self->hazards_list);
  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (self->project, linked[i]);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (!BW_IS_HAZARD (record))
        continue;
      subtitle = *bw_hazard_get_harm (BW_HAZARD (record))
                 ? g_strdup_printf ("%s · %s", linked[i], bw_hazard_get_harm (BW_HAZARD (record)))
                 : g_strdup (linked[i]);
      row = _bw_threat_editor_link_row_new (linked[i], bw_hazard_get_name (BW_HAZARD (record)), subtitle,
                                            "editor.unlink-hazard", _("Unlink Hazard"));
      gtk_list_box_append (self->hazards_list, row);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwHazard) hazard = g_list_model_get_item (hazards, i);
      const char *id = bw_record_get_id (BW_RECORD (hazard));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (linked != NULL && g_strv_contains (linked, id))
        continue;
      label = _bw_threat_editor_menu_label (id, bw_hazard_get_name (hazard));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "editor.link-hazard", g_variant_new_string (id));
      g_menu_append_item (menu, item);
      offered++;
    }
  /* Hazards come from the safety analysis: with none entered yet, the
   * way there is the one useful entry. */
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Enter Hazards…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.show-page", g_variant_new_string ("hazards"));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->hazard_add_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->hazard_add_button), n == 0 || offered > 0);
}

static void
refresh_hazards (BwThreatEditor *self,
                 BwRisk         *risk)
{
  const char * const *linked = risk ? bw_risk_get_hazards (risk) : NULL;
  GListModel *hazards = bw_project_get_hazards (self->project);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    g_string_append_printf (signature, "%s\x1f", linked[i]);
  for (guint i = 0; i < g_list_model_get_n_items (hazards); i++)
    {
      g_autoptr(BwHazard) hazard = g_list_model_get_item (hazards, i);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%s", bw_record_get_id (BW_RECORD (hazard)),
                              bw_hazard_get_name (hazard), bw_hazard_get_harm (hazard));
    }
  if (_bw_threat_editor_signature_changed (self->hazards_list, signature))
    rebuild_hazards (self, risk);
}

void
_bw_threat_editor_refresh_risk (BwThreatEditor *self,
                                BwThreat       *threat)
{
  BwRiskMethod *method = bw_project_get_risk_method (self->project);
  BwRisk *risk = bw_threat_get_risk (threat);
  BwResidual *residual = bw_threat_get_residual (threat);
  int safety = risk ? bw_risk_get_safety_impact (risk) : -1;

  refresh_scales (self);
  show_level (self->exploitability_row, risk ? bw_risk_get_exploitability (risk) : 0);
  show_level (self->severity_row, risk ? bw_risk_get_severity (risk) : 0);
  show_outcome (self->outcome_label, bw_risk_assessment_get_outcome (method, threat, BW_RISK_BEFORE));
  refresh_cvss (self, risk);

  _bw_threat_editor_set_combo (self->safety_row, safety < 0 ? 0 : safety > 0 ? 1 : 2);
  if (gtk_switch_get_active (self->multi_patient_switch) != (risk && bw_risk_get_multi_patient (risk)))
    gtk_switch_set_active (self->multi_patient_switch, risk && bw_risk_get_multi_patient (risk));
  gtk_widget_set_visible (GTK_WIDGET (self->hazard_warning),
                          safety > 0 && g_strv_length ((char **) bw_risk_get_hazards (risk)) == 0);
  refresh_hazards (self, risk);

  show_level (self->residual_exploitability_row, residual ? bw_residual_get_exploitability (residual) : 0);
  show_level (self->residual_severity_row, residual ? bw_residual_get_severity (residual) : 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->residual_exploitability_row),
                               residual == NULL ? _("Not rated yet: the rating before applies") : "");
  show_outcome (self->residual_outcome_label, bw_risk_assessment_get_outcome (method, threat, BW_RISK_AFTER));
  gtk_widget_set_visible (GTK_WIDGET (self->benefit_risk_row),
                          bw_risk_assessment_lacks_benefit_risk (method, threat));
}

void
_bw_threat_editor_class_init_risk (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.link-hazard", "s", link_hazard_action);
  gtk_widget_class_install_action (widget_class, "editor.unlink-hazard", "s", unlink_hazard_action);
  gtk_widget_class_install_action (widget_class, "editor.calculate-cvss", NULL, calculate_cvss_action);
  gtk_widget_class_install_action (widget_class, "editor.clear-cvss", NULL, clear_cvss_action);
  gtk_widget_class_install_action (widget_class, "editor.accept-risk", NULL, accept_risk_action);
}
