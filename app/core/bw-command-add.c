/* bw-command-add.c — add a record to one of the project's collections
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The ID is taken when the command is made, not when it is applied:
 * FORMAT.md wants an undone "add" to leave its counter where it is and
 * the redo to bring back the very same ID.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-add.h"
#include "bw-project-io.h"
#include "bw-command-set-property.h"

struct _BwCommandAdd
{
  BwCommand  parent_instance;

  /* Ours while the record is out of the project; the project's list holds
   * it too while it is in. */
  BwRecord  *record;
  char      *id;
  int        position;
};

G_DEFINE_FINAL_TYPE (BwCommandAdd, bw_command_add, BW_TYPE_COMMAND)

static gboolean
bw_command_add_apply (BwCommand  *command,
                      BwProject  *project,
                      GError    **error)
{
  BwCommandAdd *self = BW_COMMAND_ADD (command);
  GListStore *store = bw_project_get_collection (project, G_OBJECT_TYPE (self->record));
  g_autoptr(GError) local_error = NULL;
  guint n;

  if (store == NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("A %s cannot be added to a project on its own."), G_OBJECT_TYPE_NAME (self->record));
      return FALSE;
    }
  if (self->id != NULL && bw_project_lookup (project, self->id) != NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("The project already has an object with the ID “%s”."), self->id);
      return FALSE;
    }
  if (!bw_project_check_record (project, self->record, &local_error))
    {
      g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_list_store_insert (store, self->position < 0 ? n : MIN ((guint) self->position, n), self->record);
  bw_project_index_record (project, self->record);
  return TRUE;
}

static void
bw_command_add_revert (BwCommand *command,
                       BwProject *project)
{
  BwCommandAdd *self = BW_COMMAND_ADD (command);
  GListStore *store = bw_project_get_collection (project, G_OBJECT_TYPE (self->record));
  guint position;

  g_return_if_fail (store != NULL);

  if (!g_list_store_find (store, self->record, &position))
    g_return_if_reached ();
  bw_project_unindex_record (project, self->record);
  g_list_store_remove (store, position);
}

static void
bw_command_add_finalize (GObject *object)
{
  BwCommandAdd *self = BW_COMMAND_ADD (object);

  g_clear_object (&self->record);
  g_clear_pointer (&self->id, g_free);

  G_OBJECT_CLASS (bw_command_add_parent_class)->finalize (object);
}

static void
bw_command_add_class_init (BwCommandAddClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_add_finalize;
  command_class->apply = bw_command_add_apply;
  command_class->revert = bw_command_add_revert;
}

static void
bw_command_add_init (BwCommandAdd *self)
{
}

/* Gives an ID to the record and to the records inside it that need one
 * (the nodes of a new attack tree). */
static void
allocate_ids (BwProject *project,
              BwRecord  *record)
{
  BwRecordClass *klass = BW_RECORD_GET_CLASS (record);

  if (klass->has_id && klass->prefix != NULL && bw_record_get_id (record) == NULL)
    {
      g_autofree char *id = bw_project_allocate_id (project, bw_record_prefix_of (record));

      bw_record_set_id (record, id);
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BwField *field = &klass->fields[i];
      gpointer ptr = bw_record_field_ptr (record, field);

      if ((field->type == BW_FIELD_RECORD || field->type == BW_FIELD_NRECORD) && *(BwRecord **) ptr != NULL)
        allocate_ids (project, *(BwRecord **) ptr);
      else if (field->type == BW_FIELD_RECORDS)
        {
          GListModel *list = G_LIST_MODEL (bw_record_get_records (record, field));
          guint n = g_list_model_get_n_items (list);

          for (guint j = 0; j < n; j++)
            {
              g_autoptr(BwRecord) child = g_list_model_get_item (list, j);

              allocate_ids (project, child);
            }
        }
    }
}

/**
 * bw_command_add_new:
 * @project: the project the record will belong to
 * @record: a new record, in no project yet; one without an ID gets the
 *   next ID of its prefix now
 * @position: where in its collection, or -1 for the end
 *
 * Returns: (transfer full): a command that adds @record
 */
BwCommand *
bw_command_add_new (BwProject *project,
                    BwRecord  *record,
                    int        position)
{
  BwCommandAdd *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (BW_IS_RECORD (record), NULL);

  allocate_ids (project, record);

  self = g_object_new (BW_TYPE_COMMAND_ADD, NULL);
  self->record = g_object_ref (record);
  self->id = g_strdup (bw_record_get_id (record));
  self->position = position;
  bw_command_set_label (BW_COMMAND (self), bw_command_describe (record, BW_COMMAND_VERB_ADD));
  return BW_COMMAND (self);
}

const char *
bw_command_add_get_id (BwCommandAdd *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_ADD (self), NULL);
  return self->id;
}

BwRecord *
bw_command_add_get_record (BwCommandAdd *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_ADD (self), NULL);
  return self->record;
}
