/* bw-threats-page-private.h — BwThreatsPage's instance, shared by its files
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-deriver.h"
#include "bw-rule-set.h"
#include "bw-threat-editor.h"
#include "bw-threats-page.h"

G_BEGIN_DECLS

typedef enum
{
  COLUMN_ID,
  COLUMN_ELEMENT,
  COLUMN_CATEGORY,
  COLUMN_TITLE,
  COLUMN_STATUS,
  COLUMN_TREATMENT,
  COLUMN_BEFORE,
  COLUMN_AFTER,
  N_COLUMNS
} BwThreatsColumn;

/* The drop-down filters of the toolbar, in their order. */
typedef enum
{
  DROPDOWN_CATEGORY,
  DROPDOWN_STATUS,
  DROPDOWN_TREATMENT,
  DROPDOWN_DIAGRAM,
  DROPDOWN_ELEMENT,
  N_DROPDOWNS
} BwThreatsDropdown;

/* A filter set from elsewhere (bw_page_set_filter) that no drop-down
 * expresses: it shows as a removable banner. */
typedef enum
{
  SPECIAL_NONE,
  SPECIAL_BEFORE,
  SPECIAL_AFTER,
  SPECIAL_HAZARD,
  SPECIAL_ASSET,
} BwThreatsSpecial;

struct _BwThreatsPage
{
  GtkWidget            parent_instance;

  BwProject           *project;
  char                *selected_id;
  guint                updating;        /* >0 while the page sets its own widgets */
  guint                refresh_id;      /* idle after a change of the document */
  guint                toast_id;        /* timeout that tells the window about derivation */
  guint                plan_id;         /* idle that plans derivation after opening */

  /* Filters: NULL or "" is "any" */
  char                *values[N_DROPDOWNS];
  GPtrArray           *dropdown_values[N_DROPDOWNS];  /* value of each drop-down item; [0] NULL */
  char                *needle;          /* the search text, casefolded */
  gboolean             show_retired;
  BwThreatsSpecial     special;
  int                  special_e;
  int                  special_s;
  char                *special_id;
  GHashTable          *special_ids;     /* threat IDs of an asset filter */

  /* Models */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;    /* the project's threats, filtered */
  GtkSortListModel    *flat_model;      /* … sorted by the column view */
  GtkStringList       *groups;          /* grouped: the target IDs with threats shown, by name */
  GHashTable          *group_stores;    /* target ID → GListStore of its threats shown */
  GtkTreeListModel    *tree_model;
  GtkSingleSelection  *selection;
  GPtrArray           *cells;           /* bound cells, refreshed on every change */
  GPtrArray           *sorters;         /* one GtkCustomSorter per column */
  gboolean             grouped;

  /* Derivation */
  BwRuleSet           *rules;
  BwDerivePlan        *plan;
  gboolean             plan_told;       /* the window was told about it once */
  gboolean             plan_dirty;      /* the document changed since the plan */
  gboolean             plan_structural; /* … and records came or went */

  /* Widgets */
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *paned;
  GtkRevealer         *banner_revealer;
  GtkLabel            *banner_label;
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *table_toggle;
  GtkToggleButton     *matrix_toggle;
  GtkToggleButton     *group_toggle;
  GtkToggleButton     *retired_toggle;
  GtkWidget           *add_button;
  GtkDropDown         *dropdowns[N_DROPDOWNS];
  GtkWidget           *filters_row;
  GtkWidget           *action_bar;
  GtkRevealer         *chip_revealer;
  GtkLabel            *chip_label;
  GtkStack            *content_stack;
  GtkColumnView       *column_view;
  GtkWidget           *matrix_scroller;
  GtkWidget           *matrix_box;
  AdwStatusPage       *empty_page;
  GtkButton           *empty_button;
  AdwStatusPage       *no_results_page;
  GtkLabel            *count_label;
  GtkWidget           *show_button;
  GtkWidget           *archive_button;
  GtkWidget           *delete_button;
  BwThreatEditor      *editor;
};

/* bw-threats-page.c */
gboolean     _bw_threats_page_is_retired       (BwThreat        *threat);
const char  *_bw_threats_page_category_label   (const char      *category);
const char  *_bw_threats_page_status_label     (const char      *status);
const char  *_bw_threats_page_treatment_label  (const char      *treatment);
const char  *_bw_threats_page_element_name     (BwThreatsPage   *self,
                                                const char      *element_id);
BwThreat    *_bw_threats_page_get_current      (BwThreatsPage   *self);
void         _bw_threats_page_select           (BwThreatsPage   *self,
                                                const char      *threat_id);
gboolean     _bw_threats_page_execute          (BwThreatsPage   *self,
                                                BwCommand       *command);
void         _bw_threats_page_toast            (BwThreatsPage   *self,
                                                const char      *title,
                                                gboolean         undo);

void         _bw_threats_page_filters_changed  (BwThreatsPage   *self);

/* bw-threats-page-filters.c: drop-downs, search, handed-over filters */
GtkWidget   *_bw_threats_page_filters_new      (BwThreatsPage   *self);
void         _bw_threats_page_update_dropdown_lists (BwThreatsPage *self);
void         _bw_threats_page_set_dropdown_value (BwThreatsPage  *self,
                                                BwThreatsDropdown which,
                                                const char      *value);
void         _bw_threats_page_clear_filters    (BwThreatsPage   *self);
gboolean     _bw_threats_page_apply_filter     (BwThreatsPage   *self,
                                                const char      *filter);
void         _bw_threats_page_update_chip      (BwThreatsPage   *self);
void         _bw_threats_page_search_changed_cb (BwThreatsPage  *self);

/* bw-threats-page-table.c: the column view, its filter, sorting, grouping */
void         _bw_threats_page_init_table       (BwThreatsPage   *self);
void         _bw_threats_page_set_model        (BwThreatsPage   *self,
                                                GListModel      *threats);
void         _bw_threats_page_refilter         (BwThreatsPage   *self,
                                                gboolean         wholesale);
void         _bw_threats_page_resort           (BwThreatsPage   *self);
void         _bw_threats_page_update_cells     (BwThreatsPage   *self);
void         _bw_threats_page_set_grouped      (BwThreatsPage   *self,
                                                gboolean         grouped);
guint        _bw_threats_page_position_of      (BwThreatsPage   *self,
                                                const char      *threat_id);
guint        _bw_threats_page_group_count      (BwThreatsPage   *self,
                                                const char      *target);
BwThreat    *_bw_threats_page_get_selected     (BwThreatsPage   *self);
gboolean     _bw_threats_page_matches          (BwThreatsPage   *self,
                                                BwThreat        *threat);

/* bw-threats-page-matrix.c: elements × STRIDE */
GtkWidget   *_bw_threats_page_matrix_new       (BwThreatsPage   *self);
void         _bw_threats_page_matrix_update    (BwThreatsPage   *self);

/* bw-threats-page-dialogs.c: derivation banner and review, adding a threat */
GtkWidget   *_bw_threats_page_banner_new       (BwThreatsPage   *self);
void         _bw_threats_page_update_plan      (BwThreatsPage   *self);
void         _bw_threats_page_apply_plan       (BwThreatsPage   *self);
void         _bw_threats_page_review_plan      (BwThreatsPage   *self);
void         _bw_threats_page_add_threat       (BwThreatsPage   *self);
char        *_bw_threats_page_describe_plan    (BwDerivePlan    *plan);

G_END_DECLS
