/* bw-table-cells.c — the cells of a table, made by its page and refreshed in place
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The tables of the pages (assets, hazards, assumptions, components) show
 * plain widgets that their page fills from the row's record.  What a cell
 * shows often changes without any notification of that record (the count
 * of threats that lead to a hazard, the name of a level of the risk
 * scale, a component's vulnerabilities), so the page refreshes every
 * bound cell on each change of the project: this object makes the
 * columns' factories and keeps the list of bound cells for that.
 */
#include "config.h"

#include "bw-table-cells.h"

struct _BwTableCells
{
  GObject                 parent_instance;

  BwTableCellsSetupFunc   setup;
  BwTableCellsUpdateFunc  update;
  gpointer                user_data;
  GPtrArray              *bound;    /* the cells that show a row now */
};

G_DEFINE_FINAL_TYPE (BwTableCells, bw_table_cells, G_TYPE_OBJECT)

static int
column_of (gpointer object)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "bw-table-column"));
}

static void
update_cell (BwTableCells *self,
             GtkWidget    *cell)
{
  gpointer item = g_object_get_data (G_OBJECT (cell), "bw-table-item");

  if (item != NULL)
    self->update (cell, item, column_of (cell), self->user_data);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          BwTableCells             *self)
{
  int column = column_of (factory);
  GtkWidget *cell = self->setup (column, self->user_data);

  g_object_set_data (G_OBJECT (cell), "bw-table-column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (item, cell);
}

/* The list item holds the row's record while it is bound: the cell only
 * borrows it. */
static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         BwTableCells             *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (cell), "bw-table-item", gtk_list_item_get_item (item));
  g_ptr_array_add (self->bound, cell);
  update_cell (self, cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           BwTableCells             *self)
{
  GtkWidget *cell = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->bound, cell);
  g_object_set_data (G_OBJECT (cell), "bw-table-item", NULL);
}

static void
bw_table_cells_finalize (GObject *object)
{
  BwTableCells *self = BW_TABLE_CELLS (object);

  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_table_cells_parent_class)->finalize (object);
}

static void
bw_table_cells_class_init (BwTableCellsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_table_cells_finalize;
}

static void
bw_table_cells_init (BwTableCells *self)
{
  self->bound = g_ptr_array_new ();
}

/* `setup` and `update` are called with `user_data`, which must outlive
 * the table's cells (it is their page). */
BwTableCells *
bw_table_cells_new (BwTableCellsSetupFunc  setup,
                    BwTableCellsUpdateFunc update,
                    gpointer               user_data)
{
  BwTableCells *self;

  g_return_val_if_fail (setup != NULL, NULL);
  g_return_val_if_fail (update != NULL, NULL);

  self = g_object_new (BW_TYPE_TABLE_CELLS, NULL);
  self->setup = setup;
  self->update = update;
  self->user_data = user_data;
  return self;
}

/* Appends a column whose cells this object makes.  `width` 0: the column
 * takes what the fixed ones leave.  `sorter` (may be NULL) makes the
 * title a button that sorts by the column. */
GtkColumnViewColumn *
bw_table_cells_add_column (BwTableCells  *self,
                           GtkColumnView *column_view,
                           const char    *title,
                           int            column,
                           int            width,
                           GtkSorter     *sorter)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_return_val_if_fail (BW_IS_TABLE_CELLS (self), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (column_view), NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_object_set_data (G_OBJECT (factory), "bw-table-column", GINT_TO_POINTER (column));
  /* The table may outlive this object while its page takes it apart. */
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (view_column, sorter);
  gtk_column_view_column_set_expand (view_column, width == 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (column_view, view_column);
  return view_column;
}

/* Shows every bound cell's record again. */
void
bw_table_cells_update (BwTableCells *self)
{
  g_return_if_fail (BW_IS_TABLE_CELLS (self));

  for (guint i = 0; i < self->bound->len; i++)
    update_cell (self, g_ptr_array_index (self->bound, i));
}

/* The label most cells are or start from: start-aligned, and cut short
 * with "…" where the column is too narrow. */
GtkWidget *
bw_table_cells_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}
