/* bw-threat-editor-links.c — objectives, attack trees and history of a threat
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Threat ↔ objective and threat ↔ attack-tree links are stored on both
 * sides (FORMAT.md); setting the threat's list is one command that keeps
 * the other side in step (bw-command-set-property.c), so this file only
 * ever edits the threat.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-command-add.h"
#include "bw-command-stack.h"
#include "bw-history-entry.h"
#include "bw-rule-library.h"
#include "bw-threat-editor-private.h"

static const char * const objective_category_labels[] = {
  N_("Authentication"), N_("Authorization"), N_("Cryptography"), N_("Integrity"),
  N_("Confidentiality"), N_("Event detection and logging"), N_("Resiliency and recovery"),
  N_("Updatability and patchability"),
};

static const struct {
  const char *event;
  const char *label;
} history_events[] = {
  { "derived", N_("Derived") },
  { "created", N_("Created") },
  { "obsolete", N_("Became obsolete") },
  { "revived", N_("Revived") },
  { "superseded", N_("Superseded") },
  { "changed", N_("Changed") },
};

/* What an objective against a STRIDE category is usually about, for a
 * threat whose rule suggests nothing. */
static const char * const category_objectives[][2] = {
  { "S", "authentication" },
  { "T", "integrity" },
  { "R", "event_detection_logging" },
  { "I", "confidentiality" },
  { "D", "resiliency_recovery" },
  { "E", "authorization" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (objective_category_labels) == 8);

static const char *
objective_category_label (const char *category)
{
  for (guint i = 0; bw_objective_categories[i] != NULL && i < G_N_ELEMENTS (objective_category_labels); i++)
    if (g_strcmp0 (bw_objective_categories[i], category) == 0)
      return _(objective_category_labels[i]);
  return category;
}

/* Sets the threat's "objectives" or "attack_trees" to `ids` plus or minus
 * `id`. */
static gboolean
edit_links (BwThreatEditor     *self,
            const char         *member,
            const char * const *ids,
            const char         *id,
            gboolean            add)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) links = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean done;

  if (add && g_strv_contains (ids, id))
    return TRUE;
  for (guint i = 0; ids[i] != NULL; i++)
    if (add || !g_str_equal (ids[i], id))
      g_strv_builder_add (builder, ids[i]);
  if (add)
    g_strv_builder_add (builder, id);
  links = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, links);
  done = _bw_threat_editor_set_member (self, self->threat_id, member, &value);
  bw_command_stack_seal (bw_project_get_command_stack (self->project));
  return done;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  gboolean objectives = g_str_has_suffix (action_name, "-objective");
  gboolean add = g_str_has_prefix (action_name, "editor.link-");
  const char *id = g_variant_get_string (parameter, NULL);
  BwRecord *record;

  if (threat == NULL)
    return;
  record = bw_project_lookup (self->project, id);
  if (add && !(objectives ? BW_IS_OBJECTIVE (record) : BW_IS_ATTACK_TREE (record)))
    return;
  edit_links (self, objectives ? "objectives" : "attack_trees",
              objectives ? bw_threat_get_objectives (threat) : bw_threat_get_attack_trees (threat),
              id, add);
}

static const char *
suggested_category (BwThreat *threat)
{
  const char *rule_id = bw_threat_get_rule (threat);
  BwRule *rule = rule_id ? bw_rule_library_lookup (bw_rule_library_get_builtin (), rule_id) : NULL;

  if (rule != NULL && bw_rule_get_objective_category (rule) != NULL &&
      g_strv_contains (bw_objective_categories, bw_rule_get_objective_category (rule)))
    return bw_rule_get_objective_category (rule);
  for (guint i = 0; i < G_N_ELEMENTS (category_objectives); i++)
    if (g_strcmp0 (category_objectives[i][0], bw_threat_get_category (threat)) == 0)
      return category_objectives[i][1];
  return bw_objective_categories[0];
}

/* One undo step: the new objective and its link to the threat. */
static void
create_objective_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BwThreatEditor *self = BW_THREAT_EDITOR (widget);
  BwThreat *threat = _bw_threat_editor_lookup (self);
  g_autoptr(BwObjective) objective = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  BwCommandStack *stack;
  gboolean linked = FALSE;

  if (threat == NULL || self->updating)
    return;

  stack = bw_project_get_command_stack (self->project);
  text = g_strdup_printf (_("Prevent: %s"), bw_threat_get_title (threat));
  objective = g_object_new (BW_TYPE_OBJECTIVE,
                            "text", text,
                            "scope", "system",
                            "category", suggested_category (threat),
                            NULL);
  command = bw_command_add_new (self->project, BW_RECORD (objective), -1);

  bw_command_stack_seal (stack);
  bw_command_stack_begin_group (stack, _("Create Objective from Threat"));
  if (bw_command_stack_execute (stack, command, &error))
    {
      id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
      /* The threat may have been refreshed away by the add's signal. */
      threat = _bw_threat_editor_lookup (self);
      linked = threat != NULL &&
               edit_links (self, "objectives", bw_threat_get_objectives (threat), id, TRUE);
    }
  else
    g_warning ("%s", error->message);
  bw_command_stack_end_group (stack);

  if (!linked)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  gtk_widget_activate_action (widget, "win.show-record", "s", id);
}

