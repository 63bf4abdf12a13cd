/* bw-components-page.c — the components (SBOM) and their known vulnerabilities
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The "vulnerability analysis of tools and libraries" of the method: a
 * sortable, searchable table of the project's components with their
 * support warnings and open vulnerabilities, and a side panel to assess
 * the selected one.  Like every view, it edits only through commands.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bw-command-add-child.h"
#include "bw-command-remove-child.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-components-page-private.h"
#include "bw-cvss.h"
#include "bw-element.h"
#include "bw-objective.h"
#include "bw-record-page.h"
#include "bw-threat.h"
#include "bw-vulnerability.h"

G_DEFINE_FINAL_TYPE (BwComponentsPage, bw_components_page, GTK_TYPE_BOX)

/* The values of FORMAT.md, in the order of the combo rows. */
static const char * const support_levels[] = { "active", "limited", "none", "unknown" };
static const char * const support_labels[] = { N_("Active"), N_("Limited"), N_("None"), N_("Unknown") };
static const char * const statuses[] = { "under_investigation", "affected", "not_affected", "fixed" };
static const char * const status_labels[] = {
  N_("Under Investigation"), N_("Affected"), N_("Not Affected"), N_("Fixed")
};

const char *
_bw_components_page_support_label (const char *support)
{
  return _bw_record_page_label_of (support_levels, support_labels, G_N_ELEMENTS (support_levels), support);
}

static gboolean
is_open (BwVulnerability *vulnerability)
{
  const char *status = bw_vulnerability_get_status (vulnerability);

  return g_strcmp0 (status, "affected") == 0 || g_strcmp0 (status, "under_investigation") == 0;
}

guint
_bw_components_page_count_open (BwComponent *component)
{
  GListModel *vulnerabilities = bw_component_get_vulnerabilities (component);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (vulnerabilities); i++)
    {
      g_autoptr(BwVulnerability) v = g_list_model_get_item (vulnerabilities, i);

      n += is_open (v);
    }
  return n;
}

BwSupportFinding *
_bw_components_page_find_finding (BwComponentsPage *self,
                                  BwComponent      *component)
{
  const char *id = bw_record_get_id (BW_RECORD (component));

  for (guint i = 0; self->findings != NULL && i < self->findings->len; i++)
    {
      BwSupportFinding *finding = g_ptr_array_index (self->findings, i);

      if (g_strcmp0 (finding->component_id, id) == 0)
        return finding;
    }
  return NULL;
}

static void
update_findings (BwComponentsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_clear_pointer (&self->findings, g_ptr_array_unref);
  if (self->project == NULL)
    return;
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  self->findings = bw_component_check_support (self->project, &today);
}

/* Valid: empty, or a real calendar date written YYYY-MM-DD. */
static gboolean
is_iso_date (const char *text)
{
  unsigned int y, m, d;
  char end;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static BwComponent *
lookup_component (BwComponentsPage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->component_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->component_id);
  return BW_IS_COMPONENT (record) ? BW_COMPONENT (record) : NULL;
}

/* Borrowed; NULL when none is selected. */
static BwVulnerability *
lookup_vulnerability (BwComponentsPage *self)
{
  BwComponent *component = lookup_component (self);
  GListModel *vulnerabilities;
  g_autoptr(BwVulnerability) vulnerability = NULL;

  if (component == NULL || self->vulnerability < 0)
    return NULL;
  vulnerabilities = bw_component_get_vulnerabilities (component);
  if ((guint) self->vulnerability >= g_list_model_get_n_items (vulnerabilities))
    return NULL;
  vulnerability = g_list_model_get_item (vulnerabilities, self->vulnerability);
  /* The list keeps it alive. */
  return vulnerability;
}

/* Commands */

static gboolean
execute (BwComponentsPage *self,
         BwCommand        *command)
{
  g_autoptr(GError) error = NULL;

  if (!bw_command_stack_execute (bw_project_get_command_stack (self->project), command, &error))
    {
      g_debug ("%s", error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }
  return TRUE;
}

static void
set_value (BwComponentsPage *self,
           const char       *path,
           const char       *member,
           const GValue     *value)
{
  g_autoptr(BwCommand) command = NULL;

  if (self->updating || self->project == NULL || path == NULL)
    return;
  command = bw_command_set_property_new (self->project, path, member, value);
  execute (self, command);
}

static void
set_string (BwComponentsPage *self,
            const char       *path,
            const char       *member,
            const char       *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  set_value (self, path, member, &value);
}

static void
set_strv (BwComponentsPage   *self,
          const char         *path,
          const char         *member,
          const char * const *strv)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  set_value (self, path, member, &value);
}

