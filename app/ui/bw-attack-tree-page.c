/* bw-attack-tree-page.c — the attack-tree editor
 *
 * Three columns: the project's trees above the selected tree's outline;
 * the graph; the selected node's details and the cheapest attacks. The
 * outline and the graph share one selection, kept here. Nothing is edited
 * directly: every change is a command on the project's stack, and every
 * view is refreshed from the document when the stack says it changed.
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "bw-attack-tree-eval.h"
#include "bw-attack-tree-page.h"
#include "bw-attack-tree-page-dialogs.h"
#include "bw-attack-tree-view.h"
#include "bw-command-add.h"
#include "bw-command-attack-tree.h"
#include "bw-command-set-property.h"
#include "bw-command-stack.h"
#include "bw-graphviz.h"

struct _BwAttackTreePage
{
  GtkWidget           parent_instance;

  BwProject          *project;
  char               *tree_id;
  char               *selected_id;
  BwAttackEval       *eval;
  GtkSingleSelection *outline_selection;
  GPtrArray          *objective_ids;   /* of the objective row's entries */
  guint               syncing : 1;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkStack           *stack;
  GtkListBox         *tree_list;
  GtkListView        *outline;
  GtkMenuButton      *gate_button;
  GtkDropDown        *view_dropdown;
  GtkToggleButton    *direction_button;
  GtkInfoBar         *warning_bar;
  GtkLabel           *warning_label;
  BwAttackTreeView   *graph;
  GtkWidget          *node_box;
  AdwEntryRow        *label_row;
  AdwComboRow        *gate_row;
  AdwComboRow        *implemented_row;
  AdwComboRow        *objective_row;
  GtkWidget          *attributes_group;
  AdwEntryRow        *cost_row;
  AdwEntryRow        *time_row;
  AdwComboRow        *skill_row;
  AdwEntryRow        *probability_row;
  AdwComboRow        *difficulty_row;
  AdwActionRow       *residual_row;
  AdwActionRow       *target_row;
  GtkDropDown        *rank_dropdown;
  GtkListBox         *attack_list;
};

G_DEFINE_FINAL_TYPE (BwAttackTreePage, bw_attack_tree_page, GTK_TYPE_WIDGET)

static const char * const difficulty_codes[] = { "L", "M", "H", "E" };

static void refresh_all (BwAttackTreePage *self);
static void focus_outline (BwAttackTreePage *self);
static void select_node (BwAttackTreePage *self,
                         const char       *node_id);

/* Helpers */

static BwAttackTree *
get_tree (BwAttackTreePage *self)
{
  BwRecord *record;

  if (self->project == NULL || self->tree_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, self->tree_id);

  return BW_IS_ATTACK_TREE (record) ? BW_ATTACK_TREE (record) : NULL;
}

static BwAttackNode *
get_node (BwAttackTreePage *self,
          const char       *node_id)
{
  BwRecord *record;

  if (self->project == NULL || node_id == NULL)
    return NULL;
  record = bw_project_lookup (self->project, node_id);

  return BW_IS_ATTACK_NODE (record) ? BW_ATTACK_NODE (record) : NULL;
}

/* Whether node_id belongs to the shown tree, and if it is a countermeasure. */
static gboolean
node_in_tree (BwAttackTreePage *self,
              const char       *node_id,
              gboolean         *is_countermeasure,
              BwAttackNode    **parent)
{
  BwAttackTree *tree;
  gboolean cm = FALSE;
  BwAttackNode *p = NULL;

  if (self->project == NULL || node_id == NULL)
    return FALSE;
  tree = bw_attack_tree_find_node (self->project, node_id, &p, &cm, NULL);
  if (is_countermeasure != NULL)
    *is_countermeasure = cm;
  if (parent != NULL)
    *parent = p;

  return tree != NULL && tree == get_tree (self);
}

static BwAttackView
current_view (BwAttackTreePage *self)
{
  return gtk_drop_down_get_selected (self->view_dropdown) == 1
    ? BW_ATTACK_VIEW_TARGET : BW_ATTACK_VIEW_RESIDUAL;
}

