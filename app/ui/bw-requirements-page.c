/* bw-requirements-page.c — step 5: the security requirements
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A list of the project's requirements beside a form for the selected one:
 * its text, the objective it implements, how it is verified and where
 * (the test case or record), and its status.  A requirement without a
 * verification reference, or without an objective, is marked.  From the
 * form, its objective and the threats it answers are one click away.  The
 * list and the selection are a BwRecordList.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-record-list.h"
#include "bw-record-page.h"
#include "bw-requirements-page.h"
#include "bw-traceability.h"

struct _BwRequirementsPage
{
  GtkWidget            parent_instance;

  BwRecordList        *records;
  char                *objectives_signature;
  GPtrArray           *objective_ids;   /* the objective combo's entries after "None" */

  GtkStack            *detail_stack;
  AdwPreferencesGroup *requirement_group;
  GtkTextView         *text_view;
  AdwComboRow         *objective_row;
  AdwComboRow         *verification_row;
  AdwEntryRow         *reference_row;
  GtkWidget           *reference_warning;
  AdwComboRow         *status_row;
  GtkListBox          *trace_list;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwRequirementsPage, bw_requirements_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

/* FORMAT.md's values, in the order of the combo rows. */
static const char * const verifications[] = { "test", "inspection", "analysis", "demonstration" };
static const char * const verification_labels[] = {
  N_("Test"), N_("Inspection"), N_("Analysis"), N_("Demonstration")
};
static const char * const statuses[] = { "draft", "approved", "implemented", "verified" };
static const char * const status_labels[] = {
  N_("Draft"), N_("Approved"), N_("Implemented"), N_("Verified")
};

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static BwProject *
project_of (BwRequirementsPage *self)
{
  return bw_record_list_get_project (self->records);
}

static BwRequirement *
selected_requirement (BwRequirementsPage *self)
{
  return BW_REQUIREMENT (bw_record_list_get_selected (self->records));
}

static gboolean
lacks_objective (BwRequirementsPage *self,
                 BwRequirement      *requirement)
{
  const char *objective = bw_requirement_get_objective (requirement);

  return objective == NULL || !BW_IS_OBJECTIVE (bw_project_lookup (project_of (self), objective));
}

static GtkWidget *
warning_icon (const char *why)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, why);
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  return icon;
}

/* The list */

static char *
describe_requirement (BwRequirementsPage *self,
                      BwRequirement      *requirement)
{
  const char *objective = bw_requirement_get_objective (requirement);
  const char *reference = bw_requirement_get_verification_ref (requirement);
  const char *method = _bw_record_page_label_of (verifications, verification_labels, G_N_ELEMENTS (verifications),
                                                 bw_requirement_get_verification (requirement));
  const char *status = _bw_record_page_label_of (statuses, status_labels, G_N_ELEMENTS (statuses),
                                                 bw_requirement_get_status (requirement));
  g_autofree char *verification = NULL;

  if (is_blank (reference))
    verification = g_strdup (method);
  else
    /* Translators: how and where a requirement is verified, "Test TC-101" */
    verification = g_strdup_printf (_("%s %s"), method, reference);
  /* Translators: a requirement's ID, objective, verification and status, "R-1 · O-1 · Test TC-101 · Approved" */
  return g_strdup_printf (_("%s · %s · %s · %s"), bw_record_get_id (BW_RECORD (requirement)),
                          objective != NULL ? objective : _("no objective"), verification, status);
}

/* A row of the list; update_list_row fills it. */
static GtkWidget *
make_list_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = warning_icon (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "warning", icon);
  return row;
}