static char *
vulnerability_path (BwComponentsPage *self)
{
  if (self->component_id == NULL || self->vulnerability < 0)
    return NULL;
  return g_strdup_printf ("%s/vulnerabilities/%d", self->component_id, self->vulnerability);
}

/* A field that loses the focus ends its run of merged edits: the next
 * change of it is an undo step of its own. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                BwComponentsPage        *self)
{
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
}

static void
component_entry_changed_cb (BwComponentsPage *self,
                            GtkEditable      *editable)
{
  set_string (self, self->component_id, g_object_get_data (G_OBJECT (editable), "member"),
              gtk_editable_get_text (editable));
}

static void
vulnerability_entry_changed_cb (BwComponentsPage *self,
                                GtkEditable      *editable)
{
  g_autofree char *path = vulnerability_path (self);

  set_string (self, path, g_object_get_data (G_OBJECT (editable), "member"),
              gtk_editable_get_text (editable));
}

/* "CWE-787, CWE-120": each entry must be CWE- and a number; a list being
 * typed stays in the field, marked, until every entry is one. */
static void
cwe_changed_cb (BwComponentsPage *self,
                GtkEditable      *editable)
{
  g_autofree char *path = vulnerability_path (self);
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (editable), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) cwe = NULL;

  if (path == NULL)
    return;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *entry = g_strstrip (parts[i]);
      const char *digits = entry + 4;

      if (*entry == '\0')
        continue;
      if (g_ascii_strncasecmp (entry, "CWE-", 4) != 0 || *digits == '\0' ||
          strspn (digits, "0123456789") != strlen (digits))
        {
          gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
          return;
        }
      entry[0] = 'C', entry[1] = 'W', entry[2] = 'E';
      g_strv_builder_add (builder, entry);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  cwe = g_strv_builder_end (builder);
  set_strv (self, path, "cwe", (const char * const *) cwe);
}

static void
end_changed_cb (BwComponentsPage *self,
                GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);

  /* An unfinished date stays in the field, marked, until it is one. */
  if (!is_iso_date (text))
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  set_string (self, self->component_id, "end_of_support", text);
}

static void
support_selected_cb (BwComponentsPage *self,
                     GParamSpec       *pspec,
                     AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (support_levels))
    set_string (self, self->component_id, "support", support_levels[selected]);
}

static void
status_selected_cb (BwComponentsPage *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  g_autofree char *path = vulnerability_path (self);
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (statuses))
    set_string (self, path, "status", statuses[selected]);
}

static void
kev_active_cb (BwComponentsPage *self,
               GParamSpec       *pspec,
               GtkSwitch        *toggle)
{
  g_autofree char *path = vulnerability_path (self);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  set_value (self, path, "kev", &value);
}

/* Shows the score of a valid vector, or says which part is wrong. */
static gboolean
show_cvss (BwComponentsPage *self,
           const char       *text)
{
  g_autoptr(GError) error = NULL;
  BwCvssVector vector;

  if (text == NULL || *text == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->cvss_row), "error");
      adw_action_row_set_subtitle (self->score_row, _("No vector: not scored"));
      return TRUE;
    }
  if (!bw_cvss_parse (text, &vector, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->cvss_row), "error");
      adw_action_row_set_subtitle (self->score_row, error->message);
      return FALSE;
    }
  else
    {
      double score = bw_cvss_base_score (&vector);
      g_autofree char *shown = NULL;

      /* Translators: a CVSS base score and its rating, "9.8 (Critical)" */
      shown = g_strdup_printf (_("%.1f (%s)"), score,
                               bw_cvss_rating_to_string (bw_cvss_rating_for_score (score)));
      gtk_widget_remove_css_class (GTK_WIDGET (self->cvss_row), "error");
      adw_action_row_set_subtitle (self->score_row, shown);
      return TRUE;
    }
}