void
_bw_attack_tree_page_toast (BwAttackTreePage *self,
                            const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Runs a command (and takes it) as one undo step; on failure the user
 * learns why in a toast. Callers that need the command afterwards (the new
 * node's ID) hold their own reference. */
gboolean
_bw_attack_tree_page_run (BwAttackTreePage *self,
                          BwCommand        *command)
{
  g_autoptr(BwCommand) owned = command;
  g_autoptr(GError) error = NULL;
  BwCommandStack *stack;

  if (self->project == NULL || command == NULL)
    return FALSE;

  stack = bw_project_get_command_stack (self->project);
  if (!bw_command_stack_execute (stack, command, &error))
    {
      _bw_attack_tree_page_toast (self, error ? error->message : _("The change could not be made"));
      return FALSE;
    }
  /* Each edit of the tree is its own undo step. */
  bw_command_stack_seal (stack);

  return TRUE;
}

BwProject *
_bw_attack_tree_page_get_project (BwAttackTreePage *self)
{
  return self->project;
}

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

/* Tree list */

static void
rebuild_tree_list (BwAttackTreePage *self)
{
  GListModel *trees = bw_project_get_attack_trees (self->project);
  GtkWidget *child;

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tree_list))))
    gtk_list_box_remove (self->tree_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (trees); i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);
      const char *id = bw_record_get_id (BW_RECORD (tree));
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (bw_attack_tree_get_title (tree));
      GtkWidget *badge = gtk_label_new (id);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (badge, "dim-label");
      gtk_widget_add_css_class (badge, "caption");
      gtk_widget_add_css_class (badge, "numeric");
      gtk_box_append (GTK_BOX (box), title);
      gtk_box_append (GTK_BOX (box), badge);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_widget_set_tooltip_text (row, bw_attack_tree_get_title (tree));
      g_object_set_data_full (G_OBJECT (row), "tree-id", g_strdup (id), g_free);
      gtk_list_box_append (self->tree_list, row);

      if (g_strcmp0 (id, self->tree_id) == 0)
        gtk_list_box_select_row (self->tree_list, GTK_LIST_BOX_ROW (row));
    }
  self->syncing = FALSE;
}

static void
tree_row_selected_cb (BwAttackTreePage *self,
                      GtkListBoxRow    *row,
                      GtkListBox       *list)
{
  if (self->syncing || row == NULL)
    return;

  bw_attack_tree_page_set_tree_id (self, g_object_get_data (G_OBJECT (row), "tree-id"));
}

/* Outline */

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  BwAttackNode *node = item;
  GListModel *children = bw_attack_node_get_children (node);
  GListModel *countermeasures = bw_attack_node_get_countermeasures (node);
  GListStore *store;

  if (g_list_model_get_n_items (children) + g_list_model_get_n_items (countermeasures) == 0)
    return NULL;

  /* The steps first, then what defends this node: as the graph shows it. */
  store = g_list_store_new (BW_TYPE_ATTACK_NODE);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      g_list_store_append (store, child);
    }
  for (guint i = 0; i < g_list_model_get_n_items (countermeasures); i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (countermeasures, i);

      g_list_store_append (store, child);
    }

  return G_LIST_MODEL (store);
}

static void
rebuild_outline (BwAttackTreePage *self)
{
  BwAttackTree *tree = get_tree (self);
  GListStore *roots = g_list_store_new (BW_TYPE_ATTACK_NODE);
  GtkTreeListModel *model;

  if (tree != NULL && bw_attack_tree_get_root (tree) != NULL)
    g_list_store_append (roots, bw_attack_tree_get_root (tree));

  /* Rebuilt after each edit; everything stays expanded, so the outline
   * always shows the whole tree as the graph does. */
  model = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE,
                                   create_children_cb, NULL, NULL);
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->outline_selection, G_LIST_MODEL (model));
  gtk_single_selection_set_selected (self->outline_selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
  g_object_unref (model);
}

