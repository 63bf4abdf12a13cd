/* bw-rule-condition.c — a rule's `when` evaluated (compiled in
 * bw-rule-condition-compile.c)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Evaluation runs hundreds of thousands of times in a derivation: property
 * values are looked up once per subject (BwRuleContext.values) and equal
 * tests of different rules decided once per subject (BwRuleMemo).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bw-asset.h"
#include "bw-geometry.h"
#include "bw-rule-condition-private.h"
#include "bw-rule-library.h"

/* Property names get small numbers, so evaluation can remember what it
 * looked up on an element across all the rules that test it. */
G_LOCK_DEFINE_STATIC (slots);
static GHashTable *slots;
static guint n_slots;

guint
_bw_rule_condition_slot_for (const char *name)
{
  gpointer slot;

  G_LOCK (slots);
  if (slots == NULL)
    slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  slot = g_hash_table_lookup (slots, name);
  if (slot == NULL)
    {
      slot = GUINT_TO_POINTER (++n_slots);
      g_hash_table_insert (slots, g_strdup (name), slot);
    }
  G_UNLOCK (slots);
  return GPOINTER_TO_UINT (slot) - 1;
}

/* How many entries BwRuleContext.values needs per subject (it grows as
 * libraries with new property names load). */
guint
bw_rule_condition_get_n_slots (void)
{
  guint n;

  G_LOCK (slots);
  n = n_slots;
  G_UNLOCK (slots);
  return n;
}

/* Equal tests (the same property compared with the same value) in
 * different rules get the same number, so that a BwRuleMemo decides each
 * once per subject however many rules contain it. */
G_LOCK_DEFINE_STATIC (test_numbers);
static GHashTable *test_numbers;
static guint n_tests;

guint
_bw_rule_condition_test_for (const char *key)
{
  gpointer test;

  G_LOCK (test_numbers);
  if (test_numbers == NULL)
    test_numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  test = g_hash_table_lookup (test_numbers, key);
  if (test == NULL)
    {
      test = GUINT_TO_POINTER (++n_tests);
      g_hash_table_insert (test_numbers, g_strdup (key), test);
    }
  G_UNLOCK (test_numbers);
  return GPOINTER_TO_UINT (test) - 1;
}

/* The "contains" tests of each property slot: once a subject's value is
 * folded, all of them are decided at once (a protocol is searched for a
 * few dozen names, and the per-test evaluation cost more than the search). */
typedef struct
{
  guint  test;
  char  *needle;
} ContainsTest;

static GPtrArray *contains_by_slot;   /* slot → GArray of ContainsTest, or NULL */

void
_bw_rule_condition_add_contains (guint       slot,
                                 guint       test,
                                 const char *needle)
{
  GArray *tests;
  ContainsTest added = { test, NULL };

  G_LOCK (test_numbers);
  if (contains_by_slot == NULL)
    contains_by_slot = g_ptr_array_new ();
  if (contains_by_slot->len <= slot)
    g_ptr_array_set_size (contains_by_slot, slot + 1);
  tests = contains_by_slot->pdata[slot];
  if (tests == NULL)
    tests = contains_by_slot->pdata[slot] = g_array_new (FALSE, FALSE, sizeof (ContainsTest));
  for (guint i = 0; i < tests->len; i++)
    if (g_array_index (tests, ContainsTest, i).test == test)
      {
        G_UNLOCK (test_numbers);
        return;
      }
  added.needle = g_strdup (needle);
  g_array_append_val (tests, added);
  G_UNLOCK (test_numbers);
}

/**
 * bw_rule_memo_new:
 *
 * Made after the rules it serves are loaded: it knows their tests.
 *
 * Returns: (transfer full): an empty memo of test results for one subject
 */
BwRuleMemo *
bw_rule_memo_new (void)
{
  BwRuleMemo *self = g_new0 (BwRuleMemo, 1);

  G_LOCK (test_numbers);
  self->n = n_tests;
  G_UNLOCK (test_numbers);
  self->state = g_new0 (guint8, self->n + 1);
  G_LOCK (slots);
  self->n_slots = n_slots;
  G_UNLOCK (slots);
  self->folded = g_new0 (char *, self->n_slots + 1);
  self->folded_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  self->decided = g_new0 (GHashTable *, self->n_slots + 1);
  return self;
}

