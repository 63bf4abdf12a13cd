/* bw-rule-condition-compile.c — a rule's `when`, compiled into a tree
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A condition is declarative (METHOD.md): all/any/not over tests of a
 * subject's kind, properties, boundary crossing and assets. It is compiled
 * once when the library loads, so that evaluation (bw-rule-condition.c) —
 * hundreds of thousands of times in a derivation — does no parsing and no
 * string building.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bw-rule-condition-private.h"
#include "bw-rule-library.h"

static const char * const subject_names[] = { "source", "flow", "target", NULL };
static const char * const need_names[] = { "confidentiality", "integrity", "availability", NULL };
static const char * const comparison_names[] = { "lt", "le", "gt", "ge", NULL };

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

static BwRuleScalar
scalar_of (JsonNode *node)
{
  BwRuleScalar scalar = { json_node_get_value_type (node), NULL, FALSE, 0 };

  if (scalar.type == G_TYPE_STRING)
    scalar.string = json_node_get_string (node);
  else if (scalar.type == G_TYPE_BOOLEAN)
    scalar.boolean = json_node_get_boolean (node);
  else
    {
      scalar.type = G_TYPE_DOUBLE;
      scalar.number = json_node_get_double (node);
    }
  return scalar;
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
  self->slot = _bw_rule_condition_slot_for (self->property);

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
      self->expected = scalar_of (self->value);
    }
  else if (g_str_equal (test, "in"))
    {
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (value) || json_array_get_length (json_node_get_array (value)) == 0)
        return fail (error, test_path, _("must be a non-empty list of values"));
      array = json_node_get_array (value);
      self->op = OP_IN;
      self->values = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
      self->expected_in = g_array_new (FALSE, FALSE, sizeof (BwRuleScalar));
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          BwRuleScalar scalar;

          if (!is_scalar (item))
            {
              g_autofree char *where = g_strdup_printf ("%s[%u]", test_path, i);

              return fail (error, where, _("must be a string, a number, true or false"));
            }
          g_ptr_array_add (self->values, json_node_copy (item));
          scalar = scalar_of (g_ptr_array_index (self->values, i));
          g_array_append_val (self->expected_in, scalar);
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

/* Whether a node tests the flow (or an element rule's element) only. */
static gboolean
tests_flow_only (const BwRuleCondition *self)
{
  if (self->children == NULL)
    return self->subject == BW_RULE_SUBJECT_FLOW;
  for (guint i = 0; i < self->children->len; i++)
    if (!tests_flow_only (self->children->pdata[i]))
      return FALSE;
  return TRUE;
}

/* Tests of the flow alone before the others, each group in its order
 * (g_ptr_array_sort_with_data() is stable). */
static int
compare_flow_first (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return !tests_flow_only (*(BwRuleCondition **) a) - !tests_flow_only (*(BwRuleCondition **) b);
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

  if (self->children != NULL)
    {
      /* No test has side effects, so the order of an all or any is free:
       * tests of the flow alone come first, as their results are kept
       * for both directions and every interaction rule, and so often
       * decide the rest without it being asked. */
      if (self->op != OP_NOT)
        g_ptr_array_sort_with_data (self->children, compare_flow_first, NULL);
      self->n_children = self->children->len;
      self->peek = g_new0 (BwRuleGuard, self->children->len);
      for (guint i = 0; i < self->children->len; i++)
        {
          BwRuleCondition *child = self->children->pdata[i];

          self->peek[i].test = child->test;
          self->peek[i].subject = child->subject;
          self->peek[i].set = child->children == NULL;
        }
    }
  else
    {
      g_autofree char *key = test_key (self);

      self->test = _bw_rule_condition_test_for (key);
      if (self->op == OP_CONTAINS)
        _bw_rule_condition_add_contains (self->slot, self->test, self->needle);
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
