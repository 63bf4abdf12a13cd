/* bw-auto-derive.c — derivation after each edit, on what the edit touched
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Commands are opaque to the command stack, so what an edit touched is
 * observed rather than asked for: while a user command runs, every change
 * of an element's members and every element added or removed is noted.
 * Afterwards the deriver looks at those elements and what hangs off them
 * (bw_deriver_dup_touched_ids), which keeps one edit's re-derivation at the
 * cost of a handful of elements however large the model is.
 */
#include "config.h"

#include "bw-auto-derive.h"
#include "bw-command-derive.h"
#include "bw-deriver.h"

struct _BwAutoDerive
{
  GObject     parent_instance;

  GWeakRef    project;
  BwRuleSet  *rules;
  GListModel *elements;     /* the project's, held to disconnect from it */
  GHashTable *watched;      /* BwElement (ref) → notify handler ID */
  GHashTable *touched;      /* IDs (owned) noted since begin */
  gboolean    collecting;
  gboolean    removed;      /* elements left the project: look for which */
};

G_DEFINE_FINAL_TYPE (BwAutoDerive, bw_auto_derive, G_TYPE_OBJECT)

static void
note (BwAutoDerive *self,
      const char   *id)
{
  if (id != NULL && *id != '\0')
    g_hash_table_add (self->touched, g_strdup (id));
}

static void
element_notify_cb (BwElement    *element,
                   GParamSpec   *pspec,
                   BwAutoDerive *self)
{
  if (self->collecting)
    note (self, bw_record_get_id (BW_RECORD (element)));
}

static void
watch (BwAutoDerive *self,
       BwElement    *element)
{
  gulong handler;

  if (g_hash_table_contains (self->watched, element))
    return;
  handler = g_signal_connect (element, "notify", G_CALLBACK (element_notify_cb), self);
  g_hash_table_insert (self->watched, g_object_ref (element), GSIZE_TO_POINTER (handler));
}

static void
unwatch_all (BwAutoDerive *self)
{
  GHashTableIter iter;
  gpointer element, handler;

  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &element, &handler))
    g_signal_handler_disconnect (element, GPOINTER_TO_SIZE (handler));
  g_hash_table_remove_all (self->watched);
}

static void
elements_changed_cb (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     BwAutoDerive *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (model, i);

      watch (self, element);
      if (self->collecting)
        note (self, bw_record_get_id (BW_RECORD (element)));
    }
  /* The removed items are gone from the list already; which ones they were
   * is worked out once, at the end of the edit (see sweep_removed). */
  if (removed > 0)
    self->removed = TRUE;
}

/* Notes the elements that left the project (and the ends of removed flows,
 * whose threats may depend on them) and stops watching them. */
static void
sweep_removed (BwAutoDerive *self,
               BwProject    *project)
{
  GHashTableIter iter;
  gpointer key, handler;

  if (!self->removed)
    return;
  self->removed = FALSE;
  g_hash_table_iter_init (&iter, self->watched);
  while (g_hash_table_iter_next (&iter, &key, &handler))
    {
      BwElement *element = key;
      const char *id = bw_record_get_id (BW_RECORD (element));

      if (bw_project_lookup (project, id) == BW_RECORD (element))
        continue;
      note (self, id);
      note (self, bw_element_get_source (element));
      note (self, bw_element_get_target (element));
      g_signal_handler_disconnect (element, GPOINTER_TO_SIZE (handler));
      g_hash_table_iter_remove (&iter);
    }
}

static void
bw_auto_derive_dispose (GObject *object)
{
  BwAutoDerive *self = BW_AUTO_DERIVE (object);

  unwatch_all (self);
  if (self->elements != NULL)
    g_signal_handlers_disconnect_by_func (self->elements, elements_changed_cb, self);
  g_clear_object (&self->elements);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (bw_auto_derive_parent_class)->dispose (object);
}

static void
bw_auto_derive_finalize (GObject *object)
{
  BwAutoDerive *self = BW_AUTO_DERIVE (object);

  g_weak_ref_clear (&self->project);
  g_clear_pointer (&self->watched, g_hash_table_unref);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (bw_auto_derive_parent_class)->finalize (object);
}

