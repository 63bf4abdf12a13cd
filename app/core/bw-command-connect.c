/* bw-command-connect.c — draw a data flow between two nodes
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * An "add" of a new flow whose ends are checked up front, so the connect
 * tool can refuse a drop on the wrong thing before it becomes a step.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-add.h"
#include "bw-command-connect.h"
#include "bw-command-set-property.h"

struct _BwCommandConnect
{
  BwCommand  parent_instance;

  BwCommand *add;
};

G_DEFINE_FINAL_TYPE (BwCommandConnect, bw_command_connect, BW_TYPE_COMMAND)

static gboolean
bw_command_connect_apply (BwCommand  *command,
                          BwProject  *project,
                          GError    **error)
{
  BwCommandConnect *self = BW_COMMAND_CONNECT (command);

  /* The add checks the ends again: a redo may find them gone. */
  return bw_command_apply (self->add, project, error);
}

static void
bw_command_connect_revert (BwCommand *command,
                           BwProject *project)
{
  BwCommandConnect *self = BW_COMMAND_CONNECT (command);

  bw_command_revert (self->add, project);
}

static void
bw_command_connect_finalize (GObject *object)
{
  BwCommandConnect *self = BW_COMMAND_CONNECT (object);

  g_clear_object (&self->add);

  G_OBJECT_CLASS (bw_command_connect_parent_class)->finalize (object);
}

static void
bw_command_connect_class_init (BwCommandConnectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_connect_finalize;
  command_class->apply = bw_command_connect_apply;
  command_class->revert = bw_command_connect_revert;
}

static void
bw_command_connect_init (BwCommandConnect *self)
{
}

static BwElement *
lookup_node (BwProject   *project,
             const char  *id,
             GError     **error)
{
  BwRecord *record = bw_project_lookup (project, id);

  if (!BW_IS_ELEMENT (record) || !bw_element_is_node (BW_ELEMENT (record)))
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("A data flow connects external entities, processes and data stores; “%s” is none of these."),
                   id ? id : "");
      return NULL;
    }
  return BW_ELEMENT (record);
}

/**
 * bw_command_connect_new:
 * @project: the project
 * @source_id: the node the data comes from
 * @target_id: the node it goes to
 * @error: why the two cannot be connected
 *
 * Takes the flow's ID now, so that a redo gives it the same one.
 *
 * Returns: (transfer full) (nullable): a command that adds the flow, or
 *   %NULL when the ends are not nodes of one diagram
 */
BwCommand *
bw_command_connect_new (BwProject   *project,
                        const char  *source_id,
                        const char  *target_id,
                        GError     **error)
{
  BwCommandConnect *self;
  g_autoptr(BwElement) flow = NULL;
  g_autofree char *id = NULL;
  BwElement *source, *target;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  if ((source = lookup_node (project, source_id, error)) == NULL ||
      (target = lookup_node (project, target_id, error)) == NULL)
    return NULL;
  if (g_strcmp0 (bw_element_get_diagram (source), bw_element_get_diagram (target)) != 0)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID,
                   _("“%s” and “%s” are on different diagrams; a data flow connects elements of one diagram."),
                   source_id, target_id);
      return NULL;
    }

  id = bw_project_allocate_id (project, bw_element_kind_prefix (BW_ELEMENT_DATA_FLOW));
  flow = g_object_new (BW_TYPE_ELEMENT,
                       "kind", "data_flow",
                       "diagram", bw_element_get_diagram (source),
                       "source", source_id,
                       "target", target_id,
                       NULL);
  bw_record_set_id (BW_RECORD (flow), id);

  self = g_object_new (BW_TYPE_COMMAND_CONNECT, NULL);
  self->add = bw_command_add_new (project, BW_RECORD (flow), -1);
  bw_command_set_label (BW_COMMAND (self), bw_command_get_label (self->add));
  return BW_COMMAND (self);
}

const char *
bw_command_connect_get_flow_id (BwCommandConnect *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_CONNECT (self), NULL);

  return bw_command_add_get_id (BW_COMMAND_ADD (self->add));
}