static void
cvss_changed_cb (BwComponentsPage *self,
                 GtkEditable      *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *path = vulnerability_path (self);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->updating || !show_cvss (self, text))
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, *text != '\0' ? text : NULL);
  set_value (self, path, "cvss", &value);
}

/* Links: both sides are ID lists of this component or vulnerability. */

static void
change_links (BwComponentsPage   *self,
              const char         *path,
              const char         *member,
              const char * const *current,
              const char         *id,
              gboolean            add)
{
  g_auto(GStrv) links = _bw_record_page_strv_toggle (current, id, add);

  set_strv (self, path, member, (const char * const *) links);
}

static void
link_element_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (widget);
  BwComponent *component = lookup_component (self);

  if (component != NULL)
    change_links (self, self->component_id, "elements", bw_component_get_elements (component),
                  g_variant_get_string (parameter, NULL), g_str_equal (action_name, "components.link-element"));
}

static void
link_threat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (widget);
  BwVulnerability *vulnerability = lookup_vulnerability (self);
  g_autofree char *path = vulnerability_path (self);
  const char *id = g_variant_get_string (parameter, NULL);
  gboolean objective;

  if (vulnerability == NULL)
    return;
  objective = BW_IS_OBJECTIVE (bw_project_lookup (self->project, id));
  change_links (self, path, objective ? "objectives" : "threats",
                objective ? bw_vulnerability_get_objectives (vulnerability)
                          : bw_vulnerability_get_threats (vulnerability),
                id, g_str_equal (action_name, "components.link-threat"));
}

static void
select_vulnerability_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (widget);

  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  self->vulnerability = g_variant_get_int32 (parameter);
  _bw_components_page_refresh (self);
}

static void
delete_vulnerability_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (widget);
  g_autoptr(BwCommand) command = NULL;

  if (lookup_vulnerability (self) == NULL)
    return;
  command = bw_command_remove_child_new (self->project, self->component_id, "vulnerabilities",
                                         self->vulnerability);
  if (execute (self, command))
    {
      self->vulnerability = MAX (self->vulnerability - 1, 0);
      _bw_components_page_refresh (self);
    }
}

static void
add_response_cb (BwComponentsPage *self,
                 const char       *response,
                 AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(BwVulnerability) vulnerability = NULL;
  g_autoptr(BwCommand) command = NULL;
  BwComponent *component = lookup_component (self);

  if (!g_str_equal (response, "add") || component == NULL || *id == '\0')
    return;
  vulnerability = g_object_new (BW_TYPE_VULNERABILITY,
                                "id", id,
                                "status", "under_investigation",
                                "discovered-by", _("Manual entry"),
                                NULL);
  command = bw_command_add_child_new (self->project, self->component_id, "vulnerabilities",
                                      BW_RECORD (vulnerability));
  if (execute (self, command))
    {
      self->vulnerability = g_list_model_get_n_items (bw_component_get_vulnerabilities (component)) - 1;
      _bw_components_page_refresh (self);
    }
}

static void
add_entry_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", *id != '\0');
}

static void
add_entry_activate_cb (GtkEntry         *entry,
                       AdwMessageDialog *dialog)
{
  if (adw_message_dialog_get_response_enabled (dialog, "add"))
    adw_message_dialog_response (dialog, "add");
}

static void
add_vulnerability_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (widget);
  BwComponent *component = lookup_component (self);
  GtkWidget *dialog, *entry;

  if (component == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Add Vulnerability"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The public ID of a known vulnerability of %s, such as a CVE, GHSA or OSV ID."),
                                  bw_component_get_name (component));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "CVE-2024-12345");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (add_entry_changed_cb), dialog);
  g_signal_connect (entry, "activate", G_CALLBACK (add_entry_activate_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The side panel */

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
clear_dynamic_rows (BwComponentsPage *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static GtkWidget *
add_row (BwComponentsPage    *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, g_object_ref (row));
  return row;
}

static void
add_unlink_button (GtkWidget  *row,
                   const char *action,
                   const char *id,
                   const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* The target first: a name without it would be checked against none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static const char *
record_name (BwRecord *record)
{
  if (BW_IS_ELEMENT (record))
    return bw_element_get_name (BW_ELEMENT (record));
  if (BW_IS_THREAT (record))
    return bw_threat_get_title (BW_THREAT (record));
  if (BW_IS_OBJECTIVE (record))
    return bw_objective_get_text (BW_OBJECTIVE (record));
  return "";
}

/* A picker: every record of `model` not linked yet. */
static GMenu *
picker_menu (GListModel         *model,
             const char * const *linked,
             const char         *action)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);
      const char *id = bw_record_get_id (record);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (linked != NULL && g_strv_contains (linked, id))
        continue;
      if (BW_IS_ELEMENT (record) && bw_element_get_kind_enum (BW_ELEMENT (record)) == BW_ELEMENT_TRUST_BOUNDARY)
        continue;
      /* Translators: a record in a picker menu, "P-3 Pump firmware" */
      label = g_strdup_printf (_("%s %s"), id, record_name (record));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }
  return menu;
}