static gboolean
update_list_row (gpointer   page,
                 GtkWidget *row,
                 BwRecord  *record)
{
  BwRequirementsPage *self = page;
  BwRequirement *requirement = BW_REQUIREMENT (record);
  const char *text = bw_requirement_get_text (requirement);
  g_autofree char *subtitle = describe_requirement (self, requirement);
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "warning");
  const char *why = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *text != '\0' ? text : _("Untitled requirement"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (is_blank (bw_requirement_get_verification_ref (requirement)))
    why = _("No verification reference: name the test case or record that verifies it");
  else if (lacks_objective (self, requirement))
    why = _("Traces to no objective");
  gtk_widget_set_visible (icon, why != NULL);
  gtk_widget_set_tooltip_text (icon, why);
  if (why != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  /* Counted: the finding of METHOD.md. */
  return is_blank (bw_requirement_get_verification_ref (requirement));
}

static char *
count_requirements (guint n,
                    guint open)
{
  if (open > 0)
    /* Translators: the requirements' count, "4 requirements, 1 without verification reference" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement, %u without verification reference",
                                        "%u requirements, %u without verification reference", n), n, open);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u requirement", "%u requirements", n), n);
}

static const BwRecordListRows rows = { make_list_row, update_list_row, count_requirements };

/* The form */

/* "O-2 Firmware is signed…": short enough for the combo row. */
static char *
objective_choice (BwObjective *objective)
{
  const char *text = bw_objective_get_text (objective);
  g_autofree char *shown = NULL;

  if (g_utf8_strlen (text, -1) > 60)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 59);

      shown = g_strconcat (cut, "…", NULL);
    }
  else
    shown = g_strdup (text);
  /* Translators: an objective in the requirement's objective picker, "O-2 Firmware is signed" */
  return g_strdup_printf (_("%s %s"), bw_record_get_id (BW_RECORD (objective)), shown);
}

static void
refresh_objective_choices (BwRequirementsPage *self)
{
  GListModel *objectives = bw_project_get_objectives (project_of (self));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  GString *signature = g_string_new (NULL);
  g_autofree char *joined = NULL;

  gtk_string_list_append (choices, _("None"));
  g_ptr_array_set_size (self->objective_ids, 0);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
      g_autofree char *choice = objective_choice (objective);

      gtk_string_list_append (choices, choice);
      g_string_append_printf (signature, "%s\n", choice);
      g_ptr_array_add (self->objective_ids, g_strdup (bw_record_get_id (BW_RECORD (objective))));
    }
  joined = g_string_free (signature, FALSE);
  /* A new model closes an open popover: only when the objectives changed. */
  if (g_strcmp0 (joined, self->objectives_signature) == 0)
    return;
  g_free (self->objectives_signature);
  self->objectives_signature = g_steal_pointer (&joined);
  adw_combo_row_set_model (self->objective_row, G_LIST_MODEL (choices));
}

static void
refresh_traces (BwRequirementsPage *self,
                BwRequirement      *requirement)
{
  BwProject *project = project_of (self);
  const char *objective = bw_requirement_get_objective (requirement);
  g_autoptr(GPtrArray) threats =
    bw_traceability_threats_for_requirement (project, bw_record_get_id (BW_RECORD (requirement)));

  _bw_record_page_clear_list_box (self->trace_list);
  if (objective != NULL)
    gtk_list_box_append (self->trace_list, _bw_record_page_link_row (project, objective));
  else
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No objective"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Pick the security objective this requirement implements"));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), warning_icon (_("Traces to no objective")));
      gtk_list_box_append (self->trace_list, row);
    }
  for (guint i = 0; threats != NULL && i < threats->len; i++)
    gtk_list_box_append (self->trace_list,
                         _bw_record_page_link_row (project, bw_record_get_id (g_ptr_array_index (threats, i))));
}

/* The list's "refreshed": the selected requirement in the form. */
static void
refresh_detail (BwRequirementsPage *self)
{
  BwRequirement *requirement = selected_requirement (self);
  g_autofree char *title = NULL;
  const char *objective;
  guint selected = 0;

  if (requirement == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  /* Translators: the form's title, "Requirement R-3" */
  title = g_strdup_printf (_("Requirement %s"), bw_record_list_get_selected_id (self->records));
  adw_preferences_group_set_title (self->requirement_group, title);
  _bw_record_page_show_view_text (self->text_view, bw_requirement_get_text (requirement));
  refresh_objective_choices (self);
  objective = bw_requirement_get_objective (requirement);
  for (guint i = 0; objective != NULL && i < self->objective_ids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->objective_ids, i), objective))
      selected = i + 1;
  adw_combo_row_set_selected (self->objective_row, selected);
  adw_combo_row_set_selected (self->verification_row,
                              _bw_record_page_index_of (verifications, G_N_ELEMENTS (verifications),
                                                        bw_requirement_get_verification (requirement)));
  _bw_record_page_show_text (GTK_EDITABLE (self->reference_row), bw_requirement_get_verification_ref (requirement));
  gtk_widget_set_visible (self->reference_warning, is_blank (bw_requirement_get_verification_ref (requirement)));
  adw_combo_row_set_selected (self->status_row,
                              _bw_record_page_index_of (statuses, G_N_ELEMENTS (statuses),
                                                        bw_requirement_get_status (requirement)));
  refresh_traces (self, requirement);

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Edits */