static guint
outline_position_of (BwAttackTreePage *self,
                     const char       *node_id)
{
  GListModel *model = G_LIST_MODEL (self->outline_selection);

  if (node_id == NULL)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (bw_record_get_id (BW_RECORD (node)), node_id) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
outline_setup_cb (BwAttackTreePage         *self,
                  GtkListItem              *item,
                  GtkSignalListItemFactory *factory)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, "dim-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
outline_bind_cb (BwAttackTreePage         *self,
                 GtkListItem              *item,
                 GtkSignalListItemFactory *factory)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  GtkWidget *badge = gtk_widget_get_next_sibling (label);
  g_autoptr(GObject) object = gtk_tree_list_row_get_item (row);
  BwAttackNode *node = BW_ATTACK_NODE (object);
  const char *gate = bw_attack_node_get_gate (node);
  gboolean countermeasure = FALSE;
  const char *icon_name = NULL;
  const char *badge_text = NULL;
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  node_in_tree (self, bw_record_get_id (BW_RECORD (node)), &countermeasure, NULL);

  if (countermeasure)
    {
      icon_name = "security-high-symbolic";
      badge_text = bw_attack_node_get_implemented (node) == 1 ? NULL : _("planned");
    }
  else if (g_strcmp0 (gate, "and") == 0)
    badge_text = _("AND");
  else if (g_strcmp0 (gate, "sand") == 0)
    badge_text = _("SAND");
  else if (g_strcmp0 (gate, "or") == 0)
    badge_text = _("OR");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_widget_set_visible (icon, icon_name != NULL);
  gtk_label_set_label (GTK_LABEL (label), bw_attack_node_get_label (node));
  gtk_label_set_label (GTK_LABEL (badge), badge_text);
  gtk_widget_set_visible (badge, badge_text != NULL);
  gtk_widget_set_tooltip_text (box, bw_attack_node_get_label (node));

  description = countermeasure
    ? g_strdup_printf (_("Countermeasure: %s"), bw_attack_node_get_label (node))
    : g_strdup (bw_attack_node_get_label (node));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
outline_selected_cb (BwAttackTreePage   *self,
                     GParamSpec         *pspec,
                     GtkSingleSelection *selection)
{
  GObject *item = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) node = NULL;

  if (self->syncing || item == NULL)
    return;

  node = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  select_node (self, bw_record_get_id (BW_RECORD (node)));
}

static void
graph_selected_cb (BwAttackTreePage *self,
                   GParamSpec       *pspec,
                   BwAttackTreeView *graph)
{
  if (!self->syncing)
    select_node (self, bw_attack_tree_view_get_selected_id (graph));
}

static void
graph_reparent_cb (BwAttackTreePage *self,
                   const char       *node_id,
                   const char       *parent_id,
                   BwAttackTreeView *graph)
{
  g_autofree char *id = g_strdup (node_id);

  if (_bw_attack_tree_page_run (self, bw_command_attack_tree_reparent (self->project, node_id, parent_id, -1)))
    select_node (self, id);
}

/* Inspector */

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

static void
refresh_inspector (BwAttackTreePage *self)
{
  BwAttackNode *node = get_node (self, self->selected_id);
  gboolean countermeasure = FALSE;
  BwAttackAttributes *attributes;
  const char *gate;
  const char *difficulty;
  const BwNumber *skill;
  guint index = 0;
  g_autofree char *residual = NULL;
  g_autofree char *target = NULL;

  if (node == NULL || !node_in_tree (self, self->selected_id, &countermeasure, NULL))
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
    focus_outline (self);
}