static void
add_linked_rows (BwComponentsPage    *self,
                 AdwPreferencesGroup *group,
                 const char * const  *ids,
                 const char          *unlink_action)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (self->project, ids[i]);
      GtkWidget *row = add_row (self, group, record ? record_name (record) : ids[i], ids[i]);

      add_unlink_button (row, unlink_action, ids[i], _("Remove Link"));
    }
}

static void
refresh_vulnerability (BwComponentsPage *self,
                       BwVulnerability  *vulnerability)
{
  const char *status = bw_vulnerability_get_status (vulnerability);
  const char *justification = bw_vulnerability_get_justification (vulnerability);
  const char *cvss = bw_vulnerability_get_cvss (vulnerability);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) threats = NULL;
  g_autoptr(GMenu) objectives = NULL;
  g_autofree char *path = vulnerability_path (self);

  adw_preferences_group_set_title (self->vuln_group, bw_record_get_id (BW_RECORD (vulnerability)));
  adw_combo_row_set_selected (self->status_row, _bw_record_page_index_of (statuses, G_N_ELEMENTS (statuses), status));
  _bw_record_page_show_text (GTK_EDITABLE (self->justification_row), justification);
  /* A not_affected claim without its reason is no assessment (VEX). */
  if (g_strcmp0 (status, "not_affected") == 0 && (justification == NULL || *justification == '\0'))
    gtk_widget_add_css_class (GTK_WIDGET (self->justification_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->justification_row), "error");
  /* A vector being typed stays until it is valid, unless another
   * vulnerability is shown. */
  if (g_strcmp0 (self->shown_vulnerability, path) != 0 ||
      !gtk_widget_has_css_class (GTK_WIDGET (self->cvss_row), "error"))
    {
      _bw_record_page_show_text (GTK_EDITABLE (self->cvss_row), cvss);
      show_cvss (self, cvss);
    }
  g_free (self->shown_vulnerability);
  self->shown_vulnerability = g_steal_pointer (&path);
  _bw_record_page_show_text (GTK_EDITABLE (self->discovered_row), bw_vulnerability_get_discovered_by (vulnerability));
  /* Not while the user types in it: the list is normalised ("cwe-7, " is
   * stored as CWE-7) and rewriting the field would move the cursor. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->cwe_row), "error") &&
      !has_focus_within (GTK_WIDGET (self->cwe_row)))
    {
      g_autofree char *cwe = g_strjoinv (", ", (char **) bw_vulnerability_get_cwe (vulnerability));

      _bw_record_page_show_text (GTK_EDITABLE (self->cwe_row), cwe);
    }
  gtk_switch_set_active (self->kev_switch, bw_vulnerability_get_kev (vulnerability));

  add_linked_rows (self, self->vuln_links_group, bw_vulnerability_get_threats (vulnerability),
                   "components.unlink-threat");
  add_linked_rows (self, self->vuln_links_group, bw_vulnerability_get_objectives (vulnerability),
                   "components.unlink-threat");
  threats = picker_menu (bw_project_get_threats (self->project), bw_vulnerability_get_threats (vulnerability),
                         "components.link-threat");
  objectives = picker_menu (bw_project_get_objectives (self->project),
                            bw_vulnerability_get_objectives (vulnerability), "components.link-threat");
  g_menu_append_submenu (menu, _("Threats"), G_MENU_MODEL (threats));
  g_menu_append_submenu (menu, _("Objectives"), G_MENU_MODEL (objectives));
  gtk_menu_button_set_menu_model (self->vuln_link_menu_button, G_MENU_MODEL (menu));
}

static char *
describe_vulnerability (BwVulnerability *vulnerability)
{
  const char *status = _bw_record_page_label_of (statuses, status_labels, G_N_ELEMENTS (statuses),
                                 bw_vulnerability_get_status (vulnerability));
  BwCvssVector vector;

  if (bw_vulnerability_get_cvss (vulnerability) != NULL &&
      bw_cvss_parse (bw_vulnerability_get_cvss (vulnerability), &vector, NULL))
    {
      double score = bw_cvss_base_score (&vector);

      /* Translators: "9.8 Critical · Not Affected" */
      return g_strdup_printf (_("%.1f %s · %s"), score,
                              bw_cvss_rating_to_string (bw_cvss_rating_for_score (score)), status);
    }
  /* Translators: a vulnerability without a CVSS vector, "Not scored · Affected" */
  return g_strdup_printf (_("Not scored · %s"), status);
}

