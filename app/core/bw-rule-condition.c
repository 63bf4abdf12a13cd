/* bw-rule-condition.c — a rule's `when`, compiled into a tree and evaluated
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A condition is declarative (METHOD.md): all/any/not over tests of a
 * subject's kind, properties, boundary crossing and assets. It is compiled
 * once when the library loads, so that evaluation — hundreds of thousands
 * of times in a derivation — does no parsing and no string building.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bw-asset.h"
#include "bw-geometry.h"
#include "bw-rule-condition.h"
#include "bw-rule-library.h"

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

struct _BwRuleCondition
{
  Op              op;
  BwRuleSubject   subject;
  gboolean        flag;       /* exists, crosses_boundary, safety_relevant */
  char           *property;
  JsonNode       *value;      /* equals */
  GPtrArray      *values;     /* in: JsonNode * */
  char           *needle;     /* contains, case-folded */
  double          number;     /* lt le gt ge */
  guint           kinds;      /* kind: bit per BwElementKind */
  guint           need;       /* 0 confidentiality, 1 integrity, 2 availability */
  guint           level;      /* index into bw_levels_cia */
  GPtrArray      *children;   /* all, any, not */
  guint           slot;       /* the property's index in BwRuleContext.values */
  guint           test;       /* a leaf's number, shared by equal tests (BwRuleMemo) */
  /* The declared default of the property, per element kind, for the
   * vocabulary it was last looked up in. */
  BwRuleLibrary  *defaults_vocabulary;
  JsonNode       *defaults[BW_ELEMENT_TRUST_BOUNDARY + 1];
  guint8          defaults_known;
};

/* Property names get small numbers, so evaluation can remember what it
 * looked up on an element across all the rules that test it. */
G_LOCK_DEFINE_STATIC (slots);
static GHashTable *slots;
static guint n_slots;

static guint
slot_for (const char *name)
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

static guint
test_for (const char *key)
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
};

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

static const char * const subject_names[] = { "source", "flow", "target", NULL };
static const char * const need_names[] = { "confidentiality", "integrity", "availability", NULL };
static const char * const comparison_names[] = { "lt", "le", "gt", "ge", NULL };

void
bw_rule_condition_free (BwRuleCondition *self)
{
  if (self == NULL)
    return;
  g_free (self->property);
  g_clear_pointer (&self->value, json_node_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->needle);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_free (self);
}

static int
strv_index (const char * const *strv,
            const char         *s)
{
  for (int i = 0; strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], s) == 0)
      return i;
  return -1;
}

static gboolean
is_scalar (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_BOOLEAN || type == G_TYPE_STRING || type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_number (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE);
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_boolean (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

static gboolean
fail (GError    **error,
      const char *path,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (GError    **error,
      const char *path,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_FORMAT, "%s: %s", path, message);
  return FALSE;
}

static BwRuleCondition *compile (JsonNode    *node,
                                 gboolean     interaction,
                                 const char  *path,
                                 GError     **error);

static gboolean
compile_asset (BwRuleCondition  *self,
               JsonNode         *node,
               const char       *path,
               GError          **error)
{
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, path, _("must be an object"));
  object = json_node_get_object (node);

  if (json_object_has_member (object, "safety_relevant"))
    {
      if (json_object_get_size (object) != 1)
        return fail (error, path, _("“safety_relevant” stands alone"));
      member = json_object_get_member (object, "safety_relevant");
      if (!is_boolean (member))
        return fail (error, path, _("“safety_relevant” must be true or false"));
      self->op = OP_ASSET_SAFETY;
      self->flag = json_node_get_boolean (member);
      return TRUE;
    }

  {
    GList *members = json_object_get_members (object);

    for (GList *m = members; m != NULL; m = m->next)
      if (g_strcmp0 (m->data, "need") != 0 && g_strcmp0 (m->data, "at_least") != 0)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s", path, (const char *) m->data);

          g_list_free (members);
          return fail (error, where, _("unknown member (expected “safety_relevant”, or “need” and “at_least”)"));
        }
    g_list_free (members);
  }

  member = json_object_get_member (object, "need");
  if (member == NULL || !is_string (member) || strv_index (need_names, json_node_get_string (member)) < 0)
    return fail (error, path, _("“need” must be one of confidentiality, integrity, availability"));
  self->need = strv_index (need_names, json_node_get_string (member));
  member = json_object_get_member (object, "at_least");
  if (member == NULL || !is_string (member) || strv_index (bw_levels_cia, json_node_get_string (member)) < 0)
    return fail (error, path, _("“at_least” must be one of none, low, medium, high"));
  self->level = strv_index (bw_levels_cia, json_node_get_string (member));
  self->op = OP_ASSET_NEED;
  return TRUE;
}

