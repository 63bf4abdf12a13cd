/* bw-command-remove-child.c — take a record out of a list inside another record
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * The counterpart of the add-child command, for lists such as a
 * component's vulnerabilities.  Records in these lists have no ID of their
 * own and nothing refers to them, so removing one touches nothing else;
 * the undo puts the very same object back where it was.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-remove-child.h"

struct _BwCommandRemoveChild
{
  BwCommand  parent_instance;

  char      *parent_path;
  char      *member;
  guint      position;
  BwRecord  *removed;     /* while applied */
};

G_DEFINE_FINAL_TYPE (BwCommandRemoveChild, bw_command_remove_child, BW_TYPE_COMMAND)

static GListStore *
find_list (BwCommandRemoveChild  *self,
           BwProject             *project,
           GError               **error)
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
  if (field == NULL || field->type != BW_FIELD_RECORDS || !bw_record_has_field (parent, field))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” has no list “%s”."), self->parent_path, self->member);
      return NULL;
    }
  return bw_record_get_records (parent, field);
}

static gboolean
bw_command_remove_child_apply (BwCommand  *command,
                               BwProject  *project,
                               GError    **error)
{
  BwCommandRemoveChild *self = BW_COMMAND_REMOVE_CHILD (command);
  GListStore *list = find_list (self, project, error);

  if (list == NULL)
    return FALSE;
  if (self->position >= g_list_model_get_n_items (G_LIST_MODEL (list)))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s/%s/%u” is not in this project."), self->parent_path, self->member, self->position);
      return FALSE;
    }
  g_clear_object (&self->removed);
  self->removed = g_list_model_get_item (G_LIST_MODEL (list), self->position);
  g_list_store_remove (list, self->position);
  return TRUE;
}

static void
bw_command_remove_child_revert (BwCommand *command,
                                BwProject *project)
{
  BwCommandRemoveChild *self = BW_COMMAND_REMOVE_CHILD (command);
  GListStore *list = find_list (self, project, NULL);

  g_return_if_fail (list != NULL && self->removed != NULL);
  g_list_store_insert (list, self->position, self->removed);
  g_clear_object (&self->removed);
}

static void
bw_command_remove_child_finalize (GObject *object)
{
  BwCommandRemoveChild *self = BW_COMMAND_REMOVE_CHILD (object);

  g_clear_pointer (&self->parent_path, g_free);
  g_clear_pointer (&self->member, g_free);
  g_clear_object (&self->removed);

  G_OBJECT_CLASS (bw_command_remove_child_parent_class)->finalize (object);
}

static void
bw_command_remove_child_class_init (BwCommandRemoveChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_remove_child_finalize;
  command_class->apply = bw_command_remove_child_apply;
  command_class->revert = bw_command_remove_child_revert;
}

static void
bw_command_remove_child_init (BwCommandRemoveChild *self)
{
}

/**
 * bw_command_remove_child_new:
 * @project: the project (for the label)
 * @parent_path: the record whose list holds the item ("C-3")
 * @member: the list member ("vulnerabilities")
 * @position: the item's index in the list
 *
 * Returns: (transfer full): a command that removes the item
 */
BwCommand *
bw_command_remove_child_new (BwProject  *project,
                             const char *parent_path,
                             const char *member,
                             guint       position)
{
  BwCommandRemoveChild *self;
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (parent_path != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  self = g_object_new (BW_TYPE_COMMAND_REMOVE_CHILD, NULL);
  self->parent_path = g_strdup (parent_path);
  self->member = g_strdup (member);
  self->position = position;
  parts = g_strsplit (parent_path, "/", 2);
  bw_command_set_label (BW_COMMAND (self),
                        bw_command_describe (bw_project_lookup (project, parts[0]), BW_COMMAND_VERB_CHANGE));
  return BW_COMMAND (self);
}