static void
refresh_panel (BwComponentsPage *self)
{
  BwComponent *component = lookup_component (self);
  BwVulnerability *vulnerability;
  BwSupportFinding *finding;
  GListModel *vulnerabilities;
  g_autoptr(GMenu) menu = NULL;
  guint n;

  clear_dynamic_rows (self);
  if (component == NULL)
    {
      gtk_stack_set_visible_child_name (self->panel_stack, "none");
      return;
    }

  self->updating = TRUE;
  _bw_record_page_show_text (GTK_EDITABLE (self->name_row), bw_component_get_name (component));
  _bw_record_page_show_text (GTK_EDITABLE (self->version_row), bw_component_get_version (component));
  _bw_record_page_show_text (GTK_EDITABLE (self->supplier_row), bw_component_get_supplier (component));
  _bw_record_page_show_text (GTK_EDITABLE (self->license_row), bw_component_get_license (component));
  _bw_record_page_show_text (GTK_EDITABLE (self->purl_row), bw_component_get_purl (component));
  _bw_record_page_show_text (GTK_EDITABLE (self->cpe_row), bw_component_get_cpe (component));
  adw_combo_row_set_selected (self->support_row,
                              _bw_record_page_index_of (support_levels, G_N_ELEMENTS (support_levels),
                                        bw_component_get_support (component)));
  /* Likewise a date being typed. */
  if (g_strcmp0 (self->shown_component, self->component_id) != 0 ||
      is_iso_date (gtk_editable_get_text (GTK_EDITABLE (self->end_row))))
    {
      _bw_record_page_show_text (GTK_EDITABLE (self->end_row), bw_component_get_end_of_support (component));
      gtk_widget_remove_css_class (GTK_WIDGET (self->end_row), "error");
    }
  g_free (self->shown_component);
  self->shown_component = g_strdup (self->component_id);
  finding = _bw_components_page_find_finding (self, component);
  gtk_widget_set_visible (GTK_WIDGET (self->support_warning_row), finding != NULL);
  if (finding != NULL)
    adw_action_row_set_subtitle (self->support_warning_row, finding->message);

  add_linked_rows (self, self->links_group, bw_component_get_elements (component),
                   "components.unlink-element");
  menu = picker_menu (bw_project_get_elements (self->project), bw_component_get_elements (component),
                      "components.link-element");
  gtk_menu_button_set_menu_model (self->link_menu_button, G_MENU_MODEL (menu));

  vulnerabilities = bw_component_get_vulnerabilities (component);
  n = g_list_model_get_n_items (vulnerabilities);
  if (self->vulnerability >= (int) n)
    self->vulnerability = (int) n - 1;
  if (self->vulnerability < 0 && n > 0)
    self->vulnerability = 0;
  if (n == 0)
    add_row (self, self->vulns_group, _("No known vulnerabilities"),
             _("Import them from OSV or VEX, or add one by hand"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwVulnerability) v = g_list_model_get_item (vulnerabilities, i);
      g_autofree char *subtitle = describe_vulnerability (v);
      GtkWidget *row = add_row (self, self->vulns_group, bw_record_get_id (BW_RECORD (v)), subtitle);

      if (bw_vulnerability_get_kev (v))
        {
          GtkWidget *badge = gtk_label_new (_("KEV"));

          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (badge, _("Known to be exploited (CISA KEV)"));
          gtk_widget_add_css_class (badge, "caption-heading");
          gtk_widget_add_css_class (badge, "error");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
        }
      if ((int) i == self->vulnerability)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("object-select-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "i", (gint32) i);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "components.select-vulnerability");
    }

  vulnerability = lookup_vulnerability (self);
  gtk_widget_set_visible (GTK_WIDGET (self->vuln_group), vulnerability != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->vuln_links_group), vulnerability != NULL);
  if (vulnerability != NULL)
    refresh_vulnerability (self, vulnerability);
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->panel_stack, "component");
}

