/* bw-deriver.h — threats from rules: the plan of what derivation would change
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-project.h"
#include "bw-rule-set.h"

G_BEGIN_DECLS

typedef enum
{
  BW_DERIVE_ADD,           /* a new derived threat */
  BW_DERIVE_OBSOLETE,      /* its rule no longer applies */
  BW_DERIVE_REVIVE,        /* an obsolete threat whose rule applies again */
  BW_DERIVE_SUPERSEDE,     /* its element became a summary element */
  BW_DERIVE_UNSUPERSEDE,   /* the refinement went away */
} BwDeriveAction;

typedef struct
{
  BwDeriveAction  action;
  char           *threat_id;
  char           *rule_id;
  char           *target;
  char           *title;
} BwDeriveItem;

typedef struct _BwDerivePlan BwDerivePlan;

#define BW_TYPE_DERIVE_PLAN (bw_derive_plan_get_type ())
GType               bw_derive_plan_get_type     (void) G_GNUC_CONST;

/* Computes what derivation would change, without changing anything.
 * `element_ids` limits it to those elements (nodes and flows; flows bring
 * their interactions); NULL derives everything. */
BwDerivePlan       *bw_deriver_plan             (BwProject          *project,
                                                 BwRuleSet          *rules,
                                                 const char * const *element_ids);
/* The IDs an edit of `element_id` touches: the element, its flows and
 * their ends (for a flow: the flow and its ends). For a deletion, ask
 * before deleting: afterwards the element has no flows. */
GStrv               bw_deriver_dup_touched_ids  (BwProject          *project,
                                                 const char         *element_id);
/* Plans and executes the plan as one undoable step; FALSE with nothing
 * done when there is nothing to change or the command fails. */
gboolean            bw_deriver_derive           (BwProject          *project,
                                                 BwRuleSet          *rules,
                                                 const char * const *element_ids,
                                                 BwDerivePlan      **plan_out,
                                                 GError            **error);

BwDerivePlan       *bw_derive_plan_ref          (BwDerivePlan       *self);
void                bw_derive_plan_unref        (BwDerivePlan       *self);
gboolean            bw_derive_plan_is_empty     (BwDerivePlan       *self);
guint               bw_derive_plan_get_n_items  (BwDerivePlan       *self);
const BwDeriveItem *bw_derive_plan_get_item     (BwDerivePlan       *self,
                                                 guint               index);
guint               bw_derive_plan_count        (BwDerivePlan       *self,
                                                 BwDeriveAction      action);
/* The recorded libraries (project rule_libraries) that are not loaded:
 * the threats of their rules were left untouched. */
const char * const *bw_derive_plan_get_missing_libraries (BwDerivePlan *self);
/* The ISO 8601 UTC time the plan stamps in history entries. */
const char         *bw_derive_plan_get_time     (BwDerivePlan       *self);
const char         *bw_derive_action_to_string  (BwDeriveAction      action);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwDerivePlan, bw_derive_plan_unref)

G_END_DECLS
