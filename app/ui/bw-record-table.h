/* bw-record-table.h — a page's table of one collection of records, and its selection
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-record-page.h"
#include "bw-table-cells.h"

G_BEGIN_DECLS

#define BW_TYPE_RECORD_TABLE (bw_record_table_get_type ())
G_DECLARE_FINAL_TYPE (BwRecordTable, bw_record_table, BW, RECORD_TABLE, GObject)

BwRecordTable *bw_record_table_new             (GtkWidget              *page,
                                                const char             *action_prefix,
                                                GType                   record_type,
                                                BwRecordCollectionFunc  collection,
                                                BwTableCellsSetupFunc   setup_cell,
                                                BwTableCellsUpdateFunc  update_cell);

/* Building the page */
GtkColumnView *bw_record_table_get_column_view (BwRecordTable          *self);
void           bw_record_table_add_column      (BwRecordTable          *self,
                                                const char             *title,
                                                int                     column,
                                                int                     width,
                                                GtkSorter              *sorter);
GtkWidget     *bw_record_table_get_widget      (BwRecordTable          *self);
GtkWidget     *bw_record_table_build_toolbar   (BwRecordTable          *self,
                                                const char             *add_label,
                                                const char             *add_tooltip,
                                                const char             *title,
                                                const char             *delete_label);
void           bw_record_table_build_page      (BwRecordTable          *self,
                                                GtkWidget              *toolbar,
                                                GtkWidget              *empty,
                                                GtkWidget              *list,
                                                GtkWidget              *panel);

/* BwPage */
BwProject     *bw_record_table_get_project     (BwRecordTable          *self);
void           bw_record_table_set_project     (BwRecordTable          *self,
                                                BwProject              *project);
gboolean       bw_record_table_select          (BwRecordTable          *self,
                                                const char             *id);

/* The selected record */
const char    *bw_record_table_get_selected_id (BwRecordTable          *self);
BwRecord      *bw_record_table_get_selected    (BwRecordTable          *self);
gboolean       bw_record_table_is_showing      (BwRecordTable          *self);
void           bw_record_table_refresh         (BwRecordTable          *self);

/* Edits */
gboolean       bw_record_table_execute         (BwRecordTable          *self,
                                                BwCommand              *command);
void           bw_record_table_seal            (BwRecordTable          *self);
gboolean       bw_record_table_add             (BwRecordTable          *self,
                                                BwRecord               *record);
void           bw_record_table_remove_selected (BwRecordTable          *self,
                                                const char             *toast_title);
void           bw_record_table_set_member      (BwRecordTable          *self,
                                                const char             *member,
                                                const GValue           *value);
void           bw_record_table_watch_focus     (BwRecordTable          *self,
                                                GtkWidget              *field);
AdwEntryRow   *bw_record_table_add_entry_row   (BwRecordTable          *self,
                                                AdwPreferencesGroup    *group,
                                                const char             *title,
                                                const char             *member);

G_END_DECLS
