/* bw-rule.h — one rule of a rule library: when it applies and the threat it raises
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-element.h"
#include "bw-project.h"
#include "bw-rule-condition.h"

G_BEGIN_DECLS

/* What a rule is evaluated against (METHOD.md, "The rule library"). */
typedef enum
{
  BW_RULE_APPLIES_EXTERNAL_ENTITY,
  BW_RULE_APPLIES_PROCESS,
  BW_RULE_APPLIES_DATA_STORE,
  BW_RULE_APPLIES_DATA_FLOW,
  BW_RULE_APPLIES_INTERACTION,
  BW_RULE_APPLIES_N,
} BwRuleAppliesTo;

extern const char * const bw_rule_applies_to_names[];

#define BW_TYPE_RULE (bw_rule_get_type ())
G_DECLARE_FINAL_TYPE (BwRule, bw_rule, BW, RULE, GObject)

const char         *bw_rule_get_id                 (BwRule     *self);
const char         *bw_rule_get_category           (BwRule     *self);
const char         *bw_rule_get_applies_to         (BwRule     *self);
BwRuleAppliesTo     bw_rule_get_applies_to_enum    (BwRule     *self);
const BwRuleCondition *bw_rule_get_condition       (BwRule     *self);
const char         *bw_rule_get_title              (BwRule     *self);
const char         *bw_rule_get_description        (BwRule     *self);
const char         *bw_rule_get_mitigation         (BwRule     *self);
const char * const *bw_rule_get_references         (BwRule     *self);
int                 bw_rule_get_exploitability     (BwRule     *self);
const char         *bw_rule_get_objective_category (BwRule     *self);
const char         *bw_rule_get_safety             (BwRule     *self);
gboolean            bw_rule_get_multi_patient      (BwRule     *self);
const char         *bw_rule_get_library_id         (BwRule     *self);
const char         *bw_rule_get_source             (BwRule     *self);

/* For element rules pass the element and NULL, NULL; for interaction rules
 * the flow and the interaction's source and target (for the reverse
 * direction of a bidirectional flow, its target and source). */
gboolean            bw_rule_matches                (BwRule     *self,
                                                    BwProject  *project,
                                                    BwElement  *element_or_flow,
                                                    BwElement  *source,
                                                    BwElement  *target);
char               *bw_rule_expand_title           (BwRule     *self,
                                                    BwElement  *element_or_flow,
                                                    BwElement  *source,
                                                    BwElement  *target);
char               *bw_rule_expand_description     (BwRule     *self,
                                                    BwElement  *element_or_flow,
                                                    BwElement  *source,
                                                    BwElement  *target);

G_END_DECLS
