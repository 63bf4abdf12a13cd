/* bw-command-reconnect.h — move one end of a data flow to another node
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

typedef enum
{
  BW_FLOW_END_SOURCE,
  BW_FLOW_END_TARGET,
} BwFlowEnd;

#define BW_TYPE_COMMAND_RECONNECT (bw_command_reconnect_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandReconnect, bw_command_reconnect, BW, COMMAND_RECONNECT, BwCommand)

BwCommand *bw_command_reconnect_new (BwProject  *project,
                                     const char *flow_id,
                                     BwFlowEnd   end,
                                     const char *node_id);

G_END_DECLS
