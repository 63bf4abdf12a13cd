/* bw-command-add-child.c — add a record to a list inside another record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The lists of top-level collections take records through the add
 * command; this one is for lists inside a record, such as a component's
 * vulnerabilities.  The parent is named by path (an ID, then members), the
 * record is appended to the end, checked with the loader's own checks,
 * and the undo takes exactly that object out again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-add-child.h"
#include "bw-project-io.h"

struct _BwCommandAddChild
{
  BwCommand  parent_instance;

  char      *parent_path;
  char      *member;
  BwRecord  *record;
};

G_DEFINE_FINAL_TYPE (BwCommandAddChild, bw_command_add_child, BW_TYPE_COMMAND)

static GListStore *
find_list (BwCommandAddChild  *self,
           BwProject          *project,
           GError            **error)
{
  BwRecord *parent = bw_project_resolve_path (project, self->parent_path);
  const BwField *field;

  if (parent == NULL)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not in this project."), self->parent_path);
      return NULL;
    }
  field = bw_record_class_find_field (BW_RECORD_GET_CLASS (parent), self->member);
  if (field == NULL || field->type != BW_FIELD_RECORDS || !bw_record_has_field (parent, field) ||
      !g_type_is_a (G_OBJECT_TYPE (self->record), field->record_type ()))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” has no list “%s” that takes this item."), self->parent_path, self->member);
      return NULL;
    }
  return bw_record_get_records (parent, field);
}

static gboolean
bw_command_add_child_apply (BwCommand  *command,
                            BwProject  *project,
                            GError    **error)
{
  BwCommandAddChild *self = BW_COMMAND_ADD_CHILD (command);
  g_autoptr(GError) local_error = NULL;
  GListStore *list = find_list (self, project, error);
  guint position;

  if (list == NULL)
    return FALSE;
  if (!bw_project_check_record (project, self->record, &local_error))
    {
      g_set_error_literal (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, local_error->message);
      return FALSE;
    }
  position = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_list_store_insert (list, position, self->record);
  return TRUE;
}

static void
bw_command_add_child_revert (BwCommand *command,
                             BwProject *project)
{
  BwCommandAddChild *self = BW_COMMAND_ADD_CHILD (command);
  GListStore *list = find_list (self, project, NULL);
  guint position;

  g_return_if_fail (list != NULL);
  if (!g_list_store_find (list, self->record, &position))
    g_return_if_reached ();
  g_list_store_remove (list, position);
}

static void
bw_command_add_child_finalize (GObject *object)
{
  BwCommandAddChild *self = BW_COMMAND_ADD_CHILD (object);

  g_clear_pointer (&self->parent_path, g_free);
  g_clear_pointer (&self->member, g_free);
  g_clear_object (&self->record);

  G_OBJECT_CLASS (bw_command_add_child_parent_class)->finalize (object);
}

static void
bw_command_add_child_class_init (BwCommandAddChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_add_child_finalize;
  command_class->apply = bw_command_add_child_apply;
  command_class->revert = bw_command_add_child_revert;
}

static void
bw_command_add_child_init (BwCommandAddChild *self)
{
}

/**
 * bw_command_add_child_new:
 * @project: the project (for the label)
 * @parent_path: the record whose list takes @record ("C-3")
 * @member: the list member ("vulnerabilities")
 * @record: a new record, in no project yet
 *
 * Returns: (transfer full): a command that appends @record to the list
 */
BwCommand *
bw_command_add_child_new (BwProject  *project,
                          const char *parent_path,
                          const char *member,
                          BwRecord   *record)
{
  BwCommandAddChild *self;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (parent_path != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);
  g_return_val_if_fail (BW_IS_RECORD (record), NULL);

  self = g_object_new (BW_TYPE_COMMAND_ADD_CHILD, NULL);
  self->parent_path = g_strdup (parent_path);
  self->member = g_strdup (member);
  self->record = g_object_ref (record);
  parts = g_strsplit (parent_path, "/", 2);
  bw_command_set_label (BW_COMMAND (self),
                        bw_command_describe (bw_project_lookup (project, parts[0]), BW_COMMAND_VERB_CHANGE));
  return BW_COMMAND (self);
}
