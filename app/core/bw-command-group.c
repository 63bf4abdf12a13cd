/* bw-command-group.c — several commands as one undo step
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command-group.h"

struct _BwCommandGroup
{
  BwCommand  parent_instance;
  GPtrArray *commands;
  gboolean   wrapper;    /* commands[0] is the step, the rest follow from it */
};

G_DEFINE_FINAL_TYPE (BwCommandGroup, bw_command_group, BW_TYPE_COMMAND)

static gboolean
bw_command_group_apply (BwCommand  *command,
                        BwProject  *project,
                        GError    **error)
{
  BwCommandGroup *self = BW_COMMAND_GROUP (command);

  for (guint i = 0; i < self->commands->len; i++)
    if (!bw_command_apply (g_ptr_array_index (self->commands, i), project, error))
      {
        /* All or nothing: take back what this redo already did. */
        while (i-- > 0)
          bw_command_revert (g_ptr_array_index (self->commands, i), project);
        return FALSE;
      }
  return TRUE;
}

static void
bw_command_group_revert (BwCommand *command,
                         BwProject *project)
{
  BwCommandGroup *self = BW_COMMAND_GROUP (command);

  for (guint i = self->commands->len; i > 0; i--)
    bw_command_revert (g_ptr_array_index (self->commands, i - 1), project);
}

static void
bw_command_group_finalize (GObject *object)
{
  BwCommandGroup *self = BW_COMMAND_GROUP (object);

  g_clear_pointer (&self->commands, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_command_group_parent_class)->finalize (object);
}

static void
bw_command_group_class_init (BwCommandGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_group_finalize;
  command_class->apply = bw_command_group_apply;
  command_class->revert = bw_command_group_revert;
}

static void
bw_command_group_init (BwCommandGroup *self)
{
  self->commands = g_ptr_array_new_with_free_func (g_object_unref);
}

BwCommandGroup *
bw_command_group_new (const char *label)
{
  BwCommandGroup *self = g_object_new (BW_TYPE_COMMAND_GROUP, NULL);

  bw_command_set_label (BW_COMMAND (self), label);
  return self;
}

/* Adds a command that has been applied already, as part of this group. */
void
bw_command_group_append (BwCommandGroup *self,
                         BwCommand      *applied)
{
  g_return_if_fail (BW_IS_COMMAND_GROUP (self));
  g_return_if_fail (BW_IS_COMMAND (applied));

  g_ptr_array_add (self->commands, g_object_ref (applied));
}

guint
bw_command_group_get_size (BwCommandGroup *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_GROUP (self), 0);

  return self->commands->len;
}

BwCommandGroup *
bw_command_group_new_wrapper (BwCommand *applied)
{
  BwCommandGroup *self;

  g_return_val_if_fail (BW_IS_COMMAND (applied), NULL);

  self = bw_command_group_new (bw_command_get_label (applied));
  self->wrapper = TRUE;
  bw_command_set_selection (BW_COMMAND (self),
                            bw_command_get_selection_before (applied),
                            bw_command_get_selection_after (applied));
  bw_command_group_append (self, applied);
  return self;
}

BwCommand *
bw_command_group_get_wrapped (BwCommandGroup *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_GROUP (self), NULL);

  if (!self->wrapper || self->commands->len == 0)
    return NULL;
  return g_ptr_array_index (self->commands, 0);
}
