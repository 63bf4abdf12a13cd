/* bw-attack-tree-eval.h — attack-tree values, minimal attacks, exploitability
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * One API over three files: the values (bw-attack-tree-eval.c), the
 * minimal attacks (bw-attack-tree-attacks.c) and the mapping to
 * exploitability (bw-attack-tree-exploitability.c).
 */
#pragma once

#include "bw-attack-tree.h"
#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

/* Which countermeasures count (METHOD.md): only the implemented ones
 * (residual: the device as it is) or all of them (target: as planned). */
typedef enum
{
  BW_ATTACK_VIEW_RESIDUAL,
  BW_ATTACK_VIEW_TARGET,
  BW_ATTACK_N_VIEWS,
} BwAttackView;

typedef enum
{
  BW_ATTACK_ATTR_COST,
  BW_ATTACK_ATTR_TIME_H,
  BW_ATTACK_ATTR_SKILL,
  BW_ATTACK_ATTR_DIFFICULTY,   /* 1 L, 2 M, 3 H, 4 E */
  BW_ATTACK_ATTR_PROBABILITY,
  BW_ATTACK_N_ATTRS,
} BwAttackAttr;

/* One value per attribute; NAN where it is not known.  A value computed
 * from an unknown one is unknown (an unknown child of an OR might be the
 * cheapest, one of an AND the dearest); an inner node without children is
 * unknown and no attack goes through it. */
typedef struct
{
  double v[BW_ATTACK_N_ATTRS];
} BwAttackValues;

typedef struct _BwAttackEval BwAttackEval;

/* A leaf that appears more than once: bottom-up values are then unsound. */
typedef struct
{
  char  *message;   /* translated, names the nodes */
  char **node_ids;  /* the nodes concerned */
} BwAttackWarning;

/* One complete attack: a minimal set of leaves that achieves the root. */
typedef struct
{
  char         **leaf_ids;  /* in tree order */
  BwAttackValues values;    /* its values, computed along the tree */
} BwAttack;

const char   *bw_attack_attr_name          (BwAttackAttr          attr);
gboolean      bw_attack_attr_from_name     (const char           *name,
                                            BwAttackAttr         *attr);
const char   *bw_attack_view_name          (BwAttackView          view);
const char   *bw_attack_difficulty_name    (double                difficulty);
gboolean      bw_attack_values_known       (const BwAttackValues *values,
                                            BwAttackAttr          attr);
char         *bw_attack_values_format      (const BwAttackValues *values,
                                            BwAttackAttr          attr);
void          bw_attack_values_of_leaf     (BwAttackNode         *node,
                                            BwAttackValues       *out);

BwAttackEval *bw_attack_eval_new           (BwAttackNode         *root);
BwAttackEval *bw_attack_eval_ref           (BwAttackEval         *self);
void          bw_attack_eval_unref         (BwAttackEval         *self);
/* Borrowed; NULL when node_id is not a node of the evaluated tree. */
const BwAttackValues *bw_attack_eval_get   (BwAttackEval         *self,
                                            const char           *node_id,
                                            BwAttackView          view);
const BwAttackValues *bw_attack_eval_get_root (BwAttackEval      *self,
                                               BwAttackView       view);
/* Of BwAttackWarning; borrowed. */
GPtrArray    *bw_attack_eval_get_warnings  (BwAttackEval         *self);

GPtrArray    *bw_attack_minimal_attacks    (BwAttackNode         *root,
                                            BwAttackView          view,
                                            BwAttackAttr          rank_by,
                                            guint                 k);
void          bw_attack_free               (BwAttack             *attack);

/* From a tree's result to an exploitability level 1–5 of the default
 * scale: a level is the lower of what the minimal skill and the minimal
 * cost give, each by the first threshold it stays below. */
typedef struct
{
  double skill_below[4];  /* skill <  [0] → 5, < [1] → 4, < [2] → 3, < [3] → 2, else 1 */
  double cost_below[4];   /* the same for cost */
} BwExploitabilityMapping;

#define BW_TYPE_EXPLOITABILITY_MAPPING (bw_exploitability_mapping_get_type ())
GType         bw_exploitability_mapping_get_type (void) G_GNUC_CONST;
BwExploitabilityMapping *bw_exploitability_mapping_new  (void);
BwExploitabilityMapping *bw_exploitability_mapping_copy (const BwExploitabilityMapping *self);
void          bw_exploitability_mapping_free (BwExploitabilityMapping *self);
void          bw_exploitability_mapping_init_default (BwExploitabilityMapping *self);
int           bw_exploitability_mapping_level (const BwExploitabilityMapping *self,
                                               const BwAttackValues          *values,
                                               guint                          n_levels);
char         *bw_exploitability_mapping_describe (const BwExploitabilityMapping *self);

BwCommand    *bw_attack_tree_apply_to_threats_new (BwProject                     *project,
                                                   const char                    *tree_id,
                                                   const BwExploitabilityMapping *mapping,
                                                   BwAttackView                   view,
                                                   GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwAttackEval, bw_attack_eval_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwAttack, bw_attack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwExploitabilityMapping, bw_exploitability_mapping_free)

G_END_DECLS
