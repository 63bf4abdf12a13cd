/* bw-command-remove.c — delete records, and every reference to them
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Deleting goes further than the records asked for: a node takes its
 * flows with it and a diagram its elements, since format 1 has no flow
 * without ends and no element without a diagram.  Every other reference
 * to a deleted record is cleared, found generically through the field
 * tables so a member added later is covered too; threats of a deleted
 * element are kept and marked obsolete instead (FORMAT.md).  Each of those
 * edits is a set-property command of its own, which remembers the old
 * value, so an undo restores the document exactly.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-add-child.h"
#include "bw-command-remove.h"
#include "bw-history-entry.h"
#include "bw-command-set-property.h"

typedef struct
{
  BwRecord *record;
  GType     collection;   /* the record type of its top-level list */
  guint     position;
} Removed;

struct _BwCommandRemove
{
  BwCommand  parent_instance;

  char     **ids;         /* as asked for */
  GArray    *removed;     /* of Removed, in list order; valid while applied */
  GPtrArray *edits;       /* applied set-property commands, in order */
};

G_DEFINE_FINAL_TYPE (BwCommandRemove, bw_command_remove, BW_TYPE_COMMAND)

static void
clear_removed (gpointer data)
{
  Removed *r = data;

  g_clear_object (&r->record);
}

static int
compare_removed (gconstpointer a,
                 gconstpointer b)
{
  const Removed *ra = a;
  const Removed *rb = b;

  if (ra->collection != rb->collection)
    return ra->collection < rb->collection ? -1 : 1;
  return ra->position < rb->position ? -1 : ra->position > rb->position;
}

/* Adds `record` to the set, with where it sits. */
static gboolean
take (BwProject   *project,
      GHashTable  *set,
      GArray      *removed,
      BwRecord    *record,
      GError     **error)
{
  GListStore *store;
  Removed r;

  if (g_hash_table_contains (set, bw_record_get_id (record)))
    return TRUE;

  store = bw_project_get_collection (project, G_OBJECT_TYPE (record));
  if (store == NULL || !g_list_store_find (store, record, &r.position))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("“%s” cannot be deleted on its own."), bw_record_get_id (record));
      return FALSE;
    }
  r.record = g_object_ref (record);
  r.collection = G_OBJECT_TYPE (record);
  g_array_append_val (removed, r);
  g_hash_table_add (set, (gpointer) bw_record_get_id (record));
  return TRUE;
}

/* The records to delete: those asked for, the elements of deleted
 * diagrams and the flows of deleted nodes. */
static gboolean
collect (BwCommandRemove  *self,
         BwProject        *project,
         GHashTable       *set,
         GError          **error)
{
  GListModel *elements = bw_project_get_elements (project);
  guint n = g_list_model_get_n_items (elements);

  for (guint i = 0; self->ids[i] != NULL; i++)
    {
      BwRecord *record = bw_project_lookup (project, self->ids[i]);

      if (record == NULL)
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                       _("“%s” is not in this project."), self->ids[i]);
          return FALSE;
        }
      if (!take (project, set, self->removed, record, error))
        return FALSE;
    }

  /* Two passes, because a deleted diagram takes nodes that take flows. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BwElement) element = g_list_model_get_item (elements, i);
        gboolean goes;

        if (pass == 0)
          goes = g_hash_table_contains (set, bw_element_get_diagram (element));
        else
          goes = bw_element_get_kind_enum (element) == BW_ELEMENT_DATA_FLOW &&
                 (g_hash_table_contains (set, bw_element_get_source (element)) ||
                  g_hash_table_contains (set, bw_element_get_target (element)));
        if (goes && !take (project, set, self->removed, BW_RECORD (element), error))
          return FALSE;
      }

  g_array_sort (self->removed, compare_removed);
  return TRUE;
}

static gboolean
strv_mentions (char       **ids,
               GHashTable  *set)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (g_hash_table_contains (set, ids[i]))
      return TRUE;
  return FALSE;
}

static gboolean
edit (BwCommandRemove  *self,
      BwProject        *project,
      const char       *path,
      const BwField    *field,
      const GValue     *value,
      GError          **error)
{
  g_autoptr(BwCommand) command = bw_command_set_property_new (project, path, field->name, value);

  if (!bw_command_apply (command, project, error))
    return FALSE;
  g_ptr_array_add (self->edits, g_steal_pointer (&command));
  return TRUE;
}

/* The threat's history says why it went obsolete, as derivation's own
 * entries do (FORMAT.md "history"). */
