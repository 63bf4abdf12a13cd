/* bw-record-list.h — a page's list of one collection of records beside its form
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <adwaita.h>

#include "bw-record-page.h"

G_BEGIN_DECLS

#define BW_TYPE_RECORD_LIST (bw_record_list_get_type ())
G_DECLARE_FINAL_TYPE (BwRecordList, bw_record_list, BW, RECORD_LIST, GObject)

/* What the page says about its rows. */
typedef struct
{
  /* A row for a record, empty: update_row fills it. */
  GtkWidget *(*make_row)   (void);
  /* Shows `record` in `row`; TRUE when the record counts as open. */
  gboolean   (*update_row) (gpointer    page,
                            GtkWidget  *row,
                            BwRecord   *record);
  /* The line under the list's title, for `n` records of which `open` are
   * open: "6 objectives, 1 without requirement". */
  char      *(*count)      (guint       n,
                            guint       open);
} BwRecordListRows;

BwRecordList *bw_record_list_new             (GtkWidget              *page,
                                              const char             *action_prefix,
                                              GType                   record_type,
                                              BwRecordCollectionFunc  collection,
                                              const BwRecordListRows *rows);

/* Building the page */
GtkWidget    *bw_record_list_build_pane      (BwRecordList           *self,
                                              const char             *title,
                                              const char             *add_tooltip,
                                              const char             *accessible_label);
GtkLabel     *bw_record_list_get_count_label (BwRecordList           *self);
void          bw_record_list_build_page      (BwRecordList           *self,
                                              GtkWidget              *pane,
                                              GtkWidget              *empty,
                                              GtkWidget              *form);

/* BwPage */
BwProject    *bw_record_list_get_project     (BwRecordList           *self);
void          bw_record_list_set_project     (BwRecordList           *self,
                                              BwProject              *project);
gboolean      bw_record_list_select          (BwRecordList           *self,
                                              const char             *id);

/* The selected record */
const char   *bw_record_list_get_selected_id (BwRecordList           *self);
BwRecord     *bw_record_list_get_selected    (BwRecordList           *self);
void          bw_record_list_refresh         (BwRecordList           *self);

/* Edits */
gboolean      bw_record_list_execute         (BwRecordList           *self,
                                              BwCommand              *command);
gboolean      bw_record_list_add             (BwRecordList           *self,
                                              BwRecord               *record);
void          bw_record_list_remove_selected (BwRecordList           *self,
                                              const char             *toast_title);
void          bw_record_list_set_string      (BwRecordList           *self,
                                              const char             *member,
                                              const char             *text);
void          bw_record_list_watch_field     (BwRecordList           *self,
                                              GtkWidget              *field);
void          bw_record_list_bind_choice     (BwRecordList           *self,
                                              AdwComboRow            *row,
                                              const char             *member,
                                              const char * const     *values,
                                              guint                   n_values);

G_END_DECLS
