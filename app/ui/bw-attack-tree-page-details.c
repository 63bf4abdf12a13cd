/* bw-attack-tree-page-details.c — the attack-tree page's right column:
 * the selected node's fields (each change one command), its values in
 * both views, and the cheapest attacks (highlighted on the graph)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-attack-tree-page-private.h"
#include "bw-command-attack-tree.h"
#include "bw-command-set-property.h"

static const char * const difficulty_codes[] = { "L", "M", "H", "E" };

/* Values as one line: "Cost 350 · 7 h · skill 3 · difficulty M · p 0.45" */
static char *
describe_values (const BwAttackValues *values)
{
  GString *text = g_string_new (NULL);
  static const struct { BwAttackAttr attr; const char *format; } parts[] = {
    /* Translators: the parts of a node's computed values */
    { BW_ATTACK_ATTR_COST, N_("cost %s") },
    { BW_ATTACK_ATTR_TIME_H, N_("%s h") },
    { BW_ATTACK_ATTR_SKILL, N_("skill %s") },
    { BW_ATTACK_ATTR_DIFFICULTY, N_("difficulty %s") },
    { BW_ATTACK_ATTR_PROBABILITY, N_("p %s") },
  };

  if (values == NULL)
    return g_string_free (text, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *value = NULL;

      if (!bw_attack_values_known (values, parts[i].attr))
        continue;
      value = bw_attack_values_format (values, parts[i].attr);
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _(parts[i].format), value);
    }

  if (text->len == 0)
    g_string_append (text, _("Not known: attributes are missing below"));

  return g_string_free (text, FALSE);
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  /* Only when different: setting the same text would show the apply
   * button again and move the cursor while the user types. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
set_number_text (AdwEntryRow    *row,
                 const BwNumber *number)
{
  g_autofree char *text = NULL;

  if (number != NULL && !bw_number_is_null (number))
    {
      BwAttackValues values;

      for (guint i = 0; i < BW_ATTACK_N_ATTRS; i++)
        values.v[i] = bw_number_get (number);
      /* The core's format: 250000 rather than 2.5e+05. */
      text = bw_attack_values_format (&values, BW_ATTACK_ATTR_COST);
      if (bw_number_get (number) != floor (bw_number_get (number)))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          g_free (text);
          text = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%g", bw_number_get (number)));
        }
    }
  set_entry_text (row, text ? text : "");
}

static void
rebuild_objectives (BwAttackTreePage *self)
{
  GListModel *objectives = bw_project_get_objectives (self->project);
  GtkStringList *list = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->objective_ids, 0);
  gtk_string_list_append (list, _("None"));
  g_ptr_array_add (self->objective_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (objectives); i++)
    {
      g_autoptr(BwObjective) objective = g_list_model_get_item (objectives, i);
      const char *id = bw_record_get_id (BW_RECORD (objective));
      g_autofree char *text = g_strdup_printf ("%s — %s", id, bw_objective_get_text (objective));

      gtk_string_list_append (list, text);
      g_ptr_array_add (self->objective_ids, g_strdup (id));
    }
  adw_combo_row_set_model (self->objective_row, G_LIST_MODEL (list));
  g_object_unref (list);
}

