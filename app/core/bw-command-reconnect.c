/* bw-command-reconnect.c — move one end of a data flow to another node
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * A change of the flow's "source" or "target"; the set-property command
 * already refuses an end that is not a node of the flow's diagram.  This
 * class gives the step its own label and refuses anything but a flow.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-command-reconnect.h"
#include "bw-command-set-property.h"

struct _BwCommandReconnect
{
  BwCommand  parent_instance;

  char      *flow_id;
  BwCommand *set;
};

G_DEFINE_FINAL_TYPE (BwCommandReconnect, bw_command_reconnect, BW_TYPE_COMMAND)

static gboolean
bw_command_reconnect_apply (BwCommand  *command,
                            BwProject  *project,
                            GError    **error)
{
  BwCommandReconnect *self = BW_COMMAND_RECONNECT (command);
  BwRecord *flow = bw_project_lookup (project, self->flow_id);

  if (!BW_IS_ELEMENT (flow) || bw_element_get_kind_enum (BW_ELEMENT (flow)) != BW_ELEMENT_DATA_FLOW)
    {
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                   _("“%s” is not a data flow of this project."), self->flow_id);
      return FALSE;
    }
  return bw_command_apply (self->set, project, error);
}

static void
bw_command_reconnect_revert (BwCommand *command,
                             BwProject *project)
{
  BwCommandReconnect *self = BW_COMMAND_RECONNECT (command);

  bw_command_revert (self->set, project);
}

static void
bw_command_reconnect_finalize (GObject *object)
{
  BwCommandReconnect *self = BW_COMMAND_RECONNECT (object);

  g_clear_pointer (&self->flow_id, g_free);
  g_clear_object (&self->set);

  G_OBJECT_CLASS (bw_command_reconnect_parent_class)->finalize (object);
}

static void
bw_command_reconnect_class_init (BwCommandReconnectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_reconnect_finalize;
  command_class->apply = bw_command_reconnect_apply;
  command_class->revert = bw_command_reconnect_revert;
}

static void
bw_command_reconnect_init (BwCommandReconnect *self)
{
}

/**
 * bw_command_reconnect_new:
 * @project: the project
 * @flow_id: the data flow
 * @end: which end to move
 * @node_id: the node that end moves to, on the flow's diagram
 *
 * Returns: (transfer full): a command; applying it fails when @node_id is
 *   not a node of the flow's diagram
 */
BwCommand *
bw_command_reconnect_new (BwProject  *project,
                          const char *flow_id,
                          BwFlowEnd   end,
                          const char *node_id)
{
  BwCommandReconnect *self;
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  g_return_val_if_fail (flow_id != NULL, NULL);
  g_return_val_if_fail (end == BW_FLOW_END_SOURCE || end == BW_FLOW_END_TARGET, NULL);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, node_id);

  self = g_object_new (BW_TYPE_COMMAND_RECONNECT, NULL);
  self->flow_id = g_strdup (flow_id);
  self->set = bw_command_set_property_new (project, flow_id,
                                           end == BW_FLOW_END_SOURCE ? "source" : "target", &value);
  bw_command_set_label (BW_COMMAND (self), _("Reconnect Data Flow"));
  return BW_COMMAND (self);
}