static void
focus_outline (BwAttackTreePage *self)
{
  /* The selected row itself, so the keys act on it straight away; the
   * list view alone would focus its first row. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->outline));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *row;
      g_autoptr(GObject) node = NULL;

      if (!GTK_IS_TREE_EXPANDER (expander))
        continue;
      row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander));
      node = row ? gtk_tree_list_row_get_item (row) : NULL;
      if (node != NULL && g_strcmp0 (bw_record_get_id (BW_RECORD (node)), self->selected_id) == 0 &&
          gtk_widget_grab_focus (child))
        return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->outline));
}

/* Enter in an unchanged label: back to the outline too. */
static void
label_activated_cb (BwAttackTreePage *self,
                    AdwEntryRow      *row)
{
  BwAttackNode *node = get_node (self, self->selected_id);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  /* The apply button's handler has usually stored it already. */
  if (node != NULL && g_strcmp0 (bw_attack_node_get_label (node), text) != 0 &&
      !apply_text (self, "label", text, GTK_WIDGET (row)))
    return;

  focus_outline (self);
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

/* Cheapest attacks */

static void
refresh_attacks (BwAttackTreePage *self)
{
  BwAttackTree *tree = get_tree (self);
  BwAttackAttr rank = gtk_drop_down_get_selected (self->rank_dropdown);
  g_autoptr(GPtrArray) attacks = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attack_list))))
    gtk_list_box_remove (self->attack_list, child);
  bw_attack_tree_view_set_highlight (self->graph, NULL);

  if (tree == NULL || bw_attack_tree_get_root (tree) == NULL || rank >= BW_ATTACK_N_ATTRS)
    return;

  attacks = bw_attack_minimal_attacks (bw_attack_tree_get_root (tree), current_view (self), rank, 10);
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
          BwAttackNode *leaf = get_node (self, attack->leaf_ids[j]);

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
  refresh_attacks (self);
}

/* Evaluation */

static void
refresh_eval (BwAttackTreePage *self)
{
  BwAttackTree *tree = get_tree (self);
  GPtrArray *warnings;
  GString *text;

  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  if (tree != NULL && bw_attack_tree_get_root (tree) != NULL)
    self->eval = bw_attack_eval_new (bw_attack_tree_get_root (tree));

  bw_attack_tree_view_set_eval (self->graph, self->eval, current_view (self));
  bw_attack_tree_view_relayout (self->graph);

  text = g_string_new (NULL);
  warnings = self->eval ? bw_attack_eval_get_warnings (self->eval) : NULL;
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      BwAttackWarning *warning = g_ptr_array_index (warnings, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, warning->message);
    }
  gtk_label_set_label (self->warning_label, text->str);
  gtk_info_bar_set_revealed (self->warning_bar, text->len > 0);
  g_string_free (text, TRUE);
}

static void
view_changed_cb (BwAttackTreePage *self,
                 GParamSpec       *pspec,
                 GtkDropDown      *dropdown)
{
  bw_attack_tree_view_set_eval (self->graph, self->eval, current_view (self));
  refresh_attacks (self);
}

static void
direction_toggled_cb (BwAttackTreePage *self,
                      GtkToggleButton  *button)
{
  bw_attack_tree_view_set_left_to_right (self->graph, gtk_toggle_button_get_active (button));
}

/* Actions */

static const char *
gate_name (const char *gate)
{
  if (g_strcmp0 (gate, "and") == 0)
    return _("AND");
  if (g_strcmp0 (gate, "sand") == 0)
    return _("SAND");
  if (g_strcmp0 (gate, "or") == 0)
    return _("OR");
  return _("Leaf");
}

static void
update_actions (BwAttackTreePage *self)
{
  gboolean has_tree = get_tree (self) != NULL;
  gboolean countermeasure = FALSE;
  BwAttackNode *parent = NULL;
  gboolean has_node = node_in_tree (self, self->selected_id, &countermeasure, &parent);
  gboolean is_root = has_node && parent == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.rename", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.delete", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.export", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tree.apply", has_tree);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-child", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-countermeasure", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.gate", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.rename", has_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.add-sibling", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.indent", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.outdent", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.move-up", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.move-down", has_node && !is_root);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "node.delete", has_node && !is_root);
  gtk_widget_set_sensitive (GTK_WIDGET (self->gate_button), has_node);
  gtk_menu_button_set_label (self->gate_button,
                             has_node ? gate_name (bw_attack_node_get_gate (get_node (self, self->selected_id)))
                                      : _("Gate"));
}