/* Forgets every result: the subject changed. */
void
bw_rule_memo_reset (BwRuleMemo *self)
{
  g_return_if_fail (self != NULL);
  memset (self->state, 0, self->n);
  self->has_vocabulary = FALSE;
  self->vocabulary = NULL;
  for (guint i = 0; i < self->folded_slots->len; i++)
    g_clear_pointer (&self->folded[g_array_index (self->folded_slots, guint, i)], g_free);
  g_array_set_size (self->folded_slots, 0);
}

void
bw_rule_memo_free (BwRuleMemo *self)
{
  if (self == NULL)
    return;
  bw_rule_memo_reset (self);
  g_free (self->state);
  g_free (self->folded);
  g_array_unref (self->folded_slots);
  for (guint i = 0; i < self->n_slots; i++)
    g_clear_pointer (&self->decided[i], g_hash_table_unref);
  g_free (self->decided);
  g_free (self);
}

/* Marks "looked up, absent" in BwRuleContext.values. */
static char absent_marker;
#define ABSENT ((JsonNode *) &absent_marker)

/**
 * bw_rule_condition_fill_values:
 * @values: a subject's BwRuleContext.values
 * @n_values: its length, bw_rule_condition_get_n_slots() when it was made
 *
 * Fills @values from the element's properties at once: an element has a
 * few properties and the rules test many, so going through what it has
 * costs fewer look-ups than asking for each property the rules name.
 */
void
bw_rule_condition_fill_values (JsonNode  **values,
                               guint       n_values,
                               BwElement  *element)
{
  JsonObject *properties;
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (BW_IS_ELEMENT (element));

  for (guint i = 0; i < n_values; i++)
    values[i] = ABSENT;
  properties = bw_element_get_properties (element);
  if (properties == NULL)
    return;
  G_LOCK (slots);
  json_object_iter_init (&iter, properties);
  while (json_object_iter_next (&iter, &name, &node))
    {
      gpointer slot = slots != NULL ? g_hash_table_lookup (slots, name) : NULL;

      /* A property no rule tests has no slot; JSON null is absent. */
      if (slot != NULL && GPOINTER_TO_UINT (slot) <= n_values && !JSON_NODE_HOLDS_NULL (node))
        values[GPOINTER_TO_UINT (slot) - 1] = node;
    }
  G_UNLOCK (slots);
}

void
bw_rule_condition_free (BwRuleCondition *self)
{
  if (self == NULL)
    return;
  g_free (self->property);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->expected_in, g_array_unref);
  g_free (self->needle);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self->peek);
  g_free (self);
}

/* Whether a flow crosses a trust boundary; a node is "at a boundary" when
 * one of its flows does (FORMAT.md, "Boundaries (derived)"). */
gboolean
bw_rule_element_crosses_boundary (BwProject *project,
                                  BwElement *element)
{
  GListModel *elements;
  guint n;

  g_return_val_if_fail (BW_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (BW_IS_ELEMENT (element), FALSE);

  if (bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW)
    {
      g_autoptr(GPtrArray) crossed = bw_geometry_boundaries_crossed_by (project, element);

      return crossed != NULL && crossed->len > 0;
    }
  if (!bw_element_is_node (element))
    return FALSE;

  elements = bw_project_get_elements (project);
  n = g_list_model_get_n_items (elements);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwElement) flow = g_list_model_get_item (elements, i);
      const char *id = bw_record_get_id (BW_RECORD (element));

      if (bw_element_get_kind_enum (flow) != BW_ELEMENT_DATA_FLOW)
        continue;
      if (g_strcmp0 (bw_element_get_source (flow), id) != 0 && g_strcmp0 (bw_element_get_target (flow), id) != 0)
        continue;
      if (bw_rule_element_crosses_boundary (project, flow))
        return TRUE;
    }
  return FALSE;
}


