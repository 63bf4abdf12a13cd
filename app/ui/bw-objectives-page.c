/* bw-objectives-page.c — step 4: the security objectives
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A list of the project's objectives beside a form for the selected one:
 * its text, scope and FDA control category, the threats it counters and
 * the requirements that make it verifiable.  A system objective without
 * a requirement is the completeness finding of METHOD.md and is marked
 * in both places.  Every edit is a command on the project's stack.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-remove.h"
#include "bw-command-stack.h"
#include "bw-objectives-page.h"
#include "bw-objectives-page-helpers.h"
#include "bw-traceability.h"

struct _BwObjectivesPage
{
  GtkWidget            parent_instance;

  BwProject           *project;
  char                *selected_id;
  char                *deleted_id;      /* selected again when an undo brings it back */
  gboolean             updating;

  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  GtkLabel            *count_label;
  GtkListBox          *list;
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

static BwObjective *
lookup_objective (BwObjectivesPage *self,
                  const char       *id)
{
  BwRecord *record;

  if (self->project == NULL || id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, id);
  return BW_IS_OBJECTIVE (record) ? BW_OBJECTIVE (record) : NULL;
}

static void
set_selected_id (BwObjectivesPage *self,
                 const char       *id)
{
  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  /* Another objective: typing into its text is a new undo step. */
  if (self->project != NULL)
    bw_command_stack_seal (bw_project_get_command_stack (self->project));
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
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

static void
update_list_row (BwObjectivesPage *self,
                 GtkWidget        *row,
                 BwObjective      *objective)
{
  const char *text = bw_objective_get_text (objective);
  g_autofree char *subtitle = describe_objective (objective);
  gboolean lacks = bw_traceability_objective_lacks_requirement (self->project, objective);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), *text != '\0' ? text : _("Untitled objective"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, bw_record_get_id (BW_RECORD (objective)));
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "warning"), lacks);
}

static void
select_row_of (BwObjectivesPage *self,
               const char       *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      {
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
        return;
      }
  gtk_list_box_unselect_all (self->list);
}

/* The rows follow the objectives: updated in place while they are the
 * same records (typing keeps the list's scroll and focus), made anew when
 * one came or went. */
static void
refresh_list (BwObjectivesPage *self)
{
  GListModel *objectives = bw_project_get_objectives (self->project);
  guint n = g_list_model_get_n_items (objectives);
  g_autofree char *count = NULL;
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);

      if (row == NULL)
        {
          row = make_list_row ();
          gtk_list_box_append (self->list, row);
        }
      update_list_row (self, row, objective);
      open += bw_traceability_objective_lacks_requirement (self->project, objective);
      row = gtk_widget_get_next_sibling (row);
    }
  while (row != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (row);

      gtk_list_box_remove (self->list, row);
      row = next;
    }

  if (open > 0)
    /* Translators: the objectives' count, "6 objectives, 1 without requirement" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective, %u without requirement",
                                         "%u objectives, %u without requirement", n), n, open);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u objective", "%u objectives", n), n);
  gtk_label_set_label (self->count_label, count);
  select_row_of (self, self->selected_id);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* The form */

