/* bw-threat-editor-private.h — what the files of BwThreatEditor share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * bw-threat-editor.c builds the panel and edits the threat's own fields
 * (header, triage); bw-threat-editor-risk.c the ratings before and after
 * and the safety questions; bw-threat-editor-links.c the lists of linked
 * records (hazards, objectives, attack trees) and the history.
 */
#pragma once

#include "bw-threat-editor.h"

G_BEGIN_DECLS

#define BW_THREAT_EDITOR_N_SOURCES 7

struct _BwThreatEditor
{
  GtkWidget        parent_instance;

  BwProject       *project;
  char            *threat_id;
  gboolean         updating;     /* showing the model: no edits */
  char            *scale_key;    /* the scales the level rows show */

  GtkStack        *stack;        /* "empty" | "threat" */
  AdwPreferencesPage *page;

  /* Header */
  AdwPreferencesGroup *header_group;
  AdwEntryRow     *title_row;
  AdwComboRow     *category_row;
  AdwActionRow    *target_row;
  GtkWidget       *target_button;
  AdwActionRow    *origin_row;
  AdwActionRow    *state_row;
  AdwActionRow    *mitigation_row;
  GtkListBoxRow   *references_row;
  GtkFlowBox      *references_box;
  GtkSwitch       *archived_switch;
  GtkTextView     *description_view;

  /* Triage */
  AdwComboRow     *status_row;
  AdwComboRow     *treatment_row;
  AdwExpanderRow  *sources_row;
  GtkCheckButton  *source_checks[BW_THREAT_EDITOR_N_SOURCES];
  GtkTextView     *rationale_view;
  AdwActionRow    *rationale_warning;
  GtkTextView     *scenario_view;

  /* Risk before, safety, risk after */
  AdwComboRow     *exploitability_row;
  AdwComboRow     *severity_row;
  GtkLabel        *outcome_label;
  AdwActionRow    *cvss_row;
  AdwActionRow    *cvss_vector_row;
  GtkLabel        *cvss_label;
  GtkWidget       *cvss_clear_button;
  AdwComboRow     *safety_row;
  GtkSwitch       *multi_patient_switch;
  GtkListBox      *hazards_list;
  GtkMenuButton   *hazard_add_button;
  AdwActionRow    *hazard_warning;
  AdwComboRow     *residual_exploitability_row;
  AdwComboRow     *residual_severity_row;
  GtkLabel        *residual_outcome_label;
  AdwActionRow    *benefit_risk_row;

  /* Links and history */
  GtkListBox      *objectives_list;
  GtkMenuButton   *objective_add_button;
  AdwActionRow    *objective_warning;
  GtkListBox      *trees_list;
  GtkMenuButton   *tree_add_button;
  GtkListBox      *history_list;
};

/* bw-threat-editor.c */
BwThreat  *_bw_threat_editor_lookup         (BwThreatEditor *self);
gboolean   _bw_threat_editor_set_member     (BwThreatEditor *self,
                                             const char     *path,
                                             const char     *member,
                                             const GValue   *value);
GtkWidget *_bw_threat_editor_warning_row    (const char     *name);
void       _bw_threat_editor_add_warning    (AdwPreferencesGroup *group,
                                             AdwActionRow   *row,
                                             gboolean        below);
GtkWidget *_bw_threat_editor_list_new       (const char     *placeholder);
gboolean   _bw_threat_editor_signature_changed (gpointer     widget,
                                             GString        *signature);
void       _bw_threat_editor_list_clear     (GtkListBox     *list);
void       _bw_threat_editor_set_combo      (AdwComboRow    *row,
                                             guint           index);
char      *_bw_threat_editor_menu_label     (const char     *id,
                                             const char     *name);
GtkWidget *_bw_threat_editor_icon_button    (const char     *icon_name,
                                             const char     *tooltip);

/* bw-threat-editor-risk.c */
void       _bw_threat_editor_build_risk     (BwThreatEditor *self);
void       _bw_threat_editor_refresh_risk   (BwThreatEditor *self,
                                             BwThreat       *threat);
void       _bw_threat_editor_class_init_risk (GtkWidgetClass *widget_class);

/* bw-threat-editor-links.c */
void       _bw_threat_editor_build_links    (BwThreatEditor *self);
void       _bw_threat_editor_refresh_links  (BwThreatEditor *self,
                                             BwThreat       *threat);
void       _bw_threat_editor_class_init_links (GtkWidgetClass *widget_class);
GtkWidget *_bw_threat_editor_link_row_new   (const char     *id,
                                             const char     *title,
                                             const char     *subtitle,
                                             const char     *unlink_action,
                                             const char     *unlink_label);

G_END_DECLS