/* The value of a property of a subject: its own, or the declared default
 * of an absent one, or NULL when it is neither present nor declared. */
static JsonNode *
lookup_value (const BwRuleCondition *self,
              const BwRuleContext   *context,
              BwElement             *element,
              gboolean              *defaults)
{
  JsonNode **cache = context->values[self->subject];
  JsonNode *node = cache != NULL ? cache[self->slot] : NULL;
  BwElementKind kind;

  if (node == NULL)
    {
      JsonObject *properties = bw_element_get_properties (element);

      node = properties != NULL ? json_object_get_member (properties, self->property) : NULL;
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        node = ABSENT;
      if (cache != NULL)
        cache[self->slot] = node;
    }
  if (node != ABSENT)
    return node;
  *defaults = TRUE;
  if (context->vocabulary == NULL)
    return NULL;

  /* The default, remembered on the (otherwise read-only) condition. */
  kind = bw_element_get_kind_enum (element);
  if (self->defaults_vocabulary != context->vocabulary)
    {
      BwRuleCondition *mutable = (BwRuleCondition *) self;

      mutable->defaults_vocabulary = context->vocabulary;
      mutable->defaults_known = 0;
    }
  if ((self->defaults_known & (1u << kind)) == 0)
    {
      BwRuleCondition *mutable = (BwRuleCondition *) self;
      BwRuleProperty *declared = bw_rule_library_lookup_property (context->vocabulary, kind, self->property);

      mutable->defaults[kind] = declared != NULL ? bw_rule_property_get_default (declared) : NULL;
      mutable->defaults_known |= 1u << kind;
    }
  return self->defaults[kind];
}

/* `expected` is a rule's scalar, read when compiled: one look at the
 * value's type decides. */
static gboolean
scalar_equal (JsonNode           *value,
              const BwRuleScalar *expected)
{
  /* An object's or array's type is none of the scalar types below. */
  GType type = json_node_get_value_type (value);

  if (expected->type == G_TYPE_STRING)
    return type == G_TYPE_STRING && strcmp (json_node_get_string (value), expected->string) == 0;
  if (expected->type == G_TYPE_BOOLEAN)
    return type == G_TYPE_BOOLEAN && json_node_get_boolean (value) == expected->boolean;
  return (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) && json_node_get_double (value) == expected->number;
}

/* An undeclared absent property is false, "" or 0 — whichever the test
 * compares it with. */
static gboolean
scalar_equal_or_default (JsonNode           *value,
                         const BwRuleScalar *expected)
{
  if (value != NULL)
    return scalar_equal (value, expected);
  if (expected->type == G_TYPE_BOOLEAN)
    return !expected->boolean;
  if (expected->type == G_TYPE_STRING)
    return *expected->string == '\0';
  return expected->number == 0;
}

/* What contains_folded() compares: ASCII lowered, anything else
 * case-folded. */
static char *
fold (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_casefold (text, -1);
  return g_ascii_strdown (text, -1);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  /* Pure ASCII is the usual case (protocol names): no allocation. */
  for (const char *p = haystack; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        folded = g_utf8_casefold (haystack, -1);
        return strstr (folded, needle) != NULL;
      }
  for (const char *p = haystack; ; p++)
    {
      const char *h = p, *n = needle;

      /* ASCII lower case inline: this runs for every "contains" test. */
      while (*n != '\0' && *h != '\0' && (*h >= 'A' && *h <= 'Z' ? *h + ('a' - 'A') : *h) == *n)
        {
          h++;
          n++;
        }
      if (*n == '\0')
        return TRUE;
      if (*p == '\0')
        return FALSE;
    }
}

/* Every "contains" test of the slot, on the subject's value just folded:
 * the tests that follow find their results in the memo, and a value met
 * before (on an earlier subject) is not searched again. */
