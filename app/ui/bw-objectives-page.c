/* bw-objectives-page.c — step 4: the security objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A list of the project's objectives beside a form for the selected one:
 * its text, scope and FDA control category, the threats it counters and
 * the requirements that make it verifiable.  A system objective without
 * a requirement is the completeness finding of METHOD.md and is marked
 * in both places.  Every edit is a command on the project's stack.  The
 * list and the selection are a BwRecordList.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-stack.h"
#include "bw-objectives-page.h"
#include "bw-record-list.h"
#include "bw-record-page.h"
#include "bw-traceability.h"

struct _BwObjectivesPage
{
  GtkWidget            parent_instance;

  BwRecordList        *records;
  GtkStack            *detail_stack;
  AdwPreferencesPage  *detail_page;
  AdwPreferencesGroup *objective_group;
  GtkTextView         *text_view;
  AdwComboRow         *scope_row;
  AdwComboRow         *category_row;
  GtkMenuButton       *link_button;
  GtkListBox          *threat_list;
  GtkListBox          *requirement_list;
};

static void bw_page_iface_init (BwPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BwObjectivesPage, bw_objectives_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BW_TYPE_PAGE, bw_page_iface_init))

/* FORMAT.md's values, in the order of the combo rows. */
static const char * const scopes[] = { "system", "environment" };
static const char * const scope_labels[] = { N_("System"), N_("Environment") };
/* The security control categories of the FDA premarket guidance. */
static const char * const category_labels[] = {
  N_("Authentication"), N_("Authorization"), N_("Cryptography"),
  N_("Code, Data and System Integrity"), N_("Confidentiality"),
  N_("Event Detection and Logging"), N_("Resiliency and Recovery"),
  N_("Updatability and Patchability"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (category_labels) == 8);

static BwProject *
project_of (BwObjectivesPage *self)
{
  return bw_record_list_get_project (self->records);
}

static BwObjective *
selected_objective (BwObjectivesPage *self)
{
  return BW_OBJECTIVE (bw_record_list_get_selected (self->records));
}

/* The list */

static char *
describe_objective (BwObjective *objective)
{
  const char *scope = _bw_record_page_label_of (scopes, scope_labels, G_N_ELEMENTS (scopes),
                                                bw_objective_get_scope (objective));
  const char *category = _bw_record_page_label_of (bw_objective_categories, category_labels,
                                                   G_N_ELEMENTS (category_labels),
                                                   bw_objective_get_category (objective));

  /* Translators: an objective's ID, scope and category, "O-1 · System · Authentication" */
  return g_strdup_printf (_("%s · %s · %s"), bw_record_get_id (BW_RECORD (objective)), scope, category);
}

/* A row of the list; update_list_row fills it. */
static GtkWidget *
make_list_row (void)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  const char *why = _("No requirement makes this system objective verifiable");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_tooltip_text (icon, why);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "warning", icon);
  return row;
}

static gboolean
update_list_row (gpointer   page,
                 GtkWidget *row,
                 BwRecord  *record)
{
  BwObjective *objective = BW_OBJECTIVE (record);
  const char *text = bw_objective_get_text (objective);
  g_autofree char *subtitle = describe_objective (objective);
  gboolean lacks = bw_traceability_objective_lacks_requirement (project_of (page), objective);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *text != '\0' ? text : _("Untitled objective"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "warning"), lacks);
  return lacks;
}