static void
row_activated_cb (AdwActionRow *row,
                  gpointer      user_data)
{
  const char *id = g_object_get_data (G_OBJECT (row), "bw-id");

  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (row), "win.show-record", "s", id);
}

/* A linked record: activating it shows it; the button unlinks it. */
GtkWidget *
_bw_threat_editor_link_row_new (const char *id,
              const char *title,
              const char *subtitle,
              const char *unlink_action,
              const char *unlink_label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = _bw_threat_editor_icon_button ("list-remove-symbolic", unlink_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "bw-id", g_strdup (id), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), unlink_action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static GtkMenuButton *
add_menu_button_new (const char *name,
                     const char *tooltip)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "list-add-symbolic");
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  return GTK_MENU_BUTTON (button);
}

void
_bw_threat_editor_build_links (BwThreatEditor *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *button;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Objectives"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), _("What counters this threat"));
  button = gtk_button_new_with_mnemonic (_("Create _Objective"));
  gtk_widget_set_name (button, "create-objective");
  gtk_widget_set_tooltip_text (button, _("Create an objective from this threat and link it"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "editor.create-objective");
  gtk_box_append (GTK_BOX (box), button);
  self->objective_add_button = add_menu_button_new ("link-objective", _("Link Objective"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->objective_add_button));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), box);

  self->objective_warning = ADW_ACTION_ROW (_bw_threat_editor_warning_row ("objective-warning"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->objective_warning),
                                 _("A mitigated threat needs an objective"));
  adw_action_row_set_subtitle (self->objective_warning,
                               _("Link the objective that mitigates it, or create one from this threat."));
  self->objectives_list = GTK_LIST_BOX (_bw_threat_editor_list_new (_("No objective linked")));
  gtk_widget_set_name (GTK_WIDGET (self->objectives_list), "objectives-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->objectives_list));
  _bw_threat_editor_add_warning (ADW_PREFERENCES_GROUP (group), self->objective_warning, TRUE);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Attack Trees"));
  self->tree_add_button = add_menu_button_new ("link-attack-tree", _("Link Attack Tree"));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->tree_add_button));
  self->trees_list = GTK_LIST_BOX (_bw_threat_editor_list_new (_("No attack tree linked")));
  gtk_widget_set_name (GTK_WIDGET (self->trees_list), "attack-trees-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->trees_list));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("History"));
  self->history_list = GTK_LIST_BOX (_bw_threat_editor_list_new (_("No recorded events")));
  gtk_widget_set_name (GTK_WIDGET (self->history_list), "history-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->history_list));
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
}

static void
rebuild_objectives (BwThreatEditor *self,
                    BwThreat       *threat)
{
  const char * const *linked = bw_threat_get_objectives (threat);
  GListModel *objectives = bw_project_get_objectives (self->project);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (objectives);

  _bw_threat_editor_list_clear (self->objectives_list);
  for (guint i = 0; linked[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (self->project, linked[i]);
      g_autofree char *subtitle = NULL;

      if (!BW_IS_OBJECTIVE (record))
        continue;
      subtitle = g_strdup_printf ("%s · %s", linked[i],
                                  objective_category_label (bw_objective_get_category (BW_OBJECTIVE (record))));
      gtk_list_box_append (self->objectives_list,
                           _bw_threat_editor_link_row_new (linked[i], bw_objective_get_text (BW_OBJECTIVE (record)), subtitle,
                                         "editor.unlink-objective", _("Unlink Objective")));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
      const char *id = bw_record_get_id (BW_RECORD (objective));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strv_contains (linked, id))
        continue;
      label = _bw_threat_editor_menu_label (id, bw_objective_get_text (objective));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "editor.link-objective", g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->objective_add_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->objective_add_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
refresh_objectives (BwThreatEditor *self,
                    BwThreat       *threat)
{
  const char * const *linked = bw_threat_get_objectives (threat);
  GListModel *objectives = bw_project_get_objectives (self->project);
  GString *signature = g_string_new (NULL);

  /* What the list and the menu show: the linked objectives, then all. */
  for (guint i = 0; linked[i] != NULL; i++)
    g_string_append_printf (signature, "%s\x1f", linked[i]);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);

      g_string_append_printf (signature, "\x1e%s\x1f%s\x1f%s", bw_record_get_id (BW_RECORD (objective)),
                              bw_objective_get_text (objective), bw_objective_get_category (objective));
    }
  if (_bw_threat_editor_signature_changed (self->objectives_list, signature))
    rebuild_objectives (self, threat);

  gtk_widget_set_visible (GTK_WIDGET (self->objective_warning),
                          g_strcmp0 (bw_threat_get_treatment (threat), "mitigate") == 0 && linked[0] == NULL);
}

static void
rebuild_trees (BwThreatEditor *self,
               BwThreat       *threat)
{
  const char * const *linked = bw_threat_get_attack_trees (threat);
  GListModel *trees = bw_project_get_attack_trees (self->project);
  g_autoptr(GMenu) menu = g_menu_new ();
  guint n = g_list_model_get_n_items (trees);

  _bw_threat_editor_list_clear (self->trees_list);
  for (guint i = 0; linked[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (self->project, linked[i]);

      if (!BW_IS_ATTACK_TREE (record))
        continue;
      gtk_list_box_append (self->trees_list,
                           _bw_threat_editor_link_row_new (linked[i], bw_attack_tree_get_title (BW_ATTACK_TREE (record)), linked[i],
                                         "editor.unlink-attack-tree", _("Unlink Attack Tree")));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);
      const char *id = bw_record_get_id (BW_RECORD (tree));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (g_strv_contains (linked, id))
        continue;
      label = _bw_threat_editor_menu_label (id, bw_attack_tree_get_title (tree));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "editor.link-attack-tree", g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }
  /* With no tree in the project, offer the way to draw one. */
  if (n == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Draw an Attack Tree…"), NULL);

      g_menu_item_set_action_and_target_value (item, "win.show-page", g_variant_new_string ("attack-trees"));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->tree_add_button, G_MENU_MODEL (menu));
  gtk_widget_set_sensitive (GTK_WIDGET (self->tree_add_button),
                            g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);
}

static void
refresh_trees (BwThreatEditor *self,
               BwThreat       *threat)
{
  const char * const *linked = bw_threat_get_attack_trees (threat);
  GListModel *trees = bw_project_get_attack_trees (self->project);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; linked[i] != NULL; i++)
    g_string_append_printf (signature, "%s\x1f", linked[i]);
  for (guint i = 0; i < g_list_model_get_n_items (trees); i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);

      g_string_append_printf (signature, "\x1e%s\x1f%s", bw_record_get_id (BW_RECORD (tree)),
                              bw_attack_tree_get_title (tree));
    }
  if (_bw_threat_editor_signature_changed (self->trees_list, signature))
    rebuild_trees (self, threat);
}

