/* bw-rule-condition.h — a rule's `when`, compiled into a tree and evaluated
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include <json-glib/json-glib.h>

#include "bw-element.h"
#include "bw-project.h"

G_BEGIN_DECLS

typedef struct _BwRuleCondition BwRuleCondition;
typedef struct _BwRuleMemo BwRuleMemo;
typedef struct _BwRuleLibrary BwRuleLibrary;

/* The subjects of a test: an element rule has only the element (in
 * BW_RULE_SUBJECT_FLOW); an interaction has all three. */
typedef enum
{
  BW_RULE_SUBJECT_SOURCE,
  BW_RULE_SUBJECT_FLOW,
  BW_RULE_SUBJECT_TARGET,
  BW_RULE_SUBJECT_N,
} BwRuleSubject;

/* Whether a flow crosses a trust boundary, or a node is at one. The
 * deriver answers from what it computed once per derivation; without it
 * the answer comes from the geometry each time. */
typedef gboolean (*BwRuleCrossingFunc) (BwElement *element,
                                        gpointer   user_data);

typedef struct
{
  BwProject          *project;
  BwElement          *subjects[BW_RULE_SUBJECT_N];
  /* The declared property defaults (NULL: false, "" or 0 by the test). */
  BwRuleLibrary      *vocabulary;
  BwRuleCrossingFunc  crossing;
  gpointer            crossing_data;
  /* Optional: per subject, bw_rule_condition_get_n_slots() entries, zeroed
   * whenever the subject changes; properties looked up once per subject
   * however many rules test them. */
  JsonNode          **values[BW_RULE_SUBJECT_N];
  /* Optional: per subject, what its tests gave, reset (bw_rule_memo_reset)
   * whenever the subject changes; a test that many rules share — the same
   * property compared with the same value — is decided once per subject. */
  BwRuleMemo         *memo[BW_RULE_SUBJECT_N];
} BwRuleContext;

/* A test a condition cannot hold without, copied out of it: a caller
 * asks the memo about it without reading the condition. */
typedef struct
{
  guint   test;
  guint8  subject;
  guint8  set;       /* FALSE: no such test (the condition is not one test or an "all" of them) */
} BwRuleGuard;

/* `path` is the JSON path of `node` for messages, e.g. "rules[3].when". */
BwRuleCondition *bw_rule_condition_compile  (JsonNode               *node,
                                             gboolean                interaction,
                                             const char             *path,
                                             GError                **error);
void             bw_rule_condition_free     (BwRuleCondition        *self);
gboolean         bw_rule_condition_evaluate (const BwRuleCondition  *self,
                                             const BwRuleContext    *context);
BwRuleGuard      bw_rule_condition_get_guard (const BwRuleCondition *self);

guint            bw_rule_condition_get_n_slots (void);
void             bw_rule_condition_fill_values (JsonNode              **values,
                                                guint                   n_values,
                                                BwElement              *element);

BwRuleMemo      *bw_rule_memo_new           (void);
void             bw_rule_memo_reset         (BwRuleMemo             *self);
void             bw_rule_memo_free          (BwRuleMemo             *self);

gboolean         bw_rule_element_crosses_boundary (BwProject *project,
                                                   BwElement *element);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwRuleCondition, bw_rule_condition_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BwRuleMemo, bw_rule_memo_free)

G_END_DECLS