static void
bw_auto_derive_class_init (BwAutoDeriveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bw_auto_derive_dispose;
  object_class->finalize = bw_auto_derive_finalize;
}

static void
bw_auto_derive_init (BwAutoDerive *self)
{
  self->watched = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
  self->touched = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * bw_auto_derive_new:
 * @project: the project whose edits are followed; held weakly, since the
 *   project owns the command stack that owns this
 * @rules: the rules to derive with
 */
BwAutoDerive *
bw_auto_derive_new (BwProject *project,
                    BwRuleSet *rules)
{
  BwAutoDerive *self;
  GListModel *elements;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BW_IS_RULE_SET (rules), NULL);

  self = g_object_new (BW_TYPE_AUTO_DERIVE, NULL);
  g_weak_ref_init (&self->project, project);
  self->rules = g_object_ref (rules);
  elements = bw_project_get_elements (project);
  self->elements = g_object_ref (elements);
  for (guint i = 0; i < g_list_model_get_n_items (elements); i++)
    {
      g_autoptr(BwElement) element = g_list_model_get_item (elements, i);

      watch (self, element);
    }
  g_signal_connect (elements, "items-changed", G_CALLBACK (elements_changed_cb), self);
  return self;
}

BwRuleSet *
bw_auto_derive_get_rules (BwAutoDerive *self)
{
  g_return_val_if_fail (BW_IS_AUTO_DERIVE (self), NULL);

  return self->rules;
}

void
bw_auto_derive_begin (BwAutoDerive *self)
{
  g_return_if_fail (BW_IS_AUTO_DERIVE (self));

  g_hash_table_remove_all (self->touched);
  self->collecting = TRUE;
}

static void
add_touched (GHashTable *ids,
             BwProject  *project,
             const char *id)
{
  g_auto(GStrv) touched = bw_deriver_dup_touched_ids (project, id);

  for (guint i = 0; touched[i] != NULL; i++)
    g_hash_table_add (ids, g_strdup (touched[i]));
}

GStrv
bw_auto_derive_end (BwAutoDerive *self)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (BW_IS_AUTO_DERIVE (self), NULL);

  self->collecting = FALSE;
  project = g_weak_ref_get (&self->project);
  if (project == NULL)
    return NULL;
  sweep_removed (self, project);
  if (g_hash_table_size (self->touched) == 0)
    return NULL;

  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      BwRecord *record = bw_project_lookup (project, key);

      if (!BW_IS_ELEMENT (record))
        {
          /* Gone: derivation retires what is left of its threats. */
          g_hash_table_add (ids, g_strdup (key));
          continue;
        }
      add_touched (ids, project, key);
      /* A moved or resized boundary changes which flows cross it. */
      if (bw_element_get_kind_enum (BW_ELEMENT (record)) == BW_ELEMENT_TRUST_BOUNDARY)
        {
          g_autoptr(GPtrArray) members =
            bw_project_dup_diagram_elements (project, bw_element_get_diagram (BW_ELEMENT (record)));

          for (guint i = 0; i < members->len; i++)
            if (bw_element_get_kind_enum (members->pdata[i]) == BW_ELEMENT_DATA_FLOW)
              add_touched (ids, project, bw_record_get_id (members->pdata[i]));
        }
    }
  g_hash_table_remove_all (self->touched);

  builder = g_strv_builder_new ();
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_strv_builder_add (builder, key);
  return g_strv_builder_end (builder);
}

BwCommand *
bw_auto_derive_finish (BwAutoDerive *self)
{
  g_autoptr(BwProject) project = NULL;
  g_autoptr(BwDerivePlan) plan = NULL;
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (BW_IS_AUTO_DERIVE (self), NULL);

  ids = bw_auto_derive_end (self);
  project = g_weak_ref_get (&self->project);
  if (ids == NULL || project == NULL)
    return NULL;
  plan = bw_deriver_plan (project, self->rules, (const char * const *) ids);
  if (bw_derive_plan_is_empty (plan))
    return NULL;
  return bw_command_derive_new (project, plan);
}
