/* bw-attack-tree-page-dialogs.c — rename, delete, analyse a threat, apply
 * to threats, export: the attack-tree page's dialogs
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-page-private.h"
#include "bw-command-attack-tree.h"
#include "bw-command-remove.h"
#include "bw-command-set-property.h"
#include "bw-compat.h"

static GtkWindow *
page_window (BwAttackTreePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static BwAttackTree *
current_tree (BwAttackTreePage *self)
{
  BwProject *project = _bw_attack_tree_page_get_project (self);
  const char *id = bw_attack_tree_page_get_tree_id (self);
  BwRecord *record = project && id ? bw_project_lookup (project, id) : NULL;

  return BW_IS_ATTACK_TREE (record) ? BW_ATTACK_TREE (record) : NULL;
}

static AdwMessageDialog *
dialog_new (BwAttackTreePage *self,
            const char       *heading,
            const char       *body)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), heading, body);

  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");

  return ADW_MESSAGE_DIALOG (dialog);
}

/* Rename */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BwAttackTreePage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *tree_id = bw_attack_tree_page_get_tree_id (self);
  g_auto(GValue) value = G_VALUE_INIT;

  if (!g_str_equal (response, "ok") || *title == '\0' || tree_id == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, title);
  _bw_attack_tree_page_run (self, bw_command_set_property_new (_bw_attack_tree_page_get_project (self),
                                                               tree_id, "title", &value));
}

static void
rename_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  BwAttackTree *tree = current_tree (self);
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (tree == NULL)
    return;

  dialog = dialog_new (self, _("Rename Attack Tree"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), bw_attack_tree_get_title (tree));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* Delete */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    BwAttackTreePage *self)
{
  g_autofree char *tree_id = g_strdup (g_object_get_data (G_OBJECT (dialog), "tree-id"));
  const char *ids[] = { tree_id, NULL };

  if (g_str_equal (response, "delete") && tree_id != NULL)
    _bw_attack_tree_page_run (self, bw_command_remove_new (_bw_attack_tree_page_get_project (self), ids));
}

static void
delete_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  BwAttackTree *tree = current_tree (self);
  AdwMessageDialog *dialog;

  if (tree == NULL)
    return;

  dialog = dialog_new (self, NULL, _("The tree, its steps and countermeasures are removed; "
                                     "the threats it analysed stay. Undo brings it back."));
  adw_message_dialog_format_heading (dialog, _("Delete “%s”?"), bw_attack_tree_get_title (tree));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "tree-id",
                          g_strdup (bw_record_get_id (BW_RECORD (tree))), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Analyse a threat */

static void
analyse_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BwAttackTreePage *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *ids = g_object_get_data (G_OBJECT (dialog), "threat-ids");
  guint selected = gtk_drop_down_get_selected (dropdown);
  g_autoptr(BwCommand) command = NULL;

  if (!g_str_equal (response, "ok") || ids == NULL || selected >= ids->len)
    return;

  command = bw_command_attack_tree_new_from_threat (_bw_attack_tree_page_get_project (self),
                                                    g_ptr_array_index (ids, selected));
  if (_bw_attack_tree_page_run (self, g_object_ref (command)))
    bw_attack_tree_page_set_tree_id (self, bw_command_attack_tree_get_new_id (BW_COMMAND_ATTACK_TREE (command)));
}

static void
analyse_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  BwProject *project = _bw_attack_tree_page_get_project (self);
  GListModel *threats;
  GtkStringList *names;
  GPtrArray *ids;
  AdwMessageDialog *dialog;
  GtkWidget *dropdown;

  if (project == NULL)
    return;

  threats = bw_project_get_threats (project);
  if (g_list_model_get_n_items (threats) == 0)
    {
      _bw_attack_tree_page_toast (self, _("This project has no threats to analyse"));
      return;
    }

  names = gtk_string_list_new (NULL);
  ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (threats); i++)
    {
      g_autoptr(BwThreat) threat = g_list_model_get_item (threats, i);
      const char *id = bw_record_get_id (BW_RECORD (threat));
      g_autofree char *text = g_strdup_printf ("%s — %s", id, bw_threat_get_title (threat));

      gtk_string_list_append (names, text);
      g_ptr_array_add (ids, g_strdup (id));
    }

  dialog = dialog_new (self, _("Analyse a Threat"),
                       _("A new attack tree whose goal is the threat's title, linked to the threat."));
  dropdown = gtk_drop_down_new (G_LIST_MODEL (names), NULL);
  adw_message_dialog_set_extra_child (dialog, dropdown);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Create Tree"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "threat-ids", ids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (analyse_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Apply to threats */

