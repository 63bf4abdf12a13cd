/* bw-table-cells.h — the cells of a table, made by its page and refreshed in place
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BW_TYPE_TABLE_CELLS (bw_table_cells_get_type ())
G_DECLARE_FINAL_TYPE (BwTableCells, bw_table_cells, BW, TABLE_CELLS, GObject)

/* The widget of a cell of `column` (the page's own numbering). */
typedef GtkWidget *(*BwTableCellsSetupFunc)  (int        column,
                                              gpointer   user_data);
/* Shows `item`, the row's record, in `cell`. */
typedef void       (*BwTableCellsUpdateFunc) (GtkWidget *cell,
                                              gpointer   item,
                                              int        column,
                                              gpointer   user_data);

BwTableCells        *bw_table_cells_new        (BwTableCellsSetupFunc   setup,
                                                BwTableCellsUpdateFunc  update,
                                                gpointer                user_data);
GtkColumnViewColumn *bw_table_cells_add_column (BwTableCells           *self,
                                                GtkColumnView          *column_view,
                                                const char             *title,
                                                int                     column,
                                                int                     width,
                                                GtkSorter              *sorter);
void                 bw_table_cells_update     (BwTableCells           *self);
GtkWidget           *bw_table_cells_label_new  (void);

G_END_DECLS