void
_bw_attack_tree_page_refresh_inspector (BwAttackTreePage *self)
{
  BwAttackNode *node = _bw_attack_tree_page_get_node (self, self->selected_id);
  gboolean countermeasure = FALSE;
  BwAttackAttributes *attributes;
  const char *gate;
  const char *difficulty;
  const BwNumber *skill;
  guint index = 0;
  g_autofree char *residual = NULL;
  g_autofree char *target = NULL;

  if (node == NULL || !_bw_attack_tree_page_node_in_tree (self, self->selected_id, &countermeasure, NULL))
    {
      gtk_widget_set_sensitive (self->node_box, FALSE);
      self->syncing = TRUE;
      set_entry_text (self->label_row, "");
      adw_action_row_set_subtitle (self->residual_row, "");
      adw_action_row_set_subtitle (self->target_row, "");
      self->syncing = FALSE;
      return;
    }

  self->syncing = TRUE;
  gtk_widget_set_sensitive (self->node_box, TRUE);
  set_entry_text (self->label_row, bw_attack_node_get_label (node));

  gate = bw_attack_node_get_gate (node);
  for (guint i = 0; bw_attack_gates[i] != NULL; i++)
    if (g_strcmp0 (bw_attack_gates[i], gate) == 0)
      index = i;
  adw_combo_row_set_selected (self->gate_row, index);

  gtk_widget_set_visible (GTK_WIDGET (self->implemented_row), countermeasure);
  gtk_widget_set_visible (GTK_WIDGET (self->objective_row), countermeasure);
  if (countermeasure)
    {
      const char *objective = bw_attack_node_get_objective (node);

      adw_combo_row_set_selected (self->implemented_row,
                                  bw_attack_node_get_implemented (node) == 1 ? 0 : 1);
      rebuild_objectives (self);
      index = 0;
      for (guint i = 1; i < self->objective_ids->len; i++)
        if (g_strcmp0 (g_ptr_array_index (self->objective_ids, i), objective) == 0)
          index = i;
      adw_combo_row_set_selected (self->objective_row, index);
    }

  /* Attributes belong to basic steps; an inner node's are computed. */
  gtk_widget_set_visible (self->attributes_group, g_strcmp0 (gate, "leaf") == 0);
  attributes = bw_attack_node_get_attributes (node);
  set_number_text (self->cost_row, attributes ? bw_attack_attributes_get_cost (attributes) : NULL);
  set_number_text (self->time_row, attributes ? bw_attack_attributes_get_time_h (attributes) : NULL);
  set_number_text (self->probability_row, attributes ? bw_attack_attributes_get_probability (attributes) : NULL);
  skill = attributes ? bw_attack_attributes_get_skill (attributes) : NULL;
  adw_combo_row_set_selected (self->skill_row,
                              skill && !bw_number_is_null (skill)
                                ? (guint) CLAMP (bw_number_get (skill), 1, 5) : 0);
  difficulty = attributes ? bw_attack_attributes_get_difficulty (attributes) : NULL;
  index = 0;
  for (guint i = 0; i < G_N_ELEMENTS (difficulty_codes); i++)
    if (g_strcmp0 (difficulty, difficulty_codes[i]) == 0)
      index = i + 1;
  adw_combo_row_set_selected (self->difficulty_row, index);

  if (self->eval != NULL)
    {
      residual = describe_values (bw_attack_eval_get (self->eval, self->selected_id, BW_ATTACK_VIEW_RESIDUAL));
      target = describe_values (bw_attack_eval_get (self->eval, self->selected_id, BW_ATTACK_VIEW_TARGET));
    }
  adw_action_row_set_subtitle (self->residual_row, residual ? residual : "");
  adw_action_row_set_subtitle (self->target_row, target ? target : "");
  self->syncing = FALSE;
}

static gboolean
set_node_property (BwAttackTreePage *self,
                   const char       *sub_path,
                   const char       *property,
                   const GValue     *value)
{
  g_autofree char *path = NULL;

  if (self->selected_id == NULL)
    return FALSE;
  path = sub_path ? g_strconcat (self->selected_id, "/", sub_path, NULL) : g_strdup (self->selected_id);

  return _bw_attack_tree_page_run (self, bw_command_set_property_new (self->project, path, property, value));
}

