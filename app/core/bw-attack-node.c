/* bw-attack-node.c — a goal, step or countermeasure of an attack tree
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-attack-node.h"
#include "bw-attack-attributes.h"

struct _BwAttackNode
{
  BwRecord parent_instance;

  char *label;
  const char *gate;
  BwAttackAttributes *attributes;
  int implemented;
  char *objective;
  GListStore *countermeasures;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (BwAttackNode, bw_attack_node, BW_TYPE_RECORD)

const char * const bw_attack_gates[] = { "or", "and", "sand", "leaf", NULL };

static const BwField fields[] = {
  { "label", BW_FIELD_STRING, G_STRUCT_OFFSET (BwAttackNode, label) },
  { "gate", BW_FIELD_ENUM, G_STRUCT_OFFSET (BwAttackNode, gate), .values = bw_attack_gates, .fallback = "leaf" },
  { "attributes", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwAttackNode, attributes), .record_type = bw_attack_attributes_get_type },
  { "implemented", BW_FIELD_NBOOL, G_STRUCT_OFFSET (BwAttackNode, implemented) },
  { "objective", BW_FIELD_REF, G_STRUCT_OFFSET (BwAttackNode, objective), .refs = "O" },
  { "countermeasures", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwAttackNode, countermeasures), .record_type = bw_attack_node_get_type },
  { "children", BW_FIELD_RECORDS, G_STRUCT_OFFSET (BwAttackNode, children), .record_type = bw_attack_node_get_type },
};

/* FORMAT.md: inner nodes' attributes are computed, so written as {}. */
static gboolean
bw_attack_node_is_sparse (BwRecord      *record,
                          const BwField *field)
{
  BwAttackNode *self = BW_ATTACK_NODE (record);

  return field->offset == G_STRUCT_OFFSET (BwAttackNode, attributes) &&
         g_strcmp0 (self->gate, "leaf") != 0;
}

static void
bw_attack_node_class_init (BwAttackNodeClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->is_sparse = bw_attack_node_is_sparse;

  record_class->has_id = TRUE;
  record_class->prefix = "N";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_attack_node_init (BwAttackNode *self)
{
}

const char *
bw_attack_node_get_label (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return self->label;
}

const char *
bw_attack_node_get_gate (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return self->gate;
}

BwAttackAttributes *
bw_attack_node_get_attributes (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return self->attributes;
}

int
bw_attack_node_get_implemented (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), 0);

  return self->implemented;
}

const char *
bw_attack_node_get_objective (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return self->objective;
}

GListModel *
bw_attack_node_get_countermeasures (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return G_LIST_MODEL (self->countermeasures);
}

GListModel *
bw_attack_node_get_children (BwAttackNode *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_NODE (self), NULL);

  return G_LIST_MODEL (self->children);
}