static gboolean
record_obsolete (BwCommandRemove  *self,
                 BwProject        *project,
                 const char       *path,
                 const char       *target,
                 GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  /* Translators: a threat's history; %s is the ID of a deleted element */
  g_autofree char *detail = g_strdup_printf (_("%s was deleted"), target);
  g_autoptr(BwHistoryEntry) entry = g_object_new (BW_TYPE_HISTORY_ENTRY,
                                                  "at", at,
                                                  "event", "obsolete",
                                                  "detail", detail,
                                                  NULL);
  g_autoptr(BwCommand) command = bw_command_add_child_new (project, path, "history", BW_RECORD (entry));

  if (!bw_command_apply (command, project, error))
    return FALSE;
  g_ptr_array_add (self->edits, g_steal_pointer (&command));
  return TRUE;
}

static char *
child_path (BwProject  *project,
            BwRecord   *child,
            const char *parent_path,
            const char *member,
            int         index)
{
  const char *id = bw_record_get_id (child);
  g_autofree char *segment = NULL;

  /* A record in the index is found by its ID alone. */
  if (id != NULL && bw_project_lookup (project, id) == child)
    return g_strdup (id);
  segment = index < 0 ? g_strdup (member) : g_strdup_printf ("%s/%d", member, index);
  if (*parent_path == '\0')
    return g_steal_pointer (&segment);
  return g_strconcat (parent_path, "/", segment, NULL);
}

static gboolean
clear_references (BwCommandRemove  *self,
                  BwProject        *project,
                  BwRecord         *record,
                  const char       *path,
                  GHashTable       *set,
                  GError          **error);

static gboolean
clear_in_child (BwCommandRemove  *self,
                BwProject        *project,
                BwRecord         *child,
                const char       *path,
                const char       *member,
                int               index,
                GHashTable       *set,
                GError          **error)
{
  g_autofree char *cpath = NULL;
  const char *id = bw_record_get_id (child);

  /* The deleted records themselves are put back as they were. */
  if (id != NULL && g_hash_table_contains (set, id) && bw_project_lookup (project, id) == child)
    return TRUE;
  cpath = child_path (project, child, path, member, index);
  return clear_references (self, project, child, cpath, set, error);
}

static gboolean
clear_references (BwCommandRemove  *self,
                  BwProject        *project,
                  BwRecord         *record,
                  const char       *path,
                  GHashTable       *set,
                  GError          **error)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (record);
  gboolean obsolete = FALSE;

  if (BW_IS_THREAT (record))
    {
      BwThreat *threat = BW_THREAT (record);

      obsolete = bw_threat_get_obsolete (threat);
      if (!obsolete && g_hash_table_contains (set, bw_threat_get_target (threat)))
        {
          g_auto(GValue) value = G_VALUE_INIT;
          const BwField *field = bw_record_class_find_field (klass, "obsolete");

          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, TRUE);
          if (!edit (self, project, path, field, &value, error))
            return FALSE;
          obsolete = TRUE;
          if (!record_obsolete (self, project, path, bw_threat_get_target (threat), error))
            return FALSE;
        }
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];
      gpointer ptr = bw_record_field_ptr (record, field);

      if (!bw_record_has_field (record, field))
        continue;

      /* An obsolete threat keeps naming what it was about. */
      if (obsolete && (g_str_equal (field->name, "target") || field->type == BW_FIELD_INTERACTION))
        continue;

      switch (field->type)
        {
        case BW_FIELD_REF:
          if (*(char **) ptr != NULL && g_hash_table_contains (set, *(char **) ptr))
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_value_init (&value, G_TYPE_STRING);
              if (!edit (self, project, path, field, &value, error))
                return FALSE;
            }
          break;

        case BW_FIELD_REFS:
          if (strv_mentions (*(char ***) ptr, set))
            {
              g_auto(GValue) value = G_VALUE_INIT;
              g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
              char **ids = *(char ***) ptr;

              for (guint j = 0; ids[j] != NULL; j++)
                if (!g_hash_table_contains (set, ids[j]))
                  g_strv_builder_add (builder, ids[j]);
              g_value_init (&value, G_TYPE_STRV);
              g_value_take_boxed (&value, g_strv_builder_end (builder));
              if (!edit (self, project, path, field, &value, error))
                return FALSE;
            }
          break;

        case BW_FIELD_INTERACTION:
          if (strv_mentions (*(char ***) ptr, set))
            {
              g_auto(GValue) value = G_VALUE_INIT;

              g_value_init (&value, G_TYPE_STRV);
              if (!edit (self, project, path, field, &value, error))
                return FALSE;
            }
          break;

        case BW_FIELD_RECORD:
        case BW_FIELD_NRECORD:
          if (*(BwRecord **) ptr != NULL &&
              !clear_in_child (self, project, *(BwRecord **) ptr, path, field->name, -1, set, error))
            return FALSE;
          break;

        case BW_FIELD_RECORDS:
          {
            GListModel *list = G_LIST_MODEL (bw_record_get_records (record, field));
            guint n = g_list_model_get_n_items (list);

            for (guint j = 0; j < n; j++)
              {
                g_autoptr(BwRecord) child = g_list_model_get_item (list, j);

                if (!clear_in_child (self, project, child, path, field->name, j, set, error))
                  return FALSE;
              }
          }
          break;

        default:
          break;
        }
    }
  return TRUE;
}