static gboolean
compile_kind (BwRuleCondition  *self,
              JsonNode         *node,
              const char       *path,
              GError          **error)
{
  self->op = OP_KIND;
  if (is_string (node))
    {
      int k = strv_index (bw_element_kinds, json_node_get_string (node));

      if (k < 0)
        return fail (error, path, _("“%s” is not an element kind"), json_node_get_string (node));
      self->kinds = 1u << k;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) == 0)
    return fail (error, path, _("must be an element kind or a non-empty list of them"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      g_autofree char *where = g_strdup_printf ("%s[%u]", path, i);
      int k;

      if (!is_string (item))
        return fail (error, where, _("must be a string"));
      k = strv_index (bw_element_kinds, json_node_get_string (item));
      if (k < 0)
        return fail (error, where, _("“%s” is not an element kind"), json_node_get_string (item));
      self->kinds |= 1u << k;
    }
  return TRUE;
}

static gboolean
compile_property (BwRuleCondition  *self,
                  JsonObject       *object,
                  const char       *path,
                  GError          **error)
{
  JsonNode *name = json_object_get_member (object, "property");
  g_autofree char *name_path = g_strdup_printf ("%s.property", path);
  const char *test = NULL;
  g_autofree char *test_path = NULL;
  JsonNode *value;

  if (!is_string (name) || *json_node_get_string (name) == '\0')
    return fail (error, name_path, _("must be a property name"));
  self->property = g_strdup (json_node_get_string (name));
  self->slot = slot_for (self->property);

  {
    GList *members = json_object_get_members (object);

    for (GList *m = members; m != NULL; m = m->next)
      {
        const char *member = m->data;

        if (g_str_equal (member, "property") || g_str_equal (member, "of"))
          continue;
        if (test != NULL)
          {
            g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

            g_list_free (members);
            return fail (error, where, _("a property test has exactly one of equals, in, contains, exists, lt, le, gt, ge (it already has “%s”)"), test);
          }
        test = g_intern_string (member);
      }
    g_list_free (members);
  }

  if (test == NULL)
    return fail (error, path, _("a property test needs one of equals, in, contains, exists, lt, le, gt, ge"));
  test_path = g_strdup_printf ("%s.%s", path, test);
  value = json_object_get_member (object, test);

  if (g_str_equal (test, "equals"))
    {
      if (!is_scalar (value))
        return fail (error, test_path, _("must be a string, a number, true or false"));
      self->op = OP_EQUALS;
      self->value = json_node_copy (value);
    }
  else if (g_str_equal (test, "in"))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) == 0)
        return fail (error, test_path, _("must be a non-empty list of values"));
      array = json_node_get_array (value);
      self->op = OP_IN;
      self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!is_scalar (item))
            {
              g_autofree char *where = g_strdup_printf ("%s[%u]", test_path, i);

              return fail (error, where, _("must be a string, a number, true or false"));
            }
          g_ptr_array_add (self->values, json_node_copy (item));
        }
    }
  else if (g_str_equal (test, "contains"))
    {
      if (!is_string (value))
        return fail (error, test_path, _("must be a string"));
      self->op = OP_CONTAINS;
      self->needle = g_utf8_casefold (json_node_get_string (value), -1);
    }
  else if (g_str_equal (test, "exists"))
    {
      if (!is_boolean (value))
        return fail (error, test_path, _("must be true or false"));
      self->op = OP_EXISTS;
      self->flag = json_node_get_boolean (value);
    }
  else if (strv_index (comparison_names, test) >= 0)
    {
      if (!is_number (value))
        return fail (error, test_path, _("must be a number"));
      self->op = OP_LT + strv_index (comparison_names, test);
      self->number = json_node_get_double (value);
    }
  else
    return fail (error, test_path, _("unknown property test (expected equals, in, contains, exists, lt, le, gt or ge)"));
  return TRUE;
}

/* What makes two leaf tests equal, whatever their subject: the memo is
 * per subject. */