static gboolean
apply_text (BwAttackTreePage *self,
            const char       *property,
            const char       *text,
            GtkWidget        *row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_str_equal (property, "label"))
    {
      if (*stripped == '\0')
        {
          if (row != NULL)
            gtk_widget_add_css_class (row, "error");
          return FALSE;
        }
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, stripped);
      return set_node_property (self, NULL, "label", &value);
    }

  if (g_str_equal (property, "cost") || g_str_equal (property, "time_h") ||
      g_str_equal (property, "probability") || g_str_equal (property, "skill"))
    {
      double number = NAN;

      if (*stripped != '\0')
        {
          char *end = NULL;

          /* People type "0,5" in much of the world. */
          g_strdelimit (stripped, ",", '.');
          number = g_ascii_strtod (stripped, &end);
          if (end == stripped || *end != '\0' || !isfinite (number) || number < 0 ||
              (g_str_equal (property, "probability") && number > 1) ||
              (g_str_equal (property, "skill") && (number < 1 || number > 5)))
            {
              if (row != NULL)
                gtk_widget_add_css_class (row, "error");
              return FALSE;
            }
        }
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, number);
      return set_node_property (self, "attributes", property, &value);
    }

  if (g_str_equal (property, "difficulty"))
    {
      const char *code = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (difficulty_codes); i++)
        if (g_ascii_strcasecmp (stripped, difficulty_codes[i]) == 0)
          code = difficulty_codes[i];
      if (code == NULL && *stripped != '\0')
        return FALSE;
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, code);
      return set_node_property (self, "attributes", "difficulty", &value);
    }

  return FALSE;
}

static void
entry_apply_cb (BwAttackTreePage *self,
                AdwEntryRow      *row)
{
  const char *property;

  if (self->syncing)
    return;

  if (row == self->label_row)
    property = "label";
  else if (row == self->cost_row)
    property = "cost";
  else if (row == self->time_row)
    property = "time_h";
  else
    property = "probability";

  /* Enter in a changed entry row applies rather than activates (libadwaita
   * 1.2): after a label, go back to the outline all the same, so typing a
   * tree is Enter, a label, Enter, a label … */
  if (apply_text (self, property, gtk_editable_get_text (GTK_EDITABLE (row)), GTK_WIDGET (row)) &&
      row == self->label_row)
    _bw_attack_tree_page_focus_outline (self);
}

/* Enter in an unchanged label: back to the outline too. */
static void
label_activated_cb (BwAttackTreePage *self,
                    AdwEntryRow      *row)
{
  BwAttackNode *node = _bw_attack_tree_page_get_node (self, self->selected_id);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* The apply button's handler has usually stored it already. */
  if (node != NULL && g_strcmp0 (bw_attack_node_get_label (node), text) != 0 &&
      !apply_text (self, "label", text, GTK_WIDGET (row)))
    return;

  _bw_attack_tree_page_focus_outline (self);
}

static void
combo_selected_cb (BwAttackTreePage *self,
                   GParamSpec       *pspec,
                   AdwComboRow      *row)
{
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->syncing || self->selected_id == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->gate_row)
    {
      _bw_attack_tree_page_run (self, bw_command_attack_tree_set_gate (self->project, self->selected_id,
                                                                       bw_attack_gates[selected]));
    }
  else if (row == self->implemented_row)
    {
      g_value_init (&value, G_TYPE_INT);
      g_value_set_int (&value, selected == 0 ? 1 : 0);
      set_node_property (self, NULL, "implemented", &value);
    }
  else if (row == self->objective_row)
    {
      g_value_init (&value, G_TYPE_STRING);
      if (selected < self->objective_ids->len)
        g_value_set_string (&value, g_ptr_array_index (self->objective_ids, selected));
      set_node_property (self, NULL, "objective", &value);
    }
  else if (row == self->skill_row)
    {
      g_value_init (&value, G_TYPE_DOUBLE);
      g_value_set_double (&value, selected == 0 ? NAN : (double) selected);
      set_node_property (self, "attributes", "skill", &value);
    }
  else if (row == self->difficulty_row)
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_set_string (&value, selected == 0 ? NULL : difficulty_codes[selected - 1]);
      set_node_property (self, "attributes", "difficulty", &value);
    }
}