static void
revert_edits (BwCommandRemove *self,
              BwProject       *project)
{
  for (guint i = self->edits->len; i > 0; i--)
    bw_command_revert (g_ptr_array_index (self->edits, i - 1), project);
  g_ptr_array_set_size (self->edits, 0);
}

static gboolean
bw_command_remove_apply (BwCommand  *command,
                         BwProject  *project,
                         GError    **error)
{
  BwCommandRemove *self = BW_COMMAND_REMOVE (command);
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_size (self->removed, 0);
  g_ptr_array_set_size (self->edits, 0);

  if (!collect (self, project, set, error))
    {
      g_array_set_size (self->removed, 0);
      return FALSE;
    }

  /* References first, so no view ever sees one to a missing record. */
  if (!clear_references (self, project, BW_RECORD (project), "", set, error))
    {
      revert_edits (self, project);
      g_array_set_size (self->removed, 0);
      return FALSE;
    }

  /* From the back, so the positions of the rest stay put. */
  for (guint i = self->removed->len; i > 0; i--)
    {
      Removed *r = &g_array_index (self->removed, Removed, i - 1);

      bw_project_unindex_record (project, r->record);
      g_list_store_remove (bw_project_get_collection (project, r->collection), r->position);
    }
  return TRUE;
}

static void
bw_command_remove_revert (BwCommand *command,
                          BwProject *project)
{
  BwCommandRemove *self = BW_COMMAND_REMOVE (command);

  /* From the front, so each goes back to its old position. */
  for (guint i = 0; i < self->removed->len; i++)
    {
      Removed *r = &g_array_index (self->removed, Removed, i);

      g_list_store_insert (bw_project_get_collection (project, r->collection), r->position, r->record);
      bw_project_index_record (project, r->record);
    }
  revert_edits (self, project);
  g_array_set_size (self->removed, 0);
}

static void
bw_command_remove_finalize (GObject *object)
{
  BwCommandRemove *self = BW_COMMAND_REMOVE (object);

  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->removed, g_array_unref);
  g_clear_pointer (&self->edits, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_command_remove_parent_class)->finalize (object);
}

static void
bw_command_remove_class_init (BwCommandRemoveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_remove_finalize;
  command_class->apply = bw_command_remove_apply;
  command_class->revert = bw_command_remove_revert;
}

static void
bw_command_remove_init (BwCommandRemove *self)
{
  self->removed = g_array_new (FALSE, FALSE, sizeof (Removed));
  g_array_set_clear_func (self->removed, clear_removed);
  self->edits = g_ptr_array_new_with_free_func (g_object_unref);
}

static char *
make_label (BwProject          *project,
            const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);
  gboolean all_elements = TRUE;

  if (n == 1)
    return g_strdup (bw_command_describe (bw_project_lookup (project, ids[0]), BW_COMMAND_VERB_DELETE));

  for (guint i = 0; i < n; i++)
    if (!BW_IS_ELEMENT (bw_project_lookup (project, ids[i])))
      all_elements = FALSE;
  if (all_elements)
    return g_strdup_printf (ngettext ("Delete %u Element", "Delete %u Elements", n), n);
  return g_strdup_printf (ngettext ("Delete %u Item", "Delete %u Items", n), n);
}

/**
 * bw_command_remove_new:
 * @project: the project (for the label)
 * @ids: the IDs of top-level records to delete
 *
 * Returns: (transfer full): a command that deletes the records, the flows
 *   of deleted nodes, the elements of deleted diagrams, and clears every
 *   reference to them
 */
BwCommand *
bw_command_remove_new (BwProject          *project,
                       const char * const *ids)
{
  BwCommandRemove *self;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (ids != NULL && ids[0] != NULL, NULL);

  self = g_object_new (BW_TYPE_COMMAND_REMOVE, NULL);
  self->ids = g_strdupv ((char **) ids);
  label = make_label (project, ids);
  bw_command_set_label (BW_COMMAND (self), label);
  return BW_COMMAND (self);
}
