/* bw-attack-tree.c — an attack tree: an attacker goal refined into steps
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-attack-tree.h"
#include "bw-attack-node.h"

struct _BwAttackTree
{
  BwRecord parent_instance;

  char *title;
  char **threats;
  BwAttackNode *root;
};

G_DEFINE_FINAL_TYPE (BwAttackTree, bw_attack_tree, BW_TYPE_RECORD)

static const BwField fields[] = {
  { "title", BW_FIELD_STRING, G_STRUCT_OFFSET (BwAttackTree, title) },
  { "threats", BW_FIELD_REFS, G_STRUCT_OFFSET (BwAttackTree, threats), .refs = "T" },
  { "root", BW_FIELD_RECORD, G_STRUCT_OFFSET (BwAttackTree, root), .record_type = bw_attack_node_get_type, .required = TRUE },
};

static void
bw_attack_tree_class_init (BwAttackTreeClass *klass)
{
  BwRecordClass *record_class = BW_RECORD_CLASS (klass);

  record_class->has_id = TRUE;
  record_class->prefix = "AT";
  bw_record_class_install_fields (record_class, fields, G_N_ELEMENTS (fields));
}

static void
bw_attack_tree_init (BwAttackTree *self)
{
}

const char *
bw_attack_tree_get_title (BwAttackTree *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE (self), NULL);

  return self->title;
}

const char * const *
bw_attack_tree_get_threats (BwAttackTree *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE (self), NULL);

  return (const char * const *) self->threats;
}

BwAttackNode *
bw_attack_tree_get_root (BwAttackTree *self)
{
  g_return_val_if_fail (BW_IS_ATTACK_TREE (self), NULL);

  return self->root;
}
