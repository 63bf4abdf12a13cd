/* bw-rule-condition-private.h — what compiling and evaluating conditions share
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-rule-condition.h"

G_BEGIN_DECLS

typedef enum
{
  OP_ALL,
  OP_ANY,
  OP_NOT,
  OP_KIND,
  OP_EQUALS,
  OP_IN,
  OP_CONTAINS,
  OP_EXISTS,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
  OP_CROSSES,
  OP_ASSET_SAFETY,
  OP_ASSET_NEED,
} Op;

/* A rule's scalar, read once when compiled, so that evaluation compares
 * with it without asking json-glib about it. */
typedef struct
{
  GType       type;       /* G_TYPE_STRING, G_TYPE_BOOLEAN, or G_TYPE_DOUBLE for any number */
  const char *string;     /* into the node it was read from */
  gboolean    boolean;
  double      number;
} BwRuleScalar;

struct _BwRuleCondition
{
  /* What evaluation reads of every node, together in one cache line. */
  Op               op;
  BwRuleSubject    subject;
  guint            test;       /* a leaf's number, shared by equal tests (BwRuleMemo) */
  guint            slot;       /* the property's index in BwRuleContext.values */
  guint            n_children;
  /* Per child, what the all/any loops need to find its result in the
   * memo: reading the children themselves, spread over the heap, cost a
   * cache miss each. */
  BwRuleGuard     *peek;
  GPtrArray       *children;   /* all, any, not */

  gboolean        flag;       /* exists, crosses_boundary, safety_relevant */
  char           *property;
  JsonNode       *value;      /* equals */
  BwRuleScalar    expected;   /* equals: `value` */
  GPtrArray      *values;     /* in: JsonNode * */
  GArray         *expected_in;  /* in: BwRuleScalar per `values` */
  char           *needle;     /* contains, case-folded */
  double          number;     /* lt le gt ge */
  guint           kinds;      /* kind: bit per BwElementKind */
  guint           need;       /* 0 confidentiality, 1 integrity, 2 availability */
  guint           level;      /* index into bw_levels_cia */
  /* The declared default of the property, per element kind, for the
   * vocabulary it was last looked up in. */
  BwRuleLibrary  *defaults_vocabulary;
  JsonNode       *defaults[BW_ELEMENT_TRUST_BOUNDARY + 1];
  guint8          defaults_known;
};

/* A property name's index in BwRuleContext.values. */
guint _bw_rule_condition_slot_for (const char *name);
/* A leaf test's number, the same for equal tests (BwRuleMemo). */
guint _bw_rule_condition_test_for (const char *key);
/* A "contains" test, decided with the others of its slot (BwRuleMemo). */
void  _bw_rule_condition_add_contains (guint       slot,
                                       guint       test,
                                       const char *needle);

static inline int
strv_index (const char * const *strv,
            const char         *s)
{
  for (int i = 0; strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], s) == 0)
      return i;
  return -1;
}

static inline gboolean
is_scalar (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_BOOLEAN || type == G_TYPE_STRING || type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static inline gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static inline gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static inline gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* What a BwRuleMemo remembers of a test. */
enum
{
  MEMO_KNOWN = 1 << 0,
  MEMO_TRUE = 1 << 1,
  MEMO_DEFAULTS = 1 << 2,   /* the property was absent: the result came from the vocabulary */
};

struct _BwRuleMemo
{
  guint          n;                 /* the tests there were when it was made */
  guint8        *state;             /* per test: MEMO_* */
  gboolean       has_vocabulary;
  BwRuleLibrary *vocabulary;        /* of the MEMO_DEFAULTS results */
  guint          n_slots;           /* the property slots there were */
  char         **folded;            /* per slot: the subject's value case-folded, for "contains" */
  GArray        *folded_slots;      /* guint: the slots `folded` has strings in */
  /* Per slot, kept from subject to subject: a folded value → what the
   * slot's "contains" tests give for it (few values recur: protocols). */
  GHashTable   **decided;
};

/* A leaf child's remembered result: 0 or 1, or -1 when the memo does not
 * have it (the caller evaluates). Inline in the all/any loops, which is
 * where most answers come from once the memo is warm. */
static inline int
_bw_rule_memo_peek (const BwRuleGuard   *peek,
                    const BwRuleContext *context)
{
  BwRuleMemo *memo;
  guint8 state;

  if (!peek->set)
    return -1;
  memo = context->memo[peek->subject];
  if (memo == NULL || peek->test >= memo->n || context->subjects[peek->subject] == NULL)
    return -1;
  state = memo->state[peek->test];
  if ((state & MEMO_KNOWN) == 0 || ((state & MEMO_DEFAULTS) != 0 && memo->vocabulary != context->vocabulary))
    return -1;
  return (state & MEMO_TRUE) != 0;
}

/* Whether the memo knows the guard (bw_rule_condition_get_guard()) failed
 * for the context's subjects, and with it the condition: inline, asked of
 * every rule for every element. */
static inline gboolean
_bw_rule_guard_fails (const BwRuleGuard   *guard,
                      const BwRuleContext *context)
{
  return _bw_rule_memo_peek (guard, context) == 0;
}

G_END_DECLS
