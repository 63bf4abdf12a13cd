/* bw-threat.c — a threat to an element: derived by a rule or entered by hand
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-threat.h"
#include "bw-history-entry.h"
#include "bw-residual.h"
#include "bw-risk.h"

struct _BwThreat
{
  BwRecord parent_instance;

  const char *origin;
  char *rule;
  char *target;
  char **interaction;
  const char *category;
  char *title;
  char *description;
  const char *status;
  const char *treatment;
  char *rationale;
  char *scenario;
  char **sources;
  BwRisk *risk;
  BwResidual *residual;
  char **objectives;
  char **attack_trees;
  gboolean archived;
  gboolean superseded;
  gboolean obsolete;
  GListStore *history;
};

G_DEFINE_FINAL_TYPE (BwThreat, bw_threat, BW_TYPE_RECORD)

static const char * const threat_origins[] = { "derived", "manual", NULL };
const char * const bw_stride_categories[] = { "S", "T", "R", "I", "D", "E", NULL };
static const char * const threat_statuses[] = { "not_started", "needs_investigation", "not_applicable", "addressed", NULL };
static const char * const treatments[] = { "none", "eliminate", "mitigate", "accept", "transfer", NULL };
static const char * const threat_sources[] = { "design", "supply_chain", "manufacturing", "deployment", "interoperation", "maintenance", "decommissioning", NULL };

static const BwField fields[] = {
  { "origin", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwThreat, origin), .values = threat_origins, .fallback = "manual" },
  { "rule", BW_FIELD_NSTRING, G_STRUCT_OFFSET (BwThreat, rule) },
  { "target", BW_FIELD_REF, G_STRUCT_OFFSET (BwThreat, target), .refs = "EE P DS DF TB" },
  { "interaction", BW_FIELD_INTERACTION, G_STRUCT_OFFSET (BwThreat, interaction), .refs = "EE P DS DF" },
  { "category", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwThreat, category), .values = bw_stride_categories, .required = TRUE },
  { "title", BW_FIELD_STRING, G_STRUCT_OFFSET (BwThreat, title) },
  { "description", BW_FIELD_STRING, G_STRUCT_OFFSET (BwThreat, description) },
  { "status", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwThreat, status), .values = threat_statuses },
  { "treatment", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwThreat, treatment), .values = treatments },
  { "rationale", BW_FIELD_STRING, G_STRUCT_OFFSET (BwThreat, rationale) },
  { "scenario", BW_FIELD_STRING, G_STRUCT_OFFSET (BwThreat, scenario) },
  { "sources", BW_FIELD_ENUMS, G_STRUCT_OFFSET (BwThreat, sources), .values = threat_sources },
  { "risk", BW_FIELD_NRECORD, G_STRUCT_OFFSET (BwThreat, risk), .record_type = bw_risk_get_type },
  { "residual", BW_FIELD_NRECORD, G_STRUCT_OFFSET (BwThreat, residual), .record_type = bw_residual_get_type },
  { "objectives", BW_FIELD_REFS, G_STRUCT_OFFSET (BwThreat, objectives), .refs = "O" },
  { "attack_trees", BW_FIELD_REFS, G_STRUCT_OFFSET (BwThreat, attack_trees), .refs = "AT" },
  { "archived", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwThreat, archived) },
  { "superseded", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwThreat, superseded) },
  { "obsolete", BW_FIELD_BOOL, G_STRUCT_OFFSET (BwThreat, obsolete) },
  { "history", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwThreat, history), .record_type = bw_history_entry_get_type },
};

static void
bw_threat_class_init (BwThreatClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  /* Caches of the model's structure follow it (bw-structure-serial.c). */
  record_class->structure = BW_STRUCTURE_THREAT_KEYS;

  record_class->has_id = TRUE;
  record_class->prefix = "T";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_threat_init (BwThreat *self)
{
}

const char *
bw_threat_get_origin (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->origin;
}

const char *
bw_threat_get_rule (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->rule;
}

const char *
bw_threat_get_target (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->target;
}

const char * const *
bw_threat_get_interaction (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return (const char * const *) self->interaction;
}

const char *
bw_threat_get_category (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->category;
}

const char *
bw_threat_get_title (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->title;
}

const char *
bw_threat_get_description (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->description;
}

const char *
bw_threat_get_status (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->status;
}

const char *
bw_threat_get_treatment (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->treatment;
}

const char *
bw_threat_get_rationale (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->rationale;
}

const char *
bw_threat_get_scenario (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->scenario;
}

const char * const *
bw_threat_get_sources (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return (const char * const *) self->sources;
}

BwRisk *
bw_threat_get_risk (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->risk;
}

BwResidual *
bw_threat_get_residual (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return self->residual;
}

const char * const *
bw_threat_get_objectives (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return (const char * const *) self->objectives;
}

const char * const *
bw_threat_get_attack_trees (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  return (const char * const *) self->attack_trees;
}

gboolean
bw_threat_get_archived (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), 0);

  return self->archived;
}

gboolean
bw_threat_get_superseded (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), 0);

  return self->superseded;
}

gboolean
bw_threat_get_obsolete (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), 0);

  return self->obsolete;
}

GListModel *
bw_threat_get_history (BwThreat *self)
{
  g_return_val_if_fail (BW_IS_THREAT (self), NULL);

  /* A derived threat's history is made when first read (bw_record_fill_item()). */
  return G_LIST_MODEL (bw_record_get_records (BW_RECORD (self), &fields[G_N_ELEMENTS (fields) - 1]));
}