static void
refresh_threats (BwObjectivesPage *self,
                 BwObjective      *objective)
{
  const char * const *linked = bw_objective_get_threats (objective);
  GListModel *threats = bw_project_get_threats (self->project);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n_choices = 0;

  _bw_record_page_clear_list_box (self->threat_list);
  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    {
      GtkWidget *row = _bw_record_page_link_row (self->project, linked[i]);
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
  g_autoptr(GPtrArray) requirements = bw_traceability_requirements_for_objective (self->project, id);

  _bw_record_page_clear_list_box (self->requirement_list);
  for (guint i = 0; i < requirements->len; i++)
    {
      BwRecord *requirement = g_ptr_array_index (requirements, i);

      gtk_list_box_append (self->requirement_list,
                           _bw_record_page_link_row (self->project, bw_record_get_id (requirement)));
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

static void
refresh_detail (BwObjectivesPage *self)
{
  BwObjective *objective = lookup_objective (self, self->selected_id);
  g_autofree char *title = NULL;

  if (objective == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  self->updating = TRUE;
  /* Translators: the form's title, "Objective O-3" */
  title = g_strdup_printf (_("Objective %s"), self->selected_id);
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
  self->updating = FALSE;

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static void
refresh (BwObjectivesPage *self)
{
  if (self->project == NULL)
    return;
  /* An undone add, or a delete, takes the selected objective away. */
  if (self->selected_id != NULL && lookup_objective (self, self->selected_id) == NULL)
    g_clear_pointer (&self->selected_id, g_free);
  /* An undone delete brings the record back: show it again. */
  if (self->deleted_id != NULL && lookup_objective (self, self->deleted_id) != NULL)
    {
      set_selected_id (self, self->deleted_id);
      g_clear_pointer (&self->deleted_id, g_free);
    }
  /* While there is one, one is shown. */
  if (self->selected_id == NULL && g_list_model_get_n_items (bw_project_get_objectives (self->project)) > 0)
    {
      g_autoptr(BwRecord) first = g_list_model_get_item (bw_project_get_objectives (self->project), 0);

      set_selected_id (self, bw_record_get_id (first));
    }
  self->updating = TRUE;
  refresh_list (self);
  self->updating = FALSE;
  refresh_detail (self);
}

static void
stack_changed_cb (BwObjectivesPage *self)
{
  refresh (self);
}

static void
row_selected_cb (BwObjectivesPage *self,
                 GtkListBoxRow    *row,
                 GtkListBox       *list)
{
  if (self->updating || row == NULL)
    return;
  set_selected_id (self, gtk_widget_get_name (GTK_WIDGET (row)));
  refresh_detail (self);
}

/* Edits */

static void
edit_string (BwObjectivesPage *self,
             const char       *member,
             const char       *value)
{
  if (self->updating || lookup_objective (self, self->selected_id) == NULL)
    return;
  _bw_record_page_execute (GTK_WIDGET (self), self->toasts, self->project,
                           _bw_record_page_set_string (self->project, self->selected_id, member, value));
}

static void
text_changed_cb (BwObjectivesPage *self,
                 GtkTextBuffer    *buffer)
{
  g_autofree char *text = _bw_record_page_dup_view_text (self->text_view);

  edit_string (self, "text", text);
}

static void
scope_selected_cb (BwObjectivesPage *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (scopes))
    edit_string (self, "scope", scopes[selected]);
}

static void
category_selected_cb (BwObjectivesPage *self,
                      GParamSpec       *pspec,
                      AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (category_labels))
    edit_string (self, "category", bw_objective_categories[selected]);
}

static void
link_threat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  BwObjective *objective = lookup_objective (self, self->selected_id);
  g_auto(GStrv) threats = NULL;

  if (objective == NULL)
    return;
  /* The command keeps threat.objectives in step (FORMAT.md: both sides). */
  threats = _bw_record_page_strv_toggle (bw_objective_get_threats (objective),
                                         g_variant_get_string (parameter, NULL),
                                         g_str_equal (action_name, "objectives.link-threat"));
  _bw_record_page_execute (widget, self->toasts, self->project,
                           _bw_record_page_set_strv (self->project, self->selected_id, "threats",
                                                     (const char * const *) threats));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  g_autoptr(BwObjective) objective = NULL;
  BwCommand *command;
  g_autofree char *id = NULL;

  if (self->project == NULL)
    return;
  objective = g_object_new (BW_TYPE_OBJECTIVE, "scope", "system", NULL);
  command = bw_command_add_new (self->project, BW_RECORD (objective), -1);
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  if (!_bw_record_page_execute (widget, self->toasts, self->project, command))
    return;
  bw_objectives_page_select (self, id);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (widget);
  g_autofree char *id = g_strdup (self->selected_id);
  const char *ids[] = { id, NULL };
  g_autofree char *title = NULL;
  GListModel *records;
  guint position, n;

  if (lookup_objective (self, id) == NULL)
    return;
  /* The command also drops the links to it (threats, requirements). */
  records = bw_project_get_objectives (self->project);
  position = _bw_record_page_position_of (records, id);
  if (!_bw_record_page_execute (widget, self->toasts, self->project, bw_command_remove_new (self->project, ids)))
    return;
  /* The one that took its place is shown, as in a list after Delete. */
  n = g_list_model_get_n_items (records);
  if (n > 0)
    {
      g_autoptr(BwRecord) neighbour = g_list_model_get_item (records, MIN (position, n - 1));

      set_selected_id (self, bw_record_get_id (neighbour));
      refresh (self);
    }
  g_free (self->deleted_id);
  self->deleted_id = g_strdup (id);
  /* Translators: a toast after deleting, "Deleted O-3" */
  title = g_strdup_printf (_("Deleted %s"), id);
  _bw_record_page_undo_toast (self->toasts, title);
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
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (page);

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->selected_id, g_free);
  g_clear_pointer (&self->deleted_id, g_free);
  g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                           G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
  refresh (self);
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
build_empty (void)
{
  GtkWidget *empty, *button;

  empty = _bw_record_page_status_page ("emblem-ok-symbolic", _("No Security Objectives"),
                                       _("Security objectives say what the device, or its environment, must achieve "
                                         "to counter the threats. Add one, then link the threats it counters."));
  button = gtk_button_new_with_mnemonic (_("_Add Objective"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "objectives.add");
  adw_status_page_set_child (ADW_STATUS_PAGE (empty), button);
  return empty;
}

static GtkWidget *
build_list_pane (BwObjectivesPage *self)
{
  GtkWidget *pane = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (_("Security Objectives"));
  GtkWidget *add = _bw_record_page_icon_button ("list-add-symbolic", _("Add Objective"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_widget_set_size_request (pane, 380, -1);
  /* The form takes the room; the list keeps its width. */
  gtk_widget_set_hexpand (pane, FALSE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_widget_add_css_class (title, "heading");
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0.0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "caption");
  gtk_box_append (GTK_BOX (titles), title);
  gtk_box_append (GTK_BOX (titles), GTK_WIDGET (self->count_label));
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "objectives.add");
  gtk_box_append (GTK_BOX (header), add);
  gtk_box_append (GTK_BOX (pane), header);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Security objectives"), -1);
  g_signal_connect_object (self->list, "row-selected", G_CALLBACK (row_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (pane), scrolled);

  return pane;
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
  _bw_record_page_watch_field (GTK_WIDGET (self->text_view), &self->project);
  adw_preferences_group_add (self->objective_group, text_row);

  self->scope_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scope_row), _("Scope"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scope_row),
                               _("Met by the device itself, or by its users and environment"));
  adw_combo_row_set_model (self->scope_row, scope_model);
  gtk_widget_set_name (GTK_WIDGET (self->scope_row), "objective-scope");
  g_signal_connect_object (self->scope_row, "notify::selected", G_CALLBACK (scope_selected_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_add (self->objective_group, GTK_WIDGET (self->scope_row));

  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("Control Category"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), _("FDA security control category"));
  adw_combo_row_set_model (self->category_row, category_model);
  gtk_widget_set_name (GTK_WIDGET (self->category_row), "objective-category");
  g_signal_connect_object (self->category_row, "notify::selected", G_CALLBACK (category_selected_cb), self,
                           G_CONNECT_SWAPPED);
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

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  if (self->toasts != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->toasts));
      self->toasts = NULL;
    }
  g_clear_object (&self->project);

  G_OBJECT_CLASS (bw_objectives_page_parent_class)->dispose (object);
}

static void
bw_objectives_page_finalize (GObject *object)
{
  BwObjectivesPage *self = BW_OBJECTIVES_PAGE (object);

  g_free (self->selected_id);
  g_free (self->deleted_id);

  G_OBJECT_CLASS (bw_objectives_page_parent_class)->finalize (object);
}

static void
bw_objectives_page_class_init (BwObjectivesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bw_objectives_page_dispose;
  object_class->finalize = bw_objectives_page_finalize;
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
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->toasts), GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (paned), build_list_pane (self));
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (paned), build_detail (self));
  /* Without records, the explanation and its button take the whole page. */
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_empty (), "empty");
  gtk_stack_add_named (self->stack, paned, "list");
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_stack_set_visible_child_name (self->stack, "empty");
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

  if (lookup_objective (self, id) == NULL)
    return FALSE;
  set_selected_id (self, id);
  refresh (self);
  return TRUE;
}

