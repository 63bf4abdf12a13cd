/* bw-components-page-private.h — BwComponentsPage's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-component-support.h"
#include "bw-component.h"
#include "bw-components-page.h"
#include "bw-table-cells.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_NAME,
  COLUMN_VERSION,
  COLUMN_SUPPLIER,
  COLUMN_LICENSE,
  COLUMN_SUPPORT,
  COLUMN_END_OF_SUPPORT,
  COLUMN_VULNERABILITIES,
  N_COLUMNS
} Column;

struct _BwComponentsPage
{
  GtkBox              parent_instance;

  BwProject          *project;
  char               *component_id;     /* the selected component */
  int                 vulnerability;    /* its selected vulnerability, or -1 */
  char               *shown_component;  /* what the panel's fields were filled for */
  char               *shown_vulnerability;
  GPtrArray          *findings;         /* of BwSupportFinding */
  BwTableCells       *cells;            /* refreshed on every change */
  GPtrArray          *dynamic_rows;     /* rows rebuilt on every change */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  gboolean            updating;

  /* Template children */
  GtkSearchEntry     *search_entry;
  GtkStack           *content_stack;
  GtkColumnView      *column_view;
  GtkStack           *panel_stack;
  GtkWidget          *panel_separator;
  AdwEntryRow        *name_row;
  AdwEntryRow        *version_row;
  AdwEntryRow        *supplier_row;
  AdwEntryRow        *license_row;
  AdwEntryRow        *purl_row;
  AdwEntryRow        *cpe_row;
  AdwComboRow        *support_row;
  AdwEntryRow        *end_row;
  AdwActionRow       *support_warning_row;
  AdwPreferencesGroup *links_group;
  GtkMenuButton      *link_menu_button;
  AdwPreferencesGroup *vulns_group;
  AdwPreferencesGroup *vuln_group;
  AdwComboRow        *status_row;
  AdwEntryRow        *justification_row;
  AdwEntryRow        *cvss_row;
  AdwActionRow       *score_row;
  AdwEntryRow        *discovered_row;
  AdwEntryRow        *cwe_row;
  GtkSwitch          *kev_switch;
  AdwPreferencesGroup *vuln_links_group;
  GtkMenuButton      *vuln_link_menu_button;
};

/* bw-components-page.c */
void              _bw_components_page_refresh        (BwComponentsPage *self);
guint             _bw_components_page_count_open     (BwComponent      *component);
BwSupportFinding *_bw_components_page_find_finding   (BwComponentsPage *self,
                                                      BwComponent      *component);
const char       *_bw_components_page_support_label  (const char       *support);

/* bw-components-page-table.c: the sortable, searchable table */
void              _bw_components_page_init_table     (BwComponentsPage *self);
void              _bw_components_page_search_changed_cb (BwComponentsPage *self,
                                                         GtkSearchEntry   *entry);

/* bw-components-page-import.c: SBOM and vulnerability imports */
void              _bw_components_page_import_action  (GtkWidget        *widget,
                                                      const char       *action_name,
                                                      GVariant         *parameter);

G_END_DECLS