typedef struct
{
  BwAttackTreePage        *page;   /* weak: the dialog is modal over it */
  char                    *tree_id;
  BwExploitabilityMapping  mapping;
  GtkDropDown             *view;
  GtkLabel                *result;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_free (data->tree_id);
  g_free (data);
}

static void
apply_preview (ApplyData *data)
{
  BwProject *project = _bw_attack_tree_page_get_project (data->page);
  BwRecord *record = bw_project_lookup (project, data->tree_id);
  BwAttackTree *tree = BW_IS_ATTACK_TREE (record) ? BW_ATTACK_TREE (record) : NULL;
  const char * const *levels = bw_risk_method_get_exploitability (bw_project_get_risk_method (project));
  guint n_levels = levels ? g_strv_length ((char **) levels) : 5;
  BwAttackView view = gtk_drop_down_get_selected (data->view) == 1
    ? BW_ATTACK_VIEW_TARGET : BW_ATTACK_VIEW_RESIDUAL;
  g_autoptr(BwAttackEval) eval = NULL;
  const char * const *threat_ids;
  GString *text = g_string_new (NULL);
  int level;

  if (tree == NULL || bw_attack_tree_get_root (tree) == NULL)
    return;

  eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));
  level = bw_exploitability_mapping_level (&data->mapping, bw_attack_eval_get_root (eval, view), n_levels);
  threat_ids = bw_attack_tree_get_threats (tree);

  if (threat_ids == NULL || threat_ids[0] == NULL)
    g_string_append (text, _("No threat is linked to this tree: nothing would change."));

  for (guint i = 0; threat_ids != NULL && threat_ids[i] != NULL; i++)
    {
      BwRecord *threat = bw_project_lookup (project, threat_ids[i]);
      BwRisk *risk = BW_IS_THREAT (threat) ? bw_threat_get_risk (BW_THREAT (threat)) : NULL;
      int before = risk ? bw_risk_get_exploitability (risk) : 0;
      const char *before_name = before >= 1 && (guint) before <= n_levels && levels ? levels[before - 1] : "–";
      const char *after_name = level >= 1 && (guint) level <= n_levels && levels ? levels[level - 1] : "–";

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: "T-1 Title: exploitability 4 (High) → 2 (Low)" */
      g_string_append_printf (text, _("%s %s: exploitability %d (%s) → %d (%s)"),
                              threat_ids[i],
                              BW_IS_THREAT (threat) ? bw_threat_get_title (BW_THREAT (threat)) : "",
                              before, before_name, level, after_name);
    }

  gtk_label_set_label (data->result, text->str);
  g_string_free (text, TRUE);
}

static void
threshold_changed_cb (GtkSpinButton *spin,
                      ApplyData     *data)
{
  double *slot = g_object_get_data (G_OBJECT (spin), "slot");

  *slot = gtk_spin_button_get_value (spin);
  apply_preview (data);
}

static void
apply_view_changed_cb (GtkDropDown *dropdown,
                       GParamSpec  *pspec,
                       ApplyData   *data)
{
  apply_preview (data);
}

static void
apply_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   ApplyData        *data)
{
  BwProject *project = _bw_attack_tree_page_get_project (data->page);
  BwAttackView view = gtk_drop_down_get_selected (data->view) == 1
    ? BW_ATTACK_VIEW_TARGET : BW_ATTACK_VIEW_RESIDUAL;
  g_autoptr(GError) error = NULL;
  BwCommand *command;

  if (!g_str_equal (response, "ok"))
    return;

  command = bw_attack_tree_apply_to_threats_new (project, data->tree_id, &data->mapping, view, &error);
  if (command == NULL)
    _bw_attack_tree_page_toast (data->page, error ? error->message : _("The change could not be made"));
  else if (_bw_attack_tree_page_run (data->page, command))
    _bw_attack_tree_page_toast (data->page, _("Exploitability updated; undo reverts it"));
}