const char *
bw_objectives_page_get_selected_id (BwObjectivesPage *self)
{
  g_return_val_if_fail (BW_IS_OBJECTIVES_PAGE (self), NULL);

  return self->selected_id;
}

char *
bw_objectives_page_create_requirement (BwObjectivesPage *self)
{
  g_autoptr(BwRequirement) requirement = NULL;
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;
  BwCommandStack *stack;
  BwCommand *command;
  gboolean done;

  g_return_val_if_fail (BW_IS_OBJECTIVES_PAGE (self), NULL);

  if (lookup_objective (self, self->selected_id) == NULL)
    return NULL;
  stack = bw_project_get_command_stack (self->project);
  requirement = g_object_new (BW_TYPE_REQUIREMENT, "objective", self->selected_id, NULL);
  /* Translators: an undo step, "Create Requirement for O-6" */
  label = g_strdup_printf (_("Create Requirement for %s"), self->selected_id);
  bw_command_stack_begin_group (stack, label);
  command = bw_command_add_new (self->project, BW_RECORD (requirement), -1);
  id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  done = _bw_record_page_execute (GTK_WIDGET (self), self->toasts, self->project, command);
  bw_command_stack_end_group (stack);
  if (!done)
    return NULL;
  _bw_record_page_show_record (GTK_WIDGET (self), id);
  return g_steal_pointer (&id);
}
