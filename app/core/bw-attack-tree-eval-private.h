/* bw-attack-tree-eval-private.h — what the evaluation shares with the
 * search for minimal attacks
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * bw-attack-tree-eval.c holds METHOD.md's combination table and the
 * bottom-up values; bw-attack-tree-attacks.c combines whole attacks with
 * the same table, so both count a gate, a countermeasure and a repeated
 * leaf alike.
 */
#pragma once

#include "bw-attack-tree-eval.h"

G_BEGIN_DECLS

typedef enum
{
  COMBINE_OR,
  COMBINE_AND,
  COMBINE_SAND,
  COMBINE_DEFENCE,  /* a node and the countermeasures it must defeat */
} Combine;

/* METHOD.md's table, every attribute: out may be a or b. */
void      _bw_attack_combine_values (Combine               how,
                                     const BwAttackValues *a,
                                     const BwAttackValues *b,
                                     BwAttackValues       *out);
Combine   _bw_attack_gate_combine   (BwAttackNode         *node);
gboolean  _bw_attack_is_leaf        (BwAttackNode         *node);
/* Whether the countermeasure counts in the view. */
gboolean  _bw_attack_counts_in      (BwAttackNode         *countermeasure,
                                     BwAttackView          view);
/* The label folded for comparison: leaves with the same key are one step. */
char     *_bw_attack_leaf_key       (BwAttackNode         *node);

G_END_DECLS
