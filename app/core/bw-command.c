/* bw-command.c — one undoable edit of a project
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#include "config.h"

#include "bw-command.h"

typedef struct
{
  char  *label;
  /* The selection (IDs) to restore on undo and on redo. */
  char **selection_before;
  char **selection_after;
} BwCommandPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BwCommand, bw_command, G_TYPE_OBJECT)

static gboolean
bw_command_real_merge (BwCommand *self,
                       BwCommand *next)
{
  return FALSE;
}

static void
bw_command_finalize (GObject *object)
{
  BwCommand *self = BW_COMMAND (object);
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_clear_pointer (&priv->label, g_free);
  g_clear_pointer (&priv->selection_before, g_strfreev);
  g_clear_pointer (&priv->selection_after, g_strfreev);

  G_OBJECT_CLASS (bw_command_parent_class)->finalize (object);
}

static void
bw_command_class_init (BwCommandClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bw_command_finalize;
  klass->merge = bw_command_real_merge;
}

static void
bw_command_init (BwCommand *self)
{
}

const char *
bw_command_get_label (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return priv->label ? priv->label : "";
}

void
bw_command_set_label (BwCommand  *self,
                      const char *label)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_if_fail (BW_IS_COMMAND (self));

  g_free (priv->label);
  priv->label = g_strdup (label);
}

gboolean
bw_command_apply (BwCommand  *self,
                  BwProject  *project,
                  GError    **error)
{
  g_return_val_if_fail (BW_IS_COMMAND (self), FALSE);

  return BW_COMMAND_GET_CLASS (self)->apply (self, project, error);
}

void
bw_command_revert (BwCommand *self,
                   BwProject *project)
{
  g_return_if_fail (BW_IS_COMMAND (self));

  BW_COMMAND_GET_CLASS (self)->revert (self, project);
}

gboolean
bw_command_merge (BwCommand *self,
                  BwCommand *next)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);
  BwCommandPrivate *next_priv = bw_command_get_instance_private (next);

  g_return_val_if_fail (BW_IS_COMMAND (self), FALSE);
  g_return_val_if_fail (BW_IS_COMMAND (next), FALSE);

  if (G_OBJECT_TYPE (self) != G_OBJECT_TYPE (next))
    return FALSE;
  if (!BW_COMMAND_GET_CLASS (self)->merge (self, next))
    return FALSE;
  /* The merged step ends where the last one did. */
  g_strfreev (priv->selection_after);
  priv->selection_after = g_strdupv (next_priv->selection_after);
  return TRUE;
}

void
bw_command_set_selection (BwCommand          *self,
                          const char * const *before,
                          const char * const *after)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_if_fail (BW_IS_COMMAND (self));

  g_strfreev (priv->selection_before);
  g_strfreev (priv->selection_after);
  priv->selection_before = g_strdupv ((char **) before);
  priv->selection_after = g_strdupv ((char **) after);
}

const char * const *
bw_command_get_selection_before (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return (const char * const *) priv->selection_before;
}

const char * const *
bw_command_get_selection_after (BwCommand *self)
{
  BwCommandPrivate *priv = bw_command_get_instance_private (self);

  g_return_val_if_fail (BW_IS_COMMAND (self), NULL);

  return (const char * const *) priv->selection_after;
}