static void
text_changed_cb (BwRequirementsPage *self,
                 GtkTextBuffer      *buffer)
{
  g_autofree char *text = _bw_record_page_dup_view_text (self->text_view);

  bw_record_list_set_string (self->records, "text", text);
}

static void
reference_changed_cb (BwRequirementsPage *self,
                      GtkEditable        *editable)
{
  bw_record_list_set_string (self->records, "verification_ref", gtk_editable_get_text (editable));
}

static void
objective_selected_cb (BwRequirementsPage *self,
                       GParamSpec         *pspec,
                       AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected > self->objective_ids->len)
    return;
  /* NULL for "None": the member is written as null. */
  bw_record_list_set_string (self->records, "objective",
                             selected == 0 ? NULL : g_ptr_array_index (self->objective_ids, selected - 1));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwRequirementsPage *self = BW_REQUIREMENTS_PAGE (widget);
  g_autoptr(BwRequirement) requirement = g_object_new (BW_TYPE_REQUIREMENT, NULL);

  if (bw_record_list_add (self->records, BW_RECORD (requirement)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwRequirementsPage *self = BW_REQUIREMENTS_PAGE (widget);
  g_autofree char *title = NULL;

  if (selected_requirement (self) == NULL)
    return;
  /* Translators: a toast after deleting, "Deleted R-3" */
  title = g_strdup_printf (_("Deleted %s"), bw_record_list_get_selected_id (self->records));
  bw_record_list_remove_selected (self->records, title);
}

/* BwPage */

static void
bw_requirements_page_set_project (BwPage    *page,
                                  BwProject *project)
{
  BwRequirementsPage *self = BW_REQUIREMENTS_PAGE (page);

  if (project_of (self) == project)
    return;
  g_clear_pointer (&self->objectives_signature, g_free);
  bw_record_list_set_project (self->records, project);
}

static gboolean
bw_requirements_page_select_record (BwPage     *page,
                                    const char *id)
{
  return bw_requirements_page_select (BW_REQUIREMENTS_PAGE (page), id);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_requirements_page_set_project;
  iface->select_record = bw_requirements_page_select_record;
}

/* Building */

static AdwComboRow *
combo_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *name,
           GListModel          *model)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  if (model != NULL)
    adw_combo_row_set_model (row, model);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static GtkWidget *
build_detail (BwRequirementsPage *self)
{
  g_autoptr(GListModel) verification_model = _bw_record_page_labels_model (verification_labels,
                                                                           G_N_ELEMENTS (verification_labels));
  g_autoptr(GListModel) status_model = _bw_record_page_labels_model (status_labels, G_N_ELEMENTS (status_labels));
  GtkWidget *delete = _bw_record_page_icon_button ("user-trash-symbolic", _("Delete Requirement"));
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *trace_group;
  GtkWidget *text_row, *none;

  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail_stack), TRUE);
  none = _bw_record_page_status_page ("view-list-ordered-symbolic", _("No Requirement Selected"),
                                      _("Select a requirement to edit it and see what it traces to."));
  gtk_stack_add_named (self->detail_stack, none, "none");

  self->requirement_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "requirements.delete");
  adw_preferences_group_set_header_suffix (self->requirement_group, delete);

  text_row = _bw_record_page_text_row (_("Requirement"), "requirement-text", &self->text_view);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  bw_record_list_watch_field (self->records, GTK_WIDGET (self->text_view));
  adw_preferences_group_add (self->requirement_group, text_row);

  self->objective_row = combo_row (self->requirement_group, _("Objective"), "requirement-objective", NULL);
  g_signal_connect_object (self->objective_row, "notify::selected", G_CALLBACK (objective_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->verification_row = combo_row (self->requirement_group, _("Verification Method"),
                                      "requirement-verification", verification_model);
  bw_record_list_bind_choice (self->records, self->verification_row, "verification", verifications,
                              G_N_ELEMENTS (verifications));

  self->reference_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reference_row), _("Verification Reference"));
  gtk_widget_set_name (GTK_WIDGET (self->reference_row), "requirement-verification-ref");
  self->reference_warning = warning_icon (_("No verification reference: name the test case, inspection "
                                           "record or analysis that verifies it"));
  adw_entry_row_add_suffix (self->reference_row, self->reference_warning);
  g_signal_connect_object (self->reference_row, "changed", G_CALLBACK (reference_changed_cb), self,
                           G_CONNECT_SWAPPED);
  bw_record_list_watch_field (self->records, GTK_WIDGET (self->reference_row));
  adw_preferences_group_add (self->requirement_group, GTK_WIDGET (self->reference_row));

  self->status_row = combo_row (self->requirement_group, _("Status"), "requirement-status", status_model);
  bw_record_list_bind_choice (self->records, self->status_row, "status", statuses, G_N_ELEMENTS (statuses));
  adw_preferences_page_add (page, self->requirement_group);

  trace_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (trace_group, _("Traces To"));
  adw_preferences_group_set_description (trace_group, _("Its objective and the threats that objective counters"));
  self->trace_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->trace_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->trace_list), "boxed-list");
  adw_preferences_group_add (trace_group, GTK_WIDGET (self->trace_list));
  adw_preferences_page_add (page, trace_group);

  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (page), "detail");
  return GTK_WIDGET (self->detail_stack);
}