/* Keeps the table's selection on the selected component, wherever the
 * sorting or filtering put it. */
static void
sync_selection (BwComponentsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  BwRecord *selected = gtk_single_selection_get_selected_item (self->selection);

  if (self->component_id == NULL ||
      (selected != NULL && g_strcmp0 (bw_record_get_id (selected), self->component_id) == 0))
    return;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BwRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (bw_record_get_id (record), self->component_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

void
_bw_components_page_refresh (BwComponentsPage *self)
{
  guint n_all = self->project ? g_list_model_get_n_items (bw_project_get_components (self->project)) : 0;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  update_findings (self);
  bw_table_cells_update (self->cells);

  /* Nothing to select, nothing to search: the empty page stands alone. */
  gtk_widget_set_visible (GTK_WIDGET (self->panel_stack), n_all > 0);
  gtk_widget_set_visible (self->panel_separator, n_all > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), n_all > 0);
  if (n_all == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (n_shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "list");

  refresh_panel (self);
}

static void
selected_item_cb (BwComponentsPage   *self,
                  GParamSpec         *pspec,
                  GtkSingleSelection *selection)
{
  BwRecord *selected = gtk_single_selection_get_selected_item (selection);

  /* A selection lost to the search keeps the panel on its component. */
  if (selected == NULL)
    return;
  if (g_strcmp0 (bw_record_get_id (selected), self->component_id) == 0)
    return;
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->component_id);
  self->component_id = g_strdup (bw_record_get_id (selected));
  self->vulnerability = -1;
  _bw_components_page_refresh (self);
}

static void
stack_changed_cb (BwComponentsPage *self,
                  BwCommandStack   *stack)
{
  /* An undone import may take the selected component away. */
  if (self->component_id != NULL && lookup_component (self) == NULL)
    {
      BwRecord *selected = gtk_single_selection_get_selected_item (self->selection);

      g_free (self->component_id);
      self->component_id = selected ? g_strdup (bw_record_get_id (selected)) : NULL;
      self->vulnerability = -1;
    }
  sync_selection (self);
  _bw_components_page_refresh (self);
}

/* GObject */

static void
watch_entry (BwComponentsPage *self,
             AdwEntryRow      *row,
             const char       *member,
             GCallback         changed)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (row), focus);
  if (member != NULL)
    {
      g_object_set_data (G_OBJECT (row), "member", (gpointer) member);
      g_signal_connect_swapped (row, "changed", changed, self);
    }
}

static void
disconnect_project (BwComponentsPage *self)
{
  if (self->project == NULL)
    return;
  g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
}

static void
bw_components_page_dispose (GObject *object)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (object);

  disconnect_project (self);
  if (self->dynamic_rows != NULL)
    g_ptr_array_set_size (self->dynamic_rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_COMPONENTS_PAGE);
  g_clear_object (&self->cells);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_components_page_parent_class)->dispose (object);
}

static void
bw_components_page_finalize (GObject *object)
{
  BwComponentsPage *self = BW_COMPONENTS_PAGE (object);

  g_clear_pointer (&self->component_id, g_free);
  g_clear_pointer (&self->shown_component, g_free);
  g_clear_pointer (&self->shown_vulnerability, g_free);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_components_page_parent_class)->finalize (object);
}