static char *
format_time (const char *at)
{
  g_autoptr(GDateTime) time = at ? g_date_time_new_from_iso8601 (at, NULL) : NULL;

  if (time == NULL)
    return g_strdup (at ? at : "");
  return g_date_time_format (time, "%Y-%m-%d %H:%M UTC");
}

static void
refresh_history (BwThreatEditor *self,
                 BwThreat       *threat)
{
  GListModel *history = bw_threat_get_history (threat);
  guint n = g_list_model_get_n_items (history);
  GString *signature = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwHistoryEntry) entry = g_list_model_get_item (history, i);

      g_string_append_printf (signature, "%s\x1f%s\x1f%s\x1f%s\x1e", bw_history_entry_get_at (entry),
                              bw_history_entry_get_event (entry), bw_history_entry_get_by (entry),
                              bw_history_entry_get_detail (entry));
    }
  if (!_bw_threat_editor_signature_changed (self->history_list, signature))
    return;

  _bw_threat_editor_list_clear (self->history_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwHistoryEntry) entry = g_list_model_get_item (history, i);
      const char *event = bw_history_entry_get_event (entry);
      const char *by = bw_history_entry_get_by (entry);
      const char *detail = bw_history_entry_get_detail (entry);
      g_autofree char *when = format_time (bw_history_entry_get_at (entry));
      GString *subtitle = g_string_new (when);
      GtkWidget *row = adw_action_row_new ();

      for (guint e = 0; e < G_N_ELEMENTS (history_events); e++)
        if (g_strcmp0 (history_events[e].event, event) == 0)
          event = _(history_events[e].label);
      if (by != NULL && *by != '\0')
        g_string_append_printf (subtitle, " · %s", by);
      if (detail != NULL && *detail != '\0')
        g_string_append_printf (subtitle, "\n%s", detail);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->history_list, row);
      g_string_free (subtitle, TRUE);
    }
}

void
_bw_threat_editor_refresh_links (BwThreatEditor *self,
                                 BwThreat       *threat)
{
  refresh_objectives (self, threat);
  refresh_trees (self, threat);
  refresh_history (self, threat);
}

void
_bw_threat_editor_class_init_links (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.link-objective", "s", link_action);
  gtk_widget_class_install_action (widget_class, "editor.unlink-objective", "s", link_action);
  gtk_widget_class_install_action (widget_class, "editor.link-attack-tree", "s", link_action);
  gtk_widget_class_install_action (widget_class, "editor.unlink-attack-tree", "s", link_action);
  gtk_widget_class_install_action (widget_class, "editor.create-objective", NULL, create_objective_action);
}