static void
select_node (BwAttackTreePage *self,
             const char       *node_id)
{
  guint position;

  if (node_id != NULL && !node_in_tree (self, node_id, NULL, NULL))
    node_id = NULL;

  if (g_strcmp0 (self->selected_id, node_id) != 0)
    {
      g_free (self->selected_id);
      self->selected_id = g_strdup (node_id);
    }

  self->syncing = TRUE;
  bw_attack_tree_view_set_selected_id (self->graph, self->selected_id);
  bw_attack_tree_view_reveal (self->graph, self->selected_id);
  position = outline_position_of (self, self->selected_id);
  gtk_single_selection_set_selected (self->outline_selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->outline), "list.scroll-to-item", "u", position);
  self->syncing = FALSE;

  refresh_inspector (self);
  update_actions (self);
}

/* After adding a node: select it and put the cursor in its label, so the
 * user types the step's name straight away. */
static void
start_rename (BwAttackTreePage *self)
{
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_parent (
    gtk_widget_get_ancestor (self->node_box, GTK_TYPE_SCROLLED_WINDOW))), "node");
  gtk_widget_grab_focus (GTK_WIDGET (self->label_row));
  gtk_editable_select_region (GTK_EDITABLE (self->label_row), 0, -1);
}

static void
run_and_select_new (BwAttackTreePage *self,
                    BwCommand        *command)
{
  g_autoptr(BwCommand) keep = g_object_ref (command);
  g_autofree char *new_id = NULL;

  if (!_bw_attack_tree_page_run (self, command))
    return;
  new_id = g_strdup (bw_command_attack_tree_get_new_id (BW_COMMAND_ATTACK_TREE (keep)));
  select_node (self, new_id);
  start_rename (self);
}

static void
node_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  g_autofree char *id = g_strdup (self->selected_id);
  const char *name = action_name + strlen ("node.");

  if (id == NULL || self->project == NULL)
    return;

  if (g_str_equal (name, "add-child"))
    run_and_select_new (self, bw_command_attack_tree_add_child (self->project, id, _("New step"), -1));
  else if (g_str_equal (name, "add-sibling"))
    run_and_select_new (self, bw_command_attack_tree_add_sibling (self->project, id, _("New step")));
  else if (g_str_equal (name, "add-countermeasure"))
    run_and_select_new (self, bw_command_attack_tree_add_countermeasure (self->project, id,
                                                                         _("New countermeasure"),
                                                                         FALSE, NULL));
  else if (g_str_equal (name, "rename"))
    start_rename (self);
  else if (g_str_equal (name, "gate"))
    _bw_attack_tree_page_run (self, bw_command_attack_tree_set_gate (self->project, id,
                                                                     g_variant_get_string (parameter, NULL)));
  else if (g_str_equal (name, "delete"))
    {
      BwAttackNode *parent = NULL;
      g_autofree char *parent_id = NULL;

      node_in_tree (self, id, NULL, &parent);
      parent_id = parent ? g_strdup (bw_record_get_id (BW_RECORD (parent))) : NULL;
      if (_bw_attack_tree_page_run (self, bw_command_attack_tree_delete_node (self->project, id)))
        select_node (self, parent_id);
    }
  else
    {
      BwCommand *command = NULL;

      if (g_str_equal (name, "indent"))
        command = bw_command_attack_tree_indent (self->project, id);
      else if (g_str_equal (name, "outdent"))
        command = bw_command_attack_tree_outdent (self->project, id);
      else if (g_str_equal (name, "move-up"))
        command = bw_command_attack_tree_move_up (self->project, id);
      else if (g_str_equal (name, "move-down"))
        command = bw_command_attack_tree_move_down (self->project, id);

      if (_bw_attack_tree_page_run (self, command))
        select_node (self, id);
    }

  /* The keys work in the outline; keep the focus there after an edit
   * that does not start a rename. */
  if (!g_str_has_prefix (name, "add-") && !g_str_equal (name, "rename") &&
      !gtk_widget_has_focus (GTK_WIDGET (self->graph)))
    focus_outline (self);
}

static void
gate_popup_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);

  gtk_menu_button_popup (self->gate_button);
}