static void
bw_requirements_page_dispose (GObject *object)
{
  BwRequirementsPage *self = BW_REQUIREMENTS_PAGE (object);
  GtkWidget *child;

  /* First: the list follows the project and the selection, which the
   * widgets' teardown would change. */
  g_clear_object (&self->records);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_requirements_page_parent_class)->dispose (object);
}

static void
bw_requirements_page_finalize (GObject *object)
{
  BwRequirementsPage *self = BW_REQUIREMENTS_PAGE (object);

  g_free (self->objectives_signature);
  g_ptr_array_unref (self->objective_ids);

  G_OBJECT_CLASS (bw_requirements_page_parent_class)->finalize (object);
}

static void
bw_requirements_page_class_init (BwRequirementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_requirements_page_dispose;
  object_class->finalize = bw_requirements_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "requirements.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "requirements.delete", NULL, delete_action);
}

static void
bw_requirements_page_init (BwRequirementsPage *self)
{
  GtkWidget *pane, *empty;

  self->objective_ids = g_ptr_array_new_with_free_func (g_free);
  self->records = bw_record_list_new (GTK_WIDGET (self), "requirements", BW_TYPE_REQUIREMENT,
                                      bw_project_get_requirements, &rows);
  g_signal_connect_swapped (self->records, "refreshed", G_CALLBACK (refresh_detail), self);
  pane = bw_record_list_build_pane (self->records, _("Security Requirements"), _("Add Requirement"),
                                    _("Security requirements"));
  /* "4 requirements, 1 without verification reference" may not fit. */
  gtk_label_set_wrap (bw_record_list_get_count_label (self->records), TRUE);
  /* Without records, the explanation and its button take the whole page. */
  empty = _bw_record_page_empty_state ("view-list-ordered-symbolic", _("No Security Requirements"),
                                       _("A requirement makes an objective verifiable: what the device shall do, "
                                         "and the test or inspection that shows it does. Add one here, or create "
                                         "it from its objective."),
                                       _("_Add Requirement"), "requirements.add", NULL);
  bw_record_list_build_page (self->records, pane, empty, build_detail (self));
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

GtkWidget *
bw_requirements_page_new (void)
{
  return g_object_new (BW_TYPE_REQUIREMENTS_PAGE, NULL);
}

gboolean
bw_requirements_page_select (BwRequirementsPage *self,
                             const char         *id)
{
  g_return_val_if_fail (BW_IS_REQUIREMENTS_PAGE (self), FALSE);

  return bw_record_list_select (self->records, id);
}

const char *
bw_requirements_page_get_selected_id (BwRequirementsPage *self)
{
  g_return_val_if_fail (BW_IS_REQUIREMENTS_PAGE (self), NULL);

  return bw_record_list_get_selected_id (self->records);
}