void
_bw_attack_tree_page_refresh_attacks (BwAttackTreePage *self)
{
  BwAttackTree *tree = _bw_attack_tree_page_get_tree (self);
  BwAttackAttr rank = gtk_drop_down_get_selected (self->rank_dropdown);
  g_autoptr(GPtrArray) attacks = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attack_list))))
    gtk_list_box_remove (self->attack_list, child);
  bw_attack_tree_view_set_highlight (self->graph, NULL);

  if (tree == NULL || bw_attack_tree_get_root (tree) == NULL || rank >= BW_ATTACK_N_ATTRS)
    return;

  attacks = bw_attack_minimal_attacks (bw_attack_tree_get_root (tree), _bw_attack_tree_page_current_view (self), rank, 10);
  for (guint i = 0; attacks != NULL && i < attacks->len; i++)
    {
      BwAttack *attack = g_ptr_array_index (attacks, i);
      GString *leaves = g_string_new (NULL);
      g_autofree char *values = describe_values (&attack->values);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *prefix = gtk_label_new (number);
      g_autofree char *title = NULL;

      for (guint j = 0; attack->leaf_ids[j] != NULL; j++)
        {
          BwAttackNode *leaf = _bw_attack_tree_page_get_node (self, attack->leaf_ids[j]);

          if (leaves->len > 0)
            g_string_append (leaves, " + ");
          g_string_append (leaves, leaf ? bw_attack_node_get_label (leaf) : attack->leaf_ids[j]);
        }

      title = g_markup_escape_text (leaves->str, -1);
      g_string_free (leaves, TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), values);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (prefix, "numeric");
      gtk_widget_add_css_class (prefix, "dim-label");
      gtk_widget_set_size_request (prefix, 16, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
      g_object_set_data_full (G_OBJECT (row), "leaf-ids", g_strdupv (attack->leaf_ids),
                              (GDestroyNotify) g_strfreev);
      gtk_list_box_append (self->attack_list, row);
    }
}

static void
attack_selected_cb (BwAttackTreePage *self,
                    GtkListBoxRow    *row,
                    GtkListBox       *list)
{
  const char * const *leaf_ids = row ? g_object_get_data (G_OBJECT (row), "leaf-ids") : NULL;

  bw_attack_tree_view_set_highlight (self->graph, leaf_ids);
  if (leaf_ids != NULL && leaf_ids[0] != NULL)
    bw_attack_tree_view_reveal (self->graph, leaf_ids[0]);
}

static void
rank_changed_cb (BwAttackTreePage *self,
                 GParamSpec       *pspec,
                 GtkDropDown      *dropdown)
{
  _bw_attack_tree_page_refresh_attacks (self);
}

void
_bw_attack_tree_page_init_details (BwAttackTreePage *self)
{
  g_signal_connect_swapped (self->rank_dropdown, "notify::selected", G_CALLBACK (rank_changed_cb), self);
  g_signal_connect_swapped (self->attack_list, "row-selected", G_CALLBACK (attack_selected_cb), self);

  g_signal_connect_swapped (self->label_row, "apply", G_CALLBACK (entry_apply_cb), self);
  g_signal_connect_swapped (self->label_row, "entry-activated", G_CALLBACK (label_activated_cb), self);
  g_signal_connect_swapped (self->cost_row, "apply", G_CALLBACK (entry_apply_cb), self);
  g_signal_connect_swapped (self->time_row, "apply", G_CALLBACK (entry_apply_cb), self);
  g_signal_connect_swapped (self->probability_row, "apply", G_CALLBACK (entry_apply_cb), self);
  g_signal_connect_swapped (self->gate_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->implemented_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->objective_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->skill_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
  g_signal_connect_swapped (self->difficulty_row, "notify::selected", G_CALLBACK (combo_selected_cb), self);
}

gboolean
bw_attack_tree_page_set_value (BwAttackTreePage *self,
                               const char       *property,
                               const char       *text)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  return apply_text (self, property, text, NULL);
}