static char *
test_key (const BwRuleCondition *self)
{
  GString *key = g_string_new (NULL);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (key, "%d|%d|%u|%u|%u|%s|", self->op, self->flag, self->kinds, self->need,
                          self->level, self->property != NULL ? self->property : "");
  if (self->value != NULL)
    {
      g_autofree char *text = json_to_string (self->value, FALSE);

      g_string_append (key, text);
    }
  for (guint i = 0; self->values != NULL && i < self->values->len; i++)
    {
      g_autofree char *text = json_to_string (self->values->pdata[i], FALSE);

      g_string_append_printf (key, "%s,", text);
    }
  if (self->needle != NULL)
    g_string_append (key, self->needle);
  if (self->op >= OP_LT && self->op <= OP_GE)
    g_string_append (key, g_ascii_dtostr (number, sizeof number, self->number));
  return g_string_free (key, FALSE);
}

static BwRuleCondition *
compile (JsonNode    *node,
         gboolean     interaction,
         const char  *path,
         GError     **error)
{
  g_autoptr(BwRuleCondition) self = g_new0 (BwRuleCondition, 1);
  JsonObject *object;
  JsonNode *of;
  const char *test = NULL;
  g_autofree char *test_path = NULL;
  GList *members;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, path, _("a condition must be an object"));
      return NULL;
    }
  object = json_node_get_object (node);

  /* The test is named by its one member besides "of"; "property" goes
   * with a comparison member, so it names the test when present. */
  members = json_object_get_members (object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *member = m->data;
      static const char * const tests[] = { "all", "any", "not", "kind", "property", "crosses_boundary", "asset", NULL };

      if (g_str_equal (member, "of"))
        continue;
      if (strv_index (tests, member) < 0)
        {
          if (json_object_has_member (object, "property"))
            continue;
          test_path = g_strdup_printf ("%s.%s", path, member);
          g_list_free (members);
          fail (error, test_path, _("unknown test (expected all, any, not, kind, property, crosses_boundary or asset)"));
          return NULL;
        }
      if (test != NULL)
        {
          test_path = g_strdup_printf ("%s.%s", path, member);
          g_list_free (members);
          fail (error, test_path, _("a condition has exactly one test (it already has “%s”)"), test);
          return NULL;
        }
      test = g_intern_string (member);
    }
  g_list_free (members);

  if (test == NULL)
    {
      fail (error, path, _("a condition needs a test (all, any, not, kind, property, crosses_boundary or asset)"));
      return NULL;
    }
  test_path = g_strdup_printf ("%s.%s", path, test);

  of = json_object_get_member (object, "of");
  self->subject = BW_RULE_SUBJECT_FLOW;
  if (g_str_equal (test, "all") || g_str_equal (test, "any") || g_str_equal (test, "not"))
    {
      if (of != NULL)
        {
          g_autofree char *where = g_strdup_printf ("%s.of", path);

          fail (error, where, _("“of” belongs on the tests inside “%s”, not on it"), test);
          return NULL;
        }
    }
  else if (interaction)
    {
      g_autofree char *where = g_strdup_printf ("%s.of", path);

      if (of == NULL)
        {
          fail (error, path, _("a test in an interaction rule needs “of”: source, flow or target"));
          return NULL;
        }
      if (!is_string (of) || strv_index (subject_names, json_node_get_string (of)) < 0)
        {
          fail (error, where, _("must be source, flow or target"));
          return NULL;
        }
      self->subject = strv_index (subject_names, json_node_get_string (of));
    }
  else if (of != NULL)
    {
      g_autofree char *where = g_strdup_printf ("%s.of", path);

      fail (error, where, _("“of” is only allowed in interaction rules"));
      return NULL;
    }

  if (g_str_equal (test, "all") || g_str_equal (test, "any"))
    {
      JsonNode *list = json_object_get_member (object, test);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (list) || json_array_get_length (json_node_get_array (list)) == 0)
        {
          fail (error, test_path, _("must be a non-empty list of conditions"));
          return NULL;
        }
      array = json_node_get_array (list);
      self->op = g_str_equal (test, "all") ? OP_ALL : OP_ANY;
      self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_rule_condition_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *where = g_strdup_printf ("%s[%u]", test_path, i);
          BwRuleCondition *child = compile (json_array_get_element (array, i), interaction, where, error);

          if (child == NULL)
            return NULL;
          g_ptr_array_add (self->children, child);
        }
    }
  else if (g_str_equal (test, "not"))
    {
      BwRuleCondition *child = compile (json_object_get_member (object, "not"), interaction, test_path, error);

      if (child == NULL)
        return NULL;
      self->op = OP_NOT;
      self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bw_rule_condition_free);
      g_ptr_array_add (self->children, child);
    }
  else if (g_str_equal (test, "kind"))
    {
      if (!compile_kind (self, json_object_get_member (object, "kind"), test_path, error))
        return NULL;
    }
  else if (g_str_equal (test, "property"))
    {
      if (!compile_property (self, object, path, error))
        return NULL;
    }
  else if (g_str_equal (test, "crosses_boundary"))
    {
      JsonNode *value = json_object_get_member (object, "crosses_boundary");

      if (!is_boolean (value))
        {
          fail (error, test_path, _("must be true or false"));
          return NULL;
        }
      self->op = OP_CROSSES;
      self->flag = json_node_get_boolean (value);
    }
  else
    {
      g_assert (g_str_equal (test, "asset"));
      if (!compile_asset (self, json_object_get_member (object, "asset"), test_path, error))
        return NULL;
    }

  if (self->op != OP_ALL && self->op != OP_ANY && self->op != OP_NOT)
    {
      g_autofree char *key = test_key (self);

      self->test = test_for (key);
    }
  return g_steal_pointer (&self);
}

