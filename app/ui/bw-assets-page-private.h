/* bw-assets-page-private.h — BwAssetsPage's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-assets-page.h"
#include "bw-record-table.h"

G_BEGIN_DECLS

struct _BwAssetsPage
{
  GtkWidget            parent_instance;

  BwRecordTable       *table;
  guint                shown_missing;   /* taxonomy categories the card shows */
  char                *shown_links;     /* what the link rows were built for */

  GtkWidget           *taxonomy_card;   /* above the table */
  AdwPreferencesGroup *taxonomy_group;
  AdwPreferencesGroup *empty_taxonomy_group;  /* in the empty state */
  GPtrArray           *taxonomy_rows;

  GtkStack            *panel_stack;     /* "none" or "asset" */
  AdwPreferencesGroup *asset_group;
  AdwEntryRow         *name_row;
  AdwComboRow         *kind_row;
  AdwEntryRow         *description_row;
  AdwComboRow         *confidentiality_row;
  AdwComboRow         *integrity_row;
  AdwComboRow         *availability_row;
  GtkSwitch           *safety_switch;
  AdwPreferencesGroup *elements_group;
  GtkMenuButton       *link_button;
  AdwPreferencesGroup *threats_group;
  GtkWidget           *show_threats_button;
  GPtrArray           *link_rows;       /* element and threat rows */
};

/* bw-assets-page.c */
const char *_bw_assets_page_kind_label    (const char   *kind);
const char *_bw_assets_page_level_label   (const char   *level);
BwAsset   *_bw_assets_page_selected_asset (BwAssetsPage *self);
void       _bw_assets_page_add_asset      (BwAssetsPage *self,
                                           BwAsset      *asset);

/* bw-assets-page-detail.c: the side panel that edits the selected asset */
GtkWidget *_bw_assets_page_build_panel    (BwAssetsPage *self);
void       _bw_assets_page_refresh_panel  (BwAssetsPage *self);
void       _bw_assets_page_link_action    (GtkWidget    *widget,
                                           const char   *action_name,
                                           GVariant     *parameter);

/* bw-assets-page-taxonomy.c: the categories of step 1 that have no asset */
GtkWidget *_bw_assets_page_build_taxonomy_card (BwAssetsPage *self);
GtkWidget *_bw_assets_page_build_empty_taxonomy (BwAssetsPage *self);
void       _bw_assets_page_refresh_taxonomy (BwAssetsPage *self);
void       _bw_assets_page_add_category_action (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *parameter);

G_END_DECLS