static void
new_tree_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);
  g_autoptr(BwAttackNode) root = NULL;
  g_autoptr(BwAttackTree) tree = NULL;
  g_autoptr(BwCommand) command = NULL;
  g_autofree char *tree_id = NULL;
  g_autofree char *root_id = NULL;

  if (self->project == NULL)
    return;

  root = g_object_new (BW_TYPE_ATTACK_NODE, "label", _("Attacker goal"), "gate", "or", NULL);
  tree = g_object_new (BW_TYPE_ATTACK_TREE, "title", _("New Attack Tree"), "root", root, NULL);
  command = bw_command_add_new (self->project, BW_RECORD (tree), -1);
  if (!_bw_attack_tree_page_run (self, g_object_ref (command)))
    return;

  tree_id = g_strdup (bw_command_add_get_id (BW_COMMAND_ADD (command)));
  root_id = g_strdup (bw_record_get_id (BW_RECORD (root)));
  bw_attack_tree_page_set_tree_id (self, tree_id);
  select_node (self, root_id);
  start_rename (self);
}

static void
zoom_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (widget);

  if (g_str_equal (action_name, "tree.zoom-in"))
    bw_attack_tree_view_zoom_by (self->graph, 1.25);
  else if (g_str_equal (action_name, "tree.zoom-out"))
    bw_attack_tree_view_zoom_by (self->graph, 0.8);
  else
    bw_attack_tree_view_zoom_fit (self->graph);
}

/* Keys: in the outline (and on the graph) the edits are one key away. */
static void
add_shortcut (GtkShortcutController *controller,
              const char            *trigger,
              const char            *action,
              GVariant              *parameter)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (trigger),
                                            gtk_named_action_new (action));

  if (parameter != NULL)
    gtk_shortcut_set_arguments (shortcut, parameter);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_node_shortcuts (GtkWidget *widget,
                    gboolean   with_tab)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  /* Capture: before the list's own Enter (activate) and Tab (focus). */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, "Return|KP_Enter", "node.add-sibling", NULL);
  add_shortcut (shortcuts, "Insert|KP_Insert", "node.add-child", NULL);
  add_shortcut (shortcuts, "Delete|KP_Delete", "node.delete", NULL);
  add_shortcut (shortcuts, "F2", "node.rename", NULL);
  add_shortcut (shortcuts, "<Control>Up", "node.move-up", NULL);
  add_shortcut (shortcuts, "<Control>Down", "node.move-down", NULL);
  add_shortcut (shortcuts, "<Control>m", "node.add-countermeasure", NULL);
  add_shortcut (shortcuts, "<Control>g", "node.gate-menu", NULL);
  if (with_tab)
    {
      add_shortcut (shortcuts, "Tab", "node.indent", NULL);
      add_shortcut (shortcuts, "<Shift>Tab|<Shift>ISO_Left_Tab", "node.outdent", NULL);
    }
  gtk_widget_add_controller (widget, controller);
}

/* Refreshing */

static void
show_tree_or_empty (BwAttackTreePage *self)
{
  gboolean any = self->project != NULL &&
                 g_list_model_get_n_items (bw_project_get_attack_trees (self->project)) > 0;

  gtk_stack_set_visible_child_name (self->stack, any ? "tree" : "empty");
}

static void
refresh_all (BwAttackTreePage *self)
{
  g_autofree char *selected = g_strdup (self->selected_id);

  /* A deleted tree (or an undone new one) falls back to the first. */
  if (get_tree (self) == NULL)
    {
      GListModel *trees = self->project ? bw_project_get_attack_trees (self->project) : NULL;

      g_clear_pointer (&self->tree_id, g_free);
      if (trees != NULL && g_list_model_get_n_items (trees) > 0)
        {
          g_autoptr(BwAttackTree) first = g_list_model_get_item (trees, 0);

          self->tree_id = g_strdup (bw_record_get_id (BW_RECORD (first)));
        }
      g_clear_pointer (&selected, g_free);
    }

  show_tree_or_empty (self);
  bw_attack_tree_view_set_tree_id (self->graph, self->tree_id);
  if (self->project != NULL)
    rebuild_tree_list (self);
  rebuild_outline (self);
  refresh_eval (self);
  refresh_attacks (self);

  /* A node that went away (deleted, undone) leaves the root selected. */
  if (selected == NULL || !node_in_tree (self, selected, NULL, NULL))
    {
      BwAttackTree *tree = get_tree (self);

      g_free (selected);
      selected = tree && bw_attack_tree_get_root (tree)
        ? g_strdup (bw_record_get_id (BW_RECORD (bw_attack_tree_get_root (tree)))) : NULL;
    }
  select_node (self, selected);
}