static char *
count_objectives (guint n,
                  guint open)
{
  if (open > 0)
    /* Translators: the objectives' count, "6 objectives, 1 without requirement" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective, %u without requirement",
                                        "%u objectives, %u without requirement", n), n, open);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective", "%u objectives", n), n);
}

static const BwRecordListRows rows = { make_list_row, update_list_row, count_objectives };

/* The form */

static void
refresh_threats (BwObjectivesPage *self,
                 BwObjective      *objective)
{
  const char * const *linked = bw_objective_get_threats (objective);
  GListModel *threats = bw_project_get_threats (project_of (self));
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_choices = 0;

  _bw_record_page_clear_list_box (self->threat_list);
  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      GtkWidget *row = _bw_record_page_link_row (project_of (self), linked[i]);
      g_autofree char *tooltip = g_strdup_printf (_("Unlink %s"), linked[i]);
      GtkWidget *button = _bw_record_page_icon_button ("list-remove-symbolic", tooltip);

      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", linked[i]);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "objectives.unlink-threat");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->threat_list, row);
    }
  if (linked == NULL || linked[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No threats linked"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Link the threats this objective counters"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->threat_list, row);
    }

  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *id = bw_record_get_id (BW_RECORD (threat));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (bw_threat_get_archived (threat) || (linked != NULL && g_strv_contains (linked, id)))
        continue;
      /* Translators: a threat in the link menu, "T-3 Tampering with the pump firmware" */
      label = g_strdup_printf (_("%s %s"), id, bw_threat_get_title (threat));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "objectives.link-threat", g_variant_new_string (id));
      g_menu_append_item (menu, item);
      n_choices++;
    }
  gtk_menu_button_set_menu_model (self->link_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), n_choices > 0);
}

static void
refresh_requirements (BwObjectivesPage *self,
                      BwObjective      *objective)
{
  const char *id = bw_record_get_id (BW_RECORD (objective));
  g_autoptr(GPtrArray) requirements = bw_traceability_requirements_for_objective (project_of (self), id);

  _bw_record_page_clear_list_box (self->requirement_list);
  for (guint i = 0; i < requirements->len; i++)
    {
      BwRecord *requirement = g_ptr_array_index (requirements, i);

      gtk_list_box_append (self->requirement_list,
                           _bw_record_page_link_row (project_of (self), bw_record_get_id (requirement)));
    }
  if (requirements->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      gboolean system = g_strcmp0 (bw_objective_get_scope (objective), "system") == 0;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No requirement yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   system ? _("A system objective needs a requirement that makes it verifiable")
                                          : _("The environment meets this objective; a requirement is optional"));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (system)
        {
          icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "warning");
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          gtk_widget_set_name (row, "missing-requirement");
        }
      gtk_list_box_append (self->requirement_list, row);
    }
}

/* The list's "refreshed": the selected objective in the form. */
static void
refresh_detail (BwObjectivesPage *self)
{
  BwObjective *objective = selected_objective (self);
  g_autofree char *title = NULL;

  if (objective == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  /* Translators: the form's title, "Objective O-3" */
  title = g_strdup_printf (_("Objective %s"), bw_record_list_get_selected_id (self->records));
  adw_preferences_group_set_title (self->objective_group, title);
  _bw_record_page_show_view_text (self->text_view, bw_objective_get_text (objective));
  adw_combo_row_set_selected (self->scope_row,
                              _bw_record_page_index_of (scopes, G_N_ELEMENTS (scopes),
                                                        bw_objective_get_scope (objective)));
  adw_combo_row_set_selected (self->category_row,
                              _bw_record_page_index_of (bw_objective_categories, G_N_ELEMENTS (category_labels),
                                                        bw_objective_get_category (objective)));
  refresh_threats (self, objective);
  refresh_requirements (self, objective);

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

/* Edits */

static void
text_changed_cb (BwObjectivesPage *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = _bw_record_page_dup_view_text (self->text_view);

  bw_record_list_set_string (self->records, "text", text);
}

static void
link_threat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  BwObjective *objective = selected_objective (self);
  g_auto(GStrv) threats = NULL;

  if (objective == NULL)
    return;
  /* The command keeps threat.objectives in step (FORMAT.md: both sides). */
  threats = _bw_record_page_strv_toggle (bw_objective_get_threats (objective),
                                         g_variant_get_string (parameter, NULL),
                                         g_str_equal (action_name, "objectives.link-threat"));
  bw_record_list_execute (self->records,
                          _bw_record_page_set_strv (project_of (self), bw_record_list_get_selected_id (self->records),
                                                    "threats", (const char * const *) threats));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  g_autoptr(BwObjective) objective = g_object_new (BW_TYPE_OBJECTIVE, "scope", "system", NULL);

  if (bw_record_list_add (self->records, BW_RECORD (objective)))
    gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  g_autofree char *title = NULL;

  if (selected_objective (self) == NULL)
    return;
  /* Translators: a toast after deleting, "Deleted O-3" */
  title = g_strdup_printf (_("Deleted %s"), bw_record_list_get_selected_id (self->records));
  /* The command also drops the links to it (threats, requirements). */
  bw_record_list_remove_selected (self->records, title);
}

static void
create_requirement_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);

  bw_objectives_page_create_requirement (self);
}