static void
decide_contains (BwRuleMemo *memo,
                 guint       slot)
{
  const char *folded = memo->folded[slot];
  GByteArray *states;
  GArray *tests;

  G_LOCK (test_numbers);
  tests = contains_by_slot != NULL && slot < contains_by_slot->len ? contains_by_slot->pdata[slot] : NULL;
  if (tests == NULL)
    {
      G_UNLOCK (test_numbers);
      return;
    }
  if (memo->decided[slot] == NULL)
    memo->decided[slot] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_byte_array_unref);
  states = g_hash_table_lookup (memo->decided[slot], folded);
  if (states == NULL)
    {
      states = g_byte_array_sized_new (tests->len);
      for (guint i = 0; i < tests->len; i++)
        {
          guint8 state = MEMO_KNOWN | (strstr (folded, g_array_index (tests, ContainsTest, i).needle) != NULL ? MEMO_TRUE : 0);

          g_byte_array_append (states, &state, 1);
        }
      g_hash_table_insert (memo->decided[slot], g_strdup (folded), states);
    }
  for (guint i = 0; i < MIN (states->len, tests->len); i++)
    {
      const ContainsTest *test = &g_array_index (tests, ContainsTest, i);

      if (test->test < memo->n)
        memo->state[test->test] = states->data[i];
    }
  G_UNLOCK (test_numbers);
}