static void
stack_changed_cb (BwAttackTreePage *self,
                  BwCommandStack   *stack)
{
  refresh_all (self);
}

/* After an undo or redo: show the node that changed, in its tree. */
static void
selection_restored_cb (BwAttackTreePage *self,
                       const char      **ids,
                       BwCommandStack   *stack)
{
  BwAttackTree *tree;

  if (ids == NULL || ids[0] == NULL)
    return;

  tree = bw_attack_tree_find_node (self->project, ids[0], NULL, NULL, NULL);
  if (tree != NULL)
    {
      bw_attack_tree_page_set_tree_id (self, bw_record_get_id (BW_RECORD (tree)));
      select_node (self, ids[0]);
    }
  else if (BW_IS_ATTACK_TREE (bw_project_lookup (self->project, ids[0])))
    {
      bw_attack_tree_page_set_tree_id (self, ids[0]);
    }
}

/* GObject */

static void
bw_attack_tree_page_dispose (GObject *object)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->eval, bw_attack_eval_unref);
  g_clear_object (&self->outline_selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BW_TYPE_ATTACK_TREE_PAGE);

  G_OBJECT_CLASS (bw_attack_tree_page_parent_class)->dispose (object);
}

static void
bw_attack_tree_page_finalize (GObject *object)
{
  BwAttackTreePage *self = BW_ATTACK_TREE_PAGE (object);

  g_free (self->tree_id);
  g_free (self->selected_id);
  g_ptr_array_unref (self->objective_ids);

  G_OBJECT_CLASS (bw_attack_tree_page_parent_class)->finalize (object);
}