/* BwPage */

static void
bw_objectives_page_set_project (BwPage    *page,
                                BwProject *project)
{
  bw_record_list_set_project (BW_OBJECTIVES_PAGE (page)->records, project);
}

static gboolean
bw_objectives_page_select_record (BwPage     *page,
                                  const char *id)
{
  return bw_objectives_page_select (BW_OBJECTIVES_PAGE (page), id);
}

static void
bw_page_iface_init (BwPageInterface *iface)
{
  iface->set_project = bw_objectives_page_set_project;
  iface->select_record = bw_objectives_page_select_record;
}

/* Building */

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static GtkWidget *
build_detail (BwObjectivesPage *self)
{
  g_autoptr(GListModel) scope_model = _bw_record_page_labels_model (scope_labels, G_N_ELEMENTS (scope_labels));
  g_autoptr(GListModel) category_model = _bw_record_page_labels_model (category_labels,
                                                                       G_N_ELEMENTS (category_labels));
  GtkWidget *suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *create = gtk_button_new_with_mnemonic (_("Create _Requirement"));
  GtkWidget *delete = _bw_record_page_icon_button ("user-trash-symbolic", _("Delete Objective"));
  AdwPreferencesGroup *threats_group, *requirements_group;
  GtkWidget *add_requirement, *text_row, *none;

  self->detail_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->detail_stack), TRUE);
  none = _bw_record_page_status_page ("emblem-ok-symbolic", _("No Objective Selected"),
                                      _("Select an objective to edit it and trace its threats "
                                        "and requirements."));
  gtk_stack_add_named (self->detail_stack, none, "none");

  self->detail_page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  self->objective_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_set_tooltip_text (create, _("A requirement that makes this objective verifiable"));
  gtk_widget_set_valign (create, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (create), "objectives.create-requirement");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete), "objectives.delete");
  gtk_box_append (GTK_BOX (suffix), create);
  gtk_box_append (GTK_BOX (suffix), delete);
  adw_preferences_group_set_header_suffix (self->objective_group, suffix);

  text_row = _bw_record_page_text_row (_("Objective"), "objective-text", &self->text_view);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  bw_record_list_watch_field (self->records, GTK_WIDGET (self->text_view));
  adw_preferences_group_add (self->objective_group, text_row);

  self->scope_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Scope"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                               _("Met by the device itself, or by its users and environment"));
  adw_combo_row_set_model (self->scope_row, scope_model);
  gtk_widget_set_name (GTK_WIDGET (self->scope_row), "objective-scope");
  bw_record_list_bind_choice (self->records, self->scope_row, "scope", scopes, G_N_ELEMENTS (scopes));
  adw_preferences_group_add (self->objective_group, GTK_WIDGET (self->scope_row));

  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Control Category"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), _("FDA security control category"));
  adw_combo_row_set_model (self->category_row, category_model);
  gtk_widget_set_name (GTK_WIDGET (self->category_row), "objective-category");
  bw_record_list_bind_choice (self->records, self->category_row, "category", bw_objective_categories,
                              G_N_ELEMENTS (category_labels));
  adw_preferences_group_add (self->objective_group, GTK_WIDGET (self->category_row));
  adw_preferences_page_add (self->detail_page, self->objective_group);

  threats_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (threats_group, _("Threats Countered"));
  self->link_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->link_button, "list-add-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), _("Link Threat"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Link Threat"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->link_button), "flat");
  gtk_widget_set_valign (GTK_WIDGET (self->link_button), GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (threats_group, GTK_WIDGET (self->link_button));
  self->threat_list = GTK_LIST_BOX (boxed_list ());
  adw_preferences_group_add (threats_group, GTK_WIDGET (self->threat_list));
  adw_preferences_page_add (self->detail_page, threats_group);

  requirements_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (requirements_group, _("Requirements"));
  adw_preferences_group_set_description (requirements_group,
                                         _("What makes the objective verifiable"));
  add_requirement = _bw_record_page_icon_button ("list-add-symbolic", _("Create Requirement"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_requirement), "objectives.create-requirement");
  adw_preferences_group_set_header_suffix (requirements_group, add_requirement);
  self->requirement_list = GTK_LIST_BOX (boxed_list ());
  adw_preferences_group_add (requirements_group, GTK_WIDGET (self->requirement_list));
  adw_preferences_page_add (self->detail_page, requirements_group);

  gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->detail_page), "detail");
  return GTK_WIDGET (self->detail_stack);
}