/**
 * bw_rule_condition_compile:
 * @node: the JSON of the condition
 * @interaction: whether the rule applies to interactions (tests need "of")
 * @path: the JSON path of @node, for messages
 *
 * Returns: (transfer full): the compiled condition, or NULL with @error
 *   ("<path>: <what is wrong>") set
 */
BwRuleCondition *
bw_rule_condition_compile (JsonNode    *node,
                           gboolean     interaction,
                           const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return compile (node, interaction, path, error);
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

/* `expected` is a rule's scalar; its type is known, so one look at the
 * value's type decides. */
static gboolean
scalar_equal (JsonNode *value,
              JsonNode *expected)
{
  GType wanted = json_node_get_value_type (expected);
  /* An object's or array's type is none of the scalar types below. */
  GType type = json_node_get_value_type (value);

  if (wanted == G_TYPE_STRING)
    return type == G_TYPE_STRING && g_str_equal (json_node_get_string (value), json_node_get_string (expected));
  if (wanted == G_TYPE_BOOLEAN)
    return type == G_TYPE_BOOLEAN && json_node_get_boolean (value) == json_node_get_boolean (expected);
  return (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) && json_node_get_double (value) == json_node_get_double (expected);
}

/* An undeclared absent property is false, "" or 0 — whichever the test
 * compares it with. */
static gboolean
scalar_equal_or_default (JsonNode *value,
                         JsonNode *expected)
{
  GType wanted;

  if (value != NULL)
    return scalar_equal (value, expected);
  wanted = json_node_get_value_type (expected);
  if (wanted == G_TYPE_BOOLEAN)
    return !json_node_get_boolean (expected);
  if (wanted == G_TYPE_STRING)
    return *json_node_get_string (expected) == '\0';
  return json_node_get_double (expected) == 0;
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
      return scalar_equal_or_default (lookup_value (self, context, element, defaults), self->value);
    case OP_IN:
      value = lookup_value (self, context, element, defaults);
      for (guint i = 0; i < self->values->len; i++)
        if (scalar_equal_or_default (value, self->values->pdata[i]))
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

/* A leaf's remembered result: 0 or 1, or -1 when the memo does not have
 * it (the caller evaluates). Inline in the all/any loops, which is where
 * most answers come from once the memo is warm. */
static inline int
memo_peek (const BwRuleCondition *self,
           const BwRuleContext   *context)
{
  BwRuleMemo *memo;
  guint8 state;

  if (self->op == OP_ALL || self->op == OP_ANY || self->op == OP_NOT)
    return -1;
  memo = context->memo[self->subject];
  if (memo == NULL || self->test >= memo->n || context->subjects[self->subject] == NULL)
    return -1;
  state = memo->state[self->test];
  if ((state & MEMO_KNOWN) == 0 || ((state & MEMO_DEFAULTS) != 0 && memo->vocabulary != context->vocabulary))
    return -1;
  return (state & MEMO_TRUE) != 0;
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
      for (guint i = 0; i < self->children->len; i++)
        {
          int known = memo_peek (self->children->pdata[i], context);

          if (known == 0 || (known < 0 && !bw_rule_condition_evaluate (self->children->pdata[i], context)))
            return FALSE;
        }
      return TRUE;
    case OP_ANY:
      for (guint i = 0; i < self->children->len; i++)
        {
          int known = memo_peek (self->children->pdata[i], context);

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