static gboolean
asset_test (const BwRuleCondition *self,
            const BwRuleContext   *context,
            BwElement             *element)
{
  const char * const *assets = bw_element_get_assets (element);

  for (guint i = 0; assets != NULL && assets[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (context->project, assets[i]);
      BwAsset *asset;
      const char *level;

      if (record == NULL || !BW_IS_ASSET (record))
        continue;
      asset = BW_ASSET (record);
      if (self->op == OP_ASSET_SAFETY)
        {
          if (bw_asset_get_safety_relevant (asset) == self->flag)
            return TRUE;
          continue;
        }
      level = self->need == 0 ? bw_asset_get_confidentiality (asset)
            : self->need == 1 ? bw_asset_get_integrity (asset)
            : bw_asset_get_availability (asset);
      if (strv_index (bw_levels_cia, level) >= (int) self->level)
        return TRUE;
    }
  return FALSE;
}

/* One leaf test of one subject; `defaults` is set when an absent
 * property's declared default (the vocabulary's) decided it. */
static gboolean
evaluate_test (const BwRuleCondition *self,
               const BwRuleContext   *context,
               BwElement             *element,
               gboolean              *defaults)
{
  JsonNode *value;

  switch (self->op)
    {
    case OP_KIND:
      return (self->kinds & (1u << bw_element_get_kind_enum (element))) != 0;
    case OP_EQUALS:
      return scalar_equal_or_default (lookup_value (self, context, element, defaults), &self->expected);
    case OP_IN:
      value = lookup_value (self, context, element, defaults);
      for (guint i = 0; i < self->expected_in->len; i++)
        if (scalar_equal_or_default (value, &g_array_index (self->expected_in, BwRuleScalar, i)))
          return TRUE;
      return FALSE;
    case OP_CONTAINS:
      value = lookup_value (self, context, element, defaults);
      if (value == NULL || json_node_get_value_type (value) != G_TYPE_STRING)
        return FALSE;
      {
        BwRuleMemo *memo = context->memo[self->subject];

        /* Many "contains" tests read one property (a protocol): its value
         * is folded once per subject. */
        if (memo != NULL && self->slot < memo->n_slots && !*defaults)
          {
            if (memo->folded[self->slot] == NULL)
              {
                memo->folded[self->slot] = fold (json_node_get_string (value));
                g_array_append_val (memo->folded_slots, self->slot);
                decide_contains (memo, self->slot);
              }
            return strstr (memo->folded[self->slot], self->needle) != NULL;
          }
      }
      return contains_folded (json_node_get_string (value), self->needle);
    case OP_EXISTS:
      {
        JsonObject *properties = bw_element_get_properties (element);

        return (properties != NULL && json_object_has_member (properties, self->property)) == self->flag;
      }
    case OP_LT:
    case OP_LE:
    case OP_GT:
    case OP_GE:
      {
        double v;

        value = lookup_value (self, context, element, defaults);
        if (value != NULL && !is_number (value))
          return FALSE;
        v = value != NULL ? json_node_get_double (value) : 0;
        return self->op == OP_LT ? v < self->number
             : self->op == OP_LE ? v <= self->number
             : self->op == OP_GT ? v > self->number
             : v >= self->number;
      }
    case OP_CROSSES:
      {
        gboolean crosses = context->crossing != NULL
                           ? context->crossing (element, context->crossing_data)
                           : bw_rule_element_crosses_boundary (context->project, element);

        return crosses == self->flag;
      }
    case OP_ASSET_SAFETY:
    case OP_ASSET_NEED:
      return asset_test (self, context, element);
    case OP_ALL:
    case OP_ANY:
    case OP_NOT:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

/**
 * bw_rule_condition_evaluate:
 * @self: (nullable): a compiled condition; NULL always holds
 *
 * Returns: whether the condition holds for the context's subjects
 */
gboolean
bw_rule_condition_evaluate (const BwRuleCondition *self,
                            const BwRuleContext   *context)
{
  BwElement *element;
  BwRuleMemo *memo;
  gboolean defaults = FALSE;
  gboolean result;

  if (self == NULL)
    return TRUE;

  switch (self->op)
    {
    case OP_ALL:
      for (guint i = 0; i < self->n_children; i++)
        {
          int known = _bw_rule_memo_peek (&self->peek[i], context);

          if (known == 0 || (known < 0 && !bw_rule_condition_evaluate (self->children->pdata[i], context)))
            return FALSE;
        }
      return TRUE;
    case OP_ANY:
      for (guint i = 0; i < self->n_children; i++)
        {
          int known = _bw_rule_memo_peek (&self->peek[i], context);

          if (known == 1 || (known < 0 && bw_rule_condition_evaluate (self->children->pdata[i], context)))
            return TRUE;
        }
      return FALSE;
    case OP_NOT:
      return !bw_rule_condition_evaluate (self->children->pdata[0], context);
    default:
      break;
    }

  element = context->subjects[self->subject];
  if (element == NULL)
    return FALSE;

  memo = context->memo[self->subject];
  if (memo == NULL || self->test >= memo->n)
    return evaluate_test (self, context, element, &defaults);

  {
    guint8 state = memo->state[self->test];

    /* A result from a vocabulary's default holds for that vocabulary only. */
    if ((state & MEMO_KNOWN) != 0
        && ((state & MEMO_DEFAULTS) == 0 || memo->vocabulary == context->vocabulary))
      return (state & MEMO_TRUE) != 0;
  }
  result = evaluate_test (self, context, element, &defaults);
  if (defaults)
    {
      /* The memo keeps the defaults of one vocabulary, the first asked. */
      if (!memo->has_vocabulary)
        {
          memo->has_vocabulary = TRUE;
          memo->vocabulary = context->vocabulary;
        }
      if (memo->vocabulary != context->vocabulary)
        return result;
    }
  memo->state[self->test] = MEMO_KNOWN | (result ? MEMO_TRUE : 0) | (defaults ? MEMO_DEFAULTS : 0);
  return result;
}

/**
 * bw_rule_condition_get_guard:
 * @self: (nullable): a compiled condition
 *
 * A leaf test the condition cannot hold without: itself if it is one, or
 * the first leaf of an "all". A caller that evaluates many conditions on
 * one subject keeps their guards together, and skips a condition whose
 * guard the memo already knows to fail without reading it.
 *
 * Returns: the guard, unset if there is none
 */
BwRuleGuard
bw_rule_condition_get_guard (const BwRuleCondition *self)
{
  BwRuleGuard guard = { 0 };

  if (self == NULL)
    return guard;
  if (self->children == NULL)
    {
      guard.test = self->test;
      guard.subject = self->subject;
      guard.set = TRUE;
    }
  else if (self->op == OP_ALL)
    for (guint i = 0; i < self->n_children && !guard.set; i++)
      guard = self->peek[i];
  return guard;
}