static void
bw_objectives_page_dispose (GObject *object)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (object);
  GtkWidget *child;

  /* First: the list follows the project and the selection, which the
   * widgets' teardown would change. */
  g_clear_object (&self->records);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bw_objectives_page_parent_class)->dispose (object);
}

static void
bw_objectives_page_class_init (BwObjectivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_objectives_page_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "objectives.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "objectives.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "objectives.create-requirement", NULL,
                                   create_requirement_action);
  gtk_widget_class_install_action (widget_class, "objectives.link-threat", "s", link_threat_action);
  gtk_widget_class_install_action (widget_class, "objectives.unlink-threat", "s", link_threat_action);
}

static void
bw_objectives_page_init (BwObjectivesPage *self)
{
  GtkWidget *pane, *empty;

  self->records = bw_record_list_new (GTK_WIDGET (self), "objectives", BW_TYPE_OBJECTIVE,
                                      bw_project_get_objectives, &rows);
  g_signal_connect_swapped (self->records, "refreshed", G_CALLBACK (refresh_detail), self);
  pane = bw_record_list_build_pane (self->records, _("Security Objectives"), _("Add Objective"),
                                    _("Security objectives"));
  /* Without records, the explanation and its button take the whole page. */
  empty = _bw_record_page_empty_state ("emblem-ok-symbolic", _("No Security Objectives"),
                                       _("Security objectives say what the device, or its environment, must achieve "
                                         "to counter the threats. Add one, then link the threats it counters."),
                                       _("_Add Objective"), "objectives.add", NULL);
  bw_record_list_build_page (self->records, pane, empty, build_detail (self));
  gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

GtkWidget *
bw_objectives_page_new (void)
{
  return g_object_new (BW_TYPE_OBJECTIVES_PAGE, NULL);
}

gboolean
bw_objectives_page_select (BwObjectivesPage *self,
                           const char       *id)
{
  g_return_val_if_fail (BW_IS_OBJECTIVES_PAGE (self), FALSE);

  return bw_record_list_select (self->records, id);
}

const char *
bw_objectives_page_get_selected_id (BwObjectivesPage *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVES_PAGE (self), NULL);

  return bw_record_list_get_selected_id (self->records);
}

char *
bw_objectives_page_create_requirement (BwObjectivesPage *self)
{
  g_autoptr(BwRequirement) requirement = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  const char *objective_id;
  BwCommandStack *stack;
  BwCommand *command;
  gboolean done;

  g_return_val_if_fail (BW_IS_OBJECTIVES_PAGE (self), NULL);

  if (selected_objective (self) == NULL)
    return NULL;
  objective_id = bw_record_list_get_selected_id (self->records);
  stack = bw_project_get_command_stack (project_of (self));
  requirement = g_object_new (BW_TYPE_REQUIREMENT, "objective", objective_id, NULL);
  /* Translators: an undo step, "Create Requirement for O-6" */
  label = g_strdup_printf (_("Create Requirement for %s"), objective_id);
  bw_command_stack_begin_group (stack, label);
  command = bw_command_add_new (project_of (self), BW_RECORD (requirement), -1);
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  done = bw_record_list_execute (self->records, command);
  bw_command_stack_end_group (stack);
  if (!done)
    return NULL;
  _bw_record_page_show_record (GTK_WIDGET (self), id);
  return g_steal_pointer (&id);
}