static void
bw_components_page_class_init (BwComponentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_components_page_dispose;
  object_class->finalize = bw_components_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/bulwarkapp/Bulwark/ui/bw-components-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, panel_stack);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, panel_separator);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, version_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, supplier_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, license_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, purl_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, cpe_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, support_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, end_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, support_warning_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, links_group);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, link_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, vulns_group);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, vuln_group);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, justification_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, cvss_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, score_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, discovered_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, cwe_row);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, kev_switch);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, vuln_links_group);
  gtk_widget_class_bind_template_child (widget_class, BwComponentsPage, vuln_link_menu_button);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_changed_cb",
                                                G_CALLBACK (_bw_components_page_search_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, support_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, end_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, cvss_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kev_active_cb);

  gtk_widget_class_install_action (widget_class, "components.import-sbom", NULL, _bw_components_page_import_action);
  gtk_widget_class_install_action (widget_class, "components.import-vulns", NULL, _bw_components_page_import_action);
  gtk_widget_class_install_action (widget_class, "components.add-vulnerability", NULL, add_vulnerability_action);
  gtk_widget_class_install_action (widget_class, "components.delete-vulnerability", NULL,
                                   delete_vulnerability_action);
  gtk_widget_class_install_action (widget_class, "components.select-vulnerability", "i",
                                   select_vulnerability_action);
  gtk_widget_class_install_action (widget_class, "components.link-element", "s", link_element_action);
  gtk_widget_class_install_action (widget_class, "components.unlink-element", "s", link_element_action);
  gtk_widget_class_install_action (widget_class, "components.link-threat", "s", link_threat_action);
  gtk_widget_class_install_action (widget_class, "components.unlink-threat", "s", link_threat_action);
}

static void
bw_components_page_init (BwComponentsPage *self)
{
  g_autoptr(GListModel) support = _bw_record_page_labels_model (support_labels, G_N_ELEMENTS (support_labels));
  g_autoptr(GListModel) status = _bw_record_page_labels_model (status_labels, G_N_ELEMENTS (status_labels));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->vulnerability = -1;
  self->dynamic_rows = g_ptr_array_new_with_free_func (g_object_unref);

  adw_combo_row_set_model (self->support_row, support);
  adw_combo_row_set_model (self->status_row, status);

  watch_entry (self, self->name_row, "name", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->version_row, "version", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->supplier_row, "supplier", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->license_row, "license", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->purl_row, "purl", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->cpe_row, "cpe", G_CALLBACK (component_entry_changed_cb));
  watch_entry (self, self->end_row, NULL, NULL);
  watch_entry (self, self->justification_row, "justification", G_CALLBACK (vulnerability_entry_changed_cb));
  watch_entry (self, self->cvss_row, NULL, NULL);
  watch_entry (self, self->discovered_row, "discovered_by", G_CALLBACK (vulnerability_entry_changed_cb));
  watch_entry (self, self->cwe_row, "cwe", G_CALLBACK (cwe_changed_cb));

  _bw_components_page_init_table (self);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);

  _bw_components_page_refresh (self);
}

GtkWidget *
bw_components_page_new (void)
{
  return g_object_new (BW_TYPE_COMPONENTS_PAGE, NULL);
}

void
bw_components_page_set_project (BwComponentsPage *self,
                                BwProject        *project)
{
  g_return_if_fail (BW_IS_COMPONENTS_PAGE (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  disconnect_project (self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->component_id, g_free);
  self->vulnerability = -1;
  if (project != NULL)
    g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                             G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_filter_list_model_set_model (self->filter_model, project ? bw_project_get_components (project) : NULL);
  selected_item_cb (self, NULL, self->selection);
  _bw_components_page_refresh (self);
}

const char *
bw_components_page_get_selected_id (BwComponentsPage *self)
{
  g_return_val_if_fail (BW_IS_COMPONENTS_PAGE (self), NULL);

  return self->component_id;
}

gboolean
bw_components_page_select (BwComponentsPage *self,
                           const char       *component_id,
                           int               vulnerability)
{
  g_return_val_if_fail (BW_IS_COMPONENTS_PAGE (self), FALSE);
  g_return_val_if_fail (component_id != NULL, FALSE);

  if (self->project == NULL || !BW_IS_COMPONENT (bw_project_lookup (self->project, component_id)))
    return FALSE;
  g_free (self->component_id);
  self->component_id = g_strdup (component_id);
  self->vulnerability = vulnerability;
  sync_selection (self);
  _bw_components_page_refresh (self);
  return TRUE;
}
