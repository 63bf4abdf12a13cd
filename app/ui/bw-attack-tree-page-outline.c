/* bw-attack-tree-page-outline.c — the attack-tree page's left column:
 * the project's trees, and the shown tree's outline
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The outline is a tree list, rebuilt after each edit and always fully
 * expanded, so it shows the whole tree as the graph does; it shares its
 * selection with the graph through the page.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bw-attack-tree-page-private.h"

void
_bw_attack_tree_page_rebuild_tree_list (BwAttackTreePage *self)
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

void
_bw_attack_tree_page_rebuild_outline (BwAttackTreePage *self)
{
  BwAttackTree *tree = _bw_attack_tree_page_get_tree (self);
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

guint
_bw_attack_tree_page_outline_position_of (BwAttackTreePage *self,
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
  _bw_attack_tree_page_node_in_tree (self, bw_record_get_id (BW_RECORD (node)), &countermeasure, NULL);

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
  _bw_attack_tree_page_select_node (self, bw_record_get_id (BW_RECORD (node)));
}

void
_bw_attack_tree_page_focus_outline (BwAttackTreePage *self)
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

void
_bw_attack_tree_page_init_outline (BwAttackTreePage *self)
{
  GtkListItemFactory *factory;

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
  g_signal_connect_swapped (self->tree_list, "row-selected", G_CALLBACK (tree_row_selected_cb), self);
}
