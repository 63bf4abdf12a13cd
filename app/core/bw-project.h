/* bw-project.h — the document: one threat model and its history of edits
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-record.h"
#include "bw-asset.h"
#include "bw-assumption.h"
#include "bw-attack-tree.h"
#include "bw-component.h"
#include "bw-diagram.h"
#include "bw-element.h"
#include "bw-hazard.h"
#include "bw-id-counters.h"
#include "bw-model.h"
#include "bw-objective.h"
#include "bw-requirement.h"
#include "bw-risk-method.h"
#include "bw-threat.h"

G_BEGIN_DECLS

#define BW_FORMAT_VERSION 1

#define BW_TYPE_PROJECT (bw_project_get_type ())
G_DECLARE_FINAL_TYPE (BwProject, bw_project, BW, PROJECT, BwRecord)

typedef struct _BwCommandStack BwCommandStack;

BwProject      *bw_project_new                  (void);
const char     *bw_project_get_generator        (BwProject  *self);
BwModel        *bw_project_get_model            (BwProject  *self);
BwIdCounters   *bw_project_get_id_counters      (BwProject  *self);
GListModel     *bw_project_get_assets           (BwProject  *self);
GListModel     *bw_project_get_assumptions      (BwProject  *self);
GListModel     *bw_project_get_hazards          (BwProject  *self);
GListModel     *bw_project_get_diagrams         (BwProject  *self);
GListModel     *bw_project_get_elements         (BwProject  *self);
GListModel     *bw_project_get_threats          (BwProject  *self);
GListModel     *bw_project_get_objectives       (BwProject  *self);
GListModel     *bw_project_get_requirements     (BwProject  *self);
GListModel     *bw_project_get_attack_trees     (BwProject  *self);
GListModel     *bw_project_get_components       (BwProject  *self);
BwRiskMethod   *bw_project_get_risk_method      (BwProject  *self);
GListModel     *bw_project_get_rule_libraries   (BwProject  *self);

GListStore     *bw_project_get_collection       (BwProject  *self,
                                                 GType       type);
GListStore     *bw_project_get_collection_by_name (BwProject  *self,
                                                 const char *name);
BwRecord       *bw_project_lookup               (BwProject  *self,
                                                 const char *id);
BwRecord       *bw_project_resolve_path         (BwProject  *self,
                                                 const char *path);
char           *bw_project_allocate_id          (BwProject  *self,
                                                 const char *prefix);
void            bw_project_index_record         (BwProject  *self,
                                                 BwRecord   *record);
void            bw_project_unindex_record       (BwProject  *self,
                                                 BwRecord   *record);
GPtrArray      *bw_project_dup_diagram_elements (BwProject  *self,
                                                 const char *diagram_id);
BwDiagram      *bw_project_get_diagram_of       (BwProject  *self,
                                                 BwElement  *element);

GFile          *bw_project_get_file             (BwProject  *self);
void            bw_project_set_file             (BwProject  *self,
                                                 GFile      *file);
char           *bw_project_dup_display_name     (BwProject  *self);
BwCommandStack *bw_project_get_command_stack    (BwProject  *self);
gboolean        bw_project_get_modified         (BwProject  *self);
GPtrArray      *bw_project_get_warnings         (BwProject  *self);
void            bw_project_add_warning          (BwProject  *self,
                                                 const char *warning);

const char     *bw_record_prefix_of             (BwRecord   *record);

G_END_DECLS