static void
bw_attack_tree_page_class_init (BwAttackTreePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const node_actions[] = {
    "node.add-child", "node.add-sibling", "node.add-countermeasure", "node.indent",
    "node.outdent", "node.move-up", "node.move-down", "node.delete", "node.rename",
  };

  object_class->dispose = bw_attack_tree_page_dispose;
  object_class->finalize = bw_attack_tree_page_finalize;

  g_type_ensure (BW_TYPE_ATTACK_TREE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/bulwarkapp/Bulwark/ui/bw-attack-tree-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, stack);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, tree_list);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, outline);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, gate_button);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, view_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, direction_button);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, warning_bar);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, graph);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, node_box);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, label_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, gate_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, implemented_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, objective_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, attributes_group);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, cost_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, time_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, skill_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, probability_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, difficulty_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, residual_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, target_row);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, rank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BwAttackTreePage, attack_list);

  for (guint i = 0; i < G_N_ELEMENTS (node_actions); i++)
    gtk_widget_class_install_action (widget_class, node_actions[i], NULL, node_action_cb);
  gtk_widget_class_install_action (widget_class, "node.gate", "s", node_action_cb);
  gtk_widget_class_install_action (widget_class, "node.gate-menu", NULL, gate_popup_cb);
  gtk_widget_class_install_action (widget_class, "tree.new", NULL, new_tree_cb);
  gtk_widget_class_install_action (widget_class, "tree.zoom-in", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "tree.zoom-out", NULL, zoom_cb);
  gtk_widget_class_install_action (widget_class, "tree.zoom-fit", NULL, zoom_cb);
  _bw_attack_tree_page_class_dialogs_init (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
bw_attack_tree_page_init (BwAttackTreePage *self)
{
  GtkListItemFactory *factory;

  self->objective_ids = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->outline_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->outline_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->outline_selection, TRUE);
  gtk_list_view_set_model (self->outline, GTK_SELECTION_MODEL (self->outline_selection));
  g_signal_connect_swapped (self->outline_selection, "notify::selected",
                            G_CALLBACK (outline_selected_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (outline_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (outline_bind_cb), self);
  gtk_list_view_set_factory (self->outline, factory);
  g_object_unref (factory);

  add_node_shortcuts (GTK_WIDGET (self->outline), TRUE);
  add_node_shortcuts (GTK_WIDGET (self->graph), FALSE);

  g_signal_connect_swapped (self->tree_list, "row-selected", G_CALLBACK (tree_row_selected_cb), self);
  g_signal_connect_swapped (self->graph, "notify::selected-id", G_CALLBACK (graph_selected_cb), self);
  g_signal_connect_swapped (self->graph, "reparent", G_CALLBACK (graph_reparent_cb), self);
  g_signal_connect_swapped (self->view_dropdown, "notify::selected", G_CALLBACK (view_changed_cb), self);
  g_signal_connect_swapped (self->rank_dropdown, "notify::selected", G_CALLBACK (rank_changed_cb), self);
  g_signal_connect_swapped (self->direction_button, "toggled", G_CALLBACK (direction_toggled_cb), self);
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

  update_actions (self);
}

GtkWidget *
bw_attack_tree_page_new (void)
{
  return g_object_new (BW_TYPE_ATTACK_TREE_PAGE, NULL);
}

void
bw_attack_tree_page_set_project (BwAttackTreePage *self,
                                 BwProject        *project)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_PAGE (self));
  g_return_if_fail (!project || BW_IS_PROJECT (project));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (bw_project_get_command_stack (self->project), self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->tree_id, g_free);
  g_clear_pointer (&self->selected_id, g_free);
  bw_attack_tree_view_set_project (self->graph, project);

  if (project != NULL)
    {
      g_signal_connect_object (bw_project_get_command_stack (project), "changed",
                               G_CALLBACK (stack_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (bw_project_get_command_stack (project), "selection-restored",
                               G_CALLBACK (selection_restored_cb), self, G_CONNECT_SWAPPED);
    }

  refresh_all (self);
}

const char *
bw_attack_tree_page_get_tree_id (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return self->tree_id;
}

gboolean
bw_attack_tree_page_set_tree_id (BwAttackTreePage *self,
                                 const char       *tree_id)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  if (self->project == NULL || tree_id == NULL ||
      !BW_IS_ATTACK_TREE (bw_project_lookup (self->project, tree_id)))
    return FALSE;

  if (g_strcmp0 (self->tree_id, tree_id) == 0)
    return TRUE;

  g_free (self->tree_id);
  self->tree_id = g_strdup (tree_id);
  g_clear_pointer (&self->selected_id, g_free);
  refresh_all (self);

  return TRUE;
}

const char *
bw_attack_tree_page_get_selected_id (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return self->selected_id;
}

void
bw_attack_tree_page_set_selected_id (BwAttackTreePage *self,
                                     const char       *node_id)
{
  g_return_if_fail (BW_IS_ATTACK_TREE_PAGE (self));

  select_node (self, node_id);
}

GtkWidget *
bw_attack_tree_page_get_outline (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return GTK_WIDGET (self->outline);
}

GtkWidget *
bw_attack_tree_page_get_graph (BwAttackTreePage *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), NULL);

  return GTK_WIDGET (self->graph);
}

gboolean
bw_attack_tree_page_export (BwAttackTreePage *self,
                            const char       *path,
                            GError          **error)
{
  BwAttackTree *tree;
  BwTreeGraphOptions options = { 0 };

  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  tree = get_tree (self);
  if (tree == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no tree to export"));
      return FALSE;
    }

  /* As shown: the same direction, with the values of the chosen view. */
  options.left_to_right = bw_attack_tree_view_get_left_to_right (self->graph);
  options.show_values = TRUE;

  return bw_graphviz_render_tree_to_file (tree, &options, path, error);
}

gboolean
bw_attack_tree_page_activate (BwAttackTreePage *self,
                              const char       *action,
                              GVariant         *parameter)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  name = strchr (action, '.') ? g_strdup (action) : g_strconcat ("node.", action, NULL);

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), name, parameter);
}

gboolean
bw_attack_tree_page_set_value (BwAttackTreePage *self,
                               const char       *property,
                               const char       *text)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE_PAGE (self), FALSE);

  return apply_text (self, property, text, NULL);
}
