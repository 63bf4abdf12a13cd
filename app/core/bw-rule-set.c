/* bw-rule-set.c — the rule libraries in use together; rule IDs unique across them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Derived threats cite rules by ID (FORMAT.md), so one ID must mean one
 * rule: a library that would make an ID ambiguous is refused whole.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-rule-library-ref.h"
#include "bw-rule-set.h"

struct _BwRuleSet
{
  GObject parent_instance;

  GListStore *libraries;
  GHashTable *rules;                          /* rule ID → BwRule (borrowed) */
  GPtrArray *by_applies_to[BW_RULE_APPLIES_N]; /* BwRule (borrowed) */
};

G_DEFINE_FINAL_TYPE (BwRuleSet, bw_rule_set, G_TYPE_OBJECT)

static void
bw_rule_set_finalize (GObject *object)
{
  BwRuleSet *self = BW_RULE_SET (object);

  for (guint i = 0; i < BW_RULE_APPLIES_N; i++)
    g_clear_pointer (&self->by_applies_to[i], g_ptr_array_unref);
  g_clear_pointer (&self->rules, g_hash_table_unref);
  g_clear_object (&self->libraries);

  G_OBJECT_CLASS (bw_rule_set_parent_class)->finalize (object);
}

static void
bw_rule_set_class_init (BwRuleSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_rule_set_finalize;
}

static void
bw_rule_set_init (BwRuleSet *self)
{
  self->libraries = g_list_store_new (BW_TYPE_RULE_LIBRARY);
  self->rules = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < BW_RULE_APPLIES_N; i++)
    self->by_applies_to[i] = g_ptr_array_new ();
}

/* Returns: (transfer full): an empty set */
BwRuleSet *
bw_rule_set_new (void)
{
  return g_object_new (BW_TYPE_RULE_SET, NULL);
}

/* Returns: (transfer full): a set holding the built-in library */
BwRuleSet *
bw_rule_set_new_builtin (void)
{
  BwRuleSet *self = bw_rule_set_new ();
  gboolean added;

  added = bw_rule_set_add_library (self, bw_rule_library_get_builtin (), NULL);
  g_assert (added);
  return self;
}

/**
 * bw_rule_set_add_library:
 *
 * Adds a library, refusing one whose ID is already in the set or one with
 * a rule ID that another library in the set has (both sources named).
 *
 * Returns: whether the library was added; the set is unchanged if not
 */
gboolean
bw_rule_set_add_library (BwRuleSet      *self,
                         BwRuleLibrary  *library,
                         GError        **error)
{
  GListModel *rules;
  guint n;

  g_return_val_if_fail (BW_IS_RULE_SET (self), FALSE);
  g_return_val_if_fail (BW_IS_RULE_LIBRARY (library), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  {
    BwRuleLibrary *same = bw_rule_set_lookup_library (self, bw_rule_library_get_id (library));

    if (same != NULL)
      {
        g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_DUPLICATE,
                     _("The rule library “%s” of %s is already loaded from %s."),
                     bw_rule_library_get_id (library), bw_rule_library_get_source (library),
                     bw_rule_library_get_source (same));
        return FALSE;
      }
  }

  rules = bw_rule_library_get_rules (library);
  n = g_list_model_get_n_items (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRule) rule = g_list_model_get_item (rules, i);
      BwRule *existing = g_hash_table_lookup (self->rules, bw_rule_get_id (rule));

      if (existing != NULL)
        {
          g_set_error (error, BW_RULE_LIBRARY_ERROR, BW_RULE_LIBRARY_ERROR_DUPLICATE,
                       _("The rule ID “%s” is in both %s and %s; the library “%s” was not loaded."),
                       bw_rule_get_id (rule), bw_rule_get_source (existing), bw_rule_get_source (rule),
                       bw_rule_library_get_id (library));
          return FALSE;
        }
    }

  g_list_store_append (self->libraries, library);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRule) rule = g_list_model_get_item (rules, i);

      g_hash_table_insert (self->rules, (gpointer) bw_rule_get_id (rule), rule);
      g_ptr_array_add (self->by_applies_to[bw_rule_get_applies_to_enum (rule)], rule);
    }
  return TRUE;
}

/* Returns: (transfer none): a GListModel of BwRuleLibrary */
GListModel *
bw_rule_set_get_libraries (BwRuleSet *self)
{
  g_return_val_if_fail (BW_IS_RULE_SET (self), NULL);
  return G_LIST_MODEL (self->libraries);
}

/* Returns: (transfer none) (nullable): the library with that ID */
BwRuleLibrary *
bw_rule_set_lookup_library (BwRuleSet  *self,
                            const char *library_id)
{
  guint n;

  g_return_val_if_fail (BW_IS_RULE_SET (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->libraries));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BwRuleLibrary) library = g_list_model_get_item (G_LIST_MODEL (self->libraries), i);

      if (g_strcmp0 (bw_rule_library_get_id (library), library_id) == 0)
        return library;
    }
  return NULL;
}

/* Returns: (transfer none) (nullable): the rule with that ID */
BwRule *
bw_rule_set_lookup_rule (BwRuleSet  *self,
                         const char *rule_id)
{
  g_return_val_if_fail (BW_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (rule_id != NULL, NULL);
  return g_hash_table_lookup (self->rules, rule_id);
}

/* Returns: (transfer none) (element-type BwRule): the rules for one kind of subject */
GPtrArray *
bw_rule_set_get_rules_for (BwRuleSet       *self,
                           BwRuleAppliesTo  applies_to)
{
  g_return_val_if_fail (BW_IS_RULE_SET (self), NULL);
  g_return_val_if_fail (applies_to < BW_RULE_APPLIES_N, NULL);
  return self->by_applies_to[applies_to];
}

guint
bw_rule_set_get_n_rules (BwRuleSet *self)
{
  g_return_val_if_fail (BW_IS_RULE_SET (self), 0);
  return g_hash_table_size (self->rules);
}

void
bw_rule_set_add_project_libraries (BwRuleSet *self,
                                   BwProject *project,
                                   GPtrArray *problems)
{
  GListModel *refs;
  GFile *project_file;
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (BW_IS_RULE_SET (self));
  g_return_if_fail (BW_IS_PROJECT (project));

  refs = bw_project_get_rule_libraries (project);
  project_file = bw_project_get_file (project);
  folder = project_file != NULL ? g_file_get_parent (project_file) : NULL;

  for (guint i = 0; folder != NULL && i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(BwRuleLibraryRef) ref = g_list_model_get_item (refs, i);
      const char *path = bw_rule_library_ref_get_path (ref);
      g_autoptr(GFile) file = NULL;
      g_autoptr(BwRuleLibrary) library = NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL || bw_rule_set_lookup_library (self, bw_record_get_id (BW_RECORD (ref))) != NULL)
        continue;
      file = g_file_resolve_relative_path (folder, path);
      library = bw_rule_library_new_from_file (file, NULL, &error);
      if (library == NULL || !bw_rule_set_add_library (self, library, &error))
        {
          if (problems != NULL)
            /* Translators: a rule library that could not be used: "<path>: <why>" */
            g_ptr_array_add (problems, g_strdup_printf (_("%s: %s"), path, error->message));
        }
    }
}
