/* bw-command-connect.h — draw a data flow between two nodes
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 */
#pragma once

#include "bw-command.h"
#include "bw-project.h"

G_BEGIN_DECLS

#define BW_TYPE_COMMAND_CONNECT (bw_command_connect_get_type ())
G_DECLARE_FINAL_TYPE (BwCommandConnect, bw_command_connect, BW, COMMAND_CONNECT, BwCommand)

BwCommand  *bw_command_connect_new         (BwProject         *project,
                                            const char        *source_id,
                                            const char        *target_id,
                                            GError           **error);
const char *bw_command_connect_get_flow_id (BwCommandConnect  *self);

G_END_DECLS