static GtkWidget *
threshold_spin (ApplyData *data,
                double    *slot,
                double     max,
                double     step)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (0, max, step);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), *slot);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), step < 1 ? 1 : 0);
  gtk_widget_add_css_class (spin, "numeric");
  g_object_set_data (G_OBJECT (spin), "slot", slot);
  g_signal_connect (spin, "value-changed", G_CALLBACK (threshold_changed_cb), data);

  return spin;
}

static void
apply_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  BwAttackTree *tree = current_tree (self);
  AdwMessageDialog *dialog;
  ApplyData *data;
  GtkWidget *box, *grid, *label, *view_box;
  const char *view_names[] = { _("Residual"), _("Target"), NULL };

  if (tree == NULL)
    return;

  data = g_new0 (ApplyData, 1);
  data->page = self;
  data->tree_id = g_strdup (bw_record_get_id (BW_RECORD (tree)));
  bw_exploitability_mapping_init_default (&data->mapping);

  dialog = dialog_new (self, _("Apply to Threats"),
                       _("The root's minimal skill and cost give the exploitability of every "
                         "threat this tree analyses: below the first threshold is the highest level."));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  view_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (view_box), gtk_label_new (_("Countermeasures that count")));
  data->view = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (view_names));
  gtk_widget_set_hexpand (GTK_WIDGET (data->view), TRUE);
  gtk_box_append (GTK_BOX (view_box), GTK_WIDGET (data->view));
  gtk_box_append (GTK_BOX (box), view_box);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  label = gtk_label_new (_("Exploitability"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);
  label = gtk_label_new (_("Skill below"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  label = gtk_label_new (_("Cost below"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *level = NULL;

      /* Below the first threshold is level 5, below the second 4, … */
      level = g_strdup_printf ("%u", 5 - i);
      label = gtk_label_new (level);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (GTK_GRID (grid), label, i + 1, 0, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), threshold_spin (data, &data->mapping.skill_below[i], 6, 0.5), i + 1, 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), threshold_spin (data, &data->mapping.cost_below[i], 1e9, 100), i + 1, 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);

  data->result = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (data->result, TRUE);
  gtk_label_set_xalign (data->result, 0);
  gtk_widget_add_css_class (GTK_WIDGET (data->result), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->result));

  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "ok", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  g_signal_connect (data->view, "notify::selected", G_CALLBACK (apply_view_changed_cb), data);
  g_signal_connect (dialog, "response", G_CALLBACK (apply_response_cb), data);
  g_object_set_data_full (G_OBJECT (dialog), "apply-data", data, (GDestroyNotify) apply_data_free);
  apply_preview (data);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
export_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BwAttackTreePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = bw_compat_choose_file_finish (result, &error);
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL || !bw_attack_tree_page_export (self, path, &error))
    {
      message = g_strdup_printf (_("Could not export the tree: %s"),
                                 error ? error->message : _("not a local file"));
      _bw_attack_tree_page_toast (self, message);
      return;
    }

  message = g_strdup_printf (_("Exported to “%s”"), g_file_peek_path (file));
  _bw_attack_tree_page_toast (self, message);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  BwAttackTree *tree = current_tree (self);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  if (tree == NULL)
    return;

  /* The format follows the extension the user types; SVG is the default
   * since it stays sharp in documents. */
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("SVG, PNG, PDF or Graphviz DOT"));
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "dot");
  name = g_strdup_printf ("%s.svg", bw_record_get_id (BW_RECORD (tree)));
  bw_compat_choose_file_filtered_async (page_window (self), BW_FILE_CHOOSER_SAVE,
                                        _("Export Attack Tree"), _("_Export"),
                                        NULL, name, filter, NULL, export_chosen_cb,
                                        g_object_ref (self));
}

void
_bw_attack_tree_page_class_dialogs_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "tree.rename", NULL, rename_cb);
  gtk_widget_class_install_action (widget_class, "tree.delete", NULL, delete_cb);
  gtk_widget_class_install_action (widget_class, "tree.analyse-threat", NULL, analyse_cb);
  gtk_widget_class_install_action (widget_class, "tree.apply", NULL, apply_cb);
  gtk_widget_class_install_action (widget_class, "tree.export", NULL, export_cb);
}
